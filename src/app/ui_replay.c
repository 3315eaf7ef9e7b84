/* ui_replay: the input recording's format (see ui_replay.h). Lines are read with a
 * bounded buffer; an over-long line, a bad number, a command the vocabulary does not
 * know or ticks that do not add up are errors with their line. */
#include "ui_replay.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ui_cli.h"
#include "ui_library.h"
#include "ui_input.h"
#include "ui_lang.h"

#ifndef XL_VERSION
#define XL_VERSION "0.0.0"
#endif

static const char *const kind_names[] = {"do", "view", "lesson", "advance", "size"};

static int fail_at(char *err, size_t n, const char *path, int line, const char *fmt, ...)
{
    char what[512] = "";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (line > 0) snprintf(err, n, "%s:%d: error: %s", path, line, what);
    else snprintf(err, n, "%s: error: %s", path, what);
    return -1;
}

/* A whole number from s (digits only), at most max; end after it. */
static int whole(const char *s, long long max, long long *out, const char **end)
{
    if (*s < '0' || *s > '9') return -1;
    long long v = 0;
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (*s - '0');
        if (v > max) return -1;
        s++;
    }
    *out = v;
    *end = s;
    return 0;
}

void ui_replay_free(ui_replay *r)
{
    for (int i = 1; i < r->argc; i++) free(r->argv[i]);
    for (long i = 0; i < r->count; i++) free(r->entries[i].text);
    free(r->mic_file);
    free(r->entries);
    memset(r, 0, sizeof *r);
}

static int add_entry(ui_replay *r, const ui_replay_entry *e)
{
    if (r->count == r->cap) {
        long cap = r->cap ? r->cap * 2 : 256;
        ui_replay_entry *n = realloc(r->entries, (size_t)cap * sizeof *n);
        if (!n) return -1;
        r->entries = n;
        r->cap = cap;
    }
    r->entries[r->count++] = *e;
    return 0;
}

/* "mic FILE FIRST_MS" (rest: after "mic"): the voice recorded beside the file. */
static int mic_line(ui_replay *r, const char *rest, long long ms, const char *path, int line, char *err,
                    size_t errlen)
{
    const char *form = "expected 'mic FILE MILLISECONDS': the microphone's recording beside this file and when its "
                       "first sample was taken";
    if (r->mic_file) return fail_at(err, errlen, path, line, "a second 'mic' line: a session records one voice");
    if (*rest++ != ' ') return fail_at(err, errlen, path, line, "%s", form);
    const char *space = strrchr(rest, ' ');
    long long first = 0;
    const char *end = NULL;
    if (!space || space == rest || whole(space + 1, 1000000000000LL, &first, &end) != 0 || *end)
        return fail_at(err, errlen, path, line, "%s", form);
    const size_t len = (size_t)(space - rest);
    if (len > UI_REPLAY_MIC_NAME || memchr(rest, '/', len) || (len == 1 && rest[0] == '.') ||
        (len == 2 && rest[0] == '.' && rest[1] == '.'))
        return fail_at(err, errlen, path, line,
                       "the 'mic' file must be a name of 1 to %d bytes beside this file, not a path: '%.*s'",
                       UI_REPLAY_MIC_NAME, (int)(len > 80 ? 80 : len), rest);
    if (first > ms)
        return fail_at(err, errlen, path, line, "the voice's first sample at %lld ms is after its line's %lld ms",
                       first, ms);
    if (!(r->mic_file = strndup(rest, len))) return fail_at(err, errlen, path, line, "out of memory");
    r->mic_ms = first;
    return 0;
}

