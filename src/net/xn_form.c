/* xn_form: the decoding of queries, form bodies and the token cookie (xn_form.h).
 * Written for hostile input: every byte is checked against a bound before it is used,
 * and a value is decoded into a small fixed buffer, so an overlong one is refused
 * rather than cut. */
#include "xn_form.h"

#include <string.h>

enum { VALUE_MAX = 8 };     /* the longest decoded name or value we accept: "999.999" */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decode s[0..n) ('+' is a space, %XX a byte) into out (cap bytes with the NUL).
 * -1: a bad escape, a NUL byte, or too long for out. */
static int decode(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            if (n - i < 3) return -1;
            int hi = hex_digit(s[i + 1]), lo = hex_digit(s[i + 2]);
            if (hi < 0 || lo < 0) return -1;
            c = (char)(hi * 16 + lo);
            i += 2;
        }
        if (c == '\0' || o + 1 >= cap) return -1;
        out[o++] = c;
    }
    out[o] = '\0';
    return 0;
}

/* A positive number of 1..3 digits without a leading zero, from s[0..n). -1: not one. */
static int small_number(const char *s, size_t n)
{
    if (n < 1 || n > 3 || s[0] == '0') return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int set_code(xn_form *f, const char *v)
{
    if (strlen(v) != 4) return -1;
    for (int i = 0; i < 4; i++)
        if (v[i] < '0' || v[i] > '9') return -1;
    memcpy(f->code, v, 5);
    return 0;
}

static int set_qid(xn_form *f, const char *v)
{
    const char *dot = strchr(v, '.');
    if (!dot) return -1;
    int p = small_number(v, (size_t)(dot - v));
    int q = small_number(dot + 1, strlen(dot + 1));
    if (p < 0 || q < 0) return -1;
    f->page = p;
    f->question = q;
    memcpy(f->qid, v, strlen(v) + 1);   /* at most 7 bytes: decode's cap */
    return 0;
}

static int set_option(xn_form *f, const char *v)
{
    if (strlen(v) != 1 || v[0] < '1' || v[0] > '0' + XN_FORM_OPTIONS) return -1;
    f->option = v[0] - '0';
    return 0;
}

static int set_js(xn_form *f, const char *v)
{
    if (strcmp(v, "1") != 0 && strcmp(v, "0") != 0) return -1;
    f->js = v[0] - '0';
    return 0;
}

/* One "name=value" pair s[0..n) into f. */
static int pair(xn_form *f, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    if (!eq) return -1;
    char name[VALUE_MAX], value[VALUE_MAX];
    if (decode(s, (size_t)(eq - s), name, sizeof name) != 0) return -1;
    if (decode(eq + 1, n - (size_t)(eq - s) - 1, value, sizeof value) != 0) return -1;
    static const struct {
        const char *name;
        unsigned bit;
        int (*set)(xn_form *, const char *);
    } fields[] = {
        {"c", XN_FORM_C, set_code},
        {"q", XN_FORM_Q, set_qid},
        {"k", XN_FORM_K, set_option},
        {"js", XN_FORM_JS, set_js},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strcmp(name, fields[i].name) != 0) continue;
        if (f->fields & fields[i].bit) return -1;   /* repeated: which one counts is ambiguous */
        if (fields[i].set(f, value) != 0) return -1;
        f->fields |= fields[i].bit;
        return 0;
    }
    return -1;
}

int xn_form_parse(const char *s, size_t n, xn_form *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0) return 0;
    if (!s || n > XN_FORM_MAX) return -1;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '&') continue;
        if (i == start || pair(out, s + start, i - start) != 0) {
            memset(out, 0, sizeof *out);
            return -1;
        }
        start = i + 1;
    }
    return 0;
}

/* Cookie: a=b; xl=...; c=d (RFC 6265 section 4.2.1: pairs separated by "; "). We split
 * on ';' and trim spaces around each pair, which also takes what old browsers send. */
int xn_form_cookie(const char *header, char token[XN_FORM_TOKEN_HEX + 1])
{
    token[0] = '\0';
    if (!header) return 0;
    size_t n = strnlen(header, XN_FORM_COOKIE_MAX + 1);
    if (n > XN_FORM_COOKIE_MAX) return -1;
    int found = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && header[i] != ';') continue;
        size_t a = start, b = i;
        start = i + 1;
        while (a < b && (header[a] == ' ' || header[a] == '\t')) a++;
        while (b > a && (header[b - 1] == ' ' || header[b - 1] == '\t')) b--;
        if (b - a < 3 || header[a] != 'x' || header[a + 1] != 'l' || header[a + 2] != '=') continue;
        if (found) goto bad;
        const char *v = header + a + 3;
        size_t vn = b - a - 3;
        if (vn != XN_FORM_TOKEN_HEX) goto bad;
        for (size_t k = 0; k < vn; k++) {
            char c = v[k];
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) goto bad;
        }
        memcpy(token, v, XN_FORM_TOKEN_HEX);
        token[XN_FORM_TOKEN_HEX] = '\0';
        found = 1;
    }
    return found;
bad:
    token[0] = '\0';
    return -1;
}
