/* bench: what xentlab-bench's sections share (bench.c): the clock, medians, timing a
 * function over many repetitions, and the PASS / MISS of a target. */
#ifndef BENCH_H
#define BENCH_H

extern char **environ;

/* Monotonic seconds. */
double bench_now_s(void);
/* Median of v[0..n-1] (sorts v); NAN when n <= 0. */
double bench_median(double *v, int n);

/* Time fn(ctx) repeatedly: `warmup` untimed calls, then at least min_reps timed ones,
 * continuing up to max_reps while the total stays under budget_s. Returns the median
 * seconds per call and the count in *reps. */
typedef void (*bench_fn)(void *ctx);
double bench_time_median(bench_fn fn, void *ctx, int warmup, int min_reps, int max_reps, double budget_s,
                         int *reps);

/* Grow *count until one call of fn takes at least ~2 ms, so timer overhead vanishes. */
void bench_calibrate(bench_fn fn, void *ctx, int *count);

/* A batch of `count` steps of a session: bench_run_session_batch's ctx. */
struct xl_session;
typedef struct bench_session_batch {
    struct xl_session *s;
    int count;
} bench_session_batch;
void bench_run_session_batch(void *ctx);

const char *bench_verdict(int ok); /* "PASS" or "MISS" */
void bench_print_rate(const char *label, double steps_per_s, int reps);

/* The sections in their own files. */
void bench_section_simulation(void); /* bench_sim.c */

#endif
