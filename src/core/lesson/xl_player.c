/* xl_player: a lesson played page by page (see xl_player.h).
 *
 * starts[k] is page k's scripted start, made on first need by running the pages before
 * it at once from the last start known; so the states never depend on how the class got
 * there (in order, by the menu, after the learner played with the scene).
 *
 * Every change to the session is a request to the host (ask_*); the session itself is
 * only read here (its cost per step, its speed, its readouts for expects, snapshots). */
#include "xl_player.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct xl_player {
    const xl_lesson *lesson;
    const xl_session *s;           /* read here; changed only through host */
    xl_player_host host;
    char file[256];
    int page;
    int cursor;                    /* the next directive of the page to run */
    xl_player_phase phase;
    long play_left;                /* steps the current play directive still takes */
    double play_acc;               /* seconds owed to it, below one step's worth */
    int touched;                   /* the learner changed the scene since the last stop */
    xl_session_snapshot *resume;   /* the state at the current stop */
    char emphasis[XL_LESSON_NAME];
    int asked;                     /* the question being asked, or -1 */
    int qstate[XL_LESSON_ANSWERS]; /* per question: 0 not asked, 1 asking, 2 answered */
    int choice[XL_LESSON_ANSWERS];
    xl_session_snapshot *starts[XL_LESSON_MAX_PAGES];
    char problems[2048];
    /* Problems are reported once per directive: the script may run a page many times. */
    unsigned char reported[XL_LESSON_MAX_PAGES][XL_LESSON_MAX_STEPS];
    /* The work the directives ask for (xl_lesson_work): page k's whole script asked
     * page_work[k] once known; `work` counts the page being run. */
    xl_lesson_work work;
    double page_work[XL_LESSON_MAX_PAGES];
    /* Work in slices (xl_player_set_sliced): a page start being made, and steps owed.
     *   target >= 0   goto(target) waits for starts[target]: page build_page's script
     *                 runs from directive build_step to make starts[build_page + 1]
     *   owed > 0      steps still to take now (of a play or a run), before the script
     *                 goes on: the build's, or the live page's (owed_live) */
    int sliced;
    int target, build_page, build_step;
    long owed;
    int owed_run;                  /* the steps are a run command's (else a play's) */
    int owed_live;                 /* the live page's: after them, the script goes on */
    int owed_pause;                /* a skipped play: pause when the steps are taken */
    double done;                   /* operations taken at once or in slices (xl_player_ops_done) */
};

static const xl_page *page_of(const xl_player *p)
{
    return &p->lesson->pages[p->page];
}

/* The requests to the host, one per kind. */
static int ask_apply(xl_player *p, xl_command cmd)
{
    const xl_player_request rq = {.kind = XL_PLAYER_APPLY, .cmd = cmd};
    return (int)p->host.perform(p->host.user, &rq);
}

static void ask_run(xl_player *p, long n)
{
    const xl_player_request rq = {.kind = XL_PLAYER_RUN, .n = n};
    p->host.perform(p->host.user, &rq);
}

static int ask_restore(xl_player *p, const xl_session_snapshot *snap)
{
    const xl_player_request rq = {.kind = XL_PLAYER_RESTORE, .snap = snap};
    return (int)p->host.perform(p->host.user, &rq);
}

static long ask_advance(xl_player *p, double seconds, long n, xl_player_request_kind kind)
{
    const xl_player_request rq = {.kind = kind, .n = n, .seconds = seconds};
    return p->host.perform(p->host.user, &rq);
}

/* Directive st, one that takes no steps (a command other than run, an expect; the rest
 * do nothing here), as xl_lesson_play_step would with the command through the
 * host. Returns 1 if it was a problem (written into report). */
static int play_step(xl_player *p, const xl_step *st, char *report, size_t n)
{
    switch (st->kind) {
    case XL_STEP_COMMAND: return ask_apply(p, st->cmd) ? 0 : xl_lesson_refused(st, p->file, p->s, report, n);
    case XL_STEP_PLAY: /* only a play of no steps comes here (the others are taken as owed) */
        ask_run(p, st->n);
        return 0;
    case XL_STEP_EXPECT: return xl_lesson_expect(st, p->file, p->s, report, n);
    default: return 0;
    }
}

