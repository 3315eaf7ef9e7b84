/* ui_input: the key map listed in the help sheet (ui_help.c).
 * Shift+Left/Right reach every class (1-9 stop at nine); plain Right stays "step".
 * The period, PageUp, PageDown, Home, F5 and M stay unmapped here: they are the lesson
 * player's (ui_classroom.c), as are Left, Right, B and P while a lesson is open. */
#include "ui_input.h"

#include <stdio.h>
#include <string.h>

static const char *const view_names[UI_VIEW_COUNT] = {
    [UI_VIEW_NONE] = "none", [UI_VIEW_THEME] = "theme", [UI_VIEW_FULLSCREEN] = "fullscreen",
    [UI_VIEW_HELP] = "help", [UI_VIEW_QUIT] = "quit", [UI_VIEW_SCREENSHOT] = "screenshot",
    [UI_VIEW_ZOOM_IN] = "zoom-in", [UI_VIEW_ZOOM_OUT] = "zoom-out", [UI_VIEW_ZOOM_RESET] = "zoom-reset",
};

int ui_action_is_none(const ui_action *a)
{
    return a->view == UI_VIEW_NONE && a->cmd.kind == XL_CMD_NONE;
}

int ui_action_parse(const char *text, ui_action *out, char *err, size_t errlen)
{
    const char *s = text;
    while (*s == ' ' || *s == '\t') s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    for (int v = 1; v < UI_VIEW_COUNT; v++) {
        if (strlen(view_names[v]) == len && memcmp(view_names[v], s, len) == 0) {
            out->view = (ui_view_command)v;
            out->cmd = xl_command_make(XL_CMD_NONE);
            return 0;
        }
    }
    xl_command c;
    if (xl_command_parse(text, &c, err, errlen) != 0) return -1;
    out->view = UI_VIEW_NONE;
    out->cmd = c;
    return 0;
}

char *ui_action_format(const ui_action *a, char *buf, size_t n)
{
    if (a->view != UI_VIEW_NONE) {
        snprintf(buf, n, "%s", view_names[a->view]);
        return buf;
    }
    return xl_command_format(&a->cmd, buf, n);
}

static xl_command map_command(SDL_Keycode key, Uint16 mod);

const char *ui_input_hint(xl_command_kind kind)
{
    switch (kind) {
    case XL_CMD_PRESET_NEXT: return "I start state";
    case XL_CMD_SIZE_UP: return "J ⇧J coins";
    case XL_CMD_FLIPS_UP: return "Z ⇧Z flips/step";
    case XL_CMD_LEARN_TOGGLE: return "D learn";
    case XL_CMD_MEASURE_SELECTED: return "⇧←/→ cell  Enter measure";
    case XL_CMD_WIDTH_UP: return "W ⇧W width";
    case XL_CMD_P_UP: return "↑/↓ p";
    case XL_CMD_P_RESTORE: return "P restore P";
    case XL_CMD_SELECT_NEXT: return "1–9 ⇧←/→ select";
    case XL_CMD_ADD_POINT: return "A add";
    case XL_CMD_REMOVE_POINT: return "X remove";
    case XL_CMD_BETA_UP: return "K ⇧K β";
    case XL_CMD_FLIP: return "F flip";
    default: return NULL;
    }
}

static ui_action view_action(ui_view_command v)
{
    ui_action a = {v, xl_command_make(XL_CMD_NONE)};
    return a;
}

static ui_action command_action(xl_command c)
{
    ui_action a = {UI_VIEW_NONE, c};
    return a;
}

ui_action ui_input_map_key(SDL_Keycode key, Uint16 mod)
{
    ui_action a = view_action(UI_VIEW_NONE);
    switch (key) {
    case SDLK_t: return view_action(UI_VIEW_THEME);
    case SDLK_F11: return view_action(UI_VIEW_FULLSCREEN);
    case SDLK_h: case SDLK_F1: case SDLK_QUESTION: return view_action(UI_VIEW_HELP);
    case SDLK_SLASH: return (mod & KMOD_SHIFT) ? view_action(UI_VIEW_HELP) : a;
    case SDLK_q: case SDLK_ESCAPE: return view_action(UI_VIEW_QUIT);
    case SDLK_F12: return view_action(UI_VIEW_SCREENSHOT);
    default: break;
    }
    if (mod & KMOD_CTRL) { /* the zoom for the back of the room; Ctrl leaves the rate alone */
        switch (key) {
        case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: return view_action(UI_VIEW_ZOOM_IN);
        case SDLK_MINUS: case SDLK_KP_MINUS: case SDLK_UNDERSCORE: return view_action(UI_VIEW_ZOOM_OUT);
        case SDLK_0: case SDLK_KP_0: return view_action(UI_VIEW_ZOOM_RESET);
        default: break;
        }
    }
    return command_action(map_command(key, mod));
}

