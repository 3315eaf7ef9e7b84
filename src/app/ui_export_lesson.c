/* ui_export_lesson: a lesson as a video's frames (see ui_export.h): the dry pass that
 * times its pages, voice and captions, then the recording played again as the frame
 * source, the view following each page's @focus and a page turn's numbers travelling. */
#define _GNU_SOURCE /* memrchr */
#include "ui_export.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_export_cards.h"
#include "ui_export_sound.h"
#include "ui_export_voice.h"
#include "ui_voice.h"
#include "ui_focus.h"
#include "ui_library.h"
#include "xl_recording.h"
#include "xl_tween.h"
#include "ui_lang.h"

typedef ui_export_schedule schedule;

/* The dry pass, with the captions into track and each frame's sound into es (NULL:
 * none). Returns 0, or -1 if out of memory. */
static int plan(xl_player *p, int fps, schedule *sc, xl_caption_track *track, ui_export_voice *voice,
                ui_export_sound *es)
{
    xl_recording *r = xl_recording_create(p, fps);
    if (!r) return -1;
    if (voice) {
        const xl_rec_timing t = ui_export_voice_timing(voice);
        xl_recording_set_timing(r, &t);
    }
    memset(sc, 0, sizeof *sc);
    int page = -1, counting = 0;
    long steps0 = 0;
    while (xl_recording_next(r)) {
        const xl_session *s = xl_player_session(p);
        ui_export_note_credit(sc, s);
        ui_export_sound_frame(es, s, p);
        /* How long each page holds its opening state (no step taken): a page turn's
         * numbers travel only within it. */
        const long steps = xl_sim_steps(xl_session_sim(s));
        const int pg = xl_player_page(p);
        if (pg != page && pg >= 0 && pg < XL_LESSON_MAX_PAGES) {
            page = pg;
            steps0 = steps;
            counting = 1;
        }
        if (counting && steps == steps0) sc->hold[page]++;
        else counting = 0;
    }
    const xl_lesson *l = xl_player_lesson(p);
    snprintf(sc->video_title, sizeof sc->video_title, "%s", l->title);
    sc->frames = xl_recording_frames(r);
    for (int k = 0; k < XL_LESSON_MAX_PAGES && xl_recording_page_frames(r, k, &sc->start[k], &sc->end[k]) == 0; k++) {
        sc->pages = k + 1;
        sc->page[k] = &l->pages[k];
        snprintf(sc->title[k], sizeof sc->title[k], "%s", l->pages[k].title);
    }
    const xl_rec_segment *sg = NULL;
    const int nseg = xl_recording_segments(r, &sg);
    /* With a voice, the captions are timed by what it said. */
    const xl_caption_voice cv = voice ? ui_export_voice_captions(voice) : (xl_caption_voice){NULL, NULL};
    xl_caption_track_add_segments(track, l, sg, nseg, fps, sc->start, sc->end, sc->pages, 0, voice ? &cv : NULL);
    if (voice) { /* the track is written from these: kept until then */
        sc->segments = malloc((size_t)(nseg > 0 ? nseg : 1) * sizeof *sc->segments);
        if (sc->segments) memcpy(sc->segments, sg, (size_t)nseg * sizeof *sg);
        sc->nsegments = sc->segments ? nseg : 0;
    }
    sc->captions = track;
    xl_recording_free(r);
    ui_export_add_credit_tail(sc, fps);
    return 0;
}

/* The lesson on its virtual clock, as a frame source. */
/* A lesson's frames: the recording's, with the view following each page's @focus and
 * its change animated by the frames' time (the window's ~300 ms, frame by frame). */
typedef struct lesson_source {
    xl_recording *rec;
    ui_view *view;
    const xl_player *p;
    int fps;
    long frame;
    int focus_moved;  /* this frame's focus differs from the last one's */
    /* A page turn's numbers in between (xl_tween.h), over tween_frames frames (the
     * recording's turn transition; 0: none, reduced motion) from the turn, within the
     * page's hold (schedule.hold), from the state the recording kept before the turn. */
    const schedule *sc;
    long tween_frames;
    xl_tween *tw;                  /* NULL: no travel now */
    long tw_start, tw_steps;
    int tweening;                  /* this frame is an in-between state */
    const xl_session *shown;       /* the session this frame draws */
} lesson_source;

/* The page that opens on frame f (1..), or -1. */
static int page_opening(const schedule *sc, long f)
{
    for (int k = 1; k < sc->pages; k++)
        if (sc->start[k] == f) return k;
    return -1;
}

