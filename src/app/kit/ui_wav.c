/* ui_wav: 16-bit PCM WAV writer and reader (see ui_wav.h).
 *
 * The canonical 44-byte header: "RIFF" size "WAVE", "fmt " 16 {format 1, channels,
 * rate, byte rate, block align, 16 bits}, "data" size, samples. The RIFF size is the
 * file's length less 8, the data size the samples' bytes. */
#include "ui_wav.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static void put_u16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xFF);
    p[1] = (unsigned char)((v >> 8) & 0xFF);
}

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v & 0xFF);
    p[1] = (unsigned char)((v >> 8) & 0xFF);
    p[2] = (unsigned char)((v >> 16) & 0xFF);
    p[3] = (unsigned char)((v >> 24) & 0xFF);
}

static unsigned get_u16(const unsigned char *p)
{
    return (unsigned)p[0] | ((unsigned)p[1] << 8);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void header(unsigned char h[UI_WAV_HEADER_BYTES], int rate, int channels, uint64_t data_bytes)
{
    unsigned block = (unsigned)channels * 2u;
    memcpy(h, "RIFF", 4);
    put_u32(h + 4, (uint32_t)(36u + data_bytes));
    memcpy(h + 8, "WAVEfmt ", 8);
    put_u32(h + 16, 16);
    put_u16(h + 20, 1);
    put_u16(h + 22, (unsigned)channels);
    put_u32(h + 24, (uint32_t)rate);
    put_u32(h + 28, (uint32_t)rate * block);
    put_u16(h + 32, block);
    put_u16(h + 34, 16);
    memcpy(h + 36, "data", 4);
    put_u32(h + 40, (uint32_t)data_bytes);
}

int ui_wav_writer_open(ui_wav_writer *w, const char *path, int rate, int channels, char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    if (channels < 1 || channels > UI_WAV_MAX_CHANNELS || rate < 1 || rate > UI_WAV_MAX_RATE) {
        snprintf(err, errlen, "%s: %d channels at %d Hz cannot be written (1 or 2 channels, 1 to %d Hz)", path,
                 channels, rate, UI_WAV_MAX_RATE);
        return -1;
    }
    if (strlen(path) >= sizeof w->path) {
        snprintf(err, errlen, "the WAV file's name is too long");
        return -1;
    }
    snprintf(w->path, sizeof w->path, "%s", path);
    w->f = fopen(path, "wb");
    if (!w->f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    w->rate = rate;
    w->channels = channels;
    unsigned char h[UI_WAV_HEADER_BYTES];
    header(h, rate, channels, 0);
    if (fwrite(h, 1, sizeof h, w->f) != sizeof h) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        fclose(w->f);
        w->f = NULL;
        return -1;
    }
    return 0;
}

int ui_wav_writer_append(ui_wav_writer *w, const int16_t *samples, size_t frames, char *err, size_t errlen)
{
    if (!w->f) {
        snprintf(err, errlen, "the WAV file is not open");
        return -1;
    }
    if (w->failed || w->full) {
        snprintf(err, errlen, "%s: %s", w->path,
                 w->full ? "the WAV file reached its 4 GB limit" : "an earlier write failed");
        return -1;
    }
    uint64_t block = (uint64_t)w->channels * 2u;
    uint64_t room = (UI_WAV_MAX_DATA_BYTES - w->frames * block) / block;
    size_t take = frames;
    if ((uint64_t)take > room) {
        take = (size_t)room;
        w->full = 1;
    }
    /* Converted to little-endian bytes a slice at a time, so the file is the same on
     * every machine and the buffer stays on the stack. */
    unsigned char buf[4096];
    size_t per = sizeof buf / (size_t)block;
    size_t done = 0;
    while (done < take) {
        size_t n = take - done < per ? take - done : per;
        const int16_t *src = samples + done * (size_t)w->channels;
        size_t count = n * (size_t)w->channels;
        for (size_t i = 0; i < count; i++) put_u16(buf + 2 * i, (unsigned)(uint16_t)src[i]);
        if (fwrite(buf, 1, count * 2, w->f) != count * 2) {
            w->failed = 1;
            snprintf(err, errlen, "%s: %s", w->path, strerror(errno));
            return -1;
        }
        w->frames += n;
        done += n;
    }
    if (w->full) {
        snprintf(err, errlen, "%s: the WAV file reached its 4 GB limit; the rest is not recorded", w->path);
        return -1;
    }
    return 0;
}

int ui_wav_writer_flush(ui_wav_writer *w, char *err, size_t errlen)
{
    if (!w->f) {
        snprintf(err, errlen, "the WAV file is not open");
        return -1;
    }
    unsigned char h[UI_WAV_HEADER_BYTES];
    header(h, w->rate, w->channels, w->frames * (uint64_t)w->channels * 2u);
    /* Only the two sizes change; the header is rewritten whole (44 bytes) for
     * simplicity, then the position goes back to the end for the next append. */
    if (fflush(w->f) != 0 || fseeko(w->f, 0, SEEK_SET) != 0 || fwrite(h, 1, sizeof h, w->f) != sizeof h ||
        fseeko(w->f, 0, SEEK_END) != 0 || fflush(w->f) != 0) {
        w->failed = 1;
        snprintf(err, errlen, "%s: %s", w->path, strerror(errno));
        return -1;
    }
    return 0;
}

int ui_wav_writer_close(ui_wav_writer *w, char *err, size_t errlen)
{
    if (!w->f) return 0;
    int bad = w->failed || w->full;
    char why[1100] = "";
    if (w->full) snprintf(why, sizeof why, "%s: the WAV file reached its 4 GB limit", w->path);
    if (ui_wav_writer_flush(w, why, sizeof why) != 0) bad = 1;
    if (fclose(w->f) != 0 && !bad) {
        snprintf(why, sizeof why, "%s: %s", w->path, strerror(errno));
        bad = 1;
    }
    w->f = NULL;
    if (bad) {
        snprintf(err, errlen, "%s", why[0] ? why : "an earlier write failed");
        return -1;
    }
    return 0;
}

int ui_wav_write(const char *path, const int16_t *samples, size_t frames, int rate, int channels, char *err,
                 size_t errlen)
{
    ui_wav_writer w;
    if (ui_wav_writer_open(&w, path, rate, channels, err, errlen) != 0) return -1;
    if (ui_wav_writer_append(&w, samples, frames, err, errlen) != 0) {
        char ignored[8];
        ui_wav_writer_close(&w, ignored, sizeof ignored);
        return -1;
    }
    return ui_wav_writer_close(&w, err, errlen);
}

/* Reading. */

void ui_wav_free(ui_wav *w)
{
    free(w->samples);
    memset(w, 0, sizeof *w);
}

/* The fmt chunk's body: 16 bytes of WAVEFORMAT, or 18 and more with cbSize; the
 * extensible form (0xFFFE) names its real format in a GUID whose first two bytes are
 * the format tag (1 for PCM) and whose rest is the fixed KSDATAFORMAT suffix. */
static int parse_fmt(const unsigned char *b, uint32_t size, ui_wav *out, const char *path, char *err, size_t errlen)
{
    static const unsigned char pcm_guid_tail[14] = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80,
                                                    0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71};
    if (size < 16) {
        snprintf(err, errlen, "%s: the fmt chunk is %u bytes, less than 16", path, (unsigned)size);
        return -1;
    }
    unsigned format = get_u16(b);
    unsigned channels = get_u16(b + 2);
    uint32_t rate = get_u32(b + 4);
    uint32_t byte_rate = get_u32(b + 8);
    unsigned block = get_u16(b + 12);
    unsigned bits = get_u16(b + 14);
    if (format == 0xFFFE) {
        if (size < 40 || get_u16(b + 16) < 22) {
            snprintf(err, errlen, "%s: the extensible fmt chunk is too short", path);
            return -1;
        }
        if (get_u16(b + 24) != 1 || memcmp(b + 26, pcm_guid_tail, sizeof pcm_guid_tail) != 0) {
            snprintf(err, errlen, "%s: not PCM audio (an extensible format other than PCM)", path);
            return -1;
        }
        format = 1;
    }
    if (format != 1) {
        snprintf(err, errlen, "%s: not PCM audio (format %u; only 16-bit PCM WAV is read)", path, format);
        return -1;
    }
    if (bits != 16) {
        snprintf(err, errlen, "%s: %u-bit samples (only 16-bit PCM WAV is read)", path, bits);
        return -1;
    }
    if (channels < 1 || channels > UI_WAV_MAX_CHANNELS) {
        snprintf(err, errlen, "%s: %u channels (1 or 2 are read)", path, channels);
        return -1;
    }
    if (rate < 1 || rate > UI_WAV_MAX_RATE) {
        snprintf(err, errlen, "%s: a sample rate of %lu Hz (1 to %d Hz are read)", path, (unsigned long)rate,
                 UI_WAV_MAX_RATE);
        return -1;
    }
    if (block != channels * 2 || byte_rate != rate * block) {
        snprintf(err, errlen, "%s: the fmt chunk contradicts itself (block align %u, byte rate %lu for %u channels "
                 "at %lu Hz)", path, block, (unsigned long)byte_rate, channels, (unsigned long)rate);
        return -1;
    }
    out->rate = (int)rate;
    out->channels = (int)channels;
    return 0;
}

