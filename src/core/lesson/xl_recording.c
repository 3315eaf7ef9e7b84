/* xl_recording: a lesson on a virtual clock (see xl_recording.h). Every duration is
 * turned into whole frames once, when the script reaches it; the clock is the frame
 * counter. */
#include "xl_recording.h"

#include <math.h>
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
    long wait_left;                        /* frames still to show the current stop */
    long play_frame, play_taken, play_n;   /* the play in progress: frames into it, steps taken, its steps */
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

/* The script stopped somewhere new, shown from the frame being made (index r->frame): how
 * many frames after it the stop lasts. */
static void enter(xl_recording *r)
{
    const xl_page *pg = page_of(r);
    const long shown = r->frame - r->start[r->page] + 1; /* frames of this page, this one included */
    switch (xl_player_phase_of(r->p)) {
    case XL_PLAYER_PLAYING:
        r->play_frame = r->play_taken = 0;
        r->play_n = xl_player_play_left(r->p);
        r->wait_left = 0;
        break;
    case XL_PLAYER_ASKING: {
        double read = 0.0;
        for (int q = 0; q < pg->nquestions; q++) {
            if (xl_player_question_state(r->p, q, NULL) != 1) continue;
            read += xl_recording_reading_seconds(pg->questions[q].text);
            for (int a = 0; a < pg->questions[q].nanswers; a++)
                read += xl_recording_reading_seconds(pg->questions[q].answers[a]);
        }
        const long f = frames_of(r, read + XL_REC_THINK_SECONDS);
        r->wait_left = f > 1 ? f - 1 : 0;
        break;
    }
    case XL_PLAYER_WAITING:
    case XL_PLAYER_PAUSED: {
        const long f = frames_of(r, XL_REC_BEAT_SECONDS);
        r->wait_left = f > 1 ? f - 1 : 0;
        break;
    }
    case XL_PLAYER_SUSPENDED:
        r->wait_left = 0;
        break;
    case XL_PLAYER_DONE: {
        const double hold = xl_player_page_hold(r->p);
        if (hold > 0.0) { /* the script's own duration: held this long after its last change */
            r->wait_left = frames_of(r, hold);
            break;
        }
        /* The page's text on screen for its reading time, then time for every explanation
         * revealed on it, and never less than the shortest page. */
        const long text = frames_of(r, xl_recording_reading_seconds(pg->title) + xl_recording_reading_seconds(pg->text));
        long wait = text > shown ? text - shown : 0;
        for (int q = 0; q < pg->nquestions; q++) wait += frames_of(r, xl_recording_reading_seconds(pg->questions[q].why));
        const long least = frames_of(r, XL_REC_MIN_PAGE_SECONDS);
        if (shown + wait < least) wait = least - shown;
        r->wait_left = wait;
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
    free(r);
}

/* One frame's worth of the current stop. */
static void tick(xl_recording *r)
{
    xl_player *p = r->p;
    if (xl_player_phase_of(p) == XL_PLAYER_PLAYING) {
        const long sps = xl_player_steps_per_second(p);
        r->play_frame++;
        long target = (long)((long long)r->play_frame * sps / r->fps);
        if (target > r->play_n) target = r->play_n;
        const long before_left = xl_player_play_left(p);
        long taken = xl_player_take_steps(p, target - r->play_taken);
        r->play_taken += taken;
        if (taken > 0) r->changed = 1;
        /* The play ended: the script went on to whatever comes next (another play too). */
        if (taken == before_left && taken > 0) enter(r);
        return;
    }
    if (r->wait_left > 0) {
        r->wait_left--;
        return;
    }
    r->changed = 1;
    if (xl_player_phase_of(p) == XL_PLAYER_DONE) {
        r->end[r->page] = r->frame;
        if (xl_player_next(p) != XL_PLAYER_TURNED) {
            r->over = 1;
            return;
        }
        r->page = xl_player_page(p);
        r->start[r->page] = r->frame;
        r->reached = r->page + 1;
    } else {
        xl_player_next(p); /* reveal the answer, go on past a wait or a pause */
    }
    enter(r);
}

int xl_recording_next(xl_recording *r)
{
    if (r->over) return 0;
    r->changed = 0;
    if (!r->started) {
        r->started = 1;
        if (xl_player_goto(r->p, 0) != 0) {
            r->over = 1;
            return 0;
        }
        r->page = 0;
        r->changed = 1;
        r->start[0] = 0;
        r->reached = 1;
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
