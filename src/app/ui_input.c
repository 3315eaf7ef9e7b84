/* ui_input: the key map listed in the help sheet (ui_help.c) and by --list-commands.
 * Shift+Left/Right reach every class (1-9 stop at nine); plain Right stays "step".
 * The period, PageUp, PageDown, Home, F5 and M stay unmapped here: they are the lesson
 * player's (ui_classroom.c), as are Left, Right, B and P while a lesson is open.
 * The shared keys are one table (key_table below): the key map, --list-commands' KEY
 * column and the control strip's keycaps are all read from it; a scenario's verbs'
 * keys come from its record. */
#include "ui_input.h"

#include "ui_layout.h" /* the panels' names (focus PANEL) */
#include "xl_renyi.h"    /* the orders of renyi-order */
#include "ui_lang.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const view_names[UI_VIEW_COUNT] = {
    [UI_VIEW_NONE] = "none", [UI_VIEW_THEME] = "theme", [UI_VIEW_FULLSCREEN] = "fullscreen",
    [UI_VIEW_HELP] = "help", [UI_VIEW_QUIT] = "quit", [UI_VIEW_SCREENSHOT] = "screenshot",
    [UI_VIEW_ZOOM_IN] = "zoom-in", [UI_VIEW_ZOOM_OUT] = "zoom-out", [UI_VIEW_ZOOM_RESET] = "zoom-reset",
    [UI_VIEW_COPY_STATE] = "copy-state",
    [UI_VIEW_FOCUS] = "focus", [UI_VIEW_FOCUS_TOGGLE] = "focus-toggle", [UI_VIEW_FOCUS_NEXT] = "focus-next",
    [UI_VIEW_CONTROLS] = "controls",
    [UI_VIEW_RENYI] = "renyi", [UI_VIEW_RENYI_TOGGLE] = "renyi-toggle", [UI_VIEW_RENYI_ORDER] = "renyi-order",
    [UI_VIEW_RENYI_NEXT] = "renyi-next", [UI_VIEW_DESCRIBE] = "describe", [UI_VIEW_SOUND] = "sound",
};

/* "renyi on|off" and "renyi-order A": the rest of the text after the word. */
static int parse_renyi(ui_view_command v, const char *s, size_t len, ui_action *out, char *err, size_t errlen)
{
    char arg[64];
    while (len > 0 && (*s == ' ' || *s == '\t')) s++, len--;
    if (len >= sizeof arg) len = sizeof arg - 1;
    memcpy(arg, s, len);
    arg[len] = '\0';
    out->view = v;
    out->cmd = xl_command_make(XL_CMD_NONE);
    if (v == UI_VIEW_RENYI_ORDER) return xl_renyi_parse_order(arg, &out->cmd.x, err, errlen);
    if (strcmp(arg, "on") == 0 || strcmp(arg, "off") == 0) {
        out->cmd.n = strcmp(arg, "on") == 0;
        return 0;
    }
    snprintf(err, errlen, "renyi needs on or off (e.g. 'renyi on'; F6 toggles it)");
    return -1;
}

/* "focus PANEL": the rest of the text after the word (blanks trimmed). */
static int parse_focus(const char *s, size_t len, ui_action *out, char *err, size_t errlen)
{
    char name[32];
    while (len > 0 && (*s == ' ' || *s == '\t')) s++, len--;
    const int id = len > 0 && len < sizeof name ? (memcpy(name, s, len), name[len] = '\0', ui_panel_find(name)) : -1;
    if (id < 0 || (len == 0)) {
        snprintf(err, errlen, "focus needs a panel: bars, readouts, landscape, history, data, side, renyi or off");
        return -1;
    }
    out->view = UI_VIEW_FOCUS;
    out->cmd = xl_command_make(XL_CMD_NONE);
    out->cmd.n = id;
    return 0;
}

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
    if (len > 5 && memcmp(s, "focus", 5) == 0 && (s[5] == ' ' || s[5] == '\t'))
        return parse_focus(s + 5, len - 5, out, err, errlen);
    if (len == 5 && memcmp(s, "focus", 5) == 0) return parse_focus(s + 5, 0, out, err, errlen);
    if (len >= 11 && memcmp(s, "renyi-order", 11) == 0 && (len == 11 || s[11] == ' ' || s[11] == '\t'))
        return parse_renyi(UI_VIEW_RENYI_ORDER, s + 11, len - 11, out, err, errlen);
    if (len >= 5 && memcmp(s, "renyi", 5) == 0 && (len == 5 || s[5] == ' ' || s[5] == '\t'))
        return parse_renyi(UI_VIEW_RENYI, s + 5, len - 5, out, err, errlen);
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
    if (a->view == UI_VIEW_FOCUS) {
        snprintf(buf, n, "focus %s", ui_panel_name((int)a->cmd.n));
        return buf;
    }
    if (a->view == UI_VIEW_RENYI) {
        snprintf(buf, n, "renyi %s", a->cmd.n ? "on" : "off");
        return buf;
    }
    if (a->view == UI_VIEW_RENYI_ORDER) {
        /* Exact: a replay sets the same α bit for bit (%.17g, or inf). */
        if (isinf(a->cmd.x)) snprintf(buf, n, "renyi-order inf");
        else snprintf(buf, n, "renyi-order %.17g", a->cmd.x);
        return buf;
    }
    if (a->view != UI_VIEW_NONE) {
        snprintf(buf, n, "%s", view_names[a->view]);
        return buf;
    }
    return xl_command_format(&a->cmd, buf, n);
}

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

