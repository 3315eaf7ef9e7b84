/* ui_wav: 16-bit PCM WAV files, written as a stream and read back whole.
 *
 * The writer is for audio that arrives while it is recorded (the microphone under
 * --mic, a synthesized voice page by page): open writes a header with zero sizes,
 * append adds interleaved samples, flush and close patch the RIFF and data sizes, so a
 * file is readable at every flush, also after a crash (it then holds what was flushed).
 * A WAV file's sizes are 32-bit: the writer refuses samples past 4 GB (12 hours of
 * 48 kHz mono) and says so once.
 *
 * The reader is for files a user hands the program: RIFF, WAVE, a `fmt ` chunk of
 * 16-bit PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with the PCM subformat), 1 or 2
 * channels, 1 Hz to 384 kHz, then a `data` chunk; other chunks (LIST, fact, ...) are
 * skipped. Anything else, a size that points past the file's end or a `data` chunk
 * longer than the caller's bound is refused with the reason; the work is bounded by
 * the bound and a cap on the chunks looked at.
 *
 * Samples are int16_t, interleaved (left, right, left, ...), in the machine's order;
 * the file is little-endian on every machine. */
#ifndef UI_WAV_H
#define UI_WAV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum {
    UI_WAV_MAX_CHANNELS = 2,
    UI_WAV_MAX_RATE = 384000,
    UI_WAV_HEADER_BYTES = 44, /* what the writer puts before the samples */
    UI_WAV_MAX_CHUNKS = 64    /* chunks the reader looks at before it gives up on `data` */
};
/* The most sample bytes a WAV file can hold: its RIFF size (32-bit) counts the 36
 * header bytes after it as well. */
#define UI_WAV_MAX_DATA_BYTES (0xFFFFFFFFULL - 36ULL)

typedef struct ui_wav_writer {
    FILE *f;
    int rate, channels;
    uint64_t frames;      /* sample frames appended (a frame: one sample per channel) */
    int failed;           /* a write failed: the rest is dropped, close returns -1 */
    int full;             /* the 4 GB limit reached: the rest is dropped, close returns -1 */
    char path[1024];
} ui_wav_writer;

/* Create (or replace) path as a WAV file of rate Hz and channels (1 or 2) and write its
 * header. Returns 0, or -1 with the reason in err (the writer is then closed). */
int ui_wav_writer_open(ui_wav_writer *w, const char *path, int rate, int channels, char *err, size_t errlen);
/* Append frames sample frames (frames * channels int16_t, interleaved). Returns 0, or
 * -1 with the reason in err once something failed (a write error, or the 4 GB limit:
 * then as many whole frames as fit were kept, and the writer takes no more). */
int ui_wav_writer_append(ui_wav_writer *w, const int16_t *samples, size_t frames, char *err, size_t errlen);
/* Patch the header's sizes to what is written so far and flush to the file, so the
 * file is a whole WAV file now. Returns 0, or -1 with the reason in err. */
int ui_wav_writer_flush(ui_wav_writer *w, char *err, size_t errlen);
/* Patch the sizes and close. Returns 0, or -1 with the reason in err if anything failed
 * (then the file holds the frames written before the failure). Safe on a closed writer. */
int ui_wav_writer_close(ui_wav_writer *w, char *err, size_t errlen);

/* A whole buffer in one call: open, append, close. */
int ui_wav_write(const char *path, const int16_t *samples, size_t frames, int rate, int channels, char *err,
                 size_t errlen);

typedef struct ui_wav {
    int rate, channels;
    size_t frames;
    int16_t *samples;     /* frames * channels, interleaved; owned, freed by ui_wav_free */
    long long data_offset; /* where the samples start in the file (for reading it as a stream) */
} ui_wav;

/* Read path. max_frames bounds the sample frames accepted (a longer file is refused,
 * before its samples are read). Returns 0, or -1 with "path: reason" in err; free with
 * ui_wav_free (also after a failure). */
int ui_wav_load(const char *path, ui_wav *out, size_t max_frames, char *err, size_t errlen);
/* The header only: rate, channels and frames of path, with samples NULL; the same checks
 * as ui_wav_load (the data chunk must lie inside the file), nothing else read. */
int ui_wav_probe(const char *path, ui_wav *out, size_t max_frames, char *err, size_t errlen);
/* ui_wav_probe that keeps the file open, at its first sample (out->data_offset), for
 * reading as a stream: the file checked is the file read. NULL with err on failure.
 * Only a regular file is opened (a FIFO, a device or a directory is refused at once). */
FILE *ui_wav_open(const char *path, ui_wav *out, size_t max_frames, char *err, size_t errlen);
void ui_wav_free(ui_wav *w);

#endif
