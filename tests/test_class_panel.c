/* test_class_panel: what the projector and the presenter show of a class (part 12).
 *
 * The join card's QR code, read off the frame by a real decoder (zbarimg on the PNG the
 * frame is saved as), is the URL, at 1280x720 and 1920x1080, in both themes, with and
 * without the advice; it is tall enough to scan from the back of a room (300 and 450
 * pixels), crisp (only pure black and white, whole pixels a module, the quiet zone
 * white) and nothing on the card is cut with "…" or leaves it. On a question the lesson
 * column says how many phones have voted and shows no split until the teacher asks;
 * then each answer's bar is as long as its count says, its count and percent written
 * beside it, and the answers stay where a click finds them. The presenter shows the
 * split all along. The QR cache gives the same modules for the same URL. */
#include "check_main.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_class_card.h"
#include "ui_lesson_panel.h"
#include "ui_text.h"
#include "ui_library.h"
#include "ui_png.h"
#include "ui_qr.h"
#include "ui_scene.h"
#include "xl_poll.h"
#include "scenario_fixture.h"

#ifndef LESSONS_DIR
#error "LESSONS_DIR: the shipped lessons"
#endif
#ifndef OUT_DIR
#error "OUT_DIR: where the frames are saved for zbarimg (and for a person to look at)"
#endif

#define URL "http://192.168.100.123:8321/?c=4821"

static char fonts[2048];

typedef struct frame {
    SDL_Surface *surface;
    SDL_Renderer *r;
    ui_scene *sc;
    int w, h;
} frame;

static void frame_open(frame *f, int w, int h)
{
    char tried[4096];
    ck_assert_msg(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0, "fonts: %s", tried);
    f->w = w;
    f->h = h;
    f->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    ck_assert_ptr_nonnull(f->surface);
    f->r = SDL_CreateSoftwareRenderer(f->surface);
    ck_assert_ptr_nonnull(f->r);
    char err[256];
    f->sc = ui_scene_create(f->r, fonts, err, sizeof err);
    ck_assert_msg(f->sc != NULL, "%s", err);
}

static void frame_close(frame *f)
{
    ui_scene_destroy(f->sc);
    SDL_DestroyRenderer(f->r);
    SDL_FreeSurface(f->surface);
}

static Uint32 pixel(const frame *f, int x, int y)
{
    return ((const Uint32 *)f->surface->pixels)[y * (f->surface->pitch / 4) + x] & 0xFFFFFFu;
}

static Uint32 rgb(SDL_Color c)
{
    return ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
}

static void save(const frame *f, const char *path)
{
    char err[256];
    ck_assert_msg(ui_png_write(path, f->surface->pixels, f->w, f->h, f->surface->pitch, err, sizeof err) == 0,
                  "%s: %s", path, err);
}

/* What zbarimg reads in the PNG at path ("" when nothing), newline removed. */
static void decode(const char *path, char *out, size_t n)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "zbarimg --raw -q '%s' 2>/dev/null", path);
    FILE *pipe = popen(cmd, "r");
    ck_assert_msg(pipe != NULL, "cannot run zbarimg");
    size_t got = fread(out, 1, n - 1, pipe);
    out[got] = '\0';
    pclose(pipe);
    while (got > 0 && (out[got - 1] == '\n' || out[got - 1] == '\r')) out[--got] = '\0';
}

static xl_lesson *load(const char *name)
{
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    char path[600];
    snprintf(path, sizeof path, "%s/%s", LESSONS_DIR, name);
    ck_assert_int_eq(ui_library_load(path, l), 0);
    return l;
}

/* A class of `joined` phones (devices 0..joined-1). */
static xl_poll *class_of(int joined)
{
    xl_poll *poll = xl_poll_create();
    ck_assert_ptr_nonnull(poll);
    for (int d = 0; d < joined; d++) ck_assert_int_eq(xl_poll_join(poll, d), 1);
    ck_assert_int_eq(xl_poll_joined(poll), joined);
    return poll;
}

/* The labels drawn in layer `layer` (-1: any), in the order drawn, one space between
 * them: wrapped text is recorded a run of words at a time. */
static const char *transcript(const ui_text_box *boxes, int n, int layer)
{
    static char all[16384];
    all[0] = '\0';
    for (int i = 0; i < n; i++)
        if (layer < 0 || boxes[i].layer == layer)
            snprintf(all + strlen(all), sizeof all - strlen(all), "%s%s", all[0] ? " " : "", boxes[i].text);
    return all;
}

/* 1 when the labels of layer `layer`, put together with nothing between them, hold
 * `needle`: a URL broken over lines reads whole again. */
