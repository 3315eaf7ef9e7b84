/* xl_classifier: the softmax classifier of the bird-song example as an xl_model.
 *
 * Parameters are the logits z; Q = softmax(z); L(z) = H(P,Q) = lse(z) - p.z.
 * Since d lse / dz_i = q_i and d(p.z)/dz_i = p_i, the gradient is q_i - p_i: the model is
 * pushed up on classes it under-predicts and down on the rest, and sum_i (q_i - p_i) = 0,
 * so a step never changes the sum of the logits. The floor is H(P), reached when Q = P.
 *
 * Every edit ends in touch(): the version moves on and the axis labels are rebuilt, so
 * a label or a cached surface can never describe a P or a name that is gone.
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

/* "z₁₂ name": z, the class number in Unicode subscript digits (U+2080 + d, three bytes
 * in UTF-8: E2 82 80+d), a space and the class name, cut to fit. */
static void build_param_name(char *dst, int k, const char *name)
{
    char digits[12];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + k % 10);
        k /= 10;
    } while (k > 0 && nd < (int)sizeof digits);
    size_t len = 0;
    dst[len++] = 'z';
    while (nd > 0 && len + 3 < XL_PARAM_NAME_MAX - 1) {
        int d = digits[--nd] - '0';
        dst[len++] = (char)0xE2;
        dst[len++] = (char)0x82;
        dst[len++] = (char)(0x80 + d);
    }
    size_t nl = strlen(name);
    if (nl > 0 && len + 1 + nl <= XL_PARAM_NAME_MAX - 1) {
        dst[len++] = ' ';
        memcpy(dst + len, name, nl);
        len += nl;
    }
    dst[len] = '\0';
}

void xl_classifier_touch(xl_classifier *c)
{
    assert(c != NULL && c->n >= 0 && c->n <= XL_MAX_CLASSES);
    c->version++;
    for (int i = 0; i < c->n; i++)
        build_param_name(c->param_names[i], i + 1, c->names[i]);
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
    xl_classifier_touch(c);
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
    xl_classifier_touch(c);
}

void xl_classifier_set_uniform(xl_classifier *c)
{
    assert(c != NULL && c->n > 0);
    for (int i = 0; i < c->n; i++)
        c->p[i] = 1.0 / c->n;
    xl_classifier_touch(c);
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
    xl_classifier_touch(c);
}

int xl_classifier_set_p(xl_classifier *c, const double *p)
{
    assert(c != NULL && p != NULL);
    double w[XL_MAX_CLASSES];
    memcpy(w, p, (size_t)c->n * sizeof(double));
    if (xl_normalize(w, c->n) != 0)
        return -1;
    memcpy(c->p, w, (size_t)c->n * sizeof(double));
    xl_classifier_touch(c);
    return 0;
}

static double model_loss(const void *self, const double *theta)
{
    return xl_classifier_loss(self, theta);
}

static void model_gradient(const void *self, const double *theta, double *grad)
{
    xl_classifier_gradient(self, theta, grad);
}

static double model_loss_gradient(const void *self, const double *theta, double *grad)
{
    const xl_classifier *c = self;
    return xl_cross_entropy_logits_grad(c->p, theta, c->n, grad);
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

static unsigned long model_version(const void *self)
{
    const xl_classifier *c = self;
    return c->version;
}

static const char *model_param_name(const void *self, int i)
{
    const xl_classifier *c = self;
    assert(i >= 0 && i < c->n);
    return c->param_names[i];
}

static const xl_model_ops classifier_ops = {
    "softmax", model_loss, model_gradient, model_floor, model_param_count,
    model_version, model_param_name, model_loss_gradient
};

xl_model xl_classifier_model(const xl_classifier *c)
{
    assert(c != NULL);
    xl_model m = { &classifier_ops, c };
    return m;
}
