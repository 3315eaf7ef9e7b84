/* ui_voice_espeak: eSpeak NG's German and Spanish voices, text to 16-bit PCM (see
 * ui_voice_espeak.h). */
#include "ui_voice_espeak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_voice.h"

#ifndef XL_HAVE_ESPEAK
#define XL_HAVE_ESPEAK 0
#endif

#if XL_HAVE_ESPEAK
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <math.h>

int ui_voice_espeak_built(void)
{
    return 1;
}

/* What the callback collects for one text. */
typedef struct take {
    short *s;
    size_t n, cap, max; /* max: the samples allowed for this text (the bound) */
    int words;
    int failed;         /* 1 out of memory, 2 past max */
} take;

static int rate_in; /* eSpeak NG's sample rate (22050) */

static int collect(short *wav, int nsamples, espeak_EVENT *ev)
{
    take *t = ev ? ev->user_data : NULL;
    if (!t) return 0;
    for (espeak_EVENT *e = ev; e->type != espeakEVENT_LIST_TERMINATED; e++)
        if (e->type == espeakEVENT_WORD && e->length > 0) t->words++; /* a clause's end can give an empty one */
    if (!wav || nsamples <= 0 || t->failed) return t->failed ? 1 : 0;
    if (t->n + (size_t)nsamples > t->max) {
        t->failed = 2;
        return 1; /* 1 stops the synthesis */
    }
    if (t->n + (size_t)nsamples > t->cap) {
        size_t want = t->cap ? t->cap : 16384;
        while (want < t->n + (size_t)nsamples) want *= 2;
        short *more = realloc(t->s, want * sizeof *more);
        if (!more) {
            t->failed = 1;
            return 1;
        }
        t->s = more;
        t->cap = want;
    }
    memcpy(t->s + t->n, wav, (size_t)nsamples * sizeof *wav);
    t->n += (size_t)nsamples;
    return 0;
}

static void status_text(espeak_ng_STATUS st, const char *what, char *err, size_t n)
{
    char msg[160] = "";
    espeak_ng_GetStatusCodeMessage(st, msg, sizeof msg);
    if (err && n) snprintf(err, n, "eSpeak NG %s: %s", what, msg);
}

/* eSpeak NG is started once a process and never stopped: 1.51 hangs when it is started
 * again after espeak_ng_Terminate, and what it keeps between texts (below) is kept either
 * way. Closing the voice only lets another be opened. */
static int started;

int ui_voice_espeak_open(const char *lang, char *describe, size_t nd, char *err, size_t n)
{
    espeak_ng_STATUS st = ENS_OK;
    if (!started) {
        espeak_ng_InitializePath(NULL);
        espeak_ng_ERROR_CONTEXT ctx = NULL;
        st = espeak_ng_Initialize(&ctx);
        if (st != ENS_OK) {
            espeak_ng_ClearErrorContext(&ctx);
            status_text(st, "could not start (is espeak-ng-data installed?)", err, n);
            return -1;
        }
        st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 100, NULL);
        if (st != ENS_OK) {
            status_text(st, "could not start its output", err, n);
            return -1;
        }
        started = 1;
    }
    st = espeak_ng_SetVoiceByName(lang);
    if (st == ENS_OK) st = espeak_ng_SetParameter(espeakRATE, UI_VOICE_ESPEAK_WPM, 0);
    if (st != ENS_OK) {
        char what[64];
        snprintf(what, sizeof what, "has no voice '%.8s'", lang);
        status_text(st, what, err, n);
        return -1;
    }
    rate_in = espeak_ng_GetSampleRate();
    if (rate_in <= 0) {
        if (err && n) snprintf(err, n, "eSpeak NG reported no sample rate");
        return -1;
    }
    espeak_SetSynthCallback(collect);
    const char *version = espeak_Info(NULL);
    if (describe && nd)
        snprintf(describe, nd, "eSpeak NG %s %s, %d words a minute, %d Hz", version ? version : "", lang,
                 UI_VOICE_ESPEAK_WPM, UI_VOICE_RATE);
    return 0;
}

void ui_voice_espeak_close(void) {}

/* in[0..nin) at rate_in to UI_VOICE_RATE: each output sample is the input under a
 * Hann-windowed sinc low-pass at 0.45 of the output rate (7.2 kHz), RESAMPLE_HALF input
 * samples either side. Output sample k sits at input position k * M / L (M/L the rates'
 * ratio in lowest terms, 441/320 for 22050 Hz), so its fraction is one of L phases: the
 * kernel is a table of L phases computed once per text, and the work is 2 *
 * RESAMPLE_HALF products a sample. The result depends on the input and the rates only.
 * Returns the malloc'd output (*nout samples), or NULL (out of memory, or rates whose
 * ratio needs more than RESAMPLE_MAX_PHASES phases: eSpeak NG's is always 22050 Hz). */
