/* test_landscape_panel: the loss-landscape panel drawn headless with SDL's software
 * renderer and read back: hostile numbers never reach SDL as NaN or huge coordinates,
 * tiny colour-bar steps end, the note says where the minimum is, its label hides no
 * marker or path, the start looks as the legend shows it, and the map is large. Also
 * the drawing primitives and the label placer on their own. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_cli.h"
#include "ui_draw.h"
#include "ui_layout.h"
#include "ui_scene.h"
#include "ui_theme.h"
#include "scenario_fixture.h"
#include "scene_fixture.h"

enum { MAX_ARGS = 16 };

typedef scene_frame frame;

/* Draw with the text recorder on: f->boxes[0..f->rec.count) are the labels drawn. */
static void frame_draw(frame *f, xl_session *s, ui_theme_kind theme)
{
    ui_view view = {.theme = theme};
    scene_frame_draw_recorded(f, s, &view);
}

static SDL_Color pixel(const SDL_Surface *s, int x, int y)
{
    ck_assert_msg(x >= 0 && y >= 0 && x < s->w && y < s->h, "pixel (%d,%d) outside the frame", x, y);
    Uint32 v = ((const Uint32 *)s->pixels)[(size_t)y * (s->pitch / 4) + x];
    SDL_Color c = {(Uint8)(v >> 16), (Uint8)(v >> 8), (Uint8)v, 255};
    return c;
}

static double luma(SDL_Color c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; }

/* A session from a command line, parsed by the real flag parser, so a failure
 * reproduces with `xentlab --headless -o x.png ARGS`. */
static xl_session *session_from(const char *args)
{
    char storage[512];
    char *argv[MAX_ARGS + 1];
    snprintf(storage, sizeof storage, "xentlab %s", args);
    int argc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(storage, " ", &save); tok && argc < MAX_ARGS; tok = strtok_r(NULL, " ", &save))
        argv[argc++] = tok;
    argv[argc] = NULL;
    ui_options opt;
    ck_assert_msg(ui_cli_parse(argc, argv, &opt, stdout, stderr) == UI_CLI_RUN, "'%s' does not parse", args);
    xl_session *s = xl_session_create(&opt.desc);
    ck_assert_msg(s != NULL, "'%s' has no session", args);
    for (int i = 0; i < opt.command_count; i++)
        if (opt.commands[i].view == UI_VIEW_NONE) xl_session_apply(s, opt.commands[i].cmd);
    xl_session_run(s, (int)opt.steps);
    return s;
}

/* The landscape panel's labels (recorded in its region). */
static int in_landscape(const frame *f, const ui_text_box *b)
{
    SDL_Rect L = f->geom.layout.landscape;
    return b->region.x == L.x && b->region.y == L.y && b->region.w == L.w && b->region.h == L.h;
}

static const ui_text_box *find_label(const frame *f, const char *prefix)
{
    for (int i = 0; i < f->rec.count; i++)
        if (in_landscape(f, &f->boxes[i]) && strncmp(f->boxes[i].text, prefix, strlen(prefix)) == 0)
            return &f->boxes[i];
    return NULL;
}

/* The note: the landscape's label that starts with one of the known openings, its
 * wrapped lines joined. */
static void landscape_text(const frame *f, char *out, size_t n)
{
    out[0] = '\0';
    for (int i = 0; i < f->rec.count; i++) {
        if (!in_landscape(f, &f->boxes[i])) continue;
        strncat(out, f->boxes[i].text, n - strlen(out) - 1);
        strncat(out, " ", n - strlen(out) - 1);
    }
}

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {800, 600}, {640, 480}};
enum { SIZE_COUNT = 4 };

/* ---- B: no NaN, infinity or huge number reaches SDL ---- */

static SDL_Surface *blank(SDL_Renderer **r)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 200, 100, 32, SDL_PIXELFORMAT_ARGB8888);
    ck_assert_ptr_nonnull(s);
    *r = SDL_CreateSoftwareRenderer(s);
    ck_assert_ptr_nonnull(*r);
    SDL_SetRenderDrawColor(*r, 255, 255, 255, 255);
    SDL_RenderClear(*r);
    return s;
}