/* Run directive i of page pg, reporting a problem the first time it happens. */
static void run_one(xl_player *p, int pg, int i)
{
    char report[512] = "";
    const xl_step *st = &p->lesson->pages[pg].steps[i];
    if ((xl_lesson_work_take(&p->work, xl_lesson_step_work(st, p->s), st, p->file, report, sizeof report) ||
         play_step(p, st, report, sizeof report)) &&
        !p->reported[pg][i]) {
        p->reported[pg][i] = 1;
        size_t used = strlen(p->problems);
        snprintf(p->problems + used, sizeof p->problems - used, "%s", report);
    }
}

/* A play or run of page pg, directive i, asking ops: 0 if it may go on (counted), 1 if
 * refused by the limits (reported once). */
static int over_budget(xl_player *p, int pg, int i, double ops)
{
    char report[1024] = "";
    if (!xl_lesson_work_take(&p->work, ops, &p->lesson->pages[pg].steps[i], p->file, report, sizeof report))
        return 0;
    if (!p->reported[pg][i]) {
        p->reported[pg][i] = 1;
        size_t used = strlen(p->problems);
        snprintf(p->problems + used, sizeof p->problems - used, "%s", report);
    }
    return 1;
}

/* Take up to `budget` operations' worth of the steps owed (at least one step), as the
 * directive that owes them would: a play's with xl_session_run, a run command's with
 * the command. Returns the operations spent. */
/* n steps of a play directive; `last` when they end it. The play's last step is taken
 * paused: the state it leaves is paused (the status bar, the description), and so is
 * what its trace line says ("playing":false), not a play that is over. */
static void play_steps(xl_player *p, long n, int last)
{
    if (last && n > 0) {
        if (n > 1) ask_run(p, n - 1);
        ask_apply(p, xl_command_make(XL_CMD_PAUSE));
        ask_run(p, 1);
    } else if (n > 0) {
        ask_run(p, n);
    }
}

static double take_owed(xl_player *p, double budget)
{
    const double cost = xl_session_step_cost(p->s);
    double room = budget / cost;
    long chunk = room >= (double)p->owed ? p->owed : room >= 1.0 ? (long)room : 1;
    if (p->owed_run) ask_apply(p, xl_command_int(XL_CMD_RUN, chunk));
    else play_steps(p, chunk, p->owed_pause && chunk == p->owed);
    p->owed -= chunk;
    p->done += (double)chunk * cost;
    return (double)chunk * cost;
}

/* A stop: remember the state it stopped in. Returns 0, or -1 if out of memory. */
static int stop_here(xl_player *p, xl_player_phase phase)
{
    xl_session_snapshot_free(p->resume);
    p->resume = xl_session_save(p->s);
    p->touched = 0;
    p->phase = phase;
    return p->resume ? 0 : -1;
}

