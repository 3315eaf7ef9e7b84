/* test_keynav: every action the pointer had alone has a key (issue 26), through the one
 * dispatcher: the keys make the pointer's own commands with the numbers a drag, the
 * wheel or a click would have sent (pan by a tenth of the view, zoom by a wheel's notch
 * around the current point, the point by a twentieth, the selected p by 0.05, the
 * timeline by ten steps), traced as those commands; where a key cannot act it says why
 * and changes nothing; the panel a key acted on is outlined in the selection's yellow
 * (pixels read back from a headless frame, both themes), never in a video. */
#include "check_main.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_fixture.h"
#include "ui_dispatch.h"
#include "ui_keynav.h"

typedef struct fixture {
    xl_session *s;
    ui_classroom *cr;
    ui_view view;
    FILE *trace;
    ui_dispatch d;
    scene_frame frame;
} fixture;

static void draw(fixture *f)
{
    scene_frame_draw(&f->frame, f->s, &f->view);
    f->d.geom = &f->frame.geom;
}

static void fixture_open(fixture *f, const char *scenario, int w, int h)
{
    memset(f, 0, sizeof *f);
    xl_session_desc desc;
    xl_session_desc_default(&desc, 0);
    f->s = xl_session_create(&desc);
    ck_assert_ptr_nonnull(f->s);
    if (scenario) {
        char text[64], err[256] = "";
        xl_command c;
        snprintf(text, sizeof text, "scenario %s", scenario);
        ck_assert_int_eq(xl_scenario_parse_command(text, &c, err, sizeof err), 0);
        ck_assert_int_eq(xl_session_apply(f->s, c), 1);
    }
    f->cr = malloc(sizeof *f->cr);
    ck_assert_ptr_nonnull(f->cr);
    ui_classroom_init(f->cr, "/tmp");
    f->view.zoom = 1.0f;
    f->trace = tmpfile();
    ck_assert_ptr_nonnull(f->trace);
    ui_dispatch_init(&f->d, f->s, f->cr, &f->view, NULL, f->trace);
    scene_frame_open(&f->frame, w, h);
    draw(f);
}

static void fixture_close(fixture *f)
{
    scene_frame_close(&f->frame);
    fclose(f->trace);
    ui_classroom_free(f->cr);
    free(f->cr);
    xl_session_destroy(f->s);
}

/* A key press from the learner, then the frame the window would draw after it. */
static void press(fixture *f, SDL_Keycode key, Uint16 mod)
{
    ui_action act;
    char did[256];
    f->view.note[0] = '\0';
    ui_dispatch_key(&f->d, key, mod, 0, 0, &act, did, sizeof did);
    draw(f);
}

/* The last traced command line's text ("pan -0.6,0"), or "" if none since the last call. */
static void last_traced(fixture *f, char *out, size_t n)
{
    char line[8192];
    out[0] = '\0';
    fflush(f->trace);
    rewind(f->trace);
    while (fgets(line, sizeof line, f->trace)) {
        const char *c = strstr(line, "\"text\":\"");
        if (!strstr(line, "\"command\":\"") || !c) continue;
        c += strlen("\"text\":\"");
        snprintf(out, n, "%.*s", (int)strcspn(c, "\""), c);
    }
    /* Empty the trace so the next call sees only what follows. */
    fclose(f->trace);
    f->trace = tmpfile();
    ck_assert_ptr_nonnull(f->trace);
    f->d.trace = f->trace;
}

static void point(const fixture *f, double *x, double *y)
{
    xl_session_view_point(f->s, xl_sim_theta(xl_session_sim(f->s)), x, y);
}

#define CLOSE(a, b, tol) ck_assert_msg(fabs((a) - (b)) <= (tol), "%s = %.12g, expected %.12g", #a, (double)(a), (double)(b))

