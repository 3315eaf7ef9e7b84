/* ui_mic: the microphone into a WAV file (see ui_mic.h). */
#include "ui_mic.h"

#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_audio_dev.h"
#include "ui_wav.h"

/* 8 s of samples between the callback and the writer: the writer wakes every 100 ms,
 * so only a stalled disk fills it; what does not fit is counted as lost. */
enum { RING = UI_MIC_RATE * 8, WRITE_CHUNK = UI_MIC_RATE / 2 };

struct ui_mic {
    SDL_AudioDeviceID dev;
    ui_wav_writer wav;
    SDL_mutex *lock;
    SDL_cond *wake;
    SDL_Thread *writer;
    int16_t *ring;
    size_t head, count;        /* under lock: the oldest sample, how many wait */
    uint64_t lost;             /* under lock: samples the ring had no room for */
    int stop;                  /* under lock: the writer drains and ends */
    SDL_atomic_t first_known;  /* 1 once first_ticks is set (by the callback, once) */
    long long first_ticks;
    int write_failed;          /* the writer's: a write failed (its reason in why) */
    char why[512];
    int16_t chunk[WRITE_CHUNK];
};

/* The audio thread: copy, never wait on anything but the short lock. */
static void SDLCALL on_capture(void *user, Uint8 *stream, int len)
{
    ui_mic *m = user;
    const size_t n = (size_t)len / sizeof(int16_t);
    if (!SDL_AtomicGet(&m->first_known)) {
        /* A capture buffer is handed over once full: its first sample was taken its
         * length ago. */
        m->first_ticks = (long long)SDL_GetTicks64() - (long long)(n * 1000 / UI_MIC_RATE);
        SDL_AtomicSet(&m->first_known, 1);
    }
    const int16_t *src = (const int16_t *)stream;
    SDL_LockMutex(m->lock);
    size_t room = RING - m->count, take = n < room ? n : room;
    size_t tail = (m->head + m->count) % RING;
    for (size_t i = 0; i < take; i++) m->ring[(tail + i) % RING] = src[i];
    m->count += take;
    m->lost += n - take;
    SDL_UnlockMutex(m->lock);
}

/* The writer thread: the ring into the file, a whole file every second. */
static int SDLCALL writer_main(void *user)
{
    ui_mic *m = user;
    Uint64 last_flush = SDL_GetTicks64();
    for (;;) {
        SDL_LockMutex(m->lock);
        if (!m->stop && m->count == 0) SDL_CondWaitTimeout(m->wake, m->lock, 100);
        size_t n = m->count < WRITE_CHUNK ? m->count : WRITE_CHUNK;
        for (size_t i = 0; i < n; i++) m->chunk[i] = m->ring[(m->head + i) % RING];
        m->head = (m->head + n) % RING;
        m->count -= n;
        const int done = m->stop && m->count == 0;
        SDL_UnlockMutex(m->lock);
        if (n > 0 && !m->write_failed && ui_wav_writer_append(&m->wav, m->chunk, n, m->why, sizeof m->why) != 0)
            m->write_failed = 1;
        if (SDL_GetTicks64() - last_flush >= 1000 && !m->write_failed) {
            if (ui_wav_writer_flush(&m->wav, m->why, sizeof m->why) != 0) m->write_failed = 1;
            last_flush = SDL_GetTicks64();
        }
        if (done) return 0;
    }
}

ui_mic *ui_mic_open(const char *wav, char *err, size_t errlen)
{
    ui_mic *m = calloc(1, sizeof *m);
    if (!m || !(m->ring = malloc(RING * sizeof *m->ring)) || !(m->lock = SDL_CreateMutex()) ||
        !(m->wake = SDL_CreateCond())) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    /* SDL converts whatever the device gives to S16 mono 48 kHz. */
    ui_audio_dev_error e;
    m->dev = ui_audio_dev_open(1, UI_MIC_RATE, 1, UI_MIC_BUFFER_FRAMES, on_capture, m, &e);
    if (m->dev == 0) {
        if (!e.no_device) snprintf(err, errlen, "no sound system to record from (SDL: %s)", e.sdl);
        else snprintf(err, errlen, "no microphone could be opened (SDL's %s driver: %s)", e.driver, e.sdl);
        goto fail;
    }
    if (ui_wav_writer_open(&m->wav, wav, UI_MIC_RATE, 1, err, errlen) != 0) goto fail;
    if (!(m->writer = SDL_CreateThread(writer_main, "xentlab-mic", m))) {
        snprintf(err, errlen, "cannot start the recording's thread: %s", SDL_GetError());
        char ignored[8];
        ui_wav_writer_close(&m->wav, ignored, sizeof ignored);
        remove(wav);
        goto fail;
    }
    return m;
fail:
    if (m) {
        ui_audio_dev_close(m->dev);
        if (m->wake) SDL_DestroyCond(m->wake);
        if (m->lock) SDL_DestroyMutex(m->lock);
        free(m->ring);
        free(m);
    }
    return NULL;
}

void ui_mic_start(ui_mic *m)
{
    if (m) SDL_PauseAudioDevice(m->dev, 0);
}

long long ui_mic_first_ticks(const ui_mic *m)
{
    return m && SDL_AtomicGet((SDL_atomic_t *)&m->first_known) ? m->first_ticks : -1;
}

double ui_mic_seconds(const ui_mic *m)
{
    return m ? (double)m->wav.frames / UI_MIC_RATE : 0.0;
}

