/* ui_mic: the teacher's voice recorded with a live session (--record-input FILE --mic).
 *
 * SDL's audio capture (SDL_OpenAudioDevice with iscapture = 1, the default device) at
 * 16-bit mono 48 kHz (SDL converts what the device gives) into a WAV file (ui_wav). The
 * audio callback only copies into a ring buffer under a mutex; a writer thread of its
 * own empties the ring into the file every 100 ms and makes the file whole once a
 * second, so a crash loses at most the last second and neither the callback nor the
 * window's loop ever waits on the disk.
 *
 * When the first buffer arrives, its first sample's time is noted on SDL_GetTicks64's
 * clock (the buffer's arrival less its length: a capture buffer is handed over when it
 * is full), which the window turns into a `mic` line of the input recording, so a
 * replay puts the voice where it was said. Nothing is recorded without --mic; while it
 * records, the window shows a red mark ("● mic") in its status bar. */
#ifndef UI_MIC_H
#define UI_MIC_H

#include <stddef.h>

enum { UI_MIC_RATE = 48000, UI_MIC_BUFFER_FRAMES = 960 /* 20 ms: the delay between callbacks */ };

typedef struct ui_mic ui_mic;

/* Open the default capture device, paused, and create wav (replaced if it exists).
 * Returns the recorder (ui_mic_close frees it), or NULL with the reason in err and
 * nothing created. */
ui_mic *ui_mic_open(const char *wav, char *err, size_t errlen);
/* Start capturing (when the input lines' clock starts). */
void ui_mic_start(ui_mic *m);
/* The first captured sample's time in SDL_GetTicks64 milliseconds; -1 until the first
 * buffer has arrived. */
long long ui_mic_first_ticks(const ui_mic *m);
/* Seconds written to the file so far. */
double ui_mic_seconds(const ui_mic *m);
/* Stop, write what is left and close the file; frees m (NULL is fine). Returns 0, or -1
 * with the reason in err (a write failed: the file holds what was written before). */
int ui_mic_close(ui_mic *m, char *err, size_t errlen);

/* A recorded voice played with a replay in the window (--replay FILE whose `mic` line
 * names it): streamed from the WAV file (16-bit PCM, as --mic writes it; any rate, 1 or
 * 2 channels) to the default output device, half a second queued ahead. */
typedef struct ui_mic_player ui_mic_player;

/* Check wav and open the output device, paused. Returns the player (ui_mic_player_close
 * frees it), or NULL with the reason in err. */
ui_mic_player *ui_mic_player_open(const char *wav, char *err, size_t errlen);
/* ms: the replay's clock less the voice's first sample time (negative: not yet). Starts
 * the voice when ms reaches 0 (from ms in, if it starts late) and keeps it fed. */
void ui_mic_player_turn(ui_mic_player *p, long long ms);
/* 1 while there is more of the voice to play. */
int ui_mic_player_playing(const ui_mic_player *p);
void ui_mic_player_close(ui_mic_player *p);

/* The voice's file for an input recording: FILE with its extension replaced by .wav
 * ("demo.txt" -> "demo.wav"), or FILE.wav when it has none or is a .wav itself. */
void ui_mic_wav_name(const char *record_input, char *out, size_t n);

#endif
