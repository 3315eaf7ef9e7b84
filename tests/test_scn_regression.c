/* test_scn_regression: the regression scenario on the real data (check_main hands the
 * registered scenarios their files from assets/data): the split and the start, the
 * gradient against central differences on iris and on the digits, gradient descent
 * through the session against a plain reference loop over the state's rows, the smoothed
 * floor, the per-sample identity, the per-step record, its verbs, rewind and the
 * attribution. */
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "scenario_fixture.h"
#include "xl_rng.h"
#include "xl_scn_regression.h"
#include "xl_landscape.h"
#include "xl_sim.h"

static const xl_scenario_def *def(void)
{
    return &xl_scenario_regression;
}

static const xl_regression_state *state_of(const xl_session *s)
{
    return xl_session_state(s);
}

static xl_session *session_with(const char *const *names, const double *values, int n)
{
    return scenario_session(def(), XL_BUILTIN_SEED, names, values, n);
}

START_TEST(defaults_iris_split_and_start)
{
    xl_session *s = session_with(NULL, NULL, 0);
    const xl_regression_state *st = state_of(s);
    ck_assert_int_eq(xl_regression_kind(st), XL_REGRESSION_IRIS);
    ck_assert_int_eq(st->k, 3);
    ck_assert_int_eq(st->d, 2);
    ck_assert_int_eq(st->n_train, 105); /* 35 of each of the three species */
    ck_assert_int_eq(st->n_test, 45);
    ck_assert_str_eq(xl_regression_feature_name(st, 0), "petal length (cm)");
    ck_assert_str_eq(xl_regression_feature_name(st, 1), "petal width (cm)");
    ck_assert_int_eq(xl_regression_all_four(st), 0);
    /* theta0 = 0: Q uniform, loss ln 3 on both parts. */
    ck_assert_double_eq_tol(scenario_readout(s, "loss"), log(3.0), 1e-14);
    ck_assert_double_eq_tol(scenario_readout(s, "test_nll"), log(3.0), 1e-14);
    ck_assert_double_eq(scenario_readout(s, "entropy"), 0.0);
    ck_assert_double_eq(scenario_readout(s, "n_train"), 105.0);
    /* Every row once, train and test apart, labels the file's. */
    int seen[150] = {0};
    for (int r = 0; r < xl_regression_rows(st); r++) {
        const int i = xl_regression_row_original(st, r);
        ck_assert(i >= 0 && i < 150);
        seen[i]++;
        ck_assert_int_eq(xl_regression_row_label(st, r), st->raw.y[i]);
        /* The standardised value maps back to the raw one. */
        const double back = xl_regression_unstandardize(st, st->plot_a, xl_regression_row_x(st, r)[st->plot_ja]);
        ck_assert_double_eq_tol(back, xl_regression_row_raw(st, r)[st->plot_a], 1e-12);
    }
    for (int i = 0; i < 150; i++) ck_assert_int_eq(seen[i], 1);
    /* The training part is standardised: mean 0. */
    double mean = 0.0;
    for (int r = 0; r < st->n_train; r++) mean += xl_regression_row_x(st, r)[0];
    ck_assert_double_eq_tol(mean / st->n_train, 0.0, 1e-12);
    ck_assert(strstr(xl_regression_attribution(st), "public domain") != NULL);
    xl_session_destroy(s);
}
END_TEST

/* |g - fd|_inf <= 1e-7 |g|_inf at theta. */
static void check_gradient(const xl_session *s, const double *theta)
{
    xl_model m = xl_session_model(s);
    const int np = m.ops->param_count(m.self);
    static double g[XL_MAX_PARAMS], t[XL_MAX_PARAMS];
    m.ops->gradient(m.self, theta, g);
    double gmax = 0.0, err = 0.0;
    for (int i = 0; i < np; i++) gmax = fmax(gmax, fabs(g[i]));
    memcpy(t, theta, (size_t)np * sizeof(double));
    for (int i = 0; i < np; i++) {
        const double h = 1e-5;
        t[i] = theta[i] + h;
        const double up = m.ops->loss(m.self, t);
        t[i] = theta[i] - h;
        const double down = m.ops->loss(m.self, t);
        t[i] = theta[i];
        err = fmax(err, fabs((up - down) / (2.0 * h) - g[i]));
    }
    ck_assert_msg(gmax > 1e-3, "|g| = %g", gmax);
    ck_assert_msg(err <= 1e-7 * gmax, "%s: finite differences off by %g against |g| %g", def()->id, err, gmax);
}

