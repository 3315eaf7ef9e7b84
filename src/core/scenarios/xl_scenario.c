/* xl_scenario: the registry of built-in scenarios (see xl_scenario.h). */
#include "xl_scenario.h"

#include <assert.h>
#include <string.h>

#include "xl_scn_diffusion.h"
#include "xl_scn_gaussian.h"
#include "xl_scn_micro.h"
#include "xl_scn_logistic.h"
#include "xl_scn_softmax.h"
#include "xl_scn_weighted.h"

/* The order S cycles them in. */
static const xl_scenario_def *const registry[] = {
    &xl_scenario_softmax,
    &xl_scenario_logistic,
    &xl_scenario_weighted,
    &xl_scenario_gaussian,
    &xl_scenario_micro,
    &xl_scenario_diffusion,
};
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
