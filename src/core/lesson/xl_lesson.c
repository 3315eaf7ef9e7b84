/* xl_lesson: the lesson format's parser (see xl_lesson.h).
 *
 * Line by line, with no allocation: the caller's xl_lesson has room for every limit,
 * and what would pass one is reported, not truncated silently. An error does not stop
 * the parse; the line it is on is skipped, so one run reports every error of a file.
 * Columns count bytes from 1.
 */
#include "xl_lesson.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_renyi.h"
#include "xl_scenario.h"
#include "xl_session.h"

/* The scenario's panels in the order of their XL_PANEL_* bits, then the front end's
 * Rényi panel, which every scenario has (it takes the history's place when shown). */
static const char *const panels[] = {"bars", "readouts", "landscape", "history", "data", "side", "renyi"};
enum { PANEL_RENYI = 6 };

int xl_lesson_panel_known(const char *name)
{
    for (size_t i = 0; i < sizeof panels / sizeof panels[0]; i++)
        if (strcmp(name, panels[i]) == 0)
            return 1;
    return 0;
}

typedef struct parser {
    const char *file;
    xl_lesson *out;
    int line;
    xl_page *page;       /* the page being read, or NULL before the first */
    xl_question *q;      /* the question being read, or NULL */
    int q_line;
    int paragraph_open;  /* narration since the last blank line */
    int overflow;        /* past the last page there is room for: lines are skipped */
    char *cont;          /* an indented line continues this answer or explanation */
    size_t cont_size;
} parser;

/* src into dst[n] whole, or, when it does not fit, cut after the last whole word that
 * leaves room for " …": never inside a word or a UTF-8 sequence. */
static void fit_words(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len < n) {
        memcpy(dst, src, len + 1);
        return;
    }
    static const char more[] = " \xe2\x80\xa6"; /* " …" */
    size_t cut = n > sizeof more ? n - sizeof more : 0;
    while (cut > 0 && src[cut] != ' ') cut--;
    while (cut > 0 && src[cut - 1] == ' ') cut--;
    if (cut == 0) { /* one word longer than the room: cut at a character's start */
        cut = n > sizeof more ? n - sizeof more : 0;
        while (cut > 0 && ((unsigned char)src[cut] & 0xC0) == 0x80) cut--;
    }
    memcpy(dst, src, cut);
    memcpy(dst + cut, more, sizeof more);
}

static void error_at(parser *p, int column, const char *fmt, ...)
{
    xl_lesson *l = p->out;
    if (l->nerrors < XL_LESSON_MAX_ERRORS) {
        /* Room for the longest message with a line quoted in it; a longer file name
         * is what gets cut, at a word. */
        char what[XL_LESSON_ERROR], whole[2 * XL_LESSON_ERROR];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(what, sizeof what, fmt, ap);
        va_end(ap);
        snprintf(whole, sizeof whole, "%s:%d:%d: error: %s", p->file, p->line, column, what);
        fit_words(l->errors[l->nerrors], sizeof l->errors[0], whole);
    }
    l->nerrors++;
}

/* Valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
 * without NUL or other control bytes but tab: what the renderer can draw. */
static int text_ok(parser *p, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 1 && c < 0x20 && c != '\t') {
            error_at(p, (int)i + 1, "a control byte (0x%02x): lessons are plain text", c);
            return 0;
        }
        if (c == 0xC0 || c == 0xC1) {
            error_at(p, (int)i + 1, "not UTF-8 text: an overlong form at byte %zu; save the file as UTF-8", i + 1);
            return 0;
        }
        if (n == 0 || i + (size_t)n > len) {
            error_at(p, (int)i + 1, "not UTF-8 text (byte 0x%02x at byte %zu); save the file as UTF-8", c, i + 1);
            return 0;
        }
        for (int k = 1; k < n; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80) {
                error_at(p, (int)i + 1, "not UTF-8 text (byte 0x%02x at byte %zu); save the file as UTF-8", c, i + 1);
                return 0;
            }
        /* The second byte's range decides the forms the lead byte alone cannot. */
        unsigned char c1 = n > 1 ? (unsigned char)s[i + 1] : 0;
        const char *bad = c == 0xE0 && c1 < 0xA0   ? "an overlong form"
                          : c == 0xF0 && c1 < 0x90 ? "an overlong form"
                          : c == 0xED && c1 >= 0xA0 ? "a UTF-16 surrogate (U+D800 to U+DFFF)"
                          : c == 0xF4 && c1 >= 0x90 ? "a code point above U+10FFFF"
                                                    : NULL;
        if (bad) {
            error_at(p, (int)i + 1, "not UTF-8 text: %s at byte %zu; save the file as UTF-8", bad, i + 1);
            return 0;
        }
        i += (size_t)n;
    }
    return 1;
}

