/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-intake"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <archive.h>
#include <archive_entry.h>

#include "evidence/jp-evidence.h"
#include "jp-intake.h"
#include "jp-intake-private.h"

static void
jp_tree_file_free (JpTreeFile *file)
{
  if (file == NULL)
    return;
  g_unlink (file->file);
  g_free (file->file);
  g_free (file);
}

void
jp_tree_free (JpTree *tree)
{
  if (tree == NULL)
    return;
  /* unlinks the temporary files */
  g_clear_pointer (&tree->entries, g_hash_table_unref);
  g_clear_pointer (&tree->oversized, g_hash_table_unref);
  if (tree->root != NULL)
    g_rmdir (tree->root);
  g_free (tree->root);
  g_free (tree);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* How the names of an archive's entries without the UTF-8 flag are encoded. Decided once
 * per archive, so that every entry of a dossier is decoded alike: the Windows shell writes
 * GBK names without the flag, and some GBK names (钱伟, 卢伟, 陆平...) happen to be valid
 * UTF-8 as well. */
typedef enum {
  NAMES_UTF8,      /* every name is valid UTF-8 */
  NAMES_GB18030,   /* some name is not: those without the flag are GB18030 */
} NameEncoding;

static struct archive *
zip_open (const char    *path,
          NameEncoding   encoding,
          GError       **error)
{
  struct archive *a = archive_read_new ();

  archive_read_support_format_zip (a);
  if (encoding == NAMES_GB18030
      && archive_read_set_format_option (a, "zip", "hdrcharset", "GB18030") != ARCHIVE_OK)
    g_debug ("GB18030 names not supported: %s", archive_error_string (a));
  if (archive_read_open_filename (a, path, 64 * 1024) != ARCHIVE_OK)
    {
      g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                   _("“%s” cannot be opened as a zip archive: %s"),
                   path, archive_error_string (a));
      archive_read_free (a);
      return NULL;
    }
  return a;
}

/* Reads the entry names only (the data is skipped) to decide the archive's encoding. A
 * damaged archive is reported by the full read that follows. */
static NameEncoding
zip_name_encoding (const char *path)
{
  struct archive *a = zip_open (path, NAMES_UTF8, NULL);
  struct archive_entry *entry;
  NameEncoding encoding = NAMES_UTF8;
  int r;

  if (a == NULL)
    return NAMES_UTF8;
  while (encoding == NAMES_UTF8
         && ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN))
    {
      const char *raw = archive_entry_pathname (entry);

      if (raw != NULL && !g_utf8_validate (raw, -1, NULL))
        encoding = NAMES_GB18030;
    }
  archive_read_free (a);
  return encoding;
}

static char *
zip_entry_name (struct archive_entry *entry,
                NameEncoding          encoding)
{
  const char *utf8 = archive_entry_pathname_utf8 (entry);
  const char *raw = archive_entry_pathname (entry);

  if (utf8 != NULL && g_utf8_validate (utf8, -1, NULL))
    return g_strdup (utf8);
  if (raw == NULL)
    return NULL;
  if (g_utf8_validate (raw, -1, NULL))
    return g_strdup (raw);
  /* libarchive could not convert: do it here, the same way for every entry */
  if (encoding == NAMES_GB18030)
    return g_convert (raw, -1, "UTF-8", "GB18030", NULL, NULL, NULL);
  return NULL;
}

/* Reads the regular files of the zip at `path` into a new tree. Refuses the whole archive
 * for an entry that could escape the dossier (a link, "..", an absolute or backslash path),
 * for damage, and when it unpacks to more than JP_ZIP_MAX_TOTAL_BYTES. Entries over the
 * evidence limit are not kept but remembered with their size, so the dossier that holds
 * one is rejected with a message naming it. */
static JpTree *read_zip_in_locale (const char *path, gint64 *unpacked, GError **error);

JpTree *
jp_intake_read_zip (const char  *path,
                    gint64      *unpacked,
                    GError     **error)
{
  /* libarchive converts entry names to the locale's charset and loses them in the C
   * locale (tests, scripts); a UTF-8 locale for this thread keeps them intact. */
  locale_t utf8 = newlocale (LC_CTYPE_MASK, "C.UTF-8", (locale_t) 0);
  locale_t old = utf8 != (locale_t) 0 ? uselocale (utf8) : (locale_t) 0;
  JpTree *tree = read_zip_in_locale (path, unpacked, error);

  if (utf8 != (locale_t) 0)
    {
      uselocale (old);
      freelocale (utf8);
    }
  return tree;
}

static void
zip_data_error (struct archive  *a,
                const char      *path,
                const char      *name,
                GError         **error)
{
  g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
               _("“%s” is damaged: its entry “%s” cannot be unpacked (%s)"),
               path, name, archive_error_string (a));
}

