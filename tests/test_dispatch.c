/* test_dispatch: every input through one dispatcher, which does what its source calls
 * for (ui_dispatch.h's table): the learner's and the start's commands are applied,
 * recorded, traced and take over from a playing lesson; a replay's are applied, traced
 * and take over but are not recorded again; the lesson's own script (the player, through
 * the dispatcher's host) is applied only. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_dispatch.h"

/* A lesson whose first page plays 40 steps, then waits; its second sets P to certain. */
static const char *const lesson_text =
    "# Dispatch\n\n## Plays\n\nForty steps.\n\n@play 40\n@wait\n\n## Sets\n\nP moves.\n\n@param classes=2\n@set-p 1,0\n";

typedef struct fixture {
    char dir[64], lesson[96], record[96];
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
    snprintf(f->dir, sizeof f->dir, "/tmp/xl-dispatch-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(f->dir));
    snprintf(f->lesson, sizeof f->lesson, "%s/d.lesson", f->dir);
    snprintf(f->record, sizeof f->record, "%s/input.txt", f->dir);
    FILE *l = fopen(f->lesson, "w");
    ck_assert_ptr_nonnull(l);
    fputs(lesson_text, l);
    fclose(l);
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
    unlink(f->lesson);
    unlink(f->record);
    rmdir(f->dir);
}

/* The trace's command names so far, space-separated. */
static void traced_commands(fixture *f, char *out, size_t n)
{
    char line[8192];
    out[0] = '\0';
    fflush(f->trace);
    rewind(f->trace);
    while (fgets(line, sizeof line, f->trace)) {
        /* A command line's first key after the schema's version (docs/trace.md). */
        const char *c = strstr(line, "\"command\":\"");
        if (!c || strchr(line, ',') != c - 1) continue;
        c += strlen("\"command\":\"");
        size_t used = strlen(out);
        snprintf(out + used, n - used, "%s%.*s", used ? " " : "", (int)strcspn(c, "\""), c);
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

START_TEST(the_player_changes_the_session_through_the_dispatcher)
{
    fixture f;
    fixture_open(&f);
    char err[256] = "", open[128], names[512], rec[2048];
    snprintf(open, sizeof open, "open %s", f.lesson);
    ck_assert_msg(ui_dispatch_lesson(&f.d, UI_DISPATCH_LEARNER, open, err, sizeof err) == 0, "%s", err);
    ck_assert_ptr_nonnull(f.cr->player);
    /* The classroom made its player with the dispatcher's host, over the same session. */
    xl_player_host host = ui_dispatch_host(&f.d);
    ck_assert_ptr_eq((void *)f.cr->host.perform, (void *)host.perform);
    ck_assert_ptr_eq(f.cr->host.user, &f.d);
    ck_assert_ptr_eq(xl_player_session(f.cr->player), f.s);
    ck_assert_int_eq(xl_player_phase_of(f.cr->player), XL_PLAYER_PLAYING);
    ck_assert_int_eq(xl_session_playing(f.s), 1); /* the play's "play" went through the host */
    /* Time: the play takes its steps through the host; recorded as an advance. */
    const int sps = xl_session_steps_per_second(f.s);
    const int taken = ui_dispatch_time(&f.d, 10.0 / sps + 1e-9);
    ck_assert_int_eq(taken, 10);
    ck_assert_int_eq(xl_player_play_left(f.cr->player), 30);
    /* The script's own changes (the play command, its steps) leave no command lines. */
    traced_commands(&f, names, sizeof names);
    ck_assert_str_eq(names, "");
    /* The page's script again, skipped to its wait: its 40 steps through the host. */
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_LEARNER, "next", err, sizeof err), 0);
    ck_assert_int_eq(xl_player_phase_of(f.cr->player), XL_PLAYER_WAITING);
    ck_assert_int_eq(xl_session_playing(f.s), 0);
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), 40);
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_LEARNER, "next", err, sizeof err), 0);
    ck_assert_int_eq(xl_player_phase_of(f.cr->player), XL_PLAYER_DONE);
    /* Page 2's start is made through the host too; its @set-p is applied. */
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_LEARNER, "next", err, sizeof err), 0);
    ck_assert_int_eq(xl_player_page(f.cr->player), 1);
    double v[XL_READOUTS_MAX];
    xl_session_readouts(f.s, v);
    const int h = xl_scenario_readout_index(xl_session_scenario(f.s), "entropy");
    ck_assert_int_ge(h, 0);
    ck_assert_double_eq_tol(v[h], 0.0, 1e-12); /* P = (1, 0) is certain */
    ck_assert_str_eq(xl_player_problems(f.cr->player), "");
    traced_commands(&f, names, sizeof names);
    ck_assert_str_eq(names, "");
    recorded(&f, rec, sizeof rec);
    char want[256];
    snprintf(want, sizeof want, "lesson %s|advance 10|lesson next|lesson next|lesson next", open);
    ck_assert_str_eq(rec, want);
    fixture_close(&f);
}
END_TEST

