/* xl_player: a lesson played on a session, page by page, the way a class sees it.
 *
 * Each page starts from a scripted state: page 1 from the session as it was when the
 * player was made, page k+1 from page k's start with all of page k's directives run.
 * Those states are computed once and kept as snapshots, so going back to a page (or
 * forward past one the learner changed) gives that state again, bit for bit.
 *
 * Entering a page restores its start and runs its directives in order. Commands and
 * expects run at once; the rest stop the script until something happens:
 *   play N    the steps are taken over time at the session's speed (xl_player_advance)
 *   wait      until the next key (xl_player_next)
 *   pause     the learner explores until the next key
 *   question  until it is answered (xl_player_answer) or revealed (xl_player_next)
 * A stop saves the state it stopped in; when the learner has changed the scene since
 * (xl_player_took_over), going on restores it first, so the script always continues from
 * what it scripted. Hold and emphasis never stop the script here: a hold matters when a
 * lesson is recorded, and emphasis is read with xl_player_emphasis.
 *
 * The player reads the session but never changes it itself: every change it wants (a
 * directive's command, steps of a play, a page's start put back, time passing) is a
 * request to its host (xl_player_host), which performs it on the session. The app's host
 * is its dispatcher (src/app/ui_dispatch.h), so the lesson's changes go the way every
 * other input goes; xl_player_host_direct performs them straight on a session (tests,
 * the bench, tools with nothing around the session).
 *
 * The player borrows the lesson and the session; both must outlive it, and so must the
 * host's user data. Nothing here depends on a clock: time arrives as seconds in
 * xl_player_advance.
 */
#ifndef XL_PLAYER_H
#define XL_PLAYER_H

#include "xl_lesson.h"
#include "xl_session.h"

typedef enum xl_player_phase {
    XL_PLAYER_PLAYING = 0,  /* a play directive is taking its steps */
    XL_PLAYER_WAITING,      /* a wait directive: the next key goes on */
    XL_PLAYER_PAUSED,       /* a pause directive: the learner explores; the next key goes on */
    XL_PLAYER_ASKING,       /* a question waits for its answer */
    XL_PLAYER_SUSPENDED,    /* the learner took over during a play: the next key plays it again */
    XL_PLAYER_DONE          /* the page's script has run */
} xl_player_phase;

/* What xl_player_next did. */
typedef enum xl_player_move {
    XL_PLAYER_STAYED = 0,   /* the last page is done: nothing further */
    XL_PLAYER_WENT_ON,      /* the script went on (past a wait, pause, question or suspended play) */
    XL_PLAYER_TURNED        /* a new page */
} xl_player_move;

typedef struct xl_player xl_player;

/* What the player asks its host to do to the session. */
typedef enum xl_player_request_kind {
    XL_PLAYER_APPLY = 0,      /* apply cmd (xl_session_apply): a directive's command, or play / pause for the
                                 status bar. Result: 1 taken, 0 refused (the reason in xl_session_message) */
    XL_PLAYER_RUN,            /* take n steps now, playing or not (xl_session_run). Result: n */
    XL_PLAYER_RESTORE,        /* put snap back (xl_session_restore): a page's start, a stop's state.
                                 Result: 0, or -1 if out of memory (the session unchanged) */
    XL_PLAYER_ADVANCE,        /* let `seconds` pass on the session's own clock (xl_session_advance).
                                 Result: the steps taken */
    XL_PLAYER_ADVANCE_STEPS   /* n steps of the session's own time, replayed (xl_session_advance_steps).
                                 Result: the steps taken */
} xl_player_request_kind;

typedef struct xl_player_request {
    xl_player_request_kind kind;
    xl_command cmd;                      /* APPLY */
    long n;                              /* RUN, ADVANCE_STEPS */
    double seconds;                      /* ADVANCE */
    const xl_session_snapshot *snap;     /* RESTORE: the player's, borrowed for the call */
} xl_player_request;

/* Whoever owns the session. perform must do the request on the session the player was
 * made with (the one it reads), exactly as the xl_session function named above does, and
 * return that function's result; it may do more around it (the app's dispatcher decides
 * what a lesson's change is traced or recorded as), but nothing that changes the session
 * otherwise. */
typedef struct xl_player_host {
    long (*perform)(void *user, const xl_player_request *rq);
    void *user;
} xl_player_host;

/* The host that performs each request straight on s (user is s). */
xl_player_host xl_player_host_direct(xl_session *s);

/* A player on page 1 of l, reading s and changing it through host (its directives
 * already run up to the first stop); file is the name its problems are reported under
 * from page 1 on (NULL: "lesson"; xl_player_set_file later would be too late for page
 * 1's). NULL if out of memory or the lesson has no page. Free with xl_player_destroy. */
xl_player *xl_player_create_hosted(const xl_lesson *l, const xl_session *s, xl_player_host host, const char *file);
/* The same with xl_player_host_direct(s). */
xl_player *xl_player_create(const xl_lesson *l, xl_session *s);
xl_player *xl_player_create_named(const xl_lesson *l, xl_session *s, const char *file);
void xl_player_destroy(xl_player *p);

