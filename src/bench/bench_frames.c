/* bench_frames: xentlab-bench's frames, as the program draws them (bench.h).
 *
 * Two paths, each drawn as the program does it:
 *  - the window's: a window of SDL's dummy video driver, linear texture scaling, SDL's
 *    software renderer drawing into the window's surface (what ui_window.c's create_renderer falls back to when no
 *    GPU is there, as under Xvfb), ui_scene_draw with the frame's geometry, then
 *    SDL_RenderPresent. The dummy driver's present copies nothing, so an X server's copy
 *    of the window is not in this figure: scripts/bench_window.sh measures a real window.
 *  - the export's: an ARGB8888 surface with the software renderer (ui_export.c), the
 *    draw, SDL_RenderPresent and the conversion to YUV 4:2:0 that is piped to ffmpeg.
 * Neither reads pixels back. A playing frame has one gradient step before it (the scene
 * changes every frame); a paused one is drawn again with nothing changed.
 *
 * The floor is a memcpy of one frame's bytes: in cache (the same two buffers again) and
 * out of cache (pairs of frame-sized buffers rotated over a set twice the last-level
 * cache, so no buffer is still cached when its turn comes again).
 *
 * Every comparison is measured interleaved (A B A B ...): each repetition times a block
 * of frames of every contender in turn, and a ratio is taken within a repetition, so
 * the load on a shared machine falls on both sides of it. Figures are medians over the
 * repetitions with the interquartile range; wall time (CLOCK_MONOTONIC) beside the
 * process's CPU time (both threads: a helper paints the landscape's heatmap).
 */
#define _DEFAULT_SOURCE /* sysconf's cache sizes */
#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "ui_display.h"
#include "ui_hit.h"
#include "ui_platform.h"
#include "ui_scene.h"
#include "ui_yuv.h"
#include "xl_command.h"
#include "xl_landscape.h"
#include "xl_scenario.h"
#include "xl_session.h"

/* Targets (issue 27): a playing frame through the window's path. */
#define TARGET_WINDOW_MS_720 0.9       /* under 0.9 ms at 1280x720 */
#define TARGET_WINDOW_MS_1080 1.0      /* and 1.0 ms at 1920x1080 */
#define TARGET_X_FLOOR_720 8.0         /* within 8x the out-of-cache memcpy floor at 1280x720 */
#define TARGET_X_FLOOR_1080 6.0        /* and 6x at 1920x1080 */
#define TARGET_SCENARIO_X_DEFAULT 2.0  /* every scenario and a race within 2x the default frame */

#define RING_CAP_BYTES ((size_t)1 << 30) /* the out-of-cache set stays under 1 GiB */

static volatile unsigned sink; /* keeps measured work from being optimized away */

/* ---------------------------------------------------------------- statistics */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median and quartiles of v[0..n-1] (v is left as it was). */
bench_spread bench_spread_of(const double *v, int n)
{
    bench_spread s = {NAN, NAN, NAN};
    if (n <= 0 || n > BENCH_MAX_REPS) return s;
    double t[BENCH_MAX_REPS];
    memcpy(t, v, (size_t)n * sizeof *t);
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    /* linear interpolation between order statistics */
    double at[3] = {0.25, 0.5, 0.75}, out[3];
    for (int k = 0; k < 3; k++) {
        double pos = at[k] * (n - 1);
        int lo = (int)pos;
        int hi = lo + 1 < n ? lo + 1 : lo;
        out[k] = t[lo] + (pos - lo) * (t[hi] - t[lo]);
    }
    s.q1 = out[0];
    s.median = out[1];
    s.q3 = out[2];
    return s;
}

/* The spread of a[i] / b[i] over the repetitions. */
static bench_spread ratio_spread(const double *a, const double *b, int n)
{
    double r[BENCH_MAX_REPS];
    for (int i = 0; i < n && i < BENCH_MAX_REPS; i++) r[i] = a[i] / b[i];
    return bench_spread_of(r, n);
}

