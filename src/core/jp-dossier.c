/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-dossier"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-id-number.h"
#include "jp-dossier.h"

static const char * const candidate_keys[] = {
  "name", "id_number", "sex", "ethnicity", "birth", "political", "education", "work_start",
  "employer", "position", "work_type", "years_in_trade", "skill_level", "phone",
  "union_member", "criteria", "honours", NULL
};
static const char * const nomination_keys[] = { "unit", "route", "trade", "fill_date", NULL };
static const char * const files_keys[] = { "summary", "deeds", "photos", NULL };
static const char * const dossier_keys[] = { "format", NULL };

void
jp_dossier_file_free (JpDossierFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file);
}

void
jp_dossier_ini_free (JpDossierIni *ini)
{
  if (ini == NULL)
    return;
  g_clear_object (&ini->candidate);
  g_free (ini->summary_path);
  g_free (ini->deeds_path);
  g_clear_pointer (&ini->files, g_ptr_array_unref);
  g_clear_pointer (&ini->problems, g_ptr_array_unref);
  g_free (ini);
}

/* TRUE when `path` is a non-empty relative '/'-separated path without "..", backslash, drive
 * letter or leading '/'. */
gboolean
jp_path_is_safe (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || path[0] == '/' || path[0] == '~')
    return FALSE;
  if (strchr (path, '\\') != NULL || strchr (path, ':') != NULL)
    return FALSE;
  for (const char *p = path; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/* GKeyFile knows only '#' comments; dossiers written by hand use ';' too, both on lines of
 * their own and after a value (separated by at least two blanks, so that a ';' inside a value
 * such as a photo list stays). */
static char *
prepare_text (const char *data,
              gsize       length)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  GString *out;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  text = g_strndup (data, length);
  lines = g_strsplit (text, "\n", -1);
  out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      const char *first = line;
      char *comment;

      while (*first == ' ' || *first == '\t')
        first++;
      if (*first == ';')
        {
          g_string_append (out, "#\n");
          continue;
        }
      comment = strstr (line, "  ;");
      if (comment == NULL)
        comment = strstr (line, "\t;");
      if (comment != NULL && strchr (line, '=') != NULL && strchr (line, '=') < comment)
        *comment = '\0';
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
add_problem (JpDossierIni *ini,
             const char   *field,
             const char   *code,
             char         *message)  /* (transfer full) */
{
  g_ptr_array_add (ini->problems, jp_finding_new (JP_SEVERITY_WARNING, code, field, "%s",
                                                  message));
  g_free (message);
}

static void
bad_value (JpDossierIni *ini,
           const char   *source_name,
           const char   *group,
           const char   *key,
           const char   *value,
           const char   *hint)
{
  add_problem (ini, key, "dossier-bad-value",
               g_strdup_printf (_("%s: the value “%s” of “%s” in [%s] is not understood and "
                                  "was ignored; %s"),
                                source_name, value, key, group, hint));
}

static void
unknown_key (JpDossierIni *ini,
             const char   *source_name,
             const char   *group,
             const char   *key)
{
  add_problem (ini, NULL, "dossier-unknown-key",
               g_strdup_printf (_("%s: the key “%s” in [%s] is not known and was ignored; "
                                  "check its spelling."),
                                source_name, key, group));
}

static gboolean
parse_int (const char *value,
           int        *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));
  gint64 v = 0;

  if (!g_ascii_string_to_signed (copy, 10, 0, 100, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static void
set_candidate_value (JpDossierIni *ini,
                     const char   *source_name,
                     const char   *group,
                     const char   *key,
                     const char   *value)
{
  JpCandidate *c = ini->candidate;
  g_autofree char *normal = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  g_autofree char *folded = NULL;

  /* codes, dates and numbers are checked in their NFKC form (full-width digits); not the
   * criteria, where NFKC would make ①④ the number 14 */
  if (g_str_equal (key, "phone") || g_str_equal (key, "id_number") || g_str_equal (key, "sex")
      || g_str_equal (key, "birth") || g_str_equal (key, "work_start")
      || g_str_equal (key, "fill_date") || g_str_equal (key, "years_in_trade")
      || g_str_equal (key, "union_member") || g_str_equal (key, "route"))
    {
      folded = jp_text_fold (value);
      value = folded;
    }

#define STRING_KEY(k) \
  if (g_str_equal (key, #k)) { g_free (c->k); c->k = g_strdup (value); return; }
  if (g_str_equal (key, "name"))
    {
      g_free (c->name);
      c->name = jp_name_normalize (value);
      return;
    }
  STRING_KEY (ethnicity);
  STRING_KEY (political);
  STRING_KEY (education);
  STRING_KEY (employer);
  STRING_KEY (position);
  STRING_KEY (work_type);
  STRING_KEY (skill_level);
  STRING_KEY (phone);
  STRING_KEY (honours);
  STRING_KEY (unit);
  STRING_KEY (trade);
#undef STRING_KEY

  if (g_str_equal (key, "id_number"))
    {
      g_free (c->id_number);
      c->id_number = jp_id_number_normalize (value);
    }
  else if (g_str_equal (key, "sex"))
    {
      c->sex = jp_sex_from_string (value, &ok);
      if (!ok)
        bad_value (ini, source_name, group, key, value, _("write 男 or 女."));
    }
  else if (g_str_equal (key, "birth") || g_str_equal (key, "work_start"))
    {
      char **member = g_str_equal (key, "birth") ? &c->birth : &c->work_start;

      normal = jp_month_normalize (value);
      if (normal == NULL)
        bad_value (ini, source_name, group, key, value,
                   _("write the year and month, for example 1978-04."));
      else
        {
          g_free (*member);
          *member = g_steal_pointer (&normal);
        }
    }
  else if (g_str_equal (key, "fill_date"))
    {
      normal = jp_date_normalize (value);
      if (normal == NULL)
        bad_value (ini, source_name, group, key, value,
                   _("write the date, for example 2023-03-05."));
      else
        {
          g_free (c->fill_date);
          c->fill_date = g_steal_pointer (&normal);
        }
    }
  else if (g_str_equal (key, "years_in_trade"))
    {
      if (!parse_int (value, &c->years_in_trade))
        bad_value (ini, source_name, group, key, value,
                   _("write the number of years, for example 26."));
    }
  else if (g_str_equal (key, "union_member"))
    {
      c->union_member = jp_tristate_from_string (value, &ok);
      if (!ok)
        bad_value (ini, source_name, group, key, value, _("write 是 or 否."));
    }
  else if (g_str_equal (key, "route"))
    {
      c->route = jp_route_from_string (value, &ok);
      if (!ok)
        bad_value (ini, source_name, group, key, value,
                   _("write 单位推荐, 社会推荐 or 个人自荐."));
    }
  else if (g_str_equal (key, "criteria"))
    {
      guint criteria = 0;

      if (!jp_criteria_from_string (value, &criteria, &error))
        bad_value (ini, source_name, group, key, value, error->message);
      else
        c->criteria = criteria;
    }
}

static gboolean
check_path (const char  *source_name,
            const char  *group,
            const char  *key,
            const char  *path,
            GError     **error)
{
  if (jp_path_is_safe (path))
    return TRUE;
  g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
               _("%s: the path “%s” of “%s” in [%s] is not allowed; paths must be relative to "
                 "the dossier folder, use '/', and contain no “..”, drive letter or leading "
                 "'/'."),
               source_name, path, key, group);
  return FALSE;
}

/* Adds the ';'-separated paths of `value` as files of `kind`. */
static gboolean
add_files (JpDossierIni *ini,
           const char   *source_name,
           const char   *group,
           const char   *key,
           const char   *value,
           JpDocKind     kind,
           int           criterion,
           GError      **error)
{
  g_auto(GStrv) paths = g_strsplit (value, ";", -1);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      char *path = g_strstrip (paths[i]);
      JpDossierFile *file;

      if (path[0] == '\0')
        continue;
      if (!check_path (source_name, group, key, path, error))
        return FALSE;
      file = g_new0 (JpDossierFile, 1);
      file->path = g_strdup (path);
      file->kind = kind;
      file->criterion = criterion;
      g_ptr_array_add (ini->files, file);
    }
  return TRUE;
}

static gboolean
parse_group (JpDossierIni  *ini,
             GKeyFile      *kf,
             const char    *source_name,
             const char    *group,
             GError       **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      const char *key = keys[i];
      g_autofree char *raw = g_key_file_get_string (kf, group, key, NULL);
      g_autofree char *value = NULL;

      if (raw == NULL)
        continue;
      value = g_strstrip (g_strdup (raw));
      /* name="王建华": the quotes are not part of the value */
      {
        gsize vlen = strlen (value);

        if (vlen >= 2 && (value[0] == '"' || value[0] == '\'') && value[vlen - 1] == value[0])
          {
            memmove (value, value + 1, vlen - 2);
            value[vlen - 2] = '\0';
            g_strstrip (value);
          }
      }

      if (g_str_equal (group, "dossier"))
        {
          if (!g_strv_contains (dossier_keys, key))
            unknown_key (ini, source_name, group, key);
          else if (!g_str_equal (value, "1"))
            bad_value (ini, source_name, group, key, value,
                       _("this program reads format 1; the file may come from a newer "
                         "version."));
        }
      else if (g_str_equal (group, "candidate") || g_str_equal (group, "nomination"))
        {
          const char * const *known = g_str_equal (group, "candidate") ? candidate_keys
                                                                       : nomination_keys;

          if (!g_strv_contains (known, key))
            unknown_key (ini, source_name, group, key);
          else if (value[0] != '\0')
            set_candidate_value (ini, source_name, group, key, value);
        }
      else if (g_str_equal (group, "files"))
        {
          if (!g_strv_contains (files_keys, key))
            unknown_key (ini, source_name, group, key);
          else if (g_str_equal (key, "photos"))
            {
              ini->photos_listed = TRUE;
              if (!add_files (ini, source_name, group, key, value, JP_DOC_PHOTO, 0, error))
                return FALSE;
            }
          else if (value[0] != '\0')
            {
              char **member = g_str_equal (key, "summary") ? &ini->summary_path
                                                             : &ini->deeds_path;

              if (!check_path (source_name, group, key, value, error))
                return FALSE;
              g_free (*member);
              *member = g_steal_pointer (&value);
            }
        }
      else if (g_str_equal (group, "evidence"))
        {
          JpDocKind kind = JP_DOC_EVIDENCE;
          int criterion = 0;

          if (strlen (key) == 1 && key[0] >= '1' && key[0] <= '6')
            criterion = key[0] - '0';
          else if (g_str_equal (key, "no_criminal_record"))
            kind = JP_DOC_NO_CRIMINAL_RECORD;
          else if (!g_str_equal (key, "untagged"))
            /* keep the files, untagged, so that no evidence is lost */
            add_problem (ini, "evidence", "dossier-unknown-key",
                         g_strdup_printf (_("%s: the key “%s” in [evidence] is not a criterion "
                                            "(1 to 6), no_criminal_record or untagged; its "
                                            "files were imported as untagged evidence."),
                                          source_name, key));
          if (!add_files (ini, source_name, group, key, value, kind, criterion, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * jp_dossier_ini_parse:
 * See the header. Lines starting with ';' and "  ; comment" tails are comments.
 * Returns: (transfer full): the parsed ini, or NULL with `error` set.
 */
JpDossierIni *
jp_dossier_ini_parse (const char *data,
                      gsize       length,
                      const char *source_name,
                      GError    **error)
{
  g_autoptr(JpDossierIni) ini = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) groups = NULL;
  static const char * const known_groups[] = {
    "dossier", "candidate", "nomination", "files", "evidence", NULL
  };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (source_name == NULL)
    source_name = "dossier.ini";
  if (data == NULL)
    data = "";

  text = prepare_text (data, length);
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_ENCODING,
                   _("%s is not UTF-8 text; save it again with the encoding UTF-8."),
                   source_name);
      return NULL;
    }
  if (!g_key_file_load_from_data (kf, text, (gsize) -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("%s is not a valid dossier file: %s"), source_name, local_error->message);
      return NULL;
    }

  ini = g_new0 (JpDossierIni, 1);
  ini->candidate = jp_candidate_new ();
  ini->summary_path = g_strdup ("summary.txt");
  ini->deeds_path = g_strdup ("deeds.txt");
  ini->files = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_dossier_file_free);
  ini->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);

  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (!g_strv_contains (known_groups, groups[i]))
        {
          add_problem (ini, NULL, "dossier-unknown-group",
                       g_strdup_printf (_("%s: the section [%s] is not known and was ignored; "
                                          "check its spelling."),
                                        source_name, groups[i]));
          continue;
        }
      if (!parse_group (ini, kf, source_name, groups[i], error))
        return NULL;
    }

  if (ini->candidate->name == NULL || ini->candidate->name[0] == '\0')
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: the key “name” in [candidate] is missing or empty; every dossier "
                     "must give the candidate's name."),
                   source_name);
      return NULL;
    }
  if (ini->candidate->id_number == NULL || ini->candidate->id_number[0] == '\0')
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: the key “id_number” in [candidate] is missing or empty; every "
                     "dossier must give the candidate's ID number."),
                   source_name);
      return NULL;
    }

  return g_steal_pointer (&ini);
}

