/* ui_export_cards: the cards around a lesson's video and the blends of its transitions
 * (see ui_export_cards.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "ui_export_cards.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_text.h"
#include "ui_lang.h"

/* 1 when a and b name the same file. */
static int same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (realpath(a, ra) && realpath(b, rb)) return strcmp(ra, rb) == 0;
    return strcmp(a, b) == 0;
}

void ui_cards_describe(ui_cards *c, int which, const char *title, const ui_library *lib, const char *path)
{
    memset(c, 0, sizeof *c);
    c->which = which;
    snprintf(c->title, sizeof c->title, "%s", title ? title : "");
    int at = -1;
    for (int i = 0; lib && path && i < lib->count && at < 0; i++)
        if (same_file(lib->entries[i].path, path)) at = i;
    if (at < 0) {
        snprintf(c->next, sizeof c->next, _("The end of the lesson"));
        return;
    }
    snprintf(c->place, sizeof c->place, _("Lesson %d of %d"), at + 1, lib->count);
    if (at + 1 < lib->count && lib->entries[at + 1].pages > 0) {
        snprintf(c->next_label, sizeof c->next_label, _("Next:"));
        snprintf(c->next, sizeof c->next, "%s", lib->entries[at + 1].title);
    } else {
        snprintf(c->next, sizeof c->next, _("The end of the course"));
    }
}

/* Up to 3 lines of `text` in font f, each at most max_w wide, broken at spaces (a word
 * wider than a line is cut with "…", and so is what a fourth line would hold). Returns
 * the count; *whole 1 when nothing was cut. */
static int wrap(ui_text *t, ui_font f, const char *text, int max_w, char lines[3][160], int *whole)
{
    *whole = 1;
    int n = 0;
    const char *p = text;
    while (*p && n < 3) {
        while (*p == ' ') p++;
        if (!*p) break;
        char line[160] = "";
        size_t len = 0;
        const char *q = p, *fits_end = NULL;
        while (*q) {
            const char *end = strchr(q, ' ');
            if (!end) end = q + strlen(q);
            char cand[160];
            snprintf(cand, sizeof cand, "%.*s", (int)(end - p), p);
            if (ui_text_width(t, f, cand) > max_w && fits_end) break;
            fits_end = end;
            q = *end ? end + 1 : end;
        }
        len = (size_t)(fits_end - p);
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        p = fits_end;
        if (n == 2 && *p) { /* a fourth line would be needed: the third ends with the rest, cut */
            snprintf(line, sizeof line, "%s", p - len);
        }
        ui_text_fit(t, f, line, max_w, lines[n], sizeof lines[n]);
        if (strcmp(lines[n], line) != 0) *whole = 0;
        n++;
    }
    return n;
}

/* Lines centred on x, the first line's top at y; returns the y below them. */
static int draw_lines(ui_text *t, ui_font f, int x, int y, SDL_Color col, char lines[3][160], int n)
{
    const int lh = ui_text_line_height(t, f);
    for (int i = 0; i < n; i++) ui_text_draw(t, f, x, y + i * lh, UI_ALIGN_CENTER, col, lines[i]);
    return y + n * lh;
}

