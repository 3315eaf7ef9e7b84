/* xl_recording: a lesson played on a virtual clock, frame by frame, for a video.
 *
 * Time is counted in whole frames at `fps`; nothing depends on a float sum advancing.
 *
 * A narrator says (or, silent, the viewer reads) what appears, one thing after another:
 * a page's title as it opens, each paragraph when the script shows it, a question with
 * its answers when asked, the right answer and its explanation when revealed. Each is a
 * segment (xl_rec_segment) that starts when it appears or when the one before ends,
 * whichever is later, and lasts as long as a voice takes to say it (xl_rec_timing), or
 * without a voice its reading time (xl_recording_reading_seconds, or the least time its
 * captions need, xl_caption_min_seconds, whichever is longer). Each page is shown
 * from its scripted start:
 *   - a page turn is a transition of XL_REC_TURN_SECONDS (the exporter's cross-fade); the
 *     narration and the script's first play, question or wait start after it;
 *   - a play takes its steps at the session's speed: by frame n of the play,
 *     floor(n · steps_per_second / fps) steps are taken. With a voice, a play starts once
 *     everything shown before it has been said (the sentence that announces it);
 *   - a question is shown until it has been read out (its segment) plus
 *     XL_REC_THINK_SECONDS, then its answer is revealed and the page goes on;
 *   - a wait or a pause is held for XL_REC_BEAT_SECONDS (with a voice, after what was
 *     shown before it has been said), then the page goes on;
 *   - when the script is done the page stays for its hold directives' seconds (with a
 *     voice, after the narration ends), and in any case until every segment of it has
 *     been said plus XL_REC_END_SECONDS, and at least XL_REC_MIN_PAGE_SECONDS; a play
 *     that ends the script is held XL_REC_SETTLE_SECONDS after its last step;
 *   segments are said in the order the page draws them: paragraphs written before a
 *     question, the question, its answer, then the paragraphs after it;
 *   then the next page. The last page ends the recording.
 * The same lesson, fps and voice give the same frames, the same states and the same
 * page and segment times.
 */
#ifndef XL_RECORDING_H
#define XL_RECORDING_H

#include "xl_player.h"

#define XL_REC_WORDS_PER_SECOND 2.5  /* 150 words a minute: narration read at a calm pace */
#define XL_REC_THINK_SECONDS 3.0     /* after a question is read, before its answer */
#define XL_REC_BEAT_SECONDS 1.5      /* a wait or a pause */
#define XL_REC_MIN_PAGE_SECONDS 3.0
#define XL_REC_TURN_SECONDS 0.5      /* a page turn's transition */
#define XL_REC_END_SECONDS 0.5       /* after a page's narration, before the turn */
#define XL_REC_SETTLE_SECONDS 1.5    /* after a page's last play, before the turn: its result seen */
#define XL_REC_SEGMENT_MIN_SECONDS 1.3 /* the least a segment is given without a voice */

enum {
    XL_REC_FPS_MAX = 120,
    /* Segments a recording keeps at most: every page's title, tracked paragraphs and
     * questions asked and revealed (more are not said: the cap is never reached by a
     * valid lesson). */
    XL_REC_SEGMENTS_MAX = XL_LESSON_MAX_PAGES * (1 + XL_LESSON_PARAS + 2 * 4)
};

/* What is said (by a voice) or captioned, and when, in recording frames. */
typedef enum xl_rec_seg_kind {
    XL_REC_SEG_TITLE,     /* a page's title, as the page opens */
    XL_REC_SEG_PARA,      /* paragraph `index` of the page's narration, when it is shown */
    XL_REC_SEG_QUESTION,  /* question `index`: its text, then its answers, when asked */
    XL_REC_SEG_ANSWER     /* question `index` revealed: the right answer, then the why */
} xl_rec_seg_kind;

typedef struct xl_rec_segment {
    xl_rec_seg_kind kind;
    int page, index;
    long start, end;      /* frames [start, end): said one after another, never overlapping */
} xl_rec_segment;

/* How long a segment takes to say, in frames (>= 0; < 0 for the reading time). Set by a
 * voice, which is asked once per segment, in order, as the recording reaches it. */
typedef struct xl_rec_timing {
    long (*frames)(void *self, const xl_lesson *l, const xl_rec_segment *sg, int fps);
    void *self;
} xl_rec_timing;

typedef struct xl_recording xl_recording;

/* A recording of p's lesson from its first page at fps frames per second (1 to
 * XL_REC_FPS_MAX). Borrows p, which it drives (xl_player_goto to page 1 first). NULL if
 * out of memory or fps is out of range. Free with xl_recording_free. */
xl_recording *xl_recording_create(xl_player *p, int fps);
void xl_recording_free(xl_recording *r);

/* Give the recording a voice (copied), before its first xl_recording_next: segments last
 * as long as it says, and plays, waits and holds wait for it (see above). */
void xl_recording_set_timing(xl_recording *r, const xl_rec_timing *t);

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

/* The segments so far, in the order said (*out valid until the next xl_recording_next or
 * xl_recording_free). Returns their number. */
int xl_recording_segments(const xl_recording *r, const xl_rec_segment **out);

/* The text of segment sg of lesson l as shown on screen, into out[n] (NUL-ended, cut at a
 * character boundary when it does not fit): emphasis marks dropped, the lines of a
 * paragraph joined with spaces; a question is its text then "1: ANSWER." per answer; a
 * revealed answer is "Answer: RIGHT." then the explanation. Returns its length. */
size_t xl_rec_segment_text(const xl_lesson *l, const xl_rec_segment *sg, char *out, size_t n);

/* The page turn's transition: its length in frames, and 1 when the last
 * xl_recording_next turned the page (its frame is the new page's first). Then
 * xl_recording_before_turn is the state just before the turn (NULL if out of memory, or
 * before any turn; owned by the recording, valid until the next turn). */
long xl_recording_turn_frames(const xl_recording *r);
int xl_recording_turned(const xl_recording *r);
const xl_session_snapshot *xl_recording_before_turn(const xl_recording *r);

/* Milliseconds of frame index f at fps (exact integer arithmetic, rounded down). */
long long xl_recording_ms(long f, int fps);

/* The reading time of a text in seconds at XL_REC_WORDS_PER_SECOND (its words counted
 * between white space; '*' of emphasis is not a word). */
double xl_recording_reading_seconds(const char *text);

#endif
