/* test_input: the key map. Every key the help sheet lists issues its command, every
 * scenario verb's key (from its record) issues the verb in its scenario and collides
 * with no shared key, and the keys kept free for a later lesson clicker (. PageUp
 * PageDown) issue none. --list-commands is written from the same tables. */
#include "check_main.h"
#include <stdlib.h>
#include <string.h>

#include "ui_input.h"

static void expect(SDL_Keycode key, Uint16 mod, xl_command_kind kind, int arg)
{
    ui_action a = ui_input_map_key(key, mod, NULL);
    ck_assert_msg(a.view == UI_VIEW_NONE, "key %s mod 0x%x is a view command", SDL_GetKeyName(key), mod);
    xl_command c = a.cmd;
    ck_assert_msg(c.kind == kind, "key %s mod 0x%x: command %s, expected %s", SDL_GetKeyName(key), mod,
                  xl_command_name(c.kind), xl_command_name(kind));
    if (kind == XL_CMD_SELECT)
        ck_assert_msg(c.n == arg, "key %s: class index %ld, expected %d", SDL_GetKeyName(key), c.n, arg);
}

/* The key issues the verb `name` in the scenario `id` (NULL: with no scenario given). */
static void expect_verb(SDL_Keycode key, Uint16 mod, const char *id, const char *name)
{
    ui_action a = ui_input_map_key(key, mod, id ? xl_scenario_find(id) : NULL);
    ck_assert_msg(a.view == UI_VIEW_NONE && a.cmd.kind == XL_CMD_VERB && strcmp(a.cmd.verb, name) == 0,
                  "key %s mod 0x%x in %s: %s, expected the verb %s", SDL_GetKeyName(key), mod, id ? id : "(any)",
                  xl_command_title(&a.cmd), name);
}

static void expect_view(SDL_Keycode key, Uint16 mod, ui_view_command v)
{
    ui_action a = ui_input_map_key(key, mod, NULL);
    ck_assert_msg(a.view == v && a.cmd.kind == XL_CMD_NONE, "key %s mod 0x%x: view %d, expected %d",
                  SDL_GetKeyName(key), mod, a.view, v);
}

