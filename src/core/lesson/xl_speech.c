/* xl_speech: a displayed text read as words (see xl_speech.h).
 *
 * One pass over the bytes. At each place: a lesson's rule (longest formula first), else
 * a number, a word, or a symbol from the table (longest match first). Words go out
 * through a writer that puts one space between them and keeps pauses (, . ; : ! ?) on
 * the word before. Brackets are read by what opens them: after a name, "H(" is "H of"
 * and a comma inside is "and" (so is ‖: D_KL(P‖Q) "K L divergence of P and Q", in its
 * order, with no "from" a listener could take the wrong way round; | is "given"); a bracket opening prose,
 * " (the", is a pause; any other bracket is silent grouping.
 */
#include "xl_speech.h"

#include <string.h>

#include "xl_speech_lang.h"

enum { DEPTH = 16, WORD_MAX = XL_SPEECH_MAX_WORD + 1 }; /* a word's buffer, with its NUL */

typedef enum paren_kind { PAREN_CALL, PAREN_PROSE, PAREN_GROUP } paren_kind;

typedef struct writer {
    char *out;
    size_t n;
    size_t need;      /* what the whole reading needs */
    size_t len;       /* what is in out */
    int cut;          /* a word did not fit: nothing more is written */
    char last;        /* the last byte emitted, 0 at the start */
    int glue;         /* the next word follows with no space ("¿" before its question's first word) */
} writer;

static void put(writer *w, const char *s, size_t len)
{
    w->need += len;
    if (!w->cut && w->n > 0 && w->len + len < w->n) {
        memcpy(w->out + w->len, s, len);
        w->len += len;
        w->out[w->len] = '\0';
    } else {
        w->cut = 1;
    }
    if (len) w->last = s[len - 1];
}

static int is_pause(char c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* A word (or words) with one space before it, unless it is the first. */
static void word(writer *w, const char *s)
{
    if (!s[0]) return;
    if (w->last && !w->glue) put(w, " ", 1);
    w->glue = 0;
    put(w, s, strlen(s));
}

/* A pause on the word before: never first, never two in a row. A stronger pause replaces
 * a comma ("x (the tutorial's). This" is "x, the tutorial's. This": the sentence still
 * ends); any pause after a stronger one is dropped. */
static void pause(writer *w, char c)
{
    if (!w->last) return;
    if (is_pause(w->last)) {
        if (w->last == ',' && c != ',' && !w->cut && w->len > 0 && w->out[w->len - 1] == ',') {
            w->out[w->len - 1] = c;
            w->last = c;
        }
        return;
    }
    put(w, &c, 1);
}

static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                   "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                   "seventeen", "eighteen", "nineteen"};
static const char *const tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                   "ninety"};

static void below_thousand(writer *w, unsigned v)
{
    if (v >= 100) {
        word(w, ones[v / 100]);
        word(w, "hundred");
        v %= 100;
        if (v == 0) return;
    }
    if (v < 20) {
        word(w, ones[v]);
        return;
    }
    word(w, tens[v / 10]);
    if (v % 10) word(w, ones[v % 10]);
}

/* A digit said alone: English's, or the language's. */
static const char *digit_word(const xl_speech_lang *lang, int d)
{
    const char *said = xl_speech_lang_digit(lang, d);
    return said ? said : ones[d];
}

/* An integer given as its digits (no separators). Up to twelve digits in words; longer
 * ones digit by digit, as people read an account number. lang NULL: English. */
static void integer_words(writer *w, const xl_speech_lang *lang, const char *d, size_t len)
{
    while (len > 1 && d[0] == '0') d++, len--; /* "007" is seven */
    if (len > 12) {
        for (size_t i = 0; i < len; i++) word(w, digit_word(lang, d[i] - '0'));
        return;
    }
    unsigned long long v = 0;
    for (size_t i = 0; i < len; i++) v = v * 10 + (unsigned)(d[i] - '0');
    if (lang) {
        char said[256];
        word(w, xl_speech_lang_integer(lang, v, said, sizeof said));
        return;
    }
    if (v == 0) {
        word(w, "zero");
        return;
    }
    static const char *const scale[] = {"billion", "million", "thousand", ""};
    static const unsigned long long unit[] = {1000000000ULL, 1000000ULL, 1000ULL, 1ULL};
    for (int k = 0; k < 4; k++) {
        unsigned part = (unsigned)(v / unit[k] % 1000);
        if (k == 0) part = (unsigned)(v / unit[0]); /* up to 999 billion */
        if (!part) continue;
        below_thousand(w, part);
        word(w, scale[k]);
    }
}

