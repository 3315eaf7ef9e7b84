/* scene_fixture: the whole scene drawn headless into a software-rendered surface, for
 * the tests that look at a frame as the window shows it (test_render, test_pointer).
 * Included by one test file each; static inline, so a test that uses only some of them
 * builds without warnings. */
#ifndef SCENE_FIXTURE_H
#define SCENE_FIXTURE_H

#include <check.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_scene.h"

typedef struct scene_frame {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    ui_scene *scene;
    ui_frame_geom geom; /* where the last scene_frame_draw put everything */
} scene_frame;

/* A w x h surface, its software renderer and a scene on it, with the fonts found as the
 * program finds them. Close with scene_frame_close. */
static inline void scene_frame_open(scene_frame *f, int w, int h)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert_msg(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0,
                  "fonts not found; tried:\n%s", tried);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    ck_assert_ptr_nonnull(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    ck_assert_ptr_nonnull(f->renderer);
    f->scene = ui_scene_create(f->renderer, fonts, err, sizeof err);
    ck_assert_msg(f->scene != NULL, "scene: %s", err);
}

/* Draw s as view shows it over the whole surface, and present it. */
static inline void scene_frame_draw(scene_frame *f, const xl_session *s, const ui_view *view)
{
    ui_scene_draw(f->scene, s, view, f->surface->w, f->surface->h, &f->geom);
    SDL_RenderPresent(f->renderer);
}

static inline void scene_frame_close(scene_frame *f)
{
    ui_scene_destroy(f->scene);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
}

#endif
