/* ui_png: libpng writer (see ui_png.h). */
#include "ui_png.h"

#include <errno.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
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
    png_failure failure = {err, errlen};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &failure, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        snprintf(err, errlen, "out of memory");
        png_destroy_write_struct(&png, NULL);
        fclose(f);
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        fclose(f);
        return -1;
    }
    png_init_io(png, f);
    png_set_compression_level(png, 1);
    png_set_filter(png, 0, PNG_FILTER_SUB);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    /* ARGB8888 words are B, G, R, A bytes in memory on a little-endian machine, A, R, G,
     * B on a big-endian one: tell libpng which, and to skip the alpha byte. */
    const uint32_t probe = 1;
    const int little = *(const unsigned char *)&probe == 1;
    if (little) {
        png_set_bgr(png);
        png_set_filler(png, 0, PNG_FILLER_AFTER);
    } else {
        png_set_filler(png, 0, PNG_FILLER_BEFORE);
    }
    const unsigned char *row = pixels;
    for (int y = 0; y < h; y++) png_write_row(png, (png_const_bytep)(row + (size_t)y * (size_t)pitch));
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    if (fclose(f) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    return 0;
}