int ui_replay_load(const char *path, ui_replay *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->argv[0] = "xentlab";
    r->argc = 1;
    FILE *f = ui_library_fopen(path); /* a FIFO never blocks */
    if (!f) return fail_at(err, errlen, path, 0, "cannot read it: %s", strerror(errno));
    char buf[UI_REPLAY_TEXT + 64];
    int line = 0, have_header = 0, have_size = 0, rc = 0;
    long long last_ms = 0;
    long tick = 0;
    while (rc == 0 && fgets(buf, sizeof buf, f)) {
        line++;
        size_t len = strlen(buf);
        if (len == sizeof buf - 1 && buf[len - 1] != '\n') {
            rc = fail_at(err, errlen, path, line, "a line longer than %d bytes", (int)sizeof buf - 2);
            break;
        }
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) buf[--len] = '\0';
        if (len == 0 || buf[0] == '#') continue;
        if (!have_header) {
            int format = 0;
            char version[64] = "";
            if (sscanf(buf, "xentlab-input %d %63s", &format, version) != 2) {
                rc = fail_at(err, errlen, path, line, "not an input recording: expected 'xentlab-input 1 VERSION'");
            } else if (format != UI_REPLAY_FORMAT || strcmp(version, XL_VERSION) != 0) {
                rc = fail_at(err, errlen, path, line,
                             "recorded by xentlab %s (format %d); this is xentlab %s (format %d), which cannot "
                             "replay it exactly",
                             version, format, XL_VERSION, UI_REPLAY_FORMAT);
            }
            have_header = 1;
            continue;
        }
        if (strncmp(buf, "arg ", 4) == 0) {
            if (r->count > 0 || have_size) rc = fail_at(err, errlen, path, line, "'arg' lines come before 'size'");
            else if (r->argc > UI_REPLAY_MAX_ARGS) rc = fail_at(err, errlen, path, line, "more than %d arguments", UI_REPLAY_MAX_ARGS);
            else if (!(r->argv[r->argc] = strdup(buf + 4))) rc = fail_at(err, errlen, path, line, "out of memory");
            else r->argc++;
            continue;
        }
        if (!have_size) {
            char extra = 0;
            if (sscanf(buf, "size %d %d %c", &r->width, &r->height, &extra) != 2)
                rc = fail_at(err, errlen, path, line, "expected 'size WIDTH HEIGHT' after the arguments");
            else if (r->width < 1 || r->height < 1 || r->width > UI_FRAME_MAX_W || r->height > UI_FRAME_MAX_H)
                rc = fail_at(err, errlen, path, line, "size needs WIDTH HEIGHT from 1 1 to %d %d (as --size), not %d %d",
                             UI_FRAME_MAX_W, UI_FRAME_MAX_H, r->width, r->height);
            have_size = 1;
            continue;
        }
        /* MS TICK KIND REST */
        ui_replay_entry e = {0};
        e.line = line;
        long long ms = 0, t = 0;
        const char *p = buf;
        if (whole(p, 1000000000000LL, &ms, &p) != 0 || *p++ != ' ' || whole(p, 1000000000000LL, &t, &p) != 0 ||
            *p++ != ' ') {
            rc = fail_at(err, errlen, path, line, "expected 'MILLISECONDS TICK ACTION', e.g. '1200 30 do step'");
            break;
        }
        if (ms < last_ms) {
            rc = fail_at(err, errlen, path, line, "time goes back (%lld ms after %lld ms)", ms, last_ms);
            break;
        }
        /* Its length becomes frames when it is recorded as video (and waiting in the
         * window): a handed file may not ask for days of them. */
        if (ms > UI_REPLAY_MAX_MS) {
            rc = fail_at(err, errlen, path, line, "%lld ms is past the longest replay, 3 hours (%lld ms)", ms,
                         (long long)UI_REPLAY_MAX_MS);
            break;
        }
        if (t != tick) {
            rc = fail_at(err, errlen, path, line, "tick %lld, but the advances before it make %ld", t, tick);
            break;
        }
        e.ms = last_ms = ms;
        e.tick = tick;
        if (strncmp(p, "mic ", 4) == 0 || strcmp(p, "mic") == 0) {
            rc = mic_line(r, p + 3, ms, path, line, err, errlen);
            continue;
        }
        int k = -1;
        for (int i = 0; i < 5; i++) {
            size_t kl = strlen(kind_names[i]);
            if (strncmp(p, kind_names[i], kl) == 0 && (p[kl] == ' ' || p[kl] == '\0')) {
                k = i;
                p += kl;
                while (*p == ' ') p++;
                break;
            }
        }
        if (k < 0) {
            rc = fail_at(err, errlen, path, line, "unknown action '%.40s': expected do, view, lesson, advance, size or mic", p);
            break;
        }
        e.kind = (ui_replay_kind)k;
        if (e.kind == UI_REPLAY_ADVANCE) {
            long long n = 0;
            const char *end = NULL;
            if (whole(p, 100000000, &n, &end) != 0 || *end || n < 1) {
                rc = fail_at(err, errlen, path, line, "advance needs a number of steps from 1 to 100000000");
                break;
            }
            e.n = (long)n;
            tick += e.n;
        } else if (e.kind == UI_REPLAY_SIZE) {
            int w = 0, h = 0;
            char extra = 0;
            if (sscanf(p, "%d %d %c", &w, &h, &extra) != 2 || w < 1 || h < 1 || w > UI_FRAME_MAX_W ||
                h > UI_FRAME_MAX_H) {
                rc = fail_at(err, errlen, path, line, "size needs WIDTH HEIGHT from 1 1 to %d %d (as --size)",
                             UI_FRAME_MAX_W, UI_FRAME_MAX_H);
                break;
            }
            e.n = w;
            e.h = h;
        } else {
            if (!*p) {
                rc = fail_at(err, errlen, path, line, "%s needs what to do", kind_names[k]);
                break;
            }
            ui_action a = {UI_VIEW_NONE, xl_command_make(XL_CMD_NONE)};
            /* Written by the parser only when it refuses: a view command parses fine,
             * so each message says its own reason. */
            char why[256] = "";
            if (e.kind == UI_REPLAY_DO || e.kind == UI_REPLAY_VIEW) {
                if (ui_action_parse(p, &a, why, sizeof why) != 0) {
                    rc = fail_at(err, errlen, path, line, "'%.60s' is not a command: %s", p, why);
                    break;
                }
                if (e.kind == UI_REPLAY_DO && a.view != UI_VIEW_NONE) {
                    rc = fail_at(err, errlen, path, line, "'%.60s' is a view command: write it as 'view %.60s'", p, p);
                    break;
                }
                if (e.kind == UI_REPLAY_VIEW && a.view == UI_VIEW_NONE) {
                    rc = fail_at(err, errlen, path, line,
                                 "'%.60s' is not a view command (theme, fullscreen, help, quit, ...): write it as "
                                 "'do %.60s'", p, p);
                    break;
                }
            }
            if (!(e.text = strdup(p))) {
                rc = fail_at(err, errlen, path, line, "out of memory");
                break;
            }
        }
        if (r->count >= UI_REPLAY_MAX_ENTRIES) {
            free(e.text);
            rc = fail_at(err, errlen, path, line, "more than %d actions", UI_REPLAY_MAX_ENTRIES);
            break;
        }
        if (add_entry(r, &e) != 0) {
            free(e.text);
            rc = fail_at(err, errlen, path, line, "out of memory");
        }
    }
    if (rc == 0 && ferror(f)) rc = fail_at(err, errlen, path, line, "read error");
    if (rc == 0 && !have_header) rc = fail_at(err, errlen, path, line, "empty: not an input recording");
    else if (rc == 0 && !have_size) rc = fail_at(err, errlen, path, line, "no 'size WIDTH HEIGHT' line");
    fclose(f);
    r->argv[r->argc] = NULL;
    return rc;
}