/* Copy s[0..len-1], blanks trimmed, into buf[n]; 0 if it does not fit. */
static int copy_trimmed(char *buf, size_t n, const char *s, size_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if (len + 1 > n)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return 1;
}

/* Append s[0..len-1] to buf[n] (holding a string); 0 if it does not fit. */
static int append(char *buf, size_t n, const char *s, size_t len)
{
    size_t used = strlen(buf);
    if (used + len + 1 > n)
        return 0;
    memcpy(buf + used, s, len);
    buf[used + len] = '\0';
    return 1;
}

static xl_step *new_step(parser *p, xl_step_kind kind, int column)
{
    if (p->page->nsteps >= XL_LESSON_MAX_STEPS) {
        error_at(p, column, "more than %d directives and questions on one page; split the page", XL_LESSON_MAX_STEPS);
        return NULL;
    }
    xl_step *st = &p->page->steps[p->page->nsteps++];
    memset(st, 0, sizeof *st);
    st->kind = kind;
    st->line = p->line;
    return st;
}

/* A readout some scenario has: expect lines are checked against the scenario in force
 * when the page plays; here, that the name exists at all. */
static int readout_somewhere(const char *name)
{
    double alpha = 0.0;
    if (xl_lesson_renyi_name(name, &alpha)) return 1;
    for (int i = 0; i < xl_scenario_count(); i++)
        if (xl_scenario_readout_index(xl_scenario_at(i), name) >= 0)
            return 1;
    return 0;
}

static int word_len(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] != ' ' && s[i] != '\t') i++;
    return (int)i;
}

/* "expect NAME = VALUE ± TOL" (also "+-"), the rest of the line after "expect". */
static void parse_expect(parser *p, const char *s, size_t len, int col)
{
    char buf[XL_LESSON_LINE];
    if (!copy_trimmed(buf, sizeof buf, s, len)) {
        error_at(p, col, "expect line too long");
        return;
    }
    char *eq = strchr(buf, '=');
    char *pm = strstr(buf, "±");
    size_t pm_len = 2;
    if (!pm) {
        pm = strstr(buf, "+-");
        pm_len = 2;
    }
    if (!eq || !pm || pm < eq) {
        error_at(p, col, "expect needs NAME = VALUE ± TOL, e.g. '@expect loss = 6.9078 ± 0.0001'");
        return;
    }
    char name[XL_LESSON_NAME];
    if (!copy_trimmed(name, sizeof name, buf, (size_t)(eq - buf)) || !name[0]) {
        error_at(p, col, "expect needs the readout's name before '=', e.g. '@expect loss = 6.9078 ± 0.0001'");
        return;
    }
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_')) {
            error_at(p, col, "'%s' is not a readout name (lower-case letters, digits, _)", name);
            return;
        }
    if (!readout_somewhere(name)) {
        error_at(p, col, "no scenario has a readout '%s' (e.g. loss, entropy, kl; --trace lists them)", name);
        return;
    }
    char v[64], t[64];
    double value = 0.0, tol = 0.0;
    if (!copy_trimmed(v, sizeof v, eq + 1, (size_t)(pm - eq - 1)) || xl_parse_real(v, strlen(v), &value) != 0) {
        error_at(p, col, "expect needs a plain number after '=', e.g. 6.9078");
        return;
    }
    const char *rest = pm + pm_len;
    if (!copy_trimmed(t, sizeof t, rest, strlen(rest)) || xl_parse_real(t, strlen(t), &tol) != 0 || tol < 0.0) {
        error_at(p, col, "expect needs a tolerance of 0 or more after '±', e.g. 0.0001");
        return;
    }
    xl_step *st = new_step(p, XL_STEP_EXPECT, col);
    if (!st) return;
    snprintf(st->name, sizeof st->name, "%s", name);
    st->value = value;
    st->tol = tol;
}

