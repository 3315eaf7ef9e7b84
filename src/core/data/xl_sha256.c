/* xl_sha256: SHA-256 as FIPS 180-4 section 6.2 gives it.
 *
 * The message is taken in 64-byte blocks; each block is expanded to 64 words
 * (W_t = sigma1(W_t-2) + W_t-7 + sigma0(W_t-15) + W_t-16) and mixed into the eight working
 * words by 64 rounds with the constants K_t (the first 32 bits of the fractional parts of
 * the cube roots of the first 64 primes). The end is padded with a 1 bit, zeros, and the
 * length in bits as a 64-bit big-endian number, so the padded length is a multiple of 512
 * bits. Words are read big-endian byte by byte, so the result does not depend on the
 * machine's byte order.
 */
#include "xl_sha256.h"

#include <assert.h>
#include <string.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void compress(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 | (uint32_t)p[4 * t + 2] << 8 |
               (uint32_t)p[4 * t + 3];
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = s1 + w[t - 7] + s0 + w[t - 16];
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
}

void xl_sha256_init(xl_sha256 *s)
{
    assert(s != NULL);
    /* The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, h0, sizeof h0);
    s->length = 0;
    s->fill = 0;
}

void xl_sha256_update(xl_sha256 *s, const void *bytes, size_t n)
{
    assert(s != NULL && (bytes != NULL || n == 0));
    const unsigned char *p = bytes;
    s->length += n;
    if (s->fill > 0) {
        size_t take = 64 - s->fill < n ? 64 - s->fill : n;
        memcpy(s->block + s->fill, p, take);
        s->fill += take;
        p += take;
        n -= take;
        if (s->fill < 64) return;
        compress(s->h, s->block);
        s->fill = 0;
    }
    for (; n >= 64; p += 64, n -= 64) compress(s->h, p);
    if (n > 0) memcpy(s->block, p, n);
    s->fill = n;
}

void xl_sha256_final(xl_sha256 *s, unsigned char out[XL_SHA256_BYTES])
{
    assert(s != NULL && out != NULL);
    uint64_t bits = s->length * 8u;
    unsigned char pad[72] = {0x80};
    /* 1 + zeros so that fill + padding = 56 (mod 64), then the 8 length bytes. */
    size_t zeros = (s->fill < 56 ? 56 - s->fill : 120 - s->fill);
    for (int i = 0; i < 8; i++) pad[zeros + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
    uint64_t length = s->length;
    xl_sha256_update(s, pad, zeros + 8);
    s->length = length;
    assert(s->fill == 0);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24);
        out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
        out[4 * i + 3] = (unsigned char)s->h[i];
    }
}

void xl_sha256_digest(const void *bytes, size_t n, unsigned char out[XL_SHA256_BYTES])
{
    xl_sha256 s;
    xl_sha256_init(&s);
    xl_sha256_update(&s, bytes, n);
    xl_sha256_final(&s, out);
}

void xl_sha256_hex(const void *bytes, size_t n, char out[XL_SHA256_HEX])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[XL_SHA256_BYTES];
    xl_sha256_digest(bytes, n, d);
    for (int i = 0; i < XL_SHA256_BYTES; i++) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    out[64] = '\0';
}
