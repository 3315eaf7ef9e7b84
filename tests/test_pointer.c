/* test_pointer: the mouse, headless. Frames are drawn with the software renderer, then
 * synthesized SDL events go through ui_pointer_event, the same path the window's
 * events take, and the commands they make are applied: a drag of a P bar sets p to the
 * height under the pointer with the other classes keeping their ratios; a click in the
 * landscape puts the current point at that pixel's coordinates (Ctrl: the start);
 * painting the diffusion's bars sets rho(0); the cursor and the tooltip follow what is
 * under the pointer. */
#include "check_main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_pointer.h"
#include "softmax_fixture.h"
#include "ui_scene.h"
#include "ui_text.h"
#include "xl_scn_diffusion.h"
#include "xl_scn_gaussian.h"
#include "xl_scn_logistic.h"
#include "scenario_fixture.h"
#include "scene_fixture.h"

typedef scene_frame frame;

static SDL_Event mouse(Uint32 type, int x, int y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    if (type == SDL_MOUSEMOTION) {
        ev.motion.x = x;
        ev.motion.y = y;
    } else {
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.x = x;
        ev.button.y = y;
    }
    return ev;
}

/* Feed the event, apply what it means, and redraw (as the window loop does). Returns
 * how many commands it made. */
static int feed(frame *f, ui_pointer *p, xl_session *s, SDL_Event ev)
{
    xl_command cmds[4];
    int n = ui_pointer_event(p, &ev, &f->geom, s, cmds, 4);
    for (int i = 0; i < n; i++) ck_assert_msg(xl_session_apply(s, cmds[i]), "refused: %s", xl_session_message(s));
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(f, s, &view);
    return n;
}