static int digit(char c) { return c >= '0' && c <= '9'; }
static int letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* A number at s: digits, groups ",ddd", a point and digits. Returns the bytes read. */
static size_t number(writer *w, const xl_speech_lang *lang, const char *s, size_t len)
{
    char d[64] = {0};
    size_t i = 0, nd = 0, group = 0;
    while (i < len && digit(s[i])) i++;
    if (i > 12) { /* too long for words: digit by digit, every one */
        for (size_t k = 0; k < i; k++) word(w, digit_word(lang, s[k] - '0'));
        return i;
    }
    i = 0;
    while (i < len && digit(s[i])) {
        if (nd < sizeof d) d[nd++] = s[i];
        i++;
        group++;
        /* "1,258", "30 000": a thousands comma or space, when exactly three digits follow */
        if (i + 3 < len && (s[i] == ',' || s[i] == ' ') && group <= 3 && digit(s[i + 1]) && digit(s[i + 2]) && digit(s[i + 3]) &&
            (i + 4 >= len || !digit(s[i + 4]))) {
            i++;
            group = 0;
        }
    }
    integer_words(w, lang, d, nd);
    if (i + 1 < len && s[i] == '.' && digit(s[i + 1])) {
        /* The text's point said as the listener's language says it ("Komma", "coma"). */
        word(w, xl_speech_lang_say(lang, "point"));
        i++;
        while (i < len && digit(s[i])) word(w, digit_word(lang, s[i++] - '0'));
    }
    return i;
}

/* The symbols, longest first where one begins another. A NULL reading is a character
 * handled by the reader itself. */
typedef struct reading {
    const char *sym;
    const char *words;
} reading;

static const reading table[] = {
    {"\xe2\x86\x90/\xe2\x86\x92", "the left and right arrows"}, /* ←/→, keys */
    {"\xce\xa3\xe1\xb5\xa2", "the sum over i of"},              /* Σᵢ */
    {"\xce\xa3", "the sum of"},                                   /* Σ */
    {"\xe2\x88\x92", "minus"},                                    /* − */
    {"\xe2\x89\xa5", "is at least"},                              /* ≥ */
    {"\xe2\x89\xa4", "is at most"},                               /* ≤ */
    {"\xe2\x89\x88", "is about"},                                 /* ≈ */
    {"\xe2\x89\xa0", "is not"},                                   /* ≠ */
    {"\xc2\xb1", "plus or minus"},                                /* ± */
    {"\xc3\x97", "times"},                                        /* × */
    {"\xc2\xb7", "times"},                                        /* · */
    {"\xe2\x86\x92", "goes to"},                                  /* → */
    {"\xe2\x86\x90", "becomes"},                                  /* ← */
    {"\xe2\x88\x9e", "infinity"},                                 /* ∞ */
    {"\xe2\x88\x9d", "is proportional to"},                       /* ∝ */
    {"\xe2\x88\xab", "the integral of"},                          /* ∫ */
    {"\xe2\x88\x82", "partial"},                                  /* ∂ */
    {"\xc2\xbd", "one half"},                                     /* ½ */
    {"\xe2\x9f\xa8", "the expected"},                             /* ⟨ */
    {"\xe2\x9f\xa9", ""},                                         /* ⟩ */
    {"\xc5\xb7", "y hat"},                                        /* ŷ */
    {"\xe1\xb5\x80", "transpose"},                                /* ᵀ */
    {"\xce\xb1", "alpha"}, {"\xce\xb2", "beta"}, {"\xce\xb3", "gamma"}, {"\xce\xb4", "delta"},
    {"\xce\xb5", "epsilon"}, {"\xce\xb8", "theta"}, {"\xce\xbb", "lambda"}, {"\xce\xbc", "mu"},
    {"\xcf\x80", "pi"}, {"\xcf\x81", "rho"}, {"\xcf\x83", "sigma"}, {"\xcf\x84", "tau"},
    {"\xcf\x86", "phi"}, {"\xcf\x89", "omega"}, {"\xce\x94", "delta"}, {"\xce\xa9", "omega"},
    {"\xce\x98", "theta"}, {"\xce\xa6", "phi"},
    {"\xe2\x82\x8a", "plus"},                                     /* ₊ */
    {"\xe2\x82\x98", "m"}, {"\xe1\xb5\xa2", "i"}, {"\xe2\x82\x96", "k"}, {"\xe2\x82\x99", "n"}, /* ₘ ᵢ ₖ ₙ */
    {"\xe2\x80\x93", NULL},                                       /* – en dash */
    {"\xe2\x80\x94", ","},                                        /* — */
    {"\xe2\x80\xa6", "."},                                        /* … */
    {"\xe2\x80\x98", ""}, {"\xe2\x80\x99", "'"}, {"\xe2\x80\x9c", ""}, {"\xe2\x80\x9d", ""}, /* ‘ ’ “ ” */
    {"\xe2\x80\x96", NULL},                                       /* ‖ */
    {"+", "plus"}, {"=", "equals"}, {">", "is greater than"}, {"<", "is less than"}, {"/", "over"},
    {"%", "percent"}, {"&", "and"}, {"\"", ""}, {"'", ""}, {"[", ""}, {"]", ""}, {"|", NULL}, {"^", "to the"},
};

