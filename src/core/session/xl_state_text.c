/* xl_state_text: the state as a text, written from the session's start and log and
 * opened by replaying them (see xl_state_text.h for the format and why). */
#include "xl_state_text.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { VALUE_MAX = XL_COMMAND_NAME_MAX + 64, KEY_MAX = 8 };
/* The most steps one n: field may say (the work bound refuses far fewer). */
#define STEPS_MAX 1000000000000ULL

static uint64_t fnv(uint64_t h, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

uint64_t xl_state_hash(const xl_session *s)
{
    assert(s != NULL);
    uint64_t h = fnv(1469598103934665603ULL, xl_session_state(s), xl_session_scenario(s)->state_size);
    xl_model m = xl_session_model(s);
    const int np = m.ops->param_count(m.self);
    for (int r = 0; r < xl_session_run_count(s); r++) {
        const xl_sim *sim = xl_session_run_sim(s, r);
        long steps = xl_sim_steps(sim);
        h = fnv(h, &steps, sizeof steps);
        h = fnv(h, xl_sim_theta(sim), (size_t)np * sizeof(double));
    }
    return h;
}

static int fail(char *err, size_t errlen, const char *fmt, const char *a)
{
    if (err && errlen)
        snprintf(err, errlen, fmt, a);
    return -1;
}

/* ---- writing ---- */

/* Text appended to a caller's buffer; `over` once it would not fit. */
typedef struct writer {
    char *buf;
    size_t n, used;
    int over;
} writer;

static void put(writer *w, const char *text, size_t len)
{
    if (w->over || w->used + len + 1 > w->n || w->used + len + 1 > XL_STATE_TEXT_MAX) {
        w->over = 1;
        return;
    }
    memcpy(w->buf + w->used, text, len);
    w->used += len;
    w->buf[w->used] = '\0';
}

static void puts_(writer *w, const char *text)
{
    put(w, text, strlen(text));
}

/* The bytes a value may hold as themselves; a blank is '_', anything else %XX. */
static int plain_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == ',';
}

static void put_escaped(writer *w, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        char one[4];
        if (plain_byte(*p)) {
            one[0] = (char)*p;
            put(w, one, 1);
        } else if (*p == ' ') {
            put(w, "_", 1);
        } else {
            snprintf(one, sizeof one, "%%%02X", *p);
            put(w, one, 3);
        }
    }
}

/* The shortest of %.15g..%.17g that reads back as v, without the exponent's '+'. */
static void put_real(writer *w, double v)
{
    char num[40] = "0";
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(num, sizeof num, "%.*g", digits, v);
        if (strtod(num, NULL) == v)
            break;
    }
    for (const char *p = num; *p; p++)
        if (*p != '+')
            put(w, p, 1);
}

static void put_field(writer *w, const char *key)
{
    puts_(w, "~");
    puts_(w, key);
    puts_(w, ":");
}

static void put_long(writer *w, long long v)
{
    char num[32];
    snprintf(num, sizeof num, "%lld", v);
    puts_(w, num);
}

