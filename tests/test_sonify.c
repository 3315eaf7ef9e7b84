/* test_sonify: the sound that follows the loss (xl_sonify), measured from its samples:
 * the pitch against the stated mapping (zero crossings), the tone's level (RMS), the
 * ticks' timing (onsets counted in the ticks alone: a render with steps less one
 * without), the chimes (Goertzel at their notes), no clicks (the largest sample-to-sample
 * jump), silence when off, and the same samples however the render is cut. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "xl_sonify.h"

enum { RATE = XL_SONIFY_RATE, FPS = 30, PER_FRAME = RATE / FPS };

static float *buf_of(size_t n)
{
    float *b = calloc(n, sizeof *b);
    ck_assert_ptr_nonnull(b);
    return b;
}

/* Render frames frames, feeding in before each (the frame number passed to step). */
typedef void (*frame_fn)(long frame, xl_sonify_input *in, void *ctx);

static float *run(long frames, frame_fn fn, void *ctx)
{
    xl_sonify s;
    xl_sonify_init(&s, RATE);
    float *out = buf_of((size_t)frames * PER_FRAME);
    for (long f = 0; f < frames; f++) {
        xl_sonify_input in = {.on = 1, .gap = 0.0, .steps = 0, .measured = 0};
        fn(f, &in, ctx);
        xl_sonify_feed(&s, &in);
        xl_sonify_render(&s, out + f * PER_FRAME, PER_FRAME);
    }
    return out;
}

/* The frequency of x[0..n) from its rising zero crossings (interpolated). */
static double zc_freq(const float *x, size_t n)
{
    double first = -1.0, last = -1.0;
    long count = 0;
    for (size_t i = 1; i < n; i++) {
        if (x[i - 1] < 0.0f && x[i] >= 0.0f) {
            const double t = (double)(i - 1) + x[i - 1] / (double)(x[i - 1] - x[i]);
            if (first < 0.0) first = t;
            last = t;
            count++;
        }
    }
    return count >= 2 ? (double)(count - 1) * RATE / (last - first) : 0.0;
}

static double rms(const float *x, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) sum += (double)x[i] * x[i];
    return sqrt(sum / (double)n);
}

/* The amplitude of frequency f in x[0..n) (Goertzel, Hann-windowed), as a sine's peak. */
static double goertzel(const float *x, size_t n, double f)
{
    const double w = 2.0 * 3.141592653589793 * f / RATE, c = 2.0 * cos(w);
    double s1 = 0.0, s2 = 0.0, wsum = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double win = 0.5 - 0.5 * cos(2.0 * 3.141592653589793 * (double)i / (double)(n - 1));
        const double s0 = x[i] * win + c * s1 - s2;
        s2 = s1;
        s1 = s0;
        wsum += win;
    }
    const double power = s1 * s1 + s2 * s2 - c * s1 * s2;
    return 2.0 * sqrt(fmax(power, 0.0)) / wsum;
}

static double max_jump(const float *x, size_t n)
{
    double m = fabs((double)x[0]);
    for (size_t i = 1; i < n; i++) m = fmax(m, fabs((double)x[i] - x[i - 1]));
    return m;
}

static void const_gap(long f, xl_sonify_input *in, void *ctx)
{
    (void)f;
    in->gap = *(const double *)ctx;
}

START_TEST(test_mapping_table)
{
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(0.0), 220.0, 1e-9);
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(1.0), 440.0, 1e-9);
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(0.5), 220.0 * sqrt(2.0), 1e-9);
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(2.0), 880.0, 1e-9);
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(7.0), 880.0, 1e-9);
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(INFINITY), 880.0, 1e-9);
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(-0.3), 220.0, 1e-9);   /* rounding below the floor */
    ck_assert_double_eq_tol(xl_sonify_pitch_hz(-INFINITY), 220.0, 1e-9);
    ck_assert(isnan(xl_sonify_pitch_hz(NAN)));
}
END_TEST

/* The tone's measured pitch at several gaps, after its fade and glide (0.4 s). */
START_TEST(test_pitch_follows_gap)
{
    const double gaps[] = {0.0, 0.1, 0.28, 0.5, 1.0, 1.45, 2.0, 3.5};
    for (size_t k = 0; k < sizeof gaps / sizeof gaps[0]; k++) {
        double g = gaps[k];
        float *x = run(30, const_gap, &g); /* 1 s */
        const double f = zc_freq(x + RATE * 4 / 10, RATE * 6 / 10);
        const double want = fmin(880.0, 220.0 * pow(2.0, g));
        ck_assert_msg(fabs(f / want - 1.0) < 0.002, "gap %.2f: %.2f Hz, want %.2f", g, f, want);
        free(x);
    }
}
END_TEST

