/* ui_display: what the window loop (ui_window) draws on, opened and closed: the video
 * subsystem (refused, with advice, when no one could see its windows), the main
 * window's renderer, and the presenter's second window with its own scene.
 * The window loop owns what these return and gives them back here or to SDL. */
#ifndef UI_DISPLAY_H
#define UI_DISPLAY_H

#include <SDL.h>

#include "ui_scene.h"

/* SDL's video subsystem, unless it has no display a person could see (only an explicit
 * SDL_VIDEODRIVER may choose an invisible one, as the tests do). Returns 0, or 1 with
 * the reason and what to do instead said on stderr. */
int ui_display_open_video(void);

/* The main window's renderer: SDL's software renderer in the browser (the page's canvas
 * gets the same pixels as a headless frame); on the desktop an accelerated one unless it
 * is a CPU emulation of a GPU (llvmpipe and the like), then the software renderer.
 * SDL_RENDER_DRIVER, when set, stands. NULL if none could be made (SDL_GetError). */
SDL_Renderer *ui_display_renderer(SDL_Window *win);
/* Whether frames on r can be retained (ui_scene_set_retain): SDL's software renderer
 * drawing into a window's own surface keeps its pixels between presents; a GPU's back
 * buffer does not (and redrawing it whole costs the CPU little). */
int ui_display_retains(SDL_Renderer *r);
/* Show the frame sc just drew on win's renderer r: with a retained frame only the regions
 * that changed go to the screen (none when nothing did), else the whole frame. */
void ui_display_present(SDL_Window *win, SDL_Renderer *r, const ui_scene *sc);
/* Whether a window event may have left the window's surface without the last frame (a
 * new size, shown again, exposed): the next frame is then drawn whole. */
int ui_display_event_invalidates(const SDL_Event *ev);

/* The presenter's second window: speaker notes, next page, timer (ui_scene_draw_presenter).
 * All NULL while closed. */
typedef struct ui_presenter {
    SDL_Window *win;
    SDL_Renderer *r;
    ui_scene *sc;
} ui_presenter;

/* Open it with the scene's fonts. Returns 0, or -1 with the reason said on stderr and pv
 * left closed. */
int ui_presenter_open(ui_presenter *pv, const char *fonts);

/* Close it (a closed one too) and leave it all NULL. */
void ui_presenter_close(ui_presenter *pv);

#endif