/* "say FORMULA => WORDS", the rest of the line after "say" (s[0..len), untrimmed). */
static void parse_say(parser *p, const char *s, size_t len, int col)
{
    xl_page *pg = p->page;
    const char *arrow = NULL;
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == '=' && s[i + 1] == '>') {
            arrow = s + i;
            break;
        }
    if (!arrow) {
        error_at(p, col, "say needs FORMULA => WORDS, e.g. '@say H(P,Q) => H of P and Q'");
        return;
    }
    char f[XL_LESSON_LINE], w[XL_LESSON_LINE];
    const size_t flen = (size_t)(arrow - s), wlen = len - flen - 2;
    copy_trimmed(f, sizeof f, s, flen);          /* a directive is shorter than a line: both fit */
    copy_trimmed(w, sizeof w, arrow + 2, wlen);
    if (!f[0] || !w[0]) {
        error_at(p, col, "say needs a formula before '=>' and the words after it, e.g. '@say H(P,Q) => H of P and Q'");
        return;
    }
    if (strlen(f) >= XL_LESSON_SAY_FORMULA) {
        error_at(p, col, "say's formula is %zu bytes; at most %d", strlen(f), XL_LESSON_SAY_FORMULA - 1);
        return;
    }
    if (strlen(w) >= XL_LESSON_SAY_WORDS) {
        error_at(p, col, "say's words are %zu bytes; at most %d", strlen(w), XL_LESSON_SAY_WORDS - 1);
        return;
    }
    for (int i = 0; i < pg->nsays; i++)
        if (strcmp(pg->says[i].formula, f) == 0) {
            error_at(p, col, "'%s' already has a reading on this page (line %d)", f, pg->says[i].line);
            return;
        }
    if (pg->nsays >= XL_LESSON_SAYS) {
        error_at(p, col, "more than %d '@say' lines on one page", XL_LESSON_SAYS);
        return;
    }
    xl_say *sy = &pg->says[pg->nsays++];
    memcpy(sy->formula, f, strlen(f) + 1);
    memcpy(sy->words, w, strlen(w) + 1);
    sy->line = p->line;
}

