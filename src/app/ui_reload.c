/* ui_reload: live reload of a lesson file (see ui_reload.h). */
#include "ui_reload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_platform.h"

int ui_reload_start(ui_reload *r, const char *arg, const ui_classroom *cr, long long now_ms)
{
    memset(r, 0, sizeof *r);
    if (!arg || !cr->lesson || ui_platform_is_browser() || !ui_library_names_file(arg)) return 0;
    /* Polling instead of events only when asked (a test of the fallback, or a file
     * system whose events do not come, as some network ones). */
    const char *poll = getenv("XENTLAB_WATCH_POLL");
    if (ui_watch_open(&r->watch, cr->path, poll && *poll == '1', now_ms) != 0) return 0;
    r->on = 1;
    return 1;
}

void ui_reload_stop(ui_reload *r)
{
    if (r->on) ui_watch_close(&r->watch);
    r->on = 0;
}

int ui_reload_watches(const ui_reload *r, const ui_classroom *cr)
{
    return r->on && cr->lesson && strcmp(cr->path, r->watch.path) == 0;
}

int ui_reload_turn(ui_reload *r, ui_dispatch *d, long long now_ms, char *note, size_t n)
{
    if (!r->on || !ui_watch_check(&r->watch, now_ms)) return 0;
    const ui_classroom *cr = d->cr;
    /* Another lesson, or the sandbox: its own file is read when it is opened again. */
    if (!ui_reload_watches(r, cr)) return 0;
    char err[256] = "";
    if (ui_dispatch_lesson(d, UI_DISPATCH_LEARNER, "reload", err, sizeof err) != 0) {
        snprintf(note, n, "could not reload %.100s: %.80s", r->watch.path, err);
        return 1;
    }
    if (cr->broken)
        snprintf(note, n, "reloaded %.100s: %d error%s, shown in the column", r->watch.path,
                 cr->lesson->nerrors, cr->lesson->nerrors == 1 ? "" : "s");
    else
        snprintf(note, n, "reloaded %.150s", r->watch.path);
    return 1;
}

int ui_reload_wait_ms(const ui_reload *r, long long now_ms)
{
    return r->on ? ui_watch_wait_ms(&r->watch, now_ms) : -1;
}
