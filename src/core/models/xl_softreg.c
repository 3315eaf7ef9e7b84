/* xl_softreg: softmax regression (see xl_softreg.h).
 *
 * One pass serves the loss, the gradient and both: the rows are taken in blocks of
 * BLOCK; a block's logits z = W x + b are formed with W transposed (wt[j][c], so the
 * innermost loop runs over the classes of one row, contiguous, with no call and no
 * branch: the compiler runs it two or four doubles at a time), shifted by each row's
 * maximum (u = z - max z <= 0, so no exponential overflows), exponentiated in one call
 * of xl_vec_exp_shifted over the whole block, and summed per row; ln s comes from
 * xl_vec_log. Then per row
 *
 *     H(P, Q) = ln s - sum_c p_c u_c               (Q = e^u / s, sum_c p_c = 1)
 *     dH/dz_c = e_c / s - p_c = q_c - p_c,
 *
 * and the gradient's sums gt[j][c] += x_j (q_c - p_c) run in row order, the same order
 * on every call. Whether the gradient is wanted changes no operation on the loss, so
 * xl_softreg_loss, xl_softreg_gradient and xl_softreg_loss_gradient agree to the bit.
 *
 * On x86-64 the pass has an AVX2 copy chosen at load time where the processor has it
 * (as xl_vec does): without contraction (-ffp-contract=off) both copies round every
 * operation alike, so the results do not depend on the processor.
 */
#include "xl_softreg.h"

#include "xl_vec.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__ELF__)
#define XL_SOFTREG_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define XL_SOFTREG_CLONES
#endif

/* Rows per block; the class loops of the matrix products run over KW, the most classes
 * rounded up to a whole number of AVX2 vectors, with zero weights past k: a loop of a
 * fixed length the compiler unrolls into whole vectors, where a loop over k would end
 * each row's 64 features with a scalar remainder. */
enum { BLOCK = 64, KW = (XL_SOFTREG_MAX_K + 3) / 4 * 4 };

int xl_softreg_param_count(int d, int k)
{
    return k * (d + 1);
}

double xl_softreg_target(double eps, int k, int label, int c)
{
    return c == label ? 1.0 - eps : eps / (double)(k - 1);
}

double xl_softreg_floor(double eps, int k)
{
    double h = 0.0;
    if (eps < 1.0) h -= (1.0 - eps) * log1p(-eps);
    if (eps > 0.0) h -= eps * log(eps / (double)(k - 1));
    return h;
}

double xl_softreg_penalty(const xl_softreg_data *m, const double *theta)
{
    assert(m != NULL && theta != NULL);
    if (m->l2 == 0.0) return 0.0;
    const int nw = m->k * m->d;
    double s = 0.0;
    for (int i = 0; i < nw; i++) s += theta[i] * theta[i];
    return 0.5 * m->l2 * s;
}

/* The pass over every row: returns the mean cross-entropy plus the penalty; when grad is
 * not NULL, the gradient into it; when correct is not NULL, how many rows have their
 * label as the first largest logit (u_c = 0 exactly there: z_c - max z with z_c = max z). */
