/* ui_text: per-role glyph atlases (see ui_text.h).
 *
 * A glyph's atlas cell is the inked part of what SDL_ttf renders for that one
 * character as a line of text (full line height, starting at the pen shifted left by
 * any negative left bearing); the cell's offset in that rendering is kept, so the
 * glyph lands exactly where SDL_ttf would place it in a whole string. Atlases are packed in
 * rows; when one fills up (a long session with many distinct glyphs), it is cleared
 * and refilled on demand.
 *
 * Each colour a role is drawn in gets its own copy of the atlas, its glyphs stored in
 * that colour. Modulating one white atlas instead would make SDL's software renderer
 * rebuild its blit mapping at every colour change, which allocates, and use its
 * slowest blitter; per-colour copies keep steady frames free of allocation and fast.
 * A CPU copy of the glyphs' coverage colours a new copy without rasterizing again.
 */
#include "ui_text.h"

#include <SDL_ttf.h>
#include <limits.h>
#include <math.h>
#if defined(__unix__) || defined(__APPLE__)
#define UI_TEXT_MMAP 1
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { GLYPH_SLOTS = 512, PAD = 1, MAX_COLORS = 8, MAX_SIDE = 4096, KERN_SLOTS = 2048,
       SCRATCH_PIXELS = 160 * 200 };

typedef struct glyph {
    Uint32 cp;       /* 0 marks an empty slot */
    SDL_Rect src;    /* inked part of the cell, in the atlas */
    int dx, dy;      /* where src goes relative to the pen and the line's top */
    int advance;
} glyph;

typedef struct face {
    SDL_Renderer *renderer;
    TTF_Font *font;
    int px;
    SDL_Texture *atlas[MAX_COLORS];  /* the same glyphs, one copy per colour */
    SDL_Color color[MAX_COLORS];
    int colors;
    int atlas_side;
    int pen_x, pen_y, row_h;  /* row packer */
    int count;
    int primed;      /* the glyphs of numbers are in the atlas (ui_text_prime) */
    int mono;        /* DejaVu Sans Mono: superscripts get their own width (add_glyph) */
    glyph slots[GLYPH_SLOTS];
    Uint8 *coverage;             /* atlas_side^2 glyph alpha, to colour new copies */
    Uint32 *scratch;             /* the ui_text's: one glyph being coloured for upload */
    /* Kerning of glyph pairs, asked of FreeType once per pair: measuring labels to fit
     * them asks for the same pairs every frame, and FreeType's lookup was a sixth of a
     * frame's time. Direct-mapped; a pair of 0s marks an empty entry. */
    struct kern { Uint32 prev, cp; int kern; } kerns[KERN_SLOTS];
} face;

/* Axis titles and, when names are turned upright, up to 32 class names. */
enum { UPRIGHT_SLOTS = 48 };

typedef struct upright {
    SDL_Texture *texture;    /* NULL marks an empty slot */
    int w, h, px;
    ui_font font;
    char text[64];
} upright;

struct ui_text {
    SDL_Renderer *renderer;
    char paths[3][1024];      /* regular, bold, mono */
    /* Each file read once and kept (owned): FreeType reads a face from memory
     * without the seek and read per glyph that made loading glyphs from files slow. */
    void *font_data[3];
    size_t font_size[3];
    int font_mapped[3];       /* 1: font_data is an mmap of the file, else SDL_LoadFile's */
    face faces[UI_FONT_COUNT];
    Uint32 scratch[SCRATCH_PIXELS];  /* shared by the faces: glyphs are added one at a time */
    upright uprights[UPRIGHT_SLOTS];
    int next_upright;
    ui_text_recorder *recorder;  /* borrowed; NULL when not recording */
    ui_text_recorder *cuts;      /* borrowed; NULL when not recording the cuts */
    SDL_Rect region;
    int layer;
};

void ui_text_set_recorder(ui_text *t, ui_text_recorder *rec) { t->recorder = rec; }
void ui_text_set_cut_recorder(ui_text *t, ui_text_recorder *cuts) { t->cuts = cuts; }

void ui_text_set_region(ui_text *t, SDL_Rect region, int layer)
{
    t->region = region;
    t->layer = layer;
}

static void record_box(ui_text *t, ui_font f, SDL_Rect ink, const char *utf8)
{
    ui_text_recorder *rec = t->recorder;
    if (!rec || ink.w <= 0 || ink.h <= 0) return;
    if (rec->count < rec->cap) {
        ui_text_box *b = &rec->boxes[rec->count];
        b->ink = ink;
        b->region = t->region;
        b->layer = t->layer;
        b->font = f;
        b->px = t->faces[f].px;
        snprintf(b->text, sizeof b->text, "%s", utf8);
    }
    rec->count++;
}

