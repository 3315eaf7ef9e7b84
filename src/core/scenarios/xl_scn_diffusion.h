/* xl_scn_diffusion: the Bayesian Second Law and heat death, as a scenario record.
 *
 * K cells on a ring ("k", default 16) and symmetric diffusion at `rate` per step
 * (default 0.1, at most XL_DIFFUSION_RATE_MAX = 0.45 so the chain stays aperiodic): the observer's assumed distribution rho(t) starts at rho(0) (a preset:
 * peaked near one cell, two-peaked, or uniform) and spreads toward the uniform one, so
 * H(rho(t)) rises to ln K (xl_ring.h). A model Q = softmax(z) over the K cells can learn
 * rho(t) while it moves ("learn" toggles it; off at the start): the loss is
 * H(rho(t), Q) = H(rho(t)) + D_KL(rho(t) ‖ Q), which evolution raises and learning lowers.
 *
 * A measurement of cell m ("measure K", or the selected cell) with a detector of width
 * `detector` cells updates rho(t) by Bayes and retrodicts rho(0); the two cross-entropies
 * H(rho_m(0), rho(0)) <= H(rho_m(t), rho(t)) are the Bayesian Second Law, kept with the
 * state until the next measurement, reset or preset. width-up / width-down change the
 * detector (a measurement already taken is re-read with the new detector).
 *
 * Heat: "energy" gives the cells energies (flat, the default: no heat; well: a well at cell
 * 1 with its hill at the middle, where the peaked rho(0) sits; two-wells; tilt) and "beta"
 * the inverse temperature (default 1, 0 to XL_DIFFUSION_BETA_MAX). The hops are then
 * Metropolis moves in detailed balance with exp(-beta E) (xl_ring.h), rho(t) ends at
 * Boltzmann's pi rather than the uniform distribution (heat death: H(pi), ln K only on a
 * flat ring), and a measurement adds the expected heat <Q> released to the environment,
 * so the law reads H(rho_m(t), rho(t)) - H(rho_m(0), rho(0)) + <Q> >= 0. energy NAME,
 * energy-next (J), colder / hotter (K, Shift+K: beta up / down by 0.25) change them and
 * start over from step 0.
 *
 * Readouts: loss, entropy H(rho(t)), kl, entropy_max H(pi) (ln K on a flat ring), ce_initial,
 * ce_final (NaN, null in the trace, before any measurement), p_measure P(m), t, learning,
 * rate, detector, heat <Q> (NaN before a measurement; 0 on a flat ring).
 */
#ifndef XL_SCN_DIFFUSION_H
#define XL_SCN_DIFFUSION_H

#include "xl_classifier.h"
#include "xl_ring.h"
#include "xl_scenario.h"

typedef enum xl_ring_preset { XL_RING_PEAKED = 0, XL_RING_TWO_PEAKED, XL_RING_UNIFORM, XL_RING_PRESETS } xl_ring_preset;
typedef enum xl_ring_energy { XL_RING_FLAT = 0, XL_RING_WELL, XL_RING_TWO_WELLS, XL_RING_TILT, XL_RING_ENERGIES } xl_ring_energy;

#define XL_DIFFUSION_WIDTH_STEP 1.25
#define XL_DIFFUSION_WIDTH_MIN 0.05
#define XL_DIFFUSION_WIDTH_MAX 16.0
/* The largest rate: the chain must stay aperiodic (at 1/2 an even ring alternates between
 * its odd and even cells forever and never reaches heat death). */
#define XL_DIFFUSION_RATE_MAX 0.45
/* The inverse temperature's range and beta-up's step (energies span 0 to 2: at 8 a hop up
 * the whole landscape is accepted with e^-16). */
#define XL_DIFFUSION_BETA_MAX 8.0
#define XL_DIFFUSION_BETA_STEP 0.25

typedef struct xl_diffusion_state {
    int k;
    double rate, detector;
    xl_ring_preset preset;
    int learning;
    long t;                        /* diffusion steps since rho(0) */
    double rho0[XL_RING_MAX];      /* rho(0) */
    double z0[XL_RING_MAX];        /* Q's starting logits: ln(rho(0) + 0.01) */
    xl_classifier c;               /* p = rho(t); the model Q = softmax(z) learns it */
    int measured;                  /* 1 once a measurement was taken */
    xl_ring_measurement meas;
    xl_ring_energy energy;         /* the landscape */
    double beta;                   /* inverse temperature, 1/epsilon */
    double e[XL_RING_MAX];         /* E_x, 0 to 2 epsilon */
} xl_diffusion_state;

/* The preset's name ("peaked", "two-peaked", "uniform"). Static storage. */
const char *xl_diffusion_preset_name(xl_ring_preset p);
/* The landscape's name ("flat", "well", "two-wells", "tilt"). Static storage. */
const char *xl_diffusion_energy_name(xl_ring_energy e);
/* The state's dynamics (borrows st->e). */
xl_ring_dynamics xl_diffusion_dynamics(const xl_diffusion_state *st);

extern const xl_scenario_def xl_scenario_diffusion;

#endif