const xl_lesson *xl_player_lesson(const xl_player *p);
const xl_session *xl_player_session(const xl_player *p);   /* the session it reads (borrowed) */
int xl_player_page(const xl_player *p);               /* 0-based */
int xl_player_controls(const xl_player *p);           /* 1 when the page says @controls */
xl_player_phase xl_player_phase_of(const xl_player *p);

/* Page `page` (clamped into the lesson) from its scripted start. Returns 0, or -1 if out
 * of memory (the player stays where it was). */
int xl_player_goto(xl_player *p, int page);
/* The clicker's "next": go on past a stop of the script (a question is revealed without
 * an answer), else turn to the next page. */
xl_player_move xl_player_next(xl_player *p);
/* The clicker's "back": the previous page from its start (the first page starts again). */
int xl_player_prev(xl_player *p);

/* Answer the question being asked with answer k (0-based); the script goes on. Returns 1
 * if taken, 0 if no question is asked or k is not one of its answers. */
int xl_player_answer(xl_player *p, int k);

/* Let `seconds` pass: a play directive takes the steps due at the session's speed
 * (never more than it has left, so the page ends exactly where the script says), then
 * the script goes on; otherwise the session's own playing advances. Returns the steps
 * taken. */
int xl_player_advance(xl_player *p, double seconds);

/* What xl_player_advance did, replayed: n steps of time, the play directive's if one is
 * in progress, else the session's (xl_session_advance_steps). Returns the steps taken. */
long xl_player_advance_steps(xl_player *p, long n);

/* Take up to n of the current play directive's steps now (a recording counts them per
 * frame in whole numbers); the script goes on when the play is done. Returns the steps
 * taken (0 when no play is in progress). */
long xl_player_take_steps(xl_player *p, long n);

/* The speed plays take their steps at (the session's steps per second). */
int xl_player_steps_per_second(const xl_player *p);

/* The seconds the current page's hold directives ask for (their sum; 0 when none). */
double xl_player_page_hold(const xl_player *p);

/* The learner changed the scene (a key or the mouse, outside the lesson's keys). A play
 * in progress is suspended and the session paused. */
void xl_player_took_over(xl_player *p);

/* Work in slices. A page start is made by running the scripts of the pages before it,
 * and a skipped play or a run takes its steps at once: up to a minute of work in a
 * lesson at its limits (XL_WORK_FILE). Sliced (1), xl_player_goto, _next and _prev
 * only begin that work, and xl_player_work does up to `ops` operations of it each
 * frame, so the window goes on drawing and answering keys. Meanwhile the player is busy:
 * it takes no steps of time and no answers, and the session holds the work in progress
 * (the caller keeps the learner's commands away from it); _next turns to the page after
 * the one on its way, _prev to the one before. The states reached are the same, bit for
 * bit, sliced or not. Not sliced (the default), every call finishes its work; turning
 * slicing off finishes any work begun. */
void xl_player_set_sliced(xl_player *p, int sliced);
/* Up to ops operations of the work begun (at least one step). Returns 1 while work is
 * left, 0 when none. */
int xl_player_work(xl_player *p, double ops);
/* 1 while work is left. */
int xl_player_busy(const xl_player *p);
/* The operations (XL_WORK_PAGE) the player has taken without the clock: the plays
 * and runs of page starts, the rest of skipped plays. A replay counts them against its limit. */
double xl_player_ops_done(const xl_player *p);
/* The page (0-based) whose start is being made, or -1. */
int xl_player_preparing(const xl_player *p);

/* The panel the page emphasises now ("bars", ..., see xl_lesson_panel_known), or "". */
const char *xl_player_emphasis(const xl_player *p);
/* The panel the page puts in focus ("@focus PANEL": "bars", ..., see
 * xl_lesson_panel_known), or "" for the dashboard. It holds for the whole page. */
const char *xl_player_focus(const xl_player *p);

/* Question q of the current page: 0 not asked yet, 1 being asked, 2 answered or revealed;
 * *choice (if not NULL) the learner's answer, -1 when revealed without one. */
int xl_player_question_state(const xl_player *p, int q, int *choice);

/* What the class reads is shown as the script reaches it, so no text answers before its
 * time. Narration paragraph k of the current page (counted as written, see
 * xl_page.para_after) is shown once the script has gone past every play, wait, pause and
 * question written before it: 1 if shown now. */
int xl_player_paragraph_shown(const xl_player *p, int k);

/* Question q's verdict (the right answer marked, the explanation) is shown once it is
 * answered or revealed and the plays written right after it (up to the next question,
 * wait or pause) have ended: the class predicts, watches, then sees why. 1 if shown now. */
int xl_player_question_revealed(const xl_player *p, int q);

/* Steps the current play directive has left (0 when none plays). */
long xl_player_play_left(const xl_player *p);

/* Problems found while scripting (a refused directive, an expect out of tolerance), as
 * "FILE:LINE:1: error: ..." lines, "" when none; file is the name the player was told
 * with xl_player_set_file (default "lesson"). */
const char *xl_player_problems(const xl_player *p);
void xl_player_set_file(xl_player *p, const char *file);

#endif