START_TEST(the_landscape_by_keys)
{
    fixture f;
    fixture_open(&f, "softmax", 1280, 720);
    const ui_landscape_geom l0 = f.frame.geom.landscape;
    const double w = l0.hi - l0.lo, h = l0.yhi - l0.ylo;
    ck_assert(w > 0.0 && h > 0.0);
    char cmd[256];
    last_traced(&f, cmd, sizeof cmd);

    /* Ctrl+Left / Ctrl+Up: the view moves a tenth of its width left, of its height up. */
    press(&f, SDLK_LEFT, KMOD_LCTRL);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_msg(strncmp(cmd, "pan -", 5) == 0, "Ctrl+Left traced '%s'", cmd);
    CLOSE(f.frame.geom.landscape.lo, l0.lo - 0.1 * w, 1e-9 * w);
    CLOSE(f.frame.geom.landscape.hi, l0.hi - 0.1 * w, 1e-9 * w);
    ck_assert_int_eq(f.view.key_panel, UI_PANEL_LANDSCAPE);
    press(&f, SDLK_UP, KMOD_RCTRL);
    CLOSE(f.frame.geom.landscape.ylo, l0.ylo + 0.1 * h, 1e-9 * h);
    press(&f, SDLK_RIGHT, KMOD_LCTRL);
    press(&f, SDLK_DOWN, KMOD_LCTRL);
    CLOSE(f.frame.geom.landscape.lo, l0.lo, 1e-9 * w);
    CLOSE(f.frame.geom.landscape.ylo, l0.ylo, 1e-9 * h);

    /* Ctrl+Shift+Up: a wheel's notch in, around the current point, which stays on its pixel. */
    const float cx = f.frame.geom.landscape.current_x, cy = f.frame.geom.landscape.current_y;
    press(&f, SDLK_UP, KMOD_LCTRL | KMOD_LSHIFT);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_msg(strncmp(cmd, "zoom 0.8,", 9) == 0, "Ctrl+Shift+Up traced '%s'", cmd);
    CLOSE(f.frame.geom.landscape.hi - f.frame.geom.landscape.lo, 0.8 * w, 1e-9 * w);
    CLOSE(f.frame.geom.landscape.yhi - f.frame.geom.landscape.ylo, 0.8 * h, 1e-9 * h);
    CLOSE(f.frame.geom.landscape.current_x, cx, 1.5);
    CLOSE(f.frame.geom.landscape.current_y, cy, 1.5);
    press(&f, SDLK_DOWN, KMOD_LCTRL | KMOD_LSHIFT);
    CLOSE(f.frame.geom.landscape.hi - f.frame.geom.landscape.lo, w, 1e-9 * w);

    /* Alt+arrows: the current point a twentieth of the view; Ctrl+Enter: the start there. */
    double x0, y0, x1, y1;
    point(&f, &x0, &y0);
    const double vw = f.frame.geom.landscape.hi - f.frame.geom.landscape.lo;
    const double vh = f.frame.geom.landscape.yhi - f.frame.geom.landscape.ylo;
    press(&f, SDLK_RIGHT, KMOD_LALT);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_msg(strncmp(cmd, "move-to ", 8) == 0, "Alt+Right traced '%s'", cmd);
    point(&f, &x1, &y1);
    CLOSE(x1, x0 + 0.05 * vw, 1e-9 * vw);
    CLOSE(y1, y0, 1e-9 * vh);
    press(&f, SDLK_UP, KMOD_LALT);
    point(&f, &x1, &y1);
    CLOSE(y1, y0 + 0.05 * vh, 1e-9 * vh);
    press(&f, SDLK_RETURN, KMOD_LCTRL);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_msg(strncmp(cmd, "start-at ", 9) == 0, "Ctrl+Enter traced '%s'", cmd);
    double sx, sy;
    xl_session_view_point(f.s, xl_sim_theta0(xl_session_sim(f.s)), &sx, &sy);
    CLOSE(sx, x1, 1e-9 * vw);
    CLOSE(sy, y1, 1e-9 * vh);

    /* Ctrl+Home: the double-click's fit. */
    press(&f, SDLK_LEFT, KMOD_LCTRL);
    press(&f, SDLK_LEFT, KMOD_LCTRL);
    const double panned = f.frame.geom.landscape.lo;
    press(&f, SDLK_HOME, KMOD_LCTRL);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_str_eq(cmd, "fit");
    ck_assert(fabs(f.frame.geom.landscape.lo - panned) > 1e-6);
    fixture_close(&f);
}
END_TEST