/* A session on the scenario called id, at its defaults. */
static xl_session *scenario_named(const char *id)
{
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    xl_session_desc_set_scenario(&d, xl_scenario_find(id));
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

START_TEST(dragging_a_p_bar_sets_p_and_keeps_the_others_ratios)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const xl_classifier *c = fixture_classifier(s);
    double before[XL_MAX_CLASSES];
    memcpy(before, c->p, sizeof before);
    const ui_bars_geom *b = &f.geom.bars;
    SDL_Rect bar = b->p_bar[2]; /* finch */
    ui_pointer p = {0};
    /* The press selects finch and takes hold, without changing p yet. */
    ck_assert_int_eq(feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, bar.x + bar.w / 2, bar.y + bar.h / 2)), 1);
    ck_assert_int_eq(xl_session_selected(s), 2);
    ck_assert(c->p[2] == before[2]);
    ck_assert_int_eq(ui_pointer_cursor(&p, &f.geom, s), UI_CURSOR_SIZENS);
    /* Up to the row of p = 0.6. */
    int y = b->plot.y + b->plot.h - (int)lround(0.6 * b->plot.h);
    ck_assert_int_eq(feed(&f, &p, s, mouse(SDL_MOUSEMOTION, bar.x + bar.w / 2, y)), 1);
    ck_assert_msg(fabs(c->p[2] - 0.6) <= 1.0 / b->plot.h, "p = %.6f, expected 0.6 within a pixel", c->p[2]);
    double sum = 0.0;
    for (int i = 0; i < c->n; i++) sum += c->p[i];
    ck_assert_double_eq_tol(sum, 1.0, 1e-12);
    /* The others keep their ratios: robin / sparrow as before. */
    ck_assert_double_eq_tol(c->p[0] / c->p[1], before[0] / before[1], 1e-9);
    ck_assert_double_eq_tol(c->p[3] / c->p[4], before[3] / before[4], 1e-9);
    /* Past the top: p = 1, a one-hot P; released, motion does nothing. */
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, bar.x, b->plot.y - 50));
    ck_assert(c->p[2] == 1.0 && c->p[0] == 0.0);
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, bar.x, b->plot.y - 50));
    ck_assert_int_eq(feed(&f, &p, s, mouse(SDL_MOUSEMOTION, bar.x, b->plot.y + b->plot.h)), 0);
    ck_assert(c->p[2] == 1.0);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(a_click_in_the_landscape_moves_the_current_point_there)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const ui_landscape_geom *l = &f.geom.landscape;
    const int px = l->map.x + l->map.w / 4, py = l->map.y + l->map.h / 3;
    const double cell = (l->hi - l->lo) / XL_DEFAULT_GRID;
    const double want_x = l->lo + (px + 0.5 - l->map.x) / l->map.w * (l->hi - l->lo);
    const double want_y = l->ylo + (l->map.y + l->map.h - (py + 0.5)) / l->map.h * (l->yhi - l->ylo);
    ui_pointer p = {0};
    ck_assert_int_eq(ui_pointer_cursor(&(ui_pointer){.x = px, .y = py, .inside = 1}, &f.geom, s), UI_CURSOR_CROSSHAIR);
    ck_assert_int_eq(feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, px, py)), 1);
    const double *z = xl_sim_theta(xl_session_sim(s));
    int a, b;
    xl_session_slice(s, &a, &b);
    ck_assert_msg(fabs(z[a] - want_x) <= cell && fabs(z[b] - want_y) <= cell, "z = (%g, %g), pixel at (%g, %g)", z[a],
                  z[b], want_x, want_y);
    /* The drawn current point is at the clicked pixel, within a pixel. */
    ck_assert_msg(fabsf(l->current_x - (px + 0.5f)) <= 1.5f && fabsf(l->current_y - (py + 0.5f)) <= 1.5f,
                  "now drawn at (%g, %g), clicked (%d, %d)", l->current_x, l->current_y, px, py);
    long step = xl_sim_steps(xl_session_sim(s));
    /* Dragging moves it; descent goes on from where it is let go. */
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, px + 40, py + 30));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, px + 40, py + 30));
    double x_now = xl_sim_theta(xl_session_sim(s))[a];
    ck_assert(x_now > want_x);
    xl_session_run(s, 10);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), step + 10);
    /* Ctrl+click sets the start: the run restarts there. */
    SDL_SetModState(KMOD_LCTRL);
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, px, py));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, px, py));
    SDL_SetModState(KMOD_NONE);
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 0);
    const double *z0 = xl_sim_theta0(xl_session_sim(s));
    ck_assert(fabs(z0[a] - want_x) <= cell && fabs(z0[b] - want_y) <= cell);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(painting_the_diffusion_bars_sets_rho0)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = scenario_named("diffusion");
    xl_session_run(s, 5);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const ui_bars_geom *b = &f.geom.bars;
    ui_pointer p = {0};
    int y = b->plot.y + b->plot.h - (int)lround(0.5 * b->plot.h);
    /* Press over cell 2 at height 0.5 and paint across to cell 4. */
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, (int)(b->plot.x + 1.5f * b->slot), y));
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 0); /* painting rho(0) starts over */
    for (int x = (int)(b->plot.x + 1.5f * b->slot); x <= (int)(b->plot.x + 3.5f * b->slot); x += 4)
        feed(&f, &p, s, mouse(SDL_MOUSEMOTION, x, y));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, 0, 0));
    const xl_diffusion_state *st = xl_session_state(s);
    /* Cells 2, 3, 4 painted to the same height: equal in rho(0), and now the largest. */
    ck_assert_double_eq_tol(st->rho0[1], st->rho0[2], 1e-2);
    ck_assert_double_eq_tol(st->rho0[2], st->rho0[3], 1e-2);
    ck_assert(st->rho0[1] > st->rho0[0] && st->rho0[3] > st->rho0[5]);
    double sum = 0.0;
    for (int x = 0; x < st->k; x++) sum += st->rho0[x];
    ck_assert_double_eq_tol(sum, 1.0, 1e-12);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(tooltips_show_exact_values_and_stay_in_the_window)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    xl_session_run(s, 10);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    ui_text_box boxes[512];
    ui_text_recorder rec = {boxes, 512, 0};
    const ui_frame_geom g = f.geom;
    const SDL_Rect bar = g.bars.p_bar[0];
    struct { int x, y; const char *want; } spots[] = {
        {bar.x + bar.w / 2, bar.y + bar.h / 2, "p = 0.4000"},
        {g.landscape.map.x + g.landscape.map.w - 2, g.landscape.map.y + 2, "there ="},
        {g.history.plot.x + g.history.plot.w - 1, g.history.plot.y + g.history.plot.h / 2, "step 10"},
        {1279, 719, NULL}, /* the hint bar: nothing to say */
    };
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        rec.count = 0;
        ui_scene_set_recorder(f.scene, &rec);
        view.pointer_in = 1;
        view.pointer_x = spots[i].x;
        view.pointer_y = spots[i].y;
        scene_frame_draw(&f, s, &view);
        ui_scene_set_recorder(f.scene, NULL);
        int found = 0;
        for (int k = 0; k < rec.count; k++) {
            if (spots[i].want && strstr(boxes[k].text, spots[i].want)) {
                found = 1;
                SDL_Rect r = boxes[k].ink;
                ck_assert_msg(r.x >= 0 && r.y >= 0 && r.x + r.w <= 1280 && r.y + r.h <= 720, "tooltip outside");
                /* Never over the pointer itself. */
                ck_assert(!(spots[i].x >= r.x && spots[i].x < r.x + r.w && spots[i].y >= r.y && spots[i].y < r.y + r.h));
            }
        }
        if (spots[i].want) ck_assert_msg(found, "no tooltip line with '%s' at (%d, %d)", spots[i].want, spots[i].x, spots[i].y);
        else ck_assert_int_eq(ui_pointer_hit(&f.geom, s, spots[i].x, spots[i].y).kind, UI_HIT_NONE);
    }
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(dragging_p_in_the_simplex_and_scrubbing_the_history)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    fixture_set_classes(&d, 3, 0);
    xl_session *s = xl_session_create(&d);
    xl_session_run(s, 40);
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SIMPLEX)));
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    ck_assert(f.geom.simplex.drawn);
    const xl_classifier *c = fixture_classifier(s);
    SDL_FPoint at = ui_simplex_to_point(&f.geom.simplex, c->p);
    ui_pointer p = {0};
    /* Press on P, drag it to the first class's corner region. */
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, (int)at.x, (int)at.y));
    ck_assert_int_eq(p.drag, UI_DRAG_SIMPLEX);
    const double target[3] = {0.7, 0.2, 0.1};
    SDL_FPoint to = ui_simplex_to_point(&f.geom.simplex, target);
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, (int)lroundf(to.x), (int)lroundf(to.y)));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, (int)lroundf(to.x), (int)lroundf(to.y)));
    c = fixture_classifier(s);
    /* Within a pixel's worth of probability: the triangle is a few hundred pixels high. */
    double px = 2.0 / f.geom.simplex.area.h;
    for (int i = 0; i < 3; i++)
        ck_assert_msg(fabs(c->p[i] - target[i]) <= px, "p[%d] = %g, wanted %g", i, c->p[i], target[i]);
    /* A press away from P moves nothing. */
    double before = c->p[0];
    SDL_FPoint corner = f.geom.simplex.corner[2];
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, (int)corner.x - 8, (int)corner.y - 4));
    ck_assert_int_eq(p.drag, UI_DRAG_NONE);
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, 0, 0));
    ck_assert(fixture_classifier(s)->p[0] == before);
    /* The history is a slider: pressing at its middle rewinds to about half the run. */
    const ui_history_geom *h = &f.geom.history;
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, h->plot.x + h->plot.w / 2, h->plot.y + h->plot.h / 2));
    long half = (long)floor(h->x_max / 2.0 + 0.5);
    ck_assert_msg(labs(xl_sim_steps(xl_session_sim(s)) - half) <= 1, "at step %ld, expected about %ld",
                  xl_sim_steps(xl_session_sim(s)), half);
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, h->plot.x - 50, h->plot.y));
    ck_assert_int_eq(xl_sim_steps(xl_session_sim(s)), 0); /* held past the left end: the start */
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, 0, 0));
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

