/* ui_wrap: greedy line breaking over words made of runs (see ui_wrap.h). A word is
 * measured run by run (a run is a stretch in one face), so "*rain*," is a bold "rain"
 * and a regular comma, kept together on one line.
 *
 * Chinese and Japanese put no spaces between words: a line may break after any
 * ideograph or kana (not before closing punctuation such as "。"), so each is a word of
 * its own, glued to the one before it (no space drawn between). A paragraph whose first
 * strong character is right-to-left (Arabic, Hebrew) is laid out from the right edge,
 * its words right to left; each word is shaped in its own direction by ui_text. */
#include "ui_wrap.h"

#include <string.h>

#include "ui_bidi.h"
#include "ui_shape.h"

enum { RUNS_MAX = 8, WORD_MAX = 256 };

typedef struct word {
    int nruns;
    char text[RUNS_MAX][WORD_MAX];
    int bold[RUNS_MAX];
    int sub[RUNS_MAX];   /* a subscript: smaller, lowered */
    int width;
    int glue;            /* no space before it: it follows an ideograph directly */
} word;

/* A character after which a line may break with no space: CJK ideographs, kana, their
 * punctuation and the full-width forms (Hangul is written with spaces). */
static int breaks_after(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Punctuation that must not begin a line (it stays with the character before it). */
static int closes(uint32_t cp)
{
    return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E || cp == 0xFF1A || cp == 0xFF1B ||
           cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF09 || cp == 0x300D || cp == 0x300F || cp == 0x3011 ||
           cp == ',' || cp == '.' || cp == ':' || cp == ';' || cp == '!' || cp == '?' || cp == ')';
}

static uint32_t peek(const char *p)
{
    return ui_shape_next_codepoint(&p);
}

/* 1 if the paragraph starting at p (to its blank line) reads right to left. */
static int paragraph_rtl(const char *p)
{
    uint32_t cps[256];
    int n = 0;
    while (*p && n < 256) {
        if (p[0] == '\n' && p[1] == '\n') break;
        cps[n++] = ui_shape_next_codepoint(&p);
    }
    return ui_bidi_rtl_paragraph(cps, n);
}

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Read one word from *s (bold state carried across words in *bold). 0 at the end of the
 * paragraph (a blank line or the end of the text). */
static int next_word(const char **s, int *bold, int subscripts, word *w)
{
    const char *p = *s;
    w->glue = *p && !is_space(*p);
    while (*p && is_space(*p)) {
        if (*p == '\n') {
            const char *q = p + 1;
            while (*q == ' ' || *q == '\t' || *q == '\r') q++;
            if (*q == '\n') {
                *s = q; /* a blank line: the paragraph ends */
                return 0;
            }
        }
        p++;
    }
    if (!*p) {
        *s = p;
        return 0;
    }
    w->nruns = 0;
    size_t len = 0;
    w->text[0][0] = '\0';
    w->bold[0] = *bold;
    w->sub[0] = 0;
    while (*p && !is_space(*p)) {
        if (*p == '\\' && (p[1] == '*' || p[1] == '\\' || p[1] == '_')) {
            p++; /* \* is a star, \\ a backslash and \_ an underscore, drawn as they are */
            if (len + 1 < WORD_MAX) w->text[w->nruns][len++] = *p;
            p++;
            continue;
        }
        if (subscripts && *p == '_' && is_alnum(p[1]) && (len > 0 || w->nruns > 0) && w->nruns < RUNS_MAX - 2) {
            /* x_q: the letters and digits after the underscore are a subscript run. */
            if (len > 0) {
                w->text[w->nruns][len] = '\0';
                w->nruns++;
                len = 0;
            }
            w->bold[w->nruns] = *bold;
            w->sub[w->nruns] = 1;
            for (p++; is_alnum(*p); p++)
                if (len + 1 < WORD_MAX) w->text[w->nruns][len++] = *p;
            w->text[w->nruns][len] = '\0';
            w->nruns++;
            len = 0;
            w->bold[w->nruns] = *bold;
            w->sub[w->nruns] = 0;
            continue;
        }
        if (*p == '*') {
            *bold = !*bold;
            if (len > 0 && w->nruns < RUNS_MAX - 1) {
                w->text[w->nruns][len] = '\0';
                w->nruns++;
                len = 0;
            }
            w->bold[w->nruns] = *bold;
            w->sub[w->nruns] = 0;
            p++;
            continue;
        }
        if ((unsigned char)*p >= 0x80) {
            /* A whole character: an ideograph ends its word (a line may break after it). */
            const char *q = p;
            uint32_t cp = ui_shape_next_codepoint(&q);
            if (breaks_after(cp) && (len > 0 || w->nruns > 0) && !closes(cp)) break;
            if (len + (size_t)(q - p) < WORD_MAX) {
                memcpy(&w->text[w->nruns][len], p, (size_t)(q - p));
                len += (size_t)(q - p);
            }
            p = q;
            if (breaks_after(cp) && !closes(peek(p))) break;
            continue;
        }
        if (len + 1 < WORD_MAX) w->text[w->nruns][len++] = *p;
        p++;
    }
    w->text[w->nruns][len] = '\0';
    if (len > 0) w->nruns++;
    *s = p;
    return 1;
}

/* The face run i is drawn in: a subscript in the help face, three quarters of the
 * narration's size in a lesson. */
static ui_font run_font(const ui_wrap_style *st, const word *w, int i)
{
    if (w->sub[i]) return UI_FONT_HELP;
    return w->bold[i] ? st->bold : st->regular;
}

static int measure(ui_text *t, const ui_wrap_style *st, word *w)
{
    w->width = 0;
    for (int i = 0; i < w->nruns; i++) w->width += ui_text_width(t, run_font(st, w, i), w->text[i]);
    return w->width;
}

/* Cut the word to fit width, ending in "…" (a word longer than the line: a URL, a
 * formula without spaces). */
static void fit_word(ui_text *t, const ui_wrap_style *st, word *w, int width)
{
    char cut[WORD_MAX];
    w->nruns = 1;
    w->sub[0] = 0;
    ui_text_fit(t, w->bold[0] ? st->bold : st->regular, w->text[0], width, cut, sizeof cut);
    memcpy(w->text[0], cut, sizeof cut);
    measure(t, st, w);
}

int ui_wrap_draw(ui_text *t, const ui_wrap_style *st, const char *text, int x, int y, int width, int max_y,
                 int draw, int *cut)
{
    const int lh = ui_text_line_height(t, st->regular) + st->line_gap;
    const int space = ui_text_width(t, st->regular, " ");
    int cy = y, bold = 0, first_paragraph = 1;
    const ui_text_dir interface_dir = ui_text_set_direction(t, UI_TEXT_LTR);
    if (cut) *cut = 0;
    const char *s = text ? text : "";
    while (*s) {
        /* One paragraph. */
        word w;
        int cx = 0, line_used = 0;
        while (*s && is_space(*s) && !(s[0] == '\n' && s[1] == '\n')) s++;
        const int rtl = paragraph_rtl(s);
        /* Each word is shaped as part of its paragraph: "المفاجأة." ends on the left. */
        ui_text_set_direction(t, rtl ? UI_TEXT_RTL : UI_TEXT_LTR);
        if (!next_word(&s, &bold, st->subscripts, &w)) {
            while (*s && is_space(*s)) s++;
            continue;
        }
        if (!first_paragraph) cy += st->paragraph_gap;
        first_paragraph = 0;
        do {
            if (measure(t, st, &w) > width) fit_word(t, st, &w, width);
            const int gap = w.glue ? 0 : space;
            if (line_used && cx + gap + w.width > width) {
                cy += lh;
                cx = 0;
                line_used = 0;
            }
            if (line_used) cx += gap;
            int visible = cy + lh - st->line_gap <= max_y;
            if (!visible && cut) *cut = 1;
            if (draw && visible) {
                /* Left to right from the line's left edge, or right to left from its right. */
                int wx = rtl ? x + width - cx : x + cx;
                for (int i = 0; i < w.nruns; i++) {
                    /* A subscript sits with its foot a third of its height below the line's. */
                    const int dy = w.sub[i] ? (4 * ui_text_line_height(t, st->regular) -
                                               3 * ui_text_line_height(t, UI_FONT_HELP)) / 5 : 0;
                    const ui_font font = run_font(st, &w, i);
                    if (rtl) wx -= ui_text_width(t, font, w.text[i]);
                    const int drawn = ui_text_draw(t, font, wx, cy + dy, UI_ALIGN_LEFT,
                                                   w.bold[i] ? st->emphasis : st->color, w.text[i]);
                    if (!rtl) wx += drawn;
                }
            }
            cx += w.width;
            line_used = 1;
        } while (next_word(&s, &bold, st->subscripts, &w));
        cy += lh;
        bold = 0; /* emphasis never runs past its paragraph */
    }
    ui_text_set_direction(t, interface_dir);
    return cy - y;
}