void bench_interleave(bench_entry *e, int n, int reps, int warmup)
{
    if (reps > BENCH_MAX_REPS) reps = BENCH_MAX_REPS;
    for (int w = 0; w < warmup; w++)
        for (int k = 0; k < n; k++) e[k].fn(e[k].ctx);
    for (int r = 0; r < reps; r++) {
        for (int k = 0; k < n; k++) {
            const double c0 = bench_cpu_s(), w0 = bench_now_s();
            for (int i = 0; i < e[k].count; i++) e[k].fn(e[k].ctx);
            const double w1 = bench_now_s(), c1 = bench_cpu_s();
            e[k].wall[r] = (w1 - w0) / e[k].count;
            e[k].cpu[r] = (c1 - c0) / e[k].count;
        }
    }
    for (int k = 0; k < n; k++) {
        e[k].reps = reps;
        e[k].wall_s = bench_spread_of(e[k].wall, reps);
        e[k].cpu_s = bench_spread_of(e[k].cpu, reps);
    }
}

/* "1.234 [1.100-1.400]" in ms. */
static void print_ms(bench_spread s)
{
    printf("%7.3f [%.3f-%.3f]", s.median * 1e3, s.q1 * 1e3, s.q3 * 1e3);
}

/* The verdict on the wall time's median, and on the CPU time's beside it: on a loaded
 * machine the wall time waits for a core and the CPU time is the steadier figure. */
static void print_verdict(double wall, double cpu, double target, const char *what)
{
    printf("   target %s: %s (CPU %s)\n", what, bench_verdict(wall <= target), bench_verdict(cpu <= target));
}

/* ---------------------------------------------------------------- frames */

static int video_state; /* 0 not tried, 1 up, -1 failed */
static int scale_now = -1; /* the value set: 1 linear, 0 nearest, -1 not known (SDL_Quit clears hints) */

int bench_video_init(void)
{
    if (video_state) return video_state > 0 ? 0 : -1;
    /* Headless whatever the environment says: the window of the dummy driver. */
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
    video_state = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0 ? 1 : -1;
    if (video_state < 0) printf("  SDL's dummy video driver: %s\n", SDL_GetError());
    return video_state > 0 ? 0 : -1;
}

void bench_video_quit(void)
{
    if (video_state > 0) SDL_QuitSubSystem(SDL_INIT_VIDEO);
    video_state = 0;
    scale_now = -1; /* the caller's SDL_Quit follows */
}

/* Texture scaling (the heatmap, the colour bar) as each program sets it: linear in the
 * window (ui_window_run), SDL's default, nearest, in the exporter and a headless frame.
 * A hint is global and read when a texture is made, and a scene makes some as it draws:
 * set before each frame, changed only when the path changes. */
static void scale_hint(bench_path path)
{
    const int want = path == BENCH_WINDOW;
    if (want == scale_now) return;
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, want ? "linear" : "nearest");
    scale_now = want;
}

void bench_frame_free(bench_frame *f)
{
    ui_scene_destroy(f->sc);
    if (f->r) SDL_DestroyRenderer(f->r);
    if (f->win) SDL_DestroyWindow(f->win);
    SDL_FreeSurface(f->target);
    xl_session_destroy(f->s);
    free(f->yuv);
    free(f->geom);
    memset(f, 0, sizeof *f);
}

int bench_frame_init(bench_frame *f, bench_path path, int w, int h, const char *fonts, const char *race)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    f->w = w;
    f->h = h;
    f->playing = 1;
    f->view.theme = UI_THEME_LIGHT;
    f->view.recording = path == BENCH_EXPORT; /* as the exporter's views */
    xl_session_desc d;
    xl_session_desc_default(&d, 1);
    char err[512] = "";
    f->s = xl_session_create(&d);
    if (f->s && race) {
        xl_command c = xl_command_name_arg(XL_CMD_RACE, race);
        if (!xl_session_apply(f->s, c)) snprintf(err, sizeof err, "race %s refused", race);
    }
    /* Playing, as the window is when it steps every frame: the status bar and the
     * control strip say so (a headless frame is a screenshot of the scene at rest). */
    if (f->s && path != BENCH_HEADLESS && !xl_session_apply(f->s, xl_command_make(XL_CMD_PLAY)))
        snprintf(err, sizeof err, "play refused");
    if (path == BENCH_WINDOW) {
        /* ui_window_run: a resizable window, linear scaling, and (no GPU) SDL's software
         * renderer on the window's own surface. */
        if (bench_video_init() == 0) {
            f->win = SDL_CreateWindow("xentlab-bench", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                      ui_platform_window_flags());
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
            f->r = f->win ? SDL_CreateRenderer(f->win, -1, SDL_RENDERER_SOFTWARE) : NULL;
        }
        f->geom = calloc(1, sizeof *f->geom);
    } else {
        f->target = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        f->r = f->target ? SDL_CreateSoftwareRenderer(f->target) : NULL;
        if (path == BENCH_EXPORT) f->yuv = malloc((size_t)w * (size_t)h * 3 / 2);
    }
    scale_hint(path);
    f->sc = f->r && !err[0] ? ui_scene_create(f->r, fonts, err, sizeof err) : NULL;
    if (!f->s || !f->sc || (path == BENCH_WINDOW && !f->geom) || (path == BENCH_EXPORT && !f->yuv)) {
        printf("  %dx%d: cannot set up drawing: %s\n", w, h, err[0] ? err : SDL_GetError());
        bench_frame_free(f);
        return -1;
    }
    /* As the window and the exporter draw: each frame redraws what changed since the
     * last (a headless screenshot is one frame, whole). XENTLAB_BENCH_WHOLE=1 draws
     * every frame whole, for comparison. */
    const char *whole = getenv("XENTLAB_BENCH_WHOLE");
    const int retain = !(whole && whole[0] == '1') && path != BENCH_HEADLESS;
    ui_scene_set_retain(f->sc, retain && (path != BENCH_WINDOW || ui_display_retains(f->r)));
    return 0;
}