static int says_glued(const ui_text_box *boxes, int n, int layer, const char *needle)
{
    static char all[16384];
    all[0] = '\0';
    for (int i = 0; i < n; i++)
        if (layer < 0 || boxes[i].layer == layer) snprintf(all + strlen(all), sizeof all - strlen(all), "%s", boxes[i].text);
    return strstr(all, needle) != NULL;
}

/* How often `needle` appears in what layer `layer` says. */
static int count_labels(const ui_text_box *boxes, int n, int layer, const char *needle)
{
    int c = 0;
    for (const char *at = transcript(boxes, n, layer); (at = strstr(at, needle)) != NULL; at++) c++;
    return c;
}

START_TEST(the_card_code_reads_as_the_url)
{
    /* The projector's two sizes, then an old 4:3 one and a laptop's. */
    static const int sizes[4][2] = {{1280, 720}, {1920, 1080}, {1024, 768}, {1366, 768}};
    xl_lesson *l = load("04-cross-entropy.lesson");
    for (int z = 0; z < 4; z++) {
        const int w = sizes[z][0], h = sizes[z][1];
        frame f;
        frame_open(&f, w, h);
        xl_session *s = default_session_at(XL_BUILTIN_SEED);
        xl_player *p = xl_player_create(l, s);
        ck_assert_ptr_nonnull(p);
        for (int theme = 0; theme < 2; theme++)
            for (int advice = 0; advice < 2; advice++) {
                xl_poll *poll = class_of(advice ? 0 : 3);
                ui_view view = {.theme = theme ? UI_THEME_DARK : UI_THEME_LIGHT, .lesson = p, .poll = poll,
                                .class_url = URL, .class_code = "4821", .class_card = 1, .class_advice = advice};
                ui_text_box boxes[512], cut_boxes[64];
                ui_text_recorder rec = {boxes, 512, 0}, cuts = {cut_boxes, 64, 0};
                ui_scene_set_recorder(f.sc, &rec);
                ui_scene_set_cut_recorder(f.sc, &cuts);
                ui_frame_geom g;
                ui_scene_draw(f.sc, s, &view, w, h, &g);
                ui_scene_set_recorder(f.sc, NULL);
                ui_scene_set_cut_recorder(f.sc, NULL);
                const ui_class_card_geom *cg = &g.class_card;
                const char *tn = theme ? "dark" : "light", *an = advice ? "-advice" : "";
                char path[1024];
                snprintf(path, sizeof path, "%s/class-card-%dx%d-%s%s.png", OUT_DIR, w, h, tn, an);
                save(&f, path);
                /* Tall enough for a phone at the back of a room. */
                const int tall = w == 1280 ? 300 : w == 1920 ? 450 : h * 2 / 5;
                ck_assert_msg(cg->qr.h >= tall, "%dx%d %s%s: the code is %d px tall", w, h, tn, an, cg->qr.h);
                ck_assert_int_eq(cg->qr.w, cg->qr.h);
                ck_assert_int_eq(cg->qr.h, cg->module_px * (cg->modules + 2 * UI_QR_QUIET));
                /* It reads as the URL. */
                char read[512];
                decode(path, read, sizeof read);
                ck_assert_msg(strcmp(read, URL) == 0, "%s: zbarimg read \"%s\", not " URL, path, read);
                /* Crisp and on white: every pixel of it pure black or pure white, the
                 * quiet zone (4 modules on each side) all white. The geometry is the
                 * scene's: the frame's pixels are right of the lesson's column. */
                const int x0 = g.scene.x + cg->qr.x, y0 = g.scene.y + cg->qr.y, q = UI_QR_QUIET * cg->module_px;
                int dark = 0;
                for (int y = y0; y < y0 + cg->qr.h; y++)
                    for (int x = x0; x < x0 + cg->qr.w; x++) {
                        const Uint32 c = pixel(&f, x, y);
                        ck_assert_msg(c == 0u || c == 0xFFFFFFu, "%s: pixel (%d, %d) of the code is %06x", path, x, y,
                                      c);
                        const int quiet = x < x0 + q || y < y0 + q || x >= x0 + cg->qr.w - q || y >= y0 + cg->qr.h - q;
                        if (quiet) ck_assert_msg(c == 0xFFFFFFu, "%s: (%d, %d) in the quiet zone is dark", path, x, y);
                        dark += c == 0u;
                    }
                ck_assert_int_gt(dark, cg->qr.w * cg->qr.h / 5);
                /* Nothing on the card cut; every label on it inside it, none over another. */
                for (int i = 0; i < cuts.count && i < 64; i++)
                    ck_assert_msg(cut_boxes[i].layer != 1, "%s: \"%s\" cut on the card", path, cut_boxes[i].text);
                int on_card = 0, has_code = 0, has_url = 0, has_joined = 0, has_advice = 0;
                for (int i = 0; i < rec.count && i < 512; i++) {
                    const ui_text_box *b = &boxes[i];
                    if (b->layer != 1) continue;
                    on_card++;
                    SDL_Rect card = cg->card;
                    ck_assert_msg(b->ink.x >= card.x && b->ink.y >= card.y && b->ink.x + b->ink.w <= card.x + card.w &&
                                      b->ink.y + b->ink.h <= card.y + card.h,
                                  "%s: \"%s\" leaves the card", path, b->text);
                    ck_assert_msg(!SDL_HasIntersection(&b->ink, &cg->qr), "%s: \"%s\" is over the code", path, b->text);
                    for (int k = 0; k < i; k++)
                        if (boxes[k].layer == 1)
                            ck_assert_msg(!SDL_HasIntersection(&b->ink, &boxes[k].ink), "%s: \"%s\" over \"%s\"", path,
                                          b->text, boxes[k].text);
                    ck_assert_msg(b->px >= h / 45, "%s: \"%s\" at %d px", path, b->text, b->px);
                    if (strcmp(b->text, "4821") == 0) {
                        has_code = 1;
                        /* A narrow scene (4:3) gives the digits less room beside the code. */
                        const int digits = w * 9 == h * 16 ? h / 12 : h / 16;
                        ck_assert_msg(b->ink.h >= digits, "%s: the code's digits are %d px tall", path, b->ink.h);
                    }
                }
                const int nb = rec.count < 512 ? rec.count : 512;
                has_url = says_glued(boxes, nb, 1, URL);
                has_joined = count_labels(boxes, nb, 1, advice ? "No phone has joined yet" : "3 phones joined") == 1;
                has_advice = count_labels(boxes, nb, 1, "hotspot") == 1;
                ck_assert_int_gt(on_card, 5);
                ck_assert_msg(has_code && has_url && has_joined, "%s: code %d, URL %d, joined %d", path, has_code,
                              has_url, has_joined);
                ck_assert_msg(has_advice == advice, "%s: the advice %s", path, advice ? "is missing" : "shows");
                xl_poll_destroy(poll);
            }
        xl_player_destroy(p);
        xl_session_destroy(s);
        frame_close(&f);
    }
    free(l);
}
END_TEST

