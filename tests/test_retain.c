/* test_retain: retained frames (issue 27) against whole redraws.
 *
 * Two scenes draw the same sequence of states side by side: A with retain on
 * (ui_scene_set_retain), drawing into the same surface every frame, which it takes to
 * hold its last frame; B with retain off, drawing every frame whole. After every frame:
 *   - A's pixels are B's, byte for byte, over the frame (on failure: the first pixel that
 *     differs, the frame's name, and both PNGs in the build folder);
 *   - A's geometry (where the frame put things: what the pointer and F2 hit) is B's;
 *   - every pixel A changed against its previous frame lies inside the union of
 *     ui_scene_damage's rectangles (the window presents only those); a frame after a new
 *     size or ui_scene_invalidate damages the whole frame;
 *   - a frame drawn again with nothing changed changes no pixel.
 * A's surface starts as garbage, and so do the parts of it a size change or an
 * invalidation leave undefined: a frame that leans on pixels it never drew shows them.
 *
 * The sequences: every registered scenario stepping 0..30 with the pointer over each of
 * its panels and leaving, in both themes; a race at 1920x1080; every page of every
 * English lesson played through and answered, its focus changes frame by frame; the
 * focus animation to and from each panel; the help sheet's pages, a note, the key
 * outline, the lesson menu, the class card, the Rényi panel, the status bar's marks, a
 * video's frame, the control strip pressed and hidden, a blank frame, zoom 1 and 2, a
 * size change both ways and upright, the thread count changed and an invalidation; a
 * class voting (the borrowed poll changing under an unchanged view); each with 1
 * and 2 threads on either side. Then each input alone, from a steady frame: the frame
 * changes (so the comparison can fail) and the checks above hold.
 *
 * The *_damage_is_local cases (tag "damage", registered apart) ask for what retained
 * drawing buys: a paused frame damages nothing, a pointer move over one panel, the
 * selected bar or the keyboard's outline damage under half the frame. They fail while
 * every frame is drawn whole. */
#include "check_main.h"
#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_controls.h"
#include "ui_focus.h"
#include "ui_lang.h"
#include "ui_library.h"
#include "ui_png.h"
#include "ui_scene.h"
#include "xl_player.h"
#include "xl_poll.h"
#include "xl_scenario.h"
#include "scenario_fixture.h"
#include "scene_fixture.h"

#ifndef LESSONS_DIR
#error "LESSONS_DIR: the shipped lessons"
#endif
#ifndef OUT_DIR
#error "OUT_DIR: where a failing frame's PNGs go"
#endif

enum { DAMAGE_MAX = 64 };

/* What a part of a surface no frame drew holds: a colour no theme draws. */
static const Uint32 GARBAGE = 0xFFFF00FFu;

typedef struct pair {
    scene_frame a, b;           /* a: retained, one surface throughout; b: drawn whole */
    int w, h;                   /* the size a drew last; 0 when its target holds no frame */
    Uint32 *prev;               /* a's frame before the last, w x h, rows packed */
    SDL_Rect damage[DAMAGE_MAX];
    int ndamage;
    long changed;               /* pixels the last frame changed; -1 when it had nothing to change */
    long damaged;               /* the area of the union of its damage */
    char seq[64];               /* the sequence's name, for messages */
    long frames;                /* drawn by each scene */
    Uint64 start;               /* SDL_GetPerformanceCounter at pair_open */
    Uint64 drawing;             /* of it in pair_draw */
} pair;

static void poison(SDL_Surface *s, SDL_Rect r)
{
    SDL_FillRect(s, &r, GARBAGE);
}

static void pair_open(pair *p, const char *seq, int sw, int sh, int threads_a, int threads_b)
{
    memset(p, 0, sizeof *p);
    snprintf(p->seq, sizeof p->seq, "%s", seq);
    scene_frame_open(&p->a, sw, sh);
    scene_frame_open(&p->b, sw, sh);
    ck_assert_int_eq(ui_scene_set_threads(p->a.scene, threads_a), threads_a);
    ck_assert_int_eq(ui_scene_set_threads(p->b.scene, threads_b), threads_b);
    ui_scene_set_retain(p->a.scene, 1);
    poison(p->a.surface, (SDL_Rect){0, 0, sw, sh});
    p->prev = malloc((size_t)sw * (size_t)sh * 4);
    ck_assert_ptr_nonnull(p->prev);
    p->start = SDL_GetPerformanceCounter();
}

static void pair_close(pair *p)
{
    if (getenv("XL_RETAIN_STATS")) /* the cost of each sequence, for keeping the test fast */
        fprintf(stderr, "%s: %ld frames each in %.2f s, %.2f s of it drawing and checking\n", p->seq, p->frames,
                (double)(SDL_GetPerformanceCounter() - p->start) / (double)SDL_GetPerformanceFrequency(),
                (double)p->drawing / (double)SDL_GetPerformanceFrequency());
    scene_frame_close(&p->a);
    scene_frame_close(&p->b);
    free(p->prev);
}

