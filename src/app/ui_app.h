/* ui_app: runs xentlab from parsed options: a window with the event loop, or one
 * headless frame drawn by the software renderer. Returns the process exit status. */
#ifndef UI_APP_H
#define UI_APP_H

#include <SDL.h>
#include "ui_cli.h"

int ui_app_run(const ui_options *opt);

/* Read the renderer's w x h target back and write it as PNG. Returns 0 or -1 (the
 * reason is in SDL_GetError). */
int ui_app_save_png(SDL_Renderer *r, int w, int h, const char *path);

#endif
