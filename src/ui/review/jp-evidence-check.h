/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One evidence document in a criterion's popover on the review form: a check button that
 * knows the document's sha256 and whether the dossier tagged it with that criterion. */
#define JP_TYPE_EVIDENCE_CHECK (jp_evidence_check_get_type ())
G_DECLARE_FINAL_TYPE (JpEvidenceCheck, jp_evidence_check, JP, EVIDENCE_CHECK, GtkCheckButton)

GtkWidget  *jp_evidence_check_new        (const char      *label,
                                          const char      *sha256,
                                          gboolean         tagged);
const char *jp_evidence_check_get_sha256 (JpEvidenceCheck *self);
gboolean    jp_evidence_check_is_tagged  (JpEvidenceCheck *self);

G_END_DECLS