START_TEST(gradient_matches_finite_differences_on_both_data_sets)
{
    static const char *const names[] = {"data", "features", "l2", "smoothing"};
    const double sets[][4] = {{0, 0, 0.01, 0.1}, {0, 6, 0.001, 0.05}, {1, 0, 0.01, 0.1}};
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
        xl_session *s = session_with(names, sets[k], 4);
        xl_session_run(s, 5); /* away from theta = 0 */
        static double theta[XL_MAX_PARAMS];
        const xl_sim *sim = xl_session_sim(s);
        memcpy(theta, xl_sim_theta(sim), (size_t)xl_sim_param_count(sim) * sizeof(double));
        xl_rng r = xl_rng_make(5 + k);
        for (int i = 0; i < xl_sim_param_count(sim); i++) theta[i] += xl_rng_range(&r, -0.3, 0.3);
        check_gradient(s, theta);
        xl_session_destroy(s);
    }
}
END_TEST

/* The reference: the textbook loop over the state's training rows, libm's exp and log. */
static double reference_step(const xl_regression_state *st, double *theta, double lr, int *right)
{
    const int d = st->d, k = st->k, n = st->n_train, np = k * (d + 1);
    static double g[XL_MAX_PARAMS];
    memset(g, 0, sizeof g);
    double loss = 0.0;
    *right = 0;
    for (int i = 0; i < n; i++) {
        double z[10], mx = -INFINITY, sum = 0.0;
        int best = 0;
        for (int c = 0; c < k; c++) {
            z[c] = theta[k * d + c];
            for (int j = 0; j < d; j++) z[c] += theta[c * d + j] * st->x[i * d + j];
            if (z[c] > mx) {
                mx = z[c];
                best = c;
            }
        }
        *right += best == st->y[i];
        for (int c = 0; c < k; c++) sum += exp(z[c] - mx);
        for (int c = 0; c < k; c++) {
            const double p = c == st->y[i] ? 1.0 - st->eps : st->eps / (k - 1);
            const double logq = z[c] - mx - log(sum);
            loss -= p * logq / n;
            const double e = (exp(logq) - p) / n;
            for (int j = 0; j < d; j++) g[c * d + j] += e * st->x[i * d + j];
            g[k * d + c] += e;
        }
    }
    for (int i = 0; i < k * d; i++) {
        loss += 0.5 * st->l2 * theta[i] * theta[i];
        g[i] += st->l2 * theta[i];
    }
    if (lr > 0.0)
        for (int i = 0; i < np; i++) theta[i] -= lr * g[i];
    return loss;
}

START_TEST(gradient_descent_matches_a_reference_loop)
{
    static const char *const names[] = {"data", "l2", "smoothing"};
    const double sets[][3] = {{0, 0.001, 0.1}, {1, 0.001, 0.1}};
    for (size_t k = 0; k < 2; k++) {
        xl_session *s = session_with(names, sets[k], 3);
        const xl_regression_state *st = state_of(s);
        const double lr = xl_sim_lr(xl_session_sim(s));
        static double ref[XL_MAX_PARAMS];
        memset(ref, 0, sizeof ref);
        const int steps = 60;
        int right = 0;
        for (int i = 0; i < steps; i++) reference_step(st, ref, lr, &right);
        xl_session_run(s, steps);
        const double loss = reference_step(st, ref, 0.0, &right);
        ck_assert_msg(fabs(scenario_readout(s, "loss") - loss) <= 1e-10 * loss, "%s after %d steps: %.15g vs %.15g",
                      k ? "digits" : "iris", steps, scenario_readout(s, "loss"), loss);
        ck_assert_double_eq(scenario_readout(s, "train_acc"), (double)right / st->n_train);
        ck_assert_msg(scenario_readout(s, "train_acc") > 0.9, "it learned: %g", scenario_readout(s, "train_acc"));
        ck_assert_msg(scenario_readout(s, "test_acc") > 0.85, "and generalises: %g", scenario_readout(s, "test_acc"));
        /* The record's last point is the readouts now. */
        const xl_regression_point *p = xl_regression_record(st) + xl_regression_record_count(st) - 1;
        ck_assert_int_eq(p->step, steps);
        ck_assert(p->train_nll == scenario_readout(s, "train_nll"));
        ck_assert(p->test_acc == scenario_readout(s, "test_acc"));
        xl_session_destroy(s);
    }
}
END_TEST

