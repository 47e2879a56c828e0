/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>
#include "store/jp-store.h"

G_BEGIN_DECLS

/* The audit browser (issue 9): the audit log filtered by who, action, candidate and days,
 * newest first, and the same check as `jiangping-cli audit verify` with its result. */

#define JP_TYPE_AUDIT_PAGE (jp_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (JpAuditPage, jp_audit_page, JP, AUDIT_PAGE, AdwBin)

GtkWidget  *jp_audit_page_new       (void);
void        jp_audit_page_set_store (JpAuditPage *self,
                                     JpStore     *store);
/* Reads the log again (after changes elsewhere). */
void        jp_audit_page_reload    (JpAuditPage *self);
/* Runs the check now, as the button does. */
void        jp_audit_page_verify    (JpAuditPage *self);

/* For tests: the list of shown entries, the problems list, the status label, the filters. */
GtkListBox *jp_audit_page_get_list     (JpAuditPage *self);
GtkListBox *jp_audit_page_get_problems (JpAuditPage *self);
/* The backups kept beside the file, newest first (tests). */
GtkListBox *jp_audit_page_get_backups  (JpAuditPage *self);
GtkLabel   *jp_audit_page_get_status   (JpAuditPage *self);
GtkEditable *jp_audit_page_get_filter  (JpAuditPage *self,
                                        const char  *name);   /* "actor", "action",
                                                               * "candidate", "from", "until" */

G_END_DECLS
