/* xl_caption: a text cut into captions as captions are cut, and timed (issue 25).
 *
 * A cue is at most XL_CAPTION_LINES lines of at most XL_CAPTION_LINE_CHARS characters
 * (Unicode code points; combining marks and zero-width characters count 0, an invalid
 * byte counts 1; a UTF-8 sequence is never split). A text is cut at sentence ends first
 * (". ", "? ", "! "), then at clause boundaries (", ", "; ", ": ", before a dash),
 * then between words; never between a number and its unit ("40 steps", "2.3 nats"),
 * next to an operator ("H(P,Q) = 2.1592"), between two parts of a formula ("−Σ p ln q")
 * or after a comma inside parentheses, unless nothing else fits. A cue's two lines are
 * balanced, and a line of one word under a longer one is avoided. A word longer than a
 * line is broken by force. A newline in the text ends a cue (a question's answers each
 * start one); a no-break space (U+00A0) joins two words. The best cut is found by
 * dynamic programming over the places a cue may end (costs in xl_caption.c).
 *
 * Timing: a cue needs at least max(XL_CAPTION_MIN_CUE_SECONDS, characters /
 * XL_CAPTION_CHARS_PER_SECOND) to be read; the cues of a text are timed one after
 * another across a span in proportion to those least times, or from the times a voice
 * took to say each cue.
 *
 * Pure C11: no I/O. The split allocates working memory for the call only.
 */
#ifndef XL_CAPTION_H
#define XL_CAPTION_H

#include <stddef.h>

#define XL_CAPTION_CHARS_PER_SECOND 15.0 /* the pace a cue is timed for at the least */
#define XL_CAPTION_MAX_CHARS_PER_SECOND 17.0 /* the fastest a cue may be shown */
#define XL_CAPTION_MIN_CUE_SECONDS 1.3

enum {
    XL_CAPTION_LINE_CHARS = 42,
    XL_CAPTION_LINES = 2,
    XL_CAPTION_LINE_BYTES = 256,  /* a line's bytes at most (42 characters with marks on them) */
    XL_CAPTION_CUE_BYTES = XL_CAPTION_LINES * (XL_CAPTION_LINE_BYTES + 1)
};

/* One cue: its lines joined by '\n', NUL-terminated. */
typedef struct xl_cue {
    long long start_ms, end_ms; /* [start, end), set by xl_caption_time */
    int chars;                  /* characters of its lines (the line break not counted) */
    int lines;                  /* 1 or 2 */
    char text[XL_CAPTION_CUE_BYTES];
} xl_cue;

/* Cut text (UTF-8, NUL-terminated; NULL is "") into cues, written to out[0..max) in
 * order (start_ms and end_ms 0). Returns how many cues the text makes (more than max
 * when out is too small: only the first max are written; 0 for a text of white space),
 * or -1 when out of memory. */
int xl_caption_split(const char *text, xl_cue *out, int max);

/* The characters of text as xl_cue.chars counts them (one line). */
int xl_caption_chars(const char *text);

/* The least seconds a cue of `chars` characters needs on screen. */
double xl_caption_cue_seconds(int chars);

/* The least seconds a cue of `chars` characters may be shown, the hard limits:
 * max(XL_CAPTION_MIN_CUE_SECONDS, chars / XL_CAPTION_MAX_CHARS_PER_SECOND). */
double xl_caption_cue_limit_seconds(int chars);

/* The least seconds text's cues need on screen together: the sum over its cues of
 * xl_caption_cue_seconds (0 for an empty text). Out of memory, an estimate from the
 * characters alone. */
double xl_caption_min_seconds(const char *text);

/* Time cues[0..n) one after another across [start_ms, end_ms), without gaps or overlap:
 *   said_ms NULL: each cue gets a share of the span in proportion to its least time;
 *   said_ms[i]:  how long a voice took to say cue i, the cues said one after another from
 *                start_ms: each cue is shown from when it is said until the next is, the
 *                last until end_ms, but at least xl_caption_cue_limit_seconds (shifted as
 *                little as can be when the voice is faster than that); a span shorter
 *                than those limits is shared in proportion, as without a voice.
 * A span shorter than the cues' least times leaves them faster than a reader: the caller
 * makes spans long enough (xl_caption_min_seconds). */
void xl_caption_time(xl_cue *cues, int n, long long start_ms, long long end_ms, const long long *said_ms);

#endif
