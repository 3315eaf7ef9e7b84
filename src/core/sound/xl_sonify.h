/* xl_sonify: the sound that follows the loss (issue 26), as deterministic samples.
 *
 * A soft continuous tone whose pitch follows the gap (the loss above its floor: the KL
 * divergence learning can remove), a short tick per gradient step, and chimes for the
 * moments worth hearing. Pure C and libm: the caller hands it the state once a frame
 * (xl_sonify_feed) and asks for the samples up to the next frame (xl_sonify_render); the
 * same feeds at the same sample positions give the same samples, bit for bit, however the
 * rendering is cut into pieces (the window's audio callback, an export's frames).
 *
 * The mapping, exactly (the tests measure it):
 *   pitch    f(gap) = 220 Hz * 2^(gap / 1 nat), clamped to [220, 880] Hz: the gap's floor
 *            (0 nats, the model as good as it can be) is A3 = 220 Hz, each nat above it one
 *            octave higher, 2 nats and more A5 = 880 Hz. So the tone falls as the model
 *            learns and settles on A3 when the gap is gone; a gap of 0.1 nat is about a
 *            semitone (1.2), which an ear hears. A gap that is not a number holds the pitch.
 *            The tone glides to each new pitch in log-frequency, a first-order lag of time
 *            constant XL_SONIFY_GLIDE_SECONDS (50 ms), with its phase continuous: no clicks.
 *   tone     a sine at XL_SONIFY_TONE_DBFS (-24 dBFS RMS) once faded in.
 *   tick     a gradient step (the run's step count went up): a 2 kHz sine burst of 12 ms,
 *            a 1 ms raised-cosine attack then an exponential decay (3 ms), peak
 *            XL_SONIFY_TICK_PEAK. At most one tick every XL_SONIFY_TICK_GAP_SECONDS (70 ms,
 *            14 a second): faster steps share ticks, so a fast run is a steady patter, not a
 *            buzz. A step back (rewind, reset) is no tick.
 *   chimes   two bell notes, each a sine with a 2 ms attack and a 0.25 s exponential decay,
 *            peak XL_SONIFY_CHIME_PEAK:
 *              reached   C6 then G6 (1046.5 Hz, 1568.0 Hz, 120 ms apart): the gap fell below
 *                        XL_SONIFY_REACHED_NATS (0.05 nats) for the first time. It is
 *                        armed again only when the gap rises above XL_SONIFY_REARM_NATS
 *                        (0.10: a reset, a new scenario or page), so a gap that hovers at
 *                        the threshold chimes once.
 *              measured  G6 then E6 (1568.0 Hz, 1318.5 Hz, 120 ms apart): a measurement was
 *                        taken (the diffusing ring's detector read a cell) or a lesson's
 *                        answer was revealed.
 *   fades    on and off are raised-cosine fades of XL_SONIFY_FADE_SECONDS (0.15 s) of the
 *            whole sound; off, the output is exact zeros.
 * Everything is mono at the caller's rate (48 kHz: XL_SONIFY_RATE), as floats in [-1, 1]
 * or 16-bit integers. The sum's peak stays below 0.5 (-6 dBFS): nothing clips.
 *
 * Owns nothing outside the struct: a value type, copied freely. */
#ifndef XL_SONIFY_H
#define XL_SONIFY_H

#include <stddef.h>
#include <stdint.h>

#define XL_SONIFY_RATE 48000
#define XL_SONIFY_BASE_HZ 220.0        /* the pitch at gap 0 */
#define XL_SONIFY_MIN_HZ 220.0
#define XL_SONIFY_MAX_HZ 880.0
#define XL_SONIFY_NATS_PER_OCTAVE 1.0
#define XL_SONIFY_GLIDE_SECONDS 0.05
#define XL_SONIFY_TONE_DBFS (-24.0)
#define XL_SONIFY_TICK_HZ 2000.0
#define XL_SONIFY_TICK_SECONDS 0.012
#define XL_SONIFY_TICK_PEAK 0.12
#define XL_SONIFY_TICK_GAP_SECONDS 0.07
#define XL_SONIFY_CHIME_PEAK 0.14
#define XL_SONIFY_CHIME_SECONDS 0.6     /* a chime's length: both notes rung out */
#define XL_SONIFY_CHIME_DELAY_SECONDS 0.12
#define XL_SONIFY_REACHED_NATS 0.05
#define XL_SONIFY_REARM_NATS 0.10
#define XL_SONIFY_FADE_SECONDS 0.15

typedef enum xl_chime {
    XL_CHIME_NONE = 0,
    XL_CHIME_REACHED,  /* the gap fell below the threshold */
    XL_CHIME_MEASURED, /* a measurement, a revealed answer */
} xl_chime;

/* What a frame tells the synthesizer. */
typedef struct xl_sonify_input {
    int on;            /* the sound is wanted (0 fades it out) */
    double gap;        /* the loss above its floor, nats (NaN: hold the pitch) */
    long steps;        /* the run's step count: a rise is a tick (a fall is none) */
    int measured;      /* a measurement was taken or an answer revealed since the last feed */
} xl_sonify_input;

typedef struct xl_sonify {
    int rate;
    /* The tone: phase in cycles [0, 1), log2 of the frequency now and its target. */
    double phase, log2f, log2f_target, glide_k;
    /* The fade: gain now (0..1), where it goes, its step per sample. */
    double fade, fade_target, fade_step;
    double tone_amp;
    /* Ticks: samples into the one sounding (-1: none), samples since it began, ticks
     * owed (steps that came while the last one was too recent: at most one is kept). */
    long tick_pos, since_tick;
    int tick_owed;
    /* The chime sounding: its kind and samples into it (-1: none). */
    xl_chime chime, chime_next;
    long chime_pos;
    /* The state last fed. */
    long steps;
    int fed;           /* anything fed yet (the first feed sets the baseline: no tick, no chime) */
    int armed;         /* the reached chime may sound */
    uint64_t samples;  /* rendered so far */
} xl_sonify;

/* A synthesizer at rate samples a second (8000 to 192000; other values are taken as
 * XL_SONIFY_RATE), silent and faded out. */
void xl_sonify_init(xl_sonify *s, int rate);

/* The frame's state: effective from the next sample rendered. */
void xl_sonify_feed(xl_sonify *s, const xl_sonify_input *in);

/* Ring a chime now (the one sounding gives way). Fed events call this; a test may too. */
void xl_sonify_chime(xl_sonify *s, xl_chime kind);

/* The next n samples. */
void xl_sonify_render(xl_sonify *s, float *out, size_t n);
void xl_sonify_render_s16(xl_sonify *s, int16_t *out, size_t n);

/* The mapping alone: the tone's pitch in Hz for a gap in nats (NaN for NaN). */
double xl_sonify_pitch_hz(double gap);
/* The frequency the tone sounds now (mid-glide). */
double xl_sonify_current_hz(const xl_sonify *s);
/* 1 while the sound is on or still fading out. */
int xl_sonify_audible(const xl_sonify *s);

#endif