int ui_mic_close(ui_mic *m, char *err, size_t errlen)
{
    if (!m) return 0;
    ui_audio_dev_close(m->dev); /* no callback runs after this returns */
    SDL_LockMutex(m->lock);
    m->stop = 1;
    const uint64_t lost = m->lost;
    SDL_CondSignal(m->wake);
    SDL_UnlockMutex(m->lock);
    SDL_WaitThread(m->writer, NULL);
    int rc = 0;
    if (m->write_failed) {
        snprintf(err, errlen, "%s", m->why);
        rc = -1;
    }
    char why[512] = "";
    if (ui_wav_writer_close(&m->wav, why, sizeof why) != 0 && rc == 0) {
        snprintf(err, errlen, "%s", why);
        rc = -1;
    }
    if (rc == 0 && lost > 0) {
        snprintf(err, errlen, "%.3f s of the microphone were lost (the disk fell 8 s behind)",
                 (double)lost / UI_MIC_RATE);
        rc = -1;
    }
    SDL_DestroyCond(m->wake);
    SDL_DestroyMutex(m->lock);
    free(m->ring);
    free(m);
    return rc;
}

void ui_mic_wav_name(const char *record_input, char *out, size_t n)
{
    const char *slash = strrchr(record_input, '/');
    const char *base = slash ? slash + 1 : record_input;
    const char *dot = strrchr(base, '.');
    if (dot && dot != base && strcmp(dot, ".wav") != 0)
        snprintf(out, n, "%.*s.wav", (int)(dot - record_input), record_input);
    else
        snprintf(out, n, "%s.wav", record_input);
}

/* Playing a recorded voice back. */

enum { PLAY_CHUNK = 4096, PLAY_AHEAD_MS = 500 };

struct ui_mic_player {
    SDL_AudioDeviceID dev;
    FILE *f;
    ui_wav info;               /* rate, channels, frames, data_offset */
    size_t next;               /* the next frame to queue */
    int started;
    unsigned char buf[PLAY_CHUNK * 4];
    int16_t samples[PLAY_CHUNK * 2];
};

ui_mic_player *ui_mic_player_open(const char *wav, char *err, size_t errlen)
{
    ui_mic_player *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    /* Bounded like a replay: 3 hours at the highest rate read. */
    if (!(p->f = ui_wav_open(wav, &p->info, (size_t)3 * 3600 * UI_WAV_MAX_RATE, err, errlen))) {
        free(p);
        return NULL;
    }
    ui_audio_dev_error e;
    p->dev = ui_audio_dev_open(0, p->info.rate, p->info.channels, 1024, NULL, NULL, &e); /* queued: no callback */
    if (p->dev == 0) {
        if (!e.no_device) snprintf(err, errlen, "no sound system to play it on (SDL: %s)", e.sdl);
        else snprintf(err, errlen, "no sound output could be opened (SDL: %s)", e.sdl);
        fclose(p->f);
        free(p);
        return NULL;
    }
    return p;
}

/* Queue up to n frames from the file. */
static void play_queue(ui_mic_player *p, size_t n)
{
    const size_t ch = (size_t)p->info.channels;
    while (n > 0 && p->next < p->info.frames) {
        size_t k = n < PLAY_CHUNK ? n : PLAY_CHUNK;
        if (k > p->info.frames - p->next) k = p->info.frames - p->next;
        size_t got = fread(p->buf, 2 * ch, k, p->f);
        if (got == 0) {
            p->next = p->info.frames; /* the file ended early: nothing more to play */
            return;
        }
        for (size_t i = 0; i < got * ch; i++)
            p->samples[i] = (int16_t)(uint16_t)((unsigned)p->buf[2 * i] | ((unsigned)p->buf[2 * i + 1] << 8));
        SDL_QueueAudio(p->dev, p->samples, (Uint32)(got * ch * sizeof(int16_t)));
        p->next += got;
        n -= got;
    }
}

void ui_mic_player_turn(ui_mic_player *p, long long ms)
{
    if (!p || ms < 0) return;
    const size_t bytes_per_frame = (size_t)p->info.channels * sizeof(int16_t);
    if (!p->started) {
        /* Late (the window came up after the voice's start): from where it is now. */
        size_t skip = (size_t)(ms * p->info.rate / 1000);
        if (skip >= p->info.frames) skip = p->info.frames;
        if (skip > 0 && fseeko(p->f, (off_t)(p->info.data_offset + (long long)(skip * bytes_per_frame)), SEEK_SET) != 0)
            skip = p->info.frames;
        p->next = skip;
        p->started = 1;
        play_queue(p, (size_t)p->info.rate * PLAY_AHEAD_MS / 1000);
        SDL_PauseAudioDevice(p->dev, 0);
        return;
    }
    const size_t queued = SDL_GetQueuedAudioSize(p->dev) / bytes_per_frame;
    const size_t ahead = (size_t)p->info.rate * PLAY_AHEAD_MS / 1000;
    if (queued < ahead) play_queue(p, ahead - queued);
}

int ui_mic_player_playing(const ui_mic_player *p)
{
    return p && (!p->started || p->next < p->info.frames || SDL_GetQueuedAudioSize(p->dev) > 0);
}

void ui_mic_player_close(ui_mic_player *p)
{
    if (!p) return;
    ui_audio_dev_close(p->dev);
    fclose(p->f);
    free(p);
}