/* This frame's in-between state, if a page has just turned (see lesson_source). */
static void lesson_tween(lesson_source *ls, long f)
{
    const xl_session *s = xl_player_session(ls->p);
    ls->shown = s;
    ls->tweening = 0;
    if (ls->tween_frames < 2) return;
    const long steps = xl_sim_steps(xl_session_sim(s));
    if (ls->tw && (f - ls->tw_start >= ls->tween_frames || steps != ls->tw_steps)) {
        xl_tween_free(ls->tw); /* over, or the page went on: its own state from now on */
        ls->tw = NULL;
    }
    const int k = xl_recording_turned(ls->rec) ? page_opening(ls->sc, f) : -1;
    const xl_session_snapshot *before = xl_recording_before_turn(ls->rec);
    if (k > 0 && before && ls->sc->hold[k] >= ls->tween_frames) {
        xl_tween_free(ls->tw);
        ls->tw = xl_tween_create(before, s);
        ls->tw_start = f;
        ls->tw_steps = steps;
    }
    if (ls->tw) {
        const xl_session *mid = xl_tween_at(ls->tw, (double)(f - ls->tw_start) / (double)(ls->tween_frames - 1));
        if (mid) ls->shown = mid;
        ls->tweening = 1;
    }
}

static int lesson_next(void *self)
{
    lesson_source *ls = self;
    ls->focus_moved = ls->frame > 0 && ui_focus_advance(ls->view, 1.0 / ls->fps);
    const int more = xl_recording_next(ls->rec);
    if (ui_focus_follow_lesson(ls->view, ls->p, 0)) ls->focus_moved = 1;
    if (more) lesson_tween(ls, ls->frame);
    ls->frame++;
    return more;
}

static int lesson_changed(void *self)
{
    const lesson_source *ls = self;
    return xl_recording_changed(ls->rec) || ls->focus_moved || ls->tweening;
}

static const xl_session *lesson_drawn(void *self)
{
    return ((const lesson_source *)self)->shown;
}

/* The cards' frames around the recording, if asked for (opt->cards), and their texts. */
static void add_cards(schedule *sc, const ui_export_options *opt, const xl_lesson *l)
{
    const int fps = opt->fps > 0 ? opt->fps : 30;
    ui_cards_describe(&sc->cards, opt->cards, l->title, opt->library, opt->lesson_path);
    const long card = (long)(UI_CARD_SECONDS * fps + 0.5);
    sc->lead = opt->cards & UI_CARDS_TITLE ? card : 0;
    sc->tail = opt->cards & UI_CARDS_END ? card : 0;
}

/* The synthesized voice's track beside OUT: ".BASE.partial-PID.voice.wav" (remove_stale
 * knows the name). */
static void voice_track_path(const char *out, char *buf, size_t n)
{
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/') len--;
    const char *slash = memrchr(out, '/', len);
    const size_t dir = slash ? (size_t)(slash - out + 1) : 0;
    snprintf(buf, n, "%.*s.%.*s.partial-%ld.voice.wav", (int)dir, out, (int)(len - dir), out + dir, (long)getpid());
}

/* The language of the lesson at path (its folder, ui_library_lang_of) into lang[n]: 0 when
 * this build has a voice for it; else -1, said on stderr before anything is made. English
 * is flite's, German and Spanish eSpeak NG's (ui_voice.h); a build without eSpeak NG, or
 * a lesson in another language, is refused with what to do instead. */
static int voice_speaks(const char *path, char *lang, size_t n)
{
    ui_library_lang_of(path, lang, n);
    const int speaks = ui_voice_speaks(lang);
    if (speaks == 1 || strcmp(lang, "en") == 0) return 0; /* English without flite: ui_voice_open says so */
    const char *name = strcmp(lang, "de") == 0 ? _("German") : strcmp(lang, "es") == 0 ? _("Spanish") : NULL;
    if (speaks == 0 && name)
        fprintf(stderr,
                _("xentlab: --voice: %s is a lesson in %s, and this build has no voice for it (eSpeak NG, "
                  "Debian's libespeak-ng-dev, was not found when it was built): record it without --voice "
                  "(captions only) or with --narration FILE (a voice recorded in its language)\n"),
                path, name);
    else
        fprintf(stderr,
                _("xentlab: --voice: the synthesized voice speaks English, German and Spanish, and %s is a lesson "
                  "in '%s': record it without --voice (captions only) or with --narration FILE (a voice recorded "
                  "in its language)\n"),
                path, lang);
    return -1;
}

