/* ui_app: the program from its parsed options: the scene, the lesson, the inputs at the
 * start, then a window (ui_window.h), one headless frame drawn by the software renderer,
 * or a video (ui_export.h, ui_export_replay.h). Every input goes through one dispatcher
 * (ui_dispatch.h), made here and lent to the window and the exporters. */
#include "ui_app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_assets.h"
#include "ui_png.h"
#include "ui_check.h"
#include "ui_classroom.h"
#include "ui_dispatch.h"
#include "ui_focus.h"
#include "ui_export.h"
#include "ui_export_replay.h"
#include "ui_replay.h"
#include "ui_scene.h"
#include "ui_describe.h"
#include "ui_trace.h"
#include "ui_window.h"
#include "xl_state_text.h"
#include "ui_lang.h"

typedef struct trace_ctx {
    FILE *out;
    const xl_session *session;
} trace_ctx;

static void trace_step(const xl_sample *smp, void *user)
{
    trace_ctx *t = user;
    ui_trace_step(t->out, t->session, smp);
}

int ui_app_save_png(SDL_Renderer *r, int w, int h, const char *path)
{
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!shot) return -1;
    int rc = SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch);
    char err[256];
    if (rc == 0 && ui_png_write(path, shot->pixels, w, h, shot->pitch, err, sizeof err) != 0) {
        SDL_SetError("%s", err);
        rc = -1;
    }
    SDL_FreeSurface(shot);
    return rc == 0 ? 0 : -1;
}

static int find_fonts(char *dir, size_t n)
{
    char tried[4096];
    if (ui_assets_find_fonts(dir, n, tried, sizeof tried) == 0) return 0;
    fprintf(stderr, _("xentlab: cannot find the bundled fonts (DejaVuSans.ttf). Tried:\n%s"
                    "Set XENTLAB_ASSETS to the folder that holds fonts/.\n"), tried);
    return -1;
}

static int run_headless(const ui_options *opt, xl_session *s, ui_view view, const char *fonts)
{
    int status = 0;
    if (!opt->screenshot) return 0; /* nothing to draw: the steps and trace are done */
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, opt->width, opt->height, 32,
                                                         SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    char err[512];
    ui_scene *sc = r ? ui_scene_create(r, fonts, err, sizeof err) : NULL;
    if (!sc) {
        fprintf(stderr, _("xentlab: cannot set up headless drawing: %s\n"), r ? err : SDL_GetError());
        status = 1;
    } else {
        if (opt->presenter) ui_scene_draw_presenter(sc, &view, 0.0, opt->width, opt->height);
        else ui_scene_draw(sc, s, &view, opt->width, opt->height, NULL);
        SDL_RenderPresent(r);
        char err[256];
        if (ui_png_write(opt->screenshot, target->pixels, opt->width, opt->height, target->pitch, err, sizeof err) != 0) {
            fprintf(stderr, _("xentlab: --screenshot: cannot write %s: %s\n"), opt->screenshot, err);
            status = 1;
        }
    }
    ui_scene_destroy(sc);
    if (r) SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);
    return status;
}

/* --list-lessons: number, name, title, pages; exit status 1 when there are none. */
static int list_lessons(const ui_library *lib)
{
    if (lib->count == 0) {
        fprintf(stderr, "xentlab: --list-lessons: %s\n",
                lib->dir[0] ? _("the lessons folder has no .lesson files")
                            : _("no lessons folder was found (set XENTLAB_LESSONS to one)"));
        return 1;
    }
    printf(_("Lessons in %s (open one with --lesson NUMBER, NAME or FILE):\n"), lib->dir);
    for (int i = 0; i < lib->count; i++) {
        const ui_library_entry *e = &lib->entries[i];
        if (e->pages) printf(e->pages == 1 ? _("  %-24s %s (%d page)\n") : _("  %-24s %s (%d pages)\n"), e->name, e->title, e->pages);
        else printf("  %-24s %s\n", e->name, e->title);
    }
    return 0;
}