/* Run the page's directives from the cursor up to the next stop or the end. */
static void run_script(xl_player *p)
{
    const xl_page *pg = page_of(p);
    while (p->cursor < pg->nsteps) {
        const xl_step *st = &pg->steps[p->cursor];
        if (st->kind == XL_STEP_PLAY || (st->kind == XL_STEP_COMMAND && st->cmd.kind == XL_CMD_RUN)) {
            if (over_budget(p, p->page, p->cursor, xl_lesson_step_work(st, p->s))) {
                p->cursor++; /* refused: the script goes on without it */
                continue;
            }
            if (st->kind == XL_STEP_COMMAND) {
                /* A run: its steps at once, or in slices between frames. */
                p->cursor++;
                p->owed = st->cmd.n;
                p->owed_run = 1;
                p->owed_live = 1;
                p->owed_pause = 0;
                if (p->sliced) {
                    p->phase = XL_PLAYER_DONE; /* no stop of the script: its steps are being taken */
                    return;
                }
                while (p->owed > 0) take_owed(p, 1e300);
                p->owed_live = 0;
                continue;
            }
        }
        switch (st->kind) {
        case XL_STEP_PLAY:
            p->play_left = st->n;
            p->play_acc = 0.0;
            p->cursor++;
            stop_here(p, XL_PLAYER_PLAYING);
            ask_apply(p, xl_command_make(XL_CMD_PLAY)); /* the status bar says so */
            return;
        case XL_STEP_WAIT:
        case XL_STEP_PAUSE:
            p->cursor++;
            stop_here(p, st->kind == XL_STEP_WAIT ? XL_PLAYER_WAITING : XL_PLAYER_PAUSED);
            return;
        case XL_STEP_QUESTION:
            p->cursor++;
            p->asked = st->question;
            p->qstate[st->question] = 1;
            stop_here(p, XL_PLAYER_ASKING);
            return;
        case XL_STEP_EMPHASISE:
            snprintf(p->emphasis, sizeof p->emphasis, "%s", st->name);
            p->cursor++;
            break;
        default:
            run_one(p, p->page, p->cursor);
            p->cursor++;
            break;
        }
    }
    p->phase = XL_PLAYER_DONE;
}

/* Go on past the current stop, from the state the script stopped in. */
static void go_on(xl_player *p)
{
    if (p->touched && p->resume) ask_restore(p, p->resume);
    p->touched = 0;
    if (p->phase == XL_PLAYER_SUSPENDED) {
        /* The play again from its start: the stop saved the state before its first step. */
        p->cursor--;
    }
    if (p->phase == XL_PLAYER_PLAYING) {
        /* Skipped: its remaining steps at once, or in slices between frames. */
        p->owed = p->play_left;
        p->owed_run = 0;
        p->owed_live = 1;
        p->owed_pause = 1;
        p->play_left = 0;
        /* The phase stays "playing" until the steps are taken: what is shown (and
         * traced) as done is done. */
        if (p->sliced && p->owed > 0) return;
        while (p->owed > 0) take_owed(p, 1e300);
        ask_apply(p, xl_command_make(XL_CMD_PAUSE));
        p->owed_live = p->owed_pause = 0;
    }
    run_script(p);
}

/* The total the pages before `page` asked for (their scripts run whole). */
static double work_before(const xl_player *p, int page)
{
    double sum = 0.0;
    for (int k = 0; k < page; k++) sum += p->page_work[k];
    return sum;
}

/* Show page `page`, whose start is made. */
static int enter(xl_player *p, int page)
{
    if (ask_restore(p, p->starts[page]) != 0) {
        if (p->starts[p->page]) ask_restore(p, p->starts[p->page]);
        return -1;
    }
    p->page = page;
    p->cursor = 0;
    p->play_left = 0;
    p->emphasis[0] = '\0';
    p->asked = -1;
    memset(p->qstate, 0, sizeof p->qstate);
    for (int i = 0; i < XL_LESSON_ANSWERS; i++) p->choice[i] = -1;
    p->touched = 0;
    p->phase = XL_PLAYER_DONE; /* until the script stops somewhere */
    p->work.page = 0.0;
    p->work.total = work_before(p, page);
    run_script(p);
    return 0;
}

/* Begin making starts[page]: from the last start known before it, page by page. */
static int begin_build(xl_player *p, int page)
{
    int k = page;
    while (!p->starts[k]) k--;
    if (ask_restore(p, p->starts[k]) != 0) return -1;
    p->target = page;
    p->build_page = k;
    p->build_step = 0;
    p->owed = 0;
    p->owed_live = 0;
    p->work.page = 0.0;
    p->work.total = work_before(p, k);
    return 0;
}

/* Up to `budget` operations of the build. Returns 1 while it goes on, 0 when the target
 * page is shown, -1 if out of memory (the player back on the page it was on). */
