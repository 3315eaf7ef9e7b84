/* xl_session: the state machine around one scenario and its simulation.
 *
 * Everything but xl_session_advance is a pure function of the commands applied. Time
 * is turned into fixed steps by an accumulator: each call adds seconds * steps_per_second,
 * takes floor() of it as steps and keeps the fraction, so the number of steps depends on
 * the total time only, not on how it was sliced into frames (capped at one second's
 * worth per call so a stalled window does not unleash a burst).
 *
 * The scenario's state lives inside the session (plain data, so it never moves and the
 * model the sim borrows stays valid); switching scenario re-initializes it in place.
 * After every change the view data are brought up to date (xls_update_view, in xl_session_view.c), so the frame
 * only reads. The landscape range [-R, R] starts at XL_DEFAULT_RANGE and grows in steps
 * of 2 so the start, the current point and everywhere the trajectory has been stay at
 * least half a unit inside the frame.
 */
#include "xl_session_impl.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double speed_ladder[] = { 1, 2, 5, 10, 15, 30, 60, 120, 240 };

/* A step due within this many steps of now is taken now: summing 1/60 s sixty times does
 * not give exactly 1 s in binary, and one frame's rounding must not drop a step. */
static const double DUE_EPS = 1e-9;

static void fill_defaults(const xl_scenario_def *def, double *params)
{
    for (int i = 0; i < XL_SCENARIO_PARAMS_MAX; i++)
        params[i] = i < def->param_count ? def->params[i].def : 0.0;
}

void xl_session_desc_set_scenario(xl_session_desc *d, const xl_scenario_def *def)
{
    assert(d != NULL && def != NULL);
    d->scenario = def;
    fill_defaults(def, d->params);
}

int xl_session_desc_add_setup(xl_session_desc *d, xl_command cmd)
{
    assert(d != NULL);
    if (d->setup_count >= XL_SETUP_MAX)
        return -1;
    d->setup[d->setup_count++] = cmd;
    return 0;
}

void xl_session_desc_default(xl_session_desc *d, uint64_t seed)
{
    assert(d != NULL);
    memset(d, 0, sizeof *d);
    xl_session_desc_set_scenario(d, xl_scenario_at(0));
    d->seed = seed;
    d->lr = XL_DEFAULT_LR;
    d->steps_per_second = XL_DEFAULT_STEPS_PER_SECOND;
    d->grid = XL_DEFAULT_GRID;
}

static int param_ok(const xl_param_def *p, double v)
{
    return isfinite(v) && v >= p->lo && v <= p->hi && (!p->whole || v == floor(v));
}

static int say(char *err, size_t errlen, const char *what)
{
    if (err && errlen)
        snprintf(err, errlen, "%s", what);
    return -1;
}

int xls_state_reserve(xl_session *s, size_t n)
{
    if (n <= s->state_cap)
        return 0;
    unsigned char *grown = realloc(s->state, n);
    if (grown == NULL)
        return -1;
    memset(grown + s->state_cap, 0, n - s->state_cap);
    s->state = grown;
    s->state_cap = n;
    return 0;
}

