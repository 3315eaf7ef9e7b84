/* ui_export: a lesson to video or frames (see ui_export.h).
 *
 * Two passes over a schedule: a dry one, without drawing, gives every chapter's times
 * (ffmpeg must be handed the chapters before the first frame) and the frame count for
 * the progress line; the second draws and writes. Both play the same deterministic
 * lesson (or replay), so their times agree. This file writes any schedule's frames
 * (ui_export_frames); a lesson's schedule and frames come from ui_export_lesson.c, a
 * replay's from ui_export_replay.c. */
#define _XOPEN_SOURCE 700 /* sigaction, kill, mkdtemp */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "ui_export.h"

#include "ui_captions.h"
#include "ui_focus.h"

#include <SDL.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ui_export_audio.h"
#include "ui_export_voice.h"
#include "ui_platform.h"
#include "ui_png.h"
#include "ui_yuv.h"
#include "ui_scene.h"
#include "xl_recording.h"
#include "xl_tween.h"
#include "ui_lang.h"
#include "ui_mkv.h"


typedef enum out_kind { OUT_MP4, OUT_WEBM, OUT_FRAMES } out_kind;

enum { PATH_MAX_LEN = 4096 };

/* Set by SIGINT / SIGTERM: the export stops at the next frame and cleans up. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    interrupted = sig;
}

/* Ctrl+C and a kill set `interrupted` (the export stops and cleans up); a dead ffmpeg is
 * a write error, not a SIGPIPE. The old actions go to old[3] (SIGINT, SIGTERM, SIGPIPE). */
static void catch_signals(struct sigaction old[3])
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old[0]);
    sigaction(SIGTERM, &sa, &old[1]);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, &old[2]);
}

static void restore_signals(const struct sigaction old[3])
{
    sigaction(SIGINT, &old[0], NULL);
    sigaction(SIGTERM, &old[1], NULL);
    sigaction(SIGPIPE, &old[2], NULL);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static void fmt_time(char *buf, size_t n, long long ms, char sep)
{
    snprintf(buf, n, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, sep, ms % 1000);
}

typedef ui_export_schedule schedule;

/* The credits' cues: the attributions the last seconds show, one cue each, across them. */
static int credit_cues(const schedule *sc, int fps, xl_caption_track *t)
{
    char text[UI_EXPORT_CREDITS_MAX * 162] = "";
    size_t used = 0;
    for (int i = 0; i < sc->credits; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", i ? "\n" : "", sc->credit[i]);
    if (sc->credits > 0)
        xl_caption_track_add_text(t, text, xl_recording_ms(sc->credit_start, fps), xl_recording_ms(sc->frames, fps));
    return t->n;
}

/* The captions as SRT and WebVTT: the schedule's cues, then the credits', all after the
 * title card (sc->lead). */
static int write_captions(const char *srt, const char *vtt, const schedule *sc, int fps)
{
    xl_caption_track credits;
    xl_caption_track_init(&credits);
    credit_cues(sc, fps, &credits);
    const xl_caption_track *tracks[2] = {sc->captions, &credits};
    const long long lead = xl_recording_ms(sc->lead, fps);
    const int rc = ui_captions_write(srt, UI_CAPTIONS_SRT, tracks, 2, lead) == 0 &&
                   ui_captions_write(vtt, UI_CAPTIONS_VTT, tracks, 2, lead) == 0 ? 0 : -1;
    xl_caption_track_deinit(&credits);
    return rc;
}

/* 1 when the export has any cue to mux (ffmpeg refuses an empty subtitle file). */
static int has_captions(const schedule *sc)
{
    return (sc->captions && sc->captions->n > 0) || sc->credits > 0;
}

/* Chapter k's frames in the video: the first opens with the title card, the last
 * closes with the end card (a player's chapter list starts at 0:00). */
static void chapter_frames(const schedule *sc, int k, long *a, long *b)
{
    *a = k == 0 ? 0 : sc->lead + sc->start[k];
    *b = k == sc->pages - 1 ? sc->lead + sc->frames + sc->tail : sc->lead + sc->end[k];
}

static int write_vtt(const char *path, const schedule *sc, int fps)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, "WEBVTT\n\n");
    for (int k = 0; k < sc->pages; k++) {
        char a[32], b[32];
        long fa, fb;
        chapter_frames(sc, k, &fa, &fb);
        fmt_time(a, sizeof a, xl_recording_ms(fa, fps), '.');
        fmt_time(b, sizeof b, xl_recording_ms(fb, fps), '.');
        fprintf(f, "%d\n%s --> %s\n%s\n\n", k + 1, a, b, sc->title[k]);
    }
    return fclose(f) == 0 ? 0 : -1;
}

/* ffmpeg's metadata file: the title and one chapter per page (its special characters
 * escaped with a backslash). */
static void meta_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '=' || *s == ';' || *s == '#' || *s == '\\' || *s == '\n') fputc('\\', f);
        fputc(*s, f);
    }
}

static int write_ffmetadata(const char *path, const schedule *sc, int fps)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, ";FFMETADATA1\ntitle=");
    meta_escaped(f, sc->video_title);
    fprintf(f, "\n");
    for (int k = 0; k < sc->pages; k++) {
        long fa, fb;
        chapter_frames(sc, k, &fa, &fb);
        fprintf(f, "[CHAPTER]\nTIMEBASE=1/1000\nSTART=%lld\nEND=%lld\ntitle=", xl_recording_ms(fa, fps),
                xl_recording_ms(fb, fps));
        meta_escaped(f, sc->title[k]);
        fprintf(f, "\n");
    }
    return fclose(f) == 0 ? 0 : -1;
}