/* The YUV conversion the exporter does for a changed frame. */
static void to_yuv(bench_frame *f)
{
    const size_t luma = (size_t)f->w * (size_t)f->h;
    ui_yuv420_from_argb(f->target->pixels, f->target->pitch, f->w, f->h, f->yuv, f->yuv + luma,
                        f->yuv + luma + luma / 4);
    sink += f->yuv[luma / 2];
}

void bench_frame_run(void *ctx)
{
    bench_frame *f = ctx;
    scale_hint(f->path);
    if (f->playing) xl_session_run(f->s, 1);
    if (f->path == BENCH_WINDOW) { /* ui_window.c's turn_draw */
        SDL_GetRendererOutputSize(f->r, &f->w, &f->h);
        f->view.px_per_point = ui_platform_pixels_per_point(f->win, f->w);
        ui_scene_draw(f->sc, f->s, &f->view, f->w, f->h, f->geom);
        ui_display_present(f->win, f->r, f->sc);
    } else {
        ui_scene_draw(f->sc, f->s, &f->view, f->w, f->h, NULL);
        SDL_RenderPresent(f->r);
        if (f->path == BENCH_EXPORT) to_yuv(f);
    }
}

/* A playing frame and a paused one of the same context, as two contenders. */
static void run_paused(void *ctx)
{
    bench_frame *f = ctx;
    const int was = f->playing;
    f->playing = 0;
    bench_frame_run(f);
    f->playing = was;
}

static void run_step_landscape(void *ctx)
{
    bench_frame *f = ctx;
    xl_session_run(f->s, 1);
    sink += (unsigned)xl_landscape_generation(xl_session_landscape(f->s));
}

static void run_yuv(void *ctx) { to_yuv(ctx); }

/* ---------------------------------------------------------------- the memcpy floor */

typedef struct floor_ring {
    uint8_t *mem;    /* pairs x (source, destination), each `bytes` long */
    size_t bytes;
    int pairs, next;
    unsigned k;
} floor_ring;

static int ring_init(floor_ring *c, size_t bytes, int pairs)
{
    memset(c, 0, sizeof *c);
    c->bytes = bytes;
    c->pairs = pairs;
    c->mem = malloc(bytes * 2 * (size_t)pairs);
    if (!c->mem) return -1;
    memset(c->mem, 0x5a, bytes * 2 * (size_t)pairs); /* every page mapped before timing */
    return 0;
}

static void run_memcpy(void *ctx)
{
    floor_ring *c = ctx;
    uint8_t *src = c->mem + (size_t)c->next * 2 * c->bytes, *dst = src + c->bytes;
    memcpy(dst, src, c->bytes);
    c->k = c->k * 1103515245u + 12345u;
    sink += dst[c->k % c->bytes];
    c->next = (c->next + 1) % c->pairs;
}

