/* xn_page: the phone's page, the state's JSON and the short pages (xn_page.h).
 * Everything goes through a small writer that stops at the buffer's end and remembers
 * that it did, so a page is either whole or refused (0), never cut mid-tag. */
#include "xn_page.h"

#include <stdio.h>
#include <string.h>

typedef struct writer {
    char *buf;
    size_t cap, len;
    int over;
} writer;

static void put_n(writer *w, const char *s, size_t n)
{
    if (w->over) return;
    if (w->len + n + 1 > w->cap) {
        w->over = 1;
        return;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

static void put(writer *w, const char *s) { put_n(w, s, strlen(s)); }

static void put_int(writer *w, int v)
{
    char t[16];
    snprintf(t, sizeof t, "%d", v);
    put(w, t);
}

/* Text into HTML (an element's content or a quoted attribute): the five characters
 * that could end either are written as references. */
static void put_esc(writer *w, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': put(w, "&amp;"); break;
        case '<': put(w, "&lt;"); break;
        case '>': put(w, "&gt;"); break;
        case '"': put(w, "&quot;"); break;
        case '\'': put(w, "&#39;"); break;
        default: put_n(w, s, 1);
        }
    }
}

/* A JSON string's content: quotes, backslashes and controls escaped, and < > & too, so
 * the text is inert even if a browser were tricked into reading it as HTML. */
static void put_json_str(writer *w, const char *s)
{
    put(w, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            char t[3] = {'\\', (char)c, '\0'};
            put(w, t);
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            char t[8];
            snprintf(t, sizeof t, "\\u%04x", c);
            put(w, t);
        } else {
            put_n(w, s, 1);
        }
    }
    put(w, "\"");
}

/* A template from the words' table with {p} and {n} replaced by numbers, escaped. */
static void put_template(writer *w, const char *t, int p, int n)
{
    while (*t) {
        if (strncmp(t, "{p}", 3) == 0) {
            put_int(w, p);
            t += 3;
        } else if (strncmp(t, "{n}", 3) == 0) {
            put_int(w, n);
            t += 3;
        } else {
            char c[2] = {*t, '\0'};
            put_esc(w, c);
            t++;
        }
    }
}

static size_t finish(writer *w)
{
    if (w->over) {
        if (w->cap) w->buf[0] = '\0';
        return 0;
    }
    return w->len;
}

/* ---- the words ------------------------------------------------------------------------ */

static const xn_page_words words_en = {
    .lang = "en",
    .app = "xentlab class",
    .page_of = "Page {p} of {n}",
    .look = "Look at the screen.",
    .your_vote = "\xe2\x9c\x93 your vote",
    .sent = "\xe2\x80\xa6 sent",
    .tap = "Tap your answer. You can change it until the reveal.",
    .closed = "Voting closed.",
    .right = "\xe2\x9c\x93 right answer",
    .no_lesson = "No lesson is open.",
    .code_title = "Join the class",
    .code_label = "The 4-digit code on the screen",
    .code_wrong = "That code is not this class's: look at the screen for the code.",
    .join = "Join",
    .full_title = "The class is full",
    .full_text = "Every place in this class is taken. Share a phone with a neighbour, or ask the teacher.",
    .err_title = "Not accepted",
    .err_bad = "That request was not understood. Open the class's address again.",
    .err_route = "There is nothing here. Open the class's address from the screen.",
    .err_large = "That request was too large.",
    .err_slow = "Too many requests at once: wait a second and try again.",
    .err_closed = "This question is not taking votes now: look at the screen.",
    .err_join = "This phone has not joined the class: open the class's address from the screen.",
    .err_joins = "Too many phones have joined from this network address in the last minute: wait a minute, then "
                 "reload this page.",
    .ended = "This class has ended or restarted: scan the new code.",
    .vote_closed = "Voting is closed: look at the screen.",
    .vote_fast = "Too fast: try again.",
    .vote_busy = "The class is busy: try again in a moment.",
    .back = "Back to the question",
    .err_cookies = "If this message stays after the page reloads, this browser is not keeping cookies: the class "
                   "needs its one cookie to count your vote. Allow cookies for this page, or use another browser.",
};