/* "@..." : a lesson directive or a command of the vocabulary. */
static void parse_directive(parser *p, const char *s, size_t len)
{
    const int col = 2; /* after the @ */
    int w = word_len(s, len);
    const char *arg = s + w;
    size_t alen = len - (size_t)w;
    char word[32];
    if (w == 0 || (size_t)w >= sizeof word) {
        error_at(p, 1, "'@' starts a directive: a word must follow, e.g. '@play 30'");
        return;
    }
    memcpy(word, s, (size_t)w);
    word[w] = '\0';
    char a[XL_LESSON_LINE];
    if (!copy_trimmed(a, sizeof a, arg, alen)) {
        error_at(p, col, "directive too long: a directive takes at most %d bytes (this has %zu)", XL_LESSON_LINE - 1,
                 len + 1);
        return;
    }
    if (strcmp(word, "expect") == 0) {
        parse_expect(p, arg, alen, col);
    } else if (strcmp(word, "say") == 0) {
        parse_say(p, arg, alen, col);
    } else if (strcmp(word, "play") == 0) {
        long n = 0;
        char *end = NULL;
        if (a[0] >= '0' && a[0] <= '9') n = strtol(a, &end, 10);
        if (!end || *end || n < 1 || n > 1000000) {
            error_at(p, col, "play needs a number of steps from 1 to 1000000, e.g. '@play 30'");
            return;
        }
        xl_step *st = new_step(p, XL_STEP_PLAY, col);
        if (st) st->n = n;
    } else if (strcmp(word, "hold") == 0) {
        double sec = 0.0;
        if (xl_parse_real(a, strlen(a), &sec) != 0 || !(sec > 0.0 && sec <= 600.0)) {
            error_at(p, col, "hold needs seconds above 0 and at most 600, e.g. '@hold 4'");
            return;
        }
        xl_step *st = new_step(p, XL_STEP_HOLD, col);
        if (st) st->value = sec;
    } else if (strcmp(word, "pause") == 0 || strcmp(word, "wait") == 0) {
        if (a[0]) {
            error_at(p, col + w, "%s takes nothing after it", word);
            return;
        }
        new_step(p, word[0] == 'p' ? XL_STEP_PAUSE : XL_STEP_WAIT, col);
    } else if (strcmp(word, "focus") == 0) {
        xl_page *pg = p->page;
        if (strcmp(a, "off") != 0 && !xl_lesson_panel_known(a)) {
            error_at(p, col + w + 1, "focus needs a panel: bars, readouts, landscape, history, data, side or renyi (or off "
                                     "for the dashboard), e.g. '@focus landscape'");
            return;
        }
        if (pg->focus_line) {
            error_at(p, col, "this page already has '@focus' (line %d): a page puts one panel in focus",
                     pg->focus_line);
            return;
        }
        pg->focus_line = p->line;
        snprintf(pg->focus, sizeof pg->focus, "%.31s", strcmp(a, "off") == 0 ? "" : a);
    } else if (strcmp(word, "emphasise") == 0 || strcmp(word, "emphasize") == 0) {
        if (!xl_lesson_panel_known(a)) {
            error_at(p, col + w + 1, "emphasise needs a panel: bars, readouts, landscape, history, data, side or renyi");
            return;
        }
        xl_step *st = new_step(p, XL_STEP_EMPHASISE, col);
        if (st) snprintf(st->name, sizeof st->name, "%.31s", a); /* a known panel's name: short */
    } else if (strcmp(word, "controls") == 0) { /* a page flag, not a step: the control strip shows */
        if (a[0]) {
            error_at(p, col + w, "controls takes nothing after it: '@controls' shows the control strip on this page");
            return;
        }
        p->page->controls = 1;
    } else {
        xl_command cmd = xl_command_make(XL_CMD_NONE);
        char err[256] = "", text[XL_LESSON_LINE];
        if (!copy_trimmed(text, sizeof text, s, len)) {
            error_at(p, col, "directive too long: a directive takes at most %d bytes (this has %zu)", XL_LESSON_LINE - 1,
                     len + 1);
            return;
        }
        if (xl_scenario_parse_command(text, &cmd, err, sizeof err) != 0) {
            error_at(p, col, "%s (a directive is a lesson word: expect, play, pause, wait, hold, emphasise, focus, say; or a "
                             "command: xentlab --list-commands)", err);
            return;
        }
        xl_step *st = new_step(p, XL_STEP_COMMAND, col);
        if (st) st->cmd = cmd;
    }
}

/* The question being read is complete: 2 to 4 answers, one right, an explanation. */
static void close_question(parser *p)
{
    xl_question *q = p->q;
    if (!q) return;
    int line = p->line;
    p->line = p->q_line;
    if (q->nanswers < 2)
        error_at(p, 1, "a question needs 2 to 4 answers, each on a line starting '- '");
    else if (q->right < 0)
        error_at(p, 1, "mark the right answer with a final ' *', e.g. '- 0.95 *'");
    else if (!q->why[0])
        error_at(p, 1, "say why after the answers, on a line starting '= '");
    p->line = line;
    p->q = NULL;
}

static void start_page(parser *p, const char *s, size_t len)
{
    close_question(p);
    xl_lesson *l = p->out;
    if (l->npages >= XL_LESSON_MAX_PAGES) {
        error_at(p, 1, "more than %d pages; split the lesson in two", XL_LESSON_MAX_PAGES);
        p->overflow = 1; /* what these pages say is not read: one error each is enough */
        return;
    }
    xl_page *pg = &l->pages[l->npages++];
    /* What the page fills, cleared; its steps and questions are cleared as they come. */
    pg->title[0] = pg->text[0] = pg->notes[0] = pg->focus[0] = '\0';
    pg->focus_line = 0;
    pg->nsteps = pg->nquestions = pg->nparas = pg->controls = pg->nsays = 0;
    pg->line = p->line;
    if (!copy_trimmed(pg->title, sizeof pg->title, s, len) || !pg->title[0])
        error_at(p, 4, "a page needs a title after '## ', at most %d bytes", XL_LESSON_TITLE - 1);
    p->page = pg;
    p->paragraph_open = 0;
}

