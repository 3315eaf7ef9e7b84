/* ui_export_replay: a replay (--replay FILE --record OUT) recorded as a video, its
 * chapters the lesson's pages it went through (a stretch without a lesson is one
 * "Sandbox" chapter). Frame f shows every recorded action up to f / fps seconds, each
 * done through the dispatcher as a replay line. */
#ifndef UI_EXPORT_REPLAY_H
#define UI_EXPORT_REPLAY_H

#include "ui_cli.h"
#include "ui_dispatch.h"
#include "ui_replay.h"

/* Record rp (loaded from opt->replay) into opt->record at opt's size and fps. ro: the
 * options the replay records (its starting scene), for a dry pass on a session of its
 * own that finds the chapters; then d's session, classroom and view play it for the
 * frames. Returns the exit status (ui_export_frames'). */
int ui_export_replay(const ui_options *opt, const ui_replay *rp, const ui_options *ro, const char *fonts,
                     ui_dispatch *d);

#endif
