/* xentlab-bench: how fast the pieces of xentlab are, as medians over many repetitions.
 *
 *   xentlab-bench [path/to/xentlab] [SECTION...]
 *   xentlab-bench --frames N [--size WxH] [--export] [--paused] [--threads N] [--warm STEPS] [--perf-fifos CTL,ACK]
 *
 * The xentlab executable defaults to the one beside this program; SECTION is any of
 * sim, landscape, frames, scenarios, export, start (default: all of them).
 *
 * Measures simulation steps per second, landscape recompute time, frames as the window
 * and the exporter draw them against the memcpy floor in and out of cache
 * (bench_frames.c), time from process start to the first frame, and peak memory.
 * Targets are printed with PASS or MISS next to the figures; the exit status is 0
 * whatever they show (a benchmark reports, it does not fail). --frames draws N frames
 * and prints their time, nothing else: the loop a profiler watches
 * (scripts/profile_frame.sh).
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ui_assets.h"
#include "ui_library.h"
#include "ui_png.h"
#include "ui_scene.h"
#include "xl_classifier.h"
#include "ui_yuv.h"
#include "xl_recording.h"
#include "xl_info.h"
#include "xl_landscape.h"
#include "xl_session.h"
#include "xl_sim.h"

#ifndef XL_VERSION
#define XL_VERSION "(dev)"
#endif

/* Targets (issue 11; the frames' are in bench_frames.c). */
#define TARGET_FIRST_FRAME_MS 15.0      /* process start (exec included) to the first frame */
#define TARGET_SCREENSHOT_MS 30.0       /* `--headless --screenshot` in all */
#define TARGET_PEAK_RSS_MB 20.0         /* peak RSS of xentlab drawing one 1080p frame */

enum { MAX_SAMPLES = 4096 };

static volatile unsigned sink; /* keeps measured work from being optimized away */

