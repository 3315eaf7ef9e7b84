/* test_class_actions: the class's lesson actions (part 12) through the one dispatcher:
 * a class started, phones joined, votes counted only on the question the player asks
 * (opened by reaching it, with a page turn or a play that ends), changed, refused after
 * the reveal and for every bad input with nothing changed; the split and the join card
 * (auto on the first page, on, off, back to auto at a page turn); F7 and F8; the view's
 * class fields; the trace's class lines; and a recording replayed giving the same
 * counts. */
#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_dispatch.h"
#include "ui_trace.h"

#ifndef LESSONS_DIR
#error "LESSONS_DIR: the shipped lessons"
#endif

/* Lesson 1's page 2 asks at once: "How surprised is it?", 3 answers, the first right. */
static const char *const surprise = LESSONS_DIR "/01-surprise.lesson";

/* A play that ends in a question, then a page that asks a four-answer one at once. */
static const char *const own_text =
    "# Class\n\n## Plays then asks\n\nForty steps.\n\n@play 40\n\n? Which one?\n- one\n- two *\n= Because.\n\n"
    "## Asks at once\n\nFour answers.\n\n? Four?\n- a\n- b\n- c\n- d *\n= So.\n";

static const char *const url = "http://127.0.0.1:8321/?c=4821";

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
    snprintf(f->dir, sizeof f->dir, "/tmp/xl-class-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(f->dir));
    snprintf(f->lesson, sizeof f->lesson, "%s/own.lesson", f->dir);
    snprintf(f->record, sizeof f->record, "%s/input.txt", f->dir);
    FILE *l = fopen(f->lesson, "w");
    ck_assert_ptr_nonnull(l);
    fputs(own_text, l);
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

/* A lesson action from `from` that must be taken. */
static void ok_from(fixture *f, ui_dispatch_from from, const char *action)
{
    char err[256] = "";
    ck_assert_msg(ui_dispatch_lesson(&f->d, from, action, err, sizeof err) == 0, "'%s': %s", action, err);
}

static void ok(fixture *f, const char *action)
{
    ok_from(f, UI_DISPATCH_CLASS, action);
}

/* A class action that must be refused, with err containing `why`, and change nothing
 * (the poll's serial stays). */
static void refused(fixture *f, const char *action, const char *why)
{
    char err[256] = "";
    const unsigned long serial = f->cr->poll ? xl_poll_serial(f->cr->poll) : 0;
    ck_assert_msg(ui_dispatch_lesson(&f->d, UI_DISPATCH_CLASS, action, err, sizeof err) == -1, "'%s' taken", action);
    ck_assert_msg(strstr(err, why) != NULL, "'%s': '%s', want '%s'", action, err, why);
    if (f->cr->poll) ck_assert_uint_eq(xl_poll_serial(f->cr->poll), serial);
}

/* The open question's counts as "a,b,c" (voted), or "none". */
static const char *open_counts(const fixture *f)
{
    static char out[64];
    const xl_poll_tally *t = f->cr->poll ? xl_poll_open_tally(f->cr->poll) : NULL;
    if (!t) return "none";
    int at = snprintf(out, sizeof out, "%d.%d:", t->page + 1, t->question + 1);
    for (int k = 0; k < t->noptions; k++) at += snprintf(out + at, sizeof out - at, "%s%d", k ? "," : "", t->counts[k]);
    snprintf(out + at, sizeof out - at, " (%d)", t->voted);
    return out;
}

/* The trace's class lines so far, each whole, '\n'-separated; the stream read to its end. */
static void traced_class(fixture *f, char *out, size_t n)
{
    char line[4096];
    out[0] = '\0';
    fflush(f->trace);
    rewind(f->trace);
    while (fgets(line, sizeof line, f->trace)) {
        if (!strstr(line, "\"class\":")) continue;
        size_t used = strlen(out);
        snprintf(out + used, n - used, "%s", line);
    }
    fseek(f->trace, 0, SEEK_END);
}

START_TEST(votes_count_on_the_question_asked)
{
    fixture f;
    fixture_open(&f);
    char action[256];
    refused(&f, "class-join 1", "needs a class");
    refused(&f, "class-vote 1 2.1 1", "needs a class");
    snprintf(action, sizeof action, "open %s", surprise);
    ok_from(&f, UI_DISPATCH_LEARNER, action);
    snprintf(action, sizeof action, "class-start %s", url);
    ok(&f, action);
    ck_assert_ptr_nonnull(f.cr->poll);
    ck_assert_str_eq(f.cr->class_url, url);
    ck_assert_str_eq(f.cr->class_code, "4821");
    ok(&f, "class-join 1");
    ok(&f, "class-join 2");
    ok(&f, "class-join 3");
    ok(&f, "class-join 3"); /* again: nothing, and no error */
    ck_assert_int_eq(xl_poll_joined(f.cr->poll), 3);
    refused(&f, "class-join 501", "out of range");
    refused(&f, "class-join 0", "not class-join D");
    refused(&f, "class-join x", "not class-join D");
    refused(&f, "class-join -3", "not class-join D");
    refused(&f, "class-join 2 2", "not class-join D");
    ck_assert_int_eq(xl_poll_joined(f.cr->poll), 3);
    /* Page 1 asks nothing. */
    ck_assert_str_eq(open_counts(&f), "none");
    refused(&f, "class-vote 1 2.1 1", "question 2.1 is not open");
    /* Page 2 asks at once: its question opens as the page turns. */
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    ck_assert_str_eq(open_counts(&f), "2.1:0,0,0 (0)");
    const xl_question *asked = ui_classroom_question(f.cr, 1, 0);
    ck_assert_ptr_nonnull(asked);
    ck_assert_int_eq(asked->nanswers, 3);
    ck_assert_int_eq(asked->right, 0);
    ck_assert_ptr_nonnull(strstr(asked->text, "How surprised is it?"));
    ck_assert_ptr_null(ui_classroom_question(f.cr, 1, 1));
    ck_assert_ptr_null(ui_classroom_question(f.cr, 0, 0));
    ck_assert_ptr_null(ui_classroom_question(f.cr, -1, 0));
    ck_assert_ptr_null(ui_classroom_question(f.cr, 99, 0));
    ok(&f, "class-vote 1 2.1 1");
    ok(&f, "class-vote 2 2.1 1");
    ok(&f, "class-vote 3 2.1 3");
    ck_assert_str_eq(open_counts(&f), "2.1:2,0,1 (3)");
    ok(&f, "class-vote 2 2.1 2"); /* changed */
    ok(&f, "class-vote 2 2.1 2"); /* the same again: taken, nothing moves */
    ck_assert_str_eq(open_counts(&f), "2.1:1,1,1 (3)");
    /* Every bad vote is refused, saying why, and changes nothing. */
    refused(&f, "class-vote 4 2.1 1", "device 4 has not joined");
    refused(&f, "class-vote 501 2.1 1", "device 501 is out of range");
    refused(&f, "class-vote 1 2.1 4", "question 2.1 has no answer 4 (it has 3)");
    refused(&f, "class-vote 1 2.2 1", "question 2.2 is not open");
    refused(&f, "class-vote 1 3.1 1", "question 3.1 is not open");
    refused(&f, "class-vote 1 2.1", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2.1 1 1", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2.1 1x", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2 1", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2.0 1", "not class-vote D P.Q K");
    refused(&f, "class-vote 0 2.1 1", "not class-vote D P.Q K");
    refused(&f, "class-vote -1 2.1 1", "not class-vote D P.Q K");
    refused(&f, "class-vote +1 2.1 1", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2.1 0", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2.1 99999999999", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2.1 1.5", "not class-vote D P.Q K");
    refused(&f, "class-vote 1 2..1 1", "not class-vote D P.Q K");
    refused(&f, "class-vote", "not class-vote D P.Q K");
    ck_assert_str_eq(open_counts(&f), "2.1:1,1,1 (3)");
    /* The teacher's answer closes it: final. */
    ok_from(&f, UI_DISPATCH_LEARNER, "answer 1");
    ck_assert_str_eq(open_counts(&f), "none");
    const xl_poll_tally *t = xl_poll_find(f.cr->poll, 1, 0);
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(t->closed, 1);
    ck_assert_int_eq(t->times_closed, 1);
    refused(&f, "class-vote 1 2.1 3", "question 2.1 is not open");
    ck_assert_int_eq(t->counts[0], 1);
    ck_assert_int_eq(t->revealed, 1);
    ck_assert_int_eq(t->rounds, 1);
    /* Shown again after the reveal: the class has seen the answer, so it is a new round
     * from zero (not the old votes to change); revealed with "next": its round ends. */
    ok_from(&f, UI_DISPATCH_LEARNER, "back");
    ck_assert_str_eq(open_counts(&f), "none");
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    ck_assert_str_eq(open_counts(&f), "2.1:0,0,0 (0)");
    ok(&f, "class-vote 1 2.1 3");
    ok(&f, "class-vote 2 2.1 2");
    ck_assert_str_eq(open_counts(&f), "2.1:0,1,1 (2)");
    ok_from(&f, UI_DISPATCH_LEARNER, "next"); /* revealed without an answer */
    ck_assert_str_eq(open_counts(&f), "none");
    ck_assert_int_eq(t->times_closed, 2);
    ck_assert_int_eq(t->rounds, 2);
    refused(&f, "class-vote 2 2.1 3", "question 2.1 is not open");
    /* A page left before the reveal keeps its votes: back, then forward, asks with them. */
    ok_from(&f, UI_DISPATCH_LEARNER, "again");
    ck_assert_str_eq(open_counts(&f), "2.1:0,0,0 (0)");
    ok(&f, "class-vote 1 2.1 2");
    ok_from(&f, UI_DISPATCH_LEARNER, "back");
    ck_assert_str_eq(open_counts(&f), "none");
    ck_assert_int_eq(t->revealed, 0);
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    ck_assert_str_eq(open_counts(&f), "2.1:0,1,0 (1)");
    /* Leaving the lesson closes the question, and the class stays. */
    ok_from(&f, UI_DISPATCH_LEARNER, "close");
    ck_assert_ptr_nonnull(f.cr->poll);
    ck_assert_str_eq(open_counts(&f), "none");
    ck_assert_int_eq(t->rounds, 2);
    ck_assert_int_eq(xl_poll_count(f.cr->poll), 1);
    fixture_close(&f);
}
END_TEST

START_TEST(a_play_that_ends_opens_its_question)
{
    fixture f;
    fixture_open(&f);
    char action[256];
    snprintf(action, sizeof action, "open %s", f.lesson);
    ok_from(&f, UI_DISPATCH_LEARNER, action);
    snprintf(action, sizeof action, "class-start %s", url);
    ok(&f, action);
    ok(&f, "class-join 1");
    ck_assert_int_eq(xl_player_phase_of(f.cr->player), XL_PLAYER_PLAYING);
    ck_assert_str_eq(open_counts(&f), "none");
    refused(&f, "class-vote 1 1.1 2", "question 1.1 is not open");
    /* Time passes: the play's 40 steps end, the question is asked, no key pressed. */
    int steps = 0;
    for (int i = 0; i < 400 && xl_player_phase_of(f.cr->player) == XL_PLAYER_PLAYING; i++)
        steps += ui_dispatch_time(&f.d, 0.05);
    ck_assert_int_eq(steps, 40);
    ck_assert_int_eq(xl_player_phase_of(f.cr->player), XL_PLAYER_ASKING);
    ck_assert_str_eq(open_counts(&f), "1.1:0,0 (0)");
    ok(&f, "class-vote 1 1.1 2");
    ck_assert_str_eq(open_counts(&f), "1.1:0,1 (1)");
    /* The split: hidden until asked, toggled, set; another question hides it. */
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 0);
    ok(&f, "class-split");
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 1);
    ok(&f, "class-split on");
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 1);
    ok(&f, "class-split off");
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 0);
    refused(&f, "class-split maybe", "say on, off or nothing");
    ok(&f, "class-split on");
    ok_from(&f, UI_DISPATCH_LEARNER, "answer 2"); /* the reveal keeps the bars */
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 1);
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    ck_assert_int_eq(xl_player_page(f.cr->player), 1);
    ck_assert_str_eq(open_counts(&f), "2.1:0,0,0,0 (0)");
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 0);
    ok(&f, "class-vote 1 2.1 4");
    ck_assert_str_eq(open_counts(&f), "2.1:0,0,0,1 (1)");
    fixture_close(&f);
}
END_TEST