/* Fill s->state for def from the session's parameters and seed. */
static int init_state(xl_session *s, const xl_scenario_def *def, char *err, size_t errlen)
{
    if (xl_scenario_check(def, err, errlen) != 0)
        return -1;
    if (def->state_size == 0 || def->state_size > XL_SCENARIO_STATE_MAX) {
        if (err && errlen)
            snprintf(err, errlen, "the %s scenario's state is %zu bytes; a session holds 1 to %d", def->id,
                     def->state_size, XL_SCENARIO_STATE_MAX);
        return -1;
    }
    if (xls_state_reserve(s, def->state_size) != 0)
        return say(err, errlen, "out of memory");
    for (int i = 0; i < def->param_count; i++) {
        if (!param_ok(&def->params[i], s->params[i])) {
            if (err && errlen)
                snprintf(err, errlen, "%s must be %s from %g to %g", def->params[i].name,
                         def->params[i].whole ? "a whole number" : "a number", def->params[i].lo, def->params[i].hi);
            return -1;
        }
    }
    memset(s->state, 0, s->state_cap);
    if (def->init(s->state, s->params, s->seed, err, errlen) != 0)
        return -1;
    /* What the session can host: one parameter or more, and two for a landscape. */
    xl_model m = def->model(s->state);
    int np = m.ops->param_count(m.self);
    if (np < 1 || np > XL_MAX_PARAMS) {
        if (err && errlen)
            snprintf(err, errlen, "the %s scenario has %d parameters; a session runs 1 to %d", def->id, np,
                     XL_MAX_PARAMS);
        return -1;
    }
    if ((def->panels & XL_PANEL_LANDSCAPE) && np < 2) {
        if (err && errlen)
            snprintf(err, errlen,
                     "the %s scenario shows a landscape but has 1 parameter: a landscape needs two (leave "
                     "XL_PANEL_LANDSCAPE out of its panels)",
                     def->id);
        return -1;
    }
    return 0;
}

void xls_destroy_runs(xl_session *s)
{
    for (int r = 0; r < XL_RACE_MAX; r++) {
        xl_sim_destroy(s->runs[r]);
        s->runs[r] = NULL;
    }
}

/* New runs of the scenario from its starting parameters, one per optimizer kind in
 * s->kinds[0..nruns-1], all at rate lr. */
int xls_start_sim(xl_session *s, double lr)
{
    /* New runs start at step 0, and a truth that evolves starts over with them, so the
     * truth's clock and the runs' step count stay one (a race restarts both). */
    if (s->def->restart)
        s->def->restart(s->state);
    double theta0[XL_MAX_PARAMS];
    xl_model m = s->def->model(s->state);
    int np = m.ops->param_count(m.self);
    if (np < 1 || np > XL_MAX_PARAMS) /* init_state said why */
        return -1;
    s->def->start(s->state, theta0);
    xl_sim *runs[XL_RACE_MAX] = {NULL};
    for (int r = 0; r < s->nruns; r++) {
        runs[r] = xl_sim_create(m, theta0, lr);
        xl_optim_hyper h = s->hyper;
        h.lr = lr;
        if (runs[r] == NULL || xl_sim_set_optimizer(runs[r], s->kinds[r], h) != 0) {
            for (int k = 0; k <= r; k++)
                xl_sim_destroy(runs[k]);
            return -1;
        }
    }
    xls_destroy_runs(s);
    memcpy(s->runs, runs, sizeof runs);
    s->acc = 0.0;
    if (s->sb >= np || s->sa >= s->sb) {
        s->sa = 0;
        s->sb = 1;
    }
    xls_reset_range(s);
    xls_clear_seen(s);
    xls_plane_build(s);
    return 0;
}

/* What is selected when a scenario starts: where the scenario says the eye goes first
 * (diffusion: the cell holding the most probability), else the first item. */
static int first_selection(const xl_session *s)
{
    int i = s->def->first_item ? s->def->first_item(s->state) : 0;
    return i >= 0 && i < s->def->item_count(s->state) ? i : 0;
}

/* The desc's setup commands on the new session, in order; then the state they leave is
 * the scenario's start and the runs start from it. 0, or -1 with *bad the index of the
 * command refused and err saying why. */
static int set_up(xl_session *s, const xl_session_desc *d, char *err, size_t errlen, int *bad)
{
    for (int i = 0; i < d->setup_count && i < XL_SETUP_MAX; i++) {
        if (!xls_apply_command(s, d->setup[i])) {
            char text[96];
            xl_command_format(&d->setup[i], text, sizeof text);
            if (err && errlen)
                snprintf(err, errlen, "%s: %s", text, s->message[0] ? s->message : "refused");
            *bad = i;
            return -1;
        }
    }
    if (d->setup_count > 0) {
        if (s->def->keep_start)
            s->def->keep_start(s->state);
        if (xls_start_sim(s, xl_sim_lr(MAIN(s))) != 0)
            return say(err, errlen, "out of memory");
        s->selected = first_selection(s);
    }
    return 0;
}