/* The key means nothing in any scenario (no command, no view, no verb). */
static void expect_nothing(SDL_Keycode key, Uint16 mod)
{
    for (int i = -1; i < xl_scenario_count(); i++) {
        ui_action a = ui_input_map_key(key, mod, i < 0 ? NULL : xl_scenario_at(i));
        ck_assert_msg(ui_action_is_none(&a), "key %s mod 0x%x in %s: view %d, command %s", SDL_GetKeyName(key), mod,
                      i < 0 ? "(any)" : xl_scenario_at(i)->id, a.view, xl_command_title(&a.cmd));
    }
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
    expect_verb(SDLK_p, KMOD_NONE, NULL, "p-restore");
    expect_verb(SDLK_p, KMOD_LSHIFT, "softmax", "p-restore");
    expect_verb(SDLK_p, KMOD_LSHIFT, "gaussian", "p-restore");
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
    expect_verb(SDLK_UP, KMOD_NONE, "softmax", "p-up");
    expect_verb(SDLK_DOWN, KMOD_NONE, "softmax", "p-down");
    expect_verb(SDLK_o, KMOD_NONE, "softmax", "onehot");
    expect_verb(SDLK_u, KMOD_NONE, "softmax", "uniform");
    /* Issue 26: the slice on the comma (Tab leaves a web page's canvas: it means nothing). */
    expect(SDLK_COMMA, KMOD_NONE, XL_CMD_SLICE_NEXT, 0);
    expect(SDLK_COMMA, KMOD_LSHIFT, XL_CMD_SLICE_PREV, 0);
    expect_nothing(SDLK_TAB, KMOD_NONE);
    expect_nothing(SDLK_TAB, KMOD_LSHIFT);
    expect_nothing(SDLK_TAB, KMOD_LCTRL);
    expect_view(SDLK_F9, KMOD_NONE, UI_VIEW_DESCRIBE);
    expect_view(SDLK_F10, KMOD_NONE, UI_VIEW_SOUND);
    expect(SDLK_l, KMOD_NONE, XL_CMD_UNIT_TOGGLE, 0);
    expect_view(SDLK_t, KMOD_NONE, UI_VIEW_THEME);
    expect_view(SDLK_F11, KMOD_NONE, UI_VIEW_FULLSCREEN);
    expect_view(SDLK_h, KMOD_NONE, UI_VIEW_HELP);
    expect_view(SDLK_F1, KMOD_NONE, UI_VIEW_HELP);
    /* Issue 8: F12 saves the frame; Ctrl + / Ctrl - / Ctrl 0 zoom, leaving the rate alone. */
    expect_view(SDLK_F12, KMOD_NONE, UI_VIEW_SCREENSHOT);
    expect_view(SDLK_F4, KMOD_NONE, UI_VIEW_COPY_STATE); /* issue 21: the state's text or link */
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
    expect_verb(SDLK_k, KMOD_NONE, "weighted", "beta-up");
    expect_verb(SDLK_k, KMOD_LSHIFT, "weighted", "beta-down");
    /* On another scenario the key still says what it is (the session refuses it by
     * name); with Ctrl it is nothing: Ctrl's keys are the window's. */
    expect_verb(SDLK_k, KMOD_NONE, "softmax", "beta-up");
    expect(SDLK_k, KMOD_LCTRL, XL_CMD_NONE, 0);
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
    expect_verb(SDLK_f, KMOD_NONE, "logistic", "flip");
    /* Issue 7: the Gaussian's width. */
    expect_verb(SDLK_w, KMOD_NONE, "gaussian", "width-up");
    expect_verb(SDLK_w, KMOD_LSHIFT, "gaussian", "width-down");
    expect_verb(SDLK_w, KMOD_LSHIFT, "diffusion", "width-down");
    expect_verb(SDLK_a, KMOD_NONE, "logistic", "add-point");
    expect_verb(SDLK_x, KMOD_NONE, "logistic", "remove-point");
    expect_verb(SDLK_DELETE, KMOD_NONE, "logistic", "remove-point");
    expect_verb(SDLK_RETURN, KMOD_NONE, "diffusion", "measure-selected");
    expect_verb(SDLK_KP_ENTER, KMOD_NONE, "diffusion", "measure-selected");
    expect_verb(SDLK_d, KMOD_NONE, "diffusion", "learn");
    expect_verb(SDLK_i, KMOD_NONE, "microstates", "preset-next");
    expect_verb(SDLK_j, KMOD_LSHIFT, "microstates", "size-down");
    /* Backspace rewinds one step (part 2c); Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo. */
    expect(SDLK_BACKSPACE, KMOD_NONE, XL_CMD_BACK, 0);
    expect(SDLK_z, KMOD_CTRL, XL_CMD_UNDO, 0);
    expect(SDLK_y, KMOD_CTRL, XL_CMD_REDO, 0);
    expect(SDLK_z, KMOD_CTRL | KMOD_SHIFT, XL_CMD_REDO, 0);
    expect_verb(SDLK_z, KMOD_NONE, "microstates", "flips-up");
    expect_verb(SDLK_z, KMOD_LSHIFT, "microstates", "flips-down");
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

/* SDL's key for a verb key of the core's description. */
static SDL_Keycode sdl_key(xl_key k)
{
    switch (k.code) {
    case XL_KEY_UP: return SDLK_UP;
    case XL_KEY_DOWN: return SDLK_DOWN;
    case XL_KEY_LEFT: return SDLK_LEFT;
    case XL_KEY_RIGHT: return SDLK_RIGHT;
    case XL_KEY_RETURN: return SDLK_RETURN;
    case XL_KEY_DELETE: return SDLK_DELETE;
    case XL_KEY_BACKSPACE: return SDLK_BACKSPACE;
    case XL_KEY_TAB: return SDLK_TAB;
    default: return (SDL_Keycode)k.code;
    }
}

/* Every registered verb's keys issue it in its scenario, and none is a shared key (a
 * shared key comes first, so a verb there would never be reached). */
START_TEST(every_verb_key_issues_its_verb)
{
    int keys = 0;
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        for (int v = 0; v < def->verb_count; v++)
            for (int k = 0; k < XL_VERB_KEYS_MAX && def->verbs[v].keys[k].code; k++, keys++) {
                const xl_key key = def->verbs[v].keys[k];
                expect_verb(sdl_key(key), key.shift ? KMOD_LSHIFT : KMOD_NONE, def->id, def->verbs[v].name);
                char text[32];
                ck_assert_msg(strlen(ui_input_key_text(key, 0, text, sizeof text)) > 0, "%s", def->verbs[v].name);
            }
        /* The hint bar: every name it lists has a hint. */
        for (const char *const *h = def->hint_bar; h && *h; h++)
            ck_assert_msg(ui_input_hint(def, *h) != NULL, "%s: no hint for %s", def->id, *h);
    }
    ck_assert_int_ge(keys, 20);
    char text[32];
    ck_assert_str_eq(ui_input_key_text((xl_key){'k', 1}, 0, text, sizeof text), "Shift+K");
    ck_assert_str_eq(ui_input_key_text((xl_key){'k', 1}, 1, text, sizeof text), "⇧K");
    ck_assert_str_eq(ui_input_key_text((xl_key){XL_KEY_UP, 0}, 1, text, sizeof text), "↑");
    ck_assert_str_eq(ui_input_key_text((xl_key){XL_KEY_RETURN, 0}, 0, text, sizeof text), "Enter");
}
END_TEST