/* Bytes of the last-level cache, and where that came from; 0 if nothing says. */
static size_t llc_bytes(char *from, size_t n, int *level)
{
    size_t best = 0;
    *level = 0;
    for (int i = 0; i < 8; i++) {
        char path[128], type[32] = "", size[32] = "";
        int lv = 0;
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/level", i);
        FILE *fl = fopen(path, "r");
        if (!fl) continue;
        if (fscanf(fl, "%d", &lv) != 1) lv = 0;
        fclose(fl);
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/type", i);
        FILE *ft = fopen(path, "r");
        if (ft && fscanf(ft, "%31s", type) != 1) type[0] = '\0';
        if (ft) fclose(ft);
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", i);
        FILE *fs = fopen(path, "r");
        if (fs && fscanf(fs, "%31s", size) != 1) size[0] = '\0';
        if (fs) fclose(fs);
        char *end = NULL;
        unsigned long long v = strtoull(size, &end, 10);
        if (end && (*end == 'K' || *end == 'k')) v <<= 10;
        else if (end && *end == 'M') v <<= 20;
        if (strcmp(type, "Instruction") != 0 && lv >= *level && v > 0) {
            *level = lv;
            best = (size_t)v;
        }
    }
    if (best) {
        snprintf(from, n, "/sys/devices/system/cpu/cpu0/cache");
        return best;
    }
#ifdef _SC_LEVEL3_CACHE_SIZE
    static const int names[3] = {_SC_LEVEL3_CACHE_SIZE, _SC_LEVEL2_CACHE_SIZE, _SC_LEVEL1_DCACHE_SIZE};
    for (int i = 0; i < 3; i++) {
        long v = sysconf(names[i]);
        if (v > 0) {
            *level = 3 - i;
            snprintf(from, n, "sysconf");
            return (size_t)v;
        }
    }
#endif
    snprintf(from, n, "nothing says; assumed");
    *level = 3;
    return (size_t)64 << 20;
}

/* ---------------------------------------------------------------- the frames section */

enum { FRAME_REPS = 21, FRAMES_PER_BLOCK = 8, COPIES_PER_BLOCK = 8 };

static void print_row(const char *label, const bench_entry *e)
{
    printf("  %-40s", label);
    print_ms(e->wall_s);
    printf("  ");
    print_ms(e->cpu_s);
}

static void print_ratio(const char *label, const bench_entry *a, const bench_entry *b, double target)
{
    const bench_spread w = ratio_spread(a->wall, b->wall, a->reps), c = ratio_spread(a->cpu, b->cpu, a->reps);
    printf("  %-40s%6.1fx [%.1f-%.1f]     CPU %5.1fx [%.1f-%.1f]", label, w.median, w.q1, w.q3, c.median, c.q1, c.q3);
    if (target > 0) {
        char what[32];
        snprintf(what, sizeof what, "<= %.0fx", target);
        print_verdict(w.median, c.median, target, what);
    } else {
        printf("\n");
    }
}

