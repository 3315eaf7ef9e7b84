/* ui_lang: the interface's language and its catalogue (see ui_lang.h). */
#include "ui_lang.h"

#include <SDL.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xl_scenario.h"
#include "xl_session.h"

#ifndef XL_INSTALL_LOCALE
#define XL_INSTALL_LOCALE "/usr/local/share/locale"
#endif

const char *const ui_lang_codes[] = {"en", "de", "es"};

static const char *current;  /* NULL: not decided yet */
static ui_mo *catalogue;     /* NULL: English, or none found */

static const char *known(const char *s, size_t len)
{
    for (int i = 0; i < UI_LANG_COUNT; i++)
        if (strlen(ui_lang_codes[i]) == len && strncmp(s, ui_lang_codes[i], len) == 0) return ui_lang_codes[i];
    return NULL;
}

const char *ui_lang_from_locale(const char *value)
{
    if (value == NULL) return "en";
    /* LANGUAGE lists languages separated by ':'; each is lang[_TERRITORY][.charset][@modifier]. */
    const char *p = value;
    while (*p) {
        size_t item = strcspn(p, ":");
        size_t lang = strcspn(p, "_.@:");
        if (lang > item) lang = item;
        const char *code = known(p, lang);
        if (code) return code;
        p += item;
        if (*p == ':') p++;
    }
    return "en";
}

static const char *from_environment(void)
{
    static const char *const vars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            /* glibc ignores LANGUAGE when the locale is C: we have no locale, so only
             * an unknown first item passes on to the next variable. */
            /* Only LANGUAGE is a list: LC_ALL, LC_MESSAGES and LANG name one locale, and
             * a value with a ':' ("C:de") is no locale at all, so the C locale's English
             * (as setlocale would fall back), never a language picked from inside it. */
            const char *code = i > 0 && strchr(v, ':') ? "en" : ui_lang_from_locale(v);
            if (i == 0 && strcmp(code, "en") == 0 && strncmp(v, "en", 2) != 0) continue;
            return code;
        }
    }
    return "en";
}

/* The first catalogue for code found in the places ui_lang.h lists. */
static ui_mo *find_catalogue(const char *code)
{
    char path[2048], err[2300];
    const char *env = getenv("XENTLAB_LOCALEDIR");
    char *base = SDL_GetBasePath(); /* ends with a separator */
    char build_dir[1024] = "", share_dir[1024] = "";
    const char *dirs[5] = {0};
    int n = 0;
    if (env && *env) dirs[n++] = env;
    if (base) {
        snprintf(build_dir, sizeof build_dir, "%spo", base);
        snprintf(share_dir, sizeof share_dir, "%s../share/locale", base);
        dirs[n++] = build_dir;
        dirs[n++] = share_dir;
        SDL_free(base);
    }
    dirs[n++] = XL_INSTALL_LOCALE;
    dirs[n++] = "/locale";
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/xentlab.mo", dirs[i], code);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        ui_mo *mo = ui_mo_load(path, err, sizeof err);
        if (mo == NULL)
            fprintf(stderr, "xentlab: the '%s' catalogue cannot be used, the interface stays English: %s\n", code, err);
        return mo; /* the first one found is the one meant: a bad one is not skipped silently */
    }
    /* Every place looked in, first XENTLAB_LOCALEDIR's: naming only the installed one
     * would send whoever set XENTLAB_LOCALEDIR to look in the wrong folder. */
    fprintf(stderr, "xentlab: no catalogue for '%s' was found (%s/LC_MESSAGES/xentlab.mo under ", code, code);
    for (int i = 0; i < n; i++) fprintf(stderr, "%s%s", i ? ", " : "", dirs[i]);
    fprintf(stderr, "), the interface stays English\n");
    return NULL;
}

int ui_lang_set(const char *code)
{
    const char *c = code ? known(code, strlen(code)) : NULL;
    if (c == NULL) return -1;
    if (current && strcmp(current, c) == 0) return 0;
    ui_mo_free(catalogue);
    catalogue = NULL;
    current = c;
    if (strcmp(c, "en") != 0) catalogue = find_catalogue(c);
    return 0;
}

const char *ui_lang_code(void)
{
    if (current == NULL) ui_lang_set(from_environment());
    return current;
}

void ui_tr_bars(struct xl_bars *bars)
{
    for (int i = 0; i < bars->n && i < XL_ITEMS_MAX; i++) bars->names[i] = xl_bars_name(bars, i, ui_tr);
    bars->names_words = 0; /* translated once */
}

