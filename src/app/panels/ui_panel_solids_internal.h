/* ui_panel_solids_internal: what the two solids panels' files share (ui_panel_solids.c
 * draws TWO SOLIDS and defines these; ui_panel_solids_ways.c draws HOW MANY WAYS). Not
 * for other modules: ui_panel_solids.h is the panels' API. */
#ifndef UI_PANEL_SOLIDS_INTERNAL_H
#define UI_PANEL_SOLIDS_INTERNAL_H

#include <SDL.h>
#include <stddef.h>

#include "ui_panel.h"
#include "xl_scn_solids.h"
#include "xl_session.h"

/* The session's solids state, or NULL when it runs another scenario (borrowed). */
const xl_solids_state *ui_solids_state(const xl_session *s);
/* The first of texts[0..n-1] that fits beside title in area's title row, or NULL. */
const char *ui_solids_pick_subtitle(const ui_ctx *ctx, SDL_Rect area, const char *title, const char *const *texts,
                                    int n);
/* Touch every glyph and colour the panels' words may need, so no later frame allocates. */
void ui_solids_prime_text(const ui_ctx *ctx, SDL_Rect in);

#endif
