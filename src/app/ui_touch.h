/* ui_touch: two fingers on the landscape, as the view's own commands. A pinch zooms the
 * map around the pinch's centre and a two-finger drag pans it, as `zoom F,X,Y` and
 * `pan DX,DY` (so the trace, replays and --do see a gesture as they see the wheel).
 *
 * One finger is the mouse: SDL sends a mouse event for the first finger of a touch (with
 * `which` SDL_TOUCH_MOUSEID), and ui_pointer handles it as a click or a drag. This module
 * only follows the fingers (SDL_FINGERDOWN, MOTION, UP); once two are down over the
 * landscape it holds a gesture, and until the last finger of it lifts the emulated mouse
 * is not the learner's (ui_touch_owns_mouse).
 *
 * Coalescing: finger motion only moves the fingers; ui_touch_flush, called once a frame
 * (and at a finger's lift), turns the motion since the last command into at most one pan
 * and one zoom. A gesture is a few commands a second, not one per touch event.
 *
 * Coordinates are the scene's frame pixels (the caller converts SDL's normalized finger
 * positions, as ui_pointer's caller converts the mouse's), kept as doubles: fingers move
 * by less than a pixel.
 */
#ifndef UI_TOUCH_H
#define UI_TOUCH_H

#include <SDL.h>

#include "ui_hit.h"
#include "xl_session.h"

typedef struct ui_touch {
    int n;                /* fingers followed (at most two; a third is not looked at) */
    SDL_FingerID id[2];
    double x[2], y[2];    /* where they are, frame pixels */
    double ax[2], ay[2];  /* where they were at the last flush: the gesture's anchor */
    int pinching;         /* two fingers down that began over the landscape */
    int held;             /* a gesture began and a finger is still down */
} ui_touch;

/* What two fingers moving from `from` to `to` ({x0, y0, x1, y1}, frame pixels) do to the
 * view of the map l shows: first the view moves by (dx, dy) view units, so the map
 * follows the fingers' centre, then it is multiplied by factor (< 1: in) around (x, y),
 * the view point that was under the centre at `from`, which the pan brought under the
 * centre at `to`. The factor is the fingers' old distance over the new one, within
 * [1/4, 4] for one step. */
typedef struct ui_pinch {
    double factor, x, y;  /* zoom factor,x,y */
    double dx, dy;        /* pan dx,dy */
} ui_pinch;

/* 1 and *out, or 0 (nothing written) when l has no map or a distance is below a pixel
 * (fingers on top of each other cannot say how far they spread). */
int ui_touch_pinch(const ui_landscape_geom *l, const double from[4], const double to[4], ui_pinch *out);

/* Follow one finger event (coordinates in tfinger.x/y already in frame pixels). Returns 1
 * when a gesture begins at it (the second finger came down with the fingers' centre on the
 * landscape panel of g: the caller lets go of a drag the first finger began). Fingers
 * of SDL's mouse-made touch (SDL_MOUSE_TOUCHID) are not fingers. */
int ui_touch_event(ui_touch *t, const SDL_Event *ev, const ui_frame_geom *g, const xl_session *s);

/* The commands the fingers' motion since the last flush means, once the centre moved by
 * half a pixel or the distance changed by 1/1000: a pan (if the centre moved) and then a
 * zoom (if the distance changed), written into out[0..max-1] (max 2 takes both); returns
 * how many (0 without a gesture, or below both thresholds, when the anchor stays so slow
 * motion adds up). Past them the anchor moves to where the fingers are. */
int ui_touch_flush(ui_touch *t, const ui_frame_geom *g, xl_command *out, int max);

/* 1 when ev is a mouse event SDL made from a finger while a gesture holds the fingers:
 * it is not the learner's click or drag. */
int ui_touch_owns_mouse(const ui_touch *t, const SDL_Event *ev);

#endif
