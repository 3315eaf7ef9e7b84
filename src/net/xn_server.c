/* xn_server: the class's web server on GNU libmicrohttpd (xn_server.h).
 *
 * One MHD daemon with its own polling thread (epoll or poll, MHD_USE_AUTO) on a socket we
 * bind ourselves to the chosen address (so "port in use" is said as such). Every request
 * is answered from memory by xn_page; the query and the body are read by xn_form, not by
 * MHD (the URI log callback hands us the raw URI). The server thread is the only one
 * that reads requests, so the device table and the limiters are its own; what the app
 * thread shares with it (the published state, the event queue, the stats) sits under
 * one mutex, held for copies only.
 *
 * Limits:
 *   a query or a body: XN_FORM_MAX (256) bytes; a request's headers: what fits in MHD's
 *   connection memory (MEMORY_LIMIT, 8 KB); an idle or slow connection: TIMEOUT_S (5 s)
 *   without a byte; a request, however it trickles: REQUEST_S (10 s) from the connection's
 *   start or its last answer (a watchdog thread shuts the socket down); connections: CONNECTIONS_MAX (800, fewer when the process may open
 *   fewer files), PER_IP_CONNECTIONS (32) from one address; requests: DEVICE_RATE (20/s,
 *   burst 40) per device, the same per address for requests without a device, GLOBAL_RATE
 *   (4000/s) in all; every request and every connection from one address, whatever its
 *   route (a 404 as much as a vote): ADDRESS_RATE (40/s, burst 80) each, before routing; new devices: JOINS_PER_ADDRESS (8) per address a minute (generous:
 *   the load test's 300 phones share 127.0.0.x addresses), max_devices in all; events
 *   waiting for the app: QUEUE_MAX (8192).
 * The answers, each refusal changing nothing (no device, no event):
 *   200  the page, the state, a vote with js=1 (the state back)
 *   303  a vote without js: back to /?c=CODE
 *   400  a malformed query, body or token cookie, an unknown or repeated field, a field
 *        a route does not take, an option the question has not, a POST whose
 *        Content-Type is not a form
 *   403  a missing or wrong code (GET /: the code form), a vote from no known device
 *   404  any other path (matched raw: "/%73" or "/%00" is not "/s" or "/");  405  a wrong method (with Allow)
 *   409  a vote when no question is open, or for another question than the open one
 *        (without js: a page linking back to the question, refreshing to it after 5 s)
 *   413  a body over 256 bytes (by its Content-Length at once, or as it arrives)
 *   414 / 431  an overlong URI / headers (MHD's own answer)
 *   429  a device's or an address's rate, an address's joins (Retry-After: 1)
 *   503  the global rate or a full event queue (Retry-After: 1); the class full (a page)
 * A vote's refusals are JSON ({"error":STATUS}) when it says js=1 (even in a malformed
 * body) or Accept: application/json (the page's script), else a short page.
 * Every answer: Content-Type with charset, Cache-Control: no-store, nosniff, no referrer,
 * no framing, a CSP allowing only the page's inline script and style and requests to
 * itself. The one cookie: xl=TOKEN; Path=/; HttpOnly; SameSite=Strict, to a new browser on GET /.
 * That token is pending (2 x max_devices of them, PENDING_S each, the oldest dropped): the
 * browser becomes a device (its number, the JOIN event) only when a later request brings
 * the token back, so a browser without cookies, a HEAD, curl or a link preview never joins. */
#define _DEFAULT_SOURCE   /* getrandom, struct sockaddr_in in full */
#include "xn_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "xn_form.h"
#include "xn_iface.h"
#include "xn_page.h"

/* The event queue's size; tests/meson.build builds a server with a tiny one to fill it. */
#ifndef XN_SERVER_QUEUE_MAX
#define XN_SERVER_QUEUE_MAX 8192
#endif

enum {
    QUEUE_MAX = XN_SERVER_QUEUE_MAX,
    CONNECTIONS_MAX = 800,
    PER_IP_CONNECTIONS = 32,
    TIMEOUT_S = 5,
    REQUEST_S = 10,             /* a connection with no request completed in this long is cut */
    MEMORY_LIMIT = 8192,
    JOINS_PER_ADDRESS = 8,      /* per JOIN_WINDOW_S; the load test's 300 phones come from 127.0.0.x */
    JOIN_WINDOW_S = 60,
    ADDRESSES_MAX = 1024,
    PENDING_S = 120,            /* a token issued on GET / waits this long for the browser to come back */
    TOKEN_LEN = XN_FORM_TOKEN_HEX
};
static const double DEVICE_RATE = 20, DEVICE_BURST = 40;    /* requests per second */
static const double GLOBAL_RATE = 4000, GLOBAL_BURST = 4000;
/* Every request (and every connection) from one address, whatever its route, before
 * anything else: generous enough for many phones behind one address polling twice a second. */
