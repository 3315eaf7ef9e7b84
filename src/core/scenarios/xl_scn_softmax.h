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

/* The command line's --classes, --names, --true and --logits reach the state as the
 * commands "param classes=N", "names", "set-p", "onehot" and "set-logits" (the session
 * desc's setup); the state they leave is the start p-restore returns to. */

typedef struct xl_softmax_state {
    xl_classifier c;              /* names and the true P */
    double z0[XL_MAX_CLASSES];    /* starting logits */
    double p0[XL_MAX_CLASSES];    /* starting P, as normalized */
} xl_softmax_state;

#endif
