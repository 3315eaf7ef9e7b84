/* xl_ring: diffusion on a ring of K cells and the Bayesian Second Law, with or without heat.
 *
 * The flat ring. The dynamics M moves a share `rate` of each cell's probability to each
 * neighbour per step: rho'(x) = (1 - 2 rate) rho(x) + rate (rho(x - 1) + rho(x + 1)),
 * rate in (0, 1/2]. At rate 1/2 on an even ring M has the eigenvalue -1 (the mode
 * alternating between odd and even cells), so M^t rho(0) need not converge; the diffusion
 * scenario keeps rate at most 0.45, where every mode but the uniform one decays. M is
 * symmetric (M(x'|x) = M(x|x')), so no heat flows, and M^t is a circulant kernel taken by
 * repeated squaring (all terms non-negative, so no probability comes out below 0), any t
 * in O(K^2 log t).
 *
 * A ring with energies. Cells have energies E_x and the environment an inverse temperature
 * beta (energies in units of some epsilon, beta in 1/epsilon, so beta E is in units of
 * k_B T). A Metropolis step proposes each neighbour with probability `rate` and accepts
 * with min(1, exp(-beta (E_y - E_x))); the rest stays:
 *   M(y | x) = rate min(1, exp(-beta (E_y - E_x))) for y = x +- 1, M(x | x) = the rest.
 * Then pi(x) M(y | x) = rate min(pi(x), pi(y)) = pi(y) M(x | y) with Boltzmann's
 * pi(x) = exp(-beta E_x) / Z: detailed balance, and pi is where every rho(t) ends (the
 * diagonal is at least 1 - 2 rate > 0, so the chain is aperiodic). M is no longer
 * circulant: M^t is a K x K matrix power by repeated squaring, O(K^3 log t).
 * A ring is flat when beta = 0 or every E_x is the same: then the Metropolis M is the
 * symmetric one exactly, and every function here takes the circulant path, so the flat
 * ring's numbers are the same to the bit whatever the energies' common value.
 *
 * The law (../shared/seeds/README.md): after a measurement m at time t with likelihood
 * P(m | x), rho(t) = M^t rho(0) is updated by Bayes to rho_m(t) and rho(0) retrodicted
 * to rho_m(0)(x0), proportional to rho(0)(x0) sum_x M^t(x | x0) P(m | x); over the
 * updated path distribution F(x0, xf) = rho(0)(x0) M^t(xf | x0) P(m | xf) / P(m) the
 * expected heat released to the environment, in units of k_B T (nats), is
 *   <Q> = beta sum F(x0, xf) (E(x0) - E(xf))      (0 on a flat ring),
 * and   H(rho_m(t), rho(t)) - H(rho_m(0), rho(0)) + <Q> >= 0,
 * the KL divergence between the updated forward path distribution and the reversed one.
 */
#ifndef XL_RING_H
#define XL_RING_H

enum { XL_RING_MIN = 3, XL_RING_MAX = 32 };

/* The dynamics: K cells, the share proposed to each neighbour, and the energies (e[0..k-1],
 * or NULL for a flat ring) with the inverse temperature beta >= 0. Borrowed, not owned. */
typedef struct xl_ring_dynamics {
    int k;
    double rate;
    const double *e;   /* NULL: flat */
    double beta;
} xl_ring_dynamics;

/* 1 when no energy difference matters (e NULL, beta 0, or every E_x equal): M symmetric. */
int xl_ring_is_flat(const xl_ring_dynamics *d);

/* One step of the flat dynamics: out = M rho (out must not alias rho). */
void xl_ring_step(const double *rho, int k, double rate, double *out);
/* One step of any dynamics: out = M rho; the flat ring's is xl_ring_step's, bit for bit. */
void xl_ring_step_dyn(const xl_ring_dynamics *d, const double *rho, double *out);
/* The kernel of the flat M^t: c[d] = M^t(x + d | x) for d = 0..k-1 (the same for every x). */
void xl_ring_kernel(int k, double rate, long t, double *c);
/* out[x] = sum_y c[(x - y) mod k] v[y]: the kernel applied to v (out must not alias v). */
void xl_ring_apply(const double *c, int k, const double *v, double *out);

/* The one-step matrix: m[x * k + y] = M(y | x), row x where x goes (k * k entries). */
void xl_ring_matrix(const xl_ring_dynamics *d, double *m);
/* M^t by repeated squaring: mt[x * k + y] = M^t(y | x); every entry >= 0. m and mt are
 * k * k; mt may alias m. */
void xl_ring_matrix_power(const double *m, int k, long t, double *mt);
/* M^t of the dynamics as a matrix, from the circulant kernel on a flat ring. */
void xl_ring_transition(const xl_ring_dynamics *d, long t, double *mt);
/* Boltzmann's pi(x) = exp(-beta E_x) / Z (uniform on a flat ring): where rho(t) ends. */
void xl_ring_stationary(const xl_ring_dynamics *d, double *pi);
/* H(pi) in nats: ln K on a flat ring (exactly log(k)), less with energies. */
double xl_ring_heat_death_entropy(const xl_ring_dynamics *d);

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
    double heat;                   /* <Q>, released to the environment, k_B T (nats); 0 when flat */
    double law;                    /* ce_final - ce_initial + heat: the law's left side, >= 0 */
} xl_ring_measurement;

/* The measurement in general: a reading whose likelihood is like[x] = P(m | x) (each >= 0)
 * at step t of the dynamics d from rho0. Returns 0 and fills *out (cell -1, width 0), or
 * -1 when the reading is impossible under rho(t) (P(m) = 0), leaving *out unspecified. */
int xl_ring_measure_like(const xl_ring_dynamics *d, const double *rho0, long t, const double *like,
                         xl_ring_measurement *out);
/* Measure cell m with the Gaussian detector (xl_ring_likelihood) at step t of the dynamics d from rho0. Returns 0 and fills *out, or -1
 * when the reading is impossible under rho(t) (P(m) = 0: the detector excludes every
 * cell that has probability), leaving *out unspecified. */
int xl_ring_measure_dyn(const xl_ring_dynamics *d, const double *rho0, long t, int m, double width,
                        xl_ring_measurement *out);
/* The same on the flat ring. */
int xl_ring_measure(const double *rho0, int k, double rate, long t, int m, double width,
                    xl_ring_measurement *out);

#endif
