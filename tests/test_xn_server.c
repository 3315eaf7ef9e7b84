/* Tests for xn_server: the daemon on 127.0.0.1 spoken to over real sockets, as a phone
 * (and a hostile client) would: a join issues the token cookie and one join event; the
 * state's JSON; a vote becomes one event with the right device, question and option;
 * every refusal (wrong code, bad option, malformed, oversized, unknown route, wrong
 * method, the class full, a question not open, a stale question, too fast) answers its
 * status and queues nothing; a stop with connections open is clean (ASan/LSan in the
 * sanitizer build). Each client connects from its own 127.0.0.x address when it must
 * look like another phone (the per-address limits). */
#include "check_main.h"
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "xn_page.h"
#include "xn_server.h"

typedef struct resp {
    int status;
    char head[4096];
    char body[XN_PAGE_CAP];
    char cookie[40];    /* the xl token a Set-Cookie gave, "" none */
} resp;

static int wakes;
static void on_wake(void *user) { __atomic_add_fetch((int *)user, 1, __ATOMIC_RELAXED); }

/* A server on 127.0.0.1 at a free high port (the contract's port 0 means the default). */
static xn_server *start(int max_devices, int *port_out)
{
    char err[256] = "";
    for (int i = 0; i < 40; i++) {
        int port = 20000 + (int)((getpid() * 7 + i * 131) % 30000);
        xn_options o = {.bind = "127.0.0.1", .port = port, .max_devices = max_devices, .wake = on_wake,
                        .wake_user = &wakes};
        xn_server *srv = xn_server_start(&o, err, sizeof err);
        if (srv) {
            *port_out = port;
            return srv;
        }
        ck_assert_msg(strstr(err, "is in use"), "start: %s", err);
    }
    ck_abort_msg("no free port: %s", err);
    return NULL;
}

