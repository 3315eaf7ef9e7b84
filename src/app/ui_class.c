/* ui_class: the class server's glue (see ui_class.h). */
#include "ui_class.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_trace.h"

#if XL_HAVE_CLASS

#include "ui_class_log.h"
#include "xl_poll.h"
#include "xn_server.h"
#include "ui_lang.h"

/* Joins and votes taken in one turn at most: a flood waits for the next turns rather
 * than holding a frame (the server's queue is bounded and says "busy" past it). */
enum { TAKE_PER_TURN = 2048, TAKE_BATCH = 256 };

struct ui_class {
    xn_server *server;
    ui_class_log *log;
    double started;             /* the first turn's `now` (-1 before it) */
    double last_status;         /* the trace's last status line */
    int log_failed;             /* said once on stderr */
    xn_public shown;            /* what was last published */
    int published;
};

int ui_class_available(void)
{
    return 1;
}

static void log_round(void *user, const ui_classroom *cr, const xl_poll_tally *t);

ui_class *ui_class_start(const ui_class_options *o, ui_dispatch *d, char *err, size_t errlen)
{
    ui_class *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    c->started = -1.0;
    c->last_status = -1.0;
    if (o->log) {
        c->log = ui_class_log_open(o->log, err, errlen);
        if (!c->log) {
            free(c);
            return NULL;
        }
    }
    const xn_options xo = {o->bind, o->port, 0, o->wake, o->wake_user};
    c->server = xn_server_start(&xo, err, errlen);
    if (!c->server) {
        ui_class_log_close(c->log);
        free(c);
        return NULL;
    }
    d->cr->on_round = log_round; /* before class-start: a round ends only once it runs */
    d->cr->on_round_user = c;
    char action[XN_URL_MAX + 32];
    snprintf(action, sizeof action, "class-start %s", xn_server_url(c->server));
    char why[256] = "";
    if (ui_dispatch_lesson(d, UI_DISPATCH_CLASS, action, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s", why);
        ui_class_stop(c, d);
        return NULL;
    }
    fprintf(stderr, _("xentlab: class: phones join at %s (code %s, on %s)\n"), xn_server_url(c->server),
            xn_server_code(c->server), xn_server_where(c->server));
    return c;
}

/* The page's question whose verdict the projector shows now (answered or revealed, its
 * plays done), the last such on the page; -1 none. Phones learn the right answer no
 * sooner than the class sees it. */
static int revealed_question(const xl_player *p, const xl_page *pg)
{
    int q = -1;
    for (int i = 0; i < pg->nquestions; i++)
        if (xl_player_question_revealed(p, i)) q = i;
    return q;
}

/* src into dst[n], cut at n - 1 bytes (the lesson's limits are the server's: nothing is cut). */
static void copy_text(char *dst, size_t n, const char *src)
{
    const size_t len = strnlen(src, n - 1);
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* What every phone should see now, from the classroom. */
static void fill_public(const ui_classroom *cr, xn_public *pub)
{
    memset(pub, 0, sizeof *pub);
    pub->show = XN_SHOW_WAIT;
    pub->right = -1;
    copy_text(pub->lang, sizeof pub->lang, "en"); /* the lessons' language: English until part 14 */
    memset(pub->choice, -1, sizeof pub->choice);
    if (!cr->lesson || !cr->player) return;
    const xl_lesson *l = cr->lesson;
    const int page = xl_player_page(cr->player);
    copy_text(pub->title, sizeof pub->title, l->title);
    pub->page = page + 1;
    pub->pages = l->npages;
    const xl_poll_tally *t = cr->poll ? xl_poll_open_tally(cr->poll) : NULL;
    int q = -1;
    if (t && t->page >= 0 && t->page < l->npages && t->question >= 0 && t->question < l->pages[t->page].nquestions) {
        pub->show = XN_SHOW_OPEN;
        q = t->question;
    } else {
        t = NULL;
        q = revealed_question(cr->player, &l->pages[page]);
        if (q < 0) return;
        pub->show = XN_SHOW_CLOSED;
        if (cr->poll) t = xl_poll_find(cr->poll, page, q);
    }
    const int qpage = pub->show == XN_SHOW_OPEN ? t->page : page;
    const xl_question *question = &l->pages[qpage].questions[q];
    char qid[32];
    snprintf(qid, sizeof qid, "%d.%d", qpage + 1, q + 1);
    copy_text(pub->qid, sizeof pub->qid, qid); /* at most "48.4" */
    copy_text(pub->question, sizeof pub->question, question->text);
    pub->noptions = question->nanswers < XN_OPTIONS_MAX ? question->nanswers : XN_OPTIONS_MAX;
    for (int k = 0; k < pub->noptions; k++) copy_text(pub->options[k], sizeof pub->options[k], question->answers[k]);
    if (pub->show == XN_SHOW_CLOSED) pub->right = question->right;
    if (t) memcpy(pub->choice, t->choice, sizeof pub->choice < sizeof t->choice ? sizeof pub->choice : sizeof t->choice);
}

/* The classroom's on_round: a question's round ended (revealed, or left with votes). */
static void log_round(void *user, const ui_classroom *cr, const xl_poll_tally *t)
{
    ui_class *c = user;
    const xl_question *q = ui_classroom_question(cr, t->page, t->question);
    if (!c->log || !q) return;
    char when[40];
    ui_class_log_time(time(NULL), when, sizeof when);
    if (ui_class_log_row(c->log, when, cr->path, q->text, q->right, xl_poll_joined(cr->poll), t) != 0 &&
        !c->log_failed) {
        fprintf(stderr, _("xentlab: --class-log: a row could not be written\n"));
        c->log_failed = 1;
    }
}

int ui_class_turn(ui_class *c, ui_dispatch *d, double now, long frames)
{
    if (!c) return 0;
    if (c->started < 0) c->started = now;
    int changed = 0;
    xn_event ev[TAKE_BATCH];
    for (int taken = 0; taken < TAKE_PER_TURN;) {
        const int n = xn_server_take(c->server, ev, TAKE_BATCH);
        for (int i = 0; i < n; i++) {
            char action[64];
            if (ev[i].kind == XN_EVENT_JOIN) snprintf(action, sizeof action, "class-join %d", ev[i].device + 1);
            else snprintf(action, sizeof action, "class-vote %d %s %d", ev[i].device + 1, ev[i].qid, ev[i].option + 1);
            char why[160];
            ui_dispatch_lesson(d, UI_DISPATCH_CLASS, action, why, sizeof why); /* a refusal is traced */
        }
        changed |= n > 0;
        taken += n;
        if (n < TAKE_BATCH) break;
    }
    const ui_classroom *cr = d->cr;
    static xn_public pub; /* large: one window, one class */
    fill_public(cr, &pub);
    if (!c->published || memcmp(&pub, &c->shown, sizeof pub) != 0) {
        xn_server_publish(c->server, &pub);
        c->shown = pub;
        c->published = 1;
    }
    const int advice = cr->poll && xl_poll_joined(cr->poll) == 0 && now - c->started >= UI_CLASS_ADVICE_S;
    if (advice != d->view->class_advice) {
        d->view->class_advice = advice;
        changed = 1;
    }
    if (d->trace && now - c->last_status >= 1.0) {
        const xn_stats st = xn_server_stats(c->server);
        ui_trace_class_status(d->trace, now - c->started, frames, cr->poll ? xl_poll_joined(cr->poll) : 0,
                              st.requests, st.refused, st.limited, st.connections);
        c->last_status = now;
    }
    return changed;
}

void ui_class_stop(ui_class *c, ui_dispatch *d)
{
    if (!c) return;
    if (d) { /* the open question's votes, and those left unrevealed, before the log closes */
        ui_classroom_flush_poll(d->cr);
        d->cr->on_round = NULL;
        d->cr->on_round_user = NULL;
    }
    xn_server_stop(c->server);
    if (c->log && ui_class_log_close(c->log) != 0) fprintf(stderr, _("xentlab: --class-log: could not finish the file\n"));
    free(c);
}

#else /* the browser build: no server can listen in a page */

int ui_class_available(void)
{
    return 0;
}

ui_class *ui_class_start(const ui_class_options *o, ui_dispatch *d, char *err, size_t errlen)
{
    (void)o;
    (void)d;
    snprintf(err, errlen, "class votes need the desktop program (xentlab --class): a web page cannot serve the phones");
    return NULL;
}

int ui_class_turn(ui_class *c, ui_dispatch *d, double now, long frames)
{
    (void)c;
    (void)d;
    (void)now;
    (void)frames;
    return 0;
}

void ui_class_stop(ui_class *c, ui_dispatch *d)
{
    (void)c;
    (void)d;
}

#endif