void ui_export_note_credit(ui_export_schedule *sc, const xl_session *s)
{
    const xl_scenario_def *def = xl_session_scenario(s);
    const char *c = def->credit ? def->credit(xl_session_state(s)) : NULL;
    if (!c) return;
    for (int i = 0; i < sc->credits; i++)
        if (strcmp(sc->credit[i], c) == 0) return;
    if (sc->credits < UI_EXPORT_CREDITS_MAX) snprintf(sc->credit[sc->credits++], sizeof sc->credit[0], "%s", c);
}

void ui_export_add_credit_tail(ui_export_schedule *sc, int fps)
{
    sc->credit_start = sc->frames;
    if (sc->credits > 0) sc->frames += (long)UI_EXPORT_CREDIT_SECONDS * (fps > 0 ? fps : 30);
}

/* Remove a frames folder this exporter made (frame-*.png, captions.srt, captions.vtt,
 * chapters.vtt, narration.wav, nothing else); -1 if it holds anything else, which is then
 * left alone. */
static int remove_frames_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *e;
    int foreign = 0;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0) continue;
        if (!((strncmp(n, "frame-", 6) == 0 && ends_with(n, ".png")) || strcmp(n, "captions.srt") == 0 ||
              strcmp(n, "captions.vtt") == 0 || strcmp(n, "chapters.vtt") == 0 || strcmp(n, "narration.wav") == 0))
            foreign = 1;
    }
    if (foreign) {
        closedir(d);
        return -1;
    }
    rewinddir(d);
    char path[PATH_MAX_LEN];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    return rmdir(dir);
}

/* Progress on a terminal: frame, percent, frames per second, time left. */
static void progress(long frame, long total, double elapsed)
{
    double fps = elapsed > 0.0 ? (double)frame / elapsed : 0.0;
    double left = fps > 0.0 ? (double)(total - frame) / fps : 0.0;
    fputc('\r', stderr); /* back to the line's start: outside the message (xgettext wants no \r in one) */
    fprintf(stderr, _("xentlab: frame %ld of %ld  %3d%%  %5.1f frames/s  %d:%02d left   "), frame, total,
            total > 0 ? (int)(100 * frame / total) : 0, fps, (int)left / 60, (int)left % 60);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Write all n bytes to fd; 0, or -1 (EPIPE when the reader is gone). */
static int write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR && !interrupted) continue;
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* The last lines of ffmpeg's log, to say why it failed. */
static void print_log_tail(const char *log)
{
    FILE *f = fopen(log, "r");
    if (!f) return;
    char lines[6][512];
    int n = 0;
    while (fgets(lines[n % 6], sizeof lines[0], f)) n++;
    fclose(f);
    for (int i = n > 6 ? n - 6 : 0; i < n; i++) fprintf(stderr, "  ffmpeg: %s", lines[i % 6]);
}

typedef struct paths {
    char out[PATH_MAX_LEN], srt[PATH_MAX_LEN], vtt[PATH_MAX_LEN], cvtt[PATH_MAX_LEN]; /* final names */
    char tmp_out[PATH_MAX_LEN], tmp_srt[PATH_MAX_LEN], tmp_vtt[PATH_MAX_LEN], meta[PATH_MAX_LEN], log[PATH_MAX_LEN];
    char tmp_cvtt[PATH_MAX_LEN]; /* cvtt: the captions as WebVTT; vtt: the chapters */
} paths;

static void remove_temporaries(const paths *ps, out_kind kind)
{
    if (kind == OUT_FRAMES) {
        remove_frames_dir(ps->tmp_out);
    } else {
        unlink(ps->tmp_out);
        unlink(ps->tmp_srt);
        unlink(ps->tmp_vtt);
        unlink(ps->tmp_cvtt);
    }
    unlink(ps->meta);
    unlink(ps->log);
}

/* Names: the final ones, and temporaries beside them (".NAME.partial-PID..."), so the
 * rename at the end stays on one file system. Returns 0, or -1 with the reason said. */
