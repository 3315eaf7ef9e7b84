/* test_i18n: the interface in other languages (issue 26). The .mo loader on valid,
 * truncated, lying and mutated catalogues (a catalogue is input anyone can hand the
 * program: it must refuse or use it, never read outside it); the language setting from
 * --lang's code and the environment; the shipped German and Spanish catalogues found
 * and used; and every scenario and the help sheet drawn in German and Spanish at
 * 1280x720 and 1920x1080 with no more labels cut with "…", overlapping or leaving
 * their panel than the English frame has, and the translated names drawn.
 * XENTLAB_LOCALEDIR (tests/meson.build) points at the build's compiled catalogues. */
#include "check_main.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>

#include "scenario_fixture.h"
#include "ui_assets.h"
#include "ui_lang.h"
#include "ui_mo.h"
#include "ui_focus.h"
#include "ui_library.h"
#include "ui_scene.h"
#include "xl_player.h"
#include "xl_describe.h"
#include "xl_scn_regression.h"
#include "xl_state_text.h"

/* ---- a small .mo writer, for the loader's cases ---- */

typedef struct pair {
    const char *id, *str;
    size_t id_len, str_len; /* 0: strlen (a plural's NULs need the length given) */
} pair;

static void put32(unsigned char *p, uint32_t v, int swap)
{
    if (swap) v = (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8), p[2] = (unsigned char)(v >> 16),
    p[3] = (unsigned char)(v >> 24);
}

/* The .mo of n pairs (given sorted) into buf; returns its size. */
static size_t write_mo(const pair *pairs, int n, int swap, unsigned char *buf, size_t cap)
{
    const size_t head = 28, tables = (size_t)n * 16;
    size_t off = head + tables;
    memset(buf, 0, cap);
    put32(buf, 0x950412deu, swap);
    put32(buf + 4, 0, swap);
    put32(buf + 8, (uint32_t)n, swap);
    put32(buf + 12, (uint32_t)head, swap);
    put32(buf + 16, (uint32_t)(head + (size_t)n * 8), swap);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++) {
            const char *s = pass ? pairs[i].str : pairs[i].id;
            size_t len = pass ? pairs[i].str_len : pairs[i].id_len;
            if (len == 0) len = strlen(s);
            ck_assert(off + len + 1 <= cap);
            memcpy(buf + off, s, len);
            buf[off + len] = '\0';
            put32(buf + head + (size_t)pass * n * 8 + (size_t)i * 8, (uint32_t)len, swap);
            put32(buf + head + (size_t)pass * n * 8 + (size_t)i * 8 + 4, (uint32_t)off, swap);
            off += len + 1;
        }
    return off;
}

static const pair sample[] = {
    {"", "Content-Type: text/plain; charset=UTF-8\n", 0, 0},
    {"LOSS LANDSCAPE", "VERLUSTLANDSCHAFT", 0, 0},
    {"step %ld of %ld", "Schritt %ld von %ld", 0, 0},
    {"surprise", "Überraschung", 0, 0},
};
enum { SAMPLE_N = (int)(sizeof sample / sizeof sample[0]) };

START_TEST(mo_reads_a_valid_catalogue_in_either_byte_order)
{
    unsigned char buf[1024];
    for (int swap = 0; swap < 2; swap++) {
        size_t len = write_mo(sample, SAMPLE_N, swap, buf, sizeof buf);
        char err[256] = "";
        ui_mo *mo = ui_mo_parse(buf, len, err, sizeof err);
        ck_assert_msg(mo != NULL, "swap %d: %s", swap, err);
        ck_assert_uint_eq(ui_mo_count(mo), 3);
        ck_assert_uint_eq(ui_mo_dropped(mo), 0);
        ck_assert_str_eq(ui_mo_lookup(mo, "LOSS LANDSCAPE"), "VERLUSTLANDSCHAFT");
        ck_assert_str_eq(ui_mo_lookup(mo, "step %ld of %ld"), "Schritt %ld von %ld");
        ck_assert_str_eq(ui_mo_lookup(mo, "surprise"), "Überraschung");
        ck_assert_ptr_null(ui_mo_lookup(mo, "HISTORY"));
        ck_assert_ptr_null(ui_mo_lookup(mo, ""));
        ui_mo_free(mo);
    }
    ck_assert_ptr_null(ui_mo_lookup(NULL, "surprise"));
}
END_TEST

/* Every shorter prefix of a catalogue is refused with a reason: its last string ends the
 * file, so any cut loses an end. */
START_TEST(mo_refuses_every_truncation)
{
    unsigned char buf[1024];
    size_t len = write_mo(sample, SAMPLE_N, 0, buf, sizeof buf);
    for (size_t cut = 0; cut < len; cut++) {
        char err[256] = "";
        unsigned char *copy = malloc(cut ? cut : 1);
        memcpy(copy, buf, cut);
        ui_mo *mo = ui_mo_parse(copy, cut, err, sizeof err);
        ck_assert_msg(mo == NULL, "a catalogue cut to %zu of %zu bytes was taken", cut, len);
        ck_assert_msg(err[0] != '\0', "no reason for the cut at %zu", cut);
        free(copy);
    }
}
END_TEST

