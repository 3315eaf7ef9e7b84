/* test_help: the help sheet lists every key, control, mouse and touch action, at a size
 * a room can read, over as many pages as that takes. For every registered scenario, at
 * 1280x720 and 1920x1080 in both themes, every page drawn: its labels lie inside the
 * frame, none overlaps another, none is cut short; together the pages draw every row;
 * its rows' type is at least 1/45 of the height on the projector theme and 1/60 on the
 * dark one (DESIGN.md, Type), measured on the ink; a page past the last shows the last.
 * And every shared or window command the key table gives a key has its row. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene_fixture.h"
#include "ui_input.h"
#include "ui_panels.h"
#include "xl_session.h"

typedef struct row_list {
    char keys[128][48];
    int n;
} row_list;

static int collect(const char *keys, const char *what, void *user)
{
    (void)what;
    row_list *rl = user;
    if (rl->n < 128) snprintf(rl->keys[rl->n++], sizeof rl->keys[0], "%s", keys);
    return 0;
}

static int overlap(SDL_Rect a, SDL_Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* The ink height of the label `text` among the help's boxes, or 0. */
static int ink_of(const scene_frame *f, const char *text)
{
    for (int b = 0; b < f->rec.count; b++)
        if (f->boxes[b].layer == 1 && strcmp(f->boxes[b].text, text) == 0) return f->boxes[b].ink.h;
    return 0;
}

static void check_scenario(const xl_scenario_def *def, int w, int h, ui_theme_kind theme)
{
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    char err[256];
    xl_command cmd;
    char text[96];
    snprintf(text, sizeof text, "scenario %s", def->id);
    ck_assert_int_eq(xl_scenario_parse_command(text, &cmd, err, sizeof err), 0);
    xl_session_apply(s, cmd);
    ck_assert_str_eq(xl_session_scenario(s)->id, def->id);
    static row_list rows;
    rows.n = 0;
    ui_help_row_count(def, collect, &rows);
    ck_assert_int_gt(rows.n, 40);
    static int seen[128];
    memset(seen, 0, sizeof seen);
    static scene_frame f;
    scene_frame_open(&f, w, h);
    static ui_text_box cut_boxes[64];
    ui_text_recorder cuts = {cut_boxes, 64, 0};
    ui_scene_set_cut_recorder(f.scene, &cuts);
    ui_view view = {.theme = theme, .help_visible = 1, .zoom = 1.0f};
    scene_frame_draw_recorded(&f, s, &view);
    const int pages = f.geom.help_pages;
    ck_assert_int_ge(pages, 1);
    ck_assert_int_le(pages, 4); /* a sheet no one pages through is no help */
    char where[160];
    snprintf(where, sizeof where, "%s %dx%d %s", def->id, w, h, theme == UI_THEME_DARK ? "dark" : "projector");
    /* The type rule: the rows' "Space" (cap to descender, about 0.96 of the size) and the
     * group titles' capitals (about 0.73). */
    const double least = (double)h / (theme == UI_THEME_DARK ? 60.0 : 45.0);
    const int space = ink_of(&f, "Space"), title = ink_of(&f, "LEARNING");
    ck_assert_msg(space >= 0.95 * least, "%s: a row's type is %d px of ink, under 0.95 of %.1f px", where, space, least);
    ck_assert_msg(title >= (int)(0.68 * least), "%s: a title's type is %d px of ink, under the rule (%.1f px)", where,
                  title, least);
    for (int page = 1; page <= pages + 1; page++) {
        view.help_visible = page;
        scene_frame_draw_recorded(&f, s, &view);
        ck_assert_int_eq(f.geom.help_pages, pages);
        int n1 = 0;
        for (int a = 0; a < f.rec.count; a++) {
            const ui_text_box *A = &f.boxes[a];
            if (A->layer != 1) continue;
            n1++;
            ck_assert_msg(A->ink.x >= 0 && A->ink.y >= 0 && A->ink.x + A->ink.w <= w && A->ink.y + A->ink.h <= h,
                          "%s page %d: '%s' outside the frame", where, page, A->text);
            for (int b = a + 1; b < f.rec.count; b++)
                if (f.boxes[b].layer == 1 && overlap(A->ink, f.boxes[b].ink))
                    ck_abort_msg("%s page %d: '%s' overlaps '%s'", where, page, A->text, f.boxes[b].text);
            for (int r = 0; r < rows.n; r++)
                if (strcmp(A->text, rows.keys[r]) == 0) seen[r] = 1;
        }
        ck_assert_int_gt(n1, 10);
        if (page == pages + 1) { /* past the last: the last again */
            char footer[64];
            snprintf(footer, sizeof footer, "page %d of %d", pages, pages);
            int found = pages == 1;
            for (int b = 0; b < f.rec.count && !found; b++)
                found = f.boxes[b].layer == 1 && strncmp(f.boxes[b].text, footer, strlen(footer)) == 0;
            ck_assert_msg(found, "%s: a page past the last does not show the last", where);
        }
    }
    for (int r = 0; r < rows.n; r++) ck_assert_msg(seen[r], "%s: the row '%s' is on no page", where, rows.keys[r]);
    for (int c = 0; c < cuts.count && c < 64; c++)
        if (cut_boxes[c].layer == 1) ck_abort_msg("%s: '%s' cut short on the sheet", where, cut_boxes[c].text);
    ui_scene_set_cut_recorder(f.scene, NULL);
    scene_frame_close(&f);
    xl_session_destroy(s);
}

