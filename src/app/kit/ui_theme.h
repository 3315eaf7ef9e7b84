/* ui_theme: the two colour themes, light "projector" and dark, and the type scale.
 *
 * Colours follow the Okabe-Ito palette, safe for colour-blind viewers: P (the truth)
 * blue, Q (the model) orange, surprise and KL vermillion, H(P) bluish green. The
 * projector theme draws lines twice as thick and text 1.25 times larger, because
 * projectors wash out thin lines and small type.
 *
 * Type is sized by viewing distance (shared/DESIGN.md, "Type"): each theme gives the
 * least size of its roles as fractions of the window's height, a floor the window's
 * width never pushes the type below. A room reads the projector theme (smallest text
 * 1/45 of the height, titles 1/36, readouts 1/24, narration 1/32); one person at a
 * screen reads the dark theme (smallest 1/60).
 */
#ifndef UI_THEME_H
#define UI_THEME_H

#include <SDL.h>

typedef enum ui_theme_kind { UI_THEME_LIGHT = 0, UI_THEME_DARK = 1, UI_THEME_COUNT } ui_theme_kind;

typedef struct ui_theme {
    ui_theme_kind kind;
    const char *name;        /* "projector" or "dark" */
    SDL_Color background;
    SDL_Color panel;         /* panel fill */
    SDL_Color border;        /* panel outline */
    SDL_Color text;
    SDL_Color text_dim;      /* secondary labels */
    SDL_Color axis;
    SDL_Color grid;          /* faint grid lines */
    SDL_Color truth;         /* P */
    SDL_Color model;         /* Q */
    SDL_Color surprise;      /* surprise, KL */
    SDL_Color inherent;      /* H(P) */
    SDL_Color select;        /* selection highlight */
    SDL_Color select_edge;   /* outline drawn around the selection marker */
    SDL_Color trajectory;    /* path over the landscape */
    SDL_Color contour;       /* contour lines over the heatmap (with alpha) */
    SDL_Color overlay;       /* help sheet (with alpha) */
    /* One colour per optimizer, indexed by xl_optim_kind, the same in every panel, race
     * and lesson page: gd blue, momentum orange, Nesterov reddish purple, Adam vermillion.
     * None is H(P)'s bluish green, so the floor is never taken for a runner. */
    SDL_Color race[4];
    float line_scale;        /* multiplies every line width */
    float text_scale;        /* multiplies every type size */
    /* Floors of the type, as fractions of the window's height (0: the smallest's). */
    float type_small;        /* ticks, legends, sub-labels, small numbers, help rows */
    float type_title;        /* panel titles, the status bar, headings */
    float type_readout;      /* the readouts' large numbers */
    float type_narration;    /* a lesson's narration */
} ui_theme;

/* Static storage. */
const ui_theme *ui_theme_get(ui_theme_kind kind);

/* The floor of each ui_font role in pixels for a window window_h pixels tall, into
 * floor_px[UI_FONT_COUNT], for ui_text_set_scale_floor. */
void ui_theme_type_floors(const ui_theme *th, int window_h, float floor_px[]);
/* The least pixel size any text may have in this theme for a window window_h tall. */
float ui_theme_type_min_px(const ui_theme *th, int window_h);

#endif
