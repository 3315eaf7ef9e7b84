/* xl_ring: diffusion on a ring of K cells and the Bayesian Second Law.
 *
 * The dynamics M moves a share `rate` of each cell's probability to each neighbour per
 * step: rho'(x) = (1 - 2 rate) rho(x) + rate (rho(x - 1) + rho(x + 1)), rate in (0, 1/2].
 * At rate 1/2 on an even ring M has the eigenvalue -1 (the mode alternating between odd
 * and even cells), so M^t rho(0) need not converge; the diffusion scenario keeps rate
 * at most 0.45, where every mode but the uniform one decays.
 * M is symmetric (M(x'|x) = M(x|x')), so no heat flows and, by the Bayesian Second Law
 * (../shared/seeds/README.md), after a measurement m at time t with likelihood P(m | x)
 *   H(rho_m(t), rho(t)) >= H(rho_m(0), rho(0)),
 * where rho(t) = M^t rho(0), rho_m(t) is rho(t) updated by Bayes and rho_m(0) the initial
 * distribution retrodicted from it: rho_m(0)(x0) is proportional to rho(0)(x0) sum_x
 * M^t(x | x0) P(m | x). M^t is a circulant kernel taken by repeated squaring (all terms
 * non-negative, so no probability comes out below 0), any t in O(K^2 log t).
 */
#ifndef XL_RING_H
#define XL_RING_H

enum { XL_RING_MIN = 3, XL_RING_MAX = 32 };

/* One step of the dynamics: out = M rho (out must not alias rho). */
void xl_ring_step(const double *rho, int k, double rate, double *out);
/* The kernel of M^t: c[d] = M^t(x + d | x) for d = 0..k-1 (the same for every x). */
void xl_ring_kernel(int k, double rate, long t, double *c);
/* out[x] = sum_y c[(x - y) mod k] v[y]: the kernel applied to v (out must not alias v). */
void xl_ring_apply(const double *c, int k, const double *v, double *out);
/* The detector: P(m | x) for reading cell m when the system is in x, a Gaussian of the
 * ring distance with standard deviation `width` cells, normalized over m. A narrow
 * width makes P(m | x) = 0 away from m exactly (the detector excludes those cells). */
void xl_ring_likelihood(int k, int m, double width, double *like);

typedef struct xl_ring_measurement {
    int cell;                      /* m */
    double width;                  /* the detector's width, cells */
    long t;                        /* steps from the start to the measurement */
    double p_m;                    /* P(m) under rho(t): how expected the reading was */
    double rho_i[XL_RING_MAX];     /* rho(0), assumed */
    double rho_f[XL_RING_MAX];     /* rho(t) = M^t rho(0) */
    double upd_i[XL_RING_MAX];     /* rho_m(0), retrodicted */
    double upd_f[XL_RING_MAX];     /* rho_m(t), by Bayes */
    double ce_initial, ce_final;   /* H(rho_m(0), rho(0)), H(rho_m(t), rho(t)), nats */
} xl_ring_measurement;

/* Measure cell m at step t of diffusion from rho0. Returns 0 and fills *out, or -1 when
 * the reading is impossible under rho(t) (P(m) = 0: the detector excludes every cell
 * that has probability), leaving *out unspecified. */
int xl_ring_measure(const double *rho0, int k, double rate, long t, int m, double width,
                    xl_ring_measurement *out);

#endif
