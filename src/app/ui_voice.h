/* ui_voice: the synthesized voice of an exported lesson (issue 25), in the lesson's
 * language (issue 26).
 *
 * English: flite (CMU's Festival-lite, Debian's flite1-dev) through its C library, with one fixed
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
 * of the process (xentlab draws its own numbers from xl_rng). tests/test_voice.c checks it.
 * Leading and trailing silence are made UI_VOICE_PAD_MS each (cut, or added where the
 * synthesizer starts sooner), so a segment's length is the speech's own and the caller
 * adds the pauses it wants.
 *
 * German and Spanish: eSpeak NG's "de" and "es" voices through its C library
 * (ui_voice_espeak.h), resampled to the same UI_VOICE_RATE and trimmed to the same pad, so
 * the exporter's timing, captions and mixing do not know which synthesizer spoke. Each
 * voice reads the text in its language's words (ui_voice_words: xl_speech_words_in, "H
 * von P und Q", "null Komma drei drei"); flite's English words are folded to ASCII
 * letters (xl_speech_text). The limits on a text (UI_VOICE_MAX_TEXT, UI_VOICE_MAX_WORD)
 * are the same for both. eSpeak NG is deterministic as a sequence (the same texts in the
 * same order from a new process give the same samples; a text said again in a process can
 * differ by a pause of a few milliseconds: ui_voice_espeak.h says why), which is what an
 * export needs: tests/test_voice_lang.c and tests/test_export_voice_lang.py check it.
 *
 * Threads: flite and eSpeak NG keep global state (its voice list, lexicon caches), so a voice is
 * opened, used and closed by one thread at a time, and a process opens at most one at a
 * time. An exporter that synthesizes the next page while drawing this one does it on one
 * worker thread that owns the voice.
 *
 * Built where flite is found (meson defines XL_HAVE_VOICE=1) and where eSpeak NG is
 * (XL_HAVE_ESPEAK=1); without one (the browser build, or a system without flite1-dev or
 * libespeak-ng-dev) ui_voice_open fails for its languages with a message saying so, and
 * the rest of the API is there and harmless.
 */
#ifndef UI_VOICE_H
#define UI_VOICE_H

#include <stddef.h>

enum {
    UI_VOICE_RATE = 16000,       /* samples a second */
    UI_VOICE_PAD_MS = 80,        /* silence kept before and after the speech */
    UI_VOICE_MAX_TEXT = 8192,    /* bytes of text one call says; a page's segment is far shorter */
    UI_VOICE_MAX_WORD = 63       /* bytes of one word (xl_speech_text makes none longer) */
};
#define UI_VOICE_STRETCH 1.0f    /* flite's duration_stretch: the voice's own pace, about 160 words a minute */

typedef struct ui_voice ui_voice;

/* The voice for language lang ("en" or NULL: flite; "de", "es": eSpeak NG), or NULL with
 * the reason in err[n] (no voice speaks lang, this build lacks its synthesizer, or the
 * voice failed to load). Close it with ui_voice_close. */
ui_voice *ui_voice_open(const char *lang, char *err, size_t n);
void ui_voice_close(ui_voice *v);

/* 1 when lang has a voice in this build ("en" with flite, "de"/"es" with eSpeak NG), 0
 * when its synthesizer was not built in, -1 when no synthesizer of xentlab speaks it. */
int ui_voice_speaks(const char *lang);

/* What the voice is, for logs and docs: "flite 2.2 cmu_us_rms, stretch 1.00, 16000 Hz",
 * "eSpeak NG 1.51 de, 150 words a minute, 16000 Hz". */
const char *ui_voice_describe(const ui_voice *v);
/* Its language: "en", "de", "es". */
const char *ui_voice_lang(const ui_voice *v);

/* The words this voice says for a displayed text (xl_speech_text for flite,
 * xl_speech_words_in its language for eSpeak NG), with rules, into out[n]; returns the
 * length the whole reading needs, as xl_speech_text does. */
struct xl_speech_rule;
size_t ui_voice_words(const ui_voice *v, const char *text, const struct xl_speech_rule *rules, int nrules, char *out,
                      size_t n);

/* The words the synthesizer reported saying for the last text (eSpeak NG's word events),
 * or -1 where it reports none (flite). */
int ui_voice_said_words(const ui_voice *v);

/* Say `spoken` (UTF-8, at most UI_VOICE_MAX_TEXT bytes and words of at most
 * UI_VOICE_MAX_WORD; plain words, as from xl_speech_text). The work is about linear in the
 * text: flite says the course's longest lesson, 328 s of speech, in about 5 s of one core. On success returns 0 with *pcm a malloc'd block of *count samples
 * (16-bit mono, UI_VOICE_RATE; the caller frees it with free()); an empty or blank text
 * gives 0 samples and *pcm NULL. On failure (text too long, the synthesizer failed, no
 * memory) returns -1 with *pcm NULL, *count 0 and the reason in err[n]. */
int ui_voice_say(ui_voice *v, const char *spoken, short **pcm, size_t *count, char *err, size_t n);

/* The same for a text as page `page` of l shows it (a segment's text): read into words by
 * ui_voice_words with the page's @say rules in force, then said. The words are also
 * copied into words[nwords] when words is not NULL (for a log or a caption check). */
struct xl_lesson;
int ui_voice_say_shown(ui_voice *v, const struct xl_lesson *l, int page, const char *shown, short **pcm,
                       size_t *count, char *words, size_t nwords, char *err, size_t n);

#endif