/* A fall of the gap: the pitch glides, and 0.25 s (5 time constants) later it is there. */
static void falling(long f, xl_sonify_input *in, void *ctx)
{
    (void)ctx;
    in->gap = f < 15 ? 1.0 : 0.25;
}

START_TEST(test_glide)
{
    float *x = run(45, falling, NULL);
    const size_t turn = 15 * PER_FRAME;
    const double before = zc_freq(x + turn - RATE / 5, RATE / 5);
    const double mid = zc_freq(x + turn, RATE / 50); /* the first 20 ms: on its way */
    const double after = zc_freq(x + turn + RATE / 4, RATE / 4);
    ck_assert_double_eq_tol(before, 440.0, 1.0);
    ck_assert_double_eq_tol(after, 220.0 * pow(2.0, 0.25), 1.0);
    ck_assert_msg(mid < before - 20.0 && mid > after + 20.0, "mid-glide %.1f Hz", mid);
    ck_assert_double_lt(max_jump(x, 45 * PER_FRAME), 0.0105); /* the tone alone: no click */
    free(x);
}
END_TEST

START_TEST(test_level)
{
    const double gaps[] = {0.0, 1.0, 2.0};
    for (size_t k = 0; k < 3; k++) {
        double g = gaps[k];
        float *x = run(30, const_gap, &g);
        const double db = 20.0 * log10(rms(x + RATE / 2, RATE / 2));
        ck_assert_msg(fabs(db - XL_SONIFY_TONE_DBFS) < 0.05, "gap %.1f: %.2f dBFS", g, db);
        /* The fade in: quiet at first, full after 0.15 s. */
        ck_assert_double_lt(rms(x, RATE / 100), 0.01 * rms(x + RATE / 2, RATE / 100));
        free(x);
    }
}
END_TEST

/* Steps every `every` frames (0: none). */
static void stepping(long f, xl_sonify_input *in, void *ctx)
{
    const long every = *(const long *)ctx;
    in->gap = 0.7;
    in->steps = every > 0 ? f / every : 0;
}

/* Onsets in the ticks alone: where |d| passes 0.01 after 5 ms below it. */
static int onsets(const float *a, const float *b, size_t n, long *at, int cap)
{
    int count = 0;
    long quiet = RATE;
    for (size_t i = 0; i < n; i++) {
        const double d = fabs((double)a[i] - b[i]);
        if (d > 0.01 && quiet >= RATE / 200) {
            if (count < cap) at[count] = (long)i;
            count++;
        }
        quiet = d > 0.01 ? 0 : quiet + 1;
    }
    return count;
}

START_TEST(test_ticks_slow)
{
    long every = 6, none = 0; /* a step every 0.2 s for 2 s */
    float *x = run(60, stepping, &every), *quiet = run(60, stepping, &none);
    long at[32];
    const int n = onsets(x, quiet, 60 * PER_FRAME, at, 32);
    ck_assert_int_eq(n, 9); /* steps at frames 6, 12, ... 54 */
    for (int k = 0; k < n; k++) {
        const long want = (k + 1) * 6 * PER_FRAME;
        ck_assert_msg(at[k] >= want && at[k] < want + RATE / 500, "tick %d at %ld, its step at %ld", k, at[k], want);
    }
    /* A tick is short and soft: 12 ms, its peak XL_SONIFY_TICK_PEAK. */
    double peak = 0.0;
    long last = 0;
    for (long i = 0; i < 60 * PER_FRAME; i++) {
        const double d = fabs((double)x[i] - quiet[i]);
        peak = fmax(peak, d);
        if (d > 1e-6 && i < at[0] + RATE / 10) last = i;
    }
    ck_assert_double_le(peak, XL_SONIFY_TICK_PEAK + 1e-6);
    ck_assert_double_ge(peak, 0.5 * XL_SONIFY_TICK_PEAK);
    ck_assert_int_le(last - at[0], (long)(XL_SONIFY_TICK_SECONDS * RATE) + 1);
    free(x);
    free(quiet);
}
END_TEST

/* A step every frame at 30 fps (and many a frame): ticks rate-limited to one per 70 ms. */
START_TEST(test_ticks_rate_limited)
{
    long every = 1, none = 0;
    float *x = run(60, stepping, &every), *quiet = run(60, stepping, &none);
    long at[64];
    const int n = onsets(x, quiet, 60 * PER_FRAME, at, 64);
    ck_assert_int_ge(n, 25); /* 2 s / 70 ms = 28.6, less the first frame and the last */
    ck_assert_int_le(n, 29);
    /* After the fade in (which delays the first onset's crossing of the level), every
     * onset at least the gap after the one before, and at most a frame more. */
    for (int k = 1; k < n && k < 64; k++) {
        if (at[k - 1] < RATE / 5) continue;
        ck_assert_int_ge(at[k] - at[k - 1], (long)(XL_SONIFY_TICK_GAP_SECONDS * RATE) - 2);
        ck_assert_int_le(at[k] - at[k - 1], (long)(XL_SONIFY_TICK_GAP_SECONDS * RATE) + PER_FRAME);
    }
    ck_assert_double_lt(max_jump(x, 60 * PER_FRAME), 0.05);
    free(x);
    free(quiet);
}
END_TEST

