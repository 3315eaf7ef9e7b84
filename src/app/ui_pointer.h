/* ui_pointer: the mouse (and touchpad, and touch as SDL reports it as a mouse) on the
 * frame. Given the geometry the last frame was drawn with, a press, a drag or a release
 * becomes session commands of the ordinary vocabulary (select, set-p, move-to,
 * start-at), so the trace, replay and lessons see a pointer edit as they see a key. What
 * lies under the pointer is found by ui_hit (below this module and the scene, which asks
 * it for the tooltips).
 *
 * Coordinates are the frame's pixels (the renderer's output): the caller converts window
 * coordinates on HiDPI displays before handing events in.
 */
#ifndef UI_POINTER_H
#define UI_POINTER_H

#include <SDL.h>

#include "ui_hit.h"
#include "ui_touch.h"
#include "xl_session.h"

/* What is under (px, py) in the frame g drew for s: ui_hit_at under the pointer's name. */
static inline ui_hit ui_pointer_hit(const ui_frame_geom *g, const xl_session *s, int px, int py)
{
    return ui_hit_at(g, s, px, py);
}

typedef enum ui_drag {
    UI_DRAG_NONE = 0,
    UI_DRAG_BAR,      /* a P bar held: its p follows the pointer (or bars are painted) */
    UI_DRAG_POINT,    /* the current point held in the landscape */
    UI_DRAG_START,    /* the start held in the landscape (Ctrl) */
    UI_DRAG_TIME,     /* the history as a slider: the run rewinds to the step under it */
    UI_DRAG_SIMPLEX,  /* P held in the simplex */
    UI_DRAG_REGION,   /* a mark of a scenario's own panel held (a sample, the Gaussian's peak) */
    UI_DRAG_PAN       /* the landscape's view held (right button, or Shift) */
} ui_drag;

typedef struct ui_pointer {
    int x, y;         /* last position, frame pixels */
    int inside;       /* over the frame */
    ui_drag drag;
    int bar;          /* UI_DRAG_BAR: the bar held, or the last one painted */
    /* Painting: the weights of the stroke so far, from the bars as they were at the
     * press, so every column painted to one height gets one weight. */
    int stroke_n;
    double stroke[XL_ITEMS_MAX];
    ui_region_drag region;  /* UI_DRAG_REGION: how the held mark edits */
    int moved;              /* motion since the press */
    double before_x, before_y; /* the current point, in view coordinates, before a press moved it */
    int pan_x, pan_y;          /* UI_DRAG_PAN: where the pointer was at the last motion */
    int was_selected;       /* the region's item was selected before the press */
    /* The tooltip: it shows from a motion (at the event's timestamp, SDL's tick clock)
     * for UI_TOOLTIP_MS, and leaves early on a key or a page turn. */
    Uint32 moved_at;        /* the last motion's timestamp */
    int tip_hidden;         /* a key or a page turn took it away until the next motion */
    const void *tip_lesson; /* the lesson page it was shown on (ui_pointer_tip) */
    int tip_page;
    ui_touch touch;         /* the fingers: two on the landscape pan and zoom it (ui_touch) */
} ui_pointer;

/* How long a tooltip stays without motion, in milliseconds. */
enum { UI_TOOLTIP_MS = 4000 };

typedef enum ui_cursor { UI_CURSOR_ARROW = 0, UI_CURSOR_HAND, UI_CURSOR_CROSSHAIR, UI_CURSOR_SIZENS,
                         UI_CURSOR_COUNT } ui_cursor;

/* Feed one SDL event (mouse motion, button, wheel, window leave, finger), its coordinates
 * already in frame pixels (a finger's in tfinger.x/y). In the landscape the wheel zooms
 * around the pointer, the right button or Shift with the left pans, and a double-click
 * fits the view (putting back the point its first click moved). One finger is the mouse
 * SDL makes of it; two on the landscape pan and pinch-zoom it (ui_touch): the second
 * finger lets go of what the first one held, putting back the point it moved. Writes the
 * commands it means into out[0..max-1] (max 4 holds any event's) and returns how many. */
int ui_pointer_event(ui_pointer *p, const SDL_Event *ev, const ui_frame_geom *g, const xl_session *s,
                     xl_command *out, int max);
/* The two-finger gesture's commands for the motion since the last call (ui_touch_flush):
 * call once a frame, after the frame's events, with the geometry the last frame drew. */
int ui_pointer_flush(ui_pointer *p, const ui_frame_geom *g, xl_command *out, int max);
/* A key was pressed: the tooltip leaves until the pointer moves again. */
void ui_pointer_hide_tip(ui_pointer *p);
/* Whether the tooltip shows at now_ms (SDL_GetTicks) on page `page` of `lesson` (NULL
 * and -1 in the sandbox): the pointer is over the scene and moved less than
 * UI_TOOLTIP_MS ago (or holds a drag), no key was pressed since, and the page is the one
 * it moved on (a page turn takes the tooltip away: it must not cover the new page). */
int ui_pointer_tip(ui_pointer *p, Uint64 now_ms, const void *lesson, int page);

/* The cursor for where the pointer is: a hand over what can be dragged, a cross-hair
 * over the landscape, up-down arrows while a bar is held. */
ui_cursor ui_pointer_cursor(const ui_pointer *p, const ui_frame_geom *g, const xl_session *s);

#endif
