/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-store-audit.h"
#include "jp-store-private.h"

/* The automatic backups beside an election file as a person picks one to restore: what each
 * is (time, the stage change that wrote it, size), and whether a restore may run now. */

void
jp_backup_info_free (JpBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_free (info->reason);
  g_free (info);
}

/* "PREFIX" "YYYYMMDD-HHMMSS-REASON[-N].jiangping" -> time and reason (FALSE: not ours) */
static gboolean
parse_name (const char  *name,
            const char  *prefix,
            gint64      *time,
            char       **reason)
{
  const char *p = name + strlen (prefix);
  g_autofree char *rest = NULL;
  g_autoptr(GDateTime) when = NULL;
  int y, mo, d, h, mi, s;
  char *end;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".jiangping")
      || strlen (p) < strlen ("YYYYMMDD-HHMMSS-x.jiangping"))
    return FALSE;
  if (sscanf (p, "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6 || p[8] != '-'
      || p[15] != '-')
    return FALSE;
  when = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (when == NULL)
    return FALSE;
  rest = g_strndup (p + 16, strlen (p + 16) - strlen (".jiangping"));
  /* a second backup in the same second is "-REASON-2" */
  end = strrchr (rest, '-');
  if (end != NULL && end[1] != '\0' && strspn (end + 1, "0123456789") == strlen (end + 1))
    *end = '\0';
  *time = g_date_time_to_unix (when);
  *reason = g_steal_pointer (&rest);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const JpBackupInfo *x = *(JpBackupInfo *const *) a;
  const JpBackupInfo *y = *(JpBackupInfo *const *) b;

  return strcmp (y->name, x->name);
}

GPtrArray *
jp_store_list_backups (JpStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_backup_info_free);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local = NULL;
  const char *name;

  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = jp_store_backup_dir (self);
  base = g_path_get_basename (dir);
  base[strlen (base) - strlen (".backups")] = '\0';
  prefix = g_strconcat (base, "-", NULL);
  d = g_dir_open (dir, 0, &local);
  if (d == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);   /* no backup written yet */
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("The backup folder “%s” cannot be read: %s"), dir, local->message);
      return NULL;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(JpBackupInfo) info = g_new0 (JpBackupInfo, 1);
      GStatBuf st;

      if (!parse_name (name, prefix, &info->time, &info->reason))
        continue;
      info->name = g_strdup (name);
      info->path = g_build_filename (dir, name, NULL);
      if (g_stat (info->path, &st) != 0)
        continue;   /* removed meanwhile */
      info->size = st.st_size;
      g_ptr_array_add (list, g_steal_pointer (&info));
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

gboolean
jp_store_restore_allowed (JpStore  *self,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 open = 0;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);

  stmt = jp_store_prepare (self, "SELECT count (*) FROM round WHERE state = 'open'", error);
  if (stmt == NULL || !jp_store_query_int (self, stmt, &open, error))
    return FALSE;
  if (open > 0)
    {
      /* the members' ballots and sheets of an open round are in this file only */
      g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED,
                           _("A round is open: close it before restoring a backup, or its "
                             "ballots and score sheets would be lost."));
      return FALSE;
    }
  return TRUE;
}

gboolean
jp_store_audit_restore (JpStore     *self,
                        const char  *from,
                        const char  *kept,
                        const char  *actor,
                        GError     **error)
{
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autofree char *from_name = NULL;
  g_autofree char *kept_name = NULL;

  g_return_val_if_fail (JP_IS_STORE (self), FALSE);
  g_return_val_if_fail (from != NULL, FALSE);

  from_name = g_path_get_basename (from);
  kept_name = kept != NULL ? g_path_get_basename (kept) : NULL;
  json_builder_begin_object (payload);
  json_builder_set_member_name (payload, "from");
  json_builder_add_string_value (payload, from_name);
  json_builder_set_member_name (payload, "kept");
  if (kept_name != NULL)
    json_builder_add_string_value (payload, kept_name);
  else
    json_builder_add_null_value (payload);
  json_builder_end_object (payload);
  if (!jp_store_begin (self, error))
    return FALSE;
  if (!jp_store_audit (self, actor, "backup.restore", payload, error)
      || !jp_store_commit (self, error))
    {
      jp_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