typedef struct role { int file; float px; int live_numbers; } role;
static const role roles[UI_FONT_COUNT] = {
    [UI_FONT_STATUS] = {0, 16.0f, 1}, [UI_FONT_TITLE] = {1, 15.0f, 1},
    [UI_FONT_LABEL] = {0, 14.0f, 1},  [UI_FONT_TICK] = {0, 12.0f, 1},
    [UI_FONT_VALUE] = {2, 13.0f, 1},  [UI_FONT_READOUT] = {2, 22.0f, 1},
    [UI_FONT_HELP] = {0, 17.0f, 0},   [UI_FONT_HEADING] = {1, 22.0f, 0},
    [UI_FONT_NARRATION] = {0, 22.5f, 0}, [UI_FONT_NARRATION_BOLD] = {1, 22.5f, 1},
};
static const char *const font_files[3] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                          "DejaVuSansMono.ttf"};

/* Decode one UTF-8 sequence; malformed bytes come out as U+FFFD, one byte each. */
static Uint32 next_codepoint(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    Uint32 cp;
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
    return cp;
}

static int kerning(face *f, Uint32 prev, Uint32 cp)
{
    struct kern *k = &f->kerns[(prev * 2654435761u ^ cp * 40503u) % KERN_SLOTS];
    if (k->prev != prev || k->cp != cp) {
        k->prev = prev;
        k->cp = cp;
        k->kern = TTF_GetFontKerningSizeGlyphs32(f->font, prev, cp);
    }
    return k->kern;
}

static void clear_atlas(face *f)
{
    memset(f->slots, 0, sizeof f->slots);
    f->count = 0;
    f->pen_x = f->pen_y = f->row_h = 0;
}

/* Release what the face holds and mark it closed. Its tables are not cleared here (a
 * face is tens of kilobytes, mostly never touched): open_face clears what it uses. */
static void close_face(face *f)
{
    for (int i = 0; i < f->colors; i++) SDL_DestroyTexture(f->atlas[i]);
    free(f->coverage);
    if (f->font) TTF_CloseFont(f->font);
    f->font = NULL;
    f->coverage = NULL;
    f->colors = 0;
    f->px = 0;
    f->atlas_side = 0;
    f->primed = 0;
}

static int open_face(ui_text *t, ui_font which, int px)
{
    face *f = &t->faces[which];
    close_face(f);
    int file = roles[which].file;
    SDL_RWops *rw = SDL_RWFromConstMem(t->font_data[file], (int)t->font_size[file]);
    f->font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!f->font) return -1;
    TTF_SetFontHinting(f->font, TTF_HINTING_LIGHT);
    f->px = px;
    f->mono = file == 2;
    f->renderer = t->renderer;
    f->scratch = t->scratch;
    memset(f->kerns, 0, sizeof f->kerns); /* pairs measured at another size */
    /* Start with room for a couple of rows and grow as glyphs arrive: the roles use
     * from a dozen (readout digits) to about a hundred distinct characters. */
    int line = TTF_FontHeight(f->font) + PAD;
    int side = 64;
    while (side < 2 * line && side < MAX_SIDE) side *= 2;
    f->atlas_side = side;
    f->coverage = calloc((size_t)side * (size_t)side, 1);
    if (!f->coverage) return -1;
    clear_atlas(f);
    return 0;
}

/* Map font file i (only the pages FreeType touches are ever read), or read it whole
 * where mapping is not available. font_data[i] stays NULL on failure. */
static void load_font_file(ui_text *t, int i)
{
#ifdef UI_TEXT_MMAP
    int fd = open(t->paths[i], O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                t->font_data[i] = p;
                t->font_size[i] = (size_t)st.st_size;
                t->font_mapped[i] = 1;
            }
        }
        close(fd);
        if (t->font_data[i]) return;
    }
#endif
    t->font_data[i] = SDL_LoadFile(t->paths[i], &t->font_size[i]);
}

