/* check_main: the shared main() of the Check test programs (see check_main.h).
 * Built twice by tests/meson.build: plain for the core tests, with XL_TEST_SDL for the
 * app tests, which need SDL up (fonts, surfaces, renderers) while their tests run. */
#include "check_main.h"

#include <stdlib.h>

#ifdef XL_TEST_DATA_DIR
#include <stdio.h>

#include "xl_scenario.h"
#endif

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

#ifdef XL_TEST_DATA_DIR
/* Every registered scenario's data files (xl_scenario_def.data_files), read from the
 * source tree's assets/data as the app reads them from its assets, so the registry-driven
 * tests run a scenario that needs data (the regression's iris and digits). The bytes stay
 * until the program exits; a file that cannot be read is recorded without bytes, and that
 * scenario's init says so. */
static void load_scenario_data(void)
{
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        for (int f = 0; f < xl_scenario_data_count(def); f++) {
            size_t size = 0;
            if (xl_scenario_data(def, f, &size) != NULL) continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", XL_TEST_DATA_DIR, def->data_files[f]);
            void *bytes = NULL;
            FILE *fp = fopen(path, "rb");
            if (fp != NULL && fseek(fp, 0, SEEK_END) == 0) {
                const long n = ftell(fp);
                if (n > 0 && fseek(fp, 0, SEEK_SET) == 0 && (bytes = malloc((size_t)n)) != NULL) {
                    size = fread(bytes, 1, (size_t)n, fp);
                    if (size != (size_t)n) {
                        free(bytes);
                        bytes = NULL;
                        size = 0;
                    }
                }
            }
            if (fp != NULL) fclose(fp);
            (void)xl_scenario_set_data(def, f, bytes, bytes ? size : 0, path);
        }
    }
}
#endif

int main(void)
{
#ifdef XL_TEST_DATA_DIR
    load_scenario_data();
#endif
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