xl_session *xl_session_create_checked(const xl_session_desc *d, char *err, size_t errlen)
{
    int bad = -1;
    return xl_session_create_report(d, err, errlen, &bad);
}

xl_session *xl_session_create_report(const xl_session_desc *d, char *err, size_t errlen, int *bad_setup)
{
    assert(d != NULL && bad_setup != NULL);
    *bad_setup = -1;
    if (!isfinite(d->lr) || !(d->lr > 0.0)) {
        say(err, errlen, "the learning rate must be a number greater than 0");
        return NULL;
    }
    if (d->steps_per_second < 1 || d->grid < 2 || d->grid > XL_LANDSCAPE_MAX_G) {
        say(err, errlen, "steps per second and the landscape grid are out of range");
        return NULL;
    }
    xl_session *s = calloc(1, sizeof *s);
    if (s == NULL) {
        say(err, errlen, "out of memory");
        return NULL;
    }
    s->def = d->scenario ? d->scenario : xl_scenario_at(0);
    memcpy(s->params, d->params, sizeof s->params);
    if (d->scenario == NULL)
        fill_defaults(s->def, s->params);
    s->seed = d->seed;
    s->sps = d->steps_per_second;
    s->unit = XL_NATS;
    s->sa = 0;
    s->sb = 1;
    s->hyper = d->hyper;
    s->hyper.lr = 0.0;
    if (d->race_count >= 2 && d->race_count <= XL_RACE_MAX) {
        s->nruns = d->race_count;
        memcpy(s->kinds, d->race, sizeof s->kinds);
        s->racing = 1;
    } else {
        s->nruns = 1;
        s->kinds[0] = d->optimizer;
    }
    for (int r = 0; r < s->nruns; r++) {
        if (s->kinds[r] < 0 || s->kinds[r] >= XL_OPTIM_KIND_COUNT) {
            say(err, errlen, "unknown optimizer");
            free(s);
            return NULL;
        }
    }
    s->ls = xl_landscape_create(d->grid);
    if (s->ls == NULL || init_state(s, s->def, err, errlen) != 0 || xls_start_sim(s, d->lr) != 0) {
        if (s->ls == NULL || (err && errlen && err[0] == '\0'))
            say(err, errlen, "out of memory");
        xl_session_destroy(s);
        return NULL;
    }
    s->selected = first_selection(s);
    s->start = *d;
    s->start.scenario = s->def;
    memcpy(s->start.params, s->params, sizeof s->params);
    if (set_up(s, d, err, errlen, bad_setup) != 0) {
        xl_session_destroy(s);
        return NULL;
    }
    xls_update_view(s);
    xls_restart_timeline(s);
    return s;
}

xl_session *xl_session_create(const xl_session_desc *d)
{
    char err[192] = "";
    return xl_session_create_checked(d, err, sizeof err);
}

void xl_session_destroy(xl_session *s)
{
    if (s == NULL)
        return;
    xls_clear_history(s->undo, &s->nundo);
    xls_clear_history(s->redo, &s->nredo);
    xls_clear_timeline(s);
    xls_destroy_runs(s);
    xl_landscape_destroy(s->ls);
    xls_log_free(s);
    free(s->state);
    free(s);
}

int xls_refuse(xl_session *s, const char *fmt, const char *a)
{
    snprintf(s->message, sizeof s->message, fmt, a);
    return 0;
}

/* One step of every run that can still take one, plus the bookkeeping; 0 if none could
 * (every run diverged). The observer sees the steered run's sample. */
