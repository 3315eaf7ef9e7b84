/* xl_session: the sandbox state machine around one softmax classifier and its sim.
 *
 * Everything but xl_session_advance is a pure function of the commands applied. Time
 * is turned into fixed steps by an accumulator: each call adds seconds * steps_per_second,
 * takes floor() of it as steps and keeps the fraction, so the number of steps depends on
 * the total time only, not on how it was sliced into frames (capped at one second's
 * worth per call so a stalled window does not unleash a burst).
 *
 * The session keeps the starting P so that p-restore can undo every edit of P; reset
 * deliberately keeps the edited P (it restarts the learning, not the lesson's truth).
 *
 * The landscape range [-R, R] starts at XL_DEFAULT_RANGE and grows in steps of 2 so the
 * start, the current point and everywhere the trajectory has been stay at least half a
 * unit inside the frame.
 */
#include "xl_session.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xl_rng.h"

struct xl_session {
    xl_classifier c;  /* owned; the sim's model borrows it, so it must not move */
    double p0[XL_MAX_CLASSES]; /* the starting P (as normalized), for p-restore */
    xl_sim *sim;
    xl_landscape *ls;
    int playing;
    int selected;
    xl_unit unit;
    int sps;
    double acc;       /* steps due but not yet taken, in [0, 1) between calls */
    int sa, sb;       /* landscape slice, sa < sb */
    double range;
    double seen[XL_MAX_CLASSES]; /* max |z_k| since reset */
    xl_step_observer observer;
    void *observer_user;
};

static const char *const bird_names[] = {
    "robin", "sparrow", "finch", "wren", "blackbird", "thrush",
    "starling", "swallow", "warbler", "lark", "magpie", "nightingale",
};
enum { BIRD_COUNT = (int)(sizeof bird_names / sizeof bird_names[0]) };

/* 1-2-5 steps from 0.001 to 100, the largest rate --lr accepts. lr-up from below the
 * foot (a denormal --lr 1e-320) joins at 0.001; lr-down there, or lr-up at the top,
 * keeps the rate. */
static const double lr_ladder[] = {
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100,
};
/* Widest landscape range: 4 XL_MAX_LOGIT, so hi - lo = 8e300 and (hi - lo) * G stay
 * finite. */
static const double MAX_RANGE = 4.0 * XL_MAX_LOGIT;

static const double speed_ladder[] = { 1, 2, 5, 10, 15, 30, 60, 120, 240 };

/* A step due within this many steps of now is taken now: summing 1/60 s sixty times does
 * not give exactly 1 s in binary, and one frame's rounding must not drop a step. */
static const double DUE_EPS = 1e-9;

void xl_session_desc_random_logits(xl_session_desc *d, uint64_t seed)
{
    assert(d != NULL);
    xl_rng rng = xl_rng_make(seed);
    for (int i = 0; i < XL_MAX_CLASSES; i++)
        d->z0[i] = i < d->classifier.n ? xl_rng_range(&rng, -3.0, 3.0) : 0.0;
}

int xl_session_desc_set_classes(xl_session_desc *d, int n, uint64_t seed)
{
    assert(d != NULL);
    if (n < 2 || n > XL_MAX_CLASSES)
        return -1;
    xl_classifier_init(&d->classifier, n);
    for (int i = 0; i < n && i < BIRD_COUNT; i++)
        xl_classifier_set_name(&d->classifier, i, bird_names[i]);
    xl_session_desc_random_logits(d, seed);
    return 0;
}

void xl_session_desc_default(xl_session_desc *d, uint64_t seed)
{
    assert(d != NULL);
    static const double p[5] = { 0.40, 0.25, 0.15, 0.12, 0.08 };
    /* The untrained model of the built-in scene is sure the song is a blackbird
     * (q = 0.78), the rarest bird in P: a wrong, confident start that learning visibly
     * corrects. */
    static const double story[5] = { -0.5, -2.5, -3.0, 1.0, 2.5 };
    memset(d, 0, sizeof *d);
    xl_session_desc_set_classes(d, 5, seed);
    memcpy(d->classifier.p, p, sizeof p);
    if (seed == XL_BUILTIN_SEED)
        memcpy(d->z0, story, sizeof story);
    d->lr = XL_DEFAULT_LR;
    d->steps_per_second = XL_DEFAULT_STEPS_PER_SECOND;
    d->grid = XL_DEFAULT_GRID;
}

