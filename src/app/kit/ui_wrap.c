/* ui_wrap: greedy line breaking over words made of runs (see ui_wrap.h). A word is
 * measured run by run (a run is a stretch in one face), so "*rain*," is a bold "rain"
 * and a regular comma, kept together on one line.
 *
 * Chinese and Japanese put no spaces between words: a line may break after any
 * ideograph or kana (not before closing punctuation such as "。"), so each is a word of
 * its own, glued to the one before it (no space drawn between).
 *
 * Mixed directions (UAX #9): the embedding levels are resolved once for the whole
 * paragraph (ui_bidi_levels: FriBidi on the desktop, the documented subset in the
 * browser), then the paragraph is broken into lines in logical order, and each line is
 * reordered on its own (rule L2): its pieces (a stretch of one word's run at one
 * level, or the space between two words) are reversed by level, highest first, and
 * drawn left to right in that order. So "مرحبا hello big world نص" reads "hello big
 * world" left to right inside the right-to-left sentence, on one line or wrapped. Each
 * piece is shaped in its level's direction (odd: right to left, mirrored). A paragraph
 * whose first strong character is right-to-left starts at the right edge. */
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

/* ---- a paragraph's levels, and a line of pieces reordered (rule L2) ---- */

/* PARA_MAX: a page's narration whole (XL_LESSON_TEXT bytes, so at most as many code
 * points; ui_bidi resolves up to 4096): past it a code point takes the paragraph's level,
 * which would draw a Latin word there right to left. */
enum { PARA_MAX = 4096, PIECES_MAX = UI_BIDI_MAX_RUNS, LINE_BYTES = 4096 };

/* What a paragraph's words say, as code points (markup gone, one space between words
 * that are not glued), and their embedding levels. */
typedef struct para_levels {
    uint32_t cps[PARA_MAX];
    uint8_t levels[PARA_MAX];
    int n;
    int rtl;     /* the paragraph's direction (its level, 0 or 1) */
    int mixed;   /* 0: every level is 0 (no right-to-left character): nothing to reorder */
} para_levels;

static void add_text(para_levels *pl, const char *text)
{
    while (*text && pl->n < PARA_MAX) pl->cps[pl->n++] = ui_shape_next_codepoint(&text);
}

/* Read the paragraph at s (not moving s) and resolve its levels. */
static void resolve_levels(const char *s, int subscripts, para_levels *pl)
{
    word w;
    int bold = 0, words = 0;
    pl->n = 0;
    while (pl->n < PARA_MAX && next_word(&s, &bold, subscripts, &w)) {
        if (words++ > 0 && !w.glue && pl->n < PARA_MAX) pl->cps[pl->n++] = ' ';
        for (int i = 0; i < w.nruns; i++) add_text(pl, w.text[i]);
    }
    pl->mixed = !ui_bidi_all_ltr(pl->cps, pl->n);
    if (!pl->mixed) {
        pl->rtl = 0;
        memset(pl->levels, 0, (size_t)pl->n);
    } else {
        pl->rtl = ui_bidi_levels(pl->cps, pl->n, UI_BIDI_AUTO, pl->levels);
    }
}

/* The level of the paragraph's code point i (past what was resolved: the paragraph's). */
static int level_at(const para_levels *pl, int i)
{
    return i < pl->n ? pl->levels[i] : pl->rtl;
}

typedef struct piece {
    int start, len;   /* bytes in the line's buffer; len 0: a space between words */
    int level;
    int width;
    ui_font font;
    int bold, sub;
} piece;

typedef struct line {
    piece pieces[PIECES_MAX];
    int n;
    char bytes[LINE_BYTES];
    int used;
    int width;
} line;