/* Without a code (the browser build has no libqrencode; here, no cache to make one):
 * the card says to type the address, which it shows whole, and cuts nothing. */
START_TEST(the_card_without_a_code_shows_the_url)
{
    frame f;
    frame_open(&f, 1280, 720);
    char err[256];
    ui_text *text = ui_text_create(f.r, fonts, err, sizeof err), *big = ui_text_create(f.r, fonts, err, sizeof err);
    ck_assert_ptr_nonnull(text);
    ck_assert_ptr_nonnull(big);
    ck_assert_int_eq(ui_text_set_scale(text, ui_class_card_text_scale(832, 720)), 0);
    ck_assert_int_eq(ui_text_set_scale(big, ui_class_card_digits_scale(832, 720)), 0);
    ui_text_box boxes[256], cut_boxes[16];
    ui_text_recorder rec = {boxes, 256, 0}, cuts = {cut_boxes, 16, 0};
    ui_text_set_recorder(text, &rec);
    ui_text_set_recorder(big, &rec);
    ui_text_set_cut_recorder(text, &cuts);
    const ui_theme *th = ui_theme_get(UI_THEME_LIGHT);
    ui_ctx ctx = {.r = f.r, .text = text, .theme = th, .scale = 1.0f, .line = th->line_scale,
                  .pad = (int)(ui_text_line_height(text, UI_FONT_LABEL) * 0.8f)};
    const ui_class_card_info info = {.url = URL, .code = "4821", .joined = 1};
    ui_class_card_geom g;
    ui_class_card_draw(&ctx, big, NULL, (SDL_Rect){448, 0, 832, 720}, &info, &g);
    ck_assert_int_gt(g.card.w, 0);
    ck_assert_int_eq(g.qr.w, 0);
    const int n = rec.count < 256 ? rec.count : 256;
    ck_assert_int_eq(count_labels(boxes, n, 1, URL), 1);
    ck_assert_int_eq(count_labels(boxes, n, 1, "1 phone joined"), 1);
    ck_assert_int_eq(count_labels(boxes, n, 1, "type the address"), 1);
    ck_assert_int_eq(count_labels(boxes, n, 1, "4821"), 2); /* the code, and in the URL */
    ck_assert_int_eq(cuts.count, 0);
    /* A class on the loopback: the advice says no phone can reach it (not the Wi-Fi). */
    rec.count = 0;
    const ui_class_card_info lo = {.url = "http://127.0.0.1:8321/?c=4821", .code = "4821", .joined = 0, .advice = 1};
    ui_class_card_draw(&ctx, big, NULL, (SDL_Rect){448, 0, 832, 720}, &lo, &g);
    const int nl = rec.count < 256 ? rec.count : 256;
    ck_assert_int_eq(count_labels(boxes, nl, 1, "127.0.0.1: only this laptop"), 1);
    ck_assert_int_eq(count_labels(boxes, nl, 1, "Wi-Fi often keeps"), 0);
    /* The class full: the card says so. */
    rec.count = 0;
    const ui_class_card_info full = {.url = URL, .code = "4821", .joined = XL_POLL_DEVICES_MAX};
    ui_class_card_draw(&ctx, big, NULL, (SDL_Rect){448, 0, 832, 720}, &full, &g);
    const int nf = rec.count < 256 ? rec.count : 256;
    ck_assert_int_eq(count_labels(boxes, nf, 1, "500 phones joined: the class is full"), 1);
    ck_assert_int_eq(cuts.count, 0);
    ui_text_destroy(text);
    ui_text_destroy(big);
    frame_close(&f);
}
END_TEST

