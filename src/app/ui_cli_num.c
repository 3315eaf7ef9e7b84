/* ui_cli_num: the numbers of command-line flags, read strictly (see ui_cli_num.h). */
#include "ui_cli_num.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Whole numbers are ASCII digits and nothing else, up to `hi`. strtol and strtoull
 * would skip leading blanks and take a sign (" -1" became 2^64 - 1 for --seed), so
 * the digits are read here. */
int ui_num_whole(const char *s, size_t len, uint64_t hi, uint64_t *out)
{
    if (len == 0) return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10) return -1;
        v = v * 10 + d;
    }
    if (v > hi) return -1;
    *out = v;
    return 0;
}

int ui_num_long(const char *s, long lo, long hi, long *out)
{
    uint64_t v;
    if (ui_num_whole(s, strlen(s), (uint64_t)hi, &v) != 0 || v < (uint64_t)lo) return -1;
    *out = (long)v;
    return 0;
}


/* A plain decimal number: [+-]digits[.digits][(e|E)[+-]digits] with at least one
 * mantissa digit, exactly len bytes. Checked before strtod, which would also take
 * blanks, hex ("0x1p2000"), "nan" and "inf"/"infinity". */
static int decimal_syntax(const char *s, size_t len)
{
    size_t i = 0, digits = 0;
    if (i < len && (s[i] == '+' || s[i] == '-')) i++;
    while (i < len && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    }
    if (digits == 0) return 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-')) i++;
        size_t exp_digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') { i++; exp_digits++; }
        if (exp_digits == 0) return 0;
    }
    return i == len;
}

/* The decimal number in s[0..len-1], which must be followed by ',' or the end. A value
 * too small for a double rounds to a denormal or to 0 (the caller decides whether 0
 * is acceptable); one too large is UI_NUM_HUGE. */
ui_num_status ui_num_decimal(const char *s, size_t len, double *out)
{
    if (!decimal_syntax(s, len)) return UI_NUM_SYNTAX;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end != s + len) return UI_NUM_SYNTAX;
    /* strtod sets ERANGE on underflow too (1e-320 is a valid denormal): only an
     * infinite result is out of range. */
    if (!isfinite(v)) return UI_NUM_HUGE;
    *out = v;
    return UI_NUM_OK;
}

/* Split a comma-separated list of numbers without copying it (no length limit but
 * the count). Returns the count, or -1 for an empty field or a bad number, -2 for
 * more than cap numbers, -3 for a number beyond the largest double. */
int ui_num_list(const char *s, double *out, int cap)
{
    int n = 0;
    for (const char *p = s;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (n >= cap) return -2;
        switch (ui_num_decimal(p, len, &out[n])) {
        case UI_NUM_OK: break;
        case UI_NUM_SYNTAX: return -1;
        case UI_NUM_HUGE: return -3;
        }
        n++;
        if (!comma) return n;
        p = comma + 1;
    }
}