/* Walk the chunks to `data`; leaves f at its first sample. */
static int parse(FILE *f, const char *path, ui_wav *out, size_t max_frames, char *err, size_t errlen)
{
    if (fseeko(f, 0, SEEK_END) != 0) {
        snprintf(err, errlen, "%s: cannot be read to its end (%s)", path, strerror(errno));
        return -1;
    }
    off_t file_size = ftello(f);
    rewind(f);
    unsigned char riff[12];
    if (file_size < 12 || fread(riff, 1, 12, f) != 12) {
        snprintf(err, errlen, "%s: not a WAV file (shorter than a RIFF header)", path);
        return -1;
    }
    if (memcmp(riff, "RIFF", 4) != 0 || memcmp(riff + 8, "WAVE", 4) != 0) {
        snprintf(err, errlen, "%s: not a WAV file (no RIFF/WAVE header)", path);
        return -1;
    }
    /* The RIFF size may not reach past the file; bytes after it are ignored (a
     * recording cut by a crash holds samples past its last flushed size). */
    uint64_t riff_end = 8ull + get_u32(riff + 4);
    if (riff_end > (uint64_t)file_size) {
        snprintf(err, errlen, "%s: truncated (the RIFF header says %llu bytes, the file has %lld)", path,
                 (unsigned long long)riff_end, (long long)file_size);
        return -1;
    }
    uint64_t pos = 12;
    int have_fmt = 0;
    for (int chunk = 0; chunk < UI_WAV_MAX_CHUNKS; chunk++) {
        unsigned char ch[8];
        if (pos + 8 > riff_end || fread(ch, 1, 8, f) != 8) {
            snprintf(err, errlen, "%s: no data chunk", path);
            return -1;
        }
        uint32_t size = get_u32(ch + 4);
        pos += 8;
        if (pos + size > riff_end) {
            char id[5] = {0};
            for (int i = 0; i < 4; i++) id[i] = ch[i] >= 32 && ch[i] < 127 ? (char)ch[i] : '?';
            snprintf(err, errlen, "%s: the '%s' chunk (%lu bytes) runs past the file's end", path, id,
                     (unsigned long)size);
            return -1;
        }
        if (memcmp(ch, "fmt ", 4) == 0) {
            if (have_fmt) {
                snprintf(err, errlen, "%s: two fmt chunks", path);
                return -1;
            }
            unsigned char body[64] = {0};
            size_t want = size < sizeof body ? size : sizeof body;
            if (fread(body, 1, want, f) != want) {
                snprintf(err, errlen, "%s: the fmt chunk cannot be read", path);
                return -1;
            }
            if (parse_fmt(body, size, out, path, err, errlen) != 0) return -1;
            have_fmt = 1;
        } else if (memcmp(ch, "data", 4) == 0) {
            if (!have_fmt) {
                snprintf(err, errlen, "%s: the data chunk comes before the fmt chunk", path);
                return -1;
            }
            size_t block = (size_t)out->channels * 2;
            if (size % block != 0) {
                snprintf(err, errlen, "%s: the data chunk (%lu bytes) is not a whole number of %zu-byte frames", path,
                         (unsigned long)size, block);
                return -1;
            }
            size_t frames = (size_t)(size / block);
            if (frames > max_frames) {
                snprintf(err, errlen, "%s: %zu sample frames, more than the %zu accepted (%.0f s at %d Hz)", path,
                         frames, max_frames, (double)max_frames / out->rate, out->rate);
                return -1;
            }
            out->frames = frames;
            out->data_offset = (long long)pos;
            if (fseeko(f, (off_t)pos, SEEK_SET) != 0) {
                snprintf(err, errlen, "%s: %s", path, strerror(errno));
                return -1;
            }
            return 0;
        }
        /* A chunk's body is padded to an even length. */
        pos += size + (size & 1u);
        if (fseeko(f, (off_t)pos, SEEK_SET) != 0) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            return -1;
        }
    }
    snprintf(err, errlen, "%s: no data chunk among its first %d chunks", path, UI_WAV_MAX_CHUNKS);
    return -1;
}