static void expect_refused(unsigned char *buf, size_t len, const char *why_has)
{
    char err[256] = "";
    ui_mo *mo = ui_mo_parse(buf, len, err, sizeof err);
    ck_assert_msg(mo == NULL, "taken, expected a refusal with '%s'", why_has);
    ck_assert_msg(strstr(err, why_has) != NULL, "reason '%s' lacks '%s'", err, why_has);
}

START_TEST(mo_refuses_a_lying_header)
{
    unsigned char buf[1024];
    size_t len = write_mo(sample, SAMPLE_N, 0, buf, sizeof buf);
    unsigned char b[1024];
    memcpy(b, buf, len), put32(b, 0x12345678u, 0);
    expect_refused(b, len, "magic");
    memcpy(b, buf, len), put32(b + 4, 2u << 16, 0);
    expect_refused(b, len, "revision");
    memcpy(b, buf, len), put32(b + 8, 0x7fffffffu, 0); /* a count that would read 32 GB */
    expect_refused(b, len, "outside");
    memcpy(b, buf, len), put32(b + 12, 0xfffffff0u, 0); /* the originals' table past the end */
    expect_refused(b, len, "outside");
    memcpy(b, buf, len), put32(b + 16, (uint32_t)len - 4, 0);
    expect_refused(b, len, "outside");
    memcpy(b, buf, len), put32(b + 28 + 8, 0xffffff00u, 0); /* string 1's length */
    expect_refused(b, len, "string 1");
    memcpy(b, buf, len), put32(b + 28 + 12, 0xfffffffeu, 0); /* string 1's offset */
    expect_refused(b, len, "string 1");
    memcpy(b, buf, len), put32(b + 28 + 8, 3, 0); /* a length whose end is no NUL */
    expect_refused(b, len, "string 1");
    static const pair latin1[] = {{"", "Content-Type: text/plain; charset=ISO-8859-1\n", 0, 0}, {"a", "b", 0, 0}};
    size_t l1 = write_mo(latin1, 2, 0, b, sizeof b);
    expect_refused(b, l1, "UTF-8");
    expect_refused(b, 10, "too short");
}
END_TEST

/* An entry whose translation would make printf read other arguments, or that is not
 * UTF-8, is dropped alone: the English original is shown for it. */
START_TEST(mo_drops_entries_that_would_crash_or_garble)
{
    static const pair bad[] = {
        {"", "Content-Type: text/plain; charset=UTF-8\n", 0, 0},
        {"%d errors", "%s Fehler", 0, 0},
        {"%s:  p %s", "%s:  p %s %s", 0, 0},
        {"close", "schlie\xc3", 0, 0},
        {"hidden", "verborgen", 0, 0},
        {"next page", "", 0, 0},
        {"one\0ones", "eins\0einige", 8, 11},
    };
    unsigned char buf[1024];
    size_t len = write_mo(bad, (int)(sizeof bad / sizeof bad[0]), 0, buf, sizeof buf);
    char err[256] = "";
    ui_mo *mo = ui_mo_parse(buf, len, err, sizeof err);
    ck_assert_msg(mo != NULL, "%s", err);
    ck_assert_ptr_null(ui_mo_lookup(mo, "%d errors"));
    ck_assert_ptr_null(ui_mo_lookup(mo, "%s:  p %s"));
    ck_assert_ptr_null(ui_mo_lookup(mo, "close"));
    ck_assert_ptr_null(ui_mo_lookup(mo, "next page"));
    ck_assert_str_eq(ui_mo_lookup(mo, "hidden"), "verborgen");
    ck_assert_str_eq(ui_mo_lookup(mo, "one"), "eins"); /* a plural's singular */
    ck_assert_uint_eq(ui_mo_dropped(mo), 4);
    ui_mo_free(mo);
}
END_TEST

START_TEST(conversions_compare_what_printf_reads)
{
    ck_assert(ui_mo_same_conversions("step %ld of %ld", "Schritt %ld von %ld"));
    ck_assert(ui_mo_same_conversions("100%% of %d", "%d zu 100%%"));
    ck_assert(ui_mo_same_conversions("%-8s|%5.2f", "%s|%.3f"));
    ck_assert(!ui_mo_same_conversions("%d", "%s"));
    ck_assert(!ui_mo_same_conversions("%d", "%ld"));
    ck_assert(!ui_mo_same_conversions("%*d", "%d"));
    ck_assert(!ui_mo_same_conversions("plain", "%n"));
    ck_assert(!ui_mo_same_conversions("%s %d", "%d %s"));
    ck_assert(!ui_mo_same_conversions("%s", "%2$s"));
    ck_assert(!ui_mo_same_conversions("a %", "a %d"));
}
END_TEST

/* The shipped German catalogue as built. */
static unsigned char *read_catalogue(const char *code, size_t *len)
{
    const char *dir = getenv("XENTLAB_LOCALEDIR");
    ck_assert_msg(dir != NULL, "XENTLAB_LOCALEDIR is not set (tests/meson.build)");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/xentlab.mo", dir, code);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
    unsigned char *buf = malloc(UI_MO_MAX_BYTES);
    *len = fread(buf, 1, UI_MO_MAX_BYTES, f);
    fclose(f);
    ck_assert_uint_gt(*len, 1000);
    return buf;
}