static int connect_from(int last_octet, int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    struct timeval tv = {5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    char src[32];
    snprintf(src, sizeof src, "127.0.0.%d", last_octet);
    inet_pton(AF_INET, src, &a.sin_addr);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    a.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    ck_assert_msg(connect(fd, (struct sockaddr *)&a, sizeof a) == 0, "connect: %s", strerror(errno));
    return fd;
}

/* Read a whole response (the requests say Connection: close) and split it. */
static void read_resp(int fd, resp *r)
{
    static char raw[XN_PAGE_CAP + 8192];
    size_t n = 0;
    for (;;) {
        ssize_t k = recv(fd, raw + n, sizeof raw - 1 - n, 0);
        if (k <= 0) break;
        n += (size_t)k;
        if (n == sizeof raw - 1) break;
    }
    raw[n] = '\0';
    memset(r, 0, sizeof *r);
    r->status = -1;   /* closed without an answer */
    if (n == 0) return;
    sscanf(raw, "HTTP/1.%*d %d", &r->status);
    char *end = strstr(raw, "\r\n\r\n");
    size_t hl = end ? (size_t)(end - raw) : n;
    snprintf(r->head, sizeof r->head, "%.*s", (int)hl, raw);
    if (end) snprintf(r->body, sizeof r->body, "%s", end + 4);
    const char *c = strstr(r->head, "Set-Cookie: xl=");
    if (c) snprintf(r->cookie, sizeof r->cookie, "%.32s", c + 15);
}

static void http(int port, int from, const char *method, const char *target, const char *cookie, const char *body,
                 resp *r)
{
    int fd = connect_from(from, port);
    char req[2048];
    int n = snprintf(req, sizeof req, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n", method, target);
    if (cookie && cookie[0]) n += snprintf(req + n, sizeof req - (size_t)n, "Cookie: xl=%s\r\n", cookie);
    if (body)
        n += snprintf(req + n, sizeof req - (size_t)n,
                      "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n", strlen(body));
    n += snprintf(req + n, sizeof req - (size_t)n, "\r\n%s", body ? body : "");
    ck_assert_int_eq(send(fd, req, (size_t)n, MSG_NOSIGNAL), n);
    read_resp(fd, r);
    close(fd);
}

static void publish_open(xn_server *srv, const char *qid, int noptions)
{
    static xn_public p;
    memset(&p, 0, sizeof p);
    p.show = XN_SHOW_OPEN;
    strcpy(p.title, "Surprise");
    p.page = 3;
    p.pages = 9;
    snprintf(p.qid, sizeof p.qid, "%s", qid);
    strcpy(p.question, "Which <coin> surprises you more?");
    p.noptions = noptions;
    for (int i = 0; i < noptions; i++) snprintf(p.options[i], sizeof p.options[i], "Option %d", i + 1);
    p.right = -1;
    strcpy(p.lang, "en");
    memset(p.choice, -1, sizeof p.choice);
    xn_server_publish(srv, &p);
}

#ifndef XN_SERVER_QUEUE_MAX   /* the tests of the server as built; the queue test below */
static void publish_show(xn_server *srv, xn_show show)
{
    static xn_public p;
    memset(&p, 0, sizeof p);
    p.show = show;
    p.page = 3;
    p.pages = 9;
    strcpy(p.qid, "3.1");
    strcpy(p.question, "Q");
    p.noptions = 2;
    strcpy(p.options[0], "A");
    strcpy(p.options[1], "B");
    p.right = show == XN_SHOW_CLOSED ? 1 : -1;
    memset(p.choice, -1, sizeof p.choice);
    xn_server_publish(srv, &p);
}

static int take_all(xn_server *srv, xn_event *ev, int max) { return xn_server_take(srv, ev, max); }

/* Join from address `from`: the page and a cookie (no event yet), then the first poll
 * with it: one JOIN event for the device expected. */
static void join(xn_server *srv, int port, int from, int device, char token[40])
{
    char target[64];
    resp r;
    xn_event ev[4];
    snprintf(target, sizeof target, "/?c=%s", xn_server_code(srv));
    http(port, from, "GET", target, NULL, NULL, &r);
    ck_assert_msg(r.status == 200, "join: %d\n%s", r.status, r.head);
    ck_assert_uint_eq(strlen(r.cookie), 32);
    snprintf(token, 40, "%s", r.cookie);
    ck_assert_int_eq(take_all(srv, ev, 4), 0);
    snprintf(target, sizeof target, "/s?c=%s", xn_server_code(srv));
    http(port, from, "GET", target, token, NULL, &r);
    ck_assert_msg(r.status == 200, "first poll: %d\n%s", r.status, r.head);
    ck_assert_ptr_nonnull(strstr(r.body, "\"joined\":1"));
    ck_assert_int_eq(take_all(srv, ev, 4), 1);
    ck_assert_int_eq(ev[0].kind, XN_EVENT_JOIN);
    ck_assert_int_eq(ev[0].device, device);
}

START_TEST(test_join_poll_vote)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    const char *code = xn_server_code(srv);
    ck_assert_uint_eq(strlen(code), 4);
    char url[96];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/?c=%s", port, code);
    ck_assert_str_eq(xn_server_url(srv), url);
    ck_assert_str_eq(xn_server_where(srv), "lo 127.0.0.1");
    publish_open(srv, "3.1", 3);

    char target[64];
    resp r;
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 2, "GET", target, NULL, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.head, "Content-Type: text/html; charset=utf-8"));
    ck_assert_ptr_nonnull(strstr(r.head, "Cache-Control: no-store"));
    char want[128];
    snprintf(want, sizeof want, "Set-Cookie: xl=%s; Path=/; HttpOnly; SameSite=Strict", r.cookie);
    ck_assert_ptr_nonnull(strstr(r.head, want));
    ck_assert_int_eq((int)strspn(r.cookie, "0123456789abcdef"), 32);
    ck_assert_ptr_nonnull(strstr(r.body, "<h1>Which &lt;coin&gt; surprises you more?</h1>"));
    ck_assert_ptr_nonnull(strstr(r.body, "Option 3"));
    char tok[40];
    snprintf(tok, sizeof tok, "%s", r.cookie);
    /* Not a device yet: the page says cookies are needed (until its script's poll), no event. */
    ck_assert_ptr_nonnull(strstr(r.body, "data-t=\"If this message stays"));
    ck_assert_ptr_nonnull(strstr(r.body, "\">If this message stays after the page reloads"));
    xn_event ev[8];
    ck_assert_int_eq(take_all(srv, ev, 8), 0);

    /* Without cookies (a browser that keeps none, curl, a link preview, a HEAD): a new token
     * each time, never a device; its poll says "not joined". */
    for (int i = 0; i < 3; i++) {
        http(port, 2, i == 2 ? "HEAD" : "GET", target, NULL, NULL, &r);
        ck_assert_int_eq(r.status, 200);
        ck_assert_uint_eq(strlen(r.cookie), 32);
    }
    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 2, "GET", target, NULL, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.body, "\"joined\":0"));
    ck_assert_int_eq(take_all(srv, ev, 8), 0);
    ck_assert_int_eq(xn_server_stats(srv).devices, 0);

    /* Back with its cookie: now a device (0), one JOIN event; no new cookie. */
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 2, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    ck_assert_str_eq(r.cookie, "");
    ck_assert_ptr_nonnull(strstr(r.body, "data-t=\"If this message stays"));
    ck_assert_ptr_nonnull(strstr(r.body, "\" hidden></p>"));
    ck_assert_int_eq(take_all(srv, ev, 8), 1);
    ck_assert_int_eq(ev[0].kind, XN_EVENT_JOIN);
    ck_assert_int_eq(ev[0].device, 0);
    ck_assert_int_gt(__atomic_load_n(&wakes, __ATOMIC_RELAXED), 0);
    http(port, 2, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(take_all(srv, ev, 8), 0);

    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 2, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.head, "Content-Type: application/json; charset=utf-8"));
    ck_assert_str_eq(r.body, "{\"key\":\"o/3/3.1\",\"show\":\"open\",\"page\":3,\"pages\":9,\"qid\":\"3.1\",\"n\":3,"
                             "\"choice\":-1,\"sent\":-1,\"right\":-1,\"joined\":1}");

    /* A vote without JavaScript: 303 back to the page; one event. */
    char body[96];
    snprintf(body, sizeof body, "c=%s&q=3.1&k=2", code);
    http(port, 2, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 303);
    snprintf(want, sizeof want, "Location: /?c=%s", code);
    ck_assert_ptr_nonnull(strstr(r.head, want));
    ck_assert_int_eq(take_all(srv, ev, 8), 1);
    ck_assert_int_eq(ev[0].kind, XN_EVENT_VOTE);
    ck_assert_int_eq(ev[0].device, 0);
    ck_assert_str_eq(ev[0].qid, "3.1");
    ck_assert_int_eq(ev[0].option, 1);

    /* With the script: the state back as JSON, the vote shown as sent until counted. */
    snprintf(body, sizeof body, "c=%s&q=3.1&k=3&js=1", code);
    http(port, 2, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.body, "\"choice\":-1,\"sent\":2"));
    ck_assert_int_eq(take_all(srv, ev, 8), 1);
    ck_assert_int_eq(ev[0].option, 2);

    /* The app counted it: the state says so, nothing pending. */
    static xn_public p;
    memset(&p, 0, sizeof p);
    p.show = XN_SHOW_OPEN;
    p.page = 3;
    p.pages = 9;
    strcpy(p.qid, "3.1");
    p.noptions = 3;
    memset(p.choice, -1, sizeof p.choice);
    p.choice[0] = 2;
    xn_server_publish(srv, &p);
    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 2, "GET", target, tok, NULL, &r);
    ck_assert_ptr_nonnull(strstr(r.body, "\"choice\":2,\"sent\":-1"));
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 2, "GET", target, tok, NULL, &r);
    ck_assert_ptr_nonnull(strstr(r.body, "value=\"3\" aria-pressed=\"true\""));

    /* A second phone is device 1. */
    char tok2[40];
    join(srv, port, 3, 1, tok2);
    ck_assert_str_ne(tok, tok2);
    xn_stats st = xn_server_stats(srv);
    ck_assert_int_eq(st.devices, 2);
    ck_assert_uint_eq(st.requests, 14);
    ck_assert_uint_eq(st.refused, 0);
    ck_assert_uint_eq(st.limited, 0);
    xn_server_stop(srv);
}
END_TEST

