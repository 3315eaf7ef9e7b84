/* ui_captions: caption files of an export (issue 25): SRT and WebVTT, written from
 * caption tracks (xl_caption_track), one after another in time.
 *
 *   SRT     numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm", the text as it is ("-->"
 *           inside a cue written as "→", which no parser mistakes for a timing line);
 *   WebVTT  "WEBVTT", cues with "HH:MM:SS.mmm", the text with &, < and > escaped.
 * Both hold the same cues at the same milliseconds. The exporter writes them beside the
 * video and muxes one into it as a subtitle track. */
#ifndef UI_CAPTIONS_H
#define UI_CAPTIONS_H

#include "xl_caption_track.h"

typedef enum ui_captions_format { UI_CAPTIONS_SRT, UI_CAPTIONS_VTT } ui_captions_format;

/* Write the cues of tracks[0..n) (NULL entries skipped) to path, offset_ms later than
 * their times (a title card before them). Returns 0, or -1 with errno set. */
int ui_captions_write(const char *path, ui_captions_format format, const xl_caption_track *const *tracks, int n,
                      long long offset_ms);

/* The number of cues in tracks[0..n). */
int ui_captions_count(const xl_caption_track *const *tracks, int n);

/* ffmpeg's mp4 muxer marks the first subtitle track "enabled" (which players take for a
 * default); a caption track is the viewer's choice, so the exporter clears that flag in
 * the finished file: the 'tkhd' of every 'sbtl' track in 'moov' (a byte written in
 * place). Returns the tracks changed, or -1 if the file cannot be read or written. */
int ui_captions_mp4_optional(const char *path);

#endif
