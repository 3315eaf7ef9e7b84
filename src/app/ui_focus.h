/* ui_focus: one panel takes the scene (issue 21), as the view holds it.
 *
 * The view (ui_view in ui_scene.h) keeps the panel in focus, the one before the last
 * change and how far the change has gone (0..1); ui_scene draws the layouts of the two
 * interpolated, eased, so a frame stays a function of state, view and size. Time moves
 * the change on through ui_focus_advance: the window's clock, or the exporter's frame
 * time, so a recording shows the same ~300 ms animation. With reduced motion a change
 * is a cut.
 *
 * What a focus key or a double-click means ("focus-toggle", "focus-next", Esc) depends
 * on what is shown and where the pointer is; ui_focus_resolve turns it into a plain
 * "focus PANEL" or "focus off" before the dispatcher records and traces it, so a replay
 * does exactly what was done. */
#ifndef UI_FOCUS_H
#define UI_FOCUS_H

#include "ui_hit.h"
#include "ui_scene.h"
#include "xl_session.h"

/* A focus change takes this long (seconds) unless motion is reduced. */
#define UI_FOCUS_SECONDS 0.3

/* The panels session s shows (UI_SHOW_* bits, as ui_scene lays them out). */
unsigned ui_focus_shown(const xl_session *s);
/* The same with what the view adds: the Rényi panel (in the history's place) when the
 * view shows it or has it in focus. view may be NULL (ui_focus_shown's). */
unsigned ui_focus_shown_view(const ui_view *view, const xl_session *s);

/* The picture a scenario is about: the landscape (or the simplex in its place), else
 * its side panel, else its own data panel, else the bars, else the first shown. */
int ui_focus_main(const xl_session *s);

/* The panel after `from` among those shown (ui_focus_shown_view), in the order bars,
 * readouts, landscape, history, data, side, renyi, wrapping around (from UI_PANEL_NONE:
 * the first). */
int ui_focus_next(const ui_view *view, const xl_session *s, int from);

/* The focus as s shows it: view->focus when s's scenario draws that panel, else
 * UI_PANEL_NONE (a focus kept across a switch to a scenario without the panel shows the
 * dashboard, and Esc or F2 treat it as none). */
int ui_focus_shown_focus(const ui_view *view, const xl_session *s);

/* Focus panel (UI_PANEL_NONE: back to the dashboard) from now on: starts the change's
 * animation (a cut with view->reduced_motion). Setting the focus in force does nothing. */
void ui_focus_set(ui_view *view, int panel);

/* `seconds` pass for the change in progress. Returns 1 if what is drawn changed. */
int ui_focus_advance(ui_view *view, double seconds);

/* 1 while a change is being animated. */
int ui_focus_animating(const ui_view *view);

/* Follow a lesson's page: when the player, its page or `again` (a count of pages shown
 * again from their start, F5) differ from the ones the view took its focus from last,
 * the view takes the page's @focus (the dashboard without one; the dashboard too when a
 * lesson is left, p NULL). Returns 1 if the focus changed. */
int ui_focus_follow_lesson(ui_view *view, const xl_player *p, long again);

/* The panel whose rectangle in g holds scene pixel (x, y), or UI_PANEL_NONE. */
int ui_focus_panel_at(const ui_frame_geom *g, int x, int y);
/* The panel whose title bar in g holds scene pixel (x, y), or UI_PANEL_NONE. */
int ui_focus_title_at(const ui_frame_geom *g, int x, int y);

/* The concrete focus a toggle means: off when a panel is in focus; else the panel
 * under the pointer (g the last frame, may be NULL), else ui_focus_main. */
int ui_focus_toggle_target(const ui_view *view, const ui_frame_geom *g, const xl_session *s);

#endif
