/* ui_panel_micro: the microstates scenario's two own panels.
 *
 * "PARTICLES" (data place): the n coins themselves, heads in the truth's blue and tails
 * a neutral grey, one square cell per coin while n is small, a density picture beyond
 * (blocks of m consecutive coins, each shaded by its share of heads); under the picture
 * S = ln W(k) = ln C(n, k) with its current value.
 *
 * "MACROSTATES" (side place): over k = number of heads, the share of steps spent in each
 * macrostate bin (orange bars) against the share of microstates W(k)/2ⁿ the bin holds
 * (blue outlines, or one blue step outline when the bins are narrow), and a vertical marker at the
 * current k. Over time the bars grow into the outlines: the macrostate with the most
 * microstates is where the coins spend their time.
 */
#ifndef UI_PANEL_MICRO_H
#define UI_PANEL_MICRO_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

typedef enum ui_micro_view {
    UI_MICRO_NONE = 0,  /* not drawn: the area is too small or the scenario is another */
    UI_MICRO_CELLS,     /* one cell per coin */
    UI_MICRO_BLOCKS     /* one block per `per_block` consecutive coins, shaded by its heads */
} ui_micro_view;

/* Where the particles panel drew what, for tests. */
typedef struct ui_micro_particles_geom {
    ui_micro_view view;
    SDL_Rect grid;          /* the picture's bounding box, from the first cell's top-left */
    int cols, rows;         /* cell or block i at column i % cols, row i / cols */
    int pitch_x, pitch_y;   /* pixels from one cell to the next (equal for cells; blocks may be oblong) */
    int gap;                /* pixels between cells: a fill is pitch_x - gap by pitch_y - gap */
    long per_block;         /* coins per cell: 1 for cells; block i holds coins [i m, min(n, (i + 1) m)) */
    long count;             /* cells or blocks drawn */
    SDL_Color heads, tails; /* a heads cell's fill and a tails cell's; a block mixes them by its share */
    int formula_lines;      /* lines of S = ln W(k) drawn under the picture (0..2) */
} ui_micro_particles_geom;

/* Where the macrostates panel drew what, for tests. */
typedef struct ui_micro_macro_geom {
    int drawn;           /* 0 if the area was too small or the scenario is another */
    SDL_Rect plot;       /* axes box: k = x_lo at the left edge, x_hi at the right; share 0 at
                            the bottom edge (plot.y + plot.h), y_max at the top (plot.y) */
    double x_lo, x_hi;   /* -0.5 and n + 0.5: a whole k sits in the middle of its slot */
    double y_max;        /* share at the plot's top */
    float now_x;         /* column of the marker at the current k */
    int now_label;       /* 1 if its label "now k = ..." was drawn */
} ui_micro_macro_geom;

/* Draw the panels into `area` from the session (the microstates scenario's state; any
 * other scenario gets the bare frame). Read only; geom (may be NULL) gets the layout. */
void ui_micro_particles_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                                   ui_micro_particles_geom *geom);
void ui_micro_macrostates_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                                     ui_micro_macro_geom *geom);

/* The same, without the layout: the own panel's two draw functions. */
void ui_micro_particles_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);
void ui_micro_macrostates_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);

struct ui_own_panel;
extern const struct ui_own_panel ui_micro_own_panel;

#endif
