/* ui_scene: one whole frame (status bar, the four panels, key hints, help sheet)
 * drawn from the session, the view settings and the target size alone, so the same
 * state always gives the same pixels. Owns the text atlases and the landscape
 * panel's caches for one renderer. */
#ifndef UI_SCENE_H
#define UI_SCENE_H

#include <SDL.h>
#include <stddef.h>
#include "ui_hit.h"  /* ui_frame_geom: where a frame put things */
#include "ui_lesson_panel.h"
#include "ui_theme.h"
#include "xl_poll.h"
#include "xl_session.h"

/* The zoom's range (ui_view.zoom). */
#define UI_ZOOM_MIN 0.6f
#define UI_ZOOM_MAX 2.0f

/* What the viewer chose that is not simulation state. */
typedef struct ui_view {
    ui_theme_kind theme;
    int help_visible;          /* 0: no help sheet; else its page shown, from 1 */
    /* Where the pointer is, in frame pixels, when it is over the frame: what lies under
     * it gets a tooltip with its exact values. */
    int pointer_in;
    int pointer_x, pointer_y;
    /* Type and lines times this (Ctrl + / Ctrl − in the window), the layout re-flowing
     * around them; 0 means 1. */
    float zoom;
    /* A brief note shown at the bottom of the frame ("saved xentlab-….png"); "" none. */
    char note[192];
    /* What the note is, for the loop that takes its own notes away again: known by this,
     * never by the note's words (they are in the interface's language). */
    enum { UI_NOTE_PLAIN, UI_NOTE_QUIT, UI_NOTE_COMPUTING } note_kind;
    /* A lesson: the narration column at the left, the scene to its right (borrowed). */
    const xl_player *lesson;
    const xl_lesson *broken;   /* a lesson that could not be opened: its errors instead */
    int blank;                 /* B or . in a lesson: the frame is pure black */
    int menu_open, menu_selected;
    const ui_library *library; /* what the menu lists (borrowed) */
    const char *lesson_path;   /* the lesson open, marked in the menu */
    int lesson_watched;        /* its file reloads when saved (ui_reload.h): a broken one says so */
    int recording;             /* drawn for a video: no keys or hints to press in the column */
    int mic;                   /* --mic records: a red "● mic" at the status bar's right (never in a video) */
    int sound;                 /* the sound that follows the loss is on (F10, --sound; ui_sound.h): a "♪ sound"
                                * mark at the status bar's right (never in a video) */
    /* Focus (ui_focus.h): the panel that takes the scene (a ui_panel_id; UI_PANEL_NONE,
     * 0, the dashboard), the one before the last change, and how far that change has
     * gone (0..1; drawn eased; 1 done). Set through ui_focus_set. */
    int focus, focus_from;
    float focus_t;
    int reduced_motion;        /* focus changes are cuts (--reduced-motion, prefers-reduced-motion) */
    /* The keyboard's place (issue 26): the panel the last key that acts on one acted on
     * (ui_keynav_panel: the landscape for Ctrl+arrows, the bars for Shift+Up, ...), drawn
     * with an outline in the selection's colours; UI_PANEL_NONE (0) until a key does, and
     * again after a press of the pointer (which shows its own place). */
    int key_panel;
    int pointer_over;          /* the pointer is over the scene now (F2 focuses what is under it) */
    /* The lesson page whose @focus the view took last, and how many pages had been shown
     * again then (ui_focus_follow_lesson). */
    const void *focus_lesson;
    int focus_page;
    long focus_again;
    /* The control strip (ui_controls.h): its ui_controls_mode; the pointer over the frame
     * (pointer_x, pointer_y), whatever the tooltip does, and held down; frame pixels per
     * window point (the browser's devicePixelRatio; 0 counts as 1). */
    int controls;
    int pointer_down;
    float px_per_point;
    /* The Rényi panel (ui_panel_renyi.h): shown in the history's place (F6, "renyi on"),
     * at the order renyi_alpha (in [0, ∞]; "renyi-order A", Shift+F6, a drag on its
     * plot) once renyi_alpha_set, else at UI_RENYI_DEFAULT_ALPHA (a zeroed view is valid). */
    int renyi;
    int renyi_alpha_set;
    double renyi_alpha;
    /* The class (part 12, ui_class.h): phones vote on the lesson's questions. poll NULL:
     * no class (borrowed from the classroom, as the rest below). */
    const xl_poll *poll;
    const char *class_url;     /* the URL phones open, with the code ("http://10.0.0.5:8321/?c=4821") */
    const char *class_code;    /* the join code ("4821") */
    int class_card;            /* the join card is shown: the QR code, the URL, the code, phones joined */
    int class_advice;          /* no phone has joined for a while: the card says why that may be */
} ui_view;