int xls_step_once(xl_session *s)
{
    if (!s->replaying && !s->in_apply)
        xls_log_step(s); /* a step of time: a command's own steps replay with it */
    if (!s->replaying && xl_sim_steps(MAIN(s)) < s->head)
        xls_fork_here(s);
    int stepped = 0;
    const int main_ok = xl_sim_status_get(MAIN(s)) == XL_SIM_OK;
    const long main_before = xl_sim_steps(MAIN(s));
    if (s->def->evolve) {
        /* The truth moves first; every run then learns against where it is now. */
        s->def->evolve(s->state, xl_sim_steps(MAIN(s)) + 1);
        for (int r = 0; r < s->nruns; r++)
            xl_sim_model_changed(s->runs[r]);
    }
    /* Nothing to learn, or learning switched off: the runs hold while the truth moves. */
    const int learn = !s->def->gradient_free && (s->def->learning == NULL || s->def->learning(s->state));
    for (int r = 0; r < s->nruns; r++) {
        if (xl_sim_status_get(s->runs[r]) != XL_SIM_OK)
            continue;
        long before = xl_sim_steps(s->runs[r]);
        if (learn)
            xl_sim_step(s->runs[r], 1);
        else
            xl_sim_hold(s->runs[r]);
        stepped |= xl_sim_steps(s->runs[r]) != before;
    }
    if (!stepped) {
        /* The steered run refused this step (a divergence): the observer hears of it once,
         * with the last sample it took, so a trace ends with its diverged_at rather than
         * in silence. */
        if (main_ok && !s->replaying && s->observer != NULL && xl_sim_status_get(MAIN(s)) == XL_SIM_DIVERGED) {
            xl_sample cur = xl_sim_current(MAIN(s));
            s->observer(&cur, s->observer_user);
        }
        return 0;
    }
    xls_note_point(s);
    /* The scenario's own record follows the steered run, in replay too (the state was
     * restored with the record as it was at the checkpoint). */
    if (s->def->observe && xl_sim_steps(MAIN(s)) != main_before)
        s->def->observe(s->state, xl_sim_theta(MAIN(s)), xl_sim_steps(MAIN(s)));
    if (s->replaying)
        return 1;
    const long step = xl_sim_steps(MAIN(s));
    if (step > s->head)
        s->head = step;
    if (step % s->interval == 0)
        xls_add_checkpoint(s, 0);
    if (s->observer != NULL) {
        xl_sample cur = xl_sim_current(MAIN(s));
        s->observer(&cur, s->observer_user);
    }
    return 1;
}

static int any_running(const xl_session *s)
{
    for (int r = 0; r < s->nruns; r++)
        if (xl_sim_status_get(s->runs[r]) == XL_SIM_OK)
            return 1;
    return 0;
}

/* Room for n bytes of state that keeps the running scenario's runs valid: their models
 * borrow s->state, so when the room must move (realloc would free the old one under
 * them), the runs move with it: new runs over the new room, copied from the old ones so
 * they continue exactly. A switch to a scenario that then refuses to start (a data file
 * missing or damaged) leaves the running one whole. 0, or -1 with s unchanged. */
static int grow_state_keeping_runs(xl_session *s, size_t n)
{
    if (n <= s->state_cap)
        return 0;
    unsigned char *room = calloc(1, n);
    if (room == NULL)
        return -1;
    memcpy(room, s->state, s->state_cap);
    xl_sim *runs[XL_RACE_MAX] = {NULL};
    for (int r = 0; r < XL_RACE_MAX && s->runs[r] != NULL; r++) {
        runs[r] = xl_sim_create(s->def->model(room), xl_sim_theta0(s->runs[r]), 1.0);
        if (runs[r] == NULL) {
            for (int k = 0; k < r; k++)
                xl_sim_destroy(runs[k]);
            free(room);
            return -1;
        }
        xl_sim_copy(runs[r], s->runs[r]);
    }
    xls_destroy_runs(s);
    memcpy(s->runs, runs, sizeof runs);
    free(s->state);
    s->state = room;
    s->state_cap = n;
    return 0;
}

