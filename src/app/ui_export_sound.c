/* ui_export_sound: the sound that follows the loss as an export's track (see
 * ui_export_sound.h). */
#define _GNU_SOURCE /* memrchr */
#include "ui_export_sound.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_sound.h"
#include "ui_wav.h"
#include "xl_sonify.h"

struct ui_export_sound {
    xl_sonify syn;
    ui_sound_probe probe;
    ui_wav_writer wav;
    int fps;
    long frames;
    int failed;
    char why[256];
    int16_t buf[XL_SONIFY_RATE]; /* one frame's samples at 1 fps at most */
};

ui_export_sound *ui_export_sound_create(const char *path, int fps, char *err, size_t n)
{
    ui_export_sound *es = calloc(1, sizeof *es);
    if (!es) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    es->fps = fps > 0 ? fps : 30;
    xl_sonify_init(&es->syn, XL_SONIFY_RATE);
    ui_sound_probe_init(&es->probe);
    if (ui_wav_writer_open(&es->wav, path, XL_SONIFY_RATE, 1, err, n) != 0) {
        free(es);
        return NULL;
    }
    return es;
}

/* The samples from the end of frame `frames - 1` to the end of frame `frames`: whole
 * samples of the running total, so any fps keeps the track in step with the video. */
static void append(ui_export_sound *es, size_t count)
{
    while (count > 0 && !es->failed) {
        const size_t k = count < sizeof es->buf / sizeof es->buf[0] ? count : sizeof es->buf / sizeof es->buf[0];
        xl_sonify_render_s16(&es->syn, es->buf, k);
        if (ui_wav_writer_append(&es->wav, es->buf, k, es->why, sizeof es->why) != 0) es->failed = 1;
        count -= k;
    }
}

static size_t frame_samples(const ui_export_sound *es, long f)
{
    const long long a = (long long)f * XL_SONIFY_RATE / es->fps, b = (long long)(f + 1) * XL_SONIFY_RATE / es->fps;
    return (size_t)(b - a);
}

void ui_export_sound_frame(ui_export_sound *es, const xl_session *s, const xl_player *p)
{
    if (!es) return;
    xl_sonify_input in;
    ui_sound_probe_take(&es->probe, s, p, 1, &in);
    xl_sonify_feed(&es->syn, &in);
    append(es, frame_samples(es, es->frames));
    es->frames++;
}

int ui_export_sound_finish(ui_export_sound *es, char *err, size_t n)
{
    /* Off, and the fade rung out (its samples after the last frame: the exporter cuts
     * the track at the video's end, which a title card's lead or an end card leaves
     * room for). */
    const xl_sonify_input off = {.on = 0, .gap = NAN, .steps = es->syn.steps, .measured = 0};
    xl_sonify_feed(&es->syn, &off);
    append(es, (size_t)(XL_SONIFY_FADE_SECONDS * XL_SONIFY_RATE) + 1);
    char why[256] = "";
    const int rc = ui_wav_writer_close(&es->wav, why, sizeof why);
    if (es->failed || rc != 0) {
        snprintf(err, n, "%s", es->failed ? es->why : why);
        return -1;
    }
    return 0;
}

long ui_export_sound_frames(const ui_export_sound *es)
{
    return es ? es->frames : 0;
}

void ui_export_sound_free(ui_export_sound *es)
{
    if (!es) return;
    char ignored[8];
    ui_wav_writer_close(&es->wav, ignored, sizeof ignored);
    free(es);
}

void ui_export_sound_path(const char *out, char *buf, size_t n)
{
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/') len--;
    const char *slash = memrchr(out, '/', len);
    const size_t dir = slash ? (size_t)(slash - out + 1) : 0;
    snprintf(buf, n, "%.*s.%.*s.partial-%ld.sound.wav", (int)dir, out, (int)(len - dir), out + dir, (long)getpid());
}
