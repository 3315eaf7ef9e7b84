/* ui_cli: the command line, parsed with getopt_long into a complete set of options.
 * A bad value is reported with the flag's name and what it accepts, and nothing is
 * started with a half-parsed setting: *out is written only when every flag is good. */
#ifndef UI_CLI_H
#define UI_CLI_H

#include <stdio.h>
#include "ui_input.h"
#include "ui_theme.h"
#include "xl_session.h"

/* The frame sizes: --size, and the window sizes a --replay file may ask for; the
 * smallest is a window's smallest too (640x360 is 360p video; --size also takes it
 * upright, 360x640, a phone's frame). */
enum { UI_MAX_COMMANDS = 64, UI_MIN_W = 640, UI_MIN_H = 360, UI_FRAME_MAX_W = 7680, UI_FRAME_MAX_H = 4320 };

typedef struct ui_options {
    xl_session_desc desc;     /* the scene: classes, P, logits, lr */
    int width, height;        /* window or frame size */
    int headless;             /* draw with the software renderer, no window */
    long steps;               /* simulation steps before the first frame */
    const char *screenshot;   /* PNG path for the last frame, or NULL (borrows argv) */
    int trace;                /* one JSON object per step on stdout */
    int describe;             /* --describe: the scene in words at the start and after each command */
    ui_theme_kind theme;
    float zoom;               /* --zoom: type and lines times this (1 unless given) */
    const char *shots_dir;    /* --shots: where F12 saves, or NULL for the current folder */
    int pointer;              /* --pointer given: draw the tooltip at (pointer_x, pointer_y) */
    int pointer_x, pointer_y;
    const char *lesson;       /* --lesson NAME|NUMBER|FILE, or NULL (borrows argv) */
    int list_lessons;         /* --list-lessons */
    int page;                 /* --page K (1-based); 0: not given */
    int presenter;            /* --presenter: the speaker's second window */
    int reduced_motion;       /* --reduced-motion: focus changes are cuts, not animations */
    float pixel_ratio;        /* --pixel-ratio R: a headless frame drawn as for R pixels a point (0: 1) */
    int no_controls;          /* --no-controls (the browser's ?controls=0): the control strip hidden */
    const char *lang;         /* --lang CODE (the browser's ?lang=): "en", "de" or "es" (ui_lang_code's
                               * string); NULL: not given, the environment's (ui_lang.h) */
    const char *record;       /* --record OUT, or NULL (borrows argv) */
    int fps;                  /* --fps (30 when recording and not given) */
    int force;                /* --force: --record may replace OUT */
    int cards;                /* --cards: a lesson's video's cards, bits 1 title 2 end (UI_CARDS_*; default 3) */
    int cards_given;
    int size_given;           /* --size was given (a recording is 1920x1080 otherwise) */
    const char *record_input; /* --record-input FILE, or NULL (borrows argv) */
    const char *replay;       /* --replay FILE, or NULL (borrows argv) */
    int mic;                  /* --mic: the microphone recorded beside --record-input's FILE */
    const char *narration;    /* --narration FILE: a sound track over --record's video (borrows argv) */
    long long narration_offset_ms; /* --narration-offset SECONDS: where FILE starts in the video */
    int narration_offset_given;
    int sound;                /* --sound: the sound that follows the loss (ui_sound.h); with --record, its track */
    int voice;                /* --voice: a lesson's video spoken by the synthesized voice (ui_export_voice.h) */
    const char *state;        /* --state TEXT of a session, or NULL (borrows argv); a
                               * lesson's link sets lesson and page instead */
    char state_lesson[256];   /* the lesson a --state link names (lesson points here) */
    int argc;                 /* the command line itself, for --record-input (borrowed) */
    char **argv;
    int check, check_play;    /* --check [--play]: validate the lesson files and exit */
    int check_count;
    char **check_files;       /* borrows argv */
    /* --class: phones vote on the lesson's questions (part 12, docs/class.md) */
    int class_on;             /* --class, or implied by the three below */
    int class_port;           /* --class-port N, 1024..65535; 0: the default (8321) */
    const char *class_bind;   /* --class-bind ADDR|IFACE, or NULL: the default route's (borrows argv) */
    const char *class_log;    /* --class-log FILE.csv, or NULL (borrows argv) */
    int command_count;        /* --do: actions applied before the steps */
    ui_action commands[UI_MAX_COMMANDS];
} ui_options;

typedef enum ui_cli_result {
    UI_CLI_RUN = 0,     /* options are complete: start */
    UI_CLI_DONE = 1,    /* --help or --version was printed: exit 0 */
    UI_CLI_USAGE = 2    /* a flag was bad, the message is printed: exit 2 */
} ui_cli_result;

/* Parse argv. Help and version go to `out`, errors to `err`. */
ui_cli_result ui_cli_parse(int argc, char **argv, ui_options *out, FILE *out_stream,
                           FILE *err_stream);

#endif
