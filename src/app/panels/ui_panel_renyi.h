/* ui_panel_renyi: the shared Rényi panel, "RÉNYI ENTROPY", for every scenario with a
 * discrete distribution: H_α of the bars' P (xl_session_bars, the truth the scenario
 * shows) at the view's order α, large, beside the named orders (0 Hartley, 0.5, 1
 * Shannon, 2 collision, ∞ min-entropy), and a plot of H_α against α on the compressed
 * axis u = α / (1 + α), which reaches ∞ at its right end, the order shown marked. The
 * pointer drags α along the plot (ui_renyi_order_at; the window sends one renyi-order
 * per drag). A scenario whose bars are bins of a continuous density
 * (xl_scenario_def.continuous) gets its sentence instead of numbers. Values in the
 * readouts' unit (nats or bits). Drawn from the session, the order and the size alone. */
#ifndef UI_PANEL_RENYI_H
#define UI_PANEL_RENYI_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

/* Where the panel drew its plot (empty when it drew none): u = 0 at plot.x, u = 1 (α = ∞)
 * at plot.x + plot.w. */
typedef struct ui_renyi_geom {
    SDL_Rect plot;
} ui_renyi_geom;

void ui_renyi_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, double alpha, ui_renyi_geom *geom);

/* The order under pixel column x of the plot: α = u / (1 − u), held to [0, ∞], snapped to
 * a ticked order (0, 0.5, 1, 2, 5, ∞) within 2% of the axis of it, else rounded to 3
 * significant digits. -1 when there is no plot. */
double ui_renyi_order_at(const ui_renyi_geom *g, int x);

#endif
