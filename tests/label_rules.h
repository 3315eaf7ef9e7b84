/* label_rules: what the label checks (test_labels, test_lesson_view) accept that a plain
 * "no two ink boxes meet" would not. Included by one test file each; static inline. */
#ifndef LABEL_RULES_H
#define LABEL_RULES_H

#include <SDL.h>

#include "ui_text.h"

/* A subscript run drawn right after its base in the same word (T_A: the A is a run of
 * its own, recorded next, in the smaller face, lowered): the two ink boxes may share the
 * base's lower right corner, where a T's bar overhangs and no pixel of either is, by two
 * pixels at most; that is how subscripts sit, not an overlap. Anything more is one. */
static inline int label_subscript_on_its_base(const ui_text_box *base, const ui_text_box *sub, int adjacent)
{
    if (!adjacent || sub->font != UI_FONT_HELP || sub->px >= base->px) return 0;
    SDL_Rect both;
    if (!SDL_IntersectRect(&base->ink, &sub->ink, &both)) return 0;
    return both.w <= 2 && sub->ink.x >= base->ink.x + base->ink.w - 2 && sub->ink.y > base->ink.y;
}

#endif
