/* ui_shape: fonts, fallback and shaping (see ui_shape.h).
 *
 * Shaping a string: decode it; choose each character's font (a combining mark or a
 * joiner stays with its base's); take its bidirectional level (ui_bidi, skipped when
 * the string has no right-to-left character); cut it into runs of one font, one level
 * and one script; put the runs in visual order (rule L2); shape each run with HarfBuzz
 * in its direction, the whole string given as context (so a run's first letter joins
 * as it should); lay the glyphs out left to right in whole pixels. */
#include "ui_shape.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef XL_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif
#if defined(__unix__) || defined(__APPLE__)
#define UI_SHAPE_MMAP 1
#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "ui_bidi.h"

enum { MISS_SLOTS = 256, CACHE_ENTRIES = 384, CACHE_BYTES = 16384, CACHE_GLYPHS = 2048,
       LOAD_FLAGS = FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP };

typedef struct font_file {
    char path[1024];
    void *data;
    size_t size;
    int mapped;      /* 1: data is an mmap of the file, else malloc'd */
    int index;       /* the face in a collection (.ttc) */
    FT_Face probe;   /* unsized: whether the font has a character */
} font_file;

struct ui_fonts {
    FT_Library lib;
    font_file files[UI_SHAPE_MAX_FILES];
    int nfiles;
    int system_fallback;
    int late_seen;   /* the platform's late fonts (ui_shape_font_arrived) added so far */
    int fc_ready;    /* fontconfig initialised (1) or failed (-1) */
    /* Characters no font has, so a string that holds one does not ask fontconfig
     * again each time it is shaped. Direct-mapped; 0 marks an empty slot. */
    uint32_t missing[MISS_SLOTS];
    /* One string being shaped, shared by the shapers (text is drawn on one thread). */
    uint32_t cps[UI_SHAPE_MAX_CHARS];
    uint32_t offs[UI_SHAPE_MAX_CHARS];
    uint8_t levels[UI_SHAPE_MAX_CHARS];
    uint8_t fontof[UI_SHAPE_MAX_CHARS];
    ui_shaped_glyph out[UI_SHAPE_MAX_GLYPHS];
};

typedef struct cache_entry {
    uint64_t hash;     /* 0 marks an empty entry */
    uint32_t str, len; /* the string's bytes in cache_bytes */
    uint32_t glyph, n; /* its glyphs in cache_glyphs */
    int width, rtl;
} cache_entry;

struct ui_shaper {
    ui_fonts *fonts;
    int file, px, mono;
    FT_Face face[UI_SHAPE_MAX_FILES];    /* sized; NULL until the first need */
    hb_font_t *hb[UI_SHAPE_MAX_FILES];
    hb_buffer_t *buf;
    unsigned long misses;
    int late_seen;   /* the fonts' late fonts the cache was shaped with */
    /* The ink of the mono face's superscripts (see shape_now), measured once each: a
     * readout such as "10⁻⁴" is shaped anew as it changes, and FreeType allocates the
     * bitmap of every glyph it renders. Direct-mapped by glyph; key 0: empty. */
    struct ink { uint32_t key; int x0, w, left; } inks[32];
    /* The cache: entries found by the string's hash, their bytes and glyphs in two
     * arenas; when either fills, everything is dropped and shaped again on demand. */
    cache_entry entries[CACHE_ENTRIES];
    int used;
    uint32_t bytes_used, glyphs_used;
    char cache_bytes[CACHE_BYTES];
    ui_shaped_glyph cache_glyphs[CACHE_GLYPHS];
};

uint32_t ui_shape_next_codepoint(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t cp;
    int extra;
    if (p[0] < 0x80) { cp = p[0]; extra = 0; }
    else if ((p[0] & 0xE0) == 0xC0) { cp = p[0] & 0x1F; extra = 1; }
    else if ((p[0] & 0xF0) == 0xE0) { cp = p[0] & 0x0F; extra = 2; }
    else if ((p[0] & 0xF8) == 0xF0) { cp = p[0] & 0x07; extra = 3; }
    else { *s += 1; return 0xFFFD; }
    for (int i = 1; i <= extra; i++) {
        if ((p[i] & 0xC0) != 0x80) { *s += 1; return 0xFFFD; }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    *s += extra + 1;
    return cp > 0x10FFFF ? 0xFFFD : cp;
}

/* ---- font files ---- */

/* Map (or read) the file into f; returns 0, or -1 (f->data NULL). */
static int load_file(font_file *f)
{
#ifdef UI_SHAPE_MMAP
    int fd = open(f->path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                f->data = p;
                f->size = (size_t)st.st_size;
                f->mapped = 1;
            }
        }
        close(fd);
        if (f->data) return 0;
    }