/* Mutated catalogues: bytes flipped, 32-bit words of the header and tables overwritten
 * with lies, cuts. Each is refused or, when taken, every lookup gives a UTF-8 string
 * whose conversions are the original's. Under AddressSanitizer (scripts/test.sh phase
 * 2) a read outside the copy fails the test. */
START_TEST(mo_survives_mutations_of_the_real_catalogue)
{
    size_t len = 0;
    unsigned char *orig = read_catalogue("de", &len);
    static const char *const probes[] = {"LOSS LANDSCAPE", "step %ld of %ld", "HISTORY", "%d pages",
                                         "▶ playing: %ld steps to go", "select a %s", "no such text"};
    uint64_t x = 0x9e3779b97f4a7c15u;
    int taken = 0, refused = 0;
    unsigned char *m = malloc(len);
    for (int k = 0; k < 600; k++) {
        memcpy(m, orig, len);
        size_t mlen = len;
        int edits = 1 + k % 4;
        for (int e = 0; e < edits; e++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            switch ((x >> 60) % 4) {
            case 0: m[(x >> 8) % mlen] ^= (unsigned char)(1u << ((x >> 3) % 8)); break;
            case 1: { /* a header or table word: the offsets and lengths */
                size_t tables = 28 + (size_t)16 * 450;
                size_t at = ((x >> 8) % (tables < mlen ? tables : mlen)) & ~(size_t)3;
                if (at + 4 <= mlen) put32(m + at, (uint32_t)(x >> 32), 0);
                break;
            }
            case 2: mlen = (size_t)((x >> 8) % mlen) + 1; break;
            default: m[(x >> 8) % mlen] = (unsigned char)(x >> 40); break;
            }
        }
        char err[256] = "";
        ui_mo *mo = ui_mo_parse(m, mlen, err, sizeof err);
        if (mo == NULL) {
            ck_assert_msg(err[0] != '\0', "mutation %d refused without a reason", k);
            refused++;
            continue;
        }
        taken++;
        for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++) {
            const char *t = ui_mo_lookup(mo, probes[p]);
            if (t) ck_assert_msg(ui_mo_same_conversions(probes[p], t), "mutation %d: '%s' -> '%s'", k, probes[p], t);
        }
        ui_mo_free(mo);
    }
    /* Both outcomes happen: the mutations reach the checks and the lookups. */
    ck_assert_int_gt(refused, 100);
    ck_assert_int_gt(taken, 10);
    free(m);
    free(orig);
}
END_TEST

START_TEST(mo_load_refuses_what_is_not_a_file)
{
    char err[512] = "";
    ck_assert_ptr_null(ui_mo_load("/nonexistent/xentlab.mo", err, sizeof err));
    ck_assert(strstr(err, "/nonexistent/xentlab.mo") != NULL);
    ck_assert_ptr_null(ui_mo_load("/tmp", err, sizeof err));
    ck_assert(strstr(err, "not a regular file") != NULL);
    ck_assert_ptr_null(ui_mo_load("/dev/zero", err, sizeof err)); /* endless: never read */
    ck_assert(strstr(err, "not a regular file") != NULL);
}
END_TEST

START_TEST(locale_values_name_the_language)
{
    ck_assert_str_eq(ui_lang_from_locale("de_DE.UTF-8"), "de");
    ck_assert_str_eq(ui_lang_from_locale("de_AT"), "de");
    ck_assert_str_eq(ui_lang_from_locale("es_ES@euro"), "es");
    ck_assert_str_eq(ui_lang_from_locale("es"), "es");
    ck_assert_str_eq(ui_lang_from_locale("fr_FR.UTF-8"), "en");
    ck_assert_str_eq(ui_lang_from_locale("fr:es:de"), "es");
    ck_assert_str_eq(ui_lang_from_locale("deu"), "en");
    ck_assert_str_eq(ui_lang_from_locale("C"), "en");
    ck_assert_str_eq(ui_lang_from_locale("POSIX"), "en");
    ck_assert_str_eq(ui_lang_from_locale(""), "en");
    ck_assert_str_eq(ui_lang_from_locale(NULL), "en");
}
END_TEST

static void environment(const char *language, const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *names[4] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    const char *values[4] = {language, lc_all, lc_messages, lang};
    for (int i = 0; i < 4; i++)
        if (values[i]) setenv(names[i], values[i], 1);
        else unsetenv(names[i]);
    ui_lang_reset();
}

