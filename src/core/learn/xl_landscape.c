/* xl_landscape: the loss on a G x G grid over two chosen parameters.
 *
 * Generic path: set theta_a = x_i, theta_b = y_j and ask the model, G^2 loss calls.
 * A model with a faster way (the classifier's one log per cell, xl_classifier.h) fills
 * the rows itself between xl_landscape_fill_begin and xl_landscape_fill_end, with a key
 * of its own inputs for the cache.
 *
 * Coordinates: x_i = lo + (hi - lo) i / (G - 1), computed in halves when hi - lo
 * overflows (a range of +-1e308), so every coordinate is finite whenever lo and hi are.
 */
#include "xl_landscape.h"
#include "xl_vec.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


enum { CACHE_NONE = 0, CACHE_MODEL, CACHE_KEY };


struct xl_landscape {
    int g;
    double *values; /* g * g */
    double *ex;     /* g: per column */
    double *ey;     /* g: per row */
    double *cx;     /* g: p_a (M - x_i), per column */
    double *cy;     /* g: p_b (M - y_j), per row */
    double lo, hi;     /* x: parameter a */
    double ylo, yhi;   /* y: parameter b */
    int a, b;
    double vmin, vmax;
    double ctop;      /* top of a colour scale not ruled by a far tail */
    int amin_i, amin_j;
    unsigned long generation; /* fills so far */
    /* Inputs of the last fill; kind CACHE_NONE means "fill next time". */
    int kind;
    const xl_model_ops *ops;
    const void *self;
    unsigned long version; /* xl_model_version at the last generic fill */
    int np;
    double theta[XL_MAX_PARAMS];
    size_t key_size;                          /* CACHE_KEY: a model's own fill */
    unsigned char key[XL_LANDSCAPE_KEY_MAX];
};

xl_landscape *xl_landscape_create(int g)
{
    if (g < 2 || g > XL_LANDSCAPE_MAX_G)
        return NULL;
    xl_landscape *ls = calloc(1, sizeof *ls);
    if (ls == NULL)
        return NULL;
    ls->g = g;
    ls->values = calloc((size_t)g * (size_t)g, sizeof(double));
    ls->ex = calloc((size_t)g, sizeof(double));
    ls->ey = calloc((size_t)g, sizeof(double));
    ls->cx = calloc((size_t)g, sizeof(double));
    ls->cy = calloc((size_t)g, sizeof(double));
    if (ls->values == NULL || ls->ex == NULL || ls->ey == NULL || ls->cx == NULL ||
        ls->cy == NULL) {
        xl_landscape_destroy(ls);
        return NULL;
    }
    ls->lo = ls->ylo = -1.0;
    ls->hi = ls->yhi = 1.0;
    ls->b = 1;
    return ls;
}

void xl_landscape_destroy(xl_landscape *ls)
{
    if (ls == NULL)
        return;
    free(ls->values);
    free(ls->ex);
    free(ls->ey);
    free(ls->cx);
    free(ls->cy);
    free(ls);
}

unsigned long xl_landscape_generation(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->generation;
}

void xl_landscape_invalidate(xl_landscape *ls)
{
    assert(ls != NULL);
    ls->kind = CACHE_NONE;
}

static double coord_on(double lo, double hi, int g, int i)
{
    double t = (hi - lo) * i;
    if (isfinite(t))
        return lo + t / (g - 1);
    /* hi - lo, or (hi - lo) i, overflowed (a range of +-1e306 or wider): half of the
     * step is finite, and adding it twice never passes hi. */
    double half = (hi * 0.5 - lo * 0.5) * ((double)i / (g - 1));
    return i == g - 1 ? hi : lo + half + half;
}

static double xcoord(const xl_landscape *ls, int i)
{
    return coord_on(ls->lo, ls->hi, ls->g, i);
}

static double ycoord(const xl_landscape *ls, int j)
{
    return coord_on(ls->ylo, ls->yhi, ls->g, j);
}

