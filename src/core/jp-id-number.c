/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-id-number"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-id-number.h"

static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_chars[] = "10X98765432";

/* Returns the ISO 7064 MOD 11-2 check character for 17 ASCII digits, or '\0' when
 * `first17` does not start with 17 digits. */
char
jp_id_number_check_char (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (int i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return '\0';
      sum += (first17[i] - '0') * weights[i];
    }
  return check_chars[sum % 11];
}

/* Returns: (transfer full): `id` folded with NFKC (full-width digits and letters become
 * ASCII), without whitespace (ASCII and U+3000) and with a final 'x' upper-cased. Bytes that
 * are not UTF-8 are replaced, so the result is always valid UTF-8. */
char *
jp_id_number_normalize (const char *id)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfkc = NULL;
  GString *out;

  g_return_val_if_fail (id != NULL, NULL);

  valid = g_utf8_make_valid (id, -1);
  nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  out = g_string_new (NULL);
  for (const char *p = nfkc != NULL ? nfkc : valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0xFEFF)
        continue;
      g_string_append_unichar (out, c);
    }
  if (out->len > 0 && out->str[out->len - 1] == 'x')
    out->str[out->len - 1] = 'X';
  return g_string_free (out, FALSE);
}

/* TRUE when `value` is what a spreadsheet makes of an 18-digit ID number stored as a number:
 * the scientific form ("1.50202E+17") or the digits rounded to 15 significant places
 * ("150202198503122000", which fails the check character). */
gboolean
jp_id_number_is_spreadsheet_number (const char *value)
{
  g_autofree char *norm = NULL;
  const char *p;
  gsize len;

  g_return_val_if_fail (value != NULL, FALSE);

  norm = jp_id_number_normalize (value);
  len = strlen (norm);
  p = norm;

  /* d[.ddd]E[+]dd */
  if (g_ascii_isdigit (*p))
    {
      p++;
      if (*p == '.')
        {
          p++;
          if (!g_ascii_isdigit (*p))
            goto digits;
          while (g_ascii_isdigit (*p))
            p++;
        }
      if (*p == 'E' || *p == 'e')
        {
          p++;
          if (*p == '+')
            p++;
          if (g_ascii_isdigit (*p))
            {
              while (g_ascii_isdigit (*p))
                p++;
              if (*p == '\0')
                return TRUE;
            }
        }
    }

digits:
  /* 16 to 18 digits whose tail was rounded to zeros */
  if (len < 16 || len > 18 || strspn (norm, "0123456789") != len)
    return FALSE;
  if (!g_str_has_suffix (norm, "000"))
    return FALSE;
  return len != 18 || jp_id_number_check_char (norm) != norm[17];
}

static int
digits_value (const char *s,
              int         n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    v = v * 10 + (s[i] - '0');
  return v;
}

/* Checks an 18-character resident ID number; see the header. Whitespace and a lower-case
 * final 'x' are accepted. `info` may be NULL. */
gboolean
jp_id_number_parse (const char *id,
                    JpIdInfo   *info,
                    GError    **error)
{
  g_autofree char *norm = NULL;
  gsize len;
  int year, month, day;
  char expected;

  g_return_val_if_fail (id != NULL, FALSE);

  norm = jp_id_number_normalize (id);
  len = strlen (norm);

  if (len == 0)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The ID number is empty; enter the 18-character resident ID number."));
      return FALSE;
    }

  if (jp_id_number_is_spreadsheet_number (norm))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The ID number “%s” was turned into a number by a spreadsheet, which "
                     "dropped its last digits; format the ID column as text, type the numbers "
                     "again from the ID cards and save the file again."),
                   norm);
      return FALSE;
    }

  if (g_utf8_strlen (norm, -1) != 18)
    {
      glong chars = g_utf8_strlen (norm, -1);

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   ngettext ("The ID number “%s” has %ld character; a resident ID number has 18.",
                             "The ID number “%s” has %ld characters; a resident ID number has 18.",
                             chars),
                   norm, chars);
      return FALSE;
    }

  {
    const char *p = norm;

    for (int i = 0; i < 18; i++, p = g_utf8_next_char (p))
      {
        g_autofree char *ch = NULL;

        if (g_ascii_isdigit (*p) || (i == 17 && *p == 'X'))
          continue;
        ch = g_strndup (p, g_utf8_next_char (p) - p);
        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("The ID number “%s” has “%s” at position %d; only digits are allowed, "
                       "and X only as the last character."),
                     norm, ch, i + 1);
        return FALSE;
      }
  }

  year = digits_value (norm + 6, 4);
  month = digits_value (norm + 10, 2);
  day = digits_value (norm + 12, 2);
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The ID number “%s” contains the birth date %.8s, which is not a real "
                     "date; check digits 7 to 14."),
                   norm, norm + 6);
      return FALSE;
    }

  expected = jp_id_number_check_char (norm);
  if (expected != norm[17])
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The check character of the ID number “%s” should be %c, but it is %c; "
                     "check the number against the ID card."),
                   norm, expected, norm[17]);
      return FALSE;
    }

  if (info != NULL)
    {
      info->year = year;
      info->month = month;
      info->day = day;
      info->sex = ((norm[16] - '0') % 2 == 1) ? JP_SEX_MALE : JP_SEX_FEMALE;
    }
  return TRUE;
}