static const double ADDRESS_RATE = 40, ADDRESS_BURST = 80;

/* A token bucket: up to burst requests at once, refilled at rate per second. */
typedef struct bucket {
    double tokens, t;
} bucket;

static int bucket_take(bucket *b, double now, double rate, double burst)
{
    if (b->t == 0) b->tokens = burst;
    else b->tokens += (now - b->t) * rate;
    if (b->tokens > burst) b->tokens = burst;
    b->t = now;
    if (b->tokens < 1) return 0;
    b->tokens -= 1;
    return 1;
}

typedef struct device {
    char token[TOKEN_LEN + 1];
    char sent_qid[XN_QID_MAX];  /* its last vote passed on, and on which question */
    int sent;
    bucket rate;
} device;

/* A token issued on GET / and not yet seen again: the browser becomes a device (a number,
 * a JOIN event) only when it sends the token back (its first poll or vote), so a browser
 * without cookies, a HEAD, curl or a link-preview bot never counts as a phone. */
typedef struct pending {
    char token[TOKEN_LEN + 1];  /* "" a free slot */
    double t;                   /* when issued */
} pending;

typedef struct address {
    uint32_t ip;                /* network order; 0: a free slot */
    double seen, window;        /* last request; when the join window began */
    int joins;
    bucket rate;                /* requests without a device */
    bucket any;                 /* every request, before its route is looked at */
    bucket accepts;             /* connections (MHD's own refusals, 414 and 431, end theirs) */
} address;

/* A connection as the watchdog sees it (in MHD's socket context, a list under conn_lock). */
typedef struct conn {
    struct conn *prev, *next;
    int fd;
    double since;               /* when it opened, or its last request was answered */
    int cut;
} conn;

struct xn_server {
    struct MHD_Daemon *daemon;
    char code[5];
    char url[XN_URL_MAX];
    char where[64];
    int max_devices;
    void (*wake)(void *);
    void *wake_user;

    /* The server thread's own. */
    device *devices;            /* max_devices of them; ndevices in use */
    pending *pending;           /* npending_max (2 x max_devices) slots, the oldest dropped when full */
    int npending_max;
    address addresses[ADDRESSES_MAX];
    bucket global;

    /* Shared with the app's thread, under lock. */
    pthread_mutex_t lock;
    xn_public pub;
    int ndevices;
    xn_event queue[QUEUE_MAX];
    int qhead, qlen;
    xn_stats stats;

    /* The watchdog: a request has REQUEST_S in all (MHD's timeout is an idle one, and a
     * byte a second keeps a request open forever), so a connection with no request
     * completed for that long is shut down and MHD closes it. */
    pthread_mutex_t conn_lock;
    pthread_cond_t conn_wake;
    conn *conns;
    int watch_stop, watching;
    pthread_t watchdog;
};

enum route { ROUTE_NONE, ROUTE_PAGE, ROUTE_STATE, ROUTE_VOTE };

/* The request as we read it ourselves: the raw query (the URI log callback) and the body. */
typedef struct request {
    int started;
    int route;                  /* enum route of the raw path: exactly "/", "/s" or "/v", else none */
    int query_bad;              /* longer than XN_FORM_MAX */
    size_t qlen;
    char query[XN_FORM_MAX + 1];
    int body_big;
    size_t blen;
    char body[XN_FORM_MAX + 1];
} request;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* n random bytes from the kernel (getrandom, else /dev/urandom). -1: none to be had. */
static int random_bytes(unsigned char *out, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(out + got, n - got, 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            break;
        }
        got += (size_t)r;
    }
    if (got == n) return 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    got = 0;
    while (got < n) {
        ssize_t r = read(fd, out + got, n - got);
        if (r <= 0) {
            if (r < 0 && errno == EINTR) continue;
            break;
        }
        got += (size_t)r;
    }
    close(fd);
    return got == n ? 0 : -1;
}

/* ---- answering --------------------------------------------------------------------- */

typedef struct reply {
    unsigned status;
    const char *type;           /* "text/html; charset=utf-8" */
    const char *body;
    size_t len;
    const char *cookie;         /* a new device's token, or NULL */
    const char *location;       /* 303 */
    const char *allow;          /* 405 */
    int retry;                  /* Retry-After: 1 */
} reply;

static const char HTML[] = "text/html; charset=utf-8";
static const char JSON[] = "application/json; charset=utf-8";

static enum MHD_Result send_reply(xn_server *srv, struct MHD_Connection *c, const reply *r)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(r->len, (void *)r->body, MHD_RESPMEM_MUST_COPY);
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    /* The page's one inline script and style; nothing from elsewhere, forms post here only. */
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'");
    if (r->cookie) {
        char v[96];
        snprintf(v, sizeof v, "xl=%s; Path=/; HttpOnly; SameSite=Strict", r->cookie);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, v);
    }
    if (r->location) MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
    if (r->allow) MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->retry) MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
    enum MHD_Result ok = MHD_queue_response(c, r->status, resp);
    MHD_destroy_response(resp);
    pthread_mutex_lock(&srv->lock);
    srv->stats.requests++;
    if (r->status >= 400 && r->status < 500) srv->stats.refused++;
    if (r->status == 429 || r->status == 503) srv->stats.limited++;
    pthread_mutex_unlock(&srv->lock);
    return ok;
}

