/* ui_window: the window and its event loop, on the desktop and in a browser page.
 *
 * The loop sleeps in SDL_WaitEvent while paused (no CPU when idle). While playing it
 * wakes when the next simulation step is due; elapsed wall time becomes a whole number
 * of fixed steps, so the numbers do not depend on the frame rate. A frame is drawn only
 * when something changed. Every input it reads (keys, the mouse, touch, the wheel, a
 * replay's lines, time) goes through the dispatcher (ui_dispatch.h); what only a window
 * has (the cursor, notes, screenshots, fullscreen, the presenter's second window) is
 * done here. */
#ifndef UI_WINDOW_H
#define UI_WINDOW_H

#include "ui_cli.h"
#include "ui_dispatch.h"
#include "ui_replay.h"

/* Open the window at opt's size and run until it is closed or quit (in a browser this
 * never returns). d's session, classroom and view are the window's; replay (NULL: none)
 * is played on its own clock, its SIZE lines resizing the window. With opt->screenshot,
 * the last frame is saved there. SDL must be initialised (SDL_Init(0)). Returns the exit
 * status. */
int ui_window_run(const ui_options *opt, ui_dispatch *d, const char *fonts, const ui_replay *replay);

#endif