START_TEST(smoothing_raises_the_floor_and_the_identity_holds_per_sample)
{
    xl_session *s = session_with(NULL, NULL, 0);
    ck_assert_double_eq(scenario_readout(s, "entropy"), 0.0);
    ck_assert(scenario_apply(s, "smooth-up")); /* 0.01 */
    ck_assert(scenario_apply(s, "smooth-up")); /* 0.05 */
    ck_assert(scenario_apply(s, "smooth-up")); /* 0.1 */
    const double eps = 0.1, k = 3;
    const double h = -(1 - eps) * log(1 - eps) - eps * log(eps / (k - 1));
    ck_assert_msg(fabs(scenario_readout(s, "entropy") - h) <= 4e-16 * h, "%.17g vs %.17g",
                  scenario_readout(s, "entropy"), h);
    xl_session_run(s, 30);
    const double *theta = xl_sim_theta(xl_session_sim(s));
    const xl_regression_state *st = state_of(s);
    double mean_cross = 0.0;
    for (int r = 0; r < st->n_train + st->n_test; r++) {
        double cross, ent, kl, logq[3], p[3];
        xl_regression_row_identity(st, theta, r, &cross, &ent, &kl);
        ck_assert_msg(fabs(cross - (ent + kl)) <= 1e-14 * (1 + cross), "row %d: %.17g != %.17g + %.17g", r, cross, ent,
                      kl);
        ck_assert_double_eq_tol(ent, h, 1e-15);
        ck_assert(kl >= -1e-15);
        (void)xl_regression_row_q(st, theta, r, logq);
        xl_regression_row_target(st, r, p);
        ck_assert_double_eq_tol(cross, -(p[0] * logq[0] + p[1] * logq[1] + p[2] * logq[2]), 1e-14);
        if (r < st->n_train) mean_cross += cross / st->n_train;
    }
    /* The mean over the training rows is the loss (no L2 here); loss = floor + gap. */
    ck_assert_double_eq_tol(mean_cross, scenario_readout(s, "loss"), 1e-13);
    ck_assert_double_eq_tol(scenario_readout(s, "loss"), scenario_readout(s, "entropy") + scenario_readout(s, "kl"),
                            1e-14);
    /* The bars: the target is smoothed, Q sums to 1. */
    xl_bars b;
    xl_session_bars(s, &b);
    ck_assert_int_eq(b.n, 3);
    ck_assert_double_eq_tol(b.p[b.selected], 0.9, 1e-15);
    double qs = 0.0;
    for (int c = 0; c < 3; c++) qs += exp(b.logq[c]);
    ck_assert_double_eq_tol(qs, 1.0, 1e-14);
    xl_session_destroy(s);
}
END_TEST

