/* ui_theme: colour tables. See ui_theme.h and shared/DESIGN.md for the roles. */
#include "ui_theme.h"

#include "ui_text.h"

static const ui_theme themes[UI_THEME_COUNT] = {
    [UI_THEME_LIGHT] = {
        .kind = UI_THEME_LIGHT, .name = "projector",
        .background = {255, 255, 255, 255}, .panel = {255, 255, 255, 255},
        .border = {200, 200, 204, 255}, .text = {0, 0, 0, 255}, .text_dim = {52, 52, 58, 255}, /* dark enough to carry across a room */
        .axis = {40, 40, 40, 255}, .grid = {222, 222, 226, 255},
        .truth = {0x00, 0x72, 0xB2, 255}, .model = {0xE6, 0x9F, 0x00, 255},
        .surprise = {0xD5, 0x5E, 0x00, 255}, .inherent = {0x00, 0x9E, 0x73, 255},
        .select = {0xF0, 0xE4, 0x42, 255}, .select_edge = {0, 0, 0, 255},
        .trajectory = {255, 255, 255, 255}, .contour = {255, 255, 255, 110},
        .overlay = {255, 255, 255, 238},
        .race = {{0x00, 0x72, 0xB2, 255}, {0xE6, 0x9F, 0x00, 255}, {0xCC, 0x79, 0xA7, 255}, {0xD5, 0x5E, 0x00, 255}},
        .line_scale = 2.0f, .text_scale = 1.25f,
        .type_small = 1.0f / 45.0f, .type_title = 1.0f / 36.0f, .type_readout = 1.0f / 24.0f,
        .type_narration = 1.0f / 32.0f,
    },
    [UI_THEME_DARK] = {
        .kind = UI_THEME_DARK, .name = "dark",
        .background = {0x15, 0x17, 0x1C, 255}, .panel = {0x1D, 0x20, 0x27, 255},
        .border = {0x33, 0x37, 0x41, 255}, .text = {0xE8, 0xE8, 0xE8, 255},
        .text_dim = {0xA4, 0xA8, 0xB2, 255},
        .axis = {0xB8, 0xBB, 0xC2, 255}, .grid = {0x2C, 0x30, 0x39, 255},
        .truth = {0x56, 0xB4, 0xE9, 255}, .model = {0xE6, 0x9F, 0x00, 255},
        .surprise = {0xD5, 0x5E, 0x00, 255}, .inherent = {0x00, 0x9E, 0x73, 255},
        .select = {0xF0, 0xE4, 0x42, 255}, .select_edge = {0x15, 0x17, 0x1C, 255},
        .trajectory = {255, 255, 255, 255}, .contour = {255, 255, 255, 90},
        .overlay = {0x15, 0x17, 0x1C, 240},
        .race = {{0x56, 0xB4, 0xE9, 255}, {0xE6, 0x9F, 0x00, 255}, {0xCC, 0x79, 0xA7, 255}, {0xD5, 0x5E, 0x00, 255}},
        .line_scale = 1.0f, .text_scale = 1.0f,
        .type_small = 1.0f / 60.0f,
    },
};

const ui_theme *ui_theme_get(ui_theme_kind kind)
{
    if (kind < 0 || kind >= UI_THEME_COUNT) kind = UI_THEME_LIGHT;
    return &themes[kind];
}

void ui_theme_type_floors(const ui_theme *th, int window_h, float floor_px[])
{
    const float h = (float)window_h, small = th->type_small * h;
    const float title = th->type_title > th->type_small ? th->type_title * h : small;
    const float readout = th->type_readout > th->type_small ? th->type_readout * h : small;
    const float narration = th->type_narration > th->type_small ? th->type_narration * h : small;
    for (int i = 0; i < UI_FONT_COUNT; i++) floor_px[i] = small;
    floor_px[UI_FONT_STATUS] = floor_px[UI_FONT_TITLE] = floor_px[UI_FONT_HEADING] = title;
    floor_px[UI_FONT_READOUT] = readout;
    floor_px[UI_FONT_NARRATION] = floor_px[UI_FONT_NARRATION_BOLD] = narration;
}

float ui_theme_type_min_px(const ui_theme *th, int window_h)
{
    return th->type_small * (float)window_h;
}
