/* test_reload: the parts of a lesson's live reload that need no window. The "nearest
 * page" rule; the watcher (ui_watch.h), by events (inotify, on Linux) and by polling:
 * a save by rename and one in place are each seen once, after they settle; nothing is
 * seen while nothing changes, nor for another file in the folder; and the classroom's
 * reload: the same page with the new text, the nearest when pages go, errors while the
 * file is broken, the same page again when it is fixed. The window's part (the loop
 * wakes and reloads) is tests/test_reload.sh under Xvfb. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_classroom.h"
#include "ui_watch.h"

static long long now_ms(void)
{
    return (long long)SDL_GetTicks64();
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
}

/* An editor's save: a new file beside it, renamed over it. */
static void save_by_rename(const char *dir, const char *path, const char *text)
{
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s/.new.swp", dir);
    write_file(tmp, text);
    ck_assert_int_eq(rename(tmp, path), 0);
}

/* The reports ui_watch_check gives over ms milliseconds, checked every 10 ms. */
static int reports_within(ui_watch *w, int ms)
{
    int reports = 0;
    const long long end = now_ms() + ms;
    while (now_ms() < end) {
        reports += ui_watch_check(w, now_ms());
        SDL_Delay(10);
    }
    return reports;
}

/* The first report within ms: its delay after the call, or -1 if none came. */
static long long first_report_within(ui_watch *w, int ms)
{
    const long long start = now_ms();
    while (now_ms() - start < ms) {
        if (ui_watch_check(w, now_ms())) return now_ms() - start;
        SDL_Delay(5);
    }
    return -1;
}

START_TEST(the_nearest_page_is_the_same_or_the_last)
{
    ck_assert_int_eq(ui_classroom_nearest_page(2, 5), 2);   /* still there */
    ck_assert_int_eq(ui_classroom_nearest_page(4, 5), 4);
    ck_assert_int_eq(ui_classroom_nearest_page(4, 3), 2);   /* pages removed: the last */
    ck_assert_int_eq(ui_classroom_nearest_page(2, 3), 2);
    ck_assert_int_eq(ui_classroom_nearest_page(0, 1), 0);
    ck_assert_int_eq(ui_classroom_nearest_page(3, 0), 0);   /* no pages (broken) */
    ck_assert_int_eq(ui_classroom_nearest_page(-1, 4), 0);
}
END_TEST

/* One watcher, by events or polling, through the saves an editor makes. */
static void watch_through_saves(int force_polling)
{
    char dir[64] = "/tmp/xl-watch-XXXXXX", path[128], other[128];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/a.lesson", dir);
    snprintf(other, sizeof other, "%s/notes.txt", dir);
    write_file(path, "# One\n");
    ui_watch *w = malloc(sizeof *w);
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(ui_watch_open(w, path, force_polling, now_ms()), 0);
#ifdef __linux__
    ck_assert_str_eq(ui_watch_how(w), force_polling ? "polling" : "inotify");
#endif
    if (!force_polling && w->pw) /* idle: only an event can wake the window */
        ck_assert_int_eq(ui_watch_wait_ms(w, now_ms()), -1);
    else
        ck_assert_int_le(ui_watch_wait_ms(w, now_ms()), UI_WATCH_POLL_MS);
    /* Nothing changes: nothing is reported. */
    ck_assert_int_eq(reports_within(w, 2 * UI_WATCH_POLL_MS), 0);
    /* Another file in the folder is not this one. */
    write_file(other, "scribbles\n");
    ck_assert_int_eq(reports_within(w, 2 * UI_WATCH_POLL_MS + UI_WATCH_SETTLE_MS), 0);
    /* A save by rename: seen once, not before it settled. */
    save_by_rename(dir, path, "# Two\n\nmore text\n");
    long long delay = first_report_within(w, 3000);
    ck_assert_int_ge(delay, UI_WATCH_SETTLE_MS - 10);
    ck_assert_int_le(delay, UI_WATCH_SETTLE_MS + UI_WATCH_POLL_MS + 400);
    ck_assert_int_eq(reports_within(w, 2 * UI_WATCH_POLL_MS), 0);
    /* A save in place (truncated and written), in a burst of three writes: one report. */
    for (int i = 0; i < 3; i++) {
        char text[64];
        snprintf(text, sizeof text, "# Three\n\nwrite %d of a burst\n", i);
        write_file(path, text);
        SDL_Delay(30);
    }
    ck_assert_int_ge(first_report_within(w, 3000), 0);
    ck_assert_int_eq(reports_within(w, 2 * UI_WATCH_POLL_MS), 0);
    ui_watch_close(w);
    free(w);
    unlink(path);
    unlink(other);
    rmdir(dir);
}

