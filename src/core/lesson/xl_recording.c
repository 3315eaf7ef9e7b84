/* xl_recording: a lesson on a virtual clock (see xl_recording.h). Every duration is
 * turned into whole frames once, when the script reaches it; the clock is the frame
 * counter. */
#include "xl_recording.h"

#include "xl_caption.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct xl_recording {
    xl_player *p;
    int fps;
    int started, over;
    int changed;                           /* the last frame's state differs from the one before */
    long frame;                            /* frames given */
    int page;
    long start[XL_LESSON_MAX_PAGES], end[XL_LESSON_MAX_PAGES];
    int reached;                           /* pages begun */
    long until;                            /* a held stop goes on at this frame */
    long play_from;                        /* the play in progress takes its first step after this frame */
    long play_frame, play_taken, play_n;   /* the play: frames into it, steps taken, its steps */
    int play_ended;                        /* enter() is called as a play takes its last step */
    /* The narration. */
    xl_rec_timing timing;
    int voiced;                            /* a voice: plays, waits and holds wait for it */
    long say_until;                        /* the narrator is free from this frame */
    xl_rec_segment *seg;
    int nseg, segcap;
    unsigned char para_said[XL_LESSON_PARAS]; /* the current page's paragraphs queued */
    unsigned asked, revealed;              /* the current page's questions queued, as bits */
    /* The page turn. */
    long turn_end;                         /* the turn's transition lasts until this frame */
    int turned;
    xl_session_snapshot *before;
};

