/* xl_scn_gaussian: continuous distributions, the voltage example, as a scenario record.
 *
 * A circuit's voltage is P = N(mu_p, sigma_p^2) (default 5 V with 1 V of noise); a model
 * Q = N(mu_q, sigma_q^2) learns it by descending the cross-entropy of the densities over
 * theta = (mu_q, log sigma_q) (xl_gauss.h has the closed form, its floor H(p) and gradient).
 *
 * Parameters: "mu_p" (-20..20 V), "sigma_p" (0.01..10 V), and the start "mu_q0" (default
 * 2 V), "sigma_q0" (default 2 V). sigma_p defaults to 1 V rather than a tighter 0.5 V: the
 * curvature in mu_q at the minimum is 1 / sigma_p^2, and at the default learning rate 0.5
 * a 0.5 V truth would leave gradient descent oscillating at its stability edge forever.
 * Readouts: loss H(p,q), entropy H(p), kl D_KL(p‖q), then mu_p, sigma_p, mu_q, sigma_q
 * in volts, the closed form's two terms, spread and mismatch, and lr_stable, the largest
 * learning rate with which gradient descent settles at Q = P (min(2 sigma_p^2, 1): with
 * sigma_p below 0.5 V the default 0.5 is above it, and the panel says so). Commands: p-up / p-down
 * move mu_p by 0.25 V, width-up / width-down multiply or divide sigma_p by 1.25,
 * p-restore brings back the starting P; an edit that would leave the parameters' ranges
 * is refused. The bars show P and Q as probability masses in voltage bins fixed on P
 * (XL_SCN_GAUSS_BINS: 11 bins half a sigma_p wide around mu_p and the two open tails).
 */
#ifndef XL_SCN_GAUSSIAN_H
#define XL_SCN_GAUSSIAN_H

#include "xl_gauss.h"
#include "xl_scenario.h"

enum {
    XL_SCN_GAUSS_INNER = 11,                     /* bins of width sigma_p / 2 around mu_p */
    XL_SCN_GAUSS_BINS = XL_SCN_GAUSS_INNER + 2,  /* and the tails below and above them */
    XL_SCN_GAUSS_NAME = 24
};

#define XL_SCN_GAUSS_MU_P 5.0
#define XL_SCN_GAUSS_SIGMA_P 1.0
#define XL_SCN_GAUSS_MU_Q0 2.0
#define XL_SCN_GAUSS_SIGMA_Q0 2.0
#define XL_SCN_GAUSS_MU_STEP 0.25    /* p-up / p-down, volts */
#define XL_SCN_GAUSS_WIDTH_STEP 1.25 /* width-up / width-down, a factor */
#define XL_SCN_GAUSS_MU_LIMIT 20.0   /* |mu_p| allowed */
#define XL_SCN_GAUSS_SIGMA_MIN 0.01
#define XL_SCN_GAUSS_SIGMA_MAX 10.0

typedef struct xl_gaussian_state {
    xl_gauss g;                       /* the truth P */
    double mu_p0, sigma_p0;           /* the starting P, for p-restore */
    double theta0[XL_GAUSS_PARAMS];   /* starting (mu_q, log sigma_q) */
    /* The bins: edges[0] = -infinity, edges[XL_SCN_GAUSS_BINS] = +infinity, and names
     * ("5 V", "< 2.25 V"); rewritten after every edit of P. */
    double edges[XL_SCN_GAUSS_BINS + 1];
    char names[XL_SCN_GAUSS_BINS][XL_SCN_GAUSS_NAME];
} xl_gaussian_state;

extern const xl_scenario_def xl_scenario_gaussian;

#endif
