/* ui_replay: a live session's inputs in a readable text file (--record-input FILE), and
 * that file played back (--replay FILE) to the same state, bit for bit.
 *
 *     # xentlab input recording; replay it with: xentlab --replay FILE
 *     xentlab-input 1 0.1.0                 format 1, written by xentlab 0.1.0
 *     arg --scenario                        the command line it was started with, one
 *     arg gaussian                          argument a line (it sets the starting scene)
 *     size 1280 720                         the window's size
 *     0 0 do select 2                       MS TICK ACTION: milliseconds since the start,
 *     1200 0 do toggle-play                 simulation steps of time so far, and what
 *     1234 1 advance 1                      happened: a command of the vocabulary (do),
 *     2050 25 view theme                    steps of time (advance N), a view command
 *     2100 25 lesson next                   (view), a lesson action (lesson, see
 *     3000 25 size 1920 1080                ui_classroom_do) or a new window size
 *     3020 25 mic demo.wav 2998             --mic: the microphone's recording, a file
 *                                           beside this one, its first sample taken at
 *                                           2998 ms (at most the line's own time; one
 *                                           such line; it changes no state)
 *
 * Only what changes state is written; time enters only as `advance` lines, so a replay
 * does not depend on the speed of the machine that plays it. A file from another version
 * of xentlab, or a broken one, is refused with FILE:LINE: and the reason. */
#ifndef UI_REPLAY_H
#define UI_REPLAY_H

#include <stddef.h>
#include <stdio.h>

enum { UI_REPLAY_FORMAT = 1, UI_REPLAY_MAX_ARGS = 128, UI_REPLAY_MAX_ENTRIES = 1000000, UI_REPLAY_TEXT = 1100 };
/* The longest replay, 3 hours: a lecture and more, and a bound on the frames a handed
 * file can ask to be recorded. */
#define UI_REPLAY_MAX_MS (3LL * 3600 * 1000)

typedef enum ui_replay_kind {
    UI_REPLAY_DO = 0,     /* a session command: text */
    UI_REPLAY_VIEW,       /* a view command: text */
    UI_REPLAY_LESSON,     /* a lesson action: text */
    UI_REPLAY_ADVANCE,    /* n steps of time */
    UI_REPLAY_SIZE        /* the window became w x h */
} ui_replay_kind;

typedef struct ui_replay_entry {
    long long ms;
    long tick;
    ui_replay_kind kind;
    long n;               /* ADVANCE: steps; SIZE: width */
    long h;               /* SIZE: height */
    char *text;           /* DO, VIEW, LESSON (owned by the replay) */
    int line;
} ui_replay_entry;

typedef struct ui_replay {
    int argc;
    char *argv[UI_REPLAY_MAX_ARGS + 2];   /* argv[0] "xentlab", then the recorded arguments, NULL */
    int width, height;                    /* the window's first size */
    long count, cap;
    ui_replay_entry *entries;
    /* The `mic` line: the voice recorded with the session (owned), NULL if none; its
     * first sample's time in ms on the lines' clock. */
    char *mic_file;
    long long mic_ms;
} ui_replay;

/* The longest name of a `mic` line's file (a name, not a path: it is beside the file). */
enum { UI_REPLAY_MIC_NAME = 255 };

/* Read and check FILE. Returns 0, or -1 with "FILE:LINE: error: ..." in err. Free with
 * ui_replay_free (also after a failure). */
int ui_replay_load(const char *path, ui_replay *r, char *err, size_t errlen);
void ui_replay_free(ui_replay *r);

/* Writing. The writer owns its FILE. */
typedef struct ui_replay_writer {
    FILE *f;
    long tick;            /* steps of time written so far */
    int failed;           /* a write failed (said once on stderr) */
    int full;             /* UI_REPLAY_MAX_MS reached: the rest is not recorded (said once) */
    char path[1024];
} ui_replay_writer;

/* Start FILE (replaced if it exists) with the header: the arguments and the size.
 * Returns 0, or -1 with the reason in err. */
int ui_replay_writer_open(ui_replay_writer *w, const char *path, int argc, char **argv, int width, int height,
                          char *err, size_t errlen);
/* One line at ms milliseconds since the start. text for DO, VIEW, LESSON; n for ADVANCE
 * (0 writes nothing); n, h for SIZE. */
void ui_replay_write(ui_replay_writer *w, long long ms, ui_replay_kind kind, const char *text, long n, long h);
/* The `mic` line at ms: file (a name, no folder) holds the microphone from first_ms on. */
void ui_replay_write_mic(ui_replay_writer *w, long long ms, const char *file, long long first_ms);
/* Close and remove the file: nothing was recorded (--mic could not start). */
void ui_replay_writer_discard(ui_replay_writer *w);
/* Flush and close; 0, or -1 if anything failed to be written. */
int ui_replay_writer_close(ui_replay_writer *w);

#endif