START_TEST(the_card_and_the_keys)
{
    fixture f;
    fixture_open(&f);
    char action[256], did[256];
    snprintf(action, sizeof action, "open %s", surprise);
    ok_from(&f, UI_DISPATCH_LEARNER, action);
    /* No class: F7 asks for one and does nothing else; F8 is the learner's. */
    ui_action act;
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F7, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_CLASS_WANTED);
    ck_assert_str_eq(did, "");
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F8, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_PASS);
    ck_assert_ptr_null(f.cr->poll);
    ui_dispatch_sync_view(&f.d);
    ck_assert_ptr_null(f.view.poll);
    ck_assert_ptr_null(f.view.class_url);
    ck_assert_int_eq(f.view.class_card, 0);
    refused(&f, "class-card", "needs a class");
    refused(&f, "class-start", "needs a URL");
    refused(&f, "class-start http://a b", "a space");
    snprintf(action, sizeof action, "class-start http://10.0.0.5:8321/?x=1&c=77&y=2");
    ok(&f, action);
    ck_assert_str_eq(f.cr->class_code, "77");
    snprintf(action, sizeof action, "class-start %s", url); /* a new class: the poll starts again */
    ok(&f, "class-join 9");
    ok(&f, action);
    ck_assert_int_eq(xl_poll_joined(f.cr->poll), 0);
    ui_dispatch_sync_view(&f.d);
    ck_assert_ptr_eq(f.view.poll, f.cr->poll);
    ck_assert_str_eq(f.view.class_url, url);
    ck_assert_str_eq(f.view.class_code, "4821");
    /* The first page shows the card; F7 hides it, F7 shows it. */
    ck_assert_int_eq(f.view.class_card, 1);
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F7, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_TAKEN);
    ck_assert_str_eq(did, "class-card");
    ui_dispatch_sync_view(&f.d);
    ck_assert_int_eq(f.view.class_card, 0);
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F7, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_TAKEN);
    ui_dispatch_sync_view(&f.d);
    ck_assert_int_eq(f.view.class_card, 1);
    ok(&f, "class-card off");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 0);
    /* A page turn: back to "first page only", so hidden on page 2 ... */
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 0);
    ok(&f, "class-card");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 1);
    ok(&f, "class-card on");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 1);
    refused(&f, "class-card please", "say on, off or nothing");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 1);
    ok_from(&f, UI_DISPATCH_LEARNER, "page 3");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 0);
    /* ... and shown on the first again, where it was hidden before. */
    ok_from(&f, UI_DISPATCH_LEARNER, "first");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 1);
    /* F8 toggles the split; with a modifier it is the learner's. */
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F8, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_TAKEN);
    ck_assert_str_eq(did, "class-split");
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 1);
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F8, KMOD_LSHIFT, 0, 0, &act, did, sizeof did), UI_CLASSROOM_PASS);
    ck_assert_int_eq(xl_poll_split_shown(f.cr->poll), 1);
    /* In the sandbox, the card is only shown when asked. */
    ok_from(&f, UI_DISPATCH_LEARNER, "close");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 0);
    ok(&f, "class-card");
    ck_assert_int_eq(ui_classroom_card_shown(f.cr), 1);
    fixture_close(&f);
}
END_TEST