/* Switch to def with parameters params (each checked), from the session's seed. */
static int switch_scenario(xl_session *s, const xl_scenario_def *def, const double *params)
{
    if (def->state_size <= XL_SCENARIO_STATE_MAX && grow_state_keeping_runs(s, def->state_size) != 0)
        return xls_refuse(s, "%s", "out of memory");
    double lr = xl_sim_lr(MAIN(s));
    double saved_params[XL_SCENARIO_PARAMS_MAX];
    const xl_scenario_def *saved_def = s->def;
    memcpy(saved_params, s->params, sizeof saved_params);
    /* The running state's copy, to put back if the new one cannot start. */
    const size_t saved_size = saved_def->state_size;
    unsigned char *saved_state = malloc(saved_size);
    if (saved_state == NULL)
        return xls_refuse(s, "%s", "out of memory");
    memcpy(saved_state, s->state, saved_size);
    memcpy(s->params, params, sizeof s->params);
    s->def = def;
    if (init_state(s, def, s->message, sizeof s->message) != 0 || xls_start_sim(s, lr) != 0) {
        /* Nothing is lost: the running scenario stays as it was. */
        s->def = saved_def;
        memcpy(s->params, saved_params, sizeof s->params);
        memcpy(s->state, saved_state, saved_size); /* the room only grows: it fits */
        free(saved_state);
        if (!s->message[0])
            snprintf(s->message, sizeof s->message, "out of memory");
        return 0;
    }
    free(saved_state);
    s->epoch++;
    xl_landscape_invalidate(s->ls);
    s->selected = first_selection(s);
    s->sa = 0;
    s->sb = 1;
    xls_reset_range(s);
    return 1;
}

static int scenario_index(const xl_scenario_def *def)
{
    for (int i = 0; i < xl_scenario_count(); i++)
        if (xl_scenario_at(i) == def)
            return i;
    return 0;
}

/* Play, pause, steps, reset and speed. Returns 1 or 0 (taken or refused), -1 if not one of these. */
static int apply_time(xl_session *s, const xl_command *cmd)
{
    switch (cmd->kind) {
    case XL_CMD_TOGGLE_PLAY:
        s->playing = !s->playing;
        return 1;
    case XL_CMD_PLAY:
        s->playing = 1;
        return 1;
    case XL_CMD_PAUSE:
        s->playing = 0;
        return 1;
    case XL_CMD_STEP:
        s->playing = 0;
        xls_step_once(s);
        return 1;
    case XL_CMD_RUN:
        for (long i = 0; i < cmd->n; i++)
            if (!xls_step_once(s))
                break;
        return 1;
    case XL_CMD_RESET:
        /* A playground: a running sim restarts and keeps running. A truth that evolves
         * goes back to where it started, so the run is the same run again. */
        if (s->def->restart) {
            s->def->restart(s->state);
            xls_plane_build(s);
        }
        for (int r = 0; r < s->nruns; r++)
            xl_sim_reset(s->runs[r]);
        s->acc = 0.0;
        xls_reset_range(s);
        xls_clear_seen(s);
        return 1;
    case XL_CMD_SPEED_UP:
    case XL_CMD_SPEED_DOWN: {
        int count = (int)(sizeof speed_ladder / sizeof speed_ladder[0]);
        s->sps = (int)xls_ladder_move(speed_ladder, count, s->sps, cmd->kind == XL_CMD_SPEED_UP);
        return 1;
    }
    case XL_CMD_SET_SPEED:
        s->sps = (int)cmd->n; /* 1..240, checked by the parser */
        return 1;
    default:
        return -1;
    }
}