static int desc_valid(const xl_session_desc *d)
{
    int n = d->classifier.n;
    if (n < 2 || n > XL_MAX_CLASSES)
        return 0;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
        double p = d->classifier.p[i];
        if (!isfinite(p) || p < 0.0)
            return 0;
        if (!(fabs(d->z0[i]) <= XL_MAX_LOGIT)) /* also NaN */
            return 0;
        sum += p;
    }
    if (fabs(sum - 1.0) > 1e-9)
        return 0;
    if (!isfinite(d->lr) || !(d->lr > 0.0))
        return 0;
    if (d->steps_per_second < 1)
        return 0;
    if (d->grid < 2 || d->grid > XL_LANDSCAPE_MAX_G)
        return 0;
    return 1;
}

static void reset_range(xl_session *s)
{
    s->range = XL_DEFAULT_RANGE;
}

static void note_point(xl_session *s)
{
    const double *z = xl_sim_theta(s->sim);
    for (int k = 0; k < s->c.n; k++)
        if (fabs(z[k]) > s->seen[k])
            s->seen[k] = fabs(z[k]);
}

static void clear_seen(xl_session *s)
{
    memset(s->seen, 0, sizeof s->seen);
    note_point(s);
}

xl_session *xl_session_create(const xl_session_desc *d)
{
    assert(d != NULL);
    if (!desc_valid(d))
        return NULL;
    xl_session *s = calloc(1, sizeof *s);
    if (s == NULL)
        return NULL;
    s->c = d->classifier;
    for (int i = 0; i < s->c.n; i++)
        s->c.names[i][XL_NAME_MAX - 1] = '\0';
    /* Validated to within 1e-9 of 1; tighten to rounding so H(P) is the true floor. */
    xl_normalize(s->c.p, s->c.n);
    memcpy(s->p0, s->c.p, sizeof s->p0);
    s->sim = xl_sim_create(xl_classifier_model(&s->c), d->z0, d->lr);
    s->ls = xl_landscape_create(d->grid);
    if (s->sim == NULL || s->ls == NULL) {
        xl_session_destroy(s);
        return NULL;
    }
    s->playing = 0;
    s->selected = 0;
    s->unit = XL_NATS;
    s->sps = d->steps_per_second;
    s->sa = 0;
    s->sb = 1;
    reset_range(s);
    clear_seen(s);
    return s;
}

void xl_session_destroy(xl_session *s)
{
    if (s == NULL)
        return;
    xl_sim_destroy(s->sim);
    xl_landscape_destroy(s->ls);
    free(s);
}

/* One step plus its bookkeeping; 0 if the sim refused (diverged). */
static int step_once(xl_session *s)
{
    if (xl_sim_status_get(s->sim) != XL_SIM_OK)
        return 0;
    long before = xl_sim_steps(s->sim);
    xl_sim_step(s->sim, 1);
    if (xl_sim_steps(s->sim) == before)
        return 0;
    note_point(s);
    if (s->observer != NULL) {
        xl_sample cur = xl_sim_current(s->sim);
        s->observer(&cur, s->observer_user);
    }
    return 1;
}

static double ladder_move(const double *ladder, int count, double value, int up)
{
    if (up) {
        for (int i = 0; i < count; i++)
            if (ladder[i] > value)
                return ladder[i];
    } else {
        for (int i = count - 1; i >= 0; i--)
            if (ladder[i] < value)
                return ladder[i];
    }
    return value;
}

/* Pairs (a, b), a < b, in lexicographic order; index <-> pair. */
static void slice_move(xl_session *s, int dir)
{
    int n = s->c.n;
    int pairs = n * (n - 1) / 2;
    int idx = 0;
    for (int a = 0; a < s->sa; a++)
        idx += n - 1 - a;
    idx += s->sb - s->sa - 1;
    idx = ((idx + dir) % pairs + pairs) % pairs;
    int a = 0;
    while (idx >= n - 1 - a) {
        idx -= n - 1 - a;
        a++;
    }
    s->sa = a;
    s->sb = a + 1 + idx;
    reset_range(s);
}

static void p_changed(xl_session *s)
{
    xl_sim_model_changed(s->sim);
}

