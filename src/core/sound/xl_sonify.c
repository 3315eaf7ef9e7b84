/* xl_sonify: the sound that follows the loss (see xl_sonify.h).
 *
 * Everything is computed one sample at a time from the struct alone, so a render cut into
 * pieces is the same as one render in one piece. Every sound starts and ends on a smooth
 * envelope (raised-cosine attacks and releases, the tone's phase carried across pitch
 * changes), so no sample jumps from the one before by more than the loudest partial's
 * slope allows: the tests bound it. */
#include "xl_sonify.h"

#include <limits.h>
#include <math.h>

#define PI 3.141592653589793
#define TWO_PI 6.283185307179586
#define TICK_ATTACK_SECONDS 0.001
#define TICK_DECAY_SECONDS 0.003
#define TICK_RELEASE_SECONDS 0.002
#define CHIME_ATTACK_SECONDS 0.002
#define CHIME_DECAY_SECONDS 0.25
#define CHIME_RELEASE_SECONDS 0.05

/* The chimes' two notes, in Hz. */
static const double chime_notes[3][2] = {
    [XL_CHIME_NONE] = {0.0, 0.0},
    [XL_CHIME_REACHED] = {1046.502, 1567.982},  /* C6, G6: rising, arrived */
    [XL_CHIME_MEASURED] = {1567.982, 1318.510}, /* G6, E6: a bright two-note bell */
};

double xl_sonify_pitch_hz(double gap)
{
    if (isnan(gap)) return NAN;
    double f = XL_SONIFY_BASE_HZ * exp2(gap / XL_SONIFY_NATS_PER_OCTAVE);
    if (!(f >= XL_SONIFY_MIN_HZ)) f = XL_SONIFY_MIN_HZ; /* also -inf */
    if (!(f <= XL_SONIFY_MAX_HZ)) f = XL_SONIFY_MAX_HZ; /* also +inf */
    return f;
}

void xl_sonify_init(xl_sonify *s, int rate)
{
    if (rate < 8000 || rate > 192000) rate = XL_SONIFY_RATE;
    *s = (xl_sonify){0};
    s->rate = rate;
    s->log2f = s->log2f_target = log2(XL_SONIFY_BASE_HZ);
    s->glide_k = 1.0 - exp(-1.0 / (XL_SONIFY_GLIDE_SECONDS * rate));
    s->fade_step = 1.0 / (XL_SONIFY_FADE_SECONDS * rate);
    s->tone_amp = pow(10.0, XL_SONIFY_TONE_DBFS / 20.0) * sqrt(2.0);
    s->tick_pos = -1;
    s->since_tick = LONG_MAX / 2;
    s->chime_pos = -1;
    s->chime = XL_CHIME_NONE;
}

void xl_sonify_chime(xl_sonify *s, xl_chime kind)
{
    if (kind != XL_CHIME_REACHED && kind != XL_CHIME_MEASURED) return;
    /* One chime at a time: a second one rings when the first has rung out (cutting a bell
     * short would click). One waits at most; a later one takes its place. */
    if (s->chime_pos >= 0) s->chime_next = kind;
    else {
        s->chime = kind;
        s->chime_pos = 0;
    }
}

void xl_sonify_feed(xl_sonify *s, const xl_sonify_input *in)
{
    const int on = in->on != 0;
    const double f = xl_sonify_pitch_hz(in->gap);
    if (!isnan(f)) s->log2f_target = log2(f);
    /* Silent: a tone that starts sounds at its pitch, not gliding from an old one. */
    if (s->fade <= 0.0) s->log2f = s->log2f_target;
    if (!s->fed) {
        s->fed = 1;
        s->steps = in->steps;
        s->armed = !(in->gap < XL_SONIFY_REACHED_NATS);
        s->fade_target = on;
        return;
    }
    if (in->steps > s->steps && on) s->tick_owed = 1;
    s->steps = in->steps;
    if (s->armed && in->gap < XL_SONIFY_REACHED_NATS) {
        s->armed = 0;
        if (on) xl_sonify_chime(s, XL_CHIME_REACHED);
    } else if (!s->armed && in->gap > XL_SONIFY_REARM_NATS) {
        s->armed = 1;
    }
    if (in->measured && on) xl_sonify_chime(s, XL_CHIME_MEASURED);
    s->fade_target = on;
}

