/* xl_classifier: the softmax classifier of the bird-song example as an xl_model.
 *
 * Parameters are the logits z; Q = softmax(z); L(z) = H(P,Q) = lse(z) - p.z.
 * Since d lse / dz_i = q_i and d(p.z)/dz_i = p_i, the gradient is q_i - p_i: the model is
 * pushed up on classes it under-predicts and down on the rest, and sum_i (q_i - p_i) = 0,
 * so a step never changes the sum of the logits. The floor is H(P), reached when Q = P.
 */
#include "xl_classifier.h"

#include <assert.h>
#include <string.h>

#include "xl_info.h"

/* "class k" without stdio: the core does no formatted I/O. */
static void default_name(char *dst, int k)
{
    static const char prefix[] = "class ";
    char digits[12];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + k % 10);
        k /= 10;
    } while (k > 0 && nd < (int)sizeof digits);
    size_t len = sizeof prefix - 1;
    memcpy(dst, prefix, len);
    while (nd > 0 && len < XL_NAME_MAX - 1)
        dst[len++] = digits[--nd];
    dst[len] = '\0';
}

int xl_classifier_init(xl_classifier *c, int n)
{
    assert(c != NULL);
    if (n < 2 || n > XL_MAX_CLASSES)
        return -1;
    memset(c, 0, sizeof *c);
    c->n = n;
    for (int i = 0; i < n; i++)
        default_name(c->names[i], i + 1);
    xl_classifier_set_uniform(c);
    return 0;
}

void xl_classifier_set_name(xl_classifier *c, int i, const char *name)
{
    assert(c != NULL && name != NULL);
    assert(i >= 0 && i < c->n);
    size_t len = strlen(name);
    if (len > XL_NAME_MAX - 1)
        len = XL_NAME_MAX - 1;
    memcpy(c->names[i], name, len);
    c->names[i][len] = '\0';
}

void xl_classifier_predict(const xl_classifier *c, const double *z, double *q)
{
    assert(c != NULL);
    xl_softmax(z, c->n, q);
}

double xl_classifier_loss(const xl_classifier *c, const double *z)
{
    assert(c != NULL);
    return xl_cross_entropy_logits(c->p, z, c->n);
}

void xl_classifier_gradient(const xl_classifier *c, const double *z, double *grad)
{
    assert(c != NULL && z != NULL && grad != NULL);
    double q[XL_MAX_CLASSES];
    xl_softmax(z, c->n, q);
    for (int i = 0; i < c->n; i++)
        grad[i] = q[i] - c->p[i];
}

void xl_classifier_set_onehot(xl_classifier *c, int k)
{
    assert(c != NULL && k >= 0 && k < c->n);
    for (int i = 0; i < c->n; i++)
        c->p[i] = i == k ? 1.0 : 0.0;
}

void xl_classifier_set_uniform(xl_classifier *c)
{
    assert(c != NULL && c->n > 0);
    for (int i = 0; i < c->n; i++)
        c->p[i] = 1.0 / c->n;
}

void xl_classifier_nudge(xl_classifier *c, int k, double delta)
{
    assert(c != NULL && k >= 0 && k < c->n);
    double pk = c->p[k] + delta;
    if (!(pk > 0.0))
        pk = 0.0; /* also catches NaN */
    if (pk > 1.0)
        pk = 1.0;
    /* The others keep their ratios: each is scaled by (1 - pk_new) / (their sum). Their
     * sum is measured rather than taken as 1 - pk_old so rounding cannot divide by ~0. */
    double rest = 0.0;
    for (int i = 0; i < c->n; i++)
        if (i != k)
            rest += c->p[i];
    for (int i = 0; i < c->n; i++) {
        if (i == k)
            continue;
        if (rest > 0.0)
            c->p[i] *= (1.0 - pk) / rest;
        else
            c->p[i] = (1.0 - pk) / (c->n - 1);
    }
    c->p[k] = pk;
    /* Scaling rounds; renormalize so sum p = 1 to the last bit we can. */
    double s = 0.0;
    for (int i = 0; i < c->n; i++)
        s += c->p[i];
    for (int i = 0; i < c->n; i++)
        c->p[i] /= s;
}

static double model_loss(const void *self, const double *theta)
{
    return xl_classifier_loss(self, theta);
}

static void model_gradient(const void *self, const double *theta, double *grad)
{
    xl_classifier_gradient(self, theta, grad);
}

static double model_floor(const void *self)
{
    const xl_classifier *c = self;
    return xl_entropy(c->p, c->n, XL_NATS);
}

static int model_param_count(const void *self)
{
    const xl_classifier *c = self;
    return c->n;
}

static const xl_model_ops classifier_ops = {
    "softmax", model_loss, model_gradient, model_floor, model_param_count
};

xl_model xl_classifier_model(const xl_classifier *c)
{
    assert(c != NULL);
    xl_model m = { &classifier_ops, c };
    return m;
}
