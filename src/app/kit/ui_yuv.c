/* ui_yuv: BT.709 limited-range conversion in 16-bit fixed point (see ui_yuv.h).
 *
 *   Y  =  16 + ( 0.2126 R + 0.7152 G + 0.0722 B) · 219/255
 *   Cb = 128 + (−0.1146 R − 0.3854 G + 0.5000 B) · 224/255
 *   Cr = 128 + ( 0.5000 R − 0.4542 G − 0.0458 B) · 224/255
 * The coefficients below are these times 65536, rounded (the chroma rows adjusted by one
 * so each sums to 0); the results are rounded to the nearest integer and always lie
 * within 16..235 and 16..240.
 *
 * Laid out for the compiler's loop vectorizer (gcc -O2 vectorizes loops whose trip count
 * is a known multiple of the vector width): two rows at a time, in blocks of BLOCK
 * pixels, each step a loop of fixed length with no branch, no division and no aliasing.
 * A row's last partial block goes through the same code on a padded copy, so every pixel
 * is converted by the same arithmetic. The results are the exact integers of the
 * formulas above (tests/test_yuv.c holds them against a plain per-pixel version). */
#include "ui_yuv.h"

#include <string.h>

enum { YR = 11966, YG = 40254, YB = 4064, UR = -6597, UG = -22187, UB = 28784, VR = 28784, VG = -26147,
       VB = -2637 };
enum { BLOCK = 32 }; /* pixels of a row per step: a multiple of every vector width */

/* Luma in single precision, exact: each coefficient / 65536 is a float (a 16-bit integer
 * times a power of two), so every product and partial sum is an integer count of 2^-16
 * below 2^24 of them (at most 56284 · 255 + 32768 < 16777216), which a float holds
 * exactly whatever the order, contraction or precision of evaluation; the sum is
 * positive, so truncation is the floor of the fixed-point formula. Floats because
 * 32-bit integer multiplies are not in SSE2 (and WebAssembly's are no faster). */
#define FR ((float)YR / 65536.0f)
#define FG ((float)YG / 65536.0f)
#define FB ((float)YB / 65536.0f)

static inline uint8_t luma(uint32_t p)
{
    return (uint8_t)(16 + (int32_t)(FR * (float)(p >> 16 & 255u) + FG * (float)(p >> 8 & 255u) +
                                    FB * (float)(p & 255u) + 0.5f));
}

/* One BLOCK of two rows: BLOCK luma bytes each into y0 and y1, BLOCK/2 into u and v. */
static void block(const uint32_t *restrict p0, const uint32_t *restrict p1, uint8_t *restrict y0,
                  uint8_t *restrict y1, uint8_t *restrict u, uint8_t *restrict v)
{
    /* Column sums of the two rows: red and blue side by side in one word (16 bits each;
     * four pixels sum to at most 1020, so neither carries into the other), green apart. */
    uint32_t rb[BLOCK], g[BLOCK];
    for (int k = 0; k < BLOCK; k++) {
        const uint32_t a = p0[k], b = p1[k];
        y0[k] = luma(a);
        y1[k] = luma(b);
        rb[k] = (a & 0xFF00FFu) + (b & 0xFF00FFu);
        g[k] = (a >> 8 & 255u) + (b >> 8 & 255u);
    }
    /* Each chroma row sums to 0, so UR·R + UG·G + UB·B = UR·(R − G) + UB·(B − G): two
     * products instead of three, of 16-bit numbers (|R − G| <= 1020 for a block's sums),
     * which the vectorizer does as widening 16-bit multiplies. The block's average is
     * the sum of four, hence >> 18; 128 is added before the shift so it applies to a
     * non-negative number, and a grey has Cb = Cr = 128 exactly. */
    for (int i = 0; i < BLOCK / 2; i++) {
        const uint32_t s = rb[2 * i] + rb[2 * i + 1], gs = g[2 * i] + g[2 * i + 1];
        const int16_t dr = (int16_t)((int32_t)(s >> 16) - (int32_t)gs);
        const int16_t db = (int16_t)((int32_t)(s & 0xFFFFu) - (int32_t)gs);
        u[i] = (uint8_t)(((int32_t)dr * UR + (int32_t)db * UB + (128 << 18) + (1 << 17)) >> 18);
        v[i] = (uint8_t)(((int32_t)dr * VR + (int32_t)db * VB + (128 << 18) + (1 << 17)) >> 18);
    }
}

void ui_yuv420_from_argb(const void *argb, int pitch, int w, int h, uint8_t *y, uint8_t *u, uint8_t *v)
{
    _Static_assert(UR + UG + UB == 0 && VR + VG + VB == 0, "the chroma rows must sum to 0 (see block)");
    const int cw = w / 2, full = w - w % BLOCK, rest = w - full;
    for (int row = 0; row < h; row += 2) {
        const uint32_t *p0 = (const uint32_t *)((const uint8_t *)argb + (long)row * pitch);
        const uint32_t *p1 = (const uint32_t *)((const uint8_t *)argb + (long)(row + 1) * pitch);
        uint8_t *y0 = y + (long)row * w, *y1 = y0 + w;
        uint8_t *uo = u + (long)(row / 2) * cw, *vo = v + (long)(row / 2) * cw;
        for (int col = 0; col < full; col += BLOCK)
            block(p0 + col, p1 + col, y0 + col, y1 + col, uo + col / 2, vo + col / 2);
        if (rest > 0) { /* the last columns, padded to a block (the padding's results dropped) */
            uint32_t q0[BLOCK] = {0}, q1[BLOCK] = {0};
            uint8_t t0[BLOCK], t1[BLOCK], tu[BLOCK / 2], tv[BLOCK / 2];
            memcpy(q0, p0 + full, (size_t)rest * sizeof *q0);
            memcpy(q1, p1 + full, (size_t)rest * sizeof *q1);
            block(q0, q1, t0, t1, tu, tv);
            memcpy(y0 + full, t0, (size_t)rest);
            memcpy(y1 + full, t1, (size_t)rest);
            memcpy(uo + full / 2, tu, (size_t)rest / 2);
            memcpy(vo + full / 2, tv, (size_t)rest / 2);
        }
    }
}