static int make_paths(const char *out, out_kind kind, paths *ps)
{
    memset(ps, 0, sizeof *ps);
    char dir[1024], base[1024];
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/') len--; /* "frames/" is the folder "frames" */
    if (len >= 1000) {
        fprintf(stderr, _("xentlab: --record: the file name is too long\n"));
        return -1;
    }
    snprintf(ps->out, sizeof ps->out, "%.*s", (int)len, out);
    const char *slash = strrchr(ps->out, '/');
    if (slash) {
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - ps->out + 1), ps->out);
        snprintf(base, sizeof base, "%.1000s", slash + 1);
    } else {
        dir[0] = '\0';
        snprintf(base, sizeof base, "%.1000s", ps->out);
    }
    const long pid = (long)getpid();
    if (kind == OUT_FRAMES) {
        snprintf(ps->srt, sizeof ps->srt, "%.1000s/captions.srt", ps->out);
        snprintf(ps->vtt, sizeof ps->vtt, "%.1000s/chapters.vtt", ps->out);
        snprintf(ps->tmp_out, sizeof ps->tmp_out, "%s.%s.partial-%ld", dir, base, pid);
        snprintf(ps->tmp_srt, sizeof ps->tmp_srt, "%.2100s/captions.srt", ps->tmp_out);
        snprintf(ps->tmp_vtt, sizeof ps->tmp_vtt, "%.2100s/chapters.vtt", ps->tmp_out);
        snprintf(ps->cvtt, sizeof ps->cvtt, "%.1000s/captions.vtt", ps->out);
        snprintf(ps->tmp_cvtt, sizeof ps->tmp_cvtt, "%.2100s/captions.vtt", ps->tmp_out);
    } else {
        const size_t stem = strlen(ps->out) - (kind == OUT_MP4 ? 4 : 5);
        snprintf(ps->srt, sizeof ps->srt, "%.*s.srt", (int)stem, ps->out);
        snprintf(ps->vtt, sizeof ps->vtt, "%.*s.chapters.vtt", (int)stem, ps->out);
        const char *ext = kind == OUT_MP4 ? ".mp4" : ".webm";
        snprintf(ps->tmp_out, sizeof ps->tmp_out, "%s.%s.partial-%ld%s", dir, base, pid, ext);
        snprintf(ps->tmp_srt, sizeof ps->tmp_srt, "%s.%s.partial-%ld.srt", dir, base, pid);
        snprintf(ps->tmp_vtt, sizeof ps->tmp_vtt, "%s.%s.partial-%ld.chapters.vtt", dir, base, pid);
        snprintf(ps->cvtt, sizeof ps->cvtt, "%.*s.vtt", (int)stem, ps->out);
        snprintf(ps->tmp_cvtt, sizeof ps->tmp_cvtt, "%s.%s.partial-%ld.vtt", dir, base, pid);
    }
    snprintf(ps->meta, sizeof ps->meta, "%s.%s.partial-%ld.ffmetadata", dir, base, pid);
    snprintf(ps->log, sizeof ps->log, "%s.%s.partial-%ld.ffmpeg.log", dir, base, pid);
    return 0;
}

/* Temporaries a recording of the same OUT left when its process was killed (kill -KILL
 * gives no chance to clean up): ".BASE.partial-PID" with exactly one of the suffixes
 * make_paths gives, whose PID is no longer a process (kill(pid, 0) fails with ESRCH).
 * Nothing else is touched: not another output's, not a living recorder's. */
static void remove_stale(const char *out, out_kind kind)
{
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/') len--;
    char dir[PATH_MAX_LEN], prefix[PATH_MAX_LEN];
    const char *slash = memrchr(out, '/', len);
    if (slash) snprintf(dir, sizeof dir, "%.*s", (int)(slash - out + 1), out);
    else snprintf(dir, sizeof dir, "./");
    const char *base = slash ? slash + 1 : out;
    snprintf(prefix, sizeof prefix, ".%.*s.partial-", (int)(len - (size_t)(base - out)), base);
    static const char *const video[] = {".mp4", ".webm", ".srt", ".chapters.vtt", ".vtt", ".ffmetadata", ".ffmpeg.log",
                                        ".voice.wav", ".sound.wav"};
    static const char *const frames[] = {"", ".ffmetadata", ".ffmpeg.log", ".voice.wav", ".sound.wav"};
    const char *const *suffixes = kind == OUT_FRAMES ? frames : video;
    const size_t nsuffixes = kind == OUT_FRAMES ? 5 : 9;
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    const size_t plen = strlen(prefix);
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        if (strncmp(n, prefix, plen) != 0) continue;
        const char *digits = n + plen, *end = digits;
        while (*end >= '0' && *end <= '9') end++;
        if (end == digits || end - digits > 9 || *digits == '0') continue;
        int known = 0;
        for (size_t i = 0; i < nsuffixes; i++)
            if (strcmp(end, suffixes[i]) == 0) known = 1;
        if (kind != OUT_FRAMES && strcmp(end, kind == OUT_MP4 ? ".webm" : ".mp4") == 0) known = 0;
        if (!known) continue;
        long pid = strtol(digits, NULL, 10);
        if (pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue;
        char path[2 * PATH_MAX_LEN];
        snprintf(path, sizeof path, "%s%s", dir, n);
        struct stat st;
        int gone = lstat(path, &st) == 0 && (S_ISDIR(st.st_mode) ? remove_frames_dir(path) : unlink(path)) == 0;
        if (gone) fprintf(stderr, _("xentlab: --record: removed %s, left by process %ld, which is gone\n"), path, pid);
    }
    closedir(d);
}

/* The subtitle track's arguments (input `input`, the captions file written before
 * ffmpeg starts): mov_text in mp4, WebVTT in webm; English, titled, neither default nor
 * forced, so players list it and viewers choose it. Appended to argv at *n. */
static void subtitle_args(out_kind kind, int input, char *map, size_t map_size, const char **argv, int *n)
{
    snprintf(map, map_size, "%d:s:0", input);
    /* WebVTT is copied as written: ffmpeg's WebVTT decoder drops what is escaped (x &lt; 4). */
    const char *args[] = {"-map", map, "-c:s", kind == OUT_MP4 ? "mov_text" : "copy",
                          "-metadata:s:s:0", "language=eng", "-metadata:s:s:0", "title=English",
                          "-metadata:s:s:0", "handler_name=English", "-disposition:s:0", "0",
                          "-disposition:v:0", "default"};
    for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) argv[(*n)++] = args[i];
}

/* Append a NULL-ended list to argv; -1 if it does not fit. */
static int push_args(const char **argv, int *argc, int cap, const char *const *list)
{
    for (; *list; list++) {
        if (*argc + 1 >= cap) return -1;
        argv[(*argc)++] = *list;
    }
    argv[*argc] = NULL;
    return 0;
}

