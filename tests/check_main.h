/* check_main: the one main() of every Check test program (tests/check_main.c).
 *
 * A test file defines its tests and one function, xl_test_suite(), that builds its
 * suite; check_main.c runs it with srunner_run_all in CK_NORMAL mode, so Check's own
 * environment (CK_FORK, CK_DEFAULT_TIMEOUT, CK_RUN_CASE, ...) works the same for every
 * program, and the exit status says whether every test passed. The app tests link the
 * build of it with SDL (check_app in tests/meson.build): SDL_Init(0) after the suite is
 * built, SDL_Quit after the run.
 *
 * A test that needs one thing done before the tests fork does it the Check way: an
 * unchecked fixture (tcase_add_unchecked_fixture), run in the runner's process around
 * its TCase. The one exception is what must come before SDL_Init (SDL's memory
 * functions, an SDL subsystem): that goes in xl_test_suite itself.
 */
#ifndef CHECK_MAIN_H
#define CHECK_MAIN_H

#include <check.h>
#include <stddef.h>

/* Defined by each test program: its suite, newly created (the runner frees it with
 * its SRunner). Called first, before SDL_Init in the app tests. NULL means the program
 * cannot run at all, and it exits with failure. */
Suite *xl_test_suite(void);

/* One test that stands alone in a TCase named after what it checks. */
typedef struct xl_test_case {
    const char *name;
    const TTest *fn;
} xl_test_case;

/* Add a TCase to s for each of cases[0..n), each with a timeout of timeout seconds
 * (0 keeps Check's default, CK_DEFAULT_TIMEOUT). */
void xl_test_add_cases(Suite *s, const xl_test_case *cases, size_t n, double timeout);

/* The same for a table whose size the compiler knows. */
#define XL_TEST_ADD_CASES(s, cases, timeout) \
    xl_test_add_cases((s), (cases), sizeof(cases) / sizeof((cases)[0]), (timeout))

#endif
