/* Scripts other than Latin: what ui_text draws is what HarfBuzz makes of the string.
 *
 * Arabic (DejaVu Sans has it): the glyph ids ui_text draws are the ones HarfBuzz gives
 * for the string shaped on its own, here, from the font file; the first logical letter
 * is drawn rightmost; a medial letter has another glyph than the isolated one; a
 * number inside reads left to right; the pixels drawn are FreeType's rendering of those
 * glyphs and not the .notdef box. Chinese: the same through the fallback font
 * fontconfig finds (Debian: fonts-wqy-microhei, installed by scripts/test.sh). The bidi
 * subset against GNU FriBidi; a font brought late (the browser's CJK subset, fetched
 * when a character no font has is met); ui_text_fit's cut at cluster boundaries; the shape cache. */
#include "check_main.h"

#include <SDL.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_assets.h"
#include "ui_bidi.h"
#include "ui_text.h"
#include "ui_wrap.h"

static const char *const arabic = "الإنتروبيا هي متوسط المفاجأة.";
static const char *const arabic_number = "لعملة عادلة، الإنتروبيا هي 0.6931 نات.";
static const char *const chinese = "熵是平均的惊奇。";

typedef struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *r;
    ui_text *t;
} fixture;

static fixture open_fixture(void)
{
    fixture f;
    char fonts[2048], tried[4096], err[512];
    ck_assert_msg(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0, "fonts: %s", tried);
    f.surface = SDL_CreateRGBSurfaceWithFormat(0, 1280, 120, 32, SDL_PIXELFORMAT_ARGB8888);
    ck_assert_ptr_nonnull(f.surface);
    f.r = SDL_CreateSoftwareRenderer(f.surface);
    ck_assert_ptr_nonnull(f.r);
    f.t = ui_text_create(f.r, fonts, err, sizeof err);
    ck_assert_msg(f.t != NULL, "%s", err);
    /* Each string a paragraph of its own, as a lesson's (ui_wrap sets the same). */
    ui_text_set_direction(f.t, UI_TEXT_AUTO);
    ck_assert_int_eq(ui_text_set_scale(f.t, 1.5f), 0);
    return f;
}

static void close_fixture(fixture *f)
{
    ui_text_destroy(f->t);
    SDL_DestroyRenderer(f->r);
    SDL_FreeSurface(f->surface);
}

/* The string's glyphs as HarfBuzz shapes it alone, from the font file at px pixels. */
static int reference_shape(const char *path, int index, int px, const char *utf8, unsigned *gids, int *xs, int cap)
{
    FT_Library lib;
    FT_Face face;
    ck_assert_int_eq(FT_Init_FreeType(&lib), 0);
    ck_assert_msg(FT_New_Face(lib, path, index, &face) == 0, "cannot open %s", path);
    ck_assert_int_eq(FT_Set_Pixel_Sizes(face, 0, (FT_UInt)px), 0);
    hb_font_t *font = hb_ft_font_create_referenced(face);
    hb_ft_font_set_load_flags(font, FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP);
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, utf8, -1, 0, -1);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(font, buf, NULL, 0);
    unsigned n = 0;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
    int pen = 0, count = 0;
    for (unsigned i = 0; i < n && count < cap; i++, count++) {
        gids[count] = info[i].codepoint;
        xs[count] = pen + ((pos[i].x_offset + 32) >> 6);
        pen += (pos[i].x_advance + 32) >> 6;
    }
    hb_buffer_destroy(buf);
    hb_font_destroy(font);
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
    return count;
}

/* How well the drawn pixels (white on black) at the glyph's place match FreeType's own
 * rendering of glyph gid: the share of its inked pixels drawn at least as bright; -1 for a glyph
 * without ink (a space). */
