/* ui_export: a lesson recorded as a video (--record OUT), on the virtual clock of
 * xl_recording, drawn by the software renderer with no window, in one pass in this
 * process.
 *
 *   OUT.mp4   H.264, yuv420p, +faststart, chapters (one per page) in the file
 *   OUT.webm  VP9, chapters in the file
 *   OUT       (any other name) a folder of numbered PNG frames, frame-000001.png ...
 * Captions (ui_captions.h, xl_caption_track.h): cues of at most two lines of 42
 * characters, cut at sentence, then clause, then word boundaries, each shown at least
 * 1.3 s and at most 17 characters a second, never overlapping, never past their page: a
 * page's title as it opens, each paragraph when it is shown, a question and its answers
 * when asked, the right answer and the why when revealed, the credits at the end. They
 * are written beside a video as OUT's name with .srt and .vtt (WebVTT), and muxed into it
 * as a subtitle track (mov_text in mp4, WebVTT in webm; language eng, titled "English",
 * not default or forced: players list it, viewers turn it on); .chapters.vtt holds the
 * WebVTT chapters. In a folder: captions.srt, captions.vtt, chapters.vtt.
 * With opt->audio, the sound track in sync (ui_export_audio.h).
 *
 * What is on screen (issue 25): part 9's chrome rule (ui_view.recording: no hint bar, no
 * play state or speed, no key named in a caption) and its focus animation; a page turn
 * cross-fades over UI_FADE_SECONDS (the outgoing page's last frame blended into the
 * incoming frames, in integer ARGB) while the numbers the page sets travel to their new
 * values (xl_tween.h, drawn as real states); a lesson opens on a title card and closes on
 * an end card (ui_export_cards.h, --cards), each faded in and out. --reduced-motion
 * makes every one of these a cut. A frame whose picture does not change is not drawn
 * again (ui_export_source.changed), so a still page costs nothing to draw or encode.
 *
 * Frames go to an `ffmpeg` process through a pipe; it is started with an argument
 * vector, never a shell. Only a frame whose picture differs from the one sent before goes
 * (changed, and not the same I420 bytes), stamped with its time in a Matroska stream
 * (kit/ui_mkv.h); ffmpeg passes the times through (variable frame rate, a time base of
 * 1/fps, a keyframe at most 2 s after the one before), so a video holds one sample per
 * picture, each shown until the next. A held last frame is sent again to close the video
 * at exactly its length. Everything is written under a temporary name beside OUT and
 * renamed at the end, so a failed or interrupted export (Ctrl+C, ffmpeg dying, a full
 * disk) leaves nothing under the final names; it says what happened. An existing OUT
 * (or sidecar) is never overwritten without `force`. */
#ifndef UI_EXPORT_H
#define UI_EXPORT_H

#include <signal.h>

#include "ui_export_cards.h"
#include "ui_scene.h"
#include "xl_caption_track.h"
#include "xl_player.h"

typedef struct ui_export_options {
    const char *out;        /* the file or folder */
    int width, height, fps;
    int theme;              /* ui_theme_kind */
    int force;              /* replace what is there */
    const char *fonts;      /* the fonts folder */
    int reduced_motion;     /* focus changes, fades, cross-fades and tweens are cuts (--reduced-motion) */
    int cards;              /* a lesson's cards: UI_CARDS_* bits (--cards; 0 none) */
    const ui_library *library; /* the lessons folder, for "Lesson N of M" and the next title (may be NULL) */
    const char *lesson_path;   /* the lesson's file (may be NULL) */
    /* A sound track (ui_export_audio.h): any file ffmpeg reads, its start at
     * audio_offset_ms of the recording's frame 0 (after a title card's lead; negative:
     * that much of it is cut); NULL: silent. AAC in mp4, Opus in webm, narration.wav in
     * a frames folder. */
    const char *audio;
    long long audio_offset_ms;
    /* A lesson said by the synthesized voice (--voice; ui_export_voice.h): the pages last
     * as long as it speaks, the captions follow it, and it is the sound track (audio is
     * then NULL). */
    int voice;
    /* The sound that follows the loss (--sound; ui_export_sound.h): 1 asks the schedule's
     * maker for it; sound_track is then the WAV it rendered from the recording's frames
     * (its sample 0 at the recording's frame 0), laid in at its own level, mixed under
     * audio when there is one. */
    int sound;
    const char *sound_track;
} ui_export_options;