static void narration(parser *p, const char *s, size_t len)
{
    char *text = p->page->text;
    char line[XL_LESSON_TEXT];
    if (!copy_trimmed(line, sizeof line, s, len)) {
        error_at(p, 1, "this page's narration is longer than %d bytes; split the page", XL_LESSON_TEXT - 1);
        return;
    }
    const char *sep = !text[0] ? "" : p->paragraph_open ? " " : "\n\n";
    xl_page *pg = p->page;
    if ((!p->paragraph_open || !text[0]) && pg->nparas < XL_LESSON_PARAS) /* a new paragraph: where it was written */
        pg->para_after[pg->nparas++] = (unsigned char)pg->nsteps;
    if (!append(text, XL_LESSON_TEXT, sep, strlen(sep)) || !append(text, XL_LESSON_TEXT, line, strlen(line))) {
        error_at(p, 1, "this page's narration is longer than %d bytes; split the page", XL_LESSON_TEXT - 1);
        return;
    }
    p->paragraph_open = 1;
}

static void one_line(parser *p, const char *s, size_t len)
{
    if (!text_ok(p, s, len)) return;
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i == len) { /* a blank line ends a paragraph and what an indented line would continue */
        p->paragraph_open = 0;
        p->cont = NULL;
        return;
    }
    /* An indented line right after an answer or an explanation continues it. */
    if (i > 0 && p->q && p->cont) {
        char buf[XL_LESSON_LINE];
        if (!copy_trimmed(buf, sizeof buf, s, len) || !append(p->cont, p->cont_size, " ", 1) ||
            !append(p->cont, p->cont_size, buf, strlen(buf)))
            error_at(p, 1, "this answer or explanation is longer than %d bytes", XL_LESSON_LINE - 1);
        return;
    }
    p->cont = NULL;
    xl_lesson *l = p->out;
    if (!l->title[0]) {
        if (len >= 2 && s[0] == '#' && s[1] == ' ' && copy_trimmed(l->title, sizeof l->title, s + 2, len - 2) &&
            l->title[0])
            return;
        error_at(p, 1, "a lesson starts with its title: '# Title' (at most %d bytes)", XL_LESSON_TITLE - 1);
        snprintf(l->title, sizeof l->title, "?"); /* one such error is enough */
        return;
    }
    if (len >= 3 && s[0] == '#' && s[1] == '#' && s[2] == ' ') {
        start_page(p, s + 3, len - 3);
        return;
    }
    if (p->overflow)
        return;
    if (s[0] == '#') {
        error_at(p, 1, "'#' is the lesson's title and '## ' starts a page; a line cannot start with it otherwise");
        return;
    }
    if (!p->page) {
        error_at(p, 1, "text before the first page: start a page with '## Title'");
        return;
    }
    if (s[0] == '-' || s[0] == '=') {
        if (!p->q) {
            error_at(p, 1, "'%c ' belongs to a question: write the question first, on a line starting '? '", s[0]);
            return;
        }
        char buf[XL_LESSON_LINE];
        if (len < 2 || s[1] != ' ' || !copy_trimmed(buf, sizeof buf, s + 2, len - 2) || !buf[0]) {
            error_at(p, 1, "'%c' needs a space and text after it, at most %d bytes", s[0], XL_LESSON_LINE - 1);
            return;
        }
        if (s[0] == '=') {
            snprintf(p->q->why, sizeof p->q->why, "%s", buf);
            p->cont = p->q->why;
            p->cont_size = sizeof p->q->why;
            return;
        }
        if (p->q->nanswers >= XL_LESSON_ANSWERS) {
            error_at(p, 1, "a question has at most %d answers", XL_LESSON_ANSWERS);
            return;
        }
        size_t bl = strlen(buf);
        if (bl >= 2 && buf[bl - 1] == '*' && buf[bl - 2] == ' ') {
            if (p->q->right >= 0)
                error_at(p, (int)len, "only one answer can be the right one (marked ' *')");
            else
                p->q->right = p->q->nanswers;
            buf[bl - 2] = '\0';
            bl -= 2;
            while (bl > 0 && buf[bl - 1] == ' ') buf[--bl] = '\0';
        }
        snprintf(p->q->answers[p->q->nanswers], XL_LESSON_LINE, "%s", buf);
        p->cont = p->q->answers[p->q->nanswers++];
        p->cont_size = XL_LESSON_LINE;
        return;
    }
    close_question(p);
    if (s[0] == '@') {
        parse_directive(p, s + 1, len - 1);
        return;
    }
    if (s[0] == '%') {
        char buf[XL_LESSON_NOTES];
        if (!copy_trimmed(buf, sizeof buf, s + 1, len - 1) ||
            !append(p->page->notes, XL_LESSON_NOTES, p->page->notes[0] ? "\n" : "", p->page->notes[0] ? 1 : 0) ||
            !append(p->page->notes, XL_LESSON_NOTES, buf, strlen(buf)))
            error_at(p, 1, "this page's notes are longer than %d bytes", XL_LESSON_NOTES - 1);
        return;
    }
    if (s[0] == '?') {
        if (p->page->nquestions >= 4) {
            error_at(p, 1, "at most 4 questions on a page");
            return;
        }
        xl_step *st = new_step(p, XL_STEP_QUESTION, 1);
        if (!st) return;
        xl_question *q = &p->page->questions[p->page->nquestions];
        memset(q, 0, sizeof *q);
        q->right = -1;
        if (!copy_trimmed(q->text, sizeof q->text, s + 1, len - 1) || !q->text[0]) {
            error_at(p, 1, "'?' needs the question after it, at most %d bytes", XL_LESSON_LINE - 1);
            p->page->nsteps--;
            return;
        }
        st->question = p->page->nquestions++;
        p->q = q;
        p->q_line = p->line;
        return;
    }
    narration(p, s, len);
}

