/* ui_sound: the sound that follows the loss (issue 26), played by SDL; optional, off by
 * default (F10, the view command "sound", --sound).
 *
 * The synthesizer is the core's (xl_sonify.h: the tone's pitch 220 Hz * 2^(gap / nat),
 * clamped to 220-880 Hz, ticks per step, chimes). This module does two things:
 *   - the probe: what a frame's state says to the synthesizer (the gap, readouts[2]; the
 *     run's step count; a measurement taken: a command of the measure verbs ("measure K",
 *     "measure-selected") in the session's log since the frame before, with the scenario's
 *     "p_measure" readout (the probability of the reading taken) then defined; a lesson's
 *     answer revealed:
 *     a question of the page revealed since the frame before). The window and an export
 *     (ui_export_sound) probe the same way, so a video sounds as the window did.
 *   - the output: an SDL audio device (mono, 48 kHz, 16-bit, 512-sample buffers: about
 *     11 ms) whose callback renders from the synthesizer; each frame feeds it under the
 *     device's lock (held only while a buffer is rendered, tens of microseconds: a frame
 *     never waits on the sound). Off and faded out, the device is paused (no callbacks).
 *     The device opens the first time the sound is turned on;
 *     where there is none (a machine with no sound card, SDL_AUDIODRIVER unknown) that is
 *     said in one line and the program goes on silent.
 * Owns the device and the synthesizer; the window's thread calls it. */
#ifndef UI_SOUND_H
#define UI_SOUND_H

#include <stddef.h>

#include "xl_player.h"
#include "xl_session.h"
#include "xl_sonify.h"

/* The probe's memory of the frame before. */
typedef struct ui_sound_probe {
    int fed;
    const void *scenario;  /* the scenario the last frame showed (a switch is no measurement) */
    double measure;        /* its "p_measure" readout then (NaN: none) */
    int measure_index;     /* that readout's index, -1 when the scenario has none */
    int logged;            /* the session's log entries then (xl_session_log_count) */
    int page, revealed;    /* the lesson's page and how many of its questions were revealed */
} ui_sound_probe;

void ui_sound_probe_init(ui_sound_probe *pr);
/* The frame's input to the synthesizer from session s and lesson player p (NULL: none),
 * the sound wanted or not (on). */
void ui_sound_probe_take(ui_sound_probe *pr, const xl_session *s, const xl_player *p, int on, xl_sonify_input *out);

typedef struct ui_sound ui_sound;

/* A silent player (no device yet). NULL only when out of memory. */
ui_sound *ui_sound_create(void);
void ui_sound_destroy(ui_sound *snd);

/* A frame: the state fed (the device opened the first time on is 1). Returns 1 the
 * first time the device could not be opened, with the one line to say in msg[n] (the
 * caller says it and the view's mark goes: the program goes on silent); 0 otherwise. */
int ui_sound_turn(ui_sound *snd, const xl_session *s, const xl_player *p, int on, char *msg, size_t n);

/* 1 once a device failed to open (the sound stays off). */
int ui_sound_failed(const ui_sound *snd);

#endif
