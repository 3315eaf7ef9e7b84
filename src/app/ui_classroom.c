/* ui_classroom: lesson keys and the menu (see ui_classroom.h). */
#include "ui_classroom.h"
#include "ui_lang.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ui_classroom_init(ui_classroom *c, const char *fonts_dir)
{
    memset(c, 0, sizeof *c);
    c->card_page = -1;
    /* The lessons follow the interface's language (--lang, the environment, ?lang=),
     * each falling back to English where it has no translation. */
    ui_library_set_lang(ui_lang_code());
    ui_library_scan(&c->library, fonts_dir);
}

/* Forget the lesson without remembering it (an open that failed, the end). */
static void drop(ui_classroom *c)
{
    if (c->poll) {
        xl_poll_close(c->poll); /* no lesson asks it any more */
        ui_classroom_flush_poll(c); /* while its questions are here to be read */
    }
    xl_player_destroy(c->player);
    c->player = NULL;
    free(c->lesson);
    c->lesson = NULL;
    c->broken = 0;
    c->reload_page = 0;
    c->blank = 0;
    c->path[0] = '\0';
}

void ui_classroom_close(ui_classroom *c)
{
    if (c->player) { /* a broken lesson has no page to come back to */
        snprintf(c->left_path, sizeof c->left_path, "%s", c->path);
        c->left_page = xl_player_page(c->player);
    }
    drop(c);
}

void ui_classroom_free(ui_classroom *c)
{
    drop(c);
    xl_poll_destroy(c->poll);
    c->poll = NULL;
}

void ui_classroom_set_host(ui_classroom *c, xl_player_host host)
{
    c->host = host;
}

int ui_classroom_active(const ui_classroom *c)
{
    return c->lesson != NULL || c->menu_open;
}

/* The session as every lesson starts it: the default scene, put in place by the host
 * its player will change it through. */
static int to_default(xl_player_host host)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *fresh = xl_session_create(&d);
    xl_session_snapshot *snap = fresh ? xl_session_save(fresh) : NULL;
    const xl_player_request rq = {.kind = XL_PLAYER_RESTORE, .snap = snap};
    int rc = snap ? (int)host.perform(host.user, &rq) : -1;
    xl_session_snapshot_free(snap);
    xl_session_destroy(fresh);
    return rc;
}

/* A player for c's lesson on s, from the default scene, at its first page. */
static int start_player(ui_classroom *c, xl_session *s)
{
    const xl_player_host host = c->host.perform ? c->host : xl_player_host_direct(s);
    if (to_default(host) != 0) return -1;
    c->player = xl_player_create_hosted(c->lesson, s, host, c->path);
    return c->player ? 0 : -1;
}