START_TEST(every_scenario_every_page_fits_at_the_type_rule)
{
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    for (int i = 0; i < xl_scenario_count(); i++)
        for (int z = 0; z < 2; z++)
            for (int t = 0; t < 2; t++)
                check_scenario(xl_scenario_at(i), sizes[z][0], sizes[z][1], t ? UI_THEME_DARK : UI_THEME_LIGHT);
}
END_TEST

/* On the projector at 720p the rows take more than one page (they did not fit one at
 * that type: the sheet used to shrink them). */
START_TEST(the_projector_sheet_has_pages)
{
    static scene_frame f;
    scene_frame_open(&f, 1280, 720);
    xl_session_desc d;
    xl_session_desc_default(&d, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&d);
    ui_view view = {.theme = UI_THEME_LIGHT, .help_visible = 1, .zoom = 1.0f};
    scene_frame_draw(&f, s, &view);
    ck_assert_int_ge(f.geom.help_pages, 2);
    xl_session_destroy(s);
    scene_frame_close(&f);
}
END_TEST

/* Every command with a key in the key table (the shared ones and the window's) has a
 * row, so a key added there without a row here fails. */
START_TEST(every_key_of_the_key_table_is_listed)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    ui_input_list_commands(f);
    fclose(f);
    int shared = 0, checked = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        if (line[0] == '#') {
            shared = strstr(line, "# shared") == line || strstr(line, "window") != NULL;
            continue;
        }
        if (!shared || line[0] == ' ') continue;
        char name[64], key[64];
        if (sscanf(line, "%63s", name) != 1) continue;
        const char *k = strstr(line, "  ");
        while (k && *k == ' ') k++;
        if (!k || sscanf(k, "%63s", key) != 1 || strcmp(key, "-") == 0 || strcmp(key, "mouse") == 0) continue;
        ck_assert_msg(ui_help_lists_command(name), "the help sheet has no row for '%s' (key %s)", name, key);
        checked++;
    }
    free(text);
    ck_assert_int_gt(checked, 30);
    ck_assert_int_eq(ui_help_lists_command("no-such-command"), 0);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("help");
    TCase *tc = tcase_create("the help sheet");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, every_key_of_the_key_table_is_listed);
    tcase_add_test(tc, the_projector_sheet_has_pages);
    tcase_add_test(tc, every_scenario_every_page_fits_at_the_type_rule);
    suite_add_tcase(s, tc);
    return s;
}
