/* test_plugin: a scenario is a record that plugs in. This file defines a small scenario
 * of its own (a tilted quadratic bowl, nothing in src/ knows it) and drives it through
 * commands and steps, a snapshot and restore, the trace, and one headless frame, with
 * no change to src/. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_scene.h"
#include "ui_trace.h"
#include "xl_scn_coin.h"
#include "xl_session.h"

/* L(w, b) = floor + ½ (a (w - cw)² + c (b - cb)²): the minimum is (cw, cb), the floor
 * is the state's `floor`, and "nudge" (p-up) moves the centre, so the truth can change. */
typedef struct bowl_state {
    double a, c, cw, cb, floor;
    unsigned long version;
} bowl_state;

static double bowl_loss(const void *self, const double *t)
{
    const bowl_state *st = self;
    double dw = t[0] - st->cw, db = t[1] - st->cb;
    return st->floor + 0.5 * (st->a * dw * dw + st->c * db * db);
}

static void bowl_gradient(const void *self, const double *t, double *g)
{
    const bowl_state *st = self;
    g[0] = st->a * (t[0] - st->cw);
    g[1] = st->c * (t[1] - st->cb);
}

static double bowl_floor(const void *self) { return ((const bowl_state *)self)->floor; }
static int bowl_param_count(const void *self) { (void)self; return 2; }
static unsigned long bowl_version(const void *self) { return ((const bowl_state *)self)->version; }
static const char *bowl_param_name(const void *self, int i) { (void)self; return i == 0 ? "u east" : "v north"; }

static const xl_model_ops bowl_ops = {
    .id = "bowl", .loss = bowl_loss, .gradient = bowl_gradient, .floor = bowl_floor,
    .param_count = bowl_param_count, .version = bowl_version, .param_name = bowl_param_name,
};

static const xl_param_def bowl_params[] = {
    {"tilt", 4.0, 1.0, 100.0, 0, "curvature along v"},
};
static const xl_readout_def bowl_readouts[] = {
    {"loss", "L(u,v)", XL_READOUT_INFO, "bowl: the loss"},
    {"floor", "L*", XL_READOUT_INFO, "bottom: the floor"},
    {"gap", "L − L*", XL_READOUT_INFO, "height: above the floor"},
    {"u", "u", XL_READOUT_PLAIN, "east"},
};

static int bowl_init(void *state, const double *params, uint64_t seed, char *err, size_t errlen)
{
    (void)seed;
    (void)err;
    (void)errlen;
    bowl_state *st = state;
    *st = (bowl_state){1.0, params[0], 1.0, -2.0, 0.5, 0};
    return 0;
}

static xl_model bowl_model(const void *state)
{
    xl_model m = {&bowl_ops, state};
    return m;
}

static void bowl_start(const void *state, double *theta0)
{
    (void)state;
    theta0[0] = -4.0;
    theta0[1] = 3.0;
}

static int bowl_items(const void *state) { (void)state; return 2; }

/* Its one verb: the same name and argument as the softmax's p-up, so the two agree. */
static const xl_verb_def bowl_verbs[] = {
    {"p-up", XL_ARG_NONE, 0, 0, "p-up", "move the bowl's centre along w", {{XL_KEY_UP, 0}}, "↑ centre", NULL, 0},
};

static xl_apply_result bowl_apply(void *state, const xl_command *cmd, int verb, int selected, char *err,
                                  size_t errlen)
{
    (void)selected;
    (void)err;
    (void)errlen;
    (void)cmd;
    bowl_state *st = state;
    if (verb != 0) return XL_APPLY_NOT_MINE;
    st->cw += 1.0;
    st->version++;
    return XL_APPLY_DONE;
}

static void bowl_values(const void *state, const double *theta, double *out)
{
    const bowl_state *st = state;
    out[0] = bowl_loss(st, theta);
    out[1] = st->floor;
    out[2] = out[0] - out[1];
    out[3] = theta[0];
}

static void bowl_bars(const void *state, const double *theta, int selected, xl_bars *out)
{
    (void)state;
    static const char *const names[2] = {"east", "north"};
    /* Q = softmax(u, v) against a fair P, only so the bars have something to show. */
    double m = fmax(theta[0], theta[1]);
    double lse = m + log(exp(theta[0] - m) + exp(theta[1] - m));
    out->n = 2;
    for (int i = 0; i < 2; i++) {
        out->names[i] = names[i];
        out->p[i] = 0.5;
        out->logq[i] = theta[i] - lse;
    }
    out->selected = selected;
    out->title = "BOWL";
    out->caption = "a test's own scenario";
}

