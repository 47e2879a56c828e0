/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a member station's defence score sheet holds while the member types (issue 7): the
 * rubric, one text per criterion as typed, what each text means (jp_points_parse), the
 * running total and the sheet's state. Plain data, no network and no widgets: the station's
 * sheet widget shows it, and a test drives it directly. */

typedef enum {
  JP_SHEET_NO_CANDIDATE = 0,  /* nothing to score now */
  JP_SHEET_EDITING,           /* the member types; drafts are saved on the host */
  JP_SHEET_SUBMITTING,        /* submitted, no answer yet */
  JP_SHEET_SUBMITTED,         /* the host has it: locked */
  JP_SHEET_STEP_OUT,          /* the member is conflicted with the candidate (回避) */
  JP_SHEET_REFUSED,           /* the host refused the sheet; the message says why */
} JpSheetState;

typedef struct _JpSheetModel JpSheetModel;

/* A sheet for `rubric` (GPtrArray of JpRubricCriterion*, copied), every field empty, in
 * state JP_SHEET_EDITING. Returns: (transfer full). */
JpSheetModel *jp_sheet_model_new  (const GPtrArray *rubric);
void          jp_sheet_model_free (JpSheetModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpSheetModel, jp_sheet_model_free)

/* The rubric (JpRubricCriterion*, borrowed) and its number of criteria. */
const GPtrArray *jp_sheet_model_get_rubric (const JpSheetModel *model);
guint         jp_sheet_model_get_n_criteria (const JpSheetModel *model);
/* A criterion's maximum in halves of a point. */
int           jp_sheet_model_get_max      (const JpSheetModel *model,
                                           guint               index);

/* Sets the text of criterion `index` as typed and reads it: TRUE when it is a score of
 * that criterion (0..max in steps of 0.5); otherwise the message says why (an empty field
 * is not valid, but has no message: nothing typed yet is not a mistake). */
gboolean      jp_sheet_model_set_text     (JpSheetModel *model,
                                           guint         index,
                                           const char   *text);
const char   *jp_sheet_model_get_text     (const JpSheetModel *model,
                                           guint               index);
/* The message next to the field, or NULL when the text is a score or empty. */
const char   *jp_sheet_model_get_message  (const JpSheetModel *model,
                                           guint               index);
/* The score of criterion `index` in halves, -1 when its text is not a score. */
int           jp_sheet_model_get_halves   (const JpSheetModel *model,
                                           guint               index);

/* The +/- keys: moves criterion `index` by `steps` half points from its value (an empty or
 * unreadable field counts as 0), kept within 0..max, and writes the new text ("12.5").
 * Returns the new value in halves. */
int           jp_sheet_model_step         (JpSheetModel *model,
                                           guint         index,
                                           int           steps);

/* The running total of the fields that hold a score, in halves. */
int           jp_sheet_model_get_total    (const JpSheetModel *model);
/* Whether every field holds a score (the sheet can be submitted). */
gboolean      jp_sheet_model_is_complete  (const JpSheetModel *model);
/* The first problem of the sheet, naming the criterion: what the submit button explains
 * when the sheet is not complete. Returns: (transfer full), NULL when complete. */
char         *jp_sheet_model_describe_problem (const JpSheetModel *model);

/* The texts, one per criterion (borrowed, NULL-terminated): the draft as typed. */
const char * const *jp_sheet_model_get_texts (const JpSheetModel *model);
/* Replaces every text (a draft the host kept): `texts` may be shorter than the rubric. */
void          jp_sheet_model_set_texts    (JpSheetModel       *model,
                                           const char * const *texts);

JpSheetState  jp_sheet_model_get_state    (const JpSheetModel *model);
void          jp_sheet_model_set_state    (JpSheetModel *model,
                                           JpSheetState  state);
/* Whether the fields may be changed (only while editing). */
gboolean      jp_sheet_model_is_editable  (const JpSheetModel *model);

G_END_DECLS
