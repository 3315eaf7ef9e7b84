/* ui_page: the page's description pacing and its buttons' state (see the header). */
#include "ui_page.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xl_player.h"
#include "ui_lang.h"

int ui_page_due(ui_page_pace *p, long long now_ms, int moving, int settled)
{
    if (!p->started) {
        p->started = 1;
        p->said_ms = now_ms;
        return 1;
    }
    if (p->input) {
        if (!settled) return 0; /* the page turned to is still being computed */
        p->input = 0;
        p->said_ms = now_ms;
        return 2;
    }
    if (moving && now_ms - p->said_ms >= UI_PAGE_MOVING_MS) {
        p->said_ms = now_ms;
        return 2;
    }
    return 0;
}

void ui_page_input(ui_page_pace *p) { p->input = 1; }

/* Appending to a bounded buffer: the length so far in *at, never past n - 1. */
typedef struct out_buf {
    char *s;
    size_t n, at;
} out_buf;

static void put(out_buf *o, const char *fmt, ...)
{
    if (o->at + 1 >= o->n) return;
    va_list ap;
    va_start(ap, fmt);
    const int k = vsnprintf(o->s + o->at, o->n - o->at, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    o->at = (size_t)k < o->n - o->at ? o->at + (size_t)k : o->n - 1;
}

/* text as a JSON string: quotes, backslashes and control characters escaped; UTF-8 as is. */
static void put_string(out_buf *o, const char *text)
{
    put(o, "\"");
    for (const unsigned char *c = (const unsigned char *)(text ? text : ""); *c; c++) {
        if (*c == '"' || *c == '\\') put(o, "\\%c", *c);
        else if (*c < 0x20) put(o, "\\u%04x", *c);
        else put(o, "%c", *c);
    }
    put(o, "\"");
}

static const char *phase_name(xl_player_phase ph)
{
    switch (ph) {
    case XL_PLAYER_PLAYING: return "playing";
    case XL_PLAYER_WAITING: return "waiting";
    case XL_PLAYER_PAUSED: return "paused";
    case XL_PLAYER_ASKING: return "asking";
    case XL_PLAYER_SUSPENDED: return "suspended";
    case XL_PLAYER_DONE: return "done";
    }
    return "";
}

size_t ui_page_controls_json(const xl_session *s, const ui_classroom *cr, char *out, size_t n)
{
    if (!out || n == 0) return 0;
    out_buf o = {out, n, 0};
    out[0] = '\0';
    const xl_scenario_def *def = xl_session_scenario(s);
    put(&o, "{\"playing\":%d,\"scenario\":", xl_session_playing(s) ? 1 : 0);
    put_string(&o, def ? def->id : "");
    put(&o, ",\"verbs\":[");
    int first = 1;
    for (int i = 0; def && i < def->verb_count; i++) {
        const xl_verb_def *v = &def->verbs[i];
        if (v->arg != XL_ARG_NONE || v->keys[0].code == 0) continue; /* a script's verb, or one that needs a value */
        put(&o, first ? "[" : ",[");
        put_string(&o, v->name);
        put(&o, ",");
        put_string(&o, _(v->help)); /* the button's name in the interface's language */
        put(&o, "]");
        first = 0;
    }
    put(&o, "]");
    const xl_player *p = cr ? cr->player : NULL;
    const xl_lesson *l = p ? xl_player_lesson(p) : NULL;
    if (!l) {
        put(&o, ",\"lesson\":0,\"page\":0,\"pages\":0,\"phase\":\"\",\"answers\":[]}");
        return o.at;
    }
    const int page = xl_player_page(p);
    const xl_player_phase ph = xl_player_phase_of(p);
    put(&o, ",\"lesson\":1,\"page\":%d,\"pages\":%d,\"phase\":\"%s\",\"answers\":[", page + 1, l->npages,
        phase_name(ph));
    if (ph == XL_PLAYER_ASKING && page >= 0 && page < l->npages) {
        const xl_page *pg = &l->pages[page];
        for (int q = 0; q < pg->nquestions; q++) {
            if (xl_player_question_state(p, q, NULL) != 1) continue;
            for (int a = 0; a < pg->questions[q].nanswers; a++) {
                if (a) put(&o, ",");
                put_string(&o, pg->questions[q].answers[a]);
            }
            break;
        }
    }
    put(&o, "]}");
    return o.at;
}

int ui_page_command_allowed(const char *text)
{
    if (!text || strncmp(text, "lesson ", 7) != 0) return text != NULL;
    static const char *const words[] = {"next", "back", "first", "last", "again", "menu", "close", "resume"};
    const char *w = text + 7;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(w, words[i]) == 0) return 1;
    int k = 0, used = 0;
    return sscanf(w, "answer %d%n", &k, &used) == 1 && w[used] == '\0' && k >= 1 && k <= 9;
}

int ui_page_brief_grown(const char *text, const char *page_before, const char *page, char *out, size_t n)
{
    if (!text || !page || !page[0] || !out || n == 0) return 0;
    if (!page_before) page_before = "";
    if (strcmp(page, page_before) == 0) return 0;
    out_buf o = {out, n, 0};
    out[0] = '\0';
    /* What changed: the description's words before the page's. */
    const char *at = strstr(text, page);
    size_t lead = at ? (size_t)(at - text) : 0;
    while (lead > 0 && text[lead - 1] == ' ') lead--;
    if (lead > 0) put(&o, "%.*s ", (int)lead, text);
    /* The new words: from the first sentence that differs (narration shown after a
     * question comes before it in the page's words, so the page need not have grown at
     * its end); the whole sentences the two share are not said again. */
    size_t same = 0;
    while (page[same] && page[same] == page_before[same]) same++;
    size_t from = 0;
    for (size_t i = 0; i < same; i++)
        if ((page[i] == '.' || page[i] == '?' || page[i] == ':') && (page[i + 1] == ' ' || page[i + 1] == '\0'))
            from = i + 1;
    if (page_before[same] == '\0' && (page[same] == ' ' || page[same] == '\0')) from = same; /* grew at its end */
    const char *fresh = page + from;
    while (*fresh == ' ') fresh++;
    put(&o, "%s", fresh);
    return 1;
}
