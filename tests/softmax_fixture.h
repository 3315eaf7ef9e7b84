/* softmax_fixture: what the tests of the softmax scenario read of a session running it
 * (its state, the classifier) and a desc set to N classes. The session knows no
 * scenario by name; the tests that check the softmax's numbers ask for it here. Static
 * inline, so a test that uses only some of them builds without warnings. */
#ifndef SOFTMAX_FIXTURE_H
#define SOFTMAX_FIXTURE_H

#include <check.h>

#include "xl_scn_softmax.h"
#include "xl_session.h"

/* The softmax's state in s, which must run the softmax. */
static inline const xl_softmax_state *fixture_softmax(const xl_session *s)
{
    ck_assert_ptr_eq(xl_session_scenario(s), &xl_scenario_softmax);
    return (const xl_softmax_state *)xl_session_state(s);
}

static inline const xl_classifier *fixture_classifier(const xl_session *s)
{
    return &fixture_softmax(s)->c;
}

/* The desc's softmax with n classes ("param classes=n"): bird names then "class k", a
 * uniform P, logits drawn from seed. */
static inline void fixture_set_classes(xl_session_desc *d, int n, uint64_t seed)
{
    xl_session_desc_set_scenario(d, &xl_scenario_softmax);
    d->params[xl_scenario_param_index(&xl_scenario_softmax, "classes")] = n;
    d->seed = seed;
}

/* A setup command with a list ("set-p", "set-logits") of v[0..n-1] added to d. */
static inline void fixture_setup_list(xl_session_desc *d, const char *name, const double *v, int n)
{
    xl_command c = xl_scenario_command(NULL, name);
    ck_assert_int_ne(c.kind, XL_CMD_NONE);
    c.count = n;
    for (int i = 0; i < n; i++)
        c.list[i] = v[i];
    ck_assert_int_eq(xl_session_desc_add_setup(d, c), 0);
}

/* A session from d, failing the test with the session's reason if it cannot start. */
static inline xl_session *fixture_create(const xl_session_desc *d)
{
    char err[256] = "";
    xl_session *s = xl_session_create_checked(d, err, sizeof err);
    ck_assert_msg(s != NULL, "session: %s", err);
    return s;
}

#endif