ui_text *ui_text_create(SDL_Renderer *renderer, const char *font_dir, char *err, size_t errlen)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    ui_text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->renderer = renderer;
    for (int i = 0; i < 3; i++) {
        snprintf(t->paths[i], sizeof t->paths[i], "%s/%s", font_dir, font_files[i]);
        load_font_file(t, i);
        SDL_RWops *rw = t->font_data[i] && t->font_size[i] <= (size_t)INT_MAX
            ? SDL_RWFromConstMem(t->font_data[i], (int)t->font_size[i]) : NULL;
        TTF_Font *probe = rw ? TTF_OpenFontRW(rw, 1, 12) : NULL;
        if (!probe) {
            snprintf(err, errlen, "cannot open font %s: %s", t->paths[i],
                     t->font_data[i] ? TTF_GetError() : SDL_GetError());
            ui_text_destroy(t);
            return NULL;
        }
        TTF_CloseFont(probe);
    }
    return t; /* faces open at the first ui_text_set_scale */
}

void ui_text_destroy(ui_text *t)
{
    if (!t) return;
    for (int i = 0; i < UI_FONT_COUNT; i++) close_face(&t->faces[i]);
    for (int i = 0; i < UPRIGHT_SLOTS; i++)
        if (t->uprights[i].texture) SDL_DestroyTexture(t->uprights[i].texture);
    for (int i = 0; i < 3; i++) {
#ifdef UI_TEXT_MMAP
        if (t->font_mapped[i]) {
            munmap(t->font_data[i], t->font_size[i]);
            continue;
        }
#endif
        SDL_free(t->font_data[i]);
    }
    free(t);
}

int ui_text_set_scale(ui_text *t, float scale)
{
    return ui_text_set_scale_floor(t, scale, NULL);
}

int ui_text_px(const ui_text *t, ui_font f)
{
    return t->faces[f].font ? t->faces[f].px : 0;
}

int ui_text_set_scale_floor(ui_text *t, float scale, const float floor_px[])
{
    for (int i = 0; i < UI_FONT_COUNT; i++) {
        float want = roles[i].px * scale;
        if (floor_px && want < floor_px[i]) want = floor_px[i];
        /* Up to the floor, never below it by rounding. */
        int px = floor_px && want <= floor_px[i] ? (int)ceilf(want - 0.01f) : (int)(want + 0.5f);
        if (px < 9) px = 9;
        if (t->faces[i].font && t->faces[i].px == px) continue;
        if (open_face(t, (ui_font)i, px) != 0) return -1;
    }
    return 0;
}

void ui_text_prime(ui_text *t)
{
    /* Every glyph a number can use, in the roles that show live numbers: a value that
     * turns scientific mid-run (a KL falling below 10⁻⁴) must not make a steady frame
     * allocate. Prose roles (help sheet, narration) change only with the page. */
    for (int i = 0; i < UI_FONT_COUNT; i++) {
        face *f = &t->faces[i];
        if (!f->font || f->primed || !roles[i].live_numbers) continue;
        ui_text_width(t, (ui_font)i, "0123456789.,−-+×⁰¹²³⁴⁵⁶⁷⁸⁹⁻∞<≈ ");
        f->primed = 1;
    }
}

/* Upload the glyphs drawn so far into copy i, in its colour. */
static void fill_copy(face *f, int i)
{
    int rows = f->pen_y + f->row_h;
    if (rows > f->atlas_side) rows = f->atlas_side;
    if (rows <= 0) return;
    size_t n = (size_t)rows * (size_t)f->atlas_side;
    Uint32 *px = malloc(n * sizeof *px); /* only while the first frames are drawn */
    if (!px) return;
    SDL_Color c = f->color[i];
    Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
    for (size_t k = 0; k < n; k++) px[k] = (((Uint32)f->coverage[k] * c.a + 127) / 255) << 24 | rgb;
    SDL_Rect all = {0, 0, f->atlas_side, rows};
    SDL_UpdateTexture(f->atlas[i], &all, px, f->atlas_side * 4);
    free(px);
}

/* Double the atlas, every glyph staying where it is. Returns 0, or -1 at the size
 * limit or without memory (the atlas is then unchanged). */
static int grow_atlas(face *f)
{
    int side = f->atlas_side * 2;
    if (side > MAX_SIDE) return -1;
    Uint8 *coverage = calloc((size_t)side * (size_t)side, 1);
    if (!coverage) return -1;
    SDL_Texture *copies[MAX_COLORS] = {0};
    for (int i = 0; i < f->colors; i++) {
        copies[i] = SDL_CreateTexture(f->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, side, side);
        if (!copies[i]) {
            while (i-- > 0) SDL_DestroyTexture(copies[i]);
            free(coverage);
            return -1;
        }
        SDL_SetTextureBlendMode(copies[i], SDL_BLENDMODE_BLEND);
    }
    for (int y = 0; y < f->atlas_side; y++)
        memcpy(coverage + (size_t)y * side, f->coverage + (size_t)y * f->atlas_side, (size_t)f->atlas_side);
    free(f->coverage);
    f->coverage = coverage;
    f->atlas_side = side;
    for (int i = 0; i < f->colors; i++) {
        SDL_DestroyTexture(f->atlas[i]);
        f->atlas[i] = copies[i];
        fill_copy(f, i);
    }
    return 0;
}