double xl_recording_reading_seconds(const char *text)
{
    long words = 0;
    int in_word = 0;
    for (const char *c = text ? text : ""; *c; c++) {
        if (*c == '\\' && (c[1] == '*' || c[1] == '\\')) c++; /* \* and \\ are characters */
        else if (*c == '*') continue; /* emphasis marks are neither words nor spaces */
        const int space = *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r';
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return (double)words / XL_REC_WORDS_PER_SECOND;
}

long long xl_recording_ms(long f, int fps)
{
    return fps > 0 ? (long long)f * 1000 / fps : 0;
}

static long frames_of(const xl_recording *r, double seconds)
{
    if (!(seconds > 0.0)) return 0;
    if (seconds > 86400.0) seconds = 86400.0; /* a day: a hold beyond it is a typo */
    return (long)ceil(seconds * r->fps - 1e-9);
}

static const xl_page *page_of(const xl_recording *r)
{
    return &xl_player_lesson(r->p)->pages[xl_player_page(r->p)];
}

static long max_l(long a, long b)
{
    return a > b ? a : b;
}

/* A page's paragraphs, counted as xl_page.text separates them (by a blank line). */
static int paragraph_count(const char *text)
{
    int n = 0;
    for (const char *c = text; *c;) {
        while (*c == '\n') c++;
        if (!*c) break;
        n++;
        const char *e = strstr(c, "\n\n");
        c = e ? e : c + strlen(c);
    }
    return n;
}

/* Queue segment (kind, index) of the current page, appearing at the frame being made. */
static void say(xl_recording *r, xl_rec_seg_kind kind, int index)
{
    if (r->nseg == r->segcap) {
        if (r->segcap >= XL_REC_SEGMENTS_MAX) return;
        int cap = r->segcap ? 2 * r->segcap : 64;
        if (cap > XL_REC_SEGMENTS_MAX) cap = XL_REC_SEGMENTS_MAX;
        xl_rec_segment *grown = realloc(r->seg, (size_t)cap * sizeof *grown);
        if (!grown) return; /* out of memory: said as before, not kept */
        r->seg = grown;
        r->segcap = cap;
    }
    xl_rec_segment *sg = &r->seg[r->nseg];
    sg->kind = kind;
    sg->page = r->page;
    sg->index = index;
    sg->start = max_l(r->frame, max_l(r->say_until, r->turn_end));
    long len = r->timing.frames ? r->timing.frames(r->timing.self, xl_player_lesson(r->p), sg, r->fps) : -1;
    if (len < 0) {
        char text[XL_LESSON_TEXT + 2 * XL_LESSON_LINE];
        xl_rec_segment_text(xl_player_lesson(r->p), sg, text, sizeof text);
        /* Read at 150 words a minute, and never faster than its captions can be. */
        double secs = xl_recording_reading_seconds(text);
        const double captions = xl_caption_min_seconds(text);
        if (captions > secs) secs = captions;
        if (secs < XL_REC_SEGMENT_MIN_SECONDS) secs = XL_REC_SEGMENT_MIN_SECONDS;
        len = frames_of(r, secs);
    }
    sg->end = sg->start + len;
    r->say_until = sg->end;
    r->nseg++;
}

/* The paragraphs from *next on written at or before step `before` (all of them when -1)
 * that are shown and not said yet, said; *next moves past them. */
static void say_paragraphs(xl_recording *r, const xl_page *pg, int paras, int *next, int before)
{
    for (; *next < paras && *next < XL_LESSON_PARAS; (*next)++) {
        const int k = *next;
        const int place = pg->nparas == 0 ? 0 : pg->para_after[k < pg->nparas ? k : pg->nparas - 1];
        if (before >= 0 && place > before) break;
        if (!r->para_said[k] && xl_player_paragraph_shown(r->p, k)) {
            r->para_said[k] = 1;
            say(r, XL_REC_SEG_PARA, k);
        }
    }
}

/* What the script has shown by now and was not said yet, in the order the page draws it
 * (ui_lesson_panel): the paragraphs written before a question, the question asked, its
 * answer revealed, then the paragraphs after it. A paragraph written after a question's
 * play appears with the answer, below it: it is said after the answer, as it is read. */
static void say_what_appeared(xl_recording *r)
{
    const xl_page *pg = page_of(r);
    const int paras = paragraph_count(pg->text);
    int next = 0;
    for (int q = 0; q < pg->nquestions; q++) {
        int at = -1;
        for (int i = 0; i < pg->nsteps; i++)
            if (pg->steps[i].kind == XL_STEP_QUESTION && pg->steps[i].question == q) at = i;
        say_paragraphs(r, pg, paras, &next, at);
        const unsigned bit = 1u << q;
        if (!(r->asked & bit) && xl_player_question_state(r->p, q, NULL) >= 1) {
            r->asked |= bit;
            say(r, XL_REC_SEG_QUESTION, q);
        }
        if (!(r->revealed & bit) && xl_player_question_revealed(r->p, q)) {
            r->revealed |= bit;
            say(r, XL_REC_SEG_ANSWER, q);
        }
    }
    say_paragraphs(r, pg, paras, &next, -1);
}

/* A new page from the frame being made: its transition, then its title. */
static void open_page(xl_recording *r, int turned)
{
    r->start[r->page] = r->frame;
    r->reached = r->page + 1;
    memset(r->para_said, 0, sizeof r->para_said);
    r->asked = r->revealed = 0;
    r->turn_end = turned ? r->frame + frames_of(r, XL_REC_TURN_SECONDS) : r->frame;
    say(r, XL_REC_SEG_TITLE, 0);
}

/* The script stopped somewhere new, shown from the frame being made (index r->frame):
 * until when the stop lasts. */
static void enter(xl_recording *r)
{
    say_what_appeared(r);
    const long now = max_l(r->frame, r->turn_end);
    const long said = r->voiced ? max_l(now, r->say_until) : now;
    switch (xl_player_phase_of(r->p)) {
    case XL_PLAYER_PLAYING:
        r->play_frame = r->play_taken = 0;
        r->play_n = xl_player_play_left(r->p);
        r->play_from = said;
        r->until = 0;
        break;
    case XL_PLAYER_ASKING:
        /* Read out (its segment), then time to think. */
        r->until = max_l(now, r->say_until) + frames_of(r, XL_REC_THINK_SECONDS);
        break;
    case XL_PLAYER_WAITING:
    case XL_PLAYER_PAUSED:
        r->until = said + frames_of(r, XL_REC_BEAT_SECONDS);
        break;
    case XL_PLAYER_SUSPENDED:
        r->until = r->frame + 1;
        break;
    case XL_PLAYER_DONE: {
        const double hold = xl_player_page_hold(r->p);
        if (hold > 0.0) { /* the script's own duration: held this long after its last change, */
            r->until = max_l(said + 1 + frames_of(r, hold), /* and never before its words are read */
                             r->say_until + frames_of(r, XL_REC_END_SECONDS));
            break;
        }
        /* Everything on the page said or read, then a breath; never less than the
         * shortest page; a play that ends the page is seen at rest before the turn. */
        r->until = max_l(r->say_until + frames_of(r, XL_REC_END_SECONDS),
                         r->start[r->page] + frames_of(r, XL_REC_MIN_PAGE_SECONDS));
        if (r->play_ended) r->until = max_l(r->until, now + frames_of(r, XL_REC_SETTLE_SECONDS));
        break;
    }
    }
}

xl_recording *xl_recording_create(xl_player *p, int fps)
{
    if (!p || fps < 1 || fps > XL_REC_FPS_MAX) return NULL;
    xl_recording *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->p = p;
    r->fps = fps;
    return r;
}

void xl_recording_free(xl_recording *r)
{
    if (!r) return;
    free(r->seg);
    xl_session_snapshot_free(r->before);
    free(r);
}

void xl_recording_set_timing(xl_recording *r, const xl_rec_timing *t)
{
    if (t) r->timing = *t;
    r->voiced = t && t->frames;
}

/* One frame's worth of the current stop. */
static void tick(xl_recording *r)
{
    xl_player *p = r->p;
    if (xl_player_phase_of(p) == XL_PLAYER_PLAYING) {
        if (r->frame <= r->play_from) return; /* announced first, after the turn */
        const long sps = xl_player_steps_per_second(p);
        r->play_frame++;
        long target = (long)((long long)r->play_frame * sps / r->fps);
        if (target > r->play_n) target = r->play_n;
        const long before_left = xl_player_play_left(p);
        long taken = xl_player_take_steps(p, target - r->play_taken);
        r->play_taken += taken;
        if (taken > 0) r->changed = 1;
        /* The play ended: the script went on to whatever comes next (another play too). */
        if (taken == before_left && taken > 0) {
            r->play_ended = 1;
            enter(r);
            r->play_ended = 0;
        }
        return;
    }
    if (r->frame < r->until) return;
    r->changed = 1;
    if (xl_player_phase_of(p) == XL_PLAYER_DONE) {
        r->end[r->page] = r->frame;
        /* The state the turn leaves, for a transition drawn from it. */
        xl_session_snapshot_free(r->before);
        r->before = xl_session_save(xl_player_session(p));
        if (xl_player_next(p) != XL_PLAYER_TURNED) {
            r->over = 1;
            return;
        }
        r->page = xl_player_page(p);
        r->turned = 1;
        open_page(r, 1);
    } else {
        xl_player_next(p); /* reveal the answer, go on past a wait or a pause */
    }
    enter(r);
}

int xl_recording_next(xl_recording *r)
{
    if (r->over) return 0;
    r->changed = 0;
    r->turned = 0;
    if (!r->started) {
        r->started = 1;
        if (xl_player_goto(r->p, 0) != 0) {
            r->over = 1;
            return 0;
        }
        r->page = 0;
        r->changed = 1;
        open_page(r, 0);
        enter(r);
    } else {
        tick(r);
        if (r->over) return 0;
    }
    r->frame++;
    return 1;
}

long xl_recording_frames(const xl_recording *r)
{
    return r->frame;
}

int xl_recording_changed(const xl_recording *r)
{
    return r->changed;
}

int xl_recording_fps(const xl_recording *r)
{
    return r->fps;
}

int xl_recording_page_frames(const xl_recording *r, int k, long *start, long *end)
{
    if (k < 0 || k >= r->reached) return -1;
    *start = r->start[k];
    *end = k < r->page || r->over ? r->end[k] : r->frame;
    return 0;
}

int xl_recording_segments(const xl_recording *r, const xl_rec_segment **out)
{
    *out = r->seg;
    return r->nseg;
}

long xl_recording_turn_frames(const xl_recording *r)
{
    return frames_of(r, XL_REC_TURN_SECONDS);
}

int xl_recording_turned(const xl_recording *r)
{
    return r->turned;
}

const xl_session_snapshot *xl_recording_before_turn(const xl_recording *r)
{
    return r->before;
}

/* Text written into out[n] at k; full once something did not fit (nothing after the cut). */
typedef struct sink {
    char *out;
    size_t n, k;
    int full;
} sink;

static void put(sink *o, const char *s, size_t len)
{
    if (o->full) return;
    if (len > o->n - 1 - o->k) {
        len = o->n - 1 - o->k;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--; /* not inside a character */
        o->full = 1;
    }
    memcpy(o->out + o->k, s, len);
    o->k += len;
    o->out[o->k] = '\0';
}

/* Shown text: emphasis marks dropped, escapes resolved, line breaks as spaces, runs of
 * white space as one. */
static void put_shown(sink *o, const char *s, size_t len)
{
    int space = o->k == 0 || o->out[o->k - 1] == ' ';
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < len && (s[i + 1] == '*' || s[i + 1] == '\\')) {
            c = s[++i];
        } else if (c == '*') {
            continue;
        } else if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
            if (!space) put(o, " ", 1);
            space = 1;
            continue;
        }
        /* A character whole: its bytes fit or none is written. */
        size_t len_c = 1;
        while (i + len_c < len && ((unsigned char)s[i + len_c] & 0xC0) == 0x80) len_c++;
        if (len_c == 1) put(o, &c, 1);
        else put(o, s + i, len_c);
        i += len_c - 1;
        space = 0;
    }
}