int xl_lesson_parse(const char *file, const char *text, size_t len, xl_lesson *out)
{
    /* Only what the parse fills is cleared (a page when it starts): the lesson is over
     * a megabyte, and clearing it whole would cost more than reading a short file. */
    out->title[0] = '\0';
    out->npages = 0;
    out->nerrors = 0;
    parser p = {file ? file : "lesson", out, 0, NULL, NULL, 0, 0, 0, NULL, 0};
    if (len > XL_LESSON_MAX_BYTES) {
        p.line = 1;
        error_at(&p, 1, "the file is larger than %d KiB; a lesson is plain text, split it", XL_LESSON_MAX_BYTES / 1024);
        return out->nerrors;
    }
    /* A UTF-8 byte order mark (old Notepad writes one) is not text. */
    size_t start = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    /* Lines end in LF, CR LF or CR alone (old Mac editors). */
    while (start < len || (start == len && len == 0)) {
        size_t end = start;
        while (end < len && text[end] != '\n' && text[end] != '\r') end++;
        p.line++;
        one_line(&p, text + start, end - start);
        if (end >= len) break;
        start = end + (text[end] == '\r' && end + 1 < len && text[end + 1] == '\n' ? 2 : 1);
    }
    close_question(&p);
    /* A file whose every line was refused already has its errors: "empty" would be false. */
    if (!out->title[0]) {
        p.line = 1;
        if (out->nerrors == 0) error_at(&p, 1, "an empty lesson: it starts with '# Title', then pages '## Title'");
    } else if (out->npages == 0) {
        p.line = p.line > 0 ? p.line : 1;
        error_at(&p, 1, "a lesson needs at least one page: a line '## Title' and what the page says");
    }
    return out->nerrors;
}

static void report_add(char *report, size_t n, const char *file, int line, const char *fmt, ...)
{
    if (!report || n == 0) return;
    size_t used = strlen(report);
    if (used + 1 >= n) return;
    int w = snprintf(report + used, n - used, "%s:%d:1: error: ", file, line);
    if (w < 0 || (size_t)w >= n - used) return;
    used += (size_t)w;
    va_list ap;
    va_start(ap, fmt);
    w = vsnprintf(report + used, n - used, fmt, ap);
    va_end(ap);
    if (w < 0) return;
    used = strlen(report);
    if (used + 1 < n) {
        report[used] = '\n';
        report[used + 1] = '\0';
    }
}

/* x as "2e8", "1.5e11": short, and exact for the limits. */
static const char *ops_text(char *buf, size_t n, double x)
{
    if (x < 1e6) {
        snprintf(buf, n, "%.0f", x);
        return buf;
    }
    int e = (int)floor(log10(x));
    double m = x / pow(10.0, e);
    if (m >= 9.995) {
        m /= 10.0;
        e++;
    }
    snprintf(buf, n, "%.6g", m);
    size_t used = strlen(buf);
    snprintf(buf + used, n - used, "e%d", e);
    return buf;
}