static void frames_at(int w, int h, const char *fonts, size_t llc)
{
    bench_frame win, exp;
    if (bench_frame_init(&win, BENCH_WINDOW, w, h, fonts, NULL) != 0) return;
    if (bench_frame_init(&exp, BENCH_EXPORT, w, h, fonts, NULL) != 0) {
        bench_frame_free(&win);
        return;
    }
    const size_t bytes = (size_t)w * (size_t)h * 4;
    /* Sources and destinations together twice the cache: each buffer's turn comes after
     * more than a cache's worth of other bytes went through. */
    int pairs = (int)((2 * llc + 2 * bytes - 1) / (2 * bytes)) + 1;
    int capped = 0;
    if (pairs < 3) pairs = 3;
    if ((size_t)pairs * 2 * bytes > RING_CAP_BYTES) {
        pairs = (int)(RING_CAP_BYTES / (2 * bytes));
        capped = 1;
    }
    floor_ring in, out;
    if (ring_init(&in, bytes, 1) != 0 || ring_init(&out, bytes, pairs) != 0) {
        printf("  %dx%d: cannot allocate the memcpy buffers\n", w, h);
        free(in.mem);
        bench_frame_free(&win);
        bench_frame_free(&exp);
        return;
    }
    bench_entry e[6] = {
        {.fn = bench_frame_run, .ctx = &win, .count = FRAMES_PER_BLOCK},
        {.fn = run_paused, .ctx = &win, .count = FRAMES_PER_BLOCK},
        {.fn = bench_frame_run, .ctx = &exp, .count = FRAMES_PER_BLOCK},
        {.fn = run_paused, .ctx = &exp, .count = FRAMES_PER_BLOCK},
        {.fn = run_memcpy, .ctx = &in, .count = COPIES_PER_BLOCK},
        {.fn = run_memcpy, .ctx = &out, .count = COPIES_PER_BLOCK},
    };
    for (int i = 0; i < pairs; i++) run_memcpy(&out); /* one turn of the ring */
    bench_interleave(e, 6, FRAME_REPS, 3);
    const int k720 = h <= 720;

    char head[80];
    snprintf(head, sizeof head, "%dx%d (%d repetitions x %d)", w, h, FRAME_REPS, FRAMES_PER_BLOCK);
    printf("  %-40s%-23s%s\n", head, "wall ms", "CPU ms");
    char what[32];
    print_row("window, playing (step, draw, present)", &e[0]);
    snprintf(what, sizeof what, "< %.1f ms", k720 ? TARGET_WINDOW_MS_720 : TARGET_WINDOW_MS_1080);
    print_verdict(e[0].wall_s.median * 1e3, e[0].cpu_s.median * 1e3, k720 ? TARGET_WINDOW_MS_720 : TARGET_WINDOW_MS_1080,
                  what);
    print_row("window, paused (draw, present)", &e[1]);
    printf("\n");
    print_row("export, playing (step, draw, YUV)", &e[2]);
    printf("\n");
    print_row("export, paused (draw, YUV)", &e[3]);
    printf("\n");
    char label[80];
    snprintf(label, sizeof label, "memcpy %.1f MB, in cache", (double)bytes / 1e6);
    print_row(label, &e[4]);
    printf("\n");
    snprintf(label, sizeof label, "memcpy, out of cache (%d pairs, %.0f MB)", pairs, (double)pairs * 2 * bytes / 1e6);
    print_row(label, &e[5]);
    printf("%s\n", capped ? "  (set capped at 1 GiB: may be partly cached)" : "");
    print_ratio("window playing / out-of-cache memcpy", &e[0], &e[5],
                k720 ? TARGET_X_FLOOR_720 : TARGET_X_FLOOR_1080);
    print_ratio("window playing / in-cache memcpy", &e[0], &e[4], 0);
    print_ratio("export playing / out-of-cache memcpy", &e[2], &e[5], 0);

    bench_entry apart[2] = {
        {.fn = run_step_landscape, .ctx = &win, .count = FRAMES_PER_BLOCK},
        {.fn = run_yuv, .ctx = &exp, .count = FRAMES_PER_BLOCK},
    };
    bench_interleave(apart, 2, 11, 1);
    printf("  measured apart: step + landscape %.3f ms (CPU %.3f), YUV conversion %.3f ms (CPU %.3f)\n",
           apart[0].wall_s.median * 1e3, apart[0].cpu_s.median * 1e3, apart[1].wall_s.median * 1e3,
           apart[1].cpu_s.median * 1e3);
    free(in.mem);
    free(out.mem);
    bench_frame_free(&win);
    bench_frame_free(&exp);
}

/* A contender against the default scene's playing window frame, interleaved: prints
 * its frame and the ratio with its verdict. */
void bench_against_default(bench_frame *f, int w, int h, const char *fonts, int reps)
{
    bench_frame def;
    if (bench_frame_init(&def, BENCH_WINDOW, w, h, fonts, NULL) != 0) return;
    bench_entry e[2] = {
        {.fn = bench_frame_run, .ctx = f, .count = 5},
        {.fn = bench_frame_run, .ctx = &def, .count = 5},
    };
    bench_interleave(e, 2, reps, 2);
    const bench_spread r = ratio_spread(e[0].wall, e[1].wall, e[0].reps), c = ratio_spread(e[0].cpu, e[1].cpu, e[0].reps);
    printf(" frame %6.3f ms [%.3f-%.3f], %.2fx the default [%.2f-%.2f], CPU %.2fx", e[0].wall_s.median * 1e3,
           e[0].wall_s.q1 * 1e3, e[0].wall_s.q3 * 1e3, r.median, r.q1, r.q3, c.median);
    char what[32];
    snprintf(what, sizeof what, "<= %.0fx", TARGET_SCENARIO_X_DEFAULT);
    print_verdict(r.median, c.median, TARGET_SCENARIO_X_DEFAULT, what);
    bench_frame_free(&def);
}

