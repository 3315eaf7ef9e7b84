/* ui_dispatch: the one way an input changes the program's state.
 *
 * Every input goes through here: a key, a click, a drag, a touch or the wheel (the
 * learner, live in the window; ui_pointer only says which commands it means), --do and
 * --steps at the start, a line of --replay (in the window, headless, or replayed into a
 * video), the lesson's player (its host's requests), and time passing. For each, the
 * dispatcher does in one place what an input calls for, by where it came from:
 *
 *   from          applied  take-over  --record-input line  --trace command line
 *   LEARNER          yes     yes            yes                  yes
 *   START            yes     yes            yes (at 0 ms)        yes
 *   REPLAY           yes     yes            no (it is one)       yes
 *   SCRIPT           yes     no             no                   no
 *   CLASS            yes     no             yes (a lesson line)  yes (a class line)
 *
 * Applied: a session command to the session (xl_session_tick with no time; the player's
 * requests as its host contract says), a view command to the view. Take-over: a session command from anyone but the lesson's
 * own script means the learner took the controls from the lesson: its player is told
 * (xl_player_took_over), so a play in progress is suspended and going on restores the
 * state the script stopped in. A script's own changes are neither recorded nor traced
 * as commands: the lesson action that caused them is (a "lesson" line), and replaying
 * that action makes them again; the trace's lesson lines say where the lesson is.
 * View commands the window does itself (screenshot, fullscreen, quit) are not recorded:
 * replaying them would change nothing a replay shows.
 *
 * What only a window has (saving a screenshot, going fullscreen, the cursor, the
 * presenter's window, notes) stays with the window loop, which acts on what a dispatch
 * returns.
 *
 * The class (part 12): its phones' joins and votes arrive as lesson actions from CLASS
 * (ui_class, the glue around the class server), the teacher's F7 and F8 as the
 * LEARNER's; each class action, taken or refused, gets a trace "class" line
 * (ui_trace_class) from every source the table traces, and one taken is recorded as
 * the table says, so a replay counts the same votes. A refused one changes nothing and
 * is not recorded. The poll follows the player wherever it moves (ui_classroom_sync_poll):
 * after every lesson action, when time passes (live or replayed) and in
 * ui_dispatch_sync_view. */
#ifndef UI_DISPATCH_H
#define UI_DISPATCH_H

#include <stdio.h>

#include "ui_classroom.h"
#include "ui_input.h"
#include "ui_replay.h"
#include "ui_scene.h"
#include "xl_player.h"
#include "xl_session.h"

typedef enum ui_dispatch_from {
    UI_DISPATCH_LEARNER = 0,  /* keys, mouse, touch, wheel: live in the window */
    UI_DISPATCH_START,        /* --do and --steps, before the first frame */
    UI_DISPATCH_REPLAY,       /* a line of --replay */
    UI_DISPATCH_SCRIPT,       /* the lesson's player, through its host (ui_dispatch_host) */
    UI_DISPATCH_CLASS         /* the class's phones (ui_class): class-join, class-vote, ... */
} ui_dispatch_from;

/* What the trace's lesson lines compare, to write one when something changed. */
typedef struct ui_dispatch_lesson_seen {
    const void *lesson;
    int page, phase, blank, menu, presenter;
    long agains, reloads;
} ui_dispatch_lesson_seen;

/* Everything is borrowed and must outlive the dispatcher; the classroom's player is made
 * with ui_dispatch_host, so the dispatcher must outlive the player too. */
typedef struct ui_dispatch {
    xl_session *s;
    ui_classroom *cr;
    ui_view *view;
    ui_replay_writer *rw;     /* NULL: inputs are not recorded */
    FILE *trace;              /* NULL: no trace */
    int clocked;              /* ui_dispatch_start_clock was called: lines carry ms since then */
    unsigned long long start_ms;
    int quit_stays;           /* quit is refused (a browser page is left by closing its tab) */
    ui_dispatch_lesson_seen seen;
    const ui_frame_geom *geom; /* the last frame drawn (borrowed; NULL: none): what F2 focuses */
} ui_dispatch;

/* Set d up over the borrowed parts (rw and trace may be NULL) and make cr's players
 * with ui_dispatch_host(d). Lines are stamped 0 ms until ui_dispatch_start_clock. */