double bench_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of v[0..n-1] (sorts v). */
double bench_median(double *v, int n)
{
    if (n <= 0) return NAN;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* Time fn(ctx) repeatedly: `warmup` untimed calls, then at least min_reps timed ones,
 * continuing up to max_reps while the total stays under budget_s. Returns the median
 * seconds per call and the count in *reps. */
double bench_time_median(bench_fn fn, void *ctx, int warmup, int min_reps, int max_reps,
                          double budget_s, int *reps)
{
    static double samples[MAX_SAMPLES];
    if (max_reps > MAX_SAMPLES) max_reps = MAX_SAMPLES;
    for (int i = 0; i < warmup; i++) fn(ctx);
    double start = bench_now_s();
    int n = 0;
    while (n < max_reps && (n < min_reps || bench_now_s() - start < budget_s)) {
        double t0 = bench_now_s();
        fn(ctx);
        samples[n++] = bench_now_s() - t0;
    }
    if (reps) *reps = n;
    return bench_median(samples, n);
}

const char *bench_verdict(int ok) { return ok ? "PASS" : "MISS"; }

void bench_print_rate(const char *label, double steps_per_s, int reps)
{
    printf("  %-40s %10.3f M steps/s  (%7.1f ns/step, %d reps)\n", label, steps_per_s * 1e-6,
           1e9 / steps_per_s, reps);
}

void bench_run_session_batch(void *ctx)
{
    bench_session_batch *b = ctx;
    xl_session_run(b->s, b->count);
}

void bench_calibrate(bench_fn fn, void *ctx, int *count)
{
    *count = 1;
    for (;;) {
        double t0 = bench_now_s();
        fn(ctx);
        if (bench_now_s() - t0 >= 2e-3 || *count >= (1 << 24)) return;
        *count *= 2;
    }
}

/* ---------------------------------------------------------------- landscape */

typedef struct landscape_ctx {
    xl_landscape *ls;
    xl_classifier c;
    double z[XL_MAX_CLASSES];
    long rep;
} landscape_ctx;

static void run_landscape(void *ctx)
{
    landscape_ctx *l = ctx;
    /* A new z every time, so the cache cannot short-circuit the fill. */
    l->z[3] = 0.25 + 1e-3 * (double)(l->rep++ % 1000);
    if (xl_classifier_landscape(l->ls, &l->c, l->z, 0, 1, -6.0, 6.0) != 1)
        sink += 1000; /* would mean a cached (unmeasured) fill; reported below */
}

static void section_landscape(void)
{
    printf("\nLandscape recompute: xl_landscape_compute_classifier, 5 classes, new z each time\n");
    static const int sizes[] = {256, 512};
    for (int k = 0; k < 2; k++) {
        int g = sizes[k];
        landscape_ctx l;
        memset(&l, 0, sizeof l);
        l.ls = xl_landscape_create(g);
        if (!l.ls || xl_classifier_init(&l.c, 5) != 0) {
            printf("  G=%d: cannot create the landscape\n", g);
            xl_landscape_destroy(l.ls);
            continue;
        }
        static const double p[5] = {0.5, 0.2, 0.15, 0.1, 0.05};
        static const double z[5] = {0.3, -1.2, 2.0, 0.25, -0.7};
        memcpy(l.c.p, p, sizeof p);
        memcpy(l.z, z, sizeof z);
        unsigned before = sink;
        int reps = 0;
        double t = bench_time_median(run_landscape, &l, 2, 10, 300, 1.0, &reps);
        printf("  G=%-4d %9.3f ms per recompute  (%5.1f ns/cell, %d reps)%s\n", g, t * 1e3,
               t * 1e9 / ((double)g * g), reps,
               sink != before ? "  [some fills were cached!]" : "");
        xl_landscape_destroy(l.ls);
    }
}

/* ---------------------------------------------------------------- scenarios */

/* Each registered scenario at its defaults: session steps per second (the view brought
 * up to date once per ~50 ms batch) and its playing window frame at 1280x720, interleaved
 * with the default scene's. */
static void section_scenarios(const char *fonts)
{
    printf("\nScenarios at their defaults (gradient descent where something learns): steps per second;\n"
           "window frame playing at 1280x720 against the default scene's, median [interquartile range] of 9 interleaved repetitions\n");
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        xl_session_desc d;
        xl_session_desc_default(&d, 0);
        if (def != d.scenario) xl_session_desc_set_scenario(&d, def);
        xl_session *s = xl_session_create(&d);
        if (!s) {
            printf("  %-12s cannot be created\n", def->id);
            continue;
        }
        bench_session_batch b = {s, 1};
        int reps = 0;
        bench_calibrate(bench_run_session_batch, &b, &b.count);
        b.count *= 25;
        double t = bench_time_median(bench_run_session_batch, &b, 1, 5, 100, 0.6, &reps);
        xl_session_destroy(s);
        printf("  %-12s %8.3f M steps/s (%7.1f ns/step) ", def->id, b.count / t / 1e6, t / b.count * 1e9);
        bench_frame f;
        if (bench_frame_init(&f, BENCH_WINDOW, 1280, 720, fonts, NULL) != 0) continue;
        xl_session_destroy(f.s);
        f.s = xl_session_create(&d);
        if (f.s) xl_session_apply(f.s, xl_command_make(XL_CMD_PLAY));
        if (f.s) bench_against_default(&f, 1280, 720, fonts, 9);
        else printf("\n");
        bench_frame_free(&f);
    }
}

/* ---------------------------------------------------------------- first frame */

/* In process: SDL init + font load + scene create + first draw and present (what
 * --headless --screenshot does before its PNG). */