/* The card without a class on: not drawn, and the same frame as before. */
START_TEST(no_card_no_pixels)
{
    xl_lesson *l = load("04-cross-entropy.lesson");
    frame f;
    frame_open(&f, 1280, 720);
    xl_session *s = default_session_at(XL_BUILTIN_SEED);
    xl_player *p = xl_player_create(l, s);
    ui_view plain = {.theme = UI_THEME_LIGHT, .lesson = p};
    ui_frame_geom g;
    ui_scene_draw(f.sc, s, &plain, 1280, 720, &g);
    Uint32 *before = malloc((size_t)f.surface->pitch * 720);
    memcpy(before, f.surface->pixels, (size_t)f.surface->pitch * 720);
    xl_poll *poll = class_of(2);
    ui_view cls = plain;
    cls.poll = poll;
    cls.class_url = URL;
    cls.class_code = "4821";
    ui_scene_draw(f.sc, s, &cls, 1280, 720, &g);
    ck_assert_int_eq(g.class_card.card.w, 0);
    /* Without the card the scene is as it was (the column may take a smaller narration
     * size: a class's questions carry more lines, and the lesson keeps one size). */
    for (int y = g.scene.y; y < g.scene.y + g.scene.h; y++)
        ck_assert_int_eq(memcmp(before + y * (f.surface->pitch / 4) + g.scene.x,
                                (const Uint32 *)f.surface->pixels + y * (f.surface->pitch / 4) + g.scene.x,
                                (size_t)g.scene.w * 4), 0);
    free(before);
    xl_poll_destroy(poll);
    xl_player_destroy(p);
    xl_session_destroy(s);
    frame_close(&f);
    free(l);
}
END_TEST

/* The longest run of colour c in row y between x0 and x1. */
static int run_of(const frame *f, Uint32 c, int y, int x0, int x1)
{
    int best = 0, run = 0;
    for (int x = x0; x < x1; x++) {
        run = pixel(f, x, y) == c ? run + 1 : 0;
        if (run > best) best = run;
    }
    return best;
}

/* The longest bar of colour c in any row of r. */
static int bar_in(const frame *f, Uint32 c, SDL_Rect r)
{
    int best = 0;
    for (int y = r.y; y < r.y + r.h; y++) {
        int run = run_of(f, c, y, r.x, r.x + r.w);
        if (run > best) best = run;
    }
    return best;
}

/* Lesson 4's page 2 asks a question of three answers: 30 phones, 12 of them vote 5, 4, 3. */
static const int votes[3] = {5, 4, 3};

static void vote_on(xl_poll *poll, int page)
{
    ck_assert_int_eq(xl_poll_open(poll, page, 0, 3), 0);
    int d = 0;
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < votes[k]; i++) ck_assert_int_eq(xl_poll_vote(poll, d++, page, 0, k), 1);
    ck_assert_int_eq(xl_poll_open_tally(poll)->voted, 12);
}