static void put_start(writer *w, const xl_session_desc *d)
{
    const xl_scenario_def *def = d->scenario;
    put_field(w, "s");
    put_escaped(w, def->id);
    int custom = 0;
    for (int i = 0; i < def->param_count; i++)
        custom |= d->params[i] != def->params[i].def;
    if (custom) {
        put_field(w, "a");
        for (int i = 0; i < def->param_count; i++) {
            if (i)
                puts_(w, ",");
            put_real(w, d->params[i]);
        }
    }
    if (d->seed != 0) {
        char num[32];
        snprintf(num, sizeof num, "%llu", (unsigned long long)d->seed);
        put_field(w, "seed");
        puts_(w, num);
    }
    for (int i = 0; i < d->setup_count && i < XL_SETUP_MAX; i++) {
        char text[VALUE_MAX];
        xl_command_format(&d->setup[i], text, sizeof text);
        put_field(w, "u");
        put_escaped(w, text);
    }
    if (d->lr != XL_DEFAULT_LR) {
        put_field(w, "lr");
        put_real(w, d->lr);
    }
    if (d->optimizer != XL_OPTIM_GD) {
        put_field(w, "o");
        puts_(w, xl_optim_kind_name(d->optimizer));
    }
    const xl_optim_hyper *h = &d->hyper;
    if (h->mu != 0.0 || h->beta1 != 0.0 || h->beta2 != 0.0 || h->eps != 0.0) {
        put_field(w, "hy");
        const double v[4] = {h->mu, h->beta1, h->beta2, h->eps};
        for (int i = 0; i < 4; i++) {
            if (i)
                puts_(w, ",");
            put_real(w, v[i]);
        }
    }
    if (d->race_count >= 2) {
        put_field(w, "r");
        for (int i = 0; i < d->race_count && i < XL_RACE_MAX; i++) {
            if (i)
                puts_(w, ",");
            puts_(w, xl_optim_kind_name(d->race[i]));
        }
    }
    if (d->steps_per_second != XL_DEFAULT_STEPS_PER_SECOND) {
        put_field(w, "sps");
        put_long(w, d->steps_per_second);
    }
}

long xl_state_text_write(const xl_session *s, char *buf, size_t n, char *err, size_t errlen)
{
    assert(s != NULL && buf != NULL && n > 0);
    buf[0] = '\0';
    char why[160];
    if (!xl_session_log_ok(s, why, sizeof why))
        return fail(err, errlen, "%s", why);
    writer w = {buf, n, 0, 0};
    char version[16];
    snprintf(version, sizeof version, "xl%d", XL_STATE_VERSION);
    puts_(&w, version);
    put_start(&w, xl_session_start_desc(s));
    for (int i = 0; i < xl_session_log_count(s); i++) {
        xl_session_log_entry e = xl_session_log_at(s, i);
        if (e.steps > 0) {
            put_field(&w, "n");
            put_long(&w, e.steps);
        }
        if (e.command) {
            put_field(&w, "c");
            put_escaped(&w, e.command);
        }
        if (e.halt)
            puts_(&w, "~x:1");
    }
    char hash[24];
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)xl_state_hash(s));
    put_field(&w, "h");
    puts_(&w, hash);
    if (w.over) {
        buf[0] = '\0';
        return fail(err, errlen, "%s", "the state's text is longer than a link holds (64 KiB): too many edits");
    }
    return (long)w.used;
}

/* ---- reading ---- */

/* The fields of a text, one at a time. */
typedef struct reader {
    const char *p;
    size_t len, pos;
    int index;  /* fields read so far */
} reader;

static int text_byte(unsigned char c)
{
    return plain_byte(c) || c == '~' || c == ':' || c == '_' || c == '%';
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The next field's key and its value, unescaped. 1, 0 at the end, -1 with the reason. */
static int next_field(reader *r, char *key, char *value, char *err, size_t errlen)
{
    if (r->pos >= r->len)
        return 0;
    if (r->p[r->pos] != '~')
        return fail(err, errlen, "%s", "fields are separated by '~'");
    r->pos++;
    r->index++;
    size_t k = 0;
    while (r->pos < r->len && r->p[r->pos] != ':' && r->p[r->pos] != '~') {
        char c = r->p[r->pos++];
        if (!(c >= 'a' && c <= 'z') || k + 1 >= KEY_MAX) {
            char what[64];
            snprintf(what, sizeof what, "field %d: a key is 1 to %d lowercase letters", r->index, KEY_MAX - 1);
            return fail(err, errlen, "%s", what);
        }
        key[k++] = c;
    }
    key[k] = '\0';
    if (k == 0 || r->pos >= r->len || r->p[r->pos] != ':') {
        char what[64];
        snprintf(what, sizeof what, "field %d is not KEY:VALUE", r->index);
        return fail(err, errlen, "%s", what);
    }
    r->pos++;
    size_t v = 0;
    while (r->pos < r->len && r->p[r->pos] != '~') {
        char c = r->p[r->pos++];
        int byte = c;
        if (c == ':') {
            char what[80];
            snprintf(what, sizeof what, "field %d (%s): a ':' inside a value is written %%3A", r->index, key);
            return fail(err, errlen, "%s", what);
        }
        if (c == '_') {
            byte = ' ';
        } else if (c == '%') {
            int hi = r->pos < r->len ? hex_digit(r->p[r->pos]) : -1;
            int lo = r->pos + 1 < r->len ? hex_digit(r->p[r->pos + 1]) : -1;
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
                char what[80];
                snprintf(what, sizeof what, "field %d (%s): '%%' must be followed by two hex digits, not 00",
                         r->index, key);
                return fail(err, errlen, "%s", what);
            }
            byte = hi * 16 + lo;
            r->pos += 2;
        }
        if (v + 1 >= VALUE_MAX) {
            char what[80];
            snprintf(what, sizeof what, "field %d (%s) is longer than %d bytes", r->index, key, VALUE_MAX - 1);
            return fail(err, errlen, "%s", what);
        }
        value[v++] = (char)byte;
    }
    value[v] = '\0';
    return 1;
}

