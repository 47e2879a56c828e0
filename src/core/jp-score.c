/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-score"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-settings.h"
#include "jp-score.h"

#define MAX_INTEGER_DIGITS 12
#define MAX_DECIMALS 6

gint64
jp_round_div (gint64 num,
              gint64 den)
{
  gint64 q, r;

  g_return_val_if_fail (den > 0, 0);

  q = num / den;   /* truncated toward zero */
  r = num % den;   /* same sign as num */
  if (r >= 0)
    return r >= den - r ? q + 1 : q;
  return -r >= den + r ? q - 1 : q;
}

static gint64
power_of_ten (guint n)
{
  gint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

char *
jp_decimal_format (gint64 value,
                   guint  decimals)
{
  guint64 magnitude, scale;
  GString *out;

  g_return_val_if_fail (decimals <= 18, NULL);

  /* magnitude without overflow for G_MININT64 */
  magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  scale = (guint64) power_of_ten (decimals);
  out = g_string_new (value < 0 ? "-" : "");
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / scale);
  if (decimals > 0)
    g_string_append_printf (out, ".%0*" G_GUINT64_FORMAT, (int) decimals, magnitude % scale);
  return g_string_free (out, FALSE);
}

char *
jp_decimal_format_short (gint64 value,
                         guint  decimals)
{
  char *text = jp_decimal_format (value, decimals);
  gsize len;

  if (decimals == 0)
    return text;
  len = strlen (text);
  while (len > 0 && text[len - 1] == '0' && text[len - 2] != '.')
    text[--len] = '\0';
  return text;
}

typedef enum {
  PARSE_OK,
  PARSE_EMPTY,
  PARSE_NEGATIVE,
  PARSE_NOT_NUMBER,
  PARSE_TOO_PRECISE,
  PARSE_TOO_LARGE,
} ParseResult;

/* The strict grammar of docs/ranking.md: digits, optionally '.' and digits, after NFKC and
 * trimming. A leading '-' before an otherwise valid number is reported as negative. */
static ParseResult
parse_fixed (const char *text,
             guint       decimals,
             gint64     *value,
             char      **shown)
{
  g_autofree char *norm = NULL;
  const char *p, *start;
  gint64 integer = 0, fraction = 0;
  guint n_int = 0, n_frac = 0;
  gboolean negative = FALSE;

  *value = 0;
  *shown = NULL;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      *shown = g_strdup ("");
      return PARSE_EMPTY;
    }
  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_strstrip (norm);
  *shown = g_strdup (norm);
  if (*norm == '\0')
    return PARSE_EMPTY;

  p = norm;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  start = p;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (integer == 0 && *p == '0')
        continue;   /* leading zeros do not count towards the limit */
      if (++n_int > MAX_INTEGER_DIGITS)
        return PARSE_TOO_LARGE;
      integer = integer * 10 + (*p - '0');
    }
  if (p == start)
    return PARSE_NOT_NUMBER;   /* an integer part is required: "0.5", not ".5" */
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return PARSE_NOT_NUMBER;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (n_frac < decimals)
            {
              fraction = fraction * 10 + (*p - '0');
              n_frac++;
            }
          else if (*p != '0')
            {
              /* keep scanning so that "1.23x" is "not a number", not "too precise" */
              const char *q = p;

              while (g_ascii_isdigit (*q))
                q++;
              return *q == '\0' ? (negative ? PARSE_NEGATIVE : PARSE_TOO_PRECISE)
                                : PARSE_NOT_NUMBER;
            }
        }
    }
  if (*p != '\0')
    return PARSE_NOT_NUMBER;
  while (n_frac < decimals)
    {
      fraction *= 10;
      n_frac++;
    }
  *value = integer * power_of_ten (decimals) + fraction;
  if (negative)
    {
      if (*value == 0)
        return PARSE_OK;   /* "-0" is zero */
      return PARSE_NEGATIVE;
    }
  return PARSE_OK;
}

gboolean
jp_decimal_parse (const char *text,
                  guint       decimals,
                  const char *field,
                  gint64     *value,
                  GError    **error)
{
  g_autofree char *shown = NULL;
  gint64 v;
  ParseResult r;

  g_return_val_if_fail (decimals <= MAX_DECIMALS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  r = parse_fixed (text, decimals, &v, &shown);
  switch (r)
    {
    case PARSE_OK:
      if (value != NULL)
        *value = v;
      return TRUE;
    case PARSE_EMPTY:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: no number was given."), field);
      break;
    case PARSE_NEGATIVE:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: “%s” is below zero; enter 0 or more."), field, shown);
      break;
    case PARSE_TOO_PRECISE:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: “%s” has more than %u decimals."), field, shown, decimals);
      break;
    case PARSE_TOO_LARGE:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: “%s” is too large."), field, shown);
      break;
    case PARSE_NOT_NUMBER:
    default:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a number; write digits with an optional decimal "
                     "point, such as 12.5."), field, shown);
      break;
    }
  return FALSE;
}

/* millionths of a point -> halves, with the range and step checks */
static gboolean
check_points (gint64      millionths,
              const char *shown,
              int         max_halves,
              const char *field,
              int        *halves,
              GError    **error)
{
  g_autofree char *max_text = jp_decimal_format_short (max_halves * (gint64) 5, 1);

  if (millionths > (gint64) max_halves * 500000)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: %s is above the maximum of %s points."), field, shown, max_text);
      return FALSE;
    }
  if (millionths % 500000 != 0)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: %s is not a multiple of 0.5; scores go in steps of 0.5 "
                     "(for example 12 or 12.5)."), field, shown);
      return FALSE;
    }
  if (halves != NULL)
    *halves = (int) (millionths / 500000);
  return TRUE;
}

