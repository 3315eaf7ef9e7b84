/* xl_caption: a text cut into captions and timed (see xl_caption.h).
 *
 * The text is read into tokens (words, or the pieces of a word too long for a line) and
 * every place between two tokens gets a kind, from a sentence end (the best place to
 * end a cue) to a place inside a formula (the worst). Cutting is then a shortest path:
 * best[j] is the least cost of cutting tokens [0, j) into cues, and
 *     best[j] = min over a of best[a] + cost(cue [a, j)),
 * where a cue's cost is a constant (fewer cues read better), the kind of the place it
 * starts after, its best line break (the kind of that place, half weighted, the lines'
 * imbalance, a lone word on a line), its shortness, and the sentences it cuts (a
 * sentence ending inside a line; a sentence begun and left for the next cue). A cue
 * that cannot be set in two lines is not a candidate; a newline in the text is a place
 * every cue must end at. The costs put a sentence end before a clause boundary, and that
 * before a word boundary, unless the cut it leaves is much worse (a cue of a few
 * characters, a line of one word); a place inside a formula is taken only when nothing
 * else fits. test_caption holds the choices to what a captioner would do. */
#include "xl_caption.h"

#include <stdlib.h>
#include <string.h>

/* The kinds of place between two tokens, and what ending a cue there costs. */
typedef enum place {
    PLACE_SENTENCE, /* after ". ", "? ", "! " */
    PLACE_CLAUSE,   /* after ", ", "; ", ": ", before a dash */
    PLACE_BEFORE,   /* before a conjunction ("and", "which", ...) */
    PLACE_WORD,     /* between two words */
    PLACE_PIECE,    /* inside a word too long for a line */
    PLACE_AFTER,    /* after an article or a preposition ("the", "of", ...), before a letter alone */
    PLACE_OPERATOR, /* before an operator in a formula (a line may start with "= 2.3") */
    PLACE_FORMULA,  /* a number and its unit, after an operator, inside a formula */
    PLACE_FORCED    /* a newline: a cue ends here */
} place;

static const double place_cost[] = {0.0, 40.0, 80.0, 120.0, 100.0, 200.0, 400.0, 600.0, 0.0};

enum {
    CUE_COST = 30,       /* each cue */
    SHORT_CHARS = 36,    /* a cue shorter than this costs SHORT_COST a character missing */
    ORPHAN_COST = 80,    /* a line of one word beside a line of several */
    RUN_ON_COST = 100,   /* a sentence ending inside a line of a cue that does not hold whole sentences */
    MID_LINE_COST = 40,  /* a sentence ending inside a line of a cue that does ("Yes. It is.") */
    RUN_INTO_COST = 50   /* a cue that begins a sentence and leaves it for the next cue */
};
#define SHORT_COST 1.5
#define LINE_PLACE_WEIGHT 0.5 /* a line break matters less than a cue's end */
#define IMBALANCE_COST 1.0    /* a character of difference between the two lines */

typedef struct tok {
    size_t off, len; /* its bytes in the text */
    int chars;
    int gap;         /* 1: a space before it; 0: a piece of a broken word */
    place after;     /* the place between it and the next token */
} tok;

/* The code point at s[0..n) (n >= 1) and its length in bytes; an invalid or cut
 * sequence is one byte, U+FFFD. */
static int decode(const unsigned char *s, size_t n, unsigned *cp)
{
    const unsigned c = s[0];
    int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 1) {
        *cp = c;
        return 1;
    }
    if (len == 0 || (size_t)len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned v = c & (0x7Fu >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = v << 6 | (s[i] & 0x3Fu);
    }
    static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { /* overlong, surrogate */
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return len;
}

/* Characters a code point takes on a line: 0 for a combining mark or a zero-width one. */
static int width(unsigned cp)
{
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
        (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
        (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF)
        return 0;
    return 1;
}

/* White space between tokens: 1 a space, 2 a newline, 0 not white. Other control
 * characters count as spaces; a no-break space does not. */
static int white(unsigned cp)
{
    if (cp == '\n' || cp == 0x2028 || cp == 0x2029) return 2;
    if (cp < 0x20 || cp == 0x7F || cp == ' ' || (cp >= 0x2000 && cp <= 0x200A && cp != 0x2007) || cp == 0x3000)
        return 1;
    return 0;
}

int xl_caption_chars(const char *text)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t n = strlen((const char *)s);
    int chars = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp = 0;
        i += (size_t)decode(s + i, n - i, &cp);
        chars += width(cp);
    }
    return chars;
}