/* An error: JSON {"error":STATUS} for the page's script, else a short page. */
static enum MHD_Result send_error_allow(xn_server *srv, struct MHD_Connection *c, unsigned status, int json,
                                        const char *lang, const char *text, const char *allow_405)
{
    char buf[XN_PAGE_CAP];
    reply r = {.status = status, .type = json ? JSON : HTML, .body = buf, .retry = status == 429 || status == 503};
    if (status == 405) r.allow = allow_405;
    if (json) {
        r.len = (size_t)snprintf(buf, sizeof buf, "{\"error\":%u}", status);
    } else {
        r.len = xn_page_message(lang, xn_page_words_for(lang)->err_title, text, buf, sizeof buf);
    }
    return send_reply(srv, c, &r);
}

static enum MHD_Result send_error(xn_server *srv, struct MHD_Connection *c, unsigned status, int json,
                                  const char *lang, const char *text)
{
    return send_error_allow(srv, c, status, json, lang, text, NULL);
}

/* The page's script asks for JSON (Accept: application/json): its refusals are JSON too,
 * even those said before the body (with its js=1) is read or when the body is malformed. */
static int wants_json(struct MHD_Connection *c)
{
    const char *a = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
    return a && strstr(a, "application/json") != NULL;
}

/* Whether a raw body (maybe malformed) has the field js=1. */
static int raw_js(const char *body, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++)
        if ((i == 0 || body[i - 1] == '&') && memcmp(body + i, "js=1", 4) == 0 && (i + 4 == len || body[i + 4] == '&'))
            return 1;
    return 0;
}

/* ---- the limiters (server thread only) -------------------------------------------- */

static address *address_of(xn_server *srv, uint32_t ip, double now)
{
    address *free_slot = NULL, *oldest = NULL;
    if (ip == 0) return NULL;   /* not IPv4: we bind IPv4 only, so never */
    for (int i = 0; i < ADDRESSES_MAX; i++) {
        address *a = &srv->addresses[i];
        if (a->ip == ip) return a;
        if (a->ip == 0) {
            if (!free_slot) free_slot = a;
        } else if (!oldest || a->seen < oldest->seen) {
            oldest = a;
        }
    }
    /* Full: reuse the one quiet for longest, if it has been quiet for a join window. */
    if (!free_slot && oldest && now - oldest->seen > JOIN_WINDOW_S) free_slot = oldest;
    if (!free_slot) return NULL;
    memset(free_slot, 0, sizeof *free_slot);
    free_slot->ip = ip;
    free_slot->window = now;
    return free_slot;
}

static uint32_t client_ip(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr || info->client_addr->sa_family != AF_INET) return 0;
    const struct sockaddr_in *sin = (const struct sockaddr_in *)(const void *)info->client_addr;
    return sin->sin_addr.s_addr;
}

static device *find_device(xn_server *srv, const char *token)
{
    if (!token[0]) return NULL;
    for (int i = 0; i < srv->ndevices; i++)
        if (memcmp(srv->devices[i].token, token, TOKEN_LEN) == 0) return &srv->devices[i];
    return NULL;
}

static pending *find_pending(xn_server *srv, const char *token, double now)
{
    if (!token[0]) return NULL;
    for (int i = 0; i < srv->npending_max; i++) {
        pending *p = &srv->pending[i];
        if (p->token[0] && memcmp(p->token, token, TOKEN_LEN) == 0) return now - p->t <= PENDING_S ? p : NULL;
    }
    return NULL;
}

/* A new token, kept pending: into a free or expired slot, else over the oldest. */
static int issue_token(xn_server *srv, double now, char token[TOKEN_LEN + 1])
{
    unsigned char raw[TOKEN_LEN / 2];
    if (random_bytes(raw, sizeof raw) != 0) return -1;
    for (size_t i = 0; i < sizeof raw; i++) snprintf(token + 2 * i, 3, "%02x", raw[i]);
    pending *slot = NULL;
    for (int i = 0; i < srv->npending_max; i++) {
        pending *p = &srv->pending[i];
        if (!p->token[0] || now - p->t > PENDING_S) {
            slot = p;
            break;
        }
        if (!slot || p->t < slot->t) slot = p;
    }
    memcpy(slot->token, token, TOKEN_LEN + 1);
    slot->t = now;
    return 0;
}

/* Whether address a may add a device now (JOINS_PER_ADDRESS a JOIN_WINDOW_S). */
static int joins_left(const address *a, double now)
{
    return a && (now - a->window >= JOIN_WINDOW_S || a->joins < JOINS_PER_ADDRESS);
}