/* The drifting bowl: its centre moves east a hundredth per step. */
static void bowl_drift(void *state, long step)
{
    (void)step;
    bowl_state *st = state;
    st->cw += 0.01;
    st->version++;
}

static int bowl_minimum(const void *state, const double *theta, int a, int b, double *x, double *y)
{
    (void)theta;
    const bowl_state *st = state;
    *x = a == 0 ? st->cw : st->cb;
    *y = b == 1 ? st->cb : st->cw;
    return 1;
}

static const xl_scenario_def bowl = {
    .id = "bowl", .title = "a bowl", .summary = "a quadratic bowl defined by a test", .item_noun = "axis",
    .state_size = sizeof(bowl_state), .params = bowl_params, .param_count = 1, .readouts = bowl_readouts,
    .readout_count = 4, .panels = XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_LANDSCAPE | XL_PANEL_HISTORY,
    .init = bowl_init, .model = bowl_model, .start = bowl_start, .item_count = bowl_items, .apply = bowl_apply,
    .verbs = bowl_verbs, .verb_count = 1, .readout_values = bowl_values, .bars = bowl_bars, .slice_minimum = bowl_minimum,
};

static xl_session *session_of(const xl_scenario_def *def)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, def);
    d.lr = 0.1;
    char err[160] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    return s;
}

static xl_session *bowl_session(void)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &bowl);
    d.lr = 0.1;
    char err[160] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    return s;
}

static int apply_text(xl_session *s, const char *text)
{
    xl_command c;
    char err[160];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "%s", err);
    return xl_session_apply(s, c);
}

/* A 1280x720 headless frame with a scene of its own (the software renderer on a
 * surface); close frees all three. */
typedef struct frame {
    SDL_Surface *surf;
    SDL_Renderer *r;
    ui_scene *sc;
} frame;

static frame frame_open(void)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    frame f = {SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888), NULL, NULL};
    ck_assert(f.surf != NULL);
    f.r = SDL_CreateSoftwareRenderer(f.surf);
    f.sc = ui_scene_create(f.r, fonts, err, sizeof err);
    ck_assert_msg(f.sc != NULL, "%s", err);
    return f;
}

static void frame_close(frame *f)
{
    ui_scene_destroy(f->sc);
    SDL_DestroyRenderer(f->r);
    SDL_FreeSurface(f->surf);
}

START_TEST(a_test_scenario_learns_and_replays)
{
    xl_session *s = bowl_session();
    ck_assert_str_eq(xl_session_scenario(s)->id, "bowl");
    /* Plain gradient descent on a separable quadratic: u - cw shrinks by (1 - lr a). */
    xl_session_run(s, 10);
    const double *t = xl_sim_theta(xl_session_sim(s));
    ck_assert_double_eq_tol(t[0], 1.0 + (-4.0 - 1.0) * pow(0.9, 10), 1e-12);
    ck_assert_double_eq_tol(t[1], -2.0 + (3.0 + 2.0) * pow(0.6, 10), 1e-12);
    /* Its own command changes its truth; the readouts follow. */
    ck_assert_int_eq(apply_text(s, "p-up"), 1);
    double r[XL_READOUTS_MAX];
    xl_session_readouts(s, r);
    ck_assert_double_eq_tol(r[0], r[1] + r[2], 1e-12);
    ck_assert_double_eq(r[3], t[0]);
    /* A command it does not have is refused by name. */
    ck_assert_int_eq(apply_text(s, "onehot"), 0);
    ck_assert_msg(strstr(xl_session_message(s), "a bowl") != NULL, "%s", xl_session_message(s));
    /* Its parameter, by command. */
    ck_assert_int_eq(apply_text(s, "param tilt=9"), 1);
    ck_assert_int_eq(apply_text(s, "param tilt=0"), 0);
    /* Snapshot, 50 steps of a race, restore, the same 50 steps: identical. */
    ck_assert_int_eq(apply_text(s, "race gd,adam"), 1);
    xl_session_snapshot *snap = xl_session_save(s);
    xl_session_run(s, 50);
    double a0[2], a1[2];
    memcpy(a0, xl_sim_theta(xl_session_run_sim(s, 0)), sizeof a0);
    memcpy(a1, xl_sim_theta(xl_session_run_sim(s, 1)), sizeof a1);
    ck_assert_int_eq(xl_session_restore(s, snap), 0);
    xl_session_run(s, 50);
    ck_assert_mem_eq(a0, xl_sim_theta(xl_session_run_sim(s, 0)), sizeof a0);
    ck_assert_mem_eq(a1, xl_sim_theta(xl_session_run_sim(s, 1)), sizeof a1);
    xl_session_snapshot_free(snap);
    /* The trace names its readouts, in their own object (schema 2, docs/trace.md). */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    xl_sample cur = xl_sim_current(xl_session_sim(s));
    ui_trace_step(f, s, &cur);
    fclose(f);
    ck_assert_msg(strstr(buf, "{\"trace\":2,") == buf && strstr(buf, "\"scenario\":\"bowl\"") &&
                      strstr(buf, "\"readouts\":{\"loss\":") && strstr(buf, "\"gap\":") && strstr(buf, "\"u\":") &&
                      strstr(buf, "\"race\":["),
                  "trace line: %s", buf);
    free(buf);
    xl_session_destroy(s);
}
END_TEST