static double match_share(const fixture *f, const char *path, int index, int px, unsigned gid, int pen_x,
                          int baseline)
{
    FT_Library lib;
    FT_Face face;
    ck_assert_int_eq(FT_Init_FreeType(&lib), 0);
    ck_assert_int_eq(FT_New_Face(lib, path, index, &face), 0);
    ck_assert_int_eq(FT_Set_Pixel_Sizes(face, 0, (FT_UInt)px), 0);
    ck_assert_int_eq(FT_Load_Glyph(face, gid, FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP), 0);
    ck_assert_int_eq(FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL), 0);
    const FT_Bitmap *bm = &face->glyph->bitmap;
    int inked = 0, matched = 0;
    for (unsigned y = 0; y < bm->rows; y++)
        for (unsigned x = 0; x < bm->width; x++) {
            const int cov = bm->buffer[y * (unsigned)bm->pitch + x];
            if (cov < 64) continue;
            const int sx = pen_x + face->glyph->bitmap_left + (int)x, sy = baseline - face->glyph->bitmap_top + (int)y;
            if (sx < 0 || sy < 0 || sx >= f->surface->w || sy >= f->surface->h) continue;
            const Uint32 v = ((const Uint32 *)f->surface->pixels)[(size_t)sy * (size_t)(f->surface->pitch / 4) + (size_t)sx];
            inked++;
            matched += (int)((v >> 8) & 0xFF) >= cov - 16; /* a joined neighbour may add ink */
        }
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
    return inked ? (double)matched / inked : -1.0;
}

static void clear(fixture *f)
{
    SDL_SetRenderDrawColor(f->r, 0, 0, 0, 255);
    SDL_RenderClear(f->r);
}

/* Shape, check against HarfBuzz alone, draw, and check the pixels of every glyph. */
static void check_drawn(fixture *f, const char *utf8, int want_fallback, int one_direction)
{
    static const SDL_Color white = {255, 255, 255, 255};
    const ui_font role = UI_FONT_NARRATION;
    const int px = ui_text_px(f->t, role);
    ui_shaped_glyph got[256];
    const ui_shaped run = ui_text_shape(f->t, role, utf8);
    ck_assert_int_gt(run.n, 3);
    ck_assert_int_le(run.n, 256);
    memcpy(got, run.glyphs, (size_t)run.n * sizeof got[0]);
    const int n = run.n;
    int index = 0;
    char path[1024];
    snprintf(path, sizeof path, "%s", ui_text_font_path(f->t, got[0].font, &index));
    for (int i = 0; i < n; i++) {
        ck_assert_msg(got[i].gid != 0, "%s: glyph %d is .notdef", utf8, i);
        ck_assert_int_eq(got[i].font, got[0].font); /* one font: HarfBuzz alone shapes it alike */
    }
    if (want_fallback)
        ck_assert_msg(got[0].font >= UI_SHAPE_PRIMARIES, "%s: drawn in bundled font %d, not a fallback", utf8,
                      got[0].font);
    else
        ck_assert_int_eq(got[0].font, UI_SHAPE_REGULAR);
    unsigned ref[256];
    int ref_x[256];
    /* HarfBuzz alone shapes the string in one direction: compare where it has one. */
    const int rn = one_direction ? reference_shape(path, index, px, utf8, ref, ref_x, 256) : n;
    ck_assert_int_eq(rn, n);
    for (int i = 0; i < n && one_direction; i++) {
        ck_assert_msg(ref[i] == got[i].gid, "%s: glyph %d is %u, HarfBuzz says %u", utf8, i, got[i].gid, ref[i]);
        ck_assert_msg(ref_x[i] == got[i].x, "%s: glyph %d at x %d, HarfBuzz says %d", utf8, i, got[i].x,
                      ref_x[i]);
    }
    clear(f);
    const int x0 = 20, y0 = 20;
    ck_assert_int_eq(ui_text_draw(f->t, role, x0, y0, UI_ALIGN_LEFT, white, utf8), run.width);
    SDL_RenderPresent(f->r);
    const int baseline = y0 + ui_text_ascent(f->t, role);
    for (int i = 0; i < n; i++) {
        const double drawn = match_share(f, path, index, px, got[i].gid, x0 + got[i].x, baseline + got[i].y);
        const double notdef = match_share(f, path, index, px, 0, x0 + got[i].x, baseline + got[i].y);
        if (drawn < 0) continue; /* a space */
        ck_assert_msg(drawn >= 0.9, "%s: glyph %d (id %u): %.0f%% of its pixels as FreeType draws it", utf8, i,
                      got[i].gid, 100 * drawn);
        ck_assert_msg(notdef < 0.75, "%s: glyph %d looks like the .notdef box (%.0f%%)", utf8, i, 100 * notdef);
    }
}

