/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-intake"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-intake.h"

G_DEFINE_QUARK (jp-intake-error-quark, jp_intake_error)

/**
 * jp_import_entry_new:
 * @source: where the dossier or row came from
 * @outcome: its outcome so far
 *
 * Returns: (transfer full): a new entry with no name, reason or findings.
 */
JpImportEntry *
jp_import_entry_new (const char      *source,
                     JpImportOutcome  outcome)
{
  JpImportEntry *entry = g_new0 (JpImportEntry, 1);

  entry->source = g_strdup (source);
  entry->outcome = outcome;
  entry->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  return entry;
}

void
jp_import_entry_free (JpImportEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->source);
  g_free (entry->name);
  g_free (entry->id_number);
  g_free (entry->reason);
  g_clear_pointer (&entry->findings, g_ptr_array_unref);
  g_free (entry);
}

/**
 * jp_import_report_new:
 *
 * Returns: (transfer full): an empty report.
 */
JpImportReport *
jp_import_report_new (void)
{
  JpImportReport *report = g_new0 (JpImportReport, 1);

  report->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_import_entry_free);
  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  return report;
}

void
jp_import_report_free (JpImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->entries, g_ptr_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

/**
 * jp_import_report_take_entry:
 * @report: a report
 * @entry: (transfer full): the entry to append
 *
 * Appends @entry and adds it to the added/updated/rejected counts.
 */
void
jp_import_report_take_entry (JpImportReport *report,
                             JpImportEntry  *entry)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (entry != NULL);

  switch (entry->outcome)
    {
    case JP_IMPORT_ADDED:
      report->added++;
      break;
    case JP_IMPORT_UPDATED:
      report->updated++;
      break;
    case JP_IMPORT_REJECTED:
    default:
      report->rejected++;
      break;
    }
  g_ptr_array_add (report->entries, entry);
}

const char *
jp_import_outcome_to_key (JpImportOutcome outcome)
{
  switch (outcome)
    {
    case JP_IMPORT_ADDED:
      return "added";
    case JP_IMPORT_UPDATED:
      return "updated";
    case JP_IMPORT_REJECTED:
    default:
      return "rejected";
    }
}

const char *
jp_import_outcome_label (JpImportOutcome outcome)
{
  switch (outcome)
    {
    case JP_IMPORT_ADDED:
      return C_("import outcome", "Added");
    case JP_IMPORT_UPDATED:
      return C_("import outcome", "Updated");
    case JP_IMPORT_REJECTED:
    default:
      return C_("import outcome", "Rejected");
    }
}

static void
append_findings (GString   *out,
                 GPtrArray *findings)
{
  guint i;

  for (i = 0; findings != NULL && i < findings->len; i++)
    {
      JpFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "    %s %s\n",
                              f->severity == JP_SEVERITY_ERROR ? "✗" : "!", f->message);
    }
}

/**
 * jp_import_report_to_text:
 * @report: a report
 *
 * Returns: (transfer full): a multi-line summary: the counts, then one line per dossier or
 * roster row with its outcome (and, for rejections, the reason), each followed by its
 * findings, then the file-level problems.
 */
char *
jp_import_report_to_text (JpImportReport *report)
{
  GString *out;
  guint i;

  g_return_val_if_fail (report != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, _("Added %u, updated %u, rejected %u"),
                          report->added, report->updated, report->rejected);
  g_string_append_c (out, '\n');

  for (i = 0; i < report->entries->len; i++)
    {
      JpImportEntry *e = g_ptr_array_index (report->entries, i);
      const char *label = jp_import_outcome_label (e->outcome);

      if (e->outcome == JP_IMPORT_REJECTED)
        {
          /* TRANSLATORS: "Rejected: <source> (<name>): <reason>" */
          if (e->name != NULL)
            g_string_append_printf (out, _("%s: %s (%s): %s"), label, e->source, e->name,
                                    e->reason ? e->reason : "");
          else
            g_string_append_printf (out, _("%s: %s: %s"), label, e->source,
                                    e->reason ? e->reason : "");
        }
      else
        {
          /* TRANSLATORS: "Added: <name> (<source>)" */
          g_string_append_printf (out, _("%s: %s (%s)"), label,
                                  e->name ? e->name : "?", e->source);
          if (e->findings->len > 0)
            {
              g_string_append (out, " — ");
              g_string_append_printf (out, ngettext ("%u finding", "%u findings",
                                                     e->findings->len),
                                      e->findings->len);
            }
        }
      g_string_append_c (out, '\n');
      append_findings (out, e->findings);
    }

  if (report->problems->len > 0)
    {
      g_string_append (out, _("Problems in the files:"));
      g_string_append_c (out, '\n');
      append_findings (out, report->problems);
    }

  return g_string_free (out, FALSE);
}
