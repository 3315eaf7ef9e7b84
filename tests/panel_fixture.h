/* panel_fixture: one panel drawn alone, headless, for the own-panel tests
 * (test_logistic_panel, test_weighted_panel, test_gaussian_panel).
 *
 * A panel gets an area of a software-rendered surface with a margin around it, a
 * ui_ctx filled as ui_scene fills it for the window the area comes from, and the label
 * recorder on while it draws. Included by one test file each; its functions are
 * static inline, so a test that uses only some of them builds without warnings.
 */
#ifndef PANEL_FIXTURE_H
#define PANEL_FIXTURE_H

#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_panel.h"
#include "ui_png.h"
#include "ui_scene.h"
#include "ui_text.h"
#include "ui_theme.h"

enum { MAX_BOXES = 512, MARGIN = 12 };

/* A panel size and the window it comes from (which sets the scale). */
typedef struct size_case {
    int w, h, win_w, win_h;
} size_case;
static const size_case sizes[] = {
    {560, 300, 1280, 720},
    {840, 450, 1920, 1080},
    {300, 220, 640, 480},
    {400, 260, 800, 600},
};
enum { SIZE_COUNT = (int)(sizeof sizes / sizeof sizes[0]) };

typedef struct panel_frame {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    ui_text *text;
    SDL_Rect area;
    ui_text_box boxes[MAX_BOXES];
    ui_text_recorder rec;
    const ui_theme *theme;
} panel_frame;

/* Set up a surface for a panel of size sz in theme kind, clear it, start recording
 * labels, and return the context to draw with. Close with panel_frame_close. */
static inline ui_ctx panel_frame_open(panel_frame *f, size_case sz, ui_theme_kind kind)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert_msg(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0, "fonts: %s", tried);
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, sz.w + 2 * MARGIN, sz.h + 2 * MARGIN, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    ck_assert_ptr_nonnull(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    ck_assert_ptr_nonnull(f->renderer);
    f->text = ui_text_create(f->renderer, fonts, err, sizeof err);
    ck_assert_msg(f->text != NULL, "text: %s", err);
    f->theme = ui_theme_get(kind);
    float scale = ui_scene_scale(sz.win_w, sz.win_h);
    float floors[UI_FONT_COUNT]; /* the type's floor for the window, as the scene sets it */
    ui_theme_type_floors(f->theme, sz.win_h, floors);
    ck_assert_int_eq(ui_text_set_scale_floor(f->text, scale * f->theme->text_scale, floors), 0);
    int pad = (int)(10.0f * scale + 0.5f);
    ui_ctx ctx = {
        .r = f->renderer, .text = f->text, .theme = f->theme, .scale = scale,
        .line = (scale < 1.0f ? 1.0f : scale) * f->theme->line_scale, .pad = pad < 5 ? 5 : pad,
        .unit = XL_NATS,
    };
    SDL_SetRenderDrawColor(f->renderer, f->theme->background.r, f->theme->background.g, f->theme->background.b, 255);
    SDL_RenderClear(f->renderer);
    f->area = (SDL_Rect){MARGIN, MARGIN, sz.w, sz.h};
    f->rec = (ui_text_recorder){f->boxes, MAX_BOXES, 0};
    ui_text_set_recorder(f->text, &f->rec);
    return ctx;
}

/* Stop recording and present; with XL_SHOT_DIR set, also save the frame as
 * DIR/PREFIX_SHOT_WxH_THEME.png to look at. */
static inline void panel_frame_done(panel_frame *f, const char *prefix, const char *shot, size_case sz)
{
    ui_text_set_recorder(f->text, NULL);
    SDL_RenderPresent(f->renderer);
    const char *dir = getenv("XL_SHOT_DIR");
    if (dir && *dir && shot) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s_%s_%dx%d_%s.png", dir, prefix, shot, sz.w, sz.h, f->theme->name);
        char err[128];
        ui_png_write(path, f->surface->pixels, f->surface->w, f->surface->h, f->surface->pitch, err, sizeof err);
    }
}

static inline void panel_frame_close(panel_frame *f)
{
    ui_text_destroy(f->text);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
}

static inline SDL_Color pixel(const panel_frame *f, int x, int y)
{
    ck_assert_msg(x >= 0 && y >= 0 && x < f->surface->w && y < f->surface->h, "pixel (%d,%d) outside", x, y);
    Uint32 v = ((const Uint32 *)f->surface->pixels)[(size_t)y * (f->surface->pitch / 4) + x];
    return (SDL_Color){(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
}

static inline int same(SDL_Color a, SDL_Color b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

/* Is there a pixel of colour c within d pixels of (x, y)? */
static inline int near_color(const panel_frame *f, float x, float y, int d, SDL_Color c)
{
    for (int dy = -d; dy <= d; dy++)
        for (int dx = -d; dx <= d; dx++) {
            int px = (int)lroundf(x) + dx, py = (int)lroundf(y) + dy;
            if (px >= 0 && py >= 0 && px < f->surface->w && py < f->surface->h && same(pixel(f, px, py), c, 3))
                return 1;
        }
    return 0;
}

/* Every label recorded while f drew lies inside the panel and clear of every other;
 * what names the frame in the messages. */
static inline void panel_labels_readable(const panel_frame *f, const char *what)
{
    const SDL_Rect area = f->area;
    ck_assert_int_le(f->rec.count, MAX_BOXES);
    for (int i = 0; i < f->rec.count; i++) {
        SDL_Rect a = f->boxes[i].ink;
        ck_assert_msg(a.x >= area.x && a.y >= area.y && a.x + a.w <= area.x + area.w && a.y + a.h <= area.y + area.h,
                      "%s %dx%d %s: '%s' at (%d,%d %dx%d) leaves the panel", what, area.w, area.h, f->theme->name,
                      f->boxes[i].text, a.x, a.y, a.w, a.h);
        for (int j = i + 1; j < f->rec.count; j++)
            ck_assert_msg(!SDL_HasIntersection(&a, &f->boxes[j].ink), "%s %dx%d %s: '%s' overlaps '%s'", what, area.w,
                          area.h, f->theme->name, f->boxes[i].text, f->boxes[j].text);
    }
}

/* Every pixel outside the panel is still the background: the panel drew only inside. */
static inline void panel_drawn_inside(const panel_frame *f, const char *what)
{
    const SDL_Rect area = f->area;
    const SDL_Color bg = f->theme->background;
    /* Read straight from the surface: a check per pixel would cost a message each. */
    const Uint32 *px = f->surface->pixels;
    const int pitch = f->surface->pitch / 4;
    for (int y = 0; y < f->surface->h; y++)
        for (int x = 0; x < f->surface->w; x++) {
            if (x >= area.x && x < area.x + area.w && y >= area.y && y < area.y + area.h) continue;
            Uint32 v = px[(size_t)y * pitch + x];
            SDL_Color c = {(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
            if (!same(c, bg, 0))
                ck_abort_msg("%s %dx%d %s: pixel (%d,%d) outside the panel is (%d,%d,%d)", what, area.w, area.h,
                             f->theme->name, x, y, c.r, c.g, c.b);
        }
}

#endif