START_TEST(test_refusals)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    const char *code = xn_server_code(srv);
    publish_open(srv, "3.1", 3);
    char tok[40];
    join(srv, port, 4, 0, tok);
    char wrong[16];
    snprintf(wrong, sizeof wrong, "%04d", (atoi(code) + 1) % 10000);

    char target[400], body[400];
    resp r;
    /* Codes: missing or wrong, a 403 with the code form (a page) or JSON (the state). */
    http(port, 4, "GET", "/", tok, NULL, &r);
    ck_assert_int_eq(r.status, 403);
    ck_assert_ptr_nonnull(strstr(r.body, "<form method=get action=\"/\">"));
    snprintf(target, sizeof target, "/?c=%s", wrong);
    http(port, 4, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 403);
    ck_assert_ptr_nonnull(strstr(r.body, "not this class"));
    snprintf(target, sizeof target, "/s?c=%s", wrong);
    http(port, 4, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 403);
    ck_assert_str_eq(r.body, "{\"error\":403}");
    snprintf(body, sizeof body, "c=%s&q=3.1&k=1", wrong);
    http(port, 4, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 403);

    /* Votes: without a device, an option the question has not, malformed. */
    snprintf(body, sizeof body, "c=%s&q=3.1&k=1", code);
    http(port, 4, "POST", "/v", NULL, body, &r);
    ck_assert_int_eq(r.status, 403);
    http(port, 4, "POST", "/v", "0123456789abcdef0123456789abcdef", body, &r);
    ck_assert_int_eq(r.status, 403);
    static const char *const bad_bodies[] = {"k=4", "k=5", "k=0", "k=-1", "k=1&k=2", "k=1%00", "k=1&zz=1", "k="};
    for (size_t i = 0; i < sizeof bad_bodies / sizeof bad_bodies[0]; i++) {
        snprintf(body, sizeof body, "c=%s&q=3.1&%s", code, bad_bodies[i]);
        http(port, 4, "POST", "/v", tok, body, &r);
        ck_assert_msg(r.status == 400, "%s: %d", body, r.status);
    }
    snprintf(body, sizeof body, "c=%s&q=3.1", code);
    http(port, 4, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 400);
    snprintf(target, sizeof target, "/?c=%s&c=%s", code, code);
    http(port, 4, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 400);
    snprintf(target, sizeof target, "/?c=%s&k=1", code);
    http(port, 4, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 400);
    /* A malformed cookie. */
    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 4, "GET", target, "XYZ", NULL, &r);
    ck_assert_int_eq(r.status, 400);
    /* An overlong query. */
    char longq[300];
    memset(longq, 'a', sizeof longq - 1);
    longq[sizeof longq - 1] = '\0';
    snprintf(target, sizeof target, "/?c=%s&%.280s", code, longq);
    http(port, 4, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 400);

    /* Routes and methods. */
    http(port, 4, "GET", "/admin", tok, NULL, &r);
    ck_assert_int_eq(r.status, 404);
    http(port, 4, "GET", "/../../etc/passwd", tok, NULL, &r);
    ck_assert_int_eq(r.status, 404);
    http(port, 4, "GET", "/index.html", tok, NULL, &r);
    ck_assert_int_eq(r.status, 404);
    /* Only the exact raw paths: percent-encoded ones or a NUL (MHD decodes the path, and a
     * NUL would cut it to "/") are no route. */
    const char *odd[] = {"/%00", "/%73", "/%76", "/%2f", "/s%00", "/%00s", "//", "/s/", "/S"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        snprintf(target, sizeof target, "%s?c=%s", odd[i], code);
        http(port, 4, "GET", target, tok, NULL, &r);
        ck_assert_msg(r.status == 404, "%s: %d", target, r.status);
    }
    snprintf(body, sizeof body, "c=%s&q=3.1&k=1", code);
    http(port, 4, "POST", "/%76", tok, body, &r);
    ck_assert_int_eq(r.status, 404);
    snprintf(target, sizeof target, "/v?c=%s", code);
    http(port, 4, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 405);
    ck_assert_ptr_nonnull(strstr(r.head, "Allow: POST\r\n"));
    http(port, 4, "DELETE", "/", tok, NULL, &r);
    ck_assert_int_eq(r.status, 405);
    ck_assert_ptr_nonnull(strstr(r.head, "Allow: GET, HEAD\r\n"));
    snprintf(body, sizeof body, "c=%s", code);
    http(port, 4, "POST", "/", tok, body, &r);
    ck_assert_int_eq(r.status, 405);

    /* A body too large: 413, by its Content-Length or by what arrives. */
    char big[1200];
    memset(big, 'k', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    http(port, 4, "POST", "/v", tok, big, &r);
    ck_assert_int_eq(r.status, 413);
    {
        int fd = connect_from(4, port);
        char req[1024];
        int n = snprintf(req, sizeof req, "POST /v HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: xl=%s\r\n"
                                          "Content-Type: application/x-www-form-urlencoded\r\n"
                                          "Transfer-Encoding: chunked\r\n\r\n200\r\n", tok);
        send(fd, req, (size_t)n, MSG_NOSIGNAL);
        for (int i = 0; i < 2; i++) send(fd, big, 256, MSG_NOSIGNAL);
        send(fd, "\r\n0\r\n\r\n", 7, MSG_NOSIGNAL);
        read_resp(fd, &r);
        close(fd);
        ck_assert_int_eq(r.status, 413);
    }
    /* A header too large for the connection's memory: refused by MHD (431), or closed. */
    {
        static char huge[20000];
        memset(huge, 'h', sizeof huge - 1);
        huge[sizeof huge - 1] = '\0';
        int fd = connect_from(4, port);
        char req[256];
        int n = snprintf(req, sizeof req, "GET /?c=%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: ", code);
        send(fd, req, (size_t)n, MSG_NOSIGNAL);
        send(fd, huge, strlen(huge), MSG_NOSIGNAL);
        send(fd, "\r\n\r\n", 4, MSG_NOSIGNAL);
        read_resp(fd, &r);
        close(fd);
        ck_assert_msg(r.status == -1 || r.status == 431 || r.status == 413 || r.status == 400, "%d", r.status);
    }
    /* Garbage instead of HTTP. */
    {
        int fd = connect_from(4, port);
        send(fd, "\x01\x02 hello\r\n\r\n", 11, MSG_NOSIGNAL);
        read_resp(fd, &r);
        close(fd);
        ck_assert_msg(r.status == -1 || r.status == 400, "%d", r.status);
    }

    /* None of it changed anything. */
    xn_event ev[8];
    ck_assert_int_eq(take_all(srv, ev, 8), 0);
    xn_stats st = xn_server_stats(srv);
    ck_assert_int_eq(st.devices, 1);
    ck_assert_uint_ge(st.refused, 25);
    ck_assert_uint_eq(st.limited, 0);
    /* And it still answers. */
    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 4, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    xn_server_stop(srv);
}
END_TEST