static double first_frame_in_process(void)
{
    double t0 = bench_now_s();
    if (SDL_Init(0) != 0) return NAN;
    char fonts[2048], tried[4096];
    bench_frame f;
    if (ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) != 0 ||
        bench_frame_init(&f, BENCH_HEADLESS, 1280, 720, fonts, NULL) != 0) {
        SDL_Quit();
        return NAN;
    }
    f.playing = 0;
    bench_frame_run(&f);
    double t = bench_now_s() - t0;
    bench_frame_free(&f);
    SDL_Quit();
    return t;
}

/* Peak RSS of this process so far, in KiB (VmHWM), or -1. */
static long self_hwm_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
    fclose(f);
    return kib;
}

/* Run exe with args (NULL-terminated, at most 14, after argv[0]), stdout to /dev/null. Returns
 * wall seconds to exit, or NAN on failure (*status_out: wait status, or -errno if it
 * could not start). *maxrss_kib gets the child's ru_maxrss. */
static double spawn_timed(const char *exe, char *const *args, long *maxrss_kib, int *status_out)
{
    char *argv[16] = {(char *)exe};
    for (int i = 0; args[i] && i < 14; i++) argv[i + 1] = args[i];
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    double t0 = bench_now_s();
    int rc = posix_spawn(&pid, exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        *status_out = -rc;
        return NAN;
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            *status_out = -errno;
            return NAN;
        }
    }
    double t = bench_now_s() - t0;
    *maxrss_kib = ru.ru_maxrss;
    *status_out = status;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return NAN;
    return t;
}

enum { SPAWN_RUNS = 10 };

typedef struct spawn_stats {
    int n;                /* successful runs */
    double median_s;
    long maxrss_kib;      /* largest ru_maxrss of the runs */
    char error[512];      /* why a run failed, or "" */
} spawn_stats;

static void spawn_runs(const char *exe, char *const *args, spawn_stats *st)
{
    double wall[SPAWN_RUNS];
    memset(st, 0, sizeof *st);
    for (int i = 0; i < SPAWN_RUNS; i++) {
        long kib = 0;
        int status = 0;
        double t = spawn_timed(exe, args, &kib, &status);
        if (isnan(t)) {
            if (status < 0) snprintf(st->error, sizeof st->error, "cannot start %s: %s", exe, strerror(-status));
            else snprintf(st->error, sizeof st->error, "%s %s ... failed (wait status 0x%x)", exe, args[0], status);
            break;
        }
        wall[st->n++] = t;
        if (kib > st->maxrss_kib) st->maxrss_kib = kib;
    }
    st->median_s = bench_median(wall, st->n);
}

/* Median time of writing a drawn w x h frame as PNG (ui_png_write: what --screenshot adds). */
static double bench_png_encode(int w, int h, int *reps)
{
    char fonts[2048], tried[4096];
    if (ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) != 0) return NAN;
    bench_frame f;
    if (bench_frame_init(&f, BENCH_HEADLESS, w, h, fonts, NULL) != 0) return NAN;
    ui_scene_draw(f.sc, f.s, &f.view, f.w, f.h, NULL);
    SDL_RenderFlush(f.r);
    *reps = 0;
    double samples[5];
    for (int i = 0; i < 5; i++) {
        double t0 = bench_now_s();
        char err[128];
        if (ui_png_write("/tmp/xl-bench-encode.png", f.target->pixels, w, h, f.target->pitch, err, sizeof err) != 0)
            break;
        samples[(*reps)++] = bench_now_s() - t0;
    }
    remove("/tmp/xl-bench-encode.png");
    bench_frame_free(&f);
    return bench_median(samples, *reps);
}

static int frames_measured; /* the frames section ran: its memcpy buffers are in the peak */