double xl_lesson_step_work(const xl_step *st, const xl_session *s)
{
    long steps = st->kind == XL_STEP_PLAY                                         ? st->n
                 : st->kind == XL_STEP_COMMAND && st->cmd.kind == XL_CMD_RUN ? st->cmd.n
                                                                              : 0;
    return steps > 0 ? (double)steps * xl_session_step_cost(s) : 0.0;
}

int xl_lesson_work_take(xl_lesson_work *w, double ops, const xl_step *st, const char *file, char *report, size_t n)
{
    if (!w || ops <= 0.0) return 0;
    const int page_over = w->page + ops > XL_WORK_PAGE;
    if (!page_over && w->total + ops <= XL_WORK_FILE) {
        w->page += ops;
        w->total += ops;
        return 0;
    }
    char what[XL_LESSON_LINE] = "play", asked[32], per[32], limit[32], before[32], already[96] = "";
    if (st->kind == XL_STEP_PLAY) snprintf(what, sizeof what, "play %ld", st->n);
    else xl_command_format(&st->cmd, what, sizeof what);
    const long steps = st->kind == XL_STEP_PLAY ? st->n : st->cmd.n;
    const double done = page_over ? w->page : w->total;
    ops_text(asked, sizeof asked, ops);
    ops_text(per, sizeof per, ops / (double)steps);
    ops_text(limit, sizeof limit, page_over ? XL_WORK_PAGE : XL_WORK_FILE);
    if (done > 0.0)
        snprintf(already, sizeof already, ", after %s already asked %s", ops_text(before, sizeof before, done),
                 page_over ? "on this page" : "by the pages and plays before it");
    report_add(report, n, file, st->line,
               "'@%s' asks for %s operations (%ld steps × %s per step)%s; %s may ask for at most %s (about %s): "
               "take fewer steps, or fewer flips, classes, samples or cells",
               what, asked, steps, per, already, page_over ? "one page" : "a whole lesson", limit,
               page_over ? "2 seconds" : "a minute");
    return 1;
}

int xl_lesson_refused(const xl_step *st, const char *file, const struct xl_session *s, char *report, size_t n)
{
    char text[XL_LESSON_LINE];
    xl_command_format(&st->cmd, text, sizeof text);
    report_add(report, n, file, st->line, "'%s' was refused: %s", text, xl_session_message(s));
    return 1;
}

int xl_lesson_renyi_name(const char *name, double *alpha)
{
    if (strncmp(name, "renyi_", 6) != 0) return 0;
    char order[32];
    const size_t len = strlen(name + 6);
    if (len == 0 || len >= sizeof order) return 0;
    memcpy(order, name + 6, len + 1);
    for (char *c = order; *c; c++) /* the order's point is written '_' in a readout's name */
        if (*c == '_') *c = '.';
    char err[160];
    return xl_renyi_parse_order(order, alpha, err, sizeof err) == 0;
}

/* An expect of renyi_A: H_α of the bars' P, in nats. */
static int expect_renyi(const xl_step *st, double alpha, const char *file, const struct xl_session *s, char *report,
                        size_t n)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    if (def->continuous) {
        report_add(report, n, file, st->line, "'%s': the %s scenario has no discrete distribution (%s)", st->name,
                   def->id, def->continuous);
        return 1;
    }
    xl_bars bars;
    xl_session_bars(s, &bars);
    const double v = xl_renyi(bars.p, bars.n, alpha);
    if (!(fabs(v - st->value) <= st->tol)) {
        report_add(report, n, file, st->line, "expected %s = %.10g ± %.3g, the program shows %.10g", st->name,
                   st->value, st->tol, v);
        return 1;
    }
    return 0;
}

