/* test_touch: two fingers on the landscape (ui_touch), headless. The arithmetic first,
 * on a made-up map: a pinch gives the factor of the fingers' distances around the view
 * point under their centre, a two-finger drag the view's move in view units. Then the
 * gesture on a drawn frame, through ui_pointer_event and ui_pointer_flush as the window
 * feeds them: what was under the fingers' centre stays under it, the map grows as the
 * fingers spread, many finger events make one pan and one zoom, and the first finger's
 * press (SDL's mouse) is undone when the second finger makes it a gesture. */
#include "check_main.h"
#include <math.h>
#include <string.h>

#include <SDL.h>

#include "scenario_fixture.h"
#include "ui_pointer.h"
#include "ui_scene.h"
#include "ui_touch.h"
#include "scene_fixture.h"

/* A 400 x 400 map at (100, 50) showing [-4, 4] x [-2, 6]: 0.02 units a pixel. */
static ui_landscape_geom made_up_map(void)
{
    ui_landscape_geom l;
    memset(&l, 0, sizeof l);
    l.map = (SDL_Rect){100, 50, 400, 400};
    l.lo = -4.0;
    l.hi = 4.0;
    l.ylo = -2.0;
    l.yhi = 6.0;
    return l;
}

START_TEST(spreading_the_fingers_zooms_in_around_their_centre)
{
    const ui_landscape_geom l = made_up_map();
    /* Centre (300, 250): x = -4 + 200 * 0.02 = 0, y = -2 + (450 - 250) * 0.02 = 2. */
    const double from[4] = {250, 250, 350, 250}, to[4] = {200, 250, 400, 250};
    ui_pinch p;
    ck_assert_int_eq(ui_touch_pinch(&l, from, to, &p), 1);
    ck_assert_double_eq_tol(p.factor, 0.5, 1e-12);
    ck_assert_double_eq_tol(p.x, 0.0, 1e-12);
    ck_assert_double_eq_tol(p.y, 2.0, 1e-12);
    ck_assert_double_eq_tol(p.dx, 0.0, 1e-12);
    ck_assert_double_eq_tol(p.dy, 0.0, 1e-12);
    /* Closing them (a diagonal pair this time) zooms out by the same ratio. */
    const double close_from[4] = {200, 150, 400, 350}, close_to[4] = {275, 225, 325, 275};
    ck_assert_int_eq(ui_touch_pinch(&l, close_from, close_to, &p), 1);
    ck_assert_double_eq_tol(p.factor, 4.0, 1e-12);
}
END_TEST

START_TEST(a_two_finger_drag_moves_the_view_against_the_fingers)
{
    const ui_landscape_geom l = made_up_map();
    /* Both fingers 40 px right and 20 px up: the map follows, so the view goes 0.8 left
     * and (rows grow downward) 0.4 down. */
    const double from[4] = {200, 300, 300, 300}, to[4] = {240, 280, 340, 280};
    ui_pinch p;
    ck_assert_int_eq(ui_touch_pinch(&l, from, to, &p), 1);
    ck_assert_double_eq_tol(p.factor, 1.0, 1e-12);
    ck_assert_double_eq_tol(p.dx, -0.8, 1e-12);
    ck_assert_double_eq_tol(p.dy, -0.4, 1e-12);
    /* The view point under the old centre (250, 300): (-1, 1). */
    ck_assert_double_eq_tol(p.x, -1.0, 1e-12);
    ck_assert_double_eq_tol(p.y, 1.0, 1e-12);
}
END_TEST