static void section_first_frame(const char *exe, const spawn_stats *shot, const spawn_stats *bare,
                                const spawn_stats *big, long parent_hwm_kib, double cold)
{
    printf("\nStart-up to the first frame (1280x720)\n");
    if (!exe) printf("  xentlab executable not found: give its path as the first argument\n");
    if (exe && shot->n == 0) printf("  %s\n", shot->error);
    if (shot->n > 0) {
        printf("  process: spawn `xentlab --headless --screenshot /tmp/xl-bench-first.png`, wait for exit\n");
        printf("    %9.3f ms  median of %d (exec, dynamic loading, draw, PNG encoding, exit)   target <= %.0f ms: %s\n",
               shot->median_s * 1e3, shot->n, TARGET_SCREENSHOT_MS,
               bench_verdict(shot->median_s * 1e3 <= TARGET_SCREENSHOT_MS));
    }
    if (bare->n > 0)
        printf("    %9.3f ms  `xentlab --headless` (no frame): exec + loading + exit\n", bare->median_s * 1e3);
    int reps = 0;
    double png = bench_png_encode(1280, 720, &reps);
    if (!isnan(png))
        printf("    %9.3f ms  writing one 1280x720 frame as PNG in process (median of %d)\n", png * 1e3, reps);
    double warm[10];
    int nw = 0;
    for (int i = 0; i < 10; i++) {
        double t = first_frame_in_process();
        if (!isnan(t)) warm[nw++] = t;
    }
    double warm_median = bench_median(warm, nw);
    printf("  in process: SDL init + font search and load + scene create + first draw and present\n");
    printf("    %9.3f ms  first time in this process (measured before the other sections)\n"
           "    %9.3f ms  median of %d more (SDL_Quit between; SDL_ttf stays initialised)\n",
           cold * 1e3, warm_median * 1e3, nw);
    if (bare->n > 0 && !isnan(cold)) {
        /* exec + loading (the bare run, whose exit is short) plus the in-process frame. */
        double start = bare->median_s + cold;
        printf("  start to first frame: exec + loading + first frame in process\n");
        printf("    %9.3f ms  target < %.0f ms: %s\n", start * 1e3, TARGET_FIRST_FRAME_MS,
               bench_verdict(start * 1e3 < TARGET_FIRST_FRAME_MS));
    }

    printf("\nPeak memory (ru_maxrss)\n");
    if (big->n > 0) {
        double mb = (double)big->maxrss_kib / 1024.0;
        printf("  xentlab drawing one 1920x1080 frame %7.1f MB   target < %.0f MB: %s\n", mb,
               TARGET_PEAK_RSS_MB, bench_verdict(mb < TARGET_PEAK_RSS_MB));
        if (parent_hwm_kib >= big->maxrss_kib)
            printf("    (not meaningful: a spawned child's ru_maxrss includes the parent's peak at\n"
                   "     spawn, %.1f MB here)\n", (double)parent_hwm_kib / 1024.0);
    }
    if (shot->n > 0)
        printf("  xentlab drawing one 1280x720 frame  %7.1f MB\n", (double)shot->maxrss_kib / 1024.0);
    if (bare->n > 0)
        printf("  xentlab --headless, no frame        %7.1f MB\n", (double)bare->maxrss_kib / 1024.0);
    struct rusage self;
    getrusage(RUSAGE_SELF, &self);
    printf("  this benchmark (all of the above)   %7.1f MB%s\n", (double)self.ru_maxrss / 1024.0,
           frames_measured ? " (with the frames section's out-of-cache memcpy buffers)" : "");
}

/* ---------------------------------------------------------------- export */

#define TARGET_EXPORT_X_REALTIME 15.0 /* issue 27: lesson 4 exported at 1080p30, H.264, 15x real time or faster */
#define EXPORT_LESSON "04-cross-entropy"

/* In process, what the exporter draws: the lesson EXPORT_LESSON on the virtual clock at 30 fps, every
 * frame that changed drawn and converted to YUV (held frames reuse it). Returns the
 * seconds, or NAN; *frames the lesson's length in frames. */
