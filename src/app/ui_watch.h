/* ui_watch: one file watched for changes, for a lesson's live reload (--lesson FILE).
 *
 * A change is reported once its burst of writes has settled: an editor's save is
 * several events (a truncation and writes, or a new file renamed over the old one),
 * and a file read in the middle would be half written. The watcher says a change
 * happened when nothing more has happened for UI_WATCH_SETTLE_MS.
 *
 * How it learns of changes (the platform's part is in ui_platform.h):
 *   - events: the Linux desktop's inotify on the file's folder, from a thread that
 *     sleeps until the folder changes; each event also pushes an SDL event (when SDL's
 *     events are up) so a window loop asleep in SDL_WaitEvent wakes. Nothing runs
 *     while nothing changes.
 *   - polling: elsewhere, the file's stat (inode, size, mtime) a few times a second.
 * The caller asks ui_watch_check once a turn and sleeps at most ui_watch_wait_ms.
 * Times are the caller's milliseconds (SDL_GetTicks64 in the window; tests pass their
 * own). Owned by the caller; ui_watch_close frees what ui_watch_open took. */
#ifndef UI_WATCH_H
#define UI_WATCH_H

#include <SDL.h>

#include "ui_platform.h"

enum {
    UI_WATCH_PATH = 1024,
    UI_WATCH_SETTLE_MS = 150, /* quiet time that ends a burst of writes */
    UI_WATCH_POLL_MS = 250    /* polling: the stat's period while nothing is pending */
};

/* What the stat says of the file; all zero when it is not there. */
typedef struct ui_watch_sig {
    int exists;
    unsigned long long ino, size;
    long long mtime_s, mtime_ns;
} ui_watch_sig;

typedef struct ui_watch {
    char path[UI_WATCH_PATH];
    ui_platform_watch *pw;   /* the platform's watcher; NULL: polling */
    SDL_atomic_t events;     /* counted by pw's thread */
    int events_seen;         /* ... up to here, by ui_watch_check */
    ui_watch_sig sig;        /* polling: the stat last seen */
    long long pending_since; /* the last change seen, still settling; -1: none */
    long long next_poll;     /* polling: when to stat next */
} ui_watch;

/* Watch path from now_ms on (events unless force_polling, or when the platform has
 * none). Returns 0, or -1 when path is too long. w must stay where it is until closed
 * (the platform's thread holds it). */
int ui_watch_open(ui_watch *w, const char *path, int force_polling, long long now_ms);
void ui_watch_close(ui_watch *w);
/* 1 when the file changed since the last report and the change has settled; else 0. */
int ui_watch_check(ui_watch *w, long long now_ms);
/* The longest the caller may wait before calling ui_watch_check again; -1 when only an
 * event can bring a change (events and nothing pending: sleep as long as you like). */
int ui_watch_wait_ms(const ui_watch *w, long long now_ms);
/* "inotify" or "polling": how w learns of changes. */
const char *ui_watch_how(const ui_watch *w);

#endif