START_TEST(the_column_counts_votes_then_shows_the_split)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    xl_lesson *l = load("04-cross-entropy.lesson");
    for (int z = 0; z < 2; z++) {
        const int w = sizes[z][0], h = sizes[z][1];
        frame f;
        frame_open(&f, w, h);
        xl_session *s = default_session_at(XL_BUILTIN_SEED);
        xl_player *p = xl_player_create(l, s);
        ck_assert_int_eq(xl_player_goto(p, 1), 0);
        ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_ASKING);
        xl_poll *poll = class_of(30);
        vote_on(poll, 1);
        ui_view view = {.theme = UI_THEME_LIGHT, .lesson = p, .poll = poll};
        for (int split = 0; split < 2; split++) {
            xl_poll_set_split(poll, split);
            ui_text_box boxes[512];
            ui_text_recorder rec = {boxes, 512, 0};
            ui_scene_set_recorder(f.sc, &rec);
            ui_frame_geom g;
            ui_scene_draw(f.sc, s, &view, w, h, &g);
            ui_scene_set_recorder(f.sc, NULL);
            char path[1024];
            snprintf(path, sizeof path, "%s/class-column-%dx%d-%s.png", OUT_DIR, w, h, split ? "split" : "count");
            save(&f, path);
            const int n = rec.count < 512 ? rec.count : 512;
            /* The count until the split shows; then the split's labels carry the counts. */
            ck_assert_msg(count_labels(boxes, n, 2, "12 of 30 phones have voted") == !split, "%s: the count line %s",
                          path, split ? "stays with the split" : "is missing");
            /* The answers are where a click finds them: three rows, apart, in the column. */
            ck_assert_int_eq(g.lesson.nanswers, 3);
            for (int a = 0; a < 3; a++) {
                const SDL_Rect r = g.lesson.answers[a];
                ck_assert(r.x >= 0 && r.x + r.w <= g.lesson.column.w && r.y + r.h <= h);
                if (a) ck_assert_int_ge(r.y, g.lesson.answers[a - 1].y + g.lesson.answers[a - 1].h);
            }
            const Uint32 blue = rgb(ui_theme_get(UI_THEME_LIGHT)->truth);
            if (!split) {
                /* No split while voting: no percent, no bar. */
                ck_assert_msg(count_labels(boxes, n, 2, "%") == 0, "%s: a percent shows before the split", path);
                for (int a = 0; a < 3; a++)
                    ck_assert_msg(bar_in(&f, blue, g.lesson.answers[a]) < 4, "%s: a bar in answer %d", path, a + 1);
                continue;
            }
            /* Each answer's count and percent, its bar as long as its count says. */
            static const char *const labels[3] = {"5 · 42%", "4 · 33%", "3 · 25%"};
            int len[3];
            for (int a = 0; a < 3; a++) {
                ck_assert_msg(count_labels(boxes, n, 2, labels[a]) == 1, "%s: no \"%s\"", path, labels[a]);
                len[a] = bar_in(&f, blue, g.lesson.answers[a]);
                /* The label sits in its answer's row. */
                for (int i = 0; i < n; i++)
                    if (boxes[i].layer == 2 && strcmp(boxes[i].text, labels[a]) == 0) {
                        SDL_Rect row = g.lesson.answers[a];
                        ck_assert_msg(SDL_HasIntersection(&boxes[i].ink, &row), "%s: \"%s\" outside its row", path,
                                      labels[a]);
                    }
            }
            ck_assert_int_gt(len[0], w / 20);
            for (int a = 1; a < 3; a++) {
                const double want = (double)len[0] * votes[a] / votes[0];
                ck_assert_msg(len[a] >= want - 2.0 && len[a] <= want + 2.0, "%s: bar %d is %d px, bar 1 %d px (%d:%d)",
                              path, a + 1, len[a], len[0], votes[a], votes[0]);
            }
        }
        /* The reveal: the bars stay, beside the right answer's mark. */
        xl_player_answer(p, 0);
        xl_poll_close(poll);
        ck_assert_int_eq(xl_poll_split_shown(poll), 1);
        ui_text_box boxes[512];
        ui_text_recorder rec = {boxes, 512, 0};
        ui_scene_set_recorder(f.sc, &rec);
        ui_frame_geom g;
        ui_scene_draw(f.sc, s, &view, w, h, &g);
        ui_scene_set_recorder(f.sc, NULL);
        char path[1024];
        snprintf(path, sizeof path, "%s/class-column-%dx%d-revealed.png", OUT_DIR, w, h);
        save(&f, path);
        const int n = rec.count < 512 ? rec.count : 512;
        ck_assert_msg(count_labels(boxes, n, 2, "5 · 42%") == 1, "%s: the split is gone after the reveal", path);
        ck_assert_msg(count_labels(boxes, n, 2, "4 · 33%") == 1 && count_labels(boxes, n, 2, "3 · 25%") == 1,
                      "%s: the split is gone after the reveal", path);
        /* The explanation in the count's place. */
        ck_assert_msg(count_labels(boxes, n, 2, "phones") == 0, "%s: a count line beside the split", path);
        ck_assert_msg(count_labels(boxes, n, 2, "robin's bar showed all along") == 1, "%s: no explanation", path);
        xl_poll_destroy(poll);
        xl_player_destroy(p);
        xl_session_destroy(s);
        frame_close(&f);
    }
    free(l);
}
END_TEST