START_TEST(pinch_edges_fingers_together_a_jump_and_no_map)
{
    const ui_landscape_geom l = made_up_map();
    ui_pinch p;
    /* Fingers on one spot say nothing of a spread: no zoom, the drag still pans. */
    const double same[4] = {300, 300, 300, 300}, moved[4] = {310, 300, 400, 300};
    ck_assert_int_eq(ui_touch_pinch(&l, same, moved, &p), 1);
    ck_assert_double_eq_tol(p.factor, 1.0, 1e-12);
    ck_assert_double_eq_tol(p.dx, -(355.0 - 300.0) * 0.02, 1e-12);
    /* A spread of ten times within one frame is held to four. */
    const double near[4] = {295, 300, 305, 300}, far[4] = {250, 300, 350, 300};
    ck_assert_int_eq(ui_touch_pinch(&l, near, far, &p), 1);
    ck_assert_double_eq_tol(p.factor, 0.25, 1e-12);
    ck_assert_int_eq(ui_touch_pinch(&l, far, near, &p), 1);
    ck_assert_double_eq_tol(p.factor, 4.0, 1e-12);
    /* No map (the simplex in its place, or nothing drawn yet): nothing. */
    ui_landscape_geom none;
    memset(&none, 0, sizeof none);
    p.factor = -1.0;
    ck_assert_int_eq(ui_touch_pinch(&none, near, far, &p), 0);
    ck_assert(p.factor == -1.0);
}
END_TEST

static SDL_Event finger(Uint32 type, SDL_FingerID id, double x, double y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    ev.tfinger.touchId = 1;
    ev.tfinger.fingerId = id;
    ev.tfinger.x = (float)x;
    ev.tfinger.y = (float)y;
    return ev;
}

/* The mouse SDL makes from the first finger of a touch. */
static SDL_Event touch_mouse(Uint32 type, int x, int y)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    if (type == SDL_MOUSEMOTION) {
        ev.motion.which = SDL_TOUCH_MOUSEID;
        ev.motion.x = x;
        ev.motion.y = y;
        ev.motion.state = SDL_BUTTON_LMASK;
    } else {
        ev.button.which = SDL_TOUCH_MOUSEID;
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.clicks = 1;
        ev.button.x = x;
        ev.button.y = y;
    }
    return ev;
}

/* Apply the commands and redraw, as the window does between frames. */
static void apply(scene_frame *f, xl_session *s, const xl_command *cmds, int n)
{
    for (int i = 0; i < n; i++) ck_assert_msg(xl_session_apply(s, cmds[i]), "refused: %s", xl_session_message(s));
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(f, s, &view);
}

static int feed(scene_frame *f, ui_pointer *p, xl_session *s, SDL_Event ev, xl_command *kinds)
{
    xl_command cmds[4];
    const int n = ui_pointer_event(p, &ev, &f->geom, s, cmds, 4);
    if (kinds)
        for (int i = 0; i < n; i++) kinds[i] = cmds[i];
    apply(f, s, cmds, n);
    return n;
}

/* The once-a-frame flush: its commands applied and the frame redrawn. */
static int flush(scene_frame *f, ui_pointer *p, xl_session *s, xl_command *kinds)
{
    xl_command cmds[2];
    const int n = ui_pointer_flush(p, &f->geom, cmds, 2);
    if (kinds)
        for (int i = 0; i < n; i++) kinds[i] = cmds[i];
    apply(f, s, cmds, n);
    return n;
}