char *ui_tr_axis_name(const struct xl_session *s, const char *name, char *buf, size_t n)
{
    snprintf(buf, n, "%s", name ? name : "");
    if (!name) return buf;
    xl_bars bars;
    xl_session_bars(s, &bars);
    const size_t len = strlen(name);
    for (int i = 0; i < bars.n && i < XL_ITEMS_MAX; i++) {
        if (!(bars.names_words >> i & 1u) || !bars.names[i]) continue;
        const size_t k = strlen(bars.names[i]);
        if (k < len && name[len - k - 1] == ' ' && strcmp(name + len - k, bars.names[i]) == 0) {
            snprintf(buf, n, "%.*s%s", (int)(len - k), name, ui_tr(bars.names[i]));
            break;
        }
    }
    return buf;
}

const char *ui_tr(const char *msgid)
{
    if (msgid == NULL || msgid[0] == '\0') return msgid; /* "" is the catalogue's header */
    if (current == NULL) ui_lang_code();
    const char *t = ui_mo_lookup(catalogue, msgid);
    return t ? t : msgid;
}

/* The numbers of text, at most UI_TR_NUMBERS_MAX: where each starts and ends. */
enum { UI_TR_NUMBERS_MAX = 4 };

static int is_digit(char c) { return c >= '0' && c <= '9'; }

const char *ui_tr_numbers(const char *text, char *buf, size_t n)
{
    if (text == NULL || text[0] == '\0' || buf == NULL || n == 0) return text;
    const char *whole = ui_tr(text);
    if (whole != text || catalogue == NULL) return whole;
    const char *start[UI_TR_NUMBERS_MAX], *end[UI_TR_NUMBERS_MAX];
    int whole_number[UI_TR_NUMBERS_MAX], count = 0;
    for (const char *p = text; *p;) {
        /* A number: an optional minus (ASCII or U+2212) right before a digit, digits,
         * a point and digits, an exponent. Not inside a word ("x1", "W2"). */
        const char *q = p;
        int sign = 0;
        if (*q == '-' && is_digit(q[1])) q++, sign = 1;
        else if ((unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x88 && (unsigned char)q[2] == 0x92 &&
                 is_digit(q[3]))
            q += 3, sign = 1;
        const int in_word = p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_');
        if (!is_digit(*q) || in_word) {
            p++;
            continue;
        }
        if (count == UI_TR_NUMBERS_MAX) return text;
        int plain = !sign;
        while (is_digit(*q)) q++;
        if (*q == '.' && is_digit(q[1])) {
            plain = 0;
            for (q++; is_digit(*q);) q++;
        }
        if ((*q == 'e' || *q == 'E') && (is_digit(q[1]) || ((q[1] == '-' || q[1] == '+') && is_digit(q[2])))) {
            plain = 0;
            for (q += 2; is_digit(*q);) q++;
        }
        start[count] = p, end[count] = q, whole_number[count] = plain, count++;
        p = q;
    }
    if (count == 0) return text;
    /* Each whole number as %d, then each of them in turn as %s instead (x = 2 from "%.4g"). */
    for (int flip = -1; flip < count; flip++) {
        if (flip >= 0 && !whole_number[flip]) continue;
        char key[512];
        size_t used = 0;
        const char *from = text;
        for (int i = 0; i < count && used < sizeof key; i++) {
            const int as_int = whole_number[i] && i != flip;
            int w = snprintf(key + used, sizeof key - used, "%.*s%s", (int)(start[i] - from), from, as_int ? "%d" : "%s");
            if (w < 0 || (size_t)w >= sizeof key - used) return text;
            used += (size_t)w;
            from = end[i];
        }
        int w = snprintf(key + used, sizeof key - used, "%s", from);
        if (w < 0 || (size_t)w >= sizeof key - used) return text;
        const char *t = ui_mo_lookup(catalogue, key);
        if (t == NULL) continue;
        /* Fill the translation's %d and %s in order (the catalogue's conversions were
         * checked against the msgid's when it was read: the same ones, in order). */
        size_t out = 0;
        int k = 0;
        for (const char *p = t; *p && out + 1 < n; p++) {
            if (p[0] == '%' && (p[1] == 'd' || p[1] == 's') && k < count) {
                size_t len = (size_t)(end[k] - start[k]);
                if (out + len >= n) break;
                memcpy(buf + out, start[k], len);
                out += len, k++, p++;
            } else if (p[0] == '%' && p[1] == '%') {
                buf[out++] = '%', p++;
            } else {
                buf[out++] = *p;
            }
        }
        buf[out] = '\0';
        return buf;
    }
    return text;
}

const ui_mo *ui_lang_catalogue(void)
{
    ui_lang_code();
    return catalogue;
}

void ui_lang_reset(void)
{
    ui_mo_free(catalogue);
    catalogue = NULL;
    current = NULL;
}
