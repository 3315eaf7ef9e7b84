/* ui_input: the key map listed in the help sheet (ui_help.c) and by --list-commands.
 * Shift+Left/Right reach every class (1-9 stop at nine); plain Right stays "step".
 * The period, PageUp, PageDown, Home, F5 and M stay unmapped here: they are the lesson
 * player's (ui_classroom.c), as are Left, Right, B and P while a lesson is open.
 * The shared commands' keys are map_command's switch below (and shared_keys[], their
 * names for the lists; test_input checks the two agree); a scenario's verbs' keys come
 * from its record. */
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
    if (xl_scenario_parse_command(text, &c, err, errlen) != 0) return -1;
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
static xl_command map_verb(SDL_Keycode key, Uint16 mod, const xl_scenario_def *current);

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

ui_action ui_input_map_key(SDL_Keycode key, Uint16 mod, const xl_scenario_def *current)
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
    xl_command c = map_command(key, mod);
    if (c.kind == XL_CMD_NONE) c = map_verb(key, mod, current);
    return command_action(c);
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
    case SDLK_r: c.kind = XL_CMD_RESET; break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: c.kind = XL_CMD_LR_UP; break;
    case SDLK_MINUS: case SDLK_KP_MINUS: case SDLK_UNDERSCORE: c.kind = XL_CMD_LR_DOWN; break;
    case SDLK_RIGHTBRACKET: c.kind = XL_CMD_SPEED_UP; break;
    case SDLK_LEFTBRACKET: c.kind = XL_CMD_SPEED_DOWN; break;
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
    case SDLK_z: /* Ctrl+Z undo, Ctrl+Shift+Z redo; Z alone is a scenario's (microstates: flips) */
        if (mod & KMOD_CTRL) c.kind = shift ? XL_CMD_REDO : XL_CMD_UNDO;
        break;
    case SDLK_BACKSPACE: c.kind = XL_CMD_BACK; break;
    default: break;
    }
    return c;
}

/* The core's key description of an SDL key: the character for printable keys (SDL's
 * key codes for them are the lowercase characters), XL_KEY_* for the others; 0 for a
 * key no verb can be on. */
static int core_code(SDL_Keycode key)
{
    switch (key) {
    case SDLK_UP: return XL_KEY_UP;
    case SDLK_DOWN: return XL_KEY_DOWN;
    case SDLK_LEFT: return XL_KEY_LEFT;
    case SDLK_RIGHT: return XL_KEY_RIGHT;
    case SDLK_RETURN: case SDLK_KP_ENTER: return XL_KEY_RETURN;
    case SDLK_DELETE: return XL_KEY_DELETE;
    case SDLK_BACKSPACE: return XL_KEY_BACKSPACE;
    case SDLK_TAB: return XL_KEY_TAB;
    default: return key > ' ' && key < 127 ? (int)key : 0;
    }
}

/* def's verb on (code, shift): an exact match first, then, with Shift held, a key that
 * does not care about Shift. -1 for none. */
static int verb_on_key(const xl_scenario_def *def, int code, int shift)
{
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && !shift) break;
        for (int v = 0; v < def->verb_count; v++)
            for (int k = 0; k < XL_VERB_KEYS_MAX; k++) {
                const xl_key key = def->verbs[v].keys[k];
                if (key.code == code && (pass == 0 ? key.shift == shift : key.shift == 0)) return v;
            }
    }
    return -1;
}

/* The verb a key means: current's, else the first registered scenario's on that key. */
static xl_command map_verb(SDL_Keycode key, Uint16 mod, const xl_scenario_def *current)
{
    const int code = core_code(key), shift = (mod & KMOD_SHIFT) != 0;
    if (code == 0 || (mod & KMOD_CTRL)) return xl_command_make(XL_CMD_NONE); /* Ctrl's keys are the window's */
    if (current) {
        int v = verb_on_key(current, code, shift);
        if (v >= 0) return xl_command_verb(&current->verbs[v]);
    }
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        int v = verb_on_key(def, code, shift);
        if (v >= 0) return xl_command_verb(&def->verbs[v]);
    }
    return xl_command_make(XL_CMD_NONE);
}

