/* test_focus: one panel takes the scene (issue 21).
 *
 *   - lesson pages with @focus, drawn headless at 1280x720 and 1920x1080: the focused
 *     panel's rectangle is at least 70% of the scene area (right of the narration
 *     column), the other panels are gone but for the strip of live numbers, and the
 *     labels drawn in the focused panel neither overlap nor leave it;
 *   - the commands through the dispatcher: focus PANEL / off, F2 (the panel under the
 *     pointer, else the main picture; again: back), Shift+F2 (the next panel), Esc
 *     (leaves the focus first, then quits in the sandbox / leaves a lesson), each
 *     recorded and traced as the plain "focus PANEL" it meant;
 *   - the animation: at progress 0 the old layout, at 1 the new, eased between; reduced
 *     motion gives the new at once; at a recording's frame time (1/30 s) a change has
 *     intermediate frames, with reduced motion none. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_dispatch.h"
#include "ui_focus.h"
#include "scene_fixture.h"

#ifndef LESSONS_DIR
#error "LESSONS_DIR: the shipped lessons"
#endif

typedef struct fixture {
    char dir[64], record[96];
    xl_session *s;
    ui_classroom *cr;
    ui_view view;
    ui_replay_writer writer;
    FILE *trace;
    ui_dispatch d;
} fixture;

static void fixture_open(fixture *f)
{
    memset(f, 0, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/xl-focus-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(f->dir));
    snprintf(f->record, sizeof f->record, "%s/input.txt", f->dir);
    xl_session_desc desc;
    xl_session_desc_default(&desc, XL_BUILTIN_SEED);
    f->s = xl_session_create(&desc);
    ck_assert_ptr_nonnull(f->s);
    f->cr = malloc(sizeof *f->cr);
    ck_assert_ptr_nonnull(f->cr);
    ui_classroom_init(f->cr, f->dir);
    f->view.zoom = 1.0f;
    char err[256] = "";
    char *argv[] = {"xentlab", NULL};
    ck_assert_msg(ui_replay_writer_open(&f->writer, f->record, 1, argv, 640, 360, err, sizeof err) == 0, "%s", err);
    f->trace = tmpfile();
    ck_assert_ptr_nonnull(f->trace);
    ui_dispatch_init(&f->d, f->s, f->cr, &f->view, &f->writer, f->trace);
}

static void fixture_close(fixture *f)
{
    if (f->writer.f) ui_replay_writer_close(&f->writer);
    fclose(f->trace);
    ui_classroom_free(f->cr);
    free(f->cr);
    xl_session_destroy(f->s);
    unlink(f->record);
    rmdir(f->dir);
}

/* The trace's command texts so far, '|'-separated. */
static void traced(fixture *f, char *out, size_t n)
{
    char line[8192];
    out[0] = '\0';
    fflush(f->trace);
    rewind(f->trace);
    while (fgets(line, sizeof line, f->trace)) {
        const char *c = strstr(line, "\"text\":\"");
        if (!c || !strstr(line, "\"command\":\"")) continue;
        c += strlen("\"text\":\"");
        size_t used = strlen(out);
        snprintf(out + used, n - used, "%s%.*s", used ? "|" : "", (int)strcspn(c, "\""), c);
    }
    fseek(f->trace, 0, SEEK_END);
}

/* The recording's action lines (after MS TICK), '|'-separated; closes the writer. */
static void recorded(fixture *f, char *out, size_t n)
{
    ck_assert_int_eq(ui_replay_writer_close(&f->writer), 0);
    f->writer.f = NULL;
    FILE *r = fopen(f->record, "r");
    ck_assert_ptr_nonnull(r);
    char line[2048];
    out[0] = '\0';
    while (fgets(line, sizeof line, r)) {
        long long ms = 0;
        long tick = 0;
        int at = 0;
        if (sscanf(line, "%lld %ld %n", &ms, &tick, &at) != 2) continue; /* the header */
        line[strcspn(line, "\n")] = '\0';
        size_t used = strlen(out);
        snprintf(out + used, n - used, "%s%s", used ? "|" : "", line + at);
    }
    fclose(r);
}

