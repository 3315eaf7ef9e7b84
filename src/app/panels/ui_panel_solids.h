/* ui_panel_solids: the two Einstein solids' own panels (the scenario "solids").
 *
 * "TWO SOLIDS" (data place): what happens. Solid A's oscillators at the left and B's at
 * the right, one cell per oscillator at one pitch for both (so each block's area is its
 * number of oscillators), each cell shaded by the units it holds: empty grey, then a
 * vermillion ramp that darkens (projector) or brightens (dark theme) up to `energy_top`
 * units. Solids too large to draw cell by cell are drawn as blocks of m oscillators
 * shaded by their mean units, and solids too large to track one by one (the scenario's
 * q_A chain) as one shade each, the mean units per oscillator, with the panel saying so.
 * Between the blocks, two thermometers on one scale (1/T = dS/dq, k = 1, T in units of
 * the quantum) with T written over each, and an arrow from the hotter to the colder one:
 * the way heat flows on average now (an exchange moves a unit A → B at a rate
 * proportional to e^(−1/T_A) and B → A to e^(−1/T_B), so the net flow runs from the
 * higher T), as long as the rates' relative difference (up to a quarter), so it shrinks
 * as the temperatures meet and gives way to "≈". Under each block N and q; under all, the last Clausius window: ΔQ from A to
 * B, ΔS_A + ΔS_B, Clausius's ΔS_B ≥ ΔQ/T_A (T of the body the heat came from) with ✓ or
 * ✗, and how many of the last windows ran backwards (S fell).
 *
 * "HOW MANY WAYS" (side place): why. P(q_A) = W_A(q_A)·W_B(q − q_A)/Ω as bars over q_A,
 * the current q_A marked (yellow) and the most probable q_A* (dashed, bluish green, the
 * temperatures equal there) labelled; under it S_A, S_B and S = S_A + S_B over the last
 * steps, from the state's history, with S at q_A* dashed: S_A falls, S_B rises more, and
 * S climbs to its top where W is largest.
 *
 * Both are const functions of the session's state, the view (theme, unit) and the area.
 */
#ifndef UI_PANEL_SOLIDS_H
#define UI_PANEL_SOLIDS_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

typedef enum ui_solids_view {
    UI_SOLIDS_NONE = 0,  /* not drawn: too small, or another scenario */
    UI_SOLIDS_CELLS,     /* one cell per oscillator */
    UI_SOLIDS_BLOCKS,    /* one cell per `per_cell` consecutive oscillators, shaded by their mean */
    UI_SOLIDS_CHAIN      /* the energies are not kept: each solid one shade, its mean units */
} ui_solids_view;

/* Where the solids panel drew what, for tests. Index 0 is A, 1 is B. */
typedef struct ui_solids_geom {
    ui_solids_view view;
    SDL_Rect grid[2];        /* each solid's picture: cell i at column i % cols, row i / cols */
    int cols[2], rows[2];
    int pitch, gap;          /* pixels from a cell to the next; a fill is pitch - gap square */
    long per_cell;           /* oscillators a cell stands for (1: cells; the chain's cells all take the mean) */
    double energy_top;       /* units per oscillator at which the shade is full */
    SDL_Rect tube[2];        /* each thermometer's column (its inside) */
    int fill_top[2];         /* the row where each fill begins: higher T, smaller row */
    double t_top;            /* temperature at a tube's top (both share the scale) */
    int arrow;               /* the way heat flows on average: +1 A → B, -1 B → A, 0 neither (equal T, or apart) */
    int arrow_len;           /* pixels of the arrow drawn (0: none, the flow too weak to point: "≈") */
    int clausius_lines;      /* lines of the Clausius window drawn (0..3) */
} ui_solids_geom;

/* Where the ways panel drew what, for tests. */
typedef struct ui_solids_ways_geom {
    int drawn;               /* the P(q_A) plot */
    SDL_Rect plot;           /* q_A = x_lo at plot.x, x_hi at plot.x + plot.w; P 0 at the bottom, y_max at the top */
    double x_lo, x_hi, y_max;
    float now_x, likely_x;   /* the markers' columns */
    int now_label, likely_label;
    int entropy_drawn;       /* the S over time plot */
    SDL_Rect splot;          /* step t_first at splot.x, t_last at the right edge; S 0 at the bottom, s_top at the top */
    long t_first, t_last;
    double s_top;
} ui_solids_ways_geom;

/* The fill of an oscillator (or a block's mean) holding `units`, in theme th, where
 * `top` units (>= 1) is full: neutral grey for 0, then the ramp. */
SDL_Color ui_solids_shade(const ui_theme *th, double units, double top);

/* Draw the panels into `area` from the session (the solids scenario's state; any other
 * scenario gets the bare frame). Read only; geom (may be NULL) gets the layout. */
void ui_solids_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_solids_geom *geom);
void ui_solids_ways_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_solids_ways_geom *geom);

struct ui_own_panel;
extern const struct ui_own_panel ui_solids_own_panel;

#endif
