/* xl_caption_track: the captions of a whole recording, cue by cue (issue 25).
 *
 * Built from what the recording says and when (xl_recording_segments): each segment's
 * text (xl_rec_segment_text) is cut into cues (xl_caption_split) and timed across the
 * segment's frames, in proportion to the cues' least times or by the times a voice took
 * for each cue. A page title as the page opens, each paragraph when it is shown, a
 * question with its answers when asked, the right answer and the why when revealed.
 * Then every cue that would be shown faster than a reader reads (under its least time,
 * xl_caption_cue_seconds) is held longer: into the quiet after it, or pushing the cues
 * after it later (a voice quicker than a reader: the captions lag it a little and catch
 * up at the next pause), or, at its page's end, pulling them earlier; a cue still too
 * short or too fast (its page turned before it could be read, in a replay) is left out
 * and counted. The cues never overlap, never outlive their page and always keep the
 * limits.
 *
 * Pure C11: no I/O; the track's cues are allocated and freed with it.
 */
#ifndef XL_CAPTION_TRACK_H
#define XL_CAPTION_TRACK_H

#include "xl_caption.h"
#include "xl_recording.h"

enum { XL_CAPTION_TRACK_MAX = 1 << 16 }; /* cues a track holds at most (a course has ~2,000) */

typedef struct xl_caption_track {
    int n, cap;
    xl_cue *cues;   /* [0, n), in time order; owned */
    int *page;      /* each cue's page (0-based), -1 for a cue of no page (credits) */
    int *kind;      /* each cue's xl_rec_seg_kind, -1 for a cue of no segment */
    long long *until; /* each cue's page's end in ms: it is never shown past it */
    int dropped;    /* cues left out: past the cap or out of memory, or without the time to be read */
} xl_caption_track;

/* How long a voice took to say each cue of segment sg (cut as xl_caption_split cuts its
 * text): fills said_ms[0..n) and returns 1, or returns 0 when it has no such times (the
 * cues are then timed in proportion). */
typedef struct xl_caption_voice {
    int (*said_ms)(void *self, const xl_rec_segment *sg, const xl_cue *cues, int n, long long *said_ms);
    void *self;
} xl_caption_voice;

/* An empty track; free with xl_caption_track_deinit (which leaves it empty again). */
void xl_caption_track_init(xl_caption_track *t);
void xl_caption_track_deinit(xl_caption_track *t);

/* Add the cues of segments sg[0..n) of lesson l, recorded at fps, in order. page_start
 * and page_end are the pages' frames (as xl_recording_page_frames gives them), npages of
 * them: a cue is clipped to its page's end, and left out when none of its page is left.
 * offset_ms is added to every time (a title card before the recording's frame 0).
 * voice may be NULL. Returns the number of cues added. */
int xl_caption_track_add_segments(xl_caption_track *t, const xl_lesson *l, const xl_rec_segment *sg, int n, int fps,
                                  const long *page_start, const long *page_end, int npages, long long offset_ms,
                                  const xl_caption_voice *voice);

/* Add text's cues across [start_ms, end_ms), timed in proportion, after the last cue
 * (an end card, credits). Returns the number added. */
int xl_caption_track_add_text(xl_caption_track *t, const char *text, long long start_ms, long long end_ms);

/* Cues [from, n) end by until_ms at the latest: clipped, and the ones starting after it
 * left out (a replay's page turned before its words were read). */
void xl_caption_track_clip(xl_caption_track *t, int from, long long until_ms);

/* What a cue breaks of the limits, as a sentence into why[n] (empty when it keeps them):
 * more than XL_CAPTION_LINES lines or XL_CAPTION_LINE_CHARS characters a line, shorter
 * than XL_CAPTION_MIN_CUE_SECONDS less tol_ms, faster than
 * XL_CAPTION_MAX_CHARS_PER_SECOND, starting before the cue before it ends. prev may be
 * NULL. Returns 1 when it breaks one (the tests hold every shipped lesson to this). */
int xl_caption_cue_check(const xl_cue *c, const xl_cue *prev, long long tol_ms, char *why, size_t n);

#endif
