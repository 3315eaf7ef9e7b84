/* ui_own_panels: the panels scenarios bring of their own (xl_scenario_def.panels has
 * XL_PANEL_DATA or XL_PANEL_SIDE), looked up by the scenario record. Each own panel's file defines its
 * entry; this list is the one place that gathers them, so the rest of src/app draws
 * only building blocks and never names a scenario. */
#ifndef UI_OWN_PANELS_H
#define UI_OWN_PANELS_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

typedef struct ui_own_panel {
    const xl_scenario_def *scenario;  /* whose panel it is */
    /* The panel in the data place (top left); NULL if the scenario has none there. */
    void (*draw)(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);
    /* The second panel, in the landscape's place (XL_PANEL_SIDE); may be NULL. */
    void (*draw_side)(const ui_ctx *ctx, SDL_Rect area, const xl_session *s);
    /* For a record with both XL_PANEL_LANDSCAPE and XL_PANEL_SIDE: 1 when the side panel
     * takes the landscape's place now (the landscape being one of its views, chosen in
     * the state), 0 for the landscape. NULL: the landscape, whenever the record has one. */
    int (*side_instead)(const xl_session *s);
} ui_own_panel;

/* The own panel of def, or NULL if it has none. Static storage. */
const ui_own_panel *ui_own_panel_for(const xl_scenario_def *def);

#endif