START_TEST(the_trace_says_each_class_action)
{
    fixture f;
    fixture_open(&f);
    char action[256], trace[8192];
    snprintf(action, sizeof action, "open %s", surprise);
    ok_from(&f, UI_DISPATCH_LEARNER, action);
    snprintf(action, sizeof action, "class-start %s", url);
    ok(&f, action);
    ok(&f, "class-join 2");
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    ok(&f, "class-vote 2 2.1 3");
    refused(&f, "class-vote 5 2.1 1", "not joined");
    refused(&f, "class-vote 5 2.1", "not class-vote"); /* not even a class action: no line */
    ok(&f, "class-split");
    ok(&f, "class-card on");
    traced_class(&f, trace, sizeof trace);
    ck_assert_str_eq(trace,
                     "{\"trace\":2,\"class\":\"start\",\"ok\":true,\"joined\":0}\n"
                     "{\"trace\":2,\"class\":\"join\",\"device\":2,\"ok\":true,\"joined\":1}\n"
                     "{\"trace\":2,\"class\":\"vote\",\"device\":2,\"question\":\"2.1\",\"option\":3,\"ok\":true,"
                     "\"joined\":1,\"voted\":1,\"counts\":[0,0,1]}\n"
                     "{\"trace\":2,\"class\":\"vote\",\"device\":5,\"question\":\"2.1\",\"option\":1,\"ok\":false,"
                     "\"joined\":1,\"voted\":1,\"counts\":[0,0,1]}\n"
                     "{\"trace\":2,\"class\":\"split\",\"question\":\"2.1\",\"shown\":true,\"ok\":true,\"joined\":1,"
                     "\"voted\":1,\"counts\":[0,0,1]}\n"
                     "{\"trace\":2,\"class\":\"card\",\"question\":\"2.1\",\"shown\":true,\"ok\":true,\"joined\":1,"
                     "\"voted\":1,\"counts\":[0,0,1]}\n");
    /* The script's source is not traced (nor recorded). */
    ok_from(&f, UI_DISPATCH_SCRIPT, "class-join 3");
    traced_class(&f, trace, sizeof trace);
    ck_assert_ptr_null(strstr(trace, "\"device\":3"));
    /* The status line. */
    rewind(f.trace);
    ck_assert_int_eq(ftruncate(fileno(f.trace), 0), 0);
    ui_trace_class_status(f.trace, 12.5, 340, 31, 1200, 7, 3, 29);
    traced_class(&f, trace, sizeof trace);
    ck_assert_str_eq(trace, "{\"trace\":2,\"class\":\"status\",\"seconds\":12.5,\"frames\":340,\"joined\":31,"
                            "\"requests\":1200,\"refused\":7,\"limited\":3,\"connections\":29}\n");
    fixture_close(&f);
}
END_TEST