static void
set_if (GKeyFile   *kf,
        const char *group,
        const char *key,
        const char *value)
{
  if (value != NULL && value[0] != '\0')
    g_key_file_set_string (kf, group, key, value);
}

static void
append_path (GString    *list,
             const char *path)
{
  if (list->len > 0)
    g_string_append_c (list, ';');
  g_string_append (list, path);
}

/**
 * jp_dossier_ini_write:
 * Writes the [dossier], [candidate], [nomination], [files] and [evidence] groups. Labels are
 * written in Chinese (男, 单位推荐, 是) whatever the locale. `files` (JpDossierFile*, may be
 * NULL): photos go to [files] photos, evidence under its criterion, untagged or
 * no_criminal_record, in that order. Returns: (transfer full): the text.
 */
char *
jp_dossier_ini_write (JpCandidate *candidate,
                      GPtrArray   *files)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GString) photos = g_string_new (NULL);
  g_autoptr(GString) untagged = g_string_new (NULL);
  g_autoptr(GString) ncr = g_string_new (NULL);
  GString *by_criterion[7] = { NULL };
  static const char * const routes[] = { NULL, "单位推荐", "社会推荐", "个人自荐" };
  JpCandidate *c = candidate;

  g_return_val_if_fail (JP_IS_CANDIDATE (candidate), NULL);

  g_key_file_set_integer (kf, "dossier", "format", 1);

  set_if (kf, "candidate", "name", c->name);
  set_if (kf, "candidate", "id_number", c->id_number);
  if (c->sex != JP_SEX_UNKNOWN)
    g_key_file_set_string (kf, "candidate", "sex", c->sex == JP_SEX_MALE ? "男" : "女");
  set_if (kf, "candidate", "ethnicity", c->ethnicity);
  set_if (kf, "candidate", "birth", c->birth);
  set_if (kf, "candidate", "political", c->political);
  set_if (kf, "candidate", "education", c->education);
  set_if (kf, "candidate", "work_start", c->work_start);
  set_if (kf, "candidate", "employer", c->employer);
  set_if (kf, "candidate", "position", c->position);
  set_if (kf, "candidate", "work_type", c->work_type);
  if (c->years_in_trade >= 0)
    g_key_file_set_integer (kf, "candidate", "years_in_trade", c->years_in_trade);
  set_if (kf, "candidate", "skill_level", c->skill_level);
  set_if (kf, "candidate", "phone", c->phone);
  if (c->union_member != JP_TRISTATE_UNKNOWN)
    g_key_file_set_string (kf, "candidate", "union_member",
                           c->union_member == JP_TRISTATE_YES ? "是" : "否");
  if ((c->criteria & 0x7E) != 0)
    {
      g_autofree char *criteria = jp_criteria_to_string (c->criteria);

      g_key_file_set_string (kf, "candidate", "criteria", criteria);
    }
  set_if (kf, "candidate", "honours", c->honours);

  set_if (kf, "nomination", "unit", c->unit);
  if (c->route > JP_ROUTE_UNKNOWN && c->route <= JP_ROUTE_SELF)
    g_key_file_set_string (kf, "nomination", "route", routes[c->route]);
  set_if (kf, "nomination", "trade", c->trade);
  set_if (kf, "nomination", "fill_date", c->fill_date);

  g_key_file_set_string (kf, "files", "summary", "summary.txt");
  g_key_file_set_string (kf, "files", "deeds", "deeds.txt");

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      const JpDossierFile *file = g_ptr_array_index (files, i);

      if (file->kind == JP_DOC_PHOTO)
        append_path (photos, file->path);
      else if (file->kind == JP_DOC_NO_CRIMINAL_RECORD)
        append_path (ncr, file->path);
      else if (file->criterion >= 1 && file->criterion <= 6)
        {
          if (by_criterion[file->criterion] == NULL)
            by_criterion[file->criterion] = g_string_new (NULL);
          append_path (by_criterion[file->criterion], file->path);
        }
      else
        append_path (untagged, file->path);
    }

  if (photos->len > 0)
    g_key_file_set_string (kf, "files", "photos", photos->str);
  for (int n = 1; n <= 6; n++)
    {
      char key[2] = { (char) ('0' + n), '\0' };

      if (by_criterion[n] == NULL)
        continue;
      g_key_file_set_string (kf, "evidence", key, by_criterion[n]->str);
      g_string_free (by_criterion[n], TRUE);
    }
  if (untagged->len > 0)
    g_key_file_set_string (kf, "evidence", "untagged", untagged->str);
  if (ncr->len > 0)
    g_key_file_set_string (kf, "evidence", "no_criminal_record", ncr->str);

  return g_key_file_to_data (kf, NULL, NULL);
}