START_TEST(record_follows_the_steps_and_rewind_is_exact)
{
    xl_session *s = session_with(NULL, NULL, 0);
    const xl_regression_state *st = state_of(s);
    ck_assert_int_eq(xl_regression_record_count(st), 1);
    ck_assert_double_eq_tol(xl_regression_record(st)[0].train_nll, log(3.0), 1e-14);
    xl_session_run(s, 50);
    ck_assert_int_eq(xl_regression_record_count(st), 51);
    for (int i = 0; i <= 50; i++) ck_assert_int_eq(xl_regression_record(st)[i].step, i);
    ck_assert(xl_regression_record(st)[50].train_nll < xl_regression_record(st)[1].train_nll);
    double before[XL_READOUTS_MAX];
    xl_session_readouts(s, before);
    static xl_regression_point rec[XL_REGRESSION_RECORD_CAP];
    memcpy(rec, xl_regression_record(st), sizeof rec);
    ck_assert(scenario_apply(s, "rewind 20"));
    ck_assert_int_eq(xl_regression_record_count(state_of(s)), 21);
    ck_assert(scenario_apply(s, "rewind 50"));
    double after[XL_READOUTS_MAX];
    xl_session_readouts(s, after);
    ck_assert(memcmp(before, after, sizeof(double) * (size_t)def()->readout_count) == 0);
    ck_assert_int_eq(xl_regression_record_count(state_of(s)), 51);
    ck_assert(memcmp(rec, xl_regression_record(state_of(s)), 51 * sizeof rec[0]) == 0);
    /* Reset starts the record again. */
    ck_assert(scenario_apply(s, "reset"));
    ck_assert_int_eq(xl_regression_record_count(state_of(s)), 1);
    /* A long run thins it: bounded, step 0 kept, evenly strided. */
    xl_session_run(s, 2500);
    st = state_of(s);
    const int n = xl_regression_record_count(st);
    ck_assert(n <= XL_REGRESSION_RECORD_CAP && n > XL_REGRESSION_RECORD_CAP / 2);
    ck_assert_int_eq(xl_regression_record(st)[0].step, 0);
    ck_assert_int_eq(st->record_stride, 4);
    for (int i = 1; i < n; i++) ck_assert_int_eq(xl_regression_record(st)[i].step, 4L * i);
    xl_session_destroy(s);
}
END_TEST

START_TEST(verbs_switch_and_refuse)
{
    xl_session *s = session_with(NULL, NULL, 0);
    ck_assert(scenario_apply(s, "feature-set")); /* the sepal pair */
    ck_assert_int_eq(state_of(s)->plot_a, 0);
    ck_assert_int_eq(state_of(s)->plot_b, 1);
    for (int i = 0; i < 5; i++) ck_assert(scenario_apply(s, "feature-set"));
    ck_assert_int_eq(xl_regression_all_four(state_of(s)), 1);
    ck_assert_int_eq(state_of(s)->d, 4);
    ck_assert(scenario_apply(s, "dataset"));
    const xl_regression_state *st = state_of(s);
    ck_assert_int_eq(xl_regression_kind(st), XL_REGRESSION_DIGITS);
    ck_assert_int_eq(st->k, 10);
    ck_assert_int_eq(st->d, 64);
    ck_assert_int_eq(st->n_train + st->n_test, 1797);
    ck_assert_int_eq(xl_sim_param_count(xl_session_sim(s)), 650);
    ck_assert_double_eq_tol(scenario_readout(s, "loss"), log(10.0), 1e-14);
    ck_assert(strstr(xl_regression_attribution(st), "CC BY 4.0") != NULL);
    ck_assert(!scenario_apply(s, "feature-set"));
    ck_assert(strstr(xl_session_message(s), "digits") != NULL);
    /* Fewer training samples: 100, then 50 per class; back up to all. */
    ck_assert(scenario_apply(s, "size-down"));
    ck_assert_double_eq(scenario_readout(s, "n_train"), 1000.0);
    ck_assert(scenario_apply(s, "size-down"));
    ck_assert_double_eq(scenario_readout(s, "n_train"), 500.0);
    ck_assert_double_eq(scenario_readout(s, "n_test"), 1797 - 1258);
    ck_assert(scenario_apply(s, "size-up"));
    ck_assert(scenario_apply(s, "size-up"));
    ck_assert_int_eq(state_of(s)->per_class, 0);
    ck_assert(!scenario_apply(s, "size-up"));
    /* L2 and the batch. */
    ck_assert(!scenario_apply(s, "l2-down"));
    ck_assert(scenario_apply(s, "l2-up"));
    ck_assert_double_eq(state_of(s)->l2, 0.0001);
    ck_assert(scenario_apply(s, "batch"));
    ck_assert_int_eq(state_of(s)->batch, 32);
    xl_session_run(s, 3);
    ck_assert_int_eq(state_of(s)->batch_n, 32);
    ck_assert(scenario_readout(s, "loss") < log(10.0));
    ck_assert(scenario_apply(s, "batch"));
    ck_assert_int_eq(state_of(s)->batch, 0);
    /* A `param` after the verbs changes that one and keeps what the verbs set (the
     * digits, λ), not the parameters the scenario started from (params_now). */
    ck_assert(scenario_apply(s, "param per_class=5"));
    ck_assert_int_eq(xl_regression_kind(state_of(s)), XL_REGRESSION_DIGITS);
    ck_assert_double_eq(scenario_readout(s, "n_train"), 50.0);
    ck_assert_double_eq(state_of(s)->l2, 0.0001);
    xl_session_destroy(s);
}
END_TEST