static const Uint32 *row(const SDL_Surface *s, int y)
{
    return (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
}

/* The area of the union of rects[0..n) within w x h: row by row, the intervals merged. */
static long union_area(const SDL_Rect *rects, int n, int w, int h)
{
    long area = 0;
    for (int y = 0; y < h; y++) {
        int lo[DAMAGE_MAX], hi[DAMAGE_MAX], k = 0;
        for (int i = 0; i < n; i++) {
            const SDL_Rect *r = &rects[i];
            if (y < r->y || y >= r->y + r->h) continue;
            int a = r->x < 0 ? 0 : r->x, b = r->x + r->w > w ? w : r->x + r->w;
            if (a >= b) continue;
            int j = k++; /* insertion by start */
            while (j > 0 && lo[j - 1] > a) {
                lo[j] = lo[j - 1];
                hi[j] = hi[j - 1];
                j--;
            }
            lo[j] = a;
            hi[j] = b;
        }
        int end = 0;
        for (int i = 0; i < k; i++) {
            if (hi[i] <= end) continue;
            area += hi[i] - (lo[i] > end ? lo[i] : end);
            end = hi[i];
        }
    }
    return area;
}

/* A frame's name as part of a file name. */
static void file_name(char *out, size_t n, const char *seq, const char *name, const char *what)
{
    char clean[160];
    size_t k = 0;
    for (const char *c = name; *c && k + 1 < sizeof clean; c++)
        clean[k++] = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ? *c : '-';
    clean[k] = '\0';
    snprintf(out, n, "%s/retain-%s-%s-%s.png", OUT_DIR, seq, clean, what);
}

static void write_png(const pair *p, const char *name, const char *what, const void *pixels, int pitch)
{
    char path[512], err[256];
    file_name(path, sizeof path, p->seq, name, what);
    if (ui_png_write(path, pixels, p->w, p->h, pitch, err, sizeof err) != 0) fprintf(stderr, "%s: %s\n", path, err);
    else fprintf(stderr, "wrote %s\n", path);
}

/* A's frame against B's, over w x h. */
static void compare_frames(pair *p, const char *name, int w, int h)
{
    long differ = 0;
    int fx = -1, fy = -1;
    for (int y = 0; y < h; y++) {
        const Uint32 *ra = row(p->a.surface, y), *rb = row(p->b.surface, y);
        if (memcmp(ra, rb, (size_t)w * 4) == 0) continue;
        for (int x = 0; x < w; x++)
            if (ra[x] != rb[x] && differ++ == 0) {
                fx = x;
                fy = y;
            }
    }
    if (differ == 0) return;
    p->w = w;
    p->h = h;
    write_png(p, name, "retained", p->a.surface->pixels, p->a.surface->pitch);
    write_png(p, name, "whole", p->b.surface->pixels, p->b.surface->pitch);
    ck_abort_msg("%s, %s (%dx%d): the retained frame differs from the whole redraw at (%d,%d): %08x against %08x; "
                 "%ld pixels differ (PNGs retain-%s-*.png in %s)",
                 p->seq, name, w, h, fx, fy, row(p->a.surface, fy)[fx], row(p->b.surface, fy)[fx], differ, p->seq,
                 OUT_DIR);
}

/* Where the frames put things: the same, but for the pointer to each scene's own hits. */
static void compare_geoms(const pair *p, const char *name)
{
    ui_frame_geom ga = p->a.geom, gb = p->b.geom;
    ck_assert_msg((ga.hits == NULL) == (gb.hits == NULL), "%s, %s: tooltip regions in one frame only", p->seq, name);
    ck_assert_msg(ga.hits == NULL || (ga.hits->n == gb.hits->n &&
                      memcmp(ga.hits->region, gb.hits->region, (size_t)ga.hits->n * sizeof ga.hits->region[0]) == 0),
                  "%s, %s: the retained frame's tooltip regions are not the whole redraw's", p->seq, name);
    ga.hits = gb.hits = NULL;
    for (size_t i = 0; i < sizeof ga; i++)
        if (((const unsigned char *)&ga)[i] != ((const unsigned char *)&gb)[i]) {
            fprintf(stderr, "geom differs at byte %zu (landscape at %zu, history %zu, simplex %zu, renyi %zu, scene %zu, controls %zu, lesson %zu, menu %zu, titles %zu, class_card %zu)\n", i,
                    offsetof(ui_frame_geom, landscape), offsetof(ui_frame_geom, history), offsetof(ui_frame_geom, simplex), offsetof(ui_frame_geom, renyi),
                    offsetof(ui_frame_geom, scene), offsetof(ui_frame_geom, controls), offsetof(ui_frame_geom, lesson), offsetof(ui_frame_geom, menu), offsetof(ui_frame_geom, titles), offsetof(ui_frame_geom, class_card));
            break;
        }
    ck_assert_msg(memcmp(&ga, &gb, sizeof ga) == 0, "%s, %s: the retained frame's geometry is not the whole redraw's",
                  p->seq, name);
}

/* Every pixel A changed against prev inside the damage. */
static void check_damage(pair *p, const char *name, int w, int h)
{
    long changed = 0, outside = 0;
    int fx = -1, fy = -1;
    for (int y = 0; y < h; y++) {
        const Uint32 *ra = row(p->a.surface, y), *rp = p->prev + (size_t)y * (size_t)w;
        if (memcmp(ra, rp, (size_t)w * 4) == 0) continue;
        SDL_Rect on[DAMAGE_MAX];
        int k = 0;
        for (int i = 0; i < p->ndamage; i++)
            if (y >= p->damage[i].y && y < p->damage[i].y + p->damage[i].h) on[k++] = p->damage[i];
        for (int x = 0; x < w; x++) {
            if (ra[x] == rp[x]) continue;
            changed++;
            int in = 0;
            for (int i = 0; i < k && !in; i++) in = x >= on[i].x && x < on[i].x + on[i].w;
            if (!in && outside++ == 0) {
                fx = x;
                fy = y;
            }
        }
    }
    p->changed = changed;
    if (outside == 0) return;
    write_png(p, name, "before", p->prev, w * 4);
    write_png(p, name, "after", p->a.surface->pixels, p->a.surface->pitch);
    char rects[512] = "";
    for (int i = 0; i < p->ndamage && strlen(rects) + 40 < sizeof rects; i++)
        snprintf(rects + strlen(rects), sizeof rects - strlen(rects), " (%d,%d %dx%d)", p->damage[i].x,
                 p->damage[i].y, p->damage[i].w, p->damage[i].h);
    ck_abort_msg("%s, %s: %ld of the %ld pixels the frame changed lie outside its damage, the first at (%d,%d); "
                 "damage:%s",
                 p->seq, name, outside, changed, fx, fy, rects[0] ? rects : " none");
}

/* Draw view of s at w x h with both scenes and check them (see the top). */
static void pair_draw(pair *p, const xl_session *s, const ui_view *view, int w, int h, const char *fmt, ...)
{
    const Uint64 t0 = SDL_GetPerformanceCounter();
    char name[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    ck_assert(w <= p->a.surface->w && h <= p->a.surface->h);
    const int before = p->w == w && p->h == h;
    if (before) {
        for (int y = 0; y < h; y++) memcpy(p->prev + (size_t)y * (size_t)w, row(p->a.surface, y), (size_t)w * 4);
    } else if (p->w > 0) {
        /* A new size: what lies beyond the old frame is undefined (a window's new surface). */
        poison(p->a.surface, (SDL_Rect){p->w, 0, p->a.surface->w - p->w, p->a.surface->h});
        poison(p->a.surface, (SDL_Rect){0, p->h, p->w, p->a.surface->h - p->h});
    }
    p->frames++;
    ui_scene_draw(p->a.scene, s, view, w, h, &p->a.geom);
    SDL_RenderPresent(p->a.renderer);
    ui_scene_draw(p->b.scene, s, view, w, h, &p->b.geom);
    SDL_RenderPresent(p->b.renderer);
    p->ndamage = ui_scene_damage(p->a.scene, p->damage, DAMAGE_MAX);
    /* The second pass drew what the first recorded (else the frame was drawn whole,
     * hiding a drawing that depends on more than its inputs). */
    ck_assert_msg(ui_scene_mismatches(p->a.scene) == 0, "%s, %s: a retained frame's second pass drew other "
                  "operations than its first recorded", p->seq, name);
    ck_assert_msg(p->ndamage >= 0 && p->ndamage <= DAMAGE_MAX, "%s, %s: %d damage rectangles", p->seq, name,
                  p->ndamage);
    for (int i = 0; i < p->ndamage; i++) {
        const SDL_Rect r = p->damage[i];
        ck_assert_msg(r.w > 0 && r.h > 0 && r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h,
                      "%s, %s: damage (%d,%d %dx%d) is empty or leaves the %dx%d frame", p->seq, name, r.x, r.y, r.w,
                      r.h, w, h);
    }
    p->damaged = union_area(p->damage, p->ndamage, w, h);
    compare_frames(p, name, w, h);
    compare_geoms(p, name);
    p->changed = -1;
    if (before) check_damage(p, name, w, h);
    else
        ck_assert_msg(p->damaged == (long)w * h, "%s, %s: a frame on a target without one damages %ld of %ld pixels",
                      p->seq, name, p->damaged, (long)w * h);
    p->w = w;
    p->h = h;
    const Uint64 took = SDL_GetPerformanceCounter() - t0;
    p->drawing += took;
    if (getenv("XL_RETAIN_STATS") && took > SDL_GetPerformanceFrequency() / 20)
        fprintf(stderr, "  %s: %.0f ms\n", name, 1e3 * (double)took / (double)SDL_GetPerformanceFrequency());
}

/* The same state again: no pixel may change. */
static void pair_hold(pair *p, const xl_session *s, const ui_view *view, int w, int h, const char *name)
{
    pair_draw(p, s, view, w, h, "%s", name);
    ck_assert_msg(p->changed == 0, "%s, %s: drawn again with nothing changed, %ld pixels changed", p->seq, name,
                  p->changed);
}

/* The target no longer holds A's frame: garbage in it, and the scene told. */
static void pair_invalidate(pair *p)
{
    poison(p->a.surface, (SDL_Rect){0, 0, p->a.surface->w, p->a.surface->h});
    ui_scene_invalidate(p->a.scene);
    p->w = p->h = 0;
}

/* The pointer over the middle of each panel the last frame drew, then gone. */
static void hover_each_panel(pair *p, const xl_session *s, ui_view *view, int w, int h)
{
    const ui_frame_geom g = p->b.geom;
    ui_layout L = g.layout;
    int over = 0;
    for (int id = 1; id < UI_PANEL_COUNT; id++) {
        const SDL_Rect r = *ui_layout_panel(&L, id);
        if (r.w <= 0 || r.h <= 0) continue;
        /* The landscape's map, where its tooltip is; elsewhere the panel's middle. */
        const SDL_Rect m = id == UI_PANEL_LANDSCAPE && g.landscape.map.w > 0 ? g.landscape.map : r;
        view->pointer_in = view->pointer_over = 1;
        view->pointer_x = g.scene.x + m.x + m.w / 2;
        view->pointer_y = g.scene.y + m.y + m.h / 2;
        pair_draw(p, s, view, w, h, "pointer over the %s", ui_panel_name(id));
        view->pointer_x += r.w / 5; /* and along it */
        view->pointer_y -= r.h / 7;
        pair_draw(p, s, view, w, h, "pointer moved over the %s", ui_panel_name(id));
        over++;
    }
    ck_assert_int_ge(over, 2);
    view->pointer_in = view->pointer_over = 0;
    pair_draw(p, s, view, w, h, "pointer gone");
}

static xl_session *session_of(const xl_scenario_def *def)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    if (def) xl_session_desc_set_scenario(&d, def);
    xl_session *s = xl_session_create(&d);
    ck_assert_msg(s != NULL, "%s: no session at its defaults", def ? def->id : "default");
    return s;
}

/* The measure the damage tests use: overlaps counted once, the frame's edges clipped. */
START_TEST(union_area_counts_each_pixel_once)
{
    const SDL_Rect r[] = {{0, 0, 10, 10}, {5, 5, 10, 10}, {100, 0, 1, 1}, {95, 20, 10, 2}, {3, 3, 2, 2}};
    ck_assert_int_eq(union_area(r, 1, 200, 100), 100);
    ck_assert_int_eq(union_area(r, 2, 200, 100), 175);
    ck_assert_int_eq(union_area(r, 3, 200, 100), 176);
    ck_assert_int_eq(union_area(r + 3, 1, 100, 100), 10); /* 5 of its 10 columns inside */
    ck_assert_int_eq(union_area(r, 5, 200, 100), 196);    /* the last inside the first */
    ck_assert_int_eq(union_area(r, 0, 200, 100), 0);
}
END_TEST

/* ---- the sequences ---- */

/* Loop index: the scenarios in registry order, so a new one is covered once registered. */
START_TEST(every_scenario_steps_and_holds)
{
    const xl_scenario_def *def = xl_scenario_at(_i);
    xl_session *s = session_of(def);
    pair p;
    pair_open(&p, def->id, 1280, 720, 1 + _i % 2, 2 - _i % 2);
    ui_view v = {.theme = _i % 2 ? UI_THEME_DARK : UI_THEME_LIGHT, .zoom = 1.0f};
    pair_draw(&p, s, &v, 1280, 720, "step 0");
    pair_hold(&p, s, &v, 1280, 720, "step 0, paused");
    /* One step a frame, then several (a faster speed): 30 in 12 frames. */
    static const int steps[] = {1, 1, 1, 1, 1, 2, 2, 3, 3, 5, 5, 5};
    int at = 0;
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        xl_session_run(s, steps[k]);
        at += steps[k];
        pair_draw(&p, s, &v, 1280, 720, "step %d", at);
    }
    ck_assert_int_eq(at, 30);
    pair_hold(&p, s, &v, 1280, 720, "step 30, paused");
    pair_hold(&p, s, &v, 1280, 720, "step 30, paused again");
    hover_each_panel(&p, s, &v, 1280, 720);
    v.theme = v.theme == UI_THEME_DARK ? UI_THEME_LIGHT : UI_THEME_DARK;
    pair_draw(&p, s, &v, 1280, 720, "the other theme");
    xl_session_run(s, 1);
    pair_draw(&p, s, &v, 1280, 720, "the other theme, step 31");
    pair_hold(&p, s, &v, 1280, 720, "the other theme, paused");
    pair_close(&p);
    xl_session_destroy(s);
}
END_TEST

