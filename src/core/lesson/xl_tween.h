/* xl_tween: the values a lesson page's directives set (the logits and other parameters
 * of every run, the truth P), moved from where the page before left them to where the
 * new page puts them, as real in-between states: a video's page turn shows the numbers
 * travelling instead of jumping (ui_export.c draws them with the normal scene code).
 *
 * An in-between state is the new page's own state (a snapshot of it, put back in a
 * scratch session of the tween's own) with P set by the command "set-p" to the eased
 * mix of the two P, then each run posed (xl_session_pose) at the eased mix of its two
 * parameter vectors. So every bar, readout and the landscape under the point are the
 * scenario's own for those numbers. Only values that keep their meaning move: the same
 * scenario with the same runs, parameter count and bar count on both sides (anything
 * else, a new scenario or shape, is for the picture's cross-fade alone). What the page
 * sets that has no in-between (a selection, the optimizer, the history of a run) is the
 * new page's from the first in-between frame on.
 *
 * A video runs it over the page turn's transition (xl_recording_turn_frames, while the
 * cross-fade runs). The path is eased with smoothstep, 3t² − 2t³: no jump in speed at either end. At t = 0
 * the moving numbers are the old ones exactly, at t = 1 the state is the new page's, bit
 * for bit; the same two states give the same in-between states every time. */
#ifndef XL_TWEEN_H
#define XL_TWEEN_H

#include "xl_session.h"

/* What moves (xl_tween_moves). */
enum { XL_TWEEN_THETA = 1u << 0, XL_TWEEN_P = 1u << 1 };

typedef struct xl_tween xl_tween;

/* A tween from `before` (a snapshot of the state the page before left) to `after` (the
 * session as the new page has just set it; read, never changed). NULL when nothing can
 * move: another scenario or shape, nothing that differs, or out of memory. The tween
 * keeps its own copies; before and after may go. Free with xl_tween_free. */
xl_tween *xl_tween_create(const xl_session_snapshot *before, const xl_session *after);
void xl_tween_free(xl_tween *tw);

/* The XL_TWEEN_* bits of what differs between the two states and moves. */
unsigned xl_tween_moves(const xl_tween *tw);

/* Smoothstep of t clamped to [0, 1]: 0 at 0, 1 at 1, rising in between. */
double xl_tween_ease(double t);

/* The in-between state at time t in [0, 1] (eased here; t >= 1 is the new page's state
 * exactly). The session is the tween's and valid until the next call or xl_tween_free;
 * NULL if out of memory. */
const xl_session *xl_tween_at(xl_tween *tw, double t);

#endif
