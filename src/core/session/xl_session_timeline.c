/* xl_session_timeline: undo and redo, checkpoints and rewinding, and the snapshots
 * both are made of (part of the session module; see xl_session_impl.h).
 *
 * Every command passes through xl_session_apply here: an edit saves the session before
 * it (undo) and a checkpoint after it (rewind); undo, redo, rewind and back restore
 * snapshots. Snapshots copy the session's fields and only the bytes of the scenario's
 * state that it uses.
 */
#include "xl_session_impl.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void drop_checkpoint(xl_session *s, int i)
{
    xl_session_snapshot_free(s->cps[i].snap);
    memmove(&s->cps[i], &s->cps[i + 1], (size_t)(s->ncps - i - 1) * sizeof s->cps[0]);
    s->ncps--;
}

void xls_clear_timeline(xl_session *s)
{
    while (s->ncps > 0)
        drop_checkpoint(s, s->ncps - 1);
}

/* Room for one more: every other periodic checkpoint goes and the interval doubles; if
 * edits fill the timeline, the oldest goes (rewinding then reaches back less far). */
static void make_room(xl_session *s)
{
    const int most = xls_checkpoint_limit(s);
    if (s->ncps < most)
        return;
    for (int i = s->ncps - 1; i > 0; i--)
        if (!s->cps[i].edit && s->cps[i].step % (2 * s->interval) != 0)
            drop_checkpoint(s, i);
    s->interval *= 2;
    while (s->ncps >= most)
        drop_checkpoint(s, 0);
}

/* A checkpoint of the session as it is now; one already at this step is replaced (the
 * later state includes what was done there). Out of memory: none is taken, and a rewind
 * reaches only the checkpoints there are. */
void xls_add_checkpoint(xl_session *s, int edit)
{
    const long step = xl_sim_steps(MAIN(s));
    if (s->ncps > 0 && s->cps[s->ncps - 1].step == step) {
        edit |= s->cps[s->ncps - 1].edit;
        drop_checkpoint(s, s->ncps - 1);
    }
    make_room(s);
    xl_session_snapshot *snap = xl_session_save(s);
    if (snap == NULL)
        return;
    s->cps[s->ncps++] = (struct checkpoint){step, edit, snap};
}

/* A step or an edit now, while rewound before the head, starts a new future. */
void xls_fork_here(xl_session *s)
{
    const long step = xl_sim_steps(MAIN(s));
    while (s->ncps > 0 && s->cps[s->ncps - 1].step > step)
        drop_checkpoint(s, s->ncps - 1);
    s->head = step;
}

/* A new timeline starting from the session as it is (creation, undo, redo). */
void xls_restart_timeline(xl_session *s)
{
    xls_clear_timeline(s);
    s->interval = XL_CHECKPOINT_INTERVAL;
    s->head = xl_sim_steps(MAIN(s));
    xls_add_checkpoint(s, 1);
}

void xls_clear_history(struct xl_session_snapshot **stack, int *n)
{
    for (int i = 0; i < *n; i++)
        xl_session_snapshot_free(stack[i]);
    *n = 0;
}

/* Edits a learner may want back: the truth, the data, the parameters, the scenario,
 * the learning's settings, the point in the landscape, a reset, and every verb of the
 * scenario that does not say it is a view (XL_VERB_VIEW). Time, selection and the view
 * are not edits; nor is a verb the scenario does not have (it is refused). */
static int is_edit(const xl_session *s, const xl_command *cmd)
{
    switch (cmd->kind) {
    case XL_CMD_RESET: case XL_CMD_LR_UP: case XL_CMD_LR_DOWN: case XL_CMD_SET_LR: case XL_CMD_OPTIMIZER:
    case XL_CMD_OPTIMIZER_NEXT: case XL_CMD_SET_MU: case XL_CMD_SET_BETA1: case XL_CMD_SET_BETA2:
    case XL_CMD_SET_EPS: case XL_CMD_MU_UP: case XL_CMD_MU_DOWN: case XL_CMD_BETA1_UP: case XL_CMD_BETA1_DOWN:
    case XL_CMD_BETA2_UP: case XL_CMD_BETA2_DOWN: case XL_CMD_EPS_UP: case XL_CMD_EPS_DOWN: case XL_CMD_RACE:
    case XL_CMD_RACE_TOGGLE: case XL_CMD_SCENARIO: case XL_CMD_SCENARIO_NEXT: case XL_CMD_SCENARIO_PREV:
    case XL_CMD_PARAM: case XL_CMD_SET_P: case XL_CMD_MOVE_TO: case XL_CMD_START_AT:
        return 1;
    case XL_CMD_VERB: {
        const int v = xl_scenario_verb_index(s->def, cmd->verb);
        return v >= 0 && !(s->def->verbs[v].flags & XL_VERB_VIEW);
    }
    default:
        return 0;
    }
}