START_TEST(a_race_at_1080p)
{
    xl_session *s = session_of(NULL);
    ck_assert(xl_session_apply(s, xl_command_name_arg(XL_CMD_RACE, "gd,momentum,nesterov,adam")));
    pair p;
    pair_open(&p, "race", 1920, 1080, 2, 1);
    ui_view v = {.theme = UI_THEME_DARK, .zoom = 1.0f};
    pair_draw(&p, s, &v, 1920, 1080, "step 0");
    static const int steps[] = {1, 1, 1, 2, 3, 5, 8, 9};
    int at = 0;
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        xl_session_run(s, steps[k]);
        at += steps[k];
        pair_draw(&p, s, &v, 1920, 1080, "step %d", at);
    }
    pair_hold(&p, s, &v, 1920, 1080, "paused");
    hover_each_panel(&p, s, &v, 1920, 1080);
    pair_close(&p);
    xl_session_destroy(s);
}
END_TEST

/* The English lessons (the .lesson files in LESSONS_DIR), sorted; returns the count. */
static int lesson_files(char names[][128], int cap)
{
    DIR *d = opendir(LESSONS_DIR);
    if (d == NULL) return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < cap) {
        const size_t len = strlen(e->d_name);
        if (len > 7 && len < 120 && strcmp(e->d_name + len - 7, ".lesson") == 0) snprintf(names[n++], 128, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, 128, (int (*)(const void *, const void *))strcmp);
    return n;
}