/* The tokens of s[0..n) into t (room for n + 1), their places not yet classified
 * beyond a newline (PLACE_FORCED) or a broken word (PLACE_PIECE). Returns the count. */
static int tokenize(const unsigned char *s, size_t n, tok *t)
{
    int m = 0, open = 0, newline = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp = 0;
        const int len = decode(s + i, n - i, &cp);
        const int w = white(cp);
        if (w) {
            open = 0;
            if (w == 2) newline = 1;
            i += (size_t)len;
            continue;
        }
        const int cw = width(cp);
        /* A token full to a line's limit ends here; the word goes on in a new piece. */
        if (open && (t[m - 1].chars + cw > XL_CAPTION_LINE_CHARS || t[m - 1].len + (size_t)len > XL_CAPTION_LINE_BYTES)) {
            t[m - 1].after = PLACE_PIECE;
            t[m] = (tok){i, 0, 0, 0, PLACE_WORD};
            m++;
        } else if (!open) {
            if (m > 0) t[m - 1].after = newline ? PLACE_FORCED : PLACE_WORD;
            t[m] = (tok){i, 0, 0, 1, PLACE_WORD};
            m++;
            open = 1;
            newline = 0;
        }
        t[m - 1].len += (size_t)len;
        t[m - 1].chars += cw;
        i += (size_t)len;
    }
    return m;
}

/* A token as a string, for the classification (cut at its first 255 bytes). */
static void token_text(const unsigned char *s, const tok *t, char *out)
{
    size_t n = t->len < 255 ? t->len : 255;
    memcpy(out, s + t->off, n);
    out[n] = '\0';
}

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0) return 1;
    return 0;
}

/* w lower-cased (ASCII) with the punctuation around it taken off, into out. */
static void bare(const char *w, char *out)
{
    while (*w && strchr("([{\"'", *w)) w++;
    size_t n = strlen(w);
    while (n > 0 && strchr(".,;:!?)]}\"'", w[n - 1])) n--;
    for (size_t i = 0; i < n; i++) out[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    out[n] = '\0';
}

static int ends_with(const char *w, const char *suffix)
{
    size_t n = strlen(w), k = strlen(suffix);
    return n >= k && strcmp(w + n - k, suffix) == 0;
}

static int starts_with(const char *w, const char *prefix)
{
    return strncmp(w, prefix, strlen(prefix)) == 0;
}

/* The symbols of a formula; a token made of nothing else is an operator. */
static const char *const math_symbols[] = {"=", "+", "−", "×", "·", "/", "≈", "≤", "≥", "<", ">", "→", "←", "↔",
                                           "∝", "≠", "±", "Σ", "∑", "∏", "‖", "|", "^", "_", "∂", "√", "∞", "∈",
                                           "≡", "⇒", "∼", "~", "∫", "*", NULL};

static int is_operator(const char *w)
{
    if (strcmp(w, "-") == 0 || strcmp(w, "–") == 0) return 0; /* a dash between words: a clause */
    if (!*w) return 0;
    while (*w) {
        int found = 0;
        for (const char *const *m = math_symbols; *m; m++)
            if (starts_with(w, *m)) {
                w += strlen(*m);
                found = 1;
                break;
            }
        if (!found) return 0;
    }
    return 1;
}

static int is_number(const char *w)
{
    if (starts_with(w, "−")) w += strlen("−");
    else if (*w == '-' || *w == '+') w++;
    if (!(*w >= '0' && *w <= '9')) return 0;
    while ((*w >= '0' && *w <= '9') || ((*w == '.' || *w == ',') && w[1] >= '0' && w[1] <= '9')) w++;
    return *w == '\0' || strchr(".,;:)", *w) != NULL;
}

static const char *const functions[] = {"ln", "log", "log2", "log₂", "log₁₀", "exp", "max", "min", "argmax", "argmin",
                                        "−ln", "−log", "-ln", "-log", "sin", "cos", "tanh", "sqrt", NULL};

/* Part of a formula: an operator, a number, a symbol of one, a function, f(x), or a
 * letter alone (but the words "a", "A" and "I"). */
static int is_formula(const char *w, int chars)
{
    char b[256];
    bare(w, b);
    if (is_number(w) || in_list(b, functions)) return 1;
    for (const char *const *m = math_symbols; *m; m++)
        if (strcmp(*m, "/") != 0 && strcmp(*m, "*") != 0 && strstr(w, *m)) return 1;
    for (const char *c = w; *c; c++) {
        if (*c == '(' && c > w && c[-1] != ' ' && c[-1] != '(') return 1; /* f(x) */
        if (*c >= '0' && *c <= '9') return 1;                             /* (1/10), 2¹⁰ */
    }
    /* A letter alone, maybe with a subscript or a prime: Latin, or Greek and the like
     * (a lead byte below 0xE2; from there on are dashes, quotes and symbols). */
    const unsigned char first = (unsigned char)b[0];
    if (!first) return 0; /* punctuation alone */
    const int letter = (first >= 'a' && first <= 'z') || (first >= 0xC0 && first < 0xE2);
    int more_letters = 0; /* "by" is a word; "q₁" and "y'" are letters alone */
    for (const char *c = b + 1; *c; c++)
        if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')) more_letters = 1;
    return letter && !more_letters && chars <= 2 && strcmp(b, "a") != 0 && strcmp(b, "i") != 0;
}

static const char *const units[] = {"nats", "nat", "bits", "bit", "bans", "ban", "steps", "step", "s", "ms",
                                    "seconds", "second", "minutes", "minute", "%", "k", "j/k", "j", "°c", "db",
                                    "hz", "px", "frames", "fps", "samples", "words", "characters", "times",
                                    "percent", "per", "x", NULL};
static const char *const abbreviations[] = {"e.g", "i.e", "vs", "cf", "etc", "approx", "fig", "no", "dr", "mr",
                                            "mrs", "ms", "st", "al", "eq", NULL};
static const char *const conjunctions[] = {"and", "but", "or", "so", "because", "which", "that", "while", "where",
                                           "when", "then", "if", "until", "since", "unless", "whose", "who",
                                           "although", "though", "yet", NULL};
static const char *const lead_words[] = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with",
                                         "from", "as", "into", "its", "their", "his", "her", "our", "your", "my",
                                         "this", "these", "those", "each", "every", "no", "not", "than", NULL};

