/* xn_server: the class's web server, inside xentlab, on the room's network (part 12).
 *
 * `xentlab --class` starts it: students' phones open its URL (a QR code on the
 * projector), see the question the lesson is asking as big buttons, and vote. It is GNU
 * libmicrohttpd in its own thread; the window's thread never waits for it beyond a short
 * mutex hold:
 *   - the app publishes what every phone should see (xn_server_publish: the lesson's
 *     page, the question open, each device's vote as the app counted it), and
 *   - takes what the phones did (xn_server_take: joins and votes) to dispatch them as
 *     lesson actions ("class-join D", "class-vote D PAGE.Q K") through the one dispatch
 *     path, so they are counted, traced and recorded like any other input.
 * The server counts nothing itself: a vote it passes on may still be refused by the
 * poll (the question closed meanwhile); the phone's next poll shows what was counted.
 *
 * Routes, a fixed few (no file is served, no path is read); every one needs the join
 * code (c=NNNN), random per start:
 *   GET  /            without a valid code: a form to type it; with it (?c=NNNN): the
 *                     phone's page (a new device gets a random token cookie; one vote
 *                     per device and question)
 *   GET  /s?c=NNNN    the state, as JSON, for the page's short polling (its script)
 *   POST /v           form c=NNNN&q=PAGE.Q&k=K (1-based): a vote; 303 back to the page
 *                     (a phone without JavaScript), or JSON when the page's script asks
 * Safety: bound to one interface only; request size, time, per-device and global rate
 * limits; at most XN_DEVICES_MAX devices (a clear page past it); a malformed request gets
 * 400 and changes nothing. Plain HTTP: the room's network sees the traffic (the docs say so).
 *
 * Desktop only: the browser build has no server (meson leaves src/net out there).
 */
#ifndef XN_SERVER_H
#define XN_SERVER_H

#include <stddef.h>

enum {
    XN_DEVICES_MAX = 500,   /* = XL_POLL_DEVICES_MAX */
    XN_OPTIONS_MAX = 4,
    XN_TEXT_MAX = 256,      /* a question, an option: XL_LESSON_LINE */
    XN_TITLE_MAX = 96,      /* XL_LESSON_TITLE */
    XN_QID_MAX = 16,        /* "48.4" */
    XN_URL_MAX = 96,
    XN_PORT_DEFAULT = 8321
};

typedef struct xn_options {
    /* Where phones reach it: NULL or "" the default route's interface (the one a phone on
     * the same Wi-Fi reaches), else an IPv4 address ("192.168.1.20", "127.0.0.1") or an
     * interface's name ("wlan0"). */
    const char *bind;
    int port;                       /* 0: XN_PORT_DEFAULT */
    int max_devices;                /* 0: XN_DEVICES_MAX */
    /* Called on the server's thread when joins or votes wait to be taken (the app pushes
     * an SDL event so its loop wakes); NULL: the app polls. */
    void (*wake)(void *user);
    void *wake_user;
} xn_options;

typedef enum xn_show {
    XN_SHOW_WAIT = 0,   /* no question open: "look at the screen" (the lesson's page and title) */
    XN_SHOW_OPEN,       /* a question takes votes */
    XN_SHOW_CLOSED      /* the question was revealed: the right answer marked, no more votes */
} xn_show;

/* What every phone sees now. The app fills it and publishes it when it changed. */
typedef struct xn_public {
    xn_show show;
    char title[XN_TITLE_MAX];                   /* the lesson's title; "" none */
    int page, pages;                            /* 1-based; 0 when no lesson is open */
    char qid[XN_QID_MAX];                       /* "3.1": the question a vote names */
    char question[XN_TEXT_MAX];
    int noptions;
    char options[XN_OPTIONS_MAX][XN_TEXT_MAX];
    int right;                                  /* XN_SHOW_CLOSED: the right option, 0-based; -1 */
    char lang[16];                              /* the page's language ("en") */
    signed char choice[XN_DEVICES_MAX];         /* each device's counted vote on qid, -1 none */
} xn_public;

typedef enum xn_event_kind {
    XN_EVENT_JOIN = 1,  /* a new device: its number */
    XN_EVENT_VOTE       /* a device votes option on qid */
} xn_event_kind;

typedef struct xn_event {
    xn_event_kind kind;
    int device;                 /* 0-based, < max_devices */
    char qid[XN_QID_MAX];       /* VOTE: as published when it was cast */
    int option;                 /* VOTE: 0-based, < the published noptions */
} xn_event;

/* What the server saw, for the presenter and the tests. */
typedef struct xn_stats {
    unsigned long requests;     /* answered */
    unsigned long refused;      /* 4xx: malformed, wrong code, too large, too many */
    unsigned long limited;      /* 429 / 503: a rate limit or the devices' limit */
    int devices;                /* devices admitted */
    int connections;            /* open now */
} xn_stats;

typedef struct xn_server xn_server;

/* Start serving on the interface o names (see xn_options). NULL on failure with the
 * reason in err ("port 8321 is in use: try --class-port 8322", "wlan9 is neither a valid IPv4 address
 * of this computer nor ...", "no network: connect to the room's Wi-Fi or a phone's hotspot, or use
 * --class-bind 127.0.0.1 to try it alone"). Stop with xn_server_stop. */
xn_server *xn_server_start(const xn_options *o, char *err, size_t errlen);
/* Stop serving: open connections are closed, the thread joined, everything freed. NULL: nothing. */
void xn_server_stop(xn_server *srv);

/* The URL phones open, with the code: "http://192.168.1.20:8321/?c=4821". Owned by srv. */
const char *xn_server_url(const xn_server *srv);
/* The join code, 4 digits ("4821"). Owned by srv. */
const char *xn_server_code(const xn_server *srv);
/* The interface bound, as the projector says it ("wlan0 192.168.1.20"). Owned by srv. */
const char *xn_server_where(const xn_server *srv);

/* What phones see from now on (copied). A page turn reaches every phone at its next
 * poll (the page polls every 0.5 s). */
void xn_server_publish(xn_server *srv, const xn_public *pub);
/* Up to max of the joins and votes waiting, oldest first, into out. Returns how many. */
int xn_server_take(xn_server *srv, xn_event *out, int max);
xn_stats xn_server_stats(const xn_server *srv);

#endif
