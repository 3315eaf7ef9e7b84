/* ui_export_audio: the sound track of an export (see ui_export_audio.h).
 *
 * Every ffmpeg is started with an argument vector, never a shell, and the track is
 * named to it as "file:PATH": a name a user hands over is a file, never a protocol
 * ("http:", "concat:", "pipe:") or an option. */
#define _XOPEN_SOURCE 700
#include "ui_export_audio.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui_platform.h"
#include "ui_lang.h"

/* ffmpeg's input name for path. */
static void file_url(char *out, size_t n, const char *path)
{
    snprintf(out, n, "file:%s", path);
}

/* Run ffmpeg with argv, its output to log. Returns its exit status, or -1 if it could
 * not start (errno). */
static int run_ffmpeg(const char *const *argv, const char *log)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = ui_platform_spawnp(&pid, "ffmpeg", &fa, (char *const *)argv);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        errno = rc;
        return -1;
    }
    int ws = 0;
    while (waitpid(pid, &ws, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + (WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
}

/* ffmpeg's error lines from log (the ones a person needs: not the JSON, not the
 * stream listing), at most 4, each with the prefix. */
static void say_log(const char *log, const char *prefix)
{
    FILE *f = fopen(log, "r");
    if (!f) return;
    char lines[4][400];
    int n = 0;
    char buf[400];
    while (fgets(buf, sizeof buf, f)) {
        if (buf[0] == ' ' || buf[0] == '{' || buf[0] == '}' || buf[0] == '\t' || buf[0] == '\n') continue;
        if (strncmp(buf, "Input #", 7) == 0 || strncmp(buf, "Output #", 8) == 0 || strncmp(buf, "Stream ", 7) == 0 ||
            strncmp(buf, "Press ", 6) == 0 || strncmp(buf, "size=", 5) == 0 || strncmp(buf, "[Parsed_loudnorm", 16) == 0)
            continue;
        snprintf(lines[n % 4], sizeof lines[0], "%s", buf);
        n++;
    }
    fclose(f);
    for (int i = n > 4 ? n - 4 : 0; i < n; i++) fprintf(stderr, "%s%s", prefix, lines[i % 4]);
}

/* One figure of loudnorm's JSON ("input_i" : "-23.41"); -inf for "-inf". */
static int json_figure(const char *text, const char *key, double *out)
{
    char pat[48];
    snprintf(pat, sizeof pat, "\"%s\" : \"", key);
    const char *p = strstr(text, pat);
    if (!p) return -1;
    p += strlen(pat);
    if (strncmp(p, "-inf", 4) == 0) {
        *out = -INFINITY;
        return 0;
    }
    if (strncmp(p, "inf", 3) == 0) {
        *out = INFINITY;
        return 0;
    }
    char *end = NULL;
    *out = strtod(p, &end);
    return end == p ? -1 : 0;
}

/* The track is mono: the first audio stream ffmpeg listed says ", mono," (anything else
 * is made stereo). */
static int is_mono(const char *log)
{
    FILE *f = fopen(log, "r");
    if (!f) return 0;
    char line[512];
    int mono = 0;
    while (fgets(line, sizeof line, f)) {
        if (strstr(line, "Stream #0:") && strstr(line, "Audio:")) {
            mono = strstr(line, ", mono,") != NULL;
            break;
        }
    }
    fclose(f);
    return mono;
}

int ui_export_audio_parse_offset(const char *text, long long *ms)
{
    /* Digits, an optional sign and one point: no exponent, no "inf" or "nan". */
    const char *p = text;
    if (*p == '-' || *p == '+') p++;
    int digits = 0, points = 0;
    for (const char *c = p; *c; c++) {
        if (*c >= '0' && *c <= '9') digits++;
        else if (*c == '.' && !points) points++;
        else return -1;
    }
    if (!digits || strlen(text) > 24) return -1;
    double s = strtod(text, NULL);
    double v = s * 1000.0;
    if (!(fabs(v) <= (double)UI_AUDIO_MAX_OFFSET_MS)) return -1;
    *ms = (long long)llround(v);
    return 0;
}

static void build_filter(ui_export_audio *a)
{
    char *f = a->filter;
    const size_t cap = sizeof a->filter;
    /* Mono or stereo (more channels are mixed down) before loudnorm, and the layout said
     * again after it: ffmpeg 5.1's loudnorm leaves its output's layout unset, and the
     * filters after it then cannot agree on one. */
    const char *layout = a->mono ? "mono" : "stereo";
    size_t n = (size_t)snprintf(f, cap, "aformat=channel_layouts=%s,", layout);
    if (a->raw) {
        /* The sound's track: at its own level, nothing to normalise. */
    } else if (!a->silent)
        n += (size_t)snprintf(f + n, cap - n,
                              "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:"
                              "measured_thresh=%.2f:offset=%.2f:linear=true:print_format=none,",
                              UI_AUDIO_TARGET_LUFS, UI_AUDIO_TARGET_TP, UI_AUDIO_TARGET_LRA, a->in_i, a->in_tp,
                              a->in_lra, a->in_thresh, a->target_offset);
    else
        n += (size_t)snprintf(f + n, cap - n, "volume=0,"); /* below the gate: kept silent, not amplified */
    /* At 48 kHz from here on, so the offset and the length are whole samples. */
    n += (size_t)snprintf(f + n, cap - n, "aresample=%d:ochl=%s", UI_AUDIO_RATE, layout);
    if (a->offset_ms > 0)
        n += (size_t)snprintf(f + n, cap - n, ",adelay=delays=%lld:all=1", a->offset_ms);
    /* A negative offset is the input's seek (-ss): the track read starts there. */
    n += (size_t)snprintf(f + n, cap - n, ",asetpts=PTS-STARTPTS");
    const long long total = llround(a->seconds * UI_AUDIO_RATE);
    n += (size_t)snprintf(f + n, cap - n, ",apad=whole_len=%lld,atrim=end_sample=%lld", total, total);
    /* The sound's tone sounds to the last frame: it fades out with the video (0.15 s, as
     * the window's F10 does) rather than stopping on a click. */
    if (a->raw && n < cap)
        snprintf(f + n, cap - n, ",afade=t=out:st=%.6f:d=0.15", a->seconds > 0.15 ? a->seconds - 0.15 : 0.0);
}

int ui_export_audio_prepare(ui_export_audio *a, const char *path, long long offset_ms, long frames, int fps,
                            const char *who, const char *log)
{
    memset(a, 0, sizeof *a);
    a->path = path;
    a->offset_ms = offset_ms;
    a->seconds = fps > 0 ? (double)frames / fps : 0.0;
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "xentlab: %s: '%s': %s\n", who, path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, _("xentlab: %s: '%s' is not a file\n"), who, path);
        return -1;
    }
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "xentlab: %s: '%s': %s\n", who, path, strerror(errno));
        return -1;
    }
    char url[4200], af[160];
    file_url(url, sizeof url, path);
    /* The part heard: from the seek, the video's length less a delayed start. */
    double heard = a->seconds - (offset_ms > 0 ? (double)offset_ms / 1000.0 : 0.0);
    snprintf(a->read_seconds, sizeof a->read_seconds, "%.3f", heard > 0.1 ? heard : 0.1);
    snprintf(a->seek_seconds, sizeof a->seek_seconds, "%.3f", offset_ms < 0 ? (double)-offset_ms / 1000.0 : 0.0);
    snprintf(af, sizeof af, "aformat=channel_layouts=mono|stereo,loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:print_format=json", UI_AUDIO_TARGET_LUFS,
             UI_AUDIO_TARGET_TP, UI_AUDIO_TARGET_LRA);
    const char *argv[] = {"ffmpeg", "-hide_banner", "-nostats", "-nostdin", "-ss", a->seek_seconds, "-t", a->read_seconds,
                          "-i", url, "-map", "0:a:0", "-af", af, "-f", "null", "-", NULL};
    int rc = run_ffmpeg(argv, log);
    if (rc < 0) {
        fprintf(stderr, _("xentlab: %s: cannot start ffmpeg to read '%s': %s\n"), who, path,
                errno == ENOENT ? "it is not installed (sudo apt-get install ffmpeg)" : strerror(errno));
        unlink(log);
        return -1;
    }
    /* The JSON block is at the end of the log; a few KiB hold it. */
    char text[8192] = "";
    FILE *f = fopen(log, "r");
    if (f) {
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        fseek(f, size > (long)sizeof text - 1 ? size - (long)sizeof text + 1 : 0, SEEK_SET);
        size_t got = fread(text, 1, sizeof text - 1, f);
        text[got] = '\0';
        fclose(f);
    }
    if (rc != 0 || json_figure(text, "input_i", &a->in_i) != 0) {
        int no_audio = strstr(text, "matches no streams") != NULL;
        fprintf(stderr, "xentlab: %s: '%s' %s\n", who, path,
                no_audio ? "has no sound in it (no audio stream)" : "is not audio ffmpeg can read:");
        if (!no_audio) say_log(log, "  ffmpeg: ");
        unlink(log);
        return -1;
    }
    a->mono = is_mono(log);
    unlink(log);
    if (json_figure(text, "input_tp", &a->in_tp) != 0 || json_figure(text, "input_lra", &a->in_lra) != 0 ||
        json_figure(text, "input_thresh", &a->in_thresh) != 0 ||
        json_figure(text, "target_offset", &a->target_offset) != 0) {
        fprintf(stderr, _("xentlab: %s: ffmpeg's loudness measure of '%s' could not be read\n"), who, path);
        return -1;
    }
    a->silent = !isfinite(a->in_i) || !isfinite(a->in_tp) || !isfinite(a->in_thresh) || a->in_i < -70.0;
    if (a->silent)
        fprintf(stderr, _("xentlab: %s: '%s' is silent (below -70 LUFS); the video's track is silence\n"), who, path);
    if (!isfinite(a->in_lra)) a->in_lra = 0.0;
    if (!isfinite(a->target_offset)) a->target_offset = 0.0;
    build_filter(a);
    return 0;
}

