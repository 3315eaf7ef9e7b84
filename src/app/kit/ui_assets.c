/* ui_assets: asset search (see ui_assets.h). */
#include "ui_assets.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef XL_SOURCE_ASSETS
#define XL_SOURCE_ASSETS "assets"
#endif
#ifndef XL_INSTALL_ASSETS
#define XL_INSTALL_ASSETS "/usr/local/share/xentlab"
#endif

static int try_dir(const char *assets, char *dir, size_t n, char *tried, size_t tn)
{
    char probe[2048];
    snprintf(probe, sizeof probe, "%s/fonts/DejaVuSans.ttf", assets);
    FILE *f = fopen(probe, "rb");
    if (f) {
        fclose(f);
        snprintf(dir, n, "%s/fonts", assets);
        return 1;
    }
    size_t used = strlen(tried);
    snprintf(tried + used, tn - used, "  %s\n", probe);
    return 0;
}

int ui_assets_find_fonts(char *dir, size_t n, char *tried, size_t tn)
{
    tried[0] = '\0';
    const char *env = getenv("XENTLAB_ASSETS");
    if (env && *env && try_dir(env, dir, n, tried, tn)) return 0;
    char *base = SDL_GetBasePath(); /* ends with a separator */
    if (base) {
        static const char *const rel[] = {"assets", "../assets", "../share/xentlab"};
        char cand[2048];
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(cand, sizeof cand, "%s%s", base, rel[i]);
            if (try_dir(cand, dir, n, tried, tn)) {
                SDL_free(base);
                return 0;
            }
        }
        SDL_free(base);
    }
    if (try_dir(XL_SOURCE_ASSETS, dir, n, tried, tn)) return 0;
    if (try_dir(XL_INSTALL_ASSETS, dir, n, tried, tn)) return 0;
    return -1;
}
