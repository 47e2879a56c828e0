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

/* Returns: (transfer full): `id` without whitespace (ASCII and U+3000) and with a final
 * 'x' upper-cased. */
char *
jp_id_number_normalize (const char *id)
{
  GString *out;

  g_return_val_if_fail (id != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = id; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      /* full-width space U+3000 is E3 80 80 in UTF-8 */
      if ((guchar) p[0] == 0xE3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }
  if (out->len > 0 && out->str[out->len - 1] == 'x')
    out->str[out->len - 1] = 'X';
  return g_string_free (out, FALSE);
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

  if (!g_utf8_validate (norm, -1, NULL) || g_utf8_strlen (norm, -1) != 18)
    {
      glong chars = g_utf8_validate (norm, -1, NULL) ? g_utf8_strlen (norm, -1) : (glong) len;

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   ngettext ("The ID number “%s” has %ld character; a resident ID number has 18.",
                             "The ID number “%s” has %ld characters; a resident ID number has 18.",
                             chars),
                   norm, chars);
      return FALSE;
    }

  for (int i = 0; i < 18; i++)
    {
      if (g_ascii_isdigit (norm[i]) || (i == 17 && norm[i] == 'X'))
        continue;
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The ID number “%s” has “%c” at position %d; only digits are allowed, "
                     "and X only as the last character."),
                   norm, norm[i], i + 1);
      return FALSE;
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