/* The scenarios' own panels record what their marks mean; the tooltip finds them. */
START_TEST(own_panels_tell_their_numbers)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    const char *ids[] = {"microstates", "diffusion", "logistic", "gaussian"};
    const char *region_text[] = {"k = 5 heads", "cell 9", "sample 1:", "x = "};
    const char *tooltip_text[] = {"time spent here", "assumed ρ", "surprise of its label", "p(x) = "};
    for (int t = 0; t < 4; t++) {
        xl_session *s = scenario_named(ids[t]);
        xl_session_run(s, 30);
        ui_view view = {.theme = UI_THEME_LIGHT};
        scene_frame_draw(&f, s, &view);
        const ui_hits *hits = f.geom.hits;
        ck_assert_ptr_nonnull(hits);
        int k = 0;
        while (k < hits->n && !strstr(hits->region[k].text[0], region_text[t])) k++;
        ck_assert_msg(k < hits->n, "%s: no region '%s' among %d", ids[t], region_text[t], hits->n);
        SDL_Rect r = hits->region[k].rect;
        ui_text_box boxes[512];
        ui_text_recorder rec = {boxes, 512, 0};
        ui_scene_set_recorder(f.scene, &rec);
        view.pointer_in = 1;
        view.pointer_x = r.x + r.w / 2;
        view.pointer_y = r.y + r.h / 2;
        scene_frame_draw(&f, s, &view);
        ui_scene_set_recorder(f.scene, NULL);
        int found = 0;
        for (int i = 0; i < rec.count && i < 512; i++)
            if (strstr(boxes[i].text, tooltip_text[t])) found = 1;
        ck_assert_msg(found, "%s: no tooltip with '%s' over '%s'", ids[t], tooltip_text[t], region_text[t]);
        xl_session_destroy(s);
    }
    scene_frame_close(&f);
}
END_TEST

