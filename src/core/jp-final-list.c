/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-final-list"

#include "config.h"

#include "jp-canonical.h"
#include "jp-final-list.h"

void
jp_final_entry_free (JpFinalEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->unit);
  g_free (entry->trade);
  g_free (entry);
}

JpFinalList *
jp_final_list_new (void)
{
  JpFinalList *list = g_new0 (JpFinalList, 1);

  list->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_final_entry_free);
  return list;
}

void
jp_final_list_free (JpFinalList *list)
{
  if (list == NULL)
    return;
  g_free (list->election);
  g_free (list->start);
  g_free (list->end);
  g_free (list->approved_by);
  g_free (list->approved_at);
  g_free (list->ranking_digest);
  g_clear_pointer (&list->entries, g_ptr_array_unref);
  g_free (list);
}

static void
member (GString    *out,
        const char *key,
        gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  jp_canonical_append_string (out, key);
  g_string_append_c (out, ':');
}

static void
string_or_null (GString    *out,
                const char *value)
{
  if (value == NULL)
    g_string_append (out, "null");
  else
    jp_canonical_append_string (out, value);
}

char *
jp_final_list_canonical (const JpFinalList *list)
{
  GString *out = g_string_new ("{");
  gboolean first;
  guint place = 0;

  g_return_val_if_fail (list != NULL, NULL);

  member (out, "approved", TRUE);
  g_string_append_c (out, '{');
  member (out, "at", TRUE);
  string_or_null (out, list->approved_at);
  member (out, "by", FALSE);
  string_or_null (out, list->approved_by);
  g_string_append_c (out, '}');
  member (out, "days", FALSE);
  g_string_append_printf (out, "%u", list->working_days);

  member (out, "disqualified", FALSE);
  g_string_append_c (out, '[');
  first = TRUE;
  for (guint i = 0; i < list->entries->len; i++)
    {
      const JpFinalEntry *e = g_ptr_array_index (list->entries, i);

      if (e->objection_id <= 0)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append_c (out, '{');
      member (out, "code", TRUE);
      string_or_null (out, e->code);
      member (out, "name", FALSE);
      string_or_null (out, e->name);
      member (out, "objection", FALSE);
      g_string_append_printf (out, "%" G_GINT64_FORMAT, e->objection_id);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  member (out, "election", FALSE);
  string_or_null (out, list->election);
  member (out, "end", FALSE);
  string_or_null (out, list->end);

  member (out, "final", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < list->entries->len; i++)
    {
      const JpFinalEntry *e = g_ptr_array_index (list->entries, i);

      if (e->objection_id > 0)
        continue;
      if (place > 0)
        g_string_append_c (out, ',');
      place++;
      g_string_append_c (out, '{');
      member (out, "code", TRUE);
      string_or_null (out, e->code);
      member (out, "name", FALSE);
      string_or_null (out, e->name);
      member (out, "place", FALSE);
      g_string_append_printf (out, "%u", place);
      member (out, "source", FALSE);
      string_or_null (out, e->by_chair ? "chair" : "ranking");
      member (out, "trade", FALSE);
      string_or_null (out, e->trade);
      member (out, "unit", FALSE);
      string_or_null (out, e->unit);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  member (out, "ranking", FALSE);
  string_or_null (out, list->ranking_digest);
  member (out, "start", FALSE);
  string_or_null (out, list->start);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

char *
jp_final_list_digest (const JpFinalList *list)
{
  g_autofree char *text = jp_final_list_canonical (list);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}
