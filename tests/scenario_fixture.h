/* scenario_fixture: a session on one scenario with named parameters, its readouts by
 * name and commands by their text, for the scenario tests (test_scn_micro,
 * test_scn_diffusion), or at every default (test_session, test_undo, test_rewind,
 * test_pointer, test_lesson_view); and the generic scenes of every registered scenario, for the
 * tests that must cover a scenario the moment it is registered (test_labels,
 * test_landscape_panel). Included by one test file each; static inline, so a test that
 * uses only some of them builds without warnings. */
#ifndef SCENARIO_FIXTURE_H
#define SCENARIO_FIXTURE_H

#include <check.h>
#include <stdio.h>

#include "xl_command.h"
#include "xl_session.h"

/* A session at every default from seed: the softmax scenario, the built-in scene for
 * XL_BUILTIN_SEED. Fails the test if it cannot be created. */
static inline xl_session *default_session_at(uint64_t seed)
{
    xl_session_desc d;
    xl_session_desc_default(&d, seed);
    xl_session *s = xl_session_create(&d);
    ck_assert_ptr_nonnull(s);
    return s;
}

/* A session on def from seed, with the parameters names[i] = values[i] (i < n) and the
 * defaults for the others; fails the test if it cannot be created. */
static inline xl_session *scenario_session(const xl_scenario_def *def, uint64_t seed, const char *const *names,
                                           const double *values, int n)
{
    xl_session_desc d;
    xl_session_desc_default(&d, seed);
    xl_session_desc_set_scenario(&d, def);
    for (int i = 0; i < n; i++) {
        int k = xl_scenario_param_index(def, names[i]);
        ck_assert_msg(k >= 0, "%s has no parameter %s", def->id, names[i]);
        d.params[k] = values[i];
    }
    char err[192] = "";
    xl_session *s = xl_session_create_checked(&d, err, sizeof err);
    ck_assert_msg(s != NULL, "session: %s", err);
    return s;
}

/* The readout called name now (in nats where it is information). */
static inline double scenario_readout(const xl_session *s, const char *name)
{
    double v[XL_READOUTS_MAX];
    xl_session_readouts(s, v);
    int i = xl_scenario_readout_index(xl_session_scenario(s), name);
    ck_assert_msg(i >= 0, "no readout %s", name);
    return v[i];
}

/* Apply a command given by its text (which must parse); 1 if the session took it. */
static inline int scenario_apply(xl_session *s, const char *text)
{
    xl_command c;
    char err[160];
    ck_assert_msg(xl_scenario_parse_command(text, &c, err, sizeof err) == 0, "'%s': %s", text, err);
    return xl_session_apply(s, c);
}

/* The generic scenes of a registered scenario, as command lines for ui_cli_parse:
 * variant 0 runs it 40 steps at its defaults, variant 1 races the four optimizers for 30
 * (a scenario without a gradient says why it cannot race, and holds). */
enum { SCENARIO_SCENE_VARIANTS = 2 };

static inline void scenario_scene(int scenario, int variant, char *buf, size_t n)
{
    ck_assert_int_lt(scenario, xl_scenario_count());
    const char *id = xl_scenario_at(scenario)->id;
    if (variant == 0)
        snprintf(buf, n, "--scenario %s --steps 40", id);
    else
        snprintf(buf, n, "--scenario %s --race gd,momentum,nesterov,adam --steps 30", id);
}

#endif