/* The gap falls from 0.5 to 0 over 2 s, crossing 0.05 at frame 54. */
static void descent(long f, xl_sonify_input *in, void *ctx)
{
    (void)ctx;
    in->gap = 0.5 * (1.0 - (double)f / 60.0);
    if (in->gap < 0.0) in->gap = 0.0;
}

START_TEST(test_chime_reached)
{
    float *x = run(90, descent, NULL);
    long cross = -1;
    for (long f = 0; f < 90 && cross < 0; f++)
        if (0.5 * (1.0 - (double)f / 60.0) < XL_SONIFY_REACHED_NATS) cross = f;
    ck_assert(cross == 54 || cross == 55); /* 0.05 itself, as rounded */
    const size_t win = RATE / 10;
    /* Before it: no C6, no G6. After: C6 first, then G6 120 ms later. */
    ck_assert_double_lt(goertzel(x + (cross - 6) * PER_FRAME, win, 1046.502), 0.002);
    ck_assert_double_gt(goertzel(x + cross * PER_FRAME, win, 1046.502), 0.03);
    ck_assert_double_lt(goertzel(x + cross * PER_FRAME, win, 1567.982), 0.01);
    ck_assert_double_gt(goertzel(x + cross * PER_FRAME + RATE * 12 / 100, win, 1567.982), 0.03);
    /* Rung out after 0.6 s. */
    ck_assert_double_lt(goertzel(x + cross * PER_FRAME + RATE * 62 / 100, win, 1046.502), 0.001);
    free(x);
}
END_TEST

/* A gap hovering at the threshold chimes once; a rise past 0.10 arms it again. */
static void hover(long f, xl_sonify_input *in, void *ctx)
{
    (void)ctx;
    if (f < 10) in->gap = 0.5;
    else if (f < 100) in->gap = (f % 2) ? 0.04 : 0.08;
    else if (f < 110) in->gap = 0.3;
    else in->gap = 0.01;
}

START_TEST(test_chime_once)
{
    float *x = run(150, hover, NULL);
    int chimes = 0;
    for (long f = 0; f < 150; f++) {
        const double a = goertzel(x + f * PER_FRAME, PER_FRAME, 1046.502);
        const double b = f > 0 ? goertzel(x + (f - 1) * PER_FRAME, PER_FRAME, 1046.502) : 0.0;
        if (a > 0.03 && b < 0.01) chimes++;
    }
    ck_assert_int_eq(chimes, 2); /* at frame 11, and again after the rise at 110 */
    free(x);
}
END_TEST

static void measuring(long f, xl_sonify_input *in, void *ctx)
{
    (void)ctx;
    in->gap = 0.2;
    in->measured = f == 10;
}

START_TEST(test_chime_measured)
{
    float *x = run(45, measuring, NULL);
    const size_t win = RATE / 10;
    ck_assert_double_lt(goertzel(x + 5 * PER_FRAME, win, 1567.982), 0.002);
    ck_assert_double_gt(goertzel(x + 10 * PER_FRAME, win, 1567.982), 0.03);
    ck_assert_double_gt(goertzel(x + 10 * PER_FRAME + RATE * 12 / 100, win, 1318.510), 0.03);
    ck_assert_double_lt(goertzel(x + 10 * PER_FRAME, win, 1046.502), 0.002); /* not the other chime */
    free(x);
}
END_TEST

/* On and off with everything at once: the pitch jumping, steps, chimes. */
static void busy(long f, xl_sonify_input *in, void *ctx)
{
    (void)ctx;
    in->on = (f / 20) % 3 != 2;
    in->gap = (f / 7) % 2 ? 3.0 : 0.0;
    in->steps = f * 3;
    in->measured = f % 13 == 0;
}

START_TEST(test_no_clicks)
{
    float *x = run(120, busy, NULL);
    /* The loudest slopes: the tick's 2 kHz at 0.12 (0.031 a sample), two chime notes at
     * 0.14 (0.029 each), the tone (0.010). A cut would jump by up to a peak (0.1 to 0.4). */
    ck_assert_double_lt(max_jump(x, 120 * PER_FRAME), 0.085);
    /* Off is silence: exact zeros from 0.15 s after the off until the next on. */
    for (long i = (40 + 5) * PER_FRAME; i < 60 * PER_FRAME; i++) ck_assert(x[i] == 0.0f);
    ck_assert(x[(40 + 3) * PER_FRAME] != 0.0f); /* still fading */
    double peak = 0.0;
    for (long i = 0; i < 120 * PER_FRAME; i++) peak = fmax(peak, fabs((double)x[i]));
    ck_assert_double_lt(peak, 0.5);
    free(x);
}
END_TEST

