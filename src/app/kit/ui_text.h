/* ui_text: text drawn from glyph atlases, so nothing is rasterized twice.
 *
 * Each font role (status line, panel title, tick label, readout number, ...) has one
 * DejaVu face at one pixel size and an atlas texture. Every string is shaped by
 * ui_shape (HarfBuzz: kerning, ligatures, Arabic joining; right-to-left text in visual
 * order; characters DejaVu lacks from a fallback font) into glyph ids; a glyph is
 * rasterized by FreeType the first time it is drawn and blitted from the atlas after
 * that. A shaped string is cached by its bytes, so steady frames neither shape nor
 * rasterize nor allocate. Numbers use DejaVu Sans Mono so digits do not jump about.
 */
#ifndef UI_TEXT_H
#define UI_TEXT_H

#include <SDL.h>
#include <stddef.h>

#include "ui_shape.h"

typedef enum ui_font {
    UI_FONT_STATUS,   /* status bar, 16 px at 720p */
    UI_FONT_TITLE,    /* panel titles, bold 15 px */
    UI_FONT_LABEL,    /* class names, legends, axis titles, 14 px */
    UI_FONT_TICK,     /* tick labels, 12 px */
    UI_FONT_VALUE,    /* small changing numbers (mono), 13 px */
    UI_FONT_READOUT,  /* readout numbers (mono), 22 px */
    UI_FONT_HELP,     /* help sheet rows, 17 px */
    UI_FONT_HEADING,  /* help sheet title, bold 22 px */
    UI_FONT_NARRATION,      /* a lesson's narration, 22.5 px (1/32 of the height) */
    UI_FONT_NARRATION_BOLD, /* its *emphasis* and titles */
    UI_FONT_COUNT
} ui_font;

typedef enum ui_align { UI_ALIGN_LEFT, UI_ALIGN_CENTER, UI_ALIGN_RIGHT } ui_align;

typedef struct ui_text ui_text;

/* Open the fonts in `font_dir` (DejaVuSans.ttf, DejaVuSans-Bold.ttf, DejaVuSansMono.ttf)
 * for drawing on `renderer`, which must outlive the result. On failure returns NULL
 * and writes the reason into err[errlen]. Free with ui_text_destroy. */
ui_text *ui_text_create(SDL_Renderer *renderer, const char *font_dir, char *err, size_t errlen);
void ui_text_destroy(ui_text *t);

/* Size every role: `scale` multiplies the 720p design sizes (window height / 720
 * times the theme's text scale). Only roles whose pixel size changes are reopened.
 * Returns 0, or -1 if a face could not be opened. */
int ui_text_set_scale(ui_text *t, float scale);
/* ui_text_set_scale, with each role at least floor_px[role] pixels (the reading
 * distance's floor, ui_theme_type_floors): a narrow frame makes the type no smaller
 * than that, its panels show fewer labels instead. floor_px may be NULL (no floor). */
int ui_text_set_scale_floor(ui_text *t, float scale, const float floor_px[]);
/* The pixel size role f is open at (0 before the first ui_text_set_scale). */
int ui_text_px(const ui_text *t, ui_font f);
/* Rasterize every glyph a number can use in the roles that show changing numbers, for
 * faces opened since the last call: after it, a value that turns scientific mid-run
 * (a KL below 10⁻⁴) needs no new glyph, so steady frames allocate nothing. The scene
 * calls it after the first frame, which a one-frame screenshot then does not pay for. */
void ui_text_prime(ui_text *t);

int ui_text_line_height(const ui_text *t, ui_font f);  /* ascent + descent */
int ui_text_ascent(const ui_text *t, ui_font f);
/* Advance width of a UTF-8 string in pixels. */
int ui_text_width(ui_text *t, ui_font f, const char *utf8);
/* Draw `utf8` with its line box's top at y; x is its left edge, centre or right edge
 * as `align` says. Returns the width drawn. */
int ui_text_draw(ui_text *t, ui_font f, int x, int y, ui_align align, SDL_Color color,
                 const char *utf8);

/* The shaped glyphs of utf8 in role f (valid until the role shapes another string):
 * for tests that compare what is drawn with what HarfBuzz says. */
ui_shaped ui_text_shape(ui_text *t, ui_font f, const char *utf8);
/* The atlas cell of glyph gid of font file `font` in role f (rasterized if new), in
 * *src. Returns 0, or -1. For tests. */
int ui_text_glyph_cell(ui_text *t, ui_font f, int font, unsigned gid, SDL_Rect *src);
/* The path of font file `font` (ui_shaped_glyph.font) and its face index in *index;
 * "" if there is none. For tests and messages. */
const char *ui_text_font_path(const ui_text *t, int font, int *index);
/* How many strings role f has shaped rather than found in its cache (for tests). */
unsigned long ui_text_shape_misses(const ui_text *t, ui_font f);

/* Copy utf8 into out[n], cut at a cluster boundary and ended with "…" if it is wider than
 * max_w pixels; empty when not even "…" fits. Returns out. A cut is recorded while a
 * cut recorder is set (ui_text_set_cut_recorder). */
char *ui_text_fit(ui_text *t, ui_font f, const char *utf8, int max_w, char *out, size_t n);

/* Draw `utf8` turned a quarter left, reading bottom to top (a y-axis title): the
 * rotated line box's left edge is at x and its text is centred on y. Returns the
 * text's length in pixels. */
int ui_text_draw_up(ui_text *t, ui_font f, int x, int y, SDL_Color color, const char *utf8);

/* Label boxes, for tests that look for text a person could not read: while a
 * recorder is set, every string drawn adds the box its ink covers, with the region
 * (panel) and layer it was drawn in. Overlapping boxes in one layer, or a box outside
 * its region, mean a label is hidden or clipped. */
typedef struct ui_text_box {
    SDL_Rect ink;      /* union of the glyphs' inked pixels */
    SDL_Rect region;   /* the panel the label belongs to */
    int layer;         /* 0: the scene; 1: an overlay (help sheet) drawn over it */
    ui_font font;      /* the role it was drawn in */
    int px;            /* that role's pixel size, so a test finds type below the floor */
    char text[192];    /* the string (its start if longer), for messages and cut checks */
} ui_text_box;

typedef struct ui_text_recorder {
    ui_text_box *boxes;  /* caller's array of cap boxes */
    int cap;
    int count;           /* boxes recorded; may exceed cap (the rest are dropped) */
} ui_text_recorder;

/* Record into rec from now on (NULL stops). rec is borrowed until replaced. */
void ui_text_set_recorder(ui_text *t, ui_text_recorder *rec);
/* Record into cuts every string ui_text_fit cuts with "…" (or drops whole), with the
 * region and layer it was cut for (ink empty; text: the string's start as given), so
 * a test finds a claim a page makes cut short. NULL stops; borrowed until replaced. */
void ui_text_set_cut_recorder(ui_text *t, ui_text_recorder *cuts);
/* The direction of the paragraph a string drawn from now on is (UAX #9): the
 * interface's, left to right, unless set. ui_wrap sets a lesson paragraph's, from its
 * first strong character, while it draws it; UI_TEXT_AUTO takes each string's own. A
 * string's right-to-left runs are drawn right to left in either. Returns the one before. */
typedef enum ui_text_dir { UI_TEXT_AUTO, UI_TEXT_LTR, UI_TEXT_RTL } ui_text_dir;
ui_text_dir ui_text_set_direction(ui_text *t, ui_text_dir dir);

/* The region and layer the strings drawn from now on belong to. */
void ui_text_set_region(ui_text *t, SDL_Rect region, int layer);

#endif