START_TEST(a_test_scenario_draws)
{
    xl_session *s = bowl_session();
    xl_session_run(s, 20);
    frame fr = frame_open();
    ui_scene *sc = fr.sc;
    ui_text_box boxes[1024];
    ui_text_recorder rec = {boxes, 1024, 0};
    ui_scene_set_recorder(sc, &rec);
    ui_view view = {.theme = UI_THEME_LIGHT};
    ui_frame_geom g;
    ui_scene_draw(sc, s, &view, 1280, 720, &g);
    SDL_RenderPresent(fr.r);
    /* Its names reach the screen: the bars' title, the axes from its parameter names. */
    int title = 0, axis = 0;
    for (int i = 0; i < rec.count && i < 1024; i++) {
        if (strcmp(boxes[i].text, "BOWL") == 0) title++;
        if (strcmp(boxes[i].text, "u east") == 0 || strcmp(boxes[i].text, "v north") == 0) axis++;
    }
    ck_assert_int_eq(title, 1);
    ck_assert_int_eq(axis, 2);
    /* A refused command says why in the status bar, until the next command. */
    ck_assert_int_eq(apply_text(s, "onehot"), 0);
    rec.count = 0;
    ui_scene_draw(sc, s, &view, 1280, 720, NULL);
    int why = 0;
    for (int i = 0; i < rec.count && i < 1024; i++)
        if (strstr(boxes[i].text, "onehot does not apply to the a bowl") == boxes[i].text) why++;
    ck_assert_msg(why == 1, "the refusal is not in the status bar");
    ck_assert_int_eq(apply_text(s, "pause"), 1);
    rec.count = 0;
    ui_scene_draw(sc, s, &view, 1280, 720, NULL);
    for (int i = 0; i < rec.count && i < 1024; i++)
        ck_assert_msg(strstr(boxes[i].text, "does not apply") == NULL, "the refusal outlived the next command");
    /* The current point is drawn where the run is. */
    const ui_landscape_geom *lg = &g.landscape;
    const double *t = xl_sim_theta(xl_session_sim(s));
    double ex = lg->map.x + (t[0] - lg->lo) / (lg->hi - lg->lo) * lg->map.w;
    double ey = lg->map.y + lg->map.h - (t[1] - lg->lo) / (lg->hi - lg->lo) * lg->map.h;
    ck_assert_msg(fabs(lg->current_x - ex) < 0.75 && fabs(lg->current_y - ey) < 0.75, "now at (%g,%g), run at (%g,%g)",
                  (double)lg->current_x, (double)lg->current_y, ex, ey);
    ck_assert(lg->has_minimum);
    frame_close(&fr);
    xl_session_destroy(s);
}
END_TEST

/* Issue 6: divergence is detected, said as "diverged at step K" in the view and the
 * trace, never shown as NaN, and R resets. */
