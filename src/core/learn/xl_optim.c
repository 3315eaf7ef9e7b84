/* xl_optim: gradient descent, momentum, Nesterov and Adam on any xl_model.
 *
 * Why these forms (see xl_optim.h for the update rules):
 *
 * Momentum. Polyak's heavy ball is often written v <- mu v - lr g, theta <- theta + v.
 * PyTorch and Distill keep lr outside the velocity instead: v <- mu v + g,
 * theta <- theta - lr v. With a constant lr the two trajectories are identical (the
 * first v is lr times the second); they differ only when lr changes mid-run, where
 * the framework form rescales the whole remembered velocity at once. We follow the
 * frameworks so a learner's numbers match PyTorch step for step. Unrolled,
 * v_t = sum_{k<=t} mu^{t-k} g_k: on a flat slope (g constant) v tends to g / (1 - mu),
 * so mu = 0.9 moves up to 10 times faster than plain descent with the same lr.
 *
 * Nesterov. Sutskever et al. (2013) keep u and theta with u' = mu u - lr grad L(theta
 * + mu u), theta' = theta + u': the gradient is taken at the look-ahead point
 * phi = theta + mu u. Store phi instead of theta and write u = -lr v (v the framework
 * velocity). Then phi' = theta' + mu u' = phi - mu u + (1 + mu) u', and with
 * u' = mu u - lr g(phi) that is phi - lr mu^2 v - (1 + mu) lr g
 * = phi - lr (g + mu (mu v + g)). So with v' = mu v + g:
 *   v <- mu v + g,   phi <- phi - lr (g + mu v'),
 * a step that needs only the gradient at the stored parameters: the fresh gradient
 * plus the new velocity's momentum part once more. This is
 * torch.optim.SGD(nesterov=True); the stored parameters are the look-ahead points.
 *
 * Adam. m and s are exponential averages of g and g^2 started at 0, so early on they
 * are biased toward 0 by the factor (1 - beta^t) (the weights of the average sum to
 * that, not to 1); dividing by it removes the bias. At t = 1 this gives m^ = g and
 * s^ = g^2 exactly, so the first step is lr g / (|g| + eps) = lr sign(g) for any
 * |g| >> eps: every parameter moves by lr whatever the size of its gradient. The
 * arithmetic follows PyTorch's order, (lr / (1 - b1^t)) m / (sqrt(s) / sqrt(1 - b2^t)
 * + eps), which is the same expression.
 *
 * Failure: a step is computed into local buffers and committed only when every new
 * number is finite, so a diverging run leaves the last finite state in place.
 */
#include "xl_optim.h"
#include "xl_i18n.h"
#include "xl_vec.h"

#include <assert.h>
#include <math.h>
#include <string.h>

/* Defaults. mu = 0.9 is the usual momentum (Sutskever et al. 2013; Distill). beta1,
 * beta2 and eps are Adam's paper's. The learning rates suit the lessons' models (a
 * few logits, losses of a few nats, gradient entries below 1): 0.5 is the session's
 * default rate; Adam moves each parameter by about lr per step whatever the gradient,
 * so a tenth of that crosses the landscape in tens of steps. (PyTorch's 1e-3 is for
 * networks with millions of weights.) */
static const double DEFAULT_LR = 0.5;
static const double DEFAULT_LR_ADAM = 0.05;
static const double DEFAULT_MU = 0.9;
static const double DEFAULT_BETA1 = 0.9;
static const double DEFAULT_BETA2 = 0.999;
static const double DEFAULT_EPS = 1e-8;

static const char *const kind_names[XL_OPTIM_KIND_COUNT] = { "gd", "momentum", "nesterov", "adam" };
static const char *const kind_titles[XL_OPTIM_KIND_COUNT] = { N_("gradient descent"), N_("momentum"),
                                                              N_("Nesterov"), N_("Adam") };

static double or_default(double v, double d)
{
    return v == 0.0 ? d : v;
}

xl_optim_hyper xl_optim_defaults(xl_optim_kind kind, xl_optim_hyper hyper)
{
    assert(kind >= 0 && kind < XL_OPTIM_KIND_COUNT);
    xl_optim_hyper h = { 0 };
    switch (kind) {
    case XL_OPTIM_GD:
        h.lr = or_default(hyper.lr, DEFAULT_LR);
        break;
    case XL_OPTIM_MOMENTUM:
    case XL_OPTIM_NESTEROV:
        h.lr = or_default(hyper.lr, DEFAULT_LR);
        h.mu = or_default(hyper.mu, DEFAULT_MU);
        break;
    case XL_OPTIM_ADAM:
        h.lr = or_default(hyper.lr, DEFAULT_LR_ADAM);
        h.beta1 = or_default(hyper.beta1, DEFAULT_BETA1);
        h.beta2 = or_default(hyper.beta2, DEFAULT_BETA2);
        h.eps = or_default(hyper.eps, DEFAULT_EPS);
        break;
    default:
        break;
    }
    return h;
}

/* Written as !(in range) so NaN is rejected too. */
static int hyper_valid(const xl_optim_hyper *h)
{
    if (!(h->lr > 0.0 && isfinite(h->lr)))
        return 0;
    if (!(h->mu >= 0.0 && h->mu < 1.0))
        return 0;
    if (!(h->beta1 >= 0.0 && h->beta1 < 1.0) || !(h->beta2 >= 0.0 && h->beta2 < 1.0))
        return 0;
    if (!(h->eps >= 0.0 && isfinite(h->eps)))
        return 0;
    return 1;
}