START_TEST(environment_sets_the_language_first_set_wins)
{
    environment(NULL, NULL, NULL, "de_DE.UTF-8");
    ck_assert_str_eq(ui_lang_code(), "de");
    environment(NULL, NULL, "es_MX.UTF-8", "de_DE.UTF-8");
    ck_assert_str_eq(ui_lang_code(), "es");
    environment(NULL, "de_CH.UTF-8", "es_MX.UTF-8", "fr_FR");
    ck_assert_str_eq(ui_lang_code(), "de");
    environment("es:de", "de_DE.UTF-8", NULL, NULL);
    ck_assert_str_eq(ui_lang_code(), "es");
    environment("", "", NULL, "es_ES");           /* empty means unset */
    ck_assert_str_eq(ui_lang_code(), "es");
    environment(NULL, "C", NULL, "de_DE.UTF-8");  /* LC_ALL=C: English, as gettext */
    ck_assert_str_eq(ui_lang_code(), "en");
    environment(NULL, NULL, NULL, "C:de");        /* only LANGUAGE is a list: no such locale */
    ck_assert_str_eq(ui_lang_code(), "en");
    environment(NULL, "fr_FR:es", NULL, "de_DE.UTF-8");
    ck_assert_str_eq(ui_lang_code(), "en");
    environment(NULL, NULL, NULL, NULL);
    ck_assert_str_eq(ui_lang_code(), "en");
    ck_assert_str_eq(ui_tr("LOSS LANDSCAPE"), "LOSS LANDSCAPE");
    ui_lang_reset();
}
END_TEST

START_TEST(the_shipped_catalogues_are_found_and_used)
{
    environment(NULL, NULL, NULL, NULL);
    ck_assert_int_eq(ui_lang_set("fr"), -1);
    ck_assert_str_eq(ui_lang_code(), "en");
    ck_assert_int_eq(ui_lang_set("de"), 0);
    ck_assert_str_eq(ui_lang_code(), "de");
    ck_assert_ptr_nonnull(ui_lang_catalogue());
    ck_assert_uint_ge(ui_mo_count(ui_lang_catalogue()), 400);
    ck_assert_uint_eq(ui_mo_dropped(ui_lang_catalogue()), 0);
    ck_assert_str_eq(ui_tr("LOSS LANDSCAPE"), "VERLUSTLANDSCHAFT");
    ck_assert_str_eq(ui_tr("cross-entropy: the loss"), "Kreuzentropie: der Verlust");
    ck_assert_str_eq(ui_tr("not in any catalogue"), "not in any catalogue");
    ck_assert_int_eq(ui_lang_set("es"), 0);
    ck_assert_str_eq(ui_tr("LOSS LANDSCAPE"), "PAISAJE DE PÉRDIDA");
    ck_assert_str_eq(ui_tr("KL: the imperfection"), "KL: la imperfección");
    ck_assert_uint_eq(ui_mo_dropped(ui_lang_catalogue()), 0);
    ck_assert_int_eq(ui_lang_set("en"), 0);
    ck_assert_ptr_null(ui_lang_catalogue());
    ck_assert_str_eq(ui_tr("LOSS LANDSCAPE"), "LOSS LANDSCAPE");
    ui_lang_reset();
}
END_TEST

/* A truncated catalogue where the program looks first: English, and the program goes on. */
START_TEST(a_broken_catalogue_leaves_english)
{
    size_t len = 0;
    unsigned char *orig = read_catalogue("de", &len);
    char dir[] = "/tmp/xentlab-i18n-XXXXXX", sub[256], path[300];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/de", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/de/LC_MESSAGES", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(path, sizeof path, "%s/xentlab.mo", sub);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite(orig, 1, len / 2, f);
    fclose(f);
    const char *saved = getenv("XENTLAB_LOCALEDIR");
    char keep[1024];
    snprintf(keep, sizeof keep, "%s", saved);
    setenv("XENTLAB_LOCALEDIR", dir, 1);
    ui_lang_reset();
    ck_assert_int_eq(ui_lang_set("de"), 0);
    ck_assert_str_eq(ui_lang_code(), "de");
    ck_assert_ptr_null(ui_lang_catalogue());
    ck_assert_str_eq(ui_tr("LOSS LANDSCAPE"), "LOSS LANDSCAPE");
    setenv("XENTLAB_LOCALEDIR", keep, 1);
    ui_lang_reset();
    unlink(path);
    rmdir(sub);
    snprintf(sub, sizeof sub, "%s/de", dir);
    rmdir(sub);
    rmdir(dir);
    free(orig);
}
END_TEST

/* ---- frames in each language ---- */

enum { MAX_BOXES = 1024 };

typedef struct frame_count {
    int cuts, overlaps, outside;
    int english; /* labels drawn as an English msgid the catalogue translates */
    char last_english[64];
    int stop;    /* labels with a word of the English stoplist (stop_word) */
    char last_stop[96];
    int has_title; /* the scenario's translated name drawn (in the status bar) */
    int has_heading;
    char last_cut[64], last_outside[64]; /* for the report */
} frame_count;

/* English words no German or Spanish frame draws except inside a formula or a name:
 * a label left in English ("step 0" in a Spanish foot line) has one of them. */
static const char *const stoplist[] = {
    "step", "steps", "loss", "true", "predicted", "paused", "playing", "quit", "computing", "click", "drag",
    "select", "speed", "sample", "samples", "truth", "model", "surprise", "there", "here", "the", "and", "of",
    "with", "robin", "sparrow", "finch", "wren", "blackbird", "coins", "heads", "page", "lesson", "answer",
};

