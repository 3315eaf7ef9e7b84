/* xl_session: one scenario learning under an optimizer, plus the state a learner
 * steers (play/pause, the selected class or sample, the logarithm unit, which two
 * parameters the landscape shows, steps per second).
 *
 * The scenario is a record from the registry (xl_scenario.h) whose state the session
 * owns as plain data. Commands (xl_command.h) are the only way state changes apart from
 * time; time enters only through xl_session_advance, which turns elapsed seconds into a
 * whole number of fixed simulation steps. So a recorded command list replays to the
 * same numbers. Everything a frame draws (the landscape included) is computed here,
 * after each change, so drawing reads a const session.
 */
#ifndef XL_SESSION_H
#define XL_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "xl_command.h"
#include "xl_info.h"
#include "xl_landscape.h"
#include "xl_optim.h"
#include "xl_scenario.h"
#include "xl_sim.h"

enum { XL_DEFAULT_STEPS_PER_SECOND = 30, XL_DEFAULT_GRID = 256, XL_RACE_MAX = 4,
       XL_UNDO_MAX = 24, XL_SETUP_MAX = 8, /* edits that undo can take back */
       XL_CHECKPOINTS_MAX = 48, XL_CHECKPOINT_INTERVAL = 64 /* the timeline for rewinding */ };
/* What the checkpoints, and what the undo snapshots, may hold in all: a large state keeps
 * fewer of them (at least 4 checkpoints and 2 undos), so memory stays bounded. */
#define XL_TIMELINE_BYTES (256.0 * 1024 * 1024)
#define XL_DEFAULT_LR 0.5
#define XL_DEFAULT_RANGE 6.0

/* Everything a session starts from. Fill with xl_session_desc_default, then edit. */
typedef struct xl_session_desc {
    const xl_scenario_def *scenario;          /* what runs (NULL: the registry's first) */
    double params[XL_SCENARIO_PARAMS_MAX];    /* its parameters, defaults filled in */
    uint64_t seed;                            /* for scenarios that draw data or logits */
    /* Commands that shape the scenario's starting state before anything runs, in order
     * ("names cat,dog,bird", "set-p 3,1,1", "set-logits 0,1,2": what the command line's
     * --names, --true and --logits say). The state they leave is the scenario's start
     * (xl_scenario_def.keep_start): reset and the runs begin there. */
    int setup_count;
    xl_command setup[XL_SETUP_MAX];
    double lr;                  /* learning rate, > 0 */
    xl_optim_kind optimizer;    /* default gradient descent */
    xl_optim_hyper hyper;       /* mu, beta1, beta2, eps; 0 means the standard default */
    int race_count;             /* 0: no race; 2..XL_RACE_MAX optimizers in race[] */
    xl_optim_kind race[XL_RACE_MAX];
    int steps_per_second;       /* while playing */
    int grid;                   /* landscape resolution G */
} xl_session_desc;

/* Seed of the built-in scene's hand-picked logits (the command line's default). */
#define XL_BUILTIN_SEED 0u

/* The default: the registry's first scenario (the softmax's bird-song scene over five
 * species with a soft P) with its default parameters, lr 0.5, 30 steps/s, G = 256. The
 * seed goes to the scenario (the softmax: for XL_BUILTIN_SEED the built-in scene's
 * logits, for any other seed logits drawn from it). */
void xl_session_desc_default(xl_session_desc *d, uint64_t seed);
/* Append a setup command; -1 if there are XL_SETUP_MAX already. */
int  xl_session_desc_add_setup(xl_session_desc *d, xl_command cmd);
/* Make the desc start scenario def with its default parameters. */
void xl_session_desc_set_scenario(xl_session_desc *d, const xl_scenario_def *def);

typedef struct xl_session xl_session;

/* Called after every simulation step with the new sample (values in nats). */
typedef void (*xl_step_observer)(const xl_sample *sample, void *user);

