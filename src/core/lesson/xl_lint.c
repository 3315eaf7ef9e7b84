/* xl_lint: the lesson linter (see xl_lint.h).
 *
 * The text is walked line by line with the parser's rules for what a line is (title,
 * page, directive, note, question, answer, explanation, continuation, narration). What
 * the class reads is gathered into units, each drawn by one call of the renderer: a
 * narration paragraph (lines up to a blank line), a question, an answer, an explanation.
 * Each unit keeps where its lines start in the file, so a finding inside it has a line
 * and a column.
 */
#include "xl_lint.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UNIT_LINES = 128 };

typedef enum unit_kind { UNIT_NONE = 0, UNIT_PROSE, UNIT_QUESTION, UNIT_ANSWER, UNIT_WHY } unit_kind;

typedef struct unit {
    unit_kind kind;
    int pos;                 /* the page's steps written before it: when the class sees it */
    char text[XL_LESSON_TEXT];
    size_t len;
    int nlines;
    size_t off[UNIT_LINES];  /* where each line starts in text */
    int line[UNIT_LINES];    /* its line in the file */
    int col[UNIT_LINES];     /* the column of its first byte there */
} unit;

typedef struct linter {
    const char *file;
    const xl_lesson *l;
    char *report;
    size_t n;
    int findings;
    int page;                /* 0-based, -1 before the first */
    int question;            /* the page's question being read, -1 when none */
    int asked;               /* questions read on the page so far */
    int steps;               /* the page's directives and questions read so far */
    int question_step;       /* the step of the question being read */
    int answer_line[XL_LESSON_ANSWERS], answer_col[XL_LESSON_ANSWERS], nanswers;
    unit prose, item;        /* the narration paragraph; the question, answer or explanation */
} linter;

static void finding(linter *t, int line, int col, const char *fmt, ...)
{
    t->findings++;
    if (!t->report || t->n == 0) return;
    size_t used = strlen(t->report);
    if (used + 1 >= t->n) return;
    int w = snprintf(t->report + used, t->n - used, "%s:%d:%d: error: ", t->file, line, col);
    if (w < 0 || (size_t)w >= t->n - used) return;
    used += (size_t)w;
    va_list ap;
    va_start(ap, fmt);
    w = vsnprintf(t->report + used, t->n - used, fmt, ap);
    va_end(ap);
    if (w < 0) return;
    used = strlen(t->report);
    if (used + 1 < t->n) {
        t->report[used] = '\n';
        t->report[used + 1] = '\0';
    }
}

int xl_lesson_emphasis_marks(const char *s, size_t len, long *last)
{
    int marks = 0;
    if (last) *last = -1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len && (s[i + 1] == '*' || s[i + 1] == '\\')) {
            i++; /* an escaped star or backslash is a character, not markup */
            continue;
        }
        if (s[i] == '*') {
            marks++;
            if (last) *last = (long)i;
        }
    }
    return marks;
}

/* Where byte `pos` of the unit is in the file. */
static void locate(const unit *u, size_t pos, int *line, int *col)
{
    int k = 0;
    while (k + 1 < u->nlines && u->off[k + 1] <= pos) k++;
    *line = u->nlines ? u->line[k] : 0;
    *col = u->nlines ? u->col[k] + (int)(pos - u->off[k]) : 1;
}

static void unit_start(unit *u, unit_kind kind)
{
    u->kind = kind;
    u->pos = 0;
    u->len = 0;
    u->text[0] = '\0';
    u->nlines = 0;
}

/* Add s[0..len-1], a line's text starting at column col of line `line`, joined to what
 * the unit holds by a space. */