#endif
    FILE *fp = fopen(f->path, "rb");
    if (!fp) return -1;
    if (fseek(fp, 0, SEEK_END) == 0) {
        long n = ftell(fp);
        if (n > 0 && fseek(fp, 0, SEEK_SET) == 0) {
            f->data = malloc((size_t)n);
            if (f->data && fread(f->data, 1, (size_t)n, fp) != (size_t)n) {
                free(f->data);
                f->data = NULL;
            }
            f->size = f->data ? (size_t)n : 0;
        }
    }
    fclose(fp);
    return f->data ? 0 : -1;
}

static void unload_file(font_file *f)
{
    if (f->probe) FT_Done_Face(f->probe);
#ifdef UI_SHAPE_MMAP
    if (f->mapped) munmap(f->data, f->size);
    else
#endif
        free(f->data);
    memset(f, 0, sizeof *f);
}

/* Add the font at path (face index) as file fonts->nfiles. Returns its index or -1. */
static int add_file(ui_fonts *fonts, const char *path, int index)
{
    if (fonts->nfiles >= UI_SHAPE_MAX_FILES || strlen(path) >= sizeof fonts->files[0].path) return -1;
    font_file *f = &fonts->files[fonts->nfiles];
    memset(f, 0, sizeof *f);
    snprintf(f->path, sizeof f->path, "%s", path);
    f->index = index;
    if (load_file(f) != 0 ||
        FT_New_Memory_Face(fonts->lib, f->data, (FT_Long)f->size, index, &f->probe) != 0) {
        f->probe = NULL;
        unload_file(f);
        return -1;
    }
    return fonts->nfiles++;
}

static int by_name(const void *a, const void *b) { return strcmp((const char *)a, (const char *)b); }

/* The fonts in dir/fallback/, in name order (a build's bundled fallbacks). */
static void add_bundled_fallbacks(ui_fonts *fonts, const char *dir)
{
#ifdef UI_SHAPE_MMAP
    char sub[1024];
    snprintf(sub, sizeof sub, "%s/fallback", dir);
    DIR *d = opendir(sub);
    if (!d) return;
    char names[UI_SHAPE_MAX_FILES][256];
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL && n < UI_SHAPE_MAX_FILES;) {
        size_t len = strlen(e->d_name);
        if (len < 5 || len >= sizeof names[0]) continue;
        const char *ext = e->d_name + len - 4;
        if (strcmp(ext, ".ttf") && strcmp(ext, ".otf") && strcmp(ext, ".ttc")) continue;
        snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], by_name);
    for (int i = 0; i < n; i++) {
        char path[1300];
        if (snprintf(path, sizeof path, "%s/%s", sub, names[i]) < (int)sizeof path) add_file(fonts, path, 0);
    }
#else
    (void)fonts;
    (void)dir;
#endif
}

ui_fonts *ui_fonts_open(const char *font_dir, int system_fallback, char *err, size_t errlen)
{
    static const char *const names[UI_SHAPE_PRIMARIES] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                                          "DejaVuSansMono.ttf"};
    ui_fonts *fonts = calloc(1, sizeof *fonts);
    if (!fonts) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    fonts->system_fallback = system_fallback;
    if (FT_Init_FreeType(&fonts->lib) != 0) {
        snprintf(err, errlen, "FreeType cannot start");
        free(fonts);
        return NULL;
    }
    for (int i = 0; i < UI_SHAPE_PRIMARIES; i++) {
        char path[1300];
        snprintf(path, sizeof path, "%s/%s", font_dir, names[i]);
        if (add_file(fonts, path, 0) != i) {
            snprintf(err, errlen, "cannot open font %s", path);
            ui_fonts_close(fonts);
            return NULL;
        }
    }
    add_bundled_fallbacks(fonts, font_dir);
    return fonts;
}

void ui_fonts_close(ui_fonts *fonts)
{
    if (!fonts) return;
    for (int i = 0; i < fonts->nfiles; i++) unload_file(&fonts->files[i]);
    /* No FcFini: fontconfig's configuration is the process's, and others may use it. */
    FT_Done_FreeType(fonts->lib);
    free(fonts);
}

