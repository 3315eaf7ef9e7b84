/* xl_rng: a small deterministic random generator (splitmix64).
 * The same seed gives the same sequence on every machine; used for initial logits
 * and for tests that draw random distributions. Caller-owned value type. */
#ifndef XL_RNG_H
#define XL_RNG_H

#include <stdint.h>

typedef struct xl_rng { uint64_t state; } xl_rng;

xl_rng   xl_rng_make(uint64_t seed);
uint64_t xl_rng_next(xl_rng *rng);
/* Uniform in [0, 1), 53 random bits. */
double   xl_rng_uniform(xl_rng *rng);
/* Uniform in [lo, hi). */
double   xl_rng_range(xl_rng *rng, double lo, double hi);

#endif