static int piece_width(ui_text *t, const line *ln, const piece *pc)
{
    char buf[WORD_MAX];
    const int len = pc->len < WORD_MAX ? pc->len : WORD_MAX - 1;
    memcpy(buf, ln->bytes + pc->start, (size_t)len);
    buf[len] = '\0';
    ui_text_set_direction(t, (pc->level & 1) ? UI_TEXT_RTL : UI_TEXT_LTR);
    return ui_text_width(t, pc->font, buf);
}

/* Append one piece; 0 if the line has no room for it (the caller breaks the line). */
static int add_piece(ui_text *t, line *ln, const char *text, int len, int level, ui_font font, int bold, int sub)
{
    if (ln->n >= PIECES_MAX || ln->used + len > LINE_BYTES || len >= WORD_MAX) return 0;
    piece *pc = &ln->pieces[ln->n++];
    *pc = (piece){ln->used, len, level, 0, font, bold, sub};
    memcpy(ln->bytes + ln->used, text, (size_t)len);
    ln->used += len;
    pc->width = piece_width(t, ln, pc);
    ln->width += pc->width;
    return 1;
}

/* The word's pieces into `into` (a line of its own, for measuring): each run cut where
 * the level changes. *pos is the paragraph index of the word's first code point, moved
 * past it. Returns the word's width, or -1 if it has too many pieces. */
static int word_pieces(ui_text *t, const ui_wrap_style *st, const word *w, const para_levels *pl, int *pos,
                       line *into)
{
    into->n = into->used = into->width = 0;
    for (int r = 0; r < w->nruns; r++) {
        const char *p = w->text[r], *from = p;
        int level = level_at(pl, *pos);
        while (*p) {
            const char *q = p;
            ui_shape_next_codepoint(&q);
            const int lv = level_at(pl, *pos);
            if (lv != level && p > from) {
                if (!add_piece(t, into, from, (int)(p - from), level, run_font(st, w, r), w->bold[r], w->sub[r]))
                    return -1;
                from = p;
            }
            level = lv;
            (*pos)++;
            p = q;
        }
        if (p > from && !add_piece(t, into, from, (int)(p - from), level, run_font(st, w, r), w->bold[r], w->sub[r]))
            return -1;
    }
    return into->width;
}

/* Draw the line at y: its pieces in the order rule L2 gives, from the left edge (or,
 * in a right-to-left paragraph, ending at the right edge). */
static void draw_line(ui_text *t, const ui_wrap_style *st, const line *ln, int rtl, int x, int width, int y)
{
    uint8_t levels[PIECES_MAX];
    int order[PIECES_MAX];
    for (int i = 0; i < ln->n; i++) levels[i] = (uint8_t)ln->pieces[i].level;
    ui_bidi_order_runs(levels, ln->n, order);
    int cx = rtl ? x + width - ln->width : x;
    for (int k = 0; k < ln->n; k++) {
        const piece *pc = &ln->pieces[order[k]];
        if (pc->len > 0) {
            char buf[WORD_MAX];
            memcpy(buf, ln->bytes + pc->start, (size_t)pc->len);
            buf[pc->len] = '\0';
            /* A subscript sits with its foot a third of its height below the line's. */
            const int dy = pc->sub ? (4 * ui_text_line_height(t, st->regular) -
                                      3 * ui_text_line_height(t, UI_FONT_HELP)) / 5 : 0;
            ui_text_set_direction(t, (pc->level & 1) ? UI_TEXT_RTL : UI_TEXT_LTR);
            ui_text_draw(t, pc->font, cx, y + dy, UI_ALIGN_LEFT, pc->bold ? st->emphasis : st->color, buf);
        }
        cx += pc->width;
    }
}

/* Append the word's pieces (after a space piece when gap) to the line. 0 if it has no
 * room left. */
