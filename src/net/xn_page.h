/* xn_page: what a phone is sent (part 12), pure: text written into the caller's buffer,
 * no sockets, no allocation.
 *
 * - The phone's page: plain HTML5, no framework, a few KB, working without JavaScript.
 *   The question is a heading; each option a real <button name=k value=K> in a
 *   <form method=post action=/v>, labelled with its text; the device's vote is marked
 *   with words ("✓ your vote") and aria-pressed, not colour alone. A tiny inline script
 *   polls /s every 500 ms, reloads the page when what it shows changed (a page turn, a
 *   question opened or revealed) and sends votes with js=1 so the page updates in place.
 *   A refusal is said, not ignored: a 403 on a poll (the class ended or restarted: a new
 *   code) above the question, the polls slowed to every 5 s; a vote's 403, 409, 429 or 503
 *   under the buttons, its "sent" mark taken back.
 *   Without JavaScript, a <noscript> refresh every 5 s follows the lesson instead.
 * - The state as JSON for that script: small, no lesson text in it.
 * - The short pages: the code form (a missing or wrong code), "the class is full", and
 *   a one-line message for the errors.
 * Every text from a lesson is hostile: it is HTML-escaped (& < > " ') wherever it goes.
 * The page's own words are in one table (xn_page_words), English for now; part 14
 * translates it by xn_public.lang. */
#ifndef XN_PAGE_H
#define XN_PAGE_H

#include <stddef.h>

#include "xn_server.h"

enum {
    XN_PAGE_CAP = 16384,    /* a buffer this large holds any page, even all-'"' lesson text */
    XN_PAGE_KEY_MAX = 40,   /* xn_page_key's text, with its NUL */
    XN_PAGE_PENDING = -2    /* as choice: the browser is not a device yet (its token not seen back) */
};

/* The page's own words, one table per language. */
typedef struct xn_page_words {
    const char *lang;           /* "en" */
    const char *app;            /* the page's <title> when the lesson has none */
    const char *page_of;        /* "Page {p} of {n}" */
    const char *look;           /* WAIT: "Look at the screen." */
    const char *your_vote;      /* "✓ your vote" */
    const char *sent;           /* a vote sent, not yet counted */
    const char *tap;            /* OPEN: "Tap your answer. You can change it until the reveal." */
    const char *closed;         /* CLOSED: "Voting closed." */
    const char *right;          /* CLOSED: "✓ right answer" */
    const char *no_lesson;      /* no lesson open */
    const char *code_title;     /* the code form: "Join the class" */
    const char *code_label;     /* "The 4-digit code on the screen" */
    const char *code_wrong;     /* "That code is not this class's: look at the screen." */
    const char *join;           /* the code form's button: "Join" */
    const char *full_title;     /* "The class is full" */
    const char *full_text;      /* why, and what to do */
    /* The error pages' headings and sentences (xn_server.c). */
    const char *err_title;      /* "Not accepted" */
    const char *err_bad;        /* 400: malformed */
    const char *err_route;      /* 404 / 405 */
    const char *err_large;      /* 413 */
    const char *err_slow;       /* 429 / 503: too many requests */
    const char *err_closed;     /* 409: the question is not taking votes */
    const char *err_join;       /* 403 on a vote from a device that never joined */
    const char *err_joins;      /* 429: too many new phones from one address this minute */
    const char *ended;          /* the script's 403: the class ended or restarted */
    const char *vote_closed;    /* the script's 409 on a vote */
    const char *vote_fast;      /* the script's 429 on a vote */
    const char *vote_busy;      /* the script's 503 (or no answer) on a vote */
    const char *back;           /* the error page's link back to the question */
    const char *err_cookies;    /* the browser sent no known token back: cookies needed */
} xn_page_words;

/* The table for lang ("en", "de", ...): English when there is none for it yet. Static. */
const xn_page_words *xn_page_words_for(const char *lang);

/* What the script compares to know the page must be reloaded: the state shown, the
 * page and the question ("o/3/3.1"). Into key (XN_PAGE_KEY_MAX bytes). */
void xn_page_key(const xn_public *pub, char key[XN_PAGE_KEY_MAX]);

/* The phone's page for the state pub, code the join code, choice the device's counted
 * vote (0-based, -1 none, XN_PAGE_PENDING: not a device yet, the page says cookies are
 * needed until its script's first poll is answered as joined) and sent its last vote not yet counted (-1 none). Writes a
 * NUL-terminated page into buf (cap bytes); returns its length, or 0 if it did not fit
 * (XN_PAGE_CAP always fits). */
size_t xn_page_html(const xn_public *pub, const char *code, int choice, int sent, char *buf, size_t cap);

/* The state as JSON for the page's script:
 * {"key":"o/3/3.1","show":"open","page":3,"pages":9,"qid":"3.1","n":4,"choice":0,"sent":-1,
 *  "right":-1,"joined":1}; choice XN_PAGE_PENDING: "choice":-1,"joined":0 (the request
 * brought no known token back: the browser keeps no cookies). Same return as xn_page_html. */
size_t xn_page_json(const xn_public *pub, int choice, int sent, char *buf, size_t cap);

/* The form to type the join code (wrong: say the code given was not this class's). */
size_t xn_page_code_form(const char *lang, int wrong, char *buf, size_t cap);
/* "The class is full": max devices have joined. */
size_t xn_page_full(const char *lang, int max, char *buf, size_t cap);
/* A short page that says text under title, with a link back to the question (/?c=code)
 * and a refresh to it after 5 s, like the phone's page without JavaScript (a vote refused
 * because the question closed). */
size_t xn_page_back(const char *lang, const char *title, const char *text, const char *code, char *buf, size_t cap);
/* A short page that says text (plain, escaped) under the heading title. */
size_t xn_page_message(const char *lang, const char *title, const char *text, char *buf, size_t cap);

#endif
