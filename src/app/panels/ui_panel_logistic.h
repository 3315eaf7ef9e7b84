/* ui_panel_logistic: the logistic regression scenario's data panel, "DATA AND FIT".
 *
 * A number line of the samples (label 1 in the top row at y_hat = 1, label 0 in the
 * bottom row at y_hat = 0), the fitted curve y_hat = sigmoid(w x + b) over them on a
 * 0..1 probability axis, the decision boundary x = -b/w (y_hat = 0.5) dashed, each
 * sample's residual y_hat - y as a thin vermillion segment from the sample to the curve,
 * and under the axis a strip of stems, one per sample, showing its pull on w: the
 * descent direction -(y_hat - y) x / n, up raising w, down lowering it; together they
 * sum to -dL/dw. The selected sample has the yellow ring.
 */
#ifndef UI_PANEL_LOGISTIC_H
#define UI_PANEL_LOGISTIC_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_logistic.h"
#include "xl_session.h"

/* Where the panel drew what, for tests and pointer hit-testing. */
typedef struct ui_logistic_geom {
    int drawn;                  /* 0 if the area was too small or the scenario is not logistic */
    SDL_Rect plot;              /* axes box: x_lo at the left edge, x_hi at the right; y_hat 0
                                   at the bottom edge (plot.y + plot.h), 1 at the top (plot.y) */
    double x_lo, x_hi;          /* the x axis range */
    int n;                      /* samples */
    float px[XL_LOGISTIC_MAX_POINTS]; /* pixel centre of sample i */
    float py[XL_LOGISTIC_MAX_POINTS];
    float radius;               /* of a sample's disc, pixels */
    float ring_radius, ring_width; /* the selection ring: outer radius and thickness */
    int selected;               /* the ringed sample, or -1 */
    int has_boundary;           /* 1 if x = -b/w lies within the range */
    float boundary_x;           /* its pixel column */
    SDL_Rect pull;              /* the strip of pull-on-w stems (w = 0 if dropped); the
                                   baseline is its middle row */
} ui_logistic_geom;

/* Draw the panel into `area` from the session (the logistic scenario's state and the
 * current (w, b)). Reads only; geom (may be NULL) is filled with the layout. */
void ui_logistic_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_logistic_geom *geom);

/* Its entry in the list of own panels (ui_own_panels.h). */
struct ui_own_panel;
extern const struct ui_own_panel ui_logistic_own_panel;

/* The colour of label 1 and label 0 samples in theme th. */
SDL_Color ui_logistic_label_color(const ui_theme *th, int label);

#endif
