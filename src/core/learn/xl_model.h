/* xl_model: the interface a scenario's model offers the simulation.
 *
 * A model is a differentiable loss L(theta) over a parameter vector theta, plus the
 * floor it cannot go below (for cross-entropy, the entropy H(P) of the truth), so that
 * every scenario can show  loss = floor + gap  (for the softmax classifier,
 * H(P,Q) = H(P) + D_KL(P||Q)). The simulation, optimizers, landscape and history work
 * on this interface only, so later scenarios (logistic regression, Gaussians, ...)
 * plug in without special cases.
 *
 * Caches (the landscape grid, the sim's current sample) must know when the function
 * itself changed, not only theta: `version` is a counter the model bumps on every such
 * edit, like PyTorch's tensor version counter. `param_name` gives axis labels. Both
 * are optional (NULL): read them through xl_model_version and xl_model_param_name,
 * which supply "never changes" and "no name".
 */
#ifndef XL_MODEL_H
#define XL_MODEL_H

#include <stddef.h>

/* Parameters a model may have: 1024 lets the benchmark and later models (a softmax over
 * many classes, regression weights) run on the same simulation and optimizers. */
enum { XL_MAX_PARAMS = 1024 };
/* Parameters are limited to ±XL_PARAM_LIMIT: their differences, the loss and the
 * landscape's range stay finite, with room for 1e8 steps at lr 100. */
#define XL_PARAM_LIMIT 1e300

typedef struct xl_model_ops {
    const char *id;                 /* short name, "softmax" */
    /* Loss at theta, in nats. */
    double (*loss)(const void *self, const double *theta);
    /* dL/dtheta at theta into grad[0..param_count-1]. */
    void   (*gradient)(const void *self, const double *theta, double *grad);
    /* Smallest value the loss can take, in nats (H(P) for cross-entropy). */
    double (*floor)(const void *self);
    int    (*param_count)(const void *self);
    /* A number that changes whenever anything the loss, gradient or floor depend on,
     * other than theta, changes (P, class count, ...). Equal numbers from the same
     * self mean the same function. NULL: the function never changes. */
    unsigned long (*version)(const void *self);
    /* Short UTF-8 name of parameter i for axis labels ("z₁ robin"); storage owned by
     * self, valid until self is next edited. NULL: no names. */
    const char *(*param_name)(const void *self, int i);
    /* Optional: the loss at theta and, in the same pass, the gradient there into grad:
     * both equal to the last bit to what loss and gradient give (so a simulation that
     * uses it takes the same steps, at half the exponentials for a softmax). NULL: none. */
    double (*loss_gradient)(const void *self, const double *theta, double *grad);
} xl_model_ops;

/* A borrowed view of a model: `self` is owned by whoever created it and must
 * outlive every object that holds the view. */
typedef struct xl_model {
    const xl_model_ops *ops;
    const void *self;
} xl_model;

/* The model's version, 0 for a model without a version counter. */
static inline unsigned long xl_model_version(xl_model m)
{
    return m.ops->version != NULL ? m.ops->version(m.self) : 0ul;
}

/* Name of parameter i, or "" when the model names none; never NULL. Storage as for
 * xl_model_ops.param_name. */
static inline const char *xl_model_param_name(xl_model m, int i)
{
    const char *s = m.ops->param_name != NULL ? m.ops->param_name(m.self, i) : NULL;
    return s != NULL ? s : "";
}

#endif
