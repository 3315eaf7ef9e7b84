/* xl_scenario: the registry of scenarios (see xl_scenario.h). */
#include "xl_scenario.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* The registry: one line per scenario, in the order S cycles them. A scenario NAME's
 * record is xl_scenario_NAME, in its own xl_scn_NAME.c (docs/architecture.md, "Adding a
 * scenario"). */
#define XL_SCENARIOS(X) \
    X(softmax)          \
    X(logistic)         \
    X(weighted)         \
    X(gaussian)         \
    X(micro)            \
    X(diffusion)        \
    X(solids)           \
    X(regression)
/* More, after these, for a program built with them: the test program xentlab-plugin
 * adds the worked example (tests/meson.build: -D'XL_EXTRA_SCENARIOS(X)=X(coin)'). */
#ifndef XL_EXTRA_SCENARIOS
#define XL_EXTRA_SCENARIOS(X)
#endif

#define DECLARE(name) extern const xl_scenario_def xl_scenario_##name;
XL_SCENARIOS(DECLARE)
XL_EXTRA_SCENARIOS(DECLARE)
#define ENTRY(name) &xl_scenario_##name,
static const xl_scenario_def *const registry[] = {XL_SCENARIOS(ENTRY) XL_EXTRA_SCENARIOS(ENTRY)};
enum { REGISTRY_COUNT = (int)(sizeof registry / sizeof registry[0]) };
_Static_assert((int)REGISTRY_COUNT <= (int)XL_SCENARIOS_MAX, "the parser's tables hold XL_SCENARIOS_MAX scenarios");

int xl_scenario_count(void)
{
    return REGISTRY_COUNT;
}

const xl_scenario_def *xl_scenario_at(int i)
{
    assert(i >= 0 && i < REGISTRY_COUNT);
    return registry[i];
}

const xl_scenario_def *xl_scenario_find(const char *id)
{
    assert(id != NULL);
    for (int i = 0; i < REGISTRY_COUNT; i++)
        if (strcmp(registry[i]->id, id) == 0)
            return registry[i];
    return NULL;
}

/* Data handed over by the app, by record and file index (a test's record as well as a
 * built-in). */
static struct {
    const xl_scenario_def *def;
    int index;
    const void *bytes;
    size_t size;
    char path[XL_SCENARIO_DATA_PATH];
} data[XL_SCENARIO_DATA_MAX];
static int data_count;

int xl_scenario_data_count(const xl_scenario_def *def)
{
    assert(def != NULL);
    int n = 0;
    if (def->data_files)
        while (n < XL_SCENARIO_DATA_FILES_MAX && def->data_files[n] != NULL) n++;
    return n;
}

static int data_slot(const xl_scenario_def *def, int index)
{
    for (int i = 0; i < data_count; i++)
        if (data[i].def == def && data[i].index == index)
            return i;
    return -1;
}

int xl_scenario_set_data(const xl_scenario_def *def, int index, const void *bytes, size_t size, const char *path)
{
    assert(def != NULL && (bytes != NULL || size == 0));
    if (index < 0 || index >= XL_SCENARIO_DATA_FILES_MAX)
        return -1;
    int i = data_slot(def, index);
    if (i < 0) {
        if (data_count >= XL_SCENARIO_DATA_MAX)
            return -1;
        i = data_count++;
    }
    data[i].def = def;
    data[i].index = index;
    data[i].bytes = bytes;
    data[i].size = size;
    snprintf(data[i].path, sizeof data[i].path, "%s", path ? path : "");
    return 0;
}

const void *xl_scenario_data(const xl_scenario_def *def, int index, size_t *size)
{
    assert(def != NULL && size != NULL);
    int i = data_slot(def, index);
    *size = i >= 0 ? data[i].size : 0;
    return i >= 0 ? data[i].bytes : NULL;
}

const char *xl_scenario_data_path(const xl_scenario_def *def, int index)
{
    assert(def != NULL);
    if (index < 0 || index >= xl_scenario_data_count(def))
        return NULL;
    int i = data_slot(def, index);
    if (i >= 0 && data[i].path[0])
        return data[i].path;
    /* Never looked for (a test's record, or no assets folder found): its name, as
     * data_files gives it (static storage, so any thread may ask). */
    return def->data_files[index];
}

int xl_scenario_param_index(const xl_scenario_def *def, const char *name)
{
    assert(def != NULL && name != NULL);
    for (int i = 0; i < def->param_count; i++)
        if (strcmp(def->params[i].name, name) == 0)
            return i;
    return -1;
}

int xl_scenario_readout_index(const xl_scenario_def *def, const char *name)
{
    assert(def != NULL && name != NULL);
    for (int i = 0; i < def->readout_count; i++)
        if (strcmp(def->readouts[i].name, name) == 0)
            return i;
    return -1;
}

/* Readout names are the keys of the trace's "readouts" object and the NAME of lesson
 * `expect NAME = ...`; parameter names are what --param NAME=VALUE splits at '='. A
 * name with a blank, a quote or an '=' would be written but not read back, and a name
 * used twice would make two JSON keys of one object, which readers take silently. */
int xl_scenario_check(const xl_scenario_def *def, char *err, size_t errlen)
{
    assert(def != NULL && err != NULL);
    enum { NAME_MAX_BYTES = 31 };
    if (def->readout_count < 1 || def->readout_count > XL_READOUTS_MAX || def->readouts == NULL) {
        snprintf(err, errlen, "%d readouts: a scenario has 1 to %d", def->readout_count, XL_READOUTS_MAX);
        return -1;
    }
    if (def->param_count < 0 || def->param_count > XL_SCENARIO_PARAMS_MAX ||
        (def->param_count > 0 && def->params == NULL)) {
        snprintf(err, errlen, "%d parameters: a scenario has 0 to %d", def->param_count, XL_SCENARIO_PARAMS_MAX);
        return -1;
    }
    /* The two tables of names, checked the same way. */
    for (int table = 0; table < 2; table++) {
        const char *what = table == 0 ? "readout" : "parameter";
        const int count = table == 0 ? def->readout_count : def->param_count;
        for (int i = 0; i < count; i++) {
            const char *name = table == 0 ? def->readouts[i].name : def->params[i].name;
            if (name == NULL || name[0] == '\0') {
                snprintf(err, errlen, "%s %d has no name", what, i);
                return -1;
            }
            size_t len = strlen(name);
            size_t plain = strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
            if (plain != len || len > NAME_MAX_BYTES || strchr("0123456789-", name[0]) != NULL) {
                snprintf(err, errlen,
                         "%s %d '%.40s': a name is 1 to %d letters, digits, '-' or '_', not starting with a digit "
                         "or '-'",
                         what, i, name, NAME_MAX_BYTES);
                return -1;
            }
            for (int j = 0; j < i; j++) {
                const char *other = table == 0 ? def->readouts[j].name : def->params[j].name;
                if (strcmp(other, name) == 0) {
                    snprintf(err, errlen, "%s %d '%s' has the name of %s %d", what, i, name, what, j);
                    return -1;
                }
            }
        }
    }
    return 0;
}

int xl_scenario_verb_tables(xl_verb_table *out, int cap)
{
    assert(out != NULL || cap == 0);
    int n = 0;
    for (int i = 0; i < REGISTRY_COUNT && n < cap; i++)
        out[n++] = (xl_verb_table){registry[i]->id, registry[i]->verbs, registry[i]->verb_count};
    return n;
}

int xl_scenario_parse_command(const char *text, xl_command *out, char *err, size_t errlen)
{
    /* Built on the stack each time: a few dozen bytes, and no table to keep in step. */
    xl_verb_table tables[XL_SCENARIOS_MAX];
    const xl_vocab v = {tables, xl_scenario_verb_tables(tables, XL_SCENARIOS_MAX)};
    return xl_command_parse_in(&v, text, out, err, errlen);
}

xl_command xl_scenario_command(const xl_scenario_def *current, const char *name)
{
    if (name == NULL)
        return xl_command_make(XL_CMD_NONE);
    const xl_command_kind k = xl_command_find(name, strlen(name));
    if (k != XL_CMD_NONE)
        return xl_command_make(k);
    const int own = current ? xl_scenario_verb_index(current, name) : -1;
    if (own >= 0)
        return xl_command_verb(&current->verbs[own]);
    for (int i = 0; i < REGISTRY_COUNT; i++) {
        const int v = xl_scenario_verb_index(registry[i], name);
        if (v >= 0)
            return xl_command_verb(&registry[i]->verbs[v]);
    }
    return xl_command_make(XL_CMD_NONE);
}

int xl_scenario_verb_index(const xl_scenario_def *def, const char *name)
{
    assert(def != NULL && name != NULL);
    const xl_verb_table t = {def->id, def->verbs, def->verb_count};
    return xl_verb_table_index(&t, name);
}

int xl_scenario_verb_owners(const char *name, char *buf, size_t n)
{
    assert(name != NULL && buf != NULL && n > 0);
    int count = 0;
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < REGISTRY_COUNT; i++) {
        if (xl_scenario_verb_index(registry[i], name) < 0)
            continue;
        int w = snprintf(buf + used, n - used, "%s%s", count ? ", " : "", registry[i]->id);
        used += w < 0 ? 0 : (size_t)w;
        if (used >= n)
            used = n - 1;
        count++;
    }
    return count;
}

