/* test_labels: every label a frame draws can be read. Frames of hostile and crowded
 * scenes, and every shipped lesson's pages, are drawn headless at sizes from 640x480
 * to 1920x1080 in both themes, with the text recorder on; the test fails when two
 * labels' inked boxes overlap, a label leaves the panel it belongs to, or a label is
 * smaller than the type's floor for its theme and the window's height. Scenes are given as command lines, parsed by the
 * real flag parser, so a failure reproduces with `xentlab --headless -o x.png ARGS`. */
#include "check_main.h"
#include "label_rules.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_library.h"
#include "ui_theme.h"
#include "ui_cli.h"
#include "ui_scene.h"
#include "scenario_fixture.h"

enum { MAX_BOXES = 1024, MAX_ARGS = 16 };

/* Scenes: the defect reports of issue 5 and the crowded cases around them. After them
 * the loop takes every registered scenario's generic scenes (scenario_scene), so a new
 * scenario is checked once it is in the registry. */
static const char *const scenes[] = {
    "",
    "--logits 0,0,0,800,0",
    "--lr 50 --steps 20",
    "--classes 12 --steps 5",
    "--classes 32 --steps 5",
    "--classes 32 --steps 5 --do select 32",
    "--classes 3 --steps 20",
    "--classes 2 --steps 10",
    "--steps 5 --logits 10000,-10000,0,1e6,-1e6",
    "--true onehot:1 --steps 30",
    "--true 0,0,1,0 --logits 0,0,0,38.8559",
    "--logits -1e300,1e300,0,0,0",
    "--steps 40 --do unit",
    "--names Eurasian_blackcap_xxxxx,common_chiffchaff_xxxxx,great_spotted_woodpeck --steps 3",
    "--classes 9 --true 1,1,1,1,1,1,1,1,1000000 --steps 8",
    "--classes 32 --steps 3000 --lr 0.0001 --do play",
    "--do help",
    "--race gd,momentum,nesterov,adam --steps 40",
    "--param classes=12 --race gd,adam --steps 10",
    "--scenario logistic --steps 30",
    "--scenario logistic --param points=64 --lr 5 --steps 10",
    "--optimizer adam --beta1 0.5 --steps 10",
    "--do frame --steps 20",
    "--do frame --race gd,momentum,nesterov,adam --param classes=8 --steps 30",
    "--scenario logistic --do frame --steps 25",
    "--scenario weighted --param beta=50 --steps 40",
    "--scenario gaussian --param sigma_p=0.01 --steps 20",
    "--scenario microstates --steps 60",
    "--scenario microstates --param n=1000000 --param flips=1000 --steps 40",
    "--scenario microstates --param n=2 --steps 30",
    "--scenario diffusion --param learn=1 --param k=32 --steps 40 --do measure-selected",
    "--scenario diffusion --param k=3 --race gd,momentum,nesterov,adam --param learn=1 --steps 30",
    "--scenario regression --param data=1 --steps 20",
    "--scenario regression --param features=6 --steps 20",
};
enum { SCENE_COUNT = (int)(sizeof scenes / sizeof scenes[0]) };
static const int sizes[][2] = {{640, 480}, {800, 600}, {1000, 700}, {1280, 720}, {1920, 1080}, {2560, 1080}};
enum { SIZE_COUNT = (int)(sizeof sizes / sizeof sizes[0]) };

/* Split a scene into argv (spaces separate; "_" in --names stands for a space). */
static int scene_argv(const char *scene, char *storage, size_t cap, char **argv)
{
    snprintf(storage, cap, "xentlab %s", scene);
    int argc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(storage, " ", &save); tok && argc < MAX_ARGS; tok = strtok_r(NULL, " ", &save))
        argv[argc++] = tok;
    /* "--do select 32" is one flag value with a space. */
    for (int i = 0; i + 2 < argc; i++) {
        if (strcmp(argv[i], "--do") == 0 && strcmp(argv[i + 1], "select") == 0) {
            argv[i + 1][6] = ' ';
            for (int j = i + 2; j + 1 < argc; j++) argv[j] = argv[j + 1];
            argc--;
        }
    }
    /* Only in --names: parameter names have underscores of their own (sigma_p). */
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i - 1], "--names") == 0)
            for (char *c = argv[i]; *c; c++)
                if (*c == '_') *c = ' ';
    argv[argc] = NULL;
    return argc;
}

/* A tick label: starts with a digit or a minus sign. */
static int is_number(const char *s)
{
    return (*s >= '0' && *s <= '9') || strncmp(s, "−", strlen("−")) == 0 || *s == '-';
}

