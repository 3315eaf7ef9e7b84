/* ui_watch: a file watched for changes, settled (see ui_watch.h). */
#include "ui_watch.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static ui_watch_sig stat_sig(const char *path)
{
    struct stat st;
    ui_watch_sig sig = {0, 0, 0, 0, 0};
    if (stat(path, &st) != 0) return sig;
    sig.exists = 1;
    sig.ino = (unsigned long long)st.st_ino;
    sig.size = (unsigned long long)st.st_size;
    sig.mtime_s = (long long)st.st_mtim.tv_sec;
    sig.mtime_ns = (long long)st.st_mtim.tv_nsec;
    return sig;
}

static int sig_same(ui_watch_sig a, ui_watch_sig b)
{
    return a.exists == b.exists && a.ino == b.ino && a.size == b.size && a.mtime_s == b.mtime_s &&
           a.mtime_ns == b.mtime_ns;
}

/* From the platform's thread: count, and wake a window loop asleep in SDL_WaitEvent. */
static void on_change(void *user)
{
    ui_watch *w = user;
    SDL_AtomicAdd(&w->events, 1);
    if (SDL_WasInit(SDL_INIT_EVENTS)) {
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_USEREVENT; /* only a wake-up: no one reads it */
        SDL_PushEvent(&ev);
    }
}

int ui_watch_open(ui_watch *w, const char *path, int force_polling, long long now_ms)
{
    memset(w, 0, sizeof *w);
    w->pending_since = -1;
    if (!path || strlen(path) >= sizeof w->path) return -1;
    snprintf(w->path, sizeof w->path, "%s", path);
    w->sig = stat_sig(path);
    w->next_poll = now_ms + UI_WATCH_POLL_MS;
    if (force_polling) return 0;
    /* The folder and the name in it: "x.lesson" is in ".", "/x.lesson" in "/". */
    char dir[UI_WATCH_PATH];
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == path) snprintf(dir, sizeof dir, "/");
    else snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    if (*name) w->pw = ui_platform_watch_open(dir, name, on_change, w);
    return 0;
}

void ui_watch_close(ui_watch *w)
{
    ui_platform_watch_close(w->pw);
    w->pw = NULL;
}

int ui_watch_check(ui_watch *w, long long now_ms)
{
    if (w->pw) {
        const int events = SDL_AtomicGet(&w->events);
        if (events != w->events_seen) {
            w->events_seen = events;
            w->pending_since = now_ms;
        }
    } else if (now_ms >= w->next_poll) {
        const ui_watch_sig sig = stat_sig(w->path);
        if (!sig_same(sig, w->sig)) {
            w->sig = sig;
            w->pending_since = now_ms;
        }
        /* While a change settles, look again when it would have. */
        w->next_poll = now_ms + (w->pending_since >= 0 ? UI_WATCH_SETTLE_MS : UI_WATCH_POLL_MS);
    }
    if (w->pending_since >= 0 && now_ms - w->pending_since >= UI_WATCH_SETTLE_MS) {
        w->pending_since = -1;
        return 1;
    }
    return 0;
}

int ui_watch_wait_ms(const ui_watch *w, long long now_ms)
{
    long long due = -1;
    if (w->pending_since >= 0) due = w->pending_since + UI_WATCH_SETTLE_MS;
    if (!w->pw && (due < 0 || w->next_poll < due)) due = w->next_poll;
    if (due < 0) return -1;
    return due <= now_ms ? 0 : due - now_ms > 60000 ? 60000 : (int)(due - now_ms);
}

const char *ui_watch_how(const ui_watch *w)
{
    return w->pw ? "inotify" : "polling";
}
