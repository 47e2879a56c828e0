/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-paper-sheets"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-csv.h"
#include "jp-score.h"
#include "jp-settings.h"
#include "jp-paper-sheets.h"

/* Problems quoted in the error message. */
#define MAX_PROBLEMS_IN_MESSAGE 10

void
jp_paper_sheet_free (JpPaperSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->member);
  g_free (sheet->candidate);
  g_free (sheet->halves);
  g_free (sheet);
}

static char *
normalize (const char *text)
{
  g_autofree char *nfkc = text != NULL ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKC) : NULL;

  if (nfkc == NULL)
    return g_strdup ("");
  return g_strdup (g_strstrip (nfkc));
}

static guint
used_fields (GPtrArray *row)
{
  guint n = row->len;

  while (n > 0)
    {
      g_autofree char *f = normalize (g_ptr_array_index (row, n - 1));

      if (*f != '\0')
        break;
      n--;
    }
  return n;
}

static gboolean
check_header (GPtrArray       *header,
              const GPtrArray *rubric)
{
  g_autofree char *m = NULL, *c = NULL;

  if (used_fields (header) != rubric->len + 2)
    return FALSE;
  m = normalize (header->pdata[0]);
  c = normalize (header->pdata[1]);
  if (g_ascii_strcasecmp (m, "member") != 0 || g_ascii_strcasecmp (c, "candidate") != 0)
    return FALSE;
  for (guint k = 0; k < rubric->len; k++)
    {
      const JpRubricCriterion *crit = g_ptr_array_index ((GPtrArray *) rubric, k);
      g_autofree char *want = normalize (crit->name);
      g_autofree char *got = normalize (header->pdata[k + 2]);

      if (g_strcmp0 (want, got) != 0)
        return FALSE;
    }
  return TRUE;
}

static char *
header_text (const GPtrArray *rubric)
{
  GString *out = g_string_new ("member,candidate");

  for (guint k = 0; k < rubric->len; k++)
    g_string_append_printf (out, ",%s",
                            ((JpRubricCriterion *) g_ptr_array_index ((GPtrArray *) rubric,
                                                                      k))->name);
  return g_string_free (out, FALSE);
}

/* Checks one line; returns the sheet or NULL after adding its problems. */
static JpPaperSheet *
check_row (GPtrArray       *row,
           guint            line,
           const char      *source_name,
           const GPtrArray *rubric,
           GHashTable      *seen,
           GPtrArray       *problems)
{
  g_autoptr(JpPaperSheet) sheet = NULL;
  g_autofree char *key = NULL;
  gboolean ok = TRUE;

  if (used_fields (row) != rubric->len + 2)
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (_("%s, line %u: %u fields; a sheet has the member, the "
                                          "candidate and %u scores."),
                                        source_name, line, used_fields (row), rubric->len));
      return NULL;
    }
  sheet = g_new0 (JpPaperSheet, 1);
  sheet->line = line;
  sheet->member = normalize (row->pdata[0]);
  {
    g_autofree char *cand = normalize (row->pdata[1]);

    sheet->candidate = g_ascii_strup (cand, -1);
  }
  sheet->n_criteria = rubric->len;
  sheet->halves = g_new0 (int, MAX (rubric->len, 1));
  if (*sheet->member == '\0' || *sheet->candidate == '\0')
    {
      g_ptr_array_add (problems,
                       g_strdup_printf (_("%s, line %u: the member or the candidate is empty."),
                                        source_name, line));
      ok = FALSE;
    }
  for (guint k = 0; k < rubric->len; k++)
    {
      const JpRubricCriterion *crit = g_ptr_array_index ((GPtrArray *) rubric, k);
      g_autoptr(GError) error = NULL;
      g_autofree char *field = g_strdup_printf (_("%s, line %u, “%s”"), source_name, line,
                                                crit->name);
      int max = 0;

      if (!jp_halves_from_double (crit->max, &max) || max <= 0)
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("Criterion %u of the rubric has the maximum %g, "
                                              "not a positive multiple of 0.5."),
                                            k + 1, crit->max));
          return NULL;
        }
      if (!jp_points_parse (row->pdata[k + 2], max, field, &sheet->halves[k], &error))
        {
          g_ptr_array_add (problems, g_strdup (error->message));
          ok = FALSE;
          continue;
        }
      sheet->total_halves += sheet->halves[k];
    }
  if (*sheet->member != '\0' && *sheet->candidate != '\0')
    {
      key = g_strdup_printf ("%s\n%s", sheet->member, sheet->candidate);
      if (g_hash_table_contains (seen, key))
        {
          g_ptr_array_add (problems,
                           g_strdup_printf (_("%s, line %u: a second sheet of %s for %s (first "
                                              "on line %u)."),
                                            source_name, line, sheet->member, sheet->candidate,
                                            GPOINTER_TO_UINT (g_hash_table_lookup (seen, key))));
          ok = FALSE;
        }
      else
        g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));
    }
  return ok ? g_steal_pointer (&sheet) : NULL;
}

