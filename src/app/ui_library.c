/* ui_library: lessons on disk (see ui_library.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "ui_library.h"

#include <SDL.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#ifndef XL_SOURCE_LESSONS
#define XL_SOURCE_LESSONS "lessons"
#endif

FILE *ui_library_fopen(const char *path)
{
    /* Without O_NONBLOCK, opening a FIFO waits for a writer: forever for a FIFO handed
     * as a lesson or a replay (a tar archive can hold one). Opened without waiting and
     * then read as usual: a FIFO with no writer reads as empty, a pipe still works. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return NULL;
    int fl = fcntl(fd, F_GETFL);
    FILE *f = fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 ? NULL : fdopen(fd, "rb");
    if (!f) {
        int why = errno;
        close(fd);
        errno = why;
    }
    return f;
}

char *ui_library_read(const char *path, size_t *len)
{
    FILE *f = ui_library_fopen(path);
    if (!f) return NULL;
    char *buf = malloc(XL_LESSON_MAX_BYTES + 1);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return NULL;
    }
    errno = 0;
    *len = fread(buf, 1, XL_LESSON_MAX_BYTES + 1, f);
    int failed = ferror(f), why = errno; /* EISDIR for a folder */
    fclose(f);
    if (failed) {
        free(buf);
        errno = why ? why : EIO;
        return NULL;
    }
    return buf;
}

int ui_library_load(const char *path, xl_lesson *l)
{
    size_t len = 0;
    char *text = ui_library_read(path, &len);
    if (!text) {
        memset(l, 0, sizeof *l);
        snprintf(l->errors[0], sizeof l->errors[0], "%.120s: error: cannot read it: %s", path, strerror(errno));
        l->nerrors = 1;
        return -1;
    }
    int errors = xl_lesson_parse(path, text, len, l);
    free(text);
    return errors;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The lessons folder: $XENTLAB_LESSONS, then beside the assets (installed: share/xentlab/
 * lessons; source tree: assets/../lessons), then the source tree's. */
static int find_dir(char *dir, size_t n, const char *fonts_dir)
{
    if (!dir || n == 0) return 0; /* (and GCC under ASan then knows snprintf gets a buffer) */
    const char *env = getenv("XENTLAB_LESSONS");
    if (env && *env) {
        snprintf(dir, n, "%s", env);
        return is_dir(dir);
    }
    if (fonts_dir && *fonts_dir) {
        static const char *const rel[] = {"/../lessons", "/../../lessons"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(dir, n, "%s%s", fonts_dir, rel[i]);
            if (is_dir(dir)) return 1;
        }
    }
    snprintf(dir, n, "%s", XL_SOURCE_LESSONS);
    return is_dir(dir);
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The language set: "" for English (ui_library_set_lang). */
static char lib_lang[4] = "";

/* A language's code from code: the letters before a locale's '_', '.', '-' or '@',
 * lowercased, when there are 2 or 3 of them; else "" (English). */
static void lang_code(const char *code, char out[4])
{
    out[0] = '\0';
    if (!code) return;
    size_t n = 0;
    while (code[n] && isalpha((unsigned char)code[n]) && (unsigned char)code[n] < 0x80) n++;
    if (n < 2 || n > 3 || (code[n] && !strchr("_.-@", code[n]))) return;
    for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)code[i]);
    out[n] = '\0';
    if (strcmp(out, "en") == 0) out[0] = '\0';
}

void ui_library_set_lang(const char *code)
{
    lang_code(code, lib_lang);
}

const char *ui_library_lang(void)
{
    return lib_lang[0] ? lib_lang : "en";
}

void ui_library_lang_of(const char *path, char *out, size_t n)
{
    if (!out || n == 0) return;
    snprintf(out, n, "en");
    if (!path) return;
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return; /* a file in the current folder: no folder to tell */
    const char *dir = slash;
    while (dir > path && dir[-1] != '/') dir--;
    size_t len = (size_t)(slash - dir);
    if (len < 2 || len > 3) return;
    for (size_t i = 0; i < len; i++)
        if (dir[i] < 'a' || dir[i] > 'z') return;
    if (len == 2 && dir[0] == 'e' && dir[1] == 'n') return;
    /* A translation lies beside its English lesson's folder: .../lessons/de/NAME.lesson
     * has .../lessons/NAME.lesson. Without it, "ml/" or "ai/" is a folder's name, not a
     * language. */
    char english[PATH_MAX];
    int k = snprintf(english, sizeof english, "%.*s%s", (int)(dir - path), path, slash + 1);
    if (k < 0 || (size_t)k >= sizeof english || !is_file(english)) return;
    snprintf(out, n, "%.*s", (int)len, dir);
}

/* Entry e's translation into lib_lang, when lib->dir/LANG/NAME.lesson is there and valid:
 * e then names it (path, title, pages, lang). A broken or missing one leaves e English. */