/* A drag sends one command per motion: those that follow one another make one edit. */
static int is_drag(const xl_session *s, const xl_command *cmd)
{
    if (cmd->kind == XL_CMD_VERB) {
        const int v = xl_scenario_verb_index(s->def, cmd->verb);
        return v >= 0 && (s->def->verbs[v].flags & XL_VERB_DRAG);
    }
    return cmd->kind == XL_CMD_SET_P || cmd->kind == XL_CMD_MOVE_TO || cmd->kind == XL_CMD_START_AT;
}

/* The same command as the last one taken (the same verb, for verbs). */
static int same_as_last(const xl_session *s, const xl_command *cmd)
{
    return cmd->kind == s->last_kind && (cmd->kind != XL_CMD_VERB || strcmp(cmd->verb, s->last_verb) == 0);
}

static void remember(xl_session *s, const xl_command *cmd)
{
    s->last_kind = cmd->kind;
    memcpy(s->last_verb, cmd->verb, sizeof s->last_verb);
}

/* Snapshots a timeline can afford for this state: each holds a copy of it. */
static int limit_for(const xl_session *s, int most, int least)
{
    const double fit = XL_TIMELINE_BYTES / (double)(s->def->state_size + sizeof(xl_session));
    return fit >= most ? most : fit <= least ? least : (int)fit;
}

int xls_checkpoint_limit(const xl_session *s)
{
    return limit_for(s, XL_CHECKPOINTS_MAX, 4);
}

int xls_undo_limit(const xl_session *s)
{
    return limit_for(s, XL_UNDO_MAX, 2);
}

static void push_snapshot(const xl_session *s, struct xl_session_snapshot **stack, int *n,
                          struct xl_session_snapshot *snap)
{
    while (*n >= xls_undo_limit(s)) { /* the oldest goes */
        xl_session_snapshot_free(stack[0]);
        memmove(stack, stack + 1, (size_t)(*n - 1) * sizeof stack[0]);
        (*n)--;
    }
    stack[(*n)++] = snap;
}

/* Undo or redo: the state on top of `from` comes back, the present goes onto `to`. */
static int step_history(xl_session *s, struct xl_session_snapshot **from, int *nfrom,
                        struct xl_session_snapshot **to, int *nto, const char *what)
{
    if (*nfrom == 0)
        return xls_refuse(s, "nothing to %s", what);
    struct xl_session_snapshot *now = xl_session_save(s);
    if (now == NULL || xls_restore(s, from[*nfrom - 1]) != 0) {
        xl_session_snapshot_free(now);
        return xls_refuse(s, "%s: out of memory", what);
    }
    xl_session_snapshot_free(from[--(*nfrom)]);
    push_snapshot(s, to, nto, now);
    return 1;
}

/* Back (or forward, up to the head) to step `to`: the latest checkpoint at or before
 * it, then plain steps re-simulated to it. What the learner chose to look at (the
 * selection, unit, slice, frame, speed) stays; time is paused there. */
