/* ui_library's lesson language (issue 26): lessons/LANG/NAME.lesson is taken for a lesson
 * named by number or name when the language is set and the translation is there and
 * valid, the English one otherwise (per lesson); codes cannot name another folder; a file's
 * language is told by its folder. Over a made-up lessons folder, then the shipped one. */
#define _XOPEN_SOURCE 700 /* mkdtemp, setenv */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui_library.h"

static char root[256];

static void write_file(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static const char *const ONE_PAGE = "\n\n## Page\n\nText.\n\n@scenario softmax\n";

/* 01-a and 02-b in English; de/ has a valid 01-a, a broken 02-b and an orphan 03-c;
 * es/ is empty; a folder "../x" cannot be reached by any code. */
static void make_folder(void)
{
    snprintf(root, sizeof root, "/tmp/xl-library-lang-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
    char sub[300];
    snprintf(sub, sizeof sub, "%s/de", root);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/es", root);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    char text[256];
    snprintf(text, sizeof text, "# Surprise%s", ONE_PAGE);
    write_file("01-a.lesson", text);
    snprintf(text, sizeof text, "# Entropy%s## Second\n\nMore.\n", ONE_PAGE);
    write_file("02-b.lesson", text);
    snprintf(text, sizeof text, "# Überraschung%s", ONE_PAGE);
    write_file("de/01-a.lesson", text);
    write_file("de/02-b.lesson", "# Entropie\n\n## Seite\n\n@play nie\n");
    snprintf(text, sizeof text, "# Nur deutsch%s", ONE_PAGE);
    write_file("de/03-c.lesson", text);
    ck_assert_int_eq(setenv("XENTLAB_LESSONS", root, 1), 0);
}

static void remove_folder(void)
{
    static const char *const files[] = {"01-a.lesson", "02-b.lesson", "de/01-a.lesson", "de/02-b.lesson",
                                        "de/03-c.lesson"};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/de", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/es", root);
    rmdir(path);
    rmdir(root);
    unsetenv("XENTLAB_LESSONS");
}

static ui_library lib;

static const char *resolved(const char *arg)
{
    static char path[UI_LIBRARY_PATH];
    char err[512] = "";
    ck_assert_msg(ui_library_resolve(&lib, arg, path, sizeof path, err, sizeof err) == 0, "%s: %s", arg, err);
    return path + strlen(root); /* the part below the folder */
}

START_TEST(translation_per_lesson_with_english_fallback)
{
    make_folder();
    ui_library_set_lang("en");
    ck_assert_int_eq(ui_library_scan(&lib, NULL), 2);
    ck_assert_str_eq(resolved("1"), "/01-a.lesson");
    ck_assert_str_eq(lib.entries[0].title, "Surprise");
    ck_assert_str_eq(lib.entries[0].lang, "en");

    ui_library_set_lang("de");
    ck_assert_str_eq(ui_library_lang(), "de");
    ck_assert_int_eq(ui_library_scan(&lib, NULL), 2); /* the orphan de/03-c is no lesson of the course */
    ck_assert_str_eq(resolved("1"), "/de/01-a.lesson");
    ck_assert_str_eq(resolved("a"), "/de/01-a.lesson");
    ck_assert_str_eq(resolved("01-a"), "/de/01-a.lesson");
    ck_assert_str_eq(lib.entries[0].title, "Überraschung");
    ck_assert_str_eq(lib.entries[0].lang, "de");
    ck_assert_str_eq(lib.entries[0].name, "01-a"); /* the name stays the English file's: --lesson a */
    /* The broken translation is not taken: the class gets the English lesson. */
    ck_assert_str_eq(resolved("2"), "/02-b.lesson");
    ck_assert_str_eq(lib.entries[1].title, "Entropy");
    ck_assert_int_eq(lib.entries[1].pages, 2);
    ck_assert_str_eq(lib.entries[1].lang, "en");
    char path[UI_LIBRARY_PATH], err[512];
    ck_assert_int_eq(ui_library_resolve(&lib, "3", path, sizeof path, err, sizeof err), -1);

    /* es/ has none of them: all English. */
    ui_library_set_lang("es_ES.UTF-8");
    ck_assert_str_eq(ui_library_lang(), "es");
    ck_assert_int_eq(ui_library_scan(&lib, NULL), 2);
    ck_assert_str_eq(resolved("1"), "/01-a.lesson");
    ck_assert_str_eq(resolved("2"), "/02-b.lesson");

    /* A file named by its path is what it names, whatever the language. */
    ui_library_set_lang("de");
    ui_library_scan(&lib, NULL);
    char file[512];
    snprintf(file, sizeof file, "%s/01-a.lesson", root);
    ck_assert_int_eq(ui_library_resolve(&lib, file, path, sizeof path, err, sizeof err), 0);
    ck_assert_str_eq(path, file);
    remove_folder();
    ui_library_set_lang(NULL);
}
END_TEST

START_TEST(codes_cannot_name_another_folder)
{
    static const struct {
        const char *in, *lang;
    } cases[] = {
        {NULL, "en"},      {"", "en"},        {"en", "en"},      {"en_GB.UTF-8", "en"}, {"C", "en"},
        {"POSIX", "en"},   {"de", "de"},      {"DE", "de"},      {"de_AT", "de"},       {"de-CH", "de"},
        {"de.UTF-8", "de"}, {"de@euro", "de"}, {"ast", "ast"},   {"..", "en"},          {"../x", "en"},
        {"d/e", "en"},     {"deutsch", "en"}, {"d", "en"},       {"de/..", "en"},       {"dé", "en"},
        {"es", "es"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ui_library_set_lang(cases[i].in);
        ck_assert_msg(strcmp(ui_library_lang(), cases[i].lang) == 0, "'%s' gave %s, not %s",
                      cases[i].in ? cases[i].in : "(null)", ui_library_lang(), cases[i].lang);
    }
    ui_library_set_lang(NULL);
}
END_TEST

START_TEST(a_files_language_is_its_folders)
{
    make_folder();
    char de01[512], de03[512], en01[512], es01[512];
    snprintf(de01, sizeof de01, "%s/de/01-a.lesson", root);
    snprintf(de03, sizeof de03, "%s/de/03-c.lesson", root); /* no English 03-c beside de/ */
    snprintf(en01, sizeof en01, "%s/01-a.lesson", root);
    snprintf(es01, sizeof es01, "%s/es/01-a.lesson", root); /* not there, but it lies as a translation */
    const struct {
        const char *path, *lang;
    } cases[] = {
        {de01, "de"},
        {es01, "es"},
        {en01, "en"},
        {de03, "en"}, /* a folder named "de" with no English lesson beside it: a folder's name */
        {LESSONS_DIR "/de/04-cross-entropy.lesson", "de"},
        {LESSONS_DIR "/04-cross-entropy.lesson", "en"},
        {LESSONS_DIR "/../lessons/de/../04-cross-entropy.lesson", "en"},
        {"/tmp/ml/04-cross-entropy.lesson", "en"},
        {"04-cross-entropy.lesson", "en"},
        {"/de.lesson", "en"},
        {"my/DE/x.lesson", "en"},
        {"a/b2/x.lesson", "en"},
        {NULL, "en"},
    };
    char out[8];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ui_library_lang_of(cases[i].path, out, sizeof out);
        ck_assert_msg(strcmp(out, cases[i].lang) == 0, "%s: %s, not %s", cases[i].path ? cases[i].path : "(null)",
                      out, cases[i].lang);
    }
    remove_folder();
}
END_TEST

/* The shipped course: with German set, every lesson of lessons/de/ is the one taken by
 * its number, and every lesson still opens. */
START_TEST(the_shipped_course_in_german)
{
    ck_assert_int_eq(setenv("XENTLAB_LESSONS", LESSONS_DIR, 1), 0);
    ui_library_set_lang("de");
    int n = ui_library_scan(&lib, NULL);
    ck_assert_int_ge(n, 14);
    int german = 0;
    for (int i = 0; i < n; i++) {
        const ui_library_entry *e = &lib.entries[i];
        ck_assert_msg(e->pages > 0, "%s: %s", e->path, e->title);
        char de[UI_LIBRARY_PATH + 64];
        snprintf(de, sizeof de, "%s/de/%s.lesson", lib.dir, e->name);
        if (access(de, R_OK) == 0) {
            ck_assert_str_eq(e->path, de);
            ck_assert_str_eq(e->lang, "de");
            german++;
        }
    }
    ck_assert_int_eq(german, n);
    char path[UI_LIBRARY_PATH], err[512], want[UI_LIBRARY_PATH + 64];
    ck_assert_int_eq(ui_library_resolve(&lib, "4", path, sizeof path, err, sizeof err), 0);
    snprintf(want, sizeof want, "%s/de/04-cross-entropy.lesson", lib.dir);
    ck_assert_str_eq(path, want);
    ui_library_set_lang(NULL);
    unsetenv("XENTLAB_LESSONS");
}
END_TEST

Suite *xl_test_suite(void)
{
    Suite *su = suite_create("library lang");
    TCase *tc = tcase_create("library lang");
    tcase_add_test(tc, translation_per_lesson_with_english_fallback);
    tcase_add_test(tc, codes_cannot_name_another_folder);
    tcase_add_test(tc, a_files_language_is_its_folders);
    tcase_add_test(tc, the_shipped_course_in_german);
    suite_add_tcase(su, tc);
    return su;
}