static const xn_page_words *const word_tables[] = {&words_en};

const xn_page_words *xn_page_words_for(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof word_tables / sizeof word_tables[0]; i++)
        if (strcmp(word_tables[i]->lang, lang) == 0) return word_tables[i];
    return &words_en;
}

/* ---- the page ------------------------------------------------------------------------- */

/* Big touch targets, text that reads on a small screen, the vote marked by a thick
 * border and words (not colour alone); the palette's blue and green (DESIGN.md). */
static const char style[] =
    "<style>"
    "body{font:18px/1.4 sans-serif;margin:0 auto;max-width:36em;padding:1em;color:#111;background:#fff}"
    "h1{font-size:1.4em;margin:.4em 0}.p{color:#444;margin:0}"
    "button{display:block;width:100%;min-height:3.5em;margin:.7em 0;padding:.6em .8em;font:inherit;"
    "text-align:left;color:#111;background:#f2f2f2;border:3px solid #666;border-radius:.5em}"
    "button[aria-pressed=true]{border:6px solid #0072b2;background:#e3eef8}"
    ".m{display:block;font-weight:bold}"
    "li{margin:.5em 0;padding:.4em;border:2px solid #999;border-radius:.4em;list-style:none}"
    "li.r{border:6px solid #009e73}ul{padding:0}"
    "input{font:inherit;font-size:1.6em;width:5em;letter-spacing:.2em}"
    "[hidden]{display:none}#j,#e{font-weight:bold;color:#a00}"
    "</style>";

/* The page's script, old-phone JavaScript (no arrow functions, no fetch): poll the state,
 * reload when the key changed, mark the vote in place; buttons post with js=1. */
static const char script[] =
    "<script>(function(){var d=document.body,c=d.getAttribute('data-c'),k=d.getAttribute('data-k'),"
    "q=d.getAttribute('data-q'),V=d.getAttribute('data-v'),S=d.getAttribute('data-s'),"
    "B=document.getElementsByTagName('button'),busy=0,gone=0,P=500,J=document.getElementById('j'),"
    "E=document.getElementById('e'),C=J?J.getAttribute('data-t'):'',Z=J?J.getAttribute('data-e'):'',"
    "F=J?J.getAttribute('data-f'):'';"
    "function say(t){if(J){J.textContent=t;J.hidden=!t}}"
    "function err(t){if(E){E.textContent=t;E.hidden=!t}}say('');"
    "function rq(m,u,b,f,g){var x=new XMLHttpRequest();x.open(m,u,true);"
    "if(b)x.setRequestHeader('Content-Type','application/x-www-form-urlencoded');"
    "x.setRequestHeader('Accept','application/json');"
    "x.onreadystatechange=function(){if(x.readyState!=4)return;if(x.status!=200){g(x.status,x.responseText);return}var s;"
    "try{s=JSON.parse(x.responseText)}catch(e){g(0);return}f(s)};x.send(b)}"
    "function marks(ch,se){for(var i=0;i<B.length;i++){var n=B[i].value-1,m=B[i].lastChild;"
    "if(!m||m.className!='m')continue;B[i].setAttribute('aria-pressed',n==ch?'true':'false');"
    "m.textContent=n==ch?V:(n==se?S:'')}}"
    "function show(s){if(gone)return;P=500;say(s.joined?'':C);if(s.key!=k){gone=1;location.reload();return}"
    "marks(s.choice,s.sent)}"
    "function unsent(){for(var i=0;i<B.length;i++){var m=B[i].lastChild;if(m&&m.className=='m')"
    "m.textContent=B[i].getAttribute('aria-pressed')=='true'?V:''}}"
    "function refused(st){err(E?(E.getAttribute('data-'+st)||E.getAttribute('data-503')):'');unsent()}"
    "for(var i=0;i<B.length;i++)if(B[i].name=='k')B[i].onclick=function(){"
    "rq('POST','/v','c='+c+'&q='+q+'&k='+this.value+'&js=1',function(s){err('');show(s)},refused);return false};"
    "function tick(){if(gone)return;if(!busy){busy=1;rq('GET','/s?c='+c,null,function(s){busy=0;show(s)},"
    "function(st,t){busy=0;if(st==403){P=5000;say(Z)}else if(/full/.test(t||'')){P=5000;say(F)}})}"
    "setTimeout(tick,P)}setTimeout(tick,P)})()</script>";

