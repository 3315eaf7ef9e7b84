/* ui_panel_regression_side: the softmax regression's analysis views (the scenario
 * "regression"), one at a time in the landscape's place (the side place).
 *
 *  - update: the selected sample's share of the gradient, ∂L/∂W ∋ (q − y) xᵀ. The rows
 *    are the classes: each row's name, its target y_k (blue) against the model's q_k
 *    (orange) as paired bars, the number q_k − y_k, then the row (q_k − y_k) x of the
 *    K x d heatmap; x itself is the strip over the heatmap (and, for digits, an 8x8
 *    image at the left). One diverging map for both, the data place's for W
 *    (ui_regression_diverging: purple below 0, green above, neutral at 0), symmetric in
 *    the largest |value|. The label's row has q − y < 0 (unless a smoothed target is
 *    already exceeded), so it is purple where x is positive: a step −lr·(q − y) xᵀ
 *    moves that row toward x.
 *  - confusion: the K x K counts on the test part, rows the true class, columns the
 *    predicted one, each cell shaded by its share of its row (the diagonal in blue,
 *    the errors in vermillion), its count written in it, the diagonal outlined.
 *  - calibration: the reliability diagram: for each confidence bin (x) a bar up to its
 *    accuracy (y), the gap to the bin's mean confidence outlined in vermillion, the
 *    diagonal of perfect calibration dashed, the counts under the bins; beside it the
 *    ECE, the test accuracy, the test and train cross-entropy, and, when it is so, the
 *    sentence that the model is right but too sure (test CE up from its least while
 *    the accuracy holds).
 *  - curves: train against test cross-entropy over the steps (solid blue, dashed
 *    vermillion, labelled at their ends; linear from 0, or log where they span more
 *    than a factor of 30), the least test CE marked, and under it a strip of train and
 *    test accuracy.
 *  - landscape: the landscape panel's, which the side place gives way to
 *    (ui_regression_side_instead, ui_own_panel.side_instead).
 *
 * Each view is drawn from plain arrays (ui_reg_side_data), so a test can draw any case
 * it builds; ui_regression_draw_side fills them from the session's regression state.
 * Nothing is allocated; every coordinate passes through integer rectangles inside the
 * panel or ui_draw_clamp.
 */
#ifndef UI_PANEL_REGRESSION_SIDE_H
#define UI_PANEL_REGRESSION_SIDE_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_scn_regression_view.h"
#include "xl_session.h"

enum { UI_REG_K_MAX = 10, UI_REG_D_MAX = 64, UI_REG_BINS_MAX = 20, UI_REG_CURVE_MAX = 1024 };

/* The views, numbered as the state keeps them (xl_scn_regression_view.h). The
 * landscape is drawn by the landscape panel: the side place gives way to it
 * (ui_regression_side_instead). */
typedef enum ui_reg_view {
    UI_REG_UPDATE = XL_REGRESSION_VIEW_UPDATE,
    UI_REG_CONFUSION = XL_REGRESSION_VIEW_CONFUSION,
    UI_REG_CALIBRATION = XL_REGRESSION_VIEW_CALIBRATION,
    UI_REG_CURVES = XL_REGRESSION_VIEW_CURVES,
    UI_REG_LANDSCAPE = XL_REGRESSION_VIEW_LANDSCAPE,
    UI_REG_VIEW_COUNT = XL_REGRESSION_VIEWS
} ui_reg_view;

/* "update", "confusion", "calibration", "curves", "landscape" (static storage; NULL out
 * of range). */
const char *ui_reg_view_name(int view);

/* What the views draw. Every pointer is borrowed for the call; arrays hold the counts
 * their fields say. A view whose arrays are NULL says what is missing instead. */
