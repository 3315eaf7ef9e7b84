/* test_scn_gaussian: the Gaussian scenario (issue 7, the voltage example): the closed form
 * of H(p,q) and H(p) against numerical integration, the gradient against central
 * differences, gradient descent reaching Q = P, every optimizer lowering the loss, the
 * identity loss = entropy + kl, edits of P as commands and their refusals, no NaN under a
 * huge learning rate with a narrow P, and the bars' masses exact into the tails. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xl_command.h"
#include "xl_gauss.h"
#include "xl_optim.h"
#include "xl_scn_gaussian.h"
#include "xl_session.h"

static const double TOL_INTEGRAL = 1e-9; /* closed form against Simpson */
static const double TOL_GRAD = 1e-6;     /* against central differences, relative */
static const double TOL_FIT = 1e-6;      /* descent's end against mu_p, sigma_p */
static const double TOL_EXACT = 1e-12;
static const double PI = 3.14159265358979323846;
static const double EULER_E = 2.71828182845904523536;
static const double SQRT2 = 1.41421356237309504880;

static const double cases[][4] = { /* mu_p, sigma_p, mu_q, sigma_q */
    {5.0, 1.0, 2.0, 2.0}, {5.0, 0.5, 5.0, 0.5}, {-3.0, 0.01, -2.99, 0.02}, {0.0, 10.0, 7.0, 3.0},
    {12.0, 0.3, 11.0, 4.0}, {1.0, 2.0, 1.0, 0.5},
};
enum { NCASES = (int)(sizeof cases / sizeof cases[0]) };

static double theta_of_case(int k, double *theta)
{
    theta[XL_GAUSS_MU] = cases[k][2];
    theta[XL_GAUSS_LOG_SIGMA] = log(cases[k][3]);
    return 0.0;
}

/* -∫ p f dx over mu_p ± 12 sigma_p by composite Simpson with n (even) intervals. */
static double simpson_neg_p_log(double mp, double sp, double mq, double sq, int n)
{
    double a = mp - 12.0 * sp, b = mp + 12.0 * sp, h = (b - a) / n, sum = 0.0;
    for (int i = 0; i <= n; i++) {
        double x = a + i * h;
        double p = exp(-0.5 * ((x - mp) / sp) * ((x - mp) / sp)) / (sqrt(2.0 * PI) * sp);
        double lnq = -0.5 * ((x - mq) / sq) * ((x - mq) / sq) - log(sqrt(2.0 * PI) * sq);
        double w = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
        sum += w * p * -lnq;
    }
    return sum * h / 3.0;
}

START_TEST(closed_form_matches_integration)
{
    for (int k = 0; k < NCASES; k++) {
        xl_gauss g;
        xl_gauss_init(&g, cases[k][0], cases[k][1]);
        double th[2];
        theta_of_case(k, th);
        double num = simpson_neg_p_log(cases[k][0], cases[k][1], cases[k][2], cases[k][3], 4000);
        double cf = xl_gauss_loss(&g, th);
        ck_assert_msg(fabs(num - cf) <= TOL_INTEGRAL * fmax(1.0, fabs(cf)),
                      "case %d: H(p,q) closed %.15g, integrated %.15g", k, cf, num);
        double hnum = simpson_neg_p_log(cases[k][0], cases[k][1], cases[k][0], cases[k][1], 4000);
        double h = xl_gauss_entropy(&g);
        ck_assert_msg(fabs(hnum - h) <= TOL_INTEGRAL * fmax(1.0, fabs(h)), "case %d: H(p) closed %.15g, integrated %.15g",
                      k, h, hnum);
        double sp, mm;
        xl_gauss_terms(&g, th, &sp, &mm);
        ck_assert_double_eq_tol(sp + mm, cf, TOL_EXACT);
        ck_assert_double_eq_tol(sp, 0.5 * log(2.0 * PI * cases[k][3] * cases[k][3]), TOL_EXACT);
    }
}
END_TEST

