/* xl_describe: the scene in words (see xl_describe.h). */
#include "xl_describe.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xl_format.h"
#include "xl_i18n.h"
#include "xl_info.h"
#include "xl_optim.h"
#include "xl_recording.h"
#include "xl_sim.h"

/* An appender that never overruns: text past the end is dropped at a character
 * boundary (a UTF-8 sequence is never cut). */
typedef struct sink {
    char *out;
    size_t n, k;
} sink;

static void put(sink *o, const char *s)
{
    if (o->n == 0 || !s) return;
    size_t len = strlen(s);
    size_t room = o->n - 1 - o->k;
    if (len > room) {
        len = room;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
    }
    memcpy(o->out + o->k, s, len);
    o->k += len;
    o->out[o->k] = '\0';
}

/* fmt is an English format or its catalogue translation (the app's loader keeps only
 * translations with the same conversions, ui_mo.c). */
static void putf(sink *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(sink *o, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(o, buf);
}

/* text with the panels' " · " separators said as "; " (a dot between phrases is a
 * pause, not a word), into o. */
static void put_said(sink *o, const char *text)
{
    for (const char *c = text; *c;) {
        if (strncmp(c, " · ", strlen(" · ")) == 0) {
            put(o, "; ");
            c += strlen(" · ");
        } else {
            const char *next = strstr(c, " · ");
            const size_t len = next ? (size_t)(next - c) : strlen(c);
            char chunk[512];
            const size_t k = len < sizeof chunk - 1 ? len : sizeof chunk - 1;
            memcpy(chunk, c, k);
            chunk[k] = '\0';
            put(o, chunk);
            c += len;
        }
    }
}

/* A sentence between others: a space before it unless it is the first. */
static void sentence(sink *o, const char *s)
{
    if (!s || !s[0]) return;
    if (o->k > 0 && o->out[o->k - 1] != ' ') put(o, " ");
    put(o, s);
}

static sink sink_of(char *out, size_t n)
{
    sink o = {out, n, 0};
    if (n > 0) out[0] = '\0';
    return o;
}

void xl_describer_reset(xl_describer *d)
{
    memset(d, 0, sizeof *d);
    d->decimals = -1;
    d->selected = -1;
    d->page = -1;
}

const xl_sim *xl_describe_sim(const xl_session *s, int *run)
{
    int lead = 0;
    if (xl_session_racing(s)) {
        double best = INFINITY;
        for (int r = 0; r < xl_session_run_count(s); r++) {
            const double loss = xl_sim_current(xl_session_run_sim(s, r)).loss;
            if (isfinite(loss) && loss < best) {
                best = loss;
                lead = r;
            }
        }
        if (run) *run = lead;
        return xl_session_run_sim(s, lead);
    }
    if (run) *run = -1;
    return xl_session_sim(s);
}


char *xl_describe_lr(char *buf, size_t n, double rate)
{
    /* The status bar's form (ui_chrome.c). */
    xl_format_fit(buf, n, rate, rate < 0.01 ? 3 : 2, 8);
    if (rate < 0.01 && rate >= 0.001) snprintf(buf, n, "%.3f", rate);
    return buf;
}

/* A readout's name said in a sentence: the symbol the panel shows. */
static void identity_sentence(sink *o, const xl_session *s, const xl_sim *sim, int decimals, xl_tr_fn tr)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_unit unit = xl_session_unit(s);
    const char *uname = xl_unit_name(unit);
    const xl_sample cur = xl_sim_current(sim);
    char num[3][48];
    xl_format_identity_shown(cur.loss, cur.floor, cur.gap, xl_unit_scale(unit), decimals, num);
    const xl_readout_def *rd = def->readouts;
    if (def->gradient_free) {
        /* Nothing learns: the identity is information = entropy + the macrostate's
         * surprise, in the readouts' own words ("naming the microstate: one of 2ⁿ"). */
        const char *meaning = xl_tr(tr, rd[0].meaning);
        const char *colon = strstr(meaning, ": ");
        char what[96];
        snprintf(what, sizeof what, "%.*s", colon ? (int)(colon - meaning) : (int)strlen(meaning), meaning);
        if (what[0] >= 'a' && what[0] <= 'z') what[0] = (char)(what[0] - 'a' + 'A');
        putf(o, xl_tr(tr, N_(" %s (%s) takes %s %s: the entropy %s %s plus %s %s, the %s.")), what, rd[0].symbol,
             num[0], uname, rd[1].symbol, num[1], rd[2].symbol, num[2], xl_tr(tr, rd[2].meaning));
        return;
    }
    if (!isfinite(cur.loss)) {
        putf(o, xl_tr(tr, N_(" The loss %s is %s: the model gives a class that happens no chance at all.")),
             rd[0].symbol, num[0]);
        return;
    }
    if (strcmp(num[2], num[0]) != 0 && (strspn(num[2], "0.") == strlen(num[2]))) {
        /* The gap shows as 0: nothing is left to learn at the shown decimals. */
        putf(o, xl_tr(tr, N_(" The loss %s is %s %s, at its floor %s %s: nothing is left for learning to remove.")),
             rd[0].symbol, num[0], uname, rd[1].symbol, num[1]);
        return;
    }
    putf(o, xl_tr(tr, N_(" The loss %s is %s %s: %s above its floor %s %s, the gap %s that learning can remove.")),
         rd[0].symbol, num[0], uname, num[2], rd[1].symbol, num[1], rd[2].symbol);
}

