/* ui_class_log: the class's CSV log (see ui_class_log.h). */
#include "ui_class_log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char ui_class_log_header[] = "time,lesson,page,question,text,joined,voted,count_1,count_2,count_3,count_4,right";

struct ui_class_log {
    FILE *f;
    int failed;  /* a write failed: said when it closes */
};

ui_class_log *ui_class_log_open(const char *path, char *err, size_t errlen)
{
    ui_class_log *log = calloc(1, sizeof *log);
    if (!log) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    log->f = fopen(path, "a");
    if (!log->f) {
        snprintf(err, errlen, "cannot write the class log %s", path);
        free(log);
        return NULL;
    }
    /* "a" puts the position at the end: 0 means a new (or empty) file. */
    if (fseek(log->f, 0, SEEK_END) == 0 && ftell(log->f) == 0) {
        fprintf(log->f, "%s\n", ui_class_log_header);
        if (fflush(log->f) != 0) log->failed = 1;
    }
    return log;
}

int ui_class_log_close(ui_class_log *log)
{
    if (!log) return 0;
    int failed = log->failed;
    if (fclose(log->f) != 0) failed = 1;
    free(log);
    return failed ? -1 : 0;
}

/* A CSV field in double quotes: a quote doubled, CR and LF left out. */
static void put_quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '\r' || *s == '\n') continue;
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* A CSV field, quoted only when it must be. */
static void put_field(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\r\n")) put_quoted(f, s);
    else fputs(s, f);
}

int ui_class_log_row(ui_class_log *log, const char *when, const char *lesson_path, const char *text, int right,
                     int joined, const xl_poll_tally *t)
{
    const char *slash = strrchr(lesson_path ? lesson_path : "", '/');
    const char *name = slash ? slash + 1 : lesson_path ? lesson_path : "";
    FILE *f = log->f;
    put_field(f, when ? when : "");
    fputc(',', f);
    put_field(f, name);
    fprintf(f, ",%d,%d,", t->page + 1, t->question + 1);
    put_quoted(f, text ? text : "");
    fprintf(f, ",%d,%d", joined, t->voted);
    for (int k = 0; k < XL_POLL_OPTIONS_MAX; k++) {
        if (k < t->noptions) fprintf(f, ",%d", t->counts[k]);
        else fputc(',', f);
    }
    if (right >= 0) fprintf(f, ",%d\n", right + 1);
    else fputs(",\n", f);
    if (ferror(f) || fflush(f) != 0) log->failed = 1;
    return log->failed ? -1 : 0;
}

void ui_class_log_time(time_t t, char *buf, size_t n)
{
    struct tm tm;
    char raw[40];
    if (n == 0) return;
    buf[0] = '\0';
    /* strftime's %z is "+0100": ISO 8601's extended form wants "+01:00". */
    if (!localtime_r(&t, &tm) || strftime(raw, sizeof raw, "%Y-%m-%dT%H:%M:%S%z", &tm) == 0) return;
    const size_t len = strlen(raw);
    if (len < 5) return;
    snprintf(buf, n, "%.*s:%s", (int)(len - 2), raw, raw + len - 2);
}
