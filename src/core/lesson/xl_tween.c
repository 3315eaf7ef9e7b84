/* xl_tween: a page turn's numbers in between (see xl_tween.h). */
#include "xl_tween.h"

#include <stdlib.h>
#include <string.h>

/* What a state's moving numbers are, read from a session. */
typedef struct ends {
    const xl_scenario_def *def;
    int runs, np, n;
    double theta[XL_RACE_MAX][XL_MAX_PARAMS];
    double p[XL_ITEMS_MAX];
} ends;

struct xl_tween {
    xl_session *s;               /* the scratch session the in-between states are posed in */
    xl_session_snapshot *after;  /* the new page's state */
    unsigned moves;
    ends a, b;                   /* before and after */
};

static void read_ends(const xl_session *s, ends *e)
{
    memset(e, 0, sizeof *e);
    e->def = xl_session_scenario(s);
    e->runs = xl_session_run_count(s);
    e->np = xl_sim_param_count(xl_session_sim(s));
    for (int r = 0; r < e->runs; r++) {
        const xl_sim *run = xl_session_run_sim(s, r);
        if (xl_sim_param_count(run) != e->np) e->np = -1; /* runs that disagree: no shape to keep */
        else memcpy(e->theta[r], xl_sim_theta(run), (size_t)e->np * sizeof(double));
    }
    xl_bars bars;
    xl_session_bars(s, &bars);
    e->n = bars.n;
    memcpy(e->p, bars.p, (size_t)bars.n * sizeof(double));
}

double xl_tween_ease(double t)
{
    if (!(t > 0.0)) return 0.0;
    if (t >= 1.0) return 1.0;
    return t * t * (3.0 - 2.0 * t);
}

/* a + (b − a)·e: a itself at e = 0. */
static double mix(double a, double b, double e)
{
    return a + (b - a) * e;
}

xl_tween *xl_tween_create(const xl_session_snapshot *before, const xl_session *after)
{
    if (!before || !after) return NULL;
    xl_tween *tw = calloc(1, sizeof *tw);
    if (!tw) return NULL;
    tw->s = xl_session_create(xl_session_start_desc(after));
    tw->after = xl_session_save(after);
    if (!tw->s || !tw->after || xl_session_restore(tw->s, before) != 0) {
        xl_tween_free(tw);
        return NULL;
    }
    read_ends(tw->s, &tw->a);
    read_ends(after, &tw->b);
    const ends *a = &tw->a, *b = &tw->b;
    if (a->def == b->def && a->runs == b->runs && a->np == b->np && a->np > 0) {
        for (int r = 0; r < a->runs; r++)
            if (memcmp(a->theta[r], b->theta[r], (size_t)a->np * sizeof(double)) != 0) tw->moves |= XL_TWEEN_THETA;
        if (a->n == b->n && a->n > 0 && a->n <= XL_COMMAND_LIST_MAX &&
            memcmp(a->p, b->p, (size_t)a->n * sizeof(double)) != 0)
            tw->moves |= XL_TWEEN_P;
    }
    /* P moves only where the scenario takes "set-p" (a P that follows from data does not). */
    if (tw->moves & XL_TWEEN_P) {
        xl_command c = xl_command_make(XL_CMD_SET_P);
        c.count = a->n;
        memcpy(c.list, a->p, (size_t)a->n * sizeof(double));
        if (xl_session_restore(tw->s, tw->after) != 0 || !xl_session_apply(tw->s, c)) tw->moves &= ~XL_TWEEN_P;
    }
    if (!tw->moves) {
        xl_tween_free(tw);
        return NULL;
    }
    return tw;
}

void xl_tween_free(xl_tween *tw)
{
    if (!tw) return;
    xl_session_destroy(tw->s);
    xl_session_snapshot_free(tw->after);
    free(tw);
}

unsigned xl_tween_moves(const xl_tween *tw)
{
    return tw ? tw->moves : 0u;
}

const xl_session *xl_tween_at(xl_tween *tw, double t)
{
    if (xl_session_restore(tw->s, tw->after) != 0) return NULL;
    const double e = xl_tween_ease(t);
    if (e >= 1.0) return tw->s;
    const ends *a = &tw->a, *b = &tw->b;
    if (tw->moves & XL_TWEEN_P) {
        xl_command c = xl_command_make(XL_CMD_SET_P);
        c.count = a->n;
        for (int i = 0; i < a->n; i++) c.list[i] = mix(a->p[i], b->p[i], e);
        xl_session_apply(tw->s, c);
    }
    if (tw->moves & XL_TWEEN_THETA) {
        for (int r = 0; r < a->runs; r++) {
            double theta[XL_MAX_PARAMS];
            for (int k = 0; k < a->np; k++) theta[k] = mix(a->theta[r][k], b->theta[r][k], e);
            xl_session_pose(tw->s, r, theta);
        }
    }
    return tw->s;
}
