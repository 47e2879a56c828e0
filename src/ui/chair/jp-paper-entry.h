/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "store/jp-store-rounds.h"

G_BEGIN_DECLS

#define JP_TYPE_PAPER_ENTRY (jp_paper_entry_get_type ())
G_DECLARE_FINAL_TYPE (JpPaperEntry, jp_paper_entry, JP, PAPER_ENTRY, GtkBox)

/* Returns: (transfer floating): the paper-ballot entry of one open round: a scrutineer
 * types the ballots of the pile one by one (serial, codes marked or invalid) or imports a
 * CSV, in pass 1; a second scrutineer enters the same pile in pass 2; the differences
 * (jp_store_paper_differences) are listed. Every change is stored at once through
 * jp_store_enter_paper_ballots, which replaces that pass; the widget emits "changed" after
 * each successful write. */
GtkWidget *jp_paper_entry_new       (void);

/* Enters ballots of `round_id` in `store` (a reference is kept); NULL / 0 clears. */
void       jp_paper_entry_set_round (JpPaperEntry *self,
                                     JpStore      *store,
                                     gint64        round_id);

/* The pass being entered, 1 or 2. */
void       jp_paper_entry_set_pass  (JpPaperEntry *self,
                                     int           pass);
/* Selects the scrutineer by member code; FALSE if not in the list. */
gboolean   jp_paper_entry_select_scrutineer (JpPaperEntry *self,
                                             const char   *member_code);

/* Stores the pass from a CSV buffer as the import button does. */
gboolean   jp_paper_entry_import_data (JpPaperEntry  *self,
                                       const char    *data,
                                       gsize          length,
                                       const char    *source_name,
                                       GError       **error);

/* for tests */
GtkEditable    *jp_paper_entry_get_serial_entry      (JpPaperEntry *self);
GtkEditable    *jp_paper_entry_get_marks_entry       (JpPaperEntry *self);
GtkCheckButton *jp_paper_entry_get_invalid_check     (JpPaperEntry *self);
GtkButton      *jp_paper_entry_get_add_button        (JpPaperEntry *self);
GtkLabel       *jp_paper_entry_get_error_label       (JpPaperEntry *self);
GtkLabel       *jp_paper_entry_get_differences_label (JpPaperEntry *self);
guint           jp_paper_entry_get_n_typed           (JpPaperEntry *self);

G_END_DECLS
