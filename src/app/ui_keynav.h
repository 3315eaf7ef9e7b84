/* ui_keynav: the keys that do what only the pointer did (issue 26: every action has a
 * key). A key of that kind (ui_input's table: Ctrl+arrows pan the landscape, Alt+arrows
 * move its current point, Shift+Up/Down the selected bar's p, ...) issues the pointer's
 * own command without its numbers (ui_action_nav_pending: the direction in cmd.n). Here the numbers are
 * made from the session and the last frame drawn, as the pointer makes them from the
 * frame under it: pan by a tenth of the view, zoom by a wheel's notch around the current
 * point, move the point by a twentieth, p by 0.05 the way a dragged bar renormalizes, the
 * timeline by ten steps. The result is the ordinary command (recorded and traced as
 * "pan -0.4,0"), so a replay needs neither the key nor the frame.
 *
 * It also says which panel a key acts on, for the window's keyboard-focus outline
 * (ui_view.key_panel). */
#ifndef UI_KEYNAV_H
#define UI_KEYNAV_H

#include <stddef.h>

#include "ui_hit.h"
#include "ui_input.h"
#include "xl_session.h"

/* The steps a key takes (exact, so tests can say what a key does). */
#define UI_KEYNAV_PAN 0.1    /* of the view's width or height */
#define UI_KEYNAV_MOVE 0.05  /* of the view's width or height */
#define UI_KEYNAV_ZOOM 0.8   /* the view times this (in), or over it (out): a wheel's notch */
#define UI_KEYNAV_P 0.05     /* the selected bar's p, as the softmax's p-up verb */
enum { UI_KEYNAV_REWIND = 10 }; /* steps along the timeline */

/* Make act's command whole when it is pending (else leave act alone), from s and the
 * last frame g (NULL: none drawn). Returns 1 and act a complete action (Shift+Up/Down in a scenario whose bars cannot be edited becomes plain Up/Down's verb),
 * or 0 with why[n] saying what is missing ("the landscape is not shown") and act nothing. */
int ui_keynav_resolve(const xl_session *s, const ui_frame_geom *g, ui_action *act, char *why, size_t n);

/* The panel (ui_panel_id) a key's action acts on, for the outline: the landscape for
 * its view and point, the bars (or the simplex's landscape place) for P and the
 * selection, the history for the timeline; UI_PANEL_NONE for the rest. */
int ui_keynav_panel(const xl_session *s, const ui_action *act);

#endif