/* The bars of colour c in the column (x below col_w): each run of rows where a run
 * of at least 8 pixels of c is found is one bar; its longest run into len[]. Returns
 * the bars found (at most cap). */
static int bars_in_column(const frame *f, Uint32 c, int col_w, int *len, int cap)
{
    int n = 0, in = 0;
    for (int y = 0; y < f->h; y++) {
        const int run = run_of(f, c, y, 0, col_w);
        if (run >= 8) {
            if (!in && n < cap) len[n++] = 0;
            in = 1;
            if (run > len[n - 1]) len[n - 1] = run;
        } else {
            in = 0;
        }
    }
    return n;
}

/* A page with no room to spare (lesson 11's race), revealed with its split shown: the
 * compact split (a bar along each answer's top, its label beside the answer) keeps the
 * explanation whole, the bars in proportion, the labels clear of the words. */
START_TEST(a_tight_page_keeps_its_split_and_its_explanation)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    xl_lesson *l = load("11-optimizers.lesson");
    for (int z = 0; z < 2; z++) {
        const int w = sizes[z][0], h = sizes[z][1];
        frame f;
        frame_open(&f, w, h);
        xl_session *s = default_session_at(XL_BUILTIN_SEED);
        xl_player *p = xl_player_create(l, s);
        ck_assert_ptr_nonnull(p);
        ck_assert_int_eq(xl_player_goto(p, 4), 0);
        for (int i = 0; i < 100 && xl_player_phase_of(p) != XL_PLAYER_ASKING; i++) {
            if (xl_player_phase_of(p) == XL_PLAYER_PLAYING) xl_player_advance_steps(p, 500);
            else xl_player_next(p);
        }
        ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_ASKING);
        xl_poll *poll = class_of(30);
        vote_on(poll, 4);
        xl_poll_set_split(poll, 1);
        ck_assert_int_eq(xl_player_answer(p, 2), 1);
        for (int i = 0; i < 100 && !xl_player_question_revealed(p, 0); i++) {
            if (xl_player_phase_of(p) == XL_PLAYER_PLAYING) xl_player_advance_steps(p, 500);
            else xl_player_next(p);
        }
        ck_assert(xl_player_question_revealed(p, 0));
        xl_poll_close(poll);
        ui_view view = {.theme = UI_THEME_LIGHT, .lesson = p, .poll = poll};
        ui_text_box boxes[512];
        ui_text_recorder rec = {boxes, 512, 0};
        ui_scene_set_recorder(f.sc, &rec);
        ui_frame_geom g;
        ui_scene_draw(f.sc, s, &view, w, h, &g);
        ui_scene_set_recorder(f.sc, NULL);
        char path[1024];
        snprintf(path, sizeof path, "%s/class-column-tight-%dx%d.png", OUT_DIR, w, h);
        save(&f, path);
        const int n = rec.count < 512 ? rec.count : 512;
        static const char *const labels[3] = {"5 · 42%", "4 · 33%", "3 · 25%"};
        for (int a = 0; a < 3; a++)
            ck_assert_msg(count_labels(boxes, n, 2, labels[a]) == 1, "%s: no \"%s\"", path, labels[a]);
        ck_assert_msg(count_labels(boxes, n, 2, "never the floor.") == 1, "%s: the explanation is cut: %s", path,
                      transcript(boxes, n, 2));
        for (int i = 0; i < n; i++) {
            if (boxes[i].layer != 2) continue;
            ck_assert_msg(boxes[i].ink.x + boxes[i].ink.w <= g.lesson.column.w, "%s: \"%s\" leaves the column", path,
                          boxes[i].text);
            for (int k = 0; k < i; k++)
                if (boxes[k].layer == 2)
                    ck_assert_msg(!SDL_HasIntersection(&boxes[i].ink, &boxes[k].ink),
                                  "%s: \"%s\" (%d, %d, %d x %d) over \"%s\" (%d, %d, %d x %d)", path, boxes[i].text,
                                  boxes[i].ink.x, boxes[i].ink.y, boxes[i].ink.w, boxes[i].ink.h, boxes[k].text,
                                  boxes[k].ink.x, boxes[k].ink.y, boxes[k].ink.w, boxes[k].ink.h);
        }
        int len[8];
        const int bars = bars_in_column(&f, rgb(ui_theme_get(UI_THEME_LIGHT)->truth), g.lesson.column.w, len, 8);
        ck_assert_msg(bars == 3, "%s: %d bars in the column", path, bars);
        for (int a = 1; a < 3; a++) {
            const double want = (double)len[0] * votes[a] / votes[0];
            ck_assert_msg(len[a] >= want - 2.0 && len[a] <= want + 2.0, "%s: bar %d is %d px, bar 1 %d px", path, a + 1,
                          len[a], len[0]);
        }
        xl_poll_destroy(poll);
        xl_player_destroy(p);
        xl_session_destroy(s);
        frame_close(&f);
    }
    free(l);
}
END_TEST