/* Common part of the cache key; bitwise so that -0.0 vs 0.0 or NaN never fool it. */
static int same_slice(const xl_landscape *ls, int a, int b, const double *box)
{
    const double now[4] = {ls->lo, ls->hi, ls->ylo, ls->yhi};
    return ls->a == a && ls->b == b && memcmp(now, box, sizeof now) == 0;
}

static void begin_fill(xl_landscape *ls, int a, int b, const double *box)
{
    ls->generation++;
    ls->a = a;
    ls->b = b;
    ls->lo = box[0];
    ls->hi = box[1];
    ls->ylo = box[2];
    ls->yhi = box[3];
    ls->vmin = INFINITY;
    ls->vmax = -INFINITY;
    ls->amin_i = 0;
    ls->amin_j = 0;
}

/* The parameters the grid depends on: theta with the slice's own two set to 0. The
 * grid varies theta_a and theta_b itself, so moving along them (every step of a
 * two-parameter model) leaves it as it was: it is kept, not filled again. */
static void slice_key(const double *theta, int np, int a, int b, double *key)
{
    memcpy(key, theta, (size_t)np * sizeof(double));
    key[a] = 0.0;
    key[b] = 0.0;
}

/* Bitwise, so that -0.0 vs 0.0 or NaN never fool it. */
static int same_key(const double *cached, const double *theta, int np, int a, int b)
{
    double key[XL_MAX_PARAMS];
    slice_key(theta, np, a, b, key);
    return memcmp(cached, key, (size_t)np * sizeof(double)) == 0;
}

/* The k-th smallest of v[0..n-1] (0-based), v reordered: Hoare's selection with a
 * median-of-three pivot, the same value a full sort would put at v[k], in O(n). */
static double select_kth(double *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        double a = v[lo], b = v[mid], c = v[hi];
        double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        size_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else return v[k];
    }
    return v[k];
}

/* A finite double's bits as an integer in the same order (-0 just below +0). */
static uint64_t order_key(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    const uint64_t negative = 0u - (b >> 63); /* all ones for a negative x */
    return b ^ (negative | 0x8000000000000000u);
}

/* The k-th smallest of the finite v[0..n-1] (0-based), v reordered: the value
 * select_kth finds, by counting first. The keys' top bits over the sample's span sort
 * it into at most BINS bins (a key's bin never falls as the key rises), the bin holding
 * rank k is found from the counts, and only that bin's values are selected among. Three
 * branch-free passes and a small selection, where selection alone mispredicts a branch
 * at almost every comparison. Among equal values the same number is found (a zero's
 * sign may differ, which no caller can see: see colour_top). */
static double select_kth_binned(double *v, size_t n, size_t k)
{
    enum { BINS = 4096 };
    uint64_t kmin = UINT64_MAX, kmax = 0;
    for (size_t i = 0; i < n; i++) {
        const uint64_t key = order_key(v[i]);
        kmin = key < kmin ? key : kmin;
        kmax = key > kmax ? key : kmax;
    }
    int shift = 0;
    while (((kmax - kmin) >> shift) >= BINS)
        shift++;
    uint32_t count[BINS] = {0};
    for (size_t i = 0; i < n; i++)
        count[(order_key(v[i]) - kmin) >> shift]++;
    size_t below = 0, bin = 0;
    while (below + count[bin] <= k)
        below += count[bin++];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) { /* the bin's values to the front, in place (m <= i) */
        const double x = v[i];
        v[m] = x;
        m += ((order_key(x) - kmin) >> shift) == bin;
    }
    return select_kth(v, m, k - below);
}

/* A loss that explodes in part of the view (a Gaussian's log sigma_q -> -6 gives 1e7
 * nats beside a bowl of 2) would paint everything else one colour. The colour scale
 * stops at six times the median's height above the least value when the largest value
 * lies beyond that (values above take the top colour); otherwise it spans the whole
 * range, as for every bowl whose median sits in its middle. The median is taken on
 * every 7th cell: enough for a scale. */