/* The first stoplist word in text (whole words, ASCII letters; a scenario's id is a
 * name and stays), or NULL. */
static const char *stop_word(const char *text)
{
    for (const char *p = text; *p;) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            p++;
            continue;
        }
        const char *q = p;
        while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')) q++;
        /* part of a longer word with letters beyond ASCII, or a flag ("--lesson FILE") */
        const int inside = (p > text && ((unsigned char)p[-1] >= 0x80 || p[-1] == '-')) || (unsigned char)*q >= 0x80;
        char w[32];
        const size_t len = (size_t)(q - p);
        if (!inside && len < sizeof w) {
            for (size_t i = 0; i < len; i++) w[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] - 'A' + 'a' : p[i]);
            w[len] = '\0';
            for (size_t k = 0; k < sizeof stoplist / sizeof stoplist[0]; k++)
                if (strcmp(w, stoplist[k]) == 0 && !xl_scenario_find(w)) return stoplist[k];
        }
        p = q;
    }
    return NULL;
}

/* Draw s at w x h (help sheet shown or not; a lesson's page when lesson is not NULL) and
 * count what a reader cannot read. */
static frame_count draw_counted(ui_scene *sc, const xl_session *s, int w, int h, int help, const char *title,
                                const char *heading, const xl_player *lesson)
{
    static ui_text_box boxes[MAX_BOXES], cut_boxes[MAX_BOXES];
    ui_text_recorder rec = {boxes, MAX_BOXES, 0}, cuts = {cut_boxes, MAX_BOXES, 0};
    ui_view view = {.theme = UI_THEME_LIGHT, .help_visible = help, .lesson = lesson, .reduced_motion = 1};
    if (lesson) ui_focus_follow_lesson(&view, lesson, 0); /* the page's @focus, its strip of numbers under it */
    ui_frame_geom geom;
    ui_scene_set_recorder(sc, &rec);
    ui_scene_set_cut_recorder(sc, &cuts);
    ui_scene_draw(sc, s, &view, w, h, &geom);
    ui_scene_set_recorder(sc, NULL);
    ui_scene_set_cut_recorder(sc, NULL);
    ck_assert_int_le(rec.count, MAX_BOXES);
    frame_count c = {cuts.count, 0, 0, 0, "", 0, "", 0, 0, "", ""};
    const xl_scenario_def *def = xl_session_scenario(s);
    if (cuts.count > 0) snprintf(c.last_cut, sizeof c.last_cut, "%s", cut_boxes[cuts.count - 1].text);
    for (int i = 0; i < rec.count; i++) {
        const ui_text_box *a = &boxes[i];
        if (strstr(a->text, title)) c.has_title = 1;
        /* (a scenario's id, "diffusion" on the control strip, is a name and stays) */
        if (ui_lang_catalogue() && strlen(a->text) > 3 && strcmp(ui_tr(a->text), a->text) != 0 &&
            xl_scenario_find(a->text) == NULL) {
            c.english++;
            snprintf(c.last_english, sizeof c.last_english, "%s", a->text);
        }
        /* (a data set's attribution, "Optical Recognition of Handwritten Digits", is a name) */
        const char *credit = def->credit ? def->credit(xl_session_state(s)) : NULL;
        const char *cited = strcmp(def->id, "regression") == 0 ? xl_regression_attribution(xl_session_state(s)) : NULL;
        if (ui_lang_catalogue() && stop_word(a->text) && !(credit && strstr(credit, a->text)) &&
            !(cited && strstr(cited, a->text))) {
            c.stop++;
            /* with the strings drawn around it (a wrapped text is drawn word by word) */
            snprintf(c.last_stop, sizeof c.last_stop, "%s: %.20s [%.40s] %.20s", stop_word(a->text),
                     i > 0 ? boxes[i - 1].text : "", a->text, i + 1 < rec.count ? boxes[i + 1].text : "");
        }
        if (heading && strstr(a->text, heading)) c.has_heading = 1;
        if (a->ink.w > 0 && (a->ink.x < a->region.x || a->ink.y < a->region.y ||
                             a->ink.x + a->ink.w > a->region.x + a->region.w ||
                             a->ink.y + a->ink.h > a->region.y + a->region.h)) {
            c.outside++;
            snprintf(c.last_outside, sizeof c.last_outside, "%s", a->text);
        }
        for (int j = i + 1; j < rec.count; j++)
            if (boxes[j].layer == a->layer && SDL_HasIntersection(&a->ink, &boxes[j].ink)) c.overlaps++;
    }
    return c;
}

/* s drawn at 1280x720 and 1920x1080 in English, German and Spanish: the scene, then the
 * help sheet's pages 1 to help_720 (at 1280x720) or help_1080 (a page past the last
 * shows the last); each translation against English's frame: the translated name drawn
 * (and the sheet's heading), no more cuts, overlaps or labels outside their region, and
 * with english set, no label left in English. Each frame that reads worse is a line of
 * report[n]; returns how many. */