static int push_event(xn_server *srv, const xn_event *e);

/* The pending token p came back: make it a device. 0 and *out, or the refusal's status:
 * 429 (the address's joins), 503 (the class full: *full set, or the event queue full). */
static unsigned admit(xn_server *srv, pending *p, address *a, double now, device **out, int *full)
{
    *out = NULL;
    *full = 0;
    if (!joins_left(a, now)) return 429;
    if (srv->ndevices >= srv->max_devices) {
        *full = 1;
        return 503;
    }
    xn_event e = {.kind = XN_EVENT_JOIN, .device = srv->ndevices};
    if (!push_event(srv, &e)) return 503;
    if (now - a->window >= JOIN_WINDOW_S) {
        a->window = now;
        a->joins = 0;
    }
    a->joins++;
    device *d = &srv->devices[srv->ndevices];
    memset(d, 0, sizeof *d);
    memcpy(d->token, p->token, TOKEN_LEN + 1);
    d->sent = -1;
    d->rate.tokens = DEVICE_BURST - 1;
    d->rate.t = now;
    memset(p, 0, sizeof *p);
    pthread_mutex_lock(&srv->lock);
    srv->ndevices++;
    srv->stats.devices = srv->ndevices;
    pthread_mutex_unlock(&srv->lock);
    *out = d;
    return 0;
}

/* Queue an event; 0 when the queue is full (then nothing is queued). */
static int push_event(xn_server *srv, const xn_event *e)
{
    pthread_mutex_lock(&srv->lock);
    int ok = srv->qlen < QUEUE_MAX;
    if (ok) {
        srv->queue[(srv->qhead + srv->qlen) % QUEUE_MAX] = *e;
        srv->qlen++;
    }
    pthread_mutex_unlock(&srv->lock);
    if (ok && srv->wake) srv->wake(srv->wake_user);
    return ok;
}

/* ---- the routes ------------------------------------------------------------------- */

/* The route of a path, n bytes of it: only the exact raw paths (a percent-encoded one,
 * "/%73", or one MHD would cut at a NUL, "/%00", is no route: MHD decodes the url it
 * hands on_request, so the raw URI's path is what is matched). */
static enum route route_of(const char *path, size_t n)
{
    if (n == 1 && path[0] == '/') return ROUTE_PAGE;
    if (n == 2 && path[0] == '/' && path[1] == 's') return ROUTE_STATE;
    if (n == 2 && path[0] == '/' && path[1] == 'v') return ROUTE_VOTE;
    return ROUTE_NONE;
}

/* What this device sees: its counted vote and its vote sent but not yet counted. */
static void device_marks(const xn_server *srv, const xn_public *pub, const device *d, int *choice, int *sent)
{
    *choice = -1;
    *sent = -1;
    if (!d) return;
    int i = (int)(d - srv->devices);
    if (pub->show != XN_SHOW_WAIT) *choice = pub->choice[i];
    if (pub->show == XN_SHOW_OPEN && strcmp(d->sent_qid, pub->qid) == 0) *sent = d->sent;
}

static enum MHD_Result send_full(xn_server *srv, struct MHD_Connection *c, const xn_public *pub)
{
    char buf[XN_PAGE_CAP];
    reply r = {.status = 503, .type = HTML, .body = buf};
    r.len = xn_page_full(pub->lang, srv->max_devices, buf, sizeof buf);
    return send_reply(srv, c, &r);
}

static enum MHD_Result answer_page(xn_server *srv, struct MHD_Connection *c, const xn_form *f, device *d,
                                   int is_pending, const address *a, double now, const xn_public *pub)
{
    char buf[XN_PAGE_CAP];
    reply r = {.status = 200, .type = HTML, .body = buf};
    char token[TOKEN_LEN + 1] = "";
    int choice = -1, sent = -1;
    if (!d && !is_pending) {
        /* A new browser (or a token from an earlier class: a new one replaces it): a token,
         * pending until it comes back; no device yet. */
        if (srv->ndevices >= srv->max_devices) return send_full(srv, c, pub);
        if (!joins_left(a, now))
            return send_error(srv, c, 429, 0, pub->lang, xn_page_words_for(pub->lang)->err_joins);
        if (issue_token(srv, now, token) != 0)
            return send_error(srv, c, 503, 0, pub->lang, xn_page_words_for(pub->lang)->err_slow);
        r.cookie = token;
    }
    if (!d) choice = XN_PAGE_PENDING;
    else device_marks(srv, pub, d, &choice, &sent);
    r.len = xn_page_html(pub, f->code, choice, sent, buf, sizeof buf);
    return send_reply(srv, c, &r);
}