/* A whole number 0..max, digits only. */
static int parse_count(const char *v, unsigned long long max, unsigned long long *out)
{
    unsigned long long n = 0;
    if (!*v || strlen(v) > 20)
        return -1;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        unsigned d = (unsigned)(*p - '0');
        if (n > (max - d) / 10)
            return -1;
        n = n * 10 + d;
    }
    *out = n;
    return 0;
}

/* Comma-separated reals into out[0..cap-1]; how many, or -1. */
static int parse_reals(const char *v, double *out, int cap)
{
    int count = 0;
    const char *p = v;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (count >= cap || xl_parse_real(p, len, &out[count]) != 0)
            return -1;
        count++;
        if (!comma)
            return count;
        p = comma + 1;
    }
}

/* Why a field's value was refused: "field 3 (lr): ...". */
static int refuse_field(char *err, size_t errlen, const reader *r, const char *key, const char *why)
{
    if (err && errlen)
        snprintf(err, errlen, "field %d (%s): %s", r->index, key, why);
    return -1;
}

/* One header field into d. 0, or -1 with the reason. */
static int read_start_field(xl_session_desc *d, const reader *r, const char *key, const char *v, char *err,
                            size_t errlen)
{
    if (!strcmp(key, "s")) {
        const xl_scenario_def *def = xl_scenario_find(v);
        if (def == NULL) {
            char why[96];
            snprintf(why, sizeof why, "this xentlab has no scenario '%.40s'", v);
            return refuse_field(err, errlen, r, key, why);
        }
        xl_session_desc_set_scenario(d, def);
        return 0;
    }
    if (d->scenario == NULL)
        return refuse_field(err, errlen, r, key, "the scenario (s:) comes first");
    if (!strcmp(key, "a")) {
        double params[XL_SCENARIO_PARAMS_MAX];
        int count = parse_reals(v, params, XL_SCENARIO_PARAMS_MAX);
        if (count != d->scenario->param_count) {
            char why[160];
            /* Say which: a wrong count, or a value that is no plain finite decimal (nan, 1e999). */
            if (count < 0)
                snprintf(why, sizeof why, "the %s takes %d numbers, plain finite decimals: '%.40s' has one that is not",
                         d->scenario->id, d->scenario->param_count, v);
            else
                snprintf(why, sizeof why, "the %s takes %d numbers, not %d", d->scenario->id,
                         d->scenario->param_count, count);
            return refuse_field(err, errlen, r, key, why);
        }
        memcpy(d->params, params, (size_t)count * sizeof(double));
        return 0;
    }
    if (!strcmp(key, "seed")) {
        unsigned long long seed = 0;
        if (parse_count(v, UINT64_MAX, &seed) != 0)
            return refuse_field(err, errlen, r, key, "a seed is a whole number from 0 to 2^64 - 1");
        d->seed = (uint64_t)seed;
        return 0;
    }
    if (!strcmp(key, "u")) {
        xl_command cmd;
        char why[192];
        if (d->setup_count >= XL_SETUP_MAX)
            return refuse_field(err, errlen, r, key, "too many setup commands");
        if (xl_scenario_parse_command(v, &cmd, why, sizeof why) != 0)
            return refuse_field(err, errlen, r, key, why);
        return xl_session_desc_add_setup(d, cmd);
    }
    if (!strcmp(key, "lr")) {
        if (parse_reals(v, &d->lr, 1) != 1 || !(d->lr > 0.0))
            return refuse_field(err, errlen, r, key, "the learning rate is a number greater than 0");
        return 0;
    }
    if (!strcmp(key, "o")) {
        if (xl_optim_kind_parse(v, &d->optimizer) != 0)
            return refuse_field(err, errlen, r, key, "no such optimizer (gd, momentum, nesterov, adam)");
        return 0;
    }
    if (!strcmp(key, "hy")) {
        double h[4];
        if (parse_reals(v, h, 4) != 4 || h[0] < 0 || h[0] >= 1 || h[1] < 0 || h[1] >= 1 || h[2] < 0 || h[2] >= 1 ||
            h[3] < 0)
            return refuse_field(err, errlen, r, key, "momentum, beta1, beta2 in [0, 1) and eps >= 0");
        d->hyper.mu = h[0];
        d->hyper.beta1 = h[1];
        d->hyper.beta2 = h[2];
        d->hyper.eps = h[3];
        return 0;
    }
    if (!strcmp(key, "r")) {
        char names[VALUE_MAX];
        snprintf(names, sizeof names, "%s", v);
        d->race_count = 0;
        for (char *tok = names, *next; tok; tok = next) {
            next = strchr(tok, ',');
            if (next)
                *next++ = '\0';
            if (d->race_count >= XL_RACE_MAX || xl_optim_kind_parse(tok, &d->race[d->race_count]) != 0)
                return refuse_field(err, errlen, r, key, "a race is 2 to 4 optimizers");
            d->race_count++;
        }
        if (d->race_count < 2)
            return refuse_field(err, errlen, r, key, "a race is 2 to 4 optimizers");
        return 0;
    }
    if (!strcmp(key, "sps")) {
        unsigned long long sps = 0;
        if (parse_count(v, 240, &sps) != 0 || sps < 1)
            return refuse_field(err, errlen, r, key, "steps per second are 1 to 240");
        d->steps_per_second = (int)sps;
        return 0;
    }
    char why[64];
    snprintf(why, sizeof why, "unknown key '%s'", key);
    return refuse_field(err, errlen, r, key, why);
}

