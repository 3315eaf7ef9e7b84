/* xl_rng: splitmix64 (Steele, Lea, Flood 2014; constants from Vigna's reference code).
 * A Weyl sequence (state += golden-ratio constant) passed through a 64-bit mixer: tiny,
 * fast and identical on every platform, which is all initial logits and tests need.
 * uniform() keeps the top 53 bits so every value is an exact multiple of 2^-53 in [0, 1).
 */
#include "xl_rng.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>

xl_rng xl_rng_make(uint64_t seed)
{
    xl_rng r = { seed };
    return r;
}

uint64_t xl_rng_next(xl_rng *rng)
{
    assert(rng != NULL);
    uint64_t z = (rng->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

double xl_rng_uniform(xl_rng *rng)
{
    return (double)(xl_rng_next(rng) >> 11) * 0x1.0p-53;
}

double xl_rng_range(xl_rng *rng, double lo, double hi)
{
    double r = lo + (hi - lo) * xl_rng_uniform(rng);
    /* lo + (hi - lo) * u can round up to hi for u just below 1; keep the interval half-open. */
    if (r >= hi && hi > lo)
        r = nextafter(hi, lo);
    return r;
}