START_TEST(divergence_is_said_and_reset)
{
    xl_session *s = bowl_session();
    ck_assert_int_eq(apply_text(s, "set-lr 100"), 1); /* |1 - 100·4| = 399 per step on v */
    xl_session_run(s, 1000);
    const xl_sim *sim = xl_session_sim(s);
    ck_assert_int_eq(xl_sim_status_get(sim), XL_SIM_DIVERGED);
    long k = xl_sim_diverged_at(sim);
    ck_assert_msg(k > 10 && k < 1000, "diverged at %ld", k);
    ck_assert_int_eq(xl_sim_steps(sim), k - 1); /* the last good state is kept */
    const double *t = xl_sim_theta(sim);
    ck_assert(isfinite(t[0]) && isfinite(t[1]) && isfinite(xl_sim_current(sim).loss));
    /* The status bar says it, with the step. */
    frame fr = frame_open();
    ui_scene *sc = fr.sc;
    ui_text_box boxes[1024];
    ui_text_recorder rec = {boxes, 1024, 0};
    ui_scene_set_recorder(sc, &rec);
    ui_view view = {.theme = UI_THEME_DARK};
    ui_scene_draw(sc, s, &view, 1280, 720, NULL);
    char want[64];
    snprintf(want, sizeof want, "diverged at step %ld", k);
    int said = 0;
    for (int i = 0; i < rec.count && i < 1024; i++) {
        ck_assert_msg(strstr(boxes[i].text, "nan") == NULL && strstr(boxes[i].text, "undefined") == NULL,
                      "'%s' on screen", boxes[i].text);
        if (strstr(boxes[i].text, want)) said++;
    }
    ck_assert_msg(said == 1, "no '%s' in the view", want);
    frame_close(&fr);
    /* And the trace. */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    xl_sample cur = xl_sim_current(sim);
    ui_trace_step(f, s, &cur);
    fclose(f);
    snprintf(want, sizeof want, "\"diverged_at\":%ld", k);
    ck_assert_msg(strstr(buf, want) != NULL, "trace: %s", buf);
    free(buf);
    /* R resets: running again. */
    ck_assert_int_eq(apply_text(s, "reset"), 1);
    ck_assert_int_eq(xl_sim_status_get(xl_session_sim(s)), XL_SIM_OK);
    ck_assert_int_eq(xl_sim_diverged_at(xl_session_sim(s)), -1);
    xl_session_destroy(s);
}
END_TEST

/* A truth that moves: the record's evolve runs before each step (and replays from a
 * snapshot); a record without a landscape gets no landscape panel, its history the
 * whole right column. */
START_TEST(a_moving_truth_and_fewer_panels)
{
    xl_scenario_def drifting = bowl;
    drifting.id = "drifting";
    drifting.evolve = bowl_drift;
    drifting.panels = XL_PANEL_BARS | XL_PANEL_READOUTS | XL_PANEL_HISTORY;
    xl_session *s = session_of(&drifting);
    xl_session_snapshot *snap = xl_session_save(s);
    xl_session_run(s, 100);
    const bowl_state *st = xl_session_state(s);
    ck_assert_double_eq_tol(st->cw, 1.0 + 100 * 0.01, 1e-9);
    /* The run chases the centre: after 100 steps u lags it by a little. */
    double u = xl_sim_theta(xl_session_sim(s))[0];
    ck_assert_msg(u > 1.5 && u < 2.0, "u = %g while the centre is at %g", u, st->cw);
    double u100 = u;
    ck_assert_int_eq(xl_session_restore(s, snap), 0);
    xl_session_run(s, 100);
    ck_assert(xl_sim_theta(xl_session_sim(s))[0] == u100);
    xl_session_snapshot_free(snap);

    frame fr = frame_open();
    ui_scene *sc = fr.sc;
    ui_view view = {.theme = UI_THEME_LIGHT};
    ui_frame_geom g;
    ui_scene_draw(sc, s, &view, 1280, 720, &g);
    ck_assert_int_eq(g.layout.landscape.w, 0);
    ck_assert_msg(g.layout.history.h > 500, "history %d px tall", g.layout.history.h);
    ck_assert(g.history.plot.h > 300);
    frame_close(&fr);
    xl_session_destroy(s);
}
END_TEST


/* ---- The worked example: the coin, registered (tests/plugin, xentlab-plugin) ---- */

/* The registry has it, last, and S reaches it from the scenario before and leaves it
 * for the first: a one-parameter scenario is hosted like any other. */