/* Subscript and superscript digits: U+2080..2089 and ⁰¹²³⁴..⁹. */
static int sub_digit(const unsigned char *s, size_t len)
{
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x82 && s[2] >= 0x80 && s[2] <= 0x89) return s[2] - 0x80;
    return -1;
}
static int sup_digit(const unsigned char *s, size_t len)
{
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xB9) return 1;
    if (len >= 2 && s[0] == 0xC2 && (s[1] == 0xB2 || s[1] == 0xB3)) return s[1] - 0xB0;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x81 && (s[2] == 0xB0 || (s[2] >= 0xB4 && s[2] <= 0xB9)))
        return s[2] - 0xB0;
    return -1;
}

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Latin letters with a mark, said as their letter ("Rényi"). */
static char plain_letter(const unsigned char *s, size_t len)
{
    if (len < 2 || s[0] != 0xC3) return 0;
    static const char map[] = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    const unsigned k = (unsigned)s[1] - 0x80;
    if (s[1] < 0x80 || s[1] > 0xBF) return 0;
    const char c = map[k];
    return letter(c) ? c : 0;
}

/* A letter with a mark kept as it is (xl_speech_words): the Latin-1 letters (U+00C0..00FF
 * but × and ÷); their bytes' count, else 0. */
static size_t marked_letter(const unsigned char *s, size_t len)
{
    if (len < 2 || s[0] != 0xC3 || s[1] < 0x80 || s[1] > 0xBF || s[1] == 0x97 || s[1] == 0xB7) return 0;
    return 2;
}

/* Words a letter run is said as, when not as itself. */
static const reading words_table[] = {
    {"ln", "log"}, {"log", "log"}, {"exp", "exp"}, {"KL", "K L"}, {"lr", "l r"}, {"dv", "d v"},
    {"vs", "versus"}, {"wx", "w x"}, {"dS", "d S"}, {"dQ", "d Q"}, {"dq", "d q"}, {"dx", "d x"},
};

typedef struct reader {
    writer *w;
    const xl_speech_rule *rules;
    int nrules;
    int unread;
    paren_kind stack[DEPTH];
    int depth;
    int named;        /* the token just read was a name: a '(' right after it is a call */
    int keep;         /* letters keep their marks, ¿ and ¡ are kept (xl_speech_words) */
    const xl_speech_lang *lang; /* the words' language (xl_speech_words_in); NULL: English */
} reader;

/* One of the readings below in the reader's language. */
static const char *say(const reader *r, const char *english)
{
    return xl_speech_lang_say(r->lang, english);
}

static void read_span(reader *r, const char *s, size_t len);

/* The rule with the longest formula at s[0..len), if any; its length, else 0. Word
 * formulas match whole words only ("KL" not inside "KLM"). */
static size_t rule_at(const reader *r, const char *s, size_t len, int at_word_start, const xl_speech_rule **hit)
{
    size_t best = 0;
    for (int k = 0; k < r->nrules && k < XL_SPEECH_MAX_RULES; k++) {
        const char *f = r->rules[k].formula;
        if (!f || !f[0]) continue;
        const size_t fl = strlen(f);
        if (fl > len || fl <= best || memcmp(s, f, fl) != 0) continue;
        if (letter(f[0]) && !at_word_start) continue;
        if (letter(f[fl - 1]) && fl < len && (letter(s[fl]) || digit(s[fl]))) continue;
        best = fl;
        *hit = &r->rules[k];
    }
    return best;
}

