/* ui_scene: one whole frame (status bar, the four panels, key hints, help sheet)
 * drawn from the session, the view settings and the target size alone, so the same
 * state always gives the same pixels. Owns the text atlases and the landscape
 * panel's caches for one renderer. */
#ifndef UI_SCENE_H
#define UI_SCENE_H

#include <SDL.h>
#include <stddef.h>
#include "ui_layout.h"
#include "ui_panel_simplex.h"
#include "ui_panels.h"
#include "ui_theme.h"
#include "xl_session.h"

/* The zoom's range (ui_view.zoom). */
#define UI_ZOOM_MIN 0.6f
#define UI_ZOOM_MAX 1.3f

/* What the viewer chose that is not simulation state. */
typedef struct ui_view {
    ui_theme_kind theme;
    int help_visible;
    /* Where the pointer is, in frame pixels, when it is over the frame: what lies under
     * it gets a tooltip with its exact values. */
    int pointer_in;
    int pointer_x, pointer_y;
    /* Type and lines times this (Ctrl + / Ctrl − in the window), the layout re-flowing
     * around them; 0 means 1. */
    float zoom;
    /* A brief note shown at the bottom of the frame ("saved xentlab-….png"); "" none. */
    char note[192];
} ui_view;

/* Where the last frame put things (for tests and for pointing). */
typedef struct ui_frame_geom {
    float scale;
    ui_layout layout;
    ui_bars_geom bars;
    ui_readouts_geom readouts;
    ui_landscape_geom landscape;
    ui_history_geom history;
    ui_simplex_geom simplex;  /* drawn in the landscape's place when the session shows it */
    const ui_hits *hits;      /* the panels' tooltip regions; the scene's, valid until the next draw */
} ui_frame_geom;

typedef struct ui_scene ui_scene;

/* NULL on failure with the reason in err. Borrows renderer (must outlive the scene).
 * Free with ui_scene_destroy. */
ui_scene *ui_scene_create(SDL_Renderer *renderer, const char *font_dir, char *err, size_t errlen);
void ui_scene_destroy(ui_scene *sc);

/* Record the box of every label drawn from now on into rec (NULL stops); for tests
 * that look for overlapping or clipped text. rec is borrowed until replaced. */
void ui_scene_set_recorder(ui_scene *sc, ui_text_recorder *rec);

/* Size factor for a w x h frame: 1 at 1280x720, bounded by the width so a narrow
 * window keeps its labels inside the panels (the view's zoom multiplies it). */
float ui_scene_scale(int w, int h);

/* Draw the frame into the renderer's w x h target. geom may be NULL. */
void ui_scene_draw(ui_scene *sc, const xl_session *s, const ui_view *view, int w, int h,
                   ui_frame_geom *geom);

#endif
