/* ui_voice: flite's cmu_us_rms voice, text to 16-bit PCM (see ui_voice.h). */
#include "ui_voice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_lesson.h"
#include "xl_speech.h"

#if XL_HAVE_VOICE
#include <flite/flite.h>
#include <flite/flite_version.h>

/* The voice's registration function: flite's voice libraries have no header. */
cst_voice *register_cmu_us_rms(const char *voxdir);
void unregister_cmu_us_rms(cst_voice *v);
#endif

struct ui_voice {
#if XL_HAVE_VOICE
    cst_voice *voice;
#endif
    char describe[96];
};

static void say_err(char *err, size_t n, const char *msg)
{
    if (err && n) snprintf(err, n, "%s", msg);
}

#if XL_HAVE_VOICE
static int opened; /* flite's state is global: one voice at a time */

ui_voice *ui_voice_open(char *err, size_t n)
{
    if (opened) {
        say_err(err, n, "the voice is already open (flite has one voice a process)");
        return NULL;
    }
    ui_voice *v = calloc(1, sizeof *v);
    if (!v) {
        say_err(err, n, "out of memory opening the voice");
        return NULL;
    }
    flite_init();
    v->voice = register_cmu_us_rms(NULL);
    if (!v->voice) {
        say_err(err, n, "flite could not load its cmu_us_rms voice");
        free(v);
        return NULL;
    }
    flite_feat_set_float(v->voice->features, "duration_stretch", UI_VOICE_STRETCH);
    snprintf(v->describe, sizeof v->describe, "flite %s cmu_us_rms, stretch %.2f, %d Hz", FLITE_PROJECT_VERSION,
             (double)UI_VOICE_STRETCH, UI_VOICE_RATE);
    opened = 1;
    return v;
}

void ui_voice_close(ui_voice *v)
{
    if (!v) return;
    unregister_cmu_us_rms(v->voice);
    opened = 0;
    free(v);
}

/* The speech's [first, last] sample louder than about -40 dBFS, widened by the pad. */
static void trim(const short *s, size_t count, size_t *from, size_t *to)
{
    const int floor = 328; /* 1% of full scale */
    size_t a = 0, b = count;
    while (a < count && abs(s[a]) < floor) a++;
    while (b > a && abs(s[b - 1]) < floor) b--;
    const size_t pad = (size_t)UI_VOICE_RATE * UI_VOICE_PAD_MS / 1000;
    *from = a > pad ? a - pad : 0;
    *to = b + pad < count ? b + pad : count;
}

int ui_voice_say(ui_voice *v, const char *spoken, short **pcm, size_t *count, char *err, size_t n)
{
    *pcm = NULL;
    *count = 0;
    if (!v || !spoken) {
        say_err(err, n, "no voice or no text");
        return -1;
    }
    const size_t len = strlen(spoken);
    if (len > UI_VOICE_MAX_TEXT) {
        if (err && n) snprintf(err, n, "text of %zu bytes is too long to say at once (at most %d)", len,
                               UI_VOICE_MAX_TEXT);
        return -1;
    }
    size_t k = 0;
    while (k < len && (spoken[k] == ' ' || spoken[k] == '\t' || spoken[k] == '\n')) k++;
    if (k == len) return 0;
    /* flite's excitation draws from the C library's rand(): seeded the same before every
     * text, the same text gives the same samples (as the first call of a process would). */
    srand(1);
    cst_wave *w = flite_text_to_wave(spoken, v->voice);
    if (!w) {
        say_err(err, n, "flite could not synthesize the text");
        return -1;
    }
    if (w->sample_rate != UI_VOICE_RATE) cst_wave_resample(w, UI_VOICE_RATE);
    if (w->num_channels != 1 || w->num_samples < 0) {
        delete_wave(w);
        say_err(err, n, "flite gave audio of an unexpected shape");
        return -1;
    }
    size_t from = 0, to = 0;
    trim(w->samples, (size_t)w->num_samples, &from, &to);
    if (to > from) {
        *pcm = malloc((to - from) * sizeof **pcm);
        if (!*pcm) {
            delete_wave(w);
            say_err(err, n, "out of memory for the voice's samples");
            return -1;
        }
        memcpy(*pcm, w->samples + from, (to - from) * sizeof **pcm);
        *count = to - from;
    }
    delete_wave(w);
    return 0;
}
#else
ui_voice *ui_voice_open(char *err, size_t n)
{
    say_err(err, n, "this build has no synthesized voice (flite was not found when it was built)");
    return NULL;
}

void ui_voice_close(ui_voice *v) { free(v); }

int ui_voice_say(ui_voice *v, const char *spoken, short **pcm, size_t *count, char *err, size_t n)
{
    (void)v, (void)spoken;
    *pcm = NULL;
    *count = 0;
    say_err(err, n, "this build has no synthesized voice");
    return -1;
}
#endif

const char *ui_voice_describe(const ui_voice *v) { return v ? v->describe : "no voice"; }

int ui_voice_say_shown(ui_voice *v, const xl_lesson *l, int page, const char *shown, short **pcm, size_t *count,
                       char *words, size_t nwords, char *err, size_t n)
{
    static const size_t cap = UI_VOICE_MAX_TEXT + 1;
    char *spoken = malloc(cap);
    *pcm = NULL;
    *count = 0;
    if (!spoken) {
        say_err(err, n, "out of memory reading the text");
        return -1;
    }
    xl_speech_rule rules[XL_SPEECH_MAX_RULES];
    const int nr = l ? xl_speech_page_rules(l, page, rules, XL_SPEECH_MAX_RULES) : 0;
    const size_t need = xl_speech_text(shown, rules, nr, spoken, cap, NULL);
    if (words && nwords) snprintf(words, nwords, "%s", spoken);
    int rc = -1;
    if (need >= cap) {
        if (err && n) snprintf(err, n, "the words of this text are %zu bytes, too long to say at once (at most %d)",
                               need, UI_VOICE_MAX_TEXT);
    } else {
        rc = ui_voice_say(v, spoken, pcm, count, err, n);
    }
    free(spoken);
    return rc;
}
