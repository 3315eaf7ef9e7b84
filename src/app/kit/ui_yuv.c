/* ui_yuv: BT.709 limited-range conversion in 16-bit fixed point (see ui_yuv.h).
 *
 *   Y  =  16 + ( 0.2126 R + 0.7152 G + 0.0722 B) · 219/255
 *   Cb = 128 + (−0.1146 R − 0.3854 G + 0.5000 B) · 224/255
 *   Cr = 128 + ( 0.5000 R − 0.4542 G − 0.0458 B) · 224/255
 * The coefficients below are these times 65536, rounded (the chroma rows adjusted by one
 * so each sums to 0); the results are rounded to the nearest integer and always lie
 * within 16..235 and 16..240. */
#include "ui_yuv.h"

enum { YR = 11966, YG = 40254, YB = 4064, UR = -6597, UG = -22187, UB = 28784, VR = 28784, VG = -26147,
       VB = -2637 };

void ui_yuv420_from_argb(const void *argb, int pitch, int w, int h, uint8_t *y, uint8_t *u, uint8_t *v)
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
            /* The block's average colour (sums of four, hence >> 18), offset by 128 before
             * the shift so it applies to a non-negative number. Each row of the matrix sums
             * to 0, so a grey has Cb = Cr = 128 exactly. */
            *uo++ = (uint8_t)((UR * rs + UG * gs + UB * bs + (128 << 18) + (1 << 17)) >> 18);
            *vo++ = (uint8_t)((VR * rs + VG * gs + VB * bs + (128 << 18) + (1 << 17)) >> 18);
        }
    }
}