static int build_some(xl_player *p, double budget)
{
    while (p->target >= 0) {
        if (p->owed > 0) {
            if (budget <= 0.0) return 1;
            budget -= take_owed(p, budget);
            continue;
        }
        const xl_page *pg = &p->lesson->pages[p->build_page];
        if (p->build_step < pg->nsteps) {
            const int i = p->build_step++;
            const xl_step *st = &pg->steps[i];
            const double ops = xl_lesson_step_work(st, p->s);
            if (ops > 0.0) {
                if (!over_budget(p, p->build_page, i, ops)) {
                    p->owed = st->kind == XL_STEP_PLAY ? st->n : st->cmd.n;
                    p->owed_run = st->kind == XL_STEP_COMMAND;
                }
            } else {
                run_one(p, p->build_page, i);
                budget -= XL_STEP_BASE_OPS;
            }
            continue;
        }
        /* The page's script has run: the next page's start. */
        p->page_work[p->build_page] = p->work.page;
        p->starts[p->build_page + 1] = xl_session_save(p->s);
        if (!p->starts[p->build_page + 1]) {
            p->target = -1;
            if (p->starts[p->page]) ask_restore(p, p->starts[p->page]);
            return -1;
        }
        p->build_page++;
        p->build_step = 0;
        p->work.page = 0.0;
        p->work.total = work_before(p, p->build_page);
        if (p->build_page == p->target) {
            p->target = -1;
            return enter(p, p->build_page) == 0 ? 0 : -1;
        }
    }
    return 0;
}

/* The live page's steps owed, then its script goes on. Returns 1 while it goes on. */
static int owed_some(xl_player *p, double budget)
{
    while (p->owed > 0) {
        if (budget <= 0.0) return 1;
        budget -= take_owed(p, budget);
    }
    if (p->owed_pause) ask_apply(p, xl_command_make(XL_CMD_PAUSE));
    p->owed_live = p->owed_pause = 0;
    run_script(p);
    return p->owed_live && p->owed > 0 ? 1 : 0;
}

int xl_player_work(xl_player *p, double budget)
{
    if (p->target >= 0) {
        int r = build_some(p, budget);
        if (r != 0) return r > 0 ? 1 : 0;
        return xl_player_busy(p);
    }
    if (p->owed_live) return owed_some(p, budget);
    return 0;
}

double xl_player_ops_done(const xl_player *p)
{
    return p->done;
}

int xl_player_busy(const xl_player *p)
{
    return p->target >= 0 || p->owed_live;
}

int xl_player_preparing(const xl_player *p)
{
    return p->target;
}

void xl_player_set_sliced(xl_player *p, int sliced)
{
    p->sliced = sliced;
    if (!sliced)
        while (xl_player_busy(p) && xl_player_work(p, 1e300)) {
        }
}

int xl_player_goto(xl_player *p, int page)
{
    if (page < 0) page = 0;
    if (page >= p->lesson->npages) page = p->lesson->npages - 1;
    p->owed = 0; /* whatever was owed belongs to the page being left */
    p->owed_live = p->owed_pause = 0;
    if (p->starts[page]) {
        p->target = -1;
        return enter(p, page);
    }
    if (p->target >= 0 && page > p->build_page) {
        p->target = page; /* the build on its way goes on to the new target */
    } else if (begin_build(p, page) != 0) {
        if (p->starts[p->page]) ask_restore(p, p->starts[p->page]);
        p->target = -1;
        return -1;
    }
    if (p->sliced) return 0;
    while (p->target >= 0) {
        int r = build_some(p, 1e300);
        if (r < 0) return -1;
    }
    while (p->owed_live) owed_some(p, 1e300);
    return 0;
}

xl_player *xl_player_create(const xl_lesson *l, xl_session *s)
{
    return xl_player_create_hosted(l, s, xl_player_host_direct(s), NULL);
}

xl_player *xl_player_create_named(const xl_lesson *l, xl_session *s, const char *file)
{
    return xl_player_create_hosted(l, s, xl_player_host_direct(s), file);
}