static int contains(SDL_Rect outer, SDL_Rect in)
{
    return in.x >= outer.x && in.y >= outer.y && in.x + in.w <= outer.x + outer.w &&
           in.y + in.h <= outer.y + outer.h;
}

/* What is wrong with one recorded frame of w x h in theme t, appended to report at
 * *used; returns the number of problems. The type's floor (shared/DESIGN.md, "Type"):
 * every label at least its role's floor for the theme and the window's height, 1/45
 * of it for the projector's smallest text, 1/60 for the dark theme's. */
static int check_frame(const char *scene, int w, int h, ui_theme_kind t, const ui_text_box *boxes, int count,
                       const ui_frame_geom *geom, char *report, size_t cap, size_t *used)
{
    int problems = 0;
    float floors[UI_FONT_COUNT];
    ui_theme_type_floors(ui_theme_get(t), h, floors);
    const char *tn = t ? "dark" : "projector";
    for (int i = 0; i < count; i++) {
        const ui_text_box *a = &boxes[i];
        if (a->font >= UI_FONT_COUNT || (float)a->px + 0.01f < floors[a->font]) {
            problems++;
            if (*used + 200 < cap)
                *used += (size_t)snprintf(report + *used, cap - *used,
                    "  [%s] %dx%d %s: '%s' is %d px, below the floor of %.1f px\n", scene, w, h, tn, a->text,
                    a->px, a->font < UI_FONT_COUNT ? (double)floors[a->font] : 0.0);
        }
        if (!contains(a->region, a->ink) && *used + 200 < cap) {
            *used += (size_t)snprintf(report + *used, cap - *used,
                "  [%s] %dx%d %s: '%s' at (%d,%d %dx%d) leaves its panel (%d,%d %dx%d)\n", scene, w, h, tn, a->text,
                a->ink.x, a->ink.y, a->ink.w, a->ink.h, a->region.x, a->region.y, a->region.w, a->region.h);
            problems++;
        }
        /* A label in the bars panel never covers a bar (issue 5, item 6). */
        for (int b = 0; b < geom->bars.n && a->layer == 0 && SDL_RectEquals(&a->region, &geom->layout.bars); b++) {
            const SDL_Rect *bars[2] = {&geom->bars.p_bar[b], &geom->bars.q_bar[b]};
            for (int k = 0; k < 2; k++) {
                if (bars[k]->h <= 0 || !SDL_HasIntersection(&a->ink, bars[k])) continue;
                problems++;
                if (*used + 200 < cap)
                    *used += (size_t)snprintf(report + *used, cap - *used,
                        "  [%s] %dx%d %s: '%s' covers the %s bar of class %d\n", scene, w, h, tn, a->text,
                        k ? "Q" : "P", b + 1);
            }
        }
        for (int j = i + 1; j < count; j++) {
            const ui_text_box *b = &boxes[j];
            /* Two ticks of the history's step axis with the same label ("0 0 1 1
             * 2 2", seen in a wide window) say nothing. Elsewhere equal numbers in
             * a row can be right (H(P,Q) = KL when H(P) = 0). */
            if (a->layer == b->layer && a->layer == 0 && SDL_RectEquals(&a->region, &geom->layout.history) &&
                SDL_RectEquals(&b->region, &geom->layout.history) && a->ink.y == b->ink.y && is_number(a->text) &&
                strcmp(a->text, b->text) == 0) {
                problems++;
                if (*used + 200 < cap)
                    *used += (size_t)snprintf(report + *used, cap - *used,
                        "  [%s] %dx%d %s: '%s' appears twice in one row, at x = %d and %d\n", scene, w, h, tn,
                        a->text, a->ink.x, b->ink.x);
            }
            if (a->layer != b->layer || !SDL_HasIntersection(&a->ink, &b->ink) ||
                label_subscript_on_its_base(a, b, j == i + 1))
                continue;
            problems++;
            if (*used + 200 < cap)
                *used += (size_t)snprintf(report + *used, cap - *used,
                    "  [%s] %dx%d %s: '%s' (%d,%d %dx%d) overlaps '%s' (%d,%d %dx%d)\n", scene, w, h, tn, a->text,
                    a->ink.x, a->ink.y, a->ink.w, a->ink.h, b->text, b->ink.x, b->ink.y, b->ink.w, b->ink.h);
        }
    }
    return problems;
}