/* Every tally of a and b the same: counts, voted, closings, each device's choice. */
static void same_tallies(const xl_poll *a, const xl_poll *b)
{
    ck_assert_int_eq(xl_poll_count(a), xl_poll_count(b));
    ck_assert_int_eq(xl_poll_joined(a), xl_poll_joined(b));
    ck_assert_int_eq(xl_poll_split_shown(a), xl_poll_split_shown(b));
    for (int i = 0; i < xl_poll_count(a); i++) {
        const xl_poll_tally *x = xl_poll_at(a, i), *y = xl_poll_at(b, i);
        ck_assert_int_eq(x->page, y->page);
        ck_assert_int_eq(x->question, y->question);
        ck_assert_int_eq(x->voted, y->voted);
        ck_assert_int_eq(x->closed, y->closed);
        ck_assert_int_eq(x->times_closed, y->times_closed);
        ck_assert_mem_eq(x->counts, y->counts, sizeof x->counts);
        ck_assert_mem_eq(x->choice, y->choice, sizeof x->choice);
    }
}

START_TEST(a_replay_gives_the_same_counts)
{
    fixture f;
    fixture_open(&f);
    char action[256];
    snprintf(action, sizeof action, "open %s", f.lesson);
    ok_from(&f, UI_DISPATCH_LEARNER, action);
    snprintf(action, sizeof action, "class-start %s", url);
    ok(&f, action);
    for (int d = 1; d <= 30; d++) {
        snprintf(action, sizeof action, "class-join %d", d);
        ok(&f, action);
    }
    /* Votes while the play runs are refused (and not recorded); then it asks. */
    refused(&f, "class-vote 30 1.1 2", "not open");
    while (xl_player_phase_of(f.cr->player) == XL_PLAYER_PLAYING) ui_dispatch_time(&f.d, 0.07);
    for (int d = 1; d <= 30; d++) {
        snprintf(action, sizeof action, "class-vote %d 1.1 %d", d, 1 + d % 2);
        ok(&f, action);
    }
    for (int d = 1; d <= 30; d += 3) {
        snprintf(action, sizeof action, "class-vote %d 1.1 %d", d, 2 - d % 2); /* changed */
        ok(&f, action);
    }
    char did[256];
    ui_action act;
    ck_assert_int_eq(ui_dispatch_key(&f.d, SDLK_F8, 0, 0, 0, &act, did, sizeof did), UI_CLASSROOM_TAKEN);
    ok_from(&f, UI_DISPATCH_LEARNER, "answer 2");
    refused(&f, "class-vote 29 1.1 1", "not open");
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    for (int d = 1; d <= 30; d++) {
        snprintf(action, sizeof action, "class-vote %d 2.1 %d", d, 1 + d % 4);
        ok(&f, action);
    }
    const xl_poll_tally *t1 = xl_poll_find(f.cr->poll, 0, 0), *t2 = xl_poll_find(f.cr->poll, 1, 0);
    ck_assert_ptr_nonnull(t1);
    ck_assert_ptr_nonnull(t2);
    ck_assert_int_eq(t1->voted, 30);
    ck_assert_int_eq(t1->counts[0] + t1->counts[1], 30);
    ck_assert_int_eq(t2->voted, 30);
    ck_assert_int_eq(t2->counts[0], 7); /* d % 4 == 0: 4, 8, ..., 28 */
    ck_assert_int_eq(t2->counts[1], 8);
    /* The recording has the votes taken, as lesson lines, and none refused. */
    ck_assert_int_eq(ui_replay_writer_close(&f.writer), 0);
    f.writer.f = NULL;
    FILE *r = fopen(f.record, "r");
    ck_assert_ptr_nonnull(r);
    char line[1024];
    int votes = 0, joins = 0, starts = 0, splits = 0, advances = 0;
    while (fgets(line, sizeof line, r)) {
        votes += strstr(line, " lesson class-vote ") != NULL;
        joins += strstr(line, " lesson class-join ") != NULL;
        starts += strstr(line, " lesson class-start http://127.0.0.1:8321/?c=4821\n") != NULL;
        splits += strstr(line, " lesson class-split\n") != NULL;
        advances += strstr(line, " advance ") != NULL;
        ck_assert_ptr_null(strstr(line, "class-vote 30 1.1 2\n")); /* refused while playing */
        ck_assert_ptr_null(strstr(line, "class-vote 29 1.1 1\n")); /* refused after the answer */
    }
    fclose(r);
    ck_assert_int_eq(votes, 30 + 10 + 30);
    ck_assert_int_eq(joins, 30);
    ck_assert_int_eq(starts, 1);
    ck_assert_int_eq(splits, 1);
    ck_assert_int_gt(advances, 0);
    /* Replayed on a fresh program: the same tallies, vote for vote. */
    ui_replay rp;
    char err[512] = "";
    ck_assert_msg(ui_replay_load(f.record, &rp, err, sizeof err) == 0, "%s", err);
    fixture g;
    fixture_open(&g);
    double work = 0.0;
    for (long i = 0; i < rp.count; i++) ck_assert_int_ge(ui_dispatch_replay(&g.d, &rp.entries[i], f.record, &work), 0);
    ui_replay_free(&rp);
    ck_assert_ptr_nonnull(g.cr->poll);
    same_tallies(f.cr->poll, g.cr->poll);
    ck_assert_str_eq(open_counts(&g), open_counts(&f));
    fixture_close(&g);
    fixture_close(&f);
}
END_TEST