xl_player *xl_player_create_hosted(const xl_lesson *l, const xl_session *s, xl_player_host host, const char *file)
{
    if (!l || l->npages < 1 || !host.perform) return NULL;
    xl_player *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->lesson = l;
    p->s = s;
    p->host = host;
    p->target = -1;
    snprintf(p->file, sizeof p->file, "%s", file ? file : "lesson");
    p->starts[0] = xl_session_save(s);
    if (!p->starts[0] || xl_player_goto(p, 0) != 0) {
        xl_player_destroy(p);
        return NULL;
    }
    return p;
}

void xl_player_destroy(xl_player *p)
{
    if (!p) return;
    for (int i = 0; i < XL_LESSON_MAX_PAGES; i++) xl_session_snapshot_free(p->starts[i]);
    xl_session_snapshot_free(p->resume);
    free(p);
}

const xl_lesson *xl_player_lesson(const xl_player *p) { return p->lesson; }
int xl_player_page(const xl_player *p) { return p->page; }
int xl_player_controls(const xl_player *p)
{
    return p->page >= 0 && p->page < p->lesson->npages && p->lesson->pages[p->page].controls;
}
xl_player_phase xl_player_phase_of(const xl_player *p) { return p->phase; }
const char *xl_player_emphasis(const xl_player *p) { return p->emphasis; }
const char *xl_player_focus(const xl_player *p) { return page_of(p)->focus; }
long xl_player_play_left(const xl_player *p) { return p->phase == XL_PLAYER_PLAYING ? p->play_left : 0; }
const char *xl_player_problems(const xl_player *p) { return p->problems; }

void xl_player_set_file(xl_player *p, const char *file)
{
    snprintf(p->file, sizeof p->file, "%s", file ? file : "lesson");
}

xl_player_move xl_player_next(xl_player *p)
{
    if (p->target >= 0) { /* a page on its way: the one after it */
        if (p->target + 1 >= p->lesson->npages) return XL_PLAYER_STAYED;
        return xl_player_goto(p, p->target + 1) == 0 ? XL_PLAYER_TURNED : XL_PLAYER_STAYED;
    }
    if (p->owed_live) return XL_PLAYER_STAYED; /* the script goes on when its steps are taken */
    if (p->phase != XL_PLAYER_DONE) {
        if (p->phase == XL_PLAYER_ASKING) {
            p->qstate[p->asked] = 2; /* revealed, not answered */
            p->asked = -1;
        }
        go_on(p);
        return XL_PLAYER_WENT_ON;
    }
    if (p->page + 1 >= p->lesson->npages) return XL_PLAYER_STAYED;
    return xl_player_goto(p, p->page + 1) == 0 ? XL_PLAYER_TURNED : XL_PLAYER_STAYED;
}

int xl_player_prev(xl_player *p)
{
    const int from = p->target >= 0 ? p->target : p->page;
    return xl_player_goto(p, from > 0 ? from - 1 : 0);
}

int xl_player_answer(xl_player *p, int k)
{
    if (xl_player_busy(p) || p->phase != XL_PLAYER_ASKING || p->asked < 0) return 0;
    if (k < 0 || k >= page_of(p)->questions[p->asked].nanswers) return 0;
    p->choice[p->asked] = k;
    p->qstate[p->asked] = 2;
    p->asked = -1;
    go_on(p);
    return 1;
}

int xl_player_question_state(const xl_player *p, int q, int *choice)
{
    if (q < 0 || q >= page_of(p)->nquestions) return 0;
    if (choice) *choice = p->choice[q];
    return p->qstate[q];
}

void xl_player_took_over(xl_player *p)
{
    if (xl_player_busy(p)) return; /* the caller keeps the learner's commands out meanwhile */
    p->touched = 1;
    if (p->phase == XL_PLAYER_PLAYING) {
        p->phase = XL_PLAYER_SUSPENDED;
        p->play_left = 0;
        ask_apply(p, xl_command_make(XL_CMD_PAUSE)); /* the learner has the controls */
    }
}