const void *ui_fonts_data(const ui_fonts *fonts, int file, size_t *size)
{
    *size = fonts->files[file].size;
    return fonts->files[file].data;
}

const char *ui_fonts_path(const ui_fonts *fonts, int file, int *index)
{
    const int ok = file >= 0 && file < fonts->nfiles;
    if (index) *index = ok ? fonts->files[file].index : 0;
    return ok ? fonts->files[file].path : "";
}

static int has_char(const ui_fonts *fonts, int file, uint32_t cp)
{
    return FT_Get_Char_Index(fonts->files[file].probe, cp) != 0;
}

#ifdef XL_HAVE_FONTCONFIG
/* The first font fontconfig sorts for a sans-serif face holding cp, opened as a new
 * file. Returns its index, or -1. */
static int system_font_for(ui_fonts *fonts, uint32_t cp)
{
    if (fonts->fc_ready == 0) fonts->fc_ready = FcInit() ? 1 : -1;
    if (fonts->fc_ready < 0 || fonts->nfiles >= UI_SHAPE_MAX_FILES) return -1;
    FcPattern *pat = FcPatternCreate();
    FcCharSet *want = FcCharSetCreate();
    int found = -1;
    if (pat && want && FcCharSetAddChar(want, cp)) {
        FcPatternAddCharSet(pat, FC_CHARSET, want);
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"sans-serif");
        FcPatternAddBool(pat, FC_SCALABLE, FcTrue);
        FcConfigSubstitute(NULL, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res = FcResultNoMatch;
        FcFontSet *set = FcFontSort(NULL, pat, FcTrue, NULL, &res);
        for (int i = 0; set && i < set->nfont && found < 0; i++) {
            FcPattern *p = set->fonts[i];
            FcCharSet *cs = NULL;
            FcChar8 *file = NULL;
            FcBool scalable = FcFalse, color = FcFalse;
            int index = 0;
            if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch || !FcCharSetHasChar(cs, cp)) continue;
            if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch) continue;
            FcPatternGetBool(p, FC_SCALABLE, 0, &scalable);
            FcPatternGetBool(p, FC_COLOR, 0, &color);
            if (!scalable || color) continue; /* bitmap strikes and colour emoji: not in a grey atlas */
            FcPatternGetInteger(p, FC_INDEX, 0, &index);
            int dup = 0;
            for (int k = 0; k < fonts->nfiles; k++)
                dup |= strcmp(fonts->files[k].path, (const char *)file) == 0 && fonts->files[k].index == index;
            if (dup) continue;
            int added = add_file(fonts, (const char *)file, index);
            if (added >= 0 && has_char(fonts, added, cp)) found = added;
            else if (added >= 0) unload_file(&fonts->files[--fonts->nfiles]);
        }
        if (set) FcFontSetDestroy(set);
    }
    if (want) FcCharSetDestroy(want);
    if (pat) FcPatternDestroy(pat);
    return found;
}
#endif

/* Fonts the platform hands over while the program runs (the browser's CJK subset,
 * fetched when a character no font has is first met): process-wide, as the page is
 * one. Each ui_fonts adds those it has not seen yet when it next shapes. */
enum { LATE_FONTS = 4 };
static char late_paths[LATE_FONTS][256];
static int late_count;
static void (*missing_hook)(uint32_t cp);

int ui_shape_font_arrived(const char *path)
{
    if (!path || !path[0] || strlen(path) >= sizeof late_paths[0]) return -1;
    for (int i = 0; i < late_count; i++)
        if (strcmp(late_paths[i], path) == 0) return 0;
    if (late_count >= LATE_FONTS) return -1;
    snprintf(late_paths[late_count++], sizeof late_paths[0], "%s", path);
    return 0;
}

void ui_shape_on_missing(void (*hook)(uint32_t cp)) { missing_hook = hook; }

/* Open the late fonts this fonts has not seen; a character found missing before may
 * be in one, so the missing list starts again. */
static void adopt_late_fonts(ui_fonts *fonts)
{
    if (fonts->late_seen == late_count) return;
    for (; fonts->late_seen < late_count; fonts->late_seen++) add_file(fonts, late_paths[fonts->late_seen], 0);
    memset(fonts->missing, 0, sizeof fonts->missing);
}