/* --list-commands: every shared command, then every scenario's verbs under its id. */
START_TEST(the_command_list_comes_from_the_tables)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ui_input_list_commands(f);
    long size = ftell(f);
    ck_assert_int_gt(size, 1000);
    char *text = calloc(1, (size_t)size + 1);
    rewind(f);
    ck_assert_int_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    for (int k = 1; k < XL_CMD_COUNT; k++) {
        if (k == XL_CMD_VERB) continue;
        char line[64];
        snprintf(line, sizeof line, "\n%s", xl_command_usage((xl_command_kind)k));
        ck_assert_msg(strstr(text, line) != NULL, "no line for %s", xl_command_name((xl_command_kind)k));
    }
    ck_assert_ptr_nonnull(strstr(text, "\nstep                     N or Right     one step (pauses)\n"));
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        char head[96];
        snprintf(head, sizeof head, "\n# %s: ", def->id);
        const char *at = strstr(text, head);
        ck_assert_msg(at != NULL, "no heading for %s", def->id);
        for (int v = 0; v < def->verb_count; v++) {
            char line[64];
            snprintf(line, sizeof line, "\n%s ", def->verbs[v].usage);
            ck_assert_msg(strstr(at, line) != NULL, "%s: no line for %s", def->id, def->verbs[v].name);
        }
    }
    ck_assert_ptr_nonnull(strstr(text, "\nbeta-up                  K              weight"));
    ck_assert_ptr_nonnull(strstr(text, "\nremove-point             X or Delete    remove"));
    ck_assert_ptr_nonnull(strstr(text, "\ntheme                    T "));
    free(text);
}
END_TEST

/* A key as --list-commands writes it ("Shift+Y", "Ctrl+Shift+B", "Plus", "1") as SDL's. */
static int key_of_text(const char *text, SDL_Keycode *key, Uint16 *mod)
{
    *mod = KMOD_NONE;
    for (;;) {
        if (strncmp(text, "Shift+", 6) == 0) *mod |= KMOD_LSHIFT, text += 6;
        else if (strncmp(text, "Ctrl+", 5) == 0) *mod |= KMOD_LCTRL, text += 5;
        else break;
    }
    static const struct { const char *name; SDL_Keycode key; } named[] = {
        {"Space", SDLK_SPACE}, {"Right", SDLK_RIGHT}, {"Left", SDLK_LEFT}, {"Comma", SDLK_COMMA},
        {"Backspace", SDLK_BACKSPACE}, {"Plus", SDLK_PLUS}, {"Minus", SDLK_MINUS},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(text, named[i].name) == 0) return (*key = named[i].key), 1;
    if (strlen(text) == 1) {
        *key = (SDL_Keycode)(text[0] >= 'A' && text[0] <= 'Z' ? text[0] - 'A' + 'a' : text[0]);
        return 1;
    }
    return 0;
}

/* The shared keys --list-commands names are the keys map_command maps: the list and the
 * switch cannot drift apart. */
START_TEST(the_listed_shared_keys_are_the_mapped_ones)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ui_input_list_commands(f);
    rewind(f);
    char line[256];
    int checked = 0, shared = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#') {
            shared = strncmp(line, "# shared", 8) == 0;
            continue;
        }
        if (!shared || line[0] == ' ') continue;
        char name[32] = "", keys[64] = "";
        memcpy(name, line, strcspn(line, " ") < 31 ? strcspn(line, " ") : 31);
        memcpy(keys, line + 25, 14);
        for (int i = 13; i >= 0 && keys[i] == ' '; i--) keys[i] = '\0';
        if (strcmp(keys, "-") == 0 || strcmp(keys, "mouse") == 0 || strcmp(keys, "1 ... 9") == 0) continue;
        const xl_command_kind kind = xl_command_find(name, strlen(name));
        ck_assert_msg(kind != XL_CMD_NONE, "'%s' is no shared command", name);
        for (char *one = keys, *next; one; one = next) {
            next = strstr(one, " or ");
            if (next) *next = '\0', next += 4;
            SDL_Keycode key;
            Uint16 mod;
            ck_assert_msg(key_of_text(one, &key, &mod), "%s: cannot read the key '%s'", name, one);
            expect(key, mod, kind, 0);
            checked++;
        }
    }
    fclose(f);
    ck_assert_int_ge(checked, 25);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("key map");
    tcase_add_test(tc, shift_arrows_select);
    tcase_add_test(tc, p_restores);
    tcase_add_test(tc, listed_keys);
    tcase_add_test(tc, clicker_keys_free);
    tcase_add_test(tc, learning_keys);
    tcase_add_test(tc, every_verb_key_issues_its_verb);
    tcase_add_test(tc, the_command_list_comes_from_the_tables);
    tcase_add_test(tc, the_listed_shared_keys_are_the_mapped_ones);
    suite_add_tcase(s, tc);
    return s;
}
