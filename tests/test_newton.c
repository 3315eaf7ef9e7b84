/* test_newton: the damped Newton fit (xl_newton) on functions whose minimum is known,
 * and each way it stops: converged, at the iteration limit, with no descent left, and
 * below the resolution of theta. The fits that use it (xl_logistic, xl_weighted) are
 * pinned by test_logistic and test_scn_weighted. */
#include "check_main.h"

#include <math.h>
#include <stdlib.h>

#include "xl_newton.h"

/* ---- 1/2 (x - m)^T A (x - m) in n dimensions: one Newton step lands on m ---------- */

typedef struct quad {
    int n;
    double a[XL_NEWTON_MAX_PARAMS * XL_NEWTON_MAX_PARAMS];
    double m[XL_NEWTON_MAX_PARAMS];
} quad;

static int gradient_calls;

static double quad_loss(const void *self, const double *x)
{
    const quad *q = self;
    double s = 0.0;
    for (int i = 0; i < q->n; i++)
        for (int j = 0; j < q->n; j++)
            s += 0.5 * (x[i] - q->m[i]) * q->a[i * q->n + j] * (x[j] - q->m[j]);
    return s;
}

static void quad_gradient(const void *self, const double *x, double *g)
{
    const quad *q = self;
    gradient_calls++;
    for (int i = 0; i < q->n; i++) {
        g[i] = 0.0;
        for (int j = 0; j < q->n; j++)
            g[i] += q->a[i * q->n + j] * (x[j] - q->m[j]);
    }
}

static void quad_hessian(const void *self, const double *x, double *h)
{
    (void)x;
    const quad *q = self;
    for (int i = 0; i < q->n * q->n; i++)
        h[i] = q->a[i];
}

static void zero_hessian(const void *self, const double *x, double *h)
{
    (void)x;
    const quad *q = self;
    for (int i = 0; i < q->n * q->n; i++)
        h[i] = 0.0;
}

START_TEST(a_quadratic_is_solved_in_one_step)
{
    /* n = 1 (a division), 2 (Cramer's rule) and 3 (Cholesky). */
    quad q1 = {.n = 1, .a = {4.0}, .m = {-2.5}};
    quad q2 = {.n = 2, .a = {3.0, 1.0, 1.0, 2.0}, .m = {1.5, -0.75}};
    quad q3 = {.n = 3, .a = {4.0, 1.0, 0.5, 1.0, 3.0, 0.25, 0.5, 0.25, 2.0}, .m = {1.0, -2.0, 3.0}};
    quad *qs[] = {&q1, &q2, &q3};
    for (int k = 0; k < 3; k++) {
        quad *q = qs[k];
        gradient_calls = 0;
        xl_newton_fn f = {q->n, quad_loss, quad_gradient, quad_hessian, q};
        double x[XL_NEWTON_MAX_PARAMS] = {10.0, -7.0, 0.5};
        ck_assert_int_eq(xl_newton_minimize(&f, x, 5, 1e-12), 0);
        for (int i = 0; i < q->n; i++)
            ck_assert_msg(fabs(x[i] - q->m[i]) < 1e-12, "n=%d: x[%d] = %.17g, the minimum is at %.17g", q->n, i,
                          x[i], q->m[i]);
        /* The full step is taken at once: the start's gradient, the minimum's, no more. */
        ck_assert_int_eq(gradient_calls, 2);
    }
}
END_TEST

/* ---- ln cosh(x - 1) + ln cosh(y + 2) / 2: undamped Newton diverges from |x - 1| > 1.09 */

/* ln cosh t = ln(1 + 2 sinh^2(t/2)): exact to rounding near t = 0, where the Newton
 * steps end (ln(cosh t) there would round cosh t to 1 and the loss to a flat 0). */
static double ln_cosh(double t)
{
    double h = sinh(0.5 * t);
    return log1p(2.0 * h * h);
}

static double lc_loss(const void *self, const double *x)
{
    (void)self;
    return ln_cosh(x[0] - 1.0) + 0.5 * ln_cosh(x[1] + 2.0);
}

static void lc_gradient(const void *self, const double *x, double *g)
{
    (void)self;
    g[0] = tanh(x[0] - 1.0);
    g[1] = 0.5 * tanh(x[1] + 2.0);
}

static void lc_hessian(const void *self, const double *x, double *h)
{
    (void)self;
    double c0 = cosh(x[0] - 1.0), c1 = cosh(x[1] + 2.0);
    h[0] = 1.0 / (c0 * c0);
    h[1] = h[2] = 0.0;
    h[3] = 0.5 / (c1 * c1);
}