/* Open lesson file on page (1-based) through the dispatcher, its plays skipped (as
 * --headless does), the view following it and its focus change done. */
static void open_page(fixture *f, const char *file, int page)
{
    char err[512] = "", action[512];
    snprintf(action, sizeof action, "open %s/%s", LESSONS_DIR, file);
    ck_assert_msg(ui_dispatch_lesson(&f->d, UI_DISPATCH_START, action, err, sizeof err) == 0, "%s", err);
    ck_assert_ptr_nonnull(f->cr->player);
    if (page > 1) ck_assert_int_eq(xl_player_goto(f->cr->player, page - 1), 0);
    for (int guard = 0; guard < XL_LESSON_MAX_STEPS && xl_player_phase_of(f->cr->player) == XL_PLAYER_PLAYING; guard++)
        xl_player_next(f->cr->player);
    ui_dispatch_sync_view(&f->d);
    ui_focus_advance(&f->view, UI_FOCUS_SECONDS);
}

static long area(SDL_Rect r)
{
    return r.w > 0 && r.h > 0 ? (long)r.w * r.h : 0;
}

/* The pages the issue names, and more: each with the panel its narration is about. */
static const struct {
    const char *file;
    int page;
    int focus;
} focus_pages[] = {
    {"11-optimizers.lesson", 4, UI_PANEL_LANDSCAPE},    /* the optimizers' paths */
    {"09-gaussians.lesson", 3, UI_PANEL_LANDSCAPE},     /* the μ/σ valley */
    {"09-gaussians.lesson", 5, UI_PANEL_BARS},          /* "the bars show why" */
    {"01-surprise.lesson", 1, UI_PANEL_BARS},
    {"10-bayesian-second-law.lesson", 4, UI_PANEL_SIDE},
    {"10-bayesian-second-law.lesson", 6, UI_PANEL_SIDE}, /* heat flows: the law with ⟨Q⟩ */
    {"07-logistic.lesson", 2, UI_PANEL_DATA},
    {"03-microstates.lesson", 3, UI_PANEL_DATA},    /* equally likely microstates: H = ln W */
    {"03-microstates.lesson", 4, UI_PANEL_HISTORY},
    {"05-identity.lesson", 1, UI_PANEL_READOUTS},
    {"12-clausius.lesson", 1, UI_PANEL_DATA},           /* the two solids, the thermometers */
    {"12-clausius.lesson", 3, UI_PANEL_SIDE},           /* P(q_A), where W is largest */
    {"12-clausius.lesson", 6, UI_PANEL_DATA},           /* the Clausius window */
    {"12-clausius.lesson", 8, UI_PANEL_DATA},           /* large solids: S in the ten thousands */
    {"13-renyi.lesson", 1, UI_PANEL_RENYI},            /* the family at every order */
    {"13-renyi.lesson", 3, UI_PANEL_RENYI},            /* the loaded die: H_α falls with α */
    {"14-real-data.lesson", 2, UI_PANEL_SIDE},         /* one flower's (q − y) xᵀ */
    {"14-real-data.lesson", 3, UI_PANEL_DATA},         /* the iris decision regions */
    {"14-real-data.lesson", 4, UI_PANEL_DATA},         /* the templates: their credit in the panel, not the strip */
    {"14-real-data.lesson", 6, UI_PANEL_SIDE},         /* the reliability diagram, the credit in the strip */
};

