/* Tests for xl_landscape: the separable classifier fill against the direct loss, the
 * input cache, the analytic minimum and the valley, and min/max bookkeeping. */
#include "check_main.h"
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_classifier.h"
#include "xl_info.h"
#include "xl_landscape.h"
#include "xl_rng.h"

static const double TOL_FAST = 1e-12;   /* fast path vs direct, per cell (nats) */
static const double TOL_EXACT = 1e-12;

static void random_classifier(xl_rng *rng, xl_classifier *c, double *z, int n, int zeros)
{
    xl_classifier_init(c, n);
    do {
        for (int i = 0; i < n; i++)
            c->p[i] = zeros && xl_rng_uniform(rng) < 0.3 ? 0.0 : xl_rng_uniform(rng);
    } while (xl_normalize(c->p, n) != 0);
    for (int i = 0; i < n; i++)
        z[i] = xl_rng_range(rng, -3.0, 3.0);
}

static double axis(double lo, double hi, int g, int i)
{
    return lo + (hi - lo) * i / (g - 1);
}

/* Compare every cell with xl_cross_entropy_logits; return the worst difference. */
static double worst_cell_error(const xl_landscape *ls, const xl_classifier *c, const double *z)
{
    int g = xl_landscape_size(ls), a = xl_landscape_axis_a(ls), b = xl_landscape_axis_b(ls);
    double lo = xl_landscape_lo(ls), hi = xl_landscape_hi(ls);
    double t[XL_MAX_CLASSES];
    memcpy(t, z, (size_t)c->n * sizeof(double));
    double worst = 0.0;
    for (int j = 0; j < g; j++) {
        t[b] = axis(lo, hi, g, j);
        for (int i = 0; i < g; i++) {
            t[a] = axis(lo, hi, g, i);
            double d = fabs(xl_landscape_at(ls, i, j) - xl_cross_entropy_logits(c->p, t, c->n));
            if (!(d <= worst))
                worst = d;
        }
    }
    return worst;
}

START_TEST(test_fast_matches_direct)
{
    xl_rng rng = xl_rng_make(77);
    const int sizes[2] = { 64, 256 };
    for (int si = 0; si < 2; si++) {
        xl_landscape *ls = xl_landscape_create(sizes[si]);
        xl_landscape *ref = xl_landscape_create(sizes[si]);
        ck_assert_ptr_nonnull(ls);
        for (int k = 0; k < 8; k++) {
            xl_classifier c;
            double z[XL_MAX_CLASSES];
            int n = 3 + k; /* 3..10 */
            random_classifier(&rng, &c, z, n, k % 3 == 2);
            int a = k % 2 == 0 ? 0 : n - 1;
            int b = k % 2 == 0 ? 1 : n / 2; /* includes slices away from (0, 1) */
            double r = 4.0 + k;
            ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, a, b, -r, r), 1);
            double worst = worst_cell_error(ls, &c, z);
            ck_assert_msg(worst < TOL_FAST, "G=%d n=%d slice (%d,%d): worst cell error %g",
                          sizes[si], n, a, b, worst);
            /* The generic path on the same slice is the reference too. */
            ck_assert_int_eq(xl_landscape_compute(ref, xl_classifier_model(&c), z, a, b, -r, r), 1);
            const double *fv = xl_landscape_values(ls), *rv = xl_landscape_values(ref);
            for (int v = 0; v < sizes[si] * sizes[si]; v++)
                ck_assert_msg(fabs(fv[v] - rv[v]) < TOL_FAST, "cell %d: %.17g vs %.17g", v, fv[v],
                              rv[v]);
        }
        xl_landscape_destroy(ls);
        xl_landscape_destroy(ref);
    }
}
END_TEST

START_TEST(test_extreme_ranges)
{
    /* Ranges wide enough that the shifted sum underflows in a corner: the fallback cell
     * must still be finite and exact. */
    xl_classifier c;
    xl_classifier_init(&c, 3);
    c.p[0] = 0.5; c.p[1] = 0.3; c.p[2] = 0.2;
    const double z[3] = { 0.0, 0.0, -900.0 };
    xl_landscape *ls = xl_landscape_create(16);
    xl_classifier_landscape(ls, &c, z, 0, 1, -800.0, 800.0);
    double worst = worst_cell_error(ls, &c, z);
    ck_assert_msg(worst < 1e-9, "worst %g", worst);
    ck_assert_msg(isfinite(xl_landscape_at(ls, 0, 0)), "corner %g", xl_landscape_at(ls, 0, 0));
    xl_landscape_destroy(ls);
}
END_TEST

