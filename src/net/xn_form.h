/* xn_form: xentlab's own reading of what a phone sends (part 12), pure: no sockets, no
 * allocation, no global state.
 *
 * A query string ("c=4821") or an application/x-www-form-urlencoded body
 * ("c=4821&q=3.1&k=2&js=1") is decoded (%XX and '+') into the few fields the server
 * knows, each checked strictly:
 *   c   the join code: exactly 4 ASCII digits
 *   q   a question's id "P.Q": two positive numbers of at most 3 digits, no leading zero
 *   k   an option, 1..XN_FORM_OPTIONS (1-based, as the page's buttons send it)
 *   js  "1" or "0": the page's script sent it (answer with JSON, not a redirect)
 * Anything else is refused whole: an unknown or repeated name, a pair without '=', an
 * empty pair, a bad %-escape, a NUL, a value out of range, an input over XN_FORM_MAX
 * bytes. Every input from a phone is hostile; a refusal changes nothing.
 *
 * The device's token comes from the Cookie header: the cookie "xl", 32 lowercase hex
 * digits (128 random bits, xn_server.c). Other cookies are ignored; a second "xl" or a
 * malformed one is refused. */
#ifndef XN_FORM_H
#define XN_FORM_H

#include <stddef.h>

enum {
    XN_FORM_MAX = 256,          /* bytes of a query or a body, at most */
    XN_FORM_OPTIONS = 4,
    XN_FORM_QID_MAX = 8,        /* "999.999" and its NUL */
    XN_FORM_TOKEN_HEX = 32,     /* the token cookie's value: 128 bits in hex */
    XN_FORM_COOKIE_MAX = 4096   /* a Cookie header longer than this is refused */
};

/* Which fields were present (xn_form.fields). */
enum {
    XN_FORM_C = 1u << 0,
    XN_FORM_Q = 1u << 1,
    XN_FORM_K = 1u << 2,
    XN_FORM_JS = 1u << 3
};

/* The decoded fields; a field not present keeps its zero ("" / 0). */
typedef struct xn_form {
    unsigned fields;                /* XN_FORM_C | ... */
    char code[5];                   /* "4821" */
    char qid[XN_FORM_QID_MAX];      /* "3.1" */
    int page, question;             /* the qid's numbers, 1-based */
    int option;                     /* k, 1-based: 1..XN_FORM_OPTIONS */
    int js;                         /* 0 or 1 */
} xn_form;

/* Decode s[0..n) (not NUL-terminated; n == 0 is an empty, valid form) into *out
 * (cleared first). Returns 0, or -1 when the input is malformed (out is then cleared
 * again: nothing half-read leaks out). */
int xn_form_parse(const char *s, size_t n, xn_form *out);

/* The token cookie in a Cookie header's value (NULL: no header). Returns 1 with the
 * token in token[0..32] (NUL-terminated), 0 when there is no "xl" cookie, -1 when the
 * header is malformed or too long, or "xl" is repeated or not 32 lowercase hex digits. */
int xn_form_cookie(const char *header, char token[XN_FORM_TOKEN_HEX + 1]);

#endif
