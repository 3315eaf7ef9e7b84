/* xl_gauss: a Gaussian Q learning a Gaussian P, the voltage example of the source texts.
 *
 * The truth is P = N(mu_p, sigma_p^2), a circuit's voltage with its noise; the model is
 * Q = N(mu_q, sigma_q^2) with parameters theta = (mu_q, log sigma_q), so every finite theta
 * is a valid Gaussian (sigma_q = e^theta_1 > 0) and the loss is smooth everywhere.
 * Loss, in nats: the cross-entropy of the densities, in closed form
 *     H(p, q) = -∫ p ln q dx = 1/2 ln(2 pi sigma_q^2) + (sigma_p^2 + (mu_p - mu_q)^2) / (2 sigma_q^2),
 * "spread" (the width Q claims) plus "mismatch" (how badly Q's width covers P's spread and
 * offset). Floor: the differential entropy H(p) = 1/2 ln(2 pi e sigma_p^2), reached only at
 * Q = P. Unlike the entropy of a discrete P, both can be negative: a density narrower than
 * 1/sqrt(2 pi e) V = 0.242 V has H(p) < 0. Gradient (derived in xl_gauss.c):
 *     dH/dmu_q = (mu_q - mu_p) / sigma_q^2,
 *     dH/dlog sigma_q = 1 - (sigma_p^2 + (mu_p - mu_q)^2) / sigma_q^2.
 *
 * Stability of gradient descent (derived in xl_gauss.c): at Q = P the curvature is
 * 1 / sigma_p^2 along mu_q and 2 along log sigma_q, so a step settles at Q = P only for
 * lr < min(2 sigma_p^2, 1) (xl_gauss_lr_stable); with a narrow P the default lr 0.5 is
 * above it and the run never settles. Far from Q = P the curvature can be far larger
 * (xl_gauss_lr_here): sigma_q0 = 0.1 V with lr 0.05 once threw sigma_q to 4.9e20 V in
 * one step, and lr 10 to infinity. The model (xl_gauss_model) therefore has a domain,
 * sigma_q within XL_GAUSS_SIGMA_Q_MIN .. XL_GAUSS_SIGMA_Q_MAX: its loss is +infinity
 * outside, so the simulation refuses such a step as a divergence and no parameter or
 * readout ever overflows. xl_gauss_loss itself stays the closed form everywhere.
 *
 * Numeric edges: sigma_q^2 is never formed; the mismatch is exp(ln A - 2 log sigma_q) with
 * A = sigma_p^2 + (mu_p - mu_q)^2, so log sigma_q = +700 gives a finite loss (the mismatch
 * underflows to 0) and log sigma_q = -700 gives +infinity (never NaN), which the simulation
 * reports as a divergence. Also the probability mass of an interval of voltages, exact
 * from erf / erfc with its log finite and true far into the tails (the bars' bins).
 * Depends on xl_model.h and libm; no allocation, no I/O.
 */
#ifndef XL_GAUSS_H
#define XL_GAUSS_H

#include "xl_model.h"

enum {
    XL_GAUSS_PARAMS = 2, /* theta = (mu_q, log sigma_q) */
    XL_GAUSS_MU = 0,     /* index of mu_q in theta */
    XL_GAUSS_LOG_SIGMA = 1 /* index of log sigma_q in theta */
};

/* The model's domain: sigma_q from a microvolt to a megavolt, four decades or more
 * beyond every sigma_p allowed (0.01 .. 10 V) on both sides. */
#define XL_GAUSS_SIGMA_Q_MIN 1e-6
#define XL_GAUSS_SIGMA_Q_MAX 1e6

/* The truth P. A transparent value type without pointers: a snapshot is a struct copy.
 * Edit it through xl_gauss_set_p so that `version` changes. */
typedef struct xl_gauss {
    double mu_p;           /* mean of P, volts, finite */
    double sigma_p;        /* standard deviation of P, volts, > 0 and finite */
    unsigned long version; /* bumped by every edit */
} xl_gauss;

/* P = N(mu_p, sigma_p^2) with version 0. Asserts mu_p finite and sigma_p > 0 finite. */
void xl_gauss_init(xl_gauss *g, double mu_p, double sigma_p);
/* Change P (an edit: the version moves on). Returns 0, or -1 leaving g untouched when
 * mu_p is not finite or sigma_p is not finite and > 0. */
int xl_gauss_set_p(xl_gauss *g, double mu_p, double sigma_p);

/* The two terms of the closed form at theta, in nats: *spread = 1/2 ln(2 pi sigma_q^2),
 * *mismatch = (sigma_p^2 + (mu_p - mu_q)^2) / (2 sigma_q^2) (+infinity where it overflows). */
void xl_gauss_terms(const xl_gauss *g, const double *theta, double *spread, double *mismatch);
/* H(p, q) at theta, in nats: spread + mismatch. Finite, or +infinity; never NaN for finite theta. */
double xl_gauss_loss(const xl_gauss *g, const double *theta);
/* dH/dtheta into grad[0..1] (see the top of this file). Entries may be ±infinity where
 * 1/sigma_q^2 overflows; never NaN for finite theta. */
void xl_gauss_gradient(const xl_gauss *g, const double *theta, double *grad);
/* The largest learning rate with which gradient descent settles at Q = P: 2 over the
 * largest curvature there, min(2 sigma_p^2, 1) (lr in V^2 along mu_q, in nats along
 * log sigma_q). Above it the run oscillates or wanders and never settles. */
double xl_gauss_lr_stable(const xl_gauss *g);
/* The same limit for one step at theta, 2 / (the largest eigenvalue of the Hessian of
 * H(p, q) at theta): a gradient step with a larger lr overshoots there. 0 where the
 * curvature overflows; equals xl_gauss_lr_stable at Q = P. */
double xl_gauss_lr_here(const xl_gauss *g, const double *theta);
/* 1 when theta lies in the model's domain (sigma_q within XL_GAUSS_SIGMA_Q_MIN ..
 * XL_GAUSS_SIGMA_Q_MAX, mu_q finite), else 0. */
int xl_gauss_in_domain(const double *theta);
/* H(p) = 1/2 ln(2 pi e sigma_p^2), in nats. */
double xl_gauss_entropy(const xl_gauss *g);
/* "μ_q" for i = 0, "log σ_q" for i = 1 (static storage). */
const char *xl_gauss_param_name(int i);

/* Density of N(mu, sigma^2) at x, per volt; 0 where it underflows, never NaN for
 * finite arguments and sigma > 0. */
double xl_gauss_density(double mu, double sigma, double x);
/* ln of the mass of N(mu, sigma^2) on [a, b] (a <= b; a may be -infinity, b +infinity):
 * exact where the mass is a normal double, and through the asymptotic series of erfc
 * where it underflows, so a bin far in the tail has its true, finite log mass (as long as
 * the log itself is representable). -infinity for an empty interval. */
double xl_gauss_log_mass(double mu, double sigma, double a, double b);

/* P and Q as an xl_model with id "gaussian" and param_count 2; borrows g, which must
 * outlive the view. Its loss is xl_gauss_loss inside the domain (xl_gauss_in_domain)
 * and +infinity outside, so a step out of it is refused as a divergence. */
xl_model xl_gauss_model(const xl_gauss *g);

#endif
