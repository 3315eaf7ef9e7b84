/* ui_voice_espeak: the German and Spanish voice of an exported lesson, eSpeak NG through
 * its C library (Debian's libespeak-ng-dev); ui_voice.c's second synthesizer, behind the
 * same interface (ui_voice.h), which checks a text's limits before it comes here.
 *
 * flite speaks only English; eSpeak NG has a voice for each of the course's other
 * languages ("de", "es"), at a fixed pace (UI_VOICE_ESPEAK_WPM words a minute). It runs
 * in its synchronous mode: espeak_ng_Synthesize returns when the text is said, its
 * callback having collected every sample (22050 Hz) and counted the word events; the
 * samples are then resampled to UI_VOICE_RATE by a fixed windowed-sinc filter, so the
 * exporter's timing, captions and mixing are the English voice's. The work is bounded:
 * the callback stops the synthesis past UI_VOICE_ESPEAK_MS_PER_BYTE milliseconds of
 * speech a byte of text (a whole UI_VOICE_MAX_TEXT at most about 70 minutes).
 *
 * Deterministic as a sequence: the same texts said in the same order by a process's
 * first voice give the same samples, every run (rand() is seeded before each text, as for
 * flite; the filter is plain arithmetic). Not text by text: eSpeak NG 1.51 keeps state
 * from one text to the next that no call resets (its pitch flutter's phase runs on, and a
 * pause between two clauses can come out a few milliseconds longer or shorter after
 * another text; espeak_ng_Terminate and starting again hangs it), so a text said a second
 * time in a process can differ from the first by that much. The exporter says a lesson's
 * cues once, in order, in a new process: the same lesson gives the same track
 * (tests/test_export_voice_lang.py exports it twice and compares).
 *
 * eSpeak NG keeps global state: one voice a process (ui_voice.c's rule), one thread;
 * it is started by the first open and stays started (closing only frees the voice).
 * Built where pkg-config finds espeak-ng (meson defines XL_HAVE_ESPEAK=1); elsewhere the
 * open fails with the reason. */
#ifndef UI_VOICE_ESPEAK_H
#define UI_VOICE_ESPEAK_H

#include <stddef.h>

enum {
    UI_VOICE_ESPEAK_WPM = 150,            /* eSpeak NG's rate; its default is 175 */
    UI_VOICE_ESPEAK_MS_PER_BYTE = 500     /* at most this much speech a byte of text (it says about 60 ms;
                                             a spelt letter with its pause about 150) */
};

/* 1 when this build has eSpeak NG. */
int ui_voice_espeak_built(void);

/* Initialise eSpeak NG with the voice for lang ("de", "es"). 0, or -1 with the reason in
 * err[n]. describe[nd] gets what the voice is ("eSpeak NG 1.51 de, 150 words a minute,
 * 16000 Hz"). */
int ui_voice_espeak_open(const char *lang, char *describe, size_t nd, char *err, size_t n);
void ui_voice_espeak_close(void);

/* Say plain words (UTF-8, checked by the caller): 0 with *pcm (malloc'd, 16-bit mono at
 * UI_VOICE_RATE, untrimmed) of *count samples and *words the word events eSpeak NG
 * reported; -1 with the reason in err[n]. */
int ui_voice_espeak_say(const char *spoken, short **pcm, size_t *count, int *words, char *err, size_t n);

#endif
