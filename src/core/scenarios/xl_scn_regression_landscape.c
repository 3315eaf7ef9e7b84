/* xl_scn_regression_landscape: the regression's landscape over two parameters, filled
 * exactly and faster than cell by cell (see xl_scn_regression.h and the
 * xl_scenario_def.landscape hook). */
#include "xl_scn_regression.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "xl_vec.h"

/* Parameter i's class and, per row, its coefficient in that class's logit: W[c][j] has
 * x_j, b[c] has 1. */
static int param_class(const xl_regression_state *st, int i, int *feature)
{
    const int nw = st->k * st->d;
    *feature = i < nw ? i % st->d : -1;
    return i < nw ? i / st->d : i - nw;
}

/* One row's cross-entropy at one cell, the plain way (every logit, shifted by their
 * largest): the landscape's fallback where its shared shift would lose digits. */
static double cell_cross_entropy(const double *z, int k, int ca, double ta, int cb, double tb, int y, double p_label,
                                 double p_other)
{
    double zz[XL_SOFTREG_MAX_K];
    memcpy(zz, z, (size_t)k * sizeof(double));
    zz[ca] = ta;
    if (cb != ca) zz[cb] = tb;
    double mx = zz[0];
    for (int c = 1; c < k; c++) mx = zz[c] > mx ? zz[c] : mx;
    double sum = 0.0, lin = 0.0;
    for (int c = 0; c < k; c++) {
        sum += exp(zz[c] - mx);
        lin += (c == y ? p_label : p_other) * zz[c];
    }
    return mx + log(sum) - lin;
}

/* The training loss over the slice (a, b), the other parameters at theta, exact: a and
 * b move one class's logit each (or both the same class's), by their value times the
 * row's coefficient (x_j for W[c][j], 1 for b[c]). For a row and a grid row y_j, with
 * t_a(x) the moving logit along the grid row, t_b its fixed partner, M the largest logit
 * anywhere on that grid row (at an end of t_a's range, t_b or the others' largest m_r),
 * and S = sum over the other classes of e^{z_c - m_r},
 *     H(P, Q) = M + ln(S e^{m_r - M} + e^{t_b - M} + e^{t_a(x) - M}) - sum_c p_c z_c:
 * one exponential and one log per cell, each a vector pass over the grid row. Every
 * term is <= 1 and the largest is 1 at an end of the row; a cell whose sum falls below
 * e^-64 (t_a sweeping more than 64 nats along the row) is computed the plain way, so no
 * digits are lost to the shift. The rows are added into every cell one after the other
 * (a cell's sum runs in row order); the penalty's other weights are summed once. */
/* Rows times grid nodes a fill may cost (about 30 ms of exponentials and logs): past
 * it, the cross-entropy is computed on every s-th row and column of the grid (s = 2, 4
 * or 8, the last row and column always) and the cells between are interpolated
 * bilinearly, the penalty added exactly everywhere. The digits' 1,258 rows on the
 * 256 x 256 grid take 1.3 s cell by cell; on 37 x 37 nodes, 40 ms, so the view follows
 * a run that plays. Small grids (the tests' 24 x 24) stay exact. */
#define LANDSCAPE_BUDGET 2.0e6

/* The node indices for stride s on g cells: 0, s, 2s, ..., and g - 1. Returns how many. */
static int landscape_nodes(int g, int s, int *idx)
{
    int m = 0;
    for (int i = 0; i < g - 1; i += s) idx[m++] = i;
    idx[m++] = g - 1;
    return m;
}