void ui_export_audio_prepare_sound(ui_export_audio *a, const char *wav, long long offset_ms, long frames, int fps)
{
    memset(a, 0, sizeof *a);
    a->path = wav;
    a->offset_ms = offset_ms;
    a->seconds = fps > 0 ? (double)frames / fps : 0.0;
    a->mono = 1;
    a->raw = 1;
    /* All of it is read: it starts at the recording's frame 0 and is as long (plus a fade). */
    snprintf(a->read_seconds, sizeof a->read_seconds, "%.3f", a->seconds + 1.0);
    snprintf(a->seek_seconds, sizeof a->seek_seconds, "0");
    build_filter(a);
}

/* The -filter_complex that adds s under a (inputs input and input + 1), to a->mix. */
static void build_mix(ui_export_audio *a, const ui_export_audio *s, int input)
{
    const char *layout = a->mono ? "mono" : "stereo";
    snprintf(a->mix, sizeof a->mix,
             "[%d:a:0]%s[xl_a];[%d:a:0]%s,aformat=channel_layouts=%s[xl_s];"
             "[xl_a][xl_s]amix=inputs=2:duration=first:normalize=0,alimiter=limit=0.79:level=0:latency=1,"
             "aformat=channel_layouts=%s[xl_mix]",
             input, a->filter, input + 1, s->filter, layout, layout);
}