START_TEST(the_coin_is_registered_and_cycled)
{
    const int n = xl_scenario_count();
    ck_assert_ptr_eq(xl_scenario_at(n - 1), &xl_scenario_coin);
    ck_assert_ptr_eq(xl_scenario_find("coin"), &xl_scenario_coin);
    xl_session *s = session_of(xl_scenario_at(n - 2));
    ck_assert_int_eq(apply_text(s, "scenario-next"), 1);
    ck_assert_str_eq(xl_session_scenario(s)->id, "coin");
    ck_assert_int_eq(apply_text(s, "scenario-next"), 1);
    ck_assert_ptr_eq(xl_session_scenario(s), xl_scenario_at(0));
    ck_assert_int_eq(apply_text(s, "scenario-prev"), 1);
    ck_assert_str_eq(xl_session_scenario(s)->id, "coin");
    /* No landscape: the view's commands say so by name. */
    ck_assert_int_eq(apply_text(s, "slice-next"), 0);
    ck_assert_str_eq(xl_session_message(s), "the biased coin shows no loss landscape");
    ck_assert_int_eq(apply_text(s, "param p=0.25"), 1);
    ck_assert_int_eq(apply_text(s, "param p=1.5"), 0);
    xl_session_destroy(s);
}
END_TEST

/* It learns: q → p, the loss falls to H(P), and its gradient is q − p (checked against
 * central differences over many θ and p). */
START_TEST(the_coin_learns_its_p)
{
    xl_session *s = session_of(&xl_scenario_coin);
    ck_assert_int_eq(xl_sim_param_count(xl_session_sim(s)), 1);
    ck_assert_int_eq(apply_text(s, "set-lr 2"), 1);
    xl_session_run(s, 400);
    double r[XL_READOUTS_MAX];
    xl_session_readouts(s, r);
    const double h = -(0.7 * log(0.7) + 0.3 * log(0.3));
    ck_assert_double_eq_tol(r[1], h, 1e-15);
    ck_assert_double_eq_tol(r[3], 0.7, 1e-6);
    ck_assert_double_eq_tol(r[0], h, 1e-10);
    ck_assert_double_eq_tol(r[0], r[1] + r[2], 1e-15);
    xl_model m = xl_session_model(s);
    xl_coin_state st = *(const xl_coin_state *)xl_session_state(s);
    xl_model mm = {m.ops, &st};
    for (int k = 0; k < 200; k++) {
        st.p = (k % 21) / 20.0;
        double th = -12.0 + 24.0 * k / 199.0, g = 0.0, hstep = 1e-5;
        mm.ops->gradient(mm.self, &th, &g);
        double a = th + hstep, b = th - hstep;
        double fd = (mm.ops->loss(mm.self, &a) - mm.ops->loss(mm.self, &b)) / (2 * hstep);
        ck_assert_msg(fabs(g - fd) < 1e-7, "p %g θ %g: gradient %.12g, differences %.12g", st.p, th, g, fd);
    }
    xl_session_destroy(s);
}
END_TEST

/* A record the session cannot host is refused by name, with the reason. */
START_TEST(what_cannot_be_hosted_is_refused_by_name)
{
    xl_scenario_def flat = xl_scenario_coin;
    flat.id = "flat";
    flat.panels |= XL_PANEL_LANDSCAPE;
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &flat);
    char err[256] = "";
    ck_assert_ptr_null(xl_session_create_checked(&d, err, sizeof err));
    ck_assert_str_eq(err, "the flat scenario shows a landscape but has 1 parameter: a landscape needs two (leave "
                          "XL_PANEL_LANDSCAPE out of its panels)");
    xl_scenario_def huge = xl_scenario_coin;
    huge.id = "huge";
    huge.state_size = (size_t)XL_SCENARIO_STATE_MAX + 1;
    xl_session_desc_set_scenario(&d, &huge);
    ck_assert_ptr_null(xl_session_create_checked(&d, err, sizeof err));
    ck_assert_msg(strstr(err, "the huge scenario's state is 67108865 bytes") == err, "%s", err);
}
END_TEST

/* ---- A large state and read-only data ---- */

/* "tally": a 2 MiB state (eight times the old 256 KiB limit) that counts, in a table of
 * 262,144 cells, the steps taken, and two read-only data files (the truth's p, and a
 * starting logit, from bytes handed over once, never copied: the state keeps pointers). Undo, rewind and
 * snapshots bring back every cell exactly. */
enum { TALLY_CELLS = 1 << 18 };
typedef struct tally_state {
    xl_coin_state coin;            /* first: the coin's model reads it */
    const double *data;            /* the data set, borrowed */
    const double *start;           /* the second file, borrowed */
    double cells[TALLY_CELLS];
} tally_state;