/* The session command a key means, or XL_CMD_NONE. */
static xl_command map_command(SDL_Keycode key, Uint16 mod)
{
    xl_command c = xl_command_make(XL_CMD_NONE);
    int shift = (mod & KMOD_SHIFT) != 0;
    if (key >= SDLK_1 && key <= SDLK_9) {
        c.kind = XL_CMD_SELECT;
        c.n = (long)(key - SDLK_1);
        return c;
    }
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9) {
        c.kind = XL_CMD_SELECT;
        c.n = (long)(key - SDLK_KP_1);
        return c;
    }
    switch (key) {
    case SDLK_SPACE: c.kind = XL_CMD_TOGGLE_PLAY; break;
    case SDLK_n: c.kind = XL_CMD_STEP; break;
    case SDLK_RIGHT: c.kind = shift ? XL_CMD_SELECT_NEXT : XL_CMD_STEP; break;
    case SDLK_LEFT: if (shift) c.kind = XL_CMD_SELECT_PREV; break;
    case SDLK_p: c.kind = XL_CMD_P_RESTORE; break;
    case SDLK_r: c.kind = XL_CMD_RESET; break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: c.kind = XL_CMD_LR_UP; break;
    case SDLK_MINUS: case SDLK_KP_MINUS: case SDLK_UNDERSCORE: c.kind = XL_CMD_LR_DOWN; break;
    case SDLK_RIGHTBRACKET: c.kind = XL_CMD_SPEED_UP; break;
    case SDLK_LEFTBRACKET: c.kind = XL_CMD_SPEED_DOWN; break;
    case SDLK_UP: c.kind = XL_CMD_P_UP; break;
    case SDLK_DOWN: c.kind = XL_CMD_P_DOWN; break;
    case SDLK_o: c.kind = XL_CMD_P_ONEHOT; break;
    case SDLK_u: c.kind = XL_CMD_P_UNIFORM; break;
    case SDLK_TAB: c.kind = shift ? XL_CMD_SLICE_PREV : XL_CMD_SLICE_NEXT; break;
    case SDLK_l: c.kind = XL_CMD_UNIT_TOGGLE; break;
    case SDLK_g: c.kind = XL_CMD_OPTIMIZER_NEXT; break;
    case SDLK_v: c.kind = XL_CMD_FRAME_TOGGLE; break;
    case SDLK_c: c.kind = XL_CMD_RACE_TOGGLE; break;
    case SDLK_s: c.kind = shift ? XL_CMD_SCENARIO_PREV : XL_CMD_SCENARIO_NEXT; break;
    case SDLK_y: /* Ctrl+Y redo; Y momentum (M is the lesson menu) */
        if (mod & KMOD_CTRL) c.kind = XL_CMD_REDO;
        else c.kind = shift ? XL_CMD_MU_DOWN : XL_CMD_MU_UP;
        break;
    case SDLK_b:
        if (mod & KMOD_CTRL) c.kind = shift ? XL_CMD_BETA2_DOWN : XL_CMD_BETA2_UP;
        else c.kind = shift ? XL_CMD_BETA1_DOWN : XL_CMD_BETA1_UP;
        break;
    case SDLK_e: c.kind = shift ? XL_CMD_EPS_DOWN : XL_CMD_EPS_UP; break;
    case SDLK_w: c.kind = shift ? XL_CMD_WIDTH_DOWN : XL_CMD_WIDTH_UP; break;
    case SDLK_f: c.kind = XL_CMD_FLIP; break;
    case SDLK_i: c.kind = XL_CMD_PRESET_NEXT; break;
    case SDLK_j: c.kind = shift ? XL_CMD_SIZE_DOWN : XL_CMD_SIZE_UP; break;
    case SDLK_z:
        if (mod & KMOD_CTRL) c.kind = shift ? XL_CMD_REDO : XL_CMD_UNDO;
        else c.kind = shift ? XL_CMD_FLIPS_DOWN : XL_CMD_FLIPS_UP;
        break;
    case SDLK_BACKSPACE: c.kind = XL_CMD_BACK; break;
    case SDLK_d: c.kind = XL_CMD_LEARN_TOGGLE; break;
    case SDLK_RETURN: case SDLK_KP_ENTER: c.kind = XL_CMD_MEASURE_SELECTED; break;
    case SDLK_k: c.kind = shift ? XL_CMD_BETA_DOWN : XL_CMD_BETA_UP; break;
    case SDLK_a: c.kind = XL_CMD_ADD_POINT; break;
    case SDLK_DELETE: case SDLK_x: c.kind = XL_CMD_REMOVE_POINT; break;
    default: break;
    }
    return c;
}