START_TEST(gradient_matches_central_differences)
{
    for (int k = 0; k < NCASES; k++) {
        xl_gauss g;
        xl_gauss_init(&g, cases[k][0], cases[k][1]);
        double th[2], grad[2];
        theta_of_case(k, th);
        xl_gauss_gradient(&g, th, grad);
        for (int i = 0; i < 2; i++) {
            double h = 1e-6 * fmax(1.0, fabs(th[i])) * (i == 0 ? cases[k][3] : 1.0);
            double tp[2] = {th[0], th[1]}, tm[2] = {th[0], th[1]};
            tp[i] += h;
            tm[i] -= h;
            double fd = (xl_gauss_loss(&g, tp) - xl_gauss_loss(&g, tm)) / (2.0 * h);
            ck_assert_msg(fabs(fd - grad[i]) <= TOL_GRAD * fmax(1.0, fabs(grad[i])),
                          "case %d param %d: gradient %.12g, differences %.12g", k, i, grad[i], fd);
        }
    }
}
END_TEST

static xl_session *gauss_session(double lr, const char *param, double value)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &xl_scenario_gaussian);
    d.lr = lr;
    if (param) d.params[xl_scenario_param_index(&xl_scenario_gaussian, param)] = value;
    char err[192] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "no gaussian session: %s", err);
    return s;
}

static double readout(const xl_session *s, const char *name)
{
    double all[XL_READOUTS_MAX];
    int i = xl_scenario_readout_index(xl_session_scenario(s), name);
    ck_assert_msg(i >= 0, "no readout '%s'", name);
    xl_session_readouts(s, all);
    return all[i];
}

static int apply_text(xl_session *s, const char *text)
{
    xl_command c;
    char err[160];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s' does not parse: %s", text, err);
    return xl_session_apply(s, c);
}

