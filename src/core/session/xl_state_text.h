/* xl_state_text: a session's state as a short text a teacher can hand out (a link's
 * hash, `xentlab --state TEXT`), and that text opened again to the same state: the same
 * state hash, so the next steps are the same to the last bit.
 *
 * The text says how the state came about rather than copying its bytes: the session's
 * start (scenario, parameters, seed, setup, learning rate, optimizer with its
 * hyperparameters, race, speed), then its log (xl_session.h): the commands applied and
 * the steps of time between them. Opening replays them on a new session. So every
 * scenario, a plug-in's too, is written without code of its own; P, the logits or
 * parameters, the optimizer's moments, the RNG's state, the step, the selection, the
 * unit, the speed and the view (slice, frame, zoom and pan, the simplex) all come out
 * exactly as they were, races, drags, undo and rewinding included, and a large state
 * (microstates' million coins) costs no more text than a small one. A state's bytes are
 * never read from the text: a hostile text can only say commands the session checks
 * as it checks a key's. What replaying asks for is bounded (the work limit, in the
 * units of xl_session_step_cost); beyond it the text is refused with the reason. The
 * last field is the state hash it must arrive at: a text from a build whose numbers
 * differ is refused rather than opened to a different state.
 *
 * The format, version 1: fields separated by '~', each KEY:VALUE, the first "xl1":
 *   xl1~s:softmax~c:select_2~c:set-p_0.5,0.2,0.1,0.1,0.1~c:optimizer_adam~n:120~h:a4cae4155410b0fc
 *   The start: s scenario, then (each only when not the default) a its parameters (all
 *   of them, in the record's order), seed, u a setup command (up to XL_SETUP_MAX), lr,
 *   o optimizer, hy momentum,beta1,beta2,eps, r the race's optimizers, sps; then the
 *   log: n steps of time, c a command, x:1 playing stopped by itself; h the state hash
 *   (16 hex digits), always last. A lesson's link is instead
 *   xl1~l:NAME~pg:K (xl_state_text_lesson). Only URL-safe characters: letters, digits,
 *   '-', '.', ',', '~', ':', '_' (a blank in a command) and %XX for any other byte.
 *   Numbers are decimal with as many digits as read back to the same double.
 * Pure C, no I/O; the caller owns every buffer.
 */
#ifndef XL_STATE_TEXT_H
#define XL_STATE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "xl_session.h"

enum { XL_STATE_VERSION = 1, XL_STATE_TEXT_MAX = 64 * 1024, XL_STATE_LESSON_MAX = 256 };

/* FNV-1a over the scenario's state bytes and every run's step and parameters: equal
 * states, equal hashes (the trace's "state" field). */
uint64_t xl_state_hash(const xl_session *s);

/* The text of s into buf[n], NUL-ended. Returns its length, or -1 with the reason in
 * err (the log cannot say how the state came about, or buf is too small: a text is at
 * most XL_STATE_TEXT_MAX - 1 bytes). */
long xl_state_text_write(const xl_session *s, char *buf, size_t n, char *err, size_t errlen);

/* A new session in the state text[0..len-1] describes, its landscape grid G = grid
 * (the caller's: the text does not decide how finely the window draws). Replaying may
 * ask for at most `work` operations (XL_WORK_PAGE is about 2 s). NULL with the reason in
 * err (never a crash, never unbounded work) if the text is not one, is of another
 * version, names what this build does not have, asks for more work than that, or does
 * not arrive at its hash. Free with xl_session_destroy. */
xl_session *xl_state_text_open(const char *text, size_t len, int grid, double work, char *err, size_t errlen);

/* A lesson's link: "xl1~l:NAME~pg:K" (page K from 1) into buf[n]; its length, or -1 if
 * the name is empty or longer than XL_STATE_LESSON_MAX - 1 bytes or buf is too small. */
long xl_state_text_lesson_write(const char *name, int page, char *buf, size_t n);
/* Whether text is a lesson's link: 1 with the name in name[n] and *page, 0 if it is a
 * session's text (open it with xl_state_text_open), -1 with the reason in err if it is
 * neither. */
int xl_state_text_lesson(const char *text, size_t len, char *name, size_t n, int *page, char *err, size_t errlen);

#endif
