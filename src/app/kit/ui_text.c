/* ui_text: per-role glyph atlases (see ui_text.h).
 *
 * A string is shaped by ui_shape (HarfBuzz, bidirectional order, font fallback) into
 * glyph ids with positions; each glyph is drawn from the atlas, found there by its font
 * and glyph id. A glyph's atlas cell is the inked part of FreeType's rendering of it;
 * the cell's offset from the pen and the line's top is kept, so the glyph lands where
 * the shaper placed it. Atlases are packed in rows; when one fills up (a long session
 * with many distinct glyphs), it is cleared and refilled on demand.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_rec.h"
#include "ui_shape.h"

enum { GLYPH_SLOTS = 512, PAD = 1, MAX_COLORS = 8, MAX_SIDE = 4096, SCRATCH_PIXELS = 160 * 200,
       FIT_MAX = 512 };

typedef struct glyph {
    Uint32 key;      /* font file << 24 | glyph id, plus 1; 0 marks an empty slot */
    SDL_Rect src;    /* inked part of the cell, in the atlas */
    int dx, dy;      /* where src goes relative to the pen and the line's top */
    int blank;       /* no ink (a space): nothing to copy */
} glyph;

typedef struct face {
    SDL_Renderer *renderer;
    TTF_Font *font;  /* SDL_ttf's: the line's height and ascent, as before shaping */
    ui_shaper *shaper;
    int ascent;
    int px;
    SDL_Texture *atlas[MAX_COLORS];  /* the same glyphs, one copy per colour */
    SDL_Color color[MAX_COLORS];
    int colors;
    int atlas_side;
    int pen_x, pen_y, row_h;  /* row packer */
    int count;
    int primed;      /* the glyphs of numbers are in the atlas (ui_text_prime) */
    glyph slots[GLYPH_SLOTS];
    Uint8 *coverage;             /* atlas_side^2 glyph alpha, to colour new copies */
    Uint32 *scratch;             /* the ui_text's: one glyph being coloured for upload */
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
    /* The font files (each read once: FreeType reads a face from memory without the
     * seek and read per glyph that made loading glyphs from files slow), the fallbacks
     * and the shaping's scratch (owned). */
    ui_fonts *fonts;
    face faces[UI_FONT_COUNT];
    Uint32 scratch[SCRATCH_PIXELS];  /* shared by the faces: glyphs are added one at a time */
    upright uprights[UPRIGHT_SLOTS];
    int next_upright;
    ui_text_recorder *recorder;  /* borrowed; NULL when not recording */
    ui_text_recorder *cuts;      /* borrowed; NULL when not recording the cuts */
    SDL_Rect region;
    int layer;
    ui_text_dir dir;              /* the paragraph direction strings are shaped in */
    Uint32 fit_cluster[FIT_MAX];  /* ui_text_fit's copy of a shaped string's clusters */
    int fit_adv[FIT_MAX];
};

void ui_text_set_recorder(ui_text *t, ui_text_recorder *rec) { t->recorder = rec; }
void ui_text_set_cut_recorder(ui_text *t, ui_text_recorder *cuts) { t->cuts = cuts; }

