/* ui_export_audio: a sound track for an export (the teacher's voice recorded with --mic,
 * a --narration file, a synthesized voice), laid over the video in sync.
 *
 * The track is any file ffmpeg reads (WAV, FLAC, Ogg, MP3, ...). Its sample 0 plays at
 * offset_ms of the video (a negative offset cuts that much of its start). It is loudness
 * normalised to EBU R128 speech levels (-16 LUFS integrated, -1.5 dBTP true peak) with
 * ffmpeg's loudnorm in two passes: the first, before any frame is drawn, measures the
 * file (and so finds a missing, unreadable or soundless file early, with ffmpeg's
 * words); the second applies the measured gain linearly while encoding. Only the part
 * of the file the video can use is read (a cut start is skipped by seeking, then the
 * video's length), so a file of hours costs no more than the video's length, and the
 * loudness is that of the part heard. The track is cut
 * or padded with silence to the video's length exactly: a voice shorter than the video
 * does not shorten it, a longer one does not lengthen it.
 *
 *   mp4     AAC-LC 160 kb/s, 48 kHz
 *   webm    Opus 128 kb/s, 48 kHz
 *   frames  narration.wav (16-bit PCM, 48 kHz) in the folder, its sample 0 at frame 1
 *
 * Owns nothing but its measured figures; the ffmpeg arguments it gives point into it
 * (valid while it lives). */
#ifndef UI_EXPORT_AUDIO_H
#define UI_EXPORT_AUDIO_H

#include <stddef.h>

enum { UI_AUDIO_RATE = 48000 };
/* The loudness a voice is brought to: EBU R128's -16 LUFS for speech on the web
 * (podcasts, YouTube), the true peak 1.5 dB below full scale for lossy coding. */
#define UI_AUDIO_TARGET_LUFS (-16.0)
#define UI_AUDIO_TARGET_TP (-1.5)
#define UI_AUDIO_TARGET_LRA 11.0
/* The longest offset either way: a replay's 3 hours. */
#define UI_AUDIO_MAX_OFFSET_MS (3LL * 3600 * 1000)

typedef struct ui_export_audio {
    const char *path;            /* the track (borrowed); NULL: a silent video */
    long long offset_ms;
    double seconds;              /* the video's length the track is fitted to */
    /* The first pass's measure (loudnorm's input_i, input_tp, input_lra, input_thresh,
     * target_offset); silent: the file has no sound above loudnorm's gate (-70 LUFS),
     * which is kept as silence rather than amplified noise. */
    double in_i, in_tp, in_lra, in_thresh, target_offset;
    int silent;
    int mono;                    /* the track is mono (kept so); else it is made stereo */
    int raw;                     /* laid in at its own level, no loudness normalisation (the sound's track) */
    char filter[768];            /* the -af chain */
    char mix[1800];              /* the -filter_complex of a mix (ui_export_audio_mix_args) */
    char input_spec[16];         /* "N:a:0" for -map */
    char url[4200];              /* "file:PATH", ffmpeg's name for it */
    char read_seconds[32];       /* what is read of it: the video's length */
    char seek_seconds[32];       /* from where: the cut start ("0" for none) */
} ui_export_audio;

/* Check and measure path (ffmpeg's first pass) for a video of frames / fps seconds.
 * who names the flag in messages ("--narration", "--replay"). Returns 0, or -1 with the
 * reason said on stderr (ffmpeg's own last lines among it). log: a scratch file for
 * ffmpeg's output (removed). */
int ui_export_audio_prepare(ui_export_audio *a, const char *path, long long offset_ms, long frames, int fps,
                            const char *who, const char *log);

/* The sound that follows the loss (ui_export_sound.h: a 16-bit mono WAV at 48 kHz from
 * the recording's frames) as a track: its sample 0 at offset_ms, at its own level (no
 * loudness normalisation: the tone stays at -24 dBFS RMS, as the window plays it), cut or
 * padded to the video's frames / fps seconds. Nothing is measured: it is ours. */
void ui_export_audio_prepare_sound(ui_export_audio *a, const char *wav, long long offset_ms, long frames, int fps);

/* Append the track's input ("-i", path) to argv at *argc (cap slots, NULL kept after
 * the last), then, after the video's outputs, the output arguments for input number
 * input (its index among ffmpeg's inputs) and the container (webm: Opus, else AAC).
 * Return 0, or -1 if argv has no room. */
int ui_export_audio_input_args(ui_export_audio *a, const char **argv, int *argc, int cap);
int ui_export_audio_output_args(ui_export_audio *a, int input, int webm, const char **argv, int *argc, int cap);

/* Both tracks at once, for a video with a voice (or narration) a and the sound s under
 * it: their inputs are numbers input and input + 1; the mix is s added to a (each as
 * prepared), held below -2 dBFS by a limiter (so the true peak stays near -1.5 dBTP after coding), in a's layout. Return 0, or -1. */
int ui_export_audio_mix_args(ui_export_audio *a, ui_export_audio *s, int input, int webm, const char **argv, int *argc,
                             int cap);

/* A frames folder's narration.wav: the fitted, normalised track at wav, with the sound s
 * mixed under it (NULL: none). a may be the sound's track alone. Returns 0, or -1 with
 * the reason said. */
int ui_export_audio_write_wav(ui_export_audio *a, ui_export_audio *s, const char *wav, const char *log);

/* Parse "SECONDS" (e.g. "1.5", "-0.25": to the millisecond, within 3 hours either way)
 * into *ms. Returns 0, or -1. */
int ui_export_audio_parse_offset(const char *text, long long *ms);

#endif
