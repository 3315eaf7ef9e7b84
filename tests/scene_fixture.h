/* scene_fixture: the whole scene drawn headless into a software-rendered surface, for
 * the tests that look at a frame as the window shows it (test_render, test_pointer,
 * test_landscape_panel), with the labels it drew on request.
 * Included by one test file each; static inline, so a test that uses only some of them
 * builds without warnings. */
#ifndef SCENE_FIXTURE_H
#define SCENE_FIXTURE_H

#include <check.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_scene.h"

enum { SCENE_FRAME_BOXES = 1024 };

typedef struct scene_frame {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    ui_scene *scene;
    ui_frame_geom geom; /* where the last scene_frame_draw put everything */
    /* The labels of the last scene_frame_draw_recorded: boxes[0..rec.count). */
    ui_text_box boxes[SCENE_FRAME_BOXES];
    ui_text_recorder rec;
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

/* scene_frame_draw with the text recorder on: f->boxes[0..f->rec.count) are the labels
 * drawn (the test fails if there were more than SCENE_FRAME_BOXES). */
static inline void scene_frame_draw_recorded(scene_frame *f, const xl_session *s, const ui_view *view)
{
    f->rec = (ui_text_recorder){f->boxes, SCENE_FRAME_BOXES, 0};
    ui_scene_set_recorder(f->scene, &f->rec);
    ui_scene_draw(f->scene, s, view, f->surface->w, f->surface->h, &f->geom);
    ui_scene_set_recorder(f->scene, NULL);
    SDL_RenderPresent(f->renderer);
    ck_assert_int_le(f->rec.count, SCENE_FRAME_BOXES);
}

static inline void scene_frame_close(scene_frame *f)
{
    ui_scene_destroy(f->scene);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
}

#endif
