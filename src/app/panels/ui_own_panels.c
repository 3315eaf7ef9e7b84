/* ui_own_panels: the list of scenarios' own panels (see ui_own_panels.h). */
#include "ui_own_panels.h"

#include "ui_panel_diffusion.h"
#include "ui_panel_gaussian.h"
#include "ui_panel_logistic.h"
#include "ui_panel_micro.h"
#include "ui_panel_regression.h"
#include "ui_panel_solids.h"
#include "ui_panel_weighted.h"

static const ui_own_panel *const panels[] = {
    &ui_logistic_own_panel,
    &ui_weighted_own_panel,
    &ui_gaussian_own_panel,
    &ui_micro_own_panel,
    &ui_diffusion_own_panel,
    &ui_solids_own_panel,
    &ui_regression_own_panel,
};

const ui_own_panel *ui_own_panel_for(const xl_scenario_def *def)
{
    for (size_t i = 0; i < sizeof panels / sizeof panels[0]; i++)
        if (panels[i]->scenario == def) return panels[i];
    return NULL;
}
