/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-intake"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-intake.h"
#include "jp-intake-private.h"

/* ---- roster ---- */

#define MERGE_STR(field) \
  if (row->field != NULL && row->field[0] != '\0') \
    { \
      g_free (into->field); \
      into->field = g_strdup (row->field); \
    }

/* Overwrites in `into` the fields the roster row has a value for; the rest (summary,
 * deeds, photos, evidence...) stay as imported from the dossier. */
static void
merge_roster_row (JpCandidate *into,
                  JpCandidate *row)
{
  MERGE_STR (name);
  MERGE_STR (ethnicity);
  MERGE_STR (birth);
  MERGE_STR (political);
  MERGE_STR (education);
  MERGE_STR (work_start);
  MERGE_STR (id_number);
  MERGE_STR (employer);
  MERGE_STR (position);
  MERGE_STR (work_type);
  MERGE_STR (skill_level);
  MERGE_STR (phone);
  MERGE_STR (honours);
  MERGE_STR (summary);
  MERGE_STR (deeds);
  MERGE_STR (fill_date);
  MERGE_STR (unit);
  MERGE_STR (trade);
  if (row->sex != JP_SEX_UNKNOWN)
    into->sex = row->sex;
  if (row->years_in_trade >= 0)
    into->years_in_trade = row->years_in_trade;
  if (row->union_member != JP_TRISTATE_UNKNOWN)
    into->union_member = row->union_member;
  if (row->criteria != 0)
    into->criteria = row->criteria;
  if (row->route != JP_ROUTE_UNKNOWN)
    into->route = row->route;
}

#undef MERGE_STR

static char *
name_unit_key (const char *name,
               const char *unit)
{
  return g_strconcat (name ? name : "", "\x1f", unit ? unit : "", NULL);
}

/* The stored candidate a roster row is about: same ID number, else same name and unit.
 * A row with an ID number that matches nobody, whose name and unit match a stored candidate
 * without an ID number, is that candidate; with a different ID number it is a new person,
 * and a warning naming both goes to `notes`. */
static JpCandidate *
find_existing (JpStore     *store,
               GHashTable  *by_name_unit,
               JpCandidate *row,
               GPtrArray   *notes)
{
  g_autofree char *key = name_unit_key (row->name, row->unit);
  gpointer id = g_hash_table_lookup (by_name_unit, key);
  g_autoptr(JpCandidate) same_name = NULL;

  if (row->id_number != NULL && row->id_number[0] != '\0')
    {
      g_autoptr(JpCandidate) found =
        jp_store_find_candidate_by_id_number (store, row->id_number);
      JpCandidate *full;

      if (found != NULL)
        {
          full = jp_store_get_candidate (store, found->id, NULL);
          return full != NULL ? full : g_steal_pointer (&found);
        }
      if (id == NULL)
        return NULL;
      same_name = jp_store_get_candidate (store, GPOINTER_TO_SIZE (id), NULL);
      if (same_name == NULL)
        return NULL;
      if (same_name->id_number == NULL || same_name->id_number[0] == '\0')
        return g_steal_pointer (&same_name);
      g_ptr_array_add (notes,
                       jp_finding_new (JP_SEVERITY_WARNING, "intake-same-name-unit", "id_number",
                                       _("%s of %s was added as a new candidate with the ID "
                                         "number %s, but a candidate %s of the same unit is "
                                         "already there with the ID number %s; if they are "
                                         "the same person, correct the ID number and delete "
                                         "one of them"),
                                       row->name, row->unit ? row->unit : "—", row->id_number,
                                       same_name->name, same_name->id_number));
      return NULL;
    }

  return id != NULL ? jp_store_get_candidate (store, GPOINTER_TO_SIZE (id), NULL) : NULL;
}

/**
 * jp_intake_import_roster:
 * @store: the election
 * @csv_path: the 候选人汇总表 as CSV
 * @actor: who imports, for the audit log
 * @cancellable: (nullable): checked between rows
 * @error: names the file and line when it cannot be parsed at all
 *
 * Returns: (transfer full): the report, one entry per row.
 */