/* NULL if out of memory or the desc is invalid (the reason in err, which may be NULL).
 * Free with xl_session_destroy. */
xl_session *xl_session_create(const xl_session_desc *d);
xl_session *xl_session_create_checked(const xl_session_desc *d, char *err, size_t errlen);
/* The same, and *bad_setup is the index of the setup command that was refused (the
 * reason in err, after the command's text), or -1. */
xl_session *xl_session_create_report(const xl_session_desc *d, char *err, size_t errlen, int *bad_setup);
void xl_session_destroy(xl_session *s);

/* Apply a command. Returns 1 if the session took it, 0 if it does not apply here
 * (XL_CMD_NONE, or a command of another scenario) or was refused for its argument;
 * then xl_session_message says why. */
int  xl_session_apply(xl_session *s, xl_command cmd);
/* Undo (the command "undo") brings back the session as it was just before the last
 * edit (P, the data, a parameter, the scenario, the learning's settings, the point, a
 * reset), steps taken since included; "redo" goes forward again until a new edit. The
 * commands one drag sends in a row (set-p, move-to, start-at) are one edit. How many
 * edits can be undone now (at most XL_UNDO_MAX), and redone (*redo, if not NULL). */
int  xl_session_undo_depth(const xl_session *s, int *redo);
/* Rewinding: "rewind N" restores the exact state of step N of this run (checkpoints
 * plus re-simulation; at most XL_CHECKPOINTS_MAX of them, thinned as the run grows, so
 * memory stays bounded for millions of steps), "back" one step before the current one.
 * Time pauses there; stepping or editing from a past step forks the run (the old future
 * goes). Returns the current step; *first and *head (either may be NULL) the steps the
 * timeline reaches, from the oldest checkpoint to the furthest step of this run. */
long xl_session_timeline(const xl_session *s, long *first, long *head);
/* Why the last command was not taken ("" if it was). Valid until the next apply. */
const char *xl_session_message(const xl_session *s);
/* The one way state changes: apply cmds[0..n-1] in order (accepted[i], if not NULL,
 * says which the session took), then let `seconds` of wall time pass. Keys, --do,
 * --steps ("run N"), and later lessons, replay and export all come through here.
 * Returns the number of simulation steps taken. */
int  xl_session_tick(xl_session *s, const xl_command *cmds, int n, double seconds, int *accepted);
/* Let `seconds` of wall time pass: while playing, takes the whole number of steps
 * due at steps_per_second (the remainder carries over, at most one second's worth
 * per call, and at most XL_WORK_SLICE of work per call, one step at least: a costly
 * step plays slower rather than freezing the window). Returns the number of steps taken. */
int  xl_session_advance(xl_session *s, double seconds);
/* The steps of time a replay recorded: n steps taken exactly as xl_session_advance takes
 * them while playing (none when paused; playing stops if every run diverges). Returns
 * the steps taken. */
int  xl_session_advance_steps(xl_session *s, long n);
/* Take n steps now, playing or not (the --steps flag; also the command "run N"). */
void xl_session_run(xl_session *s, int n);
/* Put run `run` (0: the steered one) at theta (its parameter count of values) for a
 * picture: an in-between state of a transition (xl_tween.h), drawn and never played on.
 * No command does it, so the session's log cannot rebuild the state afterwards
 * (xl_session_log_ok says so). Returns 0, or -1 (nothing changed) for a run that is not
 * there or a theta not all finite. */
int xl_session_pose(xl_session *s, int run, const double *theta);

/* The work a step asks for, in elementary operations: the scenario's cost of one step of
 * one run (xl_scenario_def.step_cost) times the runs racing. One operation is about what
 * one class of the softmax costs in one step, some 10 ns on the 2-core machine these
 * limits were measured on (so the limits below hold on any machine as counts):
 *   XL_WORK_PAGE   what one lesson page, or one line of a replay, may ask for (about 2 s)
 *   XL_WORK_FILE   what a whole lesson or replay may ask for (about a minute)
 *   XL_WORK_SLICE  what the window computes between two frames (about 20 ms) */
