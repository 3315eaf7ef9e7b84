/* ui_export_replay: a replay as a video (see ui_export_replay.h). */
#include "ui_export_replay.h"

#include "ui_focus.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_export.h"
#include "ui_export_sound.h"
#include "xl_caption_track.h"
#include "xl_recording.h"
#include "ui_lang.h"

/* A replay as a frame source for a video. */
typedef struct replay_source {
    const ui_replay *rp;
    long next, frame;
    int fps, changed;
    ui_dispatch *d;
    const char *file;
    double work;       /* the operations the lines asked for so far */
    int refused;       /* a line asked for more than a replay may: stopped there */
} replay_source;

static int replay_source_next(void *self)
{
    replay_source *rs = self;
    const long long t = (long long)rs->frame * 1000 / rs->fps;
    rs->changed = rs->frame == 0;
    /* A focus change moves on by one frame's time, as the window's clock moves it. */
    if (rs->frame > 0 && ui_focus_advance(rs->d->view, 1.0 / rs->fps)) rs->changed = 1;
    while (rs->next < rs->rp->count && rs->rp->entries[rs->next].ms <= t) {
        const ui_replay_entry *e = &rs->rp->entries[rs->next++];
        int applied = ui_dispatch_replay(rs->d, e, rs->file, &rs->work);
        if (applied < 0) {
            rs->refused = 1;
            rs->next = rs->rp->count;
            break;
        }
        if (applied || e->kind != UI_REPLAY_ADVANCE) rs->changed = 1;
    }
    const int focus_was = rs->d->view->focus;
    ui_dispatch_sync_view(rs->d);
    if (rs->d->view->focus != focus_was) rs->changed = 1;
    rs->d->view->recording = 1;
    rs->frame++;
    return 1;
}

static int replay_source_changed(void *self)
{
    return ((replay_source *)self)->changed;
}

/* The captions of a replay: each lesson page's title as the page opens, its paragraphs,
 * questions and answers as they appear, said one after another at the reading pace the
 * recording of a lesson uses (xl_recording.h), from when the learner brought them on;
 * a page turned before its words were read cuts them off (the learner's pace is the
 * video's). The cues are made as the page is seen, while its lesson is loaded. */
typedef struct replay_captions {
    xl_caption_track *track;
    int fps;
    const xl_lesson *lesson; /* the page being seen: NULL in the sandbox */
    int page, first_cue;
    long start, say_until;
    unsigned long long paras; /* the paragraphs said, a bit each (XL_LESSON_PARAS <= 64) */
    unsigned asked, revealed;
} replay_captions;

static void caption_say(replay_captions *rc, xl_rec_seg_kind kind, int index, long frame)
{
    /* A question asked or answered by the learner after the page opened is captioned at
     * once: what was still being read of the page is cut off there (the learner had read
     * on). What shows as the page opens is read in order. */
    const int now = kind == XL_REC_SEG_QUESTION || kind == XL_REC_SEG_ANSWER;
    if (now && frame > rc->start && rc->say_until > frame) {
        xl_caption_track_clip(rc->track, rc->first_cue, xl_recording_ms(frame, rc->fps));
        rc->say_until = frame;
    }
    xl_rec_segment sg = {kind, rc->page, index, frame > rc->say_until ? frame : rc->say_until, 0};
    char text[XL_LESSON_TEXT + 6 * XL_LESSON_LINE];
    xl_rec_segment_text(rc->lesson, &sg, text, sizeof text);
    double secs = xl_recording_reading_seconds(text);
    const double least = xl_caption_min_seconds(text);
    if (least > secs) secs = least;
    sg.end = sg.start + (long)(secs * rc->fps + 0.999);
    rc->say_until = sg.end;
    long start[XL_LESSON_MAX_PAGES] = {0}, end[XL_LESSON_MAX_PAGES] = {0};
    start[rc->page] = rc->start;
    end[rc->page] = sg.end; /* until the page is turned: clipped then */
    xl_caption_track_add_segments(rc->track, rc->lesson, &sg, 1, rc->fps, start, end, rc->lesson->npages, 0, NULL);
}

