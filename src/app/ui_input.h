/* ui_input: keys to actions. An action is either a session command (the core's
 * vocabulary, shared with --do, lessons and recorded input) or a view command (theme,
 * fullscreen, help, quit), which only the front end knows. This is the only place
 * that knows about the keyboard: the shared commands' keys are its own table; a
 * scenario's verbs' keys come from the scenario's record (xl_verb_def.keys, an SDL-free
 * description mapped here to SDL key codes). --list-commands is written from the same
 * tables, and tests check the man page and the web page's key sheet against it. */
#ifndef UI_INPUT_H
#define UI_INPUT_H

#include <SDL.h>
#include <stddef.h>
#include <stdio.h>

#include "xl_command.h"
#include "xl_scenario.h"

typedef enum ui_view_command {
    UI_VIEW_NONE = 0,   /* the action is a session command (or nothing) */
    UI_VIEW_THEME,      /* projector <-> dark */
    UI_VIEW_FULLSCREEN,
    UI_VIEW_HELP,       /* show / hide the help sheet */
    UI_VIEW_QUIT,
    UI_VIEW_SCREENSHOT, /* save the frame as a PNG (F12) */
    UI_VIEW_ZOOM_IN,    /* larger type and lines for the back of the room (Ctrl +) */
    UI_VIEW_ZOOM_OUT,   /* (Ctrl −) */
    UI_VIEW_ZOOM_RESET, /* (Ctrl 0) */
    UI_VIEW_COPY_STATE, /* the state's text to the clipboard, a link in the browser (F4) */
    UI_VIEW_FOCUS,      /* "focus PANEL" / "focus off": the panel (a ui_panel_id) rides in cmd.n */
    UI_VIEW_FOCUS_TOGGLE, /* F2: off when a panel is in focus, else the one under the pointer or the
                           * scenario's main picture (the dispatcher makes it a plain UI_VIEW_FOCUS) */
    UI_VIEW_FOCUS_NEXT, /* Shift+F2: the next panel shown (made a plain UI_VIEW_FOCUS too) */
    UI_VIEW_CONTROLS,   /* the control strip on / off (F3; ui_controls.h) */
    UI_VIEW_RENYI,      /* "renyi on" / "renyi off": the Rényi panel (cmd.n 1 / 0) */
    UI_VIEW_RENYI_TOGGLE, /* F6: on / off (the dispatcher makes it a plain UI_VIEW_RENYI) */
    UI_VIEW_RENYI_ORDER,  /* "renyi-order A": the order α (cmd.x; INFINITY for inf), the panel on */
    UI_VIEW_RENYI_NEXT,   /* Shift+F6: the next of 0, 0.5, 1, 2, ∞ (made a plain UI_VIEW_RENYI_ORDER) */
    UI_VIEW_DESCRIBE,     /* F9: the scene described in words, said aloud (ui_describe) */
    UI_VIEW_SOUND,        /* F10: the sonification on / off (ui_sound) */
    UI_VIEW_COUNT
} ui_view_command;

typedef struct ui_action {
    ui_view_command view;  /* UI_VIEW_NONE: cmd is the action */
    xl_command cmd;        /* kind XL_CMD_NONE when the action is a view command or nothing;
                            * a view command's argument (UI_VIEW_FOCUS's panel, UI_VIEW_RENYI's
                            * on/off) is cmd.n, UI_VIEW_RENYI_ORDER's α cmd.x */
} ui_action;

/* True when the action does nothing. */
int ui_action_is_none(const ui_action *a);

/* The action a key press means in the scenario `current` (nothing for an unmapped
 * key). The shared keys come first; then current's verbs; then, so that a key of
 * another scenario is refused with a reason rather than ignored, the first registered
 * scenario's verb on that key. current NULL: any registered scenario's. */
ui_action ui_input_map_key(SDL_Keycode key, Uint16 mod, const xl_scenario_def *current);

/* The keys of action a from the one table of shared keys, into buf[n]: as
 * --list-commands writes them ("N or Right", "Ctrl+Plus"; cap 0) or the first one's
 * keycap as the control strip writes it ("N", "+", "⇧S"; cap 1). "" for an action
 * no shared key issues (a verb's keys are its record's: ui_input_key_text). Returns buf. */
char *ui_input_action_keys(const ui_action *a, int cap, char *buf, size_t n);

/* The key-hint bar's text for the command named `name` in def: its verb's hint, or the
 * front end's for a shared command ("1–9 ⇧←/→ select"); NULL when it has none.
 * Static storage. */
const char *ui_input_hint(const xl_scenario_def *def, const char *name);

/* A verb key as the help sheet writes it ("⇧K", "↑", "Enter"; sheet 1) or as the man
 * page and --list-commands do ("Shift+K", "Up", "Enter"; sheet 0), into buf[n]. */
char *ui_input_key_text(xl_key key, int sheet, char *buf, size_t n);

/* The argument kind of the command named word[0..len-1] (shared or any registered
 * scenario's verb), or -1 if there is none. */
int ui_action_arg_type(const char *word, size_t len);

/* Every command --do and lessons accept, written from the tables: the shared ones with
 * their keys, every scenario's verbs, scenario by scenario, and the window's own. Lines
 * "USAGE  KEY  HELP" (KEY "-" for none); a line starting with '#' heads each group. */
void ui_input_list_commands(FILE *out);

/* Parse one action's text: a view command ("theme", "fullscreen", "help", "quit") or a
 * session command (xl_scenario_parse_command: shared or any registered scenario's verb).
 * Returns 0, or -1 with the reason in err. */
int ui_action_parse(const char *text, ui_action *out, char *err, size_t errlen);
/* The text form of an action into buf[n]. Returns buf. */
char *ui_action_format(const ui_action *a, char *buf, size_t n);

#endif
