/* ui_theme: the two colour themes, light "projector" and dark, and the type scale.
 *
 * Colours follow the Okabe-Ito palette, safe for colour-blind viewers: P (the truth)
 * blue, Q (the model) orange, surprise and KL vermillion, H(P) bluish green. The
 * projector theme draws lines twice as thick and text 1.25 times larger, because
 * projectors wash out thin lines and small type.
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
} ui_theme;

/* Static storage. */
const ui_theme *ui_theme_get(ui_theme_kind kind);

#endif
