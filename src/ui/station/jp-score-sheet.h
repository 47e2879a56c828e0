/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "core/jp-sheet-model.h"

G_BEGIN_DECLS

#define JP_TYPE_SCORE_SHEET (jp_score_sheet_get_type ())
G_DECLARE_FINAL_TYPE (JpScoreSheet, jp_score_sheet, JP, SCORE_SHEET, AdwBin)

/* A member's defence score sheet for one candidate, shown from a JpSheetModel (no network
 * here: JpStationDefence drives it over the meeting protocol, tests drive it directly):
 * one field per rubric criterion (0..max in steps of 0.5; typing 12.5, or the + and - keys
 * in a field, or its buttons), what is wrong with a field next to it, the running total, a
 * submit button that first asks for confirmation, a locked view once submitted, and a
 * "step out (回避)" view for a conflicted member.
 *
 * Signals: "changed" (): a field changed while editing (the station saves the draft);
 * "submit" (): the member confirmed the submission (the state is then SUBMITTING until
 * jp_score_sheet_set_state tells the outcome). */
GtkWidget    *jp_score_sheet_new            (void);

/* Shows a sheet for `candidate` ("XT-03"), `position` of `count` in the order of
 * appearance (0: not shown), with `model` (the sheet takes ownership). */
void          jp_score_sheet_set_model      (JpScoreSheet *self,
                                             const char   *candidate,
                                             int           position,
                                             int           count,
                                             JpSheetModel *model);
/* The model shown (borrowed), NULL before set_model. */
JpSheetModel *jp_score_sheet_get_model      (JpScoreSheet *self);

/* Changes the state (and what is shown); `message` (may be NULL) is the host's words for a
 * refusal or the reason to step out. */
void          jp_score_sheet_set_state      (JpScoreSheet *self,
                                             JpSheetState  state,
                                             const char   *message);
/* A message beside the total (NULL: none): what the host said about the draft or the
 * submission; the next change of a field clears it. */
void          jp_score_sheet_set_message    (JpScoreSheet *self,
                                             const char   *message);
/* Nothing to score now: `message` says why (no session open, waiting for the chair). */
void          jp_score_sheet_set_idle       (JpScoreSheet *self,
                                             const char   *message);

/* The steps, as the buttons do (also the widget actions sheet.review, sheet.back and
 * sheet.submit): review shows the confirmation (only with every field a score; otherwise
 * the first problem is shown next to the total), submit confirms. */
void          jp_score_sheet_review         (JpScoreSheet *self);
void          jp_score_sheet_back           (JpScoreSheet *self);
void          jp_score_sheet_submit         (JpScoreSheet *self);

/* for tests and the station: the widgets and texts shown (borrowed) */
GtkEditable  *jp_score_sheet_get_entry      (JpScoreSheet *self,
                                             guint         index);
const char   *jp_score_sheet_get_field_message (JpScoreSheet *self,
                                                guint         index);
const char   *jp_score_sheet_get_total_text (JpScoreSheet *self);
const char   *jp_score_sheet_get_message_text (JpScoreSheet *self);
const char   *jp_score_sheet_get_status_title (JpScoreSheet *self);
/* "idle", "sheet", "confirm", "status" */
const char   *jp_score_sheet_get_page       (JpScoreSheet *self);
GtkWidget    *jp_score_sheet_get_review_button (JpScoreSheet *self);

G_END_DECLS