/* The modifiers a row of the table asks about (left and right folded together). */
enum { M_SHIFT = 1u, M_CTRL = 2u, M_ALT = 4u };

/* One key of the table: `key` (or each of key..last, the digits: n = key - the row's
 * key) with the modifiers (mods & mask) == want means the view command `view` or the
 * session command `cmd`; both NONE: the key means nothing (and no verb is looked for).
 * label: how --list-commands writes it (the rows of one action joined with " or "; NULL:
 * an alias not listed); cap: the control strip's shorter keycap, where it differs. */
typedef struct key_row {
    SDL_Keycode key, last;
    unsigned char mask, want;
    ui_view_command view;
    xl_command_kind cmd;
    const char *label, *cap;
    ui_nav nav; /* a pointer command's direction (ui_keynav makes its numbers) */
} key_row;

#define VIEW(k, m, w, v, label) {k, 0, m, w, v, XL_CMD_NONE, label, NULL, UI_NAV_NONE}
#define CMD(k, m, w, c, label, cap) {k, 0, m, w, UI_VIEW_NONE, c, label, cap, UI_NAV_NONE}
#define NAV(k, m, w, c, nav, label) {k, 0, m, w, UI_VIEW_NONE, c, label, NULL, nav}
/* The modifiers the pointer's keys look at: all three, so Ctrl+Shift+Up is not Ctrl+Up. */
#define MODS (M_SHIFT | M_CTRL | M_ALT)

/* THE table of the shared keys, in the order they are tried: the first row that
 * matches wins (a key not in it goes to the scenarios' verbs). The window's own keys
 * come first and ignore the modifiers, then Ctrl's zoom, then the session's commands. */
