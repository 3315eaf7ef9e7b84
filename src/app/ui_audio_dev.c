/* ui_audio_dev: an SDL audio device of the program's own (see ui_audio_dev.h). */
#include "ui_audio_dev.h"

#include <stdio.h>

SDL_AudioDeviceID ui_audio_dev_open(int capture, int rate, int channels, int frames, SDL_AudioCallback callback,
                                    void *user, ui_audio_dev_error *err)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        err->no_device = 0;
        snprintf(err->sdl, sizeof err->sdl, "%s", SDL_GetError());
        snprintf(err->driver, sizeof err->driver, "no");
        return 0;
    }
    SDL_AudioSpec want;
    SDL_zero(want);
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = (Uint8)channels;
    want.samples = (Uint16)frames;
    want.callback = callback;
    want.userdata = user;
    /* No changes allowed: SDL converts between S16 at this rate and what the device takes. */
    SDL_AudioSpec have;
    const SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, capture, &want, &have, 0);
    if (dev == 0) {
        /* Read before the subsystem goes: its driver goes with it. */
        const char *driver = SDL_GetCurrentAudioDriver();
        err->no_device = 1;
        snprintf(err->sdl, sizeof err->sdl, "%s", SDL_GetError());
        snprintf(err->driver, sizeof err->driver, "%s", driver ? driver : "no");
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    return dev;
}

void ui_audio_dev_close(SDL_AudioDeviceID dev)
{
    if (dev == 0) return;
    SDL_CloseAudioDevice(dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}