JpImportReport *
jp_intake_import_roster (JpStore      *store,
                         const char   *csv_path,
                         const char   *actor,
                         GCancellable *cancellable,
                         GError      **error)
{
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(JpRoster) roster = NULL;
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(GHashTable) by_name_unit = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  gsize len = 0;
  guint i, n;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (csv_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = g_path_get_basename (csv_path);
  if (!g_file_get_contents (csv_path, &contents, &len, &local_error))
    {
      g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                   _("The roster “%s” cannot be read: %s"), csv_path, local_error->message);
      return NULL;
    }
  table = jp_csv_parse (contents, len, base, error);
  if (table == NULL)
    return NULL;
  roster = jp_roster_from_csv (table, base, error);
  if (roster == NULL)
    return NULL;

  report = jp_import_report_new ();
  for (i = 0; roster->problems != NULL && i < roster->problems->len; i++)
    g_ptr_array_add (report->problems, jp_finding_copy (g_ptr_array_index (roster->problems, i)));
  for (i = 0; roster->unknown_columns != NULL && i < roster->unknown_columns->len; i++)
    {
      const char *column = g_ptr_array_index (roster->unknown_columns, i);
      gboolean mentioned = FALSE;
      guint k;

      for (k = 0; k < report->problems->len && !mentioned; k++)
        mentioned = strstr (((JpFinding *) g_ptr_array_index (report->problems, k))->message,
                            column) != NULL;
      if (!mentioned)
        g_ptr_array_add (report->problems,
                         jp_finding_new (JP_SEVERITY_WARNING, "roster-unknown-column", NULL,
                                         _("%s: the column “%s” matches no field and was "
                                           "ignored"), base, column));
    }

  by_name_unit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  existing = jp_store_list_candidates (store, NULL);
  n = existing != NULL ? g_list_model_get_n_items (existing) : 0;
  for (i = 0; i < n; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (existing, i);

      g_hash_table_replace (by_name_unit, name_unit_key (c->name, c->unit),
                            GSIZE_TO_POINTER ((gsize) c->id));
    }

  for (i = 0; i < roster->rows->len; i++)
    {
      JpRosterRow *row = g_ptr_array_index (roster->rows, i);
      g_autofree char *source = g_strdup_printf (_("%s: line %u"), base, row->line);
      g_autoptr(JpImportEntry) entry = jp_import_entry_new (source, JP_IMPORT_REJECTED);
      g_autoptr(GPtrArray) notes =
        g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
      g_autoptr(JpCandidate) target = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (row->refusal != NULL)
        {
          entry->name = g_strdup (row->candidate->name);
          entry->reason = g_strdup (row->refusal);
          jp_import_report_take_entry (report, g_steal_pointer (&entry));
          continue;
        }

      target = find_existing (store, by_name_unit, row->candidate, notes);
      if (target != NULL)
        merge_roster_row (target, row->candidate);
      else
        target = g_object_ref (row->candidate);

      entry->name = g_strdup (target->name);
      entry->id_number = g_strdup (target->id_number);
      jp_intake_note_new_trade_and_unit (store, target, notes);
      jp_intake_note_near_names (store, target, notes);
      jp_intake_save_into_entry (store, target, NULL, actor, notes, entry);
      if (entry->outcome == JP_IMPORT_REJECTED)
        {
          char *reason = g_strdup_printf (_("line %u: %s"), row->line, entry->reason);

          g_free (entry->reason);
          entry->reason = reason;
          g_ptr_array_set_size (entry->findings, 0);
        }
      else
        g_hash_table_replace (by_name_unit, name_unit_key (target->name, target->unit),
                              GSIZE_TO_POINTER ((gsize) target->id));
      jp_import_report_take_entry (report, g_steal_pointer (&entry));
    }

  return g_steal_pointer (&report);
}