int ui_classroom_open(ui_classroom *c, const char *arg, xl_session *s, char *err, size_t errlen)
{
    char path[UI_LIBRARY_PATH];
    if (ui_library_resolve(&c->library, arg, path, sizeof path, err, errlen) != 0) return -1;
    xl_lesson *l = malloc(sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int errors = ui_library_load(path, l);
    ui_classroom_close(c);
    c->lesson = l;
    snprintf(c->path, sizeof c->path, "%s", path);
    if (c->poll && strcmp(c->poll_path, path) != 0) { /* another lesson's questions: counted afresh */
        xl_poll_forget(c->poll);
        memset(c->flushed, 0, sizeof c->flushed);
        snprintf(c->poll_path, sizeof c->poll_path, "%s", path);
    }
    c->menu_open = 0;
    if (errors != 0) {
        c->broken = 1;
        return 0;
    }
    if (start_player(c, s) != 0) {
        drop(c);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* The lesson left, opened again: it goes on from the page left. */
    if (c->left_path[0] && strcmp(c->left_path, path) == 0 && c->left_page > 0 && c->left_page < l->npages)
        xl_player_goto(c->player, c->left_page);
    c->restarted = 1;
    return 0;
}

int ui_classroom_nearest_page(int page, int npages)
{
    if (npages <= 0 || page <= 0) return 0;
    return page < npages ? page : npages - 1;
}

int ui_classroom_reload(ui_classroom *c, xl_session *s, char *err, size_t errlen)
{
    if (!c->lesson) {
        snprintf(err, errlen, "'reload' needs a lesson open");
        return -1;
    }
    xl_lesson *l = malloc(sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* Read before anything is let go: the page shown (or remembered while broken). */
    const int page = c->player ? xl_player_page(c->player) : c->reload_page;
    const int errors = ui_library_load(c->path, l);
    xl_player_destroy(c->player);
    c->player = NULL;
    free(c->lesson);
    c->lesson = l;
    c->reloads++;
    c->reload_page = page;
    c->broken = errors != 0;
    if (c->broken) return 0;
    if (start_player(c, s) != 0) {
        drop(c);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    const int to = ui_classroom_nearest_page(page, l->npages);
    if (to > 0 && xl_player_goto(c->player, to) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

/* The menu's row of the lesson open, else of the lesson left, else the first. */
static int menu_index_of_current(const ui_classroom *c)
{
    const char *path = c->lesson ? c->path : c->left_path;
    for (int i = 0; i < c->library.count; i++)
        if (strcmp(c->library.entries[i].path, path) == 0) return i;
    return 0;
}

/* A lesson's own action (not the class's). */
static int lesson_do(ui_classroom *c, const char *action, xl_session *s, char *err, size_t errlen)
{
    char word[32] = "";
    int n = 0, arg = 0;
    if (sscanf(action, "%31s%n", word, &n) != 1) {
        snprintf(err, errlen, "an empty lesson action");
        return -1;
    }
    const char *rest = action + n;
    while (*rest == ' ') rest++;
    const int has_num = sscanf(rest, "%d", &arg) == 1;
    xl_player *p = c->player;
    if (strcmp(word, "blank") == 0) c->blank = 1;
    else if (strcmp(word, "unblank") == 0) c->blank = 0;
    else if (strcmp(word, "menu") == 0) {
        c->menu_open = 1;
        c->menu_selected = menu_index_of_current(c);
    } else if (strcmp(word, "menu-close") == 0) c->menu_open = 0;
    else if (strcmp(word, "menu-select") == 0 && has_num && arg >= 1 && arg <= c->library.count) c->menu_selected = arg - 1;
    else if (strcmp(word, "open") == 0 && *rest) {
        if (ui_classroom_open(c, rest, s, err, errlen) != 0) return -1;
    } else if (strcmp(word, "close") == 0) ui_classroom_close(c);
    else if (strcmp(word, "resume") == 0) {
        if (c->lesson) return 0; /* already in it */
        if (!c->left_path[0]) {
            snprintf(err, errlen, "'resume' needs a lesson left before");
            return -1;
        }
        char path[UI_LIBRARY_PATH];
        snprintf(path, sizeof path, "%s", c->left_path);
        if (ui_classroom_open(c, path, s, err, errlen) != 0) return -1;
    }
    else if (strcmp(word, "presenter") == 0) c->presenter = !c->presenter;
    else if (strcmp(word, "reload") == 0) return ui_classroom_reload(c, s, err, errlen);
    else if (!p) {
        snprintf(err, errlen, "'%s' needs a lesson open", action);
        return -1;
    } else if (strcmp(word, "next") == 0) xl_player_next(p);
    else if (strcmp(word, "back") == 0) xl_player_prev(p);
    else if (strcmp(word, "first") == 0) xl_player_goto(p, 0);
    else if (strcmp(word, "page") == 0 && has_num && arg >= 1 && arg <= c->lesson->npages) xl_player_goto(p, arg - 1);
    else if (strcmp(word, "last") == 0) xl_player_goto(p, c->lesson->npages - 1);
    else if (strcmp(word, "again") == 0) { /* this page from its start */
        xl_player_goto(p, xl_player_page(p));
        c->agains++;
    }
    else if (strcmp(word, "restart") == 0) {
        xl_player_goto(p, 0);
        c->restarted = 1;
    } else if (strcmp(word, "answer") == 0 && has_num) xl_player_answer(p, arg - 1);
    else {
        snprintf(err, errlen, "'%s' is not a lesson action (next, back, first, last, restart, blank, unblank, "
                              "again, page K, answer K, menu, menu-select K, menu-close, open FILE, close, resume, presenter, "
                              "reload, class-start URL, class-join D, class-vote D P.Q K, class-split, class-card)", action);
        return -1;
    }
    return 0;
}

/* ---- The class (part 12) ---- */

/* A number as a class action writes it: 1 to 9 plain decimal digits (no sign, no
 * space), read from *p, which moves past them. -1 if there are none or too many. */
static long read_number(const char **p)
{
    const char *q = *p;
    long v = 0;
    int digits = 0;
    while (*q >= '0' && *q <= '9') {
        if (++digits > 9) return -1;
        v = v * 10 + (*q++ - '0');
    }
    if (digits == 0) return -1;
    *p = q;
    return v;
}

/* Past one or more spaces; 0 if there were none. */
static int skip_spaces(const char **p)
{
    const char *q = *p;
    while (*q == ' ') q++;
    const int any = q != *p;
    *p = q;
    return any;
}

/* "", "on" or "off" (the rest of the text): -1 toggle, 1, 0; -2 if anything else. */
static int read_switch(const char *rest)
{
    if (!*rest) return -1;
    if (strcmp(rest, "on") == 0) return 1;
    if (strcmp(rest, "off") == 0) return 0;
    return -2;
}

/* The join code: the URL's c= query value (up to '&' or '#'), "" when it has none. */
static void code_of(const char *url, char *code, size_t n)
{
    code[0] = '\0';
    const char *q = strchr(url, '?');
    while (q) {
        q++;
        if (q[0] == 'c' && q[1] == '=') {
            const size_t len = strcspn(q + 2, "&#");
            if (len < n) snprintf(code, n, "%.*s", (int)len, q + 2);
            return;
        }
        q = strchr(q, '&');
    }
}

int ui_classroom_parse_class(const char *text, ui_class_action *a, char *err, size_t errlen)
{
    memset(a, 0, sizeof *a);
    a->device = a->page = a->question = a->option = -1;
    a->set = -1;
    const char *p = text;
    while (*p == ' ') p++;
    const size_t wlen = strcspn(p, " ");
    static const struct { const char *word; ui_class_kind kind; } words[] = {
        {"class-start", UI_CLASS_START}, {"class-join", UI_CLASS_JOIN}, {"class-vote", UI_CLASS_VOTE},
        {"class-split", UI_CLASS_SPLIT}, {"class-card", UI_CLASS_CARD},
    };
    ui_class_kind kind = UI_CLASS_NONE;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i].word) == wlen && strncmp(p, words[i].word, wlen) == 0) kind = words[i].kind;
    if (kind == UI_CLASS_NONE) return 0;
    const char *rest = p + wlen;
    skip_spaces(&rest);
    size_t end = strlen(rest);
    while (end > 0 && rest[end - 1] == ' ') end--; /* trailing spaces are no part of it */
    char body[UI_CLASSROOM_URL_MAX + 64];
    if (end >= sizeof body) {
        snprintf(err, errlen, "'%.*s' is too long for a class action", (int)wlen, p);
        return -1;
    }
    snprintf(body, sizeof body, "%.*s", (int)end, rest);
    const char *q = body;
    long d = 0, pg = 0, qn = 0, k = 0;
    switch (kind) {
    case UI_CLASS_START:
        for (const char *u = body; *u; u++)
            if (!isgraph((unsigned char)*u)) {
                snprintf(err, errlen, "'class-start URL': the URL has a space or a control character");
                return -1;
            }
        if (!body[0] || strlen(body) >= sizeof a->url) {
            snprintf(err, errlen, "'class-start URL' needs a URL of 1 to %d characters", UI_CLASSROOM_URL_MAX - 1);
            return -1;
        }
        snprintf(a->url, sizeof a->url, "%s", body);
        break;
    case UI_CLASS_JOIN:
        d = read_number(&q);
        if (d < 1 || *q) {
            snprintf(err, errlen, "'class-join %s' is not class-join D (the device, from 1)", body);
            return -1;
        }
        break;
    case UI_CLASS_VOTE:
        d = read_number(&q);
        if (d >= 1 && skip_spaces(&q)) pg = read_number(&q);
        if (pg >= 1 && *q == '.') {
            q++;
            qn = read_number(&q);
        }
        if (qn >= 1 && skip_spaces(&q)) k = read_number(&q);
        if (d < 1 || pg < 1 || qn < 1 || k < 1 || *q) {
            snprintf(err, errlen,
                     "'class-vote %s' is not class-vote D P.Q K (the device, page.question and answer, each from 1)",
                     body);
            return -1;
        }
        break;
    case UI_CLASS_SPLIT:
    case UI_CLASS_CARD:
        a->set = read_switch(body);
        if (a->set == -2) {
            snprintf(err, errlen, "'%.*s %s': say on, off or nothing (toggle)", (int)wlen, p, body);
            return -1;
        }
        break;
    case UI_CLASS_NONE: break;
    }
    /* Within int: a number of 9 digits is; out of range is the poll's to refuse. */
    a->kind = kind;
    a->device = (int)d - 1;
    a->page = (int)pg - 1;
    a->question = (int)qn - 1;
    a->option = (int)k - 1;
    return 1;
}

const xl_question *ui_classroom_question(const ui_classroom *c, int page, int q)
{
    const xl_lesson *l = c->lesson;
    if (!l || c->broken || page < 0 || page >= l->npages || q < 0 || q >= l->pages[page].nquestions) return NULL;
    return &l->pages[page].questions[q];
}

int ui_classroom_card_shown(const ui_classroom *c)
{
    if (!c->poll) return 0;
    if (c->card != UI_CLASS_CARD_AUTO) return c->card == UI_CLASS_CARD_ON;
    return c->player != NULL && xl_player_page(c->player) == 0;
}

void ui_classroom_sync_poll(ui_classroom *c)
{
    if (!c->poll) return;
    const xl_player *p = c->player;
    const int page = p ? xl_player_page(p) : -1;
    if (page != c->card_page) { /* a page turn: the card is the first page's again */
        c->card = UI_CLASS_CARD_AUTO;
        c->card_page = page;
    }
    if (p && !xl_player_busy(p) && xl_player_phase_of(p) == XL_PLAYER_ASKING) {
        const xl_page *pg = &xl_player_lesson(p)->pages[page];
        for (int q = 0; q < pg->nquestions; q++)
            if (xl_player_question_state(p, q, NULL) == 1) {
                if (xl_poll_open(c->poll, page, q, pg->questions[q].nanswers) != 0) break; /* the table is full */
                return;
            }
    }
    /* The question asked is no more: revealed (its answer shown on its page), or left. */
    const xl_poll_tally *t = xl_poll_open_tally(c->poll);
    if (t && p && !xl_player_busy(p) && t->page == page && xl_player_question_state(p, t->question, NULL) == 2) {
        xl_poll_reveal(c->poll);
        c->flushed[t - xl_poll_at(c->poll, 0)] = 0;
        if (c->on_round) c->on_round(c->on_round_user, c, t);
    } else {
        xl_poll_close(c->poll);
    }
}

void ui_classroom_flush_poll(ui_classroom *c)
{
    if (!c->poll || !c->lesson || strcmp(c->poll_path, c->path) != 0) return;
    const int n = xl_poll_count(c->poll);
    for (int i = 0; i < n && i < XL_POLL_QUESTIONS_MAX; i++) {
        const xl_poll_tally *t = xl_poll_at(c->poll, i);
        if (t->revealed || t->voted == 0 || c->flushed[i]) continue;
        c->flushed[i] = 1;
        if (c->on_round) c->on_round(c->on_round_user, c, t);
    }
}

/* Why device d's vote on (page, q) for option k was refused. */
static void vote_refusal(const ui_classroom *c, const ui_class_action *a, char *err, size_t errlen)
{
    const xl_poll_tally *t = xl_poll_open_tally(c->poll);
    if (a->device < 0 || a->device >= XL_POLL_DEVICES_MAX)
        snprintf(err, errlen, "device %d is out of range (1 to %d)", a->device + 1, XL_POLL_DEVICES_MAX);
    else if (!t || t->page != a->page || t->question != a->question)
        snprintf(err, errlen, "question %d.%d is not open", a->page + 1, a->question + 1);
    else if (a->option < 0 || a->option >= t->noptions)
        snprintf(err, errlen, "question %d.%d has no answer %d (it has %d)", a->page + 1, a->question + 1, a->option + 1,
                 t->noptions);
    else snprintf(err, errlen, "device %d has not joined", a->device + 1);
}

/* A class action (a parsed), with the player's question in the poll first. */
static int class_do(ui_classroom *c, const char *action, const ui_class_action *a, char *err, size_t errlen)
{
    if (a->kind == UI_CLASS_START) {
        if (!c->poll) c->poll = xl_poll_create();
        else xl_poll_clear(c->poll);
        if (!c->poll) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        snprintf(c->class_url, sizeof c->class_url, "%s", a->url);
        snprintf(c->poll_path, sizeof c->poll_path, "%s", c->path);
        memset(c->flushed, 0, sizeof c->flushed);
        code_of(c->class_url, c->class_code, sizeof c->class_code);
        ui_classroom_sync_poll(c);
        c->card = UI_CLASS_CARD_ON; /* a class just started: its card, whatever the page */
        return 0;
    }
    if (!c->poll) {
        snprintf(err, errlen, "'%s' needs a class (class-start URL)", action);
        return -1;
    }
    ui_classroom_sync_poll(c);
    switch (a->kind) {
    case UI_CLASS_JOIN:
        if (xl_poll_join(c->poll, a->device) < 0) {
            snprintf(err, errlen, "device %d is out of range (1 to %d)", a->device + 1, XL_POLL_DEVICES_MAX);
            return -1;
        }
        return 0;
    case UI_CLASS_VOTE:
        if (xl_poll_vote(c->poll, a->device, a->page, a->question, a->option) < 0) {
            vote_refusal(c, a, err, errlen);
            return -1;
        }
        c->flushed[xl_poll_open_tally(c->poll) - xl_poll_at(c->poll, 0)] = 0; /* a new count to log */
        return 0;
    case UI_CLASS_SPLIT:
        xl_poll_set_split(c->poll, a->set < 0 ? !xl_poll_split_shown(c->poll) : a->set);
        return 0;
    case UI_CLASS_CARD: {
        const int shown = a->set < 0 ? !ui_classroom_card_shown(c) : a->set;
        c->card = shown ? UI_CLASS_CARD_ON : UI_CLASS_CARD_OFF;
        return 0;
    }
    default: return 0;
    }
}

int ui_classroom_do(ui_classroom *c, const char *action, xl_session *s, char *err, size_t errlen)
{
    ui_class_action a;
    const int is_class = ui_classroom_parse_class(action, &a, err, errlen);
    if (is_class < 0) return -1;
    const int rc = is_class ? class_do(c, action, &a, err, errlen) : lesson_do(c, action, s, err, errlen);
    ui_classroom_sync_poll(c);
    return rc;
}

/* Do `action` (from a key or a click) and say it in did[n]. */
static ui_classroom_key_result act(ui_classroom *c, xl_session *s, char *did, size_t n, const char *fmt, ...)
{
    char text[UI_LIBRARY_PATH + 32], err[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (ui_classroom_do(c, text, s, err, sizeof err) != 0) fprintf(stderr, "xentlab: %s\n", err);
    if (did) snprintf(did, n, "%s", text);
    return UI_CLASSROOM_TAKEN;
}

static ui_classroom_key_result menu_key(ui_classroom *c, SDL_Keycode key, xl_session *s, char *did, size_t n)
{
    const int count = c->library.count, sel = c->menu_selected;
    switch (key) {
    case SDLK_UP: return act(c, s, did, n, "menu-select %d", sel > 0 ? sel : 1);
    case SDLK_DOWN: return act(c, s, did, n, "menu-select %d", sel + 2 <= count ? sel + 2 : count);
    case SDLK_HOME: return act(c, s, did, n, "menu-select 1");
    case SDLK_END: return act(c, s, did, n, "menu-select %d", count);
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE:
        if (sel >= 0 && sel < count) return act(c, s, did, n, "open %s", c->library.entries[sel].path);
        return UI_CLASSROOM_TAKEN;
    case SDLK_ESCAPE: case SDLK_m: return act(c, s, did, n, "menu-close");
    case SDLK_q:
        if (c->lesson || c->left_path[0]) { /* a class is on: ask first */
            c->quit_asked = 1;
            return UI_CLASSROOM_TAKEN;
        }
        return UI_CLASSROOM_QUIT;
    default:
        if (key >= SDLK_1 && key <= SDLK_9 && key - SDLK_1 < count) return act(c, s, did, n, "menu-select %d", (int)(key - SDLK_1) + 1);
        return UI_CLASSROOM_TAKEN;
    }
}

ui_classroom_key_result ui_classroom_key(ui_classroom *c, SDL_Keycode key, Uint16 mod, xl_session *s, char *did,
                                         size_t n)
{
    const int shift = (mod & KMOD_SHIFT) != 0, ctrl = (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) != 0;
    if (did && n) did[0] = '\0';
    if (c->quit_asked) { /* "quit?": Esc or Q again says yes; any other key stays, and does nothing else */
        c->quit_asked = 0;
        return key == SDLK_ESCAPE || key == SDLK_q ? UI_CLASSROOM_QUIT : UI_CLASSROOM_TAKEN;
    }
    if (c->blank) return act(c, s, did, n, "unblank"); /* any key brings the screen back, and does nothing else */
    if (c->menu_open) return menu_key(c, key, s, did, n);
    if (key == SDLK_m && !ctrl && !shift) return act(c, s, did, n, "menu");
    /* The class's keys (part 12), in a lesson or the sandbox. */
    if (key == SDLK_F7 && !ctrl && !shift) return c->poll ? act(c, s, did, n, "class-card") : UI_CLASSROOM_CLASS_WANTED;
    if (key == SDLK_F8 && !ctrl && !shift && c->poll) return act(c, s, did, n, "class-split");
    const int class_on = c->lesson != NULL || c->left_path[0] != '\0';
    if (class_on && !ctrl && (key == SDLK_q || (key == SDLK_ESCAPE && !c->lesson))) {
        c->quit_asked = 1; /* no quit without a second press while a class is on */
        return UI_CLASSROOM_TAKEN;
    }
    if (!c->lesson) {
        /* The sandbox after a lesson: the clicker's keys go back to the page left. */
        if (class_on && (key == SDLK_PAGEDOWN || key == SDLK_PAGEUP || key == SDLK_F5)) return act(c, s, did, n, "resume");
        return UI_CLASSROOM_PASS;
    }
    if (key == SDLK_ESCAPE) return act(c, s, did, n, "close");
    if (!c->player) return UI_CLASSROOM_PASS; /* broken: the sandbox's keys still work */
    const int plain = !shift && !ctrl;
    switch (key) {
    case SDLK_PAGEDOWN: return act(c, s, did, n, "next");
    case SDLK_PAGEUP: return act(c, s, did, n, "back");
    case SDLK_RIGHT: return plain ? act(c, s, did, n, "next") : UI_CLASSROOM_PASS;
    case SDLK_LEFT: return plain ? act(c, s, did, n, "back") : UI_CLASSROOM_PASS;
    case SDLK_HOME: return ctrl ? UI_CLASSROOM_PASS : act(c, s, did, n, "first"); /* Ctrl+Home: fit the landscape */
    case SDLK_END: return act(c, s, did, n, "last");
    /* F5 is the page again, not page 1: a clicker whose one button sends F5 and Esc in
     * turn must not throw the class back to the start (issue 19.13). Shift+F5, page 1. */
    case SDLK_F5: return act(c, s, did, n, shift ? "restart" : "again");
    case SDLK_PERIOD: return act(c, s, did, n, "blank");
    case SDLK_b: return plain ? act(c, s, did, n, "blank") : UI_CLASSROOM_PASS;
    case SDLK_p: return plain ? act(c, s, did, n, "presenter") : UI_CLASSROOM_PASS;
    default: break;
    }
    if (xl_player_phase_of(c->player) == XL_PLAYER_ASKING) {
        int k = key >= SDLK_1 && key <= SDLK_9 ? (int)(key - SDLK_1) : key >= SDLK_KP_1 && key <= SDLK_KP_9 ? (int)(key - SDLK_KP_1) : -1;
        /* A number that is no answer does nothing, and selects nothing. */
        if (k >= 0) return act(c, s, did, n, "answer %d", k + 1);
    }
    return UI_CLASSROOM_PASS;
}

static int inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

int ui_classroom_click(ui_classroom *c, int x, int y, const ui_lesson_geom *lesson, const ui_menu_geom *menu,
                       xl_session *s, char *did, size_t n)
{
    if (did && n) did[0] = '\0';
    if (c->blank) return act(c, s, did, n, "unblank"), 1;
    if (c->menu_open) {
        for (int i = 0; menu && i < menu->nrows && i < c->library.count; i++)
            if (inside(menu->rows[i], x, y)) return act(c, s, did, n, "open %s", c->library.entries[i].path), 1;
        return act(c, s, did, n, "menu-close"), 1; /* a click beside the menu closes it */
    }
    if (!lesson || !c->lesson) return 0;
    if (c->player && xl_player_phase_of(c->player) == XL_PLAYER_ASKING)
        for (int i = 0; i < lesson->nanswers; i++)
            if (inside(lesson->answers[i], x, y)) return act(c, s, did, n, "answer %d", i + 1), 1;
    /* The foot's keys: a touch screen or a mouse turns the pages without a keyboard. */
    for (int i = 0; i < lesson->nkeys; i++)
        if (inside(lesson->keys[i], x, y)) return act(c, s, did, n, "%s", lesson->key_action[i]), 1;
    return 0;
}