static const ui_hit_region *region_named(const frame *f, const char *text)
{
    const ui_hits *hits = f->geom.hits;
    for (int k = 0; k < hits->n; k++)
        if (strstr(hits->region[k].text[0], text)) return &hits->region[k];
    ck_abort_msg("no region '%s'", text);
    return NULL;
}

START_TEST(samples_and_the_gaussian_peak_are_dragged)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = scenario_named("logistic");
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const xl_logistic *lg = &((const xl_logistic_state *)xl_session_state(s))->lg;
    const ui_hit_region *r = region_named(&f, "sample 3:");
    const ui_region_drag e = r->edit;
    int cx = r->rect.x + r->rect.w / 2, cy = r->rect.y + r->rect.h / 2;
    double x_before = lg->pts[2].x;
    int label = lg->pts[2].y;
    ui_pointer p = {0};
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, cx, cy));
    ck_assert_int_eq(xl_session_selected(s), 2);
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, cx + 40, cy));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, cx + 40, cy));
    lg = &((const xl_logistic_state *)xl_session_state(s))->lg;
    ck_assert_msg(fabs(lg->pts[2].x - (e.u0 + e.us * (cx + 40))) < 1e-9, "x = %g", lg->pts[2].x);
    ck_assert(lg->pts[2].x > x_before);
    ck_assert_int_eq(lg->pts[2].y, label); /* a drag does not flip */
    /* A click on the selected sample flips its label (samples stay in x order, so
     * sample 3 may now be another one: read its label afresh). */
    label = lg->pts[2].y;
    r = region_named(&f, "sample 3:");
    cx = r->rect.x + r->rect.w / 2;
    cy = r->rect.y + r->rect.h / 2;
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, cx, cy));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, cx, cy));
    lg = &((const xl_logistic_state *)xl_session_state(s))->lg;
    ck_assert_int_eq(lg->pts[2].y, !label);
    xl_session_destroy(s);

    s = scenario_named("gaussian");
    scene_frame_draw(&f, s, &view);
    r = region_named(&f, "the peak of P");
    cx = r->rect.x + r->rect.w / 2;
    cy = r->rect.y + r->rect.h / 2;
    const xl_gaussian_state *g = xl_session_state(s);
    double mu0 = g->g.mu_p, sigma0 = g->g.sigma_p;
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, cx, cy));
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, cx + 30, cy - 20));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, cx + 30, cy - 20));
    g = xl_session_state(s);
    ck_assert_msg(g->g.mu_p > mu0 && g->g.sigma_p < sigma0, "mu %g -> %g, sigma %g -> %g", mu0, g->g.mu_p, sigma0,
                  g->g.sigma_p);
    /* Undo takes the whole drag back. */
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_UNDO)));
    g = xl_session_state(s);
    ck_assert(g->g.mu_p == mu0 && g->g.sigma_p == sigma0);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(the_wheel_zooms_around_the_pointer_and_the_view_pans_and_fits)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    xl_session_run(s, 20);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const ui_landscape_geom *l = &f.geom.landscape;
    const int px = l->map.x + l->map.w / 3, py = l->map.y + l->map.h / 4;
    ui_hit before = ui_pointer_hit(&f.geom, s, px, py);
    ck_assert_int_eq(before.kind, UI_HIT_LANDSCAPE);
    double width = l->hi - l->lo;
    ui_pointer p = {0};
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, px, py));
    SDL_Event wheel;
    memset(&wheel, 0, sizeof wheel);
    wheel.type = SDL_MOUSEWHEEL;
    wheel.wheel.y = 2; /* two notches away from you: in */
    ck_assert_int_eq(feed(&f, &p, s, wheel), 1);
    ck_assert_double_eq_tol(l->hi - l->lo, width * 0.64, 1e-9 * width);
    /* What was under the pointer still is, within a pixel. */
    ui_hit after = ui_pointer_hit(&f.geom, s, px, py);
    double pixel = (l->hi - l->lo) / l->map.w;
    ck_assert_msg(fabs(after.x - before.x) <= pixel && fabs(after.y - before.y) <= pixel,
                  "(%g, %g) moved to (%g, %g)", before.x, before.y, after.x, after.y);
    /* A right-button drag pans: the map follows the pointer. */
    SDL_Event down = mouse(SDL_MOUSEBUTTONDOWN, px, py), up = mouse(SDL_MOUSEBUTTONUP, px + 50, py + 20);
    down.button.button = up.button.button = SDL_BUTTON_RIGHT;
    feed(&f, &p, s, down);
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, px + 50, py + 20));
    feed(&f, &p, s, up);
    ui_hit moved = ui_pointer_hit(&f.geom, s, px + 50, py + 20);
    pixel = (l->hi - l->lo) / l->map.w;
    ck_assert_msg(fabs(moved.x - before.x) <= 2 * pixel && fabs(moved.y - before.y) <= 2 * pixel,
                  "the point held is at (%g, %g), was (%g, %g)", moved.x, moved.y, before.x, before.y);
    /* A double-click fits the view to the path and puts the point back. */
    double z_before[XL_MAX_PARAMS];
    memcpy(z_before, xl_sim_theta(xl_session_sim(s)), 5 * sizeof(double));
    SDL_Event d1 = mouse(SDL_MOUSEBUTTONDOWN, px, py), d2 = d1;
    d2.button.clicks = 2;
    feed(&f, &p, s, d1);
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, px, py));
    feed(&f, &p, s, d2);
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, px, py));
    ck_assert(memcmp(z_before, xl_sim_theta(xl_session_sim(s)), 5 * sizeof(double)) == 0);
    /* Every point of the path is in view. */
    const xl_sim *sim = xl_session_sim(s);
    for (int i = 0; i < xl_sim_history_count(sim); i++) {
        double x, y;
        xl_session_view_point(s, xl_sim_history_theta(sim, i), &x, &y);
        ck_assert(x >= l->lo && x <= l->hi && y >= l->ylo && y <= l->yhi);
    }
    /* The core refuses views past what it can show. */
    xl_command bad = xl_command_make(XL_CMD_ZOOM);
    bad.count = 3;
    bad.list[0] = 1000.0;
    ck_assert(!xl_session_apply(s, bad));
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