/* The atlas copy for `color`, made on first use. Returns NULL if none can be made. */
static SDL_Texture *atlas_for(ui_text *t, face *f, SDL_Color color)
{
    for (int i = 0; i < f->colors; i++)
        if (f->color[i].r == color.r && f->color[i].g == color.g && f->color[i].b == color.b &&
            f->color[i].a == color.a)
            return f->atlas[i];
    if (f->colors == MAX_COLORS) {
        /* Rare: the last copy changes colour. */
        f->color[MAX_COLORS - 1] = color;
        fill_copy(f, MAX_COLORS - 1);
        return f->atlas[MAX_COLORS - 1];
    }
    SDL_Texture *tex = SDL_CreateTexture(t->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                                         f->atlas_side, f->atlas_side);
    if (!tex) return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    f->atlas[f->colors] = tex;
    f->color[f->colors] = color;
    f->colors++;
    fill_copy(f, f->colors - 1);
    return tex;
}

/* The superscript digits and signs: ⁰ ¹ ² ³ ⁴ … ⁹ ⁺ ⁻. */
static int is_superscript(Uint32 cp)
{
    return cp == 0x00B9 || cp == 0x00B2 || cp == 0x00B3 || cp == 0x2070 || (cp >= 0x2074 && cp <= 0x207B);
}

/* Rasterize cp into the atlas. Returns NULL only if SDL_ttf cannot render it. */
static const glyph *add_glyph(face *f, Uint32 cp, glyph *slot)
{
    static const SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *rendered = TTF_RenderGlyph32_Blended(f->font, cp, white);
    if (!rendered) return NULL;
    SDL_Surface *s = rendered->format->format == SDL_PIXELFORMAT_ARGB8888
        ? rendered : SDL_ConvertSurfaceFormat(rendered, SDL_PIXELFORMAT_ARGB8888, 0);
    if (s != rendered) SDL_FreeSurface(rendered);
    if (!s) return NULL;
    /* Trim the cell to the rows and columns that have ink: fewer pixels to blend. */
    int x0 = s->w, x1 = -1, y0 = s->h, y1 = -1;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch);
        for (int x = 0; x < s->w; x++) {
            if (row[x] >> 24) {
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
            }
        }
    }
    if (x1 < 0) x0 = x1 = y0 = y1 = 0; /* a blank glyph: keep one transparent pixel */
    int w = x1 - x0 + 1, h = y1 - y0 + 1;
    if (w * h > SCRATCH_PIXELS) {
        SDL_FreeSurface(s);
        return NULL;
    }
    for (;;) {
        if (f->pen_x + w + PAD > f->atlas_side) {
            f->pen_x = 0;
            f->pen_y += f->row_h + PAD;
            f->row_h = 0;
        }
        if (f->pen_y + h <= f->atlas_side && w <= f->atlas_side) break;
        if (grow_atlas(f) != 0) {
            SDL_FreeSurface(s);
            return NULL; /* caller clears the atlas and retries */
        }
    }
    int minx = 0, advance = 0;
    TTF_GlyphMetrics32(f->font, cp, &minx, NULL, NULL, NULL, &advance);
    slot->cp = cp;
    slot->src = (SDL_Rect){f->pen_x, f->pen_y, w, h};
    slot->dx = (minx < 0 ? minx : 0) + x0;
    slot->dy = y0;
    slot->advance = advance;
    if (f->mono && is_superscript(cp)) {
        /* A mono face gives a superscript the full cell of a digit, though its ink is
         * half as wide, so an exponent read "10⁻ ¹ ²". An exponent is not a column of
         * digits that must not jump: its glyphs get their ink's width and a bearing of
         * a twentieth of the size each side, as a proportional face sets them. */
        int bearing = f->px / 20 > 0 ? f->px / 20 : 1;
        slot->dx = bearing;
        slot->advance = w + 2 * bearing;
    }
    for (int y = 0; y < h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)(y0 + y) * s->pitch) + x0;
        Uint8 *cov = f->coverage + (size_t)(f->pen_y + y) * f->atlas_side + f->pen_x;
        for (int x = 0; x < w; x++) cov[x] = (Uint8)(row[x] >> 24);
    }
    /* Each colour's copy holds the glyph in that colour, coverage in alpha, so it is
     * blended without modulation (SDL's fastest per-pixel-alpha blit). */
    for (int i = 0; i < f->colors; i++) {
        SDL_Color c = f->color[i];
        Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
        for (int y = 0; y < h; y++) {
            const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)(y0 + y) * s->pitch) + x0;
            for (int x = 0; x < w; x++) {
                Uint32 alpha = ((row[x] >> 24) * c.a + 127) / 255;
                f->scratch[y * w + x] = (alpha << 24) | rgb;
            }
        }
        SDL_UpdateTexture(f->atlas[i], &slot->src, f->scratch, w * 4);
    }
    SDL_FreeSurface(s);
    f->pen_x += w + PAD;
    if (h > f->row_h) f->row_h = h;
    f->count++;
    return slot;
}