/* The line under the readouts' bar: the scenario's claim, else the selected item. */
static void selected_sentence(sink *o, const xl_session *s, const xl_sim *sim, xl_tr_fn tr)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_unit unit = xl_session_unit(s);
    const double k = xl_unit_scale(unit);
    const char *uname = xl_unit_name(unit);
    char claim[256] = "";
    if (def->summary_line &&
        def->summary_line(xl_session_state(s), xl_sim_theta(sim), k, uname, tr, claim, sizeof claim)) {
        put(o, " ");
        put_said(o, claim);
        put(o, ".");
        return;
    }
    xl_bars bars;
    xl_session_bars(s, &bars);
    if (bars.n < 1) return;
    const int sel = bars.selected >= 0 && bars.selected < bars.n ? bars.selected : 0;
    char ps[48], qs[48], sp[48];
    const double surprise = -bars.logq[sel] * k;
    xl_format_fit(sp, sizeof sp, surprise < 0.0 ? 0.0 : surprise, 3, 9);
    xl_format_prob_log(qs, sizeof qs, bars.logq[sel], XL_DESCRIBE_PROB_DECIMALS);
    xl_format_prob_log(ps, sizeof ps, bars.p[sel] > 0.0 ? log(bars.p[sel]) : -INFINITY, XL_DESCRIBE_PROB_DECIMALS);
    putf(o, xl_tr(tr, N_(" Selected %s %s: true p = %s, predicted q = %s, surprise if it happens %s %s.")),
         xl_tr(tr, def->item_noun), xl_bars_name(&bars, sel, tr), ps, qs, sp, uname);
}

/* The status bar's words: the optimizer (or the scenario's own), playing or paused, the
 * step. */
static void status_sentence(sink *o, const xl_session *s, const xl_sim *sim, int lead, xl_tr_fn tr)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    char own[160] = "";
    const long step = xl_sim_steps(sim);
    if (xl_sim_status_get(sim) == XL_SIM_DIVERGED) {
        putf(o, xl_tr(tr, N_(" The run diverged at step %ld: lower the learning rate and reset.")),
             xl_sim_diverged_at(sim));
        return;
    }
    /* Playing and paused each a whole sentence: the word order around them differs in
     * German and Spanish. */
    const int playing = xl_session_playing(s);
    if (def->status_text && def->status_text(xl_session_state(s), tr, own, sizeof own)) {
        /* "1 000 coins · 1 flip per step", said with pauses. */
        char said[256] = "";
        sink w = sink_of(said, sizeof said);
        put_said(&w, own);
        if (said[0] >= 'a' && said[0] <= 'z') said[0] = (char)(said[0] - 'a' + 'A');
        putf(o, playing ? xl_tr(tr, N_(" %s; playing at step %ld.")) : xl_tr(tr, N_(" %s; paused at step %ld.")), said,
             step);
        return;
    }
    char lr[48];
    xl_describe_lr(lr, sizeof lr, xl_sim_lr(sim));
    char opt[64];
    snprintf(opt, sizeof opt, "%s", xl_tr(tr, xl_optim_kind_title(xl_sim_optimizer(sim)->kind)));
    if (lead >= 0) {
        putf(o,
             playing ? xl_tr(tr, N_(" A race of %d optimizers at learning rate %s: %s leads, and the numbers are its "
                                    "own; playing at step %ld."))
                     : xl_tr(tr, N_(" A race of %d optimizers at learning rate %s: %s leads, and the numbers are its "
                                    "own; paused at step %ld.")),
             xl_session_run_count(s), lr, opt, step);
    } else {
        if (opt[0] >= 'a' && opt[0] <= 'z') opt[0] = (char)(opt[0] - 'a' + 'A');
        putf(o,
             playing ? xl_tr(tr, N_(" %s at learning rate %s; playing at step %ld."))
                     : xl_tr(tr, N_(" %s at learning rate %s; paused at step %ld.")),
             opt, lr, step);
    }
}

