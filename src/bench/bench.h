/* bench: what xentlab-bench's sections share (bench.c, bench_frames.c): the clocks, medians, timing a
 * function over many repetitions, and the PASS / MISS of a target. */
#ifndef BENCH_H
#define BENCH_H

#include "ui_scene.h"

extern char **environ;

/* Monotonic seconds; this process's CPU seconds (all its threads). */
double bench_now_s(void);
double bench_cpu_s(void);
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

/* ---- bench_frames.c: frames as the program draws them, and interleaved timing. */

/* A median with its quartiles. */
typedef struct bench_spread {
    double median, q1, q3;
} bench_spread;
enum { BENCH_MAX_REPS = 64 };
bench_spread bench_spread_of(const double *v, int n);

/* One contender of an interleaved measure: fn(ctx) `count` times a repetition; filled
 * with the seconds per call of each repetition and their spreads. */
typedef struct bench_entry {
    bench_fn fn;
    void *ctx;
    int count;
    int reps;
    double wall[BENCH_MAX_REPS], cpu[BENCH_MAX_REPS];
    bench_spread wall_s, cpu_s;
} bench_entry;
/* `warmup` untimed calls of each, then `reps` repetitions of e[0], e[1], ... in turn. */
void bench_interleave(bench_entry *e, int n, int reps, int warmup);

/* How a frame reaches the user: the window (a dummy-driver window, SDL's software
 * renderer on its surface, presented), the export (an ARGB8888 surface, then YUV), or
 * a headless frame (the surface, as --screenshot draws it before its PNG). */
typedef enum bench_path { BENCH_WINDOW, BENCH_EXPORT, BENCH_HEADLESS } bench_path;

struct ui_frame_geom;
typedef struct bench_frame {
    bench_path path;
    int w, h;
    int playing;                  /* 1 (the default): a gradient step before each frame */
    SDL_Window *win;           /* BENCH_WINDOW */
    SDL_Surface *target;       /* BENCH_EXPORT, BENCH_HEADLESS */
    SDL_Renderer *r;
    ui_scene *sc;
    struct xl_session *s;         /* the default scene (seed 1), or a race of `race` */
    struct ui_frame_geom *geom;   /* BENCH_WINDOW: what the window's frame fills */
    unsigned char *yuv;           /* BENCH_EXPORT */
    ui_view view;
} bench_frame;
/* 0, or -1 with the reason printed. race: NULL, or e.g. "gd,momentum,nesterov,adam". */
int bench_frame_init(bench_frame *f, bench_path path, int w, int h, const char *fonts, const char *race);
void bench_frame_free(bench_frame *f);
void bench_frame_run(void *ctx); /* one frame of a bench_frame */
/* SDL's dummy video driver, whatever SDL_VIDEODRIVER says (the window path needs it). */
int bench_video_init(void);
void bench_video_quit(void);

/* Prints " frame X ms [..], Rx the default [..]  target ..." for f's playing window frame
 * against a fresh default scene's, interleaved over `reps` repetitions. */
void bench_against_default(bench_frame *f, int w, int h, const char *fonts, int reps);
void bench_section_frames(const char *fonts);
/* `frames` frames after `warm` steps and 20 untimed frames, for a profiler; fifos
 * "CTL,ACK" of perf record's --control (NULL: none) enable its events around them;
 * threads: the landscape's (ui_scene_set_threads), 0 for the default. Returns the exit
 * status. */
int bench_frame_loop(const char *fonts, int w, int h, long frames, bench_path path, int paused, long warm,
                     const char *fifos, int threads);

#endif