gboolean
jp_points_parse (const char *text,
                 int         max_halves,
                 const char *field,
                 int        *halves,
                 GError    **error)
{
  g_autofree char *shown = NULL;
  gint64 v;
  ParseResult r;

  g_return_val_if_fail (max_halves >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  r = parse_fixed (text, MAX_DECIMALS, &v, &shown);
  switch (r)
    {
    case PARSE_OK:
      return check_points (v, shown, max_halves, field, halves, error);
    case PARSE_NEGATIVE:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: %s is below zero; scores go from 0 to the maximum."), field, shown);
      return FALSE;
    case PARSE_TOO_PRECISE:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: %s is not a multiple of 0.5; scores go in steps of 0.5 "
                     "(for example 12 or 12.5)."), field, shown);
      return FALSE;
    case PARSE_TOO_LARGE:
      {
        g_autofree char *max_text = jp_decimal_format_short (max_halves * (gint64) 5, 1);

        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("%s: %s is above the maximum of %s points."), field, shown, max_text);
        return FALSE;
      }
    case PARSE_EMPTY:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: no score was given."), field);
      return FALSE;
    case PARSE_NOT_NUMBER:
    default:
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: “%s” is not a score; type a number such as 12.5."), field, shown);
      return FALSE;
    }
}

gboolean
jp_points_from_double (double      value,
                       int         max_halves,
                       const char *field,
                       int        *halves,
                       GError    **error)
{
  g_return_val_if_fail (max_halves >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (value))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: the score is not a number."), field);
      return FALSE;
    }
  if (value < 0)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: %g is below zero; scores go from 0 to the maximum."), field, value);
      return FALSE;
    }
  if (value > max_halves / 2.0)
    {
      g_autofree char *max_text = jp_decimal_format_short (max_halves * (gint64) 5, 1);

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: %g is above the maximum of %s points."), field, value, max_text);
      return FALSE;
    }
  /* value * 2 is exact in binary; an integral result is the only acceptable one */
  if (value * 2 != floor (value * 2))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: %g is not a multiple of 0.5; scores go in steps of 0.5 "
                     "(for example 12 or 12.5)."), field, value);
      return FALSE;
    }
  if (halves != NULL)
    *halves = (int) (value * 2);
  return TRUE;
}

gboolean
jp_hundredths_from_double (double  value,
                           gint64 *hundredths)
{
  double scaled = value * 100;
  double nearest;

  if (!isfinite (value) || fabs (scaled) > 1e15)
    return FALSE;
  nearest = round (scaled);
  if (fabs (scaled - nearest) > 1e-6)
    return FALSE;
  if (hundredths != NULL)
    *hundredths = (gint64) nearest;
  return TRUE;
}

gboolean
jp_halves_from_double (double  value,
                       int    *halves)
{
  double scaled = value * 2;
  double nearest;

  if (!isfinite (value) || fabs (scaled) > G_MAXINT / 2)
    return FALSE;
  nearest = round (scaled);
  if (fabs (scaled - nearest) > 1e-6)
    return FALSE;
  if (halves != NULL)
    *halves = (int) nearest;
  return TRUE;
}

static char *
criterion_field (const GPtrArray *rubric,
                 guint            i)
{
  const JpRubricCriterion *c = g_ptr_array_index ((GPtrArray *) rubric, i);

  return g_strdup_printf (_("Criterion %u “%s”"), i + 1, c->name != NULL ? c->name : "");
}

static gboolean
criterion_max (const GPtrArray *rubric,
               guint            i,
               int             *max_halves,
               GError         **error)
{
  const JpRubricCriterion *c = g_ptr_array_index ((GPtrArray *) rubric, i);

  if (!jp_halves_from_double (c->max, max_halves) || *max_halves <= 0)
    {
      g_autofree char *field = criterion_field (rubric, i);

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s: its maximum %g is not a positive multiple of 0.5; correct the "
                     "rubric in the settings."), field, c->max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_count (const GPtrArray *rubric,
             guint            n_values,
             GError         **error)
{
  if (n_values != rubric->len)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The sheet has %u scores but the rubric has %u criteria; give one score "
                     "per criterion, in the rubric's order."), n_values, rubric->len);
      return FALSE;
    }
  return TRUE;
}

gboolean
jp_score_sheet_parse (const GPtrArray    *rubric,
                      const char * const *values,
                      int                *halves,
                      int                *total_halves,
                      GError            **error)
{
  int total = 0;

  g_return_val_if_fail (rubric != NULL, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_count (rubric, g_strv_length ((GStrv) values), error))
    return FALSE;
  for (guint i = 0; i < rubric->len; i++)
    {
      g_autofree char *field = criterion_field (rubric, i);
      int max, h;

      if (!criterion_max (rubric, i, &max, error)
          || !jp_points_parse (values[i], max, field, &h, error))
        return FALSE;
      if (halves != NULL)
        halves[i] = h;
      total += h;
    }
  if (total_halves != NULL)
    *total_halves = total;
  return TRUE;
}

gboolean
jp_score_sheet_check (const GPtrArray *rubric,
                      const double    *values,
                      guint            n_values,
                      int             *halves,
                      int             *total_halves,
                      GError         **error)
{
  int total = 0;

  g_return_val_if_fail (rubric != NULL, FALSE);
  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_count (rubric, n_values, error))
    return FALSE;
  for (guint i = 0; i < rubric->len; i++)
    {
      g_autofree char *field = criterion_field (rubric, i);
      int max, h;

      if (!criterion_max (rubric, i, &max, error)
          || !jp_points_from_double (values[i], max, field, &h, error))
        return FALSE;
      if (halves != NULL)
        halves[i] = h;
      total += h;
    }
  if (total_halves != NULL)
    *total_halves = total;
  return TRUE;
}
