/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-likes"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-csv.h"
#include "jp-score.h"
#include "jp-likes.h"

/* Problems quoted in the error message; the full list goes to `problems`. */
#define MAX_PROBLEMS_IN_MESSAGE 10

void
jp_likes_problem_free (JpLikesProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->code);
  g_free (problem->kind);
  g_free (problem->message);
  g_free (problem);
}

static void
likes_entry_free (JpLikesEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->code);
  g_free (entry);
}

void
jp_likes_file_free (JpLikesFile *file)
{
  if (file == NULL)
    return;
  g_free (file->source_name);
  g_free (file->encoding);
  g_free (file->sha256);
  g_clear_pointer (&file->entries, g_ptr_array_unref);
  g_strfreev (file->missing);
  g_free (file);
}

/* NFKC, trimmed; ASCII upper-cased when `upper`, else lower-cased. */
static char *
normalize_field (const char *text,
                 gboolean    upper)
{
  g_autofree char *nfkc = NULL;

  if (text == NULL)
    return g_strdup ("");
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  g_strstrip (nfkc);
  return upper ? g_ascii_strup (nfkc, -1) : g_ascii_strdown (nfkc, -1);
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *code,
             const char *kind,
             char       *message)   /* (transfer full) */
{
  JpLikesProblem *p = g_new0 (JpLikesProblem, 1);

  p->line = line;
  p->code = g_strdup (code);
  p->kind = g_strdup (kind);
  p->message = message;
  g_ptr_array_add (problems, p);
}

/* The number of fields once trailing empty ones (spreadsheet export artefacts) are cut. */
static guint
used_fields (GPtrArray *row)
{
  guint n = row->len;

  while (n > 0)
    {
      g_autofree char *f = normalize_field (g_ptr_array_index (row, n - 1), FALSE);

      if (*f != '\0')
        break;
      n--;
    }
  return n;
}

/* Parses a like count; returns the problem kind, or NULL when it is fine. */
static const char *
parse_count (const char *text,
             gint64     *likes)
{
  g_autofree char *norm = normalize_field (text, FALSE);
  const char *p = norm;
  gboolean negative = FALSE;
  gint64 v = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (*p == '\0')
    return "not-a-number";
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return "not-a-number";
      if (v > JP_LIKES_MAX)
        continue;   /* keep checking the characters, the value is too large anyway */
      v = v * 10 + (*p - '0');
    }
  if (negative && v != 0)
    return "negative";
  if (v > JP_LIKES_MAX)
    return "too-large";
  *likes = v;
  return NULL;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const JpLikesProblem *x = *(JpLikesProblem *const *) a;
  const JpLikesProblem *y = *(JpLikesProblem *const *) b;

  return x->line < y->line ? -1 : x->line > y->line ? 1 : 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
check_row (GPtrArray   *row,
           guint        line,
           const char  *source_name,
           GHashTable  *known,
           GHashTable  *seen,
           GPtrArray   *entries,
           GPtrArray   *problems)
{
  const char *raw_code = row->len > 0 ? g_ptr_array_index (row, 0) : "";
  const char *raw_count = row->len > 1 ? g_ptr_array_index (row, 1) : "";
  g_autofree char *code = normalize_field (raw_code, TRUE);
  const char *kind;
  gint64 likes = 0;
  gboolean ok = TRUE;

  if (used_fields (row) != 2)
    {
      add_problem (problems, line, raw_code, "fields",
                   g_strdup_printf (_("%s, line %u: %u fields; each line must hold a code "
                                      "and a count, like “XT-03,1520”."),
                                    source_name, line, used_fields (row)));
      return;
    }
  if (*code == '\0')
    {
      add_problem (problems, line, NULL, "empty-code",
                   g_strdup_printf (_("%s, line %u: the code is empty."), source_name, line));
      ok = FALSE;
    }
  else if (!g_hash_table_contains (known, code))
    {
      add_problem (problems, line, raw_code, "unknown-code",
                   g_strdup_printf (_("%s, line %u: “%s” is not the code of a finalist."),
                                    source_name, line, raw_code));
      ok = FALSE;
    }
  else if (g_hash_table_contains (seen, code))
    {
      add_problem (problems, line, raw_code, "duplicate",
                   g_strdup_printf (_("%s, line %u: %s is listed again (first on line %u)."),
                                    source_name, line, code,
                                    GPOINTER_TO_UINT (g_hash_table_lookup (seen, code))));
      ok = FALSE;
    }

  kind = parse_count (raw_count, &likes);
  if (kind != NULL)
    {
      const char *fmt;

      if (g_str_equal (kind, "negative"))
        fmt = _("%s, line %u: the count “%s” is negative; likes are 0 or more.");
      else if (g_str_equal (kind, "too-large"))
        fmt = _("%s, line %u: the count “%s” is too large.");
      else
        fmt = _("%s, line %u: the count “%s” is not a whole number.");
      add_problem (problems, line, raw_code, kind,
                   g_strdup_printf (fmt, source_name, line, raw_count));
      ok = FALSE;
    }

  if (*code != '\0' && !g_hash_table_contains (seen, code))
    g_hash_table_insert (seen, g_strdup (code), GUINT_TO_POINTER (line));
  if (ok)
    {
      JpLikesEntry *e = g_new0 (JpLikesEntry, 1);

      e->code = g_steal_pointer (&code);
      e->likes = likes;
      e->line = line;
      g_ptr_array_add (entries, e);
    }
}

