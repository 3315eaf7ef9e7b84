/* ui_class: a class voting from their phones, in the window (part 12, docs/class.md).
 *
 * The glue between the class server (src/net/xn_server.h, its own thread) and the one
 * dispatch path: each turn of the window's loop, what the phones did (joins, votes) is
 * taken from the server and dispatched as lesson actions from UI_DISPATCH_CLASS
 * ("class-join D", "class-vote D P.Q K": counted by the classroom's poll, traced, and
 * recorded by --record-input, so a replay or a video made from it shows the same
 * counts), and what the phones should see (the page, the question being asked, each
 * device's counted vote, the right answer once the projector reveals it) is published
 * back. A question's counts go to --class-log when its round of votes ends (the
classroom's on_round: at the reveal, or when its lesson is left with votes).
 *
 * Desktop only: in the browser build (no server can listen in a page) ui_class_start
 * refuses with the reason. One class per window; the caller owns the ui_class (zeroed
 * before the first start) and the dispatcher it is given must outlive it.
 */
#ifndef UI_CLASS_H
#define UI_CLASS_H

#include <stddef.h>
#include <stdio.h>

#include "ui_dispatch.h"

/* Seconds without a phone after which the join card says why none may have come. */
#define UI_CLASS_ADVICE_S 45.0

typedef struct ui_class_options {
    int port;              /* 0: the default */
    const char *bind;      /* NULL: the default route's interface */
    const char *log;       /* a CSV file, or NULL */
    void (*wake)(void *);  /* called on the server's thread when phones did something */
    void *wake_user;
} ui_class_options;

typedef struct ui_class ui_class;

/* Start a class: the server, the log (appended to), and "class-start URL" dispatched, so the
 * join card shows. Says on stderr where phones join. Returns the class, or NULL with the
 * reason in err (the port taken, no network, the log not writable, the browser). */
ui_class *ui_class_start(const ui_class_options *o, ui_dispatch *d, char *err, size_t errlen);

/* One turn at `now` seconds (any monotonic clock): dispatch what the phones did, publish
 * what they should see, write the log's rows for questions that closed, set the view's
 * advice. frames: the window's frames drawn so far (the trace's status line, once a
 * second). Returns 1 if what the window shows may have changed. */
int ui_class_turn(ui_class *c, ui_dispatch *d, double now, long frames);

/* Stop: the open question's row is written if it has votes, the log closed, the server
 * stopped and everything freed. NULL: nothing. */
void ui_class_stop(ui_class *c, ui_dispatch *d);

/* 1 where a class can be started (the desktop build). */
int ui_class_available(void);

#endif