static void colour_top(xl_landscape *ls)
{
    enum { SAMPLE_MAX = 16384 };
    static const int STRIDE = 7;
    double sample[SAMPLE_MAX];
    size_t total = (size_t)ls->g * (size_t)ls->g, n = 0;
    for (size_t i = 0; i < total && n < SAMPLE_MAX; i += STRIDE)
        if (isfinite(ls->values[i]))
            sample[n++] = ls->values[i];
    ls->ctop = ls->vmax;
    if (n < 16 || !isfinite(ls->vmax))
        return;
    /* A zero median's sign cannot matter: cap is then vmin plus a zero, and a cap of
     * either zero is not above a vmin of either zero. */
    double cap = ls->vmin + 6.0 * (select_kth_binned(sample, n, n / 2) - ls->vmin);
    if (cap > ls->vmin && ls->vmax > cap)
        ls->ctop = cap;
}

static void track(xl_landscape *ls, int i, int j, double v)
{
    if (v < ls->vmin) {
        ls->vmin = v;
        ls->amin_i = i;
        ls->amin_j = j;
    }
    if (v > ls->vmax)
        ls->vmax = v;
}

int xl_landscape_compute(xl_landscape *ls, xl_model model, const double *theta,
                         int a, int b, double lo, double hi)
{
    return xl_landscape_compute_box(ls, model, theta, a, b, lo, hi, lo, hi);
}

int xl_landscape_compute_box(xl_landscape *ls, xl_model model, const double *theta, int a, int b, double xlo,
                             double xhi, double ylo, double yhi)
{
    assert(ls != NULL && model.ops != NULL && theta != NULL);
    int np = model.ops->param_count(model.self);
    assert(np >= 1 && np <= XL_MAX_PARAMS);
    assert(a >= 0 && a < np && b >= 0 && b < np && a != b);
    assert(xhi > xlo && yhi > ylo);
    const double box[4] = {xlo, xhi, ylo, yhi};
    /* The pointer and theta alone do not name the function: P can change under the
     * same pointer, so the model's version is part of the key. */
    unsigned long version = xl_model_version(model);
    if (ls->kind == CACHE_MODEL && ls->ops == model.ops && ls->self == model.self &&
        ls->version == version && ls->np == np && same_key(ls->theta, theta, np, a, b) &&
        same_slice(ls, a, b, box))
        return 0;

    begin_fill(ls, a, b, box);
    double t[XL_MAX_PARAMS];
    memcpy(t, theta, (size_t)np * sizeof(double));
    int g = ls->g;
    for (int j = 0; j < g; j++) {
        t[b] = ycoord(ls, j);
        for (int i = 0; i < g; i++) {
            t[a] = xcoord(ls, i);
            double v = model.ops->loss(model.self, t);
            ls->values[(size_t)j * g + i] = v;
            track(ls, i, j, v);
        }
    }
    colour_top(ls);
    ls->kind = CACHE_MODEL;
    ls->ops = model.ops;
    ls->self = model.self;
    ls->version = version;
    ls->np = np;
    slice_key(theta, np, a, b, ls->theta);
    return 1;
}

int xl_landscape_fill_begin(xl_landscape *ls, int a, int b, double xlo, double xhi, double ylo, double yhi,
                            const void *key, size_t key_size)
{
    assert(ls != NULL && key != NULL && key_size <= XL_LANDSCAPE_KEY_MAX);
    assert(a >= 0 && b >= 0 && a != b && xhi > xlo && yhi > ylo);
    const double box[4] = {xlo, xhi, ylo, yhi};
    if (ls->kind == CACHE_KEY && ls->key_size == key_size && memcmp(ls->key, key, key_size) == 0 &&
        same_slice(ls, a, b, box))
        return 0;
    begin_fill(ls, a, b, box);
    ls->kind = CACHE_NONE; /* until fill_end: a fill left half done is no cache */
    memcpy(ls->key, key, key_size);
    ls->key_size = key_size;
    return 1;
}

