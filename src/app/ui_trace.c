/* ui_trace: JSON lines for --trace (see ui_trace.h; the schema: docs/trace.md). */
#include "ui_trace.h"

#include <math.h>
#include <string.h>

#include "xl_state_text.h"

/* The schema's version, the first field of every line. Version 2 moved the readouts
 * into their own object: in version 1 they were fields of the line itself, so a readout
 * named like a field of the line ("q", "step") made a second key of the same name. */
enum { TRACE_VERSION = 2 };

/* A JSON string's body: quotes, backslashes and control bytes escaped. */
static void print_escaped(FILE *f, const char *v)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

/* "key":number, or "key":null for a value that is not a finite number (JSON has no
 * infinity and no NaN). */
static void print_number(FILE *f, const char *key, double v)
{
    print_escaped(f, key);
    if (isfinite(v)) fprintf(f, ":%.17g", v);
    else fputs(":null", f);
}

static void print_string(FILE *f, const char *key, const char *v)
{
    print_escaped(f, key);
    fputc(':', f);
    print_escaped(f, v);
}

/* The start of every line, its version first: {"trace":2, */
static void print_open(FILE *f)
{
    fprintf(f, "{\"trace\":%d,", TRACE_VERSION);
}

static void print_scene(FILE *f, const xl_session *s)
{
    print_string(f, "scenario", xl_session_scenario(s)->id);
    if (xl_session_scenario(s)->gradient_free) return; /* nothing learns: no optimizer to name */
    fputc(',', f);
    print_string(f, "optimizer", xl_optim_kind_name(xl_sim_optimizer(xl_session_sim(s))->kind));
}

/* ,"readouts":{"name":value, ...}: every readout of the scenario, in the record's order.
 * A readout that is not defined yet (NaN: diffusion's ce_final before any measurement)
 * is null, as is one that is not finite, so every name is always there. The names are
 * the record's (xl_scenario_check keeps them plain and distinct); they are escaped
 * anyway, so a test's record with an odd name still makes valid JSON. */
static void print_readouts(FILE *f, const xl_session *s)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    double values[XL_READOUTS_MAX];
    xl_session_readouts(s, values);
    fputs(",\"readouts\":{", f);
    for (int i = 0; i < def->readout_count; i++) {
        if (i) fputc(',', f);
        print_number(f, def->readouts[i].name, values[i]);
    }
    fputc('}', f);
}

void ui_trace_step(FILE *f, const xl_session *s, const xl_sample *smp)
{
    print_open(f);
    fprintf(f, "\"step\":%ld,", smp->step);
    print_scene(f, s);
    print_readouts(f, s);
    fputc(',', f);
    print_number(f, "lr", smp->lr);
    fprintf(f, ",\"unit\":\"%s\",\"playing\":%s", xl_unit_name(xl_session_unit(s)),
            xl_session_playing(s) ? "true" : "false");
    xl_bars bars;
    xl_session_bars(s, &bars);
    fputs(",\"q\":[", f);
    for (int i = 0; i < bars.n; i++) fprintf(f, "%s%.17g", i ? "," : "", exp(bars.logq[i]));
    /* Surprise -log q_i in nats from log q, exact where q has underflowed to 0 (q_i is
     * printed as 0 for logits 800 apart, its surprise as 800). null would mean +inf. */
    fputs("],\"surprise\":[", f);
    for (int i = 0; i < bars.n; i++) {
        double v = xl_surprise_from_log(bars.logq[i], XL_NATS);
        if (isfinite(v)) fprintf(f, "%s%.17g", i ? "," : "", v);
        else fprintf(f, "%snull", i ? "," : "");
    }
    fputc(']', f);
    if (xl_session_racing(s)) {
        fputs(",\"race\":[", f);
        for (int r = 0; r < xl_session_run_count(s); r++) {
            const xl_sim *rs = xl_session_run_sim(s, r);
            fprintf(f, "%s{", r ? "," : "");
            print_string(f, "optimizer", xl_optim_kind_name(xl_sim_optimizer(rs)->kind));
            fputc(',', f);
            print_number(f, "loss", xl_sim_current(rs).loss);
            if (xl_sim_diverged_at(rs) >= 0) fprintf(f, ",\"diverged_at\":%ld", xl_sim_diverged_at(rs));
            fputc('}', f);
        }
        fputc(']', f);
    }
    if (xl_sim_diverged_at(xl_session_sim(s)) >= 0)
        fprintf(f, ",\"diverged_at\":%ld", xl_sim_diverged_at(xl_session_sim(s)));
    fputs("}\n", f);
    fflush(f);
}