/* A sentence of its own: ends with a full stop unless it ends with one already. */
static void put_sentence(sink *o, const char *s)
{
    if (o->k > 0 && o->out[o->k - 1] != ' ') put(o, " ", 1);
    put_shown(o, s, strlen(s));
    while (!o->full && o->k > 0 && o->out[o->k - 1] == ' ') o->out[--o->k] = '\0';
    const char last = o->k > 0 ? o->out[o->k - 1] : '.';
    if (last != '.' && last != '?' && last != '!' && last != ':') put(o, ".", 1);
}

size_t xl_rec_segment_text(const xl_lesson *l, const xl_rec_segment *sg, char *out, size_t n)
{
    if (n == 0) return 0;
    out[0] = '\0';
    sink o = {out, n, 0, 0};
    if (!l || sg->page < 0 || sg->page >= l->npages) return 0;
    const xl_page *pg = &l->pages[sg->page];
    switch (sg->kind) {
    case XL_REC_SEG_TITLE:
        put_shown(&o, pg->title, strlen(pg->title));
        break;
    case XL_REC_SEG_PARA: {
        const char *c = pg->text;
        for (int i = 0; *c; i++) {
            while (*c == '\n') c++;
            if (!*c) break;
            const char *e = strstr(c, "\n\n");
            const size_t len = e ? (size_t)(e - c) : strlen(c);
            if (i == sg->index) {
                put_shown(&o, c, len);
                break;
            }
            c += len;
        }
        break;
    }
    case XL_REC_SEG_QUESTION:
    case XL_REC_SEG_ANSWER: {
        if (sg->index < 0 || sg->index >= pg->nquestions) break;
        const xl_question *q = &pg->questions[sg->index];
        if (sg->kind == XL_REC_SEG_QUESTION) {
            put_sentence(&o, q->text);
            for (int a = 0; a < q->nanswers; a++) {
                char num[16];
                snprintf(num, sizeof num, " %d: ", a + 1);
                put(&o, num, strlen(num));
                put_sentence(&o, q->answers[a]);
            }
        } else {
            put(&o, "Answer: ", 8);
            put_sentence(&o, q->answers[q->right]);
            if (q->why[0]) put_sentence(&o, q->why);
        }
        break;
    }
    }
    while (!o.full && o.k > 0 && out[o.k - 1] == ' ') out[--o.k] = '\0';
    return o.k;
}
