/* xl_session_impl: what the session's four files share, and nothing else includes.
 *
 * The session is one module (prefix xl_session_, API in xl_session.h) in four files,
 * split by what changes together:
 *   xl_session.c           the record: create, commands and time, the scenario, readouts;
 *   xl_session_optim.c     the learning rate, the optimizers and their races;
 *   xl_session_view.c      what the landscape shows: slice or plane, its box and range,
 *                          the point moved by the pointer, the grid's cache;
 *   xl_session_timeline.c  undo and redo, checkpoints and rewinding, snapshots.
 * The functions below (prefix xls_) are how the files call each other.
 */
#ifndef XL_SESSION_IMPL_H
#define XL_SESSION_IMPL_H

#include "xl_session.h"

/* The run every single-run operation steers. */
#define MAIN(s) ((s)->runs[0])

struct xl_session {
    const xl_scenario_def *def;
    double params[XL_SCENARIO_PARAMS_MAX];
    uint64_t seed;
    /* runs[0] is the run being steered; a race adds more, each its own optimizer kind,
     * all from the same start with the same rate and hyperparameters. Their models
     * borrow state. */
    xl_sim *runs[XL_RACE_MAX];
    int nruns;
    xl_optim_kind kinds[XL_RACE_MAX];
    xl_optim_hyper hyper;
    int racing;
    xl_landscape *ls;
    /* The session's own grid, a view of the state filled when first asked for after a
     * change (xl_session_landscape), so a run of steps with no frame between them does
     * not fill it at every step; a frame fills a grid of its own from the const session
     * (xl_session_landscape_fill). `ls_box` is the extent xls_update_view chose. */
    int ls_stale;
    double ls_box[4];
    /* Moves whenever the state is replaced whole (a restore, a new scenario), when a
     * model's version may start over: a grid kept outside the session is filled anew. */
    unsigned long epoch;
    int playing;
    int selected;
    xl_unit unit;
    int sps;
    double acc;       /* steps due but not yet taken, in [0, 1) between calls */
    int sa, sb;       /* landscape slice, sa < sb */
    xl_frame frame;
    int simplex;      /* the simplex shown in the landscape's place (xl_session_simplex_possible) */
    /* The fixed plane: origin theta0 and orthonormal directions d1 (first descent
     * direction), d2 (toward the optimum, or where descent turns); its model evaluates
     * the scenario's loss at theta0 + x d1 + y d2. */
    struct plane {
        xl_model base;
        int np;
        double origin[XL_MAX_PARAMS], d1[XL_MAX_PARAMS], d2[XL_MAX_PARAMS];
        int toward_optimum;
        unsigned long generation;
    } plane;
    double range;
    /* A view the learner zoomed or panned (or fitted): the landscape shows this box
     * instead of [-range, range] on both axes, and stops following the run until the
     * view is reset (a new slice, frame or scenario). */
    int view_manual;
    double box[4];              /* xlo, xhi, ylo, yhi */
    double seen[XL_MAX_PARAMS]; /* max |theta_k| since reset */
    xl_step_observer observer;
    void *observer_user;
    char message[192];
    /* Undo and redo: snapshots from before each edit (newest last), at most
     * XL_UNDO_MAX each. They belong to this session alone: a snapshot's copy of these
     * fields is never used, and restoring keeps the session's own. */
    struct xl_session_snapshot *undo[XL_UNDO_MAX], *redo[XL_UNDO_MAX];
    int nundo, nredo;
    xl_command_kind last_kind;   /* the last command taken, for merging a drag's edits */
    char last_verb[XL_VERB_NAME_MAX]; /* and its verb's name, when last_kind is XL_CMD_VERB */
    /* The timeline, for rewinding: checkpoints (snapshots at steps, oldest first), one
     * every `interval` steps and one after every edit, so between two of them there are
     * only plain steps and re-simulating from one reaches any later step exactly. `head`
     * is the furthest step of this timeline; a step or an edit taken while rewound
     * before it forks: the checkpoints after it go. Session-owned, like the undo stacks. */
    struct checkpoint {
        long step;
        int edit;                       /* taken after an edit: never thinned out */
        struct xl_session_snapshot *snap;
    } cps[XL_CHECKPOINTS_MAX];
    int ncps;
    long interval, head;
    int replaying;                       /* re-simulating for a rewind: no checkpoints, no observer */
    /* The log (xl_session_log_at): the desc it began from; entries of steps and
     * commands; the commands' texts, NUL-ended, one after another in `log_text`.
     * Session-owned like the undo stacks: a restore keeps the session's own. `in_apply`:
     * steps taken inside a command are the command's, not logged apart. */
    xl_session_desc start;
    struct log_entry {
        long steps;
        long text;   /* offset into log_text, or -1 */
    } *log;
    int nlog, log_cap;
    char *log_text;
    size_t log_used, log_text_cap;
    int log_broken;        /* 1: overflowed, 2: restored from outside, 3: posed */
    int in_apply;
    /* The scenario's state: def->state_size bytes of plain data, on the heap (malloc's
     * alignment suits any field), state_cap bytes allocated. A snapshot copies the
     * state_size bytes the scenario uses, not the room. */
    unsigned char *state;
    size_t state_cap;
};