static int changed_pixels(const SDL_Surface *s)
{
    int n = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            if (luma(pixel(s, x, y)) < 250) n++;
    return n;
}

START_TEST(non_finite_input_draws_nothing)
{
    SDL_Renderer *r;
    SDL_Surface *s = blank(&r);
    const SDL_Color black = {0, 0, 0, 255};
    const float bad[] = {NAN, INFINITY, -INFINITY};
    for (int i = 0; i < 3; i++) {
        float v = bad[i];
        ui_draw_line(r, v, 10, 100, 50, 3, black);
        ui_draw_line(r, 10, 10, 100, v, 3, black);
        ui_draw_line(r, 10, 10, 100, 50, v, black); /* a NaN width is one pixel: drawn */
        SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
        SDL_RenderClear(r);
        ui_draw_dashed(r, 10, v, 100, 50, 2, 4, 3, black);
        ui_draw_dashed(r, 10, 10, 100, 50, 2, v, 3, black);
        ui_draw_disc(r, v, 50, 10, black);
        ui_draw_disc(r, 50, 50, v, black);
        ui_draw_ring(r, 50, v, 10, 2, black);
        ui_draw_ring(r, 50, 50, 10, v, black);
        ui_draw_cross(r, 50, 50, v, 2, black);
        ui_draw_cross(r, v, 50, 5, 2, black);
        ui_draw_arrow(r, 10, 10, v, 50, 6, 2, black);
        SDL_RenderPresent(r);
        ck_assert_msg(changed_pixels(s) == 0, "input %g drew %d pixels", (double)v, changed_pixels(s));
    }
    ck_assert_msg(ui_draw_clamp(1e300) == (float)UI_DRAW_BOUND && ui_draw_clamp(-INFINITY) == (float)-UI_DRAW_BOUND &&
                  ui_draw_clamp(NAN) == 0.0f && ui_draw_clamp(12.5) == 12.5f,
                  "ui_draw_clamp: %g %g %g", (double)ui_draw_clamp(1e300), (double)ui_draw_clamp(-INFINITY),
                  (double)ui_draw_clamp(NAN));
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}
END_TEST

START_TEST(huge_input_draws_a_clamped_shape)
{
    SDL_Renderer *r;
    SDL_Surface *s = blank(&r);
    const SDL_Color black = {0, 0, 0, 255};
    /* A horizontal line at y = 50 toward x = 1e30 still crosses the frame. */
    ui_draw_line(r, 10, 50, 1e30f, 50, 3, black);
    ui_draw_line(r, -3e38f, 20, 3e38f, 20, 1, black);
    /* A diagonal between far points: whatever float precision leaves of it, no crash. */
    ui_draw_line(r, 1e30f, 1e30f, -1e30f, -1e30f, 1, black);
    ui_draw_dashed(r, -1e30f, 80, 1e30f, 80, 1, 4, 4, black);
    ui_draw_disc(r, 1e300 > 0 ? 3e38f : 0, 50, 1e30f, black); /* off screen */
    ui_draw_ring(r, 100, 50, 1e30f, 2, black); /* radius bounded: beyond the corners */
    ui_draw_fill(r, (SDL_Rect){-2000000000, -2000000000, 2100000000, 2000000010}, black);
    ui_draw_frame(r, (SDL_Rect){2147483000, 0, 2147483000, 10}, 2000000000, black);
    SDL_RenderPresent(r);
    ck_assert_msg(luma(pixel(s, 150, 50)) < 50, "the line toward x = 1e30 is missing at (150,50)");
    ck_assert_msg(luma(pixel(s, 190, 19)) < 50 || luma(pixel(s, 190, 20)) < 50,
                  "the line from -3e38 to 3e38 is missing at (190,20)");
    int dashes = 0;
    for (int x = 0; x < 200; x++) dashes += luma(pixel(s, x, 79)) < 50 || luma(pixel(s, x, 80)) < 50;
    ck_assert_msg(dashes > 60 && dashes < 140, "the dashed line covers %d of 200 px, not about half", dashes);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}
END_TEST