START_TEST(the_presenter_shows_the_split_all_along)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    xl_lesson *l = load("04-cross-entropy.lesson");
    for (int z = 0; z < 2; z++) {
        const int w = sizes[z][0], h = sizes[z][1];
        frame f;
        frame_open(&f, w, h);
        xl_session *s = default_session_at(XL_BUILTIN_SEED);
        xl_player *p = xl_player_create(l, s);
        ck_assert_int_eq(xl_player_goto(p, 1), 0);
        xl_poll *poll = class_of(30);
        ui_view view = {.theme = UI_THEME_LIGHT, .lesson = p, .poll = poll};
        ui_text_box boxes[512];
        ui_text_recorder rec = {boxes, 512, 0};
        /* Before any vote is asked for: the phones joined, no split. */
        ui_scene_set_recorder(f.sc, &rec);
        ui_scene_draw_presenter(f.sc, &view, 65.0, w, h);
        ui_scene_set_recorder(f.sc, NULL);
        int n = rec.count < 512 ? rec.count : 512;
        ck_assert_int_eq(count_labels(boxes, n, -1, "30 phones joined"), 1);
        ck_assert_int_eq(count_labels(boxes, n, -1, "No question asked on this page yet."), 1);
        vote_on(poll, 1);
        rec.count = 0;
        ui_scene_set_recorder(f.sc, &rec);
        ui_scene_draw_presenter(f.sc, &view, 65.0, w, h);
        ui_scene_set_recorder(f.sc, NULL);
        char path[1024];
        snprintf(path, sizeof path, "%s/class-presenter-%dx%d.png", OUT_DIR, w, h);
        save(&f, path);
        n = rec.count < 512 ? rec.count : 512;
        ck_assert_msg(count_labels(boxes, n, -1, "30 phones joined") == 1, "%s: no phones joined", path);
        ck_assert_msg(count_labels(boxes, n, -1, "12 of 30 phones have voted") == 1, "%s: no count", path);
        ck_assert_msg(count_labels(boxes, n, -1, "split hidden") == 1, "%s: not said the split is hidden", path);
        ck_assert_msg(count_labels(boxes, n, -1, "5 · 42%") == 1 && count_labels(boxes, n, -1, "4 · 33%") == 1 &&
                          count_labels(boxes, n, -1, "3 · 25%") == 1,
                      "%s: the split is not shown while hidden on the projector", path);
        for (int i = 0; i < n; i++)
            ck_assert_msg(boxes[i].ink.x + boxes[i].ink.w <= w && boxes[i].ink.y + boxes[i].ink.h <= h,
                          "%s: \"%s\" leaves the window", path, boxes[i].text);
        /* No split shown without a class. */
        view.poll = NULL;
        rec.count = 0;
        ui_scene_set_recorder(f.sc, &rec);
        ui_scene_draw_presenter(f.sc, &view, 65.0, w, h);
        ui_scene_set_recorder(f.sc, NULL);
        ck_assert_int_eq(count_labels(boxes, rec.count < 512 ? rec.count : 512, -1, "%"), 0);
        xl_poll_destroy(poll);
        xl_player_destroy(p);
        xl_session_destroy(s);
        frame_close(&f);
    }
    free(l);
}
END_TEST