START_TEST(the_selected_bar_and_the_timeline_by_keys)
{
    fixture f;
    fixture_open(&f, "softmax", 1280, 720);
    char cmd[256];
    xl_bars b0, b1;
    press(&f, SDLK_2, KMOD_NONE);
    ck_assert_int_eq(f.view.key_panel, UI_PANEL_BARS);
    xl_session_bars(f.s, &b0);
    press(&f, SDLK_UP, KMOD_LSHIFT);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_msg(strncmp(cmd, "set-p ", 6) == 0, "Shift+Up traced '%s'", cmd);
    xl_session_bars(f.s, &b1);
    CLOSE(b1.p[1], b0.p[1] + UI_KEYNAV_P, 1e-9);
    double sum = 0.0;
    for (int k = 0; k < b1.n; k++) sum += b1.p[k];
    CLOSE(sum, 1.0, 1e-9);
    /* The others keep their ratios, as a dragged bar's do. */
    CLOSE(b1.p[0] / b1.p[2], b0.p[0] / b0.p[2], 1e-9);
    press(&f, SDLK_DOWN, KMOD_LSHIFT);
    xl_session_bars(f.s, &b1);
    CLOSE(b1.p[1], b0.p[1], 1e-9);

    /* The timeline: 30 steps, ten back, ten on, and no further than the run went. */
    xl_command run = xl_command_int(XL_CMD_RUN, 30);
    ui_dispatch_command(&f.d, UI_DISPATCH_LEARNER, run);
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), 30);
    press(&f, SDLK_BACKSPACE, KMOD_LSHIFT);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_str_eq(cmd, "rewind 20");
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), 20);
    ck_assert_int_eq(f.view.key_panel, UI_PANEL_HISTORY);
    press(&f, SDLK_BACKSPACE, KMOD_LCTRL);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_str_eq(cmd, "rewind 30");
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), 30);
    press(&f, SDLK_BACKSPACE, KMOD_LCTRL);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_str_eq(cmd, ""); /* nothing after step 30: said, not traced */
    ck_assert_msg(strstr(f.view.note, "no steps after 30") != NULL, "note '%s'", f.view.note);
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), 30);
    /* Plain Backspace is still one step back. */
    press(&f, SDLK_BACKSPACE, KMOD_NONE);
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), 29);
    fixture_close(&f);
}
END_TEST

/* Where a key has nothing to act on it says why and changes nothing; where the bars
 * cannot be edited Shift+Up is what Up is there. */
START_TEST(a_key_that_cannot_act_says_why)
{
    fixture f;
    fixture_open(&f, "softmax", 1280, 720);
    char cmd[256], err[256] = "";
    xl_command c;
    ck_assert_int_eq(xl_scenario_parse_command("param classes=3", &c, err, sizeof err), 0);
    ui_dispatch_command(&f.d, UI_DISPATCH_LEARNER, c);
    ui_dispatch_command(&f.d, UI_DISPATCH_LEARNER, xl_command_make(XL_CMD_SIMPLEX));
    ck_assert_int_eq(xl_session_simplex(f.s), 1);
    draw(&f);
    last_traced(&f, cmd, sizeof cmd);
    press(&f, SDLK_LEFT, KMOD_LCTRL);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_str_eq(cmd, "");
    ck_assert_msg(strstr(f.view.note, "simplex") != NULL, "note '%s'", f.view.note);
    fixture_close(&f);

    /* No frame drawn yet (the landscape's view unknown): said, not guessed. */
    fixture_open(&f, "softmax", 1280, 720);
    f.d.geom = NULL;
    ui_action act = ui_input_map_key(SDLK_LEFT, KMOD_LCTRL, xl_session_scenario(f.s));
    ck_assert(ui_action_nav_pending(&act));
    ck_assert_int_eq(ui_dispatch_action(&f.d, UI_DISPATCH_LEARNER, &act), 0);
    ck_assert_msg(strstr(f.view.note, "landscape") != NULL, "note '%s'", f.view.note);
    fixture_close(&f);

    fixture_open(&f, "gaussian", 1280, 720);
    xl_bars bars;
    xl_session_bars(f.s, &bars);
    ck_assert_int_eq(bars.edit, XL_BARS_FIXED);
    press(&f, SDLK_UP, KMOD_LSHIFT);
    last_traced(&f, cmd, sizeof cmd);
    ck_assert_str_eq(cmd, "p-up");
    fixture_close(&f);
}
END_TEST