/* What a command of the log asks of the replay, in operations: a step's cost for
 * itself (it may re-initialize the scenario), plus the steps it takes. */
static double command_work(const xl_session *s, const xl_command *cmd)
{
    const double one = xl_session_step_cost(s);
    double steps = 1.0;
    if (cmd->kind == XL_CMD_RUN)
        steps += (double)cmd->n;
    else if (cmd->kind == XL_CMD_STEP)
        steps += 1.0;
    else if (cmd->kind == XL_CMD_REWIND || cmd->kind == XL_CMD_BACK) {
        long head = 0;
        xl_session_timeline(s, NULL, &head);
        steps += (double)head; /* re-simulation, at most from the start */
    }
    return steps * one;
}

static int over_work(char *err, size_t errlen, const xl_session *s, double used, double work)
{
    if (err && errlen)
        snprintf(err, errlen,
                 "reopening this state would take about %.3g operations of the %s (steps replayed); the bound is "
                 "%.3g",
                 used, xl_session_scenario(s)->id, work);
    return -1;
}

/* One log field on s. 0, 1 for the hash (then *hash), or -1 with the reason. */
static int replay_field(xl_session *s, const reader *r, const char *key, const char *v, double *used, double work,
                        uint64_t *hash, char *err, size_t errlen)
{
    if (!strcmp(key, "n")) {
        unsigned long long n = 0;
        if (parse_count(v, STEPS_MAX, &n) != 0 || n == 0)
            return refuse_field(err, errlen, r, key, "steps are a whole number from 1 to 10^12");
        *used += (double)n * xl_session_step_cost(s);
        if (*used > work)
            return over_work(err, errlen, s, *used, work);
        xl_session_step_calls(s, (long)n);
        return 0;
    }
    if (!strcmp(key, "c")) {
        xl_command cmd;
        char why[192];
        if (xl_scenario_parse_command(v, &cmd, why, sizeof why) != 0)
            return refuse_field(err, errlen, r, key, why);
        *used += command_work(s, &cmd);
        if (*used > work)
            return over_work(err, errlen, s, *used, work);
        xl_session_apply(s, cmd); /* refused or not, as it was when written */
        return 0;
    }
    if (!strcmp(key, "x")) {
        if (strcmp(v, "1") != 0)
            return refuse_field(err, errlen, r, key, "x takes 1");
        xl_session_halt(s);
        return 0;
    }
    if (!strcmp(key, "h")) {
        unsigned long long h = 0;
        if (strlen(v) != 16)
            return refuse_field(err, errlen, r, key, "the state hash is 16 hex digits");
        for (const char *p = v; *p; p++) {
            int d = hex_digit(*p);
            if (d < 0)
                return refuse_field(err, errlen, r, key, "the state hash is 16 hex digits");
            h = h * 16 + (unsigned)d;
        }
        *hash = h;
        return 1;
    }
    char why[64];
    snprintf(why, sizeof why, "unknown key '%s' (or a start field after the log began)", key);
    return refuse_field(err, errlen, r, key, why);
}

