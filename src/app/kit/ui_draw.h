/* ui_draw: the few shapes the panels are made of, on any SDL_Renderer (the window's
 * or the software renderer behind headless frames), built from rectangles and
 * one-pixel lines so they look the same on every renderer. Nothing here allocates.
 *
 * Every shape is one operation of a retained frame (ui_rec.h): drawn, recorded or
 * skipped as the renderer's recorder says.
 *
 * Any input is safe: a NaN or infinite coordinate, radius or size draws nothing,
 * coordinates are bounded to +-UI_DRAW_BOUND pixels (lines are clipped to the target,
 * keeping their direction), so no conversion to int inside SDL can overflow. */
#ifndef UI_DRAW_H
#define UI_DRAW_H

#include <SDL.h>

/* Farthest a coordinate handed to SDL may lie from the origin, in pixels. */
#define UI_DRAW_BOUND 1.0e6

/* v bounded to +-UI_DRAW_BOUND, NaN to 0: a pixel coordinate safe to cast to int. */
float ui_draw_clamp(double v);

void ui_draw_fill(SDL_Renderer *r, SDL_Rect rect, SDL_Color c);
/* Copy src of texture t (NULL: all of it) into dst, with the texture's blend mode and
 * colour and alpha mods. `version` names t's pixels (ui_rec_new_version, taken anew
 * whenever they change): a retained frame redraws the copy when it changes. */
void ui_draw_copy(SDL_Renderer *r, SDL_Texture *t, unsigned long version, const SDL_Rect *src, SDL_Rect dst);

/* Liang-Barsky: where the segment (x0, y0) + t (dx, dy), t in [0, 1], is inside the
 * closed box [xmin, xmax] x [ymin, ymax]. Returns 0 if none of it is; else 1 with
 * *t0 <= *t1 the part inside, and *e0, *e1 the edge each end was cut at (0 xmin, 1 xmax,
 * 2 ymin, 3 ymax; -1: not cut). Lines are clipped with it (ui_draw_line) and tested
 * against boxes (ui_segment_hits_rect). */
int ui_draw_clip_span(double x0, double y0, double dx, double dy, double xmin, double ymin, double xmax, double ymax,
                      double *t0, double *t1, int *e0, int *e1);

/* The pixel format a texture copies fastest from into r's output: the window's
 * framebuffer format when r is SDL's software renderer on a window (ABGR8888 in a
 * browser's canvas, where an ARGB8888 texture is converted pixel by pixel on every
 * copy), otherwise ARGB8888. */
Uint32 ui_draw_native_format(SDL_Renderer *r);
/* Outline of `rect`, `width` pixels thick, drawn inside it. */
void ui_draw_frame(SDL_Renderer *r, SDL_Rect rect, int width, SDL_Color c);
/* A line `width` pixels thick (>= 1) with square ends. */
void ui_draw_line(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width,
                  SDL_Color c);
/* A thick polyline through pts[0..n), its segments drawn as ui_draw_line draws them
 * and joined without a notch at a bend (a width x width square where the direction
 * turns from mostly across to mostly up), every pixel it covers drawn exactly once: a
 * translucent colour is as dark where segments overlap, or samples crowd, as
 * anywhere. A non-finite point breaks the line (a gap), it does not end it. Bounded
 * work (about n segments per band of rows), nothing allocated. */
void ui_draw_polyline(SDL_Renderer *r, const SDL_FPoint *pts, int n, float width, SDL_Color c);
/* A series' points (x in step order, as a curve against time) thinned in place for
 * ui_draw_polyline: where several fall in one half pixel column, only the first, the
 * lowest, the highest and the last of them, in their order, so the line through the
 * rest covers the same rows in every column as the line through all. A run of
 * non-finite points becomes one break. Returns how many are left (at most n, at most 8
 * a pixel column). */
int ui_draw_thin_columns(SDL_FPoint *pts, int n);
/* A path's points thinned in place for ui_draw_polyline: a point in the same pixel
 * (rounded) as the last one kept is dropped, but for the last before a break or the end,
 * which replaces it. A long run that has settled (thousands of steps in a few pixels)
 * is drawn through as many points as pixels it crosses. A run of non-finite points
 * becomes one break. Returns how many are left. */
int ui_draw_thin_pixels(SDL_FPoint *pts, int n);
/* A dashed line: `dash` pixels on, `gap` pixels off. */
void ui_draw_dashed(SDL_Renderer *r, float x0, float y0, float x1, float y1, float width,
                    float dash, float gap, SDL_Color c);
void ui_draw_disc(SDL_Renderer *r, float cx, float cy, float radius, SDL_Color c);
/* Marker shapes, so series stay apart without colour (a race's optimizers). */
typedef enum ui_marker { UI_MARKER_DISC = 0, UI_MARKER_SQUARE, UI_MARKER_DIAMOND, UI_MARKER_TRIANGLE,
                         UI_MARKER_COUNT } ui_marker;
/* A filled marker of `shape` centred on (cx, cy), `radius` from centre to corner. */
void ui_draw_marker(SDL_Renderer *r, ui_marker shape, float cx, float cy, float radius, SDL_Color c);
/* A ring of outer radius `radius` and thickness `width`. */
void ui_draw_ring(SDL_Renderer *r, float cx, float cy, float radius, float width, SDL_Color c);
/* An x-shaped cross marker. */
void ui_draw_cross(SDL_Renderer *r, float cx, float cy, float size, float width, SDL_Color c);
/* A line from (x0, y0) to the tip (x1, y1) with two barbs `head` pixels long. */
void ui_draw_arrow(SDL_Renderer *r, float x0, float y0, float x1, float y1, float head,
                   float width, SDL_Color c);

SDL_Color ui_rgba(SDL_Color c, Uint8 alpha);
SDL_Color ui_mix(SDL_Color a, SDL_Color b, float t);
/* c (translucent) over an opaque ground, as SDL's software renderer blends it, to the
 * byte: a translucent fill over a flat ground drawn opaque, the same pixels. */
SDL_Color ui_over(SDL_Color ground, SDL_Color c);

#endif
