/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  JP_SEVERITY_WARNING = 0,
  JP_SEVERITY_ERROR,
} JpSeverity;

/* One validation finding: something a person can act on.
 * `code` is a stable machine key ("id-check-digit", "summary-short", ...),
 * `field` the candidate field it is about ("id_number", "summary", "photos", ...) so the UI
 * can jump to it, `message` a translated sentence that names the value and what to do. */
typedef struct {
  JpSeverity severity;
  char      *code;
  char      *field;
  char      *message;
} JpFinding;

#define JP_TYPE_FINDING (jp_finding_get_type ())
GType      jp_finding_get_type (void) G_GNUC_CONST;
JpFinding *jp_finding_new      (JpSeverity  severity,
                                const char *code,
                                const char *field,
                                const char *message_format,
                                ...) G_GNUC_PRINTF (4, 5);
JpFinding *jp_finding_copy     (const JpFinding *finding);
void       jp_finding_free     (JpFinding *finding);
const char *jp_severity_to_key (JpSeverity severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JpFinding, jp_finding_free)

G_END_DECLS