/* The shared commands' keys as the lists write them; "mouse" where only the pointer
 * issues it. NULL: no key (a command for scripts and lessons). */
static const char *const shared_keys[XL_CMD_COUNT] = {
    [XL_CMD_TOGGLE_PLAY] = "Space", [XL_CMD_STEP] = "N or Right", [XL_CMD_RESET] = "R",
    [XL_CMD_SPEED_UP] = "]", [XL_CMD_SPEED_DOWN] = "[", [XL_CMD_LR_UP] = "Plus", [XL_CMD_LR_DOWN] = "Minus",
    [XL_CMD_OPTIMIZER_NEXT] = "G", [XL_CMD_MU_UP] = "Y", [XL_CMD_MU_DOWN] = "Shift+Y", [XL_CMD_BETA1_UP] = "B",
    [XL_CMD_BETA1_DOWN] = "Shift+B", [XL_CMD_BETA2_UP] = "Ctrl+B", [XL_CMD_BETA2_DOWN] = "Ctrl+Shift+B",
    [XL_CMD_EPS_UP] = "E", [XL_CMD_EPS_DOWN] = "Shift+E", [XL_CMD_RACE_TOGGLE] = "C", [XL_CMD_SCENARIO_NEXT] = "S",
    [XL_CMD_SCENARIO_PREV] = "Shift+S", [XL_CMD_SELECT] = "1 ... 9", [XL_CMD_SELECT_NEXT] = "Shift+Right",
    [XL_CMD_SELECT_PREV] = "Shift+Left", [XL_CMD_SET_P] = "mouse", [XL_CMD_UNIT_TOGGLE] = "L",
    [XL_CMD_SLICE_NEXT] = "Tab", [XL_CMD_SLICE_PREV] = "Shift+Tab", [XL_CMD_FRAME_TOGGLE] = "V",
    [XL_CMD_MOVE_TO] = "mouse", [XL_CMD_START_AT] = "mouse", [XL_CMD_ZOOM] = "mouse", [XL_CMD_PAN] = "mouse",
    [XL_CMD_FIT] = "mouse", [XL_CMD_UNDO] = "Ctrl+Z", [XL_CMD_REDO] = "Ctrl+Y", [XL_CMD_REWIND] = "mouse",
    [XL_CMD_BACK] = "Backspace",
};

/* The key-hint bar's texts for shared commands a scenario names in its hint_bar. */
static const struct { const char *name, *hint; } shared_hints[] = {
    {"select-next", "1–9 ⇧←/→ select"}, {"toggle-play", "Space play"}, {"step", "N step"}, {"reset", "R reset"},
    {"lr-up", "+/− lr"}, {"optimizer-next", "G optimizer"}, {"race-toggle", "C race"},
    {"scenario-next", "S scenario"}, {"slice-next", "Tab slice"}, {"frame", "V plane"}, {"unit", "L nats/bits"},
    {"speed-up", "[ ] speed"},
};

const char *ui_input_hint(const xl_scenario_def *def, const char *name)
{
    int v = def ? xl_scenario_verb_index(def, name) : -1;
    if (v >= 0) return def->verbs[v].hint;
    for (size_t i = 0; i < sizeof shared_hints / sizeof shared_hints[0]; i++)
        if (strcmp(shared_hints[i].name, name) == 0) return shared_hints[i].hint;
    return NULL;
}

char *ui_input_key_text(xl_key key, int sheet, char *buf, size_t n)
{
    static const char *const special[][2] = {
        [XL_KEY_UP - XL_KEY_UP] = {"Up", "↑"}, [XL_KEY_DOWN - XL_KEY_UP] = {"Down", "↓"},
        [XL_KEY_LEFT - XL_KEY_UP] = {"Left", "←"}, [XL_KEY_RIGHT - XL_KEY_UP] = {"Right", "→"},
        [XL_KEY_RETURN - XL_KEY_UP] = {"Enter", "Enter"}, [XL_KEY_DELETE - XL_KEY_UP] = {"Delete", "Del"},
        [XL_KEY_BACKSPACE - XL_KEY_UP] = {"Backspace", "Backspace"}, [XL_KEY_TAB - XL_KEY_UP] = {"Tab", "Tab"},
    };
    const char *shift = key.shift ? (sheet ? "⇧" : "Shift+") : "";
    if (key.code >= XL_KEY_UP && key.code <= XL_KEY_TAB)
        snprintf(buf, n, "%s%s", shift, special[key.code - XL_KEY_UP][sheet ? 1 : 0]);
    else if (key.code > ' ' && key.code < 127)
        snprintf(buf, n, "%s%c", shift, key.code >= 'a' && key.code <= 'z' ? key.code - 'a' + 'A' : key.code);
    else
        snprintf(buf, n, "%s", "");
    return buf;
}

