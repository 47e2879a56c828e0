/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-codes"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-codes.h"

/* Returns: (transfer full): a deep copy. */
JpCodeAssignment *
jp_code_assignment_copy (const JpCodeAssignment *a)
{
  JpCodeAssignment *copy;

  g_return_val_if_fail (a != NULL, NULL);

  copy = g_new0 (JpCodeAssignment, 1);
  *copy = *a;
  copy->code = g_strdup (a->code);
  return copy;
}

void
jp_code_assignment_free (JpCodeAssignment *a)
{
  if (a == NULL)
    return;
  g_free (a->code);
  g_free (a);
}

gsize
jp_codes_random_bytes_needed (guint n)
{
  gsize draws = n > 1 ? n - 1 : 0;

  return 4 * (2 * draws + 8);
}

/* Reads random bytes 4 at a time as big-endian integers. */
typedef struct {
  const guint8 *bytes;
  gsize         len;
  gsize         pos;
} RandomReader;

/* An unbiased integer in 0..bound-1 (bound >= 1), or FALSE when the bytes run out.
 * Values at or above the largest multiple of `bound` below 2^32 are rejected and redrawn. */
static gboolean
uniform_below (RandomReader *reader,
               guint32       bound,
               guint32      *out)
{
  guint64 limit = (G_GUINT64_CONSTANT (1) << 32) / bound * bound;

  for (;;)
    {
      guint32 value;

      if (reader->len - reader->pos < 4)
        return FALSE;
      value = ((guint32) reader->bytes[reader->pos] << 24)
              | ((guint32) reader->bytes[reader->pos + 1] << 16)
              | ((guint32) reader->bytes[reader->pos + 2] << 8)
              | (guint32) reader->bytes[reader->pos + 3];
      reader->pos += 4;
      if (value < limit)
        {
          *out = value % bound;
          return TRUE;
        }
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static gboolean
trade_code_ok (const char *code)
{
  if (code == NULL || *code == '\0')
    return FALSE;
  for (const char *p = code; *p; p++)
    if (g_ascii_isspace (*p) || *p == ';' || *p == '=')
      return FALSE;
  return TRUE;
}

GPtrArray *
jp_codes_draw (const char    *trade_code,
               GArray        *candidate_ids,
               const guint8  *random,
               gsize          random_len,
               GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) result = NULL;
  RandomReader reader = { random, random_len, 0 };
  int width;

  g_return_val_if_fail (candidate_ids != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (candidate_ids) == sizeof (gint64), NULL);
  g_return_val_if_fail (random != NULL || random_len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!trade_code_ok (trade_code))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The trade has no usable code (“%s”); set a short code without spaces, "
                     "for example “XT”, before drawing the anonymous codes."),
                   trade_code != NULL ? trade_code : "");
      return NULL;
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), candidate_ids->len);
  g_array_append_vals (ids, candidate_ids->data, candidate_ids->len);
  g_array_sort (ids, compare_ids);
  for (guint i = 1; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, i - 1))
      {
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               g_array_index (ids, gint64, i));

        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("Candidate %s is listed twice for trade %s; each candidate can receive "
                       "only one code."),
                     id, trade_code);
        return NULL;
      }

  for (guint i = ids->len; i > 1; i--)
    {
      guint32 j;
      gint64 tmp;

      if (!uniform_below (&reader, i, &j))
        {
          gsize needed = jp_codes_random_bytes_needed (ids->len);

          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       ngettext ("The draw for trade %s ran out of random data after %lu "
                                 "byte; supply %lu random bytes for %u candidates.",
                                 "The draw for trade %s ran out of random data after %lu "
                                 "bytes; supply %lu random bytes for %u candidates.",
                                 (gulong) random_len),
                       trade_code, (gulong) random_len, (gulong) needed, ids->len);
          return NULL;
        }
      tmp = g_array_index (ids, gint64, i - 1);
      g_array_index (ids, gint64, i - 1) = g_array_index (ids, gint64, j);
      g_array_index (ids, gint64, j) = tmp;
    }

  width = 2;
  for (guint n = ids->len; n > 99; n /= 10)
    width++;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_code_assignment_free);
  for (guint i = 0; i < ids->len; i++)
    {
      JpCodeAssignment *a = g_new0 (JpCodeAssignment, 1);

      a->candidate_id = g_array_index (ids, gint64, i);
      a->position = (int) i + 1;
      a->code = g_strdup_printf ("%s-%0*d", trade_code, width, a->position);
      g_ptr_array_add (result, a);
    }
  return g_steal_pointer (&result);
}

char *
jp_codes_draw_record (GPtrArray    *assignments,
                      const guint8 *random,
                      gsize         random_len)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (assignments != NULL, g_string_free (text, FALSE));
  g_return_val_if_fail (random != NULL || random_len == 0, g_string_free (text, FALSE));

  for (guint i = 0; i < assignments->len; i++)
    {
      const JpCodeAssignment *a = g_ptr_array_index (assignments, i);

      g_string_append_printf (text, "%s=%" G_GINT64_FORMAT ";", a->code, a->candidate_id);
    }
  g_string_append (text, "random=");
  for (gsize i = 0; i < random_len; i++)
    g_string_append_printf (text, "%02x", random[i]);
  return g_string_free (text, FALSE);
}

gboolean
jp_trade_code_check (const char  *code,
                     GError     **error)
{
  gsize len = code != NULL ? strlen (code) : 0;
  gboolean ok = len >= 1 && len <= 6;

  for (gsize i = 0; ok && i < len; i++)
    ok = g_ascii_isupper (code[i]) || g_ascii_isdigit (code[i]);
  if (!ok)
    g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                 _("The trade code “%s” is not valid: use 1 to 6 capital letters or "
                   "digits, for example XT."),
                 code != NULL ? code : "");
  return ok;
}

char *
jp_trade_code_normalize (const char  *typed,
                         GError     **error)
{
  g_autofree char *upper = g_ascii_strup (typed != NULL ? typed : "", -1);

  if (!jp_trade_code_check (upper, error))
    return NULL;
  return g_steal_pointer (&upper);
}