static void take_translation(const ui_library *lib, ui_library_entry *e, xl_lesson *l)
{
    char path[2 * UI_LIBRARY_PATH];
    int plen = snprintf(path, sizeof path, "%s/%s/%s.lesson", lib->dir, lib_lang, e->name);
    if (plen < 0 || (size_t)plen >= sizeof e->path || !is_file(path)) return;
    if (ui_library_load(path, l) != 0) return;
    memcpy(e->path, path, (size_t)plen + 1);
    snprintf(e->title, sizeof e->title, "%s", l->title);
    e->pages = l->npages;
    snprintf(e->lang, sizeof e->lang, "%s", lib_lang);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const ui_library_entry *)a)->name, ((const ui_library_entry *)b)->name);
}

int ui_library_scan(ui_library *lib, const char *fonts_dir)
{
    lib->count = 0;
    if (!find_dir(lib->dir, sizeof lib->dir, fonts_dir)) {
        lib->dir[0] = '\0';
        return 0;
    }
    char real[PATH_MAX];
    if (realpath(lib->dir, real) && strlen(real) < sizeof lib->dir) /* "…/assets/fonts/../../lessons" reads badly */
        memcpy(lib->dir, real, strlen(real) + 1);
    DIR *d = opendir(lib->dir);
    if (!d) {
        lib->dir[0] = '\0';
        return 0;
    }
    xl_lesson *l = malloc(sizeof *l);
    struct dirent *e;
    while (l && (e = readdir(d)) != NULL && lib->count < UI_LIBRARY_MAX) {
        size_t len = strlen(e->d_name);
        if (len <= 7 || strcmp(e->d_name + len - 7, ".lesson") != 0 || e->d_name[0] == '.') continue;
        if (len - 7 >= sizeof lib->entries[0].name) continue;
        ui_library_entry *en = &lib->entries[lib->count];
        char path[2 * UI_LIBRARY_PATH];
        int plen = snprintf(path, sizeof path, "%s/%s", lib->dir, e->d_name);
        if (plen < 0 || (size_t)plen >= sizeof en->path) continue; /* a path too long to open */
        memcpy(en->path, path, (size_t)plen + 1);
        snprintf(en->name, sizeof en->name, "%.*s", (int)(len - 7), e->d_name);
        snprintf(en->lang, sizeof en->lang, "en");
        int errors = ui_library_load(en->path, l);
        if (errors == 0) {
            snprintf(en->title, sizeof en->title, "%s", l->title);
            en->pages = l->npages;
        } else {
            snprintf(en->title, sizeof en->title, "(cannot be opened: %d error%s)", errors < 0 ? 1 : errors,
                     errors == 1 || errors < 0 ? "" : "s");
            en->pages = 0;
        }
        if (lib_lang[0]) take_translation(lib, en, l);
        lib->count++;
    }
    free(l);
    closedir(d);
    qsort(lib->entries, (size_t)lib->count, sizeof lib->entries[0], by_name);
    return lib->count;
}

/* "04-cross-entropy" matches "4", "04", "cross-entropy" and itself. */
static int matches(const char *name, const char *arg)
{
    if (strcmp(name, arg) == 0) return 1;
    const char *dash = strchr(name, '-');
    if (!dash || dash == name) return 0;
    for (const char *c = name; c < dash; c++)
        if (!isdigit((unsigned char)*c)) return 0;
    if (strcmp(dash + 1, arg) == 0) return 1;
    char *end;
    errno = 0;
    long want = strtol(arg, &end, 10);
    return *arg && *end == '\0' && errno == 0 && want == strtol(name, NULL, 10);
}

int ui_library_names_file(const char *arg)
{
    struct stat st;
    return strchr(arg, '/') || (strlen(arg) > 7 && strcmp(arg + strlen(arg) - 7, ".lesson") == 0) ||
           stat(arg, &st) == 0;
}

int ui_library_resolve(const ui_library *lib, const char *arg, char *path, size_t n, char *err, size_t errlen)
{
    if (ui_library_names_file(arg)) {
        snprintf(path, n, "%s", arg);
        return 0; /* a file: opening it says what is wrong with it */
    }
    for (int i = 0; i < lib->count; i++)
        if (matches(lib->entries[i].name, arg)) {
            snprintf(path, n, "%s", lib->entries[i].path);
            return 0;
        }
    if (!lib->dir[0]) {
        snprintf(err, errlen, "no lessons folder was found; give a lesson file, e.g. --lesson my.lesson");
        return -1;
    }
    int used = snprintf(err, errlen, "no lesson '%s' in %s; there are:", arg, lib->dir);
    for (int i = 0; i < lib->count && used > 0 && (size_t)used < errlen; i++)
        used += snprintf(err + used, errlen - (size_t)used, " %s", lib->entries[i].name);
    return -1;
}
