/* bench_sim: the simulation section of xentlab-bench: gradient steps per second of the
 * session, of xl_sim on a generic N-class model (up to N = 1000), and of the numpy loop
 * issue 11 measures against. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "xl_info.h"
#include "xl_landscape.h"
#include "xl_scn_regression.h"
#include "xl_session.h"
#include "xl_sim.h"

/* A batch of `count` steps of an xl_sim. */
typedef struct sim_batch { xl_sim *sim; int count; } sim_batch;
static void run_sim_batch(void *ctx)
{
    sim_batch *b = ctx;
    xl_sim_step(b->sim, b->count);
}

static double bench_session_steps(int n, int *reps)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    int k = xl_scenario_param_index(d.scenario, "classes");
    if (k < 0) return NAN;
    d.params[k] = n;
    xl_session *s = xl_session_create(&d);
    if (!s) return NAN;
    bench_session_batch b = {s, 1};
    bench_calibrate(bench_run_session_batch, &b, &b.count);
    /* xl_session_run brings the view (the landscape grid, ~0.8 ms) up to date once at
     * its end, as a frame needs; batches of ~50 ms make that 2% of what is measured, so
     * the figure is the cost of a step. */
    b.count *= 25;
    double t = bench_time_median(bench_run_session_batch, &b, 1, 15, 400, 0.6, reps);
    xl_session_destroy(s);
    return b.count / t;
}

/* The generic model path: an N-class softmax classifier written against xl_model
 * alone, with the core's xl_info functions. Parameters are the logits z. It mirrors
 * xl_classifier's model on purpose: that one stores names and P inline and stops at
 * XL_MAX_CLASSES = 32 classes, and the benchmark needs N = 1000. */
typedef struct softmax_model { int n; double *p; } softmax_model;

static double sm_loss(const void *self, const double *z)
{
    const softmax_model *m = self;
    return xl_cross_entropy_logits(m->p, z, m->n);
}

static void sm_gradient(const void *self, const double *z, double *grad)
{
    const softmax_model *m = self;
    xl_softmax(z, m->n, grad); /* dL/dz_i = q_i - p_i */
    for (int i = 0; i < m->n; i++) grad[i] -= m->p[i];
}

static double sm_loss_gradient(const void *self, const double *z, double *grad)
{
    const softmax_model *m = self;
    return xl_cross_entropy_logits_grad(m->p, z, m->n, grad);
}

static unsigned long sm_version(const void *self)
{
    (void)self;
    return 1; /* P never changes here */
}

static double sm_floor(const void *self)
{
    const softmax_model *m = self;
    return xl_entropy(m->p, m->n, XL_NATS);
}

static int sm_param_count(const void *self)
{
    const softmax_model *m = self;
    return m->n;
}

static const xl_model_ops softmax_ops = { .id = "bench-softmax", .loss = sm_loss,
                                          .gradient = sm_gradient, .floor = sm_floor,
                                          .param_count = sm_param_count, .version = sm_version,
                                          .loss_gradient = sm_loss_gradient };

/* A soft P and logits in [-3, 3) from a fixed LCG, so every run is the same. */
static void fill_problem(int n, double *p, double *z)
{
    uint32_t x = 12345u;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        x = x * 1664525u + 1013904223u;
        p[i] = 0.1 + (double)(x >> 8) / (double)(1u << 24);
        sum += p[i];
        x = x * 1664525u + 1013904223u;
        z[i] = -3.0 + 6.0 * (double)(x >> 8) / (double)(1u << 24);
    }
    for (int i = 0; i < n; i++) p[i] /= sum;
}

/* Steps per second of xl_sim on the generic N-class model; NAN if xl_sim refuses N. */
static double bench_generic_sim(int n, int *reps)
{
    double *p = malloc(sizeof(double) * (size_t)n), *z = malloc(sizeof(double) * (size_t)n);
    double rate = NAN;
    if (p && z) {
        fill_problem(n, p, z);
        softmax_model m = {n, p};
        xl_model model = {&softmax_ops, &m};
        xl_sim *sim = xl_sim_create(model, z, 0.5);
        if (sim) {
            sim_batch b = {sim, 1};
            bench_calibrate(run_sim_batch, &b, &b.count);
            double t = bench_time_median(run_sim_batch, &b, 1, 15, 400, 0.6, reps);
            rate = b.count / t;
            xl_sim_destroy(sim);
        }
    }
    free(p);
    free(z);
    return rate;
}

/* Issue 23: one full-batch step of the softmax regression on the digits' training part
 * (about 1,258 rows x 64 pixels x 10 classes): the model alone under xl_sim (one fused
 * loss-and-gradient pass and the step), and the session's step, which also keeps the
 * scenario's record of train and test cross-entropy and accuracy (a pass over every row).
 * Seconds per step in *model_s and *session_s (medians, wall clock) and *cpu_s (the
 * least CPU time of the thread per step); 0, or -1 when the data are not found. */
