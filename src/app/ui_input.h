/* ui_input: keys to actions. An action is either a session command (the core's
 * vocabulary, shared with --do, lessons and recorded input) or a view command (theme,
 * fullscreen, help, quit), which only the front end knows. This is the only place
 * that knows about the keyboard. */
#ifndef UI_INPUT_H
#define UI_INPUT_H

#include <SDL.h>
#include <stddef.h>
#include "xl_command.h"

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
    UI_VIEW_COUNT
} ui_view_command;

typedef struct ui_action {
    ui_view_command view;  /* UI_VIEW_NONE: cmd is the action */
    xl_command cmd;        /* kind XL_CMD_NONE when the action is a view command or nothing */
} ui_action;

/* True when the action does nothing. */
int ui_action_is_none(const ui_action *a);

/* The action a key press means (nothing for an unmapped key). */
ui_action ui_input_map_key(SDL_Keycode key, Uint16 mod);

/* The hint-bar text for a scenario's own command ("D learn", "J ⇧J more/fewer"), or NULL
 * when the kind has none. Static storage. */
const char *ui_input_hint(xl_command_kind kind);

/* Parse one action's text: a view command ("theme", "fullscreen", "help", "quit") or a
 * session command (xl_command_parse). Returns 0, or -1 with the reason in err. */
int ui_action_parse(const char *text, ui_action *out, char *err, size_t errlen);
/* The text form of an action into buf[n]. Returns buf. */
char *ui_action_format(const ui_action *a, char *buf, size_t n);

#endif