static const double tally_data[3] = {0.2, 0.5, 0.9};
static const double tally_start[1] = {-1.0}; /* the starting logit */
static const char *const tally_files[] = {"tally.bin", "tally-start.bin", NULL};
static xl_scenario_def tally_def; /* the coin's record with these changes: make_tally */

static int tally_init(void *state, const double *values, uint64_t seed, char *err, size_t errlen)
{
    (void)values;
    (void)seed;
    tally_state *st = state;
    static const size_t sizes[2] = {sizeof tally_data, sizeof tally_start};
    const void *bytes[2] = {NULL, NULL};
    for (int f = 0; f < 2; f++) {
        size_t size = 0;
        bytes[f] = xl_scenario_data(&tally_def, f, &size);
        if (bytes[f] == NULL || size != sizes[f]) {
            snprintf(err, errlen, "%s: not found or not %zu bytes", xl_scenario_data_path(&tally_def, f), sizes[f]);
            return -1;
        }
    }
    st->data = bytes[0];
    st->start = bytes[1];
    st->coin = (xl_coin_state){st->data[2], st->data[2], st->start[0], 1};
    return 0;
}

static void tally_evolve(void *state, long step)
{
    tally_state *st = state;
    st->cells[(step * 7919) % TALLY_CELLS] += (double)step;
}

static void make_tally(void)
{
    tally_def = xl_scenario_coin;
    tally_def.id = "tally";
    tally_def.state_size = sizeof(tally_state);
    tally_def.init = tally_init;
    tally_def.evolve = tally_evolve;
    tally_def.data_files = tally_files;
}

START_TEST(a_large_state_and_read_only_data)
{
    make_tally();
    ck_assert_int_gt((int)tally_def.state_size, 8 * (1 << 18) - 1);
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, &tally_def);
    char err[256] = "";
    ck_assert_int_eq(xl_scenario_data_count(&tally_def), 2);
    ck_assert_ptr_null(xl_scenario_data_path(&tally_def, 2));
    /* No data handed over: refused with the scenario's reason, naming the file. */
    ck_assert_ptr_null(xl_session_create_checked(&d, err, sizeof err));
    ck_assert_str_eq(err, "tally.bin: not found or not 24 bytes");
    /* The app looked and did not find the second: its path reaches init's message. */
    ck_assert_int_eq(xl_scenario_set_data(&tally_def, 0, tally_data, sizeof tally_data, "/a/data/tally.bin"), 0);
    ck_assert_int_eq(xl_scenario_set_data(&tally_def, 1, NULL, 0, "/a/data/tally-start.bin"), 0);
    ck_assert_ptr_null(xl_session_create_checked(&d, err, sizeof err));
    ck_assert_str_eq(err, "/a/data/tally-start.bin: not found or not 8 bytes");
    ck_assert_int_eq(xl_scenario_set_data(&tally_def, XL_SCENARIO_DATA_FILES_MAX, tally_start, 8, NULL), -1);
    ck_assert_int_eq(xl_scenario_set_data(&tally_def, 1, tally_start, sizeof tally_start, "/a/data/tally-start.bin"), 0);
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    const tally_state *st = xl_session_state(s);
    ck_assert_ptr_eq(st->data, tally_data); /* borrowed, not copied */
    ck_assert_ptr_eq(st->start, tally_start);
    ck_assert_str_eq(xl_scenario_data_path(&tally_def, 0), "/a/data/tally.bin");
    ck_assert_double_eq(st->coin.p, 0.9);
    ck_assert_double_eq(st->coin.theta0, -1.0);
    /* 300 steps, an edit, 200 more: rewind to step 123 equals a fresh run of 123. */
    xl_session_run(s, 300);
    ck_assert_int_eq(apply_text(s, "set-lr 0.2"), 1);
    xl_session_run(s, 200);
    static tally_state at500, at123;
    at500 = *(const tally_state *)xl_session_state(s);
    ck_assert_int_eq(apply_text(s, "rewind 123"), 1);
    at123 = *(const tally_state *)xl_session_state(s);
    double sum = 0.0;
    for (int i = 0; i < TALLY_CELLS; i++) sum += at123.cells[i];
    ck_assert_double_eq(sum, 123.0 * 124.0 / 2.0);
    ck_assert_int_eq(apply_text(s, "rewind 500"), 1);
    ck_assert_int_eq(memcmp(xl_session_state(s), &at500, sizeof at500), 0);
    /* Undo takes the lr edit back, with the 200 steps after it. */
    ck_assert_int_eq(apply_text(s, "undo"), 1);
    sum = 0.0;
    st = xl_session_state(s);
    for (int i = 0; i < TALLY_CELLS; i++) sum += st->cells[i];
    ck_assert_double_eq(sum, 300.0 * 301.0 / 2.0);
    ck_assert_ptr_eq(st->data, tally_data);
    xl_session_destroy(s);
}
END_TEST

