/* ui_yuv: a frame converted to the video's colour format, Y'CbCr 4:2:0 by the BT.709
 * matrix at limited ("TV") range, as HD video players expect it. Done here rather than in
 * ffmpeg because it is done once per frame that changed (a held frame reuses it) and the
 * pipe then carries 1.5 bytes a pixel instead of 4. */
#ifndef UI_YUV_H
#define UI_YUV_H

#include <stdint.h>

/* argb: w x h pixels of ARGB8888 (SDL's, rows pitch bytes apart, pitch a multiple of 4
 * and at least 4w; alpha is ignored), w and h even. Writes
 * w*h luma bytes to y, then (w/2)*(h/2) bytes each to u (Cb) and v (Cr); chroma is the
 * average of each 2x2 block. */
void ui_yuv420_from_argb(const void *argb, int pitch, int w, int h, uint8_t *y, uint8_t *u, uint8_t *v);

#endif
