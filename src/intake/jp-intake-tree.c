/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-intake"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "evidence/jp-evidence.h"
#include "jp-intake.h"
#include "jp-intake-private.h"

/* Finding the dossiers of an import: reading files from a folder or a zip (a "tree"), listing
 * them, and discovering which folders are dossiers. */

void
jp_job_free (JpJob *job)
{
  g_free (job->dir);
  g_free (job->label);
  g_free (job->reject);
  g_free (job);
}

JpJob *
jp_job_new (JpTree     *tree,
            const char *dir,
            const char *label,
            const char *reject)
{
  JpJob *job = g_new0 (JpJob, 1);

  job->tree = tree;
  job->dir = g_strdup (dir);
  job->label = g_strdup (label);
  job->reject = g_strdup (reject);
  return job;
}

/* ---- reading files from a tree ---- */

static char *
tree_key (JpJob      *job,
          const char *rel)
{
  if (job->tree == NULL)
    return g_build_filename (job->dir, rel, NULL);
  return g_strconcat (job->dir, rel, NULL);
}

/* TRUE when `rel` is a regular file of the dossier; its size in *size. */
gboolean
jp_intake_tree_stat (JpJob      *job,
                     const char *rel,
                     gint64     *size)
{
  g_autofree char *key = tree_key (job, rel);

  if (job->tree == NULL)
    {
      GStatBuf st;

      if (g_stat (key, &st) != 0 || !S_ISREG (st.st_mode))
        return FALSE;
      *size = st.st_size;
      return TRUE;
    }
  else
    {
      JpTreeFile *file = g_hash_table_lookup (job->tree->entries, key);
      gint64 *big = g_hash_table_lookup (job->tree->oversized, key);

      if (file != NULL)
        *size = file->size;
      else if (big != NULL)
        *size = *big;
      else
        return FALSE;
      return TRUE;
    }
}

GBytes *
jp_intake_tree_read (JpJob       *job,
                     const char  *rel,
                     GError     **error)
{
  g_autofree char *key = tree_key (job, rel);

  if (job->tree == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (key, &contents, &len, &local_error))
        {
          g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                       _("“%s” cannot be read: %s"), rel, local_error->message);
          return NULL;
        }
      return g_bytes_new_take (contents, len);
    }
  else
    {
      JpTreeFile *file = g_hash_table_lookup (job->tree->entries, key);
      g_autoptr(GError) local_error = NULL;
      char *contents = NULL;
      gsize len = 0;

      if (file == NULL)
        {
          g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_MISSING_FILE,
                       _("“%s” is not in the archive"), rel);
          return NULL;
        }
      if (!g_file_get_contents (file->file, &contents, &len, &local_error))
        {
          g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                       _("“%s” cannot be read: %s"), rel, local_error->message);
          return NULL;
        }
      return g_bytes_new_take (contents, len);
    }
}

static gboolean
is_ignored_name (const char *name)
{
  /* hidden files and the litter of file managers are never part of a dossier */
  return name[0] == '.' || g_ascii_strcasecmp (name, "Thumbs.db") == 0
         || g_ascii_strcasecmp (name, "desktop.ini") == 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The regular files directly inside `subdir` ("" for the dossier folder itself), as paths
 * relative to the dossier ("photos/1.jpg"), sorted. */
GPtrArray *
jp_intake_tree_list (JpJob      *job,
                     const char *subdir)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sub_prefix = subdir[0] ? g_strconcat (subdir, "/", NULL) : g_strdup ("");

  if (job->tree == NULL)
    {
      g_autofree char *path = g_build_filename (job->dir, subdir, NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *full = g_build_filename (path, name, NULL);

          if (!is_ignored_name (name) && g_file_test (full, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (out, g_strconcat (sub_prefix, name, NULL));
        }
    }
  else
    {
      g_autofree char *prefix = g_strconcat (job->dir, sub_prefix, NULL);
      gsize plen = strlen (prefix);
      GHashTable *tables[2] = { job->tree->entries, job->tree->oversized };
      guint t;

      for (t = 0; t < G_N_ELEMENTS (tables); t++)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, tables[t]);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            {
              const char *k = key;

              if (strncmp (k, prefix, plen) == 0 && strchr (k + plen, '/') == NULL
                  && !is_ignored_name (k + plen))
                g_ptr_array_add (out, g_strconcat (sub_prefix, k + plen, NULL));
            }
        }
    }

  g_ptr_array_sort (out, compare_strings);
  return out;
}