/* 0 -> 1 over len seconds as a raised cosine (1 past it). */
static double rise(double t, double len)
{
    if (t >= len) return 1.0;
    if (t <= 0.0) return 0.0;
    return 0.5 - 0.5 * cos(PI * t / len);
}

static double tick_sample(xl_sonify *s)
{
    if (s->tick_pos < 0) return 0.0;
    const double t = (double)s->tick_pos / s->rate;
    if (t >= XL_SONIFY_TICK_SECONDS) {
        s->tick_pos = -1;
        return 0.0;
    }
    s->tick_pos++;
    const double env = rise(t, TICK_ATTACK_SECONDS) * exp(-t / TICK_DECAY_SECONDS) *
                       rise(XL_SONIFY_TICK_SECONDS - t, TICK_RELEASE_SECONDS);
    return XL_SONIFY_TICK_PEAK * env * sin(TWO_PI * XL_SONIFY_TICK_HZ * t);
}

static double chime_sample(xl_sonify *s)
{
    if (s->chime_pos < 0) return 0.0;
    const double t = (double)s->chime_pos / s->rate;
    if (t >= XL_SONIFY_CHIME_SECONDS) {
        s->chime_pos = -1;
        s->chime = XL_CHIME_NONE;
        if (s->chime_next != XL_CHIME_NONE) {
            s->chime = s->chime_next;
            s->chime_next = XL_CHIME_NONE;
            s->chime_pos = 0;
            return chime_sample(s);
        }
        return 0.0;
    }
    s->chime_pos++;
    const double release = rise(XL_SONIFY_CHIME_SECONDS - t, CHIME_RELEASE_SECONDS);
    double v = 0.0;
    for (int k = 0; k < 2; k++) {
        const double tk = t - k * XL_SONIFY_CHIME_DELAY_SECONDS;
        if (tk < 0.0) continue;
        v += rise(tk, CHIME_ATTACK_SECONDS) * exp(-tk / CHIME_DECAY_SECONDS) *
             sin(TWO_PI * chime_notes[s->chime][k] * tk);
    }
    return XL_SONIFY_CHIME_PEAK * release * v;
}

static float next_sample(xl_sonify *s)
{
    s->samples++;
    /* The fade moves linearly in u; the gain is its raised cosine. */
    if (s->fade < s->fade_target) s->fade = fmin(s->fade + s->fade_step, s->fade_target);
    else if (s->fade > s->fade_target) s->fade = fmax(s->fade - s->fade_step, s->fade_target);
    if (s->fade <= 0.0) {
        /* Silent: nothing sounds, nothing is owed; the next sound starts afresh. */
        s->tick_pos = -1;
        s->tick_owed = 0;
        s->chime_pos = -1;
        s->chime = s->chime_next = XL_CHIME_NONE;
        s->phase = 0.0;
        s->since_tick = LONG_MAX / 2;
        return 0.0f;
    }
    s->log2f += (s->log2f_target - s->log2f) * s->glide_k;
    s->phase += exp2(s->log2f) / s->rate;
    s->phase -= floor(s->phase);
    if (s->since_tick < LONG_MAX / 2) s->since_tick++;
    if (s->tick_owed && s->tick_pos < 0 && s->since_tick >= (long)(XL_SONIFY_TICK_GAP_SECONDS * s->rate)) {
        s->tick_owed = 0;
        s->tick_pos = 0;
        s->since_tick = 0;
    }
    const double gain = 0.5 - 0.5 * cos(PI * s->fade);
    const double v = s->tone_amp * sin(TWO_PI * s->phase) + tick_sample(s) + chime_sample(s);
    return (float)(gain * v);
}

void xl_sonify_render(xl_sonify *s, float *out, size_t n)
{
    for (size_t i = 0; i < n; i++) out[i] = next_sample(s);
}

void xl_sonify_render_s16(xl_sonify *s, int16_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double v = lrint((double)next_sample(s) * 32767.0);
        out[i] = (int16_t)(v > 32767.0 ? 32767 : v < -32767.0 ? -32767 : v);
    }
}

double xl_sonify_current_hz(const xl_sonify *s)
{
    return exp2(s->log2f);
}

int xl_sonify_audible(const xl_sonify *s)
{
    return s->fade > 0.0 || s->fade_target > 0.0;
}