/* next-mistake selects the training samples the model gets wrong, one after another. */
START_TEST(next_mistake_selects_the_wrong_ones)
{
    static const char *const names[] = {"features"};
    const double v[] = {1}; /* the sepal pair: versicolor and virginica overlap */
    xl_session *s = session_with(names, v, 1);
    xl_session_run(s, 50);
    const xl_regression_state *st = state_of(s);
    const double *theta = xl_sim_theta(xl_session_sim(s));
    int wrong = 0, first = -1;
    for (int r = 0; r < st->n_train; r++) {
        double logq[3];
        if (xl_regression_row_q(st, theta, r, logq) != st->y[r]) {
            wrong++;
            if (first < 0) first = r;
        }
    }
    ck_assert_msg(wrong >= 3, "some mistakes to find: %d", wrong);
    ck_assert_int_eq(xl_session_selected(s), 0);
    int seen = 0, last = -1;
    for (int t = 0; t < wrong; t++) {
        ck_assert(scenario_apply(s, "next-mistake"));
        const int r = xl_session_selected(s);
        double logq[3];
        ck_assert_msg(xl_regression_row_q(st, theta, r, logq) != st->y[r], "row %d is predicted right", r);
        ck_assert_msg(r > last, "in order: %d after %d", r, last);
        if (t == 0) ck_assert_int_eq(r, first);
        last = r;
        seen++;
    }
    ck_assert_int_eq(seen, wrong);
    ck_assert(scenario_apply(s, "next-mistake")); /* wraps to the first */
    ck_assert_int_eq(xl_session_selected(s), first);
    /* At the start (Q uniform, every argmax class 0) the first mistake is the first row
     * not of class 0. */
    ck_assert(scenario_apply(s, "reset"));
    ck_assert(scenario_apply(s, "select 1"));
    ck_assert(scenario_apply(s, "next-mistake"));
    ck_assert_int_ne(state_of(s)->y[xl_session_selected(s)], 0);
    ck_assert_int_ne(state_of(s)->y[xl_session_selected(s) - 1], state_of(s)->y[xl_session_selected(s)]);
    xl_session_destroy(s);
}
END_TEST

/* Mini-batches: seeded, so the same seed gives the same run, and a rewind repeats it. */
START_TEST(mini_batches_replay)
{
    static const char *const names[] = {"batch"};
    const double v[] = {16};
    xl_session *a = session_with(names, v, 1), *b = session_with(names, v, 1);
    xl_session_run(a, 40);
    xl_session_run(b, 40);
    const int np = xl_sim_param_count(xl_session_sim(a));
    ck_assert(memcmp(xl_sim_theta(xl_session_sim(a)), xl_sim_theta(xl_session_sim(b)), (size_t)np * sizeof(double)) ==
              0);
    double before[XL_READOUTS_MAX], after[XL_READOUTS_MAX];
    xl_session_readouts(a, before);
    ck_assert(scenario_apply(a, "rewind 13"));
    ck_assert(scenario_apply(a, "rewind 40"));
    xl_session_readouts(a, after);
    ck_assert(memcmp(before, after, sizeof(double) * (size_t)def()->readout_count) == 0);
    /* SGD is not full-batch GD. */
    xl_session *c = session_with(NULL, NULL, 0);
    xl_session_run(c, 40);
    ck_assert(memcmp(xl_sim_theta(xl_session_sim(a)), xl_sim_theta(xl_session_sim(c)), (size_t)np * sizeof(double)) !=
              0);
    xl_session_destroy(a);
    xl_session_destroy(b);
    xl_session_destroy(c);
}
END_TEST

