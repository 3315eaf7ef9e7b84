/* ui_export_voice: a lesson's synthesized voice for its export (see ui_export_voice.h). */
#include "ui_export_voice.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_voice.h"
#include "ui_wav.h"
#include "xl_caption.h"
#include "xl_speech.h"

/* What was said for one segment: its cues' samples, one after another in ev->pcm. */
typedef struct said {
    int kind, page, index;
    long frames;             /* what the recording was told */
    int cue0, ncues;         /* its cues' sample counts: ev->cue_samples[cue0 ..] */
    size_t pcm0, npcm;       /* its samples: ev->pcm[pcm0 ..] */
} said;

struct ui_export_voice {
    const xl_lesson *l;
    int fps;
    ui_voice *v;
    said *said;
    int nsaid, said_cap;
    size_t *cue_samples;
    int ncue, cue_cap;
    short *pcm;
    size_t npcm, pcm_cap;
    int cursor;              /* the next answer to give again (the drawing pass) */
    char error[320];
    double work;             /* seconds spent saying */
    const volatile sig_atomic_t *stop; /* nonzero: say nothing more (a signal came) */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

ui_export_voice *ui_export_voice_create(const xl_lesson *l, const char *lang, int fps, char *err, size_t n)
{
    ui_export_voice *ev = calloc(1, sizeof *ev);
    if (!ev) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    ev->l = l;
    ev->fps = fps > 0 ? fps : 30;
    ev->v = ui_voice_open(lang, err, n);
    if (!ev->v) {
        free(ev);
        return NULL;
    }
    return ev;
}

void ui_export_voice_free(ui_export_voice *ev)
{
    if (!ev) return;
    ui_voice_close(ev->v);
    free(ev->said);
    free(ev->cue_samples);
    free(ev->pcm);
    free(ev);
}

void ui_export_voice_stop_when(ui_export_voice *ev, const volatile sig_atomic_t *stop)
{
    ev->stop = stop;
}

void ui_export_voice_rewind(ui_export_voice *ev)
{
    ev->cursor = 0;
}

const char *ui_export_voice_error(const ui_export_voice *ev)
{
    return ev->error[0] ? ev->error : NULL;
}

double ui_export_voice_seconds(const ui_export_voice *ev)
{
    return (double)ev->npcm / UI_VOICE_RATE;
}

double ui_export_voice_work_seconds(const ui_export_voice *ev)
{
    return ev->work;
}

static void fail(ui_export_voice *ev, const char *why)
{
    if (!ev->error[0]) snprintf(ev->error, sizeof ev->error, "%s", why);
}

/* Room for `more` of each array. 0, or -1 (said). */
static int grow(void **p, size_t size, size_t have, size_t *cap, size_t more, ui_export_voice *ev)
{
    if (have + more <= *cap) return 0;
    size_t want = *cap ? *cap : 64;
    while (want < have + more) want *= 2;
    void *q = realloc(*p, want * size);
    if (!q) {
        fail(ev, "out of memory");
        return -1;
    }
    *p = q;
    *cap = want;
    return 0;
}

/* Say sg's text cue by cue into a new record. Returns it, or NULL (the reason kept). */
static said *say_segment(ui_export_voice *ev, const xl_rec_segment *sg)
{
    if (ev->error[0]) return NULL; /* failed already: the export stops after the dry pass */
    size_t cap = (size_t)ev->said_cap;
    if (grow((void **)&ev->said, sizeof *ev->said, (size_t)ev->nsaid, &cap, 1, ev) != 0) return NULL;
    ev->said_cap = (int)cap;
    said *s = &ev->said[ev->nsaid];
    memset(s, 0, sizeof *s);
    s->kind = (int)sg->kind;
    s->page = sg->page;
    s->index = sg->index;
    s->cue0 = ev->ncue;
    s->pcm0 = ev->npcm;

    char text[XL_LESSON_TEXT + 4 * XL_LESSON_LINE];
    xl_rec_segment_text(ev->l, sg, text, sizeof text);
    int max = 64;
    xl_cue *cues = malloc((size_t)max * sizeof *cues);
    int ncues = cues ? xl_caption_split(text, cues, max) : -1;
    if (ncues > max) { /* a long paragraph: room for all of its cues */
        xl_cue *more = realloc(cues, (size_t)ncues * sizeof *cues);
        if (more) {
            cues = more;
            max = ncues;
            ncues = xl_caption_split(text, cues, max);
        } else {
            ncues = -1;
        }
    }
    if (ncues < 0) {
        free(cues);
        fail(ev, "out of memory");
        return NULL;
    }
    xl_speech_rule rules[XL_SPEECH_MAX_RULES];
    const int nrules = xl_speech_page_rules(ev->l, sg->page, rules, XL_SPEECH_MAX_RULES);
    const double t0 = now_seconds();
    int done = 0;
    for (int i = 0; i < ncues; i++, done++) {
        /* After a failure or a signal the export stops: nothing more is worth saying. */
        if (ev->stop && *ev->stop) fail(ev, "interrupted");
        if (ev->error[0]) break;
        char line[XL_CAPTION_CUE_BYTES], words[4 * XL_CAPTION_CUE_BYTES + 64];
        snprintf(line, sizeof line, "%s", cues[i].text);
        for (char *c = line; *c; c++)
            if (*c == '\n') *c = ' ';
        ui_voice_words(ev->v, line, rules, nrules, words, sizeof words); /* in the voice's language */
        short *pcm = NULL;
        size_t count = 0;
        char err[256] = "";
        if (ui_voice_say(ev->v, words, &pcm, &count, err, sizeof err) != 0) {
            char why[300];
            snprintf(why, sizeof why, "the voice failed on page %d: %s", sg->page + 1, err);
            fail(ev, why);
            count = 0;
        }
        size_t ccap = (size_t)ev->cue_cap;
        if (ev->npcm + count > (size_t)UI_EXPORT_VOICE_MAX_SECONDS * UI_VOICE_RATE) {
            fail(ev, "the lesson's speech is longer than 2 hours");
            count = 0;
        }
        if (grow((void **)&ev->cue_samples, sizeof *ev->cue_samples, (size_t)ev->ncue, &ccap, 1, ev) != 0 ||
            grow((void **)&ev->pcm, sizeof *ev->pcm, ev->npcm, &ev->pcm_cap, count, ev) != 0) {
            free(pcm);
            free(cues);
            return NULL;
        }
        ev->cue_cap = (int)ccap;
        if (count > 0) memcpy(ev->pcm + ev->npcm, pcm, count * sizeof *pcm);
        free(pcm);
        ev->npcm += count;
        ev->cue_samples[ev->ncue++] = count;
        s->npcm += count;
    }
    ev->work += now_seconds() - t0;
    free(cues);
    s->ncues = done; /* the cues said (all of them, unless the export stops) */
    /* As long as the voice, then a breath; never less than a reader needs for the captions. */
    double secs = (double)s->npcm / UI_VOICE_RATE + UI_EXPORT_VOICE_BREATH_SECONDS;
    const double least = xl_caption_min_seconds(text);
    if (secs < least) secs = least;
    s->frames = (long)ceil(secs * ev->fps - 1e-9);
    ev->nsaid++;
    return s;
}

static int same(const said *s, const xl_rec_segment *sg)
{
    return s->kind == (int)sg->kind && s->page == sg->page && s->index == sg->index;
}

static long timing_frames(void *self, const xl_lesson *l, const xl_rec_segment *sg, int fps)
{
    ui_export_voice *ev = self;
    (void)l;
    (void)fps;
    if (ev->cursor < ev->nsaid && same(&ev->said[ev->cursor], sg)) return ev->said[ev->cursor++].frames;
    said *s = say_segment(ev, sg);
    if (!s) return -1; /* its reading time, silent; the exporter stops on the error */
    ev->cursor = ev->nsaid;
    return s->frames;
}

xl_rec_timing ui_export_voice_timing(ui_export_voice *ev)
{
    xl_rec_timing t = {timing_frames, ev};
    return t;
}

static const said *find(const ui_export_voice *ev, const xl_rec_segment *sg)
{
    for (int i = 0; i < ev->nsaid; i++)
        if (same(&ev->said[i], sg)) return &ev->said[i];
    return NULL;
}

static int caption_said_ms(void *self, const xl_rec_segment *sg, const xl_cue *cues, int n, long long *said_ms)
{
    const ui_export_voice *ev = self;
    (void)cues;
    const said *s = find(ev, sg);
    if (!s || s->ncues != n) return 0;
    for (int i = 0; i < n; i++) said_ms[i] = (long long)ev->cue_samples[s->cue0 + i] * 1000 / UI_VOICE_RATE;
    return 1;
}

xl_caption_voice ui_export_voice_captions(ui_export_voice *ev)
{
    xl_caption_voice c = {caption_said_ms, ev};
    return c;
}

/* Append n samples of silence. 0, or -1 (the reason in err). */
static int silence(ui_wav_writer *w, size_t n, char *err, size_t errlen)
{
    static const int16_t zeros[4096];
    while (n > 0) {
        const size_t k = n < 4096 ? n : 4096;
        if (ui_wav_writer_append(w, zeros, k, err, errlen) != 0) return -1;
        n -= k;
    }
    return 0;
}

int ui_export_voice_write(const ui_export_voice *ev, const xl_rec_segment *sg, int n, long lead, long frames,
                          const char *path, char *err, size_t errlen)
{
    /* Streamed: silence up to each segment's first frame, then what was said (the
     * segments come in time order and never overlap), then silence to the end. */
    const size_t total = (size_t)((long long)frames * UI_VOICE_RATE / ev->fps);
    ui_wav_writer w;
    if (ui_wav_writer_open(&w, path, UI_VOICE_RATE, 1, err, errlen) != 0) return -1;
    size_t at = 0;
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        const said *s = find(ev, &sg[i]);
        if (!s) continue;
        const size_t from = (size_t)((long long)(sg[i].start + lead) * UI_VOICE_RATE / ev->fps);
        if (from >= total) break;
        if (from > at) rc = silence(&w, from - at, err, errlen);
        else if (from < at) continue; /* never: segments do not overlap */
        at = from;
        const size_t count = s->npcm < total - at ? s->npcm : total - at;
        if (rc == 0) rc = ui_wav_writer_append(&w, (const int16_t *)(ev->pcm + s->pcm0), count, err, errlen);
        at += count;
    }
    if (rc == 0 && at < total) rc = silence(&w, total - at, err, errlen);
    if (ui_wav_writer_close(&w, rc == 0 ? err : NULL, rc == 0 ? errlen : 0) != 0) rc = -1;
    return rc;
}
