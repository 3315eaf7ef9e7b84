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
 * Readouts: loss, entropy H(rho(t)), kl, entropy_max ln K, ce_initial, ce_final (NaN, null
 * in the trace, before any measurement), p_measure P(m), t, learning, rate, detector.
 */
#ifndef XL_SCN_DIFFUSION_H
#define XL_SCN_DIFFUSION_H

#include "xl_classifier.h"
#include "xl_ring.h"
#include "xl_scenario.h"

typedef enum xl_ring_preset { XL_RING_PEAKED = 0, XL_RING_TWO_PEAKED, XL_RING_UNIFORM, XL_RING_PRESETS } xl_ring_preset;

#define XL_DIFFUSION_WIDTH_STEP 1.25
#define XL_DIFFUSION_WIDTH_MIN 0.05
#define XL_DIFFUSION_WIDTH_MAX 16.0
/* The largest rate: the chain must stay aperiodic (at 1/2 an even ring alternates between
 * its odd and even cells forever and never reaches heat death). */
#define XL_DIFFUSION_RATE_MAX 0.45

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
} xl_diffusion_state;

/* The preset's name ("peaked", "two-peaked", "uniform"). Static storage. */
const char *xl_diffusion_preset_name(xl_ring_preset p);

extern const xl_scenario_def xl_scenario_diffusion;

#endif