START_TEST(a_focused_page_gives_its_panel_the_scene)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    const int k = _i;
    for (int z = 0; z < 2; z++) {
        const int w = sizes[z][0], h = sizes[z][1];
        fixture f;
        fixture_open(&f);
        open_page(&f, focus_pages[k].file, focus_pages[k].page);
        ck_assert_int_eq(f.view.focus, focus_pages[k].focus);
        scene_frame fr;
        scene_frame_open(&fr, w, h);
        scene_frame_draw_recorded(&fr, f.s, &f.view);
        const ui_frame_geom *g = &fr.geom;
        ui_layout L = g->layout;
        const SDL_Rect focused = *ui_layout_panel(&L, focus_pages[k].focus);
        const double share = (double)area(focused) / (double)area(g->scene);
        if (getenv("XL_FOCUS_SHARES")) /* the figures for a report */
            fprintf(stderr, "%s page %d at %dx%d: %s %.1f%% of the scene\n", focus_pages[k].file, focus_pages[k].page,
                    w, h, ui_panel_name(focus_pages[k].focus), 100.0 * share);
        ck_assert_msg(g->scene.x > 0, "the narration column is there");
        ck_assert_msg(share >= 0.70, "%s page %d at %dx%d: the focused %s takes %.1f%% of the scene", focus_pages[k].file,
                      focus_pages[k].page, w, h, ui_panel_name(focus_pages[k].focus), 100.0 * share);
        for (int id = 1; id < UI_PANEL_COUNT; id++)
            if (id != focus_pages[k].focus)
                ck_assert_msg(area(*ui_layout_panel(&L, id)) == 0, "%s is still drawn", ui_panel_name(id));
        /* The live numbers' strip, except when the readouts are the focus; its numbers are
         * never cut with "…" (large solids' S has five digits before the point). */
        /* Licensed data (the digits) keep their credit in the strip, on a line of its own
         * under the numbers; other data has none there. */
        const xl_scenario_def *def = xl_session_scenario(f.s);
        const char *credit = def->credit && focus_pages[k].focus != UI_PANEL_DATA ? def->credit(xl_session_state(f.s))
                                                                                  : NULL;
        ck_assert_int_eq(L.strip.w > 0, focus_pages[k].focus != UI_PANEL_READOUTS || credit != NULL);
        int credit_seen = 0, numbers_seen = 0;
        for (int a = 0; a < fr.rec.count; a++)
            if (SDL_RectEquals(&fr.boxes[a].region, &L.strip)) {
                ck_assert_msg(strstr(fr.boxes[a].text, "…") == NULL, "%s page %d at %dx%d: the strip cuts '%s'",
                              focus_pages[k].file, focus_pages[k].page, w, h, fr.boxes[a].text);
                if (credit && strcmp(fr.boxes[a].text, credit) == 0) credit_seen++;
                else if (strstr(fr.boxes[a].text, " = ")) numbers_seen++;
            }
        ck_assert_msg(credit_seen == (credit != NULL), "%s page %d at %dx%d: the credit shown %d times",
                      focus_pages[k].file, focus_pages[k].page, w, h, credit_seen);
        ck_assert_msg(numbers_seen == (focus_pages[k].focus != UI_PANEL_READOUTS), "%s page %d: the live numbers",
                      focus_pages[k].file, focus_pages[k].page);
        /* The focused panel's labels: some, none over another, none out of the panel. */
        int n = 0;
        for (int a = 0; a < fr.rec.count; a++) {
            const ui_text_box *A = &fr.boxes[a];
            if (A->layer != 0 || !SDL_RectEquals(&A->region, &focused) || A->ink.w <= 0) continue;
            n++;
            ck_assert_msg(A->ink.x >= focused.x && A->ink.y >= focused.y &&
                              A->ink.x + A->ink.w <= focused.x + focused.w && A->ink.y + A->ink.h <= focused.y + focused.h,
                          "%s page %d at %dx%d: '%s' leaves the focused panel", focus_pages[k].file,
                          focus_pages[k].page, w, h, A->text);
            for (int b = a + 1; b < fr.rec.count; b++) {
                const ui_text_box *B = &fr.boxes[b];
                if (B->layer != 0 || !SDL_RectEquals(&B->region, &focused) || B->ink.w <= 0) continue;
                ck_assert_msg(!SDL_HasIntersection(&A->ink, &B->ink), "%s page %d at %dx%d: '%s' overlaps '%s'",
                              focus_pages[k].file, focus_pages[k].page, w, h, A->text, B->text);
            }
        }
        ck_assert_msg(n >= 3, "%s page %d: %d labels in the focused panel", focus_pages[k].file, focus_pages[k].page, n);
        /* Its type is the larger: the title's box is taller than the dashboard's. */
        const int title_h = g->titles[focus_pages[k].focus].h;
        ui_focus_set(&f.view, UI_PANEL_NONE);
        ui_focus_advance(&f.view, UI_FOCUS_SECONDS);
        scene_frame_draw(&fr, f.s, &f.view);
        ck_assert_int_gt(title_h, fr.geom.titles[focus_pages[k].focus].h);
        scene_frame_close(&fr);
        fixture_close(&f);
    }
}
END_TEST

