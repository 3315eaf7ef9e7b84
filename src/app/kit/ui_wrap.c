/* ui_wrap: greedy line breaking over words made of runs (see ui_wrap.h). A word is
 * measured run by run (a run is a stretch in one face), so "*rain*," is a bold "rain"
 * and a regular comma, kept together on one line. */
#include "ui_wrap.h"

#include <string.h>

enum { RUNS_MAX = 8, WORD_MAX = 256 };

typedef struct word {
    int nruns;
    char text[RUNS_MAX][WORD_MAX];
    int bold[RUNS_MAX];
    int sub[RUNS_MAX];   /* a subscript: smaller, lowered */
    int width;
} word;

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
    if (cut) *cut = 0;
    const char *s = text ? text : "";
    while (*s) {
        /* One paragraph. */
        word w;
        int cx = 0, line_used = 0;
        if (!next_word(&s, &bold, st->subscripts, &w)) {
            while (*s && is_space(*s)) s++;
            continue;
        }
        if (!first_paragraph) cy += st->paragraph_gap;
        first_paragraph = 0;
        do {
            if (measure(t, st, &w) > width) fit_word(t, st, &w, width);
            if (line_used && cx + space + w.width > width) {
                cy += lh;
                cx = 0;
                line_used = 0;
            }
            if (line_used) cx += space;
            int visible = cy + lh - st->line_gap <= max_y;
            if (!visible && cut) *cut = 1;
            if (draw && visible) {
                int wx = x + cx;
                for (int i = 0; i < w.nruns; i++) {
                    /* A subscript sits with its foot a third of its height below the line's. */
                    const int dy = w.sub[i] ? (4 * ui_text_line_height(t, st->regular) -
                                               3 * ui_text_line_height(t, UI_FONT_HELP)) / 5 : 0;
                    wx += ui_text_draw(t, run_font(st, &w, i), wx, cy + dy, UI_ALIGN_LEFT,
                                       w.bold[i] ? st->emphasis : st->color, w.text[i]);
                }
            }
            cx += w.width;
            line_used = 1;
        } while (next_word(&s, &bold, st->subscripts, &w));
        cy += lh;
        bold = 0; /* emphasis never runs past its paragraph */
    }
    return cy - y;
}
