/* ui_voice: flite's cmu_us_rms voice in English, eSpeak NG's in German and Spanish, text
 * to 16-bit PCM (see ui_voice.h). */
#include "ui_voice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_voice_espeak.h"
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
    cst_voice *voice;        /* flite's, or NULL for eSpeak NG's */
#endif
    int espeak;              /* 1: eSpeak NG speaks (German, Spanish) */
    int said_words;          /* the last text's word events, -1 unknown */
    char lang[4];
    char describe[96];
};

static void say_err(char *err, size_t n, const char *msg)
{
    if (err && n) snprintf(err, n, "%s", msg);
}

static int opened; /* flite's and eSpeak NG's state is global: one voice at a time */

static int is_espeak_lang(const char *lang)
{
    return lang && (strcmp(lang, "de") == 0 || strcmp(lang, "es") == 0);
}

int ui_voice_speaks(const char *lang)
{
    if (!lang || strcmp(lang, "en") == 0) return XL_HAVE_VOICE ? 1 : 0;
    if (is_espeak_lang(lang)) return ui_voice_espeak_built();
    return -1;
}

const char *ui_voice_lang(const ui_voice *v)
{
    return v ? v->lang : "en";
}

int ui_voice_said_words(const ui_voice *v)
{
    return v ? v->said_words : -1;
}

size_t ui_voice_words(const ui_voice *v, const char *text, const xl_speech_rule *rules, int nrules, char *out,
                      size_t n)
{
    if (v && v->espeak) return xl_speech_words_in(v->lang, text, rules, nrules, out, n, NULL);
    return xl_speech_text(text, rules, nrules, out, n, NULL);
}

/* eSpeak NG's voice for lang. */
static ui_voice *open_espeak(const char *lang, char *err, size_t n)
{
    ui_voice *v = calloc(1, sizeof *v);
    if (!v) {
        say_err(err, n, "out of memory opening the voice");
        return NULL;
    }
    if (ui_voice_espeak_open(lang, v->describe, sizeof v->describe, err, n) != 0) {
        free(v);
        return NULL;
    }
    v->espeak = 1;
    v->said_words = -1;
    snprintf(v->lang, sizeof v->lang, "%s", lang);
    opened = 1;
    return v;
}

/* What the voices have in common before a text is said: the limits. 0 to say it, 1 blank
 * (nothing to say), -1 refused (the reason in err). */
static int check_text(const char *spoken, char *err, size_t n)
{
    const size_t len = strlen(spoken);
    if (len > UI_VOICE_MAX_TEXT) {
        if (err && n) snprintf(err, n, "text of %zu bytes is too long to say at once (at most %d)", len,
                               UI_VOICE_MAX_TEXT);
        return -1;
    }
    /* A synthesizer's letter-to-sound work grows faster than a word's length (flite takes
     * over a minute on a word of 8,000 letters): words are refused past the longest
     * xl_speech makes. Characters are counted, not bytes (ä is two). */
    size_t run = 0, at = 0;
    int blank = 1;
    for (size_t k = 0; k < len; k++) {
        const int sep = spoken[k] == ' ' || spoken[k] == '\t' || spoken[k] == '\n';
        if (sep) run = 0;
        else if (((unsigned char)spoken[k] & 0xC0) != 0x80 && run++ == 0) at = k;
        blank = blank && sep;
        if (run > UI_VOICE_MAX_WORD) {
            if (err && n) snprintf(err, n, "a word of more than %d characters at byte %zu is too long to say",
                                   UI_VOICE_MAX_WORD, at + 1);
            return -1;
        }
    }
    return blank ? 1 : 0;
}

/* The speech's [first, last] sample louder than about -40 dBFS. */
static void trim(const short *s, size_t count, size_t *from, size_t *to)
{
    const int floor = 328; /* 1% of full scale */
    size_t a = 0, b = count;
    while (a < count && abs(s[a]) < floor) a++;
    while (b > a && abs(s[b - 1]) < floor) b--;
    *from = a;
    *to = b;
}

/* samples[0..count)'s speech with exactly UI_VOICE_PAD_MS of silence either side (cut
 * from the synthesizer's own, or added where it starts or ends sooner: eSpeak NG starts
 * at once), into a new block for the caller. 0, or -1 out of memory. */
