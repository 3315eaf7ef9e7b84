/* xl_scn_softmax: the bird-song classifier as a scenario record (xl_scenario.h).
 *
 * State: the classifier (class names and the true P), the starting logits and the
 * starting P (for p-restore), all plain data. Parameter "classes" (2..32, default 5):
 * five classes give the built-in scene (robin, sparrow, finch, wren, blackbird with a
 * soft P; for seed 0 the untrained model is sure the song is a blackbird); any other
 * number gives bird names then "class k", a uniform P, and logits drawn from the seed.
 * Readouts: loss H(P,Q), entropy H(P), kl D_KL(P‖Q).
 */
#ifndef XL_SCN_SOFTMAX_H
#define XL_SCN_SOFTMAX_H

#include <stdint.h>

#include "xl_classifier.h"
#include "xl_scenario.h"

/* Logits are parameters: limited to ±XL_PARAM_LIMIT (xl_model.h). */
#define XL_MAX_LOGIT XL_PARAM_LIMIT

typedef struct xl_softmax_state {
    xl_classifier c;              /* names and the true P */
    double z0[XL_MAX_CLASSES];    /* starting logits */
    double p0[XL_MAX_CLASSES];    /* starting P, as normalized */
} xl_softmax_state;

/* The built-in five-class scene (seed 0: the story logits; else drawn from seed). */
void xl_softmax_state_default(xl_softmax_state *st, uint64_t seed);
/* n classes: bird names then "class k", uniform P, logits uniform in [-3, 3) from seed.
 * Returns 0, or -1 if n is out of 2..XL_MAX_CLASSES. */
int xl_softmax_state_set_classes(xl_softmax_state *st, int n, uint64_t seed);
/* Check a state: n in range, P non-negative and summing to 1 within 1e-9, logits
 * within ±XL_MAX_LOGIT. Returns 0, or -1 with the reason in err. Normalizes P to the
 * last bit and records it as the starting P. */
int xl_softmax_state_check(xl_softmax_state *st, char *err, size_t errlen);

#endif
