/* test_controls: the control strip. Each button, pressed and released through the
 * pointer (ui_pointer, as the window does it), issues the very command its key issues
 * (ui_input's table); its hit test names the same action; buttons are fingertip-sized
 * and apart; the strip is hidden by --no-controls / F3, on lesson pages unless the page
 * says @controls, and its keycaps come from the one table of keys. */
#include "check_main.h"
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "ui_controls.h"
#include "ui_dispatch.h"
#include "ui_pointer.h"
#include "scene_fixture.h"
#include "xl_lesson.h"
#include "xl_player.h"

/* The key of each shared command the strip has: what a learner would press instead. */
static const struct {
    xl_command_kind kind;
    SDL_Keycode key;
    Uint16 mod;
} keys[] = {
    {XL_CMD_TOGGLE_PLAY, SDLK_SPACE, KMOD_NONE}, {XL_CMD_STEP, SDLK_n, KMOD_NONE},
    {XL_CMD_RESET, SDLK_r, KMOD_NONE},           {XL_CMD_SPEED_DOWN, SDLK_LEFTBRACKET, KMOD_NONE},
    {XL_CMD_SPEED_UP, SDLK_RIGHTBRACKET, KMOD_NONE}, {XL_CMD_LR_DOWN, SDLK_MINUS, KMOD_NONE},
    {XL_CMD_LR_UP, SDLK_PLUS, KMOD_NONE},        {XL_CMD_OPTIMIZER_NEXT, SDLK_g, KMOD_NONE},
    {XL_CMD_SCENARIO_PREV, SDLK_s, KMOD_LSHIFT}, {XL_CMD_SCENARIO_NEXT, SDLK_s, KMOD_NONE},
};
enum { NKEYS = (int)(sizeof keys / sizeof keys[0]) };

static int key_index(xl_command_kind kind)
{
    for (int k = 0; k < NKEYS; k++)
        if (keys[k].kind == kind) return k;
    return -1;
}

static xl_session *session_of(const char *scenario)
{
    xl_session_desc desc;
    xl_session_desc_default(&desc, XL_BUILTIN_SEED);
    if (scenario) xl_session_desc_set_scenario(&desc, xl_scenario_find(scenario));
    xl_session *s = xl_session_create(&desc);
    ck_assert_ptr_nonnull(s);
    return s;
}

/* A left click at (x, y) through the pointer, as the window feeds it: the commands out. */
static int click(const ui_frame_geom *g, const xl_session *s, int x, int y, xl_command *out, int max)
{
    ui_pointer p;
    memset(&p, 0, sizeof p);
    p.tip_page = -1;
    SDL_Event down = {.button = {.type = SDL_MOUSEBUTTONDOWN, .button = SDL_BUTTON_LEFT, .clicks = 1, .x = x, .y = y}};
    SDL_Event up = {.button = {.type = SDL_MOUSEBUTTONUP, .button = SDL_BUTTON_LEFT, .clicks = 1, .x = x, .y = y}};
    int n = ui_pointer_event(&p, &down, g, s, out, max);
    n += ui_pointer_event(&p, &up, g, s, out + n, max - n);
    return n;
}

/* Every button at 1280x720 and 1920x1080, both themes: its hit test, a click through the
 * pointer and its key give one and the same command; it is at least 44 px (48 at 720p,
 * growing with the window), inside the strip, apart from the others. */