START_TEST(arabic_is_shaped_right_to_left_and_drawn)
{
    fixture f = open_fixture();
    check_drawn(&f, arabic, 0, 1);
    const ui_shaped run = ui_text_shape(f.t, UI_FONT_NARRATION, arabic);
    ck_assert_int_eq(run.rtl, 1);
    /* The first logical letter (alef, cluster 0) is the rightmost glyph. */
    int first = -1, right = 0;
    for (int i = 0; i < run.n; i++) {
        if (run.glyphs[i].cluster == 0) first = i;
        if (run.glyphs[i].x > run.glyphs[right].x) right = i;
    }
    ck_assert_int_ge(first, 0);
    ck_assert_int_eq(first, right);
    ck_assert_int_eq(first, run.n - 1);
    close_fixture(&f);
}
END_TEST

START_TEST(arabic_letters_join)
{
    fixture f = open_fixture();
    /* Beh alone, and three behs: initial, medial, final forms. */
    const unsigned isolated = ui_text_shape(f.t, UI_FONT_NARRATION, "ب").glyphs[0].gid;
    const ui_shaped three = ui_text_shape(f.t, UI_FONT_NARRATION, "ببب");
    ck_assert_int_eq(three.n, 3);
    unsigned form[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) form[three.glyphs[i].cluster / 2] = three.glyphs[i].gid;
    ck_assert_msg(form[1] != isolated && form[0] != isolated && form[2] != isolated,
                  "joined forms %u %u %u, isolated %u", form[0], form[1], form[2], isolated);
    ck_assert_msg(form[0] != form[1] && form[1] != form[2] && form[0] != form[2], "initial, medial, final: %u %u %u",
                  form[0], form[1], form[2]);
    close_fixture(&f);
}
END_TEST

START_TEST(a_number_in_arabic_reads_left_to_right)
{
    fixture f = open_fixture();
    check_drawn(&f, arabic_number, 0, 0);
    const ui_shaped run = ui_text_shape(f.t, UI_FONT_NARRATION, arabic_number);
    const char *digits = strstr(arabic_number, "0.6931");
    const uint32_t at = (uint32_t)(digits - arabic_number);
    int last_x = -1, seen = 0;
    uint32_t last_cluster = 0;
    /* Left to right on the screen, the number's characters come in their logical order. */
    for (int i = 0; i < run.n; i++) {
        const uint32_t c = run.glyphs[i].cluster;
        if (c < at || c >= at + 6) continue;
        ck_assert_int_gt(run.glyphs[i].x, last_x);
        if (seen) ck_assert_uint_gt(c, last_cluster);
        last_x = run.glyphs[i].x;
        last_cluster = c;
        seen++;
    }
    ck_assert_int_eq(seen, 6);
    /* And the sentence's first letter is still the rightmost. */
    int right = 0;
    for (int i = 0; i < run.n; i++)
        if (run.glyphs[i].x > run.glyphs[right].x) right = i;
    ck_assert_uint_eq(run.glyphs[right].cluster, 0);
    close_fixture(&f);
}
END_TEST

START_TEST(chinese_comes_from_a_fallback_font)
{
    fixture f = open_fixture();
    int index = 0;
    const ui_shaped run = ui_text_shape(f.t, UI_FONT_NARRATION, chinese);
    ck_assert_msg(run.n > 0 && run.glyphs[0].font >= UI_SHAPE_PRIMARIES,
                  "no CJK font found through fontconfig (Debian: fonts-wqy-microhei)");
    const char *path = ui_text_font_path(f.t, run.glyphs[0].font, &index);
    fprintf(stderr, "chinese: drawn with %s (face %d)\n", path, index);
    check_drawn(&f, chinese, 1, 1);
    close_fixture(&f);
}
END_TEST