XL_SOFTREG_CLONES
static double pass(const xl_softreg_data *m, const double *theta, double *grad, int *correct)
{
    const int d = m->d, k = m->k, n = m->n;
    assert(d >= 1 && d <= XL_SOFTREG_MAX_D && k >= 2 && k <= XL_SOFTREG_MAX_K && n >= 1);
    double wt[XL_SOFTREG_MAX_D][KW] = {{0}};
    double gt[XL_SOFTREG_MAX_D][KW] = {{0}};
    double gb[XL_SOFTREG_MAX_K] = {0};
    const double *b = theta + k * d;
    for (int j = 0; j < d; j++)
        for (int c = 0; c < k; c++) wt[j][c] = theta[c * d + j];
    const double p_other = m->eps / (double)(k - 1), p_label = 1.0 - m->eps;
    double u[BLOCK * XL_SOFTREG_MAX_K], e[BLOCK * XL_SOFTREG_MAX_K], s[BLOCK], ls[BLOCK];
    double ce = 0.0;
    for (int i0 = 0; i0 < n; i0 += BLOCK) {
        const int nb = n - i0 < BLOCK ? n - i0 : BLOCK;
        /* z = W x + b, then u = z - max z. */
        for (int r = 0; r < nb; r++) {
            const double *x = m->x + (size_t)(i0 + r) * (size_t)d;
            double z[KW] = {0};
            for (int c = 0; c < k; c++) z[c] = b[c];
            for (int j = 0; j < d; j++) {
                const double xj = x[j];
                for (int c = 0; c < KW; c++) z[c] += xj * wt[j][c];
            }
            double mx = z[0];
            for (int c = 1; c < k; c++) mx = z[c] > mx ? z[c] : mx;
            for (int c = 0; c < k; c++) u[r * k + c] = z[c] - mx;
        }
        xl_vec_exp_shifted(u, 0.0, e, nb * k);
        for (int r = 0; r < nb; r++) {
            double sr = 0.0;
            for (int c = 0; c < k; c++) sr += e[r * k + c];
            s[r] = sr;
        }
        xl_vec_log(s, ls, nb);
        for (int r = 0; r < nb; r++) {
            const int y = m->y[i0 + r];
            const double *ur = u + r * k;
            double pu = 0.0;
            for (int c = 0; c < k; c++) pu += (c == y ? p_label : p_other) * ur[c];
            ce += ls[r] - pu;
        }
        if (correct != NULL)
            for (int r = 0; r < nb; r++) {
                const double *ur = u + r * k;
                int first = 0;
                while (first < k - 1 && ur[first] != 0.0) first++; /* bounded: a NaN row has no 0 */
                *correct += first == m->y[i0 + r];
            }
        if (grad == NULL) continue;
        /* q - p of the block's rows, then the gradient's sums feature by feature, the
         * classes' accumulators held in registers over the block's rows (the same sums in
         * the same row order as row by row, without a store per row). */
        double g[BLOCK][KW];
        for (int r = 0; r < nb; r++) {
            const int y = m->y[i0 + r];
            for (int c = 0; c < KW; c++) g[r][c] = 0.0;
            for (int c = 0; c < k; c++) {
                g[r][c] = e[r * k + c] / s[r] - (c == y ? p_label : p_other);
                gb[c] += g[r][c];
            }
        }
        const double *xb = m->x + (size_t)i0 * (size_t)d;
        for (int j = 0; j < d; j++) {
            double acc[KW];
            for (int c = 0; c < KW; c++) acc[c] = gt[j][c];
            for (int r = 0; r < nb; r++) {
                const double xj = xb[(size_t)r * (size_t)d + (size_t)j];
                for (int c = 0; c < KW; c++) acc[c] += xj * g[r][c];
            }
            for (int c = 0; c < KW; c++) gt[j][c] = acc[c];
        }
    }
    const double inv_n = 1.0 / (double)n;
    if (grad != NULL) {
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) grad[c * d + j] = gt[j][c] * inv_n + m->l2 * theta[c * d + j];
            grad[k * d + c] = gb[c] * inv_n;
        }
    }
    return ce * inv_n + xl_softreg_penalty(m, theta);
}

double xl_softreg_loss(const xl_softreg_data *m, const double *theta)
{
    assert(m != NULL && theta != NULL);
    return pass(m, theta, NULL, NULL);
}

void xl_softreg_gradient(const xl_softreg_data *m, const double *theta, double *grad)
{
    assert(m != NULL && theta != NULL && grad != NULL);
    (void)pass(m, theta, grad, NULL);
}

double xl_softreg_loss_gradient(const xl_softreg_data *m, const double *theta, double *grad)
{
    assert(m != NULL && theta != NULL && grad != NULL);
    return pass(m, theta, grad, NULL);
}

int xl_softreg_row(const double *theta, int d, int k, const double *x, double *z_out, double *logq)
{
    assert(theta != NULL && x != NULL && logq != NULL && k >= 2 && k <= XL_SOFTREG_MAX_K && d >= 1);
    double z[XL_SOFTREG_MAX_K];
    const double *b = theta + k * d;
    for (int c = 0; c < k; c++) {
        /* The same order of additions as the pass: b, then x_0 w_0, x_1 w_1, ... */
        double zc = b[c];
        for (int j = 0; j < d; j++) zc += x[j] * theta[c * d + j];
        z[c] = zc;
    }
    int best = 0;
    for (int c = 1; c < k; c++)
        if (z[c] > z[best]) best = c;
    const double mx = z[best];
    double u[XL_SOFTREG_MAX_K], e[XL_SOFTREG_MAX_K];
    for (int c = 0; c < k; c++) u[c] = z[c] - mx;
    xl_vec_exp_shifted(u, 0.0, e, k);
    double s = 0.0;
    for (int c = 0; c < k; c++) s += e[c];
    const double log_s = log(s);
    for (int c = 0; c < k; c++) logq[c] = u[c] - log_s;
    if (z_out != NULL) memcpy(z_out, z, (size_t)k * sizeof(double));
    return best;
}

