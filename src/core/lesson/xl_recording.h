/* xl_recording: a lesson played on a virtual clock, frame by frame, for a video.
 *
 * Time is counted in whole frames at `fps`; nothing depends on a float sum advancing.
 * Each page is shown from its scripted start:
 *   - a play takes its steps at the session's speed: by frame n of the play,
 *     floor(n · steps_per_second / fps) steps are taken;
 *   - a question is shown for its reading time plus XL_REC_THINK_SECONDS, then its answer
 *     is revealed and the page goes on;
 *   - a wait or a pause is held for XL_REC_BEAT_SECONDS, then the page goes on;
 *   - when the script is done the page stays for its hold directives' seconds, or when it
 *     has none, until the page's text has been on screen for its reading time (at
 *     XL_REC_WORDS_PER_SECOND) and at least XL_REC_MIN_PAGE_SECONDS;
 *   then the next page. The last page ends the recording.
 * The same lesson and fps give the same frames, the same states and the same page times.
 */
#ifndef XL_RECORDING_H
#define XL_RECORDING_H

#include "xl_player.h"

#define XL_REC_WORDS_PER_SECOND 2.5  /* 150 words a minute: narration read at a calm pace */
#define XL_REC_THINK_SECONDS 3.0     /* after a question is read, before its answer */
#define XL_REC_BEAT_SECONDS 1.5      /* a wait or a pause */
#define XL_REC_MIN_PAGE_SECONDS 3.0

enum { XL_REC_FPS_MAX = 120 };

typedef struct xl_recording xl_recording;

/* A recording of p's lesson from its first page at fps frames per second (1 to
 * XL_REC_FPS_MAX). Borrows p, which it drives (xl_player_goto to page 1 first). NULL if
 * out of memory or fps is out of range. Free with xl_recording_free. */
xl_recording *xl_recording_create(xl_player *p, int fps);
void xl_recording_free(xl_recording *r);

/* Move to the next frame's state. Returns 1 when there is a frame to draw (the first
 * call gives frame 0, the first page as it opens), 0 when the lesson is over. */
int xl_recording_next(xl_recording *r);

/* 1 when the last xl_recording_next changed what a frame shows (steps, the script going
 * on, a new page); 0 for a frame held still, which may reuse the frame before. */
int xl_recording_changed(const xl_recording *r);

/* Frames given so far (the index of the current frame plus one). */
long xl_recording_frames(const xl_recording *r);
int xl_recording_fps(const xl_recording *r);

/* Where page k (0-based) began and ended, in frames: [*start, *end). Valid for the pages
 * reached so far; returns 0 then, -1 for a page not reached. */
int xl_recording_page_frames(const xl_recording *r, int k, long *start, long *end);

/* Milliseconds of frame index f at fps (exact integer arithmetic, rounded down). */
long long xl_recording_ms(long f, int fps);

/* The reading time of a text in seconds at XL_REC_WORDS_PER_SECOND (its words counted
 * between white space; '*' of emphasis is not a word). */
double xl_recording_reading_seconds(const char *text);

#endif
