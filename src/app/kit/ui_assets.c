/* ui_assets: asset search (see ui_assets.h). */
#include "ui_assets.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl_scenario.h"

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

/* The whole of path, or NULL (unreadable, or larger than UI_ASSETS_DATA_MAX). Owned by
 * the caller. */
static void *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    unsigned char *buf = NULL;
    size_t used = 0, cap = 0;
    int ok = 0;
    for (;;) {
        if (used == cap) {
            size_t grown = cap ? cap * 2 : 65536;
            unsigned char *b = grown <= UI_ASSETS_DATA_MAX ? realloc(buf, grown) : NULL;
            if (b == NULL) break;
            buf = b;
            cap = grown;
        }
        size_t got = fread(buf + used, 1, cap - used, f);
        used += got;
        if (got == 0) {
            ok = feof(f) && !ferror(f);
            break;
        }
    }
    fclose(f);
    if (!ok) {
        free(buf);
        return NULL;
    }
    *size = used;
    return buf;
}

int ui_assets_load_scenario_data(void)
{
    char fonts[2048], tried[4096];
    if (ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) != 0) return 0;
    char *slash = strrchr(fonts, '/');
    if (slash) *slash = '\0'; /* the assets folder */
    int loaded = 0;
    for (int i = 0; i < xl_scenario_count(); i++) {
        const xl_scenario_def *def = xl_scenario_at(i);
        for (int f = 0; f < xl_scenario_data_count(def); f++) {
            size_t size = 0;
            if (xl_scenario_data(def, f, &size) != NULL) continue;
            char path[2304];
            snprintf(path, sizeof path, "%s/data/%s", fonts, def->data_files[f]);
            void *bytes = read_all(path, &size);
            /* A file that cannot be read is recorded with its path and no bytes: the
             * scenario's init then refuses, naming where the file was looked for. */
            if (xl_scenario_set_data(def, f, bytes, bytes ? size : 0, path) != 0) {
                free(bytes);
                continue;
            }
            if (bytes) loaded++; /* kept until exit: every session may read it */
        }
    }
    return loaded;
}