START_TEST(test_votes_not_open)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    const char *code = xn_server_code(srv);
    publish_open(srv, "3.1", 2);
    char tok[40];
    join(srv, port, 5, 0, tok);
    char body[96];
    resp r;
    xn_event ev[4];
    snprintf(body, sizeof body, "c=%s&q=3.1&k=1&js=1", code);
    const xn_show shows[] = {XN_SHOW_WAIT, XN_SHOW_CLOSED};
    for (int i = 0; i < 2; i++) {
        publish_show(srv, shows[i]);
        http(port, 5, "POST", "/v", tok, body, &r);
        ck_assert_int_eq(r.status, 409);
        ck_assert_str_eq(r.body, "{\"error\":409}");
        ck_assert_int_eq(take_all(srv, ev, 4), 0);
    }
    /* The page asks another question now: a vote for the last one is stale. */
    publish_open(srv, "4.1", 2);
    http(port, 5, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 409);
    ck_assert_int_eq(take_all(srv, ev, 4), 0);
    /* Without JavaScript: a page with a link back to the question, back by itself in 5 s. */
    snprintf(body, sizeof body, "c=%s&q=3.1&k=1", code);
    http(port, 5, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 409);
    char want[96];
    snprintf(want, sizeof want, "<a href=\"/?c=%s\">", code);
    ck_assert_ptr_nonnull(strstr(r.body, want));
    snprintf(want, sizeof want, "content=\"5;url=/?c=%s\"", code);
    ck_assert_ptr_nonnull(strstr(r.body, want));
    /* A malformed vote from the script (js=1 in the body, or Accept: application/json): JSON. */
    snprintf(body, sizeof body, "c=%s&q=4.1&k=9&js=1", code);
    http(port, 5, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 400);
    ck_assert_str_eq(r.body, "{\"error\":400}");
    snprintf(body, sizeof body, "c=%s&q=4.1&k=%%zz&js=1", code);
    http(port, 5, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 400);
    ck_assert_str_eq(r.body, "{\"error\":400}");
    ck_assert_int_eq(take_all(srv, ev, 4), 0);
    snprintf(body, sizeof body, "c=%s&q=4.1&k=2&js=1", code);
    http(port, 5, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 200);
    ck_assert_int_eq(take_all(srv, ev, 4), 1);
    ck_assert_str_eq(ev[0].qid, "4.1");
    ck_assert_int_eq(ev[0].option, 1);
    /* CLOSED shows the right answer. */
    publish_show(srv, XN_SHOW_CLOSED);
    char target[64];
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 5, "GET", target, tok, NULL, &r);
    ck_assert_ptr_nonnull(strstr(r.body, "<li class=r>B <strong>"));
    ck_assert_ptr_nonnull(strstr(r.body, "Voting closed."));
    xn_server_stop(srv);
}
END_TEST

