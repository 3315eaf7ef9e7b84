/* ui_panel_regression_side_internal: what the regression's side views share between
 * ui_panel_regression_side.c (frame, update, confusion) and ui_panel_regression_plots.c
 * (calibration, curves). Not for other modules. */
#ifndef UI_PANEL_REGRESSION_SIDE_INTERNAL_H
#define UI_PANEL_REGRESSION_SIDE_INTERNAL_H

#include "ui_layout.h"
#include "ui_panel_regression_side.h"

/* Record i of a curve (see ui_reg_side_data's stride). */
static inline double ui_reg_at(const ui_reg_side_data *d, const double *p, int i)
{
    return d->stride ? *(const double *)(const void *)((const char *)p + d->stride * (size_t)i) : p[i];
}
static inline long ui_reg_step_at(const ui_reg_side_data *d, int i)
{
    return d->stride ? *(const long *)(const void *)((const char *)d->steps + d->stride * (size_t)i) : d->steps[i];
}

/* The edge of cell i of count cells over [origin, origin + size) (integer division, so
 * the cells tile the span exactly). */
int ui_reg_cell_edge(int origin, int size, int count, int i);
/* Black or white, whichever reads on fill. */
SDL_Color ui_reg_ink_on(const ui_theme *th, SDL_Color fill);
/* text at (x, y) as align says, if its box claims its place inside `inside`; 1 if drawn. */
int ui_reg_claim_text(const ui_ctx *ctx, ui_claims *claims, SDL_Rect inside, ui_font f, int x, int y,
                      ui_align align, SDL_Color c, const char *text);
/* The first of texts[0..n-1] no wider than w that claims its place at (x, y); 1 if drawn. */
int ui_reg_say(const ui_ctx *ctx, ui_claims *claims, SDL_Rect inside, ui_font f, int x, int y, int w, SDL_Color c,
               const char *const *texts, int n);

/* The two plot views, into the panel's content box `in`; each sets g->drawn when it drew. */
void ui_reg_draw_calibration(const ui_ctx *ctx, SDL_Rect in, const ui_reg_side_data *d, ui_reg_side_geom *g,
                             ui_claims *claims);
void ui_reg_draw_curves(const ui_ctx *ctx, SDL_Rect in, const ui_reg_side_data *d, ui_reg_side_geom *g,
                        ui_claims *claims);

#endif