static void unit_add(unit *u, const char *s, size_t len, int line, int col)
{
    if (u->len > 0 && u->len + 1 < sizeof u->text) u->text[u->len++] = ' ';
    if (u->len + len + 1 > sizeof u->text) len = sizeof u->text - 1 - u->len; /* the parser refused more */
    if (u->nlines < UNIT_LINES) {
        u->off[u->nlines] = u->len;
        u->line[u->nlines] = line;
        u->col[u->nlines] = col;
        u->nlines++;
    }
    memcpy(u->text + u->len, s, len);
    u->len += len;
    u->text[u->len] = '\0';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int stops(xl_step_kind k)
{
    return k == XL_STEP_PLAY || k == XL_STEP_WAIT || k == XL_STEP_PAUSE || k == XL_STEP_QUESTION;
}

/* Is x held by an expect line of page `page` (|x − value| ≤ tol, and a hair for the
 * decimal standing for a binary double) by the time the class sees it, at step pos?
 * 0: yes; 1: no expect holds it; 2: only expects after a stop the script makes after
 * pos (a play, a wait, a pause, a question), so the text shows the number before the
 * scene makes it true; *late_line is that stop's line. An explanation (why set) is shown
 * after the plays that follow its question, so those do not count. */
static int held(const xl_lesson *l, int page, double x, int pos, int why, int *late_line)
{
    const xl_page *pg = &l->pages[page];
    int late = 0, first_stop = -1;
    for (int i = 0; i < pg->nsteps; i++) {
        const xl_step *st = &pg->steps[i];
        if (i >= pos && stops(st->kind) && first_stop < 0 && !(why && st->kind == XL_STEP_PLAY)) first_stop = i;
        if (st->kind != XL_STEP_EXPECT || !(fabs(x - st->value) <= st->tol + 1e-12 * (1.0 + fabs(x)))) continue;
        if (first_stop < 0 || i < pos) return 0;
        if (!late) *late_line = pg->steps[first_stop].line;
        late = 1;
    }
    return late ? 2 : 1;
}

static const char MINUS[] = "\xe2\x88\x92"; /* − U+2212 */

/* Every number the unit states that must be checked: four or more significant digits, or
 * right after '='. Digits inside a name (q1, x2) are not numbers. */
static void check_numbers(linter *t, const unit *u)
{
    const char *s = u->text;
    size_t i = 0;
    while (i < u->len) {
        if (!is_digit(s[i]) || (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '.'))) {
            if (is_alnum(s[i]))
                while (i < u->len && (is_alnum(s[i]) || (s[i] == '.' && i + 1 < u->len && is_digit(s[i + 1])))) i++;
            else
                i++;
            continue;
        }
        size_t start = i;
        while (i < u->len && is_digit(s[i])) i++;
        int point = 0;
        if (i + 1 < u->len && s[i] == '.' && is_digit(s[i + 1])) {
            point = 1;
            i++;
            while (i < u->len && is_digit(s[i])) i++;
        }
        size_t end = i;
        /* Significant digits: without leading zeros, and for a whole number without its
         * trailing zeros (300 steps is one significant digit). */
        int sig = 0, seen = 0;
        size_t last_nonzero = start;
        for (size_t k = start; k < end; k++) {
            if (!is_digit(s[k])) continue;
            if (s[k] != '0') {
                seen = 1;
                last_nonzero = k;
            }
            if (seen) sig++;
        }
        if (!point && seen) {
            sig = 0;
            int on = 0;
            for (size_t k = start; k <= last_nonzero; k++) {
                if (s[k] != '0') on = 1;
                if (on) sig++;
            }
        }
        /* A sign written against the digits: '-' or '−'. */
        size_t sign_at = start;
        int negative = 0;
        if (start >= 1 && s[start - 1] == '-') {
            negative = 1;
            sign_at = start - 1;
        } else if (start >= 3 && memcmp(s + start - 3, MINUS, 3) == 0) {
            negative = 1;
            sign_at = start - 3;
        }
        /* Right after '=': blanks and emphasis marks between. */
        size_t b = sign_at;
        while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '*')) b--;
        const int after_eq = b > 0 && s[b - 1] == '=';
        if (sig < 4 && !after_eq) continue;
        char num[64];
        size_t nl = end - start < sizeof num - 2 ? end - start : sizeof num - 2;
        num[0] = '-';
        memcpy(num + 1, s + start, nl);
        num[nl + 1] = '\0';
        const double x = strtod(negative ? num : num + 1, NULL);
        int late_line = 0;
        const int h = held(t->l, t->page, x, u->pos, u->kind == UNIT_WHY, &late_line);
        if (h == 0) continue;
        int line = 0, col = 0;
        locate(u, sign_at, &line, &col);
        /* A question and its answers are predictions: the scene they describe comes after. */
        if (h == 2 && (u->kind == UNIT_QUESTION || u->kind == UNIT_ANSWER)) continue;
        if (h == 2) {
            finding(t, line, col,
                    "'%s' is shown before the play, wait or question on line %d that makes it true: write it after "
                    "that line, and it appears when the script gets there",
                    negative ? num : num + 1, late_line);
            continue;
        }
        finding(t, line, col,
                "'%s' is stated but no @expect on this page holds it: add '@expect READOUT = %s ± TOL' after the "
                "directives that make it true",
                negative ? num : num + 1, negative ? num : num + 1);
    }
}

