/* ui_trace: the --trace output, one JSON object per line on a stream (JSON Lines).
 *
 * Schema version 2, documented field by field in docs/trace.md. Every line starts with
 * "trace":2. A scenario's readouts are one object of their own, "readouts": {"loss":
 * ..., "entropy": ..., ...}, every readout of the record by name, null where it has no
 * finite value yet; the line's own fields never mix with them.
 * A step line: {"trace", "step", "scenario", "optimizer" (absent for a scenario with
 * nothing to learn), "readouts", "lr", "unit", "playing", "q", "surprise" (nats, from
 * log q; null means +infinity), and in a race "race": [{"optimizer", "loss"}, ...];
 * "diverged_at" once a run has diverged}. A command line: {"trace", "command" (its
 * name), "text" (its whole text, which parses back to the same command), "ok" (false
 * when the session refused it), "message" (why), and the state after it}.
 * Numbers are printed with 17 significant digits, so they read back bit for bit.
 */
#ifndef UI_TRACE_H
#define UI_TRACE_H

#include <stdio.h>

#include "ui_input.h"
#include "xl_poll.h"
#include "xl_session.h"

void ui_trace_step(FILE *f, const xl_session *s, const xl_sample *sample);
/* ok: whether the session took the action (view actions always are). */
void ui_trace_command(FILE *f, const xl_session *s, const ui_action *act, int ok);
/* The same line with "state_text": the state's text (xl_state_text.h), for copy-state;
 * NULL leaves it out (the text could not be written: "ok" is false and "message" says
 * nothing more than the view's note). */
void ui_trace_command_state(FILE *f, const xl_session *s, const ui_action *act, int ok, const char *state_text);

/* A description line (--describe with --trace, issue 26): {"trace", "step" (the steered
 * run's), "description" (the scene in words, ui_describe.h), "words" (what F9 says for it:
 * the same in plain words, xl_speech.h)}. */
void ui_trace_description(FILE *f, const xl_session *s, const char *text, const char *words);

/* A lesson line, after a lesson key or a page's script moved on: {"trace", "lesson"
 * (the event: "open", "page", "blank", "unblank", "menu", "close", "presenter"),
 * "file", "page" (1-based), "pages", "phase" (playing, waiting, paused, asking, suspended, done, or
 * "" without a player), "step", "state" (a hash of the scenario's state: equal states
 * give equal hashes, so a page restored bit for bit shows the same), "scenario",
 * "optimizer" and "readouts"}. */
void ui_trace_lesson(FILE *f, const xl_session *s, const char *event, const char *file, int page, int pages,
                     const char *phase);

/* A class line (part 12), for each class action the dispatcher takes or refuses:
 * {"trace", "class" (start, join, vote, split, card), "device" (join, vote: 1-based),
 * "question" ("P.Q", 1-based: a vote's own, else the open question's), "option" (vote:
 * 1-based), "shown" (split, card: after the action), "ok", "joined", and "voted" and
 * "counts" (one per option) of the question's tally when it has one}. */
typedef struct ui_trace_class_line {
    const char *kind;
    int device;                  /* 0-based; -1 leaves it out */
    int page, question;          /* 0-based; -1 leaves "question" out */
    int option;                  /* 0-based; -1 leaves it out */
    int shown;                   /* 0 or 1; -1 leaves it out */
    int ok;
    int joined;
    const xl_poll_tally *tally;  /* borrowed; NULL leaves "voted" and "counts" out */
} ui_trace_class_line;
void ui_trace_class(FILE *f, const ui_trace_class_line *line);

/* The class's status line, once a second while a class runs: {"trace", "class":"status",
 * "seconds" (since the class started), "frames" (the main window's frames drawn so far),
 * "joined", "requests", "refused", "limited" (the server's counts so far),
 * "connections" (open now)}. */
void ui_trace_class_status(FILE *f, double seconds, long frames, int joined, unsigned long requests,
                           unsigned long refused, unsigned long limited, int connections);

#endif
