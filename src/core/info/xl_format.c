/* xl_format: numbers as the panels show them (see xl_format.h). Pure C: the readouts
 * panel (src/app/kit/ui_panel.c wraps these as ui_format_*) and the scene in words
 * (xl_describe) format the same values with the same code, so what is said is what is
 * shown. */
#include "xl_format.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

char *xl_format(char *buf, size_t n, double v, int decimals)
{
    if (isnan(v)) snprintf(buf, n, "undefined");
    else if (isinf(v)) snprintf(buf, n, v > 0 ? "∞" : "−∞");
    else {
        /* Avoid "-0.0000" for tiny negative rounding residue. */
        double unit = pow(10.0, -decimals);
        if (fabs(v) < 0.5 * unit) v = 0.0;
        if (v < 0) snprintf(buf, n, "−%.*f", decimals, -v);
        else snprintf(buf, n, "%.*f", decimals, v);
    }
    return buf;
}

#define COUNT_GROUP_SPACE "\xE2\x80\x89" /* U+2009, a thin space */

char *xl_format_count(char *buf, size_t size, long v)
{
    char digits[24];
    snprintf(digits, sizeof digits, "%ld", v < 0 ? -v : v);
    size_t len = strlen(digits), o = 0;
    if (v < 0 && size > 4) {
        memcpy(buf, "−", strlen("−"));
        o = strlen("−");
    }
    for (size_t i = 0; i < len && o + sizeof COUNT_GROUP_SPACE + 1 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            memcpy(buf + o, COUNT_GROUP_SPACE, sizeof COUNT_GROUP_SPACE - 1);
            o += sizeof COUNT_GROUP_SPACE - 1;
        }
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    return buf;
}

/* UTF-8 superscripts for an exponent. */
static void superscript(char *buf, size_t n, int e)
{
    static const char *const digits[10] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    char num[16];
    snprintf(num, sizeof num, "%d", e);
    size_t used = 0;
    buf[0] = '\0';
    for (const char *d = num; *d && used + 4 < n; d++) {
        const char *g = *d == '-' ? "⁻" : digits[*d - '0'];
        size_t len = strlen(g);
        memcpy(buf + used, g, len);
        used += len;
        buf[used] = '\0';
    }
}

/* Characters a formatted number shows (UTF-8 continuation bytes do not count). */
static int shown_chars(const char *s)
{
    int k = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80) k++;
    return k;
}

char *xl_format_fit(char *buf, size_t n, double v, int decimals, int max_chars)
{
    if (!isfinite(v)) return xl_format(buf, n, v, decimals);
    for (int d = decimals; d >= 0; d--) {
        xl_format(buf, n, v, d);
        /* Fixed notation only while it keeps a significant digit: 1e-9 at 4 decimals
         * would read 0.0000, which is false for a nonzero value. */
        int keeps = v == 0.0 || fabs(v) >= 0.5 * pow(10.0, -d);
        if (shown_chars(buf) <= max_chars && keeps) return buf;
        if (!keeps) break;
    }
    /* 0 has no exponent (log10 0 = −∞, which no int holds): its shortest form, "0",
     * even where the box is narrower still. */
    if (v == 0.0) return xl_format(buf, n, 0.0, 0);
    /* m×10^e with as many mantissa digits as fit (at most 3 decimals). */
    double a = fabs(v);
    int e = (int)floor(log10(a)); /* finite and nonzero: -324 <= e <= 308 */
    char sup[64];
    superscript(sup, sizeof sup, e);
    int md = max_chars - ((v < 0 ? 1 : 0) + 1 + 3 + shown_chars(sup)) - 1;
    if (md > 3) md = 3;
    if (md < 0) md = 0;
    /* Denormals: 10^e itself underflows, so scale by 10^300 first. */
    double m = e < -290 ? (a * 1e300) / pow(10.0, e + 300) : a / pow(10.0, e);
    double unit = pow(10.0, md);
    if (round(m * unit) / unit >= 10.0) { /* 9.9996 shown with 3 decimals is 10.000 */
        m /= 10.0;
        e++;
    }
    superscript(sup, sizeof sup, e);
    snprintf(buf, n, "%s%.*f×10%s", v < 0 ? "−" : "", md, m, sup);
    return buf;
}

int xl_format_identity(char *const out[3], size_t n, const double v_in[3], int decimals, const int max_chars[3])
{
    double v[3] = {v_in[0], v_in[1], v_in[2]};
    /* The rest is a difference of the other two, computed apart: a few ulps of them is
     * rounding, not a quantity (KL of Q = P came out 2.2e-16). */
    if (isfinite(v[0]) && isfinite(v[1]) && fabs(v[2]) <= 64.0 * DBL_EPSILON * (fabs(v[0]) + fabs(v[1])))
        v[2] = 0.0;
    for (int d = decimals; d >= 0; d--) {
        int fits = 1;
        for (int i = 0; i < 3 && fits; i++) {
            const int tiny = v[i] != 0.0 && isfinite(v[i]) && fabs(v[i]) < 0.5 * pow(10.0, -d);
            if (tiny) xl_format_fit(out[i], n, v[i], d, max_chars[i]);
            else xl_format(out[i], n, v[i], d);
            fits = shown_chars(out[i]) <= max_chars[i];
        }
        if (fits) return d;
    }
    for (int i = 0; i < 3; i++) xl_format_fit(out[i], n, v[i], decimals, max_chars[i]);
    return -1;
}

char *xl_format_prob_log(char *buf, size_t n, double logp, int decimals)
{
    if (isnan(logp)) return xl_format(buf, n, logp, decimals);
    if (isinf(logp) && logp < 0) {
        snprintf(buf, n, "0");
        return buf;
    }
    double p = exp(logp);
    if (p >= 0.5 * pow(10.0, -decimals)) return xl_format(buf, n, p, decimals);
    /* p = m × 10^e with log10 p = logp / ln 10, taken apart without forming p. */
    double l10 = logp / log(10.0);
    double e = floor(l10);
    if (e < -999999999.0) { /* beyond an int exponent: still true */
        snprintf(buf, n, "< 10⁻⁹⁹⁹⁹⁹⁹⁹⁹⁹");
        return buf;
    }
    double m = pow(10.0, l10 - e);
    if (m >= 9.95) { /* shows as 10.0 with one decimal */
        m /= 10.0;
        e += 1.0;
    }
    char sup[64];
    superscript(sup, sizeof sup, (int)e);
    snprintf(buf, n, "%.1f×10%s", m, sup);
    return buf;
}


void xl_format_identity_shown(double total, double part, double rest, double unit_scale, int decimals,
                              char out[3][48])
{
    const double v[3] = {total * unit_scale, part * unit_scale, fmax(rest, 0.0) * unit_scale};
    const int room[3] = {40, 40, 40};
    char *const o[3] = {out[0], out[1], out[2]};
    xl_format_identity(o, 48, v, decimals < 0 || decimals > 12 ? XL_FORMAT_IDENTITY_DECIMALS : decimals, room);
}

char *xl_format_said_outcome(char *buf, size_t n, double logq, double unit_scale, const char *unit_name, xl_tr_fn tr)
{
    char qs[48], sp[48];
    const double surprise = -logq * unit_scale;
    xl_format_prob_log(qs, sizeof qs, logq, 3);
    xl_format_fit(sp, sizeof sp, surprise < 0.0 ? 0.0 : surprise, 3, 9);
    snprintf(buf, n, xl_tr(tr, N_("q = %s, a surprise of %s %s")), qs, sp, unit_name);
    return buf;
}
