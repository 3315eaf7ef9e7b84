/* ui_workers: helper threads that run parts of one job beside the caller, for the
 * two cores of a classroom laptop (the landscape's rows are painted in two halves).
 *
 * The helpers are made once and sleep on a semaphore between jobs, so a frame pays
 * two semaphore hand-offs, not a thread start. Parts must write disjoint memory and
 * compute each result the same way whoever runs them: then the output is the same
 * bytes for 1 or 2 threads, which tests/test_render.c checks.
 */
#ifndef UI_WORKERS_H
#define UI_WORKERS_H

enum { UI_WORKERS_MAX = 4 };

typedef struct ui_workers ui_workers;
typedef void (*ui_work_fn)(void *part);

/* Up to `threads` parts run at once (1..UI_WORKERS_MAX; the caller runs one, helpers
 * the rest). When a helper cannot be started, fewer run, results unchanged. NULL
 * without memory. Free with ui_workers_destroy, which joins the helpers. */
ui_workers *ui_workers_create(int threads);
void ui_workers_destroy(ui_workers *w);

/* How many parts run at once (the caller included). */
int ui_workers_count(const ui_workers *w);

/* Run fn(parts[k]) for k < n, returning when all are done. parts[0] runs on the
 * caller; n may exceed ui_workers_count (the caller then runs the extra parts). */
void ui_workers_run(ui_workers *w, ui_work_fn fn, void *const *parts, int n);

/* Start fn(parts[k]) for k < n on the helpers alone and return at once, so the caller
 * can do other work meanwhile; ui_workers_wait returns when they are done. Parts beyond
 * the helpers (all of them without helpers) run here before returning. At most one
 * started job at a time: start waits for the previous one first. */
void ui_workers_start(ui_workers *w, ui_work_fn fn, void *const *parts, int n);
void ui_workers_wait(ui_workers *w);

/* The thread count used when the user has not chosen one: 2 on a machine with two or
 * more cores, else 1. */
int ui_workers_default_count(void);

#endif