static JpTree *
read_zip_in_locale (const char  *path,
                    gint64      *unpacked,
                    GError     **error)
{
  g_autoptr(JpTree) tree = g_new0 (JpTree, 1);
  struct archive *a;
  struct archive_entry *entry;
  g_autoptr(GError) local_error = NULL;
  guint n_files = 0;
  int r;
  gboolean ok = FALSE;
  NameEncoding encoding;

  tree->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) jp_tree_file_free);
  tree->oversized = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  tree->root = g_dir_make_tmp ("jiangping-zip-XXXXXX", &local_error);
  if (tree->root == NULL)
    {
      g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                   _("“%s” cannot be unpacked: no room for temporary files (%s)"),
                   path, local_error->message);
      return NULL;
    }

  encoding = zip_name_encoding (path);
  a = zip_open (path, encoding, error);
  if (a == NULL)
    return NULL;

  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      g_autofree char *name = zip_entry_name (entry, encoding);
      mode_t type = archive_entry_filetype (entry);
      gint64 declared;
      gsize len;

      if (name == NULL)
        {
          g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                       _("“%s” holds a file whose name cannot be read; "
                         "pack the dossier again with a current zip tool"), path);
          goto out;
        }
      len = strlen (name);
      while (len > 0 && name[len - 1] == '/' && type == AE_IFDIR)
        name[--len] = '\0';
      if (len == 0)
        continue;

      /* some Windows tools write "王建华\\photos\\1.jpg": folders all the same */
      g_strdelimit (name, "\\", '/');
      len = strlen (name);
      while (len > 0 && name[len - 1] == '/')
        name[--len] = '\0';
      if (len == 0)
        continue;

      if (type == AE_IFLNK || archive_entry_symlink (entry) != NULL
          || archive_entry_hardlink (entry) != NULL || !jp_path_is_safe (name)
          || (type != AE_IFREG && type != AE_IFDIR))
        {
          g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_UNSAFE_PATH,
                       _("“%s” was refused: its entry “%s” is a link or points outside the "
                         "dossier; ask the unit to pack plain files and folders only"),
                       path, name);
          goto out;
        }
      if (type == AE_IFDIR || g_str_has_prefix (name, "__MACOSX/"))
        continue;

      declared = archive_entry_size_is_set (entry) ? archive_entry_size (entry) : -1;
      if (declared > JP_EVIDENCE_MAX_BYTES)
        {
          g_hash_table_replace (tree->oversized, g_steal_pointer (&name),
                                g_memdup2 (&declared, sizeof declared));
          continue;
        }

      /* stream the entry to a temporary file, one chunk at a time */
      {
        g_autofree char *file = g_strdup_printf ("%s/%u", tree->root, ++n_files);
        FILE *out = g_fopen (file, "wb");
        gint64 size = 0;
        gboolean too_big = FALSE;
        JpTreeFile *tf;

        if (out == NULL)
          {
            int saved = errno;

            g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                         _("“%s” cannot be unpacked: %s"), path, g_strerror (saved));
            goto out;
          }
        for (;;)
          {
            guint8 chunk[64 * 1024];
            la_ssize_t n = archive_read_data (a, chunk, sizeof chunk);

            if (n < 0)
              {
                fclose (out);
                g_unlink (file);
                if (archive_entry_is_encrypted (entry))
                  g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                               _("“%s” is protected by a password (its entry “%s” is "
                                 "encrypted); ask the unit to send it without a password"),
                               path, name);
                else
                  zip_data_error (a, path, name, error);
                goto out;
              }
            if (n == 0)
              break;
            *unpacked += n;
            if (*unpacked > JP_IMPORT_MAX_UNPACKED_BYTES)
              {
                fclose (out);
                g_unlink (file);
                g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                             _("“%s” was not unpacked: the import would unpack to more than "
                               "2 GB; split the batch into smaller archives"), path);
                goto out;
              }
            if (size + n > JP_EVIDENCE_MAX_BYTES)
              {
                too_big = TRUE;
                break;
              }
            if (fwrite (chunk, 1, (size_t) n, out) != (size_t) n)
              {
                int saved = errno;

                fclose (out);
                g_unlink (file);
                g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                             _("“%s” cannot be unpacked: %s"), path, g_strerror (saved));
                goto out;
              }
            size += n;
          }
        if (fclose (out) != 0)
          {
            int saved = errno;

            g_unlink (file);
            g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                         _("“%s” cannot be unpacked: %s"), path, g_strerror (saved));
            goto out;
          }
        if (too_big)
          {
            gint64 big = MAX (declared, (gint64) JP_EVIDENCE_MAX_BYTES + 1);

            g_unlink (file);
            g_hash_table_replace (tree->oversized, g_steal_pointer (&name),
                                  g_memdup2 (&big, sizeof big));
            continue;
          }
        tf = g_new0 (JpTreeFile, 1);
        tf->file = g_steal_pointer (&file);
        tf->size = size;
        g_hash_table_replace (tree->entries, g_steal_pointer (&name), tf);
      }
    }

  if (r != ARCHIVE_EOF)
    {
      g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
                   _("“%s” is not a zip archive or is damaged: %s"),
                   path, archive_error_string (a));
      goto out;
    }
  ok = TRUE;

out:
  archive_read_free (a);
  return ok ? g_steal_pointer (&tree) : NULL;   /* a failed tree removes its files */
}

gboolean
jp_intake_zip_has_file (JpTree     *tree,
              const char *prefix,
              const char *name)
{
  g_autofree char *key = g_strconcat (prefix, name, NULL);

  return g_hash_table_contains (tree->entries, key);
}

/* Distinct first components below `prefix` that are folders, sorted; *n_files counts the
 * files directly at `prefix`. */
GPtrArray *
jp_intake_zip_child_dirs (JpTree     *tree,
                const char *prefix,
                guint      *n_files)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  gsize plen = strlen (prefix);
  GHashTable *tables[2] = { tree->entries, tree->oversized };
  GHashTableIter iter;
  gpointer key;
  guint t;

  *n_files = 0;
  for (t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char *k = key;
          const char *slash;

          if (strncmp (k, prefix, plen) != 0)
            continue;
          slash = strchr (k + plen, '/');
          if (slash == NULL)
            (*n_files)++;
          else
            g_hash_table_add (seen, g_strndup (k + plen, slash - (k + plen)));
        }
    }

  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (out, g_strdup (key));
  g_ptr_array_sort (out, compare_strings);
  return out;
}
