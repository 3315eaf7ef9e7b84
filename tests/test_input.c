/* test_input: the key map. Every key the help sheet lists issues its command, and the
 * keys kept free for a later lesson clicker (. PageUp PageDown) issue none. */
#include <check.h>
#include <stdlib.h>

#include "ui_input.h"

static void expect(SDL_Keycode key, Uint16 mod, xl_command_kind kind, int arg)
{
    ui_action a = ui_input_map_key(key, mod);
    ck_assert_msg(a.view == UI_VIEW_NONE, "key %s mod 0x%x is a view command", SDL_GetKeyName(key), mod);
    xl_command c = a.cmd;
    ck_assert_msg(c.kind == kind, "key %s mod 0x%x: command %s, expected %s", SDL_GetKeyName(key), mod,
                  xl_command_name(c.kind), xl_command_name(kind));
    if (kind == XL_CMD_SELECT)
        ck_assert_msg(c.n == arg, "key %s: class index %ld, expected %d", SDL_GetKeyName(key), c.n, arg);
}

static void expect_view(SDL_Keycode key, Uint16 mod, ui_view_command v)
{
    ui_action a = ui_input_map_key(key, mod);
    ck_assert_msg(a.view == v && a.cmd.kind == XL_CMD_NONE, "key %s mod 0x%x: view %d, expected %d",
                  SDL_GetKeyName(key), mod, a.view, v);
}

START_TEST(shift_arrows_select)
{
    expect(SDLK_RIGHT, KMOD_LSHIFT, XL_CMD_SELECT_NEXT, 0);
    expect(SDLK_RIGHT, KMOD_RSHIFT, XL_CMD_SELECT_NEXT, 0);
    expect(SDLK_LEFT, KMOD_LSHIFT, XL_CMD_SELECT_PREV, 0);
    expect(SDLK_LEFT, KMOD_RSHIFT | KMOD_NUM, XL_CMD_SELECT_PREV, 0);
    /* Plain Right stays "step"; plain Left does nothing. */
    expect(SDLK_RIGHT, KMOD_NONE, XL_CMD_STEP, 0);
    expect(SDLK_RIGHT, KMOD_NUM, XL_CMD_STEP, 0);
    expect(SDLK_LEFT, KMOD_NONE, XL_CMD_NONE, 0);
}
END_TEST

START_TEST(p_restores)
{
    expect(SDLK_p, KMOD_NONE, XL_CMD_P_RESTORE, 0);
    expect(SDLK_p, KMOD_LSHIFT, XL_CMD_P_RESTORE, 0);
}
END_TEST

START_TEST(listed_keys)
{
    for (int k = 0; k < 9; k++) {
        expect(SDLK_1 + k, KMOD_NONE, XL_CMD_SELECT, k);
        expect(SDLK_KP_1 + k, KMOD_NONE, XL_CMD_SELECT, k);
    }
    expect(SDLK_SPACE, KMOD_NONE, XL_CMD_TOGGLE_PLAY, 0);
    expect(SDLK_n, KMOD_NONE, XL_CMD_STEP, 0);
    expect(SDLK_r, KMOD_NONE, XL_CMD_RESET, 0);
    expect(SDLK_PLUS, KMOD_NONE, XL_CMD_LR_UP, 0);
    expect(SDLK_EQUALS, KMOD_NONE, XL_CMD_LR_UP, 0);
    expect(SDLK_MINUS, KMOD_NONE, XL_CMD_LR_DOWN, 0);
    expect(SDLK_RIGHTBRACKET, KMOD_NONE, XL_CMD_SPEED_UP, 0);
    expect(SDLK_LEFTBRACKET, KMOD_NONE, XL_CMD_SPEED_DOWN, 0);
    expect(SDLK_UP, KMOD_NONE, XL_CMD_P_UP, 0);
    expect(SDLK_DOWN, KMOD_NONE, XL_CMD_P_DOWN, 0);
    expect(SDLK_o, KMOD_NONE, XL_CMD_P_ONEHOT, 0);
    expect(SDLK_u, KMOD_NONE, XL_CMD_P_UNIFORM, 0);
    expect(SDLK_TAB, KMOD_NONE, XL_CMD_SLICE_NEXT, 0);
    expect(SDLK_TAB, KMOD_LSHIFT, XL_CMD_SLICE_PREV, 0);
    expect(SDLK_l, KMOD_NONE, XL_CMD_UNIT_TOGGLE, 0);
    expect_view(SDLK_t, KMOD_NONE, UI_VIEW_THEME);
    expect_view(SDLK_F11, KMOD_NONE, UI_VIEW_FULLSCREEN);
    expect_view(SDLK_h, KMOD_NONE, UI_VIEW_HELP);
    expect_view(SDLK_F1, KMOD_NONE, UI_VIEW_HELP);
    /* Issue 8: F12 saves the frame; Ctrl + / Ctrl - / Ctrl 0 zoom, leaving the rate alone. */
    expect_view(SDLK_F12, KMOD_NONE, UI_VIEW_SCREENSHOT);
    expect_view(SDLK_EQUALS, KMOD_LCTRL, UI_VIEW_ZOOM_IN);
    expect_view(SDLK_KP_PLUS, KMOD_LCTRL, UI_VIEW_ZOOM_IN);
    expect_view(SDLK_MINUS, KMOD_LCTRL, UI_VIEW_ZOOM_OUT);
    expect_view(SDLK_0, KMOD_LCTRL, UI_VIEW_ZOOM_RESET);
    expect_view(SDLK_SLASH, KMOD_LSHIFT, UI_VIEW_HELP);
    expect_view(SDLK_q, KMOD_NONE, UI_VIEW_QUIT);
    expect_view(SDLK_ESCAPE, KMOD_NONE, UI_VIEW_QUIT);
}
END_TEST