int xl_session_apply(xl_session *s, xl_command cmd)
{
    assert(s != NULL);
    switch (cmd.kind) {
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
        step_once(s);
        return 1;
    case XL_CMD_RESET:
        /* A playground: a running sim restarts and keeps running. */
        xl_sim_reset(s->sim);
        s->acc = 0.0;
        reset_range(s);
        clear_seen(s);
        return 1;
    case XL_CMD_LR_UP:
    case XL_CMD_LR_DOWN: {
        int count = (int)(sizeof lr_ladder / sizeof lr_ladder[0]);
        double lr = ladder_move(lr_ladder, count, xl_sim_lr(s->sim), cmd.kind == XL_CMD_LR_UP);
        xl_sim_set_lr(s->sim, lr);
        return 1;
    }
    case XL_CMD_SELECT:
        if (cmd.n >= 0 && cmd.n < s->c.n)
            s->selected = (int)cmd.n;
        return 1;
    case XL_CMD_P_UP:
        xl_classifier_nudge(&s->c, s->selected, 0.05);
        p_changed(s);
        return 1;
    case XL_CMD_P_DOWN:
        xl_classifier_nudge(&s->c, s->selected, -0.05);
        p_changed(s);
        return 1;
    case XL_CMD_P_ONEHOT:
        xl_classifier_set_onehot(&s->c, s->selected);
        p_changed(s);
        return 1;
    case XL_CMD_P_UNIFORM:
        xl_classifier_set_uniform(&s->c);
        p_changed(s);
        return 1;
    case XL_CMD_SELECT_NEXT:
        s->selected = (s->selected + 1) % s->c.n;
        return 1;
    case XL_CMD_SELECT_PREV:
        s->selected = (s->selected + s->c.n - 1) % s->c.n;
        return 1;
    case XL_CMD_P_RESTORE:
        memcpy(s->c.p, s->p0, sizeof s->c.p);
        p_changed(s);
        return 1;
    case XL_CMD_SLICE_NEXT:
        slice_move(s, 1);
        return 1;
    case XL_CMD_SLICE_PREV:
        slice_move(s, -1);
        return 1;
    case XL_CMD_UNIT_TOGGLE:
        s->unit = s->unit == XL_NATS ? XL_BITS : XL_NATS;
        return 1;
    case XL_CMD_SPEED_UP:
    case XL_CMD_SPEED_DOWN: {
        int count = (int)(sizeof speed_ladder / sizeof speed_ladder[0]);
        double v = ladder_move(speed_ladder, count, s->sps, cmd.kind == XL_CMD_SPEED_UP);
        s->sps = (int)v;
        return 1;
    }
    default:
        return 0;
    }
    return 0;
}

int xl_session_advance(xl_session *s, double seconds)
{
    assert(s != NULL);
    if (!s->playing) {
        s->acc = 0.0;
        return 0;
    }
    if (xl_sim_status_get(s->sim) != XL_SIM_OK) {
        s->playing = 0;
        s->acc = 0.0;
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
    int taken = 0;
    while (taken < due) {
        if (!step_once(s)) {
            s->playing = 0;
            s->acc = 0.0;
            break;
        }
        taken++;
    }
    return taken;
}

void xl_session_run(xl_session *s, int n)
{
    assert(s != NULL && n >= 0);
    for (int i = 0; i < n; i++)
        if (!step_once(s))
            break;
}

void xl_session_set_observer(xl_session *s, xl_step_observer fn, void *user)
{
    assert(s != NULL);
    s->observer = fn;
    s->observer_user = user;
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

const xl_classifier *xl_session_classifier(const xl_session *s)
{
    assert(s != NULL);
    return &s->c;
}

const xl_sim *xl_session_sim(const xl_session *s)
{
    assert(s != NULL);
    return s->sim;
}

void xl_session_q(const xl_session *s, double *q)
{
    assert(s != NULL && q != NULL);
    xl_softmax(xl_sim_theta(s->sim), s->c.n, q);
}

void xl_session_log_q(const xl_session *s, double *logq)
{
    assert(s != NULL && logq != NULL);
    xl_log_softmax(xl_sim_theta(s->sim), s->c.n, logq);
}

const xl_landscape *xl_session_landscape(xl_session *s)
{
    assert(s != NULL);
    const double *z = xl_sim_theta(s->sim);
    const double *z0 = xl_sim_theta0(s->sim);
    double m = s->seen[s->sa] > s->seen[s->sb] ? s->seen[s->sa] : s->seen[s->sb];
    double cand[4] = { fabs(z[s->sa]), fabs(z[s->sb]), fabs(z0[s->sa]), fabs(z0[s->sb]) };
    for (int i = 0; i < 4; i++)
        if (cand[i] > m)
            m = cand[i];
    if (m > s->range - 0.5)
        s->range = 2.0 * ceil((m + 1.0) / 2.0);
    /* Logits start within XL_MAX_LOGIT and a step moves them by at most lr, so m stays
     * far below DBL_MAX; the cap keeps the range, hi - lo and every coordinate finite
     * even so (2 ceil((m + 1) / 2) overflowed to infinity for m = 1e308). */
    if (!(s->range <= MAX_RANGE))
        s->range = MAX_RANGE;
    xl_landscape_compute_classifier(s->ls, &s->c, z, s->sa, s->sb, -s->range, s->range);
    return s->ls;
}