double xl_session_step_cost(const xl_session *s);
#define XL_WORK_PAGE 2e8
#define XL_WORK_FILE 6e9
#define XL_WORK_SLICE 2e6
void xl_session_set_observer(xl_session *s, xl_step_observer fn, void *user);

const xl_scenario_def *xl_session_scenario(const xl_session *s);
/* The scenario's state (plain data of def->state_size bytes). */
const void *xl_session_state(const xl_session *s);
/* The scenario's parameter values, def->param_count of them. */
const double *xl_session_params(const xl_session *s);
int  xl_session_playing(const xl_session *s);
int  xl_session_selected(const xl_session *s);
xl_unit xl_session_unit(const xl_session *s);
int  xl_session_steps_per_second(const xl_session *s);
void xl_session_slice(const xl_session *s, int *a, int *b);
/* Seconds until the next step is due while playing (for the event loop's wait). */
double xl_session_time_to_next_step(const xl_session *s);

/* The run being steered: the only one, or the first of a race. */
const xl_sim *xl_session_sim(const xl_session *s);
/* Runs: 1, or 2..XL_RACE_MAX in a race, each its own optimizer from the same start. */
int xl_session_run_count(const xl_session *s);
const xl_sim *xl_session_run_sim(const xl_session *s, int i);
int xl_session_racing(const xl_session *s);

/* Snapshots: the whole session (scenario state, every run with its optimizer state and
 * history, settings) copied, so restoring it and repeating the same commands gives
 * bit-identical numbers. A snapshot is independent of the session it came from. */
typedef struct xl_session_snapshot xl_session_snapshot;
/* NULL if out of memory. Free with xl_session_snapshot_free. */
xl_session_snapshot *xl_session_save(const xl_session *s);
/* Make s what it was when snap was saved (snap must come from a session created with
 * the same grid). Returns 0, or -1 if out of memory (s is then unchanged). */
int  xl_session_restore(xl_session *s, const xl_session_snapshot *snap);
void xl_session_snapshot_free(xl_session_snapshot *snap);
/* The session's own account of how it got here, for a state text (xl_state_text.h):
 * the desc it was created with, then every command applied (accepted or refused, in
 * order, in its text form) and the steps of time taken between them (each a call of
 * the step, including one a divergence refused). Replaying that account on a new
 * session from the same desc gives the same state to the last bit, rewinds, undos,
 * races and drags included, so nothing a scenario holds needs a format of its own. The
 * log holds at most XL_SESSION_LOG_BYTES of command text; beyond that, or after a
 * snapshot was restored from outside (a lesson's page start), it cannot say how the
 * state came about: xl_session_log_ok is then 0 and says why. */
#define XL_SESSION_LOG_BYTES (48 * 1024)
typedef struct xl_session_log_entry {
    long steps;           /* steps of time taken before the command (or at the end) */
    const char *command;  /* its text ("set-p 3,1,1"), or NULL for steps alone */
    int halt;             /* 1: then playing stopped by itself (every run diverged) */
} xl_session_log_entry;
const xl_session_desc *xl_session_start_desc(const xl_session *s);
int xl_session_log_count(const xl_session *s);
xl_session_log_entry xl_session_log_at(const xl_session *s, int i);
/* 1 when the log can rebuild the state; else 0 and why into why[n] (may be NULL). */
int xl_session_log_ok(const xl_session *s, char *why, size_t n);
/* n calls of the step exactly as the log counted them (one refused by a divergence
 * included): what a replay of the log's steps takes. Logged again like any steps. */
void xl_session_step_calls(xl_session *s, long n);
/* Stop playing as time does when every run has diverged (a log's halt, replayed). */
void xl_session_halt(xl_session *s);
/* The model the sim runs (borrows the session's state). */
xl_model xl_session_model(const xl_session *s);
/* The scenario's readouts at the current parameters, def->readout_count of them, info
 * quantities in nats. */