static enum MHD_Result answer_state(xn_server *srv, struct MHD_Connection *c, const device *d, const xn_public *pub)
{
    char buf[512];
    int choice = -1, sent = -1;
    device_marks(srv, pub, d, &choice, &sent);
    if (!d) choice = XN_PAGE_PENDING;
    reply r = {.status = 200, .type = JSON, .body = buf};
    r.len = xn_page_json(pub, choice, sent, buf, sizeof buf);
    return send_reply(srv, c, &r);
}

static enum MHD_Result answer_vote(xn_server *srv, struct MHD_Connection *c, const xn_form *f, device *d,
                                   const xn_public *pub)
{
    const xn_page_words *t = xn_page_words_for(pub->lang);
    if (!d) return send_error(srv, c, 403, f->js, pub->lang, t->err_cookies);
    if (pub->show != XN_SHOW_OPEN || strcmp(f->qid, pub->qid) != 0) {
        if (f->js) return send_error(srv, c, 409, 1, pub->lang, t->err_closed);
        /* Without JavaScript: back to the question, by a link and by itself after 5 s. */
        char buf[XN_PAGE_CAP];
        reply r = {.status = 409, .type = HTML, .body = buf};
        r.len = xn_page_back(pub->lang, t->err_title, t->err_closed, srv->code, buf, sizeof buf);
        return send_reply(srv, c, &r);
    }
    if (f->option > pub->noptions) return send_error(srv, c, 400, f->js, pub->lang, t->err_bad);
    xn_event e = {.kind = XN_EVENT_VOTE, .device = (int)(d - srv->devices), .option = f->option - 1};
    snprintf(e.qid, sizeof e.qid, "%s", f->qid);
    if (!push_event(srv, &e)) return send_error(srv, c, 503, f->js, pub->lang, t->err_slow);
    snprintf(d->sent_qid, sizeof d->sent_qid, "%s", f->qid);
    d->sent = f->option - 1;
    if (f->js) return answer_state(srv, c, d, pub);
    char location[32];
    snprintf(location, sizeof location, "/?c=%s", srv->code);
    reply r = {.status = 303, .type = HTML, .body = "", .len = 0, .location = location};
    return send_reply(srv, c, &r);
}

/* The request is whole (headers, and the body for a POST): check it and answer. */
static enum MHD_Result answer(xn_server *srv, struct MHD_Connection *c, enum route route, request *rq)
{
    /* The state as published now: copied, so the pages are written without the lock. */
    xn_public pub;
    pthread_mutex_lock(&srv->lock);
    pub = srv->pub;
    pthread_mutex_unlock(&srv->lock);
    /* The texts compared or looked up here end inside their fields, whatever was published. */
    pub.lang[sizeof pub.lang - 1] = '\0';
    pub.qid[sizeof pub.qid - 1] = '\0';
    const xn_page_words *t = xn_page_words_for(pub.lang);
    double now = now_s();
    int json = route == ROUTE_STATE ||
               (route == ROUTE_VOTE && (wants_json(c) || (!rq->body_big && raw_js(rq->body, rq->blen))));

    xn_form f;
    int bad = route == ROUTE_VOTE ? (rq->body_big ? 1 : xn_form_parse(rq->body, rq->blen, &f) != 0)
                                  : (rq->query_bad || xn_form_parse(rq->query, rq->qlen, &f) != 0);
    if (route == ROUTE_VOTE && rq->body_big) return send_error(srv, c, 413, json, pub.lang, t->err_large);
    if (bad) return send_error(srv, c, 400, json, pub.lang, t->err_bad);
    if (route == ROUTE_VOTE) f.js = json = f.js || wants_json(c);

    char token[TOKEN_LEN + 1];
    int has = xn_form_cookie(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE), token);
    if (has < 0) return send_error(srv, c, 400, json, pub.lang, t->err_bad);
    device *d = find_device(srv, token);
    address *a = address_of(srv, client_ip(c), now);
    if (a) a->seen = now;
    /* A device has its own rate; a request without one is held to its address's. */
    int ok = d ? bucket_take(&d->rate, now, DEVICE_RATE, DEVICE_BURST)
               : a ? bucket_take(&a->rate, now, DEVICE_RATE, DEVICE_BURST) : 1;
    if (!ok) return send_error(srv, c, 429, json, pub.lang, t->err_slow);

    if (!(f.fields & XN_FORM_C) || strcmp(f.code, srv->code) != 0) {
        if (route != ROUTE_PAGE) return send_error(srv, c, 403, json, pub.lang, t->code_wrong);
        char buf[XN_PAGE_CAP];
        reply r = {.status = 403, .type = HTML, .body = buf};
        r.len = xn_page_code_form(pub.lang, (f.fields & XN_FORM_C) != 0, buf, sizeof buf);
        return send_reply(srv, c, &r);
    }
    /* A token issued on GET / and come back: the browser keeps cookies, it becomes a device. */
    pending *p = d ? NULL : find_pending(srv, token, now);
    if (p && a) {
        int full = 0;
        unsigned why = admit(srv, p, a, now, &d, &full);
        if (why && route == ROUTE_PAGE && full) return send_full(srv, c, &pub);
        if (why && json && full) {
            /* The page's script says "the class is full" (and polls slowly). */
            static const char body[] = "{\"error\":503,\"full\":1}";
            reply r = {.status = 503, .type = JSON, .body = body, .len = sizeof body - 1};
            return send_reply(srv, c, &r);
        }
        if (why)
            return send_error(srv, c, why, json, pub.lang, full ? t->full_text : why == 429 ? t->err_joins : t->err_slow);
    }
    switch (route) {
    case ROUTE_PAGE:
        if (f.fields & ~XN_FORM_C) break;
        return answer_page(srv, c, &f, d, p != NULL, a, now, &pub);
    case ROUTE_STATE:
        if (f.fields & ~XN_FORM_C) break;
        return answer_state(srv, c, d, &pub);
    case ROUTE_VOTE:
        if ((f.fields & (XN_FORM_Q | XN_FORM_K)) != (XN_FORM_Q | XN_FORM_K)) break;
        return answer_vote(srv, c, &f, d, &pub);
    case ROUTE_NONE:
        break;
    }
    return send_error(srv, c, 400, json, pub.lang, t->err_bad);
}

