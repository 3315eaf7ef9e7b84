/* xl_optim: first-order optimizers as plain records: gradient descent, momentum
 * (heavy ball), Nesterov and Adam.
 *
 * Each follows the formulation of the frameworks (PyTorch's torch.optim.SGD with
 * dampening 0, and torch.optim.Adam) and of Distill's "Why Momentum Really Works"
 * (Goh, 2017), so a learner who runs the same example in PyTorch sees the same numbers.
 * With g = dL/dtheta at the current theta and t the step count after this step:
 *
 *   gradient descent  theta <- theta - lr g
 *   momentum          v <- mu v + g;             theta <- theta - lr v
 *   Nesterov          v <- mu v + g;             theta <- theta - lr (g + mu v)
 *   Adam              m <- b1 m + (1 - b1) g;    s <- b2 s + (1 - b2) g^2
 *                     m^ = m / (1 - b1^t);       s^ = s / (1 - b2^t)
 *                     theta <- theta - lr m^ / (sqrt(s^) + eps)
 *
 * (Kingma and Ba, "Adam", 2015, Algorithm 1.) The state is plain data with no pointers,
 * so a snapshot of an optimizer is a struct copy. Depends on xl_model only.
 */
#ifndef XL_OPTIM_H
#define XL_OPTIM_H

#include "xl_model.h"

typedef enum xl_optim_kind {
    XL_OPTIM_GD = 0,     /* plain gradient descent; the default */
    XL_OPTIM_MOMENTUM,   /* heavy ball (Polyak) */
    XL_OPTIM_NESTEROV,   /* Nesterov's accelerated gradient, PyTorch's form */
    XL_OPTIM_ADAM,       /* Adam with bias correction */
    XL_OPTIM_KIND_COUNT
} xl_optim_kind;

/* Hyperparameters. A field left 0 takes its default (xl_optim_defaults); fields the
 * kind does not use are 0 after init. */
typedef struct xl_optim_hyper {
    double lr;     /* learning rate, > 0; default 0.5, Adam 0.05 */
    double mu;     /* momentum, Nesterov: 0 < mu < 1; default 0.9 */
    double beta1;  /* Adam, first moment decay in [0, 1); default 0.9 */
    double beta2;  /* Adam, second moment decay in [0, 1); default 0.999 */
    double eps;    /* Adam, added to sqrt(s^), > 0; default 1e-8 */
} xl_optim_hyper;

/* An optimizer and its state, in caller storage; copy it to snapshot it. */
typedef struct xl_optim {
    xl_optim_kind kind;
    xl_optim_hyper hyper;     /* resolved: no zero defaults left in the used fields */
    long t;                   /* steps taken since init or reset */
    int np;                   /* parameters, 1..XL_MAX_PARAMS */
    double v[XL_MAX_PARAMS];  /* momentum, Nesterov: velocity; Adam: second moment s */
    double m[XL_MAX_PARAMS];  /* Adam: first moment */
} xl_optim;

/* `hyper` with every zero field the kind uses replaced by its default and every field
 * it does not use set to 0. The one place defaults live. */
xl_optim_hyper xl_optim_defaults(xl_optim_kind kind, xl_optim_hyper hyper);

/* Set o up for np parameters with zero state, hyper resolved by xl_optim_defaults.
 * Returns 0, or -1 (o untouched) if a resolved value is out of range: lr not finite
 * and > 0, mu or a beta outside [0, 1), eps negative or not finite, or NaN. */
int  xl_optim_init(xl_optim *o, xl_optim_kind kind, xl_optim_hyper hyper, int np);
/* Zero the state (v, m, t); keeps kind, hyper and np. */
void xl_optim_reset(xl_optim *o);

/* One step of `model` from theta: computes the gradient, writes the new parameters to
 * next[0..np-1] (next may equal theta) and, if loss is not NULL, L(next) in nats to
 * *loss. Returns 0; or -1 when the gradient, the new state, next or L(next) is not
 * finite, and then nothing is written and the state is unchanged. model's
 * param_count must equal o->np. */
int  xl_optim_step(xl_optim *o, xl_model model, const double *theta, double *next,
                   double *loss);
/* The same step, with the gradient at theta given (grad, or NULL to compute it), and,
 * when grad_next is not NULL and the model has loss_gradient, the gradient at the new
 * point written into grad_next from the pass that computes the loss. Returns -1 as
 * xl_optim_step, 1 when grad_next was written, 0 when it was not. The numbers are those
 * of xl_optim_step to the last bit. grad_next may be grad (grad is read first) and
 * next may be theta; on -1, grad_next may have been written and is not the gradient. */
int  xl_optim_step_cached(xl_optim *o, xl_model model, const double *theta, const double *grad, double *next,
                          double *loss, double *grad_next);

/* "gd", "momentum", "nesterov", "adam": the names the command line takes. */
const char *xl_optim_kind_name(xl_optim_kind kind);
/* "gradient descent", "momentum", "Nesterov", "Adam": for the screen. */
const char *xl_optim_kind_title(xl_optim_kind kind);
/* Parse a name from xl_optim_kind_name. Returns 0 and sets *kind, or -1. */
int xl_optim_kind_parse(const char *name, xl_optim_kind *kind);

#endif
