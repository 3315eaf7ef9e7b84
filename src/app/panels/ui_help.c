/* ui_help: the help sheet, a translucent sheet over the scene listing every key, every
 * mouse and touch action and the controls, in groups by purpose. Its type is the sheet's
 * own role (UI_FONT_HELP) at the size the type rule gives it, never smaller: what does
 * not fit one page goes to the next (Page Down, → or a click turns it; any other key
 * closes the sheet).
 *
 * Where the keys come from: the shared commands' keys are read from the key table's own
 * list (ui_input_list_commands, the list --list-commands prints and the docs are checked
 * against), by command name, so a key changed there changes here; a command not in the
 * table yet shows the key decided for it. A scenario's keys are its verbs' (xl_verb_def:
 * key and help), so a new scenario's keys show without an edit. The lesson keys (the
 * classroom's) and the mouse and touch actions (ui_pointer's) are tables below. */
#include "ui_panels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_draw.h"
#include "ui_input.h"
#include "ui_lang.h"
#include "ui_platform.h"

enum { KEY_TEXT_MAX = 48, WHAT_MAX = 96, ROWS_MAX = 128, GROUPS_MAX = 12, COLUMNS_MAX = 24 };

/* A row of the sheet: a key (or a gesture) and what it does. */
typedef struct help_row {
    char keys[KEY_TEXT_MAX];
    char what[WHAT_MAX];
} help_row;

typedef struct help_group {
    const char *title;
    int first, count; /* rows[first .. first+count) */
} help_group;

typedef struct help_sheet {
    help_row rows[ROWS_MAX];
    int nrows;
    help_group groups[GROUPS_MAX];
    int ngroups;
} help_sheet;

/* A row naming shared commands: its keys are read from the key table (the second
 * command's after a " / "); `fallback` when the table does not have the first (yet). */
typedef struct command_row {
    const char *cmd, *cmd2, *fallback, *what, *what_in_browser;
} command_row;

static const command_row learning[] = {
    {"toggle-play", NULL, N_("Space"), N_("play / pause"), NULL},
    {"step", NULL, N_("N  or  →"), N_("one step"), NULL},
    {"reset", NULL, "R", N_("reset to the start"), NULL},
    {"undo", "redo", "^Z  /  ^Y", N_("undo / redo the last edit"), NULL},
    {"back", NULL, N_("Backspace"), N_("one step back"), NULL},
    {"lr-up", "lr-down", "+  /  −", N_("learning rate up / down"), NULL},
    {"speed-up", "speed-down", "]  /  [", N_("more / fewer steps per second"), NULL},
    {"optimizer-next", NULL, "G", N_("next optimizer"), NULL},
    {"race-toggle", NULL, "C", N_("race the four optimizers, or stop"), NULL},
};
static const command_row optimizer[] = {
    {"mu-up", "mu-down", "Y  /  ⇧Y", N_("momentum μ up / down"), NULL},
    {"beta1-up", "beta1-down", "B  /  ⇧B", N_("Adam's β₁ up / down"), NULL},
    {"beta2-up", "beta2-down", "^B  /  ⇧^B", N_("Adam's β₂ up / down"), NULL},
    {"eps-up", "eps-down", "E  /  ⇧E", N_("Adam's ε × 10 / ÷ 10"), NULL},
};
static const command_row picture[] = {
    {"slice-next", "slice-prev", N_("Comma  /  ⇧Comma"), N_("next / previous pair of parameters"), NULL},
    {"frame", NULL, "V", N_("landscape: slice / fixed plane"), NULL},
    {"scenario-next", "scenario-prev", "S  /  ⇧S", N_("next / previous scenario"), NULL},
    {"unit", NULL, "L", N_("nats (ln) or bits (log₂)"), NULL},
};
static const command_row view[] = {
    {"focus-toggle", NULL, "F2", N_("focus: one panel takes the scene, or back"), NULL},
    {"focus-next", NULL, "⇧F2", N_("focus the next panel"), NULL},
    {"controls", NULL, "F3", N_("the control strip on / off"), NULL},
    {"copy-state", NULL, "F4", N_("copy the state to the clipboard"), N_("copy a link to this state")},
    {"renyi-toggle", NULL, "F6", N_("Rényi panel Hα(P) on / off"), NULL},
    {"renyi-next", NULL, "⇧F6", N_("Rényi order α: 0, 0.5, 1, 2, ∞"), NULL},
    {"describe", NULL, "F9", N_("describe the scene aloud"), NULL},
    {"sound", NULL, "F10", N_("sound on / off"), NULL},
    {"theme", NULL, "T", N_("projector / dark theme"), NULL},
    {"zoom-in", "zoom-out", "^+  /  ^−", N_("type and lines larger / smaller"), NULL},
    {"zoom-reset", NULL, "^0", N_("type and lines back to normal"), NULL},
    {"fullscreen", NULL, "F11", N_("fullscreen"), NULL},
    {"screenshot", NULL, "F12", N_("save a picture (PNG)"), N_("download a picture (PNG)")},
    {"help", NULL, N_("H  or  F1"), N_("this help (PgDn: its next page)"), NULL},
    {"quit", NULL, N_("Q  or  Esc"), N_("quit (Esc leaves focus first)"), N_("quit: close the tab")},
};