/* ---- MHD's callbacks ---------------------------------------------------------------- */

/* Before MHD parses the URI: keep its raw query for xn_form (freed in on_completed). */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    request *rq = calloc(1, sizeof *rq);
    if (!rq) return NULL;
    const char *q = uri ? strchr(uri, '?') : NULL;
    if (uri) rq->route = route_of(uri, q ? (size_t)(q - uri) : strlen(uri));
    if (q) {
        size_t n = strnlen(q + 1, XN_FORM_MAX + 1);
        if (n > XN_FORM_MAX) {
            rq->query_bad = 1;
        } else {
            memcpy(rq->query, q + 1, n);
            rq->qlen = n;
        }
    }
    return rq;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode why)
{
    xn_server *srv = cls;
    (void)why;
    free(*con_cls);
    *con_cls = NULL;
    /* A request answered: the connection's next one has its REQUEST_S from now. */
    const union MHD_ConnectionInfo *info = c ? MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT) : NULL;
    if (info && info->socket_context) {
        pthread_mutex_lock(&srv->conn_lock);
        ((conn *)info->socket_context)->since = now_s();
        pthread_mutex_unlock(&srv->conn_lock);
    }
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_ctx, enum MHD_ConnectionNotificationCode
                          code)
{
    xn_server *srv = cls;
    pthread_mutex_lock(&srv->lock);
    srv->stats.connections += code == MHD_CONNECTION_NOTIFY_STARTED ? 1 : -1;
    pthread_mutex_unlock(&srv->lock);
    /* The watchdog's list: in at the start, out at the close (under conn_lock, and before
     * MHD closes the socket, so the watchdog never shuts a reused descriptor). */
    pthread_mutex_lock(&srv->conn_lock);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        conn *k = info ? calloc(1, sizeof *k) : NULL;
        if (k) {
            k->fd = info->connect_fd;
            k->since = now_s();
            k->next = srv->conns;
            if (srv->conns) srv->conns->prev = k;
            srv->conns = k;
        }
        *socket_ctx = k;
    } else if (*socket_ctx) {
        conn *k = *socket_ctx;
        if (k->prev) k->prev->next = k->next;
        else srv->conns = k->next;
        if (k->next) k->next->prev = k->prev;
        free(k);
        *socket_ctx = NULL;
    }
    pthread_mutex_unlock(&srv->conn_lock);
}

/* Every half second: shut down the connections whose request has run over REQUEST_S
 * (MHD sees the socket end and closes the connection itself). */