START_TEST(test_full_and_limits)
{
    int port = 0;
    xn_server *srv = start(3, &port);
    const char *code = xn_server_code(srv);
    publish_open(srv, "3.1", 2);
    char tok[40];
    char target[64], early[40];
    resp r;
    /* A page taken while places were left; its first poll after the last one is taken:
     * the full class said in JSON for the script, no device. */
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 19, "GET", target, NULL, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    snprintf(early, sizeof early, "%s", r.cookie);
    ck_assert_ptr_nonnull(strstr(r.body, "data-f=\"The class is full: Every place"));
    for (int d = 0; d < 3; d++) join(srv, port, 10 + d, d, tok);
    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 19, "GET", target, early, NULL, &r);
    ck_assert_int_eq(r.status, 503);
    ck_assert_str_eq(r.body, "{\"error\":503,\"full\":1}");
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 19, "GET", target, early, NULL, &r);
    ck_assert_int_eq(r.status, 503);
    ck_assert_ptr_nonnull(strstr(r.body, "The class is full"));
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 20, "GET", target, NULL, NULL, &r);
    ck_assert_int_eq(r.status, 503);
    ck_assert_ptr_nonnull(strstr(r.body, "The class is full"));
    ck_assert_str_eq(r.cookie, "");
    xn_event ev[4];
    ck_assert_int_eq(take_all(srv, ev, 4), 0);
    ck_assert_int_eq(xn_server_stats(srv).devices, 3);
    /* A device already in is still served. */
    http(port, 12, "GET", target, tok, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    xn_server_stop(srv);

    /* New devices from one address: 8 a minute, then 429 (nothing queued). */
    srv = start(0, &port);
    code = xn_server_code(srv);
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 30, "GET", target, NULL, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    snprintf(early, sizeof early, "%s", r.cookie);
    for (int i = 0; i < 8; i++) join(srv, port, 30, i, tok);
    http(port, 30, "GET", target, NULL, NULL, &r);
    ck_assert_int_eq(r.status, 429);
    ck_assert_ptr_nonnull(strstr(r.body, "Too many phones have joined from this network address"));
    ck_assert_int_eq(take_all(srv, ev, 4), 0);
    /* A token issued before the address's joins ran out comes back: 429, not a device. */
    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 30, "GET", target, early, NULL, &r);
    ck_assert_int_eq(r.status, 429);
    ck_assert_int_eq(take_all(srv, ev, 4), 0);
    /* Another address is not held by it. */
    join(srv, port, 31, 8, tok);

    /* One device flooding: its burst of 40, then 20 a second, the rest 429; others
     * unharmed. The bound is checked against the time the flood took (a slow,
     * sanitized run refills more). */
    snprintf(target, sizeof target, "/s?c=%s", code);
    int limited = 0, served = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 120; i++) {
        http(port, 31, "GET", target, tok, NULL, &r);
        if (r.status == 429 || r.status == -1) {   /* -1: past its address's connections */
            limited++;
            if (r.status == 429) ck_assert_ptr_nonnull(strstr(r.head, "Retry-After: 1"));
        } else {
            ck_assert_int_eq(r.status, 200);
            served++;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double took = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
    ck_assert_msg(served <= 40 + 20 * took + 1, "%d served in %.2f s", served, took);
    if (took < 3) ck_assert_int_ge(limited, 1);
    ck_assert_uint_ge(xn_server_stats(srv).limited, (unsigned long)limited + 1);
    char tok2[40];
    join(srv, port, 32, 9, tok2);
    xn_server_stop(srv);
}
END_TEST

static double mono(void);

/* 300 back-to-back requests for no route from one address: the address's rate holds
 * them as it holds votes (burst 80, 40 a second; the rest 429, or the connection refused),
 * and another address is served. */
START_TEST(test_rate_every_request)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    const char *code = xn_server_code(srv);
    resp r;
    int answered = 0, limited = 0;
    double t0 = mono();
    for (int i = 0; i < 300; i++) {
        http(port, 60, "GET", i % 3 == 0 ? "/admin" : i % 3 == 1 ? "/%73" : "/x?c=1", NULL, NULL, &r);
        if (r.status == 404) answered++;
        else {
            ck_assert_msg(r.status == 429 || r.status == -1, "request %d: %d", i, r.status);
            limited++;
        }
    }
    double took = mono() - t0;
    ck_assert_msg(answered <= 80 + 40 * took + 1, "%d of 300 404s answered in %.2f s", answered, took);
    if (took < 2) ck_assert_int_ge(limited, 100);
    /* A method refused (405) is counted the same. */
    http(port, 60, "DELETE", "/", NULL, NULL, &r);
    if (took < 2) ck_assert_msg(r.status == 429 || r.status == -1, "DELETE: %d", r.status);
    char target[64];
    snprintf(target, sizeof target, "/?c=%s", code);
    http(port, 61, "GET", target, NULL, NULL, &r);
    ck_assert_int_eq(r.status, 200);
    xn_server_stop(srv);
}
END_TEST