/* The order the Rényi panel shows before one is chosen: collision entropy, the named
 * order that differs from Shannon's for every P not uniform on its support. */
#define UI_RENYI_DEFAULT_ALPHA 2.0
static inline double ui_view_renyi_alpha(const ui_view *view)
{
    return view->renyi_alpha_set ? view->renyi_alpha : UI_RENYI_DEFAULT_ALPHA;
}

typedef struct ui_scene ui_scene;

/* NULL on failure with the reason in err. Borrows renderer (must outlive the scene).
 * Free with ui_scene_destroy. */
ui_scene *ui_scene_create(SDL_Renderer *renderer, const char *font_dir, char *err, size_t errlen);
void ui_scene_destroy(ui_scene *sc);

/* Paint with this many threads where a frame's work splits (the landscape's heatmap);
 * 1..UI_WORKERS_MAX. Frames are the same bytes for every count. Returns the count in
 * use, or -1 (the old count stays). */
int ui_scene_set_threads(ui_scene *sc, int threads);

/* The size factor of the type and marks a focused panel is drawn with: its room in the
 * focus layout over its room in the dashboard (the smaller of the width's and the
 * height's ratios), within 1..UI_FOCUS_TYPE_MAX so text stays in proportion to the
 * frame. */
#define UI_FOCUS_TYPE_MAX 1.5f
float ui_scene_focus_factor(SDL_Rect dash, SDL_Rect focused);

/* The UI_LAYOUT_NEED bits of the panels the player's page talks about (xl_page_panels:
 * its words and its @emphasise and @focus) among those `show` has: the reflow keeps
 * them unfolded. 0 without a lesson. */
unsigned ui_scene_page_needs(const xl_player *p, unsigned show);

/* Record the box of every label drawn from now on into rec (NULL stops); for tests
 * that look for overlapping or clipped text. rec is borrowed until replaced. */
void ui_scene_set_recorder(ui_scene *sc, ui_text_recorder *rec);
/* Record every string cut with "…" from now on into cuts (NULL stops; see
 * ui_text_set_cut_recorder): the region says which panel lost words. */
void ui_scene_set_cut_recorder(ui_scene *sc, ui_text_recorder *cuts);

/* Size factor for a w x h frame: 1 at 1280x720, bounded by the width so a narrow
 * window keeps its labels inside the panels (the view's zoom multiplies it). */
float ui_scene_scale(int w, int h);

/* Draw the frame into the renderer's w x h target, and where it put things into geom
 * (ui_hit.h; may be NULL). With a lesson, the narration column takes the left
 * (ui_lesson_column_width) and the scene is drawn to its right, its panels not
 * emphasised by the page dimmed; the pointer in view is in frame pixels. */
void ui_scene_draw(ui_scene *sc, const xl_session *s, const ui_view *view, int w, int h,
                   ui_frame_geom *geom);

/* Retained frames. With retain on, ui_scene_draw takes the target to hold the last frame
 * this scene drew (the same size, nothing drawn over it since) and redraws only the
 * regions whose drawing changed; the pixels are the same bytes a whole redraw gives.
 * Off (the default, for one-off frames and targets shared with other drawing): every
 * frame is drawn whole. */
void ui_scene_set_retain(ui_scene *sc, int on);
/* The target no longer holds the last frame (a new or resized surface, something else
 * drawn on it): the next frame is drawn whole. */
void ui_scene_invalidate(ui_scene *sc);
/* The regions of the frame the last ui_scene_draw changed, in frame pixels, at most max
 * of them (a frame drawn whole: one, the frame); returns how many (0: nothing changed). */
int ui_scene_damage(const ui_scene *sc, SDL_Rect *rects, int max);
/* Retained frames whose second pass drew other operations than the first recorded, so
 * that they were drawn whole instead (a drawing that depends on more than its inputs;
 * the tests hold it at 0). */
long ui_scene_mismatches(const ui_scene *sc);

/* The size factor the last frame drew a lesson's narration at (0 before any). */
float ui_scene_narration_scale(const ui_scene *sc);

/* Draw the presenter's view of the view's lesson into a w x h target, with the timer at
 * `seconds`. */
void ui_scene_draw_presenter(ui_scene *sc, const ui_view *view, double seconds, int w, int h);

#endif