long xl_player_take_steps(xl_player *p, long n)
{
    if (xl_player_busy(p) || p->phase != XL_PLAYER_PLAYING || n <= 0) return 0;
    if (n > p->play_left) n = p->play_left;
    play_steps(p, n, n == p->play_left);
    p->play_left -= n;
    if (p->play_left == 0) {
        ask_apply(p, xl_command_make(XL_CMD_PAUSE));
        run_script(p);
    }
    return n;
}

int xl_player_advance(xl_player *p, double seconds)
{
    if (xl_player_busy(p)) return 0; /* the session is the page being computed */
    if (p->phase != XL_PLAYER_PLAYING) return (int)ask_advance(p, seconds, 0, XL_PLAYER_ADVANCE);
    if (!(seconds > 0.0)) return 0;
    const int sps = xl_session_steps_per_second(p->s);
    p->play_acc += seconds > 1.0 ? 1.0 : seconds;
    /* Whole steps due, counted as an integer so the float sum never decides a loop. */
    long due = (long)(p->play_acc * sps);
    if (due > p->play_left) due = p->play_left;
    p->play_acc -= (double)due / sps;
    if (p->play_acc < 0.0) p->play_acc = 0.0;
    /* At most a slice of work a frame, as xl_session_advance: the play slows, the window
     * goes on drawing. */
    const double cost = xl_session_step_cost(p->s);
    if (due > 1 && (double)due * cost > XL_WORK_SLICE) {
        const long fit = (long)(XL_WORK_SLICE / cost); /* cost >= XL_STEP_BASE_OPS */
        due = fit >= 1 ? fit : 1;
        p->play_acc = 0.0;
    }
    return (int)xl_player_take_steps(p, due);
}

double xl_player_page_hold(const xl_player *p)
{
    const xl_page *pg = page_of(p);
    double sum = 0.0;
    for (int i = 0; i < pg->nsteps; i++)
        if (pg->steps[i].kind == XL_STEP_HOLD) sum += pg->steps[i].value;
    return sum;
}

int xl_player_steps_per_second(const xl_player *p)
{
    return xl_session_steps_per_second(p->s);
}

const xl_session *xl_player_session(const xl_player *p)
{
    return p->s;
}

long xl_player_advance_steps(xl_player *p, long n)
{
    if (xl_player_busy(p)) return 0;
    if (p->phase == XL_PLAYER_PLAYING) return xl_player_take_steps(p, n);
    return ask_advance(p, 0.0, n, XL_PLAYER_ADVANCE_STEPS);
}

/* The page's directives finished: all before the cursor, but the stop the script is at. */
static int steps_done(const xl_player *p)
{
    return p->phase == XL_PLAYER_DONE ? page_of(p)->nsteps : p->cursor - 1;
}

int xl_player_paragraph_shown(const xl_player *p, int k)
{
    const xl_page *pg = page_of(p);
    if (k < 0) return 0;
    if (k >= pg->nparas) k = pg->nparas - 1; /* untracked paragraphs share the last place */
    return k < 0 || pg->para_after[k] <= steps_done(p);
}

int xl_player_question_revealed(const xl_player *p, int q)
{
    const xl_page *pg = page_of(p);
    if (q < 0 || q >= pg->nquestions || p->qstate[q] != 2) return 0;
    int at = -1;
    for (int i = 0; i < pg->nsteps; i++)
        if (pg->steps[i].kind == XL_STEP_QUESTION && pg->steps[i].question == q) at = i;
    /* The last play after it before the next stop that waits for people. */
    int last_play = -1;
    for (int i = at + 1; at >= 0 && i < pg->nsteps; i++) {
        const xl_step_kind k = pg->steps[i].kind;
        if (k == XL_STEP_QUESTION || k == XL_STEP_WAIT || k == XL_STEP_PAUSE) break;
        if (k == XL_STEP_PLAY) last_play = i;
    }
    return last_play < steps_done(p);
}