START_TEST(confusion_and_calibration_on_the_test_part)
{
    static const char *const names[] = {"data"};
    const double v[] = {1};
    xl_session *s = session_with(names, v, 1);
    xl_session_run(s, 40);
    const xl_regression_state *st = state_of(s);
    const double *theta = xl_sim_theta(xl_session_sim(s));
    int counts[100];
    xl_regression_confusion(st, theta, counts);
    int total = 0, diag = 0;
    for (int t = 0; t < 10; t++)
        for (int p = 0; p < 10; p++) {
            total += counts[t * 10 + p];
            diag += t == p ? counts[t * 10 + p] : 0;
        }
    ck_assert_int_eq(total, st->n_test);
    ck_assert_double_eq(scenario_readout(s, "test_errors"), (double)(total - diag));
    ck_assert_double_eq_tol(scenario_readout(s, "test_acc"), (double)diag / total, 1e-15);
    xl_softreg_bin bins[XL_REGRESSION_BINS];
    const double ece = xl_regression_reliability(st, theta, bins);
    double e = 0.0;
    int n = 0;
    for (int b = 0; b < XL_REGRESSION_BINS; b++) n += bins[b].count;
    ck_assert_int_eq(n, st->n_test);
    for (int b = 0; b < XL_REGRESSION_BINS; b++)
        if (bins[b].count) {
            ck_assert(bins[b].confidence >= b / 10.0 && bins[b].confidence <= (b + 1) / 10.0);
            e += (double)bins[b].count / n * fabs(bins[b].accuracy - bins[b].confidence);
        }
    ck_assert_double_eq_tol(ece, e, 1e-15);
    ck_assert_double_eq_tol(scenario_readout(s, "ece"), e, 1e-15);
    /* The templates are the rows of W. */
    double w[64];
    const double b3 = xl_regression_weights(st, theta, 3, w);
    ck_assert(w[10] == theta[3 * 64 + 10] && b3 == theta[640 + 3]);
    xl_session_destroy(s);
}
END_TEST

/* The record's landscape against the generic cell-by-cell path, on slices of two weights
 * of one class, of two classes, a weight and a bias, with smoothing and L2. */
START_TEST(landscape_matches_the_generic_path)
{
    static const char *const names[] = {"features", "l2", "smoothing"};
    const double v[] = {6, 0.01, 0.1};
    xl_session *s = session_with(names, v, 3);
    xl_session_run(s, 20);
    const xl_regression_state *st = state_of(s);
    const double *theta = xl_sim_theta(xl_session_sim(s));
    const int slices[][2] = {{0, 1}, {0, 4}, {3, 12}, {12, 13}, {5, 14}};
    xl_landscape *fast = xl_landscape_create(24), *slow = xl_landscape_create(24);
    for (size_t k = 0; k < sizeof slices / sizeof slices[0]; k++) {
        const int a = slices[k][0], b = slices[k][1];
        ck_assert_int_eq(def()->landscape(st, fast, theta, a, b, -3.0, 2.0, -1.5, 4.0), 1);
        ck_assert_int_eq(xl_landscape_compute_box(slow, xl_session_model(s), theta, a, b, -3.0, 2.0, -1.5, 4.0), 1);
        double worst = 0.0;
        for (int j = 0; j < 24; j++)
            for (int i = 0; i < 24; i++)
                worst = fmax(worst, fabs(xl_landscape_at(fast, i, j) - xl_landscape_at(slow, i, j)) /
                                        xl_landscape_at(slow, i, j));
        ck_assert_msg(worst <= 1e-13, "slice (%d, %d): relative difference %g", a, b, worst);
        /* The same inputs: no refill. */
        ck_assert_int_eq(def()->landscape(st, fast, theta, a, b, -3.0, 2.0, -1.5, 4.0), 0);
    }
    /* A wide view: along a grid row the moving logit sweeps hundreds of nats, so cells far
     * from the row's largest logit take the plain way. */
    ck_assert_int_eq(def()->landscape(st, fast, theta, 0, 4, -300.0, 250.0, -90.0, 120.0), 1);
    ck_assert_int_eq(xl_landscape_compute_box(slow, xl_session_model(s), theta, 0, 4, -300.0, 250.0, -90.0, 120.0), 1);
    for (int j = 0; j < 24; j++)
        for (int i = 0; i < 24; i++) {
            const double f = xl_landscape_at(fast, i, j), w = xl_landscape_at(slow, i, j);
            ck_assert_msg(fabs(f - w) <= 1e-13 * w, "wide view, cell (%d, %d): %.17g vs %.17g", i, j, f, w);
        }
    xl_landscape_destroy(fast);
    xl_landscape_destroy(slow);
    xl_session_destroy(s);
}
END_TEST

