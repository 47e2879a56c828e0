/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-holidays"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-holidays.h"

/* A range longer than this is a typo (the longest break of a notice is 9 days). */
#define MAX_RANGE_DAYS 31

gboolean
jp_date_parse_iso (const char *text,
                   GDate      *date)
{
  guint y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
jp_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
jp_holiday_entry_free (JpHolidayEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry);
}

void
jp_holiday_year_free (JpHolidayYear *year)
{
  if (year == NULL)
    return;
  g_free (year->notice);
  g_free (year->source_name);
  g_clear_pointer (&year->entries, g_ptr_array_unref);
  g_free (year);
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

static gboolean
fail (GError     **error,
      const char  *source,
      guint        line,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      const char  *source,
      guint        line,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE, "%s:%u: %s", source, line, what);
  else
    g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE, "%s: %s", source, what);
  return FALSE;
}

/* Splits "KEYWORD REST" at the first run of blanks; REST is trimmed, "" when absent. */
static void
split_keyword (char  *line,
               char **keyword,
               char **rest)
{
  char *p = line;

  while (*p != '\0' && *p != ' ' && *p != '\t')
    p++;
  *keyword = line;
  if (*p == '\0')
    {
      *rest = p;
      return;
    }
  *p++ = '\0';
  *rest = g_strstrip (p);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const JpHolidayEntry *ea = *(JpHolidayEntry *const *) a;
  const JpHolidayEntry *eb = *(JpHolidayEntry *const *) b;

  return ea->julian < eb->julian ? -1 : ea->julian > eb->julian;
}

/* The dates a year's file may list: its year, its December before and January after. */
static gboolean
date_in_scope (const GDate *date,
               int          year)
{
  int y = g_date_get_year (date);

  if (y == year)
    return TRUE;
  if (y == year - 1)
    return g_date_get_month (date) == G_DATE_DECEMBER;
  if (y == year + 1)
    return g_date_get_month (date) == G_DATE_JANUARY;
  return FALSE;
}

/* Parses "DATE" or "DATE..DATE" and checks it against the year. */
static gboolean
parse_range (const char  *text,
             int          year,
             const char  *source,
             guint        line,
             GDate       *first,
             GDate       *last,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "..", 2);

  if (!jp_date_parse_iso (parts[0], first))
    return fail (error, source, line,
                 _("“%s” is not a date; write it as YYYY-MM-DD, e.g. %d-10-01"), parts[0], year);
  if (parts[1] == NULL)
    *last = *first;
  else if (!jp_date_parse_iso (parts[1], last))
    return fail (error, source, line,
                 _("“%s” is not a date; write it as YYYY-MM-DD, e.g. %d-10-07"), parts[1], year);
  if (g_date_compare (last, first) < 0)
    return fail (error, source, line, _("the range %s ends before it starts"), text);
  if (g_date_days_between (first, last) >= MAX_RANGE_DAYS)
    return fail (error, source, line,
                 _("the range %s is longer than %d days; is a date mistyped?"), text,
                 MAX_RANGE_DAYS);
  if (!date_in_scope (first, year) || !date_in_scope (last, year))
    return fail (error, source, line,
                 _("%s is outside %d (only the December before and the January after may "
                   "appear, for New Year)"), text, year);
  return TRUE;
}