int ui_replay_writer_open(ui_replay_writer *w, const char *path, int argc, char **argv, int width, int height,
                          char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    snprintf(w->path, sizeof w->path, "%s", path);
    w->f = fopen(path, "w");
    if (!w->f) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    fprintf(w->f, "# xentlab input recording; replay it with: xentlab --replay %s\n", path);
    fprintf(w->f, "# MILLISECONDS TICK ACTION: time since the start, steps of time so far, and what happened\n");
    fprintf(w->f, "xentlab-input %d %s\n", UI_REPLAY_FORMAT, XL_VERSION);
    for (int i = 1; i < argc && i <= UI_REPLAY_MAX_ARGS; i++) {
        /* An argument holding a newline cannot be a line: it is written without it. */
        fputs("arg ", w->f);
        for (const char *c = argv[i]; *c; c++)
            if (*c != '\n' && *c != '\r') fputc(*c, w->f);
        fputc('\n', w->f);
    }
    fprintf(w->f, "size %d %d\n", width, height);
    fflush(w->f);
    return 0;
}

void ui_replay_write(ui_replay_writer *w, long long ms, ui_replay_kind kind, const char *text, long n, long h)
{
    if (!w || !w->f) return;
    if (kind == UI_REPLAY_ADVANCE && n <= 0) return;
    if (ms > UI_REPLAY_MAX_MS) { /* a replay this long would be refused when loaded */
        if (!w->full)
            fprintf(stderr, _("xentlab: --record-input: 3 hours recorded, the longest a replay may be; "
                            "the rest of the session is not in %s\n"), w->path);
        w->full = 1;
        return;
    }
    int rc;
    if (kind == UI_REPLAY_ADVANCE) rc = fprintf(w->f, "%lld %ld advance %ld\n", ms, w->tick, n);
    else if (kind == UI_REPLAY_SIZE) rc = fprintf(w->f, "%lld %ld size %ld %ld\n", ms, w->tick, n, h);
    else rc = fprintf(w->f, "%lld %ld %s %s\n", ms, w->tick, kind_names[kind], text ? text : "");
    if (kind == UI_REPLAY_ADVANCE) w->tick += n;
    if (rc < 0 && !w->failed) {
        w->failed = 1;
        fprintf(stderr, _("xentlab: --record-input: cannot write %s: %s\n"), w->path, strerror(errno));
    }
}

void ui_replay_write_mic(ui_replay_writer *w, long long ms, const char *file, long long first_ms)
{
    if (!w || !w->f || w->full) return;
    if (fprintf(w->f, "%lld %ld mic %s %lld\n", ms, w->tick, file, first_ms) < 0 && !w->failed) {
        w->failed = 1;
        fprintf(stderr, _("xentlab: --record-input: cannot write %s: %s\n"), w->path, strerror(errno));
    }
    fflush(w->f);
}

void ui_replay_writer_discard(ui_replay_writer *w)
{
    if (!w || !w->f) return;
    fclose(w->f);
    w->f = NULL;
    remove(w->path);
}

int ui_replay_writer_close(ui_replay_writer *w)
{
    if (!w->f) return 0;
    int rc = fclose(w->f) == 0 && !w->failed ? 0 : -1;
    w->f = NULL;
    return rc;
}