static void check_emphasis(linter *t, const unit *u)
{
    long last = -1;
    if (xl_lesson_emphasis_marks(u->text, u->len, &last) % 2 == 0) return;
    int line = 0, col = 0;
    locate(u, (size_t)last, &line, &col);
    const char *where = u->kind == UNIT_PROSE ? "its paragraph" : u->kind == UNIT_QUESTION ? "the question"
                        : u->kind == UNIT_ANSWER ? "the answer" : "the explanation";
    finding(t, line, col, "unbalanced emphasis: this '*' has no partner in %s, so the text after it is drawn bold "
                          "and the star is not shown; write \\* for a star", where);
}

static void unit_end(linter *t, unit *u)
{
    if (u->kind != UNIT_NONE && u->len > 0 && t->page >= 0) {
        check_emphasis(t, u);
        check_numbers(t, u);
    }
    unit_start(u, UNIT_NONE);
}

/* Characters (code points) of s. */
static int chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* A number or a formula: a digit (also super- and subscript), a relation or operator of
 * mathematics, "ln", or a function written f(…). */
static int has_formula(const char *s)
{
    static const char *const signs[] = {"=", "<", ">", "≥", "≤", "≈", "±", "×", "÷", "√", "Σ", "∑", "∫", "−",
                                        "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
                                        "₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    for (const char *c = s; *c; c++) {
        if (is_digit(*c)) return 1;
        if (*c == '(' && c > s && is_alnum(c[-1]) && (c - 1 == s || !is_alnum(c[-2]))) return 1;
        if (*c == 'l' && c[1] == 'n' && (c == s || !is_alnum(c[-1])) && !is_alnum(c[2])) return 1;
    }
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++)
        if (strstr(s, signs[i])) return 1;
    return 0;
}

/* The question read is complete: does its right answer stand out? */
static void question_end(linter *t)
{
    if (t->question < 0 || t->page < 0) return;
    const xl_page *pg = &t->l->pages[t->page];
    const int qi = t->question;
    t->question = -1;
    if (qi >= pg->nquestions) return;
    const xl_question *q = &pg->questions[qi];
    const int r = q->right;
    if (r < 0 || r >= q->nanswers || r >= t->nanswers) return;
    const int line = t->answer_line[r], col = t->answer_col[r];
    int alone = has_formula(q->answers[r]), longest = 1, rl = chars(q->answers[r]), most = 0;
    for (int a = 0; a < q->nanswers; a++) {
        if (a == r) continue;
        if (has_formula(q->answers[a])) alone = 0;
        const int al = chars(q->answers[a]);
        if (al > most) most = al;
        if (2 * rl <= 3 * al) longest = 0;
    }
    if (alone)
        finding(t, line, col, "the right answer alone carries a number or formula, which gives it away: give "
                              "every answer one, or none");
    if (longest)
        finding(t, line, col, "the right answer is more than half again as long as every other (%d characters "
                              "against at most %d), which gives it away: make the answers alike", rl, most);
}

