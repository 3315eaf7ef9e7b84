/* ui_reload: a lesson that reloads while its author writes it. `xentlab --lesson FILE`
 * (a file, not a lesson of the library by number or name) in a window on the desktop
 * watches FILE (ui_watch.h); when a save has settled and that lesson is still the one
 * open, the window reloads it through the dispatcher as the lesson action "reload"
 * (ui_classroom_reload: the same page, or the nearest; errors shown in the column as for
 * any broken lesson, until a save fixes them), so the trace and --record-input see it
 * like any other lesson action. The browser has no file to edit: nothing is watched
 * there. No drawing: the window loop shows the note this gives it. */
#ifndef UI_RELOAD_H
#define UI_RELOAD_H

#include <stddef.h>

#include "ui_dispatch.h"
#include "ui_watch.h"

typedef struct ui_reload {
    int on;         /* a lesson file is watched */
    ui_watch watch; /* its file (the classroom's path when opened) */
} ui_reload;

/* Watch the lesson cr has open when arg (--lesson's value, NULL: none) names a file,
 * on the desktop. r must stay where it is until ui_reload_stop. Returns 1 if watching. */
int ui_reload_start(ui_reload *r, const char *arg, const ui_classroom *cr, long long now_ms);
void ui_reload_stop(ui_reload *r);
/* 1 when the lesson cr has open is the file watched (saving it reloads it). */
int ui_reload_watches(const ui_reload *r, const ui_classroom *cr);
/* Once a turn: reload if the file changed and settled while its lesson is open; note
 * (n bytes) then says what happened ("reloaded FILE", or that it has errors). Returns 1
 * if it reloaded (the frame must be drawn again), else 0. */
int ui_reload_turn(ui_reload *r, ui_dispatch *d, long long now_ms, char *note, size_t n);
/* The longest the window may sleep before ui_reload_turn is due again; -1: only an
 * event can bring a change (or nothing is watched). */
int ui_reload_wait_ms(const ui_reload *r, long long now_ms);

#endif
