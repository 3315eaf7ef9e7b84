/* xl_scenario: the registry of scenarios (see xl_scenario.h). */
#include "xl_scenario.h"

#include <assert.h>
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
