/* xl_caption_track: a recording's captions (see xl_caption_track.h). */
#include "xl_caption_track.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void xl_caption_track_init(xl_caption_track *t)
{
    memset(t, 0, sizeof *t);
}

void xl_caption_track_deinit(xl_caption_track *t)
{
    free(t->cues);
    free(t->page);
    free(t->kind);
    free(t->until);
    xl_caption_track_init(t);
}

/* Room for `more` cues after the n there are; 0, or -1 (out of memory or past the cap). */
static int reserve(xl_caption_track *t, int more)
{
    if (more > XL_CAPTION_TRACK_MAX - t->n) return -1;
    const int want = t->n + more;
    if (want <= t->cap) return 0;
    int cap = t->cap ? t->cap : 64;
    while (cap < want) cap = cap > XL_CAPTION_TRACK_MAX / 2 ? XL_CAPTION_TRACK_MAX : 2 * cap;
    xl_cue *cues = realloc(t->cues, (size_t)cap * sizeof *cues);
    if (cues) t->cues = cues;
    int *page = realloc(t->page, (size_t)cap * sizeof *page);
    if (page) t->page = page;
    int *kind = realloc(t->kind, (size_t)cap * sizeof *kind);
    if (kind) t->kind = kind;
    long long *until = realloc(t->until, (size_t)cap * sizeof *until);
    if (until) t->until = until;
    if (!cues || !page || !kind || !until) return -1;
    t->cap = cap;
    return 0;
}

/* The least a cue is held, the hard limits: 1.3 s and 17 characters a second. (Cues are
 * timed for 15 a second; holding to the limit, not the aim, keeps a voice's captions in
 * step with it.) */
static long long least_ms(const xl_cue *c)
{
    return (long long)(1000.0 * xl_caption_cue_limit_seconds(c->chars) + 0.999);
}

/* The cues [g, q) of one page (one `until`): each held for its least time, pushing the
 * ones after it later where it must (a voice quicker than a reader: the captions lag it
 * a little and catch up in the next pause); if that runs past the page's end, pulled
 * back from the end, but none earlier than it was said. Never overlapping. */
static void fit(xl_caption_track *t, int g, int q)
{
    const long long until = t->until[g];
    long long *said = calloc((size_t)(q - g), sizeof *said);
    if (said)
        for (int i = g; i < q; i++) said[i - g] = t->cues[i].start_ms;
    for (int i = g; i < q; i++) {
        xl_cue *c = &t->cues[i];
        if (i > g && c->start_ms < t->cues[i - 1].end_ms) c->start_ms = t->cues[i - 1].end_ms;
        if (c->end_ms < c->start_ms + least_ms(c)) c->end_ms = c->start_ms + least_ms(c);
    }
    long long limit = until;
    for (int i = q - 1; i >= g; i--) {
        xl_cue *c = &t->cues[i];
        if (c->end_ms > limit) c->end_ms = limit;
        if (c->start_ms > c->end_ms - least_ms(c)) c->start_ms = c->end_ms - least_ms(c);
        const long long floor = said ? said[i - g] : c->start_ms;
        if (c->start_ms < floor) c->start_ms = floor;
        if (c->start_ms > limit) c->start_ms = limit;
        limit = c->start_ms;
    }
    free(said);
}

/* The cues from the page of cue `from` on: fitted page by page, and the ones still too
 * short or too fast to read taken out. */
static void settle(xl_caption_track *t, int from)
{
    int p = from > 0 ? from - 1 : 0;
    while (p > 0 && t->until[p - 1] == t->until[p]) p--;
    for (int g = p; g < t->n;) {
        int q = g + 1;
        while (q < t->n && t->until[q] == t->until[g]) q++;
        fit(t, g, q);
        g = q;
    }
    int k = p;
    for (int i = p; i < t->n; i++) {
        /* A cue without the time to be read (its page turned first) is left out: a flash
         * of words helps no one, and the page shows them anyway. */
        const long long ms = t->cues[i].end_ms - t->cues[i].start_ms;
        if ((double)ms < 1000.0 * XL_CAPTION_MIN_CUE_SECONDS ||
            (double)t->cues[i].chars * 1000.0 > XL_CAPTION_MAX_CHARS_PER_SECOND * (double)ms) {
            t->dropped++;
            continue;
        }
        if (k != i) {
            t->cues[k] = t->cues[i];
            t->page[k] = t->page[i];
            t->kind[k] = t->kind[i];
            t->until[k] = t->until[i];
        }
        k++;
    }
    t->n = k;
}

/* Cut text into the track's next cues (not yet counted in n): how many, or -1. */
static int cut(xl_caption_track *t, const char *text)
{
    const int count = xl_caption_split(text, NULL, 0);
    if (count <= 0) return count;
    if (reserve(t, count) != 0) {
        t->dropped += count;
        return -1;
    }
    return xl_caption_split(text, t->cues + t->n, count);
}