static int open_and_parse(const char *path, ui_wav *out, size_t max_frames, FILE **fp, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    /* A hostile name may be a FIFO (or a symlink to one): a plain fopen would wait for
     * a writer forever. Opened without blocking, read only if a regular file. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    FILE *f = fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 ? NULL : fdopen(fd, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (parse(f, path, out, max_frames, err, errlen) != 0) {
        fclose(f);
        memset(out, 0, sizeof *out);
        return -1;
    }
    *fp = f;
    return 0;
}

int ui_wav_probe(const char *path, ui_wav *out, size_t max_frames, char *err, size_t errlen)
{
    FILE *f = NULL;
    if (open_and_parse(path, out, max_frames, &f, err, errlen) != 0) return -1;
    fclose(f);
    return 0;
}

FILE *ui_wav_open(const char *path, ui_wav *out, size_t max_frames, char *err, size_t errlen)
{
    FILE *f = NULL;
    if (open_and_parse(path, out, max_frames, &f, err, errlen) != 0) return NULL;
    return f;
}

int ui_wav_load(const char *path, ui_wav *out, size_t max_frames, char *err, size_t errlen)
{
    FILE *f = NULL;
    if (open_and_parse(path, out, max_frames, &f, err, errlen) != 0) return -1;
    size_t count = out->frames * (size_t)out->channels;
    out->samples = malloc(count ? count * sizeof *out->samples : 1);
    if (!out->samples) {
        fclose(f);
        snprintf(err, errlen, "%s: out of memory for %zu samples", path, count);
        memset(out, 0, sizeof *out);
        return -1;
    }
    unsigned char buf[4096];
    size_t done = 0;
    while (done < count) {
        size_t n = count - done < sizeof buf / 2 ? count - done : sizeof buf / 2;
        if (fread(buf, 2, n, f) != n) {
            snprintf(err, errlen, "%s: %s", path, ferror(f) ? strerror(errno) : "ends inside its data chunk");
            fclose(f);
            ui_wav_free(out);
            return -1;
        }
        for (size_t i = 0; i < n; i++) out->samples[done + i] = (int16_t)(uint16_t)get_u16(buf + 2 * i);
        done += n;
    }
    fclose(f);
    return 0;
}