/* Frame f shows page `page` of lesson (NULL: none) through player. */
static void caption_frame(replay_captions *rc, const xl_lesson *lesson, int page, const xl_player *player, long f)
{
    if (!rc->track) return;
    if (lesson != rc->lesson || page != rc->page || f == 0) {
        xl_caption_track_clip(rc->track, rc->first_cue, xl_recording_ms(f, rc->fps));
        rc->lesson = lesson;
        rc->page = page;
        rc->start = rc->say_until = f;
        rc->paras = 0;
        rc->asked = rc->revealed = 0;
        rc->first_cue = rc->track->n;
        if (lesson) caption_say(rc, XL_REC_SEG_TITLE, 0, f);
    }
    if (!lesson || !player) return;
    const xl_page *pg = &lesson->pages[page];
    /* In the order the page draws them (as xl_recording says them): the paragraphs written
     * before a question, the question, its answer, then the paragraphs after it. */
    int next = 0;
    for (int q = 0; q <= pg->nquestions; q++) {
        int at = -1;
        for (int i = 0; q < pg->nquestions && i < pg->nsteps; i++)
            if (pg->steps[i].kind == XL_STEP_QUESTION && pg->steps[i].question == q) at = i;
        for (; next < XL_LESSON_PARAS; next++) {
            const int k = next;
            const int place = pg->nparas == 0 ? 0 : pg->para_after[k < pg->nparas ? k : pg->nparas - 1];
            if (at >= 0 && place > at) break;
            char probe[8];
            const xl_rec_segment sg = {XL_REC_SEG_PARA, page, k, 0, 0};
            if (xl_rec_segment_text(lesson, &sg, probe, sizeof probe) == 0) { /* no paragraph k */
                next = XL_LESSON_PARAS;
                break;
            }
            if ((rc->paras >> k & 1u) || !xl_player_paragraph_shown(player, k)) continue;
            rc->paras |= 1ull << k;
            caption_say(rc, XL_REC_SEG_PARA, k, f);
        }
        if (q == pg->nquestions) break;
        const unsigned bit = 1u << q;
        if (!(rc->asked & bit) && xl_player_question_state(player, q, NULL) >= 1) {
            rc->asked |= bit;
            caption_say(rc, XL_REC_SEG_QUESTION, q, f);
        }
        if (!(rc->revealed & bit) && xl_player_question_revealed(player, q)) {
            rc->revealed |= bit;
            caption_say(rc, XL_REC_SEG_ANSWER, q, f);
        }
    }
}

/* The chapters, from a dry pass on d's session and classroom (their own: the captions
 * point into its lessons, so they are kept until the video is made), and each frame's
 * sound into es (NULL: none). Returns 0, 1 if a line asks for more than a replay may
 * (said). */
static int schedule(const ui_replay *rp, int fps, const char *file, ui_export_schedule *sc, ui_dispatch *d,
                    xl_caption_track *captions, ui_export_sound *es)
{
    memset(sc, 0, sizeof *sc);
    replay_captions rcap = {captions, fps, NULL, -1, 0, 0, 0, 0, 0, 0};
    const long long length_ms = (rp->count ? rp->entries[rp->count - 1].ms : 0) + 1000;
    sc->frames = (long)((length_ms * fps + 999) / 1000);
    snprintf(sc->video_title, sizeof sc->video_title, "xentlab replay of %.60s", file);
    const ui_classroom *cr = d->cr;
    replay_source rs = {rp, 0, 0, fps, 0, d, file, 0.0, 0};
    const void *shown_lesson = NULL;
    int shown_page = -2;
    for (long f = 0; f < sc->frames; f++) {
        replay_source_next(&rs);
        ui_export_note_credit(sc, d->s);
        ui_export_sound_frame(es, d->s, cr->player);
        const void *lesson = cr->player ? (const void *)cr->lesson : NULL;
        const int page = cr->player ? xl_player_page(cr->player) : -1;
        caption_frame(&rcap, lesson, page, cr->player, f);
        if (f > 0 && lesson == shown_lesson && page == shown_page) continue;
        if (rs.refused) return 1; /* said: nothing is recorded */
        if (sc->pages == XL_LESSON_MAX_PAGES) continue; /* more chapters than fit: the last runs on */
        if (sc->pages > 0) sc->end[sc->pages - 1] = f;
        int k = sc->pages++;
        sc->start[k] = f;
        if (lesson) {
            sc->page[k] = &cr->lesson->pages[page];
            snprintf(sc->title[k], sizeof sc->title[k], "%s", cr->lesson->pages[page].title);
        } else {
            snprintf(sc->title[k], sizeof sc->title[k], _("Sandbox"));
        }
        shown_lesson = lesson;
        shown_page = page;
    }
    if (sc->pages > 0) sc->end[sc->pages - 1] = sc->frames;
    xl_caption_track_clip(captions, rcap.first_cue, xl_recording_ms(sc->frames, fps));
    sc->captions = captions;
    ui_export_add_credit_tail(sc, fps);
    return 0;
}

