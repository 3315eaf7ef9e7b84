/* xl_scn_micro: Boltzmann's microstates, S = k ln W, as a scenario record.
 *
 * n coins (default 10, "n" from 2 to 1,000,000), all heads at the start (a low-entropy
 * macrostate) or each fair ("random_start" = 1). Each step flips `flips` coins chosen at
 * random from a generator kept in the state (seeded), so a snapshot replays the same
 * flips. Nothing learns: the record is gradient-free, and its identity is Boltzmann's
 * counting (xl_micro.h): naming the microstate takes ln 2^n = S + (-ln P(k)), S = ln
 * W(k) climbing toward the most probable macrostate as the macrostate's surprise falls.
 *
 * Readouts: information ln 2^n, entropy S = ln W(k), surprise -ln P(k), entropy_max
 * ln W(n/2), n, heads k, falls (steps of the last XL_MICRO_WINDOW in which S fell),
 * largest_fall, flips. Commands: preset all-heads | random, preset-next, size-up /
 * size-down (n on the ladder 2, 5, 10, 20, ... 1,000,000), flips-up / flips-down (1, 2,
 * 5, ... 100,000 per step). The macrostate histogram bins k into at most XL_MICRO_BINS
 * bins (one per k up to n = 63) and counts the steps spent in each.
 */
#ifndef XL_SCN_MICRO_H
#define XL_SCN_MICRO_H

#include <stdint.h>

#include "xl_micro.h"
#include "xl_rng.h"
#include "xl_scenario.h"

enum {
    XL_MICRO_WINDOW = 1000,  /* steps the falls readout looks back over */
    XL_MICRO_BINS = 64,      /* macrostate bins at most */
    XL_MICRO_MAX_FLIPS = 100000,
    XL_MICRO_NAME = 32
};

typedef enum xl_micro_preset { XL_MICRO_ALL_HEADS = 0, XL_MICRO_RANDOM } xl_micro_preset;

typedef struct xl_micro_state {
    long n, heads, flips;
    xl_micro_preset preset;
    uint64_t seed;
    xl_rng rng;               /* the flips (and a random start) */
    long t;                   /* steps taken */
    unsigned long version;    /* bumped by every change of the particles */
    /* k before and after each of the last XL_MICRO_WINDOW steps: a ring, oldest at head. */
    int32_t recent[XL_MICRO_WINDOW + 1];
    int recent_count, recent_head;
    /* Macrostate bins: k in [edge[i], edge[i + 1]); W(k) / 2^n summed over each, and the
     * steps spent in each (step 0 included). */
    int bins;
    long edge[XL_MICRO_BINS + 1];
    double mass[XL_MICRO_BINS];
    long visits[XL_MICRO_BINS];
    long visits_total;
    char names[XL_MICRO_BINS][XL_MICRO_NAME];
    uint8_t bits[(XL_MICRO_MAX_N + 7) / 8];  /* bit i set: coin i shows heads */
} xl_micro_state;

/* Whether coin i shows heads. */
static inline int xl_micro_heads_at(const xl_micro_state *st, long i)
{
    return (st->bits[i >> 3] >> (i & 7)) & 1;
}

/* Falls of S over the last XL_MICRO_WINDOW steps (or fewer, early on): how many steps
 * lowered S, and the largest single fall in nats (0 when none). */
void xl_micro_falls(const xl_micro_state *st, int *falls, double *largest);

extern const xl_scenario_def xl_scenario_micro;

#endif
