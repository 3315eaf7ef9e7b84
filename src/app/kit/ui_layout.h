/* ui_layout: where each panel goes for a window of w x h pixels, and where a label
 * goes among the marks it must not hide.
 *
 * Status bar on top, key hints at the bottom; between them two columns: P-vs-Q bars
 * over the readouts on the left, the loss landscape over the history on the right
 * (shared/DESIGN.md). The landscape is the picture the scene is about, so the right
 * column is the wider one and the landscape takes most of its height; its heatmap is
 * square and height-bound, so height is what it needs. Sizes follow the fonts, which
 * follow the window height, so the arrangement holds from 640x480 to 4K.
 */
#ifndef UI_LAYOUT_H
#define UI_LAYOUT_H

#include <SDL.h>
#include "ui_text.h"

/* Shares of the body (between status bar and hints), in percent. */
enum {
    UI_LAYOUT_LEFT_PCT = 45,       /* left column (bars, readouts) of the width */
    UI_LAYOUT_BARS_PCT = 58,       /* bars of the left column's height */
    UI_LAYOUT_LANDSCAPE_PCT = 68,  /* landscape of the right column's height */
};

typedef struct ui_layout {
    SDL_Rect status, bars, readouts, landscape, history, hints;
    SDL_Rect data;  /* the scenario's own panel, if it has one (else empty) */
    SDL_Rect side;  /* its second own panel, in the landscape's place (else empty) */
    SDL_Rect renyi; /* the Rényi panel, in the history's place when shown (else empty) */
    /* Focus (ui_layout_focus): the thin strip of live numbers under the focused panel
     * (empty in the dashboard, or when the readouts are the focus). */
    SDL_Rect strip;
    SDL_Rect controls; /* the control strip above the hints (ui_layout_with_strip; else empty) */
    int gap;      /* space between panels */
    int pad;      /* space inside a panel's border */
} ui_layout;

/* Which panels a frame has (a scenario shows some of them). */
enum {
    UI_SHOW_BARS = 1u << 0, UI_SHOW_READOUTS = 1u << 1, UI_SHOW_LANDSCAPE = 1u << 2,
    UI_SHOW_HISTORY = 1u << 3, UI_SHOW_DATA = 1u << 4, /* the scenario's own panel */
    UI_SHOW_SIDE = 1u << 5, /* its second own panel, where the landscape goes when there is none */
    UI_SHOW_HINTS = 1u << 6, /* the key-hint bar; without it (a lesson page, a recording) its
                              * row goes to the panels and hints is an empty rect at the bottom */
    UI_SHOW_RENYI = 1u << 7, /* the Rényi panel: it takes the history's place (the history goes) */
    UI_SHOW_ALL = UI_SHOW_BARS | UI_SHOW_READOUTS | UI_SHOW_LANDSCAPE | UI_SHOW_HISTORY,
    /* Not a panel: the frame is a window held upright (a phone), so the panels stack in
     * one column (a scene beside a lesson's column may be taller than wide and is not). */
    UI_LAYOUT_UPRIGHT = 1u << 8,
    /* The scenario shows licensed data (its record's credit): a focused panel's strip
     * holds the attribution on a line of its own under the live numbers (not under the
     * scenario's data panel, which shows it itself). */
    UI_LAYOUT_CREDIT = 1u << 9,
    /* Not a panel: bits 12..15 hold the panel (a ui_panel_id) the reflow keeps big, the
     * picture the page talks about (UI_LAYOUT_MAIN(id)); 0: the scenario's main one. */
    UI_LAYOUT_MAIN_SHIFT = 12,
    /* Not a panel: bits 16..23 (one a ui_panel_id, UI_LAYOUT_NEED(id)) name the panels a
     * lesson page talks about (xl_page_panels): the reflow keeps them before any other,
     * shrinking the main picture or setting them beside it rather than folding one. */
    UI_LAYOUT_NEED_SHIFT = 16
};
#define UI_LAYOUT_MAIN(id) ((unsigned)(id) << UI_LAYOUT_MAIN_SHIFT)
#define UI_LAYOUT_NEED(id) (1u << (UI_LAYOUT_NEED_SHIFT + (unsigned)(id)))

/* The reflow (the zoom past about 1.3, issue 26): when the body between the status bar
 * and the hints is fewer than UI_LAYOUT_REFLOW_LINES label lines high, the two columns
 * give way to the main picture at the full body's height (UI_LAYOUT_REFLOW_MAIN_PCT of
 * the width; its top part when the body is not half again as wide as high) and the others
 * stacked beside it, folding those with no room (ui_layout_compute). */
enum { UI_LAYOUT_REFLOW_LINES = 19, UI_LAYOUT_REFLOW_MAIN_PCT = 56 };

/* A window taller than wide (a phone held upright) stacks the panels in one column, and
 * its type goes by the width: the smallest text is UI_LAYOUT_PORTRAIT_TEXT_PX for each
 * UI_LAYOUT_PORTRAIT_WIDTH pixels of width: 16 CSS px on a phone 390 CSS px wide (and
 * more on wider ones) at any pixel ratio, since the frame's width is the CSS width times
 * the ratio. (A 360-px phone gets 14.8 CSS px: 16 there would leave room for only the
 * landscape and the bars.) */
