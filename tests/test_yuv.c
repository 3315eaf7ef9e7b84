/* test_yuv: the export's conversion to Y'CbCr 4:2:0 (src/app/kit/ui_yuv.c) gives the
 * same bytes as the plain per-pixel version it replaced, kept here as the reference, on
 * every colour, on random images of many sizes and row pitches, with alpha ignored and
 * nothing written outside the planes. The reference has its own copy of the coefficients
 * and rounding, so a changed coefficient or rounding in ui_yuv.c fails here (the
 * exported videos, tests/test_export_vfr.py and the export tests compare frames decoded
 * from them, so these bytes are what those tests were written against). */
#include "check_main.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_yuv.h"

/* ui_yuv.c before it was vectorized (2026-12-07), word for word. */
enum { YR = 11966, YG = 40254, YB = 4064, UR = -6597, UG = -22187, UB = 28784, VR = 28784, VG = -26147,
       VB = -2637 };

static void reference(const void *argb, int pitch, int w, int h, uint8_t *y, uint8_t *u, uint8_t *v)
{
    const int cw = w / 2;
    for (int row = 0; row < h; row += 2) {
        const uint32_t *p0 = (const uint32_t *)((const uint8_t *)argb + (long)row * pitch);
        const uint32_t *p1 = (const uint32_t *)((const uint8_t *)argb + (long)(row + 1) * pitch);
        uint8_t *y0 = y + (long)row * w, *y1 = y0 + w;
        uint8_t *uo = u + (long)(row / 2) * cw, *vo = v + (long)(row / 2) * cw;
        for (int col = 0; col < w; col += 2) {
            int rs = 0, gs = 0, bs = 0;
            const uint32_t px[4] = {p0[col], p0[col + 1], p1[col], p1[col + 1]};
            uint8_t *dst[4] = {y0 + col, y0 + col + 1, y1 + col, y1 + col + 1};
            for (int k = 0; k < 4; k++) {
                const int r = (int)(px[k] >> 16 & 255), g = (int)(px[k] >> 8 & 255), b = (int)(px[k] & 255);
                *dst[k] = (uint8_t)(16 + ((YR * r + YG * g + YB * b + 32768) >> 16));
                rs += r;
                gs += g;
                bs += b;
            }
            *uo++ = (uint8_t)((UR * rs + UG * gs + UB * bs + (128 << 18) + (1 << 17)) >> 18);
            *vo++ = (uint8_t)((VR * rs + VG * gs + VB * bs + (128 << 18) + (1 << 17)) >> 18);
        }
    }
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t next32(void) /* splitmix64's upper half */
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

enum { GUARD = 64, GUARD_BYTE = 0xA5 };

/* Both conversions of one image into guarded buffers; fails on the first byte that
 * differs (plane, x, y) or a guard byte written. */
static void compare(const uint32_t *img, int pitch, int w, int h, const char *what)
{
    const size_t luma = (size_t)w * (size_t)h, size = luma + luma / 2;
    uint8_t *a = malloc(size + 2 * GUARD), *b = malloc(size + 2 * GUARD);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    memset(a, GUARD_BYTE, size + 2 * GUARD);
    memset(b, GUARD_BYTE, size + 2 * GUARD);
    reference(img, pitch, w, h, a + GUARD, a + GUARD + luma, a + GUARD + luma + luma / 4);
    ui_yuv420_from_argb(img, pitch, w, h, b + GUARD, b + GUARD + luma, b + GUARD + luma + luma / 4);
    for (size_t i = 0; i < size + 2 * GUARD; i++) {
        if (a[i] == b[i]) continue;
        if (i < GUARD || i >= GUARD + size) ck_abort_msg("%s, %dx%d: byte %ld outside the planes written", what, w, h,
                                                         (long)i - GUARD);
        const size_t k = i - GUARD;
        const int cw = w / 2;
        const char *plane = k < luma ? "Y" : k < luma + luma / 4 ? "Cb" : "Cr";
        const size_t at = k < luma ? k : (k - luma) % (luma / 4);
        const int x = k < luma ? (int)(at % (size_t)w) : (int)(at % (size_t)cw);
        const int yy = k < luma ? (int)(at / (size_t)w) : (int)(at / (size_t)cw);
        const uint32_t px = img[(size_t)(k < luma ? yy : 2 * yy) * (size_t)(pitch / 4) + (size_t)(k < luma ? x : 2 * x)];
        ck_abort_msg("%s, %dx%d pitch %d: %s at (%d, %d) is %d, the reference gives %d (pixel 0x%08X)", what, w, h, pitch,
                     plane, x, yy, b[i], a[i], px);
    }
    free(a);
    free(b);
}

/* An image of w x h with `pad` pixels of garbage after each row; kind 0: any bytes,
 * 1: every channel 0 or 255, 2: channels 0, 1, 254 or 255, 3: greys, 4: flat 2x2 blocks. */
static uint32_t *image(int w, int h, int pad, int kind)
{
    const int stride = w + pad;
    uint32_t *img = malloc((size_t)stride * (size_t)h * sizeof *img);
    ck_assert_ptr_nonnull(img);
    for (int yy = 0; yy < h; yy++)
        for (int x = 0; x < stride; x++) {
            uint32_t p = next32();
            if (x < w && kind == 1) p = (p & 0xFF000000u) | ((p & 1) ? 0xFF0000u : 0) | ((p & 2) ? 0xFF00u : 0) | ((p & 4) ? 0xFFu : 0);
            if (x < w && kind == 2) {
                static const uint32_t level[4] = {0, 1, 254, 255};
                p = (p & 0xFF000000u) | level[p & 3] << 16 | level[p >> 2 & 3] << 8 | level[p >> 4 & 3];
            }
            if (x < w && kind == 3) p = (p & 0xFF000000u) | (p & 255) * 0x010101u;
            if (x < w && kind == 4 && ((x & 1) || (yy & 1)))
                p = img[(size_t)(yy & ~1) * (size_t)stride + (size_t)(x & ~1)];
            img[(size_t)yy * (size_t)stride + (size_t)x] = p;
        }
    return img;
}

START_TEST(random_images_of_many_sizes)
{
    static const int pads[] = {0, 1, 3, 7, 16}; /* row pitch w + pad pixels: odd and even */
    char what[64];
    /* Every even width to past four blocks of 32 (the vectorized step and each partial
     * block after it), at a few heights. */
    for (int w = 2; w <= 140; w += 2)
        for (int h = 2; h <= 6; h += 2) {
            const int pad = pads[(w / 2 + h) % 5], kind = (w / 2 + h / 2) % 5;
            uint32_t *img = image(w, h, pad, kind);
            snprintf(what, sizeof what, "kind %d", kind);
            compare(img, (w + pad) * 4, w, h, what);
            free(img);
        }
    /* The video sizes and their neighbours, every kind of content. */
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {1922, 1082}, {1918, 1078}, {854, 480}, {2, 1082},
                                   {1922, 2}, {66, 34}, {2560, 8}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        for (int kind = 0; kind < 5; kind++) {
            const int w = sizes[s][0], h = sizes[s][1], pad = pads[(s + (size_t)kind) % 5];
            uint32_t *img = image(w, h, pad, kind);
            snprintf(what, sizeof what, "kind %d", kind);
            compare(img, (w + pad) * 4, w, h, what);
            free(img);
        }
}
END_TEST

/* Every one of the 2^24 colours, 4096 x 16 at a time (colour = row * 4096 + column, so
 * each 2x2 block mixes four neighbouring colours), with random alpha. */
START_TEST(every_colour)
{
    enum { W = 4096, H = 16 };
    uint32_t *img = malloc((size_t)W * H * sizeof *img);
    ck_assert_ptr_nonnull(img);
    for (uint32_t strip = 0; strip < (1u << 24) / (W * H); strip++) {
        for (uint32_t i = 0; i < W * H; i++) img[i] = (next32() & 0xFF000000u) | (strip * W * H + i);
        compare(img, W * 4, W, H, "every colour");
    }
    free(img);
}
END_TEST

/* The values a player relies on: limited range, neutral greys, alpha not read. */
START_TEST(known_values_and_alpha)
{
    enum { W = 64, H = 4 };
    static const struct {
        uint32_t argb;
        uint8_t y, cb, cr;
    } known[] = {
        {0xFF000000u, 16, 128, 128},  {0xFFFFFFFFu, 235, 128, 128}, {0x00808080u, 126, 128, 128},
        {0xFFFF0000u, 63, 102, 240},  {0xFF00FF00u, 173, 42, 26},   {0xFF0000FFu, 32, 240, 118},
    };
    uint32_t img[W * H];
    uint8_t out[W * H * 3 / 2];
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
        for (int i = 0; i < W * H; i++) img[i] = (known[k].argb & 0xFFFFFFu) | (next32() & 0xFF000000u);
        ui_yuv420_from_argb(img, W * 4, W, H, out, out + W * H, out + W * H * 5 / 4);
        for (int i = 0; i < W * H; i++) ck_assert_int_eq(out[i], known[k].y);
        for (int i = 0; i < W * H / 4; i++) {
            ck_assert_int_eq(out[W * H + i], known[k].cb);
            ck_assert_int_eq(out[W * H * 5 / 4 + i], known[k].cr);
        }
    }
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("yuv");
    const xl_test_case cases[] = {
        {"the reference's bytes on random images of many sizes", random_images_of_many_sizes},
        {"the reference's bytes on every colour", every_colour},
        {"limited range, neutral greys, alpha ignored", known_values_and_alpha},
    };
    XL_TEST_ADD_CASES(s, cases, 60);
    return s;
}
