/* ui_panel_regression: the softmax-regression scenario's own panels (the scenario
 * "regression": Q(x) = softmax(W x + b) trained on real data).
 *
 * Data place (ui_panel_regression.c reads the state; _regions.c and _digits.c draw):
 *  - iris, "DECISION REGIONS": the plane of the two features on the axes, in their raw
 *    units (cm), cut into square cells, each filled with the colour of the class the
 *    model predicts at the cell's centre (argmax of softmax(W x + b)), pale where the
 *    model is unsure and full where it is sure (max q, in five steps from 1/K to 1: the
 *    bands read as contours of confidence), so a boundary is where two colours meet.
 *    The samples on top, in their label's colour: training samples filled discs, test
 *    samples rings; a misclassified one has a cross over it; the selected one the
 *    yellow ring. Trained on all four features, the plane is a slice through the other
 *    two at their training means, and the panel says so, with the means.
 *  - digits, "DIGIT AND TEMPLATES": the selected training image drawn large (8 x 8
 *    cells, grey by the pixel's 0..16), its label and the prediction; the ten weight
 *    images W_k (the "templates") as small 8 x 8 heatmaps on one symmetric diverging
 *    scale (purple negative, green positive; its ends at the 95th percentile of |W|,
 *    the few larger weights at full colour), the label's template framed blue, the
 *    prediction's orange; the data's attribution (CC BY 4.0) always under them: where
 *    it cannot be drawn whole, the digits are not drawn either.
 *
 * Side place (the landscape's): ui_regression_draw_side, defined in
 * ui_panel_regression_side.c (the analysis views: the selected sample's update
 * (q - y) x^T, the confusion matrix, the reliability diagram, train against test).
 *
 * Everything drawn is a const function of the session's state, the theme and the area.
 */
#ifndef UI_PANEL_REGRESSION_H
#define UI_PANEL_REGRESSION_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

enum { UI_REGRESSION_CLASSES_MAX = 10, UI_REGRESSION_DIGIT_SIDE = 8 };

typedef enum ui_regression_view {
    UI_REGRESSION_NONE = 0, /* not drawn: too small, or another scenario */
    UI_REGRESSION_REGIONS,  /* iris: decision regions over two features */
    UI_REGRESSION_DIGITS    /* digits: the selected image and the ten templates */
} ui_regression_view;

/* Where the data panel drew what, for tests and the pointer. */
typedef struct ui_regression_geom {
    ui_regression_view view;
    /* Regions. Cell (i, j) (column i from the left, row j from the top) covers the
     * pixels plot.x + i*cell .. + cell - 1 and plot.y + j*cell .. + cell - 1, cut at the
     * plot's edge, and has the colour of the class predicted at its centre's value:
     * x = x_lo + (i*cell + cell/2) / plot.w * (x_hi - x_lo) (the cut cell's centre is
     * its own middle), y likewise from y_hi at the top down to y_lo at the bottom. */
    SDL_Rect plot;
    double x_lo, x_hi, y_lo, y_hi; /* raw units of the features on the axes */
    int cell;                      /* side of a cell in pixels */
    int cols, rows;
    int feature_x, feature_y;      /* the model's feature index of each axis */
    int slice_note;                /* 1: the "slice through the other features" line was drawn */
    int samples;                   /* samples drawn */
    float radius;                  /* a sample marker's radius in pixels */
    int selected;                  /* the highlighted sample, -1 if none */
    float selected_x, selected_y;  /* its centre */
    /* Digits. The selected image's pixel (r, c) fills image.x + c*image_pitch ..,
     * image.y + r*image_pitch .., image_pitch - 1 square (a 1-pixel gap); template k's
     * weight (r, c) fills tmpl[k].x + c*tmpl_pitch .., tmpl_pitch square (no gap). */
    SDL_Rect image;
    int image_pitch;
    SDL_Rect tmpl[UI_REGRESSION_CLASSES_MAX];
    int tmpl_pitch;
    int templates;                 /* templates drawn (0 or the class count) */
    double w_scale;                /* |weight| at the diverging scale's ends (> 0): the 95th
                                    * percentile of all |W|; the few beyond take the end colours */
    int label, predicted;          /* the selected image's classes (-1: none) */
    /* The data's attribution (digits): the lines drawn and their box. */
    int attribution_lines;
    SDL_Rect attribution;
} ui_regression_geom;

/* Draw the data panel into area from the session (the regression scenario's state and
 * the current W, b; any other scenario gets the bare frame). Read only; geom (may be
 * NULL) gets the layout. */
void ui_regression_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_regression_geom *geom);

/* The side place's panel (the landscape's place), the record's draw_side. Defined in
 * ui_panel_regression_side.c. */
void ui_regression_draw_side(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);

/* ---- colours, shared by both places so a class or a sign reads alike in each ---- */

/* Class k's colour (Okabe-Ito: blue, orange, reddish purple, bluish green, vermillion,
 * sky blue, yellow, then greys), for k in 0..UI_REGRESSION_CLASSES_MAX-1. */
SDL_Color ui_regression_class_colour(const ui_theme *th, int k);
/* A decision region's fill: class k's colour over the panel, as strong as the model is
 * sure, `confidence` = max q in [1/classes, 1] (1/classes: faint; 1: the full tint). */
SDL_Color ui_regression_region_colour(const ui_theme *th, int k, double confidence, int classes);
/* A digit pixel's grey for its value v in 0..16 (clamped): ink dark on the projector's
 * paper, bright on the dark theme. */
SDL_Color ui_regression_digit_grey(const ui_theme *th, double v);
/* The diverging map for t in [-1, 1] (clamped; NaN is 0): purple for negative, green for
 * positive (ColorBrewer's PRGn, colour-blind safe; not P's blue nor Q's orange), the
 * neutral middle at 0, stronger with |t|. */
SDL_Color ui_regression_diverging(const ui_theme *th, double t);

struct ui_own_panel;
extern const struct ui_own_panel ui_regression_own_panel;

#endif