/* Issue 5, item 2: the fast path must not cancel m + log s against p.z when the logits
 * are huge. Compared cell by cell with the generic path, relative to the value (each
 * path rounds its logits at their own scale, so only relative agreement is meaningful;
 * near the minimum the values are O(1) and the old form missed by 1e-9 at 1e6). */
START_TEST(test_fast_matches_generic_huge_logits)
{
    const double scales[] = { 1e6, 1e16, 1e300 };
    for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
        double m = scales[k];
        xl_classifier c;
        xl_classifier_init(&c, 5);
        const double p[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
        memcpy(c.p, p, sizeof p);
        /* The sliced logits' range ends exactly at the others' value, so the corner
         * cell (G-1, G-1) has all logits equal and loss ln 5. */
        const double z[5] = { m, -m, m, m, m };
        xl_landscape *fast = xl_landscape_create(33);
        xl_landscape *ref = xl_landscape_create(33);
        ck_assert_int_eq(xl_classifier_landscape(fast, &c, z, 0, 1, -m, m), 1);
        ck_assert_int_eq(xl_landscape_compute(ref, xl_classifier_model(&c), z, 0, 1, -m, m), 1);
        for (int j = 0; j < 33; j++) {
            for (int i = 0; i < 33; i++) {
                double f = xl_landscape_at(fast, i, j), r = xl_landscape_at(ref, i, j);
                ck_assert_msg(isfinite(f) && isfinite(r), "scale %g cell (%d,%d): %g vs %g", m, i, j, f, r);
                ck_assert_msg(fabs(f - r) <= 1e-12 * fmax(1.0, fabs(r)),
                              "scale %g cell (%d,%d): fast %.17g, generic %.17g", m, i, j, f, r);
            }
        }
        ck_assert_msg(fabs(xl_landscape_at(fast, 32, 32) - log(5.0)) <= TOL_EXACT,
                      "scale %g: all logits equal, loss %.17g, expected ln 5", m, xl_landscape_at(fast, 32, 32));
        ck_assert_msg(fabs(xl_landscape_min(fast) - log(5.0)) <= TOL_EXACT,
                      "scale %g: min %.17g, expected ln 5", m, xl_landscape_min(fast));
        xl_landscape_destroy(fast);
        xl_landscape_destroy(ref);
    }
}
END_TEST

/* Issue 5, item 3: a range of +-1e308 has hi - lo = inf; the coordinates, lo/hi and
 * every value (all finite here: the loss is at most 1e308) must stay finite. */
START_TEST(test_range_near_dbl_max)
{
    xl_classifier c;
    xl_classifier_init(&c, 3); /* uniform P */
    const double zs[][3] = { { 1e308, -1e308, 0.0 }, { -1e308, 1e308, 1e308 }, { 1e300, -1e300, 5.0 },
                             { -1e308, -1e308, -1e308 }, { 1e308, 1e308, 1e308 } };
    const double ranges[] = { 1e308, 1e306, 1e300, 6.0 };
    xl_landscape *ls = xl_landscape_create(17);
    for (size_t k = 0; k < sizeof zs / sizeof zs[0]; k++) {
        for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
            for (int path = 0; path < 2; path++) {
                if (path == 0)
                    xl_classifier_landscape(ls, &c, zs[k], 0, 1, -ranges[r], ranges[r]);
                else
                    xl_landscape_compute(ls, xl_classifier_model(&c), zs[k], 0, 1, -ranges[r], ranges[r]);
                ck_assert_msg(xl_landscape_lo(ls) == -ranges[r] && xl_landscape_hi(ls) == ranges[r],
                              "lo %g hi %g", xl_landscape_lo(ls), xl_landscape_hi(ls));
                for (int j = 0; j < 17; j++)
                    for (int i = 0; i < 17; i++)
                        ck_assert_msg(isfinite(xl_landscape_at(ls, i, j)) && xl_landscape_at(ls, i, j) >= 0.0,
                                      "z case %zu range %g path %d cell (%d,%d) = %g", k, ranges[r], path, i, j,
                                      xl_landscape_at(ls, i, j));
                ck_assert_msg(isfinite(xl_landscape_min(ls)) && isfinite(xl_landscape_max(ls)),
                              "min %g max %g", xl_landscape_min(ls), xl_landscape_max(ls));
            }
        }
    }
    /* The middle cell of a symmetric range is 0 and the ends are exact. */
    xl_classifier_init(&c, 2);
    const double z2[2] = { 0.0, 0.0 };
    xl_classifier_landscape(ls, &c, z2, 0, 1, -1e308, 1e308);
    ck_assert_double_eq_tol(xl_landscape_at(ls, 8, 8), log(2.0), TOL_EXACT);
    xl_landscape_destroy(ls);
}
END_TEST