int xl_regression_landscape(const void *state, xl_landscape *ls, const double *theta, int a, int b, double xlo,
                            double xhi, double ylo, double yhi)
{
    const xl_regression_state *st = state;
    const int np = xl_softreg_param_count(st->d, st->k), d = st->d, k = st->k, n = st->n_train;
    assert(a >= 0 && a < np && b >= 0 && b < np && a != b);
    /* The key: the state, its version and theta without a and b (a hash of them when
     * they do not fit the key). */
    struct {
        uintptr_t self;
        unsigned long version;
        int np;
        uint64_t hash;
        double t[100];
    } key;
    memset(&key, 0, sizeof key);
    key.self = (uintptr_t)st;
    key.version = st->version;
    key.np = np;
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < np; i++) {
        double v = i == a || i == b ? 0.0 : theta[i];
        if (i < 100) key.t[i] = v;
        unsigned char bytes[sizeof v];
        memcpy(bytes, &v, sizeof v);
        for (size_t q = 0; q < sizeof v; q++) h = (h ^ bytes[q]) * 1099511628211ull;
    }
    key.hash = h;
    if (!xl_landscape_fill_begin(ls, a, b, xlo, xhi, ylo, yhi, &key, sizeof key)) return 0;
    const int g = xl_landscape_size(ls);
    int ja = -1, jb = -1;
    const int ca = param_class(st, a, &ja), cb = param_class(st, b, &jb);
    double base_pen = 0.0;
    for (int i = 0; i < k * d; i++)
        if (i != a && i != b) base_pen += theta[i] * theta[i];
    for (int j = 0; j < g; j++) memset(xl_landscape_row(ls, j), 0, (size_t)g * sizeof(double));
    int stride = 1;
    while (stride < 8 && (double)n * ((g - 1) / stride + 2) * ((g - 1) / stride + 2) > LANDSCAPE_BUDGET) stride *= 2;
    int node[XL_LANDSCAPE_MAX_G] = {0};
    const int gn = landscape_nodes(g, stride, node);
    double xs[XL_LANDSCAPE_MAX_G] = {0}, ta[XL_LANDSCAPE_MAX_G] = {0}, e[XL_LANDSCAPE_MAX_G] = {0},
           sum[XL_LANDSCAPE_MAX_G] = {0};
    for (int i = 0; i < gn; i++) xs[i] = xl_landscape_x(ls, node[i]);
    double t0[XL_MAX_PARAMS];
    memcpy(t0, theta, (size_t)np * sizeof(double));
    t0[a] = t0[b] = 0.0;
    const double p_other = st->eps / (double)(k - 1), p_label = 1.0 - st->eps;
    const double s_min = exp(-64.0);
    for (int r = 0; r < n; r++) {
        const double *x = st->x + (size_t)r * (size_t)d;
        double z[XL_SOFTREG_MAX_K], lq[XL_SOFTREG_MAX_K];
        (void)xl_softreg_row(t0, d, k, x, z, lq);
        const double xa = ja >= 0 ? x[ja] : 1.0, xb = jb >= 0 ? x[jb] : 1.0;
        const int y = st->y[r];
        double mr = -INFINITY, lin = 0.0;
        for (int c = 0; c < k; c++)
            if (c != ca && c != cb) {
                mr = z[c] > mr ? z[c] : mr;
                lin += (c == y ? p_label : p_other) * z[c];
            }
        double srest = 0.0;
        for (int c = 0; c < k; c++)
            if (c != ca && c != cb) srest += exp(z[c] - mr);
        const double pa = ca == y ? p_label : p_other, pb = cb == y ? p_label : p_other;
        const double span_a = xa * xs[0] > xa * xs[gn - 1] ? xa * xs[0] : xa * xs[gn - 1];
        for (int jn = 0; jn < gn; jn++) {
            const double yv = xl_landscape_y(ls, node[jn]);
            /* t_a = shift + x x_a along the grid row; with one class for both, t_a carries
             * both moves and there is no t_b. */
            const double tb = ca == cb ? -INFINITY : z[cb] + yv * xb;
            const double shift = ca == cb ? z[ca] + yv * xb : z[ca];
            double mm = shift + span_a;
            mm = tb > mm ? tb : mm;
            mm = mr > mm ? mr : mm;
            const double fixed = (srest > 0.0 ? srest * exp(mr - mm) : 0.0) + (ca != cb ? exp(tb - mm) : 0.0);
            for (int i = 0; i < gn; i++) {
                ta[i] = shift + xs[i] * xa;
                e[i] = ta[i] - mm;
            }
            xl_vec_exp_shifted(e, 0.0, e, gn);
            for (int i = 0; i < gn; i++) sum[i] = fixed + e[i];
            xl_vec_log(sum, e, gn);
            const double lin_b = lin + (ca != cb ? pb * tb : 0.0);
            double *row = xl_landscape_row(ls, node[jn]);
            for (int i = 0; i < gn; i++) {
                double v = mm + e[i] - (lin_b + pa * ta[i]);
                if (!(sum[i] >= s_min)) v = cell_cross_entropy(z, k, ca, ta[i], cb, tb, y, p_label, p_other);
                row[node[i]] += v;
            }
        }
    }
    /* The mean at the nodes; between them (stride > 1) bilinear: along the node rows,
     * then down the columns. */
    for (int jn = 0; jn < gn; jn++) {
        double *row = xl_landscape_row(ls, node[jn]);
        for (int i = 0; i < gn; i++) row[node[i]] /= (double)n;
        for (int i = 0; i + 1 < gn; i++)
            for (int c = node[i] + 1; c < node[i + 1]; c++) {
                const double t = (double)(c - node[i]) / (double)(node[i + 1] - node[i]);
                row[c] = (1.0 - t) * row[node[i]] + t * row[node[i + 1]];
            }
    }
    for (int jn = 0; jn + 1 < gn; jn++) {
        const double *lo = xl_landscape_row(ls, node[jn]), *hi = xl_landscape_row(ls, node[jn + 1]);
        for (int r = node[jn] + 1; r < node[jn + 1]; r++) {
            const double t = (double)(r - node[jn]) / (double)(node[jn + 1] - node[jn]);
            double *row = xl_landscape_row(ls, r);
            for (int i = 0; i < g; i++) row[i] = (1.0 - t) * lo[i] + t * hi[i];
        }
    }
    for (int j = 0; j < g; j++) {
        const double yv = xl_landscape_y(ls, j);
        double *row = xl_landscape_row(ls, j);
        for (int i = 0; i < g; i++) {
            const double xv = xl_landscape_x(ls, i);
            double w2 = base_pen;
            if (ja >= 0) w2 += xv * xv;
            if (jb >= 0) w2 += yv * yv;
            row[i] += 0.5 * st->l2 * w2;
        }
    }
    xl_landscape_fill_end(ls);
    return 1;
}
