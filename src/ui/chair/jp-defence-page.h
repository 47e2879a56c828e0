/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "meeting/jp-meeting-service.h"
#include "core/jp-timer.h"
#include "ui/chair/jp-defence-paper.h"

G_BEGIN_DECLS

#define JP_TYPE_DEFENCE_PAGE (jp_defence_page_get_type ())
G_DECLARE_FINAL_TYPE (JpDefencePage, jp_defence_page, JP, DEFENCE_PAGE, AdwBin)

/* The chair's defence stage (现场答辩): open a trade's session, step through its candidates
 * in the drawn order, time the presentation and the questions, see "N of M sheets
 * submitted" per candidate (never a score before every sheet is in), then D with the
 * dropped highest and lowest, the deviation alerts with "Ask to Revise", unlock a sheet
 * with a written reason, record a member who left, close and seal.
 *
 * Signal "timer-changed" (): the current candidate or a timer changed (the window shows
 * them on the projector: jp_defence_page_get_projector_state). */
GtkWidget   *jp_defence_page_new         (void);

/* The meeting's service (the stations are told of every change), or NULL: the page then
 * works on `store` through a service of its own (no stations). */
void         jp_defence_page_set_store   (JpDefencePage    *self,
                                          JpStore          *store,
                                          JpMeetingService *service);
void         jp_defence_page_reload      (JpDefencePage    *self);

/* The session shown (0: none) and, for tests, the steps the buttons take. */
gint64       jp_defence_page_get_round   (JpDefencePage *self);
gboolean     jp_defence_page_open_session (JpDefencePage  *self,
                                           const char     *trade,
                                           GError        **error);
gboolean     jp_defence_page_call        (JpDefencePage  *self,
                                          const char     *code,
                                          GError        **error);
/* The line of a candidate as shown ("1  XT-02  2 of 3 sheets submitted"). */
char        *jp_defence_page_get_row_text (JpDefencePage *self,
                                           guint          index);
/* The results text of the selected candidate as shown. */
const char  *jp_defence_page_get_detail_text (JpDefencePage *self);

/* What the projector shows: the current code (NULL: none), its place, the phase's title
 * and timer, and the sentence naming who steps out. */
const char  *jp_defence_page_get_projector_state (JpDefencePage  *self,
                                                  int            *position,
                                                  int            *count,
                                                  const char    **heading,
                                                  const JpTimer **timer,
                                                  const char    **step_out);

/* Opens the paper score sheets part of the page and returns it (transfer none). */
JpDefencePaper *jp_defence_page_show_paper (JpDefencePage *self);

G_END_DECLS
