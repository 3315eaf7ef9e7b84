/* fuzz_form: libFuzzer target for the class server's own request reading (part 12).
 * Any bytes, any length:
 *  - xn_form_parse must not crash or read past its input; what it accepts must be in
 *    range (a 4-digit code, a qid of two small positive numbers, k 1..4, js 0/1), and a
 *    refusal must leave the form empty;
 *  - xn_form_cookie gets the same bytes as a header: a token it returns is 32 lowercase
 *    hex digits;
 *  - xn_page: the bytes as a lesson's texts (title, question, options) must not change
 *    the page's structure: the page with them has exactly as many < > " ' as the page
 *    with those characters replaced by a harmless one (escaping lets none through).
 * Built and run by scripts/fuzz.sh form (clang's -fsanitize=fuzzer,address,undefined);
 * seed corpus: tests/data/form/. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xn_form.h"
#include "xn_page.h"

static void must(int ok)
{
    if (!ok) abort();
}

static void check_form(const char *copy, size_t size)
{
    xn_form f;
    if (xn_form_parse(copy, size, &f) != 0) {
        must(f.fields == 0 && f.code[0] == '\0' && f.qid[0] == '\0' && f.option == 0 && f.js == 0);
        return;
    }
    must((f.fields & ~(unsigned)(XN_FORM_C | XN_FORM_Q | XN_FORM_K | XN_FORM_JS)) == 0);
    if (f.fields & XN_FORM_C) {
        must(strlen(f.code) == 4);
        for (int i = 0; i < 4; i++) must(f.code[i] >= '0' && f.code[i] <= '9');
    }
    if (f.fields & XN_FORM_Q) must(f.page >= 1 && f.page <= 999 && f.question >= 1 && f.question <= 999);
    if (f.fields & XN_FORM_K) must(f.option >= 1 && f.option <= XN_FORM_OPTIONS);
    if (f.fields & XN_FORM_JS) must(f.js == 0 || f.js == 1);
}

static void check_cookie(const uint8_t *data, size_t size)
{
    char *h = malloc(size + 1);
    if (!h) return;
    memcpy(h, data, size);
    h[size] = '\0';
    char tok[XN_FORM_TOKEN_HEX + 1];
    int rc = xn_form_cookie(h, tok);
    must(rc >= -1 && rc <= 1);
    if (rc == 1) {
        must(strlen(tok) == XN_FORM_TOKEN_HEX);
        must(strspn(tok, "0123456789abcdef") == XN_FORM_TOKEN_HEX);
    } else {
        must(tok[0] == '\0');
    }
    free(h);
}

static size_t count(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++) n += *s == c;
    return n;
}

static void fill(xn_public *p, const uint8_t *data, size_t size, int harmless)
{
    memset(p, 0, sizeof *p);
    p->show = size && (data[0] & 1) ? XN_SHOW_CLOSED : XN_SHOW_OPEN;
    p->page = 2;
    p->pages = 5;
    memcpy(p->qid, "2.1", 4);
    p->noptions = 4;
    p->right = 1;
    memset(p->choice, -1, sizeof p->choice);
    char *fields[6] = {p->title, p->question, p->options[0], p->options[1], p->options[2], p->options[3]};
    size_t caps[6] = {XN_TITLE_MAX, XN_TEXT_MAX, XN_TEXT_MAX, XN_TEXT_MAX, XN_TEXT_MAX, XN_TEXT_MAX};
    size_t at = 0;
    for (int f = 0; f < 6; f++) {
        size_t n = 0;
        while (at < size && data[at] != '\n' && n + 1 < caps[f]) {
            char c = (char)data[at++];
            if (c == '\0') c = ' ';
            if (harmless && strchr("<>\"'&", c)) c = 'x';
            fields[f][n++] = c;
        }
        fields[f][n] = '\0';
        if (at < size) at++;
    }
}

static void check_page(const uint8_t *data, size_t size)
{
    static xn_public hostile, tame;
    static char a[XN_PAGE_CAP], b[XN_PAGE_CAP];
    fill(&hostile, data, size, 0);
    fill(&tame, data, size, 1);
    size_t na = xn_page_html(&hostile, "1234", 0, 1, a, sizeof a);
    size_t nb = xn_page_html(&tame, "1234", 0, 1, b, sizeof b);
    must(na > 0 && nb > 0);   /* XN_PAGE_CAP holds any page */
    must(na == strlen(a));
    const char structural[] = "<>\"'";
    for (const char *c = structural; *c; c++) must(count(a, *c) == count(b, *c));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly `size` bytes, so a read past the end is caught by ASan. */
    char *copy = malloc(size ? size : 1);
    if (!copy) return 0;
    memcpy(copy, data, size);
    check_form(copy, size);
    free(copy);
    check_cookie(data, size);
    check_page(data, size);
    return 0;
}