/* --lesson: open it on d's session and go to --page; headless, skip its plays so the
 * picture is the page as the class sees it once it has played. What was opened is
 * recorded as the start's lesson actions. Returns 0, 1 for a broken lesson (still
 * shown), or 2 for a bad flag value (said on stderr). */
static int open_lesson(const ui_options *opt, ui_dispatch *d)
{
    ui_classroom *cr = d->cr;
    char err[1024];
    if (ui_classroom_open(cr, opt->lesson, d->s, err, sizeof err) != 0) {
        fprintf(stderr, "xentlab: --lesson: %s\n", err);
        return 2;
    }
    char action[UI_LIBRARY_PATH + 16];
    snprintf(action, sizeof action, "open %s", cr->path);
    ui_dispatch_lesson_done(d, UI_DISPATCH_START, action);
    if (cr->broken) {
        for (int e = 0; e < cr->lesson->nerrors && e < XL_LESSON_MAX_ERRORS; e++)
            fprintf(stderr, "%s\n", cr->lesson->errors[e]);
        return 1;
    }
    if (opt->page > cr->lesson->npages) {
        fprintf(stderr, cr->lesson->npages == 1 ? _("xentlab: --page: '%d': \"%s\" has %d page\n")
                                                : _("xentlab: --page: '%d': \"%s\" has %d pages\n"),
                opt->page, cr->lesson->title, cr->lesson->npages);
        return 2;
    }
    if (opt->page > 1 && xl_player_goto(cr->player, opt->page - 1) != 0) {
        fprintf(stderr, _("xentlab: --lesson: out of memory\n"));
        return 1;
    }
    if (xl_player_page(cr->player) > 0) {
        snprintf(action, sizeof action, "page %d", xl_player_page(cr->player) + 1);
        ui_dispatch_lesson_done(d, UI_DISPATCH_START, action);
    }
    if (opt->headless)
        for (int guard = 0; guard < XL_LESSON_MAX_STEPS && xl_player_phase_of(cr->player) == XL_PLAYER_PLAYING; guard++)
            xl_player_next(cr->player);
    const char *problems = xl_player_problems(cr->player);
    if (problems[0]) fputs(problems, stderr);
    return 0;
}

/* "describe" given to --do in a run without a window: what F9 does, waiting for
 * speech-dispatcher's answer before the run goes on (a window never waits). */
static ui_describe_voice headless_voice;
static int headless_voice_ready;

static void describe_aloud(const ui_options *opt, const ui_dispatch *d)
{
    /* One voice for the run, as the window keeps one: a second "describe" says what
     * changed since the first, and why nothing is said aloud is told once, not per
     * command. Large, so static; one run at a time. */
    char note[256];
    if (!headless_voice_ready) ui_describe_voice_init(&headless_voice, opt->trace);
    headless_voice_ready = 1;
    if (ui_describe_voice_press(&headless_voice, d, stdout, note, sizeof note))
        ui_describe_voice_finish(&headless_voice, UI_SPEAK_TIMEOUT_MS + 500, stdout, note, sizeof note);
}

/* --do and --steps: applied, recorded and traced like key presses, headless or not
 * (README: one trace object per command applied); a "step" among them also writes its
 * step line first, and --steps N its N step lines before its "run N". */
static void start_inputs(const ui_options *opt, ui_dispatch *d, ui_describe_state *said)
{
    for (int i = 0; i < opt->command_count; i++) {
        const ui_action *act = &opt->commands[i];
        const int ok = ui_dispatch_action(d, UI_DISPATCH_START, act);
        /* A refused --do command is said on stderr too: nothing is silently ignored. */
        if (!ok && act->cmd.kind != XL_CMD_NONE) fprintf(stderr, "xentlab: --do: %s\n", xl_session_message(d->s));
        /* describe (F9's command) without a window: said aloud now, or printed. */
        if (act->view == UI_VIEW_DESCRIBE && opt->headless) describe_aloud(opt, d);
        /* --describe: the scene in words after each command, after its trace line. */
        if (opt->describe) ui_describe_print(stdout, d, said, opt->trace);
    }
    if (opt->steps > 0) {
        ui_dispatch_command(d, UI_DISPATCH_START, xl_command_int(XL_CMD_RUN, opt->steps));
        if (opt->describe) ui_describe_print(stdout, d, said, opt->trace);
    }
}

