/* ui_panel_micro: the microstates scenario's two own panels, "PARTICLES" (the coins,
 * data place) and "MACROSTATES" (the histogram over k, side place). */
#ifndef UI_PANEL_MICRO_H
#define UI_PANEL_MICRO_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

void ui_micro_particles_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);
void ui_micro_macrostates_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);

struct ui_own_panel;
extern const struct ui_own_panel ui_micro_own_panel;

#endif