/* The classroom's keys (ui_classroom.c): not in the key table, which leaves them to it. */
typedef struct fixed_row {
    const char *keys, *what, *what_in_browser; /* what_in_browser "": not in a browser */
} fixed_row;

static const fixed_row lesson_rows[] = {
    {"M", N_("the lessons"), NULL},
    {N_("PgDn  or  →"), N_("next page (or the play on)"), NULL},
    {N_("PgUp  or  ←"), N_("back a page, as it started"), NULL},
    {N_("Home  /  End"), N_("first / last page"), NULL},
    {"1 … 4", N_("answer the question"), NULL},
    {"F5  /  ⇧F5", N_("this page again / page 1"), NULL},
    {N_("B  or  ."), N_("blank the screen"), NULL},
    {"P", N_("presenter view"), N_("presenter view (desktop only)")},
    {"F7", N_("phones vote: join card (a class)"), N_("phones vote (desktop only)")},
    {"F8", N_("how the class voted: the split"), ""},
    {N_("Esc"), N_("to the sandbox (PgDn: back)"), NULL},
    {N_("save the file"), N_("it reloads: --lesson FILE"), ""},
};

/* The pointer (ui_pointer.c) and touch: what the keys do not say. */
static const fixed_row pointer_rows[] = {
    {N_("hover"), N_("exact values in a tooltip"), NULL},
    {N_("click a bar"), N_("select its class or sample"), NULL},
    {N_("drag a bar"), N_("set P (diffusion: paint ρ(0); ⇧↑ ⇧↓)"), NULL},
    {N_("drag a mark"), N_("a sample, the peak, the simplex"), NULL},
    {N_("click landscape"), N_("the point moves there (Alt+arrows)"), NULL},
    {N_("^click landscape"), N_("the start moves there (^Enter)"), NULL},
    {N_("drag landscape"), N_("the point follows, loss live"), NULL},
    {N_("wheel  pinch"), N_("zoom the landscape (⇧^↑ ⇧^↓)"), NULL},
    {N_("right-drag"), N_("pan (touch: two fingers; ^arrows)"), NULL},
    {N_("double-click it"), N_("fit the landscape's view (^Home)"), NULL},
    {N_("drag the history"), N_("rewind to that step (⇧ ^Backspace)"), NULL},
    {N_("double-click title"), N_("focus that panel"), NULL},
    {N_("control strip"), N_("a button does what its key does"), NULL},
    {N_("lesson's foot"), N_("→ ← B M Esc: buttons"), NULL},
};

/* The pointer's commands have keys too (issue 26; ui_input's table, ui_keynav): the
 * pointer's rows above name them, so these commands count as listed. */
static const char *const by_keys_commands[] = {"set-p", "pan", "zoom", "fit", "move-to", "start-at", "rewind"};

/* ---- the key table's keys, read once from its list ---- */

typedef struct listed_key {
    char name[32];
    char keys[KEY_TEXT_MAX]; /* as the sheet writes them */
} listed_key;

