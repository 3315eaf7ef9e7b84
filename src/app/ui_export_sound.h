/* ui_export_sound: the sound that follows the loss as an export's track (--record OUT
 * --sound; issue 26).
 *
 * Rendered from the recording's own frames in the dry pass (ui_export_lesson's plan, the
 * replay's schedule): each frame's state is probed as the window probes it (ui_sound.h),
 * fed to the core's synthesizer (xl_sonify.h) and its 1/fps second of samples appended,
 * so the same video has the same samples, bit for bit. After the last frame the sound is
 * turned off and its fade (0.15 s) rung out. The track is a 16-bit mono 48 kHz WAV whose
 * sample 0 is the recording's frame 0; the exporter lays it in after the title card's
 * lead at its own level (ui_export_audio_prepare_sound: no loudness normalisation, the
 * tone at -24 dBFS RMS as in the window), mixed under a voice or a narration when there
 * is one.
 *
 * Owns the synthesizer and the file being written; one thread. */
#ifndef UI_EXPORT_SOUND_H
#define UI_EXPORT_SOUND_H

#include <stddef.h>

#include "xl_player.h"
#include "xl_session.h"

typedef struct ui_export_sound ui_export_sound;

/* A track at path (created or replaced) for a recording at fps frames a second: NULL
 * with the reason in err[n]. */
ui_export_sound *ui_export_sound_create(const char *path, int fps, char *err, size_t n);
/* One frame of the recording: session s as it is drawn, p the lesson's player (NULL
 * for none). */
void ui_export_sound_frame(ui_export_sound *es, const xl_session *s, const xl_player *p);
/* The fade rung out and the file closed. Returns 0, or -1 with the reason in err[n]
 * (a write failed). */
int ui_export_sound_finish(ui_export_sound *es, char *err, size_t n);
/* Frames appended so far. */
long ui_export_sound_frames(const ui_export_sound *es);
/* Closes the file if still open (it is left on disk: its maker removes it). */
void ui_export_sound_free(ui_export_sound *es);

/* The track's temporary name beside OUT: ".BASE.partial-PID.sound.wav" (the exporter's
 * cleanup of dead exports knows the suffix). */
void ui_export_sound_path(const char *out, char *buf, size_t n);

#endif
