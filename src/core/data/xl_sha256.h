/* xl_sha256: SHA-256 (FIPS 180-4) of a byte buffer, for verifying the data files.
 *
 * Written here, not taken from a library: no Debian library serves both the native build
 * and the emscripten (web) build without a port to download (OpenSSL, libgcrypt and
 * nettle are not in emscripten's ports), and the whole algorithm is a page. Pure C11;
 * tested against the FIPS 180-2 vectors and sha256sum (tests/test_dataset.c).
 */
#ifndef XL_SHA256_H
#define XL_SHA256_H

#include <stddef.h>
#include <stdint.h>

enum { XL_SHA256_BYTES = 32, XL_SHA256_HEX = 65 /* 64 digits and a NUL */ };

/* An incremental hash in the caller's storage: init, update any number of times, final. */
typedef struct xl_sha256 {
    uint32_t h[8];
    uint64_t length;        /* bytes hashed so far */
    unsigned char block[64];
    size_t fill;            /* bytes waiting in block */
} xl_sha256;

void xl_sha256_init(xl_sha256 *s);
void xl_sha256_update(xl_sha256 *s, const void *bytes, size_t n);
/* The digest into out[XL_SHA256_BYTES]; s must be initialised again before reuse. */
void xl_sha256_final(xl_sha256 *s, unsigned char out[XL_SHA256_BYTES]);

/* The digest of bytes[0..n-1] in one call. */
void xl_sha256_digest(const void *bytes, size_t n, unsigned char out[XL_SHA256_BYTES]);
/* The digest of bytes[0..n-1] as 64 lowercase hex digits and a NUL, as sha256sum prints. */
void xl_sha256_hex(const void *bytes, size_t n, char out[XL_SHA256_HEX]);

#endif