START_TEST(the_qr_cache_is_only_a_cache)
{
    ui_qr *a = ui_qr_create(), *b = ui_qr_create();
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    const unsigned char *ma = NULL, *mb = NULL;
    ck_assert_int_eq(ui_qr_available(), 1);
    const int n = ui_qr_modules(a, URL, &ma);
    ck_assert_int_ge(n, 21);
    ck_assert_int_eq((n - 17) % 4, 0); /* a QR side is 17 + 4 x version */
    /* Another URL in between, then the first again: the same modules as a fresh cache's. */
    ck_assert_int_gt(ui_qr_modules(a, "http://10.0.0.5:8321/?c=0001", &ma), 0);
    ck_assert_int_eq(ui_qr_modules(a, URL, &ma), n);
    ck_assert_int_eq(ui_qr_modules(b, URL, &mb), n);
    ck_assert_int_eq(memcmp(ma, mb, (size_t)n * (size_t)n), 0);
    /* The finder pattern's corner: a 7x7 ring, dark at (0, 0), light at (1, 1). */
    ck_assert_int_eq(ma[0], 1);
    ck_assert_int_eq(ma[n + 1], 0);
    ck_assert_int_eq(ma[2 * n + 2], 1);
    /* No code for nothing, or for more than the cache keeps. */
    ck_assert_int_eq(ui_qr_modules(a, "", &ma), 0);
    ck_assert_ptr_null(ma);
    char *long_text = malloc(UI_QR_TEXT_MAX + 1);
    memset(long_text, 'a', UI_QR_TEXT_MAX);
    long_text[UI_QR_TEXT_MAX] = '\0';
    ck_assert_int_eq(ui_qr_modules(a, long_text, &ma), 0);
    free(long_text);
    ck_assert_int_eq(ui_qr_span(n), n + 8);
    ui_qr_destroy(a);
    ui_qr_destroy(b);
}
END_TEST

/* Every .lesson in LESSONS_DIR, sorted; returns the count. */
static int lesson_files(char names[][256], int cap)
{
    DIR *d = opendir(LESSONS_DIR);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < cap) {
        size_t len = strlen(e->d_name);
        if (len > 7 && strcmp(e->d_name + len - 7, ".lesson") == 0) snprintf(names[n++], 256, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, 256, (int (*)(const void *, const void *))strcmp);
    return n;
}

/* With a class, every page of every shipped lesson, each question with its count of
 * votes and its split's bars, fits its column at the smallest narration size (1/32 of
 * the height), at 1280x720 and 1920x1080: a class costs a lesson at most a step of its
 * narration's size, never a clipped line. */
START_TEST(every_page_fits_with_a_class)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    char names[64][256];
    const int n = lesson_files(names, 64);
    ck_assert_int_ge(n, 11);
    xl_lesson *l = malloc(sizeof *l);
    int questions = 0;
    for (int z = 0; z < 2; z++) {
        const int w = sizes[z][0], h = sizes[z][1];
        frame f;
        frame_open(&f, w, h);
        char err[256];
        ui_text *text = ui_text_create(f.r, fonts, err, sizeof err);
        ck_assert_ptr_nonnull(text);
        ck_assert_int_eq(ui_text_set_scale(text, (float)h / 720.0f), 0);
        const SDL_Rect col = {0, 0, ui_lesson_column_width(w), h};
        const ui_theme *th = ui_theme_get(UI_THEME_LIGHT);
        ui_ctx ctx = {.r = f.r, .text = text, .theme = th, .scale = (float)h / 720.0f,
                      .line = (float)h / 720.0f * th->line_scale,
                      .pad = (int)(ui_text_line_height(text, UI_FONT_LABEL) * 0.8f)};
        for (int i = 0; i < n; i++) {
            char path[sizeof LESSONS_DIR + 300];
            snprintf(path, sizeof path, "%s/%.256s", LESSONS_DIR, names[i]);
            ck_assert_int_eq(ui_library_load(path, l), 0);
            xl_session *s = default_session_at(XL_BUILTIN_SEED);
            xl_player *p = xl_player_create(l, s);
            ck_assert_ptr_nonnull(p);
            for (int k = 0; k < l->npages; k++) {
                questions += l->pages[k].nquestions;
                ck_assert_msg(ui_lesson_page_fits_class(&ctx, col, p, k, 1),
                              "%s page %d (\"%s\") with a class does not fit the column at %dx%d", names[i], k + 1,
                              l->pages[k].title, w, h);
            }
            xl_player_destroy(p);
            xl_session_destroy(s);
        }
        ui_text_destroy(text);
        frame_close(&f);
    }
    ck_assert_int_ge(questions, 2 * 10);
    free(l);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("class panel");
    TCase *tc = tcase_create("class panel");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, the_card_code_reads_as_the_url);
    tcase_add_test(tc, no_card_no_pixels);
    tcase_add_test(tc, the_card_without_a_code_shows_the_url);
    tcase_add_test(tc, the_column_counts_votes_then_shows_the_split);
    tcase_add_test(tc, a_tight_page_keeps_its_split_and_its_explanation);
    tcase_add_test(tc, the_presenter_shows_the_split_all_along);
    tcase_add_test(tc, the_qr_cache_is_only_a_cache);
    tcase_add_test(tc, every_page_fits_with_a_class);
    suite_add_tcase(su, tc);
    return su;
}
