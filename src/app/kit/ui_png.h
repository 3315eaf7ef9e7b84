/* ui_png: a frame written as PNG with libpng at a fast setting (compression level 1,
 * the Up filter): a recorded lesson writes thousands of them, and at level 1 a 1080p
 * frame of flat panels takes a few milliseconds instead of tens. */
#ifndef UI_PNG_H
#define UI_PNG_H

#include <stddef.h>

/* Write w x h pixels of 32-bit ARGB (SDL_PIXELFORMAT_ARGB8888, rows `pitch` bytes apart)
 * to path as an RGB PNG. Returns 0, or -1 with the reason in err. */
int ui_png_write(const char *path, const void *pixels, int w, int h, int pitch, char *err, size_t errlen);

#endif