JpHolidayYear *
jp_holiday_year_parse (const char  *text,
                       gssize       length,
                       const char  *source_name,
                       int          expected_year,
                       GError     **error)
{
  g_autoptr(JpHolidayYear) result = NULL;
  g_autoptr(GHashTable) seen = NULL;   /* julian -> line */
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  guint year_line = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source_name == NULL)
    source_name = "holidays";
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      fail (error, source_name, 0, _("the file is not UTF-8 text"));
      return NULL;
    }
  copy = g_strndup (text, length);
  if (memchr (text, '\0', length) != NULL)
    {
      fail (error, source_name, 0, _("the file is not UTF-8 text"));
      return NULL;
    }

  result = g_new0 (JpHolidayYear, 1);
  result->source_name = g_strdup (source_name);
  result->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_holiday_entry_free);
  seen = g_hash_table_new (NULL, NULL);

  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint number = i + 1;
      char *line = g_strstrip (lines[i]);   /* also drops a \r */
      char *keyword, *rest;

      if (i == 0 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        line = g_strstrip (line + 3);
      if (*line == '\0' || *line == '#')
        continue;
      split_keyword (line, &keyword, &rest);

      if (g_str_equal (keyword, "year"))
        {
          char *end = NULL;
          gint64 y;

          if (year_line != 0)
            {
              fail (error, source_name, number, _("a second “year” line (the first is line %u)"),
                    year_line);
              return NULL;
            }
          y = g_ascii_strtoll (rest, &end, 10);
          if (*rest == '\0' || end == NULL || *end != '\0' || y < 1949 || y > 9999)
            {
              fail (error, source_name, number, _("“%s” is not a year"), rest);
              return NULL;
            }
          if (expected_year != 0 && y != expected_year)
            {
              fail (error, source_name, number,
                    _("the file says year %d but is the calendar of %d (its name)"), (int) y,
                    expected_year);
              return NULL;
            }
          result->year = (int) y;
          year_line = number;
        }
      else if (g_str_equal (keyword, "notice"))
        {
          g_free (result->notice);
          result->notice = g_strdup (rest);
        }
      else if (g_str_equal (keyword, "off") || g_str_equal (keyword, "work"))
        {
          gboolean work = g_str_equal (keyword, "work");
          char *range = rest, *name;
          GDate first, last, day;

          if (year_line == 0)
            {
              fail (error, source_name, number,
                    _("the “year” line must come before the first date"));
              return NULL;
            }
          split_keyword (range, &range, &name);
          if (*range == '\0')
            {
              fail (error, source_name, number, _("“%s” needs a date"), keyword);
              return NULL;
            }
          if (!parse_range (range, result->year, source_name, number, &first, &last, error))
            return NULL;
          if (work && g_date_compare (&first, &last) != 0)
            {
              fail (error, source_name, number,
                    _("list make-up working days one a line, not as a range (%s)"), range);
              return NULL;
            }
          for (day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
            {
              guint32 julian = g_date_get_julian (&day);
              gpointer before = g_hash_table_lookup (seen, GUINT_TO_POINTER (julian));
              JpHolidayEntry *entry;

              if (before != NULL)
                {
                  g_autofree char *iso = jp_date_format_iso (&day);

                  fail (error, source_name, number, _("%s is already listed on line %u"), iso,
                        GPOINTER_TO_UINT (before));
                  return NULL;
                }
              if (work && !is_weekend (&day))
                {
                  g_autofree char *iso = jp_date_format_iso (&day);

                  fail (error, source_name, number,
                        _("%s is a weekday, a working day anyway; a make-up working day (调休上班) "
                          "is a Saturday or Sunday"), iso);
                  return NULL;
                }
              g_hash_table_insert (seen, GUINT_TO_POINTER (julian), GUINT_TO_POINTER (number));
              entry = g_new0 (JpHolidayEntry, 1);
              entry->julian = julian;
              entry->work = work;
              entry->name = g_strdup (name);
              entry->line = number;
              g_ptr_array_add (result->entries, entry);
            }
        }
      else
        {
          fail (error, source_name, number,
                _("unknown line “%s”: a line starts with year, notice, off, work or #"),
                keyword);
          return NULL;
        }
    }

  if (year_line == 0)
    {
      fail (error, source_name, 0, _("no “year” line"));
      return NULL;
    }
  g_ptr_array_sort (result->entries, compare_entries);
  return g_steal_pointer (&result);
}

char *
jp_holiday_year_to_text (const JpHolidayYear *year)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (year != NULL, NULL);

  g_string_append (out, "# Format: docs/holidays.md\n");
  g_string_append_printf (out, "year %d\n", year->year);
  if (year->notice != NULL && *year->notice != '\0')
    g_string_append_printf (out, "notice %s\n", year->notice);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < year->entries->len; i++)
    {
      const JpHolidayEntry *e = g_ptr_array_index (year->entries, i);
      guint j = i;
      GDate first, last;
      g_autofree char *a = NULL, *b = NULL;

      /* a day off and the days off right after it with the same name make one range */
      while (!e->work && j + 1 < year->entries->len)
        {
          const JpHolidayEntry *next = g_ptr_array_index (year->entries, j + 1);
          const JpHolidayEntry *cur = g_ptr_array_index (year->entries, j);

          if (next->work || next->julian != cur->julian + 1 || g_strcmp0 (next->name, e->name))
            break;
          j++;
        }
      g_date_set_julian (&first, e->julian);
      g_date_set_julian (&last, ((JpHolidayEntry *) g_ptr_array_index (year->entries, j))->julian);
      a = jp_date_format_iso (&first);
      if (j > i)
        {
          b = jp_date_format_iso (&last);
          g_string_append_printf (out, "off  %s..%s  %s\n", a, b, e->name);
        }
      else
        g_string_append_printf (out, "%-4s %s%*s  %s\n", e->work ? "work" : "off", a, 12, "",
                                e->name);
      i = j;
    }
  return g_string_free (out, FALSE);
}

