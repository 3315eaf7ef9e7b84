/* ui_mo: a .mo catalogue, bounds-checked (see ui_mo.h).
 *
 * The format (GNU gettext's manual, "The Format of GNU MO Files"): a header of 32-bit
 * words in the writer's byte order, recognised by the magic 0x950412de read either way:
 *   0 magic, 4 revision (major in the high 16 bits: 0 or 1), 8 N strings,
 *   12 offset of the originals' table, 16 offset of the translations' table,
 *   20 hash table size, 24 its offset (not used here: we sort our own index).
 * Each table holds N (length, offset) pairs; string i is `length` bytes at `offset`
 * followed by a NUL. A plural entry's original and translation hold several strings
 * separated by NULs, the first being the singular. */
#include "ui_mo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct ui_mo_entry {
    const char *id, *str;
} ui_mo_entry;

struct ui_mo {
    char *bytes;           /* the file, copied */
    ui_mo_entry *entries;  /* sorted by id */
    size_t count, dropped;
};

static uint32_t word(const unsigned char *p, int swap)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    if (swap) v = (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
    return v;
}

/* String i of the table at table_off: checked to lie inside the file and end in a NUL. */
static const char *string_at(const unsigned char *b, size_t len, uint32_t table_off, uint32_t i, int swap)
{
    uint64_t entry = (uint64_t)table_off + (uint64_t)i * 8u;
    if (entry + 8u > len) return NULL;
    uint64_t slen = word(b + entry, swap), soff = word(b + entry + 4, swap);
    if (soff + slen + 1u > len) return NULL;
    if (b[soff + slen] != '\0') return NULL;
    return (const char *)b + soff;
}

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int extra = 0;
        uint32_t cp = 0;
        if (*p < 0x80) { p++; continue; }
        else if ((*p & 0xe0) == 0xc0) { extra = 1; cp = *p & 0x1f; }
        else if ((*p & 0xf0) == 0xe0) { extra = 2; cp = *p & 0x0f; }
        else if ((*p & 0xf8) == 0xf0) { extra = 3; cp = *p & 0x07; }
        else return 0;
        p++;
        for (int k = 0; k < extra; k++, p++) {
            if ((*p & 0xc0) != 0x80) return 0;
            cp = cp << 6 | (*p & 0x3f);
        }
        /* overlong forms, surrogates and values past U+10FFFF */
        static const uint32_t min[4] = {0, 0x80, 0x800, 0x10000};
        if (cp < min[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    }
    return 1;
}

/* The arguments a printf format asks for, as a short signature: each conversion's
 * length modifier and letter, '*' for a width or precision taken from the arguments,
 * and the "N$" of a positional one. "%%" asks for nothing. */
static void conversions(const char *f, char *sig, size_t n)
{
    size_t used = 0;
#define PUT(c) do { if (used + 1 < n) sig[used++] = (c); } while (0)
    for (const char *p = f; *p; p++) {
        if (*p != '%') continue;
        p++;
        if (*p == '%') continue;
        PUT('%');
        /* Digits are a position when a '$' follows them, else the width. */
        const char *digits = p;
        while (*p >= '0' && *p <= '9') p++;
        if (*p == '$') {
            for (const char *d = digits; d <= p; d++) PUT(*d);
            p++;
        } else {
            p = digits;
        }
        while (*p && strchr("-+ #0'", *p)) p++;
        if (*p == '*') { PUT('*'); p++; }
        while (*p >= '0' && *p <= '9') p++;
        if (*p == '.') {
            p++;
            if (*p == '*') { PUT('*'); p++; }
            while (*p >= '0' && *p <= '9') p++;
        }
        while (*p && strchr("hlLqjzt", *p)) PUT(*p++);
        if (*p == '\0') { PUT('?'); break; }
        PUT(*p);
    }
#undef PUT
    sig[used] = '\0';
}

int ui_mo_same_conversions(const char *fmt, const char *tr)
{
    char a[256], b[256];
    conversions(fmt, a, sizeof a);
    conversions(tr, b, sizeof b);
    return strcmp(a, b) == 0;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const ui_mo_entry *)a)->id, ((const ui_mo_entry *)b)->id);
}

