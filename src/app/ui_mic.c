/* ui_mic: the microphone into a WAV file (see ui_mic.h). */
#include "ui_mic.h"

#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(err, errlen, "no sound system to record from (SDL: %s)", SDL_GetError());
        return NULL;
    }
    ui_mic *m = calloc(1, sizeof *m);
    if (!m || !(m->ring = malloc(RING * sizeof *m->ring)) || !(m->lock = SDL_CreateMutex()) ||
        !(m->wake = SDL_CreateCond())) {
        snprintf(err, errlen, "out of memory");
        goto fail;
    }
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = UI_MIC_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = UI_MIC_BUFFER_FRAMES;
    want.callback = on_capture;
    want.userdata = m;
    /* No changes allowed: SDL converts whatever the device gives to S16 mono 48 kHz. */
    m->dev = SDL_OpenAudioDevice(NULL, 1, &want, &have, 0);
    if (m->dev == 0) {
        snprintf(err, errlen, "no microphone could be opened (SDL's %s driver: %s)",
                 SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "no", SDL_GetError());
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
        if (m->dev) SDL_CloseAudioDevice(m->dev);
        if (m->wake) SDL_DestroyCond(m->wake);
        if (m->lock) SDL_DestroyMutex(m->lock);
        free(m->ring);
        free(m);
    }
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
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
    SDL_CloseAudioDevice(m->dev); /* no callback runs after this returns */
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
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
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