/* The browser's way (no fontconfig): a character no font has is told to the platform's
 * hook, drawn as .notdef; once the platform brings a font (ui_shape_font_arrived) the
 * string is shaped again from the cache's start, from that font. Check forks each test,
 * so the process-wide late font stays in this one. */
static uint32_t wanted[8];
static int nwanted;
static void want(uint32_t cp)
{
    if (nwanted < 8) wanted[nwanted] = cp;
    nwanted++;
}

START_TEST(a_late_font_is_asked_for_and_taken)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert_msg(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0, "fonts: %s", tried);
    ui_fonts *set = ui_fonts_open(fonts, 0, err, sizeof err);
    ck_assert_msg(set != NULL, "%s", err);
    ui_shaper *s = ui_shaper_open(set, UI_SHAPE_REGULAR, 24, 0);
    ck_assert_ptr_nonnull(s);
    ui_shape_on_missing(want);
    const char *shang = "熵";
    ui_shaped run = ui_shaper_shape(s, shang, strlen(shang), 0);
    ck_assert_int_eq(run.n, 1);
    ck_assert_uint_eq(run.glyphs[0].gid, 0); /* .notdef: a box */
    ck_assert_int_eq(nwanted, 1);
    ck_assert_uint_eq(wanted[0], 0x71B5);
    run = ui_shaper_shape(s, shang, strlen(shang), 0); /* from the cache, not asked again */
    ck_assert_uint_eq(run.glyphs[0].gid, 0);
    ck_assert_int_eq(nwanted, 1);
    const unsigned long misses = ui_shaper_misses(s);
    ck_assert_int_eq(ui_shape_font_arrived("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0);
    ck_assert_int_eq(ui_shape_font_arrived("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0); /* once */
    run = ui_shaper_shape(s, shang, strlen(shang), 0);
    ck_assert_uint_eq(ui_shaper_misses(s), misses + 1); /* shaped again, not the cached box */
    ck_assert_int_eq(run.n, 1);
    ck_assert_int_eq(run.glyphs[0].font, UI_SHAPE_PRIMARIES);
    ck_assert_uint_ne(run.glyphs[0].gid, 0);
    ck_assert_str_eq(ui_fonts_path(set, UI_SHAPE_PRIMARIES, NULL), "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    ck_assert_int_eq(nwanted, 1);
    ck_assert_int_eq(ui_shape_font_arrived(""), -1);
    ui_shape_on_missing(NULL);
    ui_shaper_close(s);
    ui_fonts_close(set);
}
END_TEST

/* In the interface's left-to-right line, a label that starts with an Arabic name keeps
 * the name at its left ("الإنتروبيا: p 0.333"), as the template reads; the same string
 * as a paragraph of its own reads right to left. */
START_TEST(interface_lines_read_left_to_right)
{
    fixture f = open_fixture();
    const char *label = "الإنتروبيا: p 0.333";
    const char *p_at = strchr(label, 'p');
    ui_text_set_direction(f.t, UI_TEXT_LTR);
    ui_shaped run = ui_text_shape(f.t, UI_FONT_LABEL, label);
    int name_x = -1, p_x = -1;
    for (int i = 0; i < run.n; i++) {
        if (run.glyphs[i].cluster == 0) name_x = run.glyphs[i].x;
        if (run.glyphs[i].cluster == (uint32_t)(p_at - label)) p_x = run.glyphs[i].x;
    }
    ck_assert_int_ge(name_x, 0);
    ck_assert_int_lt(name_x, p_x); /* the name's first letter, its right end, left of "p" */
    ui_text_set_direction(f.t, UI_TEXT_AUTO);
    run = ui_text_shape(f.t, UI_FONT_LABEL, label);
    for (int i = 0; i < run.n; i++) {
        if (run.glyphs[i].cluster == 0) name_x = run.glyphs[i].x;
        if (run.glyphs[i].cluster == (uint32_t)(p_at - label)) p_x = run.glyphs[i].x;
    }
    ck_assert_int_gt(name_x, p_x);
    close_fixture(&f);
}
END_TEST

/* Levels by hand for the subset, and the subset against FriBidi where the build has it. */
START_TEST(bidi_levels)
{
    static const char *const texts[] = {
        "abc אבג 12", "الإنتروبيا هي متوسط المفاجأة.", "لعملة عادلة، الإنتروبيا هي 0.6931 نات.",
        "loss 1.74 nats: الخسارة", "שלום world 3.5", "plain English, 10⁻⁴ nats",
        /* Words of the other direction in a row (the line order's test below). */
        "مرحبا hello big world 0.6931 نص", "the words مرحبا بكم mean welcome",
    };
    uint32_t cps[128];
    uint8_t sub[128], full[128];
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        int n = 0;
        for (const char *p = texts[k]; *p && n < 128;) cps[n++] = ui_shape_next_codepoint(&p);
        const int para = ui_bidi_levels_subset(cps, n, UI_BIDI_AUTO, sub);
        if (k == 0) {
            /* The space before 12 sits between Hebrew and a number, both counting as
             * right to left (N1); the digits are a number in a left-to-right line (I1). */
            static const uint8_t want[] = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
            ck_assert_int_eq(n, 10);
            ck_assert_int_eq(para, 0);
            ck_assert_mem_eq(sub, want, 10);
        }
        if (k == 2) {
            /* RTL paragraph; the digits of 0.6931 at level 2, the letters at 1. */
            ck_assert_int_eq(para, 1);
            for (int i = 0; i < n; i++)
                if (cps[i] >= '0' && cps[i] <= '9') ck_assert_int_eq(sub[i], 2);
        }
        if (ui_bidi_has_fribidi()) {
            const int fpara = ui_bidi_levels(cps, n, UI_BIDI_AUTO, full);
            ck_assert_int_eq(fpara, para);
            for (int i = 0; i < n; i++)
                ck_assert_msg(full[i] == sub[i], "\"%s\" char %d: FriBidi level %d, the subset %d", texts[k], i,
                              full[i], sub[i]);
        }
    }
    /* Rule L2 over runs at levels 0 1 2 1 0: the middle three reversed, the 2 alone. */
    static const uint8_t levels[] = {0, 1, 2, 1, 0};
    int order[5];
    ui_bidi_order_runs(levels, 5, order);
    static const int want_order[] = {0, 3, 2, 1, 4};
    ck_assert_mem_eq(order, want_order, sizeof want_order);
}
END_TEST

/* Where each word of a paragraph ui_wrap drew landed: the ink box of the string drawn
 * for it (a word's pieces are drawn whole: one string per word here). */
typedef struct drawn_words {
    ui_text_box boxes[64];
    ui_text_recorder rec;
} drawn_words;

static int wrap_drawn(fixture *f, drawn_words *d, const char *text, int width)
{
    static const ui_wrap_style st = {UI_FONT_NARRATION, UI_FONT_NARRATION_BOLD, {0, 0, 0, 255}, {0, 0, 0, 255}, 0, 0, 0};
    d->rec = (ui_text_recorder){d->boxes, 64, 0};
    ui_text_set_region(f->t, (SDL_Rect){0, 0, 1280, 120}, 0);
    ui_text_set_recorder(f->t, &d->rec);
    const int h = ui_wrap_draw(f->t, &st, text, 20, 0, width, 1 << 20, 1, NULL);
    ui_text_set_recorder(f->t, NULL);
    ck_assert_int_le(d->rec.count, 64);
    return h;
}

static SDL_Rect box_of(const drawn_words *d, const char *word)
{
    for (int i = 0; i < d->rec.count; i++)
        if (strcmp(d->boxes[i].text, word) == 0) return d->boxes[i].ink;
    ck_abort_msg("'%s' was not drawn as a string of its own", word);
    return (SDL_Rect){0, 0, 0, 0};
}

/* Rule L2 per line (issue 26): Latin words in a row inside an Arabic paragraph read left
 * to right in their own order, the Arabic words right to left, on one line and wrapped;
 * and Arabic words in an English paragraph the other way round. */
START_TEST(mixed_words_keep_their_order_on_each_line)
{
    fixture f = open_fixture();
    ui_text_set_direction(f.t, UI_TEXT_LTR);
    drawn_words d;
    const char *para = "مرحبا hello big world 0.6931 نص";
    const int lh = ui_text_line_height(f.t, UI_FONT_NARRATION);
    ck_assert_int_eq(wrap_drawn(&f, &d, para, 1200), lh); /* one line */
    const SDL_Rect hi = box_of(&d, "مرحبا"), hello = box_of(&d, "hello"), big = box_of(&d, "big"),
                   world = box_of(&d, "world"), num = box_of(&d, "0.6931"), nas = box_of(&d, "نص");
    /* Read left to right: نص, hello big world 0.6931, مرحبا; the sentence ends at the right edge. */
    ck_assert_int_lt(nas.x + nas.w, hello.x);
    ck_assert_int_lt(hello.x + hello.w, big.x);
    ck_assert_int_lt(big.x + big.w, world.x);
    ck_assert_int_lt(world.x + world.w, num.x);
    ck_assert_int_lt(num.x + num.w, hi.x);
    ck_assert_int_le(abs(hi.x + hi.w - (20 + 1200)), lh / 4);

    /* Wrapped after "big": each line reordered on its own. */
    const int first_w = ui_text_width(f.t, UI_FONT_NARRATION, "مرحبا hello big world") - lh / 2;
    ck_assert_int_eq(wrap_drawn(&f, &d, para, first_w), 2 * lh);
    const SDL_Rect hi2 = box_of(&d, "مرحبا"), hello2 = box_of(&d, "hello"), big2 = box_of(&d, "big"),
                   world2 = box_of(&d, "world"), num2 = box_of(&d, "0.6931"), nas2 = box_of(&d, "نص");
    ck_assert_int_lt(hello2.y + hello2.h, world2.y);           /* "world" begins the second line */
    ck_assert_int_lt(hello2.x + hello2.w, big2.x);              /* line 1: hello big مرحبا */
    ck_assert_int_lt(big2.x + big2.w, hi2.x);
    ck_assert_int_lt(nas2.x + nas2.w, world2.x);                /* line 2: نص world 0.6931 */
    ck_assert_int_lt(world2.x + world2.w, num2.x);
    ck_assert_int_le(abs(hi2.x + hi2.w - (20 + first_w)), lh / 4);  /* both lines end at the right edge */
    ck_assert_int_le(abs(num2.x + num2.w - (20 + first_w)), lh / 4);

    /* An English paragraph quoting two Arabic words: they read right to left, as a pair. */
    ck_assert_int_eq(wrap_drawn(&f, &d, "the words مرحبا بكم mean welcome", 1200), lh);
    const SDL_Rect words = box_of(&d, "words"), marhaba = box_of(&d, "مرحبا"), bikum = box_of(&d, "بكم"),
                   mean = box_of(&d, "mean");
    ck_assert_int_lt(box_of(&d, "the").x + box_of(&d, "the").w, words.x);
    ck_assert_int_lt(words.x + words.w, bikum.x);
    ck_assert_int_lt(bikum.x + bikum.w, marhaba.x);
    ck_assert_int_lt(marhaba.x + marhaba.w, mean.x);
    close_fixture(&f);
}
END_TEST

/* A paragraph as long as a page's narration may be (4095 bytes: up to 4095 code points)
 * keeps its levels to its end: Latin words after 2,300 code points of an Arabic paragraph
 * still read left to right, in their order, each shaped left to right. */
START_TEST(a_long_paragraph_keeps_its_levels_to_its_end)
{
    fixture f = open_fixture();
    ui_text_set_direction(f.t, UI_TEXT_LTR);
    drawn_words d;
    char para[4096] = "";
    size_t len = 0;
    for (int k = 0; k < 9; k++) { /* 9 words of 251 code points: an Arabic letter, then dots */
        len += (size_t)snprintf(para + len, sizeof para - len, "\u0628");
        for (int i = 0; i < 250; i++) para[len++] = '.';
        para[len++] = ' ';
    }
    snprintf(para + len, sizeof para - len, "hello world \u0646\u0635");
    wrap_drawn(&f, &d, para, 1200);
    const SDL_Rect hello = box_of(&d, "hello"), world = box_of(&d, "world"), nas = box_of(&d, "\u0646\u0635");
    ck_assert_int_eq(hello.y, world.y); /* one line: "نص" on its left, hello world in order */
    ck_assert_int_lt(hello.x + hello.w, world.x);
    ck_assert_int_lt(nas.x + nas.w, hello.x);
    close_fixture(&f);
}
END_TEST

START_TEST(fit_cuts_at_cluster_boundaries)
{
    fixture f = open_fixture();
    char out[256];
    /* e and a combining acute, five times: a cut never leaves the mark behind. */
    const char *marks = "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" "e\xcc\x81";
    const int full = ui_text_width(f.t, UI_FONT_LABEL, marks);
    for (int w = full - 1; w > 0; w -= 3) {
        ui_text_fit(f.t, UI_FONT_LABEL, marks, w, out, sizeof out);
        ck_assert_int_le(ui_text_width(f.t, UI_FONT_LABEL, out), w);
        const size_t len = strlen(out);
        if (len == 0) continue;
        ck_assert_msg(len >= 3 && strcmp(out + len - 3, "…") == 0, "\"%s\" at %d px", out, w);
        ck_assert_msg(len == 3 || (unsigned char)out[len - 4] == 0x81, "\"%s\": cut between e and its accent", out);
    }
    /* Arabic: the cut keeps a prefix of whole characters and fits. */
    const int aw = ui_text_width(f.t, UI_FONT_NARRATION, arabic);
    ui_text_fit(f.t, UI_FONT_NARRATION, arabic, aw / 2, out, sizeof out);
    const size_t len = strlen(out);
    ck_assert_uint_gt(len, 3);
    ck_assert_int_le(ui_text_width(f.t, UI_FONT_NARRATION, out), aw / 2);
    ck_assert_int_eq(strncmp(out, arabic, len - 3), 0);
    ck_assert_str_eq(out + len - 3, "…");
    close_fixture(&f);
}
END_TEST

/* A string drawn again is found in the cache: no shaping in a steady frame. */
START_TEST(steady_strings_are_not_shaped_again)
{
    static const SDL_Color white = {255, 255, 255, 255};
    fixture f = open_fixture();
    ui_text_draw(f.t, UI_FONT_NARRATION, 0, 0, UI_ALIGN_LEFT, white, arabic);
    ui_text_draw(f.t, UI_FONT_NARRATION, 0, 40, UI_ALIGN_LEFT, white, chinese);
    const unsigned long before = ui_text_shape_misses(f.t, UI_FONT_NARRATION);
    for (int frame = 0; frame < 10; frame++) {
        ui_text_draw(f.t, UI_FONT_NARRATION, 0, 0, UI_ALIGN_LEFT, white, arabic);
        ui_text_draw(f.t, UI_FONT_NARRATION, 0, 40, UI_ALIGN_RIGHT, white, chinese);
        ck_assert_int_gt(ui_text_width(f.t, UI_FONT_NARRATION, arabic), 0);
    }
    ck_assert_uint_eq(ui_text_shape_misses(f.t, UI_FONT_NARRATION), before);
    close_fixture(&f);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("scripts");
    TCase *tc = tcase_create("scripts");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, arabic_is_shaped_right_to_left_and_drawn);
    tcase_add_test(tc, arabic_letters_join);
    tcase_add_test(tc, a_number_in_arabic_reads_left_to_right);
    tcase_add_test(tc, chinese_comes_from_a_fallback_font);
    tcase_add_test(tc, a_late_font_is_asked_for_and_taken);
    tcase_add_test(tc, bidi_levels);
    tcase_add_test(tc, interface_lines_read_left_to_right);
    tcase_add_test(tc, mixed_words_keep_their_order_on_each_line);
    tcase_add_test(tc, a_long_paragraph_keeps_its_levels_to_its_end);
    tcase_add_test(tc, fit_cuts_at_cluster_boundaries);
    tcase_add_test(tc, steady_strings_are_not_shaped_again);
    suite_add_tcase(s, tc);
    return s;
}