static const key_row key_table[] = {
    VIEW(SDLK_t, 0, 0, UI_VIEW_THEME, "T"),
    VIEW(SDLK_F11, 0, 0, UI_VIEW_FULLSCREEN, "F11"),
    VIEW(SDLK_h, 0, 0, UI_VIEW_HELP, "H"),
    VIEW(SDLK_F1, 0, 0, UI_VIEW_HELP, "F1"),
    VIEW(SDLK_QUESTION, 0, 0, UI_VIEW_HELP, NULL),
    VIEW(SDLK_SLASH, M_SHIFT, M_SHIFT, UI_VIEW_HELP, NULL),
    VIEW(SDLK_SLASH, 0, 0, UI_VIEW_NONE, NULL), /* '/' alone: nothing */
    VIEW(SDLK_q, 0, 0, UI_VIEW_QUIT, "Q"),
    VIEW(SDLK_ESCAPE, 0, 0, UI_VIEW_QUIT, "Esc"),
    VIEW(SDLK_F12, 0, 0, UI_VIEW_SCREENSHOT, "F12"),
    VIEW(SDLK_F2, M_SHIFT, M_SHIFT, UI_VIEW_FOCUS_NEXT, "Shift+F2"),
    VIEW(SDLK_F2, 0, 0, UI_VIEW_FOCUS_TOGGLE, "F2"),
    VIEW(SDLK_F3, 0, 0, UI_VIEW_CONTROLS, "F3"),
    VIEW(SDLK_F4, 0, 0, UI_VIEW_COPY_STATE, "F4"),
    VIEW(SDLK_F6, M_SHIFT, M_SHIFT, UI_VIEW_RENYI_NEXT, "Shift+F6"),
    VIEW(SDLK_F6, 0, 0, UI_VIEW_RENYI_TOGGLE, "F6"),
    VIEW(SDLK_F9, 0, 0, UI_VIEW_DESCRIBE, "F9"),
    VIEW(SDLK_F10, 0, 0, UI_VIEW_SOUND, "F10"),
    /* Tab and Shift+Tab mean nothing here: in a web page they move the browser's focus
     * out of the canvas (a keyboard trap otherwise, WCAG 2.1.2), and the desktop keeps
     * the same table. No verb may take them either. */
    VIEW(SDLK_TAB, 0, 0, UI_VIEW_NONE, NULL),
    /* The zoom for the back of the room; Ctrl leaves the rate alone. */
    VIEW(SDLK_PLUS, M_CTRL, M_CTRL, UI_VIEW_ZOOM_IN, "Ctrl+Plus"),
    VIEW(SDLK_EQUALS, M_CTRL, M_CTRL, UI_VIEW_ZOOM_IN, NULL),
    VIEW(SDLK_KP_PLUS, M_CTRL, M_CTRL, UI_VIEW_ZOOM_IN, NULL),
    VIEW(SDLK_MINUS, M_CTRL, M_CTRL, UI_VIEW_ZOOM_OUT, "Ctrl+Minus"),
    VIEW(SDLK_KP_MINUS, M_CTRL, M_CTRL, UI_VIEW_ZOOM_OUT, NULL),
    VIEW(SDLK_UNDERSCORE, M_CTRL, M_CTRL, UI_VIEW_ZOOM_OUT, NULL),
    VIEW(SDLK_0, M_CTRL, M_CTRL, UI_VIEW_ZOOM_RESET, "Ctrl+0"),
    VIEW(SDLK_KP_0, M_CTRL, M_CTRL, UI_VIEW_ZOOM_RESET, NULL),
    /* What only the pointer did (issue 26: every action has a key). The landscape is a
     * map: Ctrl and the arrows pan it, Ctrl+Shift+Up / Down zoom it around the current
     * point (a wheel's notch), Ctrl+Home fits it (the double-click); Alt and the arrows
     * move the current point (a click), Ctrl+Enter starts the runs there (Ctrl+click).
     * Shift+Up / Down move the selected bar's p (a drag); Shift / Ctrl+Backspace go ten
     * steps back / on along the run's timeline (the history's slider). Plain and Shift+
     * arrows stay the steps, the selection and the scenarios' verbs. */
    NAV(SDLK_UP, MODS, M_CTRL | M_SHIFT, XL_CMD_ZOOM, UI_NAV_IN, "Ctrl+Shift+Up"),
    NAV(SDLK_DOWN, MODS, M_CTRL | M_SHIFT, XL_CMD_ZOOM, UI_NAV_OUT, "Ctrl+Shift+Down"),
    NAV(SDLK_LEFT, MODS, M_CTRL, XL_CMD_PAN, UI_NAV_LEFT, "Ctrl+arrows"),
    NAV(SDLK_RIGHT, MODS, M_CTRL, XL_CMD_PAN, UI_NAV_RIGHT, NULL),
    NAV(SDLK_UP, MODS, M_CTRL, XL_CMD_PAN, UI_NAV_UP, NULL),
    NAV(SDLK_DOWN, MODS, M_CTRL, XL_CMD_PAN, UI_NAV_DOWN, NULL),
    CMD(SDLK_HOME, MODS, M_CTRL, XL_CMD_FIT, "Ctrl+Home", NULL),
    NAV(SDLK_LEFT, MODS, M_ALT, XL_CMD_MOVE_TO, UI_NAV_LEFT, "Alt+arrows"),
    NAV(SDLK_RIGHT, MODS, M_ALT, XL_CMD_MOVE_TO, UI_NAV_RIGHT, NULL),
    NAV(SDLK_UP, MODS, M_ALT, XL_CMD_MOVE_TO, UI_NAV_UP, NULL),
    NAV(SDLK_DOWN, MODS, M_ALT, XL_CMD_MOVE_TO, UI_NAV_DOWN, NULL),
    NAV(SDLK_RETURN, MODS, M_CTRL, XL_CMD_START_AT, UI_NAV_HERE, "Ctrl+Enter"),
    NAV(SDLK_KP_ENTER, MODS, M_CTRL, XL_CMD_START_AT, UI_NAV_HERE, NULL),
    NAV(SDLK_UP, MODS, M_SHIFT, XL_CMD_SET_P, UI_NAV_UP, "Shift+Up"),
    NAV(SDLK_DOWN, MODS, M_SHIFT, XL_CMD_SET_P, UI_NAV_DOWN, "Shift+Down"),
    NAV(SDLK_BACKSPACE, MODS, M_SHIFT, XL_CMD_REWIND, UI_NAV_BACK, "Shift+Backspace"),
    NAV(SDLK_BACKSPACE, MODS, M_CTRL, XL_CMD_REWIND, UI_NAV_ON, "Ctrl+Backspace"),
    {SDLK_1, SDLK_9, 0, 0, UI_VIEW_NONE, XL_CMD_SELECT, "1 ... 9", "1–9", UI_NAV_NONE},
    {SDLK_KP_1, SDLK_KP_9, 0, 0, UI_VIEW_NONE, XL_CMD_SELECT, NULL, NULL, UI_NAV_NONE},
    CMD(SDLK_SPACE, 0, 0, XL_CMD_TOGGLE_PLAY, "Space", NULL),
    CMD(SDLK_n, 0, 0, XL_CMD_STEP, "N", NULL),
    CMD(SDLK_RIGHT, M_SHIFT, M_SHIFT, XL_CMD_SELECT_NEXT, "Shift+Right", "⇧→"),
    CMD(SDLK_RIGHT, 0, 0, XL_CMD_STEP, "Right", "→"),
    CMD(SDLK_LEFT, M_SHIFT, M_SHIFT, XL_CMD_SELECT_PREV, "Shift+Left", "⇧←"), /* Left alone: a verb's */
    CMD(SDLK_r, 0, 0, XL_CMD_RESET, "R", NULL),
    CMD(SDLK_PLUS, 0, 0, XL_CMD_LR_UP, "Plus", "+"),
    CMD(SDLK_EQUALS, 0, 0, XL_CMD_LR_UP, NULL, NULL),
    CMD(SDLK_KP_PLUS, 0, 0, XL_CMD_LR_UP, NULL, NULL),
    CMD(SDLK_MINUS, 0, 0, XL_CMD_LR_DOWN, "Minus", "−"),
    CMD(SDLK_KP_MINUS, 0, 0, XL_CMD_LR_DOWN, NULL, NULL),
    CMD(SDLK_UNDERSCORE, 0, 0, XL_CMD_LR_DOWN, NULL, NULL),
    CMD(SDLK_RIGHTBRACKET, 0, 0, XL_CMD_SPEED_UP, "]", NULL),
    CMD(SDLK_LEFTBRACKET, 0, 0, XL_CMD_SPEED_DOWN, "[", NULL),
    /* The comma: unshifted in the same place on US, German and Spanish keyboards (';',
     * '\'', '\\' and '`' are shifted, AltGr or dead keys there, and SDL's key codes
     * follow the layout, so a row on them would never fire; Insert is missing on many
     * laptops). Shift+comma is SDLK_COMMA with Shift on all three ('<' or ';'). */
    CMD(SDLK_COMMA, M_SHIFT, M_SHIFT, XL_CMD_SLICE_PREV, "Shift+Comma", "⇧,"),
    CMD(SDLK_COMMA, 0, 0, XL_CMD_SLICE_NEXT, "Comma", ","),
    CMD(SDLK_l, 0, 0, XL_CMD_UNIT_TOGGLE, "L", NULL),
    CMD(SDLK_g, 0, 0, XL_CMD_OPTIMIZER_NEXT, "G", NULL),
    CMD(SDLK_v, 0, 0, XL_CMD_FRAME_TOGGLE, "V", NULL),
    CMD(SDLK_c, 0, 0, XL_CMD_RACE_TOGGLE, "C", NULL),
    CMD(SDLK_s, M_SHIFT, M_SHIFT, XL_CMD_SCENARIO_PREV, "Shift+S", "⇧S"),
    CMD(SDLK_s, 0, 0, XL_CMD_SCENARIO_NEXT, "S", NULL),
    /* Ctrl+Y redo; Y momentum (M is the lesson menu). */
    CMD(SDLK_y, M_CTRL, M_CTRL, XL_CMD_REDO, "Ctrl+Y", NULL),
    CMD(SDLK_y, M_SHIFT, M_SHIFT, XL_CMD_MU_DOWN, "Shift+Y", "⇧Y"),
    CMD(SDLK_y, 0, 0, XL_CMD_MU_UP, "Y", NULL),
    CMD(SDLK_b, M_CTRL | M_SHIFT, M_CTRL | M_SHIFT, XL_CMD_BETA2_DOWN, "Ctrl+Shift+B", NULL),
    CMD(SDLK_b, M_CTRL, M_CTRL, XL_CMD_BETA2_UP, "Ctrl+B", NULL),
    CMD(SDLK_b, M_SHIFT, M_SHIFT, XL_CMD_BETA1_DOWN, "Shift+B", "⇧B"),
    CMD(SDLK_b, 0, 0, XL_CMD_BETA1_UP, "B", NULL),
    CMD(SDLK_e, M_SHIFT, M_SHIFT, XL_CMD_EPS_DOWN, "Shift+E", "⇧E"),
    CMD(SDLK_e, 0, 0, XL_CMD_EPS_UP, "E", NULL),
    /* Ctrl+Z undo, Ctrl+Shift+Z redo; Z alone is a scenario's (microstates: flips). */
    CMD(SDLK_z, M_CTRL | M_SHIFT, M_CTRL | M_SHIFT, XL_CMD_REDO, NULL, NULL),
    CMD(SDLK_z, M_CTRL, M_CTRL, XL_CMD_UNDO, "Ctrl+Z", NULL),
    CMD(SDLK_BACKSPACE, 0, 0, XL_CMD_BACK, "Backspace", NULL),
};
enum { KEY_ROWS = (int)(sizeof key_table / sizeof key_table[0]) };