/* The glyph for cp, from the atlas. FreeType is asked only on a miss: whether the face
 * has cp (if not, the slot for cp gets a copy of '?'), then its rendering. A steady
 * frame therefore never calls into FreeType. */
static const glyph *find_glyph(face *f, Uint32 cp)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        unsigned h = (unsigned)(cp * 2654435761u) % GLYPH_SLOTS;
        for (int probe = 0; probe < GLYPH_SLOTS; probe++) {
            glyph *g = &f->slots[(h + probe) % GLYPH_SLOTS];
            if (g->cp == cp) return g;
            if (g->cp == 0) {
                if (f->count < GLYPH_SLOTS * 3 / 4) {
                    if (!TTF_GlyphIsProvided32(f->font, cp)) {
                        if (cp == '?') return NULL;
                        const glyph *q = find_glyph(f, '?');
                        /* Finding '?' may have taken this very slot. */
                        if (!q || g->cp != 0) return q;
                        *g = *q;
                        g->cp = cp;
                        f->count++;
                        return g;
                    }
                    const glyph *made = add_glyph(f, cp, g);
                    if (made) return made;
                }
                break;
            }
        }
        clear_atlas(f);
    }
    return NULL;
}

int ui_text_line_height(const ui_text *t, ui_font f) { return TTF_FontHeight(t->faces[f].font); }
int ui_text_ascent(const ui_text *t, ui_font f) { return TTF_FontAscent(t->faces[f].font); }

int ui_text_width(ui_text *t, ui_font which, const char *utf8)
{
    face *f = &t->faces[which];
    int w = 0;
    Uint32 prev = 0;
    while (*utf8) {
        Uint32 cp = next_codepoint(&utf8);
        const glyph *g = find_glyph(f, cp);
        if (!g) continue;
        if (prev) w += kerning(f, prev, g->cp);
        w += g->advance;
        prev = g->cp;
    }
    return w;
}

int ui_text_draw(ui_text *t, ui_font which, int x, int y, ui_align align, SDL_Color color,
                 const char *utf8)
{
    face *f = &t->faces[which];
    /* Left-aligned text needs no measuring first: its width is where the pen ends. */
    int w = align == UI_ALIGN_LEFT ? 0 : ui_text_width(t, which, utf8);
    if (align == UI_ALIGN_CENTER) x -= w / 2;
    else if (align == UI_ALIGN_RIGHT) x -= w;
    SDL_Texture *atlas = atlas_for(t, f, color);
    if (!atlas) return align == UI_ALIGN_LEFT ? ui_text_width(t, which, utf8) : w;
    int pen = x;
    Uint32 prev = 0;
    const char *start = utf8;
    SDL_Rect ink = {0, 0, 0, 0};
    while (*utf8) {
        Uint32 cp = next_codepoint(&utf8);
        const int glyphs = f->count;
        const glyph *g = find_glyph(f, cp);
        if (!g) continue;
        /* A glyph added just now may have grown or cleared the atlas, which replaces its
         * textures: ask for this colour's copy again. */
        if (f->count != glyphs) atlas = atlas_for(t, f, color);
        if (!atlas) break;
        if (prev) pen += kerning(f, prev, g->cp);
        if (cp != ' ') {
            SDL_Rect dst = {pen + g->dx, y + g->dy, g->src.w, g->src.h};
            SDL_RenderCopy(t->renderer, atlas, &g->src, &dst);
            if (t->recorder && dst.w > 1 && dst.h > 1) {
                if (ink.w == 0) ink = dst;
                else SDL_UnionRect(&ink, &dst, &ink);
            }
        }
        pen += g->advance;
        prev = g->cp;
    }
    record_box(t, which, ink, start);
    return align == UI_ALIGN_LEFT ? pen - x : w;
}