/* --replay: the recorded command line's options (the scene it started from). Returns 0,
 * or 1 with the reason said. */
static int replay_options(const ui_options *opt, ui_replay *rp, ui_options *ro)
{
    if (opt->command_count || opt->lesson) {
        fprintf(stderr, _("xentlab: --replay: the recording sets the scene; give it without --do and --lesson\n"));
        return 1;
    }
    FILE *quiet = fopen("/dev/null", "w");
    ui_cli_result rc = ui_cli_parse(rp->argc, rp->argv, ro, quiet ? quiet : stderr, stderr);
    if (quiet) fclose(quiet);
    if (rc != UI_CLI_RUN) {
        fprintf(stderr, _("xentlab: --replay: %s: the command line it records is refused (above)\n"), opt->replay);
        return 1;
    }
    return 0;
}

/* What a run owns, freed by app_free. */
typedef struct app {
    char fonts[2048];
    ui_classroom cr;
    ui_options ro;             /* --replay: the recorded command line's options */
    ui_replay rp;
    xl_session *s;
    trace_ctx tc;
    ui_view view;
    ui_replay_writer writer;   /* --record-input; open when rw is set */
    ui_replay_writer *rw;
    ui_dispatch d;
    ui_describe_state said;    /* --describe: the last description printed */
} app;

static void app_free(app *a)
{
    if (!a) return;
    if (headless_voice_ready) ui_describe_voice_free(&headless_voice);
    headless_voice_ready = 0;
    ui_replay_free(&a->rp);
    ui_classroom_free(&a->cr);
    xl_session_destroy(a->s);
    free(a);
}

/* The scene (the command line's, or the one a replay records), the trace, the view, the
 * input recording and the dispatcher over them. Returns 0, or the exit status (said). */
static int app_open(app *a, const ui_options *opt)
{
    ui_classroom_init(&a->cr, a->fonts);
    const ui_options *scene_opt = opt; /* where the scene comes from */
    if (opt->replay) {
        char err[1400];
        if (ui_replay_load(opt->replay, &a->rp, err, sizeof err) != 0) {
            fprintf(stderr, "xentlab: --replay: %s\n", err);
            return 1;
        }
        if (replay_options(opt, &a->rp, &a->ro) != 0) return 1;
        scene_opt = &a->ro;
    }
    if (opt->state) { /* --state: the scene a text describes, replayed within XL_WORK_PAGE */
        char err[320] = "";
        a->s = xl_state_text_open(opt->state, strlen(opt->state), scene_opt->desc.grid, XL_WORK_PAGE, err, sizeof err);
        if (!a->s) {
            fprintf(stderr, "xentlab: --state: %s\n", err);
            return 2;
        }
    } else {
        a->s = xl_session_create(&scene_opt->desc);
    }
    if (!a->s) {
        fprintf(stderr, _("xentlab: cannot create the scene (out of memory or invalid settings)\n"));
        return 1;
    }
    a->tc = (trace_ctx){stdout, a->s};
    if (opt->trace) xl_session_set_observer(a->s, trace_step, &a->tc);
    a->view = (ui_view){.theme = scene_opt->theme, .pointer_in = opt->pointer, .pointer_x = opt->pointer_x,
                        .pointer_y = opt->pointer_y, .zoom = scene_opt->zoom,
                        .reduced_motion = opt->reduced_motion, .px_per_point = opt->pixel_ratio,
                        .controls = opt->no_controls ? UI_CONTROLS_OFF : UI_CONTROLS_AUTO,
                        .sound = opt->sound && !opt->record};
    if (opt->record_input) {
        char err[1200];
        if (ui_replay_writer_open(&a->writer, opt->record_input, opt->argc, opt->argv, opt->width, opt->height, err,
                                  sizeof err) != 0) {
            fprintf(stderr, "xentlab: --record-input: %s\n", err);
            return 1;
        }
        a->rw = &a->writer;
    }
    ui_dispatch_init(&a->d, a->s, &a->cr, &a->view, a->rw, opt->trace ? stdout : NULL);
    return 0;
}