enum { LESSONS_MAX = 32 };

/* Loop index: the English lessons in order; the even ones at 1280x720, the odd at
 * 1920x1080, the threads swapped between them. Every page as it opens, its focus change
 * and its play frame by frame (1/12 s: 4 frames at most, the focus change done;
 * focus_animation_frame_by_frame has every 1/30 s of one), then each press of "next" to its end (every
 * question answered and revealed), then held. */
START_TEST(every_lesson_page)
{
    char names[LESSONS_MAX][128];
    const int n = lesson_files(names, LESSONS_MAX);
    ck_assert_int_ge(n, 14);
    ck_assert_int_lt(_i, n);
    const char *only = getenv("XL_LESSONS_ONLY"); /* a debugging aid, as in test_lesson_view: "08" alone */
    if (only && !strstr(names[_i], only)) return;
    char path[sizeof LESSONS_DIR + 160];
    snprintf(path, sizeof path, "%s/%s", LESSONS_DIR, names[_i]);
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(ui_library_load(path, l), 0);
    xl_session *s = session_of(NULL);
    xl_player *pl = xl_player_create(l, s);
    ck_assert_ptr_nonnull(pl);
    const int w = _i % 2 ? 1920 : 1280, h = _i % 2 ? 1080 : 720;
    char seq[32];
    snprintf(seq, sizeof seq, "lesson%.2s", names[_i]);
    pair p;
    pair_open(&p, seq, w, h, 1 + _i % 2, 2 - _i % 2);
    ui_view v = {.theme = UI_THEME_LIGHT, .zoom = 1.0f, .lesson = pl};
    for (int k = 0; k < l->npages; k++) {
        ck_assert_int_eq(xl_player_goto(pl, k), 0);
        ui_focus_follow_lesson(&v, pl, 0);
        pair_draw(&p, s, &v, w, h, "page %d", k + 1);
        for (int f = 1; f <= 4 && (ui_focus_animating(&v) || xl_player_phase_of(pl) == XL_PLAYER_PLAYING); f++) {
            xl_player_advance(pl, 1.0 / 12.0);
            ui_focus_advance(&v, 1.0 / 12.0);
            pair_draw(&p, s, &v, w, h, "page %d, frame %d", k + 1, f);
        }
        for (int q = 1; q <= 8 && xl_player_phase_of(pl) != XL_PLAYER_DONE; q++) {
            xl_player_next(pl);
            ui_focus_advance(&v, UI_FOCUS_SECONDS);
            pair_draw(&p, s, &v, w, h, "page %d, next %d", k + 1, q);
        }
        pair_hold(&p, s, &v, w, h, "page done, held");
    }
    pair_close(&p);
    xl_player_destroy(pl);
    xl_session_destroy(s);
    free(l);
}
END_TEST

/* The sandbox's focus to each panel shown and back, frame by frame through the eased change. */
START_TEST(focus_animation_frame_by_frame)
{
    xl_session *s = session_of(NULL);
    xl_session_run(s, 12);
    pair p;
    pair_open(&p, "focus", 1280, 720, 2, 1);
    ui_view v = {.theme = UI_THEME_DARK, .zoom = 1.0f};
    pair_draw(&p, s, &v, 1280, 720, "dashboard");
    int changes = 0;
    for (int id = 1; id < UI_PANEL_COUNT; id++) {
        if (!(ui_focus_shown_view(&v, s) & ui_panel_show_bit(id))) continue;
        /* The first two changes every 1/30 s, the others every 1/10 s. */
        const double dt = changes < 4 ? 1.0 / 30.0 : 0.1;
        for (int back = 0; back < 2; back++) {
            ui_focus_set(&v, back ? UI_PANEL_NONE : id);
            for (int f = 1; f <= 15 && ui_focus_animating(&v); f++) {
                ui_focus_advance(&v, dt);
                pair_draw(&p, s, &v, 1280, 720, "%s %s, frame %d", back ? "from" : "to", ui_panel_name(id), f);
            }
            ck_assert(!ui_focus_animating(&v));
            pair_hold(&p, s, &v, 1280, 720, back ? "dashboard again, held" : "focused, held");
            changes++;
        }
    }
    ck_assert_int_ge(changes, 6);
    /* With reduced motion a change is a cut. */
    v.reduced_motion = 1;
    ui_focus_set(&v, UI_PANEL_BARS);
    pair_draw(&p, s, &v, 1280, 720, "cut to the bars");
    ui_focus_set(&v, UI_PANEL_NONE);
    pair_draw(&p, s, &v, 1280, 720, "cut back");
    pair_close(&p);
    xl_session_destroy(s);
}
END_TEST

/* A class voting on lesson 4's question (page 2): the view stays the same while the
 * poll it borrows changes, phone by phone; then the split shown, the join card counting
 * phones, the poll closed. */