/* Widest landscape range: 4 XL_PARAM_LIMIT, so hi - lo = 8e300 and (hi - lo) * G stay
 * finite. */
#define XLS_MAX_RANGE (4.0 * XL_PARAM_LIMIT)

/* xl_session.c */
/* Room for n bytes of state (the contents kept up to the old size, the rest zero); 0,
 * or -1 if out of memory (s unchanged). */
int xls_state_reserve(xl_session *s, size_t n);
/* Say why a command was refused (fmt has one %s for a); returns 0, "not taken". */
int xls_refuse(xl_session *s, const char *fmt, const char *a);
/* New runs of the scenario from its start, one per kind in s->kinds, at rate lr; 0, or
 * -1 with s unchanged. */
int xls_start_sim(xl_session *s, double lr);
void xls_destroy_runs(xl_session *s);
/* One step of every run that can take one; 0 if none could. */
int xls_step_once(xl_session *s);
/* A command other than undo, redo and rewinding: 1 taken, 0 refused (see message). */
int xls_apply_command(xl_session *s, xl_command cmd);

/* xl_session_optim.c */
/* The next value up or down a ladder of increasing values (value itself at its ends). */
double xls_ladder_move(const double *ladder, int count, double value, int up);
/* The learning rate, optimizer, hyperparameter and race commands: 1 or 0 (taken or
 * refused), -1 if cmd is none of these. */
int xls_apply_optimizer(xl_session *s, const xl_command *cmd);

/* xl_session_view.c */
void xls_plane_build(xl_session *s);
void xls_reset_range(xl_session *s);
void xls_note_point(xl_session *s);
void xls_clear_seen(xl_session *s);
/* After every change: the range follows the runs and the grid is marked stale. */
void xls_update_view(xl_session *s);
/* Selection, unit, slice, frame, the point and the view's box: as xls_apply_optimizer. */
int xls_apply_view(xl_session *s, const xl_command *cmd);

/* Log one call of the step (outside a command), or a command's text. */
void xls_log_step(xl_session *s);
void xls_log_command(xl_session *s, const xl_command *cmd);
void xls_log_halt(xl_session *s);
void xls_log_free(xl_session *s);
/* xl_session_restore without marking the log: undo and rewinding restore their own. */
int xls_restore(xl_session *s, const struct xl_session_snapshot *snap);

/* xl_session_timeline.c */
void xls_clear_timeline(xl_session *s);
void xls_restart_timeline(xl_session *s);
void xls_add_checkpoint(xl_session *s, int edit);
void xls_fork_here(xl_session *s);
void xls_clear_history(struct xl_session_snapshot **stack, int *n);
/* How many checkpoints and undo snapshots the session keeps: XL_CHECKPOINTS_MAX and
 * XL_UNDO_MAX, fewer for a large state so they stay within XL_TIMELINE_BYTES. */
int xls_checkpoint_limit(const xl_session *s);
int xls_undo_limit(const xl_session *s);

#endif