ui_text_dir ui_text_set_direction(ui_text *t, ui_text_dir dir)
{
    const ui_text_dir was = t->dir;
    t->dir = dir;
    return was;
}

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
    ui_shaper_close(f->shaper);
    f->shaper = NULL;
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
    size_t size = 0;
    const void *data = ui_fonts_data(t->fonts, file, &size);
    SDL_RWops *rw = size <= (size_t)INT_MAX ? SDL_RWFromConstMem(data, (int)size) : NULL;
    f->font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!f->font) return -1;
    TTF_SetFontHinting(f->font, TTF_HINTING_LIGHT);
    f->shaper = ui_shaper_open(t->fonts, file, px, file == UI_SHAPE_MONO);
    if (!f->shaper) return -1;
    f->ascent = TTF_FontAscent(f->font);
    f->px = px;
    f->renderer = t->renderer;
    f->scratch = t->scratch;
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
    t->dir = UI_TEXT_LTR;
    t->fonts = ui_fonts_open(font_dir, 1, err, errlen);
    if (!t->fonts) {
        ui_text_destroy(t);
        return NULL;
    }
    for (int i = 0; i < UI_SHAPE_PRIMARIES; i++) {
        size_t size = 0;
        const void *data = ui_fonts_data(t->fonts, i, &size);
        SDL_RWops *rw = size <= (size_t)INT_MAX ? SDL_RWFromConstMem(data, (int)size) : NULL;
        TTF_Font *probe = rw ? TTF_OpenFontRW(rw, 1, 12) : NULL;
        if (!probe) {
            snprintf(err, errlen, "cannot open font %s: %s", ui_fonts_path(t->fonts, i, NULL), TTF_GetError());
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
    ui_fonts_close(t->fonts);
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

static const glyph *find_glyph(face *f, int font, Uint32 gid);
#define UI_TEXT_PRIME "0123456789.,−-+×⁰¹²³⁴⁵⁶⁷⁸⁹⁻∞<≈ "

void ui_text_prime(ui_text *t)
{
    /* Every glyph a number can use, in the roles that show live numbers: a value that
     * turns scientific mid-run (a KL falling below 10⁻⁴) must not make a steady frame
     * allocate. Prose roles (help sheet, narration) change only with the page. */
    for (int i = 0; i < UI_FONT_COUNT; i++) {
        face *f = &t->faces[i];
        if (!f->font || f->primed || !roles[i].live_numbers) continue;
        const ui_shaped run = ui_shaper_shape(f->shaper, UI_TEXT_PRIME, strlen(UI_TEXT_PRIME), t->dir);
        for (int g = 0; g < run.n; g++) find_glyph(f, run.glyphs[g].font, run.glyphs[g].gid);
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

/* Rasterize glyph gid of font file `font` into the atlas. Returns NULL only if FreeType
 * cannot render it or the atlas cannot take it (the caller then clears the atlas). */
static const glyph *add_glyph(face *f, int font, Uint32 gid, Uint32 key, glyph *slot)
{
    ui_glyph_image img;
    if (ui_shaper_render(f->shaper, font, gid, &img) != 0) return NULL;
    /* Trim the cell to the rows and columns that have ink: fewer pixels to blend. */
    int x0 = img.w, x1 = -1, y0 = img.h, y1 = -1;
    for (int y = 0; y < img.h; y++) {
        const Uint8 *row = img.coverage + (size_t)y * (size_t)img.pitch;
        for (int x = 0; x < img.w; x++) {
            if (row[x]) {
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
            }
        }
    }
    const int blank = x1 < 0;
    if (blank) x0 = x1 = y0 = y1 = 0; /* keep one transparent pixel */
    int w = x1 - x0 + 1, h = y1 - y0 + 1;
    if (w * h > SCRATCH_PIXELS) return NULL;
    for (;;) {
        if (f->pen_x + w + PAD > f->atlas_side) {
            f->pen_x = 0;
            f->pen_y += f->row_h + PAD;
            f->row_h = 0;
        }
        if (f->pen_y + h <= f->atlas_side && w <= f->atlas_side) break;
        if (grow_atlas(f) != 0) return NULL; /* caller clears the atlas and retries */
    }
    slot->key = key;
    slot->src = (SDL_Rect){f->pen_x, f->pen_y, w, h};
    slot->dx = img.left + x0;
    slot->dy = f->ascent - img.top + y0;
    slot->blank = blank;
    for (int y = 0; y < h; y++) {
        Uint8 *cov = f->coverage + (size_t)(f->pen_y + y) * f->atlas_side + f->pen_x;
        if (blank) cov[0] = 0;
        else memcpy(cov, img.coverage + (size_t)(y0 + y) * (size_t)img.pitch + x0, (size_t)w);
    }
    /* Each colour's copy holds the glyph in that colour, coverage in alpha, so it is
     * blended without modulation (SDL's fastest per-pixel-alpha blit). */
    for (int i = 0; i < f->colors; i++) {
        SDL_Color c = f->color[i];
        Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
        for (int y = 0; y < h; y++) {
            const Uint8 *cov = f->coverage + (size_t)(f->pen_y + y) * f->atlas_side + f->pen_x;
            for (int x = 0; x < w; x++) {
                Uint32 alpha = ((Uint32)cov[x] * c.a + 127) / 255;
                f->scratch[y * w + x] = (alpha << 24) | rgb;
            }
        }
        SDL_UpdateTexture(f->atlas[i], &slot->src, f->scratch, w * 4);
    }
    f->pen_x += w + PAD;
    if (h > f->row_h) f->row_h = h;
    f->count++;
    return slot;
}

/* The atlas cell of glyph gid of font file `font`. FreeType is asked only on a miss, so
 * a steady frame never calls into it. */
static const glyph *find_glyph(face *f, int font, Uint32 gid)
{
    const Uint32 key = (((Uint32)font << 24) | (gid & 0xFFFFFFu)) + 1u;
    for (int attempt = 0; attempt < 2; attempt++) {
        unsigned h = (unsigned)(key * 2654435761u) % GLYPH_SLOTS;
        for (int probe = 0; probe < GLYPH_SLOTS; probe++) {
            glyph *g = &f->slots[(h + probe) % GLYPH_SLOTS];
            if (g->key == key) return g;
            if (g->key == 0) {
                if (f->count < GLYPH_SLOTS * 3 / 4) {
                    const glyph *made = add_glyph(f, font, gid, key, g);
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
    return ui_shaper_shape(t->faces[which].shaper, utf8, strlen(utf8), t->dir).width;
}

ui_shaped ui_text_shape(ui_text *t, ui_font which, const char *utf8)
{
    return ui_shaper_shape(t->faces[which].shaper, utf8, strlen(utf8), t->dir);
}

int ui_text_glyph_cell(ui_text *t, ui_font which, int font, unsigned gid, SDL_Rect *src)
{
    const glyph *g = find_glyph(&t->faces[which], font, gid);
    if (!g) return -1;
    *src = g->src;
    return 0;
}

const char *ui_text_font_path(const ui_text *t, int font, int *index)
{
    return ui_fonts_path(t->fonts, font, index);
}

unsigned long ui_text_shape_misses(const ui_text *t, ui_font f)
{
    return t->faces[f].shaper ? ui_shaper_misses(t->faces[f].shaper) : 0;
}

int ui_text_draw(ui_text *t, ui_font which, int x, int y, ui_align align, SDL_Color color,
                 const char *utf8)
{
    face *f = &t->faces[which];
    const ui_shaped run = ui_shaper_shape(f->shaper, utf8, strlen(utf8), t->dir);
    if (align == UI_ALIGN_CENTER) x -= run.width / 2;
    else if (align == UI_ALIGN_RIGHT) x -= run.width;
    SDL_Texture *atlas = atlas_for(t, f, color);
    if (!atlas) return run.width;
    /* One operation of a retained frame (ui_rec): what it draws is the shaped glyphs, at
     * this size, place and colour; recording, the box their ink covers. */
    uint64_t h = 0;
    SDL_Rect box = {0, 0, 0, 0}, ink = {0, 0, 0, 0};
    const int recording = ui_rec_recording(t->renderer);
    if (ui_rec_active(t->renderer)) {
        h = ui_rec_mix_u64(ui_rec_mix_u64(0x7465787400ull, (uint64_t)(uintptr_t)t), (uint64_t)which);
        h = ui_rec_mix_u64(h, (uint64_t)f->px | (uint64_t)t->dir << 32);
        h = ui_rec_mix_u64(h, (uint64_t)(uint32_t)x | (uint64_t)(uint32_t)y << 32);
        h = ui_rec_mix_color(h, color);
        for (int i = 0; i < run.n; i++) {
            const ui_shaped_glyph *sg = &run.glyphs[i];
            h = ui_rec_mix_u64(h, (uint64_t)sg->gid | (uint64_t)(uint32_t)sg->font << 32);
            h = ui_rec_mix_u64(h, (uint64_t)(uint32_t)sg->x | (uint64_t)(uint32_t)sg->y << 32);
        }
        for (int i = 0; recording && i < run.n; i++) {
            const ui_shaped_glyph *sg = &run.glyphs[i];
            const glyph *g = find_glyph(f, sg->font, sg->gid);
            if (!g || g->blank) continue;
            const SDL_Rect dst = {x + sg->x + g->dx, y + g->dy + sg->y, g->src.w, g->src.h};
            if (box.w == 0) box = dst;
            else SDL_UnionRect(&box, &dst, &box);
            if (dst.w > 1 && dst.h > 1) {
                if (ink.w == 0) ink = dst;
                else SDL_UnionRect(&ink, &dst, &ink);
            }
        }
        if (recording) atlas = atlas_for(t, f, color); /* glyphs added may have replaced it */
        if (!atlas) return run.width;
    }
    ui_rec_op op;
    for (int go = ui_rec_op_begin(t->renderer, h, box, &op); go; go = ui_rec_op_next(&op)) {
        for (int i = 0; i < run.n; i++) {
            const ui_shaped_glyph *sg = &run.glyphs[i];
            const int glyphs = f->count;
            const glyph *g = find_glyph(f, sg->font, sg->gid);
            if (!g) continue;
            /* A glyph added just now may have grown or cleared the atlas, which replaces its
             * textures: ask for this colour's copy again. */
            if (f->count != glyphs) atlas = atlas_for(t, f, color);
            if (!atlas) break;
            if (g->blank) continue;
            SDL_Rect dst = {x + sg->x + g->dx, y + g->dy + sg->y, g->src.w, g->src.h};
            SDL_RenderCopy(t->renderer, atlas, &g->src, &dst);
            if (t->recorder && dst.w > 1 && dst.h > 1) {
                if (ink.w == 0) ink = dst;
                else SDL_UnionRect(&ink, &dst, &ink);
            }
        }
    }
    /* Once a frame: not again when a retained frame's second pass draws it. */
    if (!ui_rec_drawing(t->renderer)) record_box(t, which, ink, utf8);
    return run.width;
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
    if (!ui_rec_drawing(t->renderer)) record_cut(t, utf8);
    /* Cut at a cluster boundary (a letter with its marks, a ligature, an Arabic letter
     * in its joined form stay whole): the widths of the clusters before each boundary
     * come from the whole string's shaping, so the candidates are not shaped one by
     * one; the one taken is measured shaped with its "…" to be sure. */
    const int ellipsis = ui_text_width(t, f, "…");
    const size_t len = strlen(out);
    const ui_shaped run = ui_shaper_shape(t->faces[f].shaper, out, len, t->dir);
    Uint32 *cluster = t->fit_cluster;
    int *adv = t->fit_adv;
    const int ng = run.n < FIT_MAX ? run.n : FIT_MAX;
    for (int i = 0; i < ng; i++) {
        cluster[i] = run.glyphs[i].cluster;
        adv[i] = run.glyphs[i].adv;
    }
    size_t cut = len;
    while (cut > 0) {
        /* The next boundary before cut: the largest cluster start below it. */
        size_t next = 0;
        for (int i = 0; i < ng; i++)
            if (cluster[i] < cut && cluster[i] > next) next = cluster[i];
        cut = next;
        int w = 0;
        for (int i = 0; i < ng; i++)
            if (cluster[i] < cut) w += adv[i];
        if (w + ellipsis > max_w || cut + 4 > n) continue;
        memcpy(out + cut, "…", 4); /* U+2026 and the terminator */
        if (ui_text_width(t, f, out) <= max_w) return out;
        memcpy(out, utf8, len); /* the string again, for the next boundary */
        out[len] = '\0';
    }
    out[0] = '\0';
    return out;
}

/* The shaped string in white on a transparent line box of its own (for turning). */
static SDL_Surface *render_line(const ui_text *t, face *f, const char *utf8)
{
    const ui_shaped run = ui_shaper_shape(f->shaper, utf8, strlen(utf8), t->dir);
    const int h = TTF_FontHeight(f->font);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, run.width > 0 ? run.width : 1, h, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    SDL_memset(s->pixels, 0, (size_t)s->pitch * (size_t)s->h);
    for (int i = 0; i < run.n; i++) {
        ui_glyph_image img;
        const ui_shaped_glyph *g = &run.glyphs[i];
        if (ui_shaper_render(f->shaper, g->font, g->gid, &img) != 0) continue;
        for (int y = 0; y < img.h; y++) {
            const int sy = f->ascent - img.top + g->y + y;
            if (sy < 0 || sy >= s->h) continue;
            Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)sy * s->pitch);
            for (int x = 0; x < img.w; x++) {
                const int sx = g->x + img.left + x;
                const Uint32 a = img.coverage[(size_t)y * (size_t)img.pitch + (size_t)x];
                if (sx < 0 || sx >= s->w || a <= row[sx] >> 24) continue;
                row[sx] = a << 24 | 0xFFFFFFu;
            }
        }
    }
    return s;
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
        SDL_Surface *src = render_line(t, f, utf8);
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
    /* Its pixels are those of its string at its size: the cache's texture is not named. */
    uint64_t h = 0;
    if (ui_rec_active(t->renderer)) {
        h = ui_rec_mix(ui_rec_mix_u64(0x7570ull, (uint64_t)which | (uint64_t)f->px << 8), utf8, strlen(utf8));
        h = ui_rec_mix_u64(h, (uint64_t)(uint32_t)dst.x | (uint64_t)(uint32_t)dst.y << 32);
        h = ui_rec_mix_u64(h, (uint64_t)(uint32_t)dst.w | (uint64_t)(uint32_t)dst.h << 32);
        h = ui_rec_mix_color(h, color);
    }
    ui_rec_op op;
    for (int go = ui_rec_op_begin(t->renderer, h, dst, &op); go; go = ui_rec_op_next(&op))
        SDL_RenderCopy(t->renderer, u->texture, NULL, &dst);
    if (!ui_rec_drawing(t->renderer)) record_box(t, which, dst, utf8);
    return u->h;
}
