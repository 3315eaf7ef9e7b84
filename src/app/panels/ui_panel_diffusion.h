/* ui_panel_diffusion: the diffusion scenario's own panel, "BAYESIAN SECOND LAW", in the
 * side place: the measurement's four distributions and the inequality between the two
 * cross-entropies, checked live. */
#ifndef UI_PANEL_DIFFUSION_H
#define UI_PANEL_DIFFUSION_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

void ui_diffusion_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);

struct ui_own_panel;
extern const struct ui_own_panel ui_diffusion_own_panel;

#endif