/* In a call's brackets? The innermost bracket's kind. */
static int in_call(const reader *r)
{
    return r->depth > 0 && r->depth <= DEPTH && r->stack[r->depth - 1] == PAREN_CALL;
}

static void open_paren(reader *r, int prose)
{
    paren_kind k = r->named ? PAREN_CALL : prose ? PAREN_PROSE : PAREN_GROUP;
    if (k == PAREN_CALL) word(r->w, say(r, "of"));
    if (k == PAREN_PROSE) pause(r->w, ',');
    if (r->depth < DEPTH) r->stack[r->depth] = k;
    r->depth++;
}

static void close_paren(reader *r)
{
    if (r->depth == 0) return; /* a stray ')' is silent */
    r->depth--;
    if (r->depth < DEPTH && r->stack[r->depth] == PAREN_PROSE) pause(r->w, ',');
}

/* A name's subscripts and superscripts right after it: "σ_q", "p₁", "H₂", "p²", "10⁶". */
static size_t scripts(reader *r, const char *s, size_t len)
{
    size_t i = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (;;) {
        int d = -1;
        if (i < len && s[i] == '_' && i + 1 < len && (letter(s[i + 1]) || digit(s[i + 1]))) {
            size_t b = ++i;
            while (i < len && (letter(s[i]) || digit(s[i]))) i++;
            if (i - b == 2 && memcmp(s + b, "KL", 2) == 0) {
                word(r->w, say(r, "K L divergence"));
            } else {
                char buf[WORD_MAX];
                size_t k = i - b < sizeof buf ? i - b : sizeof buf - 1;
                memcpy(buf, s + b, k);
                buf[k] = '\0';
                if (digit(buf[0])) number(r->w, r->lang, buf, k);
                else word(r->w, buf);
            }
            continue;
        }
        if ((d = sub_digit(u + i, len - i)) >= 0) {
            word(r->w, digit_word(r->lang, d));
            i += 3;
            continue;
        }
        if (sup_digit(u + i, len - i) >= 0) {
            char digits[16];
            size_t nd = 0, step = 0;
            while ((d = sup_digit(u + i, len - i)) >= 0) {
                step = u[i] == 0xC2 ? 2 : 3;
                if (nd < sizeof digits) digits[nd++] = (char)('0' + d);
                i += step;
            }
            if (nd == 1 && digits[0] == '2') word(r->w, say(r, "squared"));
            else if (nd == 1 && digits[0] == '3') word(r->w, say(r, "cubed"));
            else {
                word(r->w, say(r, "to the"));
                integer_words(r->w, r->lang, digits, nd);
            }
            continue;
        }
        return i;
    }
}