/* The hint bar is a toolbar: a click does what the key does, so a demo needs no keys. */
START_TEST(the_hint_bar_is_a_toolbar)
{
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    ui_pointer p = {0};
    const ui_hit_region *play = region_named(&f, "click: play / pause");
    int x = play->rect.x + play->rect.w / 2, y = play->rect.y + play->rect.h / 2;
    ck_assert_int_eq(ui_pointer_cursor(&(ui_pointer){.x = x, .y = y, .inside = 1}, &f.geom, s), UI_CURSOR_HAND);
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, x, y));
    feed(&f, &p, s, mouse(SDL_MOUSEMOTION, x + 1, y)); /* a shaky hand still clicks */
    ck_assert_int_eq(feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, x + 1, y)), 1);
    ck_assert(xl_session_playing(s));
    const ui_hit_region *next = region_named(&f, "click: the next scenario");
    x = next->rect.x + next->rect.w / 2;
    y = next->rect.y + next->rect.h / 2;
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONDOWN, x, y));
    feed(&f, &p, s, mouse(SDL_MOUSEBUTTONUP, x, y));
    ck_assert_str_eq(xl_session_scenario(s)->id, "logistic");
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

/* Issue 19.14: a tooltip leaves on a key, on a page turn and after UI_TOOLTIP_MS without
 * motion (the clock is the events' timestamps, so a replay sees the same). */