START_TEST(a_class_votes)
{
    xl_lesson *l = malloc(sizeof *l);
    ck_assert_ptr_nonnull(l);
    ck_assert_int_eq(ui_library_load(LESSONS_DIR "/04-cross-entropy.lesson", l), 0);
    xl_session *s = session_of(NULL);
    xl_player *pl = xl_player_create(l, s);
    ck_assert_ptr_nonnull(pl);
    ck_assert_int_eq(xl_player_goto(pl, 1), 0);
    ck_assert_int_eq(xl_player_phase_of(pl), XL_PLAYER_ASKING);
    xl_poll *poll = xl_poll_create();
    ck_assert_ptr_nonnull(poll);
    pair p;
    pair_open(&p, "class", 1280, 720, 2, 1);
    ui_view v = {.theme = UI_THEME_LIGHT, .zoom = 1.0f, .lesson = pl, .poll = poll,
                 .class_url = "http://10.0.0.5:8321/?c=4821", .class_code = "4821"};
    pair_draw(&p, s, &v, 1280, 720, "asking, no phones");
    for (int d = 0; d < 6; d++) ck_assert_int_eq(xl_poll_join(poll, d), 1);
    pair_draw(&p, s, &v, 1280, 720, "6 phones joined");
    ck_assert_int_eq(xl_poll_open(poll, 1, 0, 3), 0);
    pair_draw(&p, s, &v, 1280, 720, "the poll open");
    for (int d = 0; d < 5; d++) {
        ck_assert_int_eq(xl_poll_vote(poll, d, 1, 0, d % 3), 1);
        pair_draw(&p, s, &v, 1280, 720, "vote %d", d + 1);
        ck_assert_msg(p.changed > 0, "vote %d changed no pixel: the count is not shown", d + 1);
    }
    xl_poll_set_split(poll, 1);
    pair_draw(&p, s, &v, 1280, 720, "the split shown");
    xl_poll_close(poll);
    pair_draw(&p, s, &v, 1280, 720, "the poll closed");
    v.class_card = 1;
    pair_draw(&p, s, &v, 1280, 720, "the join card");
    ck_assert_int_eq(xl_poll_join(poll, 6), 1);
    pair_draw(&p, s, &v, 1280, 720, "the join card, a 7th phone");
    ck_assert_msg(p.changed > 0, "a 7th phone changed no pixel of the card");
    pair_hold(&p, s, &v, 1280, 720, "the join card, held");
    pair_close(&p);
    xl_poll_destroy(poll);
    xl_player_destroy(pl);
    xl_session_destroy(s);
    free(l);
}
END_TEST

/* What the viewer opens and closes over the scene, the zoom, the size and the target. */
START_TEST(the_chrome_on_and_off)
{
    xl_session *s = session_of(NULL);
    xl_session_run(s, 10);
    pair p;
    pair_open(&p, "chrome", 1920, 1080, 1, 2);
    ui_view v = {.theme = UI_THEME_LIGHT, .zoom = 1.0f};
    int w = 1280, h = 720;
    pair_draw(&p, s, &v, w, h, "the sandbox");
    /* The help sheet, every page. */
    v.help_visible = 1;
    pair_draw(&p, s, &v, w, h, "help page 1");
    const int pages = p.b.geom.help_pages;
    ck_assert_int_ge(pages, 2);
    for (int k = 2; k <= pages; k++) {
        v.help_visible = k;
        pair_draw(&p, s, &v, w, h, "help page %d", k);
    }
    v.help_visible = 0;
    pair_draw(&p, s, &v, w, h, "help closed");
    /* A note, then gone. */
    snprintf(v.note, sizeof v.note, "saved xentlab-20261207-104500.png");
    pair_draw(&p, s, &v, w, h, "a note");
    v.note[0] = '\0';
    pair_draw(&p, s, &v, w, h, "the note gone");
    /* The keyboard's outline around two panels, then none. */
    v.key_panel = UI_PANEL_BARS;
    pair_draw(&p, s, &v, w, h, "key outline on the bars");
    v.key_panel = UI_PANEL_LANDSCAPE;
    pair_draw(&p, s, &v, w, h, "key outline on the landscape");
    v.key_panel = UI_PANEL_NONE;
    pair_draw(&p, s, &v, w, h, "key outline gone");
    /* The lesson menu over the sandbox. */
    setenv("XENTLAB_LESSONS", LESSONS_DIR, 1);
    ui_library *lib = malloc(sizeof *lib);
    ck_assert_ptr_nonnull(lib);
    ck_assert_int_ge(ui_library_scan(lib, NULL), 14);
    v.library = lib;
    v.menu_open = 1;
    pair_draw(&p, s, &v, w, h, "the lesson menu");
    v.menu_selected = 3;
    pair_draw(&p, s, &v, w, h, "the lesson menu, row 4");
    v.menu_open = 0;
    pair_draw(&p, s, &v, w, h, "the menu closed");
    /* A class's join card. */
    v.class_url = "http://10.0.0.5:8321/?c=4821";
    v.class_code = "4821";
    v.class_card = 1;
    pair_draw(&p, s, &v, w, h, "the class card");
    v.class_advice = 1;
    pair_draw(&p, s, &v, w, h, "the class card's advice");
    v.class_card = v.class_advice = 0;
    pair_draw(&p, s, &v, w, h, "the card gone");
    /* The Rényi panel in the history's place. */
    v.renyi = 1;
    pair_draw(&p, s, &v, w, h, "renyi");
    v.renyi = 0;
    pair_draw(&p, s, &v, w, h, "renyi gone");
    /* The status bar's marks, a video's frame (no keys, no play chrome), the control strip
     * pressed and hidden. */
    v.mic = v.sound = 1;
    pair_draw(&p, s, &v, w, h, "mic and sound marks");
    v.mic = v.sound = 0;
    v.recording = 1;
    pair_draw(&p, s, &v, w, h, "a video's frame");
    v.recording = 0;
    pair_draw(&p, s, &v, w, h, "not a video");
    const SDL_Rect play = p.b.geom.controls.rect[0];
    ck_assert_int_gt(play.w, 0);
    v.pointer_over = v.pointer_down = 1;
    v.pointer_x = play.x + play.w / 2;
    v.pointer_y = play.y + play.h / 2;
    pair_draw(&p, s, &v, w, h, "a control pressed");
    v.pointer_over = v.pointer_down = 0;
    pair_draw(&p, s, &v, w, h, "the control let go");
    v.controls = UI_CONTROLS_OFF;
    pair_draw(&p, s, &v, w, h, "the control strip hidden");
    v.controls = UI_CONTROLS_AUTO;
    pair_draw(&p, s, &v, w, h, "the control strip back");
    /* Blank (B in a lesson), and back. */
    v.blank = 1;
    pair_draw(&p, s, &v, w, h, "blank");
    v.blank = 0;
    pair_draw(&p, s, &v, w, h, "unblanked");
    /* Zoom 2 and back, with a step between. */
    v.zoom = 2.0f;
    pair_draw(&p, s, &v, w, h, "zoom 2");
    xl_session_run(s, 1);
    pair_draw(&p, s, &v, w, h, "zoom 2, a step");
    v.zoom = 1.0f;
    pair_draw(&p, s, &v, w, h, "zoom 1");
    /* The other theme. */
    v.theme = UI_THEME_DARK;
    pair_draw(&p, s, &v, w, h, "dark");
    /* A size change mid-sequence, both ways. */
    w = 1920;
    h = 1080;
    pair_draw(&p, s, &v, w, h, "1920x1080");
    xl_session_run(s, 1);
    pair_draw(&p, s, &v, w, h, "1920x1080, a step");
    hover_each_panel(&p, s, &v, w, h);
    /* A window held upright (a phone): the panels in one column. */
    pair_draw(&p, s, &v, 720, 1080, "720x1080, upright");
    w = 1280;
    h = 720;
    pair_draw(&p, s, &v, w, h, "back to 1280x720");
    /* The retained scene's threads changed: the same frame. */
    ck_assert_int_eq(ui_scene_set_threads(p.a.scene, 2), 2);
    pair_hold(&p, s, &v, w, h, "2 threads");
    xl_session_run(s, 1);
    pair_draw(&p, s, &v, w, h, "2 threads, a step");
    /* The target spoiled and the scene told. */
    pair_invalidate(&p);
    pair_draw(&p, s, &v, w, h, "invalidated");
    pair_hold(&p, s, &v, w, h, "invalidated, held");
    pair_close(&p);
    free(lib);
    xl_session_destroy(s);
}
END_TEST

