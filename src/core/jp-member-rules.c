/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-member-rules"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <nettle/pbkdf2.h>

#include "jp-member-rules.h"

#define SHA256_LEN 32

void
jp_pbkdf2_hmac_sha256 (const guint8 *password,
                       gsize         password_len,
                       const guint8 *salt,
                       gsize         salt_len,
                       guint         iterations,
                       guint8       *out,
                       gsize         out_len)
{
  g_return_if_fail (password != NULL || password_len == 0);
  g_return_if_fail (salt != NULL || salt_len == 0);
  g_return_if_fail (iterations >= 1);
  g_return_if_fail (out != NULL || out_len == 0);

  if (out_len == 0)
    return;
  /* nettle's implementation, maintained and reviewed; it reads neither pointer when its
   * length is 0 */
  pbkdf2_hmac_sha256 (password_len, password != NULL ? password : (const guint8 *) "",
                      iterations, salt_len, salt != NULL ? salt : (const guint8 *) "",
                      out_len, out);
}

char *
jp_pin_generate (const guint8 *random,
                 gsize         len)
{
  const guint64 bound = 1000000;
  const guint64 limit = (G_GUINT64_CONSTANT (1) << 32) / bound * bound;

  g_return_val_if_fail (random != NULL || len == 0, NULL);

  for (gsize pos = 0; pos + 4 <= len; pos += 4)
    {
      guint32 value = ((guint32) random[pos] << 24) | ((guint32) random[pos + 1] << 16)
                      | ((guint32) random[pos + 2] << 8) | (guint32) random[pos + 3];

      if (value < limit)
        return g_strdup_printf ("%06u", (guint) (value % bound));
    }
  return NULL;
}

char *
jp_pin_hash (const char   *pin,
             const guint8 *salt,
             gsize         salt_len,
             guint         iterations)
{
  guint8 key[SHA256_LEN];
  GString *hex;

  g_return_val_if_fail (pin != NULL, NULL);
  g_return_val_if_fail (salt != NULL || salt_len == 0, NULL);

  jp_pbkdf2_hmac_sha256 ((const guint8 *) pin, strlen (pin), salt, salt_len,
                         iterations > 0 ? iterations : JP_PIN_ITERATIONS, key, sizeof key);
  hex = g_string_sized_new (2 * SHA256_LEN);
  for (guint i = 0; i < SHA256_LEN; i++)
    g_string_append_printf (hex, "%02x", key[i]);
  return g_string_free (hex, FALSE);
}

gboolean
jp_pin_verify (const char   *pin,
               const guint8 *salt,
               gsize         salt_len,
               guint         iterations,
               const char   *expected_hex)
{
  g_autofree char *actual = NULL;
  guint diff = 0;
  gsize len;

  g_return_val_if_fail (pin != NULL, FALSE);
  g_return_val_if_fail (expected_hex != NULL, FALSE);

  actual = jp_pin_hash (pin, salt, salt_len, iterations);
  len = strlen (actual);
  /* The length of a stored hash is no secret; the bytes are compared in constant time. */
  if (strlen (expected_hex) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    diff |= (guint) (actual[i] ^ g_ascii_tolower (expected_hex[i]));
  return diff == 0;
}

static gboolean
key_or_label (const char *s,
              const char *key,
              const char *label,
              const char *chinese)
{
  g_autofree char *copy = g_strstrip (g_strdup (s));

  return g_ascii_strcasecmp (copy, key) == 0 || strcmp (copy, label) == 0
         || strcmp (copy, chinese) == 0;
}

const char *
jp_conflict_kind_to_key (JpConflictKind kind)
{
  return kind == JP_CONFLICT_DECLARED ? "declared" : "same-unit";
}

const char *
jp_conflict_kind_label (JpConflictKind kind)
{
  return kind == JP_CONFLICT_DECLARED ? _("Declared relation") : _("Same unit");
}

JpConflictKind
jp_conflict_kind_from_string (const char *s,
                              gboolean   *ok)
{
  static const char * const chinese[] = { "同单位", "申报回避" };

  if (ok != NULL)
    *ok = FALSE;
  if (s == NULL)
    return JP_CONFLICT_SAME_UNIT;
  for (int k = JP_CONFLICT_SAME_UNIT; k <= JP_CONFLICT_DECLARED; k++)
    if (key_or_label (s, jp_conflict_kind_to_key (k), jp_conflict_kind_label (k), chinese[k]))
      {
        if (ok != NULL)
          *ok = TRUE;
        return k;
      }
  return JP_CONFLICT_SAME_UNIT;
}

const char *
jp_conflict_type_to_key (JpConflictType type)
{
  switch (type)
    {
    case JP_CONFLICT_RELATIVE: return "relative";
    case JP_CONFLICT_TEACHER_APPRENTICE: return "teacher-apprentice";
    case JP_CONFLICT_SUPERVISOR: return "supervisor";
    case JP_CONFLICT_OTHER:
    default: return "other";
    }
}

const char *
jp_conflict_type_label (JpConflictType type)
{
  switch (type)
    {
    case JP_CONFLICT_RELATIVE: return _("Relative");
    case JP_CONFLICT_TEACHER_APPRENTICE: return _("Teacher and apprentice");
    case JP_CONFLICT_SUPERVISOR: return _("Direct supervisor or subordinate");
    case JP_CONFLICT_OTHER:
    default: return _("Other");
    }
}

JpConflictType
jp_conflict_type_from_string (const char *s,
                              gboolean   *ok)
{
  static const char * const chinese[] = { "亲属", "师徒", "直接上下级", "其他" };

  if (ok != NULL)
    *ok = FALSE;
  if (s == NULL)
    return JP_CONFLICT_OTHER;
  for (int t = JP_CONFLICT_RELATIVE; t <= JP_CONFLICT_OTHER; t++)
    if (key_or_label (s, jp_conflict_type_to_key (t), jp_conflict_type_label (t), chinese[t]))
      {
        if (ok != NULL)
          *ok = TRUE;
        return t;
      }
  return JP_CONFLICT_OTHER;
}

char *
jp_unit_name_normalize (const char *name)
{
  g_autofree char *nfkc = NULL;
  GString *out;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  out = g_string_new (NULL);
  for (const char *p = nfkc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) c));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
jp_conflict_same_unit (const JpMember    *member,
                       const JpCandidate *candidate)
{
  g_autofree char *unit = NULL;
  g_autofree char *nominating = NULL;
  g_autofree char *employer = NULL;

  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (JP_IS_CANDIDATE ((JpCandidate *) candidate), FALSE);

  unit = jp_unit_name_normalize (member->unit);
  if (*unit == '\0')
    return FALSE;
  nominating = jp_unit_name_normalize (candidate->unit);
  employer = jp_unit_name_normalize (candidate->employer);
  return strcmp (unit, nominating) == 0 || strcmp (unit, employer) == 0;
}