START_TEST(a_tooltip_leaves_on_a_key_a_page_turn_and_a_rest)
{
    ui_pointer p;
    memset(&p, 0, sizeof p);
    p.tip_page = -1;
    frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    xl_command cmds[4];
    SDL_Event ev = mouse(SDL_MOUSEMOTION, 300, 300);
    ck_assert_int_eq(ui_pointer_tip(&p, 0, NULL, -1), 0); /* no motion yet */
    ev.motion.timestamp = 1000;
    ui_pointer_event(&p, &ev, &f.geom, s, cmds, 4);
    ck_assert_int_eq(ui_pointer_tip(&p, 1000, NULL, -1), 1);
    ck_assert_int_eq(ui_pointer_tip(&p, 1000 + UI_TOOLTIP_MS - 1, NULL, -1), 1);
    ck_assert_int_eq(ui_pointer_tip(&p, 1000 + UI_TOOLTIP_MS, NULL, -1), 0); /* at rest: gone */
    ck_assert_int_le(UI_TOOLTIP_MS, 5000);
    ev.motion.timestamp = 9000;
    ui_pointer_event(&p, &ev, &f.geom, s, cmds, 4);
    ck_assert_int_eq(ui_pointer_tip(&p, 9001, NULL, -1), 1);
    ui_pointer_hide_tip(&p); /* a key */
    ck_assert_int_eq(ui_pointer_tip(&p, 9002, NULL, -1), 0);
    ev.motion.timestamp = 9100;
    ui_pointer_event(&p, &ev, &f.geom, s, cmds, 4);
    ck_assert_int_eq(ui_pointer_tip(&p, 9101, NULL, -1), 1);
    /* A lesson opened, then its pages turned. */
    static const int lesson = 0;
    ck_assert_int_eq(ui_pointer_tip(&p, 9102, &lesson, 0), 0);
    ev.motion.timestamp = 9200;
    ui_pointer_event(&p, &ev, &f.geom, s, cmds, 4);
    ck_assert_int_eq(ui_pointer_tip(&p, 9201, &lesson, 0), 1);
    ck_assert_int_eq(ui_pointer_tip(&p, 9202, &lesson, 1), 0);
    ck_assert_int_eq(ui_pointer_tip(&p, 9203, &lesson, 1), 0); /* until the pointer moves */
    /* A drag held still keeps its tooltip; the pointer leaving takes it away. */
    ev.motion.timestamp = 9300;
    ui_pointer_event(&p, &ev, &f.geom, s, cmds, 4);
    p.drag = UI_DRAG_TIME;
    ck_assert_int_eq(ui_pointer_tip(&p, 60000, &lesson, 1), 1);
    p.drag = UI_DRAG_NONE;
    ck_assert_int_eq(ui_pointer_tip(&p, 60000, &lesson, 1), 0);
    SDL_Event leave;
    memset(&leave, 0, sizeof leave);
    leave.type = SDL_WINDOWEVENT;
    leave.window.event = SDL_WINDOWEVENT_LEAVE;
    ui_pointer_event(&p, &ev, &f.geom, s, cmds, 4);
    ui_pointer_event(&p, &leave, &f.geom, s, cmds, 4);
    ck_assert_int_eq(ui_pointer_tip(&p, 9301, &lesson, 1), 0);
    /* The clock wraps (SDL's 32-bit timestamps after 49 days): still UI_TOOLTIP_MS. */
    ev.motion.timestamp = 0xFFFFFF00u;
    ui_pointer_event(&p, &ev, &f.geom, s, cmds, 4);
    ck_assert_int_eq(ui_pointer_tip(&p, 0x100000000ull + 100, &lesson, 1), 1);
    ck_assert_int_eq(ui_pointer_tip(&p, 0x100000000ull + UI_TOOLTIP_MS, &lesson, 1), 0);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

/* The pointer reads the mouse through SDL's video subsystem: up before the runner's
 * SDL_Init(0), down with its SDL_Quit. */
Suite *xl_test_suite(void)
{
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) return NULL;
    Suite *s = suite_create("pointer");
    TCase *tc = tcase_create("pointer");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, dragging_a_p_bar_sets_p_and_keeps_the_others_ratios);
    tcase_add_test(tc, a_click_in_the_landscape_moves_the_current_point_there);
    tcase_add_test(tc, painting_the_diffusion_bars_sets_rho0);
    tcase_add_test(tc, tooltips_show_exact_values_and_stay_in_the_window);
    tcase_add_test(tc, dragging_p_in_the_simplex_and_scrubbing_the_history);
    tcase_add_test(tc, own_panels_tell_their_numbers);
    tcase_add_test(tc, samples_and_the_gaussian_peak_are_dragged);
    tcase_add_test(tc, the_wheel_zooms_around_the_pointer_and_the_view_pans_and_fits);
    tcase_add_test(tc, the_hint_bar_is_a_toolbar);
    tcase_add_test(tc, a_tooltip_leaves_on_a_key_a_page_turn_and_a_rest);
    suite_add_tcase(s, tc);
    return s;
}