static int regression_steps(double *model_s, double *cpu_s, double *session_s, int *reps, int *rows)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    xl_session_desc_set_scenario(&d, &xl_scenario_regression);
    d.params[xl_scenario_param_index(&xl_scenario_regression, "data")] = XL_REGRESSION_DIGITS;
    xl_session *s = xl_session_create(&d);
    if (!s) return -1;
    *rows = ((const xl_regression_state *)xl_session_state(s))->n_train;
    xl_sim *sim = xl_sim_create(xl_session_model(s), xl_sim_theta(xl_session_sim(s)), 0.5);
    if (!sim) {
        xl_session_destroy(s);
        return -1;
    }
    sim_batch b = {sim, 1};
    bench_calibrate(run_sim_batch, &b, &b.count);
    *model_s = bench_time_median(run_sim_batch, &b, 1, 15, 400, 0.6, reps) / b.count;
    /* The thread's own CPU time too: on a machine shared with other work the wall clock
     * counts the time the thread waited, the CPU clock only the step's. */
    double best = INFINITY;
    for (int r = 0; r < 15; r++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
        run_sim_batch(&b);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
        const double t = ((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9) / b.count;
        best = t < best ? t : best;
    }
    *cpu_s = best;
    xl_sim_destroy(sim);
    bench_session_batch sb = {s, 1};
    bench_calibrate(bench_run_session_batch, &sb, &sb.count);
    int session_reps = 0;
    *session_s = bench_time_median(bench_run_session_batch, &sb, 1, 15, 400, 0.6, &session_reps) / sb.count;
    xl_session_destroy(s);
    return 0;
}

/* The record's landscape (its fast hook) over 256 x 256 cells, the default grid, for
 * iris or the digits at a point 20 steps in: median seconds per fill, or NAN. */
typedef struct regression_fill {
    xl_session *s;
    xl_landscape *ls;
    double shift; /* moved each call, so every call fills */
} regression_fill;

static void run_regression_fill(void *ctx)
{
    regression_fill *f = ctx;
    f->shift = f->shift > 0.5 ? 0.0 : f->shift + 0.01;
    xl_scenario_regression.landscape(xl_session_state(f->s), f->ls, xl_sim_theta(xl_session_sim(f->s)), 0, 1,
                                     -4.0 + f->shift, 4.0, -4.0, 4.0);
}

static double regression_landscape_s(int data, int *reps)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    xl_session_desc_set_scenario(&d, &xl_scenario_regression);
    d.params[xl_scenario_param_index(&xl_scenario_regression, "data")] = data;
    xl_session *s = xl_session_create(&d);
    if (!s) return NAN;
    xl_session_run(s, 20);
    regression_fill f = {s, xl_landscape_create(XL_DEFAULT_GRID), 0.0};
    double t = NAN;
    if (f.ls) t = bench_time_median(run_regression_fill, &f, 1, 3, 20, 1.0, reps);
    xl_landscape_destroy(f.ls);
    xl_session_destroy(s);
    return t;
}

/* The same step in numpy, on random data of the digits' shape (the arithmetic does not
 * depend on the values): Z = X W^T + b, Q = softmax(Z), G = (Q - P)^T X / n + lambda W.
 * Steps per second, or NAN without python3 and numpy. */
static double numpy_regression_steps(int rows);

/* The reference of issue 11: a plain numpy loop z -= lr * (softmax(z) - p), run by the
 * system's python3 (Debian's, which has numpy) for about a second; steps per second, or
 * NAN when python3 or numpy is missing. */
static double run_python(const char *code);

static double numpy_regression_steps(int rows)
{
    char code[1024];
    snprintf(code, sizeof code,
             "import time, numpy as np\n"
             "rng = np.random.default_rng(1); n, d, k = %d, 64, 10\n"
             "X = rng.standard_normal((n, d)); y = rng.integers(0, k, n); P = np.eye(k)[y]\n"
             "W = np.zeros((k, d)); b = np.zeros(k); lr = 0.5; lam = 1e-3\n"
             "def step(W, b):\n"
             "    Z = X @ W.T + b; Z -= Z.max(axis=1, keepdims=True); E = np.exp(Z)\n"
             "    Q = E / E.sum(axis=1, keepdims=True)\n"
             "    loss = -(P * (Z - np.log(E.sum(axis=1, keepdims=True)))).sum() / n + 0.5 * lam * (W * W).sum()\n"
             "    R = (Q - P) / n; return W - lr * (R.T @ X + lam * W), b - lr * R.sum(axis=0), loss\n"
             "for _ in range(20): W, b, l = step(W, b)\n"
             "best = 0.0\n"
             "for _ in range(5):\n"
             "    m = 0; t0 = time.perf_counter()\n"
             "    while m < 200: W, b, l = step(W, b); m += 1\n"
             "    best = max(best, m / (time.perf_counter() - t0))\n"
             "print(best)\n",
             rows);
    return run_python(code);
}