size_t xl_describe_scene(const xl_session *s, int decimals, xl_tr_fn tr, char *out, size_t n)
{
    sink o = sink_of(out, n);
    if (!s) return 0;
    const xl_scenario_def *def = xl_session_scenario(s);
    int lead = -1;
    const xl_sim *sim = xl_describe_sim(s, &lead);
    char own[1024] = "";
    double readouts[XL_READOUTS_MAX] = {0};
    def->readout_values(xl_session_state(s), xl_sim_theta(sim), readouts);
    const xl_unit unit = xl_session_unit(s);
    const int has_own = !def->describe ? 0 : def->describe(xl_session_state(s), xl_sim_theta(sim), readouts,
                                                       xl_session_selected(s), xl_unit_scale(unit),
                                                       xl_unit_name(unit), tr, own, sizeof own);
    char title[128];
    snprintf(title, sizeof title, "%s", xl_tr(tr, def->title));
    if (title[0] >= 'a' && title[0] <= 'z') title[0] = (char)(title[0] - 'a' + 'A');
    putf(&o, "%s.", title);
    if (has_own) sentence(&o, own);
    identity_sentence(&o, s, sim, decimals, tr);
    if (has_own != 2) selected_sentence(&o, s, sim, tr);
    status_sentence(&o, s, sim, lead, tr);
    return o.k;
}

/* The shown value v (nats) as the panel rounds it, in nats again, so two descriptions'
 * numbers are compared as shown. */
static double as_shown(double v, double k, int decimals)
{
    const double unit = pow(10.0, decimals);
    return isfinite(v) ? round(v * k * unit) / unit : v;
}

