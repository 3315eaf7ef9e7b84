/* ui_panel_gaussian: the Gaussian scenario's own panel, "VOLTAGE DENSITIES".
 *
 * Both densities on one axis: x the voltage in volts, y the density per volt; P in the
 * truth's blue, Q in the model's orange, the region between the curves (where they
 * differ) shaded translucent vermillion, each mean marked by a dashed line from the axis
 * to its curve, a legend, and under the plot the closed form
 * H(p,q) = ½ ln(2π σ_q²) + (σ_p² + (μ_p − μ_q)²) / 2σ_q² with the current values of its
 * two terms. A curve taller than the plot (a very narrow Q) is clipped at its top.
 * With gradient descent above its stability limit at Q = P (lr > min(2σ_p², 1)), or after
 * a step refused because it would take σ_q out of the model's domain, a note at the top of
 * the plot says so, with the numbers (ui_gaussian_stability_note).
 */
#ifndef UI_PANEL_GAUSSIAN_H
#define UI_PANEL_GAUSSIAN_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

/* Where the panel drew what, for tests. */
typedef struct ui_gaussian_geom {
    int drawn;          /* 0 if the area was too small or the scenario is not gaussian */
    SDL_Rect plot;      /* axes box: x_lo at the left edge, x_hi at the right; density 0 at
                           the bottom edge (plot.y + plot.h), y_max at the top (plot.y) */
    double x_lo, x_hi;  /* volts */
    double y_max;       /* density per volt at the plot's top */
    int formula_lines;  /* lines of the closed form drawn (0..2) */
} ui_gaussian_geom;

/* Draw the panel into `area` from the session (the gaussian scenario's P and the current
 * (mu_q, log sigma_q)). Reads only; geom (may be NULL) is filled with the layout. */
void ui_gaussian_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_gaussian_geom *geom);

/* The longest form of that note into buf: 1, or 0 when there is none (a stable lr, or
 * not the gaussian scenario). For tests. */
int ui_gaussian_stability_note(const xl_session *s, char *buf, size_t n);

/* Its entry in the list of own panels (ui_own_panels.h). */
struct ui_own_panel;
extern const struct ui_own_panel ui_gaussian_own_panel;

#endif