GPtrArray *
jp_paper_sheets_parse (const char      *data,
                       gsize            length,
                       const char      *source_name,
                       const GPtrArray *rubric,
                       GError         **error)
{
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint header_line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source_name != NULL && rubric != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table = jp_csv_parse (data != NULL ? data : "", length, source_name, error);
  if (table == NULL)
    return NULL;
  header_line = g_array_index (table->row_lines, guint, 0);
  if (!check_header (g_ptr_array_index (table->rows, 0), rubric))
    {
      g_autofree char *want = header_text (rubric);

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("%s, line %u: the header must be “%s” (the rubric's criteria in order)."),
                   source_name, header_line, want);
      return NULL;
    }

  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_paper_sheet_free);
  for (guint r = 1; r < table->rows->len; r++)
    {
      JpPaperSheet *sheet = check_row (g_ptr_array_index (table->rows, r),
                                       g_array_index (table->row_lines, guint, r),
                                       source_name, rubric, seen, problems);

      if (sheet != NULL)
        g_ptr_array_add (sheets, sheet);
    }
  if (problems->len > 0)
    {
      GString *msg = g_string_new (NULL);

      g_string_append_printf (msg,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s has %u problem; no sheet was entered:",
                                           "%s has %u problems; no sheet was entered:",
                                           problems->len),
                              source_name, problems->len);
      for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_IN_MESSAGE; i++)
        g_string_append_printf (msg, "\n%s", (const char *) problems->pdata[i]);
      if (problems->len > MAX_PROBLEMS_IN_MESSAGE)
        g_string_append_printf (msg, _("\n… and %u more."),
                                problems->len - MAX_PROBLEMS_IN_MESSAGE);
      g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE, msg->str);
      g_string_free (msg, TRUE);
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

static int
compare_sheets (gconstpointer a,
                gconstpointer b)
{
  const JpPaperSheet *x = *(JpPaperSheet *const *) a;
  const JpPaperSheet *y = *(JpPaperSheet *const *) b;
  int c = strcmp (x->member, y->member);

  return c != 0 ? c : strcmp (x->candidate, y->candidate);
}

static GPtrArray *
sorted_copy (GPtrArray *sheets)
{
  GPtrArray *out = g_ptr_array_sized_new (sheets != NULL ? sheets->len : 0);

  for (guint i = 0; sheets != NULL && i < sheets->len; i++)
    g_ptr_array_add (out, sheets->pdata[i]);
  g_ptr_array_sort (out, compare_sheets);
  return out;
}

GPtrArray *
jp_paper_sheets_compare (GPtrArray       *first,
                         GPtrArray       *second,
                         const GPtrArray *rubric)
{
  g_autoptr(GPtrArray) a = sorted_copy (first);
  g_autoptr(GPtrArray) b = sorted_copy (second);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  guint i = 0, j = 0;

  g_return_val_if_fail (rubric != NULL, out);

  while (i < a->len || j < b->len)
    {
      JpPaperSheet *x = i < a->len ? a->pdata[i] : NULL;
      JpPaperSheet *y = j < b->len ? b->pdata[j] : NULL;
      int c = x == NULL ? 1 : y == NULL ? -1 : compare_sheets (&x, &y);

      if (c < 0)
        {
          g_ptr_array_add (out, g_strdup_printf (_("%s for %s: only in the first entry "
                                                   "(line %u)."),
                                                 x->member, x->candidate, x->line));
          i++;
          continue;
        }
      if (c > 0)
        {
          g_ptr_array_add (out, g_strdup_printf (_("%s for %s: only in the second entry "
                                                   "(line %u)."),
                                                 y->member, y->candidate, y->line));
          j++;
          continue;
        }
      for (guint k = 0; k < x->n_criteria && k < rubric->len; k++)
        if (x->halves[k] != y->halves[k])
          {
            const JpRubricCriterion *crit = g_ptr_array_index ((GPtrArray *) rubric, k);
            g_autofree char *va = jp_decimal_format_short (x->halves[k] * (gint64) 5, 1);
            g_autofree char *vb = jp_decimal_format_short (y->halves[k] * (gint64) 5, 1);

            g_ptr_array_add (out, g_strdup_printf (_("%s for %s, “%s”: %s in the first entry, "
                                                     "%s in the second."),
                                                   x->member, x->candidate, crit->name, va,
                                                   vb));
          }
      i++;
      j++;
    }
  return out;
}