static int rewind_to(xl_session *s, long to)
{
    if (s->ncps == 0)
        return xls_refuse(s, "%s", "nothing to rewind to");
    const long first = s->cps[0].step;
    if (to < first || to > s->head) {
        char what[128];
        snprintf(what, sizeof what, "rewind reaches steps %ld to %ld", first, s->head);
        return xls_refuse(s, "%s", what);
    }
    int i = s->ncps - 1;
    while (i > 0 && s->cps[i].step > to)
        i--;
    const int selected = s->selected, sa = s->sa, sb = s->sb, sps = s->sps, view_manual = s->view_manual;
    const xl_unit unit = s->unit;
    const xl_frame frame = s->frame;
    double box[4];
    memcpy(box, s->box, sizeof box);
    if (xls_restore(s, s->cps[i].snap) != 0)
        return xls_refuse(s, "%s", "rewind: out of memory");
    s->replaying = 1;
    while (xl_sim_steps(MAIN(s)) < to && xls_step_once(s))
        ;
    s->replaying = 0;
    s->playing = 0;
    s->acc = 0.0;
    s->unit = unit;
    s->sps = sps;
    if (s->frame != frame) {
        s->frame = frame;
        xls_reset_range(s);
    }
    s->view_manual = view_manual; /* the view zoomed to stays as it was */
    memcpy(s->box, box, sizeof box);
    int items = s->def->item_count(s->state);
    s->selected = selected < items ? selected : items - 1;
    if (sb < xl_sim_param_count(MAIN(s))) {
        s->sa = sa;
        s->sb = sb;
    }
    xls_update_view(s);
    return 1;
}

long xl_session_timeline(const xl_session *s, long *first, long *head)
{
    assert(s != NULL);
    if (first)
        *first = s->ncps > 0 ? s->cps[0].step : xl_sim_steps(MAIN(s));
    if (head)
        *head = s->head > xl_sim_steps(MAIN(s)) ? s->head : xl_sim_steps(MAIN(s));
    return xl_sim_steps(MAIN(s));
}

static int apply_logged(xl_session *s, xl_command cmd);

int xl_session_apply(xl_session *s, xl_command cmd)
{
    assert(s != NULL);
    s->message[0] = '\0';
    if (cmd.kind <= XL_CMD_NONE || cmd.kind >= XL_CMD_COUNT)
        return 0;
    /* Logged before it runs: a command's own steps are its own (in_apply). */
    xls_log_command(s, &cmd);
    const int outer = s->in_apply;
    s->in_apply = 1;
    int ok = apply_logged(s, cmd);
    s->in_apply = outer;
    return ok;
}

static int apply_logged(xl_session *s, xl_command cmd)
{
    if (cmd.kind == XL_CMD_UNDO || cmd.kind == XL_CMD_REDO) {
        int ok = cmd.kind == XL_CMD_UNDO ? step_history(s, s->undo, &s->nundo, s->redo, &s->nredo, "undo")
                                         : step_history(s, s->redo, &s->nredo, s->undo, &s->nundo, "redo");
        if (ok)
            xls_restart_timeline(s); /* rewinding does not reach across an undo */
        remember(s, &cmd);
        return ok;
    }
    if (cmd.kind == XL_CMD_REWIND || cmd.kind == XL_CMD_BACK) {
        long to = cmd.kind == XL_CMD_REWIND ? cmd.n : xl_sim_steps(MAIN(s)) - 1;
        int ok = rewind_to(s, to);
        remember(s, &cmd);
        return ok;
    }
    struct xl_session_snapshot *before = NULL;
    const int edit = is_edit(s, &cmd);
    const int merge = is_drag(s, &cmd) && same_as_last(s, &cmd) && s->nundo > 0;
    if (edit && !merge)
        before = xl_session_save(s); /* out of memory: the edit goes on, without an undo */
    if (edit && xl_sim_steps(MAIN(s)) < s->head)
        xls_fork_here(s); /* an edit in the past starts a new future */
    int ok = xls_apply_command(s, cmd);
    if (ok && edit) {
        if (xl_sim_steps(MAIN(s)) < s->head)
            xls_fork_here(s); /* reset, a restart: back at step 0 */
        xls_add_checkpoint(s, 1);
    }
    if (ok && before) {
        push_snapshot(s, s->undo, &s->nundo, before);
        xls_clear_history(s->redo, &s->nredo);
    } else {
        xl_session_snapshot_free(before);
    }
    if (ok && edit)
        xls_clear_history(s->redo, &s->nredo);
    remember(s, &cmd);
    return ok;
}

int xl_session_undo_depth(const xl_session *s, int *redo)
{
    assert(s != NULL);
    if (redo)
        *redo = s->nredo;
    return s->nundo;
}

/* A snapshot: the session's fields by value, the scenario's state (the state_size bytes
 * it uses), and its runs as spare sims copied from the live ones. The spare sims borrow
 * the live session's model only to exist; they are never stepped, and restoring copies
 * their values back into sims on the session's own (restored) state. */