/* Which scenario runs, with which parameters. Returns 1 or 0 (taken or refused), -1 if not one of these. */
static int apply_scenario(xl_session *s, const xl_command *cmd)
{
    switch (cmd->kind) {
    case XL_CMD_SCENARIO: {
        const xl_scenario_def *def = xl_scenario_find(cmd->name);
        if (def == NULL)
            return xls_refuse(s, "no scenario '%s' (xentlab --list-scenarios lists them)", cmd->name);
        double params[XL_SCENARIO_PARAMS_MAX];
        fill_defaults(def, params);
        return switch_scenario(s, def, params);
    }
    case XL_CMD_SCENARIO_NEXT:
    case XL_CMD_SCENARIO_PREV: {
        /* Cycling passes over a scenario that cannot start (its message says which and
         * why), so S always reaches every one that can. */
        int n = xl_scenario_count(), at = scenario_index(s->def);
        char skipped[sizeof s->message] = "";
        for (int k = 1; k < n; k++) {
            int i = (at + (cmd->kind == XL_CMD_SCENARIO_NEXT ? k : n - k)) % n;
            double params[XL_SCENARIO_PARAMS_MAX];
            fill_defaults(xl_scenario_at(i), params);
            if (switch_scenario(s, xl_scenario_at(i), params))
                return 1;
            if (!skipped[0])
                snprintf(skipped, sizeof skipped, "%s", s->message);
        }
        return xls_refuse(s, "%s", skipped[0] ? skipped : "there is no other scenario");
    }
    case XL_CMD_PARAM: {
        int i = xl_scenario_param_index(s->def, cmd->name);
        if (i < 0)
            return xls_refuse(s, "this scenario has no parameter '%s'", cmd->name);
        if (!param_ok(&s->def->params[i], cmd->x)) {
            char what[160];
            snprintf(what, sizeof what, "%s must be %s from %g to %g", s->def->params[i].name,
                     s->def->params[i].whole ? "a whole number" : "a number", s->def->params[i].lo,
                     s->def->params[i].hi);
            return xls_refuse(s, "%s", what);
        }
        double params[XL_SCENARIO_PARAMS_MAX];
        memcpy(params, s->params, sizeof params);
        if (s->def->params_now)
            s->def->params_now(s->state, params);
        params[i] = cmd->x;
        return switch_scenario(s, s->def, params);
    }
    default:
        return -1;
    }
}

/* A session command, whichever group it is in; -1 if it is the scenario's to apply. */
static int apply_session(xl_session *s, const xl_command *cmd)
{
    int (*const groups[])(xl_session *, const xl_command *) = {apply_time, xls_apply_optimizer, xls_apply_view,
                                                              apply_scenario};
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        int r = groups[i](s, cmd);
        if (r >= 0)
            return r;
    }
    return -1;
}

/* A command the scenario applies: one of its verbs, or set-p. Returns what apply said,
 * or XL_APPLY_NOT_MINE with the reason in s->message. */
static xl_apply_result apply_scenario_command(xl_session *s, const xl_command *cmd, int *verb, char *err,
                                              size_t errlen)
{
    *verb = -1;
    if (cmd->kind == XL_CMD_VERB) {
        *verb = xl_scenario_verb_index(s->def, cmd->verb);
        if (*verb < 0) {
            /* Name the scenarios that have it: a key or a lesson line meant for another. */
            char owners[128];
            if (xl_scenario_verb_owners(cmd->verb, owners, sizeof owners) > 0)
                snprintf(s->message, sizeof s->message, "%s does not apply to the %s: it is a verb of %s", cmd->verb,
                         s->def->title, owners);
            else
                snprintf(s->message, sizeof s->message, "%s does not apply to the %s", cmd->verb, s->def->title);
            return XL_APPLY_NOT_MINE;
        }
    }
    xl_apply_result r = s->def->apply ? s->def->apply(s->state, cmd, *verb, s->selected, err, errlen)
                                      : XL_APPLY_NOT_MINE;
    if (r == XL_APPLY_NOT_MINE)
        snprintf(s->message, sizeof s->message, "%s does not apply to the %s", xl_command_title(cmd),
                 s->def->title);
    return r;
}