int xl_caption_track_add_segments(xl_caption_track *t, const xl_lesson *l, const xl_rec_segment *sg, int n, int fps,
                                  const long *page_start, const long *page_end, int npages, long long offset_ms,
                                  const xl_caption_voice *voice)
{
    const int from = t->n;
    static const size_t text_max = XL_LESSON_TEXT + 6 * XL_LESSON_LINE;
    char *text = malloc(text_max);
    long long *said = NULL;
    if (!text) return 0;
    for (int s = 0; s < n; s++) {
        xl_rec_segment_text(l, &sg[s], text, text_max);
        const int count = cut(t, text);
        if (count <= 0) continue;
        const long long start = offset_ms + xl_recording_ms(sg[s].start, fps);
        long long end = offset_ms + xl_recording_ms(sg[s].end, fps);
        long long until = LLONG_MAX;
        const int pg = sg[s].page;
        if (pg >= 0 && pg < npages) {
            until = offset_ms + xl_recording_ms(page_end[pg], fps);
            if (start < offset_ms + xl_recording_ms(page_start[pg], fps)) until = start; /* not on its page: left out */
        }
        xl_cue *cues = t->cues + t->n;
        long long *said_now = NULL;
        if (voice && voice->said_ms) {
            long long *grown = realloc(said, (size_t)count * sizeof *grown);
            if (grown) {
                said = grown;
                if (voice->said_ms(voice->self, &sg[s], cues, count, said)) said_now = said;
            }
        }
        xl_caption_time(cues, count, start, end, said_now);
        for (int i = 0; i < count; i++) {
            t->page[t->n + i] = pg;
            t->kind[t->n + i] = (int)sg[s].kind;
            t->until[t->n + i] = until;
        }
        t->n += count;
    }
    free(said);
    free(text);
    settle(t, from);
    return t->n - from;
}

int xl_caption_track_add_text(xl_caption_track *t, const char *text, long long start_ms, long long end_ms)
{
    const int from = t->n;
    const int count = cut(t, text);
    if (count <= 0) return 0;
    xl_caption_time(t->cues + t->n, count, start_ms, end_ms, NULL);
    for (int i = 0; i < count; i++) {
        t->page[t->n + i] = -1;
        t->kind[t->n + i] = -1;
        t->until[t->n + i] = end_ms;
    }
    t->n += count;
    settle(t, from);
    return t->n - from;
}

void xl_caption_track_clip(xl_caption_track *t, int from, long long until_ms)
{
    if (from < 0) from = 0;
    for (int i = from; i < t->n; i++)
        if (t->until[i] > until_ms) t->until[i] = until_ms;
    settle(t, from);
}

int xl_caption_cue_check(const xl_cue *c, const xl_cue *prev, long long tol_ms, char *why, size_t n)
{
    if (n > 0) why[0] = '\0';
    const char *line = c->text;
    for (int k = 0;; k++) {
        const char *nl = strchr(line, '\n');
        char one[XL_CAPTION_CUE_BYTES];
        snprintf(one, sizeof one, "%.*s", (int)(nl ? nl - line : (long)strlen(line)), line);
        const int chars = xl_caption_chars(one);
        if (k >= XL_CAPTION_LINES) {
            snprintf(why, n, "more than %d lines", XL_CAPTION_LINES);
            return 1;
        }
        if (chars > XL_CAPTION_LINE_CHARS) {
            snprintf(why, n, "line %d has %d characters (at most %d)", k + 1, chars, XL_CAPTION_LINE_CHARS);
            return 1;
        }
        if (!nl) break;
        line = nl + 1;
    }
    const long long ms = c->end_ms - c->start_ms;
    if ((double)ms < 1000.0 * XL_CAPTION_MIN_CUE_SECONDS - (double)tol_ms) {
        snprintf(why, n, "on screen %lld ms (at least %.0f)", ms, 1000.0 * XL_CAPTION_MIN_CUE_SECONDS);
        return 1;
    }
    if ((double)c->chars * 1000.0 > XL_CAPTION_MAX_CHARS_PER_SECOND * (double)(ms + tol_ms)) {
        snprintf(why, n, "%d characters in %lld ms: %.1f a second (at most %.0f)", c->chars, ms,
                 ms > 0 ? 1000.0 * c->chars / (double)ms : 0.0, XL_CAPTION_MAX_CHARS_PER_SECOND);
        return 1;
    }
    if (prev && c->start_ms < prev->end_ms) {
        snprintf(why, n, "starts at %lld ms, before the cue before ends (%lld ms)", c->start_ms, prev->end_ms);
        return 1;
    }
    return 0;
}
