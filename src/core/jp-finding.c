/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-finding"

#include "config.h"

#include <stdarg.h>

#include "jp-finding.h"

G_DEFINE_BOXED_TYPE (JpFinding, jp_finding, jp_finding_copy, jp_finding_free)

/**
 * jp_finding_new:
 * Creates a finding; `message_format` is an already translated printf format.
 * Returns: (transfer full): a new finding, free with jp_finding_free().
 */
JpFinding *
jp_finding_new (JpSeverity  severity,
                const char *code,
                const char *field,
                const char *message_format,
                ...)
{
  JpFinding *finding;
  va_list args;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message_format != NULL, NULL);

  finding = g_new0 (JpFinding, 1);
  finding->severity = severity;
  finding->code = g_strdup (code);
  finding->field = g_strdup (field);
  va_start (args, message_format);
  finding->message = g_strdup_vprintf (message_format, args);
  va_end (args);

  return finding;
}

/* Returns: (transfer full): a deep copy. */
JpFinding *
jp_finding_copy (const JpFinding *finding)
{
  JpFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_new0 (JpFinding, 1);
  copy->severity = finding->severity;
  copy->code = g_strdup (finding->code);
  copy->field = g_strdup (finding->field);
  copy->message = g_strdup (finding->message);
  return copy;
}

void
jp_finding_free (JpFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->code);
  g_free (finding->field);
  g_free (finding->message);
  g_free (finding);
}

/* "warning" or "error": a static string. */
const char *
jp_severity_to_key (JpSeverity severity)
{
  return severity == JP_SEVERITY_ERROR ? "error" : "warning";
}