int xl_optim_init(xl_optim *o, xl_optim_kind kind, xl_optim_hyper hyper, int np)
{
    assert(o != NULL);
    assert(kind >= 0 && kind < XL_OPTIM_KIND_COUNT);
    assert(np >= 1 && np <= XL_MAX_PARAMS);
    xl_optim_hyper h = xl_optim_defaults(kind, hyper);
    if (!hyper_valid(&h))
        return -1;
    o->kind = kind;
    o->hyper = h;
    o->np = np;
    xl_optim_reset(o);
    return 0;
}

void xl_optim_reset(xl_optim *o)
{
    assert(o != NULL && o->np >= 1 && o->np <= XL_MAX_PARAMS);
    o->t = 0;
    memset(o->v, 0, sizeof o->v);
    memset(o->m, 0, sizeof o->m);
}

int xl_optim_step(xl_optim *o, xl_model model, const double *theta, double *next, double *loss)
{
    return xl_optim_step_cached(o, model, theta, NULL, next, loss, NULL);
}

int xl_optim_step_cached(xl_optim *o, xl_model model, const double *theta, const double *grad, double *next,
                         double *loss, double *grad_next)
{
    assert(o != NULL && model.ops != NULL && theta != NULL && next != NULL);
    int np = o->np;
    assert(model.ops->param_count(model.self) == np);
    double own_g[XL_MAX_PARAMS], out[XL_MAX_PARAMS], v[XL_MAX_PARAMS], m[XL_MAX_PARAMS];
    const double *g = grad;
    if (g == NULL) {
        model.ops->gradient(model.self, theta, own_g);
        g = own_g;
    }
    /* Gradient descent needs no check of g: theta - lr g is finite only if g is (an
     * infinite or NaN g gives an infinite or NaN step, 0 times infinity included), and
     * the new point is checked below. The others keep g in their state first. */
    if (o->kind != XL_OPTIM_GD && !xl_vec_all_finite(g, np))
        return -1;
    const double lr = o->hyper.lr;
    switch (o->kind) {
    case XL_OPTIM_GD:
        xl_vec_axpy_step(theta, lr, g, out, np);
        break;
    case XL_OPTIM_MOMENTUM: {
        const double mu = o->hyper.mu;
        for (int i = 0; i < np; i++) {
            v[i] = mu * o->v[i] + g[i];
            out[i] = theta[i] - lr * v[i];
        }
        break;
    }
    case XL_OPTIM_NESTEROV: {
        const double mu = o->hyper.mu;
        for (int i = 0; i < np; i++) {
            v[i] = mu * o->v[i] + g[i];
            out[i] = theta[i] - lr * (g[i] + mu * v[i]);
        }
        break;
    }
    case XL_OPTIM_ADAM: {
        const double b1 = o->hyper.beta1, b2 = o->hyper.beta2, eps = o->hyper.eps;
        /* t counts from 1 at the first step; b^t underflows to 0 for long runs, where
         * the correction is 1 as it should be. */
        const double t = (double)(o->t + 1);
        const double step = lr / (1.0 - pow(b1, t));
        const double root_c2 = sqrt(1.0 - pow(b2, t));
        for (int i = 0; i < np; i++) {
            m[i] = b1 * o->m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * o->v[i] + (1.0 - b2) * g[i] * g[i];
            out[i] = theta[i] - step * m[i] / (sqrt(v[i]) / root_c2 + eps);
        }
        if (!xl_vec_all_finite(m, np))
            return -1;
        break;
    }
    default:
        assert(0 && "unknown optimizer kind");
        return -1;
    }
    int has_v = o->kind != XL_OPTIM_GD;
    if (!xl_vec_all_finite(out, np) || (has_v && !xl_vec_all_finite(v, np)))
        return -1;
    /* The loss at the new point, and its gradient there in the same pass when the model
     * has one: the next step's gradient, at no extra cost. */
    const int fused = grad_next != NULL && model.ops->loss_gradient != NULL;
    double l = fused ? model.ops->loss_gradient(model.self, out, grad_next) : model.ops->loss(model.self, out);
    if (!isfinite(l))
        return -1;
    if (has_v)
        memcpy(o->v, v, (size_t)np * sizeof(double));
    if (o->kind == XL_OPTIM_ADAM)
        memcpy(o->m, m, (size_t)np * sizeof(double));
    o->t++;
    memcpy(next, out, (size_t)np * sizeof(double));
    if (loss != NULL)
        *loss = l;
    return fused ? 1 : 0;
}

const char *xl_optim_kind_name(xl_optim_kind kind)
{
    assert(kind >= 0 && kind < XL_OPTIM_KIND_COUNT);
    return kind_names[kind];
}

const char *xl_optim_kind_title(xl_optim_kind kind)
{
    assert(kind >= 0 && kind < XL_OPTIM_KIND_COUNT);
    return kind_titles[kind];
}

int xl_optim_kind_parse(const char *name, xl_optim_kind *kind)
{
    assert(name != NULL && kind != NULL);
    for (int k = 0; k < XL_OPTIM_KIND_COUNT; k++) {
        if (strcmp(name, kind_names[k]) == 0) {
            *kind = (xl_optim_kind)k;
            return 0;
        }
    }
    return -1;
}