/* Draw one scene at every size in both themes; append what is wrong to report. */
static int check_scene(const char *scene, char *report, size_t cap)
{
    char storage[512];
    char *argv[MAX_ARGS + 1];
    int argc = scene_argv(scene, storage, sizeof storage, argv);
    ui_options opt;
    ck_assert_msg(ui_cli_parse(argc, argv, &opt, stdout, stderr) == UI_CLI_RUN, "scene '%s' does not parse", scene);
    xl_session *s = xl_session_create(&opt.desc);
    ck_assert_msg(s != NULL, "scene '%s' has no session", scene);
    ui_view view = {.theme = opt.theme};
    for (int i = 0; i < opt.command_count; i++) {
        if (opt.commands[i].view == UI_VIEW_NONE) xl_session_apply(s, opt.commands[i].cmd);
        else if (opt.commands[i].view == UI_VIEW_HELP) view.help_visible = 1;
    }
    xl_session_run(s, (int)opt.steps);

    char fonts[2048], tried[4096], err[512];
    ck_assert_msg(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0, "fonts: %s", tried);
    static ui_text_box boxes[MAX_BOXES];
    int problems = 0;
    size_t used = strlen(report);
    for (int si = 0; si < SIZE_COUNT; si++) {
        int w = sizes[si][0], h = sizes[si][1];
        SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
        ui_scene *sc = ui_scene_create(r, fonts, err, sizeof err);
        ck_assert_msg(sc != NULL, "scene: %s", err);
        for (int t = 0; t < 2; t++) {
            view.theme = (ui_theme_kind)t;
            ui_text_recorder rec = {boxes, MAX_BOXES, 0};
            ui_frame_geom geom;
            ui_scene_set_recorder(sc, &rec);
            ui_scene_draw(sc, s, &view, w, h, &geom);
            ui_scene_set_recorder(sc, NULL);
            ck_assert_msg(rec.count <= MAX_BOXES, "%d labels: raise MAX_BOXES", rec.count);
            problems += check_frame(scene, w, h, view.theme, boxes, rec.count, &geom, report, cap, &used);
        }
        ui_scene_destroy(sc);
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
    }
    xl_session_destroy(s);
    return problems;
}