static int sentence_end(const char *w)
{
    size_t n = strlen(w);
    /* Closing quotes and brackets after the mark: "... done.)" */
    while (n > 0 && strchr(")]\"'", w[n - 1])) n--;
    if (n >= 3 && (memcmp(w + n - 3, "”", 3) == 0 || memcmp(w + n - 3, "’", 3) == 0)) n -= 3;
    if (n >= 3 && memcmp(w + n - 3, "…", 3) == 0) return 1;
    if (n == 0 || !strchr(".?!", w[n - 1])) return 0;
    if (w[n - 1] != '.') return 1;
    char b[256];
    bare(w, b);
    return !in_list(b, abbreviations);
}

/* The kind of place between tokens a and b; depth is the brackets open after a, opens
 * is 1 when a starts a sentence (a label such as "2:" is one only there). */
static place classify(const char *a, int a_chars, const char *b, int b_chars, int depth, int opens)
{
    if (sentence_end(a)) return PLACE_SENTENCE;
    /* A label stays with what it labels: "1: robin's", "Answer: the first". */
    size_t la = strlen(a);
    const int label = opens && (la == 2 || la == 3) && a[0] >= '1' && a[0] <= '9' && (la == 2 || (a[1] >= '0' && a[1] <= '9'));
    if (la >= 2 && a[la - 1] == ':' && (label || strcmp(a, "Answer:") == 0)) return PLACE_FORMULA;
    const int clause = ends_with(a, ",") || ends_with(a, ";") || ends_with(a, ":") || ends_with(a, "—") ||
                       starts_with(b, "—") || starts_with(b, "–") || strcmp(b, "-") == 0;
    if (clause && depth <= 0) return PLACE_CLAUSE;
    char ba[256], bb[256];
    bare(a, ba);
    bare(b, bb);
    if (is_operator(a)) return PLACE_FORMULA;
    if (is_operator(b)) return PLACE_OPERATOR;
    if (is_number(a) && !clause && in_list(bb, units)) return PLACE_FORMULA;
    if (in_list(ba, functions)) return PLACE_FORMULA;
    if (!clause && is_formula(a, a_chars) && is_formula(b, b_chars)) return PLACE_FORMULA;
    if (clause) return PLACE_WORD; /* a comma inside brackets: "(0.4, 0.25)" */
    if (in_list(ba, lead_words) || (is_formula(b, b_chars) && b_chars <= 2)) return PLACE_AFTER;
    if (in_list(bb, conjunctions)) return PLACE_BEFORE;
    return PLACE_WORD;
}