START_TEST(a_pinch_on_the_drawn_map_keeps_what_is_under_the_fingers)
{
    scene_frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const ui_landscape_geom *l = &f.geom.landscape;
    const double cu = l->map.x + 0.45 * l->map.w, cv = l->map.y + 0.55 * l->map.h;
    /* The view point under the centre, before. */
    const double kx = (l->hi - l->lo) / l->map.w, ky = (l->yhi - l->ylo) / l->map.h;
    const double px = l->lo + (cu - l->map.x) * kx, py = l->ylo + (l->map.y + l->map.h - cv) * ky;
    const double width = l->hi - l->lo;
    double theta[XL_MAX_PARAMS];
    memcpy(theta, xl_sim_theta(xl_session_sim(s)), sizeof theta);
    ui_pointer p = {0};
    /* Two fingers 60 px apart on the map (no mouse: a touch screen whose first finger
     * SDL does not turn into a mouse). */
    ck_assert_int_eq(feed(&f, &p, s, finger(SDL_FINGERDOWN, 7, cu - 30, cv), NULL), 0);
    ck_assert_int_eq(feed(&f, &p, s, finger(SDL_FINGERDOWN, 9, cu + 30, cv), NULL), 0);
    ck_assert_int_eq(flush(&f, &p, s, NULL), 0); /* nothing moved yet */
    /* They spread to 120 px apart and move 25 px right, 15 px down over many small events:
     * one frame's flush makes a pan and a zoom. */
    for (int k = 1; k <= 30; k++) {
        const double t = k / 30.0, half = 30.0 + 30.0 * t;
        feed(&f, &p, s, finger(SDL_FINGERMOTION, 7, cu + 25 * t - half, cv + 15 * t), NULL);
        feed(&f, &p, s, finger(SDL_FINGERMOTION, 9, cu + 25 * t + half, cv + 15 * t), NULL);
    }
    xl_command got[2];
    ck_assert_int_eq(flush(&f, &p, s, got), 2);
    ck_assert_int_eq(got[0].kind, XL_CMD_PAN);
    ck_assert_int_eq(got[1].kind, XL_CMD_ZOOM);
    ck_assert_double_eq_tol(got[1].list[0], 0.5, 1e-6);
    ck_assert_int_eq(flush(&f, &p, s, NULL), 0); /* the anchor moved with them */
    /* The map doubled and the point that was under the centre is under the new one. */
    ck_assert_double_eq_tol(l->hi - l->lo, 0.5 * width, 1e-9 * width);
    const double nu = cu + 25, nv = cv + 15;
    const double nkx = (l->hi - l->lo) / l->map.w, nky = (l->yhi - l->ylo) / l->map.h;
    const double qx = l->lo + (nu - l->map.x) * nkx, qy = l->ylo + (l->map.y + l->map.h - nv) * nky;
    ck_assert_msg(fabs(qx - px) <= nkx && fabs(qy - py) <= nky, "(%g, %g) under the centre, was (%g, %g)", qx, qy,
                  px, py);
    /* The gesture moved the view only. */
    ck_assert(memcmp(theta, xl_sim_theta(xl_session_sim(s)), sizeof theta) == 0);
    /* A lift ends it; the remaining finger alone does nothing. */
    feed(&f, &p, s, finger(SDL_FINGERUP, 7, 0, 0), NULL);
    feed(&f, &p, s, finger(SDL_FINGERMOTION, 9, cu + 200, cv), NULL);
    ck_assert_int_eq(flush(&f, &p, s, NULL), 0);
    feed(&f, &p, s, finger(SDL_FINGERUP, 9, 0, 0), NULL);
    ck_assert_int_eq(p.touch.n, 0);
    ck_assert_int_eq(p.touch.held, 0);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(the_second_finger_undoes_the_first_fingers_click)
{
    scene_frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const ui_landscape_geom *l = &f.geom.landscape;
    const int ax = l->map.x + l->map.w / 3, ay = l->map.y + l->map.h / 2;
    double theta[XL_MAX_PARAMS];
    memcpy(theta, xl_sim_theta(xl_session_sim(s)), sizeof theta);
    ui_pointer p = {.tip_page = -1}; /* the sandbox's "page", as the window starts it */
    /* SDL's order: the first finger's mouse motion and press, then the finger. */
    feed(&f, &p, s, touch_mouse(SDL_MOUSEMOTION, ax, ay), NULL);
    ck_assert_int_eq(ui_pointer_tip(&p, p.moved_at + 10, NULL, -1), 1);
    ck_assert_int_eq(feed(&f, &p, s, touch_mouse(SDL_MOUSEBUTTONDOWN, ax, ay), NULL), 1);
    ck_assert(memcmp(theta, xl_sim_theta(xl_session_sim(s)), sizeof theta) != 0); /* the point moved */
    feed(&f, &p, s, finger(SDL_FINGERDOWN, 1, ax, ay), NULL);
    xl_command got[4];
    ck_assert_int_eq(feed(&f, &p, s, finger(SDL_FINGERDOWN, 2, ax + 80, ay), got), 1);
    ck_assert_int_eq(got[0].kind, XL_CMD_MOVE_TO);
    for (int i = 0; i < xl_sim_param_count(xl_session_sim(s)); i++)
        ck_assert_double_eq_tol(xl_sim_theta(xl_session_sim(s))[i], theta[i], 1e-9);
    ck_assert_int_eq(p.drag, UI_DRAG_NONE);
    /* The first finger's tooltip goes: it would stay under the fingers for seconds. */
    ck_assert_int_eq(ui_pointer_tip(&p, p.moved_at + 10, NULL, -1), 0);
    /* While the gesture holds, the first finger's mouse is not a drag of the point. */
    ck_assert_int_eq(feed(&f, &p, s, touch_mouse(SDL_MOUSEMOTION, ax + 40, ay + 40), NULL), 0);
    ck_assert_int_eq(feed(&f, &p, s, finger(SDL_FINGERMOTION, 1, ax + 40, ay + 40), NULL), 0);
    ck_assert_int_eq(flush(&f, &p, s, got), 2); /* centre moved, distance changed */
    ck_assert_int_eq(feed(&f, &p, s, touch_mouse(SDL_MOUSEBUTTONUP, ax + 40, ay + 40), NULL), 0);
    feed(&f, &p, s, finger(SDL_FINGERUP, 1, 0, 0), NULL);
    feed(&f, &p, s, finger(SDL_FINGERUP, 2, 0, 0), NULL);
    for (int i = 0; i < xl_sim_param_count(xl_session_sim(s)); i++)
        ck_assert_double_eq_tol(xl_sim_theta(xl_session_sim(s))[i], theta[i], 1e-9);
    /* All fingers up: one finger is the mouse again. */
    ck_assert_int_eq(feed(&f, &p, s, touch_mouse(SDL_MOUSEBUTTONDOWN, ax, ay), NULL), 1);
    ck_assert_int_eq(p.drag, UI_DRAG_POINT);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

START_TEST(two_fingers_off_the_landscape_are_no_gesture)
{
    scene_frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(0);
    ui_view view = {.theme = UI_THEME_LIGHT};
    scene_frame_draw(&f, s, &view);
    const SDL_Rect bars = f.geom.layout.bars;
    const double u = bars.x + bars.w / 2.0, v = bars.y + bars.h / 2.0;
    ui_pointer p = {0};
    feed(&f, &p, s, finger(SDL_FINGERDOWN, 1, u - 40, v), NULL);
    feed(&f, &p, s, finger(SDL_FINGERDOWN, 2, u + 40, v), NULL);
    feed(&f, &p, s, finger(SDL_FINGERMOTION, 2, u + 140, v), NULL);
    ck_assert_int_eq(flush(&f, &p, s, NULL), 0);
    ck_assert_int_eq(p.touch.pinching, 0);
    /* SDL's touch made from the mouse (SDL_MOUSE_TOUCHID) is not a finger. */
    SDL_Event made = finger(SDL_FINGERDOWN, 3, u, v);
    made.tfinger.touchId = SDL_MOUSE_TOUCHID;
    ui_pointer q = {0};
    feed(&f, &q, s, made, NULL);
    ck_assert_int_eq(q.touch.n, 0);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

/* The pointer reads the keyboard's modifiers through SDL's video subsystem: up before
 * the runner's SDL_Init(0), down with its SDL_Quit. */
Suite *xl_test_suite(void)
{
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) return NULL;
    Suite *su = suite_create("touch");
    TCase *tc = tcase_create("pinch arithmetic");
    tcase_add_test(tc, spreading_the_fingers_zooms_in_around_their_centre);
    tcase_add_test(tc, a_two_finger_drag_moves_the_view_against_the_fingers);
    tcase_add_test(tc, pinch_edges_fingers_together_a_jump_and_no_map);
    suite_add_tcase(su, tc);
    tc = tcase_create("gestures on a drawn frame");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, a_pinch_on_the_drawn_map_keeps_what_is_under_the_fingers);
    tcase_add_test(tc, the_second_finger_undoes_the_first_fingers_click);
    tcase_add_test(tc, two_fingers_off_the_landscape_are_no_gesture);
    suite_add_tcase(su, tc);
    return su;
}
