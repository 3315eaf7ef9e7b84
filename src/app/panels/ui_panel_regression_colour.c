/* ui_panel_regression_colour: the colours both regression panels share (see
 * ui_panel_regression.h): the classes, the regions' tints, the digits' greys and the
 * weights' diverging map. */
#include "ui_panel_regression.h"

#include <math.h>

#include "ui_draw.h"

SDL_Color ui_regression_class_colour(const ui_theme *th, int k)
{
    /* Okabe-Ito, in the order that keeps the first three (iris) far apart; the dark
     * theme swaps the two blues as its truth colour does, so class 0 stays readable. */
    static const SDL_Color light[UI_REGRESSION_CLASSES_MAX] = {
        {0x00, 0x72, 0xB2, 255}, {0xE6, 0x9F, 0x00, 255}, {0xCC, 0x79, 0xA7, 255}, {0x00, 0x9E, 0x73, 255},
        {0xD5, 0x5E, 0x00, 255}, {0x56, 0xB4, 0xE9, 255}, {0xC8, 0xB8, 0x20, 255}, {0x00, 0x00, 0x00, 255},
        {0x8C, 0x8C, 0x8C, 255}, {0x7A, 0x4A, 0x1E, 255}};
    static const SDL_Color dark[UI_REGRESSION_CLASSES_MAX] = {
        {0x56, 0xB4, 0xE9, 255}, {0xE6, 0x9F, 0x00, 255}, {0xCC, 0x79, 0xA7, 255}, {0x00, 0x9E, 0x73, 255},
        {0xD5, 0x5E, 0x00, 255}, {0x00, 0x72, 0xB2, 255}, {0xF0, 0xE4, 0x42, 255}, {0xF0, 0xF0, 0xF0, 255},
        {0x8C, 0x8C, 0x8C, 255}, {0xB0, 0x7A, 0x4A, 255}};
    if (k < 0 || k >= UI_REGRESSION_CLASSES_MAX) return th->text_dim;
    return th->kind == UI_THEME_DARK ? dark[k] : light[k];
}

SDL_Color ui_regression_region_colour(const ui_theme *th, int k, double confidence, int classes)
{
    /* How sure, 0 (all classes equal) to 1 (certain), in five steps: the bands read as
     * contours of confidence, and a sure region is never mistaken for an unsure one. */
    double floor_q = classes > 1 ? 1.0 / classes : 0.0;
    double t = classes > 1 ? (confidence - floor_q) / (1.0 - floor_q) : 1.0;
    if (!(t > 0.0)) t = 0.0;
    if (t > 1.0) t = 1.0;
    int band = (int)(t * 5.0);
    if (band > 4) band = 4;
    /* From a faint tint to about half the class's colour, so the samples on top, drawn
     * in their full colour, still stand out from their own region. */
    const float lo = th->kind == UI_THEME_DARK ? 0.14f : 0.10f, hi = th->kind == UI_THEME_DARK ? 0.50f : 0.55f;
    float a = lo + (hi - lo) * (float)band / 4.0f;
    return ui_mix(th->panel, ui_regression_class_colour(th, k), a);
}

SDL_Color ui_regression_digit_grey(const ui_theme *th, double v)
{
    if (!(v > 0.0)) v = 0.0;
    if (v > 16.0) v = 16.0;
    double t = v / 16.0;
    Uint8 g;
    if (th->kind == UI_THEME_DARK) g = (Uint8)lround(0x10 + t * (0xF4 - 0x10));
    else g = (Uint8)lround(255.0 - t * 255.0);
    return (SDL_Color){g, g, g, 255};
}

SDL_Color ui_regression_diverging(const ui_theme *th, double t)
{
    /* Purple for negative, green for positive (ColorBrewer's PRGn, safe for the common
     * colour-blindnesses), neutral in the middle; not the truth's blue nor the model's
     * orange, which frame the label's and the prediction's templates. */
    if (!(t == t)) t = 0.0;
    if (t < -1.0) t = -1.0;
    if (t > 1.0) t = 1.0;
    SDL_Color mid, neg, pos;
    if (th->kind == UI_THEME_DARK) {
        mid = (SDL_Color){0x2E, 0x31, 0x38, 255};
        neg = (SDL_Color){0xC2, 0x8C, 0xE0, 255};
        pos = (SDL_Color){0x6C, 0xD0, 0x7E, 255};
    } else {
        mid = (SDL_Color){0xF2, 0xF2, 0xF2, 255};
        neg = (SDL_Color){0x76, 0x2A, 0x83, 255};
        pos = (SDL_Color){0x1B, 0x78, 0x37, 255};
    }
    return t < 0.0 ? ui_mix(mid, neg, (float)-t) : ui_mix(mid, pos, (float)t);
}