/* A page without @focus shows the dashboard; turning to one with it focuses. */
START_TEST(the_page_turn_applies_the_pages_focus)
{
    fixture f;
    fixture_open(&f);
    open_page(&f, "11-optimizers.lesson", 3);
    ck_assert_int_eq(f.view.focus, UI_PANEL_HISTORY);
    char err[256] = "";
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_LEARNER, "page 4", err, sizeof err), 0);
    ui_dispatch_sync_view(&f.d);
    ck_assert_int_eq(f.view.focus, UI_PANEL_LANDSCAPE);
    ck_assert_int_eq(f.view.focus_from, UI_PANEL_HISTORY);
    ck_assert(ui_focus_animating(&f.view)); /* from the history's focus to the landscape's */
    /* The learner goes back to the dashboard; the same page keeps that. */
    const ui_action off = {UI_VIEW_FOCUS, xl_command_make(XL_CMD_NONE)};
    ui_dispatch_action(&f.d, UI_DISPATCH_LEARNER, &off);
    ui_dispatch_sync_view(&f.d);
    ck_assert_int_eq(f.view.focus, UI_PANEL_NONE);
    /* F5, the page again from its start: its focus again. */
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_LEARNER, "again", err, sizeof err), 0);
    ui_dispatch_sync_view(&f.d);
    ck_assert_int_eq(f.view.focus, UI_PANEL_LANDSCAPE);
    /* Page 1 of lesson 4 has none: the dashboard. */
    open_page(&f, "04-cross-entropy.lesson", 1);
    ck_assert_int_eq(f.view.focus, UI_PANEL_NONE);
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_LEARNER, "page 3", err, sizeof err), 0);
    ui_dispatch_sync_view(&f.d);
    ck_assert_int_eq(f.view.focus, UI_PANEL_BARS);
    fixture_close(&f);
}
END_TEST

START_TEST(focus_commands_parse_and_format)
{
    ui_action a;
    char err[256] = "", text[64];
    static const char *const names[] = {"off", "bars", "readouts", "landscape", "history", "data", "side", "renyi"};
    for (int id = 0; id < UI_PANEL_COUNT; id++) {
        char in[64];
        snprintf(in, sizeof in, "  focus %s ", names[id]);
        ck_assert_msg(ui_action_parse(in, &a, err, sizeof err) == 0, "%s: %s", in, err);
        ck_assert_int_eq(a.view, UI_VIEW_FOCUS);
        ck_assert_int_eq(a.cmd.n, id);
        snprintf(in, sizeof in, "focus %s", names[id]);
        ck_assert_str_eq(ui_action_format(&a, text, sizeof text), in);
    }
    ck_assert_int_eq(ui_action_parse("focus sky", &a, err, sizeof err), -1);
    ck_assert_str_eq(err, "focus needs a panel: bars, readouts, landscape, history, data, side, renyi or off");
    ck_assert_int_eq(ui_action_parse("focus", &a, err, sizeof err), -1);
    ck_assert_int_eq(ui_action_parse("focus-toggle", &a, err, sizeof err), 0);
    ck_assert_int_eq(a.view, UI_VIEW_FOCUS_TOGGLE);
    ck_assert_int_eq(ui_action_parse("focus-next", &a, err, sizeof err), 0);
    ck_assert_int_eq(a.view, UI_VIEW_FOCUS_NEXT);
    /* The keys. */
    ck_assert_int_eq(ui_input_map_key(SDLK_F2, 0, NULL).view, UI_VIEW_FOCUS_TOGGLE);
    ck_assert_int_eq(ui_input_map_key(SDLK_F2, KMOD_LSHIFT, NULL).view, UI_VIEW_FOCUS_NEXT);
}
END_TEST