/* Frame `frame` of the video (yuv: its I420 pixels) to ffmpeg, stamped with its time
 * (ui_mkv.h); 0, or -1 with errno (EPIPE: ffmpeg is gone). */
static int send_frame(int fd, long frame, int fps, const uint8_t *yuv, size_t yuv_size)
{
    uint8_t head[UI_MKV_FRAME_HEAD];
    const size_t n = ui_mkv_frame_head(head, frame, fps, yuv_size);
    return write_all(fd, head, n) == 0 && write_all(fd, yuv, yuv_size) == 0 ? 0 : -1;
}

/* Start ffmpeg reading timestamped raw frames (Matroska, ui_mkv.h) from a pipe, and the
 * sound track and the captions when there are any; returns its pid and the pipe's write
 * end, or -1 (ENOENT: not installed). audio: the sound track's arguments, or NULL; sound: the sound that follows
 * the loss, alone or mixed under audio, or NULL. */
static pid_t start_ffmpeg(const ui_export_options *opt, out_kind kind, const paths *ps, ui_export_audio *audio,
                          ui_export_audio *sound, int captions, int *fd_out)
{
    int fds[2];
    if (pipe(fds) != 0) return -1;
#ifdef F_SETPIPE_SZ
    /* A 1 MiB pipe (Linux's default limit) instead of 64 KiB: a 1080p frame crosses in
     * 3 writes rather than 48, with as many fewer wake-ups of ffmpeg. Best effort. */
    (void)fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
#endif
    char timebase[16], map[16];
    snprintf(timebase, sizeof timebase, "1/%d", opt->fps);
    /* Inputs: 0 the frames, 1 the chapters, 2 the sound track if any, then the sound that
     * follows the loss if any, then the captions if any; then the video's output
     * arguments, the track's (or the two mixed), the captions', and the file. */
    ui_export_audio *first = audio ? audio : sound, *second = audio ? sound : NULL;
    const int tracks = (first != NULL) + (second != NULL);
    const char *const inputs[] = {
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "matroska", "-i", "pipe:0", "-i", ps->meta, NULL};
    /* Only the frames that changed come, each at its time (ui_mkv.h): passed through as
     * they are (variable frame rate: a sample lasts until the next one), in a time base of
     * 1/fps, the video's alone (-enc_time_base:v; -r beside a passthrough is refused by
     * newer ffmpegs; -fps_mode needs 5.1, and -vsync is gone from 9). A keyframe at the
     * first frame 2 s or more after the last forced one, so a seek decodes little whatever
     * the frames' spacing (x264's own interval counts frames). */
    const char *const keyframes = "expr:if(isnan(prev_forced_t),1,gte(t,prev_forced_t+2))";
    const char *const video_mp4[] = {
        "-map", "0:v:0", "-map_metadata", "1", "-map_chapters", "1",
        "-fps_mode", "passthrough", "-enc_time_base:v", timebase, "-force_key_frames", keyframes,
        "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-pix_fmt", "yuv420p",
        "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv", NULL};
    const char *const video_webm[] = {
        "-map", "0:v:0", "-map_metadata", "1", "-map_chapters", "1",
        "-fps_mode", "passthrough", "-enc_time_base:v", timebase, "-force_key_frames", keyframes,
        "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-crf", "34", "-b:v", "0",
        "-pix_fmt", "yuv420p", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
        "-color_range", "tv", NULL};
    const char *const file_mp4[] = {"-movflags", "+faststart", "-f", "mp4", ps->tmp_out, NULL};
    const char *const file_webm[] = {"-f", "webm", ps->tmp_out, NULL};
    const char *const captions_in[] = {"-i", kind == OUT_MP4 ? ps->tmp_srt : ps->tmp_cvtt, NULL};
    enum { ARGS = 128 };
    const char *argv[ARGS];
    int argc = 0;
    if (push_args(argv, &argc, ARGS, inputs) != 0 ||
        (first && ui_export_audio_input_args(first, argv, &argc, ARGS) != 0) ||
        (second && ui_export_audio_input_args(second, argv, &argc, ARGS) != 0) ||
        (captions && push_args(argv, &argc, ARGS, captions_in) != 0) ||
        push_args(argv, &argc, ARGS, kind == OUT_MP4 ? video_mp4 : video_webm) != 0 ||
        (first && !second && ui_export_audio_output_args(first, 2, kind == OUT_WEBM, argv, &argc, ARGS) != 0) ||
        (second && ui_export_audio_mix_args(first, second, 2, kind == OUT_WEBM, argv, &argc, ARGS) != 0) ||
        (captions && argc + 16 >= ARGS) ||
        (captions && (subtitle_args(kind, 2 + tracks, map, sizeof map, argv, &argc), argv[argc] = NULL, 0)) ||
        push_args(argv, &argc, ARGS, kind == OUT_MP4 ? file_mp4 : file_webm) != 0) {
        close(fds[0]);
        close(fds[1]);
        errno = E2BIG;
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, ps->log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = ui_platform_spawnp(&pid, "ffmpeg", &fa, (char *const *)argv);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[0]);
    if (rc != 0) {
        close(fds[1]);
        errno = rc;
        return -1;
    }
    *fd_out = fds[1];
    return pid;
}

