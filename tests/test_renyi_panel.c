/* test_renyi_panel: the shared Rényi panel (issue 22).
 *
 *   - drawn headless at 1280x720 and 1920x1080 in the history's place, for the softmax's
 *     and the microstates' P: its numbers are H_α of the bars' P (read back from the
 *     labels drawn), its labels stay inside it and overlap none, its plot is drawn in P's
 *     colour, and the order shown is marked where the axis puts it; the Gaussian says it
 *     has no discrete distribution and draws no plot;
 *   - the commands through the dispatcher: F6 (renyi on / off), Shift+F6 (the next named
 *     order), renyi-order A, each recorded and traced as the plain command it meant;
 *     focus renyi, and renyi off leaving that focus;
 *   - hostile orders (-1, nan, 1e308, text) refused with a reason, the view unchanged;
 *   - the plot as a slider: its left end is α = 0, its middle 1, its right end ∞. */
#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_dispatch.h"
#include "ui_focus.h"
#include "xl_renyi.h"
#include "scene_fixture.h"

typedef struct fixture {
    char dir[64], record[96];
    xl_session *s;
    ui_classroom *cr;
    ui_view view;
    ui_replay_writer writer;
    FILE *trace;
    ui_dispatch d;
} fixture;

static void fixture_open(fixture *f, const char *scenario)
{
    memset(f, 0, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/xl-renyi-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(f->dir));
    snprintf(f->record, sizeof f->record, "%s/input.txt", f->dir);
    xl_session_desc desc;
    xl_session_desc_default(&desc, XL_BUILTIN_SEED);
    f->s = xl_session_create(&desc);
    ck_assert_ptr_nonnull(f->s);
    if (scenario) {
        xl_command c;
        char err[256] = "", text[64];
        snprintf(text, sizeof text, "scenario %s", scenario);
        ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "%s", err);
        ck_assert(xl_session_apply(f->s, c));
    }
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

static void act(fixture *f, const char *text)
{
    ui_action a;
    char err[256] = "";
    ck_assert_msg(ui_action_parse(text, &a, err, sizeof err) == 0, "%s: %s", text, err);
    ck_assert_int_eq(ui_dispatch_action(&f->d, UI_DISPATCH_LEARNER, &a), 1);
}

/* The pixel at (x, y) of the frame. */
static SDL_Color pixel(const scene_frame *fr, int x, int y)
{
    const Uint32 *row = (const Uint32 *)((const Uint8 *)fr->surface->pixels + y * fr->surface->pitch);
    SDL_Color c;
    SDL_GetRGB(row[x], fr->surface->format, &c.r, &c.g, &c.b);
    return c;
}

static int near_colour(SDL_Color a, SDL_Color b)
{
    return abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b) <= 24;
}

/* A label in region r whose text starts with `text`. */
static const ui_text_box *label_in(const scene_frame *fr, SDL_Rect r, const char *text)
{
    for (int i = 0; i < fr->rec.count; i++)
        if (SDL_RectEquals(&fr->boxes[i].region, &r) && strncmp(fr->boxes[i].text, text, strlen(text)) == 0)
            return &fr->boxes[i];
    return NULL;
}