static void read_span(reader *r, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        const int word_start = i == 0 || !(letter(s[i - 1]) || digit(s[i - 1]) || s[i - 1] == '_');
        const xl_speech_rule *hit = NULL;
        const size_t fl = r->nrules > 0 ? rule_at(r, s + i, len - i, word_start, &hit) : 0;
        if (fl) { /* a lesson's reading, itself read by the table alone */
            reader inner = {r->w, NULL, 0, 0, {PAREN_GROUP}, 0, 0, r->keep, r->lang};
            read_span(&inner, hit->words, strlen(hit->words));
            r->unread += inner.unread;
            i += fl;
            r->named = 0;
            continue;
        }
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            r->named = 0;
            continue;
        }
        if (c == '\\' && i + 1 < len && (s[i + 1] == '*' || s[i + 1] == '\\')) {
            word(r->w, say(r, s[i + 1] == '*' ? "star" : "backslash"));
            i += 2;
            r->named = 0;
            continue;
        }
        if (c == '*') { /* emphasis */
            i++;
            continue;
        }
        if (c == '(' || c == ')') {
            if (c == '(') open_paren(r, (i == 0 || s[i - 1] == ' ') && i + 1 < len && letter(s[i + 1]));
            else close_paren(r);
            i++;
            r->named = 0;
            continue;
        }
        if (c == ',' && in_call(r)) {
            word(r->w, say(r, "and"));
            i++;
            continue;
        }
        if (is_pause(c)) {
            pause(r->w, c);
            i++;
            r->named = 0;
            continue;
        }
        /* A minus: a '-' inside a word is a hyphen, read with the word (below). */
        if (c == '-') {
            word(r->w, say(r, "minus"));
            i++;
            r->named = 0;
            continue;
        }
        if (digit(c)) {
            i += number(r->w, r->lang, s + i, len - i);
            if (i < len && s[i] == 's' && (i + 1 == len || !letter(s[i + 1]))) { /* "0s and 1s" */
                put(r->w, "s", 1);
                i++;
            }
            i += scripts(r, s + i, len - i);
            r->named = 0;
            continue;
        }
        if (r->keep && len - i >= 2 && u[i] == 0xC2 && (u[i + 1] == 0xBF || u[i + 1] == 0xA1)) { /* ¿ ¡ */
            word(r->w, u[i + 1] == 0xBF ? "\xc2\xbf" : "\xc2\xa1");
            r->w->glue = 1;
            i += 2;
            r->named = 0;
            continue;
        }
        if (letter(c) || (r->keep ? marked_letter(u + i, len - i) > 0 : plain_letter(u + i, len - i) != 0)) {
            char buf[2 * WORD_MAX]; /* a kept mark takes two bytes */
            size_t k = 0, nl = 0;   /* bytes, and characters (at most XL_SPEECH_MAX_WORD) */
            while (i < len) {
                const size_t mk = r->keep && !letter(s[i]) ? marked_letter(u + i, len - i) : 0;
                char pl = letter(s[i]) ? s[i] : r->keep ? 0 : plain_letter(u + i, len - i);
                if (mk) {
                    if (nl < XL_SPEECH_MAX_WORD) {
                        buf[k++] = s[i];
                        buf[k++] = s[i + 1];
                        nl++;
                    }
                    i += 2;
                } else if (pl) {
                    if (nl < XL_SPEECH_MAX_WORD) buf[k++] = pl, nl++;
                    i += letter(s[i]) ? 1 : 2;
                } else if ((s[i] == '\'' || s[i] == '-') && i + 1 < len && k > 0 &&
                           (letter(s[i + 1]) || (r->keep && marked_letter(u + i + 1, len - i - 1)))) {
                    if (nl < XL_SPEECH_MAX_WORD) buf[k++] = s[i], nl++;
                    i++;
                } else {
                    break;
                }
            }
            buf[k] = '\0';
            const char *said = buf;
            for (size_t t = 0; t < sizeof words_table / sizeof words_table[0]; t++)
                if (strcmp(buf, words_table[t].sym) == 0) said = say(r, words_table[t].words);
            if (strcmp(buf, "log") == 0 && sub_digit(u + i, len - i) == 2) { /* log₂ */
                i += 3;
                /* "log₂ 2" is "log base two of two", not "log base two two" */
                word(r->w, say(r, i + 1 < len && s[i] == ' ' && (digit(s[i + 1]) || letter(s[i + 1]))
                                      ? "log base two of"
                                      : "log base two"));
            } else if (strcmp(buf, "D") == 0 && i + 3 <= len && memcmp(s + i, "_KL", 3) == 0) {
                word(r->w, say(r, "K L divergence"));
                i += 3;
            } else if (strcmp(buf, "KL") == 0 && i < len && s[i] == '(') {
                word(r->w, say(r, "K L divergence"));
            } else {
                word(r->w, said);
            }
            i += scripts(r, s + i, len - i);
            r->named = 1;
            continue;
        }
        /* The table, longest match first. */
        size_t best = 0;
        const reading *rd = NULL;
        for (size_t t = 0; t < sizeof table / sizeof table[0]; t++) {
            const size_t sl = strlen(table[t].sym);
            if (sl > best && sl <= len - i && memcmp(s + i, table[t].sym, sl) == 0) {
                best = sl;
                rd = &table[t];
            }
        }
        if (rd) {
            /* A name: a Greek letter, ŷ, ⟩, a letter subscript; "ρ(0)", "ρₘ(20)" are calls. */
            const int greek = (best == 2 && (u[i] == 0xCE || u[i] == 0xCF || u[i] == 0xC5) &&
                               strcmp(rd->sym, "\xce\xa3") != 0) ||
                              strcmp(rd->sym, "\xe2\x9f\xa9") == 0 || strcmp(rd->sym, "\xe2\x82\x98") == 0 ||
                              strcmp(rd->sym, "\xe1\xb5\xa2") == 0 || strcmp(rd->sym, "\xe2\x82\x96") == 0 ||
                              strcmp(rd->sym, "\xe2\x82\x99") == 0 || strcmp(rd->sym, "\xe1\xb5\x80") == 0;
            i += best;
            if (rd->words) {
                if (rd->words[0] && is_pause(rd->words[0]) && !rd->words[1]) pause(r->w, rd->words[0]);
                else word(r->w, say(r, rd->words));
            } else if (strcmp(rd->sym, "\xe2\x80\x93") == 0) { /* en dash: "0–16", "Gibbs–Shannon", " – " */
                const char before = i > best ? s[i - best - 1] : ' ', after = i < len ? s[i] : ' ';
                if (digit(before) && digit(after)) word(r->w, say(r, "to"));
                else if (before == ' ' || after == ' ') pause(r->w, ',');
            } else { /* ‖ and |: "and" and "given" inside a call; else silent (|support|) */
                if (in_call(r)) word(r->w, say(r, rd->sym[0] == '|' ? "given" : "and"));
            }
            r->named = 0;
            if (greek) {
                i += scripts(r, s + i, len - i); /* σ_q, ρₘ, ⟨Q⟩² */
                r->named = 1;                    /* ρ(0): a call */
            }
            if (strcmp(rd->sym, "^") == 0 && i < len && s[i] == '(') { /* e^(−βE): the bracket is silent */
                open_paren(r, 0);
                i++;
            }
            continue;
        }
        /* A sub- or superscript after a space or a bracket, or a character with no reading. */
        const size_t sc = scripts(r, s + i, len - i);
        if (sc) {
            i += sc;
            continue;
        }
        r->unread++;
        i += utf8_len(u[i]);
        while (i < len && (u[i] & 0xC0) == 0x80) i++;
    }
}