#undef VIEW
#undef CMD
#undef NAV
#undef MODS

/* The row a key press matches, or NULL. */
static const key_row *find_row(SDL_Keycode key, Uint16 mod)
{
    const unsigned mods = ((mod & KMOD_SHIFT) ? M_SHIFT : 0u) | ((mod & KMOD_CTRL) ? M_CTRL : 0u) |
                          ((mod & KMOD_ALT) ? M_ALT : 0u);
    if (key == SDLK_UNKNOWN) return NULL;
    for (int i = 0; i < KEY_ROWS; i++) {
        const key_row *r = &key_table[i];
        const int in = r->last ? key >= r->key && key <= r->last : key == r->key;
        if (in && (mods & r->mask) == r->want) return r;
    }
    return NULL;
}

ui_action ui_input_map_key(SDL_Keycode key, Uint16 mod, const xl_scenario_def *current)
{
    const key_row *r = find_row(key, mod);
    if (r && r->view != UI_VIEW_NONE) return view_action(r->view);
    if (r && r->cmd != XL_CMD_NONE) {
        xl_command c = xl_command_make(r->cmd);
        if (r->last) c.n = (long)(key - r->key);
        if (r->nav != UI_NAV_NONE) {
            c.count = UI_NAV_PENDING;
            c.n = (long)r->nav;
        }
        return command_action(c);
    }
    if (r) return view_action(UI_VIEW_NONE); /* a key that means nothing */
    return command_action(map_verb(key, mod, current));
}

