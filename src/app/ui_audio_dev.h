/* ui_audio_dev: an SDL audio device of the program's own (the microphone's recording,
 * a recorded voice played back, the sound that follows the loss), opened the one way
 * they all want: SDL's audio subsystem taken for it, signed 16-bit samples in the
 * machine's order, and no changes allowed, so SDL converts between these samples and
 * whatever the device takes. Each device holds the subsystem once and gives it back
 * when closed, so several may be open at a time, and none keeps audio up after it.
 * Who opens a device owns it until ui_audio_dev_close. */
#ifndef UI_AUDIO_DEV_H
#define UI_AUDIO_DEV_H

#include <SDL.h>

/* Why ui_audio_dev_open returned 0, for the caller's own words. */
typedef struct ui_audio_dev_error {
    int no_device;    /* 0: SDL's audio subsystem would not start (no sound system);
                       * 1: it started, but no device could be opened */
    char sdl[256];    /* SDL's words for it (SDL_GetError) */
    char driver[32];  /* SDL's audio driver then, or "no" */
} ui_audio_dev_error;

/* Open the default device: capture (1) or output (0), rate frames a second of channels
 * S16 samples, frames a buffer; callback and user are SDL's (NULL callback: a queued
 * output, fed with SDL_QueueAudio). Returns the device, or 0 with nothing held and
 * why in *err. */
SDL_AudioDeviceID ui_audio_dev_open(int capture, int rate, int channels, int frames, SDL_AudioCallback callback,
                                    void *user, ui_audio_dev_error *err);

/* Close dev (none runs its callback after this returns) and give back the subsystem it
 * held. 0 does nothing. */
void ui_audio_dev_close(SDL_AudioDeviceID dev);

#endif