START_TEST(each_button_is_its_key)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int z = 0; z < 2; z++)
        for (int theme = 0; theme < 2; theme++) {
            scene_frame f;
            scene_frame_open(&f, sizes[z][0], sizes[z][1]);
            xl_session *s = session_of(NULL);
            ui_view view = {.theme = theme ? UI_THEME_DARK : UI_THEME_LIGHT, .zoom = 1.0f};
            scene_frame_draw(&f, s, &view);
            const ui_frame_geom *g = &f.geom;
            ck_assert_int_eq(g->controls.n, NKEYS);
            ck_assert_int_gt(g->layout.controls.h, 0);
            ck_assert_int_le(g->layout.controls.y + g->layout.controls.h, g->layout.hints.y);
            int seen[NKEYS] = {0};
            for (int i = 0; i < g->controls.n; i++) {
                const SDL_Rect b = g->controls.rect[i];
                const ui_action a = g->controls.action[i];
                const int k = key_index(a.cmd.kind);
                ck_assert_msg(a.view == UI_VIEW_NONE && k >= 0, "button %d: %s is none of the strip's", i,
                              xl_command_name(a.cmd.kind));
                seen[k]++;
                const int least = z == 0 ? 48 : 72;
                ck_assert_msg(b.w >= least && b.h >= least, "%s at %dx%d: %dx%d px, under %d",
                              xl_command_name(a.cmd.kind), sizes[z][0], sizes[z][1], b.w, b.h, least);
                ck_assert(SDL_HasIntersection(&b, &g->layout.controls));
                ck_assert_int_ge(b.y, g->layout.controls.y);
                ck_assert_int_le(b.x + b.w, sizes[z][0]);
                for (int j = 0; j < i; j++) ck_assert(!SDL_HasIntersection(&b, &g->controls.rect[j]));
                const int cx = b.x + b.w / 2, cy = b.y + b.h / 2;
                /* The hit test. */
                const ui_action hit = ui_controls_hit(&g->controls, cx, cy);
                ck_assert_int_eq(hit.cmd.kind, a.cmd.kind);
                /* The key, through the one table. */
                const ui_action by_key = ui_input_map_key(keys[k].key, keys[k].mod, xl_session_scenario(s));
                ck_assert_msg(by_key.view == UI_VIEW_NONE && by_key.cmd.kind == a.cmd.kind, "%s: its key gives %s",
                              xl_command_name(a.cmd.kind), xl_command_name(by_key.cmd.kind));
                /* A click through the pointer, as the window delivers it. */
                xl_command out[4];
                const int n = click(g, s, cx, cy, out, 4);
                ck_assert_msg(n == 1 && out[0].kind == by_key.cmd.kind, "a click on %s gives %d commands, %s",
                              xl_command_name(a.cmd.kind), n, n ? xl_command_name(out[0].kind) : "none");
                char a_text[128], k_text[128];
                ck_assert_str_eq(xl_command_format(&out[0], a_text, sizeof a_text),
                                 xl_command_format(&by_key.cmd, k_text, sizeof k_text));
                /* Its keycap is the table's. */
                char cap[32];
                ck_assert_str_ne(ui_input_action_keys(&a, 1, cap, sizeof cap), "");
            }
            /* Off the buttons (the strip's left margin), nothing. */
            ck_assert_int_eq(ui_controls_hit(&g->controls, g->layout.controls.x + 1,
                                             g->layout.controls.y + g->layout.controls.h / 2).cmd.kind, XL_CMD_NONE);
            for (int k = 0; k < NKEYS; k++) ck_assert_msg(seen[k] == 1, "%s: %d buttons", xl_command_name(keys[k].kind), seen[k]);
            xl_session_destroy(s);
            scene_frame_close(&f);
        }
}
END_TEST

/* The keycaps the strip shows come from the table --list-commands prints. */
START_TEST(keycaps_come_from_the_table)
{
    char buf[64];
    const ui_action play = {UI_VIEW_NONE, xl_command_make(XL_CMD_TOGGLE_PLAY)};
    const ui_action step = {UI_VIEW_NONE, xl_command_make(XL_CMD_STEP)};
    const ui_action lr = {UI_VIEW_NONE, xl_command_make(XL_CMD_LR_UP)};
    const ui_action prev = {UI_VIEW_NONE, xl_command_make(XL_CMD_SCENARIO_PREV)};
    const ui_action strip = {UI_VIEW_CONTROLS, xl_command_make(XL_CMD_NONE)};
    ck_assert_str_eq(ui_input_action_keys(&play, 1, buf, sizeof buf), "Space");
    ck_assert_str_eq(ui_input_action_keys(&step, 0, buf, sizeof buf), "N or Right");
    ck_assert_str_eq(ui_input_action_keys(&step, 1, buf, sizeof buf), "N");
    ck_assert_str_eq(ui_input_action_keys(&lr, 0, buf, sizeof buf), "Plus");
    ck_assert_str_eq(ui_input_action_keys(&lr, 1, buf, sizeof buf), "+");
    ck_assert_str_eq(ui_input_action_keys(&prev, 1, buf, sizeof buf), "⇧S");
    ck_assert_str_eq(ui_input_action_keys(&strip, 0, buf, sizeof buf), "F3");
    /* F3 is the view command "controls", in --do and replays as in the window. */
    const ui_action f3 = ui_input_map_key(SDLK_F3, KMOD_NONE, NULL);
    ck_assert_int_eq(f3.view, UI_VIEW_CONTROLS);
    ui_action parsed;
    char err[128];
    ck_assert_int_eq(ui_action_parse("controls", &parsed, err, sizeof err), 0);
    ck_assert_int_eq(parsed.view, UI_VIEW_CONTROLS);
    ck_assert_str_eq(ui_action_format(&parsed, buf, sizeof buf), "controls");
}
END_TEST