ui_mo *ui_mo_parse(const void *data, size_t len, char *err, size_t errlen)
{
    const unsigned char *in = data;
    if (len < 28) {
        snprintf(err, errlen, "too short for a .mo header (%zu bytes)", len);
        return NULL;
    }
    if (len > UI_MO_MAX_BYTES) {
        snprintf(err, errlen, "larger than %d bytes", (int)UI_MO_MAX_BYTES);
        return NULL;
    }
    int swap = 0;
    if (word(in, 0) == 0x950412deu) swap = 0;
    else if (word(in, 1) == 0x950412deu) swap = 1;
    else {
        snprintf(err, errlen, "not a .mo file (no magic number)");
        return NULL;
    }
    uint32_t major = word(in + 4, swap) >> 16;
    if (major > 1) {
        snprintf(err, errlen, "unknown .mo revision %u", (unsigned)major);
        return NULL;
    }
    uint32_t n = word(in + 8, swap), orig = word(in + 12, swap), trans = word(in + 16, swap);
    /* Each entry takes 16 bytes of tables at least: a count past that is a lie. */
    if ((uint64_t)n * 16u > len || (uint64_t)orig + (uint64_t)n * 8u > len || (uint64_t)trans + (uint64_t)n * 8u > len) {
        snprintf(err, errlen, "its tables (%u strings) lie outside the file's %zu bytes", (unsigned)n, len);
        return NULL;
    }
    ui_mo *mo = calloc(1, sizeof *mo);
    if (mo) mo->bytes = malloc(len);
    if (mo && n) mo->entries = calloc(n, sizeof *mo->entries);
    if (mo == NULL || mo->bytes == NULL || (n && mo->entries == NULL)) {
        ui_mo_free(mo);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    memcpy(mo->bytes, in, len);
    const unsigned char *b = (const unsigned char *)mo->bytes;
    for (uint32_t i = 0; i < n; i++) {
        const char *id = string_at(b, len, orig, i, swap), *str = string_at(b, len, trans, i, swap);
        if (id == NULL || str == NULL) {
            snprintf(err, errlen, "string %u lies outside the file or has no end", (unsigned)i);
            ui_mo_free(mo);
            return NULL;
        }
        if (id[0] == '\0') {
            /* The header entry: the catalogue must say it is UTF-8. */
            if (strstr(str, "charset=UTF-8") == NULL && strstr(str, "charset=utf-8") == NULL) {
                snprintf(err, errlen, "not written in UTF-8 (its header names another charset)");
                ui_mo_free(mo);
                return NULL;
            }
            continue;
        }
        if (str[0] == '\0' || !valid_utf8(id) || !valid_utf8(str) || !ui_mo_same_conversions(id, str)) {
            mo->dropped++;
            continue;
        }
        mo->entries[mo->count].id = id;
        mo->entries[mo->count].str = str;
        mo->count++;
    }
    if (mo->count) qsort(mo->entries, mo->count, sizeof *mo->entries, by_id);
    return mo;
}

ui_mo *ui_mo_load(const char *path, char *err, size_t errlen)
{
    /* Only a regular file: opening a FIFO would wait for a writer forever. */
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "%s: cannot open", path);
        return NULL;
    }
    /* Read at most one byte past the limit: a larger file (or an endless one, a FIFO
     * or /dev/zero) is refused after bounded work. */
    size_t cap = 65536, used = 0;
    unsigned char *buf = malloc(cap);
    int too_big = 0;
    while (buf) {
        if (used == cap) {
            if (cap > UI_MO_MAX_BYTES) { too_big = 1; break; }
            unsigned char *g = realloc(buf, cap * 2);
            if (g == NULL) { free(buf); buf = NULL; break; }
            buf = g;
            cap *= 2;
        }
        size_t got = fread(buf + used, 1, cap - used, f);
        used += got;
        if (got == 0) break;
    }
    int read_error = ferror(f);
    fclose(f);
    if (buf == NULL) {
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    if (too_big || read_error) {
        free(buf);
        if (too_big) snprintf(err, errlen, "%s: larger than %d bytes", path, (int)UI_MO_MAX_BYTES);
        else snprintf(err, errlen, "%s: read error", path);
        return NULL;
    }
    char why[200];
    ui_mo *mo = ui_mo_parse(buf, used, why, sizeof why);
    free(buf);
    if (mo == NULL) snprintf(err, errlen, "%s: %s", path, why);
    return mo;
}

const char *ui_mo_lookup(const ui_mo *mo, const char *msgid)
{
    if (mo == NULL || msgid == NULL || mo->count == 0) return NULL;
    ui_mo_entry key = {msgid, NULL};
    const ui_mo_entry *e = bsearch(&key, mo->entries, mo->count, sizeof key, by_id);
    return e ? e->str : NULL;
}

size_t ui_mo_count(const ui_mo *mo) { return mo ? mo->count : 0; }
size_t ui_mo_dropped(const ui_mo *mo) { return mo ? mo->dropped : 0; }

void ui_mo_free(ui_mo *mo)
{
    if (mo == NULL) return;
    free(mo->entries);
    free(mo->bytes);
    free(mo);
}