JpLikesFile *
jp_likes_parse (const char         *data,
                gsize               length,
                const char         *source_name,
                const char * const *codes,
                GPtrArray         **problems_out,
                GError            **error)
{
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JpLikesFile) file = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (problems_out != NULL)
    *problems_out = NULL;
  table = jp_csv_parse (data != NULL ? data : "", length, source_name, error);
  if (table == NULL)
    return NULL;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_hash_table_add (known, normalize_field (codes[i], TRUE));

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_likes_problem_free);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) likes_entry_free);
  {
    GPtrArray *header = g_ptr_array_index (table->rows, 0);
    guint header_line = g_array_index (table->row_lines, guint, 0);
    g_autofree char *h0 = header->len > 0 ? normalize_field (header->pdata[0], FALSE) : NULL;
    g_autofree char *h1 = header->len > 1 ? normalize_field (header->pdata[1], FALSE) : NULL;

    if (used_fields (header) != 2 || g_strcmp0 (h0, "code") != 0
        || g_strcmp0 (h1, "likes") != 0)
      add_problem (problems, header_line, NULL, "header",
                   g_strdup_printf (_("%s, line %u: the first line must be the header "
                                      "“code,likes”."), source_name, header_line));
  }
  for (guint r = 1; r < table->rows->len; r++)
    check_row (g_ptr_array_index (table->rows, r),
               g_array_index (table->row_lines, guint, r),
               source_name, known, seen, entries, problems);
  if (table->rows->len < 2)
    add_problem (problems, 0, NULL, "no-rows",
                 g_strdup_printf (_("%s: the file lists no candidates under its header."),
                                  source_name));

  if (problems->len > 0)
    {
      GString *msg = g_string_new (NULL);

      g_ptr_array_sort (problems, compare_problems);
      g_string_append_printf (msg,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%s has %u problem; no likes were imported:",
                                           "%s has %u problems; no likes were imported:",
                                           problems->len),
                              source_name, problems->len);
      for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_IN_MESSAGE; i++)
        g_string_append_printf (msg, "\n%s", ((JpLikesProblem *) problems->pdata[i])->message);
      if (problems->len > MAX_PROBLEMS_IN_MESSAGE)
        g_string_append_printf (msg, _("\n… and %u more."),
                                problems->len - MAX_PROBLEMS_IN_MESSAGE);
      g_set_error_literal (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE, msg->str);
      g_string_free (msg, TRUE);
      if (problems_out != NULL)
        *problems_out = g_steal_pointer (&problems);
      return NULL;
    }

  file = g_new0 (JpLikesFile, 1);
  file->source_name = g_strdup (source_name);
  file->encoding = g_strdup (table->encoding);
  file->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                              length);
  file->entries = g_steal_pointer (&entries);
  missing = g_ptr_array_new ();
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *code = normalize_field (codes[i], TRUE);

      if (!g_hash_table_contains (seen, code))
        g_ptr_array_add (missing, g_strdup (code));
    }
  g_ptr_array_sort (missing, compare_strings);
  g_ptr_array_add (missing, NULL);
  file->missing = (GStrv) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
  return g_steal_pointer (&file);
}

void
jp_likes_scores (const JpLikesCount *counts,
                 guint               n,
                 gint64             *o)
{
  gint64 max = 0;

  g_return_if_fail (counts != NULL || n == 0);
  g_return_if_fail (o != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    if (!counts[i].zeroed && counts[i].likes > max)
      max = counts[i].likes;
  for (guint i = 0; i < n; i++)
    {
      gint64 likes = counts[i].zeroed ? 0 : CLAMP (counts[i].likes, 0, JP_LIKES_MAX);

      o[i] = max > 0 ? jp_round_div (likes * 10000, max) : 0;
    }
}