static int translated_frames_problems(const xl_scenario_def *def, const xl_session *s, int help_720, int help_1080,
                                      int english, char *report, size_t n)
{
    char fonts[2048], tried[4096], err[512];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    static const int sizes[2][2] = {{1280, 720}, {1920, 1080}};
    static const char *const langs[3] = {"en", "de", "es"};
    report[0] = '\0';
    size_t used = 0;
    int problems = 0;
    for (int z = 0; z < 2; z++) {
        const int w = sizes[z][0], h = sizes[z][1];
        SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
        ui_scene *sc = ui_scene_create(r, fonts, err, sizeof err);
        ck_assert_msg(sc != NULL, "scene: %s", err);
        for (int help = 0; help <= (z == 0 ? help_720 : help_1080); help++) {
            frame_count en = {0};
            for (int l = 0; l < 3; l++) {
                ck_assert_int_eq(ui_lang_set(langs[l]), 0);
                const char *title = ui_tr(def->title);
                const char *heading = help ? ui_tr("Keys, mouse and touch") : NULL;
                frame_count c = draw_counted(sc, s, w, h, help, title, heading, NULL);
                if (l == 0) {
                    en = c;
                    continue;
                }
                ck_assert_msg(strcmp(title, def->title) != 0, "%s: '%s' has no %s name", def->id, def->title,
                              langs[l]);
                int bad = !c.has_title || (help && !c.has_heading) || c.cuts > en.cuts ||
                          c.overlaps > en.overlaps || c.outside > en.outside || (english && c.english > 0) ||
                          c.stop > 0;
                if (bad && used + 300 < n)
                    used += (size_t)snprintf(report + used, n - used,
                        "  %s %dx%d%s: title %d heading %d, cuts %d (en %d) '%s', overlaps %d (en %d), outside %d "
                        "(en %d) '%s', English %d '%s', English words %d (%s)\n",
                        langs[l], w, h, help ? " help page" : "", c.has_title, c.has_heading, c.cuts, en.cuts,
                        c.last_cut, c.overlaps, en.overlaps, c.outside, en.outside, c.last_outside, c.english,
                        c.last_english, c.stop, c.last_stop);
                problems += bad;
            }
        }
        ui_scene_destroy(sc);
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(surf);
    }
    ui_lang_reset();
    return problems;
}

/* Loop index: the scenario. German and Spanish against English, at both sizes, the
 * scene and the help sheet's pages (a page past the last shows the last): a translation cuts, overlaps or pushes out
 * no label that English does not. */
START_TEST(translated_frames_read_as_well_as_english)
{
    const xl_scenario_def *def = xl_scenario_at(_i);
    xl_session *s = scenario_session(def, XL_BUILTIN_SEED, NULL, NULL, 0);
    xl_session_run(s, 30);
    /* Every help page at 1280x720, the first at 1920x1080: the larger frame holds more
     * per page, so fewer pages. */
    static char report[3000];
    const int problems = translated_frames_problems(def, s, 5, 1, 0, report, sizeof report);
    xl_session_destroy(s);
    ck_assert_msg(problems == 0, "%s reads worse translated:\n%s", def->id, report);
}
END_TEST

/* Core's texts made from numbers ("SAMPLE 3", the captions) and its status lines come
 * out in the language: ui_tr_numbers finds the format, and the scenario's status_text
 * and summary_line take their words through ui_tr. */
START_TEST(core_texts_are_translated_where_drawn)
{
    char buf[160];
    ck_assert_int_eq(ui_lang_set("de"), 0);
    ck_assert_str_eq(ui_tr_numbers("SAMPLE 3", buf, sizeof buf), "DATENPUNKT 3");
    ck_assert_str_eq(ui_tr_numbers("SAMPLE 2 OF 120 · FILE ROW 17", buf, sizeof buf),
                     "DATENPUNKT 2 VON 120 · DATEIZEILE 17");
    ck_assert_str_eq(ui_tr_numbers("x = −0.25, label 1", buf, sizeof buf), "x = −0.25, Label 1");
    ck_assert_str_eq(ui_tr_numbers("x = 2, label 0", buf, sizeof buf), "x = 2, Label 0"); /* %.4g wrote no point */
    ck_assert_str_eq(ui_tr_numbers("x = 1.5e-05, positive", buf, sizeof buf), "x = 1.5e-05, positiv");
    const char *other = "W2 is 7 of 9 of 11 of 13 of 15"; /* no such format; five numbers are too many anyway */
    ck_assert_ptr_eq(ui_tr_numbers(other, buf, sizeof buf), other);
    char tiny[8];
    ck_assert_str_eq(ui_tr_numbers("SAMPLE 3", tiny, sizeof tiny), "DATENPU"); /* cut, ended */
    ck_assert_int_eq(ui_lang_set("es"), 0);
    ck_assert_str_eq(ui_tr_numbers("SAMPLE 12", buf, sizeof buf), "MUESTRA 12");
    ck_assert_str_eq(ui_tr_numbers("x = 0.5, negative", buf, sizeof buf), "x = 0.5, negativo");
    /* The coins' status line in each language, and English with no translator. */
    const xl_scenario_def *micro = xl_scenario_find("microstates");
    ck_assert_ptr_nonnull(micro);
    xl_session *s = scenario_session(micro, XL_BUILTIN_SEED, NULL, NULL, 0);
    ck_assert(micro->status_text(xl_session_state(s), ui_tr, buf, sizeof buf));
    ck_assert_msg(strstr(buf, "monedas") && strstr(buf, "por paso"), "es: %s", buf);
    ck_assert_int_eq(ui_lang_set("de"), 0);
    ck_assert(micro->status_text(xl_session_state(s), ui_tr, buf, sizeof buf));
    ck_assert_msg(strstr(buf, "Münzen") && strstr(buf, "je Schritt"), "de: %s", buf);
    ck_assert(micro->summary_line(xl_session_state(s), NULL, 1.0, "nats", ui_tr, buf, sizeof buf));
    ck_assert_msg(strstr(buf, "Kopf von"), "de summary: %s", buf);
    ck_assert(micro->status_text(xl_session_state(s), NULL, buf, sizeof buf));
    ck_assert_msg(strstr(buf, "coins") && strstr(buf, "per step"), "en: %s", buf);
    xl_session_destroy(s);
    ui_lang_reset();
}
END_TEST

