/* ui_classroom: a lesson in the window: opening one (by number, name or file), the
 * clicker's keys, the menu, blanking, the presenter view's switch, leaving for the
 * sandbox. It turns keys and clicks into the player's moves; every other key is the
 * learner's (the dispatcher, ui_dispatch.h, applies it and tells the player the learner
 * took over). No drawing, no window: the dispatcher asks it, so the same keys work in
 * the main and the presenter window and in tests. */
#ifndef UI_CLASSROOM_H
#define UI_CLASSROOM_H

#include <SDL.h>
#include "ui_library.h"
#include "ui_lesson_panel.h"
#include "xl_player.h"
#include "xl_session.h"

typedef struct ui_classroom {
    ui_library library;          /* the lessons the menu lists */
    xl_lesson *lesson;           /* owned; NULL when none was opened */
    char path[UI_LIBRARY_PATH];  /* its file */
    xl_player *player;           /* owned; NULL in the sandbox or when the lesson is broken */
    int broken;                  /* the lesson has errors: they are shown instead */
    int blank;                   /* B or .: a black screen until any key */
    int menu_open, menu_selected;
    int presenter;               /* the presenter view is wanted (P, --presenter) */
    int restarted;               /* Shift+F5 was pressed: the presenter's timer starts again */
    long agains;                 /* pages shown again from their start (F5), so the trace says so */
    long reloads;                /* the file read again (ui_classroom_reload), so the trace says so */
    int reload_page;             /* 0-based: the page shown before a reload found errors, to go back to */
    /* The lesson last left (Esc, or another opened over it) and its page: Page Down,
     * Page Up or F5 in the sandbox return to it (a clicker's one button sends Esc and F5
     * in turn), the menu highlights it, and opening it again goes on from that page. */
    char left_path[UI_LIBRARY_PATH];  /* "" when no lesson was left */
    int left_page;                    /* 0-based */
    /* Q (or Esc in the sandbox after a lesson) asked "quit?": a second Esc or Q quits,
     * any other key stays. The loop shows the question and lets it lapse (clear it). */
    int quit_asked;
    /* How its players change the session (ui_classroom_set_host): the app's dispatcher.
     * All zero (as ui_classroom_init leaves it): straight on the session. */
    xl_player_host host;
} ui_classroom;

/* What a key did. */
typedef enum ui_classroom_key_result {
    UI_CLASSROOM_PASS = 0,   /* not a lesson key: the learner's (sandbox keys apply) */
    UI_CLASSROOM_TAKEN,      /* the lesson or the menu took it */
    UI_CLASSROOM_QUIT        /* quit the program */
} ui_classroom_key_result;

/* Scan the lessons (fonts_dir: where the fonts are, the lessons lie near them). */
void ui_classroom_init(ui_classroom *c, const char *fonts_dir);
void ui_classroom_free(ui_classroom *c);
/* The players opened from now on change the session through host (see xl_player_host);
 * it must perform on the session passed to ui_classroom_open and _do. */
void ui_classroom_set_host(ui_classroom *c, xl_player_host host);

/* Open the lesson `arg` names (ui_library_resolve) on session s, from the state every
 * lesson starts in (the default scene, as --check --play plays it). A lesson with
 * errors is open but broken (its errors are shown). Returns 0 (opened, possibly broken)
 * or -1 when nothing names a lesson (the reason in err). */
int ui_classroom_open(ui_classroom *c, const char *arg, xl_session *s, char *err, size_t errlen);
/* Leave the lesson for the sandbox; the scene stays as it is. The lesson and its page
 * are remembered (left_path, left_page) for "resume". */
void ui_classroom_close(ui_classroom *c);

/* Read the open lesson's file again (its author saved it: live reload) and stay on the
 * page shown, or the nearest one if pages were removed, its setup applied as a page
 * turn does. New errors: the lesson is open but broken (its errors shown), and the page
 * is remembered for the reload that fixes them. Blanking, the menu and the presenter
 * view stay as they are. Returns 0, or -1 when no lesson is open or memory ran out (the
 * reason in err). */
int ui_classroom_reload(ui_classroom *c, xl_session *s, char *err, size_t errlen);
/* The page (0-based) a reload shows for `page` of a lesson that now has npages: the
 * same, or the last when pages were removed; 0 when it has none. */
int ui_classroom_nearest_page(int page, int npages);

/* The lesson's own actions as text, the form --record-input writes and --replay reads:
 *   next, back, first, last, page K, restart (F5), blank, unblank, answer K (1-based), menu,
 *   menu-select K, menu-close, open FILE, close (to the sandbox), presenter (toggles),
 *   resume (back to the lesson last left, at the page left), reload (its file again).
 * Returns 0, or -1 with the reason in err (unknown, or no lesson open for it). */
int ui_classroom_do(ui_classroom *c, const char *action, xl_session *s, char *err, size_t errlen);

/* A key press: a lesson key does its action and writes it into did[n] (if not NULL;
 * "" when the key is the learner's or only answered the quit question).
 * A lesson survives its clicker: Esc leaves for the sandbox, and there Page Down, Page
 * Up or F5 return to the page left; while a lesson is open or was left, Q and Esc (in
 * the sandbox) only ask (quit_asked), and a second Esc or Q quits (UI_CLASSROOM_QUIT);
 * any other key answers "stay" and does nothing else. */
ui_classroom_key_result ui_classroom_key(ui_classroom *c, SDL_Keycode key, Uint16 mod, xl_session *s, char *did,
                                         size_t n);
/* A click at frame pixel (x, y) on what the last frame drew: a lesson's answer or one of
 * the keys at its column's foot (lesson, may be NULL), or the menu's rows (menu, may be
 * NULL); anywhere while blank or with the menu open. 1 if taken, its action in did. */
int ui_classroom_click(ui_classroom *c, int x, int y, const ui_lesson_geom *lesson, const ui_menu_geom *menu,
                       xl_session *s, char *did, size_t n);

/* 1 when a lesson (playing or broken) or the menu is showing. */
int ui_classroom_active(const ui_classroom *c);

#endif