/* The text with blanks around it and a URL's '#' dropped; checks the characters and the
 * version. 0 and the reader on the first field, or -1. */
static int open_reader(const char *text, size_t len, reader *r, char *err, size_t errlen)
{
    if (text == NULL)
        return fail(err, errlen, "%s", "no text");
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == '\t'))
        len--;
    while (len > 0 && (*text == ' ' || *text == '\n' || *text == '\r' || *text == '\t' || *text == '#')) {
        text++;
        len--;
    }
    if (len >= XL_STATE_TEXT_MAX)
        return fail(err, errlen, "%s", "a state text is at most 64 KiB");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (!text_byte(c)) {
            char why[96];
            snprintf(why, sizeof why, "byte %zu (0x%02x) is not part of a state text (letters, digits, -.,~:_%%)", i,
                     c);
            return fail(err, errlen, "%s", why);
        }
    }
    if (len < 2 || text[0] != 'x' || text[1] != 'l')
        return fail(err, errlen, "%s", "not a xentlab state text (it starts with xl1~)");
    size_t v = 2;
    while (v < len && text[v] >= '0' && text[v] <= '9')
        v++;
    char version[16];
    snprintf(version, sizeof version, "%.*s", (int)(v - 2 < 8 ? v - 2 : 8), text + 2);
    if (v == 2 || (v < len && text[v] != '~'))
        return fail(err, errlen, "%s", "not a xentlab state text (it starts with xl1~)");
    if (strcmp(version, "1") != 0) {
        char why[128];
        snprintf(why, sizeof why, "this state text is version %s; this xentlab reads version %d", version,
                 XL_STATE_VERSION);
        return fail(err, errlen, "%s", why);
    }
    r->p = text;
    r->len = len;
    r->pos = v;
    r->index = 0;
    return 0;
}

