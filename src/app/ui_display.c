/* ui_display: the video subsystem, the main window's renderer, the presenter's window
 * (see ui_display.h). */
#include "ui_display.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_lang.h"
#include "ui_platform.h"
#include "ui_rec.h"

int ui_display_open_video(void)
{
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, _("xentlab: cannot open a window: %s\n"
                        "(no display? use --headless --screenshot FILE.png)\n"), SDL_GetError());
        return 1;
    }
    /* With no display SDL falls back to drivers whose windows no one can see; the
     * program would then wait for input that cannot come. Only an explicit choice
     * (SDL_VIDEODRIVER, as the tests set) may open one. */
    if (ui_platform_invisible_driver(SDL_GetCurrentVideoDriver(), getenv("SDL_VIDEODRIVER"))) {
        const char *display = getenv("DISPLAY");
        if (display && *display)
            fprintf(stderr, _("xentlab: DISPLAY is '%s', but no window could be opened on it\n"), display);
        fprintf(stderr, _("xentlab: no display to open a window on (SDL found only its '%s' driver)\n"
                        "Set DISPLAY (or WAYLAND_DISPLAY) to a running display, or draw without one:\n"
                        "  --headless --screenshot FILE.png   a picture of the scene\n"
                        "  --record FILE.mp4 --lesson N        a lesson as video\n"),
                SDL_GetCurrentVideoDriver());
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return 1;
    }
    return 0;
}

/* An "accelerated" OpenGL renderer that is really Mesa's CPU rasterizer (no GPU, as
 * under Xvfb or in many virtual machines) costs several times the CPU of SDL's own
 * software renderer writing straight to the window. */
static int renderer_is_emulated(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(r, &info) != 0 || strncmp(info.name, "opengl", 6) != 0) return 0;
    typedef const unsigned char *(*gl_get_string_fn)(unsigned int);
    gl_get_string_fn get_string = (gl_get_string_fn)SDL_GL_GetProcAddress("glGetString");
    const char *name = get_string ? (const char *)get_string(0x1F01 /* GL_RENDERER */) : NULL;
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "swrast"));
}

SDL_Renderer *ui_display_renderer(SDL_Window *win)
{
    if (ui_platform_is_browser()) return SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    const char *forced = getenv("SDL_RENDER_DRIVER"); /* the user's choice stands */
    if (r && !(forced && *forced) && renderer_is_emulated(r)) {
        SDL_DestroyRenderer(r);
        r = NULL;
    }
    if (!r) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        r = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    }
    return r;
}

int ui_display_retains(SDL_Renderer *r)
{
    SDL_RendererInfo info;
    return r && SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
}

void ui_display_present(SDL_Window *win, SDL_Renderer *r, const ui_scene *sc)
{
    SDL_Rect rects[UI_REC_DAMAGE_MAX];
    const int n = sc ? ui_scene_damage(sc, rects, UI_REC_DAMAGE_MAX) : -1;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(r, &w, &h);
    const int whole = n < 0 || (n == 1 && rects[0].x == 0 && rects[0].y == 0 && rects[0].w == w && rects[0].h == h);
    if (whole || !ui_display_retains(r)) {
        SDL_RenderPresent(r);
        return;
    }
    if (n == 0) return; /* nothing changed: the screen shows the frame already */
    /* The software renderer draws into the window's surface: its queue flushed, only the
     * changed rectangles are copied to the screen (SDL_RenderPresent would copy all). */
    SDL_RenderFlush(r);
    ui_platform_update_rects(win, rects, n);
}

int ui_display_event_invalidates(const SDL_Event *ev)
{
    if (ev->type != SDL_WINDOWEVENT) return 0;
    switch (ev->window.event) {
    case SDL_WINDOWEVENT_ENTER: case SDL_WINDOWEVENT_LEAVE: case SDL_WINDOWEVENT_FOCUS_GAINED:
    case SDL_WINDOWEVENT_FOCUS_LOST: case SDL_WINDOWEVENT_MOVED: case SDL_WINDOWEVENT_TAKE_FOCUS:
    case SDL_WINDOWEVENT_HIT_TEST: case SDL_WINDOWEVENT_CLOSE:
        return 0;
    default:
        return 1;
    }
}

void ui_presenter_close(ui_presenter *pv)
{
    ui_scene_destroy(pv->sc);
    if (pv->r) SDL_DestroyRenderer(pv->r);
    if (pv->win) SDL_DestroyWindow(pv->win);
    memset(pv, 0, sizeof *pv);
}

int ui_presenter_open(ui_presenter *pv, const char *fonts)
{
    pv->win = SDL_CreateWindow("xentlab · presenter", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 960, 600,
                               SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    pv->r = pv->win ? SDL_CreateRenderer(pv->win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    char err[512] = "";
    pv->sc = pv->r ? ui_scene_create(pv->r, fonts, err, sizeof err) : NULL;
    if (!pv->sc) {
        fprintf(stderr, _("xentlab: cannot open the presenter view: %s\n"), err[0] ? err : SDL_GetError());
        ui_presenter_close(pv);
        return -1;
    }
    return 0;
}
