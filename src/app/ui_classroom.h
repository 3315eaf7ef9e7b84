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
#include "xl_poll.h"
#include "xl_session.h"

enum {
    UI_CLASSROOM_URL_MAX = 128,  /* the join URL a class-start names, with its end */
    UI_CLASSROOM_CODE_MAX = 16   /* its c= value, the join code */
};

/* The join card (part 12): on the lesson's first page only (AUTO), or shown or hidden on
 * the page where F7 ("class-card") asked; the next page turn returns it to AUTO. */
typedef enum ui_class_card {
    UI_CLASS_CARD_AUTO = 0,
    UI_CLASS_CARD_ON,
    UI_CLASS_CARD_OFF
} ui_class_card;

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
    /* The class answering from their phones (part 12): made by "class-start URL", kept
     * until ui_classroom_free (closing the lesson only closes its question). The poll is
     * owned; NULL when no class runs. ui_classroom_sync_poll keeps its open question the
     * one the player asks. */
    xl_poll *poll;
    char class_url[UI_CLASSROOM_URL_MAX];    /* "" when no class runs */
    char class_code[UI_CLASSROOM_CODE_MAX];  /* the URL's c= value, "" when it has none */
    ui_class_card card;
    int card_page;                           /* the page (0-based, -1: none) the card was last seen on */
    char poll_path[UI_LIBRARY_PATH];         /* the lesson the poll's tallies are of */
    /* Called when a question's round of votes ends, the lesson (c->lesson) still there to
     * read its text: at the reveal (t->revealed), or, for a round with votes not revealed,
     * when its lesson is left (Esc, another lesson, ui_classroom_flush_poll at the end):
     * the class log's rows (ui_class). NULL: nothing. */
    void (*on_round)(void *user, const struct ui_classroom *c, const xl_poll_tally *t);
    void *on_round_user;
    unsigned char flushed[XL_POLL_QUESTIONS_MAX]; /* tally i's unrevealed round was given to on_round */
} ui_classroom;

/* What a key did. */
typedef enum ui_classroom_key_result {
    UI_CLASSROOM_PASS = 0,   /* not a lesson key: the learner's (sandbox keys apply) */
    UI_CLASSROOM_TAKEN,      /* the lesson or the menu took it */
    UI_CLASSROOM_QUIT,       /* quit the program */
    /* F7 while no class runs: nothing was done and nothing is said in did (so nothing
     * is recorded); the window may start a class (ui_class), which dispatches
     * "class-start URL" when its server runs. */
    UI_CLASSROOM_CLASS_WANTED
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
 *   resume (back to the lesson last left, at the page left), reload (its file again),
 * and the class's (part 12; numbers 1-based, written in plain decimal digits):
 *   class-start URL     a class began: a new poll (an old one is cleared), the URL and its
 *                       c= code kept for the join card, which is shown on this page
 *   class-join D        device D (1..XL_POLL_DEVICES_MAX) joined (again: nothing)
 *   class-vote D P.Q K  device D votes answer K on page P's question Q: refused (-1,
 *                       nothing changed) unless D joined, P.Q is the question being
 *                       asked and K one of its answers ("question 3.1 is not open",
 *                       "device 7 has not joined"); the same vote again is taken (0)
 *   class-split [on|off]  the split's bars on the projector: toggled, shown or hidden
 *   class-card [on|off]   the join card on this page: toggled, shown or hidden
 * Text that does not parse is refused with the reason, and nothing changes. Every action
 * ends with ui_classroom_sync_poll, and class actions begin with it.
 * Returns 0, or -1 with the reason in err (unknown, no lesson or no class open for it). */
int ui_classroom_do(ui_classroom *c, const char *action, xl_session *s, char *err, size_t errlen);

/* A class action's text, parsed (ui_classroom_parse_class). */
typedef enum ui_class_kind {
    UI_CLASS_NONE = 0,
    UI_CLASS_START,
    UI_CLASS_JOIN,
    UI_CLASS_VOTE,
    UI_CLASS_SPLIT,
    UI_CLASS_CARD
} ui_class_kind;

typedef struct ui_class_action {
    ui_class_kind kind;
    int device;                      /* JOIN, VOTE: 0-based */
    int page, question, option;      /* VOTE: 0-based */
    int set;                         /* SPLIT, CARD: -1 toggle, 0 off, 1 on */
    char url[UI_CLASSROOM_URL_MAX];  /* START */
} ui_class_action;

/* Parse `text` as a class action into *a. Returns 1 if it is one, 0 if its first word
 * is not a class action's (*a is NONE), -1 if it is one badly written (the reason in
 * err). Nothing is done. */
int ui_classroom_parse_class(const char *text, ui_class_action *a, char *err, size_t errlen);

/* Keep the class in step with the player: the question it asks (phase ASKING, the
 * question whose state is 1) is the poll's open question, and none is open otherwise
 * (no lesson, another phase, work in progress, or the poll's table full); a page turn
 * returns the card to AUTO. Nothing without a class. Called by ui_classroom_do, and by
 * the dispatcher wherever time passes or the player moves without an action. */
void ui_classroom_sync_poll(ui_classroom *c);
/* The rounds with votes not revealed, to on_round (once each until a new vote): the
 * class ends, or its lesson is left. */
void ui_classroom_flush_poll(ui_classroom *c);

/* Question q (0-based) of page `page` (0-based) of the open lesson, or NULL when there is
 * no such question (no lesson, a broken one, out of range): the text, answers and right
 * answer a tally's log row or the phones' page shows. Borrowed until the lesson changes. */
const xl_question *ui_classroom_question(const ui_classroom *c, int page, int q);

/* 1 when the join card is shown now: a class runs and the card is ON, or AUTO on the
 * lesson's first page. */
int ui_classroom_card_shown(const ui_classroom *c);

/* A key press: a lesson key does its action and writes it into did[n] (if not NULL;
 * "" when the key is the learner's or only answered the quit question).
 * A lesson survives its clicker: Esc leaves for the sandbox, and there Page Down, Page
 * Up or F5 return to the page left; while a lesson is open or was left, Q and Esc (in
 * the sandbox) only ask (quit_asked), and a second Esc or Q quits (UI_CLASSROOM_QUIT);
 * any other key answers "stay" and does nothing else.
 * F7 toggles the join card while a class runs ("class-card"), and without one returns
 * UI_CLASSROOM_CLASS_WANTED (did ""); F8 toggles the split ("class-split") while a
 * class runs, and is the learner's otherwise. Either with Shift, Ctrl or Alt: the learner's. */
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
