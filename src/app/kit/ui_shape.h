/* ui_shape: the fonts and the shaping of text, for ui_text's atlases.
 *
 * A string is turned into positioned glyph ids by HarfBuzz: per run of one font, one
 * script and one direction, so ligatures, Arabic joining forms, marks and kerning come
 * out as the font means them. Right-to-left text is put in visual order by ui_bidi.
 * Characters the role's DejaVu face lacks come from a fallback font: one of the other
 * two bundled faces, a font in FONT_DIR/fallback/ (the way a build bundles, say, a CJK
 * subset), or, on the desktop, the font fontconfig finds for that character (FcFontSort
 * with a charset holding it). Glyphs are rasterized by glyph id with FreeType (SDL_ttf
 * renders by code point only, which cannot draw a joined Arabic form).
 *
 * ui_fonts (the files, FreeType, the fallbacks) is owned by ui_text, one per ui_text;
 * a ui_shaper is one face at one pixel size with its shape cache: a string shaped
 * before is found by its bytes, so steady frames neither shape nor allocate. */
#ifndef UI_SHAPE_H
#define UI_SHAPE_H

#include <stddef.h>
#include <stdint.h>

/* The bundled faces, by file index. */
enum { UI_SHAPE_REGULAR, UI_SHAPE_BOLD, UI_SHAPE_MONO, UI_SHAPE_PRIMARIES,
       UI_SHAPE_MAX_FILES = 12,    /* the three and up to nine fallbacks */
       UI_SHAPE_MAX_CHARS = 1024,  /* a string is shaped up to this many code points */
       UI_SHAPE_MAX_GLYPHS = 2048 };

typedef struct ui_fonts ui_fonts;

/* Open FONT_DIR's DejaVuSans.ttf, DejaVuSans-Bold.ttf and DejaVuSansMono.ttf (each
 * mapped or read once) and the fonts in FONT_DIR/fallback/. NULL with the reason in
 * err[errlen] if a bundled face cannot be read. `system_fallback` 0 keeps fontconfig
 * out (a test that wants only the bundled faces). */
ui_fonts *ui_fonts_open(const char *font_dir, int system_fallback, char *err, size_t errlen);
void ui_fonts_close(ui_fonts *fonts);
/* The bytes of font file i, for SDL_ttf's metrics (owned by fonts). */
const void *ui_fonts_data(const ui_fonts *fonts, int file, size_t *size);
/* The path of font file i ("" past the last) and its face index in a collection in
 * *index (may be NULL). */
const char *ui_fonts_path(const ui_fonts *fonts, int file, int *index);
/* The file that draws cp for text in face `primary`: primary itself, another bundled
 * face, or a fallback (found and opened on first need). -1 if no font has it. */
int ui_fonts_file_for(ui_fonts *fonts, int primary, uint32_t cp);
/* A font the platform brought while the program runs (the browser fetches its CJK
 * subset when one is wanted): every ui_fonts adds it as a fallback when it next
 * shapes, and strings shaped before are shaped again. At most 4, process-wide.
 * Returns 0 (also when path came before), or -1. */
int ui_shape_font_arrived(const char *path);
/* hook(cp) is called when a character no font has is first met (again if it was
 * forgotten), so the platform can bring a font (ui_platform_font_wanted); NULL: none. */
void ui_shape_on_missing(void (*hook)(uint32_t cp));
/* 1 if cp needs no glyph to be read correctly: controls, format characters (joiners,
 * direction marks), variation selectors. --check does not ask fonts for these. */
int ui_fonts_is_invisible(uint32_t cp);

typedef struct ui_shaper ui_shaper;

/* Face `file` at px pixels; mono: the face is monospaced (superscripts get their ink's
 * width, see ui_shape.c). NULL without memory or if the face cannot be sized. */
ui_shaper *ui_shaper_open(ui_fonts *fonts, int file, int px, int mono);
void ui_shaper_close(ui_shaper *s);

/* One drawn glyph: font file and glyph id; x the pen's position from the string's left
 * edge, y the glyph's offset down from the baseline; adv its advance; cluster the byte
 * offset in the string of the first character it draws. */
typedef struct ui_shaped_glyph {
    uint32_t gid;
    uint16_t font;
    int16_t y;
    int32_t x, adv;
    uint32_t cluster;
} ui_shaped_glyph;

typedef struct ui_shaped {
    const ui_shaped_glyph *glyphs;  /* n of them, left to right as drawn */
    int n;
    int width;                      /* advance of the whole string, in pixels */
    int rtl;                        /* its paragraph direction is right to left */
} ui_shaped;

/* Shape utf8[0..len) (a string's first UI_SHAPE_MAX_CHARS code points; C0 controls as
 * spaces) as a paragraph of direction dir (a ui_bidi_dir: 0 from its first strong
 * character, 1 left to right, 2 right to left). The result stays valid until the next
 * call on this shaper. */
ui_shaped ui_shaper_shape(ui_shaper *s, const char *utf8, size_t len, int dir);
/* How many strings were shaped rather than found in the cache (for tests). */
unsigned long ui_shaper_misses(const ui_shaper *s);

/* A rendered glyph: 8-bit coverage, w x h, rows pitch bytes apart; left and top place
 * the bitmap's top-left corner from the pen on the baseline (top: up). */
typedef struct ui_glyph_image {
    const uint8_t *coverage;
    int w, h, pitch;
    int left, top;
} ui_glyph_image;

/* Rasterize glyph gid of font file `font` at the shaper's size (light hinting, as the
 * faces' advances). The image is FreeType's and stays valid until this shaper renders
 * another glyph of that file. Returns 0, or -1 if FreeType cannot. */
int ui_shaper_render(ui_shaper *s, int font, uint32_t gid, ui_glyph_image *img);

/* Decode one UTF-8 sequence at *p (advancing it); malformed bytes are U+FFFD, one each. */
uint32_t ui_shape_next_codepoint(const char **p);

#endif