void ui_dispatch_init(ui_dispatch *d, xl_session *s, ui_classroom *cr, ui_view *view, ui_replay_writer *rw,
                      FILE *trace);
/* From now on, --record-input lines carry the milliseconds since this call (SDL_GetTicks64). */
void ui_dispatch_start_clock(ui_dispatch *d);
long long ui_dispatch_ms(const ui_dispatch *d);

/* The host a player of d's session is made with: its requests are performed on d->s as
 * from UI_DISPATCH_SCRIPT. */
xl_player_host ui_dispatch_host(ui_dispatch *d);

/* An action from `from`: a session command (applied, then as the table says) or a view
 * command (on d->view). focus-toggle and focus-next are made the plain "focus PANEL" (or
 * "focus off") they mean here, with the last frame (d->geom) and the pointer, and are
 * recorded and traced as that. Returns 1 if it was taken; 0 if the session refused it (the
 * reason in xl_session_message), or for quit when d->quit_stays. */
int ui_dispatch_action(ui_dispatch *d, ui_dispatch_from from, const ui_action *act);
/* The same for a session command. */
int ui_dispatch_command(ui_dispatch *d, ui_dispatch_from from, xl_command cmd);

/* A lesson action (ui_classroom_do's text: next, page K, open FILE, ...) from `from`;
 * recorded as a "lesson" line as the table says. Returns 0, or -1 with the reason in err. */
int ui_dispatch_lesson(ui_dispatch *d, ui_dispatch_from from, const char *action, char *err, size_t n);
/* A lesson action the classroom already did (ui_classroom_key, ui_classroom_click,
 * --lesson at the start): recorded as the table says. did "" does nothing. */
void ui_dispatch_lesson_done(ui_dispatch *d, ui_dispatch_from from, const char *did);
/* A key from the learner. Esc leaves the focus first ("focus off"), before the classroom
 * (which closes a lesson) and the key map (which quits) see it; else the classroom's (unless lessons_locked) or the key map's
 * action (session commands dropped when session_locked: a replay or a page being
 * computed holds the session; view commands stay the viewer's). *act gets the mapped
 * action (NONE when the classroom took the key or none applies), did the lesson action. */
ui_classroom_key_result ui_dispatch_key(ui_dispatch *d, SDL_Keycode key, Uint16 mod, int lessons_locked,
                                        int session_locked, ui_action *act, char *did, size_t n);
/* A click at frame pixel (x, y) for the classroom (answers, the lesson's foot, the
 * menu); 1 if it took it (its action in did, recorded). */
int ui_dispatch_click(ui_dispatch *d, int x, int y, const ui_frame_geom *g, char *did, size_t n);

/* `seconds` of wall time pass (live): the lesson's play or the session's own playing
 * takes the steps due; held while the screen is blanked. Recorded as an "advance" line.
 * Returns the steps taken. */
int ui_dispatch_time(ui_dispatch *d, double seconds);

/* One line of a replay (file: its name, for messages). The steps it asks for are counted
 * into *work against XL_WORK_PAGE and XL_WORK_FILE. Returns 1 if it changed what is
 * shown, 0 if not, -1 if it asks for more work than a replay may (said on stderr; the
 * replay stops). SIZE lines are the window's: 0. */
int ui_dispatch_replay(ui_dispatch *d, const ui_replay_entry *e, const char *file, double *work);

/* The state as a text (xl_state_text.h): in a lesson, the lesson's link at its page;
 * else the session's text. 0, or -1 with the reason in err. */
int ui_dispatch_state_text(const ui_dispatch *d, char *buf, size_t n, char *err, size_t errlen);

/* Copy the classroom's lesson fields into the view, and its class's: the poll (after
 * ui_classroom_sync_poll: a page computed in slices may have reached a question since
 * the last action), the URL and code (NULL without a class), whether the card shows. */
void ui_dispatch_sync_view(ui_dispatch *d);
/* A trace lesson line if the lesson, its page, phase, blanking, menu, presenter,
 * "again" or reload count changed since the last call (or since ui_dispatch_init: the first call
 * writes one when a lesson is open). The window calls it once a turn. */
void ui_dispatch_trace_lesson(ui_dispatch *d);

#endif