double xl_landscape_x(const xl_landscape *ls, int i)
{
    assert(ls != NULL && i >= 0 && i < ls->g);
    return xcoord(ls, i);
}

double xl_landscape_y(const xl_landscape *ls, int j)
{
    assert(ls != NULL && j >= 0 && j < ls->g);
    return ycoord(ls, j);
}

double *xl_landscape_row(xl_landscape *ls, int j)
{
    assert(ls != NULL && j >= 0 && j < ls->g);
    return ls->values + (size_t)j * ls->g;
}

double *xl_landscape_scratch(xl_landscape *ls, int k)
{
    assert(ls != NULL && k >= 0 && k < 4);
    double *const s[4] = {ls->ex, ls->ey, ls->cx, ls->cy};
    return s[k];
}

/* The least and largest values and where the least first lies, as `track` over every
 * cell in order finds them, from a vector pass per row: the first row whose least is
 * the grid's least holds its first occurrence, and the values are taken from the first
 * equal cells, so a zero's sign is the one `track` keeps. */
static void track_all(xl_landscape *ls)
{
    const int g = ls->g;
    double row_min[XL_LANDSCAPE_MAX_G] = {0}; /* 8 KB a fill, against the grid's logarithms */
    double lo = INFINITY, hi = -INFINITY;
    for (int j = 0; j < g; j++) {
        double rlo = INFINITY, rhi = -INFINITY;
        xl_vec_min_max(ls->values + (size_t)j * g, g, &rlo, &rhi);
        row_min[j] = rlo;
        lo = rlo < lo ? rlo : lo;
        hi = rhi > hi ? rhi : hi;
    }
    ls->vmin = lo;
    ls->vmax = hi;
    if (lo < INFINITY) { /* some value below +inf: the first cell equal to it */
        int j = 0;
        while (j < g - 1 && !(row_min[j] == lo)) j++;
        const double *row = ls->values + (size_t)j * g;
        int i = 0;
        while (!(row[i] == lo)) i++;
        ls->vmin = row[i];
        ls->amin_i = i;
        ls->amin_j = j;
    }
    if (hi == 0.0) { /* +0 or -0: the first one's sign */
        size_t k = 0;
        while (!(ls->values[k] == 0.0)) k++;
        ls->vmax = ls->values[k];
    }
}

void xl_landscape_fill_end(xl_landscape *ls)
{
    assert(ls != NULL);
    track_all(ls);
    colour_top(ls);
    ls->kind = CACHE_KEY;
    ls->ops = NULL;
    ls->self = NULL;
}

int xl_landscape_size(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->g;
}

const double *xl_landscape_values(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->values;
}

double xl_landscape_at(const xl_landscape *ls, int i, int j)
{
    assert(ls != NULL);
    assert(i >= 0 && i < ls->g && j >= 0 && j < ls->g);
    return ls->values[(size_t)j * ls->g + i];
}

double xl_landscape_min(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->vmin;
}

double xl_landscape_colour_top(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->ctop;
}

double xl_landscape_max(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->vmax;
}

void xl_landscape_argmin(const xl_landscape *ls, int *i, int *j)
{
    assert(ls != NULL && i != NULL && j != NULL);
    *i = ls->amin_i;
    *j = ls->amin_j;
}

double xl_landscape_lo(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->lo;
}

double xl_landscape_ylo(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->ylo;
}

double xl_landscape_yhi(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->yhi;
}

double xl_landscape_hi(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->hi;
}

int xl_landscape_axis_a(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->a;
}

int xl_landscape_axis_b(const xl_landscape *ls)
{
    assert(ls != NULL);
    return ls->b;
}