START_TEST(panel_draws_the_bars_entropies_at_two_sizes)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    static const char *const scenarios[2] = {NULL, "microstates"};
    for (int sc = 0; sc < 2; sc++)
        for (int z = 0; z < 2; z++) {
            fixture f;
            fixture_open(&f, scenarios[sc]);
            act(&f, "renyi on");
            scene_frame fr;
            scene_frame_open(&fr, sizes[z][0], sizes[z][1]);
            scene_frame_draw_recorded(&fr, f.s, &f.view);
            ui_layout L = fr.geom.layout;
            const SDL_Rect panel = L.renyi;
            /* In the history's place: the history is gone. */
            ck_assert_int_gt(panel.w, 0);
            ck_assert_int_eq(L.history.w, 0);
            ck_assert(ui_focus_shown_view(&f.view, f.s) & UI_SHOW_RENYI);
            /* Its numbers are the bars' P's H_α: the big one at the default order 2, and
             * each named order's row. */
            xl_bars bars;
            xl_session_bars(f.s, &bars);
            char want[48];
            snprintf(want, sizeof want, "%.4f", xl_renyi(bars.p, bars.n, 2.0));
            ck_assert_msg(label_in(&fr, panel, want) != NULL, "no label '%s' in the Rényi panel", want);
            static const char *const rows[] = {"α=0", "α=0.5", "α=1", "α=2", "α=∞"};
            static const double orders[] = {0.0, 0.5, 1.0, 2.0, INFINITY};
            for (int r = 0; r < 5; r++) {
                const ui_text_box *b = label_in(&fr, panel, rows[r]);
                ck_assert_msg(b != NULL, "%dx%d: no row %s", sizes[z][0], sizes[z][1], rows[r]);
                snprintf(want, sizeof want, "%.4f", xl_renyi(bars.p, bars.n, orders[r]));
                ck_assert_msg(strstr(b->text, want) != NULL, "row '%s' lacks %s", b->text, want);
            }
            /* Shannon's row reads the readouts' H(P). */
            snprintf(want, sizeof want, "%.4f", xl_entropy(bars.p, bars.n, XL_NATS));
            ck_assert_ptr_nonnull(strstr(label_in(&fr, panel, "α=1")->text, want));
            /* Every label inside the panel, none over another. */
            int n = 0;
            for (int a = 0; a < fr.rec.count; a++) {
                const ui_text_box *A = &fr.boxes[a];
                if (A->layer != 0 || !SDL_RectEquals(&A->region, &panel) || A->ink.w <= 0) continue;
                n++;
                ck_assert_msg(A->ink.x >= panel.x && A->ink.y >= panel.y && A->ink.x + A->ink.w <= panel.x + panel.w &&
                                  A->ink.y + A->ink.h <= panel.y + panel.h,
                              "'%s' leaves the panel", A->text);
                for (int b = a + 1; b < fr.rec.count; b++) {
                    const ui_text_box *B = &fr.boxes[b];
                    if (B->layer != 0 || !SDL_RectEquals(&B->region, &panel) || B->ink.w <= 0) continue;
                    ck_assert_msg(!SDL_HasIntersection(&A->ink, &B->ink), "'%s' overlaps '%s'", A->text, B->text);
                }
            }
            ck_assert_int_ge(n, 10);
            /* The plot: the order shown (2) sits at u = 2/3 of its width, where the marker
             * is drawn in P's colour at H_2's height. */
            const SDL_Rect plot = fr.geom.renyi.plot;
            ck_assert_int_gt(plot.w, 100);
            const ui_theme *th = ui_theme_get(f.view.theme);
            const double h2 = xl_renyi(bars.p, bars.n, 2.0), h0 = xl_renyi(bars.p, bars.n, 0.0);
            const int mx = plot.x + (int)lround(plot.w * 2.0 / 3.0);
            int found = 0;
            for (int y = plot.y; y < plot.y + plot.h && !found; y++)
                for (int dx = -3; dx <= 3 && !found; dx++) found = near_colour(pixel(&fr, mx + dx, y), th->truth);
            ck_assert_msg(found, "no marker in P's colour at the order shown");
            /* The curve is non-increasing: at the left end it is higher than at the right. */
            ck_assert_double_ge(h0, h2);
            int left = -1, right = -1;
            for (int y = plot.y; y < plot.y + plot.h; y++) {
                if (left < 0 && near_colour(pixel(&fr, plot.x + 3, y), th->truth)) left = y;
                if (right < 0 && near_colour(pixel(&fr, plot.x + plot.w - 2, y), th->truth)) right = y;
            }
            ck_assert_int_ge(left, 0);
            ck_assert_int_ge(right, left);
            scene_frame_close(&fr);
            fixture_close(&f);
        }
}
END_TEST

START_TEST(a_continuous_scenario_says_so)
{
    fixture f;
    fixture_open(&f, "gaussian");
    act(&f, "renyi on");
    scene_frame fr;
    scene_frame_open(&fr, 1280, 720);
    scene_frame_draw_recorded(&fr, f.s, &f.view);
    const SDL_Rect panel = fr.geom.layout.renyi;
    ck_assert_int_gt(panel.w, 0);
    ck_assert_int_eq(fr.geom.renyi.plot.w, 0);
    ck_assert_ptr_nonnull(label_in(&fr, panel, "the voltage is continuous"));
    ck_assert_ptr_null(label_in(&fr, panel, "α=1"));
    scene_frame_close(&fr);
    fixture_close(&f);
}
END_TEST

