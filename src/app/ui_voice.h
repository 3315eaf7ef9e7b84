/* ui_voice: the synthesized voice of an exported lesson (issue 25).
 *
 * flite (CMU's Festival-lite, Debian's flite1-dev) through its C library, with one fixed
 * voice and pace: cmu_us_rms at duration_stretch UI_VOICE_STRETCH, about 160 words a
 * minute (captions stay under 17 characters a second), 16-bit mono PCM at
 * UI_VOICE_RATE. The voice was chosen by a measure, not by taste: pocketsphinx's word
 * error rate on each synthesizer's speech of the whole course (docs/voice.md,
 * scripts/voice_wer.py).
 *
 * The text said is plain words: what xl_speech_text makes of a displayed text (formulas
 * already read as words). The same text gives the same samples, every time and in every
 * process: flite's excitation noise comes from the C library's rand(), which
 * ui_voice_say seeds (srand(1)) before each text, so it also resets rand() for the rest
 * of the process (xentlab draws its own numbers from xl_rng). tests/test_voice.c checks it. Leading
 * and trailing silence are trimmed to UI_VOICE_PAD_MS each, so a segment's length is the
 * speech's own and the caller adds the pauses it wants.
 *
 * Threads: flite keeps global state (its voice list, lexicon caches), so a voice is
 * opened, used and closed by one thread at a time, and a process opens at most one at a
 * time. An exporter that synthesizes the next page while drawing this one does it on one
 * worker thread that owns the voice.
 *
 * Built where flite is found (meson defines XL_HAVE_VOICE=1); elsewhere (the browser
 * build, or a system without flite1-dev) XL_HAVE_VOICE is 0, ui_voice_open fails with a
 * message saying so, and the rest of the API is there and harmless.
 */
#ifndef UI_VOICE_H
#define UI_VOICE_H

#include <stddef.h>

enum {
    UI_VOICE_RATE = 16000,       /* samples a second */
    UI_VOICE_PAD_MS = 80,        /* silence kept before and after the speech */
    UI_VOICE_MAX_TEXT = 8192     /* bytes of text one call says; a page's segment is far shorter */
};
#define UI_VOICE_STRETCH 1.0f    /* flite's duration_stretch: the voice's own pace, about 160 words a minute */

typedef struct ui_voice ui_voice;

/* The voice, or NULL with the reason in err[n] (no synthesizer in this build, or the
 * voice failed to load). Close it with ui_voice_close. */
ui_voice *ui_voice_open(char *err, size_t n);
void ui_voice_close(ui_voice *v);

/* What the voice is, for logs and docs: "flite 2.2 cmu_us_rms, stretch 1.00, 16000 Hz". */
const char *ui_voice_describe(const ui_voice *v);

/* Say `spoken` (UTF-8, at most UI_VOICE_MAX_TEXT bytes; plain words, as from
 * xl_speech_text). On success returns 0 with *pcm a malloc'd block of *count samples
 * (16-bit mono, UI_VOICE_RATE; the caller frees it with free()); an empty or blank text
 * gives 0 samples and *pcm NULL. On failure (text too long, the synthesizer failed, no
 * memory) returns -1 with *pcm NULL, *count 0 and the reason in err[n]. */
int ui_voice_say(ui_voice *v, const char *spoken, short **pcm, size_t *count, char *err, size_t n);

/* The same for a text as page `page` of l shows it (a segment's text): read into words by
 * xl_speech_text with the page's @say rules in force, then said. The words are also
 * copied into words[nwords] when words is not NULL (for a log or a caption check). */
struct xl_lesson;
int ui_voice_say_shown(ui_voice *v, const struct xl_lesson *l, int page, const char *shown, short **pcm,
                       size_t *count, char *words, size_t nwords, char *err, size_t n);

#endif