/* What the log is given (the classroom's on_round): each round once, with its lesson's
 * question still there to read. */
typedef struct rounds_seen {
    int n;
    char rows[8][1200];
} rounds_seen;

static void note_round(void *user, const ui_classroom *c, const xl_poll_tally *t)
{
    rounds_seen *r = user;
    const xl_question *q = ui_classroom_question(c, t->page, t->question);
    ck_assert_ptr_nonnull(q);
    ck_assert_int_lt(r->n, 8);
    const char *slash = strrchr(c->path, '/');
    snprintf(r->rows[r->n++], sizeof r->rows[0], "%s %d.%d %s %d,%d,%d (%d) %.12s", slash ? slash + 1 : c->path,
             t->page + 1, t->question + 1, t->revealed ? "revealed" : "left", t->counts[0], t->counts[1],
             t->counts[2], t->voted, q->text);
}

/* A round ends once: at its reveal, or (with votes, unrevealed) when its lesson is left
 * (Esc, another lesson, the class's end). Another lesson's questions are counted afresh,
 * the phones still joined: its page 2 is not lesson 1's page 2. */
START_TEST(rounds_end_once_and_lessons_do_not_mix)
{
    fixture f;
    fixture_open(&f);
    rounds_seen seen;
    memset(&seen, 0, sizeof seen);
    f.cr->on_round = note_round;
    f.cr->on_round_user = &seen;
    char action[256];
    snprintf(action, sizeof action, "open %s", surprise);
    ok_from(&f, UI_DISPATCH_LEARNER, action);
    snprintf(action, sizeof action, "class-start %s", url);
    ok(&f, action);
    ok(&f, "class-join 1");
    ok(&f, "class-join 2");
    ok_from(&f, UI_DISPATCH_LEARNER, "next");
    ok(&f, "class-vote 1 2.1 2");
    ok(&f, "class-vote 2 2.1 3");
    ck_assert_int_eq(seen.n, 0);
    /* Esc with the question open: its round goes to the log, once. */
    ok_from(&f, UI_DISPATCH_LEARNER, "close");
    ck_assert_int_eq(seen.n, 1);
    ck_assert_str_eq(seen.rows[0], "01-surprise.lesson 2.1 left 0,1,1 (2) Another mode");
    /* Back in it (the same lesson): the votes are still there; no new vote, no new row. */
    ok_from(&f, UI_DISPATCH_LEARNER, "resume");
    ck_assert_str_eq(open_counts(&f), "2.1:0,1,1 (2)");
    ok_from(&f, UI_DISPATCH_LEARNER, "close");
    ck_assert_int_eq(seen.n, 1);
    ok_from(&f, UI_DISPATCH_LEARNER, "resume");
    ok(&f, "class-vote 1 2.1 1");
    ok_from(&f, UI_DISPATCH_LEARNER, "answer 1"); /* the reveal: its final row */
    ck_assert_int_eq(seen.n, 2);
    ck_assert_str_eq(seen.rows[1], "01-surprise.lesson 2.1 revealed 1,0,1 (2) Another mode");
    ui_classroom_flush_poll(f.cr); /* revealed rounds are not given again */
    ck_assert_int_eq(seen.n, 2);
    /* Another lesson: its page 2's question opens with no votes, the phones still joined. */
    snprintf(action, sizeof action, "open %s", f.lesson);
    ok_from(&f, UI_DISPATCH_LEARNER, action);
    ck_assert_int_eq(seen.n, 2);
    ck_assert_int_eq(xl_poll_count(f.cr->poll), 0);
    ck_assert_int_eq(xl_poll_joined(f.cr->poll), 2);
    ok_from(&f, UI_DISPATCH_LEARNER, "page 2");
    ck_assert_str_eq(open_counts(&f), "2.1:0,0,0,0 (0)");
    ok(&f, "class-vote 2 2.1 4");
    /* The class ends with the question open: its round is given, of this lesson. */
    ui_classroom_flush_poll(f.cr);
    ck_assert_int_eq(seen.n, 3);
    ck_assert_str_eq(seen.rows[2], "own.lesson 2.1 left 0,0,0 (1) Four?");
    ui_classroom_flush_poll(f.cr);
    ck_assert_int_eq(seen.n, 3);
    fixture_close(&f);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("class_actions");
    const xl_test_case cases[] = {
        {"votes count on the question asked", votes_count_on_the_question_asked},
        {"a play that ends opens its question", a_play_that_ends_opens_its_question},
        {"the card and the keys", the_card_and_the_keys},
        {"the trace says each class action", the_trace_says_each_class_action},
        {"a replay gives the same counts", a_replay_gives_the_same_counts},
        {"rounds end once and lessons do not mix", rounds_end_once_and_lessons_do_not_mix},
    };
    XL_TEST_ADD_CASES(s, cases, 0);
    return s;
}
