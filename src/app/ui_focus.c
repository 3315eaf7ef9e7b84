/* ui_focus: the view's focus and its animation (see ui_focus.h). */
#include "ui_focus.h"

#include "ui_own_panels.h"

unsigned ui_focus_shown(const xl_session *s)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const ui_own_panel *own = def->panels & (XL_PANEL_DATA | XL_PANEL_SIDE) ? ui_own_panel_for(def) : NULL;
    const int own_data = own && own->draw && (def->panels & XL_PANEL_DATA);
    const int own_side = own && own->draw_side && (def->panels & XL_PANEL_SIDE);
    /* One picture in the landscape's place: the landscape, unless the side panel has it
     * now (a record with both whose own panel says so from the state). */
    const int landscape = (def->panels & XL_PANEL_LANDSCAPE) && !(own_side && own->side_instead && own->side_instead(s));
    return (def->panels & XL_PANEL_BARS ? UI_SHOW_BARS : 0u) | (def->panels & XL_PANEL_READOUTS ? UI_SHOW_READOUTS : 0u) |
           (landscape ? UI_SHOW_LANDSCAPE : 0u) |
           (def->panels & XL_PANEL_HISTORY ? UI_SHOW_HISTORY : 0u) | (own_data ? UI_SHOW_DATA : 0u) |
           (own_side && !landscape ? UI_SHOW_SIDE : 0u);
}

unsigned ui_focus_shown_view(const ui_view *view, const xl_session *s)
{
    const unsigned show = ui_focus_shown(s);
    return view && (view->renyi || view->focus == UI_PANEL_RENYI) ? (show | UI_SHOW_RENYI) & ~UI_SHOW_HISTORY : show;
}

int ui_focus_main(const xl_session *s)
{
    const unsigned show = ui_focus_shown(s);
    static const int order[] = {UI_PANEL_LANDSCAPE, UI_PANEL_SIDE, UI_PANEL_DATA, UI_PANEL_BARS,
                                UI_PANEL_HISTORY, UI_PANEL_READOUTS};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (show & ui_panel_show_bit(order[i])) return order[i];
    return UI_PANEL_NONE;
}

int ui_focus_next(const ui_view *view, const xl_session *s, int from)
{
    const unsigned show = ui_focus_shown_view(view, s);
    int id = from > UI_PANEL_NONE && from < UI_PANEL_COUNT ? from : UI_PANEL_NONE;
    for (int k = 1; k < UI_PANEL_COUNT; k++) {
        id = id + 1 >= UI_PANEL_COUNT ? 1 : id + 1;
        if (show & ui_panel_show_bit(id)) return id;
    }
    return UI_PANEL_NONE;
}

int ui_focus_shown_focus(const ui_view *view, const xl_session *s)
{
    return ui_focus_shown_view(view, s) & ui_panel_show_bit(view->focus) ? view->focus : UI_PANEL_NONE;
}

void ui_focus_set(ui_view *view, int panel)
{
    if (panel < 0 || panel >= UI_PANEL_COUNT || panel == view->focus) return;
    /* A change within a change starts from the layout the old target had reached
     * only approximately: from its target, which is where the eye is headed. */
    view->focus_from = view->focus;
    view->focus = panel;
    view->focus_t = view->reduced_motion ? 1.0f : 0.0f;
}

int ui_focus_advance(ui_view *view, double seconds)
{
    if (!ui_focus_animating(view)) return 0;
    if (view->reduced_motion || !(seconds >= 0.0)) {
        view->focus_t = 1.0f;
        return 1;
    }
    const double t = view->focus_t + seconds / UI_FOCUS_SECONDS;
    view->focus_t = t >= 1.0 ? 1.0f : (float)t;
    return 1;
}

int ui_focus_animating(const ui_view *view)
{
    return view->focus_t < 1.0f && view->focus != view->focus_from;
}

int ui_focus_panel_at(const ui_frame_geom *g, int x, int y)
{
    ui_layout L = g->layout;
    for (int id = 1; id < UI_PANEL_COUNT; id++)
        if (ui_hit_inside(*ui_layout_panel(&L, id), x, y)) return id;
    return UI_PANEL_NONE;
}

int ui_focus_title_at(const ui_frame_geom *g, int x, int y)
{
    for (int id = 1; id < UI_PANEL_COUNT; id++)
        if (g->titles[id].w > 0 && ui_hit_inside(g->titles[id], x, y)) return id;
    return UI_PANEL_NONE;
}

int ui_focus_toggle_target(const ui_view *view, const ui_frame_geom *g, const xl_session *s)
{
    if (ui_focus_shown_focus(view, s) != UI_PANEL_NONE) return UI_PANEL_NONE;
    if (g && (view->pointer_over || view->pointer_in)) {
        const int id = ui_focus_panel_at(g, view->pointer_x - g->scene.x, view->pointer_y - g->scene.y);
        if (id != UI_PANEL_NONE) return id;
    }
    return ui_focus_main(s);
}

int ui_focus_follow_lesson(ui_view *view, const xl_player *p, long again)
{
    const int page = p ? xl_player_page(p) : -1;
    if ((const void *)p == view->focus_lesson && page == view->focus_page && again == view->focus_again) return 0;
    const int had_lesson = view->focus_lesson != NULL;
    view->focus_lesson = p;
    view->focus_page = page;
    view->focus_again = again;
    if (!p && !had_lesson) return 0; /* the sandbox as it was: its own focus stays */
    const int id = p ? ui_panel_find(xl_player_focus(p)) : UI_PANEL_NONE;
    const int was = view->focus;
    ui_focus_set(view, id < 0 ? UI_PANEL_NONE : id);
    return view->focus != was;
}
