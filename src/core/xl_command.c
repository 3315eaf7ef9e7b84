/* xl_command: the stable text names of commands and their parser.
 *
 * The names are part of the script and recording format, so they never change once
 * published; the table is indexed by xl_command_kind. "select N" takes a 1-based class
 * number, as the number keys do, and stores it 0-based.
 */
#include "xl_command.h"

#include <assert.h>
#include <string.h>

static const char *const names[XL_CMD_COUNT] = {
    [XL_CMD_NONE] = "none",
    [XL_CMD_TOGGLE_PLAY] = "toggle-play",
    [XL_CMD_PLAY] = "play",
    [XL_CMD_PAUSE] = "pause",
    [XL_CMD_STEP] = "step",
    [XL_CMD_RESET] = "reset",
    [XL_CMD_LR_UP] = "lr-up",
    [XL_CMD_LR_DOWN] = "lr-down",
    [XL_CMD_SELECT] = "select",
    [XL_CMD_P_UP] = "p-up",
    [XL_CMD_P_DOWN] = "p-down",
    [XL_CMD_P_ONEHOT] = "onehot",
    [XL_CMD_P_UNIFORM] = "uniform",
    [XL_CMD_SLICE_NEXT] = "slice-next",
    [XL_CMD_SLICE_PREV] = "slice-prev",
    [XL_CMD_UNIT_TOGGLE] = "unit",
    [XL_CMD_SPEED_UP] = "speed-up",
    [XL_CMD_SPEED_DOWN] = "speed-down",
    [XL_CMD_SELECT_NEXT] = "select-next",
    [XL_CMD_SELECT_PREV] = "select-prev",
    [XL_CMD_P_RESTORE] = "p-restore",
    [XL_CMD_THEME_TOGGLE] = "theme",
    [XL_CMD_FULLSCREEN] = "fullscreen",
    [XL_CMD_HELP] = "help",
    [XL_CMD_QUIT] = "quit",
};

/* Class numbers in "select N" run 1..32 (XL_MAX_CLASSES; not included to keep this
 * module free of the classifier). */
enum { SELECT_MAX = 32 };

const char *xl_command_name(xl_command_kind kind)
{
    assert(kind >= 0 && kind < XL_CMD_COUNT);
    return names[kind];
}

static int blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

int xl_command_parse(const char *text, xl_command *out)
{
    assert(text != NULL && out != NULL);
    const char *s = text;
    while (blank(*s))
        s++;
    const char *end = s + strlen(s);
    while (end > s && blank(end[-1]))
        end--;
    const char *word_end = s;
    while (word_end < end && !blank(*word_end))
        word_end++;
    size_t len = (size_t)(word_end - s);

    for (int k = 0; k < XL_CMD_COUNT; k++) {
        if (strlen(names[k]) != len || memcmp(names[k], s, len) != 0)
            continue;
        if (k != XL_CMD_SELECT) {
            if (word_end != end)
                return -1;
            out->kind = (xl_command_kind)k;
            out->arg = 0;
            return 0;
        }
        const char *d = word_end;
        while (d < end && blank(*d))
            d++;
        if (d == word_end || d == end)
            return -1;
        int value = 0;
        for (; d < end; d++) {
            if (*d < '0' || *d > '9')
                return -1;
            value = value * 10 + (*d - '0');
            if (value > SELECT_MAX)
                return -1;
        }
        if (value < 1)
            return -1;
        out->kind = XL_CMD_SELECT;
        out->arg = value - 1;
        return 0;
    }
    return -1;
}