static double export_draw_only(const char *fonts, int w, int h, long *frames, long *drawn)
{
    ui_library lib;
    ui_library_scan(&lib, fonts);
    char path[UI_LIBRARY_PATH], err[512];
    xl_lesson *l = malloc(sizeof *l);
    if (!l || ui_library_resolve(&lib, EXPORT_LESSON, path, sizeof path, err, sizeof err) != 0 ||
        ui_library_load(path, l) != 0) {
        free(l);
        return NAN;
    }
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d);
    xl_player *p = s ? xl_player_create(l, s) : NULL;
    bench_frame f;
    if (!p || bench_frame_init(&f, BENCH_HEADLESS, w, h, fonts, NULL) != 0) {
        xl_player_destroy(p);
        xl_session_destroy(s);
        free(l);
        return NAN;
    }
    uint8_t *yuv = calloc((size_t)w * h * 3 / 2, 1); /* read by the sink even if no frame is drawn */
    xl_recording *r = xl_recording_create(p, 30);
    ui_view view = {.theme = UI_THEME_LIGHT, .lesson = p, .recording = 1};
    *frames = *drawn = 0;
    double t0 = bench_now_s();
    while (r && yuv && xl_recording_next(r)) {
        if (*frames == 0 || xl_recording_changed(r)) {
            ui_scene_draw(f.sc, s, &view, w, h, NULL);
            SDL_RenderPresent(f.r);
            ui_yuv420_from_argb(f.target->pixels, f.target->pitch, w, h, yuv, yuv + (size_t)w * h,
                                yuv + (size_t)w * h * 5 / 4);
            (*drawn)++;
        }
        (*frames)++;
    }
    double t = bench_now_s() - t0;
    sink += yuv ? yuv[0] : 0;
    xl_recording_free(r);
    free(yuv);
    bench_frame_free(&f);
    xl_player_destroy(p);
    xl_session_destroy(s);
    free(l);
    return t;
}

static void section_export(const char *exe, const char *fonts)
{
    printf("\nLesson export: lesson %s at 30 fps (its real time is frames / 30 s)\n", EXPORT_LESSON);
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int i = 0; i < 2; i++) {
        const int w = sizes[i][0], h = sizes[i][1];
        long frames = 0, drawn = 0;
        double t = export_draw_only(fonts, w, h, &frames, &drawn);
        if (isnan(t) || frames == 0) {
            printf("  %dx%d: cannot set up the lesson (lessons folder not found?)\n", w, h);
            continue;
        }
        const double real = (double)frames / 30.0;
        printf("  %dx%d  %ld frames = %.1f s of video, %ld of them drawn (the rest held still)\n", w, h, frames, real,
               drawn);
        printf("    drawing only (in process, + YUV)   %7.2f s  %8.1f frames/s  %6.1fx real time\n", t, frames / t,
               real / t);
        if (!exe) continue;
        char size[32], out[256];
        snprintf(size, sizeof size, "%dx%d", w, h);
        static const char *const kinds[2] = {"drawing + PNG frames (process)   ", "drawing + H.264 via ffmpeg (process)"};
        for (int k = 0; k < 2; k++) {
            snprintf(out, sizeof out, k == 0 ? "/tmp/xl-bench-frames-%ld" : "/tmp/xl-bench-%ld.mp4", (long)getpid());
            /* Without the cards, so the process records the frames counted above (its
             * ratio to real time is taken on them). */
            char *args[] = {"--record", out, "--lesson", EXPORT_LESSON, "--size", size, "--cards", "none", "--force", NULL};
            long kib = 0;
            int status = 0;
            double wall = spawn_timed(exe, args, &kib, &status);
            if (isnan(wall)) {
                printf("    %s  failed (wait status 0x%x; is ffmpeg installed?)\n", kinds[k], status);
                continue;
            }
            const int target = k == 1 && h == 1080;
            printf("    %s %7.2f s  %8.1f frames/s  %6.1fx real time%s%s\n", kinds[k], wall, frames / wall, real / wall,
                   target ? "   target >= 15x: " : "", target ? bench_verdict(real / wall >= TARGET_EXPORT_X_REALTIME) : "");
            if (k == 0) {
                /* the frames folder (and nothing else: the name is this run's) */
                char *rm_args[] = {"rm", "-rf", "--", out, NULL};
                pid_t pid;
                if (posix_spawnp(&pid, "rm", NULL, NULL, rm_args, environ) == 0) waitpid(pid, NULL, 0);
            } else {
                unlink(out);
                char side[300];
                snprintf(side, sizeof side, "/tmp/xl-bench-%ld.srt", (long)getpid());
                unlink(side);
                snprintf(side, sizeof side, "/tmp/xl-bench-%ld.chapters.vtt", (long)getpid());
                unlink(side);
                snprintf(side, sizeof side, "/tmp/xl-bench-%ld.vtt", (long)getpid());
                unlink(side);
            }
        }
    }
}