/* The shipped lessons, their file names in order. */
static int lesson_files(char names[][256], int cap)
{
    DIR *d = opendir(LESSONS_DIR);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    for (struct dirent *e = readdir(d); e && n < cap; e = readdir(d)) {
        size_t len = strlen(e->d_name);
        if (len > 7 && strcmp(e->d_name + len - 7, ".lesson") == 0) snprintf(names[n++], 256, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, 256, (int (*)(const void *, const void *))strcmp);
    return n;
}

/* Every shipped lesson's pages as a room sees them (the scene right of the narration)
 * at 1280x720 and 1920x1080 in both themes: no label below the type's floor, none
 * over another or out of its panel. Loop index: the lesson. */
START_TEST(lesson_pages_read_at_a_distance)
{
    static const int lsizes[4][2] = {{1280, 720}, {1920, 1080}, {1024, 768}, {800, 600}};
    static char names[64][256];
    int n = lesson_files(names, 64);
    ck_assert_int_ge(n, 11);
    if (_i >= n) return;
    char path[sizeof LESSONS_DIR + 300], fonts[2048], tried[4096], err[512];
    snprintf(path, sizeof path, "%s/%.256s", LESSONS_DIR, names[_i]);
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(ui_library_load(path, l), 0);
    static ui_text_box boxes[MAX_BOXES];
    static char report[3000];
    report[0] = '\0';
    size_t used = 0;
    int problems = 0;
    for (int z = 0; z < 4; z++) {
        const int w = lsizes[z][0], h = lsizes[z][1];
        SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
        ui_scene *sc = ui_scene_create(r, fonts, err, sizeof err);
        ck_assert_msg(sc != NULL, "scene: %s", err);
        xl_session *s = default_session_at(XL_BUILTIN_SEED);
        xl_player *p = xl_player_create(l, s);
        ck_assert_ptr_nonnull(p);
        for (int k = 0; k < l->npages; k++) {
            ck_assert_int_eq(xl_player_goto(p, k), 0);
            /* The page's own steps done, as a class sees it once the page has played. */
            for (int guard = 0; guard < 100000 && xl_player_busy(p); guard++) xl_player_work(p, 1e9);
            xl_player_advance(p, 60.0);
            for (int t = 0; t < 2; t++) {
                ui_view view = {.theme = (ui_theme_kind)t, .lesson = p};
                ui_text_recorder rec = {boxes, MAX_BOXES, 0};
                ui_frame_geom geom;
                ui_scene_set_recorder(sc, &rec);
                ui_scene_draw(sc, s, &view, w, h, &geom);
                ui_scene_set_recorder(sc, NULL);
                ck_assert_msg(rec.count <= MAX_BOXES, "%d labels: raise MAX_BOXES", rec.count);
                char where[300];
                snprintf(where, sizeof where, "%s page %d", names[_i], k + 1);
                problems += check_frame(where, w, h, view.theme, boxes, rec.count, &geom, report, sizeof report, &used);
            }
        }
        xl_player_destroy(p);
        xl_session_destroy(s);
        ui_scene_destroy(sc);
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
    }
    free(l);
    ck_assert_msg(problems == 0, "%d unreadable labels in %s:\n%s", problems, names[_i], report);
}
END_TEST

/* Loop index: scenes[], then each registered scenario's SCENARIO_SCENE_VARIANTS. */
START_TEST(labels_never_overlap_or_leave_their_panel)
{
    char scene[256];
    if (_i < SCENE_COUNT)
        snprintf(scene, sizeof scene, "%s", scenes[_i]);
    else
        scenario_scene((_i - SCENE_COUNT) / SCENARIO_SCENE_VARIANTS, (_i - SCENE_COUNT) % SCENARIO_SCENE_VARIANTS,
                       scene, sizeof scene);
    static char report[3000]; /* Check carries at most about 4 KB of message */
    report[0] = '\0';
    int problems = check_scene(scene, report, sizeof report);
    ck_assert_msg(problems == 0, "%d unreadable labels in scene '%s':\n%s", problems, scene, report);
}
END_TEST

/* The recorder itself: a label drawn over another is reported, and one outside its
 * region too, so the test above can fail. */
START_TEST(recorder_sees_overlap)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 400, 200, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    ui_text *t = ui_text_create(r, fonts, err, sizeof err);
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(ui_text_set_scale(t, 1.0f), 0);
    ui_text_box boxes[4];
    ui_text_recorder rec = {boxes, 4, 0};
    ui_text_set_recorder(t, &rec);
    ui_text_set_region(t, (SDL_Rect){0, 0, 200, 100}, 0);
    SDL_Color black = {0, 0, 0, 255};
    ui_text_draw(t, UI_FONT_LABEL, 10, 10, UI_ALIGN_LEFT, black, "surprise");
    ui_text_draw(t, UI_FONT_LABEL, 20, 14, UI_ALIGN_LEFT, black, "robin");
    ui_text_draw(t, UI_FONT_LABEL, 190, 80, UI_ALIGN_LEFT, black, "outside");
    ck_assert_int_eq(rec.count, 3);
    ck_assert(SDL_HasIntersection(&boxes[0].ink, &boxes[1].ink));
    ck_assert(!contains(boxes[2].region, boxes[2].ink));
    ck_assert_str_eq(boxes[1].text, "robin");
    /* The ink box is the glyphs' ink, not the line box: "robin" has no descender. */
    int lh = ui_text_line_height(t, UI_FONT_LABEL);
    ck_assert_msg(boxes[1].ink.h < lh, "ink %d px tall for a %d px line", boxes[1].ink.h, lh);
    ui_text_set_recorder(t, NULL);
    ui_text_destroy(t);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
}
END_TEST

/* Draw one frame of a scene at 1280x720 with the recorder on; returns the label count. */
static int record_scene(const char *scene, ui_text_box *boxes, int cap, ui_frame_geom *geom, SDL_Surface **out)
{
    char storage[512];
    char *argv[MAX_ARGS + 1];
    int argc = scene_argv(scene, storage, sizeof storage, argv);
    ui_options opt;
    ck_assert(ui_cli_parse(argc, argv, &opt, stdout, stderr) == UI_CLI_RUN);
    xl_session *s = xl_session_create(&opt.desc);
    ck_assert_ptr_nonnull(s);
    xl_session_run(s, (int)opt.steps);
    char fonts[2048], tried[4096], err[512];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    ui_scene *sc = ui_scene_create(r, fonts, err, sizeof err);
    ck_assert_msg(sc != NULL, "%s", err);
    ui_text_recorder rec = {boxes, cap, 0};
    ui_view view = {.theme = UI_THEME_LIGHT};
    ui_scene_set_recorder(sc, &rec);
    ui_scene_draw(sc, s, &view, 1280, 720, geom);
    SDL_RenderPresent(r);
    ui_scene_destroy(sc);
    SDL_DestroyRenderer(r);
    xl_session_destroy(s);
    *out = surf;
    return rec.count < cap ? rec.count : cap;
}