static void classify_all(const unsigned char *s, tok *t, int m)
{
    int depth = 0;
    char a[256], b[256];
    for (int i = 0; i < m; i++) {
        for (size_t k = 0; k < t[i].len; k++) {
            const unsigned char c = s[t[i].off + k];
            depth += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
        }
        if (depth < 0) depth = 0;
        if (i + 1 >= m || t[i].after == PLACE_FORCED || t[i].after == PLACE_PIECE) continue;
        token_text(s, &t[i], a);
        token_text(s, &t[i + 1], b);
        const int opens = i == 0 || t[i - 1].after == PLACE_SENTENCE || t[i - 1].after == PLACE_FORCED;
        t[i].after = classify(a, t[i].chars, b, t[i + 1].chars, depth, opens);
    }
}

/* The cut: for each token boundary j, where the cue ending there starts and where its
 * line break is (-1: one line). */
typedef struct cut {
    const unsigned char *s;
    tok *t;
    int m;
    long *wc, *wb;   /* prefix sums of characters and bytes, each token with its gap */
    int *ends;       /* prefix counts of sentence ends: ends[i], among the places after tokens < i */
    double *best;
    int *from, *split;
} cut;

/* Characters and bytes of tokens [a, b) set on one line. */
static long line_chars(const cut *c, int a, int b)
{
    return c->wc[b] - c->wc[a] - c->t[a].gap;
}

static long line_bytes(const cut *c, int a, int b)
{
    return c->wb[b] - c->wb[a] - c->t[a].gap;
}

static int line_fits(const cut *c, int a, int b)
{
    return line_chars(c, a, b) <= XL_CAPTION_LINE_CHARS && line_bytes(c, a, b) <= XL_CAPTION_LINE_BYTES;
}

/* The best line break of cue [a, b): its cost, and where (*k = -1: one line); a
 * negative cost when the cue does not fit in two lines. */
static double best_lines(const cut *c, int a, int b, int *k)
{
    *k = -1;
    if (line_fits(c, a, b)) return 0.0;
    double best = -1.0;
    for (int i = a + 1; i < b && line_fits(c, a, i); i++) {
        if (!line_fits(c, i, b)) continue;
        const long l1 = line_chars(c, a, i), l2 = line_chars(c, i, b);
        double cost = LINE_PLACE_WEIGHT * place_cost[c->t[i - 1].after] + IMBALANCE_COST * (double)labs(l1 - l2);
        if ((b - i == 1 && i - a > 1) || (i - a == 1 && b - i > 1)) cost += ORPHAN_COST;
        if (best < 0.0 || cost < best) {
            best = cost;
            *k = i;
        }
    }
    return best;
}

