/* ui_panel_simplex: the probability simplex of three classes, "PROBABILITY SIMPLEX".
 *
 * Every distribution over three classes is a point of an equilateral triangle whose
 * corners are the certainties (p_i = 1 at corner i) and whose centre is the uniform
 * distribution; a point's distances to the three sides are its probabilities. The panel
 * draws P (the truth) as a blue target, Q = softmax(z) as an orange disc, the path Q
 * took over the run's history (one per optimizer in a race) from its start ring, and
 * rings of equal H(P,·) over the triangle, faintly shaded by level. KL(P‖·) =
 * H(P,·) − H(P) has the same rings, lower by H(P); a caption says so with the current
 * numbers. It is the textbook's "Q moves toward P" drawn from the live run.
 *
 * Only for a scenario whose Q is softmax(theta) over its items (xl_scenario_def.simplex:
 * the softmax) with 3 of them; anything else gets the panel frame and a one-line note.
 * Everything is read from the session each frame; only what depends on P alone (the
 * rings and the shading) is kept from one frame to the next, in the panel object the
 * scene owns.
 */
#ifndef UI_PANEL_SIMPLEX_H
#define UI_PANEL_SIMPLEX_H

#include <SDL.h>

#include "ui_panel.h"
#include "xl_session.h"

typedef struct ui_simplex_geom {
    int drawn;            /* 0 if not a simplex scenario at N = 3, or too small */
    SDL_Rect area;        /* the triangle's bounding box */
    SDL_FPoint corner[3]; /* pixel of the vertices: class 1, 2, 3 (p_i = 1 there) */
} ui_simplex_geom;

/* The panel keeps what depends on P alone (the rings, the shading) between frames.
 * NULL if out of memory. Free with ui_simplex_panel_destroy. */
typedef struct ui_simplex_panel ui_simplex_panel;
ui_simplex_panel *ui_simplex_panel_create(void);
void ui_simplex_panel_destroy(ui_simplex_panel *panel);

/* Draw the simplex panel into area from the session (a simplex scenario with 3 items;
 * otherwise a panel frame with a short note). geom may be NULL. */
void ui_simplex_draw(ui_simplex_panel *panel, const ui_ctx *ctx, SDL_Rect area, const xl_session *s,
                     ui_simplex_geom *geom);

/* Pixel <-> distribution: barycentric coordinates. to_point maps p[3] (sum 1) to a
 * pixel; from_point maps a pixel to the nearest p[3] in the simplex (clamped onto the
 * triangle: all p_i >= 0, sum 1). */
SDL_FPoint ui_simplex_to_point(const ui_simplex_geom *g, const double p[3]);
void ui_simplex_from_point(const ui_simplex_geom *g, float x, float y, double p[3]);

#endif