/* The sound track: --narration's, or the voice recorded with the session (its `mic`
 * line names a file beside the replay file; its first sample is at the line's time on
 * the video's clock, which is the lines' clock). Returns 0, or 1 with the reason said. */
static int replay_audio(const ui_options *opt, const ui_replay *rp, char *voice, size_t n, ui_export_options *eo)
{
    if (opt->narration) {
        eo->audio = opt->narration;
        eo->audio_offset_ms = opt->narration_offset_ms;
        return 0;
    }
    if (!rp->mic_file) return 0;
    const char *slash = strrchr(opt->replay, '/');
    snprintf(voice, n, "%.*s%s", slash ? (int)(slash - opt->replay + 1) : 0, opt->replay, rp->mic_file);
    if (access(voice, R_OK) != 0) {
        fprintf(stderr, _("xentlab: --replay: %s: the voice recorded with it, %s, cannot be read (%s); put it beside "
                        "the file, or give another with --narration FILE\n"), opt->replay, voice, strerror(errno));
        return 1;
    }
    eo->audio = voice;
    eo->audio_offset_ms = rp->mic_ms;
    return 0;
}

/* The dry pass's own session, classroom and view. */
typedef struct dry_run {
    xl_session *s;
    ui_classroom cr;
    ui_view view;
    ui_dispatch d;
} dry_run;

int ui_export_replay(const ui_options *opt, const ui_replay *rp, const ui_options *ro, const char *fonts,
                     ui_dispatch *d)
{
    ui_export_schedule *sc = malloc(sizeof *sc);
    dry_run *dry = calloc(1, sizeof *dry);
    xl_caption_track captions;
    xl_caption_track_init(&captions);
    int status = 1;
    /* --sound: the sound that follows the loss, rendered from the dry pass's frames. */
    char sound_track[4200] = "", err[320] = "";
    ui_export_sound *es = NULL;
    if (opt->sound) {
        ui_export_sound_path(opt->record, sound_track, sizeof sound_track);
        if (!(es = ui_export_sound_create(sound_track, opt->fps, err, sizeof err))) {
            fprintf(stderr, _("xentlab: --sound: cannot write the sound's track: %s\n"), err);
            unlink(sound_track);
            free(dry);
            free(sc);
            return 1;
        }
    }
    if (sc && dry && (dry->s = xl_session_create(&ro->desc)) != NULL) {
        ui_classroom_init(&dry->cr, fonts);
        dry->view.theme = ro->theme;
        ui_dispatch_init(&dry->d, dry->s, &dry->cr, &dry->view, NULL, NULL);
        int planned = schedule(rp, opt->fps, opt->replay, sc, &dry->d, &captions, es);
        if (planned == 0 && es && ui_export_sound_finish(es, err, sizeof err) != 0) {
            fprintf(stderr, _("xentlab: --sound: cannot write the sound's track: %s\n"), err);
            planned = 1;
        }
        if (planned == 0) {
            replay_source rs = {rp, 0, 0, opt->fps, 0, d, opt->replay, 0.0, 0};
            ui_export_source src = {replay_source_next, replay_source_changed, &rs, d->s, d->view, NULL};
            ui_export_options eo = {.out = opt->record, .width = opt->width, .height = opt->height, .fps = opt->fps,
                                    .theme = d->view->theme, .force = opt->force, .fonts = fonts,
                                    .reduced_motion = opt->reduced_motion,
                                    .sound_track = es ? sound_track : NULL};
            char voice[4200];
            status = replay_audio(opt, rp, voice, sizeof voice, &eo);
            if (status == 0) status = ui_export_frames(&eo, sc, &src);
        }
        ui_classroom_free(&dry->cr);
        xl_session_destroy(dry->s);
    } else {
        fprintf(stderr, _("xentlab: --record: out of memory\n"));
    }
    ui_export_sound_free(es);
    if (sound_track[0]) unlink(sound_track);
    xl_caption_track_deinit(&captions);
    free(dry);
    free(sc);
    return status;
}