static void *watchdog(void *arg)
{
    xn_server *srv = arg;
    pthread_mutex_lock(&srv->conn_lock);
    while (!srv->watch_stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 500000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&srv->conn_wake, &srv->conn_lock, &until);
        double now = now_s();
        for (conn *k = srv->conns; k; k = k->next) {
            if (k->cut || now - k->since <= REQUEST_S) continue;
            shutdown(k->fd, SHUT_RDWR);
            k->cut = 1;
        }
    }
    pthread_mutex_unlock(&srv->conn_lock);
    return NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)version;
    xn_server *srv = cls;
    request *rq = *con_cls;
    const char *lang = NULL;    /* the errors before the state is read: English */
    if (!rq) return send_error(srv, c, 503, 0, lang, xn_page_words_for(lang)->err_slow);
    /* The raw path's route, and MHD's decoded url the same path (no NUL cut it short). */
    enum route route = (enum route)rq->route;
    if (!url || route_of(url, strlen(url)) != route) route = ROUTE_NONE;
    if (!rq->started) {
        /* Every request is counted, a 404 or a 405 as much as a vote: the global rate, and
         * its address's, before anything else is looked at. */
        double now = now_s();
        int json = route == ROUTE_STATE || wants_json(c);
        if (!bucket_take(&srv->global, now, GLOBAL_RATE, GLOBAL_BURST)) {
            rq->started = 1;
            return send_error(srv, c, 503, json, lang, xn_page_words_for(lang)->err_slow);
        }
        address *a = address_of(srv, client_ip(c), now);
        if (a) a->seen = now;
        if (a && !bucket_take(&a->any, now, ADDRESS_RATE, ADDRESS_BURST)) {
            rq->started = 1;
            return send_error(srv, c, 429, json, lang, xn_page_words_for(lang)->err_slow);
        }
    }
    int get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    int post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
    if (!rq->started) {
        rq->started = 1;
        if (route == ROUTE_NONE) return send_error(srv, c, 404, 0, lang, xn_page_words_for(lang)->err_route);
        if (route == ROUTE_VOTE ? !post : !get)
            return send_error_allow(srv, c, 405, route == ROUTE_STATE, lang, xn_page_words_for(lang)->err_route,
                                    route == ROUTE_VOTE ? "POST" : "GET, HEAD");
        /* A page or a state: answered at the next call, once MHD has the request whole (a
         * response queued at this first call makes MHD close the connection after it, so
         * a phone's polls could not keep their connection alive). */
        if (route != ROUTE_VOTE) return MHD_YES;
        /* A vote's body: refused at once when it says it is too large. */
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && (strlen(cl) > 6 || atol(cl) > XN_FORM_MAX))
            return send_error(srv, c, 413, wants_json(c), lang, xn_page_words_for(lang)->err_large);
        const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
        static const char form_type[] = "application/x-www-form-urlencoded";
        if (!ct || strncmp(ct, form_type, sizeof form_type - 1) != 0 ||
            (ct[sizeof form_type - 1] != '\0' && ct[sizeof form_type - 1] != ';'))
            return send_error(srv, c, 400, wants_json(c), lang, xn_page_words_for(lang)->err_bad);
        return MHD_YES;
    }
    if (*upload_size) {
        if (rq->blen + *upload_size > XN_FORM_MAX) {
            rq->body_big = 1;
        } else if (!rq->body_big) {
            memcpy(rq->body + rq->blen, upload, *upload_size);
            rq->blen += *upload_size;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    return answer(srv, c, route, rq);
}

/* A new connection: refused (closed at once) when its address opens them too fast, so
 * that the answers MHD gives itself (414, 431) are rate-limited too. */
static enum MHD_Result on_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
    xn_server *srv = cls;
    if (!addr || len < (socklen_t)sizeof(struct sockaddr_in) || addr->sa_family != AF_INET) return MHD_YES;
    const struct sockaddr_in *sin = (const struct sockaddr_in *)(const void *)addr;
    double now = now_s();
    address *a = address_of(srv, sin->sin_addr.s_addr, now);
    if (!a) return MHD_YES;
    a->seen = now;
    if (bucket_take(&a->accepts, now, ADDRESS_RATE, ADDRESS_BURST)) return MHD_YES;
    pthread_mutex_lock(&srv->lock);
    srv->stats.limited++;
    pthread_mutex_unlock(&srv->lock);
    return MHD_NO;
}

/* ---- the API ---------------------------------------------------------------------- */