/* Issue 6: optimizers, races, scenarios and data edits have keys (listed in the help). */
START_TEST(learning_keys)
{
    expect(SDLK_g, KMOD_NONE, XL_CMD_OPTIMIZER_NEXT, 0);
    expect(SDLK_v, KMOD_NONE, XL_CMD_FRAME_TOGGLE, 0);
    expect(SDLK_k, KMOD_NONE, XL_CMD_BETA_UP, 0);
    expect(SDLK_k, KMOD_LSHIFT, XL_CMD_BETA_DOWN, 0);
    expect(SDLK_c, KMOD_NONE, XL_CMD_RACE_TOGGLE, 0);
    expect(SDLK_s, KMOD_NONE, XL_CMD_SCENARIO_NEXT, 0);
    expect(SDLK_s, KMOD_LSHIFT, XL_CMD_SCENARIO_PREV, 0);
    expect(SDLK_y, KMOD_NONE, XL_CMD_MU_UP, 0);
    expect(SDLK_y, KMOD_RSHIFT, XL_CMD_MU_DOWN, 0);
    expect(SDLK_y, KMOD_LCTRL, XL_CMD_REDO, 0);
    expect(SDLK_b, KMOD_NONE, XL_CMD_BETA1_UP, 0);
    expect(SDLK_b, KMOD_LSHIFT, XL_CMD_BETA1_DOWN, 0);
    expect(SDLK_b, KMOD_LCTRL, XL_CMD_BETA2_UP, 0);
    expect(SDLK_b, KMOD_LCTRL | KMOD_LSHIFT, XL_CMD_BETA2_DOWN, 0);
    expect(SDLK_e, KMOD_NONE, XL_CMD_EPS_UP, 0);
    expect(SDLK_e, KMOD_LSHIFT, XL_CMD_EPS_DOWN, 0);
    expect(SDLK_f, KMOD_NONE, XL_CMD_FLIP, 0);
    /* Issue 7: the Gaussian's width. */
    expect(SDLK_w, KMOD_NONE, XL_CMD_WIDTH_UP, 0);
    expect(SDLK_w, KMOD_LSHIFT, XL_CMD_WIDTH_DOWN, 0);
    expect(SDLK_a, KMOD_NONE, XL_CMD_ADD_POINT, 0);
    expect(SDLK_x, KMOD_NONE, XL_CMD_REMOVE_POINT, 0);
    expect(SDLK_DELETE, KMOD_NONE, XL_CMD_REMOVE_POINT, 0);
    /* Backspace rewinds one step (part 2c); Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo. */
    expect(SDLK_BACKSPACE, KMOD_NONE, XL_CMD_BACK, 0);
    expect(SDLK_z, KMOD_CTRL, XL_CMD_UNDO, 0);
    expect(SDLK_y, KMOD_CTRL, XL_CMD_REDO, 0);
    expect(SDLK_z, KMOD_CTRL | KMOD_SHIFT, XL_CMD_REDO, 0);
    expect(SDLK_z, KMOD_NONE, XL_CMD_FLIPS_UP, 0);
}
END_TEST

START_TEST(clicker_keys_free)
{
    const SDL_Keycode free_keys[] = { SDLK_PERIOD, SDLK_PAGEUP, SDLK_PAGEDOWN, SDLK_m, SDLK_HOME, SDLK_F5 };
    for (size_t i = 0; i < sizeof free_keys / sizeof free_keys[0]; i++) {
        expect(free_keys[i], KMOD_NONE, XL_CMD_NONE, 0);
        expect(free_keys[i], KMOD_LSHIFT, XL_CMD_NONE, 0);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("key map");
    tcase_add_test(tc, shift_arrows_select);
    tcase_add_test(tc, p_restores);
    tcase_add_test(tc, listed_keys);
    tcase_add_test(tc, clicker_keys_free);
    tcase_add_test(tc, learning_keys);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
