/* ui_panels: the four scene panels and the window chrome. Each draws one part of the
 * frame from the session's state alone (nothing is remembered between frames except
 * caches of pure functions of that state), and reports where it drew what, so render
 * tests can check pixels a person would look at.
 */
#ifndef UI_PANELS_H
#define UI_PANELS_H

#include <SDL.h>
#include "ui_draw.h"
#include "ui_panel.h"
#include "xl_session.h"

/* Run r of a race: its optimizer's colour and marker, fixed by the optimizer (not by
 * its place in the race), so gd looks the same on every page, panel and race. */
static inline xl_optim_kind ui_run_optimizer(const xl_session *s, int r)
{
    return xl_sim_optimizer(xl_session_run_sim(s, r))->kind;
}
static inline SDL_Color ui_run_colour(const ui_theme *th, const xl_session *s, int r)
{
    return th->race[(unsigned)ui_run_optimizer(s, r) % 4u];
}
static inline ui_marker ui_run_marker(const xl_session *s, int r)
{
    return (ui_marker)((unsigned)ui_run_optimizer(s, r) % (unsigned)UI_MARKER_COUNT);
}

/* P-vs-Q bars. */
typedef struct ui_bars_geom {
    SDL_Rect plot;                 /* axis box: y = plot.y + plot.h is p 0, plot.y is p 1 */
    int n;
    SDL_Rect p_bar[XL_ITEMS_MAX];
    SDL_Rect q_bar[XL_ITEMS_MAX];
    float slot;                    /* item i's column: plot.x + i * slot .. + slot */
} ui_bars_geom;
void ui_bars_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_bars_geom *geom);

/* Readouts: H(P), H(P,Q), KL and the stacked identity bar. */
typedef struct ui_readouts_geom {
    SDL_Rect identity;             /* the stacked bar's axis box */
    double axis_min;               /* value at identity's left edge: 0, or below 0 for a
                                      negative differential entropy; display unit */
    double axis_max;               /* value at identity's right edge, display unit */
    /* The decimals the identity's three numbers were drawn with (ui_format_identity), when
     * numbers_drawn; 0 decimals_fixed when they did not fit fixed notation. The scene in
     * words (ui_describe) says them the same way. */
    int numbers_drawn, decimals_fixed, decimals;
} ui_readouts_geom;
/* In a race, the run the readouts show: the lowest finite loss now (the first of equals). */
int ui_race_leader(const xl_session *s);
void ui_readouts_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                      ui_readouts_geom *geom);

/* Loss landscape heatmap, contours, trajectory. Keeps its texture and contour
 * segments between frames; they are rebuilt only when the grid changes. */
typedef struct ui_landscape_geom {
    SDL_Rect map;                  /* heatmap box; x = lo at left, y = ylo at bottom */
    double lo, hi;                 /* x */
    double ylo, yhi;               /* y */
    float current_x, current_y;    /* pixel of the current point */
    int has_minimum;
    float minimum_x, minimum_y;    /* pixel of the marked minimum */
} ui_landscape_geom;
typedef struct ui_landscape_panel ui_landscape_panel;
/* NULL on failure. Borrows renderer, which must outlive it. Free with
 * ui_landscape_panel_destroy. */
ui_landscape_panel *ui_landscape_panel_create(SDL_Renderer *renderer);
void ui_landscape_panel_destroy(ui_landscape_panel *p);
/* Paint the heatmap with this many threads (1..UI_WORKERS_MAX; the default is
 * ui_workers_default_count()). The pixels are the same for every count. Returns the
 * count now in use, or -1 without memory (the old one stays). */
int ui_landscape_panel_set_threads(ui_landscape_panel *p, int threads);
/* Start what the coming ui_landscape_draw of s will need on the panel's helper thread
 * and return at once: the panel's own grid filled from the const session
 * (xl_session_landscape_fill) and the heatmap painted at the last frame's size. The frame's thread draws the other
 * panels meanwhile, and must not read the landscape until ui_landscape_draw, which
 * waits for the helper. Optional. */
void ui_landscape_prepare(ui_landscape_panel *p, const ui_ctx *ctx, const xl_session *s);
void ui_landscape_draw(ui_landscape_panel *p, const ui_ctx *ctx, SDL_Rect area,
                       const xl_session *s, ui_landscape_geom *geom);

/* History of H(P,Q) and KL per step with H(P) dashed. */
typedef struct ui_history_geom {
    SDL_Rect plot;
    double x_max, y_max;           /* axis ends: steps, display unit */
} ui_history_geom;
void ui_history_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                     ui_history_geom *geom);

/* Status bar (scene, step, lr, speed, play state, unit) and the key-hint bar.
 * classroom: a lesson page or a recording, where the speed and the play state are
 * chrome a class does not need (a divergence is still said). */
void ui_status_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, int classroom);
/* help: where "H help" was drawn, the last hint; a click there opens the key sheet. */
/* strip: the control strip shows above (its buttons' commands are left out here, and F2's
 * focus takes their room). */
void ui_hints_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, int strip, SDL_Rect *help);
/* The help sheet over the whole frame of w x h, with def's own keys (its verbs): its
 * page `page` (0-based; beyond the last, the last), its box in *sheet (may be NULL).
 * Returns the number of pages: the sheet's type is never made smaller to fit, the rows
 * go on over more pages. */
int ui_help_draw(const ui_ctx *ctx, int w, int h, const xl_scenario_def *def, int page, SDL_Rect *sheet);
/* Every row of the help sheet for def: visit(keys, what, user) for each until it
 * returns nonzero (visit may be NULL). Returns the number of rows. For tests. */
/* 1 when the sheet has a row for the shared or window command `name` (its keys read
 * from the key table), or for selection. For the test that every key is listed. */
int ui_help_lists_command(const char *name);
int ui_help_row_count(const xl_scenario_def *def, int (*visit)(const char *keys, const char *what, void *user),
                      void *user);

#endif
