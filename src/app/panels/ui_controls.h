/* ui_controls: the control strip, a row of buttons a newcomer finds without the help
 * sheet: play/pause, step, reset, speed down/up, learning rate down/up, the optimizer
 * (next) and the scenario (previous/next), each with an icon drawn from primitives, a
 * short label and its key in small type, in the theme's colours.
 *
 * A button issues exactly the command its key issues: each is one shared command, its
 * keycap is read from ui_input's one table of keys (ui_input_action_keys), and a click
 * goes through the recorded regions (ui_hit_add_edit, click = the command's name) that
 * ui_pointer turns into commands for ui_dispatch, like the hint bar's: the trace of a
 * click is the trace of the key.
 *
 * Shown: in the sandbox, unless hidden (F3, the view command "controls", or
 * --no-controls / ?controls=0); on a lesson page and in a video only when the page says
 * @controls, or after F3 asked for it. Depends on the panel kit and the session (read only). */
#ifndef UI_CONTROLS_H
#define UI_CONTROLS_H

#include <SDL.h>

#include "ui_input.h"
#include "ui_panel.h"
#include "xl_player.h"
#include "xl_session.h"

/* Who decides whether the strip is shown (ui_view.controls). */
typedef enum ui_controls_mode {
    UI_CONTROLS_AUTO = 0, /* the sandbox shows it; a lesson page when it says @controls */
    UI_CONTROLS_ON,       /* shown (F3 on a page that hid it) */
    UI_CONTROLS_OFF       /* hidden (F3, --no-controls, ?controls=0) */
} ui_controls_mode;

/* 1 when the strip is shown under mode: in the sandbox (in_lesson 0), or on a lesson's
 * page or in a video (in_lesson 1; a lesson that could not be opened too) whose page
 * says @controls or not (page_asks). */
int ui_controls_shown(int mode, int in_lesson, int page_asks);
/* The mode after F3: the opposite of what is shown now. */
int ui_controls_toggled(int mode, int in_lesson, int page_asks);

/* The strip's height in frame pixels for the frame's size factor (1 at 1280x720; not
 * the zoom: Ctrl + is for the type) and frame pixels per window point (the browser's devicePixelRatio;
 * 0 counts as 1): its buttons are 48 px at 1280x720, scaled with the window, and never
 * under 44 points (a fingertip), with room for a line of label type. */
int ui_controls_height(const ui_text *text, float scale, float px_per_point);

enum { UI_CONTROLS_MAX = 12 };
/* Where the last strip put its buttons, and what each issues. */
typedef struct ui_controls_geom {
    int n;
    SDL_Rect rect[UI_CONTROLS_MAX];
    ui_action action[UI_CONTROLS_MAX];
} ui_controls_geom;

/* Draw the strip in area for s. (px, py): the pointer in frame pixels when over_in (the
 * button under it is lit), pressed: the button is held down. Records each button as a
 * clickable region (ctx->hits) and fills geom (may be NULL). */
void ui_controls_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s, int over_in, int px, int py,
                      int pressed, ui_controls_geom *geom);

/* The action of the button at (x, y) in the strip g describes; nothing elsewhere. */
ui_action ui_controls_hit(const ui_controls_geom *g, int x, int y);

#endif
