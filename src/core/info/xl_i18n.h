/* xl_i18n: the core's mark for texts the interface translates. The core stays English
 * and pure C (no gettext): N_("...") changes nothing here, it only lets xgettext find
 * the text (po/POTFILES). The app translates it where it draws it (ui_lang.h's _()). */
#ifndef XL_I18N_H
#define XL_I18N_H

#ifndef N_
#define N_(s) s
#endif

#endif