START_TEST(record_is_registered_with_its_tables)
{
    const xl_scenario_def *def = xl_scenario_find("gaussian");
    ck_assert_ptr_eq(def, &xl_scenario_gaussian);
    ck_assert_ptr_eq(xl_scenario_at(3), &xl_scenario_gaussian); /* softmax, logistic, weighted, gaussian */
    ck_assert_str_eq(def->title, "Gaussians");
    const char *names[] = {"loss", "entropy", "kl", "mu_p", "sigma_p", "mu_q", "sigma_q", "spread", "mismatch"};
    ck_assert_int_eq(def->readout_count, 10);
    for (int i = 0; i < 9; i++) ck_assert_str_eq(def->readouts[i].name, names[i]);
    ck_assert_str_eq(def->readouts[0].symbol, "H(p,q)");
    ck_assert_str_eq(def->readouts[2].symbol, "D_KL(p‖q)");
    ck_assert(def->panels & XL_PANEL_DATA);
    xl_session *s = gauss_session(XL_DEFAULT_LR, NULL, 0);
    xl_model m = xl_session_model(s);
    ck_assert_str_eq(xl_model_param_name(m, 0), "μ_q");
    ck_assert_str_eq(xl_model_param_name(m, 1), "log\u00a0σ_q");
    const double *th = xl_sim_theta(xl_session_sim(s));
    ck_assert_double_eq_tol(th[0], XL_SCN_GAUSS_MU_Q0, TOL_EXACT);
    ck_assert_double_eq_tol(exp(th[1]), XL_SCN_GAUSS_SIGMA_Q0, TOL_EXACT);
    ck_assert_double_eq_tol(readout(s, "mu_p"), XL_SCN_GAUSS_MU_P, TOL_EXACT);
    ck_assert_double_eq_tol(readout(s, "sigma_p"), XL_SCN_GAUSS_SIGMA_P, TOL_EXACT);
    double x, y;
    ck_assert_int_eq(def->slice_minimum(xl_session_state(s), th, 0, 1, &x, &y), 1);
    ck_assert_double_eq_tol(x, XL_SCN_GAUSS_MU_P, TOL_EXACT);
    ck_assert_double_eq_tol(y, log(XL_SCN_GAUSS_SIGMA_P), TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

START_TEST(descent_reaches_q_equals_p)
{
    xl_session *s = gauss_session(0.1, NULL, 0);
    xl_session_run(s, 3000);
    const double *th = xl_sim_theta(xl_session_sim(s));
    ck_assert_msg(fabs(th[0] - XL_SCN_GAUSS_MU_P) < TOL_FIT, "mu_q %.12g", th[0]);
    ck_assert_msg(fabs(exp(th[1]) - XL_SCN_GAUSS_SIGMA_P) < TOL_FIT, "sigma_q %.12g", exp(th[1]));
    double kl = readout(s, "kl");
    ck_assert_msg(kl >= 0.0 && kl < 1e-10, "kl %g", kl);
    ck_assert_double_eq_tol(readout(s, "loss"), readout(s, "entropy") + kl, TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

START_TEST(every_optimizer_lowers_the_loss)
{
    xl_gauss g;
    xl_gauss_init(&g, 5.0, 1.0);
    for (int k = XL_OPTIM_GD; k <= XL_OPTIM_ADAM; k++) {
        double th0[2] = {2.0, log(2.0)};
        xl_sim *sim = xl_sim_create(xl_gauss_model(&g), th0, 0.05);
        xl_optim_hyper hyper;
        memset(&hyper, 0, sizeof hyper);
        ck_assert_int_eq(xl_sim_set_optimizer(sim, (xl_optim_kind)k, hyper), 0);
        double before = xl_gauss_loss(&g, th0);
        xl_sim_step(sim, 200);
        double after = xl_sim_current(sim).loss;
        ck_assert_msg(after < before - 0.5, "%s: loss %g -> %g", xl_optim_kind_name((xl_optim_kind)k), before, after);
        ck_assert_msg(after >= xl_gauss_entropy(&g) - 1e-12, "below the floor: %g", after);
        xl_sim_destroy(sim);
    }
}
END_TEST

START_TEST(identity_holds_along_a_run)
{
    xl_session *s = gauss_session(XL_DEFAULT_LR, NULL, 0);
    for (int i = 0; i < 30; i++) {
        double l = readout(s, "loss"), h = readout(s, "entropy"), kl = readout(s, "kl");
        ck_assert_double_eq_tol(l, h + kl, TOL_EXACT);
        ck_assert_double_eq_tol(l, readout(s, "spread") + readout(s, "mismatch"), TOL_EXACT);
        ck_assert_msg(kl >= 0.0, "kl %g at step %d", kl, i);
        xl_session_run(s, 1);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(edits_of_p_and_refusals)
{
    xl_session *s = gauss_session(XL_DEFAULT_LR, NULL, 0);
    ck_assert_int_eq(apply_text(s, "p-up"), 1);
    ck_assert_double_eq_tol(readout(s, "mu_p"), 5.25, TOL_EXACT);
    ck_assert_int_eq(apply_text(s, "p-down"), 1);
    ck_assert_int_eq(apply_text(s, "p-down"), 1);
    ck_assert_double_eq_tol(readout(s, "mu_p"), 4.75, TOL_EXACT);
    ck_assert_int_eq(apply_text(s, "width-up"), 1);
    ck_assert_double_eq_tol(readout(s, "sigma_p"), 1.25, TOL_EXACT);
    ck_assert_int_eq(apply_text(s, "width-down"), 1);
    ck_assert_int_eq(apply_text(s, "width-down"), 1);
    ck_assert_double_eq_tol(readout(s, "sigma_p"), 0.8, TOL_EXACT);
    ck_assert_double_eq_tol(readout(s, "entropy"), 0.5 * log(2.0 * PI * EULER_E * 0.64), TOL_EXACT);
    /* The sim's floor follows the edit. */
    ck_assert_double_eq_tol(xl_sim_current(xl_session_sim(s)).floor, readout(s, "entropy"), TOL_EXACT);
    ck_assert_int_eq(apply_text(s, "p-restore"), 1);
    ck_assert_double_eq_tol(readout(s, "mu_p"), 5.0, TOL_EXACT);
    ck_assert_double_eq_tol(readout(s, "sigma_p"), 1.0, TOL_EXACT);
    /* Out of range: refused with a reason, P kept. */
    for (int i = 0; i < 200; i++) apply_text(s, "width-up");
    ck_assert_double_le(readout(s, "sigma_p"), XL_SCN_GAUSS_SIGMA_MAX * (1 + 1e-12));
    ck_assert_int_eq(apply_text(s, "width-up"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "σ_p") != NULL, "message '%s'", xl_session_message(s));
    for (int i = 0; i < 400; i++) apply_text(s, "width-down");
    ck_assert_double_ge(readout(s, "sigma_p"), XL_SCN_GAUSS_SIGMA_MIN * (1 - 1e-12));
    for (int i = 0; i < 200; i++) apply_text(s, "p-up");
    ck_assert_double_le(readout(s, "mu_p"), XL_SCN_GAUSS_MU_LIMIT);
    ck_assert_int_eq(apply_text(s, "p-up"), 0);
    /* Not this scenario's commands. */
    ck_assert_int_eq(apply_text(s, "flip"), 0);
    ck_assert_int_eq(apply_text(s, "uniform"), 0);
    /* Parameters out of range are refused by name. */
    ck_assert_int_eq(apply_text(s, "param sigma_p=0"), 0);
    ck_assert_int_eq(apply_text(s, "param mu_p=21"), 0);
    ck_assert_int_eq(apply_text(s, "param sigma_q0=11"), 0);
    ck_assert_int_eq(apply_text(s, "param mu_p=-3"), 1);
    ck_assert_double_eq_tol(readout(s, "mu_p"), -3.0, TOL_EXACT);
    xl_session_destroy(s);
}
END_TEST

START_TEST(narrow_p_huge_lr_never_nan)
{
    for (int k = XL_OPTIM_GD; k <= XL_OPTIM_ADAM; k++) {
        xl_session *s = gauss_session(100.0, "sigma_p", 0.01);
        char cmd[64];
        snprintf(cmd, sizeof cmd, "optimizer %s", xl_optim_kind_name((xl_optim_kind)k));
        ck_assert_int_eq(apply_text(s, cmd), 1);
        for (int i = 0; i < 200; i++) {
            xl_session_run(s, 1);
            const xl_sim *sim = xl_session_sim(s);
            const double *th = xl_sim_theta(sim);
            ck_assert_msg(isfinite(th[0]) && isfinite(th[1]), "%s step %d: theta %g %g", cmd, i, th[0], th[1]);
            double all[XL_READOUTS_MAX];
            xl_session_readouts(s, all);
            /* Finite, not only not NaN: sigma_q once overflowed to inf (null in the trace). */
            for (int r = 0; r < xl_scenario_gaussian.readout_count; r++)
                ck_assert_msg(isfinite(all[r]), "%s step %d: readout %s is %g", cmd, i,
                              xl_scenario_gaussian.readouts[r].name, all[r]);
            xl_sample cur = xl_sim_current(sim);
            ck_assert_msg(!isnan(cur.loss), "%s: NaN loss", cmd);
            if (xl_sim_status_get(sim) == XL_SIM_DIVERGED) {
                ck_assert_int_ge(xl_sim_diverged_at(sim), 0);
                break;
            }
            ck_assert_msg(isfinite(cur.loss), "%s: loss %g while OK", cmd, cur.loss);
        }
        xl_bars b;
        xl_session_bars(s, &b);
        for (int i = 0; i < b.n; i++) ck_assert_msg(!isnan(b.logq[i]) && !isnan(b.p[i]), "%s: bar %d NaN", cmd, i);
        xl_session_destroy(s);
    }
    /* The extremes of log sigma_q themselves. */
    xl_gauss g;
    xl_gauss_init(&g, 5.0, 0.01);
    double grad[2];
    double hi[2] = {2.0, 700.0}, lo[2] = {2.0, -700.0};
    ck_assert(isfinite(xl_gauss_loss(&g, hi)));
    ck_assert(xl_gauss_loss(&g, lo) == INFINITY);
    xl_gauss_gradient(&g, hi, grad);
    ck_assert(isfinite(grad[0]) && isfinite(grad[1]));
    xl_gauss_gradient(&g, lo, grad);
    ck_assert(!isnan(grad[0]) && !isnan(grad[1]));
}
END_TEST

/* Issue 19.4: with a narrow P the default lr 0.5 is above min(2 sigma_p^2, 1), the largest
 * step that settles at Q = P; the readout lr_stable says so, the run never settles above
 * it and does below it, and the local limit equals it at the minimum. */
START_TEST(stability_limit_decides_settling)
{
    const double lrs[2] = {0.5, 0.3};
    for (int k = 0; k < 2; k++) {
        xl_session *s = gauss_session(lrs[k], NULL, 0);
        ck_assert_double_eq_tol(readout(s, "lr_stable"), 1.0, TOL_EXACT); /* sigma_p = 1: log sigma_q binds */
        ck_assert_int_eq(apply_text(s, "set-normal 1.5,0.4"), 1);
        ck_assert_double_eq_tol(readout(s, "lr_stable"), 0.32, TOL_EXACT);
        xl_session_run(s, 1000);
        double kl = readout(s, "kl");
        if (k == 0)
            ck_assert_msg(kl > 1e-3, "lr 0.5 > 0.32 settled: kl %g", kl);
        else
            ck_assert_msg(kl < 1e-12, "lr 0.3 < 0.32 did not settle: kl %g", kl);
        xl_session_destroy(s);
    }
    xl_gauss g;
    xl_gauss_init(&g, 1.5, 0.4);
    double at_min[2] = {1.5, log(0.4)};
    ck_assert_double_eq_tol(xl_gauss_lr_here(&g, at_min), 0.32, TOL_EXACT);
    xl_gauss_init(&g, 5.0, 1.0);
    double at_min1[2] = {5.0, 0.0};
    ck_assert_double_eq_tol(xl_gauss_lr_here(&g, at_min1), 1.0, TOL_EXACT);
    /* sigma_q0 = 0.1 V, mu_q0 = 2 V: M = [[1, 6], [6, 20]], lambda = 10.5 + sqrt(9.5^2 + 36). */
    double start[2] = {2.0, log(0.1)};
    ck_assert_double_eq_tol(xl_gauss_lr_here(&g, start), 0.02 / (10.5 + sqrt(9.5 * 9.5 + 36.0)), 1e-15);
}
END_TEST

/* Issue 19.4 / 19.6: no step and no move-to takes sigma_q out of 1e-6 .. 1e6 V, so it never
 * overflows: sigma_q0 = 0.1 with lr 0.05 once gave 4.9e20 V after one step, lr 10 gave
 * inf (null) from step 4, move-to 0,1e300 left inf for good. */
typedef struct heard {
    int calls;
    long last_step;
} heard;

static void hear(const xl_sample *smp, void *user)
{
    heard *h = user;
    h->calls++;
    h->last_step = smp->step;
}

START_TEST(sigma_q_stays_in_its_domain)
{
    xl_session *s = gauss_session(0.05, "sigma_q0", 0.1);
    heard h = {0, -1};
    xl_session_set_observer(s, hear, &h);
    xl_session_run(s, 3);
    const xl_sim *sim = xl_session_sim(s);
    ck_assert_int_eq(xl_sim_status_get(sim), XL_SIM_DIVERGED);
    ck_assert_int_eq(xl_sim_diverged_at(sim), 1);
    /* The observer (the trace) hears of the refused step once, with the last step taken. */
    ck_assert_int_eq(h.calls, 1);
    ck_assert_int_eq(h.last_step, 0);
    ck_assert_double_eq_tol(readout(s, "sigma_q"), 0.1, TOL_EXACT);
    xl_session_destroy(s);

    s = gauss_session(10.0, NULL, 0);
    for (int i = 0; i < 10; i++) {
        xl_session_run(s, 1);
        double sq = readout(s, "sigma_q");
        ck_assert_msg(sq >= XL_GAUSS_SIGMA_Q_MIN && sq <= XL_GAUSS_SIGMA_Q_MAX, "step %d: sigma_q %g", i, sq);
    }
    ck_assert_int_eq(xl_sim_status_get(xl_session_sim(s)), XL_SIM_DIVERGED);
    xl_session_destroy(s);

    s = gauss_session(XL_DEFAULT_LR, NULL, 0);
    ck_assert_int_eq(apply_text(s, "move-to 0,1e300"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "outside the model") != NULL, "message '%s'", xl_session_message(s));
    ck_assert_int_eq(apply_text(s, "move-to 0,14"), 0); /* e^14 V > 1e6 V */
    ck_assert_int_eq(apply_text(s, "start-at 0,-14"), 0);
    ck_assert_double_eq_tol(readout(s, "sigma_q"), XL_SCN_GAUSS_SIGMA_Q0, TOL_EXACT);
    ck_assert_int_eq(apply_text(s, "move-to 0,13"), 1);
    ck_assert_double_eq_tol(readout(s, "sigma_q"), exp(13.0), 1e-9 * exp(13.0));
    ck_assert_int_eq(xl_sim_status_get(xl_session_sim(s)), XL_SIM_OK);
    xl_session_destroy(s);
    /* The closed form itself is unbounded; only the model has the domain. */
    xl_gauss g;
    xl_gauss_init(&g, 5.0, 1.0);
    double far[2] = {2.0, 20.0};
    ck_assert(isfinite(xl_gauss_loss(&g, far)));
    xl_model m = xl_gauss_model(&g);
    ck_assert(m.ops->loss(m.self, far) == INFINITY);
}
END_TEST

/* Mass of [a, b] under N(mu, s^2) by erfc where it is representable. */
static double mass_ref(double mu, double s, double a, double b)
{
    return 0.5 * (erfc((a - mu) / (s * SQRT2)) - erfc((b - mu) / (s * SQRT2)));
}

START_TEST(bars_masses_and_tails)
{
    xl_session *s = gauss_session(XL_DEFAULT_LR, NULL, 0);
    xl_bars b;
    xl_session_bars(s, &b);
    ck_assert_int_eq(b.n, XL_SCN_GAUSS_BINS);
    ck_assert_str_eq(b.title, "VOLTAGE BINS");
    ck_assert_str_eq(b.names[XL_SCN_GAUSS_BINS / 2], "5 V");
    ck_assert_str_eq(b.names[XL_SCN_GAUSS_BINS / 2 - 1], "4.5 V");
    double sp = 0.0, sq = 0.0;
    for (int i = 0; i < b.n; i++) {
        sp += b.p[i];
        sq += exp(b.logq[i]);
        ck_assert(isfinite(b.logq[i]));
    }
    ck_assert_double_eq_tol(sp, 1.0, 1e-12);
    ck_assert_double_eq_tol(sq, 1.0, 1e-12);
    /* The middle bin of P: [4.75, 5.25]. */
    ck_assert_double_eq_tol(b.p[XL_SCN_GAUSS_BINS / 2], mass_ref(5.0, 1.0, 4.75, 5.25), 1e-15);
    /* Tails: exact against erfc while representable, finite and true beyond. */
    const double z[] = {5.0, 20.0, 34.0, 36.0, 37.5};
    for (int i = 0; i < 5; i++) {
        double lm = xl_gauss_log_mass(0.0, 1.0, z[i], z[i] + 0.5);
        double ref = log(mass_ref(0.0, 1.0, z[i], z[i] + 0.5));
        ck_assert_msg(fabs(lm - ref) <= 1e-9 * fabs(ref), "z %g: log mass %.15g, erfc %.15g", z[i], lm, ref);
        double mirror = xl_gauss_log_mass(0.0, 1.0, -z[i] - 0.5, -z[i]);
        ck_assert_double_eq_tol(mirror, lm, 1e-12 * fabs(lm));
    }
    /* Far past underflow: ln T(z) ~ -z^2/2 - ln(z sqrt(2 pi)) for a half-open tail. */
    double far = xl_gauss_log_mass(0.0, 1.0, 1000.0, INFINITY);
    double approx = -0.5e6 - log(1000.0 * sqrt(2.0 * PI)) + log1p(-1e-6 + 3e-12);
    ck_assert_msg(isfinite(far) && fabs(far - approx) < 1e-9 * fabs(approx), "far tail %.15g vs %.15g", far, approx);
    /* A Q narrowed far from a bin: its bar's surprise is finite and large. */
    ck_assert_int_eq(apply_text(s, "param mu_q0=-20"), 1);
    ck_assert_int_eq(apply_text(s, "param sigma_q0=0.01"), 1);
    xl_session_bars(s, &b);
    int last = XL_SCN_GAUSS_BINS - 1;
    ck_assert_msg(isfinite(b.logq[last]) && b.logq[last] < -1e6, "logq of the top tail %g", b.logq[last]);
    /* A tiny interval around the mean of a very wide Q keeps its mass (no 1 - T - T). */
    double tiny = xl_gauss_log_mass(0.0, 1e300, -1.0, 1.0);
    ck_assert_double_eq_tol(tiny, log(2.0 / (sqrt(2.0 * PI) * 1e300)), 1e-12 * fabs(tiny));
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("scn_gaussian");
    TCase *tc = tcase_create("closed form");
    tcase_add_test(tc, closed_form_matches_integration);
    tcase_add_test(tc, gradient_matches_central_differences);
    suite_add_tcase(s, tc);
    tc = tcase_create("record and session");
    tcase_add_test(tc, record_is_registered_with_its_tables);
    tcase_add_test(tc, identity_holds_along_a_run);
    tcase_add_test(tc, edits_of_p_and_refusals);
    suite_add_tcase(s, tc);
    tc = tcase_create("learning");
    tcase_add_test(tc, descent_reaches_q_equals_p);
    tcase_add_test(tc, every_optimizer_lowers_the_loss);
    tcase_add_test(tc, narrow_p_huge_lr_never_nan);
    tcase_add_test(tc, stability_limit_decides_settling);
    tcase_add_test(tc, sigma_q_stays_in_its_domain);
    suite_add_tcase(s, tc);
    tc = tcase_create("bars");
    tcase_add_test(tc, bars_masses_and_tails);
    suite_add_tcase(s, tc);
    return s;
}