int ui_action_arg_type(const char *word, size_t len)
{
    xl_command_kind k = xl_command_find(word, len);
    if (k != XL_CMD_NONE) return (int)xl_command_arg_type(k);
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        const xl_verb_table t = {def->id, def->verbs, def->verb_count};
        const xl_vocab v = {&t, 1};
        const xl_verb_def *d = xl_vocab_find(&v, word, len, NULL);
        if (d) return (int)d->arg;
    }
    return -1;
}

/* A verb's keys joined: "X or Delete". */
static char *verb_keys(const xl_verb_def *d, int sheet, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int k = 0; k < XL_VERB_KEYS_MAX && d->keys[k].code; k++) {
        char one[32];
        int w = snprintf(buf + used, n - used, "%s%s", k ? (sheet ? "  or  " : " or ") : "",
                         ui_input_key_text(d->keys[k], sheet, one, sizeof one));
        used += w < 0 ? 0 : (size_t)w;
        if (used >= n) break;
    }
    return buf;
}

void ui_input_list_commands(FILE *out)
{
    fprintf(out, "# xentlab %s: USAGE, KEY (- for none), WHAT IT DOES\n", "commands");
    fprintf(out, "# shared: every scenario has these\n");
    for (int k = 1; k < XL_CMD_COUNT; k++) {
        if (k == XL_CMD_VERB) continue;
        const char *key = shared_keys[k] ? shared_keys[k] : "-";
        fprintf(out, "%-24s %-14s %s\n", xl_command_usage((xl_command_kind)k), key, xl_command_help((xl_command_kind)k));
    }
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        fprintf(out, "# %s: the verbs of the %s\n", def->id, def->title);
        for (int v = 0; v < def->verb_count; v++) {
            const xl_verb_def *d = &def->verbs[v];
            char keys[64];
            verb_keys(d, 0, keys, sizeof keys);
            fprintf(out, "%-24s %-14s %s\n", d->usage, keys[0] ? keys : "-", d->help);
            if (d->refuses) fprintf(out, "    refuses: %s\n", d->refuses);
        }
    }
    static const char *const view_keys[UI_VIEW_COUNT] = {
        [UI_VIEW_THEME] = "T", [UI_VIEW_FULLSCREEN] = "F11", [UI_VIEW_HELP] = "H or F1", [UI_VIEW_QUIT] = "Q or Esc",
        [UI_VIEW_SCREENSHOT] = "F12", [UI_VIEW_ZOOM_IN] = "Ctrl+Plus", [UI_VIEW_ZOOM_OUT] = "Ctrl+Minus",
        [UI_VIEW_ZOOM_RESET] = "Ctrl+0",
    };
    static const char *const view_help[UI_VIEW_COUNT] = {
        [UI_VIEW_THEME] = "projector <-> dark theme", [UI_VIEW_FULLSCREEN] = "fullscreen on / off",
        [UI_VIEW_HELP] = "the help sheet, or its next page", [UI_VIEW_QUIT] = "quit",
        [UI_VIEW_SCREENSHOT] = "save the frame as a PNG (in the window only)",
        [UI_VIEW_ZOOM_IN] = "type and lines larger", [UI_VIEW_ZOOM_OUT] = "type and lines smaller",
        [UI_VIEW_ZOOM_RESET] = "type and lines back to 1",
    };
    fprintf(out, "# the window's own (--do and replays; not lessons)\n");
    for (int v = 1; v < UI_VIEW_COUNT; v++) fprintf(out, "%-24s %-14s %s\n", view_names[v], view_keys[v], view_help[v]);
}