/* A client trickling its request, a byte every 0.4 s (each within the 5-s idle timeout):
 * how long the server kept the connection (the time until it was cut), into *(double *). */
typedef struct trickle {
    int port;
    const char *code;
    double held;
} trickle;

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *trickler(void *arg)
{
    trickle *t = arg;
    int fd = connect_from(41, t->port);
    char req[128];
    int n = snprintf(req, sizeof req, "GET /s?c=%s HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", t->code);
    double t0 = mono();
    t->held = -1;
    for (int i = 0; mono() - t0 < 25; i++) {
        char byte = i < n ? req[i] : 'a';
        if (send(fd, &byte, 1, MSG_NOSIGNAL) != 1) break;
        struct pollfd pf = {fd, POLLIN, 0};
        if (poll(&pf, 1, 400) > 0) {   /* the server closed it (EOF or an error) */
            char b[256];
            if (recv(fd, b, sizeof b, MSG_DONTWAIT) <= 0) break;
        }
    }
    t->held = mono() - t0;
    close(fd);
    return NULL;
}

/* One request on a kept-alive connection: the status, the body skipped by Content-Length. */
static int keepalive_get(int fd, const char *target, const char *token)
{
    char req[256], raw[XN_PAGE_CAP];
    int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: xl=%s\r\n\r\n", target, token);
    if (send(fd, req, (size_t)n, MSG_NOSIGNAL) != n) return -1;
    size_t got = 0;
    char *end = NULL;
    while (!end) {
        ssize_t k = recv(fd, raw + got, sizeof raw - 1 - got, 0);
        if (k <= 0) return -1;
        got += (size_t)k;
        raw[got] = '\0';
        end = strstr(raw, "\r\n\r\n");
    }
    const char *cl = strstr(raw, "Content-Length: ");
    size_t want = (size_t)(end + 4 - raw) + (cl ? (size_t)atol(cl + 16) : 0);
    while (got < want) {
        ssize_t k = recv(fd, raw + got, sizeof raw - 1 - got, 0);
        if (k <= 0) return -1;
        got += (size_t)k;
    }
    int status = -1;
    sscanf(raw, "HTTP/1.%*d %d", &status);
    return status;
}

