/* ui_describe: the scene in words for the program (issue 26): the description of what
 * the dispatcher's session and lesson show (xl_describe.h: the scenario, its numbers as
 * the panels show them, what changed since the last description, the lesson page's
 * narration), said aloud by F9 through speech-dispatcher (ui_speak.h) or printed where
 * none runs, printed by --describe, and read by the browser's live region.
 *
 * A ui_describe_state remembers the last description it gave, so each caller that wants
 * its own "what changed" (F9, --describe, the page's live region) keeps its own.
 */
#ifndef UI_DESCRIBE_H
#define UI_DESCRIBE_H

#include <stddef.h>
#include <stdio.h>

#include "ui_dispatch.h"
#include "ui_speak.h"
#include "xl_describe.h"

typedef struct ui_describe_state {
    xl_describer last; /* the last description's numbers */
} ui_describe_state;

void ui_describe_state_init(ui_describe_state *st);

/* The description of what d shows now (its session, and the lesson page its classroom
 * plays) into out[n], NUL-ended; st (may be NULL) says what changed since its last one
 * and then remembers this one. Returns the length written. */
size_t ui_describe_text(const ui_dispatch *d, ui_describe_state *st, char *out, size_t n);

/* The same text in the words a voice says (xl_speech.h: "H(P,Q)" is "H of P and Q",
 * numbers spelt out), with the lesson page's own readings (@say) when one plays. The
 * letters stay as written (xl_speech_words: "pérdida", "¿Qué", "Überraschung"): the
 * live region and speech-dispatcher read the text's own language. */
size_t ui_describe_words(const ui_dispatch *d, const char *text, char *out, size_t n);

/* --describe: one description of d onto f, with st's "what changed": a trace line
 * {"trace":2,"step","description":TEXT,"words":WORDS} (the text, and the words F9 says for
 * it) when trace is 1 (JSON Lines, as --trace writes), else the text on a line of its
 * own. */
void ui_describe_print(FILE *f, const ui_dispatch *d, ui_describe_state *st, int trace);

/* F9: the description read aloud (ui_speak), or printed where no speech-dispatcher
 * runs. Its own "what changed" memory; the speaker is made at the first press. */
enum { UI_DESCRIBE_NOTE_MS = 10000 }; /* how long the window shows a printed description's start */

typedef struct ui_describe_voice {
    ui_describe_state said;     /* what F9 said last */
    const ui_dispatch *d;       /* the last press's (borrowed) */
    int trace;                  /* printed as a trace line ({"description"}): --trace's stdout stays JSON */
    ui_speaker *sp;             /* NULL until the first press, or when the build has none */
    int unavailable;            /* no speaker can be made (the reason was said once) */
    int told;                   /* the reason speech failed was said on stderr */
    char text[XL_DESCRIBE_MAX]; /* the last description, printed if it cannot be said */
} ui_describe_voice;

/* trace: 1 when the text printed in place of speech goes onto --trace's stream. */
void ui_describe_voice_init(ui_describe_voice *v, int trace);
void ui_describe_voice_free(ui_describe_voice *v);

/* F9 pressed: describe d now and start saying it (returns at once: 1, with "reading the
 * scene aloud" in note[n]), or, without speech-dispatcher, print it on out and put its
 * first sentences in note[n] (0). */
int ui_describe_voice_press(ui_describe_voice *v, const ui_dispatch *d, FILE *out, char *note, size_t n);

/* Once a turn: 1 when the note changed (a request was not said after all: the text is
 * printed on out and its first sentences are in note[n]); 0 otherwise. */
int ui_describe_voice_poll(ui_describe_voice *v, FILE *out, char *note, size_t n);

/* 1 while a request runs (the window looks again within a tenth of a second). */
int ui_describe_voice_busy(const ui_describe_voice *v);

/* Wait up to ms for the request (a run without a window, before it exits), then as
 * ui_describe_voice_poll. */
int ui_describe_voice_finish(ui_describe_voice *v, int ms, FILE *out, char *note, size_t n);

/* The first sentences of text that fit a note of n bytes ("…" where it was cut), for the
 * window's foot while the text is printed rather than said. */
void ui_describe_note(const char *text, char *note, size_t n);

#endif