/* A string ui_text_fit cut, for the recorder's tests (nothing when none is set). */
static void record_cut(ui_text *t, const char *utf8)
{
    ui_text_recorder *rec = t->cuts;
    if (!rec) return;
    if (rec->count >= 0 && rec->count < rec->cap) {
        ui_text_box *b = &rec->boxes[rec->count];
        b->ink = (SDL_Rect){0, 0, 0, 0};
        b->region = t->region;
        b->layer = t->layer;
        b->font = UI_FONT_COUNT;
        b->px = 0;
        snprintf(b->text, sizeof b->text, "%s", utf8);
    }
    rec->count++;
}

char *ui_text_fit(ui_text *t, ui_font f, const char *utf8, int max_w, char *out, size_t n)
{
    snprintf(out, n, "%s", utf8);
    if (ui_text_width(t, f, out) <= max_w) return out;
    record_cut(t, utf8);
    /* Drop whole code points from the end until the rest plus "…" fits. */
    size_t len = strlen(out);
    while (len > 0) {
        do len--; while (len > 0 && ((unsigned char)out[len] & 0xC0) == 0x80);
        if (len + 4 > n) continue;
        memcpy(out + len, "…", 4); /* U+2026 and the terminator */
        if (ui_text_width(t, f, out) <= max_w) return out;
    }
    out[0] = '\0';
    return out;
}

/* Vertical strings (axis titles) are few and static: each is rendered once, turned
 * a quarter left pixel by pixel and kept as its own texture, because the renderer's
 * rotated copies allocate on every call. */
int ui_text_draw_up(ui_text *t, ui_font which, int x, int y, SDL_Color color, const char *utf8)
{
    face *f = &t->faces[which];
    upright *u = NULL;
    for (int i = 0; i < UPRIGHT_SLOTS; i++) {
        upright *c = &t->uprights[i];
        if (c->texture && c->px == f->px && c->font == which && strcmp(c->text, utf8) == 0) {
            u = c;
            break;
        }
    }
    if (!u) {
        static const SDL_Color white = {255, 255, 255, 255};
        SDL_Surface *flat = TTF_RenderUTF8_Blended(f->font, utf8, white);
        if (!flat) return 0;
        SDL_Surface *src = SDL_ConvertSurfaceFormat(flat, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_FreeSurface(flat);
        if (!src) return 0;
        SDL_Surface *up = SDL_CreateRGBSurfaceWithFormat(0, src->h, src->w, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!up) {
            SDL_FreeSurface(src);
            return 0;
        }
        /* (x, y) in the flat text lands at (y, w - 1 - x) once turned a quarter left. */
        for (int yy = 0; yy < src->h; yy++) {
            const Uint32 *row = (const Uint32 *)((const Uint8 *)src->pixels + (size_t)yy * src->pitch);
            for (int xx = 0; xx < src->w; xx++) {
                Uint32 *dst = (Uint32 *)((Uint8 *)up->pixels + (size_t)(src->w - 1 - xx) * up->pitch);
                dst[yy] = row[xx];
            }
        }
        u = &t->uprights[t->next_upright];
        t->next_upright = (t->next_upright + 1) % UPRIGHT_SLOTS;
        if (u->texture) SDL_DestroyTexture(u->texture);
        u->texture = SDL_CreateTextureFromSurface(t->renderer, up);
        u->w = up->w;
        u->h = up->h;
        u->px = f->px;
        u->font = which;
        snprintf(u->text, sizeof u->text, "%s", utf8);
        SDL_FreeSurface(up);
        SDL_FreeSurface(src);
        if (!u->texture) return 0;
        SDL_SetTextureBlendMode(u->texture, SDL_BLENDMODE_BLEND);
    }
    SDL_SetTextureColorMod(u->texture, color.r, color.g, color.b);
    SDL_SetTextureAlphaMod(u->texture, color.a);
    SDL_Rect dst = {x, y - u->h / 2, u->w, u->h};
    SDL_RenderCopy(t->renderer, u->texture, NULL, &dst);
    record_box(t, which, dst, utf8);
    return u->h;
}
