/* xl_i18n: the core's mark for texts the interface translates. The core stays English
 * and pure C (no gettext): N_("...") changes nothing here, it only lets xgettext find
 * the text (po/POTFILES). The app translates it where it draws it (ui_lang.h's _()). */
#ifndef XL_I18N_H
#define XL_I18N_H

#ifndef N_
#define N_(s) s
#endif

/* A text core formats itself (a status line, a summary) takes its words through the
 * caller's translator: tr(msgid) returns msgid's translation, or NULL tr keeps English.
 * The app passes ui_tr; core never knows which language, nor how it is looked up. */
typedef const char *(*xl_tr_fn)(const char *msgid);

static inline const char *xl_tr(xl_tr_fn tr, const char *msgid)
{
    const char *t = tr ? tr(msgid) : msgid;
    return t ? t : msgid;
}

#endif