static listed_key listed[160];
static int nlisted = -1; /* -1: not read yet */

/* The list's key text ("Shift+Right", "N or Right", "Ctrl+Shift+B") as the sheet
 * writes keys ("⇧→", "N  or  →", "⇧^B"). */
static void sheet_keys(const char *list, char *out, size_t n)
{
    /* The keys' names are the ones printed on the language's keyboards (German
     * "Leertaste", Spanish "Espacio"): the web page's key sheet uses the same words, which
     * tests/test_i18n.py checks against these entries of the catalogue. */
    static const struct { const char *from, *to; } words[] = {
        {"Ctrl+Shift+", "⇧^"}, {"Shift+", "⇧"}, {"Ctrl+", "^"}, {" or ", N_("  or  ")}, {"Right", "→"},
        {"Left", "←"}, {"Up", "↑"}, {"Down", "↓"}, {"Plus", "+"}, {"Minus", "−"}, {"...", "…"},
        /* TRANSLATORS: the name of a key, as the language's keyboards print it. */
        {"Space", N_("Space")}, {"Enter", N_("Enter")}, {"Backspace", N_("Backspace")}, {"Comma", N_("Comma")},
        {"Delete", N_("Del")}, {"PageDown", N_("PgDn")}, {"PageUp", N_("PgUp")}, {"Home", N_("Home")},
        {"End", N_("End")},
    };
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = list; *p && used + 1 < n;) {
        size_t w = 0;
        for (; w < sizeof words / sizeof words[0]; w++)
            if (strncmp(p, words[w].from, strlen(words[w].from)) == 0) break;
        const char *piece = w < sizeof words / sizeof words[0] ? _(words[w].to) : NULL;
        if (piece && used + strlen(piece) < n) {
            memcpy(out + used, piece, strlen(piece) + 1);
            used += strlen(piece);
            p += strlen(words[w].from);
        } else {
            out[used++] = *p++;
            out[used] = '\0';
        }
    }
}

/* Read the shared and window commands' keys from ui_input_list_commands, once (again
 * when the language changed: the keys' words, "  or  ", are the language's). */
static void read_key_table(void)
{
    static const char *listed_lang;
    if (nlisted >= 0 && listed_lang == ui_lang_code()) return;
    listed_lang = ui_lang_code();
    nlisted = 0;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f) return;
    ui_input_list_commands(f);
    if (fclose(f) != 0 || !text) {
        free(text);
        return;
    }
    int in_shared = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        if (line[0] == '#') { /* the shared group and the window's own; not a scenario's */
            in_shared = strstr(line, "# shared") == line || strstr(line, "window") != NULL;
            continue;
        }
        if (!in_shared || line[0] == ' ' || nlisted >= (int)(sizeof listed / sizeof listed[0])) continue;
        /* "USAGE  KEY  HELP": columns two or more spaces apart. */
        char *key = strstr(line, "  ");
        while (key && *key == ' ') key++;
        char *end = key ? strstr(key, "  ") : NULL;
        if (!key || !end) continue;
        *end = '\0';
        if (strcmp(key, "-") == 0 || strcmp(key, "mouse") == 0) continue;
        listed_key *k = &listed[nlisted++];
        snprintf(k->name, sizeof k->name, "%.*s", (int)strcspn(line, " "), line);
        sheet_keys(key, k->keys, sizeof k->keys);
    }
    free(text);
}

static const char *table_keys(const char *cmd)
{
    for (int i = 0; cmd && i < nlisted; i++)
        if (strcmp(listed[i].name, cmd) == 0) return listed[i].keys;
    return NULL;
}

/* ---- the sheet's rows ---- */

static help_row *add_row(help_sheet *sh)
{
    if (sh->nrows >= ROWS_MAX) return NULL;
    help_row *r = &sh->rows[sh->nrows++];
    r->keys[0] = r->what[0] = '\0';
    return r;
}

static void begin_group(help_sheet *sh, const char *title)
{
    if (sh->ngroups >= GROUPS_MAX) return;
    sh->groups[sh->ngroups++] = (help_group){title, sh->nrows, 0};
}

