/* ui_panel_weighted: the rare-positives scenario's own panel, "RARE POSITIVES".
 *
 * The loss formula; beta, recall and precision as text; a stacked bar of the loss's two
 * shares, loss_pos (the positives', weighted by beta) against loss_neg, with their
 * percentages; then the samples on a number line (positives as large discs on the top
 * row at y_hat = 1, negatives as small translucent discs jittered in a low band above
 * y_hat = 0, so 1000 of them still read as a density), the fitted curve
 * y_hat = sigmoid(w x + b), the current decision boundary x = -b/w dashed and labelled,
 * and, when beta != 1, the boundary the same data get with beta = 1 as a faint dashed
 * line labelled "β = 1", so the shift beta causes is visible.
 */
#ifndef UI_PANEL_WEIGHTED_H
#define UI_PANEL_WEIGHTED_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

/* Where the panel drew what, for tests. */
enum { UI_WEIGHTED_POS_MAX = 64 };

typedef struct ui_weighted_geom {
    int drawn;               /* 0 if the area was too small or the scenario is not weighted */
    SDL_Rect plot;           /* x_lo at the left edge, x_hi at the right; y_hat 0 at the bottom, 1 at the top */
    double x_lo, x_hi;
    int has_boundary;        /* the current boundary x = -b/w lies in range */
    float boundary_x;        /* its pixel column */
    int has_boundary1;       /* the beta = 1 boundary is drawn (beta != 1 and in range) */
    float boundary1_x;
    SDL_Rect share_bar;      /* the stacked bar (w = 0 if dropped); loss_pos fills its left part */
    int share_split;         /* pixel column where loss_pos ends and loss_neg begins */
    float dot_r;             /* a positive's disc radius */
    int npos;                /* positives drawn, the first UI_WEIGHTED_POS_MAX of them in pos_x, pos_y */
    float pos_x[UI_WEIGHTED_POS_MAX], pos_y[UI_WEIGHTED_POS_MAX];  /* their centres */
} ui_weighted_geom;

/* Draw the panel into `area` from the session. Reads only; geom may be NULL. */
void ui_weighted_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, ui_weighted_geom *geom);

/* The colour of positives (1) and negatives (0) in theme th. */
SDL_Color ui_weighted_label_color(const ui_theme *th, int label);

struct ui_own_panel;
extern const struct ui_own_panel ui_weighted_own_panel;

#endif