int ui_fonts_file_for(ui_fonts *fonts, int primary, uint32_t cp)
{
    if (has_char(fonts, primary, cp)) return primary;
    for (int f = 0; f < fonts->nfiles; f++)
        if (f != primary && has_char(fonts, f, cp)) return f;
    uint32_t *miss = &fonts->missing[(cp * 2654435761u) % MISS_SLOTS];
    if (*miss == cp) return -1;
#ifdef XL_HAVE_FONTCONFIG
    if (fonts->system_fallback) {
        int f = system_font_for(fonts, cp);
        if (f >= 0) return f;
    }
#endif
    *miss = cp;
    /* Told once per character while it stays in the list (the hook's owner dedupes). */
    if (missing_hook && !ui_fonts_is_invisible(cp)) missing_hook(cp);
    return -1;
}

int ui_fonts_is_invisible(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 1;
    if (cp == 0xAD || cp == 0x034F || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF)
        return 1;
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF); /* variation selectors */
}

/* ---- shapers ---- */

ui_shaper *ui_shaper_open(ui_fonts *fonts, int file, int px, int mono)
{
    ui_shaper *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->fonts = fonts;
    s->file = file;
    s->px = px;
    s->mono = mono;
    s->buf = hb_buffer_create();
    if (!hb_buffer_allocation_successful(s->buf)) {
        ui_shaper_close(s);
        return NULL;
    }
    return s;
}

void ui_shaper_close(ui_shaper *s)
{
    if (!s) return;
    for (int i = 0; i < UI_SHAPE_MAX_FILES; i++) {
        if (s->hb[i]) hb_font_destroy(s->hb[i]);
        if (s->face[i]) FT_Done_Face(s->face[i]);
    }
    hb_buffer_destroy(s->buf);
    free(s);
}

unsigned long ui_shaper_misses(const ui_shaper *s) { return s->misses; }

/* Font file i sized for this shaper, made on first need. 0, or -1. */
static int ensure_face(ui_shaper *s, int i)
{
    if (s->hb[i]) return 0;
    const font_file *f = &s->fonts->files[i];
    if (FT_New_Memory_Face(s->fonts->lib, f->data, (FT_Long)f->size, f->index, &s->face[i]) != 0) {
        s->face[i] = NULL;
        return -1;
    }
    if (FT_Set_Pixel_Sizes(s->face[i], 0, (FT_UInt)s->px) != 0) {
        FT_Done_Face(s->face[i]);
        s->face[i] = NULL;
        return -1;
    }
    s->hb[i] = hb_ft_font_create_referenced(s->face[i]);
    /* HarfBuzz asks FreeType for the advances hinted as the glyphs are drawn. */
    hb_ft_font_set_load_flags(s->hb[i], LOAD_FLAGS);
    return 0;
}

int ui_shaper_render(ui_shaper *s, int font, uint32_t gid, ui_glyph_image *img)
{
    if (font < 0 || font >= s->fonts->nfiles || ensure_face(s, font) != 0) return -1;
    FT_Face face = s->face[font];
    if (FT_Load_Glyph(face, gid, LOAD_FLAGS) != 0 || FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) != 0)
        return -1;
    const FT_Bitmap *bm = &face->glyph->bitmap;
    if (bm->pixel_mode != FT_PIXEL_MODE_GRAY && bm->rows > 0) return -1;
    img->coverage = bm->buffer;
    img->w = (int)bm->width;
    img->h = (int)bm->rows;
    img->pitch = bm->pitch;
    img->left = face->glyph->bitmap_left;
    img->top = face->glyph->bitmap_top;
    return 0;
}

/* The superscript digits and signs: ⁰ ¹ ² ³ ⁴ … ⁹ ⁺ ⁻. */
static int is_superscript(uint32_t cp)
{
    return cp == 0x00B9 || cp == 0x00B2 || cp == 0x00B3 || cp == 0x2070 || (cp >= 0x2074 && cp <= 0x207B);
}

static int measure_ink(ui_shaper *s, int font, uint32_t gid, int *x0, int *left);

/* The columns of glyph gid that have ink: *x0 the first from the bitmap's left, the
 * width returned (1 for a blank glyph), *left the bitmap's own offset. */
static int ink_columns(ui_shaper *s, int font, uint32_t gid, int *x0, int *left)
{
    const uint32_t key = ((uint32_t)font << 24 | (gid & 0xFFFFFFu)) + 1u;
    struct ink *c = &s->inks[gid % (sizeof s->inks / sizeof s->inks[0])];
    if (c->key != key) {
        c->key = key;
        c->w = measure_ink(s, font, gid, &c->x0, &c->left);
    }
    *x0 = c->x0;
    *left = c->left;
    return c->w;
}