int xls_apply_command(xl_session *s, xl_command cmd)
{
    int items_before = s->def->item_count(s->state);
    int r = apply_session(s, &cmd);
    if (r < 0) {
        char err[160] = "";
        int verb = -1;
        switch (apply_scenario_command(s, &cmd, &verb, err, sizeof err)) {
        case XL_APPLY_DONE:
            /* What was just added is what the learner looks at next. */
            if (verb >= 0 && (s->def->verbs[verb].flags & XL_VERB_SELECTS_NEW) &&
                s->def->item_count(s->state) > items_before)
                s->selected = s->def->item_count(s->state) - 1;
            /* What the scenario points at is what the learner looks at next. */
            if (verb >= 0 && (s->def->verbs[verb].flags & XL_VERB_SELECTS_FIRST) && s->def->first_item) {
                const int item = s->def->first_item(s->state);
                if (item >= 0 && item < s->def->item_count(s->state))
                    s->selected = item;
            }
            for (int k = 0; k < s->nruns; k++)
                xl_sim_model_changed(s->runs[k]);
            xls_plane_build(s); /* a new truth: a new optimum to point at */
            r = 1;
            break;
        case XL_APPLY_RESTART:
            r = xls_start_sim(s, xl_sim_lr(MAIN(s))) == 0;
            if (!r)
                xls_refuse(s, "%s", "out of memory");
            break;
        case XL_APPLY_REFUSED:
            r = xls_refuse(s, "%s", err);
            break;
        case XL_APPLY_NOT_MINE:
            r = 0;
            break;
        }
    }
    int items = s->def->item_count(s->state);
    if (s->selected >= items)
        s->selected = items - 1;
    xls_update_view(s);
    return r;
}

int xl_session_tick(xl_session *s, const xl_command *cmds, int n, double seconds, int *accepted)
{
    assert(s != NULL && (n == 0 || cmds != NULL));
    long before = xl_sim_steps(MAIN(s));
    for (int i = 0; i < n; i++) {
        int ok = xl_session_apply(s, cmds[i]);
        if (accepted)
            accepted[i] = ok;
    }
    xl_session_advance(s, seconds);
    long taken = xl_sim_steps(MAIN(s)) - before;
    return taken > 0 ? (int)taken : 0;
}

const char *xl_session_message(const xl_session *s)
{
    assert(s != NULL);
    return s->message;
}

int xl_session_advance(xl_session *s, double seconds)
{
    assert(s != NULL);
    if (!s->playing) {
        s->acc = 0.0;
        return 0;
    }
    if (!any_running(s)) {
        xl_session_halt(s);
        return 0;
    }
    if (seconds > 0.0) /* also drops NaN */
        s->acc += seconds * s->sps;
    if (s->acc > s->sps)
        s->acc = s->sps;
    int due = (int)floor(s->acc + DUE_EPS);
    s->acc -= due;
    if (s->acc < 0.0)
        s->acc = 0.0;
    /* A frame computes at most a slice of work (one step at least): a million exchanges
     * a step at 240 steps/s would otherwise take seconds a frame and freeze the window.
     * Play then runs slower than asked; the steps not taken are dropped, not owed. */
    const double cost = xl_session_step_cost(s);
    if (due > 1 && (double)due * cost > XL_WORK_SLICE) {
        const int fit = (int)(XL_WORK_SLICE / cost); /* cost >= XL_STEP_BASE_OPS */
        due = fit >= 1 ? fit : 1;
        s->acc = 0.0;
    }
    return xl_session_advance_steps(s, due);
}

int xl_session_advance_steps(xl_session *s, long n)
{
    assert(s != NULL);
    if (!s->playing || n <= 0)
        return 0;
    long taken = 0;
    while (taken < n) {
        if (!xls_step_once(s)) {
            xl_session_halt(s);
            break;
        }
        taken++;
    }
    if (taken > 0)
        xls_update_view(s);
    return (int)taken;
}