static double numpy_steps(int n)
{
    char code[1024];
    snprintf(code, sizeof code,
             "import time, numpy as np\n"
             "rng = np.random.default_rng(1); n = %d\n"
             "p = rng.random(n); p /= p.sum(); z = rng.standard_normal(n); lr = 0.5\n"
             "def step(z):\n"
             "    e = np.exp(z - z.max()); q = e / e.sum(); return z - lr * (q - p)\n"
             "for _ in range(200): z = step(z)\n"
             "best = 0.0\n"
             "for _ in range(5):\n"
             "    k = 0; t0 = time.perf_counter()\n"
             "    while k < 4000: z = step(z); k += 1\n"
             "    best = max(best, k / (time.perf_counter() - t0))\n"
             "print(best)\n",
             n);
    return run_python(code);
}

/* Run code with the system's python3; the number it prints, or NAN. */
static double run_python(const char *code)
{
    static const char *const pythons[] = {"/usr/bin/python3", "python3"};
    /* Each python twice: one run has been seen to fail once on a busy machine. */
    for (size_t i = 0; i < 2 * (sizeof pythons / sizeof pythons[0]); i++) {
        const char *python = pythons[i / 2];
        int fds[2];
        if (pipe(fds) != 0) return NAN;
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
        posix_spawn_file_actions_addclose(&fa, fds[0]);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        char *argv[] = {(char *)python, "-c", (char *)code, NULL};
        pid_t pid;
        int rc = posix_spawnp(&pid, python, &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        close(fds[1]);
        if (rc != 0) {
            close(fds[0]);
            continue;
        }
        char buf[64] = "";
        size_t have = 0;
        for (;;) {
            ssize_t got = read(fds[0], buf + have, sizeof buf - 1 - have);
            if (got > 0) have += (size_t)got;
            else if (got < 0 && errno == EINTR) continue;
            if (got <= 0 || have == sizeof buf - 1) break;
        }
        buf[have] = '\0';
        close(fds[0]);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        if (have > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) return atof(buf);
    }
    return NAN;
}

void bench_section_simulation(void)
{
    printf("\nSimulation: gradient steps per second (median of batches)\n");
    int reps = 0;
    double r;
    r = bench_session_steps(10, &reps);
    bench_print_rate("N=10    xl_session_run", r, reps);
    r = bench_session_steps(32, &reps);
    bench_print_rate("N=32    xl_session_run (XL_MAX_CLASSES)", r, reps);
    static const int generic_n[] = {64, 1000};
    for (int i = 0; i < 2; i++) {
        char label[64];
        snprintf(label, sizeof label, "N=%-5d xl_sim, generic model", generic_n[i]);
        r = bench_generic_sim(generic_n[i], &reps);
        if (isnan(r)) printf("  %-40s not possible: xl_sim_create refuses it (XL_MAX_PARAMS = %d)\n", label, XL_MAX_PARAMS);
        else bench_print_rate(label, r, reps);
        if (generic_n[i] == 1000) {
            double np = numpy_steps(1000);
            if (isnan(np)) {
                printf("  %-40s not measured: python3 with numpy not found (apt-get install python3-numpy)\n",
                       "N=1000  numpy loop");
            } else {
                bench_print_rate("N=1000  numpy loop z -= lr (softmax(z) - p)", np, 5);
                printf("  %-40s %10.2f x   target >= 3x (issue 11): %s\n", "N=1000  xl_sim / numpy", r / np,
                       bench_verdict(r / np >= 3.0));
            }
        }
    }
    double model_s = NAN, cpu_s = NAN, session_s = NAN;
    int rows = 0;
    if (regression_steps(&model_s, &cpu_s, &session_s, &reps, &rows) != 0) {
        printf("  %-40s not measured: the digits (assets/data/digits.csv) not found\n", "regression, digits");
        return;
    }
    char label[64];
    snprintf(label, sizeof label, "digits %dx64x10 xl_sim step", rows);
    bench_print_rate(label, 1.0 / model_s, reps);
    printf("  %-40s %10.3f ms     target <= 0.5 ms (issue 23): %s\n", "  one full-batch step", model_s * 1e3,
           bench_verdict(model_s <= 0.5e-3));
    printf("  %-40s %10.3f ms     (the thread's CPU time, least of 15 batches)\n", "  one full-batch step, CPU", cpu_s * 1e3);
    bench_print_rate("digits session step (+ train/test record)", 1.0 / session_s, reps);
    for (int data = 0; data < 2; data++) {
        int lreps = 0;
        const double t = regression_landscape_s(data, &lreps);
        snprintf(label, sizeof label, "%s landscape %dx%d (fast fill)", data ? "digits" : "iris", XL_DEFAULT_GRID,
                 XL_DEFAULT_GRID);
        printf("  %-40s %10.2f ms     (%d reps)\n", label, t * 1e3, lreps);
    }
    const double np_rate = numpy_regression_steps(rows);
    if (isnan(np_rate)) {
        printf("  %-40s not measured: python3 with numpy not found (apt-get install python3-numpy)\n",
               "digits numpy step");
    } else {
        bench_print_rate("digits numpy step (same shape)", np_rate, 5);
        printf("  %-40s %10.2f x\n", "digits xl_sim / numpy", (1.0 / model_s) / np_rate);
    }
}
