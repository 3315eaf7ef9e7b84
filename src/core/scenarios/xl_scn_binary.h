/* xl_scn_binary: what the binary-label scenarios (logistic, weighted) share above their
 * models: the P-vs-Q bars of one labelled sample, and the sentence that says them.
 *
 * A sample with label y in {0, 1} and logit u is a two-outcome P = (y, 1 - y) against
 * Q = (sigma(u), sigma(-u)), with log Q from softplus so it stays exact where sigma
 * underflows (xl_logistic.h). Depends on xl_scenario.h and xl_logistic.h; no state.
 */
#ifndef XL_SCN_BINARY_H
#define XL_SCN_BINARY_H

#include "xl_scenario.h"

/* Fill out (cleared first) with the bars of a sample of label y (0 or 1) at logit u,
 * headed by title and caption (borrowed: they must live as long as out is shown, as
 * xl_bars' strings do). With have 0 (no sample selected; a session always keeps one)
 * the bars show Q = P = (1/2, 1/2) and say that none is selected. */
void xl_binary_sample_bars(xl_bars *out, int have, int y, double u, const char *title, const char *caption);

/* The describe hooks' last sentence (xl_describe.h): " Selected: sample I, CAPTION; the
 * model gives its label ..." for sample i (0-based) whose bars are bb (its label's
 * surprise said in unit_scale and unit_name; caption already in tr's words), into
 * out[n] (always NUL-ended when n > 0). */
void xl_binary_said_selected(const xl_bars *bb, int i, const char *caption, double unit_scale, const char *unit_name,
                             xl_tr_fn tr, char *out, size_t n);

#endif