START_TEST(test_off_from_start)
{
    xl_sonify s;
    xl_sonify_init(&s, RATE);
    xl_sonify_input in = {.on = 0, .gap = 1.0, .steps = 5, .measured = 1};
    float x[PER_FRAME];
    for (int f = 0; f < 10; f++) {
        in.steps++;
        xl_sonify_feed(&s, &in);
        xl_sonify_render(&s, x, PER_FRAME);
        for (int i = 0; i < PER_FRAME; i++) ck_assert(x[i] == 0.0f);
    }
    ck_assert_int_eq(xl_sonify_audible(&s), 0);
    /* Turned on: the tone starts at its pitch (no glide from anywhere), nothing owed from
     * the steps or the measurement taken while off. */
    in.on = 1;
    in.measured = 0;
    xl_sonify_feed(&s, &in);
    ck_assert_double_eq_tol(xl_sonify_current_hz(&s), 440.0, 1e-9);
    float y[RATE / 2];
    xl_sonify_render(&s, y, RATE / 2);
    ck_assert_double_lt(goertzel(y, RATE / 2, 1567.982), 0.002);
    ck_assert_double_eq_tol(zc_freq(y + RATE / 4, RATE / 4), 440.0, 1.0);
}
END_TEST

START_TEST(test_nan_holds)
{
    xl_sonify s;
    xl_sonify_init(&s, RATE);
    xl_sonify_input in = {.on = 1, .gap = 1.0};
    xl_sonify_feed(&s, &in);
    float *x = buf_of(RATE);
    xl_sonify_render(&s, x, RATE / 2);
    in.gap = NAN;
    xl_sonify_feed(&s, &in);
    xl_sonify_render(&s, x + RATE / 2, RATE / 2);
    ck_assert_double_eq_tol(zc_freq(x + RATE / 2, RATE / 2), 440.0, 1.0);
    for (long i = 0; i < RATE; i++) ck_assert(isfinite(x[i]));
    free(x);
}
END_TEST

/* The same feeds give the same samples, whatever the pieces the render is cut into; and
 * the int16 render is the float one rounded. */
START_TEST(test_deterministic)
{
    float *a = run(120, busy, NULL), *b = run(120, busy, NULL);
    ck_assert_int_eq(memcmp(a, b, 120 * PER_FRAME * sizeof *a), 0);
    const size_t pieces[] = {1, 7, 480, 1023};
    for (size_t k = 0; k < 4; k++) {
        xl_sonify s;
        xl_sonify_init(&s, RATE);
        memset(b, 0, 120 * PER_FRAME * sizeof *b);
        for (long f = 0; f < 120; f++) {
            xl_sonify_input in = {.on = 1};
            busy(f, &in, NULL);
            xl_sonify_feed(&s, &in);
            size_t done = 0;
            while (done < PER_FRAME) {
                size_t n = PER_FRAME - done < pieces[k] ? PER_FRAME - done : pieces[k];
                xl_sonify_render(&s, b + f * PER_FRAME + done, n);
                done += n;
            }
        }
        ck_assert_int_eq(memcmp(a, b, 120 * PER_FRAME * sizeof *a), 0);
    }
    xl_sonify s;
    xl_sonify_init(&s, RATE);
    int16_t *pcm = calloc(120 * PER_FRAME, sizeof *pcm);
    ck_assert_ptr_nonnull(pcm);
    for (long f = 0; f < 120; f++) {
        xl_sonify_input in = {.on = 1};
        busy(f, &in, NULL);
        xl_sonify_feed(&s, &in);
        xl_sonify_render_s16(&s, pcm + f * PER_FRAME, PER_FRAME);
    }
    for (long i = 0; i < 120 * PER_FRAME; i++) ck_assert_int_eq(pcm[i], (int16_t)lrint(a[i] * 32767.0));
    free(pcm);
    free(a);
    free(b);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("sonify");
    const xl_test_case cases[] = {
        {"mapping_table", test_mapping_table}, {"pitch_follows_gap", test_pitch_follows_gap},
        {"glide", test_glide}, {"level", test_level},
        {"ticks_slow", test_ticks_slow}, {"ticks_rate_limited", test_ticks_rate_limited},
        {"chime_reached", test_chime_reached}, {"chime_once", test_chime_once},
        {"chime_measured", test_chime_measured}, {"no_clicks", test_no_clicks},
        {"off_from_start", test_off_from_start}, {"nan_holds", test_nan_holds},
        {"deterministic", test_deterministic},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