static void end_group(help_sheet *sh)
{
    if (sh->ngroups > 0) sh->groups[sh->ngroups - 1].count = sh->nrows - sh->groups[sh->ngroups - 1].first;
}

static const char *in_browser(const char *what, const char *what_in_browser)
{
    return what_in_browser && ui_platform_is_browser() ? what_in_browser : what;
}

static void add_commands(help_sheet *sh, const char *title, const command_row *rows, int n)
{
    begin_group(sh, title);
    for (int i = 0; i < n; i++) {
        help_row *r = add_row(sh);
        if (!r) break;
        const char *k1 = table_keys(rows[i].cmd), *k2 = table_keys(rows[i].cmd2);
        if (k1 && rows[i].cmd2 && k2) snprintf(r->keys, sizeof r->keys, "%s  /  %s", k1, k2);
        else if (k1 && !rows[i].cmd2) snprintf(r->keys, sizeof r->keys, "%s", k1);
        else snprintf(r->keys, sizeof r->keys, "%s", _(rows[i].fallback));
        snprintf(r->what, sizeof r->what, "%s", _(in_browser(rows[i].what, rows[i].what_in_browser)));
    }
    end_group(sh);
}

static void add_fixed(help_sheet *sh, const char *title, const fixed_row *rows, int n)
{
    begin_group(sh, title);
    for (int i = 0; i < n; i++) {
        if (rows[i].what_in_browser && !rows[i].what_in_browser[0] && ui_platform_is_browser()) continue;
        help_row *r = add_row(sh);
        if (!r) break;
        snprintf(r->keys, sizeof r->keys, "%s", _(rows[i].keys));
        snprintf(r->what, sizeof r->what, "%s", _(in_browser(rows[i].what, rows[i].what_in_browser)));
    }
    end_group(sh);
}

/* A verb's help as the sheet shows it: up to its first ": " or " (" (the ladder and the
 * details are --list-commands' and the man page's). */
static void short_help(const char *help, char *buf, size_t n)
{
    size_t len = strlen(help);
    const char *colon = strstr(help, ": "), *paren = strstr(help, " (");
    if (colon && (size_t)(colon - help) < len) len = (size_t)(colon - help);
    if (paren && (size_t)(paren - help) < len) len = (size_t)(paren - help);
    snprintf(buf, n, "%.*s", (int)len, help);
}

/* The scenario's group: selection, then its verbs that have a key, in declared order. */
static void add_scenario(help_sheet *sh, const xl_scenario_def *def)
{
    begin_group(sh, _("THIS SCENARIO"));
    help_row *r = add_row(sh);
    if (r) {
        snprintf(r->keys, sizeof r->keys, "%s", table_keys("select") ? table_keys("select") : "1 … 9");
        snprintf(r->what, sizeof r->what, _("select a %s"), def->item_noun ? _(def->item_noun) : _("class or sample"));
    }
    if ((r = add_row(sh))) {
        const char *prev = table_keys("select-prev"), *next = table_keys("select-next");
        if (prev && next) snprintf(r->keys, sizeof r->keys, "%s  /  %s", prev, next);
        else snprintf(r->keys, sizeof r->keys, "⇧←  /  ⇧→");
        snprintf(r->what, sizeof r->what, "%s", _("select previous / next"));
    }
    for (int v = 0; v < def->verb_count; v++) {
        const xl_verb_def *d = &def->verbs[v];
        if (!d->keys[0].code) continue; /* scripts' and lessons' only: --list-commands has them */
        if (!(r = add_row(sh))) break;
        ui_input_key_text(d->keys[0], 1, r->keys, sizeof r->keys);
        if (d->keys[1].code) {
            char second[KEY_TEXT_MAX];
            ui_input_key_text(d->keys[1], 1, second, sizeof second);
            snprintf(r->keys + strlen(r->keys), sizeof r->keys - strlen(r->keys), _("  or  %s"), second);
        }
        short_help(_(d->help), r->what, sizeof r->what);
    }
    end_group(sh);
}