START_TEST(frame_with_the_largest_logits_renders)
{
    xl_session *s = session_from("--logits -1e300,1e300,0,0,0") /* the largest the CLI takes (XL_MAX_LOGIT) */;
    for (int si = 0; si < SIZE_COUNT; si++) {
        frame f;
        scene_frame_open(&f, sizes[si][0], sizes[si][1]);
        for (int t = 0; t < 2; t++) {
            frame_draw(&f, s, (ui_theme_kind)t);
            const ui_landscape_geom *g = &f.geom.landscape;
            ck_assert_msg(g->map.w > 40, "no map at %dx%d", sizes[si][0], sizes[si][1]);
            ck_assert_msg(isfinite(g->current_x) && isfinite(g->current_y) && fabsf(g->current_x) < 1e6f &&
                          fabsf(g->current_y) < 1e6f, "current point at (%g,%g)", (double)g->current_x,
                          (double)g->current_y);
            ck_assert_msg(isfinite(g->lo) && isfinite(g->hi) && g->hi > g->lo, "view [%g, %g]", g->lo, g->hi);
        }
        scene_frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

/* ---- C: a colour-bar step below half an ulp ends ---- */

START_TEST(colour_bar_with_a_step_below_an_ulp_finishes)
{
    /* The loss is about 38.8559 everywhere in view and varies in its last bits. */
    xl_session *s = session_from("--true 0,0,1,0 --logits 0,0,0,38.8559");
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_LIGHT);
    ck_assert_int_gt(f.geom.landscape.map.w, 40);
    /* Distinct colour-bar labels only: the same number twice says nothing. */
    for (int i = 0; i < f.rec.count; i++)
        for (int j = i + 1; j < f.rec.count; j++)
            ck_assert_msg(!(in_landscape(&f, &f.boxes[i]) && in_landscape(&f, &f.boxes[j]) &&
                            strcmp(f.boxes[i].text, f.boxes[j].text) == 0 && f.boxes[i].text[0] == '3'),
                          "label '%s' appears twice", f.boxes[i].text);
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* ---- A: the note says where the minimum is ---- */

START_TEST(minimum_outside_the_view_is_named_and_pointed_at)
{
    xl_session *s = session_from("--logits 0,0,0,800,0");
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_LIGHT);
    char text[4096];
    landscape_text(&f, text, sizeof text);
    ck_assert_msg(strstr(text, "outside the view") && strstr(text, "at (") && strstr(text, "800.1"),
                  "the note does not say where the minimum is: %s", text);
    ck_assert_msg(!strstr(text, "no minimum"), "the note denies a minimum that exists: %s", text);
    const ui_landscape_geom *g = &f.geom.landscape;
    ck_assert_int_eq(g->has_minimum, 0);
    /* The minimum is at about (799, 799): the arrow points up and right from inside the
     * map's top-right corner. */
    int cx = g->map.x + g->map.w / 2, cy = g->map.y + g->map.h / 2;
    ck_assert_msg(g->minimum_x > cx + g->map.w * 0.4 && g->minimum_y < cy - g->map.h * 0.4 &&
                  g->minimum_x < g->map.x + g->map.w && g->minimum_y > g->map.y,
                  "arrow tip at (%.0f,%.0f), map (%d,%d %dx%d)", (double)g->minimum_x, (double)g->minimum_y,
                  g->map.x, g->map.y, g->map.w, g->map.h);
    SDL_Color tip = pixel(f.surface, (int)g->minimum_x, (int)g->minimum_y);
    ck_assert_msg(luma(tip) > 200 || luma(tip) < 30, "no arrow at its tip: (%d,%d,%d)", tip.r, tip.g, tip.b);
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

START_TEST(no_minimum_only_when_there_is_none)
{
    /* p_1 = 1, p_2 = 0: the loss falls forever as z1 - z2 grows. */
    xl_session *s = session_from("--true onehot:1 --logits 0,0,0,0,0");
    frame f;
    scene_frame_open(&f, 1280, 720);
    frame_draw(&f, s, UI_THEME_DARK);
    char text[4096];
    landscape_text(&f, text, sizeof text);
    ck_assert_msg(strstr(text, "no minimum"), "no 'no minimum' note: %s", text);
    ck_assert_msg(find_label(&f, "lowest in view") != NULL, "the lowest cell is not labelled honestly");
    ck_assert_int_eq(f.geom.landscape.has_minimum, 0);
    xl_session_destroy(s);
    /* Uniform P, minimum in view: no note about its absence. */
    s = session_from("--classes 3 --steps 20");
    frame_draw(&f, s, UI_THEME_DARK);
    landscape_text(&f, text, sizeof text);
    ck_assert_msg(!strstr(text, "no minimum") && !strstr(text, "outside"), "wrong note: %s", text);
    ck_assert_int_eq(f.geom.landscape.has_minimum, 1);
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* ---- D: the minimum's label hides nothing; the start is a ring ---- */

static const char *const crowded[] = {"--classes 3 --steps 20", "--lr 50 --steps 20", "--steps 60",
                                      "--classes 3 --steps 200"};

static int point_in(SDL_Rect r, float x, float y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

START_TEST(minimum_label_hides_no_marker_or_path)
{
    xl_session *s = session_from(crowded[_i]);
    const xl_sim *sim = xl_session_sim(s);
    int a, b;
    xl_session_slice(s, &a, &b);
    for (int si = 0; si < SIZE_COUNT; si++) {
        frame f;
        scene_frame_open(&f, sizes[si][0], sizes[si][1]);
        for (int t = 0; t < 2; t++) {
            frame_draw(&f, s, (ui_theme_kind)t);
            const ui_landscape_geom *g = &f.geom.landscape;
            const ui_text_box *lb = find_label(&f, "minimum");
            ck_assert_msg(lb != NULL, "[%s] %dx%d: no minimum label", crowded[_i], sizes[si][0], sizes[si][1]);
            SDL_Rect box = lb->ink;
            ck_assert_msg(!point_in(box, g->current_x, g->current_y),
                          "[%s] %dx%d: label (%d,%d %dx%d) covers the current point (%.0f,%.0f)", crowded[_i],
                          sizes[si][0], sizes[si][1], box.x, box.y, box.w, box.h, (double)g->current_x,
                          (double)g->current_y);
            double span = g->hi - g->lo;
            for (int i = 0; i < xl_sim_history_count(sim); i++) {
                const double *th = xl_sim_history_theta(sim, i);
                float x = (float)(g->map.x + (th[a] - g->lo) / span * g->map.w);
                float y = (float)(g->map.y + g->map.h - (th[b] - g->lo) / span * g->map.h);
                ck_assert_msg(!point_in(box, x, y), "[%s] %dx%d %s: label (%d,%d %dx%d) covers path point %d (%.0f,%.0f)",
                              crowded[_i], sizes[si][0], sizes[si][1], t ? "dark" : "projector", box.x, box.y,
                              box.w, box.h, i, (double)x, (double)y);
            }
        }
        scene_frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

START_TEST(start_is_a_ring_on_the_map_as_in_the_legend)
{
    xl_session *s = session_from("--classes 3 --steps 20");
    frame f;
    scene_frame_open(&f, 1280, 720);
    const double *z0 = xl_sim_theta0(xl_session_sim(s));
    for (int t = 0; t < 2; t++) {
        frame_draw(&f, s, (ui_theme_kind)t);
        const ui_landscape_geom *g = &f.geom.landscape;
        double span = g->hi - g->lo;
        int x = (int)lround(g->map.x + (z0[0] - g->lo) / span * g->map.w);
        int y = (int)lround(g->map.y + g->map.h - (z0[1] - g->lo) / span * g->map.h);
        SDL_Color centre = pixel(f.surface, x, y);
        ck_assert_msg(luma(centre) < 40, "start centre (%d,%d) is (%d,%d,%d): a solid disc, not a ring", x, y,
                      centre.r, centre.g, centre.b);
        /* The ring itself, in the path's colour, a few pixels out. */
        SDL_Color tr = ui_theme_get((ui_theme_kind)t)->trajectory;
        int found = 0;
        for (int dx = 2; dx < 9; dx++) {
            SDL_Color c = pixel(f.surface, x + dx, y);
            found |= abs(c.r - tr.r) < 10 && abs(c.g - tr.g) < 10 && abs(c.b - tr.b) < 10;
        }
        ck_assert_msg(found, "no ring in the path's colour right of the start (%d,%d)", x, y);
    }
    scene_frame_close(&f);
    xl_session_destroy(s);
}
END_TEST

/* ---- E: the map is the picture ---- */

START_TEST(heatmap_takes_the_space)
{
    xl_session *s = session_from("");
    /* 255, 390, 190 and 155 px (the projector theme's; the dark one's are larger), not
     * 320, 480, 230 and 180, since issue 21: the projector's ticks are held at 1/45 of
     * the height (a narrow window's type no longer shrinks with its width), and the
     * sandbox's control strip takes a row. F2 gives the map the whole scene. */
    const struct { int w, h, min_side; } want[] = {{1280, 720, 255}, {1920, 1080, 390}, {800, 600, 190},
                                                  {640, 480, 155}};
    for (int i = 0; i < 4; i++) {
        frame f;
        scene_frame_open(&f, want[i].w, want[i].h);
        for (int t = 0; t < 2; t++) {
            frame_draw(&f, s, (ui_theme_kind)t);
            const ui_frame_geom *g = &f.geom;
            ck_assert_msg(g->landscape.map.w == g->landscape.map.h, "map not square");
            ck_assert_msg(g->landscape.map.w >= want[i].min_side, "%dx%d %s: heatmap %d px, want >= %d", want[i].w,
                          want[i].h, t ? "dark" : "projector", g->landscape.map.w, want[i].min_side);
            ck_assert_msg(g->layout.bars.w * 100 >= want[i].w * 40, "%dx%d: left column %d px, under 40%%",
                          want[i].w, want[i].h, g->layout.bars.w);
        }
        scene_frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

/* ---- F: the panel's labels are readable in every scene of issue 5, then in every
 * registered scenario with a landscape (scenario_scene, variant 0) ---- */

static const char *const scenes[] = {
    "", "--logits 0,0,0,800,0", "--lr 50 --steps 20", "--classes 3 --steps 20", "--classes 2 --steps 10",
    "--classes 12 --steps 5", "--true 0,0,1,0 --logits 0,0,0,38.8559", "--logits -1e300,1e300,0,0,0", "--logits 1e300,-1e300,1e300",
    "--steps 5 --logits 10000,-10000,0,1e6,-1e6", "--true onehot:1 --steps 30", "--steps 40 --do unit",
    "--do slice-next,unit --steps 10",
};
enum { SCENE_COUNT = (int)(sizeof scenes / sizeof scenes[0]) };

static int contains(SDL_Rect outer, SDL_Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

START_TEST(landscape_labels_are_readable)
{
    char scene[256];
    if (_i < SCENE_COUNT) {
        snprintf(scene, sizeof scene, "%s", scenes[_i]);
    } else {
        if (!(xl_scenario_at(_i - SCENE_COUNT)->panels & XL_PANEL_LANDSCAPE)) return; /* nothing to read */
        scenario_scene(_i - SCENE_COUNT, 0, scene, sizeof scene);
    }
    xl_session *s = session_from(scene);
    for (int si = 0; si < SIZE_COUNT; si++) {
        frame f;
        scene_frame_open(&f, sizes[si][0], sizes[si][1]);
        for (int t = 0; t < 2; t++) {
            frame_draw(&f, s, (ui_theme_kind)t);
            for (int i = 0; i < f.rec.count; i++) {
                const ui_text_box *p = &f.boxes[i];
                if (!in_landscape(&f, p)) continue;
                ck_assert_msg(contains(p->region, p->ink), "[%s] %dx%d %s: '%s' (%d,%d %dx%d) leaves the panel",
                              scene, sizes[si][0], sizes[si][1], t ? "dark" : "projector", p->text, p->ink.x,
                              p->ink.y, p->ink.w, p->ink.h);
                for (int j = i + 1; j < f.rec.count; j++) {
                    const ui_text_box *q = &f.boxes[j];
                    ck_assert_msg(!in_landscape(&f, q) || !SDL_HasIntersection(&p->ink, &q->ink),
                                  "[%s] %dx%d %s: '%s' (%d,%d %dx%d) overlaps '%s' (%d,%d %dx%d)", scene,
                                  sizes[si][0], sizes[si][1], t ? "dark" : "projector", p->text, p->ink.x,
                                  p->ink.y, p->ink.w, p->ink.h, q->text, q->ink.x, q->ink.y, q->ink.w, q->ink.h);
                }
            }
        }
        scene_frame_close(&f);
    }
    xl_session_destroy(s);
}
END_TEST

/* ---- the label placer ---- */

START_TEST(label_goes_where_nothing_is)
{
    SDL_Rect bounds = {0, 0, 400, 400}, mark = {195, 195, 10, 10}, out;
    /* Nothing in the way: right of the mark. */
    ck_assert_int_eq(ui_label_place(mark, 60, 14, 3, bounds, NULL, &out), 0);
    ck_assert_int_eq(out.x, 208);
    /* A marker to the right: left. */
    SDL_Rect now = {210, 195, 12, 12};
    ui_obstacles obs = {&now, 1, NULL, 0};
    ck_assert_int_eq(ui_label_place(mark, 60, 14, 3, bounds, &obs, &out), 1);
    ck_assert_int_eq(out.x + out.w, 192);
    /* A horizontal path through the mark: above. */
    SDL_FPoint path[2] = {{0, 200}, {400, 200}};
    obs = (ui_obstacles){NULL, 0, path, 2};
    ck_assert_int_eq(ui_label_place(mark, 60, 14, 3, bounds, &obs, &out), 2);
    ck_assert_int_lt(out.y + out.h, 196);
    /* At the right edge: never outside the bounds. */
    SDL_Rect edge = {392, 100, 6, 6};
    ck_assert_int_eq(ui_label_place(edge, 60, 14, 3, bounds, NULL, &out), 1);
    ck_assert_int_le(out.x + out.w, 400);
    /* Boxed in on every side near the mark: a far candidate, drawn with a leader line. */
    SDL_Rect wall = {140, 160, 120, 80};
    obs = (ui_obstacles){&wall, 1, NULL, 0};
    int c = ui_label_place(mark, 60, 14, 3, bounds, &obs, &out);
    ck_assert_msg(c >= 4 && !SDL_HasIntersection(&out, &wall), "candidate %d at (%d,%d)", c, out.x, out.y);
    ck_assert(ui_segment_hits_rect(0, 0, 10, 10, (SDL_Rect){4, 4, 2, 2}));
    ck_assert(!ui_segment_hits_rect(0, 0, 10, 0, (SDL_Rect){4, 4, 2, 2}));
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("landscape panel");
    const xl_test_case cases[] = {
        {"drawing refuses non-finite input", non_finite_input_draws_nothing},
        {"drawing bounds huge input", huge_input_draws_a_clamped_shape},
        {"a frame of the largest logits renders", frame_with_the_largest_logits_renders},
        {"a colour bar below an ulp ends", colour_bar_with_a_step_below_an_ulp_finishes},
        {"the note names a minimum outside the view", minimum_outside_the_view_is_named_and_pointed_at},
        {"no minimum only when none exists", no_minimum_only_when_there_is_none},
        {"the start is a ring", start_is_a_ring_on_the_map_as_in_the_legend},
        {"the heatmap takes the space", heatmap_takes_the_space},
        {"the label placer", label_goes_where_nothing_is},
    };
    XL_TEST_ADD_CASES(s, cases, 30);
    TCase *lab = tcase_create("the minimum's label hides nothing");
    tcase_set_timeout(lab, 60);
    tcase_add_loop_test(lab, minimum_label_hides_no_marker_or_path, 0, (int)(sizeof crowded / sizeof crowded[0]));
    suite_add_tcase(s, lab);
    TCase *read = tcase_create("landscape labels are readable");
    tcase_set_timeout(read, 120);
    tcase_add_loop_test(read, landscape_labels_are_readable, 0, SCENE_COUNT + xl_scenario_count());
    suite_add_tcase(s, read);
    return s;
}