void bench_section_frames(const char *fonts)
{
    char from[64];
    int level = 0;
    const size_t llc = llc_bytes(from, sizeof from, &level);
    double load = -1.0;
    FILE *la = fopen("/proc/loadavg", "r");
    if (la && fscanf(la, "%lf", &load) != 1) load = -1.0;
    if (la) fclose(la);
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    printf("\nFrames, as the program draws them; median [interquartile range] of interleaved repetitions\n"
           "  window: a step, the scene drawn by SDL's software renderer into the window's surface, presented\n"
           "    (SDL's dummy video driver: the present copies nothing; scripts/bench_window.sh measures a real window)\n"
           "  export: a step, the scene drawn into an ARGB8888 surface, converted to YUV 4:2:0 for ffmpeg\n"
           "  paused: the same frame drawn again with nothing changed\n"
           "  floor: memcpy of one frame; out of cache: rotating over twice the last-level cache, L%d %.0f MiB (%s)\n",
           level, (double)llc / (1 << 20), from);
    if (load >= 0.0 && cores > 0)
        printf("  load average %.1f on %ld cores%s\n", load, cores,
               load > 0.75 * (double)cores ? ": busy, wall times wait for a core; the ratios and CPU times count" : "");
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int k = 0; k < 2; k++) frames_at(sizes[k][0], sizes[k][1], fonts, llc);
    /* Issue 6: a race of the four optimizers draws four paths and four loss curves. */
    for (int k = 0; k < 2; k++) {
        bench_frame f;
        if (bench_frame_init(&f, BENCH_WINDOW, sizes[k][0], sizes[k][1], fonts, "gd,momentum,nesterov,adam") != 0)
            continue;
        printf("  %dx%d, a race of gd, momentum, nesterov and adam, window playing:\n   ", sizes[k][0], sizes[k][1]);
        bench_against_default(&f, sizes[k][0], sizes[k][1], fonts, 11);
        bench_frame_free(&f);
    }
}

/* ---------------------------------------------------------------- a loop for profilers */

/* perf record --control fifo:CTL,ACK: "enable" or "disable", then wait for its "ack". */
static void perf_control(const char *fifos, const char *what)
{
    if (!fifos) return;
    char ctl[512];
    snprintf(ctl, sizeof ctl, "%s", fifos);
    char *ack = strchr(ctl, ',');
    if (ack) *ack++ = '\0';
    int fd = open(ctl, O_WRONLY | O_NONBLOCK);
    if (fd < 0) {
        fprintf(stderr, "xentlab-bench: --perf-fifos: %s: %s (is perf reading it?)\n", ctl, strerror(errno));
        return;
    }
    char line[32];
    int n = snprintf(line, sizeof line, "%s\n", what);
    if (write(fd, line, (size_t)n) != n) fprintf(stderr, "xentlab-bench: --perf-fifos: cannot write %s\n", ctl);
    close(fd);
    if (!ack) return;
    int afd = open(ack, O_RDONLY | O_NONBLOCK);
    if (afd < 0) return;
    struct pollfd p = {.fd = afd, .events = POLLIN};
    char buf[16];
    if (poll(&p, 1, 5000) > 0 && read(afd, buf, sizeof buf) <= 0) fprintf(stderr, "xentlab-bench: no ack from perf\n");
    close(afd);
}

int bench_frame_loop(const char *fonts, int w, int h, long frames, bench_path path, int paused, long warm,
                     const char *fifos, int threads)
{
    bench_frame f;
    if (bench_frame_init(&f, path, w, h, fonts, NULL) != 0) return 1;
    if (threads > 0 && ui_scene_set_threads(f.sc, threads) != threads) {
        fprintf(stderr, "xentlab-bench: %d threads could not be started\n", threads);
        bench_frame_free(&f);
        return 1;
    }
    /* A long history first (--warm): what a frame costs after a long run. */
    for (long left = warm; left > 0; left -= 1000) xl_session_run(f.s, left < 1000 ? (int)left : 1000);
    for (int i = 0; i < 20; i++) bench_frame_run(&f); /* the caches, the atlas, the history's start */
    f.playing = !paused;
    perf_control(fifos, "enable");
    const double c0 = bench_cpu_s(), w0 = bench_now_s();
    for (long i = 0; i < frames; i++) bench_frame_run(&f);
    const double w1 = bench_now_s(), c1 = bench_cpu_s();
    perf_control(fifos, "disable");
    char tn[32] = "";
    if (threads > 0) snprintf(tn, sizeof tn, ", %d thread%s", threads, threads == 1 ? "" : "s");
    printf("%ld %s frames at %dx%d, %s path%s: %.3f ms wall, %.3f ms CPU a frame\n", frames, paused ? "paused" : "playing",
           w, h, path == BENCH_WINDOW ? "window" : "export", tn, (w1 - w0) * 1e3 / (double)frames,
           (c1 - c0) * 1e3 / (double)frames);
    bench_frame_free(&f);
    return 0;
}