/* Shown in the sandbox; hidden by the mode; on lesson pages only where the page asks;
 * F3 flips what is shown. */
START_TEST(when_the_strip_shows)
{
    ck_assert_int_eq(ui_controls_shown(UI_CONTROLS_AUTO, 0, 0), 1);
    ck_assert_int_eq(ui_controls_shown(UI_CONTROLS_OFF, 0, 0), 0);
    ck_assert_int_eq(ui_controls_shown(UI_CONTROLS_AUTO, 1, 0), 0);
    ck_assert_int_eq(ui_controls_shown(UI_CONTROLS_AUTO, 1, 1), 1);
    ck_assert_int_eq(ui_controls_shown(UI_CONTROLS_ON, 1, 0), 1);
    ck_assert_int_eq(ui_controls_shown(UI_CONTROLS_OFF, 1, 1), 0);
    ck_assert_int_eq(ui_controls_toggled(UI_CONTROLS_AUTO, 0, 0), UI_CONTROLS_OFF);
    ck_assert_int_eq(ui_controls_toggled(UI_CONTROLS_OFF, 0, 0), UI_CONTROLS_ON);
    ck_assert_int_eq(ui_controls_toggled(UI_CONTROLS_AUTO, 1, 0), UI_CONTROLS_ON);

    static const char text[] = "# Strip\n\n## Without\n\nNo buttons.\n\n## With\n\nButtons.\n\n@controls\n@play 3\n";
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(xl_lesson_parse("t.lesson", text, strlen(text), l), 0);
    ck_assert_int_eq(l->pages[0].controls, 0);
    ck_assert_int_eq(l->pages[1].controls, 1);
    ck_assert_int_eq(l->pages[1].nsteps, 1); /* a flag of the page, not a step */

    scene_frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session *s = session_of(NULL);
    xl_player *p = xl_player_create(l, s);
    ck_assert_ptr_nonnull(p);
    ui_view view = {.theme = UI_THEME_LIGHT, .zoom = 1.0f, .lesson = p};
    scene_frame_draw(&f, s, &view);
    ck_assert_int_eq(xl_player_controls(p), 0);
    ck_assert_int_eq(f.geom.controls.n, 0);
    ck_assert_int_eq(f.geom.layout.controls.h, 0);
    ck_assert_int_eq(xl_player_goto(p, 1), 0);
    ck_assert_int_eq(xl_player_controls(p), 1);
    scene_frame_draw(&f, s, &view);
    ck_assert_int_eq(f.geom.controls.n, NKEYS);
    /* The sandbox with --no-controls: no strip, and the panels have its room. */
    view.lesson = NULL;
    scene_frame_draw(&f, s, &view);
    const int with = f.geom.layout.landscape.h;
    view.controls = UI_CONTROLS_OFF;
    scene_frame_draw(&f, s, &view);
    ck_assert_int_eq(f.geom.controls.n, 0);
    ck_assert_int_gt(f.geom.layout.landscape.h, with);
    /* A video (a lesson's, or a replay made into one) is for a class too. */
    view.controls = UI_CONTROLS_AUTO;
    view.recording = 1;
    scene_frame_draw(&f, s, &view);
    ck_assert_int_eq(f.geom.controls.n, 0);
    xl_player_destroy(p);
    xl_session_destroy(s);
    scene_frame_close(&f);

    static const char bad[] = "# T\n\n## P\n\nx\n\n@controls now\n";
    ck_assert_int_ne(xl_lesson_parse("t.lesson", bad, strlen(bad), l), 0);
    ck_assert_ptr_nonnull(strstr(l->errors[0], "controls takes nothing after it"));
    free(l);
}
END_TEST

/* A fingertip: 44 points whatever the window. At 640x360 the buttons would be 32 px by
 * the window's scale; with two frame pixels per point (a HiDPI screen, a phone) 88. A
 * scenario with nothing to learn keeps its learning-rate and optimizer buttons, dimmed,
 * where they were. */