typedef struct ui_reg_side_data {
    ui_reg_view view;
    int view_count;                    /* views there are (the subtitle's "2/5"); 0: UI_REG_VIEW_COUNT */
    int k, d;                          /* classes (<= UI_REG_K_MAX), features (<= UI_REG_D_MAX) */
    const char *const *class_names;    /* [k] */
    const char *const *feature_names;  /* [d]; NULL: "x₁".. */
    int image_side;                    /* 8: x is an 8 x 8 image (digits, row-major); 0: a vector */
    const char *key_hint;              /* how to switch views ("O next view"); NULL: none */
    /* update: the selected sample */
    int sample;                        /* its number in the data set, from 1 */
    int label;                         /* its true class */
    int test;                          /* 1: a test sample (it adds nothing to ∂L/∂W) */
    const double *x;                   /* [d], as the model sees it (standardised) */
    const double *q;                   /* [k] the model's Q(x) */
    const double *y;                   /* [k] the target: one-hot, or smoothed */
    int has_identity;                  /* 1: its identity below is filled */
    double row_ce, row_h, row_kl;      /* its H(P,Q) = H(P) + KL(P||Q), nats */
    /* confusion: counts[t * k + p], t the true class, p the predicted one */
    const long *confusion;
    /* calibration */
    int bins;                          /* <= UI_REG_BINS_MAX, over confidence [0, 1] */
    const double *bin_conf;            /* [bins] mean confidence in each bin (any when empty) */
    const double *bin_acc;             /* [bins] accuracy in each bin */
    const long *bin_count;             /* [bins] test samples in each bin */
    double ece;                        /* expected calibration error, 0..1 */
    double test_acc, train_acc;        /* 0..1 */
    double test_ce, train_ce;          /* nats */
    /* curves: n records, oldest first; record i's value at ((char *)ptr + i * stride)
     * (a stride of 0: packed arrays), so the scenario's own array of records is read in
     * place */
    int n;
    size_t stride;                     /* bytes from one record to the next, 0: packed */
    const long *steps;
    const double *train_ce_at, *test_ce_at;    /* nats */
    const double *train_acc_at, *test_acc_at;  /* 0..1 */
} ui_reg_side_data;

/* Where a view drew what, for tests. Cells run i = row, j = column; cell (i, j) covers
 * x from box.x + j * box.w / cols to box.x + (j + 1) * box.w / cols (integer division),
 * rows alike. */
typedef struct ui_reg_side_geom {
    ui_reg_view view;
    int drawn;                         /* the view's picture is there (not a message) */
    /* update */
    SDL_Rect heat;                     /* k rows x d columns (image or vector alike) */
    SDL_Rect strip;                    /* x: 1 row x d columns */
    SDL_Rect y_bar[UI_REG_K_MAX], q_bar[UI_REG_K_MAX];
    int bar_x, bar_w;                  /* a value v's bar ends at bar_x + v * bar_w */
    double heat_max;                   /* |value| of a full colour */
    /* confusion */
    SDL_Rect grid;                     /* k x k */
    /* calibration */
    SDL_Rect calib;                    /* confidence 0 at calib.x, 1 at the right; accuracy 0 at the bottom, 1 at the top */
    SDL_Rect bar[UI_REG_BINS_MAX];     /* each bin's accuracy bar (empty for an empty bin) */
    /* curves */
    SDL_Rect ce_plot, acc_plot;        /* step steps[0] at the left, steps[n-1] at the right */
    double ce_top;                     /* CE at ce_plot's top, display unit */
    int ce_log;                        /* 1: CE on a log scale from ce_lo at the bottom (ui_reg_ce_y) */
    double ce_lo;
} ui_reg_side_geom;

/* The row of a CE value v (display unit) in the curves' CE plot g drew. */
float ui_reg_ce_y(const ui_reg_side_geom *g, double v);

/* The diverging colour of v on a scale where |v| = max is full (ui_regression_diverging
 * of v / max). */
SDL_Color ui_reg_diverging(const ui_theme *th, double v, double max);

/* Draw data's view into area (panel frame and title included). geom may be NULL. */
void ui_reg_side_draw(const ui_ctx *ctx, SDL_Rect area, const ui_reg_side_data *data, ui_reg_side_geom *geom);

/* The side place from the session: the regression's state at the steered run's theta,
 * the selected training row, the view the state holds (the verbs view and view-next).
 * Another scenario gets the bare frame. geom may be NULL. ui_regression_draw_side
 * (ui_panel_regression.h, the record's draw_side) is this without geom. */
void ui_regression_side_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_reg_side_geom *geom);
/* The view s shows in the side place (UI_REG_UPDATE for another scenario). */
ui_reg_view ui_regression_side_view(const xl_session *s);
/* The own panel's side_instead (ui_own_panels.h): 1 unless the view is the landscape. */
int ui_regression_side_instead(const xl_session *s);

#endif
