/* xl_session_log: the session's account of how it got here (xl_session.h: the log).
 *
 * Entries are {steps, command}: the steps of time taken since the entry before, then a
 * command's text (an offset into one growing buffer of NUL-ended texts), or no command
 * (steps still being counted, or, with LOG_HALT, playing stopped by itself because
 * every run diverged). Steps taken in a row add up in the last entry, so an hour of
 * play is one entry. A command is logged whether or not it was taken: a refused one can
 * still leave its trace (the drag it ends), and a replay refuses it again the same way.
 */
#include "xl_session_impl.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LOG_NONE = -1, LOG_HALT = -2 };

/* Room for one more entry; the last entry, or NULL when out of memory or full. */
static struct log_entry *new_entry(xl_session *s)
{
    if (s->nlog == s->log_cap) {
        int cap = s->log_cap ? 2 * s->log_cap : 64;
        /* Every entry but the last has a command or a halt of at least a few bytes: the
         * text's bound bounds the entries too. */
        if (cap > XL_SESSION_LOG_BYTES) {
            s->log_broken = 1;
            return NULL;
        }
        struct log_entry *grown = realloc(s->log, (size_t)cap * sizeof *grown);
        if (grown == NULL) {
            s->log_broken = 1;
            return NULL;
        }
        s->log = grown;
        s->log_cap = cap;
    }
    struct log_entry *e = &s->log[s->nlog++];
    e->steps = 0;
    e->text = LOG_NONE;
    return e;
}

/* The open entry (steps counted, no command yet), made if there is none. */
static struct log_entry *open_entry(xl_session *s)
{
    if (s->nlog > 0 && s->log[s->nlog - 1].text == LOG_NONE)
        return &s->log[s->nlog - 1];
    return new_entry(s);
}

void xls_log_step(xl_session *s)
{
    if (s->log_broken)
        return;
    struct log_entry *e = open_entry(s);
    if (e != NULL)
        e->steps++;
}

void xls_log_halt(xl_session *s)
{
    if (s->log_broken)
        return;
    struct log_entry *e = open_entry(s);
    if (e != NULL)
        e->text = LOG_HALT;
}

void xls_log_command(xl_session *s, const xl_command *cmd)
{
    if (s->log_broken)
        return;
    char text[XL_COMMAND_NAME_MAX + 64];
    xl_command_format(cmd, text, sizeof text);
    size_t n = strlen(text) + 1;
    if (s->log_used + n > XL_SESSION_LOG_BYTES) {
        s->log_broken = 1;
        return;
    }
    if (s->log_used + n > s->log_text_cap) {
        size_t cap = s->log_text_cap ? 2 * s->log_text_cap : 1024;
        while (cap < s->log_used + n)
            cap *= 2;
        char *grown = realloc(s->log_text, cap);
        if (grown == NULL) {
            s->log_broken = 1;
            return;
        }
        s->log_text = grown;
        s->log_text_cap = cap;
    }
    struct log_entry *e = open_entry(s);
    if (e == NULL)
        return;
    memcpy(s->log_text + s->log_used, text, n);
    e->text = (long)s->log_used;
    s->log_used += n;
}

void xls_log_free(xl_session *s)
{
    free(s->log);
    free(s->log_text);
    s->log = NULL;
    s->log_text = NULL;
    s->nlog = s->log_cap = 0;
    s->log_used = s->log_text_cap = 0;
}

const xl_session_desc *xl_session_start_desc(const xl_session *s)
{
    assert(s != NULL);
    return &s->start;
}

int xl_session_log_count(const xl_session *s)
{
    assert(s != NULL);
    return s->nlog;
}

xl_session_log_entry xl_session_log_at(const xl_session *s, int i)
{
    assert(s != NULL && i >= 0 && i < s->nlog);
    xl_session_log_entry e = {s->log[i].steps, NULL, 0};
    if (s->log[i].text >= 0)
        e.command = s->log_text + s->log[i].text;
    e.halt = s->log[i].text == LOG_HALT;
    return e;
}

int xl_session_log_ok(const xl_session *s, char *why, size_t n)
{
    assert(s != NULL);
    const char *reason = s->log_broken == 1 ? "the scene has had too many edits since it started to write them down"
                         : s->log_broken == 2 ? "a lesson page's own start was put in place (the lesson and page say it)"
                         : s->log_broken == 3 ? "a run was posed for a picture (xl_session_pose), not moved by a command"
                                              : NULL;
    if (why && n)
        snprintf(why, n, "%s", reason ? reason : "");
    return reason == NULL;
}

void xl_session_step_calls(xl_session *s, long n)
{
    assert(s != NULL && n >= 0);
    for (long i = 0; i < n; i++)
        xls_step_once(s);
    xls_update_view(s);
}

void xl_session_halt(xl_session *s)
{
    assert(s != NULL);
    s->playing = 0;
    s->acc = 0.0;
    xls_log_halt(s);
}
