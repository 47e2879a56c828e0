/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "store/jp-store.h"

G_BEGIN_DECLS

/* What the chair's two paper entries share (paper ballots: JpPaperEntry; paper defence
 * sheets: JpDefencePaper): the pass being typed (1 or 2) and the scrutineer typing it, the
 * error line, and a pass imported from a CSV file. Each entry embeds one JpPaperPass over its
 * template's controls and keeps only what differs: what a pass holds and how the store
 * takes it (`import`). */

/* Stores a whole pass read from the file `source_name` (the entry's import_data). */
typedef gboolean (*JpPaperImport) (GtkWidget   *entry,
                                   const char  *data,
                                   gsize        length,
                                   const char  *source_name,
                                   GError     **error);

typedef struct {
  GtkWidget     *entry;                /* the owner, borrowed */
  GtkDropDown   *scrutineer_dropdown;  /* the template's */
  GtkDropDown   *pass_dropdown;        /* "Pass 1", "Pass 2" */
  GtkLabel      *error_label;
  JpPaperImport  import;
  GStrv          scrutineers;          /* member codes, parallel to the scrutineer dropdown */
  gboolean       syncing;              /* the dropdown is being refilled */
} JpPaperPass;

void        jp_paper_pass_init              (JpPaperPass   *pass,
                                             GtkWidget     *entry,
                                             GtkDropDown   *scrutineer_dropdown,
                                             GtkDropDown   *pass_dropdown,
                                             GtkLabel      *error_label,
                                             JpPaperImport  import);
void        jp_paper_pass_clear             (JpPaperPass   *pass);

/* 1 or 2. */
int         jp_paper_pass_get_pass          (JpPaperPass   *pass);
/* The member code of the scrutineer chosen, or NULL. */
const char *jp_paper_pass_get_scrutineer    (JpPaperPass   *pass);
gboolean    jp_paper_pass_select_scrutineer (JpPaperPass   *pass,
                                             const char    *member_code);
/* Lists the election's members, scrutineers first (they normally type the passes); a store
 * that cannot list them is reported over the entry. */
void        jp_paper_pass_fill_scrutineers  (JpPaperPass   *pass,
                                             JpStore       *store);
/* The entry's error line: `message`, or hidden for NULL. */
void        jp_paper_pass_show_error        (JpPaperPass   *pass,
                                             const char    *message);
/* The scrutineer dropdown changed: an old error no longer applies. */
void        jp_paper_pass_scrutineer_changed (JpPaperPass  *pass);
/* Asks for a CSV file and stores it as the pass with `import`; a file that cannot be read
 * or is refused shows on the error line. */
void        jp_paper_pass_import_file       (JpPaperPass   *pass,
                                             const char    *title,
                                             const char    *filter_name);

G_END_DECLS