static int line_add_word(line *ln, const line *wp, int gap, int space_level)
{
    if (ln->n + wp->n + 1 > PIECES_MAX || ln->used + wp->used > LINE_BYTES) return 0;
    if (gap) {
        ln->pieces[ln->n++] = (piece){ln->used, 0, space_level, gap, UI_FONT_STATUS, 0, 0};
        ln->width += gap;
    }
    for (int i = 0; i < wp->n; i++) {
        piece pc = wp->pieces[i];
        memcpy(ln->bytes + ln->used, wp->bytes + pc.start, (size_t)pc.len);
        pc.start = ln->used;
        ln->used += pc.len;
        ln->pieces[ln->n++] = pc;
    }
    ln->width += wp->width;
    return 1;
}

int ui_wrap_draw(ui_text *t, const ui_wrap_style *st, const char *text, int x, int y, int width, int max_y,
                 int draw, int *cut)
{
    const int lh = ui_text_line_height(t, st->regular) + st->line_gap;
    const ui_text_dir interface_dir = ui_text_set_direction(t, UI_TEXT_LTR);
    const int space = ui_text_width(t, st->regular, " ");
    int cy = y, bold = 0, first_paragraph = 1;
    if (cut) *cut = 0;
    /* A paragraph's levels and the line being filled: too large for every caller's
     * stack, and a frame draws one paragraph at a time on one thread. */
    static para_levels pl;
    static line ln, wp;
    const char *s = text ? text : "";
    while (*s) {
        /* One paragraph. */
        word w;
        while (*s && is_space(*s) && !(s[0] == '\n' && s[1] == '\n')) s++;
        resolve_levels(s, st->subscripts, &pl);
        if (!next_word(&s, &bold, st->subscripts, &w)) {
            while (*s && is_space(*s)) s++;
            continue;
        }
        if (!first_paragraph) cy += st->paragraph_gap;
        first_paragraph = 0;
        ln.n = ln.used = ln.width = 0;
        int pos = 0, words = 0;
        do {
            /* The space before the word is a code point of the paragraph too (its level
             * decides where it goes when the line is reordered). */
            const int spaced = words++ > 0 && !w.glue;
            const int space_level = spaced ? level_at(&pl, pos) : 0;
            pos += spaced;
            int end = pos;
            for (int i = 0; i < w.nruns; i++)
                for (const char *p = w.text[i]; *p; end++) ui_shape_next_codepoint(&p);
            ui_text_set_direction(t, pl.rtl ? UI_TEXT_RTL : UI_TEXT_LTR); /* the whole word, as its paragraph */
            if (measure(t, st, &w) > width) {
                /* Cut with "…": one piece, at its first character's level. */
                fit_word(t, st, &w, width);
                const int lv = level_at(&pl, pos);
                wp.n = wp.used = wp.width = 0;
                add_piece(t, &wp, w.text[0], (int)strlen(w.text[0]), lv, run_font(st, &w, 0), w.bold[0], 0);
            } else if (word_pieces(t, st, &w, &pl, &pos, &wp) < 0) {
                wp.n = wp.used = wp.width = 0;
            }
            pos = end;
            const int gap = ln.n > 0 && spaced ? space : 0;
            if (ln.n > 0 && (ln.width + gap + wp.width > width || !line_add_word(&ln, &wp, gap, space_level))) {
                const int visible = cy + lh - st->line_gap <= max_y;
                if (!visible && cut) *cut = 1;
                if (draw && visible) draw_line(t, st, &ln, pl.rtl, x, width, cy);
                cy += lh;
                ln.n = ln.used = ln.width = 0;
                line_add_word(&ln, &wp, 0, 0);
            } else if (ln.n == 0) {
                line_add_word(&ln, &wp, 0, 0);
            }
        } while (next_word(&s, &bold, st->subscripts, &w));
        const int visible = cy + lh - st->line_gap <= max_y;
        if (!visible && cut) *cut = 1;
        if (draw && visible) draw_line(t, st, &ln, pl.rtl, x, width, cy);
        cy += lh;
        bold = 0; /* emphasis never runs past its paragraph */
    }
    ui_text_set_direction(t, interface_dir);
    return cy - y;
}