static int push(const char **argv, int *argc, int cap, const char *s)
{
    if (*argc + 1 >= cap) return -1;
    argv[(*argc)++] = s;
    argv[*argc] = NULL;
    return 0;
}

int ui_export_audio_input_args(ui_export_audio *a, const char **argv, int *argc, int cap)
{
    file_url(a->url, sizeof a->url, a->path);
    return push(argv, argc, cap, "-ss") || push(argv, argc, cap, a->seek_seconds) || push(argv, argc, cap, "-t") ||
                   push(argv, argc, cap, a->read_seconds) || push(argv, argc, cap, "-i") ||
                   push(argv, argc, cap, a->url)
               ? -1
               : 0;
}

int ui_export_audio_output_args(ui_export_audio *a, int input, int webm, const char **argv, int *argc, int cap)
{
    snprintf(a->input_spec, sizeof a->input_spec, "%d:a:0", input);
    const char *const aac[] = {"-c:a", "aac", "-b:a", "160k", NULL};
    const char *const opus[] = {"-c:a", "libopus", "-b:a", "128k", NULL};
    if (push(argv, argc, cap, "-map") || push(argv, argc, cap, a->input_spec) || push(argv, argc, cap, "-af") ||
        push(argv, argc, cap, a->filter) || push(argv, argc, cap, "-ar") || push(argv, argc, cap, "48000"))
        return -1;
    for (const char *const *p = webm ? opus : aac; *p; p++)
        if (push(argv, argc, cap, *p)) return -1;
    return 0;
}

int ui_export_audio_mix_args(ui_export_audio *a, ui_export_audio *s, int input, int webm, const char **argv, int *argc,
                             int cap)
{
    build_mix(a, s, input);
    const char *const aac[] = {"-c:a", "aac", "-b:a", "160k", NULL};
    const char *const opus[] = {"-c:a", "libopus", "-b:a", "128k", NULL};
    if (push(argv, argc, cap, "-filter_complex") || push(argv, argc, cap, a->mix) || push(argv, argc, cap, "-map") ||
        push(argv, argc, cap, "[xl_mix]") || push(argv, argc, cap, "-ar") || push(argv, argc, cap, "48000"))
        return -1;
    for (const char *const *p = webm ? opus : aac; *p; p++)
        if (push(argv, argc, cap, *p)) return -1;
    return 0;
}

int ui_export_audio_write_wav(ui_export_audio *a, ui_export_audio *s, const char *wav, const char *log)
{
    char url[4200], surl[4200] = "";
    file_url(url, sizeof url, a->path);
    if (s) {
        file_url(surl, sizeof surl, s->path);
        build_mix(a, s, 0);
    }
    const char *plain[] = {"ffmpeg", "-hide_banner", "-nostats", "-nostdin", "-y", "-ss", a->seek_seconds, "-t",
                           a->read_seconds, "-i", url, "-map", "0:a:0",
                           "-af", a->filter, "-c:a", "pcm_s16le", "-ar", "48000", "-f", "wav", wav, NULL};
    const char *mixed[] = {"ffmpeg", "-hide_banner", "-nostats", "-nostdin", "-y", "-ss", a->seek_seconds, "-t",
                           a->read_seconds, "-i", url, "-ss", s ? s->seek_seconds : "0", "-t",
                           s ? s->read_seconds : "0", "-i", surl, "-filter_complex", a->mix, "-map", "[xl_mix]",
                           "-c:a", "pcm_s16le", "-ar", "48000", "-f", "wav", wav, NULL};
    int rc = run_ffmpeg(s ? mixed : plain, log);
    if (rc != 0) {
        fprintf(stderr, _("xentlab: --record: the sound track could not be written to %s%s\n"), wav,
                rc < 0 ? " (ffmpeg did not start)" : ":");
        if (rc > 0) say_log(log, "  ffmpeg: ");
    }
    unlink(log);
    return rc == 0 ? 0 : -1;
}