enum { UI_LAYOUT_PORTRAIT_WIDTH = 390, UI_LAYOUT_PORTRAIT_TEXT_PX = 16 };
/* The frame's size factor (ui_scene_scale's) for a portrait frame w pixels wide, drawn in
 * a theme whose text_scale multiplies the type. */
float ui_layout_portrait_scale(int w, float text_scale);

/* scale: the frame's size factor, 1 at 1280x720 (see ui_scene_scale). show: the panels
 * the frame has. The scenario's own panel (its data) takes the top left, where the bars
 * were, and the bars share the bottom right with the history. A second own panel (side)
 * takes the landscape's place when the frame has no landscape. A panel not shown gets
 * an empty rectangle and its space goes to its column's neighbour. With UI_LAYOUT_UPRIGHT
 * (and h > w): one column, from which the least important panels go when they do not fit. */
ui_layout ui_layout_compute(int w, int h, float scale, const ui_text *text, unsigned show);
/* The same with a strip strip_h pixels high (the control strip) between the panels and
 * the hints: the panels give up its height. strip_h 0: ui_layout_compute's. */
ui_layout ui_layout_with_strip(int w, int h, float scale, const ui_text *text, unsigned show, int strip_h);

/* The panels by name, for focus and emphasis (the names xl_lesson_panel_known knows).
 * UI_PANEL_NONE: no panel (the dashboard). */
typedef enum ui_panel_id {
    UI_PANEL_NONE = 0, UI_PANEL_BARS, UI_PANEL_READOUTS, UI_PANEL_LANDSCAPE, UI_PANEL_HISTORY, UI_PANEL_DATA,
    UI_PANEL_SIDE, UI_PANEL_RENYI, UI_PANEL_COUNT
} ui_panel_id;

/* "bars", ..., "side", "renyi" for a panel, "off" for UI_PANEL_NONE (static storage). */
const char *ui_panel_name(int id);
/* The panel called name ("off" and "" give UI_PANEL_NONE), or -1 for no such panel. */
int ui_panel_find(const char *name);
/* The UI_SHOW_* bit of a panel (0 for UI_PANEL_NONE). */
unsigned ui_panel_show_bit(int id);
/* The panel's rectangle in L (NULL for UI_PANEL_NONE or out of range). */
SDL_Rect *ui_layout_panel(ui_layout *L, int id);

/* Focus (issue 21): the dashboard `dash` (ui_layout_compute for the same frame) with
 * panel `focus` taking the whole body between the status bar and the hints, less a
 * strip one line high at its foot where the live numbers go (none when the readouts
 * themselves are the focus); every other panel gets an empty rectangle. A focus the
 * frame does not show, or UI_PANEL_NONE, gives dash back unchanged. */
ui_layout ui_layout_focus(const ui_layout *dash, int w, const ui_text *text, unsigned show, int focus);

/* The layout a fraction t (0..1, already eased) of the way from a to b, rectangle by
 * rectangle. A panel empty at one end grows from (or shrinks into) a line of no height
 * at the other end's strip, or at its own top edge when there is no strip, so it
 * never jumps. t <= 0 gives a, t >= 1 gives b exactly. */
ui_layout ui_layout_between(const ui_layout *a, const ui_layout *b, float t);

/* Ease in and out (smoothstep) of t clamped to 0..1: 0 at 0, 1 at 1, flat at both. */
float ui_ease(float t);

/* What a label must keep clear of: boxes (markers, other labels) and a polyline (a
 * path drawn through its points). Borrowed for the call. */
typedef struct ui_obstacles {
    const SDL_Rect *boxes;
    int nboxes;
    const SDL_FPoint *path;
    int npath;
} ui_obstacles;

/* Labels claimed so far in a panel, so a secondary label is drawn only where it touches
 * none: the first to claim a place keeps it. Plain data on the caller's stack; start
 * with {.n = 0}. Past UI_CLAIMS_MAX boxes a claim still succeeds but is not remembered. */
enum { UI_CLAIMS_MAX = 96 };
typedef struct ui_claims {
    SDL_Rect box[UI_CLAIMS_MAX];
    int n;
} ui_claims;

/* 1 if a and b overlap, or lie closer than gap pixels side by side. */
int ui_boxes_touch(SDL_Rect a, SDL_Rect b, int gap);

/* Claim box if it lies within `inside` and touches no claimed box; 1 if claimed. */
int ui_claim(ui_claims *claims, SDL_Rect box, SDL_Rect inside, int gap);

/* 1 if the segment (x0, y0)-(x1, y1) passes through rect (edges included). */
int ui_segment_hits_rect(float x0, float y0, float x1, float y1, SDL_Rect rect);

/* Place a w x h label next to the mark whose box is `anchor`, inside `bounds` and clear
 * of `obs`. Tries right, left, above and below the mark `gap` pixels away (returns 0..3),
 * then the eight directions at two and four times the distance, where the caller draws
 * a leader line from the mark (returns 4..19). If no box is clear, *out is the first
 * candidate inside bounds (or the mark's right, clamped into bounds) and the result is
 * -1. obs may be NULL. */
int ui_label_place(SDL_Rect anchor, int w, int h, int gap, SDL_Rect bounds,
                   const ui_obstacles *obs, SDL_Rect *out);

#endif
