/* ui_panel_diffusion: the Bayesian Second Law panel (see ui_panel_diffusion.h). */
#include "ui_panel_diffusion.h"

#include "ui_own_panels.h"
#include "xl_scn_diffusion.h"

void ui_diffusion_panel_draw(const ui_ctx *ctx, SDL_Rect area, const xl_session *s)
{
    (void)s;
    ui_panel_begin(ctx, area, "BAYESIAN SECOND LAW", NULL);
}

const ui_own_panel ui_diffusion_own_panel = {.scenario = &xl_scenario_diffusion, .draw_side = ui_diffusion_panel_draw};