START_TEST(each_source_does_what_its_row_says)
{
    fixture f;
    fixture_open(&f);
    char err[256] = "", open[128], names[512], rec[2048];
    snprintf(open, sizeof open, "open %s", f.lesson);
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_START, open, err, sizeof err), 0);
    xl_player *p = f.cr->player;
    /* The script: applied, not traced, not recorded, no take-over. */
    ck_assert_int_eq(ui_dispatch_command(&f.d, UI_DISPATCH_SCRIPT, xl_command_make(XL_CMD_PAUSE)), 1);
    ck_assert_int_eq(xl_session_playing(f.s), 0);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    traced_commands(&f, names, sizeof names);
    ck_assert_str_eq(names, "");
    /* The learner: a step is applied, traced, recorded, and suspends the play. */
    const long before = xl_session_timeline(f.s, NULL, NULL);
    ck_assert_int_eq(ui_dispatch_command(&f.d, UI_DISPATCH_LEARNER, xl_command_make(XL_CMD_STEP)), 1);
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), before + 1);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_SUSPENDED);
    /* A replay line: applied, traced, not recorded again, takes over. */
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_REPLAY, "again", err, sizeof err), 0);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_PLAYING);
    ui_replay_entry e = {.ms = 0, .kind = UI_REPLAY_DO, .text = "step", .line = 9};
    double work = 0.0;
    ck_assert_int_eq(ui_dispatch_replay(&f.d, &e, "r.txt", &work), 1);
    ck_assert_int_eq(xl_player_phase_of(p), XL_PLAYER_SUSPENDED);
    ck_assert_double_gt(work, 0.0);
    /* The start (--steps 3): applied, traced as "run 3", recorded at 0 ms. */
    const long at = xl_session_timeline(f.s, NULL, NULL);
    ck_assert_int_eq(ui_dispatch_command(&f.d, UI_DISPATCH_START, xl_command_int(XL_CMD_RUN, 3)), 1);
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), at + 3);
    /* A view command from the learner: the view changes; recorded and traced. Quit
     * where it stays (a web page) is traced as refused; it is not recorded. */
    const ui_theme_kind theme = f.view.theme;
    const ui_action th = {UI_VIEW_THEME, xl_command_make(XL_CMD_NONE)};
    ck_assert_int_eq(ui_dispatch_action(&f.d, UI_DISPATCH_LEARNER, &th), 1);
    ck_assert_int_ne(f.view.theme, theme);
    f.d.quit_stays = 1;
    const ui_action quit = {UI_VIEW_QUIT, xl_command_make(XL_CMD_NONE)};
    ck_assert_int_eq(ui_dispatch_action(&f.d, UI_DISPATCH_LEARNER, &quit), 0);
    /* A refused command is traced and recorded as it happened. */
    ck_assert_int_eq(ui_dispatch_command(&f.d, UI_DISPATCH_LEARNER, xl_command_int(XL_CMD_SELECT, 99)), 0);
    traced_commands(&f, names, sizeof names);
    ck_assert_str_eq(names, "step step run theme quit select");
    recorded(&f, rec, sizeof rec);
    char want[512];
    snprintf(want, sizeof want, "lesson %s|do step|do run 3|view theme|do select 100", open);
    ck_assert_str_eq(rec, want);
    fixture_close(&f);
}
END_TEST

START_TEST(a_key_goes_to_the_classroom_then_the_key_map)
{
    fixture f;
    fixture_open(&f);
    char err[256] = "", open[128], did[300], names[512], rec[2048];
    snprintf(open, sizeof open, "open %s", f.lesson);
    ck_assert_int_eq(ui_dispatch_lesson(&f.d, UI_DISPATCH_START, open, err, sizeof err), 0);
    ui_action act;
    /* Page Down is the lesson's: the play is skipped to the wait. */
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_PAGEDOWN, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_TAKEN);
    ck_assert_str_eq(did, "next");
    ck_assert(ui_action_is_none(&act));
    /* Locked (a replay plays): the classroom is not asked; the key map's session
     * command is dropped, its view command stays. */
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_PAGEDOWN, 0, 1, 1, &act, did, sizeof did), UI_CLASSROOM_PASS);
    ck_assert_int_eq(xl_player_page(f.cr->player), 0);
    const long at = xl_session_timeline(f.s, NULL, NULL);
    ui_dispatch_key(&f.d, SDLK_n, 0, 1, 1, &act, did, sizeof did);
    ck_assert_int_eq(xl_session_timeline(f.s, NULL, NULL), at);
    ui_dispatch_key(&f.d, SDLK_h, 0, 1, 1, &act, did, sizeof did);
    ck_assert_int_eq(act.view, UI_VIEW_HELP);
    ck_assert_int_eq(f.view.help_visible, 1);
    traced_commands(&f, names, sizeof names);
    ck_assert_str_eq(names, "help");
    recorded(&f, rec, sizeof rec);
    char want[512];
    snprintf(want, sizeof want, "lesson %s|lesson next|view help", open);
    ck_assert_str_eq(rec, want);
    fixture_close(&f);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("dispatch");
    TCase *tc = tcase_create("every input through one dispatcher");
    tcase_add_test(tc, the_player_changes_the_session_through_the_dispatcher);
    tcase_add_test(tc, each_source_does_what_its_row_says);
    tcase_add_test(tc, a_key_goes_to_the_classroom_then_the_key_map);
    suite_add_tcase(s, tc);
    return s;
}