/* Is there an ffmpeg on PATH? (posix_spawnp would say so only after the pipe exists.) */
static int have_ffmpeg(void)
{
    const char *path = getenv("PATH");
    if (!path || !*path) return 0;
    char cand[PATH_MAX_LEN];
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, ":");
        snprintf(cand, sizeof cand, "%.*s/ffmpeg", (int)(n ? n : 1), n ? p : ".");
        if (access(cand, X_OK) == 0) return 1;
        p += n;
        if (*p == ':') p++;
    }
    return 0;
}

/* What OUT's name, the size and the files already there allow (one of them refused:
 * said, 1); old temporaries of dead exports removed. Done first, before a lesson's voice
 * is said (minutes of work for a refusal that needs none), and again by ui_export_frames. */
static int output_checked(const ui_export_options *opt, out_kind *kind_out, paths *ps)
{
    const char *out = opt->out;
    out_kind kind = ends_with(out, ".mp4") ? OUT_MP4 : ends_with(out, ".webm") ? OUT_WEBM : OUT_FRAMES;
    const char *base = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
    if (kind == OUT_FRAMES && !ends_with(out, "/") && strchr(base, '.') && !(base[0] == '.' && !strchr(base + 1, '.'))) {
        fprintf(stderr, _("xentlab: --record: '%s': expected a name ending in .mp4 or .webm, or a folder name "
                        "(PNG frames) without an extension\n"), out);
        return 1;
    }
    if (kind != OUT_FRAMES && (opt->width % 2 || opt->height % 2)) {
        fprintf(stderr, _("xentlab: --size: '%dx%d': a video needs an even width and height (yuv420p)\n"), opt->width,
                opt->height);
        return 1;
    }
    if (make_paths(out, kind, ps) != 0) return 1;
    remove_stale(out, kind);
    const char *finals[4] = {ps->out, ps->srt, ps->vtt, ps->cvtt};
    for (int i = 0; i < (kind == OUT_FRAMES ? 1 : 4); i++)
        if (exists(finals[i]) && !opt->force) {
            fprintf(stderr, _("xentlab: --record: '%s' exists; give --force to replace it\n"), finals[i]);
            return 1;
        }
    if (kind != OUT_FRAMES && !have_ffmpeg()) {
        fprintf(stderr, _("xentlab: --record: ffmpeg is not installed (it encodes the %s video); install it with\n"
                        "  sudo apt-get install ffmpeg\n"
                        "or record PNG frames into a folder instead: --record FOLDER\n"),
                kind == OUT_MP4 ? "H.264" : "VP9");
        return 1;
    }
    *kind_out = kind;
    return 0;
}

int ui_export_check_output(const ui_export_options *opt)
{
    out_kind kind;
    paths ps;
    return output_checked(opt, &kind, &ps);
}

static struct sigaction lesson_signals[3]; /* what ui_export_signals_restore puts back */

void ui_export_signals_catch(void)
{
    interrupted = 0;
    catch_signals(lesson_signals);
}

void ui_export_signals_restore(void)
{
    restore_signals(lesson_signals);
}

volatile sig_atomic_t *ui_export_interrupted(void)
{
    return &interrupted;
}

/* The transitions of a video (ui_export_cards.h): the picture a cross-fade leaves, and
 * the frame blended from it. */
typedef struct motion {
    long fade;            /* frames of a fade or a cross-fade; 0: cuts (--reduced-motion) */
    uint8_t *outgoing;    /* the picture the current cross-fade leaves (the target's layout) */
    uint8_t *mix;         /* a blended frame */
    long from;            /* the video frame the current cross-fade began on; -1: none */
} motion;

static int motion_alloc(motion *mo, const SDL_Surface *target)
{
    if (mo->fade <= 0) return 0;
    const size_t bytes = (size_t)target->pitch * (size_t)target->h;
    mo->outgoing = malloc(bytes);
    mo->mix = malloc(bytes);
    return mo->outgoing && mo->mix ? 0 : -1;
}

static void motion_free(motion *mo)
{
    free(mo->outgoing);
    free(mo->mix);
}

/* A cross-fade begins on video frame `frame`, from what the target shows now. */
static void motion_keep(motion *mo, const SDL_Surface *target, long frame)
{
    if (mo->fade <= 0 || !mo->outgoing) return;
    memcpy(mo->outgoing, target->pixels, (size_t)target->pitch * (size_t)target->h);
    mo->from = frame;
}

/* 1 when source frame f opens a new chapter (a page; a replay's lesson or sandbox). */
static int page_turns(const ui_export_schedule *sc, long f)
{
    for (int k = 1; k < sc->pages; k++)
        if (sc->start[k] == f && f > 0) return 1;
    return 0;
}

/* A source frame: the target, or while a cross-fade runs the outgoing picture blended
 * into it (then the frame is new even if the source held still). */
static const uint8_t *crossfade_pixels(motion *mo, const SDL_Surface *target, long frame, int moved, int *changed)
{
    *changed = moved;
    if (mo->fade <= 0 || mo->from < 0 || frame - mo->from >= mo->fade) return target->pixels;
    *changed = 1;
    ui_blend_argb(mo->outgoing, target->pitch, target->pixels, target->pitch, mo->mix, target->pitch, target->w,
                  target->h, ui_fade_weight(frame - mo->from, mo->fade));
    return mo->mix;
}

/* Frame i of a card of n frames (the target holds the card): the title card fades in
 * from black (and gives way to the first page by a cross-fade); the end card
 * cross-fades in from the last frame and fades out to black. */