START_TEST(damping_keeps_far_starts_converging)
{
    xl_newton_fn f = {2, lc_loss, lc_gradient, lc_hessian, NULL};
    /* Far from the minimum the full step, t -> t - sinh(2t)/2 with t = x - 1, lands at
     * -5e3 from t = 5 and at -1.2e8 from t = 10: only the line search brings it back. */
    const double starts[][2] = {{6.0, -2.0}, {-4.0, 3.0}, {1.0, 8.0}, {11.0, -12.0}};
    for (int k = 0; k < 4; k++) {
        double x[2] = {starts[k][0], starts[k][1]};
        double before = lc_loss(NULL, x);
        int r = xl_newton_minimize(&f, x, 100, 1e-12);
        ck_assert_msg(r == 0, "from (%g, %g): %d at (%.17g, %.17g)", starts[k][0], starts[k][1], r, x[0], x[1]);
        ck_assert_msg(fabs(x[0] - 1.0) < 1e-12 && fabs(x[1] + 2.0) < 1e-11,
                      "from (%g, %g): stopped at (%.17g, %.17g), the minimum is (1, -2)", starts[k][0], starts[k][1],
                      x[0], x[1]);
        ck_assert(lc_loss(NULL, x) < before);
        ck_assert_double_eq_tol(lc_loss(NULL, x), 0.0, 1e-20);
    }
}
END_TEST

/* ---- the ways it stops without the minimum ---------------------------------------- */

START_TEST(the_iteration_limit_fails_with_the_last_iterate)
{
    xl_newton_fn f = {2, lc_loss, lc_gradient, lc_hessian, NULL};
    /* No step allowed: -1 and theta untouched. */
    double x[2] = {6.0, -2.0};
    ck_assert_int_eq(xl_newton_minimize(&f, x, 0, 1e-12), -1);
    ck_assert_double_eq(x[0], 6.0);
    ck_assert_double_eq(x[1], -2.0);
    /* Two steps from far away are not enough, but theta holds the better point. */
    double before = lc_loss(NULL, x);
    ck_assert_int_eq(xl_newton_minimize(&f, x, 2, 1e-12), -1);
    ck_assert_msg(lc_loss(NULL, x) < before, "loss %.17g after two steps, %.17g before", lc_loss(NULL, x), before);
    ck_assert(x[0] != 6.0);
    /* Already at the minimum: converged with no step at all. */
    double m[2] = {1.0, -2.0};
    ck_assert_int_eq(xl_newton_minimize(&f, m, 0, 1e-12), 0);
}
END_TEST

START_TEST(no_descent_fails_and_keeps_theta)
{
    /* From t = 39 the Newton step is sinh(78)/2 = 1e33 long; 60 halvings leave it 1e15
     * long, every candidate uphill: -1, theta as it was. */
    xl_newton_fn f = {2, lc_loss, lc_gradient, lc_hessian, NULL};
    double x[2] = {40.0, -2.0};
    ck_assert_int_eq(xl_newton_minimize(&f, x, 50, 1e-12), -1);
    ck_assert_double_eq(x[0], 40.0);
    ck_assert_double_eq(x[1], -2.0);
}
END_TEST

START_TEST(a_singular_hessian_falls_back_to_steepest_descent)
{
    /* (x - 3)^2 per coordinate with H reported as 0: the step is -g = -2 (x - 3); from 0
     * the full step overshoots to 6 (no decrease), the half step lands on 3 exactly. */
    for (int n = 1; n <= 3; n++) {
        quad q = {.n = n, .a = {0}, .m = {3.0, 3.0, 3.0}};
        for (int i = 0; i < n; i++)
            q.a[i * n + i] = 2.0;
        xl_newton_fn f = {n, quad_loss, quad_gradient, zero_hessian, &q};
        double x[3] = {0.0, 0.0, 0.0};
        ck_assert_int_eq(xl_newton_minimize(&f, x, 10, 0.0), 0);
        for (int i = 0; i < n; i++)
            ck_assert_msg(x[i] == 3.0, "n=%d: x[%d] = %.17g, not 3", n, i, x[i]);
    }
}
END_TEST

/* A gradient that never reaches tol, and a step below the resolution of theta. */
static void tiny_gradient(const void *self, const double *x, double *g)
{
    (void)self;
    (void)x;
    g[0] = 1e-30;
}

static void unit_hessian(const void *self, const double *x, double *h)
{
    (void)self;
    (void)x;
    h[0] = 1.0;
}

static double no_loss(const void *self, const double *x)
{
    (void)self;
    (void)x;
    ck_abort_msg("the loss was evaluated for a step that cannot move theta");
    return 0.0;
}

START_TEST(a_step_below_the_resolution_of_theta_stops)
{
    xl_newton_fn f = {1, no_loss, tiny_gradient, unit_hessian, NULL};
    double x[1] = {1.0};
    ck_assert_int_eq(xl_newton_minimize(&f, x, 10, 0.0), 0);
    ck_assert_double_eq(x[0], 1.0);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("newton");
    const xl_test_case cases[] = {
        {"a quadratic is solved in one step", a_quadratic_is_solved_in_one_step},
        {"damping keeps far starts converging", damping_keeps_far_starts_converging},
        {"the iteration limit fails with the last iterate", the_iteration_limit_fails_with_the_last_iterate},
        {"no descent fails and keeps theta", no_descent_fails_and_keeps_theta},
        {"a singular Hessian falls back to steepest descent", a_singular_hessian_falls_back_to_steepest_descent},
        {"a step below the resolution of theta stops", a_step_below_the_resolution_of_theta_stops},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