static int keep_trimmed(const short *samples, size_t count, short **pcm, size_t *out, char *err, size_t n)
{
    size_t from = 0, to = 0;
    trim(samples, count, &from, &to);
    if (to <= from) return 0; /* silence: nothing said */
    const size_t pad = (size_t)UI_VOICE_RATE * UI_VOICE_PAD_MS / 1000;
    const size_t speech = to - from, total = speech + 2 * pad;
    *pcm = malloc(total * sizeof **pcm);
    if (!*pcm) {
        say_err(err, n, "out of memory for the voice's samples");
        return -1;
    }
    /* The pads are the synthesizer's own quiet where it has them (its breath), else zeros. */
    const size_t lead = from < pad ? from : pad, tail = count - to < pad ? count - to : pad;
    memset(*pcm, 0, (pad - lead) * sizeof **pcm);
    memcpy(*pcm + (pad - lead), samples + from - lead, (lead + speech + tail) * sizeof **pcm);
    memset(*pcm + pad + speech + tail, 0, (pad - tail) * sizeof **pcm);
    *out = total;
    return 0;
}

static int say_espeak(ui_voice *v, const char *spoken, short **pcm, size_t *count, char *err, size_t n)
{
    short *raw = NULL;
    size_t nraw = 0;
    int words = 0;
    if (ui_voice_espeak_say(spoken, &raw, &nraw, &words, err, n) != 0) return -1;
    v->said_words = words;
    const int rc = keep_trimmed(raw, nraw, pcm, count, err, n);
    free(raw);
    return rc;
}

#if XL_HAVE_VOICE
ui_voice *ui_voice_open(const char *lang, char *err, size_t n)
{
    if (opened) {
        say_err(err, n, "the voice is already open (a process has one voice at a time)");
        return NULL;
    }
    if (is_espeak_lang(lang)) return open_espeak(lang, err, n);
    if (lang && strcmp(lang, "en") != 0) {
        if (err && n) snprintf(err, n, "no synthesized voice speaks '%.8s' (English, German and Spanish do)", lang);
        return NULL;
    }
    ui_voice *v = calloc(1, sizeof *v);
    if (!v) {
        say_err(err, n, "out of memory opening the voice");
        return NULL;
    }
    v->said_words = -1;
    snprintf(v->lang, sizeof v->lang, "en");
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
    if (v->espeak) ui_voice_espeak_close();
    else unregister_cmu_us_rms(v->voice);
    opened = 0;
    free(v);
}

int ui_voice_say(ui_voice *v, const char *spoken, short **pcm, size_t *count, char *err, size_t n)
{
    *pcm = NULL;
    *count = 0;
    if (!v || !spoken) {
        say_err(err, n, "no voice or no text");
        return -1;
    }
    const int checked = check_text(spoken, err, n);
    if (checked != 0) return checked < 0 ? -1 : 0;
    if (v->espeak) return say_espeak(v, spoken, pcm, count, err, n);
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
    const int rc = keep_trimmed(w->samples, (size_t)w->num_samples, pcm, count, err, n);
    delete_wave(w);
    return rc;
}
#else
ui_voice *ui_voice_open(const char *lang, char *err, size_t n)
{
    if (opened) {
        say_err(err, n, "the voice is already open (a process has one voice at a time)");
        return NULL;
    }
    if (is_espeak_lang(lang)) return open_espeak(lang, err, n);
    say_err(err, n, "this build has no synthesized voice (flite was not found when it was built)");
    return NULL;
}

void ui_voice_close(ui_voice *v)
{
    if (!v) return;
    if (v->espeak) ui_voice_espeak_close();
    opened = 0;
    free(v);
}

int ui_voice_say(ui_voice *v, const char *spoken, short **pcm, size_t *count, char *err, size_t n)
{
    *pcm = NULL;
    *count = 0;
    if (!v || !spoken) {
        say_err(err, n, "no voice or no text");
        return -1;
    }
    const int checked = check_text(spoken, err, n);
    if (checked != 0) return checked < 0 ? -1 : 0;
    return say_espeak(v, spoken, pcm, count, err, n);
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
    const size_t need = ui_voice_words(v, shown, rules, nr, spoken, cap);
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
