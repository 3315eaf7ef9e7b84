/* ui_mkv: the bytes of a Matroska stream of raw video frames, each with its own time, as
 * the exporter hands them to ffmpeg (ui_export.c). A lesson's video holds still for most
 * of its length (a page is read while nothing moves): only the frames that differ from the
 * one before are sent, each stamped with its time, and ffmpeg encodes that many and no
 * more (variable frame rate; the video's samples last until the next one starts).
 *
 * The stream: an EBML header; a Segment of unknown size (it is written to a pipe); Info
 * with a TimestampScale of 1 µs; one video track, V_UNCOMPRESSED with ColourSpace "I420"
 * (planar Y'CbCr 4:2:0, ffmpeg's yuv420p) and DefaultDuration 1/fps; then one Cluster
 * per frame, its Timestamp the frame's time and one SimpleBlock (keyframe) of w*h*3/2
 * bytes. Frame f's time is f/fps rounded to the microsecond: under 0.5 µs off, so a
 * time base of 1/fps (the encoder's) gets f back exactly for any fps up to 120 (and far
 * beyond). Pure formatting: no I/O, no allocation. */
#ifndef UI_MKV_H
#define UI_MKV_H

#include <stddef.h>
#include <stdint.h>

enum {
    UI_MKV_HEADER_MAX = 192, /* ui_mkv_header's bytes at most */
    UI_MKV_FRAME_HEAD = 35   /* ui_mkv_frame_head's bytes, always */
};

/* The stream's start for frames of w x h (even) at fps, into buf (UI_MKV_HEADER_MAX
 * bytes); returns its length. */
size_t ui_mkv_header(uint8_t buf[UI_MKV_HEADER_MAX], int w, int h, int fps);

/* Frame `frame`'s time in the stream's unit (µs): frame/fps rounded to the nearest. */
long long ui_mkv_time_us(long frame, int fps);

/* What precedes frame `frame`'s frame_bytes of I420 pixels (a Cluster with its
 * Timestamp, the SimpleBlock's head), into buf; returns UI_MKV_FRAME_HEAD. The pixels
 * follow it in the stream. */
size_t ui_mkv_frame_head(uint8_t buf[UI_MKV_FRAME_HEAD], long frame, int fps, size_t frame_bytes);

#endif