static size_t speech(const char *text, const xl_speech_rule *rules, int nrules, char *out, size_t n, int *unread,
                     int keep, const xl_speech_lang *lang)
{
    writer w = {out, n, 0, 0, 0, 0, 0};
    if (out && n > 0) out[0] = '\0';
    if (!out) w.n = 0;
    reader r = {&w, rules, nrules < 0 ? 0 : nrules, 0, {PAREN_GROUP}, 0, 0, keep, lang};
    size_t len = 0;
    while (text && len < XL_SPEECH_MAX_IN && text[len]) len++;
    while (len > 0 && len == XL_SPEECH_MAX_IN && ((unsigned char)text[len] & 0xC0) == 0x80) len--; /* whole characters */
    if (text) read_span(&r, text, len);
    if (unread) *unread = r.unread;
    return w.need;
}

size_t xl_speech_text(const char *text, const xl_speech_rule *rules, int nrules, char *out, size_t n, int *unread)
{
    return speech(text, rules, nrules, out, n, unread, 0, NULL);
}

size_t xl_speech_words(const char *text, const xl_speech_rule *rules, int nrules, char *out, size_t n, int *unread)
{
    return speech(text, rules, nrules, out, n, unread, 1, NULL);
}

size_t xl_speech_words_in(const char *lang, const char *text, const xl_speech_rule *rules, int nrules, char *out,
                          size_t n, int *unread)
{
    return speech(text, rules, nrules, out, n, unread, 1, xl_speech_lang_of(lang));
}

int xl_speech_page_rules(const xl_lesson *l, int page, xl_speech_rule *out, int max)
{
    int k = 0;
    if (!l || page >= l->npages) page = l ? l->npages - 1 : -1;
    for (int p = page; p >= 0; p--)
        for (int i = 0; i < l->pages[p].nsays && k < max && k < XL_SPEECH_MAX_RULES; i++) {
            out[k].formula = l->pages[p].says[i].formula;
            out[k].words = l->pages[p].says[i].words;
            k++;
        }
    return k;
}

long xl_speech_plain(const char *s)
{
    for (long i = 0; s[i]; i++) {
        const char c = s[i];
        if (!(letter(c) || c == ' ' || c == '\'' || c == '-' || is_pause(c))) return i;
    }
    return -1;
}