void xl_session_run(xl_session *s, int n)
{
    assert(s != NULL && n >= 0);
    for (int i = 0; i < n; i++)
        if (!xls_step_once(s))
            break;
    xls_update_view(s);
}

int xl_session_pose(xl_session *s, int run, const double *theta)
{
    assert(s != NULL && theta != NULL);
    if (run < 0 || run >= s->nruns || xl_sim_set_theta(s->runs[run], theta) != 0)
        return -1;
    s->log_broken = 3; /* no command put it there: the log cannot say how it came */
    xls_note_point(s);
    xls_update_view(s);
    return 0;
}

void xl_session_set_observer(xl_session *s, xl_step_observer fn, void *user)
{
    assert(s != NULL);
    s->observer = fn;
    s->observer_user = user;
}

const xl_scenario_def *xl_session_scenario(const xl_session *s)
{
    assert(s != NULL);
    return s->def;
}

const void *xl_session_state(const xl_session *s)
{
    assert(s != NULL);
    return s->state;
}

const double *xl_session_params(const xl_session *s)
{
    assert(s != NULL);
    return s->params;
}

int xl_session_playing(const xl_session *s)
{
    assert(s != NULL);
    return s->playing;
}

int xl_session_selected(const xl_session *s)
{
    assert(s != NULL);
    return s->selected;
}

xl_unit xl_session_unit(const xl_session *s)
{
    assert(s != NULL);
    return s->unit;
}

int xl_session_steps_per_second(const xl_session *s)
{
    assert(s != NULL);
    return s->sps;
}

void xl_session_slice(const xl_session *s, int *a, int *b)
{
    assert(s != NULL && a != NULL && b != NULL);
    *a = s->sa;
    *b = s->sb;
}

double xl_session_time_to_next_step(const xl_session *s)
{
    assert(s != NULL);
    if (!s->playing)
        return 1e9;
    double t = (1.0 - s->acc) / s->sps;
    return t > 0.0 ? t : 0.0;
}

const xl_sim *xl_session_sim(const xl_session *s)
{
    assert(s != NULL);
    return MAIN(s);
}

double xl_session_step_cost(const xl_session *s)
{
    assert(s != NULL);
    const double one = s->def->step_cost ? s->def->step_cost(s->state)
                                         : XL_STEP_BASE_OPS + (double)s->def->item_count(s->state);
    return one * (s->nruns > 1 ? s->nruns : 1);
}

int xl_session_run_count(const xl_session *s)
{
    assert(s != NULL);
    return s->nruns;
}

const xl_sim *xl_session_run_sim(const xl_session *s, int i)
{
    assert(s != NULL && i >= 0 && i < s->nruns);
    return s->runs[i];
}

int xl_session_racing(const xl_session *s)
{
    assert(s != NULL);
    return s->racing;
}

xl_model xl_session_model(const xl_session *s)
{
    assert(s != NULL);
    return s->def->model(s->state);
}

void xl_session_readouts(const xl_session *s, double *values)
{
    assert(s != NULL && values != NULL);
    s->def->readout_values(s->state, xl_sim_theta(MAIN(s)), values);
}

void xl_session_bars(const xl_session *s, xl_bars *out)
{
    assert(s != NULL && out != NULL);
    /* Fields a record leaves alone (a q_label it has no word for) read as absent. */
    memset(out, 0, sizeof *out);
    s->def->bars(s->state, xl_sim_theta(MAIN(s)), s->selected, out);
}

void xl_session_log_q(const xl_session *s, double *logq)
{
    assert(s != NULL && logq != NULL);
    xl_bars b;
    xl_session_bars(s, &b);
    memcpy(logq, b.logq, (size_t)b.n * sizeof(double));
}

void xl_session_q(const xl_session *s, double *q)
{
    assert(s != NULL && q != NULL);
    xl_bars b;
    xl_session_bars(s, &b);
    for (int i = 0; i < b.n; i++)
        q[i] = exp(b.logq[i]);
}