/* Record p's lesson (from its first page; p and its session are driven). Returns the
 * exit status: 0 written, 1 failed (said on stderr), 130 interrupted. */
int ui_export_lesson(xl_player *p, const ui_export_options *opt);

/* What any recording has: its length, its chapters (a lesson's pages, with their
 * narration for the captions; page NULL for a stretch with nothing narrated). */
enum { UI_EXPORT_CREDITS_MAX = 4, UI_EXPORT_CREDIT_SECONDS = 5 };

typedef struct ui_export_schedule {
    /* The video is lead + frames + tail frames: its frame lead + f is the source's
     * (the recording's) frame f. Every frame number below counts in the source's frames,
     * so whatever is timed by them (chapters, captions, an audio track) starts `lead`
     * frames later in the video: the title card's frames (0 without one). tail: the end
     * card's frames after the source's last (and its credits). */
    long lead, tail;
    ui_cards cards;         /* their texts (cards.which 0: none) */
    long frames;
    char video_title[96];
    int pages;
    long start[XL_LESSON_MAX_PAGES], end[XL_LESSON_MAX_PAGES];
    char title[XL_LESSON_MAX_PAGES][XL_LESSON_TITLE];
    const xl_page *page[XL_LESSON_MAX_PAGES];
    /* Frames from start[k] in which the session holds page k's opening state (no step
     * taken): a page turn's numbers travel within them (0: not known, no travel). */
    long hold[XL_LESSON_MAX_PAGES];
    /* The captions, in the source's time (borrowed from the schedule's maker, who frees
     * them after the export; NULL for none): the exporter shifts them by the lead and
     * adds the credits' cues. */
    const xl_caption_track *captions;
    /* What the recording said, when a voice said it (ui_export_voice writes its track
     * from them; owned by the schedule's maker; NULL without a voice). */
    xl_rec_segment *segments;
    int nsegments;
    /* Attributions of licensed data seen on the way (xl_scenario_def.credit), held on
     * the last frame for UI_EXPORT_CREDIT_SECONDS from frame credit_start. */
    int credits;
    char credit[UI_EXPORT_CREDITS_MAX][160];
    long credit_start;
} ui_export_schedule;

/* The dry pass's frame: note s's scenario's credit, if any and new. */
void ui_export_note_credit(ui_export_schedule *sc, const xl_session *s);
/* After the dry pass: the frames of the credits at the end, if any were noted. */
void ui_export_add_credit_tail(ui_export_schedule *sc, int fps);

/* Where frames come from: next() moves to the next frame's state (0: no more), changed()
 * says whether it differs from the one before; the frame is session drawn with view, or
 * the session drawn() gives for this frame when drawn is not NULL (a page turn's
 * in-between states, xl_tween.h). */
typedef struct ui_export_source {
    int (*next)(void *self);
    int (*changed)(void *self);
    void *self;
    const xl_session *session;
    const ui_view *view;
    const xl_session *(*drawn)(void *self);
} ui_export_source;

/* What a maker of a schedule (ui_export_lesson.c) does before its own long work (a
 * lesson's voice): OUT's name, the size and the files already there checked (a refusal
 * said; 1), stale temporaries removed; 0 when the export may go on. */
int ui_export_check_output(const ui_export_options *opt);
/* SIGINT and SIGTERM caught from now (ui_export_interrupted says which came; SIGPIPE
 * ignored), until restored (one export at a time in a process); ui_export_frames keeps a
 * signal that came before it. */
void ui_export_signals_catch(void);
void ui_export_signals_restore(void);
volatile sig_atomic_t *ui_export_interrupted(void);

/* Record sc->frames frames of src as ui_export_lesson does. */
int ui_export_frames(const ui_export_options *opt, const ui_export_schedule *sc, const ui_export_source *src);

#endif