static void solve(cut *c)
{
    c->best[0] = 0.0;
    for (int j = 1; j <= c->m; j++) {
        c->best[j] = -1.0;
        c->from[j] = j - 1; /* a cue of one token: always fits a line, so always replaced */
        c->split[j] = -1;
        for (int a = j - 1; a >= 0; a--) {
            if (a < j - 1 && c->t[a].after == PLACE_FORCED) break; /* a newline inside the cue */
            if (line_chars(c, a, j) > XL_CAPTION_LINES * XL_CAPTION_LINE_CHARS + 1 ||
                line_bytes(c, a, j) > XL_CAPTION_LINES * XL_CAPTION_LINE_BYTES + 1)
                break; /* longer cues fit no better */
            if (c->best[a] < 0.0) continue;
            int k = -1;
            const double lines = best_lines(c, a, j, &k);
            if (lines < 0.0) continue;
            const long chars = line_chars(c, a, j) - (k >= 0 ? c->t[k].gap : 0);
            double cost = c->best[a] + CUE_COST + lines + (a > 0 ? place_cost[c->t[a - 1].after] : 0.0);
            if (chars < SHORT_CHARS) cost += SHORT_COST * (double)(SHORT_CHARS - chars);
            /* Sentences inside a cue: best a line each; fine when the cue holds whole ones
             * ("Yes. It is."), not when it runs from the middle of one into the next. */
            const int whole_start = a == 0 || c->t[a - 1].after == PLACE_SENTENCE || c->t[a - 1].after == PLACE_FORCED;
            const int whole_end = j == c->m || c->t[j - 1].after == PLACE_SENTENCE || c->t[j - 1].after == PLACE_FORCED;
            int inside = c->ends[j - 1] - c->ends[a];
            const int at_break = k >= 0 && c->t[k - 1].after == PLACE_SENTENCE;
            inside -= at_break; /* sentence ends inside a line */
            if (whole_start && whole_end) {
                cost += MID_LINE_COST * inside;
            } else {
                cost += RUN_ON_COST * inside;
                if (!whole_end && inside + at_break > 0) cost += RUN_INTO_COST; /* a sentence begun runs on */
            }
            if (c->best[j] < 0.0 || cost < c->best[j]) {
                c->best[j] = cost;
                c->from[j] = a;
                c->split[j] = k;
            }
        }
    }
}

/* One line of tokens [a, b) into out (with its NUL); returns the bytes written. */
static size_t put_line(const cut *c, int a, int b, char *out)
{
    size_t n = 0;
    for (int i = a; i < b; i++) {
        if (i > a && c->t[i].gap) out[n++] = ' ';
        memcpy(out + n, c->s + c->t[i].off, c->t[i].len);
        n += c->t[i].len;
    }
    out[n] = '\0';
    return n;
}

/* Cut s into cues: calls each(cue's first token, its break, its end, ctx) in order.
 * Returns the number of cues, or -1 out of memory. */
typedef void (*cue_fn)(const cut *c, int a, int k, int b, void *ctx);

static int cut_text(const char *text, cue_fn each, void *ctx)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    const size_t n = strlen((const char *)s);
    cut c = {s, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL};
    c.t = malloc((n + 1) * sizeof *c.t);
    c.wc = malloc((n + 2) * sizeof *c.wc);
    c.wb = malloc((n + 2) * sizeof *c.wb);
    c.ends = malloc((n + 2) * sizeof *c.ends);
    c.best = malloc((n + 2) * sizeof *c.best);
    c.from = malloc((n + 2) * sizeof *c.from);
    c.split = malloc((n + 2) * sizeof *c.split);
    int cues = -1;
    if (c.t && c.wc && c.wb && c.ends && c.best && c.from && c.split) {
        c.m = tokenize(s, n, c.t);
        classify_all(s, c.t, c.m);
        c.wc[0] = c.wb[0] = 0;
        c.ends[0] = 0;
        for (int i = 0; i < c.m; i++) {
            c.ends[i + 1] = c.ends[i] + (c.t[i].after == PLACE_SENTENCE);
            c.wc[i + 1] = c.wc[i] + c.t[i].chars + c.t[i].gap;
            c.wb[i + 1] = c.wb[i] + (long)c.t[i].len + c.t[i].gap;
        }
        solve(&c);
        /* The cues' ends, walked back from the last (every token fits a line, so a cue of
         * one token always fits: best[m] is set), then the cues in order. */
        int *ends = malloc((size_t)(c.m + 1) * sizeof *ends);
        if (ends) {
            cues = 0;
            for (int j = c.m; j > 0 && cues < c.m; j = c.from[j]) ends[cues++] = j;
            for (int i = cues - 1; i >= 0; i--) each(&c, c.from[ends[i]], c.split[ends[i]], ends[i], ctx);
            free(ends);
        }
    }
    free(c.t);
    free(c.wc);
    free(c.wb);
    free(c.ends);
    free(c.best);
    free(c.from);
    free(c.split);
    return cues;
}

typedef struct fill {
    xl_cue *out;
    int max, n;
} fill;

static void fill_cue(const cut *c, int a, int k, int b, void *ctx)
{
    fill *f = ctx;
    if (f->n < f->max) {
        xl_cue *q = &f->out[f->n];
        memset(q, 0, sizeof *q);
        size_t used = put_line(c, a, k >= 0 ? k : b, q->text);
        q->chars = (int)line_chars(c, a, k >= 0 ? k : b);
        q->lines = 1;
        if (k >= 0) {
            q->text[used++] = '\n';
            put_line(c, k, b, q->text + used);
            q->chars += (int)line_chars(c, k, b);
            q->lines = 2;
        }
    }
    f->n++;
}

