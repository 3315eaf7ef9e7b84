/* xl_scn_coin: the worked example of docs/architecture.md, "Adding a scenario": a
 * scenario written as a plug-in, in this file and xl_scn_coin.c only, registered by one
 * line of the registry (built into the test program xentlab-plugin, not into xentlab).
 *
 * A coin lands heads with the true probability p (parameter "p", default 0.7); the model
 * predicts q = σ(θ) from one parameter, the logit θ. The loss is the cross-entropy
 * H(P,Q) = −p log q − (1 − p) log(1 − q), its floor the coin's entropy H(P), its
 * gradient q − p. One parameter: no landscape, so the bars and the history share the
 * room. Its own verb, "fair" (key U), makes the coin fair: p = 1/2.
 */
#ifndef XL_SCN_COIN_H
#define XL_SCN_COIN_H

#include "xl_scenario.h"

typedef struct xl_coin_state {
    double p;               /* the truth: P(heads) */
    double p0;              /* the p the scenario started with (reset keeps p) */
    double theta0;          /* the starting logit */
    unsigned long version;  /* moves when p does */
} xl_coin_state;

extern const xl_scenario_def xl_scenario_coin;

#endif
