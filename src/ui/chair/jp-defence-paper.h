/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "store/jp-store-defence.h"

G_BEGIN_DECLS

#define JP_TYPE_DEFENCE_PAPER (jp_defence_paper_get_type ())
G_DECLARE_FINAL_TYPE (JpDefencePaper, jp_defence_paper, JP, DEFENCE_PAPER, GtkBox)

/* Returns: (transfer floating): the paper score sheets of one defence session, entered like
 * the ballot's paper entry (JpPaperEntry): a scrutineer types each signed sheet (member,
 * candidate, one field per criterion read like the station's sheet, JpSheetModel) or imports
 * the CSV `jiangping-cli scores enter` reads, in pass 1; a second, different scrutineer
 * types the same sheets in pass 2; the differences (jp_store_defence_paper_differences),
 * which block the close, are listed. Every change goes through jp_store_defence_enter_paper,
 * which checks everything and replaces that pass; the typed sheets shown are the store's.
 * Emits "changed" after each successful write. */
GtkWidget *jp_defence_paper_new         (void);

/* Enters sheets for `session` (copied: round, rubric, panel, candidates) in `store` (a
 * reference is kept); NULL clears. The fields typed so far are kept while the round is
 * the same. */
void       jp_defence_paper_set_session (JpDefencePaper         *self,
                                         JpStore                *store,
                                         const JpDefenceSession *session);

/* The pass being entered, 1 or 2. */
void       jp_defence_paper_set_pass    (JpDefencePaper *self,
                                         int             pass);
/* Selects by code; FALSE if not in the list. */
gboolean   jp_defence_paper_select_scrutineer (JpDefencePaper *self,
                                               const char     *member_code);
gboolean   jp_defence_paper_select_member     (JpDefencePaper *self,
                                               const char     *member_code);
gboolean   jp_defence_paper_select_candidate  (JpDefencePaper *self,
                                               const char     *candidate_code);

/* Adds the sheet as typed, as the Add button does: FALSE when the store refused it (the
 * reason is shown under the fields). */
gboolean   jp_defence_paper_add         (JpDefencePaper *self);

/* Stores the pass from a CSV buffer as the import button does. */
gboolean   jp_defence_paper_import_data (JpDefencePaper  *self,
                                         const char      *data,
                                         gsize            length,
                                         const char      *source_name,
                                         GError         **error);

/* for tests: the widgets and texts shown (borrowed) */
GtkEditable *jp_defence_paper_get_entry         (JpDefencePaper *self,
                                                 guint           index);
const char  *jp_defence_paper_get_field_message (JpDefencePaper *self,
                                                 guint           index);
const char  *jp_defence_paper_get_error_text    (JpDefencePaper *self);
const char  *jp_defence_paper_get_total_text    (JpDefencePaper *self);
const char  *jp_defence_paper_get_count_text    (JpDefencePaper *self);
const char  *jp_defence_paper_get_differences_text (JpDefencePaper *self);
/* The text of row `index` of the typed sheets (newest first), NULL past the end. */
char        *jp_defence_paper_get_row_text      (JpDefencePaper *self,
                                                 guint           index);

G_END_DECLS