/* The analytic minimum shifts with the logits and stays finite at every magnitude:
 * x* = log p_a + lse(others) - log(rest) only adds a small term to a large one, so it
 * is right to within a few ulps of the logits' size (no cancellation). */
START_TEST(test_minimum_huge_logits)
{
    xl_classifier c;
    xl_classifier_init(&c, 4);
    const double p[4] = { 0.4, 0.3, 0.2, 0.1 };
    memcpy(c.p, p, sizeof p);
    const double z[4] = { 0.5, -1.0, 2.0, -0.25 };
    double x0, y0;
    ck_assert_int_eq(xl_classifier_slice_minimum(&c, z, 0, 1, &x0, &y0), 1);
    const double shifts[] = { 1e3, 1e6, 1e16, 1e100, 1e300, -1e300 };
    for (size_t k = 0; k < sizeof shifts / sizeof shifts[0]; k++) {
        double zs[4], x, y;
        for (int i = 0; i < 4; i++)
            zs[i] = z[i] + shifts[k];
        ck_assert_int_eq(xl_classifier_slice_minimum(&c, zs, 0, 1, &x, &y), 1);
        double tol = 8.0 * DBL_EPSILON * fabs(shifts[k]);
        ck_assert_msg(isfinite(x) && isfinite(y) && fabs(x - (x0 + shifts[k])) <= tol &&
                          fabs(y - (y0 + shifts[k])) <= tol,
                      "shift %g: minimum (%.17g, %.17g), expected (%.17g, %.17g)", shifts[k], x, y,
                      x0 + shifts[k], y0 + shifts[k]);
    }
}
END_TEST

START_TEST(test_cache)
{
    xl_rng rng = xl_rng_make(5);
    xl_classifier c;
    double z[6];
    random_classifier(&rng, &c, z, 6, 0);
    xl_landscape *ls = xl_landscape_create(32);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 0, 1, -6, 6), 1);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 0, 1, -6, 6), 0);
    z[4] += 0.25; /* an "other" logit */
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 0, 1, -6, 6), 1);
    /* A sliced logit is not an input: the grid sets z_0 and z_1 itself, so moving along
     * them (every step of a two-parameter model) keeps the grid, and the kept grid is
     * exactly what a fresh fill gives. */
    z[0] += 0.25;
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 0, 1, -6, 6), 0);
    {
        xl_landscape *fresh = xl_landscape_create(32);
        ck_assert_int_eq(xl_classifier_landscape(fresh, &c, z, 0, 1, -6, 6), 1);
        ck_assert_mem_eq(xl_landscape_values(fresh), xl_landscape_values(ls), 32 * 32 * sizeof(double));
        xl_landscape_destroy(fresh);
    }
    xl_classifier_nudge(&c, 2, 0.05);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 0, 1, -6, 6), 1);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 0, 2, -6, 6), 1);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 1, 2, -6, 6), 1);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 1, 2, -8, 6), 1);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 1, 2, -8, 8), 1);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 1, 2, -8, 8), 0);
    xl_landscape_invalidate(ls);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 1, 2, -8, 8), 1);
    /* Switching paths refills even with equal numbers. */
    xl_model m = xl_classifier_model(&c);
    ck_assert_int_eq(xl_landscape_compute(ls, m, z, 1, 2, -8, 8), 1);
    ck_assert_int_eq(xl_landscape_compute(ls, m, z, 1, 2, -8, 8), 0);
    z[5] -= 1.0;
    ck_assert_int_eq(xl_landscape_compute(ls, m, z, 1, 2, -8, 8), 1);
    ck_assert_int_eq(xl_classifier_landscape(ls, &c, z, 1, 2, -8, 8), 1);
    xl_landscape_destroy(ls);
}
END_TEST