int ui_export_lesson(xl_player *p, const ui_export_options *opt)
{
    const int fps = opt->fps > 0 ? opt->fps : 30;
    char err[320] = "";
    /* The voice is said before any frame is drawn (minutes for a long lesson): a signal
     * then stops it after the cue being said, and the export ends as one stopped during
     * its frames (130, nothing left beside OUT). */
    if (ui_export_check_output(opt) != 0) return 1;
    char lang[8] = "en";
    if (opt->voice && opt->lesson_path && voice_speaks(opt->lesson_path, lang, sizeof lang) != 0) return 1;
    ui_export_signals_catch();
    volatile sig_atomic_t *interrupted = ui_export_interrupted();
    ui_export_voice *voice = NULL;
    if (opt->voice && !(voice = ui_export_voice_create(xl_player_lesson(p), lang, fps, err, sizeof err))) {
        fprintf(stderr, "xentlab: --voice: %s\n", err);
        ui_export_signals_restore();
        return 1;
    }
    if (voice) ui_export_voice_stop_when(voice, interrupted);
    /* The sound that follows the loss, rendered from the dry pass's frames. */
    char sound_track[4200] = "";
    ui_export_sound *es = NULL;
    if (opt->sound) {
        ui_export_sound_path(opt->out, sound_track, sizeof sound_track);
        if (!(es = ui_export_sound_create(sound_track, fps, err, sizeof err))) {
            fprintf(stderr, _("xentlab: --sound: cannot write the sound's track: %s\n"), err);
            unlink(sound_track);
            ui_export_voice_free(voice);
            ui_export_signals_restore();
            return 1;
        }
    }
    schedule *sc = calloc(1, sizeof *sc);
    xl_caption_track captions;
    xl_caption_track_init(&captions);
    int planned = sc ? plan(p, opt->fps, sc, &captions, voice, es) : -1;
    if (planned == 0 && es && ui_export_sound_finish(es, err, sizeof err) != 0) {
        fprintf(stderr, _("xentlab: --sound: cannot write the sound's track: %s\n"), err);
        planned = -2;
    }
    ui_export_sound_free(es);
    if (planned != 0 || (voice && !sc->segments)) {
        if (planned != -2) fprintf(stderr, _("xentlab: --record: out of memory\n"));
        if (sound_track[0]) unlink(sound_track);
        if (sc) free(sc->segments);
        free(sc);
        xl_caption_track_deinit(&captions);
        ui_export_voice_free(voice);
        ui_export_signals_restore();
        return 1;
    }
    if (*interrupted || (voice && ui_export_voice_error(voice))) {
        if (*interrupted)
            fprintf(stderr, _("xentlab: --record: interrupted while the voice was said; nothing was written to %s\n"),
                    opt->out);
        else fprintf(stderr, "xentlab: --voice: %s\n", ui_export_voice_error(voice));
        if (sound_track[0]) unlink(sound_track);
        free(sc->segments);
        free(sc);
        xl_caption_track_deinit(&captions);
        ui_export_voice_free(voice);
        const int status = *interrupted ? 130 : 1;
        ui_export_signals_restore();
        return status;
    }
    add_cards(sc, opt, xl_player_lesson(p));
    ui_export_options eo = *opt;
    eo.sound_track = sound_track[0] ? sound_track : NULL;
    char track[4200] = "";
    if (voice) { /* the voice's track, its sample 0 at the recording's frame 0 */
        voice_track_path(opt->out, track, sizeof track);
        if (ui_export_voice_write(voice, sc->segments, sc->nsegments, 0, sc->frames, track, err, sizeof err) != 0) {
            fprintf(stderr, _("xentlab: --voice: cannot write the voice's track: %s\n"), err);
            unlink(track);
            if (sound_track[0]) unlink(sound_track);
            free(sc->segments);
            free(sc);
            xl_caption_track_deinit(&captions);
            ui_export_voice_free(voice);
            ui_export_signals_restore();
            return 1;
        }
        eo.audio = track;
        eo.audio_offset_ms = 0;
        ui_export_voice_rewind(voice);
    }
    xl_recording *rec = xl_recording_create(p, opt->fps);
    if (rec && voice) {
        const xl_rec_timing t = ui_export_voice_timing(voice);
        xl_recording_set_timing(rec, &t);
    }
    ui_view view = {.theme = (ui_theme_kind)opt->theme, .lesson = p, .recording = 1,
                    .reduced_motion = opt->reduced_motion};
    lesson_source ls = {.rec = rec, .view = &view, .p = p, .fps = fps, .sc = sc,
                        .tween_frames = opt->reduced_motion || !rec ? 0 : xl_recording_turn_frames(rec)};
    ui_export_source src = {lesson_next, lesson_changed, &ls, xl_player_session(p), &view, lesson_drawn};
    int status = rec ? ui_export_frames(&eo, sc, &src) : 1;
    if (status == 0 && voice)
        fprintf(stderr, _("xentlab: the voice said %.1f s of speech, synthesized in %.1f s\n"),
                ui_export_voice_seconds(voice), ui_export_voice_work_seconds(voice));
    if (track[0]) unlink(track);
    if (sound_track[0]) unlink(sound_track);
    xl_tween_free(ls.tw);
    xl_recording_free(rec);
    xl_caption_track_deinit(&captions);
    free(sc->segments);
    free(sc);
    ui_export_voice_free(voice);
    ui_export_signals_restore();
    return status;
}