static void build_sheet(help_sheet *sh, const xl_scenario_def *def)
{
    read_key_table();
    sh->nrows = sh->ngroups = 0;
    add_commands(sh, _("LEARNING"), learning, (int)(sizeof learning / sizeof learning[0]));
    add_commands(sh, _("OPTIMIZER SETTINGS"), optimizer, (int)(sizeof optimizer / sizeof optimizer[0]));
    add_scenario(sh, def);
    add_commands(sh, _("THE PICTURE"), picture, (int)(sizeof picture / sizeof picture[0]));
    add_commands(sh, _("VIEW AND WINDOW"), view, (int)(sizeof view / sizeof view[0]));
    add_fixed(sh, _("LESSONS"), lesson_rows, (int)(sizeof lesson_rows / sizeof lesson_rows[0]));
    add_fixed(sh, _("MOUSE AND TOUCH"), pointer_rows, (int)(sizeof pointer_rows / sizeof pointer_rows[0]));
}

int ui_help_row_count(const xl_scenario_def *def, int (*visit)(const char *keys, const char *what, void *user),
                      void *user)
{
    static help_sheet sh; /* large; the sheet is drawn by one thread */
    build_sheet(&sh, def);
    for (int i = 0; visit && i < sh.nrows; i++)
        if (visit(sh.rows[i].keys, sh.rows[i].what, user)) break;
    return sh.nrows;
}

static int in_rows(const command_row *rows, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if ((rows[i].cmd && strcmp(rows[i].cmd, name) == 0) || (rows[i].cmd2 && strcmp(rows[i].cmd2, name) == 0))
            return 1;
    return 0;
}

int ui_help_lists_command(const char *name)
{
#define IN(t) in_rows(t, (int)(sizeof t / sizeof t[0]), name)
    for (size_t i = 0; i < sizeof by_keys_commands / sizeof by_keys_commands[0]; i++)
        if (strcmp(name, by_keys_commands[i]) == 0) return 1;
    return IN(learning) || IN(optimizer) || IN(picture) || IN(view) || strcmp(name, "select") == 0 ||
           strcmp(name, "select-next") == 0 || strcmp(name, "select-prev") == 0;
#undef IN
}

/* ---- layout: groups into columns, columns into pages ---- */

/* One column: the groups (or a group's rows) it holds, in order. */
typedef struct column_part {
    int group, first, count, titled; /* rows [first, first+count) of the group; titled: its title first */
} column_part;

typedef struct help_layout {
    ui_font font;
    int lh, pitch, title_h, gap;   /* line height, row pitch, a group title's height, between groups */
    int col_h, col_gap;            /* the rows' height available in a column; between columns */
    int ncolumns, pages;
    int used_h;                    /* the tallest column */
    int page_w;                    /* the widest page's columns and gaps */
    column_part parts[COLUMNS_MAX * GROUPS_MAX];
    int nparts;
    int column_first[COLUMNS_MAX + 1]; /* the parts of column c: [column_first[c], column_first[c+1]) */
    int key_w[COLUMNS_MAX], col_w[COLUMNS_MAX]; /* each column's keys' width and its whole width */
    int page_first[COLUMNS_MAX + 1];            /* the columns of page p: [page_first[p], page_first[p+1]) */
} help_layout;

static void add_part(help_layout *lay, int group, int first, int count, int titled)
{
    if (lay->nparts < (int)(sizeof lay->parts / sizeof lay->parts[0]))
        lay->parts[lay->nparts++] = (column_part){group, first, count, titled};
}

/* Pack the groups into columns of col_h: a group goes whole into the next column when
 * it does not fit what is left of this one but fits an empty one; else it is split. */