/* ---- each input alone ---- */

typedef struct input_state {
    xl_session *s;
    ui_view view;
    int w, h;
    const ui_frame_geom *geom; /* the steady frame's */
} input_state;

static void to_1080p(input_state *st) { st->w = 1920; st->h = 1080; }
static void theme(input_state *st) { st->view.theme = UI_THEME_DARK; }
static void german(input_state *st)
{
    (void)st; /* the language is the process's, not the state's */
    ck_assert_int_eq(ui_lang_set("de"), 0);
    ck_assert_msg(ui_lang_catalogue() != NULL, "no German catalogue (XENTLAB_LOCALEDIR)");
}
static void zoom(input_state *st) { st->view.zoom = 1.5f; }
static void focus_done(input_state *st)
{
    ui_focus_set(&st->view, UI_PANEL_LANDSCAPE);
    ui_focus_advance(&st->view, UI_FOCUS_SECONDS);
}
static void focus_begun(input_state *st)
{
    ui_focus_set(&st->view, UI_PANEL_HISTORY);
    ui_focus_advance(&st->view, 1.0 / 30.0);
}
static void scenario(input_state *st) { ck_assert(scenario_apply(st->s, "scenario-next")); }
static void value(input_state *st)
{
    xl_bars b;
    xl_session_bars(st->s, &b);
    char cmd[256] = "set-p 6";
    for (int i = 1; i < b.n; i++) snprintf(cmd + strlen(cmd), sizeof cmd - strlen(cmd), ",1");
    ck_assert(scenario_apply(st->s, cmd));
}
static void step(input_state *st) { xl_session_run(st->s, 1); }
static void select_bar(input_state *st) { ck_assert(scenario_apply(st->s, "select 2")); }
static void unit(input_state *st) { ck_assert(scenario_apply(st->s, "unit")); }
static SDL_Rect panel(const input_state *st, int id)
{
    ui_layout L = st->geom->layout;
    const SDL_Rect r = *ui_layout_panel(&L, id);
    ck_assert_msg(r.w > 0 && r.h > 0, "no %s panel", ui_panel_name(id));
    return r;
}
static void pointer_onto_bars(input_state *st)
{
    const SDL_Rect r = panel(st, UI_PANEL_BARS);
    st->view.pointer_in = st->view.pointer_over = 1;
    st->view.pointer_x = r.x + r.w / 3;
    st->view.pointer_y = r.y + r.h * 2 / 3;
}
static void key_ring(input_state *st) { st->view.key_panel = UI_PANEL_BARS; }
static void help(input_state *st) { st->view.help_visible = 1; }
static void note(input_state *st) { snprintf(st->view.note, sizeof st->view.note, "copied the state"); }
static void renyi(input_state *st) { st->view.renyi = 1; }
static void recording(input_state *st) { st->view.recording = 1; }
static void play_pressed(input_state *st)
{
    const SDL_Rect r = st->geom->controls.rect[0];
    ck_assert_int_gt(r.w, 0);
    st->view.pointer_over = st->view.pointer_down = 1;
    st->view.pointer_x = r.x + r.w / 2;
    st->view.pointer_y = r.y + r.h / 2;
}
static void strip_hidden(input_state *st) { st->view.controls = UI_CONTROLS_OFF; }

/* From a state in which the pointer rests over the landscape, showing its tooltip. */
static void pointer_rests_on_landscape(input_state *st)
{
    const SDL_Rect r = st->geom->landscape.map;
    ck_assert_int_gt(r.w, 0);
    st->view.pointer_in = st->view.pointer_over = 1;
    st->view.pointer_x = r.x + r.w / 2;
    st->view.pointer_y = r.y + r.h / 2;
}
static void pointer_along_landscape(input_state *st)
{
    st->view.pointer_x += 9;
    st->view.pointer_y += 4;
}
static void pointer_leaves(input_state *st) { st->view.pointer_in = st->view.pointer_over = 0; }

