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
    X(diffusion)
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

/* Data handed over by the app, by record (a test's record as well as a built-in). */
static struct {
    const xl_scenario_def *def;
    const void *bytes;
    size_t size;
} data[XL_SCENARIO_DATA_MAX];
static int data_count;

int xl_scenario_set_data(const xl_scenario_def *def, const void *bytes, size_t size)
{
    assert(def != NULL && (bytes != NULL || size == 0));
    for (int i = 0; i < data_count; i++)
        if (data[i].def == def) {
            data[i].bytes = bytes;
            data[i].size = size;
            return 0;
        }
    if (data_count >= XL_SCENARIO_DATA_MAX)
        return -1;
    data[data_count].def = def;
    data[data_count].bytes = bytes;
    data[data_count].size = size;
    data_count++;
    return 0;
}

const void *xl_scenario_data(const xl_scenario_def *def, size_t *size)
{
    assert(def != NULL && size != NULL);
    for (int i = 0; i < data_count; i++)
        if (data[i].def == def) {
            *size = data[i].size;
            return data[i].bytes;
        }
    *size = 0;
    return NULL;
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
