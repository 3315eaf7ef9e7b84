/* xl_classifier: the softmax classifier of the bird-song example.
 *
 * N named classes (2..XL_MAX_CLASSES), a true distribution P (one-hot or soft), and
 * logits z as the parameters: Q = softmax(z), loss L(z) = H(P,Q) = logsumexp(z) - p.z,
 * gradient dL/dz_i = q_i - p_i (tests/test_classifier.c checks it against finite
 * differences). A transparent value type in caller storage.
 */
#ifndef XL_CLASSIFIER_H
#define XL_CLASSIFIER_H

#include "xl_model.h"

enum { XL_MAX_CLASSES = 32, XL_NAME_MAX = 24 };

typedef struct xl_classifier {
    int n;                                   /* number of classes, 2..XL_MAX_CLASSES */
    char names[XL_MAX_CLASSES][XL_NAME_MAX]; /* NUL-terminated class names */
    double p[XL_MAX_CLASSES];                /* true distribution, sums to 1 */
} xl_classifier;

/* Set n classes named "class 1".."class n" with a uniform P. Returns 0, or -1 if n is
 * out of range. */
int  xl_classifier_init(xl_classifier *c, int n);
/* Rename class i (truncated to XL_NAME_MAX - 1 bytes). */
void xl_classifier_set_name(xl_classifier *c, int i, const char *name);

/* Q = softmax(z) into q[0..n-1]. */
void   xl_classifier_predict(const xl_classifier *c, const double *z, double *q);
double xl_classifier_loss(const xl_classifier *c, const double *z);        /* nats */
void   xl_classifier_gradient(const xl_classifier *c, const double *z, double *grad);

/* Edits of P, each keeping sum p = 1. */
void xl_classifier_set_onehot(xl_classifier *c, int k);
void xl_classifier_set_uniform(xl_classifier *c);
/* Move p_k by delta, clamped to [0, 1]; the other classes are rescaled so P still sums
 * to 1 (shared equally if they were all 0). */
void xl_classifier_nudge(xl_classifier *c, int k, double delta);

/* The classifier as an xl_model; borrows c. */
xl_model xl_classifier_model(const xl_classifier *c);

#endif
