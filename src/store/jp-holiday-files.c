/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-store.h"
#include "jp-holiday-files.h"

char *
jp_holiday_user_dir (void)
{
  const char *env = g_getenv ("JP_HOLIDAYS_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "jiangping", "holidays", NULL);
}

GStrv
jp_holiday_dirs (void)
{
  g_autoptr(GStrvBuilder) dirs = g_strv_builder_new ();
  const char *env = g_getenv ("JP_HOLIDAYS_DIR");
  const char *source = g_getenv ("JP_SOURCE_DIR");
  g_autofree char *user = NULL;
  g_autofree char *shipped = NULL;

  if (env != NULL && *env != '\0')
    {
      g_strv_builder_add (dirs, env);
      return g_strv_builder_end (dirs);
    }
  user = jp_holiday_user_dir ();
  if (source != NULL && *source != '\0')
    shipped = g_build_filename (source, "data", "holidays", NULL);
  else
    shipped = g_build_filename (JP_PKGDATADIR, "holidays", NULL);
  g_strv_builder_add (dirs, user);
  g_strv_builder_add (dirs, shipped);
  return g_strv_builder_end (dirs);
}

/* The year a calendar file's name says ("2024.txt" -> 2024), or 0 for another file. */
static int
year_of_name (const char *name)
{
  if (strlen (name) != 8 || !g_str_has_suffix (name, ".txt"))
    return 0;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (name[i]))
      return 0;
  return (int) g_ascii_strtoll (name, NULL, 10);
}

/* Adds the years of `dir` that `calendar` does not have yet. */
static gboolean
load_dir_into (JpHolidayCalendar  *calendar,
               const char         *dir,
               GError            **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  d = g_dir_open (dir, 0, &local);
  if (d == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                   _("Cannot read the holiday calendars in “%s”: %s"), dir, local->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (year_of_name (name) != 0)
      g_ptr_array_add (names, g_strdup (name));

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      int year = year_of_name (file);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(JpHolidayYear) parsed = NULL;
      g_autoptr(GError) read_error = NULL;
      gsize length = 0;

      if (jp_holiday_calendar_has_year (calendar, year))
        continue;   /* hidden by an earlier folder */
      path = g_build_filename (dir, file, NULL);
      if (!g_file_get_contents (path, &text, &length, &read_error))
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                       _("Cannot read the holiday calendar “%s”: %s"), path,
                       read_error->message);
          return FALSE;
        }
      parsed = jp_holiday_year_parse (text, length, path, year, &read_error);
      if (parsed == NULL
          || !jp_holiday_calendar_add_year (calendar, g_steal_pointer (&parsed), &read_error))
        {
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                       _("Holiday calendar: %s (see docs/holidays.md)"), read_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

JpHolidayCalendar *
jp_holiday_files_load_dir (const char  *dir,
                           GError     **error)
{
  g_autoptr(JpHolidayCalendar) calendar = jp_holiday_calendar_new ();

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_dir_into (calendar, dir, error))
    return NULL;
  return g_steal_pointer (&calendar);
}

JpHolidayCalendar *
jp_holiday_files_load (GError **error)
{
  g_autoptr(JpHolidayCalendar) calendar = jp_holiday_calendar_new ();
  g_auto(GStrv) dirs = jp_holiday_dirs ();

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; dirs[i] != NULL; i++)
    if (!load_dir_into (calendar, dirs[i], error))
      return NULL;
  return g_steal_pointer (&calendar);
}

gboolean
jp_holiday_files_save_year (const JpHolidayYear  *year,
                            char                **path,
                            GError              **error)
{
  g_autofree char *dir = jp_holiday_user_dir ();
  g_autofree char *name = NULL;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_READ_ONLY,
                   _("Cannot create the folder “%s” for the holiday calendars: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  name = g_strdup_printf ("%04d.txt", year->year);
  file = g_build_filename (dir, name, NULL);
  text = jp_holiday_year_to_text (year);
  if (!g_file_set_contents (file, text, -1, error))
    return FALSE;
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return TRUE;
}