/* Every hint_bar name is a shared command or one of def's verbs with a hint. */
static int check_hints(const xl_scenario_def *def, char *err, size_t errlen)
{
    for (const char *const *h = def->hint_bar; h && *h; h++) {
        const int v = xl_scenario_verb_index(def, *h);
        if (v >= 0 ? def->verbs[v].hint != NULL : xl_command_find(*h, strlen(*h)) != XL_CMD_NONE)
            continue;
        if (err && errlen)
            snprintf(err, errlen, "%s: the hint bar names '%s', which is neither a shared command nor a verb of "
                     "it with a hint", def->id, *h);
        return -1;
    }
    return 0;
}

int xl_scenario_check_def(const xl_scenario_def *def, char *err, size_t errlen)
{
    assert(def != NULL);
    xl_verb_table tables[XL_SCENARIOS_MAX + 1];
    int n = xl_scenario_verb_tables(tables, XL_SCENARIOS_MAX);
    int registered = 0;
    for (int i = 0; i < REGISTRY_COUNT; i++)
        registered |= registry[i] == def;
    if (!registered)
        tables[n++] = (xl_verb_table){def->id, def->verbs, def->verb_count};
    const xl_vocab v = {tables, n};
    if ((def->verb_count > 0) != (def->verbs != NULL) || (def->verb_count > 0 && def->apply == NULL)) {
        if (err && errlen)
            snprintf(err, errlen, "%s: verbs and verb_count disagree, or verbs without apply", def->id);
        return -1;
    }
    if (xl_vocab_check(&v, err, errlen) != 0)
        return -1;
    return check_hints(def, err, errlen);
}

int xl_scenario_check_registry(char *err, size_t errlen)
{
    for (int i = 0; i < REGISTRY_COUNT; i++)
        if (xl_scenario_check_def(registry[i], err, errlen) != 0)
            return -1;
    return 0;
}
