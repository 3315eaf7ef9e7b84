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

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static const double LOG2E = 0x1.71547652b82fep0;
static const double LN2_HI = 0x1.62e42fee00000p-1;
static const double LN2_LO = 0x1.a39ef35793c76p-33;
static const double ROUND_SHIFT = 0x1.8p52;
/* Where the fast form holds: 2^k stays a normal number and p 2^k does not overflow. */
static const double LOW = -708.0, HIGH = 709.0;

/* On x86-64 a second copy for AVX2 (four doubles at a time) is chosen at load time
 * where the processor has it. AVX2 brings no fused multiply-add (that is FMA's own
 * flag, and contraction is off), so both copies round every operation alike. */
/* The landscape's row (xl_vec_log_sum_row, 65,536 logarithms for every step of the
 * default scene) has a third copy for AVX-512 (eight at a time): 30 % faster where the
 * processor has it. AVX-512's fused multiply-add is not used either (contraction is off),
 * so its bits are the others' (tests/test_vec.c holds the row against xl_vec_log). */
/* GCC only: clang 14 emits the clones but not the function that picks one, so an
 * exported clone is left undefined at link time. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__ELF__)
#define XL_VEC_CLONES __attribute__((target_clones("avx2", "default")))
#define XL_VEC_CLONES_WIDE __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define XL_VEC_CLONES
#define XL_VEC_CLONES_WIDE
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

/* log(x) = k ln 2 + log(m) with m in [sqrt(2)/2, sqrt(2)) (fdlibm's e_log.c):
 * with f = m - 1 (exact) and s = f / (2 + f), log(m) = f - f^2/2 + s (f^2/2 + R(s^2)),
 * R a minimax polynomial of error below 2^-58.45. k and m come from the bits: the
 * exponent field, read as a double by placing it under 2^52, and the mantissa under
 * the exponent of 1. */
static const double SQRT2 = 1.41421356237309504880;
static const double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01,
                    LG3 = 2.857142874366239149e-01, LG4 = 2.222219843214978396e-01,
                    LG5 = 1.818357216161805012e-01, LG6 = 1.531383769920937332e-01,
                    LG7 = 1.479819860511658591e-01;
static const double LOG_LN2_HI = 6.93147180369123816490e-01, LOG_LN2_LO = 1.90821492927058770002e-10;

/* log(v) for a positive normal v, as above: shared by xl_vec_log and the landscape's
 * row, so both give the same bits. */
static inline double log_normal(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    const uint64_t ebits = (bits >> 52) | 0x4330000000000000u; /* 2^52 + biased exponent */
    const uint64_t mbits = (bits & 0x000fffffffffffffu) | 0x3ff0000000000000u;
    double e, m;
    memcpy(&e, &ebits, sizeof e);
    memcpy(&m, &mbits, sizeof m);
    double dk = (e - 0x1p52) - 1023.0;
    const int high = m >= SQRT2;
    m = high ? 0.5 * m : m;
    dk = high ? dk + 1.0 : dk;
    const double f = m - 1.0;
    const double s = f / (2.0 + f);
    const double z = s * s, w = z * z;
    const double t1 = w * (LG2 + w * (LG4 + w * LG6));
    const double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    const double r = t2 + t1;
    const double hfsq = 0.5 * f * f;
    return dk * LOG_LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LOG_LN2_LO)) - f);
}

XL_VEC_CLONES
void xl_vec_log(const double *x, double *y, int n)
{
    int outside = 0;
    for (int i = 0; i < n; i++) {
        const double v = x[i];
        const int normal = v >= DBL_MIN && v <= DBL_MAX; /* false for NaN */
        outside |= !normal;
        y[i] = log_normal(normal ? v : 1.0); /* a stand-in, redone below */
    }
    if (!outside)
        return;
    for (int i = 0; i < n; i++)
        if (!(x[i] >= DBL_MIN && x[i] <= DBL_MAX))
            y[i] = log(x[i]);
}

XL_VEC_CLONES_WIDE
int xl_vec_log_sum_row(const double *e, double ey, double r, const double *c, double cy, double lo, double *y,
                       int n)
{
    int outside = 0;
    for (int i = 0; i < n; i++) {
        const double s = e[i] + ey + r;
        const int inside = s >= lo && s <= DBL_MAX; /* false for NaN */
        const double v = c[i] + cy + log_normal(inside ? s : 1.0);
        outside |= !inside | !(v - v == 0.0); /* v - v: 0 when finite, else NaN */
        y[i] = v;
    }
    return outside;
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

double xl_vec_max(const double *x, int n)
{
    double m = x[0];
    int i = 1;
#if defined(__SSE2__)
    /* maxpd(a, b) gives b when either is NaN: a NaN element leaves the running maximum
     * alone, and a NaN x[0] (every lane's start) stays NaN, as in the scalar loop. The
     * compiler will not vectorise the scalar form itself: it may not assume either. */
    __m128d m0 = _mm_set1_pd(m), m1 = m0;
    for (; i + 4 <= n; i += 4) {
        m0 = _mm_max_pd(_mm_loadu_pd(x + i), m0);
        m1 = _mm_max_pd(_mm_loadu_pd(x + i + 2), m1);
    }
    m0 = _mm_max_pd(m1, m0);
    double lanes[2];
    _mm_storeu_pd(lanes, m0);
    m = lanes[1] > lanes[0] ? lanes[1] : lanes[0];
#endif
    for (; i < n; i++)
        m = x[i] > m ? x[i] : m;
    return m;
}

void xl_vec_min_max(const double *x, int n, double *lo, double *hi)
{
    double mn = INFINITY, mx = -INFINITY;
    int i = 0;
#if defined(__SSE2__)
    /* minpd(a, b) and maxpd(a, b) give b when either is NaN: a NaN element leaves the
     * running extremes alone, as in the scalar loop. */
    __m128d n0 = _mm_set1_pd(mn), n1 = n0, x0 = _mm_set1_pd(mx), x1 = x0;
    for (; i + 4 <= n; i += 4) {
        const __m128d a = _mm_loadu_pd(x + i), b = _mm_loadu_pd(x + i + 2);
        n0 = _mm_min_pd(a, n0);
        n1 = _mm_min_pd(b, n1);
        x0 = _mm_max_pd(a, x0);
        x1 = _mm_max_pd(b, x1);
    }
    double ln[2], lx[2];
    _mm_storeu_pd(ln, _mm_min_pd(n1, n0));
    _mm_storeu_pd(lx, _mm_max_pd(x1, x0));
    mn = ln[1] < ln[0] ? ln[1] : ln[0];
    mx = lx[1] > lx[0] ? lx[1] : lx[0];
#endif
    for (; i < n; i++) {
        mn = x[i] < mn ? x[i] : mn;
        mx = x[i] > mx ? x[i] : mx;
    }
    *lo = mn;
    *hi = mx;
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