static void one_line(linter *t, const char *s, size_t len, int line, int *titled)
{
    if (len > 0 && s[len - 1] == '\r') len--;
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    size_t e = len;
    while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    if (i == len) { /* a blank line ends a paragraph and what an indented line would continue */
        unit_end(t, &t->prose);
        unit_end(t, &t->item);
        return;
    }
    if (i > 0 && t->question >= 0 && t->item.kind != UNIT_NONE && t->item.kind != UNIT_QUESTION) {
        unit_add(&t->item, s + i, e - i, line, (int)i + 1);
        return;
    }
    unit_end(t, &t->item);
    if (!*titled) {
        *titled = 1;
        return;
    }
    if (len >= 3 && s[0] == '#' && s[1] == '#' && s[2] == ' ') {
        unit_end(t, &t->prose);
        question_end(t);
        if (t->page + 1 >= t->l->npages) {
            t->page = -1; /* past what was parsed: nothing to compare with */
            return;
        }
        t->page++;
        t->asked = 0;
        t->steps = 0;
        return;
    }
    if (t->page < 0 || s[0] == '#') return;
    if ((s[0] == '-' || s[0] == '=') && t->question >= 0 && len >= 2) {
        size_t b = 2, k = e;
        while (b < k && (s[b] == ' ' || s[b] == '\t')) b++;
        if (s[0] == '-') {
            /* The right answer's mark, as the parser takes it off. */
            if (k - b >= 2 && s[k - 1] == '*' && s[k - 2] == ' ') {
                k -= 2;
                while (k > b && s[k - 1] == ' ') k--;
            }
            if (t->nanswers < XL_LESSON_ANSWERS) {
                t->answer_line[t->nanswers] = line;
                t->answer_col[t->nanswers] = (int)b + 1;
                t->nanswers++;
            }
        }
        unit_start(&t->item, s[0] == '-' ? UNIT_ANSWER : UNIT_WHY);
        t->item.pos = s[0] == '-' ? t->question_step : t->question_step + 1;
        unit_add(&t->item, s + b, k - b, line, (int)b + 1);
        return;
    }
    question_end(t);
    /* A directive is one of the page's steps, as the parser counts them; @controls is a
     * flag of the page, not a step. */
    const int page_flag = (e == 9 && strncmp(s, "@controls", 9) == 0) ||
                          (e > 4 && strncmp(s, "@say", 4) == 0 && (s[4] == ' ' || s[4] == '\t'));
    if (s[0] == '@' && !page_flag) t->steps++;
    if (s[0] == '@' || s[0] == '%') return;
    if (s[0] == '?') {
        size_t b = 1;
        while (b < e && (s[b] == ' ' || s[b] == '\t')) b++;
        t->question = t->asked++; /* the page's questions in the order written */
        t->nanswers = 0;
        t->question_step = t->steps++;
        unit_start(&t->item, UNIT_QUESTION);
        t->item.pos = t->question_step;
        unit_add(&t->item, s + b, e - b, line, (int)b + 1);
        unit_end(t, &t->item); /* a question is one line */
        return;
    }
    if (t->prose.kind == UNIT_NONE) {
        unit_start(&t->prose, UNIT_PROSE);
        t->prose.pos = t->steps; /* as the parser places the paragraph (xl_page.para_after) */
    }
    unit_add(&t->prose, s + i, e - i, line, (int)i + 1);
}

/* Does the page show s: in its narration, a question, an answer or a why? */
static int page_shows(const xl_page *pg, const char *s)
{
    if (strstr(pg->text, s)) return 1;
    for (int q = 0; q < pg->nquestions; q++) {
        const xl_question *qq = &pg->questions[q];
        if (strstr(qq->text, s) || strstr(qq->why, s)) return 1;
        for (int a = 0; a < qq->nanswers; a++)
            if (strstr(qq->answers[a], s)) return 1;
    }
    return 0;
}

int xl_lesson_lint(const char *file, const char *text, size_t len, const xl_lesson *l, char *report, size_t n)
{
    linter *t = calloc(1, sizeof *t);
    if (!t) return 0;
    t->file = file ? file : "lesson";
    t->l = l;
    t->report = report;
    t->n = n;
    t->page = -1;
    t->question = -1;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) text += 3, len -= 3; /* a byte-order mark */
    int titled = 0, line = 0;
    size_t start = 0;
    while (start < len) {
        size_t end = start;
        while (end < len && text[end] != '\n' && text[end] != '\r') end++;
        line++;
        one_line(t, text + start, end - start, line, &titled);
        if (end < len && text[end] == '\r' && end + 1 < len && text[end + 1] == '\n') end++;
        start = end + 1;
    }
    unit_end(t, &t->prose);
    unit_end(t, &t->item);
    question_end(t);
    /* A page whose focus hides the panel it emphasises: the class never sees it. */
    for (int k = 0; l && k < l->npages; k++) {
        const xl_page *pg = &l->pages[k];
        for (int i = 0; pg->focus[0] && i < pg->nsteps; i++)
            if (pg->steps[i].kind == XL_STEP_EMPHASISE && strcmp(pg->steps[i].name, pg->focus) != 0)
                finding(t, pg->steps[i].line, 1,
                        "'@emphasise %s' on a page whose '@focus %s' (line %d) hides the %s: emphasise the panel in "
                        "focus, or leave the focus off",
                        pg->steps[i].name, pg->focus, pg->focus_line, pg->steps[i].name);
    }
    /* A reading of a formula the page never shows: a typo, or a rule left behind. */
    for (int k = 0; l && k < l->npages; k++) {
        const xl_page *pg = &l->pages[k];
        for (int i = 0; i < pg->nsays; i++)
            if (!page_shows(pg, pg->says[i].formula))
                finding(t, pg->says[i].line, 2,
                        "'@say %s': this page's text, questions, answers and whys do not have '%s' (a reading "
                        "applies where the page shows its formula, and on the pages after it)",
                        pg->says[i].formula, pg->says[i].formula);
    }
    const int findings = t->findings;
    free(t);
    return findings;
}
