/* ui_panel_micro: the microstates panels (see ui_panel_micro.h). */
#include "ui_panel_micro.h"

#include "ui_own_panels.h"
#include "xl_scn_micro.h"

void ui_micro_particles_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    (void)s;
    ui_panel_begin(ctx, area, "PARTICLES", NULL);
}

void ui_micro_macrostates_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    (void)s;
    ui_panel_begin(ctx, area, "MACROSTATES", NULL);
}

const ui_own_panel ui_micro_own_panel = {
    .scenario = &xl_scenario_micro, .draw = ui_micro_particles_draw, .draw_side = ui_micro_macrostates_draw};