/* ---------------------------------------------------------------- main */

/* The xentlab beside this executable, or NULL. */
static char *find_xentlab(char *buf, size_t n)
{
    char self[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0) return NULL;
    self[len] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash) return NULL;
    *slash = '\0';
    snprintf(buf, n, "%s/xentlab", self);
    return access(buf, X_OK) == 0 ? buf : NULL;
}

static const char *const sections[] = {"sim", "landscape", "frames", "scenarios", "export", "start"};

static int is_section(const char *name)
{
    for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++)
        if (strcmp(name, sections[k]) == 0) return 1;
    return 0;
}

/* Whether SECTION is to run: named on the command line, or nothing named at all. */
static int wanted(int argc, char **argv, int first, const char *section)
{
    if (first >= argc) return 1;
    for (int i = first; i < argc; i++)
        if (strcmp(argv[i], section) == 0) return 1;
    return 0;
}

/* xentlab-bench --frames N [--size WxH] [--export] [--paused] [--threads N] [--warm STEPS] [--perf-fifos CTL,ACK]. */
static int frame_loop_main(int argc, char **argv)
{
    long frames = 0, warm = 0;
    int w = 1280, h = 720, paused = 0, threads = 0;
    bench_path path = BENCH_WINDOW;
    const char *fifos = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i] ? argv[i] : "", *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (strcmp(a, "--frames") == 0 && v && (frames = strtol(v, &end, 10)) > 0 && frames <= 1000000 && !*end) i++;
        else if (strcmp(a, "--size") == 0 && v && sscanf(v, "%dx%d", &w, &h) == 2 && w >= 320 && h >= 240 &&
                 w <= 7680 && h <= 4320 && w % 2 == 0 && h % 2 == 0) i++;
        else if (strcmp(a, "--perf-fifos") == 0 && v) fifos = argv[++i];
        else if (strcmp(a, "--threads") == 0 && v && (threads = (int)strtol(v, &end, 10)) >= 1 && threads <= 4 && !*end)
            i++;
        else if (strcmp(a, "--warm") == 0 && v && (warm = strtol(v, &end, 10)) >= 0 && warm <= 10000000 && !*end) i++;
        else if (strcmp(a, "--export") == 0) path = BENCH_EXPORT;
        else if (strcmp(a, "--paused") == 0) paused = 1;
        else {
            fprintf(stderr, "xentlab-bench: --frames N (1 to 1000000) [--size WxH (even, 320x240 to 7680x4320)] "
                            "[--export] [--paused] [--threads 1..4] [--warm STEPS (0 to 10000000)] "
                            "[--perf-fifos CTL,ACK]: '%s'?\n", a);
            return 2;
        }
    }
    ui_assets_load_scenario_data();
    char fonts[2048], tried[4096];
    if (ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) != 0) {
        fprintf(stderr, "xentlab-bench: fonts not found. Tried:\n%s", tried);
        return 1;
    }
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "xentlab-bench: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    const int rc = bench_frame_loop(fonts, w, h, frames, path, paused, warm, fifos, threads);
    bench_video_quit();
    SDL_Quit();
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--frames") == 0) return frame_loop_main(argc, argv);
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        printf("usage: xentlab-bench [path/to/xentlab] [SECTION...]\n"
               "       xentlab-bench --frames N [--size WxH] [--export] [--paused] [--threads N] [--warm STEPS] [--perf-fifos CTL,ACK]\n"
               "SECTION: sim, landscape, frames, scenarios, export, start (default: all of them).\n"
               "Figures are medians of interleaved repetitions; see docs/performance.md.\n"
               "XENTLAB_BENCH_WHOLE=1 draws every frame whole (retained frames off), for comparison.\n");
        return 0;
    }
    double t_start = bench_now_s();
    char exe_buf[PATH_MAX + 16];
    /* The first argument is the xentlab to spawn unless it names a section. */
    const int first_section = argc > 1 && !is_section(argv[1]) ? 2 : 1;
    const char *exe = first_section == 2 ? argv[1] : NULL;
    for (int i = first_section; i < argc; i++) {
        if (!is_section(argv[i])) {
            fprintf(stderr, "xentlab-bench: unknown section '%s' (sim, landscape, frames, scenarios, export, start)\n",
                    argv[i]);
            return 2;
        }
    }
    if (!exe) exe = find_xentlab(exe_buf, sizeof exe_buf);
    setvbuf(stdout, NULL, _IOLBF, 0);
    /* The data sets a scenario reads (the regression's iris and digits), as xentlab does. */
    ui_assets_load_scenario_data();
    const int start = wanted(argc, argv, first_section, "start");
    /* The child processes first: on Linux a child's ru_maxrss starts from the RSS of
     * the parent it was spawned from, so the parent must still be small. */
    spawn_stats shot = {0}, bare = {0}, big = {0};
    long parent_hwm = self_hwm_kib();
    double cold_first = NAN;
    if (start) {
        if (exe) {
            char *shot_args[] = {"--headless", "--screenshot", "/tmp/xl-bench-first.png", NULL};
            char *bare_args[] = {"--headless", NULL};
            char *big_args[] = {"--headless", "--size", "1920x1080", "--screenshot", "/tmp/xl-bench-big.png", NULL};
            spawn_runs(exe, shot_args, &shot);
            spawn_runs(exe, bare_args, &bare);
            spawn_runs(exe, big_args, &big);
        }
        /* Then, while SDL, SDL_ttf and the fonts are untouched in this process. */
        cold_first = first_frame_in_process();
    }
    printf("xentlab-bench %s: medians over repetitions; wall time is CLOCK_MONOTONIC\n", XL_VERSION);

    if (wanted(argc, argv, first_section, "sim")) bench_section_simulation();
    if (wanted(argc, argv, first_section, "landscape")) section_landscape();

    const int frames = wanted(argc, argv, first_section, "frames"),
              scenarios = wanted(argc, argv, first_section, "scenarios"),
              export = wanted(argc, argv, first_section, "export");
    if (frames || scenarios || export) {
        /* Fonts first, in a short SDL session, so every section uses the same files. */
        char fonts[2048], tried[4096];
        if (ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) != 0) {
            printf("\nFonts not found, frames not measured. Tried:\n%s", tried);
        } else if (SDL_Init(0) != 0) {
            printf("\nSDL_Init failed: %s\n", SDL_GetError());
        } else {
            if (frames) bench_section_frames(fonts);
            frames_measured = frames;
            if (scenarios) section_scenarios(fonts);
            if (export) section_export(exe, fonts);
            bench_video_quit();
            SDL_Quit();
        }
    }
    if (start) section_first_frame(exe, &shot, &bare, &big, parent_hwm, cold_first);

    printf("\nbenchmark took %.1f s\n", bench_now_s() - t_start);
    return 0;
}