static int open_socket(const xn_iface *ifc, int port, char *err, size_t errlen)
{
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, ifc->addr, &sa.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open a network socket: %s", strerror(errno));
        return -1;
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);   /* a restart within TIME_WAIT */
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        int e = errno;
        close(fd);
        if (e == EADDRINUSE)
            snprintf(err, errlen, "port %d is in use: try --class-port %d", port, port < 65535 ? port + 1 : 8322);
        else if (e == EACCES)
            snprintf(err, errlen, "port %d needs privileges: choose one above 1023 with --class-port", port);
        else
            snprintf(err, errlen, "cannot serve on %s port %d: %s", ifc->addr, port, strerror(e));
        return -1;
    }
    if (listen(fd, SOMAXCONN) != 0) {
        snprintf(err, errlen, "cannot listen on %s port %d: %s", ifc->addr, port, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

xn_server *xn_server_start(const xn_options *o, char *err, size_t errlen)
{
    static const xn_options none = {0};
    if (!o) o = &none;
    int port = o->port ? o->port : XN_PORT_DEFAULT;
    int max = o->max_devices ? o->max_devices : XN_DEVICES_MAX;
    if (port < 1 || port > 65535) {
        snprintf(err, errlen, "port %d is not a port: choose one from 1024 to 65535", port);
        return NULL;
    }
    if (max < 1 || max > XN_DEVICES_MAX) {
        snprintf(err, errlen, "a class takes 1 to %d devices, not %d", XN_DEVICES_MAX, max);
        return NULL;
    }
    xn_iface ifc;
    if (xn_iface_choose(o->bind, &ifc, err, errlen) != 0) return NULL;

    xn_server *srv = calloc(1, sizeof *srv);
    device *devices = srv ? calloc((size_t)max, sizeof *devices) : NULL;
    unsigned char r[2];
    if (!srv || !devices || random_bytes(r, sizeof r) != 0) {
        snprintf(err, errlen, "out of memory or randomness starting the class");
        free(devices);
        free(srv);
        return NULL;
    }
    srv->devices = devices;
    srv->max_devices = max;
    srv->npending_max = 2 * max;
    srv->pending = calloc((size_t)srv->npending_max, sizeof *srv->pending);
    if (!srv->pending) {
        snprintf(err, errlen, "out of memory starting the class");
        free(devices);
        free(srv);
        return NULL;
    }
    srv->wake = o->wake;
    srv->wake_user = o->wake_user;
    /* 1000..9999: four digits a person reads without a leading zero to wonder about
     * (the small bias of % is no matter for a code the rate limits guard). */
    snprintf(srv->code, sizeof srv->code, "%d", 1000 + (r[0] * 256 + r[1]) % 9000);
    snprintf(srv->url, sizeof srv->url, "http://%s:%d/?c=%s", ifc.addr, port, srv->code);
    snprintf(srv->where, sizeof srv->where, "%s %s", ifc.name, ifc.addr);
    srv->pub.show = XN_SHOW_WAIT;
    srv->pub.right = -1;
    memset(srv->pub.choice, -1, sizeof srv->pub.choice);
    pthread_mutex_init(&srv->lock, NULL);
    pthread_mutex_init(&srv->conn_lock, NULL);
    pthread_cond_init(&srv->conn_wake, NULL);

    int fd = open_socket(&ifc, port, err, errlen);
    if (fd < 0) {
        xn_server_stop(srv);
        return NULL;
    }
    /* Connections stay well inside the process's descriptors (the window's fonts and files need some). */
    unsigned conns = CONNECTIONS_MAX;
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < CONNECTIONS_MAX + 128)
        conns = rl.rlim_cur > 192 ? (unsigned)rl.rlim_cur - 128 : 64;
    srv->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO, 0, on_accept, srv, on_request, srv,
        MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
        MHD_OPTION_CONNECTION_LIMIT, conns,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)PER_IP_CONNECTIONS,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)TIMEOUT_S,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MEMORY_LIMIT,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, srv,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
        MHD_OPTION_END);
    if (!srv->daemon) {
        close(fd);
        snprintf(err, errlen, "cannot start the class's web server on %s port %d", ifc.addr, port);
        xn_server_stop(srv);
        return NULL;
    }
    if (pthread_create(&srv->watchdog, NULL, watchdog, srv) != 0) {
        snprintf(err, errlen, "cannot start the class's web server: no thread for its time limits");
        xn_server_stop(srv);
        return NULL;
    }
    srv->watching = 1;
    return srv;
}

void xn_server_stop(xn_server *srv)
{
    if (!srv) return;
    if (srv->watching) {
        pthread_mutex_lock(&srv->conn_lock);
        srv->watch_stop = 1;
        pthread_cond_signal(&srv->conn_wake);
        pthread_mutex_unlock(&srv->conn_lock);
        pthread_join(srv->watchdog, NULL);
    }
    if (srv->daemon) MHD_stop_daemon(srv->daemon);   /* closes connections and the socket, joins the thread */
    pthread_mutex_destroy(&srv->lock);
    pthread_mutex_destroy(&srv->conn_lock);
    pthread_cond_destroy(&srv->conn_wake);
    free(srv->devices);
    free(srv->pending);
    free(srv);
}

const char *xn_server_url(const xn_server *srv) { return srv->url; }
const char *xn_server_code(const xn_server *srv) { return srv->code; }
const char *xn_server_where(const xn_server *srv) { return srv->where; }

void xn_server_publish(xn_server *srv, const xn_public *pub)
{
    pthread_mutex_lock(&srv->lock);
    srv->pub = *pub;
    pthread_mutex_unlock(&srv->lock);
}

int xn_server_take(xn_server *srv, xn_event *out, int max)
{
    pthread_mutex_lock(&srv->lock);
    int n = 0;
    while (n < max && srv->qlen > 0) {
        out[n++] = srv->queue[srv->qhead];
        srv->qhead = (srv->qhead + 1) % QUEUE_MAX;
        srv->qlen--;
    }
    pthread_mutex_unlock(&srv->lock);
    return n;
}

xn_stats xn_server_stats(const xn_server *srv)
{
    xn_server *s = (xn_server *)srv;   /* the lock is the one thing stats changes */
    pthread_mutex_lock(&s->lock);
    xn_stats st = s->stats;
    pthread_mutex_unlock(&s->lock);
    return st;
}