static int measure_ink(ui_shaper *s, int font, uint32_t gid, int *x0, int *left)
{
    ui_glyph_image img;
    *x0 = 0;
    *left = 0;
    if (ui_shaper_render(s, font, gid, &img) != 0) return 1;
    int first = img.w, last = -1;
    for (int y = 0; y < img.h; y++)
        for (int x = 0; x < img.w; x++)
            if (img.coverage[(size_t)y * (size_t)img.pitch + (size_t)x]) {
                if (x < first) first = x;
                if (x > last) last = x;
            }
    *left = img.left;
    if (last < 0) return 1;
    *x0 = first;
    return last - first + 1;
}

static int is_mark_or_joiner(uint32_t cp)
{
    hb_unicode_general_category_t gc = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK || ui_fonts_is_invisible(cp);
}

static int real_script(hb_script_t sc)
{
    return sc != HB_SCRIPT_COMMON && sc != HB_SCRIPT_INHERITED && sc != HB_SCRIPT_UNKNOWN;
}

/* Shape s->fonts->cps[0..n) into s->fonts->out; returns the glyph count, the width in *width. */
static int shape_now(ui_shaper *s, int n, int dir, int *width, int *rtl)
{
    hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
    for (int i = 0; i < n; i++) {
        int f = i > 0 && is_mark_or_joiner(s->fonts->cps[i]) ? s->fonts->fontof[i - 1]
                                                       : ui_fonts_file_for(s->fonts, s->file, s->fonts->cps[i]);
        s->fonts->fontof[i] = (uint8_t)(f < 0 || ensure_face(s, f) != 0 ? s->file : f);
    }
    if (ensure_face(s, s->file) != 0) return 0;
    *rtl = 0;
    if (dir != UI_BIDI_RTL && ui_bidi_all_ltr(s->fonts->cps, n)) memset(s->fonts->levels, 0, (size_t)n);
    else *rtl = ui_bidi_levels(s->fonts->cps, n, (ui_bidi_dir)dir, s->fonts->levels);
    /* Runs of one font, level and script (common characters join the run they are in). */
    int start[UI_BIDI_MAX_RUNS], len[UI_BIDI_MAX_RUNS], order[UI_BIDI_MAX_RUNS];
    uint8_t level[UI_BIDI_MAX_RUNS];
    hb_script_t script[UI_BIDI_MAX_RUNS];
    int nruns = 0;
    for (int i = 0; i < n; i++) {
        hb_script_t sc = hb_unicode_script(uf, s->fonts->cps[i]);
        if (nruns > 0) {
            int r = nruns - 1, last = start[r] + len[r] - 1;
            int same = s->fonts->levels[i] == level[r] && s->fonts->fontof[i] == s->fonts->fontof[last] &&
                       (!real_script(sc) || !real_script(script[r]) || sc == script[r]);
            if (same || nruns == UI_BIDI_MAX_RUNS) {
                len[r]++;
                if (!real_script(script[r]) && real_script(sc)) script[r] = sc;
                continue;
            }
        }
        start[nruns] = i;
        len[nruns] = 1;
        level[nruns] = s->fonts->levels[i];
        script[nruns] = sc;
        nruns++;
    }
    ui_bidi_order_runs(level, nruns, order);
    /* The pen moves in whole pixels, each advance rounded (the glyphs are hinted to the
     * pixel grid, and a string measures the sum of its glyphs' widths wherever it is). */
    int pen = 0;
    int count = 0;
    for (int k = 0; k < nruns; k++) {
        int r = order[k];
        int font = s->fonts->fontof[start[r]];
        hb_buffer_clear_contents(s->buf);
        hb_buffer_add_codepoints(s->buf, s->fonts->cps, n, (unsigned)start[r], len[r]);
        hb_buffer_set_direction(s->buf, (level[r] & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_set_script(s->buf, real_script(script[r]) ? script[r] : HB_SCRIPT_LATIN);
        hb_buffer_set_language(s->buf, hb_language_get_default());
        hb_shape(s->hb[font], s->buf, NULL, 0);
        unsigned gn = 0;
        const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(s->buf, &gn);
        const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(s->buf, NULL);
        for (unsigned g = 0; g < gn && count < UI_SHAPE_MAX_GLYPHS; g++) {
            ui_shaped_glyph *o = &s->fonts->out[count++];
            uint32_t c = info[g].cluster < (unsigned)n ? info[g].cluster : 0;
            const int before = pen;
            o->gid = info[g].codepoint;
            o->font = (uint16_t)font;
            o->cluster = s->fonts->offs[c];
            o->y = (int16_t)(-((pos[g].y_offset + 32) >> 6));
            if (s->mono && is_superscript(s->fonts->cps[c])) {
                /* A mono face gives a superscript the full cell of a digit, though its
                 * ink is half as wide, so an exponent read "10⁻ ¹ ²". An exponent is
                 * not a column of digits that must not jump: its glyphs get their ink's
                 * width and a bearing of a twentieth of the size each side, as a
                 * proportional face sets them. */
                int x0 = 0, left = 0, w = ink_columns(s, font, o->gid, &x0, &left);
                int bearing = s->px / 20 > 0 ? s->px / 20 : 1;
                o->x = before + bearing - left - x0;
                pen = before + w + 2 * bearing;
            } else {
                o->x = pen + ((pos[g].x_offset + 32) >> 6);
                pen += (pos[g].x_advance + 32) >> 6;
            }
            o->adv = pen - before;
        }
    }
    *width = pen;
    return count;
}

static uint64_t hash_bytes(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211u;
    return h ? h : 1;
}

ui_shaped ui_shaper_shape(ui_shaper *s, const char *utf8, size_t len, int dir)
{
    ui_shaped r = {s->fonts->out, 0, 0, 0};
    adopt_late_fonts(s->fonts);
    if (s->late_seen != s->fonts->late_seen) {
        /* A late font came: a string shaped before may have drawn a box where it has
         * the glyph. (A font fontconfig finds is opened on the first need of one of its
         * characters, so no string shaped before needed it.) */
        memset(s->entries, 0, sizeof s->entries);
        s->used = 0;
        s->bytes_used = s->glyphs_used = 0;
        s->late_seen = s->fonts->late_seen;
    }
    uint64_t h = hash_bytes(utf8, len) ^ (uint64_t)dir << 62; /* the same bytes in another direction */
    if (h == 0) h = 1;
    unsigned slot = (unsigned)(h % CACHE_ENTRIES);
    for (int probe = 0; probe < CACHE_ENTRIES; probe++) {
        cache_entry *e = &s->entries[(slot + (unsigned)probe) % CACHE_ENTRIES];
        if (e->hash == 0) break;
        if (e->hash == h && e->len == len && memcmp(s->cache_bytes + e->str, utf8, len) == 0) {
            r.glyphs = s->cache_glyphs + e->glyph;
            r.n = (int)e->n;
            r.width = e->width;
            r.rtl = e->rtl;
            return r;
        }
    }
    s->misses++;
    int n = 0;
    const char *p = utf8, *end = utf8 + len;
    while (p < end && n < UI_SHAPE_MAX_CHARS) {
        s->fonts->offs[n] = (uint32_t)(p - utf8);
        uint32_t cp = ui_shape_next_codepoint(&p);
        s->fonts->cps[n++] = cp < 0x20 ? ' ' : cp;
    }
    r.n = shape_now(s, n, dir, &r.width, &r.rtl);
    /* Keep it, when it fits; a full cache starts again. */
    if (len > CACHE_BYTES / 4 || r.n > CACHE_GLYPHS / 4) return r;
    if (s->used >= CACHE_ENTRIES * 3 / 4 || s->bytes_used + len > CACHE_BYTES ||
        s->glyphs_used + (uint32_t)r.n > CACHE_GLYPHS) {
        memset(s->entries, 0, sizeof s->entries);
        s->used = 0;
        s->bytes_used = s->glyphs_used = 0;
    }
    cache_entry *e = &s->entries[slot];
    while (e->hash != 0) e = &s->entries[(unsigned)(e - s->entries + 1) % CACHE_ENTRIES];
    *e = (cache_entry){h, s->bytes_used, (uint32_t)len, s->glyphs_used, (uint32_t)r.n, r.width, r.rtl};
    memcpy(s->cache_bytes + s->bytes_used, utf8, len);
    memcpy(s->cache_glyphs + s->glyphs_used, s->fonts->out, (size_t)r.n * sizeof *s->fonts->out);
    s->bytes_used += (uint32_t)len;
    s->glyphs_used += (uint32_t)r.n;
    s->used++;
    r.glyphs = s->cache_glyphs + e->glyph;
    return r;
}