/* The outline: the selection's yellow in the gap around the panel the keys act on. */
static int is_colour(SDL_Surface *sf, int x, int y, SDL_Color c)
{
    Uint32 px = ((Uint32 *)sf->pixels)[y * (sf->pitch / 4) + x];
    Uint8 r, g, b;
    SDL_GetRGB(px, sf->format, &r, &g, &b);
    return abs(r - c.r) <= 2 && abs(g - c.g) <= 2 && abs(b - c.b) <= 2;
}

static int yellow_around(fixture *f, SDL_Rect p, int gap)
{
    const SDL_Color yellow = {0xF0, 0xE4, 0x42, 255};
    int t = gap / 2 > 2 ? gap / 2 : 2;
    if (t + 2 > gap) t = gap - 2 > 1 ? gap - 2 : 1;
    const int d = 1 + t / 2 + (t > 1); /* inside the yellow ring */
    SDL_Surface *sf = f->frame.surface;
    const int pts[4][2] = {{p.x + p.w / 2, p.y - d}, {p.x + p.w / 2, p.y + p.h - 1 + d},
                           {p.x - d, p.y + p.h / 2}, {p.x + p.w - 1 + d, p.y + p.h / 2}};
    int n = 0;
    for (int i = 0; i < 4; i++) n += is_colour(sf, pts[i][0], pts[i][1], yellow);
    return n; /* 0..4 sides; two panels side by side share a gap, so a neighbour's ring may be 1 */
}

START_TEST(the_outline_shows_where_keys_act)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int z = 0; z < 2; z++)
        for (int th = 0; th < 2; th++) {
            fixture f;
            fixture_open(&f, "softmax", sizes[z][0], sizes[z][1]);
            f.view.theme = th ? UI_THEME_DARK : UI_THEME_LIGHT;
            draw(&f);
            const SDL_Rect land = f.frame.geom.layout.landscape, bars = f.frame.geom.layout.bars;
            const int gap = f.frame.geom.layout.gap;
            ck_assert_int_eq(yellow_around(&f, land, gap), 0);
            press(&f, SDLK_LEFT, KMOD_LCTRL);
            ck_assert_msg(yellow_around(&f, land, gap) == 4, "%dx%d theme %d: the landscape's outline: %d sides",
                          sizes[z][0], sizes[z][1], th, yellow_around(&f, land, gap));
            ck_assert_int_le(yellow_around(&f, bars, gap), 1);
            press(&f, SDLK_UP, KMOD_LSHIFT);
            ck_assert_int_eq(yellow_around(&f, bars, gap), 4);
            ck_assert_int_le(yellow_around(&f, land, gap), 1);
            /* A video has no keys: no outline. */
            f.view.recording = 1;
            draw(&f);
            ck_assert_int_eq(yellow_around(&f, bars, gap), 0);
            fixture_close(&f);
        }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("keynav");
    TCase *tc = tcase_create("keys");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, the_landscape_by_keys);
    tcase_add_test(tc, the_selected_bar_and_the_timeline_by_keys);
    tcase_add_test(tc, a_key_that_cannot_act_says_why);
    tcase_add_test(tc, the_outline_shows_where_keys_act);
    suite_add_tcase(s, tc);
    return s;
}