/* Issue 6, item 1: the generic fill keyed its cache on the model pointer and theta
 * alone, so an edit of P with theta unchanged answered "no recompute" and kept the
 * old surface. The built-in bird scene, theta fixed at its start; slice (z_1, z_3) over
 * [-3, 2] on a 3 x 3 grid, whose cell (1, 0) is theta itself (x = -0.5, y = -3).
 * There H(P, Q) = 3.7048 nats; after P = one-hot on class 1 the loss is
 * -log q_1 = 3.2498 nats, and a stale grid would still say 3.7048. */
START_TEST(test_cache_sees_model_edit)
{
    xl_classifier c;
    xl_classifier_init(&c, 5);
    const double p[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    ck_assert_int_eq(xl_classifier_set_p(&c, p), 0);
    const double z[5] = { -0.5, -2.5, -3.0, 1.0, 2.5 };
    xl_model m = xl_classifier_model(&c);
    xl_landscape *ls = xl_landscape_create(3);
    ck_assert_int_eq(xl_landscape_compute(ls, m, z, 0, 2, -3.0, 2.0), 1);
    double before = xl_landscape_at(ls, 1, 0);
    ck_assert_msg(fabs(before - 3.7047792091767633) <= 1e-12, "start loss %.17g", before);
    ck_assert_int_eq(xl_landscape_compute(ls, m, z, 0, 2, -3.0, 2.0), 0);

    xl_classifier_set_onehot(&c, 0);
    int again = xl_landscape_compute(ls, m, z, 0, 2, -3.0, 2.0);
    double q[5];
    xl_softmax(z, 5, q);
    ck_assert_msg(again == 1 && fabs(xl_landscape_at(ls, 1, 0) - (-log(q[0]))) <= TOL_EXACT,
                  "after P = one-hot: recomputed %d, cell %.17g (was %.17g), expected -log q_1 = %.17g",
                  again, xl_landscape_at(ls, 1, 0), before, -log(q[0]));
    ck_assert_msg(fabs(-log(q[0]) - 3.249779209176763) <= 1e-12, "-log q_1 = %.17g", -log(q[0]));
    double err = worst_cell_error(ls, &c, z);
    ck_assert_msg(err <= TOL_EXACT, "grid vs one-hot truth: worst cell off by %g", err);

    /* A direct write is seen once it is announced with xl_classifier_touch. */
    c.p[0] = 0.5;
    c.p[1] = 0.5;
    xl_classifier_touch(&c);
    ck_assert_int_eq(xl_landscape_compute(ls, m, z, 0, 2, -3.0, 2.0), 1);
    err = worst_cell_error(ls, &c, z);
    ck_assert_msg(err <= TOL_EXACT, "grid vs touched P: worst cell off by %g", err);
    ck_assert_int_eq(xl_landscape_compute(ls, m, z, 0, 2, -3.0, 2.0), 0);
    xl_landscape_destroy(ls);
}
END_TEST

START_TEST(test_minimum)
{
    xl_rng rng = xl_rng_make(31);
    for (int k = 0; k < 200; k++) {
        xl_classifier c;
        double z[8];
        int n = 3 + k % 6;
        random_classifier(&rng, &c, z, n, 0);
        int a = k % n, b = (k / n + a + 1) % n;
        if (a == b)
            b = (a + 1) % n;
        double x, y;
        ck_assert_int_eq(xl_classifier_slice_minimum(&c, z, a, b, &x, &y), 1);
        double t[8], q[8];
        memcpy(t, z, sizeof t);
        t[a] = x;
        t[b] = y;
        xl_softmax(t, n, q);
        ck_assert_msg(fabs(q[a] - c.p[a]) < TOL_EXACT && fabs(q[b] - c.p[b]) < TOL_EXACT,
                      "case %d: q_a=%.17g p_a=%.17g q_b=%.17g p_b=%.17g", k, q[a], c.p[a], q[b],
                      c.p[b]);
    }
    /* No interior minimum: n = 2, a zero p, or p_a + p_b = 1. */
    xl_classifier c;
    double z[3] = { 0.0, 1.0, 2.0 }, x = 99.0, y = 99.0;
    xl_classifier_init(&c, 2);
    ck_assert_int_eq(xl_classifier_slice_minimum(&c, z, 0, 1, &x, &y), 0);
    xl_classifier_init(&c, 3);
    c.p[0] = 0.0; c.p[1] = 0.5; c.p[2] = 0.5;
    ck_assert_int_eq(xl_classifier_slice_minimum(&c, z, 0, 1, &x, &y), 0);
    ck_assert_int_eq(xl_classifier_slice_minimum(&c, z, 1, 2, &x, &y), 0);
    ck_assert_double_eq(x, 99.0);
}
END_TEST

START_TEST(test_argmin_near_minimum)
{
    xl_classifier c;
    xl_classifier_init(&c, 4);
    c.p[0] = 0.3; c.p[1] = 0.4; c.p[2] = 0.2; c.p[3] = 0.1;
    const double z[4] = { 1.0, -1.0, 0.5, -0.5 };
    const int g = 128;
    const double r = 6.0;
    xl_landscape *ls = xl_landscape_create(g);
    xl_classifier_landscape(ls, &c, z, 0, 1, -r, r);
    double x, y;
    ck_assert_int_eq(xl_classifier_slice_minimum(&c, z, 0, 1, &x, &y), 1);
    int i, j;
    xl_landscape_argmin(ls, &i, &j);
    double cell = 2.0 * r / (g - 1);
    ck_assert_msg(fabs(axis(-r, r, g, i) - x) <= cell && fabs(axis(-r, r, g, j) - y) <= cell,
                  "argmin cell (%d,%d) at (%g,%g), analytic (%g,%g)", i, j, axis(-r, r, g, i),
                  axis(-r, r, g, j), x, y);
    /* The analytic minimum is no higher than any grid value. */
    double t[4] = { x, y, z[2], z[3] };
    ck_assert_double_le(xl_cross_entropy_logits(c.p, t, 4), xl_landscape_min(ls) + TOL_EXACT);
    xl_landscape_destroy(ls);
}
END_TEST

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* A model's own fill ends with xl_landscape_fill_end, which finds the least and largest
 * values, where the least first lies and the colour scale's top by vector passes, per
 * row counts and a binned selection: the same as the cell-by-cell loop and a sorted
 * median (the rule of xl_landscape_colour_top), bit for bit (a zero's sign too), over
 * grids with NaN, infinities, zeros of both signs, ties and far tails. */
START_TEST(test_fill_end_as_the_plain_loop)
{
    xl_rng rng = xl_rng_make(2712);
    static double sample[16384];
    const double specials[] = {NAN, INFINITY, -INFINITY, 0.0, -0.0, 1e300, -1e300, 5e-324};
    for (int round = 0; round < 300; round++) {
        const int g = round % 50 == 0 ? 256 : 2 + (int)(xl_rng_uniform(&rng) * 70);
        xl_landscape *ls = xl_landscape_create(g);
        ck_assert_ptr_nonnull(ls);
        const double key = round;
        ck_assert_int_eq(xl_landscape_fill_begin(ls, 0, 1, -1.0, 1.0, -1.0, 1.0, &key, sizeof key), 1);
        const int kind = round % 6; /* 0 smooth, 1 few distinct values, 2 specials, 3 a far tail, 4 all NaN, 5 zeros */
        for (int j = 0; j < g; j++) {
            double *row = xl_landscape_row(ls, j);
            for (int i = 0; i < g; i++) {
                const double u = xl_rng_uniform(&rng);
                double v = 2.0 + sin(0.3 * i) * cos(0.2 * j) + 0.01 * u;
                if (kind == 1) v = floor(u * 4.0) - 1.0;
                if (kind == 2 && u < 0.2) v = specials[(int)(u * 40.0) % 8];
                if (kind == 3 && u < 0.3) v = 1e7 * u;
                if (kind == 4) v = NAN;
                if (kind == 5) /* the first zero after two cells: not where a vector's first lane finds it */
                    v = j == 0 && i < 2 ? 1.0 + u : u < 0.5 ? 0.0 : u < 0.9 ? -0.0 : u;
                row[i] = v;
            }
        }
        xl_landscape_fill_end(ls);
        /* The plain loop. */
        const double *v = xl_landscape_values(ls);
        double mn = INFINITY, mx = -INFINITY;
        int ai = 0, aj = 0;
        for (int j = 0; j < g; j++)
            for (int i = 0; i < g; i++) {
                const double x = v[(size_t)j * g + i];
                if (x < mn) mn = x, ai = i, aj = j;
                if (x > mx) mx = x;
            }
        const double got_min = xl_landscape_min(ls), got_max = xl_landscape_max(ls);
        ck_assert_msg(memcmp(&got_min, &mn, sizeof mn) == 0, "round %d: min %g, want %g", round, got_min, mn);
        ck_assert_msg(memcmp(&got_max, &mx, sizeof mx) == 0, "round %d: max %g, want %g", round, got_max, mx);
        int i, j;
        xl_landscape_argmin(ls, &i, &j);
        ck_assert_msg(i == ai && j == aj, "round %d: argmin (%d,%d), want (%d,%d)", round, i, j, ai, aj);
        /* The colour top: every 7th finite cell's median, sorted. */
        size_t n = 0;
        for (size_t k = 0; k < (size_t)g * g && n < 16384; k += 7)
            if (isfinite(v[k])) sample[n++] = v[k];
        double top = mx;
        if (n >= 16 && isfinite(mx)) {
            qsort(sample, n, sizeof sample[0], cmp_double);
            const double cap = mn + 6.0 * (sample[n / 2] - mn);
            if (cap > mn && mx > cap) top = cap;
        }
        const double got_top = xl_landscape_colour_top(ls);
        ck_assert_msg(memcmp(&got_top, &top, sizeof top) == 0 || (isnan(top) && isnan(got_top)),
                      "round %d (kind %d): colour top %.17g, want %.17g", round, kind, got_top, top);
        xl_landscape_destroy(ls);
    }
}
END_TEST

START_TEST(test_min_max_consistent)
{
    xl_rng rng = xl_rng_make(17);
    xl_classifier c;
    double z[5];
    random_classifier(&rng, &c, z, 5, 0);
    xl_landscape *ls = xl_landscape_create(50);
    xl_classifier_landscape(ls, &c, z, 2, 4, -5.0, 7.0);
    ck_assert_int_eq(xl_landscape_size(ls), 50);
    ck_assert_int_eq(xl_landscape_axis_a(ls), 2);
    ck_assert_int_eq(xl_landscape_axis_b(ls), 4);
    ck_assert_double_eq(xl_landscape_lo(ls), -5.0);
    ck_assert_double_eq(xl_landscape_hi(ls), 7.0);
    const double *v = xl_landscape_values(ls);
    double mn = INFINITY, mx = -INFINITY;
    for (int k = 0; k < 50 * 50; k++) {
        mn = fmin(mn, v[k]);
        mx = fmax(mx, v[k]);
    }
    ck_assert_double_eq(xl_landscape_min(ls), mn);
    ck_assert_double_eq(xl_landscape_max(ls), mx);
    int i, j;
    xl_landscape_argmin(ls, &i, &j);
    ck_assert_double_eq(xl_landscape_at(ls, i, j), mn);
    ck_assert_double_eq(v[j * 50 + i], mn);
    ck_assert_double_gt(mx, mn);
    /* Row-major with row j at y_j: moving along a row changes only theta_a. */
    double t[5];
    memcpy(t, z, sizeof t);
    t[2] = 7.0;  /* i = 49 */
    t[4] = -5.0; /* j = 0 */
    ck_assert_double_eq_tol(v[49], xl_cross_entropy_logits(c.p, t, 5), TOL_EXACT);
    xl_landscape_destroy(ls);
}
END_TEST

/* N = 2 (and any slice whose two classes hold all of P): the minimum is a whole line
 * z_a - z_b = ln(p_a / p_b), where Q = P and the loss equals H(P). */
START_TEST(test_valley)
{
    xl_classifier c;
    xl_classifier_init(&c, 2);
    c.p[0] = 0.7;
    c.p[1] = 0.3;
    double d = 0.0;
    ck_assert_int_eq(xl_classifier_slice_valley(&c, 0, 1, &d), 1);
    ck_assert_double_eq_tol(d, log(7.0 / 3.0), TOL_EXACT);
    double h = xl_entropy(c.p, 2, XL_NATS);
    for (double x = -5.0; x <= 5.0; x += 1.25) {
        double z[2] = {x, x - d};
        ck_assert_double_eq_tol(xl_classifier_loss(&c, z), h, TOL_EXACT);
    }
    /* No isolated minimum exists there. */
    double zz[2] = {0.0, 0.0}, mx, my;
    ck_assert_int_eq(xl_classifier_slice_minimum(&c, zz, 0, 1, &mx, &my), 0);
    /* Three classes with mass on the third: an isolated minimum, no valley. */
    xl_classifier c3;
    xl_classifier_init(&c3, 3);
    ck_assert_int_eq(xl_classifier_slice_valley(&c3, 0, 1, &d), 0);
    /* One-hot: the loss keeps falling toward infinity, no valley either. */
    xl_classifier_set_onehot(&c, 0);
    ck_assert_int_eq(xl_classifier_slice_valley(&c, 0, 1, &d), 0);
}
END_TEST

START_TEST(test_shift_invariance)
{
    /* Adding c to every logit leaves Q and the loss unchanged. */
    xl_classifier c;
    xl_classifier_init(&c, 3);
    c.p[0] = 0.6; c.p[1] = 0.3; c.p[2] = 0.1;
    const double z[3] = { 0.2, -0.7, 1.1 };
    const double shifts[4] = { -50.0, -1.0, 3.0, 400.0 };
    for (int k = 0; k < 4; k++) {
        double zs[3] = { z[0] + shifts[k], z[1] + shifts[k], z[2] + shifts[k] };
        ck_assert_double_eq_tol(xl_cross_entropy_logits(c.p, zs, 3),
                                xl_cross_entropy_logits(c.p, z, 3), 1e-12 * (1 + fabs(shifts[k])));
    }
    /* On the grid: shifting the other logit and the slice range by the same c gives the
     * same surface, cell for cell. */
    xl_landscape *ls = xl_landscape_create(33);
    xl_landscape *sh = xl_landscape_create(33);
    xl_classifier_landscape(ls, &c, z, 0, 1, -4.0, 4.0);
    for (int k = 0; k < 4; k++) {
        double zs[3] = { z[0], z[1], z[2] + shifts[k] };
        xl_classifier_landscape(sh, &c, zs, 0, 1, -4.0 + shifts[k], 4.0 + shifts[k]);
        for (int j = 0; j < 33; j++)
            for (int i = 0; i < 33; i++) {
                double d = fabs(xl_landscape_at(sh, i, j) - xl_landscape_at(ls, i, j));
                ck_assert_msg(d < 1e-12 * (1 + fabs(shifts[k])), "shift %g cell (%d,%d): diff %g",
                              shifts[k], i, j, d);
            }
    }
    xl_landscape_destroy(sh);
    xl_landscape_destroy(ls);
}
END_TEST

START_TEST(test_create_rejects)
{
    ck_assert_ptr_null(xl_landscape_create(1));
    ck_assert_ptr_null(xl_landscape_create(XL_LANDSCAPE_MAX_G + 1));
    xl_landscape *ls = xl_landscape_create(2);
    ck_assert_ptr_nonnull(ls);
    xl_landscape_destroy(ls);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("landscape");
    const xl_test_case cases[] = {
        { "minimum at huge logits", test_minimum_huge_logits },
        { "fast path matches generic at huge logits", test_fast_matches_generic_huge_logits },
        { "range near DBL_MAX stays finite", test_range_near_dbl_max },
        { "fast path matches direct", test_fast_matches_direct },
        { "extreme ranges", test_extreme_ranges },
        { "input cache", test_cache },
        { "generic cache sees a model edit", test_cache_sees_model_edit },
        { "analytic minimum", test_minimum },
        { "argmin near minimum", test_argmin_near_minimum },
        { "min max consistent", test_min_max_consistent },
        { "fill_end as the plain loop", test_fill_end_as_the_plain_loop },
        { "valley when two classes hold all of P", test_valley },
        { "shift invariance", test_shift_invariance },
        { "create rejects", test_create_rejects },
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
