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
 * numbers spelt out), with the lesson page's own readings (@say) when one plays. */
size_t ui_describe_words(const ui_dispatch *d, const char *text, char *out, size_t n);

/* --describe: one description of d onto f, with st's "what changed": a trace line
 * {"trace":2,"description":TEXT} when trace is 1 (JSON Lines, as --trace writes), else the
 * text on a line of its own. */
void ui_describe_print(FILE *f, const ui_dispatch *d, ui_describe_state *st, int trace);

/* The first sentences of text that fit a note of n bytes ("…" where it was cut), for the
 * window's foot while the text is printed rather than said. */
void ui_describe_note(const char *text, char *note, size_t n);

#endif