/* F2, Shift+F2 and Esc in the sandbox, each recorded and traced as what it did. */
START_TEST(the_keys_focus_and_esc_leaves_first)
{
    fixture f;
    fixture_open(&f);
    ui_action act;
    char did[256], text[1024];
    /* F2, the pointer nowhere: the softmax's main picture, the landscape. */
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F2, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_PASS);
    ck_assert_int_eq(f.view.focus, UI_PANEL_LANDSCAPE);
    /* Shift+F2: the next panel shown after it, the history. */
    ui_dispatch_key(&f.d, SDLK_F2, KMOD_LSHIFT, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(f.view.focus, UI_PANEL_HISTORY);
    ui_dispatch_key(&f.d, SDLK_F2, KMOD_LSHIFT, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(f.view.focus, UI_PANEL_BARS); /* around */
    /* Esc: out of the focus, not quitting. */
    ui_dispatch_key(&f.d, SDLK_ESCAPE, 0, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(act.view, UI_VIEW_FOCUS);
    ck_assert_int_eq(f.view.focus, UI_PANEL_NONE);
    /* F2 with the pointer over the readouts of the frame shown: them. */
    scene_frame fr;
    scene_frame_open(&fr, 1280, 720);
    ui_focus_advance(&f.view, UI_FOCUS_SECONDS); /* the dashboard, back in place */
    scene_frame_draw(&fr, f.s, &f.view);
    f.d.geom = &fr.geom;
    const SDL_Rect ro = fr.geom.layout.readouts;
    f.view.pointer_over = 1;
    f.view.pointer_x = ro.x + ro.w / 2;
    f.view.pointer_y = ro.y + ro.h / 2;
    ui_dispatch_key(&f.d, SDLK_F2, 0, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(f.view.focus, UI_PANEL_READOUTS);
    /* F2 again: back. */
    ui_dispatch_key(&f.d, SDLK_F2, 0, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(f.view.focus, UI_PANEL_NONE);
    /* Esc with nothing in focus: quit. */
    ui_dispatch_key(&f.d, SDLK_ESCAPE, 0, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(act.view, UI_VIEW_QUIT);
    f.d.geom = NULL;
    scene_frame_close(&fr);
    traced(&f, text, sizeof text);
    ck_assert_str_eq(text, "focus landscape|focus history|focus bars|focus off|focus readouts|focus off|quit");
    recorded(&f, text, sizeof text);
    ck_assert_str_eq(text, "view focus landscape|view focus history|view focus bars|view focus off|view focus "
                           "readouts|view focus off");
    fixture_close(&f);
}
END_TEST

/* A focus on a panel the scenario does not draw is none: the dashboard is drawn, Esc
 * quits and F2 focuses the scenario's own main picture. */
START_TEST(a_focus_the_scenario_lacks_is_none)
{
    fixture f;
    fixture_open(&f);
    ui_action act;
    char did[256], err[256] = "";
    ui_dispatch_key(&f.d, SDLK_F2, 0, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(f.view.focus, UI_PANEL_LANDSCAPE);
    ck_assert_int_eq(ui_action_parse("scenario microstates", &act, err, sizeof err), 0);
    ck_assert_int_eq(ui_dispatch_action(&f.d, UI_DISPATCH_LEARNER, &act), 1);
    ck_assert_int_eq(ui_focus_shown_focus(&f.view, f.s), UI_PANEL_NONE);
    ck_assert_int_eq(ui_focus_main(f.s), UI_PANEL_SIDE); /* its picture in the landscape's place */
    ui_dispatch_key(&f.d, SDLK_F2, 0, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(f.view.focus, UI_PANEL_SIDE);
    ck_assert_int_eq(ui_action_parse("focus landscape", &act, err, sizeof err), 0);
    ui_dispatch_action(&f.d, UI_DISPATCH_LEARNER, &act);
    ui_dispatch_key(&f.d, SDLK_ESCAPE, 0, 0, 0, &act, did, sizeof did);
    ck_assert_int_eq(act.view, UI_VIEW_QUIT);
    fixture_close(&f);
}
END_TEST

/* In a lesson Esc leaves the page's focus first; the next Esc leaves the lesson. */
START_TEST(esc_in_a_lesson_leaves_the_focus_before_the_lesson)
{
    fixture f;
    fixture_open(&f);
    open_page(&f, "11-optimizers.lesson", 4);
    ck_assert_int_eq(f.view.focus, UI_PANEL_LANDSCAPE);
    ui_action act;
    char did[256];
    ui_dispatch_key(&f.d, SDLK_ESCAPE, 0, 0, 0, &act, did, sizeof did);
    ui_dispatch_sync_view(&f.d);
    ck_assert_int_eq(f.view.focus, UI_PANEL_NONE);
    ck_assert_ptr_nonnull(f.cr->lesson); /* still in the lesson */
    ck_assert_ptr_nonnull(f.cr->player);
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_ESCAPE, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_TAKEN);
    ck_assert_str_eq(did, "close");
    fixture_close(&f);
}
END_TEST

static int rects_between(SDL_Rect a, SDL_Rect m, SDL_Rect b)
{
    const int v[3][4] = {{a.x, a.y, a.w, a.h}, {m.x, m.y, m.w, m.h}, {b.x, b.y, b.w, b.h}};
    int strictly = 0;
    for (int i = 0; i < 4; i++) {
        const int lo = v[0][i] < v[2][i] ? v[0][i] : v[2][i], hi = v[0][i] < v[2][i] ? v[2][i] : v[0][i];
        if (v[1][i] < lo || v[1][i] > hi) return 0;
        if (lo < hi && v[1][i] > lo && v[1][i] < hi) strictly = 1;
    }
    return strictly;
}

/* Progress 0 draws the old layout, 1 the new, between them rectangles between; reduced
 * motion is a cut. At 30 frames a second (a recording) the change takes about nine
 * frames of intermediate layouts. */
START_TEST(a_focus_change_animates_and_reduced_motion_cuts)
{
    ck_assert(ui_ease(0.0f) == 0.0f);
    ck_assert(ui_ease(1.0f) == 1.0f);
    ck_assert(ui_ease(0.5f) == 0.5f);
    ck_assert(ui_ease(0.25f) < 0.25f); /* slow in */
    ck_assert(ui_ease(2.0f) == 1.0f);
    fixture f;
    fixture_open(&f);
    scene_frame fr;
    scene_frame_open(&fr, 1280, 720);
    scene_frame_draw(&fr, f.s, &f.view);
    const ui_layout dash = fr.geom.layout;
    ui_focus_set(&f.view, UI_PANEL_LANDSCAPE);
    ck_assert(f.view.focus_t == 0.0f);
    scene_frame_draw(&fr, f.s, &f.view);
    ck_assert(SDL_RectEquals(&fr.geom.layout.landscape, &dash.landscape)); /* at 0: the old */
    ck_assert(SDL_RectEquals(&fr.geom.layout.bars, &dash.bars));
    /* Frame by frame at 30 fps, as the exporter advances it. */
    int between = 0;
    SDL_Rect mid = {0, 0, 0, 0};
    for (int frame = 0; frame < 30 && ui_focus_animating(&f.view); frame++) {
        ui_focus_advance(&f.view, 1.0 / 30.0);
        scene_frame_draw(&fr, f.s, &f.view);
        if (ui_focus_animating(&f.view)) {
            between++;
            if (between == 4) mid = fr.geom.layout.landscape;
        }
    }
    ck_assert_int_ge(between, 7);
    ck_assert_int_le(between, 9);
    const ui_layout done = fr.geom.layout;
    ck_assert(f.view.focus_t == 1.0f);
    ck_assert_int_eq(area(done.bars), 0);
    ck_assert_int_gt(area(done.landscape), area(dash.landscape));
    ck_assert_msg(rects_between(dash.landscape, mid, done.landscape), "mid-change: %d,%d %dx%d", mid.x, mid.y, mid.w,
                  mid.h);
    /* The same layout as a focus set with no animation at all. */
    ui_view cut = f.view;
    cut.focus = cut.focus_from = UI_PANEL_NONE;
    cut.reduced_motion = 1;
    ui_focus_set(&cut, UI_PANEL_LANDSCAPE);
    ck_assert(!ui_focus_animating(&cut)); /* a cut */
    scene_frame_draw(&fr, f.s, &cut);
    ck_assert(SDL_RectEquals(&fr.geom.layout.landscape, &done.landscape));
    ck_assert(SDL_RectEquals(&fr.geom.layout.strip, &done.strip));
    /* Reduced motion: no frame between. */
    ui_focus_set(&cut, UI_PANEL_NONE);
    ck_assert(!ui_focus_animating(&cut));
    ck_assert_int_eq(ui_focus_advance(&cut, 1.0 / 30.0), 0);
    scene_frame_draw(&fr, f.s, &cut);
    ck_assert(SDL_RectEquals(&fr.geom.layout.landscape, &dash.landscape));
    scene_frame_close(&fr);
    fixture_close(&f);
}
END_TEST

/* The layout itself: the focus takes the body, the strip sits at its foot. */
START_TEST(the_focus_layout_and_between)
{
    scene_frame fr;
    scene_frame_open(&fr, 1280, 720);
    fixture f;
    fixture_open(&f);
    scene_frame_draw(&fr, f.s, &f.view);
    const ui_layout dash = fr.geom.layout;
    fixture_close(&f);
    scene_frame_close(&fr);
    ui_layout B = ui_layout_focus(&dash, 1280, NULL, UI_SHOW_ALL, UI_PANEL_NONE);
    ck_assert(memcmp(&B, &dash, sizeof B) == 0); /* no focus: the dashboard */
    ui_layout R = ui_layout_focus(&dash, 1280, NULL, UI_SHOW_ALL, UI_PANEL_READOUTS);
    ck_assert_int_eq(R.strip.w, 0); /* the readouts show the numbers themselves */
    ck_assert_int_eq(R.readouts.y, dash.bars.y);
    ck_assert_int_eq(R.readouts.x, dash.bars.x);
    ck_assert_int_eq(R.readouts.x + R.readouts.w, dash.landscape.x + dash.landscape.w);
    ck_assert_int_eq(R.readouts.y + R.readouts.h, dash.history.y + dash.history.h);
    ui_layout D = ui_layout_focus(&dash, 1280, NULL, UI_SHOW_ALL, UI_PANEL_DATA); /* not shown: no focus */
    ck_assert(memcmp(&D, &dash, sizeof D) == 0);
    ui_layout half = ui_layout_between(&dash, &R, 0.5f);
    ck_assert(rects_between(dash.readouts, half.readouts, R.readouts));
    ck_assert_int_gt(half.bars.w, 0); /* shrinking, not gone */
    ck_assert_int_lt(half.bars.h, dash.bars.h);
    ui_layout zero = ui_layout_between(&dash, &R, 0.0f), one = ui_layout_between(&dash, &R, 1.0f);
    ck_assert(memcmp(&zero, &dash, sizeof zero) == 0);
    ck_assert(memcmp(&one, &R, sizeof one) == 0);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("focus");
    TCase *tc = tcase_create("focus");
    tcase_set_timeout(tc, 240);
    tcase_add_loop_test(tc, a_focused_page_gives_its_panel_the_scene, 0,
                        (int)(sizeof focus_pages / sizeof focus_pages[0]));
    tcase_add_test(tc, the_page_turn_applies_the_pages_focus);
    tcase_add_test(tc, focus_commands_parse_and_format);
    tcase_add_test(tc, the_keys_focus_and_esc_leaves_first);
    tcase_add_test(tc, esc_in_a_lesson_leaves_the_focus_before_the_lesson);
    tcase_add_test(tc, a_focus_the_scenario_lacks_is_none);
    tcase_add_test(tc, a_focus_change_animates_and_reduced_motion_cuts);
    tcase_add_test(tc, the_focus_layout_and_between);
    suite_add_tcase(s, tc);
    return s;
}
