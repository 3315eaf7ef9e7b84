/* check_main: the shared main() of the Check test programs (see check_main.h).
 * Built twice by tests/meson.build: plain for the core tests, with XL_TEST_SDL for the
 * app tests, which need SDL up (fonts, surfaces, renderers) while their tests run. */
#include "check_main.h"

#include <stdlib.h>

#ifdef XL_TEST_SDL
#include <stdio.h>

#include <SDL.h>
#endif

void xl_test_add_cases(Suite *s, const xl_test_case *cases, size_t n, double timeout)
{
    for (size_t i = 0; i < n; i++) {
        TCase *tc = tcase_create(cases[i].name);
        if (timeout > 0) tcase_set_timeout(tc, timeout);
        tcase_add_test(tc, cases[i].fn);
        suite_add_tcase(s, tc);
    }
}

int main(void)
{
    /* The suite first: a test may set what has to precede SDL_Init while building it. */
    Suite *suite = xl_test_suite();
    if (!suite) return EXIT_FAILURE;
#ifdef XL_TEST_SDL
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return EXIT_FAILURE;
    }
#endif
    SRunner *sr = srunner_create(suite);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
#ifdef XL_TEST_SDL
    SDL_Quit();
#endif
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