/* The digits on a large grid: past the budget the cross-entropy is computed on every
 * 4th node (97 cells: nodes 0, 4, ..., 96) and interpolated between; the nodes are the
 * generic path's values, the cells between stay within half a percent of them, and the
 * flat direction of a blank pixel's weight says so in the note. */
START_TEST(large_landscape_interpolates_between_exact_nodes)
{
    static const char *const names[] = {"data", "l2"};
    const double v[] = {1, 0.01};
    xl_session *s = session_with(names, v, 2);
    xl_session_run(s, 10);
    const xl_regression_state *st = state_of(s);
    const double *theta = xl_sim_theta(xl_session_sim(s));
    const int g = 97, a = 3 * 64 + 27, b = 5 * 64 + 36; /* pixels (3,3) of class 3 and (4,4) of class 5 */
    xl_landscape *fast = xl_landscape_create(g), *slow = xl_landscape_create(g);
    ck_assert_int_eq(def()->landscape(st, fast, theta, a, b, -4.0, 4.0, -3.0, 5.0), 1);
    ck_assert_int_eq(xl_landscape_compute_box(slow, xl_session_model(s), theta, a, b, -4.0, 4.0, -3.0, 5.0), 1);
    double node_worst = 0.0, between_worst = 0.0;
    for (int j = 0; j < g; j++)
        for (int i = 0; i < g; i++) {
            const double f = xl_landscape_at(fast, i, j), w = xl_landscape_at(slow, i, j);
            const double rel = fabs(f - w) / w;
            if (i % 4 == 0 && j % 4 == 0) node_worst = fmax(node_worst, rel);
            else between_worst = fmax(between_worst, rel);
        }
    ck_assert_msg(node_worst <= 1e-12, "nodes: relative difference %g", node_worst);
    ck_assert_msg(between_worst > 0.0 && between_worst <= 5e-3, "between nodes: relative difference %g",
                  between_worst);
    /* W[0][0] multiplies pixel 0,0, blank in every image. */
    const char *note = def()->slice_note(st, 0, 1, 0);
    ck_assert_msg(strstr(note, "flat along it") != NULL, "%s", note);
    ck_assert(strstr(def()->slice_note(st, a, b, 0), "flat") == NULL);
    xl_landscape_destroy(fast);
    xl_landscape_destroy(slow);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("scn_regression");
    TCase *tc = tcase_create("regression");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, defaults_iris_split_and_start);
    tcase_add_test(tc, gradient_matches_finite_differences_on_both_data_sets);
    tcase_add_test(tc, gradient_descent_matches_a_reference_loop);
    tcase_add_test(tc, smoothing_raises_the_floor_and_the_identity_holds_per_sample);
    tcase_add_test(tc, record_follows_the_steps_and_rewind_is_exact);
    tcase_add_test(tc, verbs_switch_and_refuse);
    tcase_add_test(tc, mini_batches_replay);
    tcase_add_test(tc, next_mistake_selects_the_wrong_ones);
    tcase_add_test(tc, confusion_and_calibration_on_the_test_part);
    tcase_add_test(tc, landscape_matches_the_generic_path);
    tcase_add_test(tc, large_landscape_interpolates_between_exact_nodes);
    suite_add_tcase(s, tc);
    return s;
}