int xl_lesson_expect(const xl_step *st, const char *file, const struct xl_session *s, char *report, size_t n)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    double alpha = 0.0;
    if (xl_lesson_renyi_name(st->name, &alpha)) return expect_renyi(st, alpha, file, s, report, n);
    int k = xl_scenario_readout_index(def, st->name);
    if (k < 0) {
        report_add(report, n, file, st->line, "the %s scenario has no readout '%s'", def->id, st->name);
        return 1;
    }
    double v[XL_READOUTS_MAX];
    xl_session_readouts(s, v);
    /* Not within the tolerance, or not a number at all: the narration is wrong. */
    if (!(fabs(v[k] - st->value) <= st->tol)) {
        report_add(report, n, file, st->line, "expected %s = %.10g ± %.3g, the program shows %.10g", st->name,
                   st->value, st->tol, v[k]);
        return 1;
    }
    return 0;
}

int xl_lesson_play_step(const xl_lesson *l, int page, int step, const char *file, xl_session *s, char *report,
                        size_t n, int *held, xl_lesson_work *work)
{
    if (page < 0 || page >= l->npages || step < 0 || step >= l->pages[page].nsteps) return 0;
    const xl_step *st = &l->pages[page].steps[step];
    if (work && xl_lesson_work_take(work, xl_lesson_step_work(st, s), st, file, report, n)) return 1;
    switch (st->kind) {
    case XL_STEP_COMMAND:
        return xl_session_apply(s, st->cmd) ? 0 : xl_lesson_refused(st, file, s, report, n);
    case XL_STEP_PLAY:
        xl_session_run(s, (int)st->n);
        return 0;
    case XL_STEP_EXPECT:
        if (xl_lesson_expect(st, file, s, report, n)) return 1;
        if (held) (*held)++;
        return 0;
    default:
        return 0; /* pause, wait, hold, emphasis and questions wait for people */
    }
}

int xl_lesson_play_page(const xl_lesson *l, int page, const char *file, xl_session *s, char *report, size_t n,
                        int *expects, xl_lesson_work *work)
{
    int problems = 0, held = 0;
    if (work) work->page = 0.0;
    if (page >= 0 && page < l->npages)
        for (int i = 0; i < l->pages[page].nsteps; i++)
            problems += xl_lesson_play_step(l, page, i, file, s, report, n, &held, work);
    if (expects) *expects = held;
    return problems;
}

int xl_lesson_check_work(const xl_lesson *l, const char *file, xl_session *s, char *report, size_t n)
{
    xl_lesson_work w = {0.0, 0.0};
    int problems = 0;
    for (int p = 0; p < l->npages; p++) {
        w.page = 0.0;
        for (int i = 0; i < l->pages[p].nsteps; i++) {
            const xl_step *st = &l->pages[p].steps[i];
            problems += xl_lesson_work_take(&w, xl_lesson_step_work(st, s), st, file, report, n);
            /* A scenario's verb on a page whose scenario does not have it ("beta-up" with
             * the softmax): the scenario in force is known here, as the commands before
             * it set it. */
            if (st->kind == XL_STEP_COMMAND && st->cmd.kind == XL_CMD_VERB &&
                xl_scenario_verb_index(xl_session_scenario(s), st->cmd.verb) < 0) {
                char owners[128];
                if (xl_scenario_verb_owners(st->cmd.verb, owners, sizeof owners) == 0)
                    snprintf(owners, sizeof owners, "%s", "no registered scenario");
                report_add(report, n, file, st->line, "'%s' is a verb of %s; the scenario here is the %s (%s)",
                           st->cmd.verb, owners, xl_session_scenario(s)->title, xl_session_scenario(s)->id);
                problems++;
            }
            /* The commands that set the scene (scenario, param, flips-up, race, ...),
             * not the steps: what a step costs depends on those alone. */
            if (st->kind == XL_STEP_COMMAND && st->cmd.kind != XL_CMD_RUN) (void)xl_session_apply(s, st->cmd);
        }
        /* A focus on a panel the page's scenario does not draw would show the dashboard. */
        const xl_page *pg = &l->pages[p];
        for (size_t k = 0; pg->focus[0] && k < sizeof panels / sizeof panels[0]; k++) {
            const xl_scenario_def *def = xl_session_scenario(s);
            if (strcmp(pg->focus, panels[k]) != 0 || k == PANEL_RENYI || (def->panels & (1u << k))) continue;
            report_add(report, n, file, pg->focus_line,
                       "'@focus %s': the scenario here, %s, has no %s panel (it would show the dashboard)",
                       pg->focus, def->id, pg->focus);
            problems++;
        }
    }
    return problems;
}