static void pack(const help_sheet *sh, help_layout *lay)
{
    int col = 0, y = 0;
    lay->nparts = 0;
    lay->column_first[0] = 0;
    lay->used_h = 0;
    for (int gi = 0; gi < sh->ngroups; gi++) {
        const help_group *g = &sh->groups[gi];
        int done = 0, titled = 1;
        while (done < g->count) {
            const int head = (y > 0 ? lay->gap : 0) + (titled ? lay->title_h : 0);
            int fit = (lay->col_h - y - head) / lay->pitch;
            const int whole_fits_empty = lay->title_h + (g->count - done) * lay->pitch <= lay->col_h;
            if (y > 0 && (fit < 1 || (fit < g->count - done && whole_fits_empty && titled))) {
                if (col + 1 >= COLUMNS_MAX) break;
                lay->column_first[++col] = lay->nparts; /* the next column */
                y = 0;
                continue;
            }
            if (fit < 1) fit = 1; /* a column lower than a row: one row each, overflowing */
            const int n = fit < g->count - done ? fit : g->count - done;
            add_part(lay, gi, g->first + done, n, titled);
            y += head + n * lay->pitch;
            if (y > lay->used_h) lay->used_h = y;
            done += n;
            titled = 0;
        }
    }
    lay->ncolumns = col + 1;
    lay->column_first[lay->ncolumns] = lay->nparts;
}

/* The layout for a w x h frame: the sheet's type; columns as high as the window allows,
 * each as wide as its own rows; as many side by side on a page as fit its width. */
static void layout(const ui_ctx *ctx, const help_sheet *sh, int w, int h, help_layout *lay)
{
    memset(lay, 0, sizeof *lay);
    lay->font = UI_FONT_HELP;
    lay->lh = ui_text_line_height(ctx->text, lay->font);
    lay->pitch = lay->lh * 9 / 8;
    lay->title_h = ui_text_line_height(ctx->text, UI_FONT_TITLE) + lay->lh / 4;
    lay->gap = lay->lh / 2;
    lay->col_gap = lay->lh * 3 / 2;
    const int lh = lay->lh, margin = lh / 2, inner_w = w - 2 * margin - 2 * lh;
    const int head = ui_text_line_height(ctx->text, UI_FONT_HEADING) + lh / 2, foot = lh * 3 / 2;
    lay->col_h = h - 2 * margin - lh - head - foot;
    if (lay->col_h < lay->pitch + lay->title_h) lay->col_h = lay->pitch + lay->title_h;
    pack(sh, lay);
    for (int c = 0; c < lay->ncolumns; c++) {
        int kw = 0, ww = 0, tw = 0;
        for (int p = lay->column_first[c]; p < lay->column_first[c + 1]; p++) {
            const column_part *part = &lay->parts[p];
            if (part->titled) {
                int t = ui_text_width(ctx->text, UI_FONT_TITLE, sh->groups[part->group].title);
                if (t > tw) tw = t;
            }
            for (int i = part->first; i < part->first + part->count; i++) {
                int k = ui_text_width(ctx->text, lay->font, sh->rows[i].keys);
                int x = ui_text_width(ctx->text, lay->font, sh->rows[i].what);
                if (k > kw) kw = k;
                if (x > ww) ww = x;
            }
        }
        lay->key_w[c] = kw + lh;
        lay->col_w[c] = lay->key_w[c] + ww > tw ? lay->key_w[c] + ww : tw;
        if (lay->col_w[c] > inner_w) lay->col_w[c] = inner_w; /* narrow: descriptions cut, type kept */
    }
    /* Pages: columns side by side while they fit. */
    int pages = 0, x = 0;
    lay->page_w = 0;
    for (int c = 0; c < lay->ncolumns; c++) {
        const int need = lay->col_gap + lay->col_w[c];
        if (c == 0 || x + need > inner_w) {
            lay->page_first[pages++] = c;
            x = lay->col_w[c];
        } else {
            x += need;
        }
        if (x > lay->page_w) lay->page_w = x;
    }
    lay->pages = pages > 0 ? pages : 1;
    lay->page_first[lay->pages] = lay->ncolumns;
}

static void draw_column(const ui_ctx *ctx, const help_sheet *sh, const help_layout *lay, int c, int x, int y)
{
    const ui_theme *th = ctx->theme;
    char cut[WHAT_MAX + 8];
    for (int p = lay->column_first[c]; p < lay->column_first[c + 1]; p++) {
        const column_part *part = &lay->parts[p];
        if (p > lay->column_first[c]) y += lay->gap;
        if (part->titled) {
            ui_text_draw(ctx->text, UI_FONT_TITLE, x, y, UI_ALIGN_LEFT, th->text_dim, sh->groups[part->group].title);
            y += lay->title_h;
        }
        for (int i = part->first; i < part->first + part->count; i++) {
            ui_text_draw(ctx->text, lay->font, x, y, UI_ALIGN_LEFT, th->text, sh->rows[i].keys);
            ui_text_fit(ctx->text, lay->font, sh->rows[i].what, lay->col_w[c] - lay->key_w[c], cut, sizeof cut);
            ui_text_draw(ctx->text, lay->font, x + lay->key_w[c], y, UI_ALIGN_LEFT, th->text_dim, cut);
            y += lay->pitch;
        }
    }
}