void ui_trace_command(FILE *f, const xl_session *s, const ui_action *act, int ok)
{
    ui_trace_command_state(f, s, act, ok, NULL);
}

void ui_trace_command_state(FILE *f, const xl_session *s, const ui_action *act, int ok, const char *state_text)
{
    const xl_sim *sim = xl_session_sim(s);
    int a, b;
    xl_session_slice(s, &a, &b);
    char text[512], name[64];
    ui_action_format(act, text, sizeof text);
    snprintf(name, sizeof name, "%.*s", (int)strcspn(text, " "), text);
    print_open(f);
    print_string(f, "command", name);
    fputc(',', f);
    print_string(f, "text", text);
    fprintf(f, ",\"ok\":%s", ok ? "true" : "false");
    if (!ok) {
        fputc(',', f);
        print_string(f, "message", xl_session_message(s));
    }
    fprintf(f, ",\"step\":%ld,", xl_sim_steps(sim));
    print_scene(f, s);
    fputc(',', f);
    print_number(f, "lr", xl_sim_lr(sim));
    fprintf(f, ",\"unit\":\"%s\",\"playing\":%s,\"selected\":%d,\"slice\":[%d,%d],\"steps_per_second\":%d",
            xl_unit_name(xl_session_unit(s)), xl_session_playing(s) ? "true" : "false",
            xl_session_selected(s), a, b, xl_session_steps_per_second(s));
    xl_bars bars;
    xl_session_bars(s, &bars);
    fputs(",\"p\":[", f);
    for (int i = 0; i < bars.n; i++) fprintf(f, "%s%.17g", i ? "," : "", bars.p[i]);
    fputc(']', f);
    if (state_text) {
        fputc(',', f);
        print_string(f, "state_text", state_text);
        fprintf(f, ",\"state\":\"%016llx\"", (unsigned long long)xl_state_hash(s));
    }
    fputs("}\n", f);
    fflush(f);
}

void ui_trace_lesson(FILE *f, const xl_session *s, const char *event, const char *file, int page, int pages,
                     const char *phase)
{
    print_open(f);
    print_string(f, "lesson", event);
    fputc(',', f);
    print_string(f, "file", file ? file : "");
    fprintf(f, ",\"page\":%d,\"pages\":%d,", page, pages);
    print_string(f, "phase", phase);
    fprintf(f, ",\"step\":%ld,\"state\":\"%016llx\",", xl_sim_steps(xl_session_sim(s)), (unsigned long long)xl_state_hash(s));
    print_scene(f, s);
    print_readouts(f, s);
    fputs("}\n", f);
    fflush(f);
}

void ui_trace_class(FILE *f, const ui_trace_class_line *l)
{
    print_open(f);
    print_string(f, "class", l->kind);
    if (l->device >= 0) fprintf(f, ",\"device\":%d", l->device + 1);
    if (l->page >= 0 && l->question >= 0) fprintf(f, ",\"question\":\"%d.%d\"", l->page + 1, l->question + 1);
    if (l->option >= 0) fprintf(f, ",\"option\":%d", l->option + 1);
    if (l->shown >= 0) fprintf(f, ",\"shown\":%s", l->shown ? "true" : "false");
    fprintf(f, ",\"ok\":%s,\"joined\":%d", l->ok ? "true" : "false", l->joined);
    if (l->tally) {
        fprintf(f, ",\"voted\":%d,\"counts\":[", l->tally->voted);
        for (int k = 0; k < l->tally->noptions; k++) fprintf(f, "%s%d", k ? "," : "", l->tally->counts[k]);
        fputc(']', f);
    }
    fputs("}\n", f);
    fflush(f);
}

void ui_trace_class_status(FILE *f, double seconds, long frames, int joined, unsigned long requests,
                           unsigned long refused, unsigned long limited, int connections)
{
    print_open(f);
    print_string(f, "class", "status");
    fputc(',', f);
    print_number(f, "seconds", seconds);
    fprintf(f, ",\"frames\":%ld,\"joined\":%d,\"requests\":%lu,\"refused\":%lu,\"limited\":%lu,\"connections\":%d}\n",
            frames, joined, requests, refused, limited, connections);
    fflush(f);
}

void ui_trace_description(FILE *f, const xl_session *s, const char *text, const char *words)
{
    print_open(f);
    fprintf(f, "\"step\":%ld,", xl_sim_steps(xl_session_sim(s)));
    print_string(f, "description", text);
    fputc(',', f);
    print_string(f, "words", words);
    fputs("}\n", f);
    fflush(f);
}