int xl_caption_split(const char *text, xl_cue *out, int max)
{
    fill f = {out, out ? max : 0, 0};
    return cut_text(text, fill_cue, &f);
}

double xl_caption_cue_seconds(int chars)
{
    const double read = (double)chars / XL_CAPTION_CHARS_PER_SECOND;
    return read > XL_CAPTION_MIN_CUE_SECONDS ? read : XL_CAPTION_MIN_CUE_SECONDS;
}

static void sum_cue(const cut *c, int a, int k, int b, void *ctx)
{
    const long chars = k >= 0 ? line_chars(c, a, k) + line_chars(c, k, b) : line_chars(c, a, b);
    *(double *)ctx += xl_caption_cue_seconds((int)chars);
}

double xl_caption_min_seconds(const char *text)
{
    double seconds = 0.0;
    if (cut_text(text, sum_cue, &seconds) >= 0) return seconds;
    /* Out of memory: the characters alone, as if in cues of full lines. */
    const int chars = xl_caption_chars(text);
    const double cues = (double)(chars + 2 * XL_CAPTION_LINE_CHARS - 1) / (2 * XL_CAPTION_LINE_CHARS);
    const double read = (double)chars / XL_CAPTION_CHARS_PER_SECOND;
    return read > cues * XL_CAPTION_MIN_CUE_SECONDS ? read : cues * XL_CAPTION_MIN_CUE_SECONDS;
}

double xl_caption_cue_limit_seconds(int chars)
{
    const double read = (double)chars / XL_CAPTION_MAX_CHARS_PER_SECOND;
    return read > XL_CAPTION_MIN_CUE_SECONDS ? read : XL_CAPTION_MIN_CUE_SECONDS;
}

static long long limit_ms(const xl_cue *c)
{
    return (long long)(1000.0 * xl_caption_cue_limit_seconds(c->chars) + 0.999);
}

void xl_caption_time(xl_cue *cues, int n, long long start_ms, long long end_ms, const long long *said_ms)
{
    if (n <= 0) return;
    if (end_ms < start_ms) end_ms = start_ms;
    const long long span = end_ms - start_ms;
    double least = 0.0;
    long long limits = 0;
    for (int i = 0; i < n; i++) {
        least += 1000.0 * xl_caption_cue_seconds(cues[i].chars);
        limits += limit_ms(&cues[i]);
    }
    if (!said_ms || limits > span) {
        /* In proportion to the least times, boundaries rounded from the running sum so
         * that the cues meet exactly and the last ends at end_ms. */
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            cues[i].start_ms = start_ms + (least > 0.0 ? (long long)((double)span * sum / least + 0.5) : 0);
            sum += 1000.0 * xl_caption_cue_seconds(cues[i].chars);
            if (i > 0) cues[i - 1].end_ms = cues[i].start_ms;
        }
        cues[n - 1].end_ms = end_ms;
        return;
    }
    /* From the voice: each cue starts when it is said, but never before the cue before
     * it has been up for the limits (1.3 s, 17 characters a second: the voice sets the
     * pace, the limits only guard it); then, from the end, no cue so late that the ones
     * after it lack theirs. The limits fit the span, so both passes agree. */
    long long said = start_ms;
    for (int i = 0; i < n; i++) {
        long long at = said;
        if (i > 0 && at < cues[i - 1].start_ms + limit_ms(&cues[i - 1])) at = cues[i - 1].start_ms + limit_ms(&cues[i - 1]);
        cues[i].start_ms = at;
        said += said_ms[i] > 0 ? said_ms[i] : 0;
    }
    long long limit = end_ms;
    for (int i = n - 1; i >= 0; i--) {
        if (cues[i].start_ms + limit_ms(&cues[i]) > limit) cues[i].start_ms = limit - limit_ms(&cues[i]);
        if (cues[i].start_ms < start_ms) cues[i].start_ms = start_ms;
        limit = cues[i].start_ms;
    }
    for (int i = 0; i < n; i++) cues[i].end_ms = i + 1 < n ? cues[i + 1].start_ms : end_ms;
}
