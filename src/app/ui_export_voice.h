/* ui_export_voice: a lesson's synthesized voice for its export (--record OUT --lesson N
 * --voice; issue 25).
 *
 * The recording asks how long each segment takes to say (xl_rec_timing): the segment's
 * text (xl_rec_segment_text) is cut into captions (xl_caption_split), each cue's words
 * (ui_voice_words: the voice's language's, with the page's @say rules) are said by the
 * voice (ui_voice: flite in English, eSpeak NG in German and Spanish) on their own, and
 * the segment lasts as long as its cues said one after another, plus a breath
 * (UI_EXPORT_VOICE_BREATH_SECONDS), and never less than a reader needs for its captions
 * (xl_caption_min_seconds). So every caption's time is the voice's own (the captions'
 * hook, xl_caption_voice), and a page lasts as long as its voice and its pauses.
 *
 * Everything is said once, in the dry pass, before a frame is drawn: the drawing pass
 * asks again in the same order and gets the same answers from what was kept. Then the
 * track is written as one WAV (every segment's samples at its first frame, after the
 * title card's lead), which the exporter lays under the video (ui_export_audio: loudness
 * normalised, AAC or Opus).
 *
 * Owns the voice and the samples; one thread. */
#ifndef UI_EXPORT_VOICE_H
#define UI_EXPORT_VOICE_H

#include <signal.h>
#include <stddef.h>

#include "xl_caption_track.h"
#include "xl_recording.h"

#define UI_EXPORT_VOICE_BREATH_SECONDS 0.35 /* after a segment, before the next is said */
enum { UI_EXPORT_VOICE_MAX_SECONDS = 2 * 3600 }; /* a lesson's speech at most: 230 MB of samples (the course's longest is 400 s) */

typedef struct ui_export_voice ui_export_voice;

/* A voice in language lang ("en", "de", "es": the lesson's, ui_library_lang_of) for lesson
 * l recorded at fps: NULL with the reason in err[n] (no synthesizer for lang in this
 * build, or out of memory). Borrows l. */
ui_export_voice *ui_export_voice_create(const xl_lesson *l, const char *lang, int fps, char *err, size_t n);
void ui_export_voice_free(ui_export_voice *ev);

/* The hooks: the recording's timing and the captions' times. Both borrow ev. Start each
 * recording of the lesson with ui_export_voice_rewind (the answers are given again, in
 * the order they were first asked). */
xl_rec_timing ui_export_voice_timing(ui_export_voice *ev);
xl_caption_voice ui_export_voice_captions(ui_export_voice *ev);
void ui_export_voice_rewind(ui_export_voice *ev);

/* While *stop (a signal handler's flag, borrowed) is nonzero, nothing more is said: the
 * cue being said is the last, and the error is "interrupted" (a long lesson takes
 * minutes to say; a Ctrl+C waits for one cue, not for all of them). */
void ui_export_voice_stop_when(ui_export_voice *ev, const volatile sig_atomic_t *stop);

/* A failure while saying (the synthesizer failed, a lesson's speech past
 * UI_EXPORT_VOICE_MAX_SECONDS, out of memory): the reason, or NULL when none. A failed
 * segment is timed by its reading time and left silent; the exporter stops with this. */
const char *ui_export_voice_error(const ui_export_voice *ev);

/* Write the track as a 16-bit mono WAV at path: segments sg[0..n) (the recording's) with
 * their speech from frame sg.start + lead, frames long in all. Returns 0, or -1 with the
 * reason in err[errlen]. */
int ui_export_voice_write(const ui_export_voice *ev, const xl_rec_segment *sg, int n, long lead, long frames,
                          const char *path, char *err, size_t errlen);

/* Seconds of speech said so far, and the seconds it took to say them (for the summary). */
double ui_export_voice_seconds(const ui_export_voice *ev);
double ui_export_voice_work_seconds(const ui_export_voice *ev);

#endif