START_TEST(fingertip_sizes_and_what_applies)
{
    scene_frame f;
    scene_frame_open(&f, 640, 360);
    xl_session *s = session_of(NULL);
    for (int ratio = 1; ratio <= 2; ratio++) {
        ui_view view = {.theme = UI_THEME_LIGHT, .zoom = 1.0f, .px_per_point = (float)ratio};
        scene_frame_draw(&f, s, &view);
        /* Every button at one point per pixel; at two, the first groups (play, step,
         * reset at least), each whole inside the frame. */
        ck_assert_int_ge(f.geom.controls.n, ratio == 1 ? NKEYS : 3);
        ck_assert_int_eq(f.geom.controls.action[0].cmd.kind, XL_CMD_TOGGLE_PLAY);
        for (int i = 0; i < f.geom.controls.n; i++) {
            const SDL_Rect b = f.geom.controls.rect[i];
            ck_assert_int_ge(b.h, 44 * ratio);
            ck_assert_int_ge(b.w, 44 * ratio);
            ck_assert_msg(b.x >= 0 && b.x + b.w <= 640 && b.y + b.h <= 360, "%s at %d,%d %dx%d is off the frame",
                          xl_command_name(f.geom.controls.action[i].cmd.kind), b.x, b.y, b.w, b.h);
        }
    }
    xl_session_destroy(s);
    scene_frame_close(&f);

    scene_frame_open(&f, 1280, 720);
    s = session_of("microstates");
    ck_assert(xl_session_scenario(s)->gradient_free);
    ui_view view = {.theme = UI_THEME_DARK, .zoom = 1.0f};
    scene_frame_draw(&f, s, &view);
    ck_assert_int_eq(f.geom.controls.n, NKEYS);
    /* The buttons stay where they are from scenario to scenario, and as numbers change:
     * nothing moves under a finger. */
    ui_controls_geom micro = f.geom.controls;
    xl_session_destroy(s);
    s = session_of(NULL);
    scene_frame_draw(&f, s, &view);
    const ui_controls_geom paused = f.geom.controls;
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_TOGGLE_PLAY)));
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_SPEED_UP)));
    for (int k = 0; k < 4; k++) ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_LR_UP)));
    ck_assert(xl_session_apply(s, xl_command_make(XL_CMD_OPTIMIZER_NEXT)));
    scene_frame_draw(&f, s, &view);
    for (int i = 0; i < NKEYS; i++) {
        ck_assert_msg(SDL_RectEquals(&paused.rect[i], &f.geom.controls.rect[i]), "%s moved as the numbers changed",
                      xl_command_name(paused.action[i].cmd.kind));
        ck_assert_msg(SDL_RectEquals(&paused.rect[i], &micro.rect[i]), "%s moved with the scenario",
                      xl_command_name(paused.action[i].cmd.kind));
    }
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

/* F3 goes through the one dispatch path: the view's mode flips and the trace has a
 * "controls" command line, as --do controls and a replay's "view controls" would. */
START_TEST(f3_is_dispatched_and_traced)
{
    char dir[] = "/tmp/xl-controls-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    xl_session *s = session_of(NULL);
    ui_classroom *cr = malloc(sizeof *cr);
    ck_assert_ptr_nonnull(cr);
    ui_classroom_init(cr, dir);
    ui_view view = {.theme = UI_THEME_LIGHT, .zoom = 1.0f};
    FILE *trace = tmpfile();
    ck_assert_ptr_nonnull(trace);
    ui_dispatch d;
    ui_dispatch_init(&d, s, cr, &view, NULL, trace);
    ui_action act;
    char did[256];
    ui_dispatch_key(&d, SDLK_F3, KMOD_NONE, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(act.view, UI_VIEW_CONTROLS);
    ck_assert_int_eq(view.controls, UI_CONTROLS_OFF);
    ck_assert_ptr_nonnull(strstr(view.note, "F3 shows it"));
    ui_dispatch_key(&d, SDLK_F3, KMOD_NONE, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(view.controls, UI_CONTROLS_ON);
    char line[2048];
    int lines = 0;
    rewind(trace);
    while (fgets(line, sizeof line, trace))
        if (strstr(line, "\"command\":\"controls\"") && strstr(line, "\"ok\":true")) lines++;
    ck_assert_int_eq(lines, 2);
    fclose(trace);
    ui_classroom_free(cr);
    free(cr);
    xl_session_destroy(s);
    rmdir(dir);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("controls");
    TCase *tc = tcase_create("strip");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, each_button_is_its_key);
    tcase_add_test(tc, keycaps_come_from_the_table);
    tcase_add_test(tc, when_the_strip_shows);
    tcase_add_test(tc, fingertip_sizes_and_what_applies);
    tcase_add_test(tc, f3_is_dispatched_and_traced);
    suite_add_tcase(s, tc);
    return s;
}