/* The softmax scene's default classes are drawn, said and summarised in the language
 * ("robin" is "Rotkehlchen", "petirrojo"), while the state keeps them in English (its
 * hash is the same in every language); names a script or lesson sets are drawn as set. */
START_TEST(default_class_names_are_translated_where_shown)
{
    const xl_scenario_def *def = xl_scenario_find("softmax");
    ck_assert_ptr_nonnull(def);
    xl_session *s = scenario_session(def, XL_BUILTIN_SEED, NULL, NULL, 0);
    const uint64_t hash = xl_state_hash(s);
    xl_bars bars;
    char buf[1024];
    ck_assert_int_eq(ui_lang_set("de"), 0);
    xl_session_bars(s, &bars);
    ck_assert_str_eq(bars.names[0], "robin"); /* the data */
    ck_assert_uint_eq(bars.names_words, 0x1F);
    ui_tr_bars(&bars);
    ck_assert_str_eq(bars.names[0], "Rotkehlchen");
    ck_assert_str_eq(bars.names[4], "Amsel");
    xl_describe_scene(s, 4, ui_tr, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "Rotkehlchen") && !strstr(buf, "robin"), "de description: %s", buf);
    ck_assert_str_eq(ui_tr_axis_name(s, "z₂ sparrow", buf, sizeof buf), "z₂ Spatz");
    ck_assert_int_eq(ui_lang_set("es"), 0);
    xl_session_bars(s, &bars);
    ui_tr_bars(&bars);
    ck_assert_str_eq(bars.names[0], "petirrojo");
    ck_assert_uint_eq(xl_state_hash(s), hash);
    /* Names set by a script (a lesson's @names) are data: drawn as they are. */
    ck_assert(scenario_apply(s, "names robin,model,step,Amsel,wren"));
    xl_session_bars(s, &bars);
    ck_assert_uint_eq(bars.names_words, 0x01); /* only class 0 keeps its default word ("wren" is not class 4's) */
    ui_tr_bars(&bars);
    ck_assert_str_eq(bars.names[1], "model");
    ck_assert_str_eq(bars.names[2], "step");
    ck_assert_str_eq(bars.names[3], "Amsel");
    ck_assert_str_eq(ui_tr_axis_name(s, "z₂ model", buf, sizeof buf), "z₂ model");
    ui_lang_reset();
    xl_session_bars(s, &bars);
    ui_tr_bars(&bars);
    ck_assert_str_eq(bars.names[0], "robin"); /* English: as the state has it */
    xl_session_destroy(s);
}
END_TEST

/* The panels' other states (a measured ring with and without energies, the regression's
 * five side views and the digits, the simplex, separated solids, the coins played): what
 * each shows reads as well translated as in English, and no label the catalogue
 * translates is left in English. */
typedef struct panel_state {
    const char *scenario;
    const char *param;  /* "NAME" set to value, or NULL */
    double value;
    long steps;
    const char *commands[3];
} panel_state;

static const panel_state panel_states[] = {
    {"diffusion", NULL, 0, 30, {"measure 3"}},
    {"diffusion", NULL, 0, 20, {"energy-next", "measure 4"}},
    {"regression", NULL, 0, 40, {"view confusion"}},
    {"regression", NULL, 0, 40, {"view calibration"}},
    {"regression", NULL, 0, 40, {"view curves"}},
    {"regression", "data", 1, 20, {"select 2"}},
    {"softmax", "classes", 3, 20, {"simplex"}},
    {"solids", NULL, 0, 60, {"separate"}},
    {"microstates", NULL, 0, 40, {NULL}},
    {"weighted", NULL, 0, 10, {"select 2"}},
};

