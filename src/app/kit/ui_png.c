/* ui_png: libpng writer (see ui_png.h). */
#include "ui_png.h"

#include <errno.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libpng reports through longjmp; the message is kept for the caller. */
typedef struct png_failure {
    char *err;
    size_t errlen;
} png_failure;

static void on_error(png_structp png, png_const_charp msg)
{
    png_failure *f = png_get_error_ptr(png);
    if (f && f->err) snprintf(f->err, f->errlen, "%s", msg);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

int ui_png_write(const char *path, const void *pixels, int w, int h, int pitch, char *err, size_t errlen)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    unsigned char *volatile rgb = malloc((size_t)w * 3 + 1); /* volatile: kept across setjmp */
    if (!rgb) {
        snprintf(err, errlen, "out of memory");
        fclose(f);
        return -1;
    }
    png_failure failure = {err, errlen};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        snprintf(err, errlen, "out of memory");
        png_destroy_write_struct(&png, NULL);
        free(rgb);
        fclose(f);
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(rgb);
        fclose(f);
        return -1;
    }
    png_init_io(png, f);
    /* Level 1 with the Up filter: measured on drawn 720p frames (flat panels, a
     * heatmap), Up compressed as well as Sub and None and was the fastest; most of the
     * time left is deflate itself. */
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_UP);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    /* Rows are turned into RGB bytes here rather than by libpng's BGR and filler
     * transforms, which cost more than the compression at level 1. Reading whole
     * 32-bit words makes this independent of the machine's byte order. */
    for (int y = 0; y < h; y++) {
        const uint32_t *src = (const uint32_t *)((const unsigned char *)pixels + (size_t)y * (size_t)pitch);
        unsigned char *dst = rgb;
        for (int x = 0; x < w; x++) {
            uint32_t p = src[x];
            dst[0] = (unsigned char)(p >> 16);
            dst[1] = (unsigned char)(p >> 8);
            dst[2] = (unsigned char)p;
            dst += 3;
        }
        png_write_row(png, rgb);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(rgb);
    if (fclose(f) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    return 0;
}