static gboolean
has_zip_suffix (const char *name)
{
  gsize len = strlen (name);

  return len > 4 && g_ascii_strcasecmp (name + len - 4, ".zip") == 0;
}

/* The regular files anywhere below `subdir`, relative to the dossier, sorted. */
GPtrArray *
jp_intake_tree_list_deep (JpJob      *job,
                          const char *subdir)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (job->tree != NULL)
    {
      g_autofree char *prefix = g_strconcat (job->dir, subdir, "/", NULL);
      gsize dlen = strlen (job->dir);
      gsize plen = strlen (prefix);
      GHashTable *tables[2] = { job->tree->entries, job->tree->oversized };

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, tables[t]);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            {
              const char *k = key;
              const char *base = strrchr (k, '/');

              if (strncmp (k, prefix, plen) == 0 && !is_ignored_name (base ? base + 1 : k))
                g_ptr_array_add (out, g_strdup (k + dlen));
            }
        }
      g_ptr_array_sort (out, compare_strings);
      return out;
    }

  g_ptr_array_add (todo, g_strdup (subdir));
  while (todo->len > 0)
    {
      g_autofree char *sub = g_ptr_array_steal_index (todo, todo->len - 1);
      g_autofree char *path = g_build_filename (job->dir, sub, NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *full = g_build_filename (path, name, NULL);
          char *rel = g_strconcat (sub, "/", name, NULL);

          if (is_ignored_name (name) || g_file_test (full, G_FILE_TEST_IS_SYMLINK))
            g_free (rel);
          else if (g_file_test (full, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (todo, rel);
          else if (g_file_test (full, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (out, rel);
          else
            g_free (rel);
        }
    }
  g_ptr_array_sort (out, compare_strings);
  return out;
}

/* The criterion a sub-folder of evidence/ names ("evidence/条件4/x.pdf" gives 4), or 0. */
int
jp_intake_folder_criterion (const char *rel)
{
  g_auto(GStrv) parts = g_strsplit (rel, "/", -1);
  guint criteria = 0;
  int found = 0;

  if (g_strv_length (parts) < 3)
    return 0;
  if (!jp_criteria_from_string (parts[1], &criteria, NULL) || criteria == 0)
    return 0;
  for (int c = 1; c <= 6; c++)
    if (criteria & (1u << c))
      {
        if (found != 0)
          return 0;
        found = c;
      }
  return found;
}

static void
discover_zip (const char *path,
              gint64     *unpacked,
              GPtrArray  *trees,
              GPtrArray  *jobs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup ("");
  JpTree *tree = jp_intake_read_zip (path, unpacked, &error);
  gboolean any_ini = FALSE;
  GHashTableIter iter;
  gpointer key;

  if (tree == NULL)
    {
      g_ptr_array_add (jobs, jp_job_new (NULL, NULL, path, error->message));
      return;
    }
  g_ptr_array_add (trees, tree);

  /* a zip inside the zip is not opened; name it rather than drop it */
  {
    g_autoptr(GPtrArray) inner = g_ptr_array_new ();

    for (guint t = 0; t < 2; t++)
      {
        g_hash_table_iter_init (&iter, t == 0 ? tree->entries : tree->oversized);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (has_zip_suffix (key))
            g_ptr_array_add (inner, key);
      }
    g_ptr_array_sort (inner, compare_strings);
    for (guint k = 0; k < inner->len; k++)
      {
        g_autofree char *label = g_strdup_printf ("%s:%s", path,
                                                  (char *) g_ptr_array_index (inner, k));

        g_ptr_array_add (jobs, jp_job_new (NULL, NULL, label,
                                           _("a zip inside the zip is not opened; unpack "
                                             "it and import it on its own")));
      }
  }

  g_hash_table_iter_init (&iter, tree->entries);
  while (!any_ini && g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *slash = strrchr (key, '/');

      any_ini = strcmp (slash ? slash + 1 : key, "dossier.ini") == 0;
    }
  if (!any_ini)
    {
      g_autofree char *msg =
        g_strdup_printf (_("“%s” is not a dossier package: it holds no dossier.ini"), path);

      g_ptr_array_add (jobs, jp_job_new (NULL, NULL, path, msg));
      return;
    }

  /* descend through wrapper folders ("批次/王建华/dossier.ini") to the dossier or batch */
  for (;;)
    {
      g_autoptr(GPtrArray) dirs = NULL;
      guint n_files = 0, i;

      if (jp_intake_zip_has_file (tree, prefix, "dossier.ini"))
        {
          g_autofree char *label = prefix[0] == '\0'
            ? g_strdup (path)
            : g_strdup_printf ("%s:%.*s", path, (int) strlen (prefix) - 1, prefix);

          g_ptr_array_add (jobs, jp_job_new (tree, prefix, label, NULL));
          return;
        }

      dirs = jp_intake_zip_child_dirs (tree, prefix, &n_files);
      if (dirs->len == 1 && n_files == 0)
        {
          char *next = g_strconcat (prefix, g_ptr_array_index (dirs, 0), "/", NULL);

          g_free (prefix);
          prefix = next;
          continue;
        }

      for (i = 0; i < dirs->len; i++)
        {
          const char *dir = g_ptr_array_index (dirs, i);
          g_autofree char *sub = g_strconcat (prefix, dir, "/", NULL);
          g_autofree char *label = g_strdup_printf ("%s:%s%s", path, prefix, dir);

          if (jp_intake_zip_has_file (tree, sub, "dossier.ini"))
            g_ptr_array_add (jobs, jp_job_new (tree, sub, label, NULL));
          else
            g_ptr_array_add (jobs, jp_job_new (NULL, NULL, label,
                                               _("not a dossier: no dossier.ini")));
        }
      return;
    }
}

/* Expands one path into jobs. FALSE (with an error) when the path cannot be read at all. */
gboolean
jp_intake_discover_path (const char  *path,
                         gint64      *unpacked,
                         GPtrArray   *trees,
                         GPtrArray   *jobs,
                         GError     **error)
{
  g_autofree char *ini = g_build_filename (path, "dossier.ini", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;
  guint i, found = 0;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      discover_zip (path, unpacked, trees, jobs);
      return TRUE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_NOT_A_DOSSIER,
                   _("“%s” does not exist; choose a dossier folder, a folder of dossiers "
                     "or a .zip file"), path);
      return FALSE;
    }
  if (g_file_test (ini, G_FILE_TEST_EXISTS))
    {
      g_ptr_array_add (jobs, jp_job_new (NULL, path, path, NULL));
      return TRUE;
    }

  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                   _("The folder “%s” cannot be read: %s"), path, local_error->message);
      return FALSE;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!is_ignored_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  /* a batch: each subfolder is a dossier, and each .zip beside them a package */
  for (i = 0; i < names->len; i++)
    {
      g_autofree char *full = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *sub_ini = g_build_filename (full, "dossier.ini", NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          if (g_file_test (sub_ini, G_FILE_TEST_EXISTS))
            g_ptr_array_add (jobs, jp_job_new (NULL, full, full, NULL));
          else
            g_ptr_array_add (jobs, jp_job_new (NULL, NULL, full,
                                               _("not a dossier: no dossier.ini")));
          found++;
        }
      else if (has_zip_suffix (full) && g_file_test (full, G_FILE_TEST_IS_REGULAR))
        {
          discover_zip (full, unpacked, trees, jobs);
          found++;
        }
    }

  if (found == 0)
    {
      g_autofree char *msg =
        g_strdup_printf (_("“%s” is not a dossier package: it has no dossier.ini and no "
                           "dossier folders"), path);

      g_ptr_array_add (jobs, jp_job_new (NULL, NULL, path, msg));
    }
  return TRUE;
}