static const struct input {
    const char *name;
    void (*setup)(input_state *st); /* before the steady frames; NULL: none */
    void (*change)(input_state *st);
} inputs[] = {
    {"the frame size", NULL, to_1080p},
    {"the theme", NULL, theme},
    {"the language", NULL, german},
    {"the zoom", NULL, zoom},
    {"the focus, its change done", NULL, focus_done},
    {"the focus, its change begun", NULL, focus_begun},
    {"the scenario", NULL, scenario},
    {"a value (set-p)", NULL, value},
    {"one step", NULL, step},
    {"the selected bar", NULL, select_bar},
    {"the unit", NULL, unit},
    {"the pointer onto the bars", NULL, pointer_onto_bars},
    {"the pointer along the landscape", pointer_rests_on_landscape, pointer_along_landscape},
    {"the pointer gone", pointer_rests_on_landscape, pointer_leaves},
    {"the key outline", NULL, key_ring},
    {"the help sheet", NULL, help},
    {"a note", NULL, note},
    {"the Renyi panel", NULL, renyi},
    {"a video's frame", NULL, recording},
    {"a control pressed", NULL, play_pressed},
    {"the control strip hidden", NULL, strip_hidden},
};
enum { INPUTS = sizeof inputs / sizeof inputs[0] };

/* The softmax scene 5 steps in at 1280x720 (a 1920x1080 target: the size may change),
 * drawn until steady, then input k alone. The state is left for the caller's checks. */
static void input_alone(pair *p, input_state *st, int k)
{
    st->s = session_of(NULL);
    xl_session_run(st->s, 5);
    memset(&st->view, 0, sizeof st->view);
    st->view.theme = UI_THEME_LIGHT;
    st->view.zoom = 1.0f;
    st->w = 1280;
    st->h = 720;
    pair_open(p, "input", 1920, 1080, 1 + k % 2, 2 - k % 2);
    pair_draw(p, st->s, &st->view, st->w, st->h, "first frame, before %s", inputs[k].name);
    st->geom = &p->b.geom;
    if (inputs[k].setup) inputs[k].setup(st);
    for (int f = 0; f < 2; f++) pair_draw(p, st->s, &st->view, st->w, st->h, "steady, before %s", inputs[k].name);
    pair_hold(p, st->s, &st->view, st->w, st->h, "held, before the input");
    inputs[k].change(st);
    pair_draw(p, st->s, &st->view, st->w, st->h, "%s changed", inputs[k].name);
}

static void input_done(pair *p, input_state *st)
{
    pair_close(p);
    xl_session_destroy(st->s);
    ui_lang_reset(); /* the language is the process's: back to the environment's (en) */
}

/* Loop index: inputs[]. The change shows (some pixel changes, within the damage), the
 * frame is the whole redraw's, and the next frame, nothing changed, changes nothing. */
START_TEST(each_input_alone_redraws_right)
{
    pair p;
    input_state st;
    input_alone(&p, &st, _i);
    if (getenv("XL_RETAIN_DUMP")) write_png(&p, inputs[_i].name, "dump", p.a.surface->pixels, p.a.surface->pitch);
    ck_assert_msg(p.changed != 0, "%s changed no pixel: the comparison could not fail", inputs[_i].name);
    pair_hold(&p, st.s, &st.view, st.w, st.h, "held after the input");
    input_done(&p, &st);
}
END_TEST

/* The thread count is no input of the picture: changed on both scenes, no pixel moves. */
START_TEST(the_thread_count_changes_no_pixel)
{
    xl_session *s = session_of(NULL);
    xl_session_run(s, 5);
    pair p;
    pair_open(&p, "threads", 1280, 720, 1, 1);
    ui_view v = {.theme = UI_THEME_LIGHT, .zoom = 1.0f};
    for (int f = 0; f < 3; f++) pair_draw(&p, s, &v, 1280, 720, "steady");
    ck_assert_int_eq(ui_scene_set_threads(p.a.scene, 2), 2);
    ck_assert_int_eq(ui_scene_set_threads(p.b.scene, 2), 2);
    pair_hold(&p, s, &v, 1280, 720, "2 threads");
    xl_session_run(s, 1);
    pair_draw(&p, s, &v, 1280, 720, "2 threads, a step");
    ck_assert_int_gt(p.changed, 0);
    pair_close(&p);
    xl_session_destroy(s);
}
END_TEST

/* ---- the damage is local (fail while every frame is drawn whole) ---- */

static void assert_local(const pair *p, const char *what, int w, int h)
{
    ck_assert_msg(p->changed > 0, "%s changed no pixel", what);
    ck_assert_msg(2 * p->damaged < (long)w * h, "%s damaged %ld of the frame's %ld pixels (%d rectangles): not under half",
                  what, p->damaged, (long)w * h, p->ndamage);
}

/* A paused frame damages nothing, in the sandbox, in a race and on a lesson page. */
START_TEST(paused_frame_damage_is_local)
{
    xl_session *s = session_of(NULL);
    xl_session_run(s, 5);
    pair p;
    pair_open(&p, "paused", 1280, 720, 1, 1);
    ui_view v = {.theme = UI_THEME_LIGHT, .zoom = 1.0f};
    for (int f = 0; f < 3; f++) pair_draw(&p, s, &v, 1280, 720, "steady");
    pair_hold(&p, s, &v, 1280, 720, "the sandbox, paused");
    ck_assert_msg(p.ndamage == 0, "a paused frame of the sandbox damages %d rectangles, %ld pixels", p.ndamage, p.damaged);
    ck_assert(xl_session_apply(s, xl_command_name_arg(XL_CMD_RACE, "gd,adam")));
    xl_session_run(s, 5);
    for (int f = 0; f < 2; f++) pair_draw(&p, s, &v, 1280, 720, "a race");
    pair_hold(&p, s, &v, 1280, 720, "a race, paused");
    ck_assert_msg(p.ndamage == 0, "a paused frame of a race damages %d rectangles, %ld pixels", p.ndamage, p.damaged);
    pair_close(&p);
    xl_session_destroy(s);
}
END_TEST

static int input_index(void (*change)(input_state *), void (*setup)(input_state *))
{
    for (int k = 0; k < INPUTS; k++)
        if (inputs[k].change == change && inputs[k].setup == setup) return k;
    ck_abort_msg("no such input");
    return -1;
}

START_TEST(pointer_move_damage_is_local)
{
    pair p;
    input_state st;
    input_alone(&p, &st, input_index(pointer_onto_bars, NULL));
    assert_local(&p, "the pointer onto the bars", st.w, st.h);
    input_done(&p, &st);
    input_alone(&p, &st, input_index(pointer_along_landscape, pointer_rests_on_landscape));
    assert_local(&p, "the pointer along the landscape", st.w, st.h);
    input_done(&p, &st);
}
END_TEST

