/* xl_player_host_direct: the player's requests performed straight on a session, for
 * callers with nothing around the session (tests, the bench, --check). The app's host is
 * its dispatcher instead (src/app/ui_dispatch.c). */
#include "xl_player.h"

static long perform_direct(void *user, const xl_player_request *rq)
{
    xl_session *s = user;
    switch (rq->kind) {
    case XL_PLAYER_APPLY: return xl_session_apply(s, rq->cmd);
    case XL_PLAYER_RUN: xl_session_run(s, (int)rq->n); return rq->n;
    case XL_PLAYER_RESTORE: return xl_session_restore(s, rq->snap);
    case XL_PLAYER_ADVANCE: return xl_session_advance(s, rq->seconds);
    case XL_PLAYER_ADVANCE_STEPS: return xl_session_advance_steps(s, rq->n);
    }
    return 0;
}

xl_player_host xl_player_host_direct(xl_session *s)
{
    return (xl_player_host){perform_direct, s};
}