/* A video made without a window (--record): of the lesson, or of the replay. */
static int app_record(const ui_options *opt, app *a, int lesson_status)
{
    if (lesson_status != 0) return lesson_status;
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "xentlab: SDL: %s\n", SDL_GetError());
        return 1;
    }
    int status;
    if (opt->replay) {
        status = ui_export_replay(opt, &a->rp, &a->ro, a->fonts, &a->d);
    } else {
        ui_export_options eo = {.out = opt->record, .width = opt->width, .height = opt->height, .fps = opt->fps,
                                .theme = opt->theme, .force = opt->force, .fonts = a->fonts,
                                .reduced_motion = opt->reduced_motion, .cards = opt->cards,
                                .library = &a->cr.library, .lesson_path = a->cr.path,
                                .audio = opt->narration, .audio_offset_ms = opt->narration_offset_ms,
                                .voice = opt->voice, .sound = opt->sound};
        status = ui_export_lesson(a->cr.player, &eo);
    }
    SDL_Quit();
    return status;
}

/* The window, or the headless frame (a replay's actions all at once first). */
static int app_show(const ui_options *opt, app *a)
{
    if (opt->replay && opt->headless) {
        double ops = 0.0;
        for (long i = 0; i < a->rp.count; i++)
            if (ui_dispatch_replay(&a->d, &a->rp.entries[i], opt->replay, &ops) < 0)
                return 1; /* said: no frame of a replay cut short */
    }
    ui_dispatch_sync_view(&a->d);
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "xentlab: SDL: %s\n", SDL_GetError());
        return 1;
    }
    ui_options wopt = *opt;
    if (opt->replay && !opt->size_given) { /* the window as it was recorded */
        wopt.width = a->rp.width < UI_MIN_W ? UI_MIN_W : a->rp.width;
        wopt.height = a->rp.height < UI_MIN_H ? UI_MIN_H : a->rp.height;
    }
    if (opt->headless) ui_focus_advance(&a->view, UI_FOCUS_SECONDS); /* one frame: the state reached */
    int status = opt->headless ? run_headless(&wopt, a->s, a->view, a->fonts)
                               : ui_window_run(&wopt, &a->d, a->fonts, opt->replay ? &a->rp : NULL);
    SDL_Quit();
    return status;
}

int ui_app_run(const ui_options *opt)
{
    if (opt->check) return ui_check_lessons(opt->check_files, opt->check_count, opt->check_play, stdout, stderr);
    app *a = calloc(1, sizeof *a);
    if (!a) {
        fprintf(stderr, _("xentlab: out of memory\n"));
        return 1;
    }
    if (find_fonts(a->fonts, sizeof a->fonts) != 0) {
        free(a);
        return 1;
    }
    if (opt->list_lessons) {
        ui_classroom_init(&a->cr, a->fonts);
        int rc = list_lessons(&a->cr.library);
        app_free(a);
        return rc;
    }
    int status = app_open(a, opt);
    int lesson_status = 0;
    if (status == 0 && opt->lesson) {
        lesson_status = open_lesson(opt, &a->d);
        a->cr.presenter = opt->presenter;
        ui_dispatch_sync_view(&a->d);
        if (lesson_status == 2) status = 2;
    }
    if (status == 0 && opt->lesson && opt->record) {
        status = app_record(opt, a, lesson_status);
    } else if (status == 0) {
        /* --describe: the scene (and the lesson page) as it starts, then after each input. */
        ui_describe_state_init(&a->said);
        if (opt->describe) ui_describe_print(stdout, &a->d, &a->said, opt->trace);
        start_inputs(opt, &a->d, &a->said);
        status = opt->replay && opt->record ? app_record(opt, a, 0) : app_show(opt, a);
        if (status == 0) status = lesson_status;
    }
    if (a->rw && ui_replay_writer_close(a->rw) != 0 && status == 0) status = 1;
    app_free(a);
    return status;
}