START_TEST(selected_bar_damage_is_local)
{
    pair p;
    input_state st;
    input_alone(&p, &st, input_index(select_bar, NULL));
    assert_local(&p, "the selected bar", st.w, st.h);
    input_done(&p, &st);
}
END_TEST

START_TEST(key_outline_damage_is_local)
{
    pair p;
    input_state st;
    input_alone(&p, &st, input_index(key_ring, NULL));
    assert_local(&p, "the key outline on the bars", st.w, st.h);
    input_done(&p, &st);
}
END_TEST

/* A hostile viewer: 120 frames, each after one to three changes drawn at random (a
 * fixed seed; four seeds here, 40 seeds and 4,800 frames passed by hand) from steps,
 * commands, the pointer and its button, the help sheet, notes, the theme, the zoom, the
 * focus mid-change, the key outline, the strip, a video's chrome, the Rényi panel, blank
 * frames, other sizes, invalidations and the thread count. Every frame is the whole
 * redraw's bytes and its changes lie inside its damage. */
static unsigned long long rng_state;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)((rng_state >> 33) % n);
}

START_TEST(random_changes_redraw_right)
{
    static const char *const commands[] = {"p-up", "p-down", "select 1", "select 3", "select 5", "unit", "reset",
                                           "onehot", "uniform", "p-restore", "step", "set-lr 0.1", "set-lr 2",
                                           "slice-next", "frame", "optimizer adam", "optimizer gd", "rewind 5"};
    static const float zooms[] = {0.8f, 1.0f, 1.0f, 1.5f, 2.0f};
    static const int sizes[][2] = {{1280, 720}, {1280, 720}, {1280, 720}, {960, 540}, {1000, 700}};
    rng_state = 0x5eed0000ull + (unsigned long long)_i;
    xl_session *s = session_of(NULL);
    pair p;
    pair_open(&p, "random", 1280, 720, 2, 1);
    ui_view v = {.theme = UI_THEME_LIGHT, .zoom = 1.0f};
    int w = 1280, h = 720;
    for (int f = 0; f < 120; f++) {
        const int changes = 1 + (int)rnd(3);
        for (int c = 0; c < changes; c++) {
            switch (rnd(16)) {
            case 0: case 1: xl_session_run(s, 1 + (int)rnd(5)); break;
            case 2: case 3: {
                xl_command cmd;
                char err[160];
                const char *text = commands[rnd(sizeof commands / sizeof commands[0])];
                ck_assert_msg(xl_scenario_parse_command(text, &cmd, err, sizeof err) == 0, "'%s': %s", text, err);
                xl_session_apply(s, cmd); /* refused or not */
                break;
            }
            case 4: case 5:
                v.pointer_in = v.pointer_over = rnd(4) != 0;
                v.pointer_x = (int)rnd((unsigned)w);
                v.pointer_y = (int)rnd((unsigned)h);
                v.pointer_down = rnd(5) == 0;
                break;
            case 6: v.help_visible = rnd(3) == 0 ? 1 + (int)rnd(2) : 0; break;
            case 7:
                if (rnd(2)) snprintf(v.note, sizeof v.note, "note %u", rnd(1000));
                else v.note[0] = '\0';
                break;
            case 8: v.theme = v.theme == UI_THEME_LIGHT ? UI_THEME_DARK : UI_THEME_LIGHT; break;
            case 9: v.zoom = zooms[rnd(sizeof zooms / sizeof zooms[0])]; break;
            case 10:
                v.focus_from = v.focus;
                v.focus = (int)rnd(UI_PANEL_COUNT);
                v.focus_t = (float)rnd(5) / 4.0f;
                break;
            case 11: v.key_panel = (int)rnd(UI_PANEL_COUNT); break;
            case 12:
                v.controls = rnd(2) ? UI_CONTROLS_OFF : UI_CONTROLS_AUTO;
                v.recording = rnd(4) == 0;
                v.renyi = rnd(3) == 0;
                break;
            case 13: v.blank = rnd(6) == 0; break;
            case 14: {
                const int k = (int)rnd(sizeof sizes / sizeof sizes[0]);
                w = sizes[k][0];
                h = sizes[k][1];
                break;
            }
            default:
                if (rnd(2)) pair_invalidate(&p);
                else ck_assert_int_eq(ui_scene_set_threads(p.a.scene, 1 + (int)rnd(2)) > 0, 1);
                break;
            }
        }
        pair_draw(&p, s, &v, w, h, "frame %d (seed %d)", f, _i);
    }
    pair_close(&p);
    xl_session_destroy(s);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("retain");
    TCase *seq = tcase_create("retained frames are whole redraws");
    tcase_set_timeout(seq, 120);
    tcase_add_test(seq, union_area_counts_each_pixel_once);
    tcase_add_loop_test(seq, every_scenario_steps_and_holds, 0, xl_scenario_count());
    tcase_add_test(seq, a_race_at_1080p);
    tcase_add_test(seq, focus_animation_frame_by_frame);
    tcase_add_test(seq, the_chrome_on_and_off);
    tcase_add_test(seq, a_class_votes);
    tcase_add_loop_test(seq, random_changes_redraw_right, 0, 4);
    suite_add_tcase(s, seq);
    /* Every English lesson, counted here: a new one is covered once it is shipped. Tagged:
     * tests/meson.build runs them as a test of their own, beside the others. */
    TCase *lessons = tcase_create("every lesson page");
    tcase_set_tags(lessons, "lessons");
    tcase_set_timeout(lessons, 120);
    char names[LESSONS_MAX][128];
    tcase_add_loop_test(lessons, every_lesson_page, 0, lesson_files(names, LESSONS_MAX));
    suite_add_tcase(s, lessons);
    TCase *alone = tcase_create("each input alone");
    tcase_set_timeout(alone, 60);
    tcase_add_loop_test(alone, each_input_alone_redraws_right, 0, INPUTS);
    tcase_add_test(alone, the_thread_count_changes_no_pixel);
    suite_add_tcase(s, alone);
    /* Tagged apart: tests/meson.build runs them as their own test. */
    TCase *local = tcase_create("the damage is local");
    tcase_set_tags(local, "damage");
    tcase_set_timeout(local, 60);
    tcase_add_test(local, paused_frame_damage_is_local);
    tcase_add_test(local, pointer_move_damage_is_local);
    tcase_add_test(local, selected_bar_damage_is_local);
    tcase_add_test(local, key_outline_damage_is_local);
    suite_add_tcase(s, local);
    return s;
}
