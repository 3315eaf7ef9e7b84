/* controls_where: where the control strip's buttons are in a W x H frame of the default
 * scene, one line each: "COMMAND X Y" (the button's centre in frame pixels), for
 * tests/test_controls.sh to click them in a real window. The strip's buttons keep their
 * places whatever the numbers and the scenario (ui_controls.c), so the frame drawn here
 * is the window's.
 *
 *   controls_where W H [dark] [ratio=R] [boxes]
 *
 * ratio=R: R frame pixels per window point (a browser's devicePixelRatio; 1 unless
 * given), which sets the buttons' fingertip floor. boxes: each line also gives the
 * button's width and height, "COMMAND X Y W H" (tests/web/test_web.py). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "ui_assets.h"
#include "ui_scene.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: controls_where W H [dark]\n");
        return 2;
    }
    const int w = atoi(argv[1]), h = atoi(argv[2]);
    char fonts[2048], tried[4096], err[512];
    if (ui_assets_find_fonts(fonts, sizeof fonts, tried, sizeof tried) != 0) {
        fprintf(stderr, "controls_where: fonts not found; tried:\n%s", tried);
        return 1;
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    ui_scene *sc = r ? ui_scene_create(r, fonts, err, sizeof err) : NULL;
    xl_session_desc desc;
    xl_session_desc_default(&desc, XL_BUILTIN_SEED);
    xl_session *s = xl_session_create(&desc);
    if (!sc || !s) {
        fprintf(stderr, "controls_where: cannot draw a frame: %s\n", err);
        return 1;
    }
    int dark = 0, boxes = 0;
    float ratio = 1.0f;
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "dark") == 0)
            dark = 1;
        else if (strcmp(argv[i], "boxes") == 0)
            boxes = 1;
        else if (strncmp(argv[i], "ratio=", 6) == 0)
            ratio = (float)atof(argv[i] + 6);
    }
    const ui_view view = {.theme = dark ? UI_THEME_DARK : UI_THEME_LIGHT, .zoom = 1.0f, .px_per_point = ratio};
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "controls_where: SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    static ui_frame_geom g;
    ui_scene_draw(sc, s, &view, w, h, &g);
    for (int i = 0; i < g.controls.n; i++) {
        const SDL_Rect b = g.controls.rect[i];
        printf("%s %d %d", xl_command_name(g.controls.action[i].cmd.kind), g.scene.x + b.x + b.w / 2,
               g.scene.y + b.y + b.h / 2);
        if (boxes)
            printf(" %d %d", b.w, b.h);
        printf("\n");
    }
    xl_session_destroy(s);
    ui_scene_destroy(sc);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(surface);
    return 0;
}
