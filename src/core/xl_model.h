/* xl_model: the interface a scenario's model offers the simulation.
 *
 * A model is a differentiable loss L(theta) over a parameter vector theta, plus the
 * floor it cannot go below (for cross-entropy, the entropy H(P) of the truth), so that
 * every scenario can show  loss = floor + gap  (for the softmax classifier,
 * H(P,Q) = H(P) + D_KL(P||Q)). The simulation, optimizers, landscape and history work
 * on this interface only, so later scenarios (logistic regression, Gaussians, ...)
 * plug in without special cases.
 */
#ifndef XL_MODEL_H
#define XL_MODEL_H

typedef struct xl_model_ops {
    const char *id;                 /* short name, "softmax" */
    /* Loss at theta, in nats. */
    double (*loss)(const void *self, const double *theta);
    /* dL/dtheta at theta into grad[0..param_count-1]. */
    void   (*gradient)(const void *self, const double *theta, double *grad);
    /* Smallest value the loss can take, in nats (H(P) for cross-entropy). */
    double (*floor)(const void *self);
    int    (*param_count)(const void *self);
} xl_model_ops;

/* A borrowed view of a model: `self` is owned by whoever created it and must
 * outlive every object that holds the view. */
typedef struct xl_model {
    const xl_model_ops *ops;
    const void *self;
} xl_model;

#endif