/* The document's head; follow: a phone without JavaScript reloads the page every 5 s, so
 * it too follows the lesson's page turns (the script polls instead). */
static void head(writer *w, const xn_page_words *t, const char *lang, const char *title, int follow)
{
    put(w, "<!DOCTYPE html>\n<html lang=\"");
    put_esc(w, lang && lang[0] ? lang : t->lang);
    put(w, "\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
    put_esc(w, title && title[0] ? title : t->app);
    put(w, "</title>");
    if (follow) put(w, "<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>");
    put(w, style);
    put(w, "</head>");
}

static const char *show_letter(xn_show s)
{
    return s == XN_SHOW_OPEN ? "o" : s == XN_SHOW_CLOSED ? "c" : "w";
}

void xn_page_key(const xn_public *pub, char key[XN_PAGE_KEY_MAX])
{
    char qid[XN_QID_MAX];
    size_t n = strnlen(pub->qid, XN_QID_MAX - 1);
    memcpy(qid, pub->qid, n);
    qid[n] = '\0';
    snprintf(key, XN_PAGE_KEY_MAX, "%s/%d/%s", show_letter(pub->show), pub->page,
             pub->show == XN_SHOW_WAIT ? "" : qid);
}

/* A published text may lack its NUL (the app's bug, not the phone's): read it bounded. */
static void copy_text(char *dst, const char *src, size_t cap)
{
    size_t n = strnlen(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

size_t xn_page_html(const xn_public *pub, const char *code, int choice, int sent, char *buf, size_t cap)
{
    writer w = {buf, cap, 0, 0};
    char lang[sizeof pub->lang], title[XN_TITLE_MAX], question[XN_TEXT_MAX], qid[XN_QID_MAX], key[XN_PAGE_KEY_MAX];
    copy_text(lang, pub->lang, sizeof lang);
    const xn_page_words *t = xn_page_words_for(lang);
    copy_text(title, pub->title, sizeof title);
    copy_text(question, pub->question, sizeof question);
    copy_text(qid, pub->qid, sizeof qid);
    xn_page_key(pub, key);
    int nopt = pub->noptions < 0 ? 0 : pub->noptions > XN_OPTIONS_MAX ? XN_OPTIONS_MAX : pub->noptions;
    if (sent == choice) sent = -1;

    head(&w, t, lang, title, 1);
    put(&w, "<body data-c=\"");
    put_esc(&w, code);
    put(&w, "\" data-k=\"");
    put_esc(&w, key);
    put(&w, "\" data-q=\"");
    put_esc(&w, qid);
    put(&w, "\" data-v=\"");
    put_esc(&w, t->your_vote);
    put(&w, "\" data-s=\"");
    put_esc(&w, t->sent);
    put(&w, "\">\n<p class=p>");
    if (title[0]) {
        put_esc(&w, title);
        put(&w, " \xc2\xb7 ");
    }
    if (pub->page > 0)
        put_template(&w, t->page_of, pub->page, pub->pages);
    else
        put_esc(&w, t->no_lesson);
    put(&w, "</p>\n");
    /* Said until the browser is a device: a page without JavaScript keeps it while the
     * reloads come back without the cookie; the script hides it, and shows it again when a
     * poll is answered "not joined". */
    put(&w, "<p id=j role=status data-e=\"");
    put_esc(&w, t->ended);
    put(&w, "\" data-f=\"");
    put_esc(&w, t->full_title);
    put(&w, ": ");
    put_esc(&w, t->full_text);
    put(&w, "\" data-t=\"");
    put_esc(&w, t->err_cookies);
    put(&w, choice == XN_PAGE_PENDING ? "\">" : "\" hidden>");
    if (choice == XN_PAGE_PENDING) put_esc(&w, t->err_cookies);
    put(&w, "</p>\n");
    if (choice < 0) choice = -1;

    if (pub->show == XN_SHOW_OPEN && nopt > 0) {
        put(&w, "<h1>");
        put_esc(&w, question);
        put(&w, "</h1>\n<p>");
        put_esc(&w, t->tap);
        put(&w, "</p>\n<form method=post action=\"/v\"><input type=hidden name=c value=\"");
        put_esc(&w, code);
        put(&w, "\"><input type=hidden name=q value=\"");
        put_esc(&w, qid);
        put(&w, "\">\n");
        for (int i = 0; i < nopt; i++) {
            char text[XN_TEXT_MAX];
            copy_text(text, pub->options[i], sizeof text);
            put(&w, "<button type=submit name=k value=\"");
            put_int(&w, i + 1);
            put(&w, i == choice ? "\" aria-pressed=\"true\">" : "\" aria-pressed=\"false\">");
            put_esc(&w, text);
            put(&w, "<span class=m>");
            if (i == choice) put_esc(&w, t->your_vote);
            else if (i == sent) put_esc(&w, t->sent);
            put(&w, "</span></button>\n");
        }
        put(&w, "</form>\n");
        /* Where the script says why a vote was refused. */
        put(&w, "<p id=e role=alert hidden data-403=\"");
        put_esc(&w, t->ended);
        put(&w, "\" data-409=\"");
        put_esc(&w, t->vote_closed);
        put(&w, "\" data-429=\"");
        put_esc(&w, t->vote_fast);
        put(&w, "\" data-503=\"");
        put_esc(&w, t->vote_busy);
        put(&w, "\"></p>\n");
    } else if (pub->show == XN_SHOW_CLOSED && nopt > 0) {
        put(&w, "<h1>");
        put_esc(&w, question);
        put(&w, "</h1>\n<p><strong>");
        put_esc(&w, t->closed);
        put(&w, "</strong></p>\n<ul>\n");
        for (int i = 0; i < nopt; i++) {
            char text[XN_TEXT_MAX];
            copy_text(text, pub->options[i], sizeof text);
            put(&w, i == pub->right ? "<li class=r>" : "<li>");
            put_esc(&w, text);
            if (i == pub->right) {
                put(&w, " <strong>");
                put_esc(&w, t->right);
                put(&w, "</strong>");
            }
            if (i == choice) {
                put(&w, " <strong>");
                put_esc(&w, t->your_vote);
                put(&w, "</strong>");
            }
            put(&w, "</li>\n");
        }
        put(&w, "</ul>\n");
    } else {
        put(&w, "<h1>");
        put_esc(&w, t->look);
        put(&w, "</h1>\n");
    }
    put(&w, script);
    put(&w, "\n</body></html>\n");
    return finish(&w);
}

size_t xn_page_json(const xn_public *pub, int choice, int sent, char *buf, size_t cap)
{
    writer w = {buf, cap, 0, 0};
    char key[XN_PAGE_KEY_MAX], qid[XN_QID_MAX];
    int joined = choice != XN_PAGE_PENDING;
    if (!joined) choice = -1;
    xn_page_key(pub, key);
    copy_text(qid, pub->qid, sizeof qid);
    if (sent == choice) sent = -1;
    put(&w, "{\"key\":");
    put_json_str(&w, key);
    put(&w, ",\"show\":");
    put(&w, pub->show == XN_SHOW_OPEN ? "\"open\"" : pub->show == XN_SHOW_CLOSED ? "\"closed\"" : "\"wait\"");
    put(&w, ",\"page\":");
    put_int(&w, pub->page);
    put(&w, ",\"pages\":");
    put_int(&w, pub->pages);
    put(&w, ",\"qid\":");
    put_json_str(&w, pub->show == XN_SHOW_WAIT ? "" : qid);
    put(&w, ",\"n\":");
    put_int(&w, pub->show == XN_SHOW_WAIT ? 0 : pub->noptions);
    put(&w, ",\"choice\":");
    put_int(&w, choice);
    put(&w, ",\"sent\":");
    put_int(&w, sent);
    put(&w, ",\"right\":");
    put_int(&w, pub->show == XN_SHOW_CLOSED ? pub->right : -1);
    put(&w, ",\"joined\":");
    put_int(&w, joined);
    put(&w, "}");
    return finish(&w);
}

size_t xn_page_code_form(const char *lang, int wrong, char *buf, size_t cap)
{
    writer w = {buf, cap, 0, 0};
    const xn_page_words *t = xn_page_words_for(lang);
    head(&w, t, lang, t->code_title, 0);
    put(&w, "<body>\n<h1>");
    put_esc(&w, t->code_title);
    put(&w, "</h1>\n");
    if (wrong) {
        put(&w, "<p><strong>");
        put_esc(&w, t->code_wrong);
        put(&w, "</strong></p>\n");
    }
    put(&w, "<form method=get action=\"/\"><label for=c>");
    put_esc(&w, t->code_label);
    put(&w, "</label><br><input id=c name=c inputmode=numeric pattern=\"[0-9]{4}\" maxlength=4 "
            "autocomplete=off required><button type=submit>");
    put_esc(&w, t->join);
    put(&w, "</button></form>\n</body></html>\n");
    return finish(&w);
}

size_t xn_page_full(const char *lang, int max, char *buf, size_t cap)
{
    writer w = {buf, cap, 0, 0};
    const xn_page_words *t = xn_page_words_for(lang);
    head(&w, t, lang, t->full_title, 0);
    put(&w, "<body>\n<h1>");
    put_esc(&w, t->full_title);
    put(&w, "</h1>\n<p>");
    put_esc(&w, t->full_text);
    put(&w, " (");
    put_int(&w, max);
    put(&w, ")</p>\n</body></html>\n");
    return finish(&w);
}

size_t xn_page_message(const char *lang, const char *title, const char *text, char *buf, size_t cap)
{
    writer w = {buf, cap, 0, 0};
    const xn_page_words *t = xn_page_words_for(lang);
    head(&w, t, lang, title, 0);
    put(&w, "<body>\n<h1>");
    put_esc(&w, title);
    put(&w, "</h1>\n<p>");
    put_esc(&w, text);
    put(&w, "</p>\n</body></html>\n");
    return finish(&w);
}

size_t xn_page_back(const char *lang, const char *title, const char *text, const char *code, char *buf, size_t cap)
{
    writer w = {buf, cap, 0, 0};
    const xn_page_words *t = xn_page_words_for(lang);
    put(&w, "<!DOCTYPE html>\n<html lang=\"");
    put_esc(&w, lang && lang[0] ? lang : t->lang);
    put(&w, "\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            "<meta http-equiv=\"refresh\" content=\"5;url=/?c=");
    put_esc(&w, code);
    put(&w, "\"><title>");
    put_esc(&w, title);
    put(&w, "</title>");
    put(&w, style);
    put(&w, "</head><body>\n<h1>");
    put_esc(&w, title);
    put(&w, "</h1>\n<p>");
    put_esc(&w, text);
    put(&w, "</p>\n<p><a href=\"/?c=");
    put_esc(&w, code);
    put(&w, "\">");
    put_esc(&w, t->back);
    put(&w, "</a></p>\n</body></html>\n");
    return finish(&w);
}
