/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JP_TYPE_CONFIRM_PAGE (jp_confirm_page_get_type ())
G_DECLARE_FINAL_TYPE (JpConfirmPage, jp_confirm_page, JP, CONFIRM_PAGE, AdwBin)

/* The last step before a station sends a submission the member cannot take back (a ballot, a
 * defence score sheet): an icon, a title, what is about to be sent (`text`), and two
 * buttons, "Change" and the submit button, which activate the widget actions named by
 * `back-action-name` and `submit-action-name` of the page's owner. Used from the templates
 * of JpStationBallot and JpScoreSheet.
 *
 * Properties: "icon-name", "title", "text", "submit-label" (with a mnemonic),
 * "back-action-name", "submit-action-name" (strings). */
void        jp_confirm_page_set_text (JpConfirmPage *self,
                                      const char    *text);
const char *jp_confirm_page_get_text (JpConfirmPage *self);

G_END_DECLS