void xl_session_readouts(const xl_session *s, double *values);
/* What the bars show now. */
void xl_session_bars(const xl_session *s, xl_bars *out);
/* Current Q (from the bars) into q[0..n-1]. */
void xl_session_q(const xl_session *s, double *q);
/* Current log Q, in nats: finite for every finite logit even where q underflows to 0,
 * so surprise -log q_i is shown from this, never from q. */
void xl_session_log_q(const xl_session *s, double *logq);
/* What the landscape shows: the slice through the current parameters (two of them
 * vary, the others stay where the run is now, so it moves under the path when there are
 * more than two), or a fixed plane through the start, spanned by the first descent
 * direction and the direction toward the optimum (or, where the scenario does not know
 * it, the direction the second step turns to), with the path projected onto it. The
 * command "frame" switches. */
typedef enum xl_frame { XL_FRAME_SLICE = 0, XL_FRAME_PLANE } xl_frame;
xl_frame xl_session_frame(const xl_session *s);
/* 1 when the probability simplex takes the landscape's place: the softmax with three
 * classes, after "simplex" or the frame key's third press (slice, plane, simplex). */
int xl_session_simplex(const xl_session *s);
/* 1 when the simplex can be shown: the bars are Q = softmax of the steered run's own
 * three parameters (xl_bars.logits), whatever the scenario. */
int xl_session_simplex_possible(const xl_session *s);
/* Where theta lies in the view's two coordinates. */
void xl_session_view_point(const xl_session *s, const double *theta, double *x, double *y);
/* The parameters at (x, y) of the view: for the slice, base with the two sliced
 * parameters set to x and y; for the fixed plane, the plane's point (base unused).
 * theta gets the model's parameter count of values. */
void xl_session_view_theta(const xl_session *s, const double *base, double x, double y, double *theta);
/* How far theta is from the view's plane (0 in the slice's own two coordinates... the
 * distance of the other parameters from where the slice holds them, for the slice). */
double xl_session_view_distance(const xl_session *s, const double *theta);
/* The loss's minimum in the view's coordinates: the scenario's exact minimum over the
 * slice, or, for the plane, the optimum it points toward (which lies in it). 1 and *x,
 * *y, or 0 when there is none or it is not known. */
int xl_session_view_minimum(const xl_session *s, double *x, double *y);
/* The view's axis names: the model's parameter names for the slice, "α: along −∇L at
 * the start" and "β: toward the optimum" for the plane. Valid while the session lives. */
const char *xl_session_axis_name(const xl_session *s, int axis);
/* The landscape of the current slice, current with the session. The range [-R, R]
 * starts at XL_DEFAULT_RANGE and widens (never narrows until reset) so the trajectory
 * stays in view. Two ways to have it, both filling only after a change:
 * - xl_session_landscape: the session's own grid, filled by the first call after a
 *   change (so the call may take a grid's time). Valid until the next change.
 * - xl_session_landscape_fill: into a grid the caller owns (xl_session_grid values a
 *   side), from a const session: what a frame does on a helper thread while it draws
 *   the other panels, as any call on a const session may run beside another. The
 *   grid's own cache makes a repeated fill of the same view free. */
const xl_landscape *xl_session_landscape(xl_session *s);
void xl_session_landscape_fill(const xl_session *s, xl_landscape *ls);
/* The landscape grid's side G (xl_session_desc.grid). */
int xl_session_grid(const xl_session *s);
/* Changes whenever the scenario's state is replaced whole (undo, rewind, a snapshot
 * restored, a new scenario or parameter): a grid the caller keeps must then be
 * invalidated (xl_landscape_invalidate) before the next fill, as a model's version may
 * have started over. */
unsigned long xl_session_epoch(const xl_session *s);

#endif
