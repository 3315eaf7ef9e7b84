/* xl_player: a lesson played page by page (see xl_player.h).
 *
 * starts[k] is page k's scripted start, made on first need by running the pages before
 * it at once from the last start known; so the states never depend on how the class got
 * there (in order, by the menu, after the learner played with the scene). */
#include "xl_player.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct xl_player {
    const xl_lesson *lesson;
    xl_session *s;
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
};

static const xl_page *page_of(const xl_player *p)
{
    return &p->lesson->pages[p->page];
}

/* Run directive i of page pg, reporting a problem the first time it happens. */
static void run_one(xl_player *p, int pg, int i)
{
    char report[512] = "";
    if (xl_lesson_play_step(p->lesson, pg, i, p->file, p->s, report, sizeof report, NULL) && !p->reported[pg][i]) {
        p->reported[pg][i] = 1;
        size_t used = strlen(p->problems);
        snprintf(p->problems + used, sizeof p->problems - used, "%s", report);
    }
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
        switch (st->kind) {
        case XL_STEP_PLAY:
            p->play_left = st->n;
            p->play_acc = 0.0;
            p->cursor++;
            stop_here(p, XL_PLAYER_PLAYING);
            xl_session_apply(p->s, xl_command_make(XL_CMD_PLAY)); /* the status bar says so */
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
    if (p->touched && p->resume) xl_session_restore(p->s, p->resume);
    p->touched = 0;
    if (p->phase == XL_PLAYER_SUSPENDED) {
        /* The play again from its start: the stop saved the state before its first step. */
        p->cursor--;
    }
    if (p->phase == XL_PLAYER_PLAYING) {
        /* Skipped: its remaining steps at once. */
        xl_session_run(p->s, (int)p->play_left);
        xl_session_apply(p->s, xl_command_make(XL_CMD_PAUSE));
        p->play_left = 0;
    }
    run_script(p);
}

/* Make starts[page], from the last start known before it. */
static int make_start(xl_player *p, int page)
{
    if (p->starts[page]) return 0;
    int k = page;
    while (!p->starts[k]) k--;
    if (xl_session_restore(p->s, p->starts[k]) != 0) return -1;
    for (; k < page; k++) {
        for (int i = 0; i < p->lesson->pages[k].nsteps; i++) run_one(p, k, i);
        p->starts[k + 1] = xl_session_save(p->s);
        if (!p->starts[k + 1]) return -1;
    }
    return 0;
}

int xl_player_goto(xl_player *p, int page)
{
    if (page < 0) page = 0;
    if (page >= p->lesson->npages) page = p->lesson->npages - 1;
    if (make_start(p, page) != 0 || xl_session_restore(p->s, p->starts[page]) != 0) {
        /* Back where it was: the page it is on has its start. */
        if (p->starts[p->page]) xl_session_restore(p->s, p->starts[p->page]);
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
    run_script(p);
    return 0;
}

xl_player *xl_player_create(const xl_lesson *l, xl_session *s)
{
    if (!l || l->npages < 1) return NULL;
    xl_player *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->lesson = l;
    p->s = s;
    snprintf(p->file, sizeof p->file, "lesson");
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
xl_player_phase xl_player_phase_of(const xl_player *p) { return p->phase; }
const char *xl_player_emphasis(const xl_player *p) { return p->emphasis; }
long xl_player_play_left(const xl_player *p) { return p->phase == XL_PLAYER_PLAYING ? p->play_left : 0; }
const char *xl_player_problems(const xl_player *p) { return p->problems; }

void xl_player_set_file(xl_player *p, const char *file)
{
    snprintf(p->file, sizeof p->file, "%s", file ? file : "lesson");
}

xl_player_move xl_player_next(xl_player *p)
{
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
    return xl_player_goto(p, p->page > 0 ? p->page - 1 : 0);
}

int xl_player_answer(xl_player *p, int k)
{
    if (p->phase != XL_PLAYER_ASKING || p->asked < 0) return 0;
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
    p->touched = 1;
    if (p->phase == XL_PLAYER_PLAYING) {
        p->phase = XL_PLAYER_SUSPENDED;
        p->play_left = 0;
        xl_session_apply(p->s, xl_command_make(XL_CMD_PAUSE)); /* the learner has the controls */
    }
}

long xl_player_take_steps(xl_player *p, long n)
{
    if (p->phase != XL_PLAYER_PLAYING || n <= 0) return 0;
    if (n > p->play_left) n = p->play_left;
    xl_session_run(p->s, (int)n);
    p->play_left -= n;
    if (p->play_left == 0) {
        xl_session_apply(p->s, xl_command_make(XL_CMD_PAUSE));
        run_script(p);
    }
    return n;
}

int xl_player_advance(xl_player *p, double seconds)
{
    if (p->phase != XL_PLAYER_PLAYING) return xl_session_advance(p->s, seconds);
    if (!(seconds > 0.0)) return 0;
    const int sps = xl_session_steps_per_second(p->s);
    p->play_acc += seconds > 1.0 ? 1.0 : seconds;
    /* Whole steps due, counted as an integer so the float sum never decides a loop. */
    long due = (long)(p->play_acc * sps);
    if (due > p->play_left) due = p->play_left;
    p->play_acc -= (double)due / sps;
    if (p->play_acc < 0.0) p->play_acc = 0.0;
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

xl_session *xl_player_session(const xl_player *p)
{
    return p->s;
}

long xl_player_advance_steps(xl_player *p, long n)
{
    if (p->phase == XL_PLAYER_PLAYING) return xl_player_take_steps(p, n);
    return xl_session_advance_steps(p->s, n);
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