/* Whether row r is one of a's keys. */
static int row_is(const key_row *r, const ui_action *a)
{
    return a->view != UI_VIEW_NONE ? r->view == a->view : r->view == UI_VIEW_NONE && r->cmd == a->cmd.kind;
}

char *ui_input_action_keys(const ui_action *a, int cap, char *buf, size_t n)
{
    size_t used = 0;
    if (n) buf[0] = '\0';
    if (ui_action_is_none(a)) return buf;
    for (int i = 0; i < KEY_ROWS && used < n; i++) {
        const key_row *r = &key_table[i];
        if (!r->label || !row_is(r, a)) continue;
        if (cap) { /* the first listed key, shortest form */
            snprintf(buf, n, "%s", r->cap ? r->cap : r->label);
            return buf;
        }
        int w = snprintf(buf + used, n - used, "%s%s", used ? " or " : "", r->label);
        used += w < 0 ? 0 : (size_t)w;
    }
    return buf;
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

/* The key-hint bar's texts for shared commands a scenario names in its hint_bar. */
static const struct { const char *name, *hint; } shared_hints[] = {
    {"select-next", "1–9 ⇧←/→ select"}, {"toggle-play", "Space play"}, {"step", "N step"}, {"reset", "R reset"},
    {"lr-up", "+/− lr"}, {"optimizer-next", "G optimizer"}, {"race-toggle", "C race"},
    {"scenario-next", "S scenario"}, {"slice-next", "Comma slice"}, {"frame", "V plane"}, {"unit", "L nats/bits"},
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
    /* The words in the language; the lines' shape ("# GROUP:", the columns) stays, for tools. */
    fprintf(out, _("# xentlab %s: USAGE, KEY (- for none), WHAT IT DOES\n"), "commands");
    fprintf(out, "# shared: %s\n", _("every scenario has these"));
    for (int k = 1; k < XL_CMD_COUNT; k++) {
        if (k == XL_CMD_VERB) continue;
        const ui_action act = {UI_VIEW_NONE, xl_command_make((xl_command_kind)k)};
        char keys[64];
        ui_input_action_keys(&act, 0, keys, sizeof keys);
        const char *key = keys[0] ? keys : "-";
        /* Two blanks at least after the key column, however long its keys. */
        fprintf(out, "%-24s %-14s%s %s\n", xl_command_usage((xl_command_kind)k), key, strlen(key) >= 14 ? " " : "",
                _(xl_command_help((xl_command_kind)k)));
    }
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        char head[160];
        snprintf(head, sizeof head, _("the verbs of the %s"), _(def->title));
        fprintf(out, "# %s: %s\n", def->id, head);
        for (int v = 0; v < def->verb_count; v++) {
            const xl_verb_def *d = &def->verbs[v];
            char keys[64];
            verb_keys(d, 0, keys, sizeof keys);
            fprintf(out, "%-24s %-14s %s\n", d->usage, keys[0] ? keys : "-", _(d->help));
            if (d->refuses) fprintf(out, _("    refuses: %s\n"), _(d->refuses));
        }
    }
    static const char *const view_help[UI_VIEW_COUNT] = {
        [UI_VIEW_THEME] = N_("projector <-> dark theme"), [UI_VIEW_FULLSCREEN] = N_("fullscreen on / off"),
        [UI_VIEW_HELP] = N_("the help sheet, or its next page"), [UI_VIEW_QUIT] = N_("quit"),
        [UI_VIEW_SCREENSHOT] = N_("save the frame as a PNG (in the window only)"),
        [UI_VIEW_ZOOM_IN] = N_("type and lines larger"), [UI_VIEW_ZOOM_OUT] = N_("type and lines smaller"),
        [UI_VIEW_ZOOM_RESET] = N_("type and lines back to 1"),
        [UI_VIEW_COPY_STATE] = N_("copy the state as a text for --state (in the browser: a link)"),
        [UI_VIEW_FOCUS] = N_("one panel takes the scene (bars, readouts, landscape, history, data, side, renyi), or off"),
        [UI_VIEW_FOCUS_TOGGLE] = N_("focus the panel under the pointer (else the main picture), or back"),
        [UI_VIEW_FOCUS_NEXT] = N_("focus the next panel"),
        [UI_VIEW_CONTROLS] = N_("the control strip on / off"),
        [UI_VIEW_RENYI] = N_("the Rényi panel (H_α of P at every order) in the history's place, or not"),
        [UI_VIEW_RENYI_TOGGLE] = N_("the Rényi panel on / off"),
        [UI_VIEW_RENYI_ORDER] = N_("the Rényi panel's order α: a number from 0 to 1e6, or inf (the panel on)"),
        [UI_VIEW_RENYI_NEXT] = N_("the Rényi panel's next order: 0, 0.5, 1, 2, ∞ (the panel on)"),
        [UI_VIEW_DESCRIBE] = N_("describe the scene aloud"),
        [UI_VIEW_SOUND] = N_("the sound on / off: a tone whose pitch follows the gap, a tick a step, chimes"),
    };
    fprintf(out, "# the window's own (--do and replays; not lessons)\n");
    for (int v = 1; v < UI_VIEW_COUNT; v++) {
        const ui_action act = {(ui_view_command)v, xl_command_make(XL_CMD_NONE)};
        char keys[64];
        ui_input_action_keys(&act, 0, keys, sizeof keys);
        const char *usage = v == UI_VIEW_FOCUS ? "focus PANEL" : v == UI_VIEW_RENYI ? "renyi on|off"
                          : v == UI_VIEW_RENYI_ORDER ? "renyi-order A" : view_names[v];
        fprintf(out, "%-24s %-14s %s\n", usage, keys[0] ? keys : "-", _(view_help[v]));
    }
}