START_TEST(the_watcher_sees_saves_by_events)
{
    watch_through_saves(0);
}
END_TEST

START_TEST(the_watcher_sees_saves_by_polling)
{
    watch_through_saves(1);
}
END_TEST

START_TEST(a_watcher_of_a_missing_folder_polls)
{
    ui_watch w;
    ck_assert_int_eq(ui_watch_open(&w, "/no/such/folder/x.lesson", 0, now_ms()), 0);
    ck_assert_str_eq(ui_watch_how(&w), "polling");
    ck_assert_int_eq(ui_watch_check(&w, now_ms() + 1000), 0); /* still not there: no change */
    ui_watch_close(&w);
}
END_TEST

/* A lesson of n pages; page 3's text is `third`. */
static void write_lesson(const char *path, int n, const char *third)
{
    char text[2048] = "# Reloaded\n";
    for (int i = 1; i <= n; i++) {
        char page[256];
        snprintf(page, sizeof page, "\n## Page %d\n\n%s\n\n@param classes=%d\n", i, i == 3 ? third : "Some text.",
                 i + 1);
        strncat(text, page, sizeof text - strlen(text) - 1);
    }
    write_file(path, text);
}

START_TEST(a_reload_stays_on_the_page_and_survives_errors)
{
    char dir[64] = "/tmp/xl-reload-XXXXXX", path[128], err[256] = "";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/r.lesson", dir);
    write_lesson(path, 5, "The old third page.");
    xl_session_desc desc;
    xl_session_desc_default(&desc, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&desc);
    ui_classroom *cr = malloc(sizeof *cr);
    ck_assert_ptr_nonnull(cr);
    ui_classroom_init(cr, dir);
    ck_assert_int_eq(ui_classroom_open(cr, path, s, err, sizeof err), 0);
    ck_assert_int_eq(ui_classroom_do(cr, "page 3", s, err, sizeof err), 0);
    ck_assert_int_eq(xl_player_page(cr->player), 2);
    /* New text on page 3: the same page, its setup applied (classes=4). */
    write_lesson(path, 5, "The new third page.");
    ck_assert_int_eq(ui_classroom_do(cr, "reload", s, err, sizeof err), 0);
    ck_assert_int_eq(cr->reloads, 1);
    ck_assert_ptr_nonnull(cr->player);
    ck_assert_int_eq(xl_player_page(cr->player), 2);
    ck_assert_ptr_nonnull(strstr(cr->lesson->pages[2].text, "new third"));
    ck_assert_int_eq(xl_sim_param_count(xl_session_sim(s)), 4);
    /* Broken: its errors, no player; fixed: page 3 again. */
    write_file(path, "# Reloaded\n\n## Page 1\n\n@no-such-directive 1\n");
    ck_assert_int_eq(ui_classroom_do(cr, "reload", s, err, sizeof err), 0);
    ck_assert_int_eq(cr->broken, 1);
    ck_assert_ptr_null(cr->player);
    ck_assert_int_gt(cr->lesson->nerrors, 0);
    write_lesson(path, 5, "Fixed.");
    ck_assert_int_eq(ui_classroom_do(cr, "reload", s, err, sizeof err), 0);
    ck_assert_int_eq(cr->broken, 0);
    ck_assert_int_eq(xl_player_page(cr->player), 2);
    /* Pages 3 to 5 removed: the nearest, page 2, with its own setup (classes=3). */
    write_lesson(path, 2, "");
    ck_assert_int_eq(ui_classroom_do(cr, "reload", s, err, sizeof err), 0);
    ck_assert_int_eq(xl_player_page(cr->player), 1);
    ck_assert_int_eq(xl_sim_param_count(xl_session_sim(s)), 3);
    /* Nothing open: nothing to reload. */
    ui_classroom_close(cr);
    ck_assert_int_eq(ui_classroom_do(cr, "reload", s, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "needs a lesson open"));
    ui_classroom_free(cr);
    free(cr);
    xl_session_destroy(s);
    unlink(path);
    rmdir(dir);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("reload");
    const xl_test_case cases[] = {
        {"nearest page", the_nearest_page_is_the_same_or_the_last},
        {"watcher by events", the_watcher_sees_saves_by_events},
        {"watcher by polling", the_watcher_sees_saves_by_polling},
        {"watcher of a missing folder", a_watcher_of_a_missing_folder_polls},
        {"classroom reload", a_reload_stays_on_the_page_and_survives_errors},
    };
    XL_TEST_ADD_CASES(s, cases, 30);
    return s;
}