int ui_help_draw(const ui_ctx *ctx, int w, int h, const xl_scenario_def *def, int page, SDL_Rect *sheet_box)
{
    static help_sheet sh;     /* large; the sheet is drawn by one thread */
    static help_layout lay;
    const ui_theme *th = ctx->theme;
    build_sheet(&sh, def);
    layout(ctx, &sh, w, h, &lay);
    if (page < 0) page = 0;
    if (page >= lay.pages) page = lay.pages - 1;
    const int lh = lay.lh, margin = lh / 2;
    ui_draw_fill(ctx->r, (SDL_Rect){0, 0, w, h}, ui_rgba(th->background, 150));
    /* One size for every page (the sheet does not jump as pages turn): the widest page's
     * columns and the tallest column. */
    const int head = ui_text_line_height(ctx->text, UI_FONT_HEADING) + lh / 2, foot = lh * 3 / 2;
    int sheet_w = lay.page_w + 2 * lh;
    int sheet_h = lh + head + lay.used_h + foot;
    if (sheet_w > w - 2 * margin) sheet_w = w - 2 * margin;
    if (sheet_h > h - 2 * margin) sheet_h = h - 2 * margin;
    SDL_Rect sheet = {(w - sheet_w) / 2, (h - sheet_h) / 2, sheet_w, sheet_h};
    if (sheet_box) *sheet_box = sheet;
    ui_draw_fill(ctx->r, sheet, th->overlay);
    ui_draw_frame(ctx->r, sheet, (int)ui_lw(ctx, 1.0f), th->border);
    const int x = sheet.x + lh, y = sheet.y + lh / 2;
    ui_text_draw(ctx->text, UI_FONT_HEADING, x, y, UI_ALIGN_LEFT, th->text, _("Keys, mouse and touch"));
    char legend[96], cut[160];
    snprintf(legend, sizeof legend, "%s", _("⇧ Shift   ^ Ctrl"));
    const int heading_w = ui_text_width(ctx->text, UI_FONT_HEADING, _("Keys, mouse and touch"));
    ui_text_fit(ctx->text, lay.font, legend, sheet.w - 3 * lh - heading_w, cut, sizeof cut);
    ui_text_draw(ctx->text, lay.font, sheet.x + sheet.w - lh, y + lh / 4, UI_ALIGN_RIGHT, th->text_dim, cut);
    const int top = y + head;
    for (int c = lay.page_first[page], cx = x; c < lay.page_first[page + 1]; c++) {
        draw_column(ctx, &sh, &lay, c, cx, top);
        cx += lay.col_w[c] + lay.col_gap;
    }
    /* The foot: how to go on, and what a web page cannot do. */
    char footer[256];
    if (lay.pages > 1)
        snprintf(footer, sizeof footer, _("page %d of %d  ·  PgDn, → or a click on it: %s  ·  any other key closes"), page + 1, lay.pages,
                 page + 1 < lay.pages ? _("next page") : _("close"));
    else
        snprintf(footer, sizeof footer, "%s", _("any key closes this"));
    if (ui_platform_is_browser())
        snprintf(footer + strlen(footer), sizeof footer - strlen(footer),
                 "%s", _("  ·  video export and the presenter view need the desktop program"));
    ui_text_fit(ctx->text, lay.font, footer, sheet.w - 2 * lh, cut, sizeof cut);
    ui_text_draw(ctx->text, lay.font, x, sheet.y + sheet.h - lh * 3 / 2 + lh / 4, UI_ALIGN_LEFT, th->text_dim, cut);
    return lay.pages;
}
