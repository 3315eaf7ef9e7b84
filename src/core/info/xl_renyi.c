/* xl_renyi: Rényi entropies (see xl_renyi.h for the method). */
#include "xl_renyi.h"
#include "xl_i18n.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const double xl_renyi_named[XL_RENYI_NAMED] = {0.0, 0.5, 1.0, 2.0, INFINITY};

/* Within this distance of 1 the expm1/log1p form is used (see xl_renyi.h). */
#define NEAR_ONE 0.5

double xl_renyi(const double *p, int n, double alpha)
{
    if (!(alpha >= 0.0)) return NAN;
    /* Σp compensated (Neumaier): hi + lo is the sum to about 1e-32, so reading P as p / Σp
     * adds no error of its own (a plain sum's 1e-16 divided by α − 1 = 1e-12 would not do). */
    double total = 0.0, lo = 0.0, pmax = 0.0;
    int support = 0;
    for (int i = 0; i < n; i++)
        if (p[i] > 0.0) {
            const double sum = total + p[i];
            lo += fabs(total) >= p[i] ? (total - sum) + p[i] : (p[i] - sum) + total;
            total = sum;
            support++;
            if (p[i] > pmax) pmax = p[i];
        }
    if (support == 0 || !(total < INFINITY)) return NAN;
    const double log_total = log(total) + lo / total;
    if (alpha == 0.0) return log((double)support);
    const double lmax = log(pmax) - log_total; /* ≤ 0 up to rounding */
    if (isinf(alpha)) return lmax < 0.0 ? -lmax : 0.0;
    const double t = alpha - 1.0;
    if (fabs(t) <= NEAR_ONE) {
        /* −ln E[e^{t l}] / t with E[e^{t l}] = 1 + E[expm1(t l)]: one-signed terms. */
        double s = 0.0, shannon = 0.0;
        for (int i = 0; i < n; i++) {
            if (!(p[i] > 0.0)) continue;
            const double l = log(p[i]) - log_total;
            shannon -= p[i] * l;
            s += p[i] * expm1(t * l);
        }
        if (t == 0.0) return shannon / total;
        const double h = -log1p(s / total) / t;
        return h > 0.0 ? h : 0.0;
    }
    /* Log-sum-exp around the largest p: e^{α (l_i − l_max)} ≤ 1, and the largest is 1,
     * left out of the sum (s = Σ − 1, through log1p) so a P near one-hot keeps its small H. */
    double s = 0.0;
    int imax = -1;
    for (int i = 0; i < n; i++) {
        if (!(p[i] > 0.0)) continue;
        if (imax < 0 && p[i] == pmax) {
            imax = i;
            continue;
        }
        s += exp(alpha * ((log(p[i]) - log_total) - lmax));
    }
    /* (α l_max + ln(1 + s)) / (1 − α), with α / (α − 1) formed first so a large α does not overflow. */
    const double h = (alpha / (alpha - 1.0)) * -lmax - log1p(s) / (alpha - 1.0);
    return h > 0.0 ? h : 0.0;
}

void xl_renyi_grid(const double *p, int n, const double *alphas, int m, double *out)
{
    for (int k = 0; k < m; k++) out[k] = xl_renyi(p, n, alphas[k]);
}

const char *xl_renyi_order_name(double alpha)
{
    if (alpha == 0.0) return "Hartley";
    if (alpha == 1.0) return "Shannon";
    if (alpha == 2.0) return N_("collision");
    if (isinf(alpha) && alpha > 0.0) return N_("min-entropy");
    return NULL;
}

double xl_renyi_next_order(double alpha)
{
    for (int k = 0; k < XL_RENYI_NAMED; k++)
        if (xl_renyi_named[k] > alpha) return xl_renyi_named[k];
    return xl_renyi_named[0];
}

int xl_renyi_parse_order(const char *text, double *alpha, char *err, size_t errlen)
{
    const char *s = text ? text : "";
    while (*s == ' ' || *s == '\t') s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) len--;
    if ((len == 3 && (strncmp(s, "inf", 3) == 0 || strncmp(s, "Inf", 3) == 0)) ||
        (len == 8 && strncmp(s, "infinity", 8) == 0) || (len == strlen("∞") && strncmp(s, "∞", len) == 0)) {
        *alpha = INFINITY;
        return 0;
    }
    char buf[64];
    char *end = NULL;
    double a = NAN;
    if (len > 0 && len < sizeof buf) {
        memcpy(buf, s, len);
        buf[len] = '\0';
        errno = 0;
        a = strtod(buf, &end);
        /* strtod reads "nan" and "inf" spelled its ways, and hex ("0x10" would be 16):
         * only plain decimals pass, as everywhere else in the commands. */
        if (end == buf || *end != '\0' || errno == ERANGE || strpbrk(buf, "xXpP") != NULL) a = NAN;
    }
    if (!(a >= 0.0) || !(a <= XL_RENYI_ALPHA_MAX)) {
        snprintf(err, errlen,
                 "renyi-order needs an order α: a number from 0 to %.0f, or inf (e.g. 'renyi-order 2'); "
                 "'%.*s' is not one",
                 XL_RENYI_ALPHA_MAX, (int)(len < 40 ? len : 40), s);
        return -1;
    }
    *alpha = a;
    return 0;
}

char *xl_renyi_format_order(double alpha, char *buf, size_t n)
{
    if (isinf(alpha)) snprintf(buf, n, "%s", "∞");
    else snprintf(buf, n, "%.4g", alpha);
    return buf;
}

double xl_renyi_axis(double alpha)
{
    if (isinf(alpha)) return 1.0;
    return alpha / (1.0 + alpha);
}

double xl_renyi_axis_inverse(double u)
{
    if (!(u > 0.0)) return 0.0;
    if (u >= 1.0) return INFINITY;
    return u / (1.0 - u);
}