struct xl_session_snapshot {
    xl_sim *runs[XL_RACE_MAX];
    xl_session fields;       /* fields.state is the live session's: never used */
    /* The state's copy, last: fields.def->state_size bytes, double-aligned. */
    union {
        unsigned char bytes[1];
        double align_double;
        long align_long;
        void *align_pointer;
    } state;
};

void xl_session_snapshot_free(xl_session_snapshot *snap)
{
    if (snap == NULL)
        return;
    for (int r = 0; r < XL_RACE_MAX; r++)
        xl_sim_destroy(snap->runs[r]);
    free(snap);
}

xl_session_snapshot *xl_session_save(const xl_session *s)
{
    assert(s != NULL);
    xl_session_snapshot *snap = calloc(1, offsetof(xl_session_snapshot, state) + s->def->state_size);
    if (snap == NULL)
        return NULL;
    snap->fields = *s;
    memcpy(snap->state.bytes, s->state, s->def->state_size);
    for (int r = 0; r < s->nruns; r++) {
        snap->runs[r] = xl_sim_create(s->def->model(s->state), xl_sim_theta0(s->runs[r]), 1.0);
        if (snap->runs[r] == NULL) {
            xl_session_snapshot_free(snap);
            return NULL;
        }
        xl_sim_copy(snap->runs[r], s->runs[r]);
    }
    return snap;
}

int xl_session_restore(xl_session *s, const xl_session_snapshot *snap)
{
    assert(s != NULL && snap != NULL);
    int r = xls_restore(s, snap);
    if (r == 0)
        s->log_broken = 2; /* a state from elsewhere: the log no longer says how it came */
    return r;
}

int xls_restore(xl_session *s, const xl_session_snapshot *snap)
{
    assert(s != NULL && snap != NULL);
    const xl_session *f = &snap->fields;
    const size_t size = f->def->state_size;
    if (xl_landscape_size(s->ls) != xl_landscape_size(f->ls) || xls_state_reserve(s, size) != 0)
        return -1;
    /* New sims on the restored state first, so a failure leaves s as it was. */
    unsigned char *saved_state = malloc(s->state_cap);
    if (saved_state == NULL)
        return -1;
    memcpy(saved_state, s->state, s->state_cap);
    memcpy(s->state, snap->state.bytes, size);
    xl_sim *runs[XL_RACE_MAX] = {NULL};
    for (int r = 0; r < f->nruns; r++) {
        runs[r] = xl_sim_create(f->def->model(s->state), xl_sim_theta0(snap->runs[r]), 1.0);
        if (runs[r] == NULL) {
            for (int k = 0; k < r; k++)
                xl_sim_destroy(runs[k]);
            memcpy(s->state, saved_state, s->state_cap);
            free(saved_state);
            return -1;
        }
        xl_sim_copy(runs[r], snap->runs[r]);
    }
    free(saved_state);
    xls_destroy_runs(s);
    /* What the snapshot does not decide: the session's own buffers, observer, undo and
     * redo stacks and timeline, and the last command (for merging a drag). */
    xl_session keep = *s;
    *s = *f;
    s->state = keep.state;
    s->state_cap = keep.state_cap;
    memcpy(s->cps, keep.cps, sizeof keep.cps);
    s->ncps = keep.ncps;
    s->interval = keep.interval;
    s->head = keep.head;
    s->replaying = keep.replaying;
    memcpy(s->runs, runs, sizeof runs);
    s->ls = keep.ls;
    s->observer = keep.observer;
    s->observer_user = keep.observer_user;
    memcpy(s->undo, keep.undo, sizeof keep.undo);
    memcpy(s->redo, keep.redo, sizeof keep.redo);
    s->nundo = keep.nundo;
    s->nredo = keep.nredo;
    s->last_kind = keep.last_kind;
    /* The log is the session's own account, kept across undo and rewinding. */
    s->start = keep.start;
    s->log = keep.log;
    s->nlog = keep.nlog;
    s->log_cap = keep.log_cap;
    s->log_text = keep.log_text;
    s->log_used = keep.log_used;
    s->log_text_cap = keep.log_text_cap;
    s->log_broken = keep.log_broken;
    s->in_apply = keep.in_apply;
    memcpy(s->last_verb, keep.last_verb, sizeof keep.last_verb);
    s->epoch = keep.epoch + 1;
    xl_landscape_invalidate(s->ls);
    xls_update_view(s);
    return 0;
}