static const uint8_t *card_pixels(motion *mo, const SDL_Surface *target, int end, long i, long n, int *changed)
{
    *changed = i == 0;
    const long fade = mo->fade < n / 2 ? mo->fade : n / 2;
    if (fade <= 0) return target->pixels;
    int wt = 256;
    const uint8_t *under = NULL; /* black */
    if (i < fade) {
        wt = ui_fade_weight(i, fade);
        if (end) under = mo->outgoing;
    } else if (end && i >= n - fade) {
        wt = 256 - ui_fade_weight(i - (n - fade), fade);
    } else {
        return target->pixels;
    }
    *changed = 1; /* every frame of a fade is new, its last (the card itself) too */
    if (wt == 256) return target->pixels;
    ui_blend_argb(under, target->pitch, target->pixels, target->pitch, mo->mix, target->pitch, target->w, target->h,
                  wt);
    return mo->mix;
}

int ui_export_frames(const ui_export_options *opt, const ui_export_schedule *sc, const ui_export_source *src)
{
    out_kind kind;
    paths ps;
    if (output_checked(opt, &kind, &ps) != 0) return 1;

    /* Signals from here on (the sound track's measure takes a while too): they stop the
     * export at the next step, which cleans up. A signal that came before (while a
     * lesson's voice was said) is kept: the export stops at once. */
    struct sigaction old_signals[3];
    catch_signals(old_signals);

    /* The sound track is read and measured before any frame is drawn: a missing or
     * soundless file is said now, not after minutes of drawing. */
    ui_export_audio *audio = NULL, *sound = NULL;
    if ((opt->audio || opt->sound_track) && !interrupted) {
        if (kind == OUT_FRAMES && !have_ffmpeg()) {
            fprintf(stderr, _("xentlab: --record: ffmpeg is not installed (it fits the sound track to the frames); "
                            "install it with\n  sudo apt-get install ffmpeg\n"));
            restore_signals(old_signals);
            return 1;
        }
        /* Timed on the recording's frames, as the chapters: after the title card's lead,
         * over the whole video (the cards included). */
        const long long lead_ms = xl_recording_ms(sc->lead, opt->fps);
        if (opt->audio && (!(audio = malloc(sizeof *audio)) ||
                           ui_export_audio_prepare(audio, opt->audio, opt->audio_offset_ms + lead_ms,
                                                   sc->lead + sc->frames + sc->tail, opt->fps,
                                                   "--record: the sound track", ps.log) != 0)) {
            if (!audio) fprintf(stderr, _("xentlab: --record: out of memory\n"));
            free(audio);
            unlink(ps.log);
            const int sig = interrupted;
            restore_signals(old_signals);
            if (sig) {
                fprintf(stderr, _("xentlab: --record: interrupted while the sound track was measured; nothing was "
                                "written to %s\n"), ps.out);
                return 130;
            }
            return 1;
        }
    }
    if (opt->sound_track && !interrupted) { /* ours: nothing to measure */
        if (!(sound = malloc(sizeof *sound))) {
            fprintf(stderr, _("xentlab: --record: out of memory\n"));
            free(audio);
            restore_signals(old_signals);
            return 1;
        }
        ui_export_audio_prepare_sound(sound, opt->sound_track, xl_recording_ms(sc->lead, opt->fps),
                                      sc->lead + sc->frames + sc->tail, opt->fps);
    }

    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, opt->width, opt->height, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    char err[512] = "";
    ui_scene *scene = r ? ui_scene_create(r, opt->fonts, err, sizeof err) : NULL;
    int status = 0, fd = -1;
    pid_t ff = -1;
    if (!scene) {
        fprintf(stderr, _("xentlab: --record: cannot set up drawing: %s\n"), err[0] ? err : SDL_GetError());
        status = 1;
        goto done;
    }
    /* The target keeps each frame: the next redraws only what changed (the cards, drawn
     * on it too, make the frame after them whole). */
    ui_scene_set_retain(scene, 1);
    if (kind == OUT_FRAMES) {
        if (mkdir(ps.tmp_out, 0755) != 0) {
            fprintf(stderr, _("xentlab: --record: cannot create %s: %s\n"), ps.tmp_out, strerror(errno));
            status = 1;
        } else if (audio || sound) { /* narration.wav beside the frames, its sample 0 at frame 1 */
            char wav[PATH_MAX_LEN + 32];
            snprintf(wav, sizeof wav, "%s/narration.wav", ps.tmp_out);
            if (ui_export_audio_write_wav(audio ? audio : sound, audio ? sound : NULL, wav, ps.log) != 0) status = 1;
        }
    } else if (write_ffmetadata(ps.meta, sc, opt->fps) != 0) {
        fprintf(stderr, _("xentlab: --record: cannot write beside %s: %s\n"), ps.out, strerror(errno));
        status = 1;
    }
    /* The captions first: the video carries them as a subtitle track. */
    if (status == 0 && (write_captions(ps.tmp_srt, ps.tmp_cvtt, sc, opt->fps) != 0 ||
                        write_vtt(ps.tmp_vtt, sc, opt->fps) != 0)) {
        fprintf(stderr, _("xentlab: --record: cannot write the captions: %s\n"), strerror(errno));
        status = 1;
    } else if (status == 0 && kind != OUT_FRAMES &&
               (ff = start_ffmpeg(opt, kind, &ps, audio, sound, has_captions(sc), &fd)) < 0) {
        fprintf(stderr, _("xentlab: --record: cannot start ffmpeg: %s\n"),
                errno == ENOSYS ? "a web page starts no programs; record videos with the desktop program"
                                : strerror(errno));
        status = 1;
    }

    const int tty = isatty(2);
    const double t0 = now_seconds();
    double shown = 0.0;
    long frame = 0, drawn = 0;
    const long total = sc->lead + sc->frames + sc->tail;
    char last_png[PATH_MAX_LEN + 32] = "";
    const size_t luma = (size_t)opt->width * (size_t)opt->height, yuv_size = luma + luma / 2;
    /* A video's frame in I420, and the one sent before it: a frame drawn again that comes
     * out the same (the same picture by another path) is not sent either. */
    uint8_t *const yuv_block = kind == OUT_FRAMES ? NULL : malloc(2 * yuv_size);
    uint8_t *yuv = yuv_block, *yuv_sent = yuv_block ? yuv_block + yuv_size : NULL;
    motion mo = {.fade = opt->reduced_motion ? 0 : (long)(UI_FADE_SECONDS * opt->fps + 0.5), .from = -1};
    if (status == 0 && ((kind != OUT_FRAMES && !yuv) || motion_alloc(&mo, target) != 0)) {
        fprintf(stderr, _("xentlab: --record: out of memory\n"));
        status = 1;
    }
    if (status == 0 && fd >= 0) {
        uint8_t head[UI_MKV_HEADER_MAX];
        if (write_all(fd, head, ui_mkv_header(head, opt->width, opt->height, opt->fps)) != 0) {
            fprintf(stderr, _("%sxentlab: --record: ffmpeg stopped taking frames (%s)\n"), "", strerror(errno));
            status = 1;
        }
    }
    while (status == 0 && !interrupted && frame < total) {
        const long rf = frame - sc->lead; /* the source's frame */
        const uint8_t *pixels = NULL; /* this frame's picture: the target's, or a blend */
        int changed = 1;
        if (rf < 0 || rf >= sc->frames) { /* a card */
            const int end = rf >= 0;
            const long i = end ? rf - sc->frames : frame, n = end ? sc->tail : sc->lead;
            if (i == 0) {
                if (end) motion_keep(&mo, target, frame);
                if (ui_cards_draw(r, opt->fonts, &sc->cards, end, (ui_theme_kind)opt->theme, opt->width, opt->height, err,
                                  sizeof err) != 0) {
                    fprintf(stderr, _("%sxentlab: --record: cannot draw the %s card: %s\n"), tty ? "\n" : "",
                            end ? "end" : "title", err);
                    status = 1;
                    break;
                }
                SDL_RenderPresent(r);
                ui_scene_invalidate(scene);
                drawn++;
            }
            pixels = card_pixels(&mo, target, end, i, n, &changed);
        } else {
            /* The credits at the end hold the last frame with the attributions as its note. */
            const int tail = sc->credits > 0 && rf >= sc->credit_start;
            if (!tail && !src->next(src->self)) break;
            /* A page turn (and the title card giving way to the first page) cross-fades
             * from the picture it leaves. */
            if ((rf == 0 && sc->lead > 0) || page_turns(sc, rf)) motion_keep(&mo, target, frame);
            /* A frame held still is the frame before, pixel for pixel (a frame is a function
             * of the state, the view and the size): only a change is drawn again. */
            const int moved = rf == 0 || (tail ? rf == sc->credit_start : src->changed(src->self));
            if (moved) {
                ui_view credits = *src->view;
                const xl_session *s = src->drawn ? src->drawn(src->self) : src->session;
                if (tail) {
                    /* The attributions the last page does not show itself: a scene on
                     * licensed data already has its credit in the status strip or its data
                     * panel, and a note over it would write it twice, one over the other. */
                    const xl_session *shown = s ? s : src->session;
                    const xl_scenario_def *def = xl_session_scenario(shown);
                    const char *own = def->credit ? def->credit(xl_session_state(shown)) : NULL;
                    size_t used = 0;
                    credits.note[0] = '\0';
                    for (int c = 0; c < sc->credits; c++) {
                        if (own && strcmp(own, sc->credit[c]) == 0) continue;
                        int wr = snprintf(credits.note + used, sizeof credits.note - used, "%s%s", used ? " · " : "",
                                          sc->credit[c]);
                        if (wr > 0 && (size_t)wr < sizeof credits.note - used) used += (size_t)wr;
                    }
                }
                ui_scene_draw(scene, s ? s : src->session, &credits, opt->width, opt->height, NULL);
                SDL_RenderPresent(r);
                drawn++;
            }
            pixels = crossfade_pixels(&mo, target, frame, moved, &changed);
        }
        if (changed && yuv) {
            ui_yuv420_from_argb(pixels, target->pitch, opt->width, opt->height, yuv, yuv + luma, yuv + luma + luma / 4);
            if (frame > 0 && memcmp(yuv, yuv_sent, yuv_size) == 0) changed = 0;
        }
        if (kind == OUT_FRAMES) {
            char path[PATH_MAX_LEN + 32];
            snprintf(path, sizeof path, "%s/frame-%06ld.png", ps.tmp_out, frame + 1);
            /* A held frame is the file before it: a hard link, where the file system has them. */
            const int linked = !changed && link(last_png, path) == 0;
            if (!linked && ui_png_write(path, pixels, opt->width, opt->height, target->pitch, err, sizeof err) != 0) {
                fprintf(stderr, _("%sxentlab: --record: cannot write %s: %s\n"), tty ? "\n" : "", path, err);
                status = 1;
            }
            memcpy(last_png, path, sizeof last_png);
        } else if (changed || frame == total - 1) {
            /* A video gets a frame only when the picture changed: the one before lasts until
             * then. The last frame is sent even when held, so the video lasts exactly
             * `total` frames, as long as its sound and captions (a sample's length is the
             * distance to the next; the last's would be a guess). */
            if (changed) { /* the one before is kept to compare (the buffers trade places) */
                uint8_t *t = yuv_sent;
                yuv_sent = yuv;
                yuv = t;
            }
            if (send_frame(fd, frame, opt->fps, yuv_sent, yuv_size) != 0) {
                if (!interrupted) {
                    fprintf(stderr, _("%sxentlab: --record: ffmpeg stopped taking frames (%s)\n"), tty ? "\n" : "",
                            strerror(errno));
                    status = 1;
                }
            }
        }
        frame++;
        double t = now_seconds();
        if (tty && t - shown > 0.25) {
            progress(frame, total, t - t0);
            shown = t;
        }
    }
    motion_free(&mo);
    if (tty) {
        progress(frame, total, now_seconds() - t0);
        fputc('\n', stderr);
    }
    free(yuv_block);
    if (fd >= 0) close(fd); /* end of input: ffmpeg finishes the file */
    if (ff > 0) {
        if (interrupted) kill(ff, SIGTERM);
        int ws = 0;
        while (waitpid(ff, &ws, 0) < 0 && errno == EINTR) {
        }
        if (!interrupted && status == 0 && !(WIFEXITED(ws) && WEXITSTATUS(ws) == 0)) {
            if (WIFSIGNALED(ws)) fprintf(stderr, _("xentlab: --record: ffmpeg was killed (signal %d)\n"), WTERMSIG(ws));
            else fprintf(stderr, _("xentlab: --record: ffmpeg failed (exit status %d)\n"), WEXITSTATUS(ws));
            print_log_tail(ps.log);
            status = 1;
        } else if (status != 0 && !interrupted) {
            print_log_tail(ps.log);
        }
    }
    if (status == 0 && !interrupted && kind == OUT_MP4 && has_captions(sc) && ui_captions_mp4_optional(ps.tmp_out) < 0) {
        fprintf(stderr, _("xentlab: --record: cannot finish %s: %s\n"), ps.tmp_out, strerror(errno));
        status = 1;
    }
    if (interrupted) {
        fprintf(stderr, _("xentlab: --record: interrupted at frame %ld of %ld; nothing was written to %s\n"), frame,
                total, ps.out);
        status = 130;
    } else if (status == 0 && frame != total) {
        fprintf(stderr, _("xentlab: --record: the source ended at frame %ld, planned %ld\n"), frame, total);
        status = 1;
    }
    if (status == 0) {
        /* Replace what was there (--force was checked), then move the new files in. */
        if (kind == OUT_FRAMES && exists(ps.out) && remove_frames_dir(ps.out) != 0) {
            fprintf(stderr, _("xentlab: --record: '%s' holds other files than frames; not replaced\n"), ps.out);
            status = 1;
        } else if (rename(ps.tmp_out, ps.out) != 0 ||
                   (kind != OUT_FRAMES && (rename(ps.tmp_srt, ps.srt) != 0 || rename(ps.tmp_vtt, ps.vtt) != 0 ||
                                           rename(ps.tmp_cvtt, ps.cvtt) != 0))) {
            fprintf(stderr, _("xentlab: --record: cannot move the result to %s: %s\n"), ps.out, strerror(errno));
            status = 1;
        }
    }
    if (status != 0) remove_temporaries(&ps, kind);
    unlink(ps.meta);
    unlink(ps.log);
    if (status == 0) {
        double secs = now_seconds() - t0, length = (double)total / opt->fps;
        fprintf(stderr,
                sc->pages == 1 ? _("xentlab: recorded %s: %d chapter, %ld frames (%ld drawn), %.1f s at %d fps, %dx%d, "
                                   "in %.1f s (%.1fx real time)%s\n")
                               : _("xentlab: recorded %s: %d chapters, %ld frames (%ld drawn), %.1f s at %d fps, %dx%d, "
                                   "in %.1f s (%.1fx real time)%s\n"),
                ps.out, sc->pages, total, drawn, length, opt->fps, opt->width, opt->height, secs,
                secs > 0.0 ? length / secs : 0.0, kind == OUT_FRAMES ? "" : _("; captions and chapters beside it"));
        const char *track = opt->voice ? _("the synthesized voice") : opt->audio;
        if (audio && !audio->silent)
            fprintf(stderr, _("xentlab: its sound track: %s from %+.3f s, at %.1f LUFS before, %.0f LUFS after%s\n"),
                    track, opt->audio_offset_ms / 1000.0, audio->in_i, UI_AUDIO_TARGET_LUFS,
                    kind == OUT_FRAMES ? " (narration.wav)" : "");
        else if (audio)
            fprintf(stderr, _("xentlab: its sound track: %s, silent%s\n"), track,
                    kind == OUT_FRAMES ? " (narration.wav)" : "");
        if (sound)
            fprintf(stderr, _("xentlab: the sound that follows the loss (--sound) is %s, at its own level%s\n"),
                    audio ? _("mixed under it") : _("its sound track"), kind == OUT_FRAMES ? " (narration.wav)" : "");
    }
done:
    restore_signals(old_signals);
    free(audio);
    free(sound);
    ui_scene_destroy(scene);
    if (r) SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);
    return status;
}