int ui_cards_draw(SDL_Renderer *r, const char *fonts_dir, const ui_cards *c, int end, ui_theme_kind theme, int w,
                  int h, char *err, size_t errlen)
{
    const ui_theme *th = ui_theme_get(theme);
    ui_text *big = ui_text_create(r, fonts_dir, err, errlen), *small = ui_text_create(r, fonts_dir, err, errlen);
    if (!big || !small) {
        ui_text_destroy(big);
        ui_text_destroy(small);
        return -1;
    }
    /* Sized by the height as the frame's own type is (1 at 720p), larger still: a title
     * read from the back of a room (the heading about 1/13 of the height, the lines about
     * 1/30; both themes' text scale applied, the projector's 1.25 included). */
    const float f = (float)h / 720.0f * th->text_scale;
    float fw = (float)w / 1280.0f * th->text_scale;
    const float s = fw < f ? fw : f;
    const int max_w = (int)(w * 0.8f);
    const char *headline = end ? c->next : c->title;
    char lines[3][160];
    int n = 0, whole = 0;
    /* The headline as large as its words allow on three lines at most: a long title
     * steps down rather than lose words. */
    static const float steps[] = {2.5f, 2.1f, 1.8f, 1.5f};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0] && !whole; i++) {
        if (ui_text_set_scale(big, steps[i] * s) != 0) break;
        n = wrap(big, UI_FONT_HEADING, headline, max_w, lines, &whole);
    }
    if (ui_text_px(big, UI_FONT_HEADING) == 0 || ui_text_set_scale(small, 1.35f * s) != 0) {
        snprintf(err, errlen, _("cannot open the fonts at the card's size"));
        ui_text_destroy(big);
        ui_text_destroy(small);
        return -1;
    }
    ui_text_set_region(big, (SDL_Rect){0, 0, w, h}, 0);
    ui_text_set_region(small, (SDL_Rect){0, 0, w, h}, 0);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    ui_draw_fill(r, (SDL_Rect){0, 0, w, h}, th->background);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);

    const int cx = w / 2;
    char course[64];
    ui_text_fit(small, UI_FONT_NARRATION, UI_COURSE_NAME, max_w, course, sizeof course);
    const int big_lh = ui_text_line_height(big, UI_FONT_HEADING), small_lh = ui_text_line_height(small, UI_FONT_NARRATION);
    const int rule_w = (int)(w * 0.12f), rule_t = (int)(3.0f * s + 0.5f) > 2 ? (int)(3.0f * s + 0.5f) : 2;
    const char *above = end ? c->next_label : course;     /* a small line above the headline */
    const char *below = end ? course : c->place;          /* and one below the rule */
    /* The block's height, centred: above, gap, headline, gap, rule, gap, below. */
    const int gap = small_lh / 2;
    const int block = (above[0] ? small_lh + gap : 0) + n * big_lh + gap + rule_t + gap + (below[0] ? small_lh : 0);
    int y = (h - block) / 2;
    if (above[0]) {
        ui_text_draw(small, UI_FONT_NARRATION, cx, y, UI_ALIGN_CENTER, th->text_dim, above);
        y += small_lh + gap;
    }
    y = draw_lines(big, UI_FONT_HEADING, cx, y, th->text, lines, n) + gap;
    ui_draw_fill(r, (SDL_Rect){cx - rule_w / 2, y, rule_w, rule_t}, th->inherent);
    y += rule_t + gap;
    if (below[0]) ui_text_draw(small, UI_FONT_NARRATION, cx, y, UI_ALIGN_CENTER, th->text_dim, below);
    ui_text_destroy(big);
    ui_text_destroy(small);
    return 0;
}

void ui_blend_argb(const uint8_t *a, int a_pitch, const uint8_t *b, int b_pitch, uint8_t *out, int out_pitch, int w,
                   int h, int wt)
{
    if (wt < 0) wt = 0;
    if (wt > 256) wt = 256;
    const uint32_t wb = (uint32_t)wt, wa = 256u - wb, lanes = 0x00FF00FFu, half = 0x00800080u;
    for (int y = 0; y < h; y++) {
        const uint32_t *pa = a ? (const uint32_t *)(const void *)(a + (size_t)y * (size_t)a_pitch) : NULL;
        const uint32_t *pb = (const uint32_t *)(const void *)(b + (size_t)y * (size_t)b_pitch);
        uint32_t *po = (uint32_t *)(void *)(out + (size_t)y * (size_t)out_pitch);
        for (int x = 0; x < w; x++) {
            /* Two channels at once, each in 16 bits: 255·256 + 128 < 65536, so no lane
             * spills into the next, and each is (va·wa + vb·wb + 128) >> 8 exactly. */
            const uint32_t va = pa ? pa[x] : 0xFF000000u; /* opaque black */
            const uint32_t vb = pb[x];
            const uint32_t rb = (((va & lanes) * wa + (vb & lanes) * wb + half) >> 8) & lanes;
            const uint32_t ag = ((((va >> 8) & lanes) * wa + ((vb >> 8) & lanes) * wb + half) >> 8) & lanes;
            po[x] = rb | (ag << 8);
        }
    }
}

int ui_fade_weight(long i, long n)
{
    if (n <= 0 || i >= n - 1) return 256;
    if (i < 0) return 0;
    return (int)((i + 1) * 256 / n);
}