static int count_text(const ui_text_box *boxes, int n, SDL_Rect region, const char *text)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        if (SDL_RectEquals(&boxes[i].region, &region) && strcmp(boxes[i].text, text) == 0) k++;
    return k;
}

/* Issue 5, item 1: q underflows to 0 for a logit 800 below the rest, but the surprise
 * is exactly 800 nats, so four bars read 800.00 and none ∞; the selected class's line
 * gives q = 3.7×10⁻³⁴⁸ (e^−800), not 0.000. */
START_TEST(surprise_is_finite_where_q_underflows)
{
    static ui_text_box boxes[MAX_BOXES];
    ui_frame_geom geom;
    SDL_Surface *surf;
    int n = record_scene("--logits 0,0,0,800,0", boxes, MAX_BOXES, &geom, &surf);
    ck_assert_int_eq(count_text(boxes, n, geom.layout.bars, "800.00"), 4);
    ck_assert_int_eq(count_text(boxes, n, geom.layout.bars, "∞"), 0);
    ck_assert_int_eq(count_text(boxes, n, geom.layout.bars, "0.00"), 1);
    int line = 0;
    for (int i = 0; i < n; i++)
        if (strstr(boxes[i].text, "q 3.7×10⁻³⁴⁸") || strstr(boxes[i].text, "q = 3.7×10⁻³⁴⁸")) line++;
    ck_assert_msg(line == 1, "the selected class's line does not read q = 3.7×10⁻³⁴⁸");
    SDL_FreeSurface(surf);
}
END_TEST

/* Issue 5, item 10: with a one-hot P the KL curve lies on the loss curve; it stays
 * visible (vermillion pixels inside a dark edge along the loss) and a note says why. */
START_TEST(coincident_curves_stay_visible)
{
    static ui_text_box boxes[MAX_BOXES];
    ui_frame_geom geom;
    SDL_Surface *surf;
    int n = record_scene("--true onehot:1 --steps 30", boxes, MAX_BOXES, &geom, &surf);
    int note = 0;
    for (int i = 0; i < n; i++)
        if (SDL_RectEquals(&boxes[i].region, &geom.layout.history) && strstr(boxes[i].text, "H(P) = 0")) note++;
    ck_assert_msg(note == 1, "no note that KL = H(P,Q) because H(P) = 0");
    /* Walk down the column at step 2: the first curve pixels are black (the loss's
     * edge), then vermillion (KL), then black again. */
    SDL_Rect plot = geom.history.plot;
    int x = plot.x + (int)(2.0 / geom.history.x_max * plot.w);
    const SDL_Color ver = ui_theme_get(UI_THEME_LIGHT)->surprise;
    int seen_black = 0, seen_ver = 0, black_after = 0;
    for (int y = plot.y; y < plot.y + plot.h - 3; y++) {
        Uint32 v = ((const Uint32 *)surf->pixels)[(size_t)y * (surf->pitch / 4) + x];
        int r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
        int black = r < 40 && g < 40 && b < 40;
        int vermillion = abs(r - ver.r) < 20 && abs(g - ver.g) < 20 && abs(b - ver.b) < 20;
        if (black && !seen_ver) seen_black = 1;
        if (vermillion && seen_black) seen_ver = 1;
        if (black && seen_ver) black_after = 1;
    }
    ck_assert_msg(seen_black && seen_ver && black_after,
                  "at x=%d: loss edge %d, KL inside %d, edge after %d", x, seen_black, seen_ver, black_after);
    SDL_FreeSurface(surf);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("labels");
    TCase *rec = tcase_create("the recorder finds overlaps");
    tcase_add_test(rec, recorder_sees_overlap);
    tcase_add_test(rec, surprise_is_finite_where_q_underflows);
    tcase_add_test(rec, coincident_curves_stay_visible);
    suite_add_tcase(s, rec);
    TCase *tc = tcase_create("labels are readable in every scene and size");
    tcase_set_timeout(tc, 240);
    tcase_add_loop_test(tc, labels_never_overlap_or_leave_their_panel, 0,
                        SCENE_COUNT + SCENARIO_SCENE_VARIANTS * xl_scenario_count());
    suite_add_tcase(s, tc);
    TCase *lessons = tcase_create("lesson pages read at a distance");
    tcase_set_timeout(lessons, 240);
    tcase_add_loop_test(lessons, lesson_pages_read_at_a_distance, 0, 16);
    suite_add_tcase(s, lessons);
    return s;
}