xl_softreg_eval xl_softreg_evaluate(const xl_softreg_data *m, const double *theta)
{
    assert(m != NULL && theta != NULL);
    xl_softreg_eval ev = {0.0, 0.0, 0};
    if (m->n <= 0) return ev;
    xl_softreg_data plain = *m;
    plain.l2 = 0.0; /* the cross-entropy alone */
    ev.ce = pass(&plain, theta, NULL, &ev.correct);
    ev.accuracy = (double)ev.correct / (double)m->n;
    return ev;
}

void xl_softreg_confusion(const xl_softreg_data *m, const double *theta, int *counts)
{
    assert(m != NULL && theta != NULL && counts != NULL);
    memset(counts, 0, (size_t)(m->k * m->k) * sizeof(int));
    for (int i = 0; i < m->n; i++) {
        double logq[XL_SOFTREG_MAX_K];
        const int pred = xl_softreg_row(theta, m->d, m->k, m->x + (size_t)i * (size_t)m->d, NULL, logq);
        counts[m->y[i] * m->k + pred]++;
    }
}

double xl_softreg_ece(const xl_softreg_bin *bins, int nbins)
{
    assert(bins != NULL && nbins >= 1);
    int n = 0;
    for (int b = 0; b < nbins; b++) n += bins[b].count;
    if (n == 0) return 0.0;
    double e = 0.0;
    for (int b = 0; b < nbins; b++)
        if (bins[b].count > 0) e += (double)bins[b].count / (double)n * fabs(bins[b].accuracy - bins[b].confidence);
    return e;
}

double xl_softreg_reliability(const xl_softreg_data *m, const double *theta, int bins, xl_softreg_bin *out)
{
    assert(m != NULL && theta != NULL && out != NULL && bins >= 1 && bins <= XL_SOFTREG_BINS_MAX);
    double conf[XL_SOFTREG_BINS_MAX] = {0};
    int right[XL_SOFTREG_BINS_MAX] = {0};
    for (int b = 0; b < bins; b++) out[b] = (xl_softreg_bin){0, 0.0, 0.0};
    for (int i = 0; i < m->n; i++) {
        double logq[XL_SOFTREG_MAX_K];
        const int pred = xl_softreg_row(theta, m->d, m->k, m->x + (size_t)i * (size_t)m->d, NULL, logq);
        const double q = exp(logq[pred]);
        int b = (int)(q * (double)bins);
        b = b < 0 ? 0 : b >= bins ? bins - 1 : b;
        out[b].count++;
        conf[b] += q;
        right[b] += pred == m->y[i];
    }
    for (int b = 0; b < bins; b++)
        if (out[b].count > 0) {
            out[b].confidence = conf[b] / (double)out[b].count;
            out[b].accuracy = (double)right[b] / (double)out[b].count;
        }
    return xl_softreg_ece(out, bins);
}

void xl_softreg_param_label(int d, int k, int i, char *buf, unsigned long n)
{
    assert(buf != NULL && n > 0);
    if (i >= 0 && i < k * d)
        snprintf(buf, n, "W[%d][%d]", i / d, i % d);
    else if (i >= k * d && i < k * (d + 1))
        snprintf(buf, n, "b[%d]", i - k * d);
    else
        buf[0] = '\0';
}

/* The model view for tests and the bench. */
static double op_loss(const void *self, const double *theta)
{
    return xl_softreg_loss(self, theta);
}

static void op_gradient(const void *self, const double *theta, double *grad)
{
    xl_softreg_gradient(self, theta, grad);
}

static double op_loss_gradient(const void *self, const double *theta, double *grad)
{
    return xl_softreg_loss_gradient(self, theta, grad);
}

static double op_floor(const void *self)
{
    const xl_softreg_data *m = self;
    return xl_softreg_floor(m->eps, m->k);
}

static int op_param_count(const void *self)
{
    const xl_softreg_data *m = self;
    return xl_softreg_param_count(m->d, m->k);
}

static unsigned long op_version(const void *self)
{
    return ((const xl_softreg_data *)self)->version;
}

static const xl_model_ops softreg_ops = {
    .id = "softreg",
    .loss = op_loss,
    .gradient = op_gradient,
    .floor = op_floor,
    .param_count = op_param_count,
    .version = op_version,
    .loss_gradient = op_loss_gradient,
};

xl_model xl_softreg_model(const xl_softreg_data *m)
{
    assert(m != NULL);
    xl_model model = {&softreg_ops, m};
    return model;
}
