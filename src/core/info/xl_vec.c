/* xl_vec (see xl_vec.h). Built with the loop vectorizer on (meson.build): the loops
 * have no branch and no call, so they run two (SSE2) or four (AVX2) doubles at a time.
 *
 * The exponential: exp(x) = 2^k exp(r) with k = round(x / ln 2) and r = x - k ln 2 in [-ln2/2, ln2/2].
 * k ln 2 is subtracted in two parts (Cody and Waite): LN2_HI has its low 32 bits zero,
 * so k LN2_HI is exact for |k| < 2^20 and x - k LN2_HI loses nothing. exp(r) is its
 * Taylor series to r^13: the first term left out is below 0.3466^14 / 14! = 4.2e-18,
 * 0.02 ulp of exp(r) >= 0.707, so the error is the rounding of Horner's scheme. 2^k is
 * built from its exponent bits; k is read from the low bits of x / ln 2 + 1.5 * 2^52,
 * whose addition also rounds x / ln 2 to the nearest integer. */
#include "xl_vec.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static const double LOG2E = 0x1.71547652b82fep0;
static const double LN2_HI = 0x1.62e42fee00000p-1;
static const double LN2_LO = 0x1.a39ef35793c76p-33;
static const double ROUND_SHIFT = 0x1.8p52;
/* Where the fast form holds: 2^k stays a normal number and p 2^k does not overflow. */
static const double LOW = -708.0, HIGH = 709.0;

/* On x86-64 a second copy for AVX2 (four doubles at a time) is chosen at load time
 * where the processor has it. AVX2 brings no fused multiply-add (that is FMA's own
 * flag, and contraction is off), so both copies round every operation alike. */
#if defined(__x86_64__) && defined(__GNUC__) && defined(__ELF__)
#define XL_VEC_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define XL_VEC_CLONES
#endif

XL_VEC_CLONES
void xl_vec_exp_shifted(const double *x, double shift, double *y, int n)
{
    int outside = 0;
    for (int i = 0; i < n; i++) {
        double t = x[i] - shift;
        /* Clamped so the bits below stay meaningful; the few outside are redone below.
         * A NaN fails both tests and stays NaN. */
        outside |= !(t >= LOW && t <= HIGH);
        t = t < LOW ? LOW : t;
        t = t > HIGH ? HIGH : t;
        double kd = t * LOG2E + ROUND_SHIFT;
        uint64_t kbits;
        memcpy(&kbits, &kd, sizeof kbits);
        kd -= ROUND_SHIFT;
        const double r = (t - kd * LN2_HI) - kd * LN2_LO;
        double p = 1.0 / 6227020800.0;          /* 1/13! */
        p = p * r + 1.0 / 479001600.0;          /* 1/12! */
        p = p * r + 1.0 / 39916800.0;           /* 1/11! */
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        /* k + 1023 lies in [2, 2046] after the clamp: a normal power of two. */
        const uint64_t sbits = (kbits + 1023u) << 52;
        double scale;
        memcpy(&scale, &sbits, sizeof scale);
        y[i] = p * scale;
    }
    /* The tails (underflow to subnormals or 0, overflow) and NaN, from libm. Rare:
     * logits shifted by their maximum are <= 0, and below -708 only in a lopsided Q. */
    if (!outside)
        return;
    for (int i = 0; i < n; i++) {
        const double t = x[i] - shift;
        if (!(t >= LOW && t <= HIGH))
            y[i] = exp(t);
    }
}

XL_VEC_CLONES
double xl_vec_sum(const double *x, int n)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    for (; i < n; i++)
        s0 += x[i];
    return (s0 + s1) + (s2 + s3);
}

XL_VEC_CLONES
int xl_vec_all_finite(const double *x, int n)
{
    /* x - x is 0 for a finite x and NaN otherwise; NaN survives any sum. */
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += x[i] - x[i];
        s1 += x[i + 1] - x[i + 1];
        s2 += x[i + 2] - x[i + 2];
        s3 += x[i + 3] - x[i + 3];
    }
    for (; i < n; i++)
        s0 += x[i] - x[i];
    return (s0 + s1) + (s2 + s3) == 0.0;
}

static inline double ce_term(double p, double z, double m, double log_s)
{
    const double d = m - z;
    /* Both forms computed, one kept: no branch in the loop. */
    const double gap = d - d == 0.0 ? p * d : p * m - p * z;
    return p > 0.0 ? gap + p * log_s : 0.0;
}

XL_VEC_CLONES
double xl_vec_cross_entropy_terms(const double *p, const double *z, double m, double log_s, int n)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += ce_term(p[i], z[i], m, log_s);
        s1 += ce_term(p[i + 1], z[i + 1], m, log_s);
        s2 += ce_term(p[i + 2], z[i + 2], m, log_s);
        s3 += ce_term(p[i + 3], z[i + 3], m, log_s);
    }
    for (; i < n; i++)
        s0 += ce_term(p[i], z[i], m, log_s);
    return (s0 + s1) + (s2 + s3);
}

XL_VEC_CLONES
void xl_vec_softmax_grad(const double *e, double s, const double *p, double *g, int n)
{
    for (int i = 0; i < n; i++)
        g[i] = e[i] / s - p[i];
}

XL_VEC_CLONES
void xl_vec_axpy_step(const double *theta, double lr, const double *g, double *out, int n)
{
    for (int i = 0; i < n; i++)
        out[i] = theta[i] - lr * g[i];
}