/* A request has 10 s in all, however slowly it arrives: the trickler is cut by then,
 * while a phone polling twice a second on one kept-alive connection is never cut. */
START_TEST(test_slow_request)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    const char *code = xn_server_code(srv);
    publish_open(srv, "3.1", 2);
    char tok[40];
    join(srv, port, 40, 0, tok);
    trickle t = {port, code, 0};
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, trickler, &t), 0);
    int fd = connect_from(40, port);
    char target[64];
    snprintf(target, sizeof target, "/s?c=%s", code);
    double t0 = mono();
    int polls = 0;
    while (mono() - t0 < 14) {
        int st = keepalive_get(fd, target, tok);
        ck_assert_msg(st == 200, "poll %d on the kept-alive connection after %.1f s: %d", polls, mono() - t0, st);
        polls++;
        nanosleep(&(struct timespec){0, 500000000L}, NULL);
    }
    close(fd);
    pthread_join(th, NULL);
    ck_assert_msg(t.held > 9 && t.held < 12.5, "the trickling request was held %.1f s", t.held);
    ck_assert_int_ge(polls, 20);
    xn_server_stop(srv);
}
END_TEST

START_TEST(test_stop_with_connections)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    int fds[6];
    for (int i = 0; i < 6; i++) fds[i] = connect_from(40 + i, port);
    send(fds[0], "GET /s?c=", 9, MSG_NOSIGNAL);                        /* half a request */
    static const char half_body[] = "POST /v HTTP/1.1\r\nContent-Length: 10\r\n\r\nc=";
    send(fds[1], half_body, strlen(half_body), MSG_NOSIGNAL);   /* half a body */
    struct timespec pause = {0, 100 * 1000 * 1000};
    nanosleep(&pause, NULL);
    ck_assert_int_ge(xn_server_stats(srv).connections, 1);
    xn_server_stop(srv);
    /* Every connection is closed: a read comes to its end at once (after what was
     * answered already: the half POST got its 400 for want of a Content-Type). */
    for (int i = 0; i < 6; i++) {
        char buf[4096];
        ssize_t k = 1;
        for (int reads = 0; reads < 16 && k > 0; reads++) {
            struct pollfd p = {fds[i], POLLIN, 0};
            ck_assert_int_eq(poll(&p, 1, 2000), 1);
            k = recv(fds[i], buf, sizeof buf, 0);
        }
        ck_assert_int_le(k, 0);
        close(fds[i]);
    }
    /* And the port is free again. */
    char err[256];
    xn_options o = {.bind = "127.0.0.1", .port = port};
    srv = xn_server_start(&o, err, sizeof err);
    ck_assert_msg(srv != NULL, "%s", err);
    xn_server_stop(srv);
    xn_server_stop(NULL);
}
END_TEST

