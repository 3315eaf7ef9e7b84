/* ui_mkv: Matroska's bytes for raw video frames with their times (see ui_mkv.h). EBML
 * writes an element as its ID, its size as a variable-length integer ("vint": a leading 1
 * bit whose position gives the length), then its payload; integers are big-endian in as
 * few bytes as hold them. */
#include "ui_mkv.h"

#include <string.h>

/* The IDs used (Matroska's specification, RFC 9559). */
enum {
    ID_EBML = 0x1A45DFA3, ID_EBML_VERSION = 0x4286, ID_EBML_READ_VERSION = 0x42F7, ID_EBML_MAX_ID = 0x42F2,
    ID_EBML_MAX_SIZE = 0x42F3, ID_DOCTYPE = 0x4282, ID_DOCTYPE_VERSION = 0x4287, ID_DOCTYPE_READ_VERSION = 0x4285,
    ID_SEGMENT = 0x18538067, ID_INFO = 0x1549A966, ID_TIMESTAMP_SCALE = 0x2AD7B1, ID_MUXING_APP = 0x4D80,
    ID_WRITING_APP = 0x5741, ID_TRACKS = 0x1654AE6B, ID_TRACK_ENTRY = 0xAE, ID_TRACK_NUMBER = 0xD7,
    ID_TRACK_UID = 0x73C5, ID_TRACK_TYPE = 0x83, ID_CODEC_ID = 0x86, ID_FLAG_LACING = 0x9C,
    ID_DEFAULT_DURATION = 0x23E383, ID_VIDEO = 0xE0, ID_PIXEL_WIDTH = 0xB0, ID_PIXEL_HEIGHT = 0xBA,
    ID_COLOUR_SPACE = 0x2EB524, ID_CLUSTER = 0x1F43B675, ID_TIMESTAMP = 0xE7, ID_SIMPLE_BLOCK = 0xA3
};

typedef struct out {
    uint8_t *p;
    size_t n;
} out;

static void put_id(out *o, uint32_t id)
{
    int bytes = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
    for (int i = bytes - 1; i >= 0; i--) o->p[o->n++] = (uint8_t)(id >> (8 * i));
}

/* A size as an 8-byte vint (0x01 then 7 bytes): any size up to 2^56 - 2, fixed length. */
static void put_size8(out *o, uint64_t size)
{
    o->p[o->n++] = 0x01;
    for (int i = 6; i >= 0; i--) o->p[o->n++] = (uint8_t)(size >> (8 * i));
}

/* A small size (under 127) as a 1-byte vint. */
static void put_size1(out *o, size_t size)
{
    o->p[o->n++] = (uint8_t)(0x80 | size);
}

static void put_uint(out *o, uint32_t id, uint64_t v)
{
    int bytes = 1;
    while (bytes < 8 && v >> (8 * bytes)) bytes++;
    put_id(o, id);
    put_size1(o, (size_t)bytes);
    for (int i = bytes - 1; i >= 0; i--) o->p[o->n++] = (uint8_t)(v >> (8 * i));
}

static void put_bytes(out *o, uint32_t id, const char *s, size_t len)
{
    put_id(o, id);
    put_size1(o, len);
    memcpy(o->p + o->n, s, len);
    o->n += len;
}

static void put_string(out *o, uint32_t id, const char *s)
{
    put_bytes(o, id, s, strlen(s));
}

/* A master element of known size: its ID and a 1-byte size, the payload written after;
 * close_master fills the size in (every master here is under 127 bytes). */
static size_t open_master(out *o, uint32_t id)
{
    put_id(o, id);
    o->p[o->n++] = 0x80;
    return o->n;
}

static void close_master(out *o, size_t start)
{
    o->p[start - 1] = (uint8_t)(0x80 | (o->n - start));
}

size_t ui_mkv_header(uint8_t buf[UI_MKV_HEADER_MAX], int w, int h, int fps)
{
    out o = {buf, 0};
    size_t m = open_master(&o, ID_EBML);
    put_uint(&o, ID_EBML_VERSION, 1);
    put_uint(&o, ID_EBML_READ_VERSION, 1);
    put_uint(&o, ID_EBML_MAX_ID, 4);
    put_uint(&o, ID_EBML_MAX_SIZE, 8);
    put_string(&o, ID_DOCTYPE, "matroska");
    put_uint(&o, ID_DOCTYPE_VERSION, 4);
    put_uint(&o, ID_DOCTYPE_READ_VERSION, 2);
    close_master(&o, m);
    /* The Segment's size is unknown (all 1 bits): it ends where the pipe does. */
    put_id(&o, ID_SEGMENT);
    o.p[o.n++] = 0x01;
    for (int i = 0; i < 7; i++) o.p[o.n++] = 0xFF;
    m = open_master(&o, ID_INFO);
    put_uint(&o, ID_TIMESTAMP_SCALE, 1000); /* ns per unit: timestamps in µs */
    put_string(&o, ID_MUXING_APP, "xentlab");
    put_string(&o, ID_WRITING_APP, "xentlab");
    close_master(&o, m);
    size_t tracks = open_master(&o, ID_TRACKS);
    size_t entry = open_master(&o, ID_TRACK_ENTRY);
    put_uint(&o, ID_TRACK_NUMBER, 1);
    put_uint(&o, ID_TRACK_UID, 1);
    put_uint(&o, ID_TRACK_TYPE, 1); /* video */
    put_string(&o, ID_CODEC_ID, "V_UNCOMPRESSED");
    put_uint(&o, ID_FLAG_LACING, 0);
    put_uint(&o, ID_DEFAULT_DURATION, (uint64_t)((1000000000LL + fps / 2) / (fps > 0 ? fps : 1)));
    size_t video = open_master(&o, ID_VIDEO);
    put_uint(&o, ID_PIXEL_WIDTH, (uint64_t)w);
    put_uint(&o, ID_PIXEL_HEIGHT, (uint64_t)h);
    put_bytes(&o, ID_COLOUR_SPACE, "I420", 4); /* a FourCC: planar Y'CbCr 4:2:0 */
    close_master(&o, video);
    close_master(&o, entry);
    close_master(&o, tracks);
    return o.n;
}

long long ui_mkv_time_us(long frame, int fps)
{
    if (fps <= 0) fps = 1;
    return ((long long)frame * 1000000LL + fps / 2) / fps;
}

size_t ui_mkv_frame_head(uint8_t buf[UI_MKV_FRAME_HEAD], long frame, int fps, size_t frame_bytes)
{
    out o = {buf, 0};
    /* Cluster: Timestamp (1 + 1 + 8 bytes) and the SimpleBlock (1 + 8 + 4 + pixels). */
    const uint64_t block = 4 + (uint64_t)frame_bytes;
    put_id(&o, ID_CLUSTER);
    put_size8(&o, 10 + 1 + 8 + block);
    put_id(&o, ID_TIMESTAMP);
    put_size1(&o, 8);
    const uint64_t t = (uint64_t)ui_mkv_time_us(frame, fps);
    for (int i = 7; i >= 0; i--) o.p[o.n++] = (uint8_t)(t >> (8 * i));
    put_id(&o, ID_SIMPLE_BLOCK);
    put_size8(&o, block);
    o.p[o.n++] = 0x81; /* track 1, as a vint */
    o.p[o.n++] = 0;    /* the block's time relative to the cluster's: 0 */
    o.p[o.n++] = 0;
    o.p[o.n++] = 0x80; /* flags: a keyframe (every raw frame stands alone) */
    return o.n;
}