START_TEST(keys_and_commands_through_the_dispatcher)
{
    fixture f;
    fixture_open(&f, NULL);
    ck_assert_int_eq(ui_input_map_key(SDLK_F6, 0, NULL).view, UI_VIEW_RENYI_TOGGLE);
    ck_assert_int_eq(ui_input_map_key(SDLK_F6, KMOD_LSHIFT, NULL).view, UI_VIEW_RENYI_NEXT);
    ui_action a;
    char did[256], text[2048];
    ck_assert_int_eq(f.view.renyi, 0);
    ck_assert_double_eq(ui_view_renyi_alpha(&f.view), 2.0);
    ui_dispatch_key(&f.d, SDLK_F6, 0, 0, 0, &a, did, sizeof did);
    ck_assert_int_eq(f.view.renyi, 1);
    ck_assert_ptr_nonnull(strstr(f.view.note, "α = 2 (collision)"));
    ui_dispatch_key(&f.d, SDLK_F6, KMOD_LSHIFT, 0, 0, &a, did, sizeof did); /* 2 → ∞ */
    ck_assert(isinf(ui_view_renyi_alpha(&f.view)));
    ui_dispatch_key(&f.d, SDLK_F6, KMOD_LSHIFT, 0, 0, &a, did, sizeof did); /* ∞ → 0 */
    ck_assert_double_eq(ui_view_renyi_alpha(&f.view), 0.0);
    ui_dispatch_key(&f.d, SDLK_F6, KMOD_LSHIFT, 0, 0, &a, did, sizeof did); /* 0 → 0.5 */
    ck_assert_double_eq(ui_view_renyi_alpha(&f.view), 0.5);
    act(&f, "renyi-order 1.25");
    ck_assert_double_eq(ui_view_renyi_alpha(&f.view), 1.25);
    act(&f, "focus renyi");
    ck_assert_int_eq(f.view.focus, UI_PANEL_RENYI);
    ck_assert_int_eq(ui_focus_shown_focus(&f.view, f.s), UI_PANEL_RENYI);
    ui_dispatch_key(&f.d, SDLK_F6, 0, 0, 0, &a, did, sizeof did); /* off: the focus goes too */
    ck_assert_int_eq(f.view.renyi, 0);
    ck_assert_int_eq(f.view.focus, UI_PANEL_NONE);
    ck_assert(!(ui_focus_shown_view(&f.view, f.s) & UI_SHOW_RENYI));
    /* An order shows the panel. */
    act(&f, "renyi-order inf");
    ck_assert_int_eq(f.view.renyi, 1);
    /* Shift+F2 reaches the panel among those shown, after the readouts and landscape. */
    int id = UI_PANEL_NONE, seen = 0;
    for (int k = 0; k < UI_PANEL_COUNT; k++) seen |= (id = ui_focus_next(&f.view, f.s, id)) == UI_PANEL_RENYI;
    ck_assert(seen);
    traced(&f, text, sizeof text);
    ck_assert_str_eq(text, "renyi on|renyi-order inf|renyi-order 0|renyi-order 0.5|renyi-order 1.25|focus renyi|"
                           "renyi off|renyi-order inf");
    recorded(&f, text, sizeof text);
    ck_assert_str_eq(text, "view renyi on|view renyi-order inf|view renyi-order 0|view renyi-order 0.5|"
                           "view renyi-order 1.25|view focus renyi|view renyi off|view renyi-order inf");
    /* What was recorded parses back to the same action (a replay sets α bit for bit). */
    ck_assert_int_eq(ui_action_parse("renyi-order 0.10000000000000001", &a, did, sizeof did), 0);
    ck_assert_double_eq(a.cmd.x, 0.1);
    fixture_close(&f);
}
END_TEST

START_TEST(hostile_orders_are_refused_with_a_reason)
{
    static const char *const bad[] = {"renyi-order -1", "renyi-order nan", "renyi-order 1e308", "renyi-order text",
                                      "renyi-order", "renyi-order -inf", "renyi maybe", "renyi"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ui_action a = {UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
        char err[256] = "";
        ck_assert_msg(ui_action_parse(bad[i], &a, err, sizeof err) == -1, "'%s' was taken", bad[i]);
        ck_assert_msg(strstr(err, i < 6 ? "renyi-order needs an order" : "renyi needs on or off") != NULL, "%s: %s",
                      bad[i], err);
    }
}
END_TEST

START_TEST(the_plot_is_a_slider_of_alpha)
{
    const ui_renyi_geom g = {{100, 50, 300, 120}};
    ck_assert_double_eq(ui_renyi_order_at(&g, 100), 0.0);
    ck_assert_double_eq(ui_renyi_order_at(&g, 40), 0.0);     /* left of it: held at 0 */
    ck_assert_double_eq(ui_renyi_order_at(&g, 250), 1.0);    /* the middle: Shannon's */
    ck_assert_double_eq(ui_renyi_order_at(&g, 300), 2.0);    /* two thirds: 2 */
    ck_assert(isinf(ui_renyi_order_at(&g, 400)));
    ck_assert(isinf(ui_renyi_order_at(&g, 900)));
    const double a = ui_renyi_order_at(&g, 220);             /* u = 0.4: α = 2/3, to 3 digits */
    ck_assert_double_eq_tol(a, 0.667, 1e-12);
    const ui_renyi_geom none = {{0, 0, 0, 0}};
    ck_assert_double_eq(ui_renyi_order_at(&none, 10), -1.0);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("renyi_panel");
    const xl_test_case cases[] = {
        {"the panel draws the bars' entropies at two sizes", panel_draws_the_bars_entropies_at_two_sizes},
        {"a continuous scenario says so", a_continuous_scenario_says_so},
        {"keys and commands through the dispatcher", keys_and_commands_through_the_dispatcher},
        {"hostile orders refused with a reason", hostile_orders_are_refused_with_a_reason},
        {"the plot is a slider of alpha", the_plot_is_a_slider_of_alpha},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