START_TEST(translated_panel_states_read_as_well_as_english)
{
    const panel_state *ps = &panel_states[_i];
    const xl_scenario_def *def = xl_scenario_find(ps->scenario);
    ck_assert_ptr_nonnull(def);
    const char *names[1] = {ps->param};
    const double values[1] = {ps->value};
    xl_session *s = scenario_session(def, XL_BUILTIN_SEED, names, values, ps->param ? 1 : 0);
    xl_session_run(s, ps->steps);
    for (int c = 0; c < 3 && ps->commands[c]; c++)
        ck_assert_msg(scenario_apply(s, ps->commands[c]), "%s: %s refused", def->id, ps->commands[c]);
    static char report[3000];
    const int problems = translated_frames_problems(def, s, 0, 0, 1, report, sizeof report);
    xl_session_destroy(s);
    ck_assert_msg(problems == 0, "%s (%s) reads worse translated:\n%s", def->id, ps->commands[0] ? ps->commands[0] : "",
                  report);
}
END_TEST

/* Loop index: the language (de, es). Every page of every translated lesson drawn at
 * 1280x720, its questions answered: no label has an English word of the stoplist (the
 * logistic scene's foot line said "step 0" in Spanish). */
START_TEST(translated_lesson_pages_draw_no_english_word)
{
    static const char *const langs[2] = {"de", "es"};
    const char *lang = langs[_i];
    char fonts[2048], tried[4096], err[512], dir[sizeof LESSONS_DIR + 8];
    ck_assert(ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) == 0);
    ck_assert_int_eq(ui_lang_set(lang), 0);
    snprintf(dir, sizeof dir, "%s/%s", LESSONS_DIR, lang);
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    ui_scene *sc = ui_scene_create(r, fonts, err, sizeof err);
    ck_assert_msg(sc != NULL, "scene: %s", err);
    xl_lesson *l = malloc(sizeof *l);
    static char report[4000];
    report[0] = '\0';
    size_t used = 0;
    int pages = 0, problems = 0;
    for (int n = 1; n <= 99; n++) {
        char prefix[8], path[sizeof dir + 300] = "";
        snprintf(prefix, sizeof prefix, "%02d-", n);
        DIR *d = opendir(dir);
        ck_assert_ptr_nonnull(d);
        for (struct dirent *e; (e = readdir(d)) != NULL;)
            if (strncmp(e->d_name, prefix, 3) == 0 && strstr(e->d_name, ".lesson"))
                snprintf(path, sizeof path, "%s/%.250s", dir, e->d_name);
        closedir(d);
        if (!path[0]) continue;
        ck_assert_msg(ui_library_load(path, l) == 0, "%s does not load", path);
        xl_session *s = default_session_at(XL_BUILTIN_SEED);
        xl_player *p = xl_player_create(l, s);
        ck_assert_ptr_nonnull(p);
        for (int k = 0; k < l->npages; k++) {
            ck_assert_int_eq(xl_player_goto(p, k), 0);
            for (int q = 0; q < 8 && xl_player_phase_of(p) != XL_PLAYER_DONE; q++) xl_player_next(p);
            frame_count c = draw_counted(sc, s, 1280, 720, 0, "", NULL, p);
            pages++;
            if (c.stop > 0 && used + 200 < sizeof report)
                used += (size_t)snprintf(report + used, sizeof report - used, "  %s page %d: %d, %s\n",
                                         strrchr(path, '/') + 1, k + 1, c.stop, c.last_stop);
            problems += c.stop > 0;
        }
        xl_player_destroy(p);
        xl_session_destroy(s);
    }
    free(l);
    ui_scene_destroy(sc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surf);
    ui_lang_reset();
    ck_assert_int_ge(pages, 40);
    ck_assert_msg(problems == 0, "%s lesson pages with English words:\n%s", lang, report);
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *s = suite_create("i18n");
    TCase *mo = tcase_create("mo");
    tcase_add_test(mo, mo_reads_a_valid_catalogue_in_either_byte_order);
    tcase_add_test(mo, mo_refuses_every_truncation);
    tcase_add_test(mo, mo_refuses_a_lying_header);
    tcase_add_test(mo, mo_drops_entries_that_would_crash_or_garble);
    tcase_add_test(mo, conversions_compare_what_printf_reads);
    tcase_add_test(mo, mo_survives_mutations_of_the_real_catalogue);
    tcase_add_test(mo, mo_load_refuses_what_is_not_a_file);
    suite_add_tcase(s, mo);
    TCase *lang = tcase_create("lang");
    tcase_add_test(lang, locale_values_name_the_language);
    tcase_add_test(lang, environment_sets_the_language_first_set_wins);
    tcase_add_test(lang, the_shipped_catalogues_are_found_and_used);
    tcase_add_test(lang, a_broken_catalogue_leaves_english);
    suite_add_tcase(s, lang);
    TCase *frames = tcase_create("frames");
    tcase_set_timeout(frames, 120);
    tcase_add_loop_test(frames, translated_frames_read_as_well_as_english, 0, xl_scenario_count());
    tcase_add_loop_test(frames, translated_panel_states_read_as_well_as_english, 0,
                        (int)(sizeof panel_states / sizeof panel_states[0]));
    tcase_add_loop_test(frames, translated_lesson_pages_draw_no_english_word, 0, 2);
    tcase_add_test(lang, core_texts_are_translated_where_drawn);
    tcase_add_test(lang, default_class_names_are_translated_where_shown);
    suite_add_tcase(s, frames);
    return s;
}