/* One list of the editor (days off, or make-up working days) into `result`; `seen` maps a
 * julian day to its entry, to name the line a date repeats. */
static gboolean
add_list (JpHolidayYear  *result,
          GHashTable     *seen,
          const char     *list,
          gboolean        work,
          GError        **error)
{
  const char *what = work ? _("Make-up working days") : _("Days off");
  g_auto(GStrv) lines = g_strsplit (list != NULL ? list : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint number = i + 1;
      g_autofree char *source = g_strdup_printf (_("%s, line %u"), what, number);
      char *line = g_strstrip (lines[i]);
      char *range, *name;
      GDate first, last, day;

      if (*line == '\0')
        continue;
      split_keyword (line, &range, &name);
      if (!parse_range (range, result->year, source, 0, &first, &last, error))
        return FALSE;
      if (work && g_date_compare (&first, &last) != 0)
        return fail (error, source, 0,
                     _("list make-up working days one a line, not as a range (%s)"), range);
      for (day = first; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
        {
          guint32 julian = g_date_get_julian (&day);
          JpHolidayEntry *before = g_hash_table_lookup (seen, GUINT_TO_POINTER (julian));
          g_autofree char *iso = jp_date_format_iso (&day);
          JpHolidayEntry *entry;

          if (before != NULL && before->work != work)
            return fail (error, source, 0,
                         _("%s is also a day off (days off, line %u): a day is either a day "
                           "off or a make-up working day"), iso, before->line);
          if (before != NULL)
            return fail (error, source, 0, _("%s is already listed on line %u"), iso,
                         before->line);
          if (work && !is_weekend (&day))
            return fail (error, source, 0,
                         _("%s is a weekday, a working day anyway; a make-up working day "
                           "(调休上班) is a Saturday or Sunday"), iso);
          entry = g_new0 (JpHolidayEntry, 1);
          entry->julian = julian;
          entry->work = work;
          entry->name = g_strdup (name);
          entry->line = number;
          g_ptr_array_add (result->entries, entry);
          g_hash_table_insert (seen, GUINT_TO_POINTER (julian), entry);
        }
    }
  return TRUE;
}

JpHolidayYear *
jp_holiday_year_from_lists (int          year,
                            const char  *notice,
                            const char  *days_off,
                            const char  *workdays,
                            GError     **error)
{
  g_autoptr(JpHolidayYear) result = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *year_name = g_strdup_printf ("%d", year);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 1949 || year > 9999)
    {
      fail (error, _("Year"), 0, _("“%s” is not a year"), year_name);
      return NULL;
    }
  result = g_new0 (JpHolidayYear, 1);
  result->year = year;
  result->source_name = g_strdup_printf ("%04d.txt", year);
  result->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_holiday_entry_free);
  if (notice != NULL)
    {
      result->notice = g_strstrip (g_strdup (notice));
      /* the file format has one line for it */
      g_strdelimit (result->notice, "\r\n", ' ');
      if (*result->notice == '\0')
        g_clear_pointer (&result->notice, g_free);
    }
  /* days off first, so a make-up day that repeats one is the line named as wrong */
  if (!add_list (result, seen, days_off, FALSE, error)
      || !add_list (result, seen, workdays, TRUE, error))
    return NULL;
  g_ptr_array_sort (result->entries, compare_entries);
  return g_steal_pointer (&result);
}

void
jp_holiday_year_to_lists (const JpHolidayYear  *year,
                          char                **days_off,
                          char                **workdays)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GString *off = g_string_new (NULL);
  GString *work = g_string_new (NULL);

  g_return_if_fail (year != NULL);

  /* the file's lines, ranges made as the file makes them */
  text = jp_holiday_year_to_text (year);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *keyword, *rest;

      split_keyword (lines[i], &keyword, &rest);
      if (g_str_equal (keyword, "off") || g_str_equal (keyword, "work"))
        {
          GString *out = g_str_equal (keyword, "off") ? off : work;
          char *range, *name;

          split_keyword (rest, &range, &name);
          g_string_append_printf (out, "%s%s%s\n", range, *name != '\0' ? " " : "", name);
        }
    }
  *days_off = g_string_free (off, FALSE);
  *workdays = g_string_free (work, FALSE);
}