xl_session *xl_state_text_open(const char *text, size_t len, int grid, double work, char *err, size_t errlen)
{
    if (err && errlen)
        err[0] = '\0';
    reader r;
    if (open_reader(text, len, &r, err, errlen) != 0)
        return NULL;
    char key[KEY_MAX];
    char *value = malloc(VALUE_MAX);
    if (value == NULL) {
        fail(err, errlen, "%s", "out of memory");
        return NULL;
    }
    xl_session_desc d;
    xl_session_desc_default(&d, 0);
    d.scenario = NULL;
    d.grid = grid;
    xl_session *s = NULL;
    double used = 0.0;
    uint64_t hash = 0;
    int got;
    while ((got = next_field(&r, key, value, err, errlen)) == 1) {
        if (!strcmp(key, "l") || !strcmp(key, "pg")) {
            fail(err, errlen, "%s", "this is a lesson's link: open the lesson (xl_state_text_lesson)");
            got = -1;
            break;
        }
        const int log_field = !strcmp(key, "n") || !strcmp(key, "c") || !strcmp(key, "x") || !strcmp(key, "h");
        if (s == NULL && !log_field) {
            if (read_start_field(&d, &r, key, value, err, errlen) != 0) {
                got = -1;
                break;
            }
            continue;
        }
        if (s == NULL) {
            if (d.scenario == NULL) {
                fail(err, errlen, "%s", "the text names no scenario (s:)");
                got = -1;
                break;
            }
            char why[192] = "";
            s = xl_session_create_checked(&d, why, sizeof why);
            if (s == NULL) {
                fail(err, errlen, "the start cannot be made: %s", why);
                got = -1;
                break;
            }
            used = xl_session_step_cost(s);
        }
        int h = replay_field(s, &r, key, value, &used, work, &hash, err, errlen);
        if (h < 0) {
            got = -1;
            break;
        }
        if (h == 1) {
            got = r.pos < r.len ? 2 : 3; /* the hash is the last field */
            break;
        }
    }
    free(value);
    if (got < 0)
        ; /* the reason is in err */
    else if (got == 2)
        fail(err, errlen, "%s", "the state hash (h:) must be the last field");
    else if (got == 0)
        fail(err, errlen, "%s", "the text ends before its state hash (h:): it was cut short");
    else if (xl_state_hash(s) != hash)
        fail(err, errlen, "%s",
             "replaying it does not arrive at the state it names (written by a xentlab whose numbers differ?)");
    else
        return s;
    xl_session_destroy(s);
    return NULL;
}

long xl_state_text_lesson_write(const char *name, int page, char *buf, size_t n)
{
    assert(name != NULL && buf != NULL && n > 0);
    buf[0] = '\0';
    if (!name[0] || strlen(name) >= XL_STATE_LESSON_MAX || page < 1)
        return -1;
    writer w = {buf, n, 0, 0};
    char head[16];
    snprintf(head, sizeof head, "xl%d~l:", XL_STATE_VERSION);
    puts_(&w, head);
    put_escaped(&w, name);
    put_field(&w, "pg");
    put_long(&w, page);
    if (w.over) {
        buf[0] = '\0';
        return -1;
    }
    return (long)w.used;
}

int xl_state_text_lesson(const char *text, size_t len, char *name, size_t n, int *page, char *err, size_t errlen)
{
    assert(name != NULL && n > 0 && page != NULL);
    name[0] = '\0';
    *page = 0;
    reader r;
    if (open_reader(text, len, &r, err, errlen) != 0)
        return -1;
    char key[KEY_MAX];
    char *value = malloc(VALUE_MAX);
    if (value == NULL)
        return fail(err, errlen, "%s", "out of memory");
    char *page_text = malloc(VALUE_MAX);
    int got = page_text ? next_field(&r, key, value, err, errlen) : -1;
    int result = 0;
    if (page_text == NULL)
        fail(err, errlen, "%s", "out of memory");
    if (got < 0) {
        result = -1;
    } else if (got == 1 && !strcmp(key, "l")) {
        unsigned long long pg = 0;
        if (!value[0] || strlen(value) >= XL_STATE_LESSON_MAX || strlen(value) >= n)
            result = fail(err, errlen, "%s", "a lesson's name is 1 to 255 bytes");
        else if (next_field(&r, key, page_text, err, errlen) != 1 || strcmp(key, "pg") != 0 ||
                 parse_count(page_text, 100000, &pg) != 0 || pg < 1 || r.pos < r.len)
            result = fail(err, errlen, "%s", "a lesson's link is xl1~l:NAME~pg:PAGE");
        else {
            snprintf(name, n, "%s", value);
            *page = (int)pg;
            result = 1;
        }
        if (result != 1)
            name[0] = '\0';
    }
    free(value);
    free(page_text);
    return result;
}