size_t xl_describe_changes(const xl_describer *d, const xl_session *s, const xl_player *p, char *out, size_t n)
{
    sink o = sink_of(out, n);
    if (!d || !d->have || !s) return 0;
    const xl_scenario_def *def = xl_session_scenario(s);
    const xl_tr_fn tr = d->tr;
    const xl_lesson *lesson = p ? xl_player_lesson(p) : NULL;
    const int turned = lesson && (lesson != d->lesson || xl_player_page(p) != d->page);
    if (turned) putf(&o, xl_tr(tr, N_("Turned to page %d of %d.")), xl_player_page(p) + 1, lesson->npages);
    if (def != d->def) {
        if (o.k) put(&o, " ");
        putf(&o, xl_tr(tr, N_("Now the %s, in place of the %s.")), xl_tr(tr, def->title),
             d->def ? xl_tr(tr, d->def->title) : "");
        return o.k;
    }
    const xl_sim *sim = xl_describe_sim(s, NULL);
    const xl_unit unit = xl_session_unit(s);
    const double k = xl_unit_scale(unit);
    const char *uname = xl_unit_name(unit);
    const long step = xl_sim_steps(sim);
    const xl_sample cur = xl_sim_current(sim);
    if ((int)unit != d->unit) {
        if (o.k) put(&o, " ");
        putf(&o, xl_tr(tr, N_("Numbers now in %s.")), uname);
    }
    /* The loss as the panel showed it then and shows it now, both in today's unit. */
    const int dec = d->decimals >= 0 ? d->decimals : XL_FORMAT_IDENTITY_DECIMALS;
    const double before = as_shown(d->loss, k, dec), now = as_shown(cur.loss, k, dec);
    /* Since when: a step later (0), earlier (1) or the same (2). */
    const int when = step > d->step ? 0 : step < d->step ? 1 : 2;
    /* What learning moves is the loss; where nothing learns, the entropy (the floor) is
     * what moves. Each sentence whole, for each quantity, direction and "since" (a
     * noun's gender and the word order differ in German and Spanish). */
    const int which = def->gradient_free ? 1 : 0;
    const char *sym = def->readouts[1].symbol;
    static const char *const unchanged[2][3] = {
        {N_("The loss has not changed since step %ld."),
         N_("The loss has not changed since step %ld (now back at step %ld)."),
         N_("The loss has not changed since the last description, still at step %ld.")},
        {N_("The entropy %s has not changed since step %ld."),
         N_("The entropy %s has not changed since step %ld (now back at step %ld)."),
         N_("The entropy %s has not changed since the last description, still at step %ld.")}};
    static const char *const moved[2][2][3] = {
        {{N_("The loss fell %s %s since step %ld, to %s."),
          N_("The loss fell %s %s since step %ld (now back at step %ld), to %s."),
          N_("The loss fell %s %s since the last description, still at step %ld, to %s.")},
         {N_("The loss rose %s %s since step %ld, to %s."),
          N_("The loss rose %s %s since step %ld (now back at step %ld), to %s."),
          N_("The loss rose %s %s since the last description, still at step %ld, to %s.")}},
        {{N_("The entropy %s fell %s %s since step %ld, to %s."),
          N_("The entropy %s fell %s %s since step %ld (now back at step %ld), to %s."),
          N_("The entropy %s fell %s %s since the last description, still at step %ld, to %s.")},
         {N_("The entropy %s rose %s %s since step %ld, to %s."),
          N_("The entropy %s rose %s %s since step %ld (now back at step %ld), to %s."),
          N_("The entropy %s rose %s %s since the last description, still at step %ld, to %s.")}}};
    static const char *const only_since[3] = {N_("since step %ld."), N_("since step %ld (now back at step %ld)."),
                                              N_("since the last description, still at step %ld.")};
    const long step1 = when == 2 ? step : d->step; /* the first step said; the second is now's */
    const double b1 = which ? as_shown(d->floor, k, dec) : before, n1 = which ? as_shown(cur.floor, k, dec) : now;
    if (isfinite(b1) && isfinite(n1)) {
        const double change = n1 - b1;
        char num[48];
        xl_format(num, sizeof num, fabs(change), dec);
        if (strspn(num, "0.") == strlen(num)) {
            /* A page turned to that left the scene as it was: the page is the news, and
             * "has not changed" before it is words a listener waits through; so is it
             * before the whole description the user asked for. */
            if (!((turned || d->whole) && step == d->step)) {
                if (o.k) put(&o, " ");
                const char *f = xl_tr(tr, unchanged[which][when]);
                if (which && when == 1) putf(&o, f, sym, step1, step);
                else if (which) putf(&o, f, sym, step1);
                else if (when == 1) putf(&o, f, step1, step);
                else putf(&o, f, step1);
            }
        }
        else {
            /* Where it went, as the readouts panel shows it: a change without its value
             * leaves the listener to do the sum. */
            char at[48];
            xl_format(at, sizeof at, n1, dec);
            if (o.k) put(&o, " ");
            const char *f = xl_tr(tr, moved[which][change < 0 ? 0 : 1][when]);
            if (which && when == 1) putf(&o, f, sym, num, uname, step1, step, at);
            else if (which) putf(&o, f, sym, num, uname, step1, at);
            else if (when == 1) putf(&o, f, num, uname, step1, step, at);
            else putf(&o, f, num, uname, step1, at);
        }
    } else if (step != d->step) {
        if (o.k) put(&o, " ");
        if (when == 1) putf(&o, xl_tr(tr, only_since[when]), step1, step);
        else putf(&o, xl_tr(tr, only_since[when]), step1);
    }
    const int sel = xl_session_selected(s);
    if (sel != d->selected && d->selected >= 0) {
        xl_bars bars;
        xl_session_bars(s, &bars);
        if (sel >= 0 && sel < bars.n && bars.names[sel]) putf(&o, xl_tr(tr, N_(" Selected now: %s.")), xl_bars_name(&bars, sel, tr));
    }
    return o.k;
}

