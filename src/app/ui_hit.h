/* ui_hit: what lies where in a frame the scene drew. The scene fills a ui_frame_geom as
 * it draws (where each panel put its plot, map, triangle and recorded regions); this
 * module answers questions about it: which bar, point of the landscape, point of the
 * simplex or step of the history is under a pixel, what a pixel or a pixel's motion is in
 * the landscape's view coordinates, which recorded region a press edits or a tooltip
 * describes.
 *
 * It sits below both users: ui_scene asks it what its tooltip describes, ui_pointer
 * what a press, a drag or the wheel means. Neither includes the other. It depends on the
 * panels' geometry types and reads the session (never changes it).
 *
 * Coordinates are pixels of the scene's box (ui_frame_geom.scene's corner is 0, 0).
 */
#ifndef UI_HIT_H
#define UI_HIT_H

#include <SDL.h>

#include "ui_class_card.h"
#include "ui_layout.h"
#include "ui_lesson_panel.h"
#include "ui_panel_simplex.h"
#include "ui_controls.h"
#include "ui_panels.h"
#include "ui_panel_renyi.h"
#include "xl_session.h"

/* Where the last frame put things (for tests and for pointing). Filled by
 * ui_scene_draw; read here. */
typedef struct ui_frame_geom {
    float scale;
    ui_layout layout;
    ui_bars_geom bars;
    ui_readouts_geom readouts;
    ui_landscape_geom landscape;
    ui_history_geom history;
    ui_simplex_geom simplex;  /* drawn in the landscape's place when the session shows it */
    ui_renyi_geom renyi;      /* the Rényi panel's plot (the pointer drags α along it) */
    const ui_hits *hits;      /* the panels' tooltip regions; the scene's, valid until the next draw */
    /* Where the scene was drawn: the whole frame, or right of a lesson's column. Every
     * geometry above is relative to this box's corner (the scene draws in a viewport). */
    SDL_Rect scene;
    SDL_Rect help_hint;       /* "H help" in the hint bar: a click on it opens the key sheet */
    ui_controls_geom controls; /* the control strip's buttons (none when it is hidden) */
    ui_lesson_geom lesson;    /* the column (empty without a lesson) and its answers */
    ui_menu_geom menu;        /* the menu's rows when it is open */
    SDL_Rect titles[UI_PANEL_COUNT]; /* each panel's title bar (a double-click there focuses it) */
    int help_pages;           /* the help sheet's pages when it is open (Page Down turns them) */
    SDL_Rect help_sheet;      /* its box (relative to scene, as above): a click there turns its page */
    ui_class_card_geom class_card; /* a class's join card, when shown (relative to scene, as above) */
} ui_frame_geom;

/* What lies under a pixel. */
typedef enum ui_hit_kind {
    UI_HIT_NONE = 0,
    UI_HIT_BAR,        /* item `index` of the bars panel */
    UI_HIT_LANDSCAPE,  /* the heatmap at view coordinates (x, y) */
    UI_HIT_HISTORY,    /* the history plot near step `step` */
    UI_HIT_SIMPLEX     /* the simplex triangle, at the distribution p[3]; `index` 1 when on P */
} ui_hit_kind;

typedef struct ui_hit {
    ui_hit_kind kind;
    int index;          /* UI_HIT_BAR */
    double x, y;        /* UI_HIT_LANDSCAPE: view coordinates; UI_HIT_BAR: p at the pixel's height */
    double p[3];        /* UI_HIT_SIMPLEX */
    long step;          /* UI_HIT_HISTORY: the sample's step */
    int sample;         /* UI_HIT_HISTORY: the sample's index in the history */
    SDL_Rect target;    /* what is pointed at, which a tooltip must not cover (for the
                         * landscape and the simplex, the whole picture) */
} ui_hit;

/* What is under (px, py) in the frame g drew for s: a bar, the simplex (when the session
 * shows it), the landscape's map, or a sample of the history (within 12 pixels of its
 * step); UI_HIT_NONE elsewhere. The recorded regions are not looked at (see below). */
ui_hit ui_hit_at(const ui_frame_geom *g, const xl_session *s, int px, int py);

/* 1 when pixel (x, y) is inside r (the left and top edges in, the right and bottom out). */
int ui_hit_inside(SDL_Rect r, int x, int y);

/* Bars. p at pixel row y of the bars' plot, within [0, 1]. */
double ui_hit_bar_value(const ui_bars_geom *b, int y);
/* The column of item i under pixel column x (floor((x - plot.x) / slot)), or -1 left or
 * right of the items. */
int ui_hit_bar_column(const ui_bars_geom *b, int x);

/* Landscape. The view coordinates at the centre of pixel (px, py) of the map: 1 and *x,
 * *y; 0 (nothing written) off the map, with an empty view, or when the frame shows no map
 * (the simplex in its place). With clamp, a pixel off the map counts as the nearest pixel
 * on its edge (a point held past the edge stays on it). */
int ui_hit_landscape_point(const ui_frame_geom *g, const xl_session *s, int px, int py, int clamp, double *x,
                           double *y);
/* How far the view moves so the map follows a pointer that moved by (dx, dy) pixels
 * (right, down): *x, *y in view units; 0 (nothing written) when the map is empty. */
int ui_hit_landscape_pan(const ui_landscape_geom *l, int dx, int dy, double *x, double *y);

/* History. The step under pixel column x of the history's plot, within what the
 * session's timeline reaches. */
long ui_hit_history_step(const ui_frame_geom *g, const xl_session *s, int x);

/* Recorded regions (ui_hit_add, ui_hit_add_edit). The editable one under (x, y): of
 * overlapping ones (samples side by side) the one whose centre is nearest, the later on a
 * tie; NULL for none. Points into g->hits, valid until the next draw. */
const ui_hit_region *ui_hit_edit_region(const ui_frame_geom *g, int x, int y);
/* The one a tooltip describes at (x, y): the last recorded that holds it; NULL for none.
 * Points into g->hits, valid until the next draw. */
const ui_hit_region *ui_hit_tip_region(const ui_frame_geom *g, int x, int y);

#endif