struct _JpHolidayCalendar {
  GHashTable *years;   /* int -> JpHolidayYear* (owned) */
  GHashTable *days;    /* julian -> JpHolidayEntry* (owned by its year) */
};

JpHolidayCalendar *
jp_holiday_calendar_new (void)
{
  JpHolidayCalendar *calendar = g_new0 (JpHolidayCalendar, 1);

  calendar->years = g_hash_table_new_full (NULL, NULL, NULL,
                                           (GDestroyNotify) jp_holiday_year_free);
  calendar->days = g_hash_table_new (NULL, NULL);
  return calendar;
}

void
jp_holiday_calendar_free (JpHolidayCalendar *calendar)
{
  if (calendar == NULL)
    return;
  g_hash_table_unref (calendar->days);
  g_hash_table_unref (calendar->years);
  g_free (calendar);
}

gboolean
jp_holiday_calendar_add_year (JpHolidayCalendar  *calendar,
                              JpHolidayYear      *year,
                              GError            **error)
{
  g_autoptr(JpHolidayYear) owned = year;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_hash_table_contains (calendar->years, GINT_TO_POINTER (year->year)))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: the calendar of %d is already loaded"), year->source_name, year->year);
      return FALSE;
    }
  for (guint i = 0; i < year->entries->len; i++)
    {
      const JpHolidayEntry *e = g_ptr_array_index (year->entries, i);
      const JpHolidayEntry *other = g_hash_table_lookup (calendar->days,
                                                         GUINT_TO_POINTER (e->julian));

      if (other != NULL && other->work != e->work)
        {
          GDate day;
          g_autofree char *iso = NULL;

          g_date_set_julian (&day, e->julian);
          iso = jp_date_format_iso (&day);
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("%s:%u: %s is a day off in one year's calendar and a working day in "
                         "the other's"), year->source_name, e->line, iso);
          return FALSE;
        }
    }
  for (guint i = 0; i < year->entries->len; i++)
    {
      JpHolidayEntry *e = g_ptr_array_index (year->entries, i);

      if (!g_hash_table_contains (calendar->days, GUINT_TO_POINTER (e->julian)))
        g_hash_table_insert (calendar->days, GUINT_TO_POINTER (e->julian), e);
    }
  g_hash_table_insert (calendar->years, GINT_TO_POINTER (year->year), g_steal_pointer (&owned));
  return TRUE;
}

gboolean
jp_holiday_calendar_has_year (const JpHolidayCalendar *calendar,
                              int                      year)
{
  g_return_val_if_fail (calendar != NULL, FALSE);

  return g_hash_table_contains (calendar->years, GINT_TO_POINTER (year));
}

const JpHolidayYear *
jp_holiday_calendar_get_year (const JpHolidayCalendar *calendar,
                              int                      year)
{
  g_return_val_if_fail (calendar != NULL, NULL);

  return g_hash_table_lookup (calendar->years, GINT_TO_POINTER (year));
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

GArray *
jp_holiday_calendar_years (const JpHolidayCalendar *calendar)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (calendar != NULL, years);

  g_hash_table_iter_init (&iter, calendar->years);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int y = GPOINTER_TO_INT (key);

      g_array_append_val (years, y);
    }
  g_array_sort (years, compare_int);
  return years;
}

JpDayKind
jp_holiday_calendar_day_kind (const JpHolidayCalendar  *calendar,
                              const GDate              *date,
                              const char              **name)
{
  const JpHolidayEntry *e;

  g_return_val_if_fail (calendar != NULL, JP_DAY_WORKDAY);
  g_return_val_if_fail (date != NULL && g_date_valid (date), JP_DAY_WORKDAY);

  if (name != NULL)
    *name = NULL;
  e = g_hash_table_lookup (calendar->days, GUINT_TO_POINTER (g_date_get_julian (date)));
  if (e != NULL)
    {
      if (name != NULL)
        *name = e->name;
      if (!e->work)
        return JP_DAY_HOLIDAY;
      return is_weekend (date) ? JP_DAY_MAKEUP_WORKDAY : JP_DAY_WORKDAY;
    }
  return is_weekend (date) ? JP_DAY_WEEKEND : JP_DAY_WORKDAY;
}