size_t xl_describe_page(const xl_player *p, xl_tr_fn tr, char *out, size_t n)
{
    sink o = sink_of(out, n);
    if (!p) return 0;
    const xl_lesson *l = xl_player_lesson(p);
    const int page = xl_player_page(p);
    if (!l || page < 0 || page >= l->npages) return 0;
    const xl_page *pg = &l->pages[page];
    char text[XL_LESSON_TEXT + 64];
    xl_rec_segment sg = {XL_REC_SEG_TITLE, page, 0, 0, 0};
    xl_rec_segment_text(l, &sg, text, sizeof text);
    if (l->title[0]) putf(&o, xl_tr(tr, N_("Lesson “%s”, page %d of %d")), l->title, page + 1, l->npages);
    else putf(&o, xl_tr(tr, N_("Lesson page %d of %d")), page + 1, l->npages);
    if (text[0]) {
        put(&o, ": ");
        put(&o, text);
    }
    if (o.k > 0 && !strchr(".!?", o.out[o.k - 1])) put(&o, ".");
    /* The last page with its script run: the canvas says "The end of the lesson." where
     * "→ next page" stands, and a Page Down there turns nowhere; said right after the
     * page's title, so the live region's first sentences carry it. */
    if (page + 1 >= l->npages && xl_player_phase_of(p) == XL_PLAYER_DONE) put(&o, xl_tr(tr, N_(" The end of the lesson.")));
    /* The narration as far as the script has shown it, each paragraph as the page draws
     * it (emphasis marks dropped, its lines joined). */
    for (int k = 0; k < XL_LESSON_PARAS; k++) {
        sg.kind = XL_REC_SEG_PARA;
        sg.index = k;
        if (xl_rec_segment_text(l, &sg, text, sizeof text) == 0) break;
        if (xl_player_paragraph_shown(p, k)) sentence(&o, text);
    }
    for (int q = 0; q < pg->nquestions; q++) {
        const int state = xl_player_question_state(p, q, NULL);
        if (state == 0) continue;
        sg.kind = XL_REC_SEG_QUESTION;
        sg.index = q;
        xl_rec_segment_text(l, &sg, text, sizeof text);
        sentence(&o, xl_tr(tr, N_("Question:")));
        sentence(&o, text);
        if (xl_player_question_revealed(p, q)) {
            sg.kind = XL_REC_SEG_ANSWER;
            xl_rec_segment_text(l, &sg, text, sizeof text);
            sentence(&o, text);
        }
    }
    return o.k;
}

void xl_describe_remember(xl_describer *d, const xl_session *s, const xl_player *p)
{
    if (!d || !s) return;
    const xl_sim *sim = xl_describe_sim(s, NULL);
    const xl_sample cur = xl_sim_current(sim);
    d->have = 1;
    d->def = xl_session_scenario(s);
    d->step = xl_sim_steps(sim);
    d->loss = cur.loss;
    d->floor = cur.floor;
    d->gap = cur.gap;
    d->unit = (int)xl_session_unit(s);
    d->selected = xl_session_selected(s);
    d->lesson = p ? xl_player_lesson(p) : NULL;
    d->page = p ? xl_player_page(p) : -1;
}

size_t xl_describe(xl_describer *d, const xl_session *s, const xl_player *p, char *out, size_t n)
{
    sink o = sink_of(out, n);
    if (!s || n == 0) return 0;
    char part[XL_DESCRIBE_MAX];
    xl_describe_changes(d, s, p, part, sizeof part);
    sentence(&o, part);
    /* In a lesson the page comes first, as the class reads it; then what the scene shows. */
    xl_describe_page(p, d ? d->tr : NULL, part, sizeof part);
    sentence(&o, part);
    xl_describe_scene(s, d ? d->decimals : -1, d ? d->tr : NULL, part, sizeof part);
    sentence(&o, part);
    xl_describe_remember(d, s, p);
    return o.k;
}