START_TEST(test_start_errors)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    char err[256] = "", want[128];
    xn_options o = {.bind = "127.0.0.1", .port = port};
    ck_assert_ptr_null(xn_server_start(&o, err, sizeof err));
    snprintf(want, sizeof want, "port %d is in use: try --class-port %d", port, port + 1);
    ck_assert_str_eq(err, want);
    xn_server_stop(srv);
    xn_options bad = {.bind = "wlan9x", .port = port};
    ck_assert_ptr_null(xn_server_start(&bad, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "wlan9x is neither a valid IPv4 address of this computer nor the name"));
    xn_options big = {.bind = "127.0.0.1", .port = port, .max_devices = XN_DEVICES_MAX + 1};
    ck_assert_ptr_null(xn_server_start(&big, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "devices"));
    xn_options neg = {.bind = "127.0.0.1", .port = 70000};
    ck_assert_ptr_null(xn_server_start(&neg, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "not a port"));
}
END_TEST
#endif

#ifdef XN_SERVER_QUEUE_MAX
/* Built with a queue of XN_SERVER_QUEUE_MAX (4) events: when the app has not taken them,
 * a join or a vote past it gets 503 with Retry-After and is not half-done (no device,
 * no cookie, no "sent" mark). */
START_TEST(test_queue_full)
{
    int port = 0;
    xn_server *srv = start(0, &port);
    const char *code = xn_server_code(srv);
    publish_open(srv, "3.1", 3);
    char target[64], tok[40] = "";
    resp r;
    char page[64], state[64], late[40];
    snprintf(page, sizeof page, "/?c=%s", code);
    snprintf(state, sizeof state, "/s?c=%s", code);
    for (int i = 0; i <= XN_SERVER_QUEUE_MAX; i++) {
        http(port, 50 + i, "GET", page, NULL, NULL, &r);
        ck_assert_int_eq(r.status, 200);
        snprintf(i == 0 ? tok : late, 40, "%s", r.cookie);
        if (i == XN_SERVER_QUEUE_MAX) break;
        http(port, 50 + i, "GET", state, r.cookie, NULL, &r);
        ck_assert_int_eq(r.status, 200);
    }
    /* The fifth's first poll: the queue is full, so it is not a device yet (503), and
     * its token stays pending for the next poll. */
    http(port, 50 + XN_SERVER_QUEUE_MAX, "GET", state, late, NULL, &r);
    ck_assert_int_eq(r.status, 503);
    ck_assert_ptr_nonnull(strstr(r.head, "Retry-After: 1"));
    ck_assert_str_eq(r.cookie, "");
    ck_assert_int_eq(xn_server_stats(srv).devices, XN_SERVER_QUEUE_MAX);
    xn_event ev[XN_SERVER_QUEUE_MAX + 2];
    ck_assert_int_eq(xn_server_take(srv, ev, XN_SERVER_QUEUE_MAX + 2), XN_SERVER_QUEUE_MAX);
    char body[96];
    for (int i = 0; i < XN_SERVER_QUEUE_MAX; i++) {
        snprintf(body, sizeof body, "c=%s&q=3.1&k=%d&js=1", code, 1 + i % 2);
        http(port, 50, "POST", "/v", tok, body, &r);
        ck_assert_int_eq(r.status, 200);
    }
    snprintf(body, sizeof body, "c=%s&q=3.1&k=3&js=1", code);
    http(port, 50, "POST", "/v", tok, body, &r);
    ck_assert_int_eq(r.status, 503);
    snprintf(target, sizeof target, "/s?c=%s", code);
    http(port, 50, "GET", target, tok, NULL, &r);
    ck_assert_msg(strstr(r.body, "\"sent\":1") != NULL, "the refused vote marked as sent: %s", r.body);
    ck_assert_int_eq(xn_server_take(srv, ev, XN_SERVER_QUEUE_MAX + 2), XN_SERVER_QUEUE_MAX);
    ck_assert_int_eq(ev[XN_SERVER_QUEUE_MAX - 1].option, 1);
    xn_server_stop(srv);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("xn_server_queue");
    const xl_test_case cases[] = {{"the event queue full", test_queue_full}};
    XL_TEST_ADD_CASES(s, cases, 60);
    return s;
}
#else
Suite *xl_test_suite(void)
{
    Suite *s = suite_create("xn_server");
    const xl_test_case cases[] = {
        {"join, poll, vote", test_join_poll_vote},
        {"refusals change nothing", test_refusals},
        {"votes when no question is open", test_votes_not_open},
        {"full class and rate limits", test_full_and_limits},
        {"stop with connections open", test_stop_with_connections},
        {"start errors", test_start_errors},
        {"a request's time limit", test_slow_request},
        {"every request rate-limited", test_rate_every_request},
    };
    XL_TEST_ADD_CASES(s, cases, 60);
    return s;
}
#endif