/* The landscape a frame draws is the panel's own grid, cached by the model's version.
 * A new parameter starts the state over (its version too): the frame after it must not
 * reuse the old grid. A scene that drew before and a fresh one draw the same pixels. */
START_TEST(a_kept_grid_follows_a_state_replaced_whole)
{
    xl_session *s = bowl_session();
    frame fa = frame_open(), fb = frame_open();
    SDL_Surface *sa = fa.surf, *sb = fb.surf;
    SDL_Renderer *ra = fa.r, *rb = fb.r;
    ui_scene *a = fa.sc, *b = fb.sc;
    ui_view view = {.theme = UI_THEME_LIGHT};
    ui_frame_geom g;
    ui_scene_draw(a, s, &view, 1280, 720, &g);
    SDL_RenderPresent(ra);
    ck_assert_int_eq(apply_text(s, "param tilt=9"), 1);
    ck_assert_int_eq(((const bowl_state *)xl_session_state(s))->version, 0); /* as before the edit */
    ui_scene_draw(a, s, &view, 1280, 720, &g);
    SDL_RenderPresent(ra);
    ui_scene_draw(b, s, &view, 1280, 720, NULL);
    SDL_RenderPresent(rb);
    long differ = 0;
    for (int y = g.landscape.map.y; y < g.landscape.map.y + g.landscape.map.h; y++) {
        const Uint32 *pa = (const Uint32 *)((const Uint8 *)sa->pixels + y * sa->pitch);
        const Uint32 *pb = (const Uint32 *)((const Uint8 *)sb->pixels + y * sb->pitch);
        for (int x = g.landscape.map.x; x < g.landscape.map.x + g.landscape.map.w; x++) differ += pa[x] != pb[x];
    }
    ck_assert_msg(differ == 0, "%ld pixels of the map differ from a fresh scene's", differ);
    frame_close(&fa);
    frame_close(&fb);
    xl_session_destroy(s);
}
END_TEST

/* The help sheet lists the scenario's own keys from its record: the coin's U, fair. */
START_TEST(the_help_sheet_lists_the_coins_verb)
{
    xl_session *s = session_of(&xl_scenario_coin);
    frame fr = frame_open();
    ui_scene *sc = fr.sc;
    ui_text_box boxes[2048];
    ui_text_recorder rec = {boxes, 2048, 0};
    ui_scene_set_recorder(sc, &rec);
    ui_view view = {.theme = UI_THEME_LIGHT, .help_visible = 1};
    ui_scene_draw(sc, s, &view, 1280, 720, NULL);
    int said = 0;
    for (int i = 0; i < rec.count && i < 2048; i++)
        if (strstr(boxes[i].text, "make the coin fair")) said++;
    ck_assert_msg(said == 1, "the help sheet does not list the coin's 'fair'");
    frame_close(&fr);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("plugin");
    TCase *tc = tcase_create("a scenario defined by a test");
    tcase_add_test(tc, a_test_scenario_learns_and_replays);
    tcase_add_test(tc, a_test_scenario_draws);
    tcase_add_test(tc, divergence_is_said_and_reset);
    tcase_add_test(tc, a_moving_truth_and_fewer_panels);
    tcase_add_test(tc, a_kept_grid_follows_a_state_replaced_whole);
    suite_add_tcase(s, tc);
    TCase *coin = tcase_create("the worked example, registered");
    tcase_add_test(coin, the_coin_is_registered_and_cycled);
    tcase_add_test(coin, the_coin_learns_its_p);
    tcase_add_test(coin, what_cannot_be_hosted_is_refused_by_name);
    tcase_add_test(coin, a_large_state_and_read_only_data);
    tcase_add_test(coin, the_help_sheet_lists_the_coins_verb);
    tcase_set_timeout(coin, 120);
    suite_add_tcase(s, coin);
    return s;
}