enum { RESAMPLE_HALF = 16, RESAMPLE_MAX_PHASES = 4096 };
static long gcd(long a, long b)
{
    while (b) {
        const long t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static short *resample(const short *in, size_t nin, size_t *nout)
{
    const long g = gcd(rate_in, UI_VOICE_RATE);
    const long L = UI_VOICE_RATE / g, M = rate_in / g;
    *nout = 0;
    if (L > RESAMPLE_MAX_PHASES) return NULL;
    const size_t count = (size_t)((unsigned long long)nin * (unsigned long long)L / (unsigned long long)M);
    const int taps = 2 * RESAMPLE_HALF;
    double *kernel = malloc((size_t)L * taps * sizeof *kernel);
    short *out = malloc((count ? count : 1) * sizeof *out);
    if (!kernel || !out) {
        free(kernel);
        free(out);
        return NULL;
    }
    const double cut = rate_in > UI_VOICE_RATE ? 0.9 * UI_VOICE_RATE / rate_in : 0.9; /* of the input's Nyquist */
    const double pi = 3.14159265358979323846;
    for (long ph = 0; ph < L; ph++) { /* phase ph: the output sits ph / L past input sample c */
        const double frac = (double)ph / (double)L;
        for (int t = 0; t < taps; t++) {
            const double x = frac + (double)(RESAMPLE_HALF - 1 - t); /* distance to input c - HALF + 1 + t */
            const double u = cut * x;
            const double sinc = fabs(u) < 1e-12 ? 1.0 : sin(pi * u) / (pi * u);
            const double win = 0.5 * (1.0 + cos(pi * x / RESAMPLE_HALF));
            kernel[ph * taps + t] = cut * sinc * win;
        }
    }
    for (size_t k = 0; k < count; k++) {
        const unsigned long long pos = (unsigned long long)k * (unsigned long long)M;
        const long c = (long)(pos / (unsigned long long)L), ph = (long)(pos % (unsigned long long)L);
        const double *h = kernel + ph * taps;
        double sum = 0.0;
        for (int t = 0; t < taps; t++) {
            const long j = c - RESAMPLE_HALF + 1 + t;
            if (j >= 0 && (size_t)j < nin) sum += in[j] * h[t];
        }
        const double r = floor(sum + 0.5);
        out[k] = (short)(r > 32767.0 ? 32767 : r < -32768.0 ? -32768 : r);
    }
    free(kernel);
    *nout = count;
    return out;
}

int ui_voice_espeak_say(const char *spoken, short **pcm, size_t *count, int *words, char *err, size_t n)
{
    *pcm = NULL;
    *count = 0;
    *words = 0;
    const size_t len = strlen(spoken);
    take t = {.max = (len + 2) * (size_t)UI_VOICE_ESPEAK_MS_PER_BYTE * (size_t)rate_in / 1000};
    /* eSpeak NG's noise comes from rand(): seeded the same before every text. */
    srand(1);
    const espeak_ng_STATUS st =
        espeak_ng_Synthesize(spoken, len + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &t);
    if (t.failed || st != ENS_OK) {
        free(t.s);
        if (t.failed == 2) {
            if (err && n) snprintf(err, n, "eSpeak NG said more than %d ms a byte of text: stopped",
                                   UI_VOICE_ESPEAK_MS_PER_BYTE);
        } else if (t.failed == 1) {
            if (err && n) snprintf(err, n, "out of memory for the voice's samples");
        } else {
            status_text(st, "could not synthesize the text", err, n);
        }
        return -1;
    }
    size_t nout = 0;
    short *out = t.n ? resample(t.s, t.n, &nout) : NULL;
    free(t.s);
    if (t.n && !out) {
        if (err && n) snprintf(err, n, "cannot resample the voice's %d Hz to %d Hz (out of memory?)", rate_in,
                               UI_VOICE_RATE);
        return -1;
    }
    *pcm = out;
    *count = nout;
    *words = t.words;
    return 0;
}

#else

int ui_voice_espeak_built(void)
{
    return 0;
}

int ui_voice_espeak_open(const char *lang, char *describe, size_t nd, char *err, size_t n)
{
    (void)lang, (void)describe, (void)nd;
    if (err && n) snprintf(err, n, "eSpeak NG was not found when this build was made");
    return -1;
}

void ui_voice_espeak_close(void) {}

int ui_voice_espeak_say(const char *spoken, short **pcm, size_t *count, int *words, char *err, size_t n)
{
    (void)spoken;
    *pcm = NULL;
    *count = 0;
    *words = 0;
    if (err && n) snprintf(err, n, "this build has no eSpeak NG");
    return -1;
}

#endif
