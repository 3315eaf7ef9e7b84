/* ui_workers (see ui_workers.h). */
#include "ui_workers.h"

#include <SDL.h>
#include <stdlib.h>

typedef struct helper {
    SDL_Thread *thread;
    SDL_sem *go, *done;
    ui_work_fn fn;
    void *part;
    int quit;
} helper;

struct ui_workers {
    int count;                       /* the caller plus started helpers */
    int busy;                        /* helpers given a part by ui_workers_start */
    helper helpers[UI_WORKERS_MAX - 1];
};

static int helper_main(void *arg)
{
    helper *h = arg;
    for (;;) {
        SDL_SemWait(h->go);
        if (h->quit) return 0;
        h->fn(h->part);
        SDL_SemPost(h->done);
    }
}

ui_workers *ui_workers_create(int threads)
{
    if (threads < 1) threads = 1;
    if (threads > UI_WORKERS_MAX) threads = UI_WORKERS_MAX;
    ui_workers *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->count = 1;
    for (int k = 0; k < threads - 1; k++) {
        helper *h = &w->helpers[k];
        h->go = SDL_CreateSemaphore(0);
        h->done = SDL_CreateSemaphore(0);
        h->thread = h->go && h->done ? SDL_CreateThread(helper_main, "xentlab-worker", h) : NULL;
        if (!h->thread) {
            if (h->go) SDL_DestroySemaphore(h->go);
            if (h->done) SDL_DestroySemaphore(h->done);
            h->go = h->done = NULL;
            break;
        }
        w->count++;
    }
    return w;
}

void ui_workers_destroy(ui_workers *w)
{
    if (!w) return;
    ui_workers_wait(w);
    for (int k = 0; k < w->count - 1; k++) {
        helper *h = &w->helpers[k];
        h->quit = 1;
        SDL_SemPost(h->go);
        SDL_WaitThread(h->thread, NULL);
        SDL_DestroySemaphore(h->go);
        SDL_DestroySemaphore(h->done);
    }
    free(w);
}

int ui_workers_count(const ui_workers *w) { return w ? w->count : 1; }

void ui_workers_run(ui_workers *w, ui_work_fn fn, void *const *parts, int n)
{
    ui_workers_wait(w);
    if (n <= 0) return;
    int helpers = w ? w->count - 1 : 0;
    if (helpers > n - 1) helpers = n - 1;
    /* Parts 1..helpers go to the helpers; the caller runs part 0 and any extra. */
    for (int k = 0; k < helpers; k++) {
        helper *h = &w->helpers[k];
        h->fn = fn;
        h->part = parts[k + 1];
        SDL_SemPost(h->go);
    }
    fn(parts[0]);
    for (int k = helpers + 1; k < n; k++) fn(parts[k]);
    for (int k = 0; k < helpers; k++) SDL_SemWait(w->helpers[k].done);
}

void ui_workers_start(ui_workers *w, ui_work_fn fn, void *const *parts, int n)
{
    ui_workers_wait(w);
    int helpers = w ? w->count - 1 : 0;
    if (helpers > n) helpers = n;
    for (int k = 0; k < helpers; k++) {
        helper *h = &w->helpers[k];
        h->fn = fn;
        h->part = parts[k];
        SDL_SemPost(h->go);
    }
    if (w) w->busy = helpers;
    for (int k = helpers; k < n; k++) fn(parts[k]);
}

void ui_workers_wait(ui_workers *w)
{
    if (!w) return;
    for (int k = 0; k < w->busy; k++) SDL_SemWait(w->helpers[k].done);
    w->busy = 0;
}

int ui_workers_default_count(void) { return SDL_GetCPUCount() >= 2 ? 2 : 1; }
