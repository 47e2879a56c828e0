/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-candidate"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-candidate.h"

G_DEFINE_BOXED_TYPE (JpDocumentRef, jp_document_ref, jp_document_ref_copy, jp_document_ref_free)

/* Returns: (transfer full): an empty reference (kind photo, criterion 0, 1 page). */
JpDocumentRef *
jp_document_ref_new (void)
{
  JpDocumentRef *ref = g_new0 (JpDocumentRef, 1);

  ref->kind = JP_DOC_PHOTO;
  ref->pages = 1;
  return ref;
}

/* Returns: (transfer full): a deep copy. */
JpDocumentRef *
jp_document_ref_copy (const JpDocumentRef *ref)
{
  JpDocumentRef *copy;

  g_return_val_if_fail (ref != NULL, NULL);

  copy = g_new0 (JpDocumentRef, 1);
  *copy = *ref;
  copy->sha256 = g_strdup (ref->sha256);
  copy->filename = g_strdup (ref->filename);
  copy->mime = g_strdup (ref->mime);
  return copy;
}

void
jp_document_ref_free (JpDocumentRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->sha256);
  g_free (ref->filename);
  g_free (ref->mime);
  g_free (ref);
}

G_DEFINE_FINAL_TYPE (JpCandidate, jp_candidate, G_TYPE_OBJECT)

static void
jp_candidate_finalize (GObject *object)
{
  JpCandidate *self = JP_CANDIDATE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->ethnicity, g_free);
  g_clear_pointer (&self->birth, g_free);
  g_clear_pointer (&self->political, g_free);
  g_clear_pointer (&self->education, g_free);
  g_clear_pointer (&self->work_start, g_free);
  g_clear_pointer (&self->id_number, g_free);
  g_clear_pointer (&self->employer, g_free);
  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->work_type, g_free);
  g_clear_pointer (&self->skill_level, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->honours, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->deeds, g_free);
  g_clear_pointer (&self->fill_date, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->trade, g_free);
  g_clear_pointer (&self->trade_code, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (jp_candidate_parent_class)->finalize (object);
}

static void
jp_candidate_class_init (JpCandidateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_candidate_finalize;
}

static void
jp_candidate_init (JpCandidate *self)
{
  self->years_in_trade = -1;
  self->union_member = JP_TRISTATE_UNKNOWN;
  self->sex = JP_SEX_UNKNOWN;
  self->route = JP_ROUTE_UNKNOWN;
  self->status = JP_STATUS_SUBMITTED;
}

/* Returns: (transfer full): an empty candidate; `documents` and `findings` are NULL. */
JpCandidate *
jp_candidate_new (void)
{
  return g_object_new (JP_TYPE_CANDIDATE, NULL);
}

/* Counts findings of `severity` in the last validation (0 when never validated). */
guint
jp_candidate_count_findings (JpCandidate *self,
                             JpSeverity   severity)
{
  guint n = 0;

  g_return_val_if_fail (JP_IS_CANDIDATE (self), 0);

  if (self->findings == NULL)
    return 0;
  for (guint i = 0; i < self->findings->len; i++)
    {
      const JpFinding *f = g_ptr_array_index (self->findings, i);

      if (f->severity == severity)
        n++;
    }
  return n;
}

/* Returns: (transfer full): e.g. "1,4"; "" when no bit 1..6 is set. */
char *
jp_criteria_to_string (guint criteria)
{
  GString *s = g_string_new (NULL);

  for (int n = 1; n <= 6; n++)
    {
      if ((criteria & (1u << n)) == 0)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ',');
      g_string_append_printf (s, "%d", n);
    }
  return g_string_free (s, FALSE);
}

/* Short names of the criteria (RULES.md "Eligibility"), for lists and headings. */
const char *
jp_criterion_short_label (int criterion)
{
  switch (criterion)
    {
    case 1:
      return C_("criterion", "Honours");
    case 2:
      return C_("criterion", "Skill competitions");
    case 3:
      return C_("criterion", "Science and technology awards");
    case 4:
      return C_("criterion", "Innovation and key problems");
    case 5:
      return C_("criterion", "Unique skills and crafts");
    case 6:
      return C_("criterion", "Major projects");
    default:
      return "";
    }
}

char *
jp_criteria_describe (guint criteria)
{
  GString *s = g_string_new (NULL);

  for (int n = 1; n <= 6; n++)
    {
      if ((criteria & (1u << n)) == 0)
        continue;
      if (s->len > 0)
        /* TRANSLATORS: between two criteria in a list */
        g_string_append (s, C_("criteria", ", "));
      /* TRANSLATORS: a criterion's number and short name: "2 Skill competitions" */
      g_string_append_printf (s, C_("criteria", "%d %s"), n, jp_criterion_short_label (n));
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == ',' || c == ';' || c == '/' || c == '|' ||
         c == 0x3001 /* 、 */ || c == 0xFF0C /* ， */ || c == 0xFF1B /* ； */ ||
         c == 0xFF0F /* ／ */ || c == '+' || c == '.' || c == 0x3002 /* 。 */;
}

/* Parses a criteria list. An empty or blank string gives 0. Accepts ASCII and full-width
 * digits, circled digits ①..⑥ and an optional "条件" prefix before each number. */
gboolean
jp_criteria_from_string (const char *s,
                         guint      *criteria,
                         GError    **error)
{
  guint bits = 0;
  const char *p;

  g_return_val_if_fail (criteria != NULL, FALSE);

  *criteria = 0;
  if (s == NULL)
    return TRUE;
  if (!g_utf8_validate (s, -1, NULL))
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The criteria list is not valid text; write criterion numbers 1 to 6, "
                     "for example “1,4”."));
      return FALSE;
    }

  p = s;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;
      int value = -1;

      if (is_separator (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (g_str_has_prefix (p, "条件"))
        {
          p += strlen ("条件");
          continue;
        }
      if (c >= 0x2460 && c <= 0x2473)        /* ① .. ⑳ */
        {
          value = (int) (c - 0x2460) + 1;
          p = g_utf8_next_char (p);
        }
      else if (g_unichar_isdigit (c))
        {
          value = 0;
          while (*p != '\0' && g_unichar_isdigit (g_utf8_get_char (p)))
            {
              value = value * 10 + g_unichar_digit_value (g_utf8_get_char (p));
              if (value > 1000)
                value = 1000;
              p = g_utf8_next_char (p);
            }
        }
      else
        {
          const char *end = p;
          g_autofree char *bad = NULL;

          while (*end != '\0' && !is_separator (g_utf8_get_char (end)))
            end = g_utf8_next_char (end);
          bad = g_strndup (start, end - start);
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("“%s” in the criteria list “%s” is not a criterion number; "
                         "write numbers 1 to 6, for example “1,4”."), bad, s);
          return FALSE;
        }

      if (value < 1 || value > 6)
        {
          g_autofree char *bad = g_strndup (start, p - start);

          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("“%s” in the criteria list “%s” is not a criterion number; "
                         "write numbers 1 to 6, for example “1,4”."), bad, s);
          return FALSE;
        }
      bits |= 1u << value;
    }

  *criteria = bits;
  return TRUE;
}

/* Recomputes the attachment counts from `documents`; leaves them untouched when it is NULL. */
void
jp_candidate_update_counts (JpCandidate *self)
{
  g_return_if_fail (JP_IS_CANDIDATE (self));

  if (self->documents == NULL)
    return;

  self->n_photos = 0;
  self->n_evidence = 0;
  self->n_evidence_pages = 0;
  self->has_no_criminal_record = FALSE;

  for (guint i = 0; i < self->documents->len; i++)
    {
      const JpDocumentRef *ref = g_ptr_array_index (self->documents, i);

      switch (ref->kind)
        {
        case JP_DOC_PHOTO:
          self->n_photos++;
          break;
        case JP_DOC_EVIDENCE:
          self->n_evidence++;
          self->n_evidence_pages += MAX (ref->pages, 0);
          break;
        case JP_DOC_NO_CRIMINAL_RECORD:
          self->has_no_criminal_record = TRUE;
          break;
        default:
          break;
        }
    }
}

/* Splits `s` into up to three groups of ASCII digits separated by -, ., /, 年, 月, 日 or
 * spaces. A single group of 6 or 8 digits is split as YYYYMM(DD). Returns the number of
 * parts found (1 to 3) or 0 when `s` holds anything else. */
static guint
split_date (const char *s,
            int         parts[3])
{
  int groups[4] = { 0 };
  int lengths[4] = { 0 };
  guint n = 0;
  gboolean in_group = FALSE;
  const char *p;

  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    return 0;

  for (p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          if (!in_group)
            {
              if (n == 4)
                return 0;
              n++;
              in_group = TRUE;
            }
          if (lengths[n - 1] >= 8)
            return 0;
          groups[n - 1] = groups[n - 1] * 10 + (int) (c - '0');
          lengths[n - 1]++;
        }
      else if (c == '-' || c == '.' || c == '/' || c == 0x5E74 /* 年 */ ||
               c == 0x6708 /* 月 */ || c == 0x65E5 /* 日 */ || g_unichar_isspace (c) ||
               c == 0xFF0E /* ． */ || c == 0xFF0D /* － */)
        in_group = FALSE;
      else
        return 0;
    }

  if (n == 1 && lengths[0] == 6)
    {
      parts[0] = groups[0] / 100;
      parts[1] = groups[0] % 100;
      return 2;
    }
  if (n == 1 && lengths[0] == 8)
    {
      parts[0] = groups[0] / 10000;
      parts[1] = groups[0] / 100 % 100;
      parts[2] = groups[0] % 100;
      return 3;
    }
  if (n < 2 || n > 3 || lengths[0] != 4 || lengths[1] > 2 || (n == 3 && lengths[2] > 2))
    return 0;
  for (guint i = 0; i < n; i++)
    parts[i] = groups[i];
  return n;
}

char *
jp_text_fold (const char *s)
{
  g_autofree char *valid = NULL;
  char *nfkc;

  g_return_val_if_fail (s != NULL, NULL);

  valid = g_utf8_make_valid (s, -1);
  nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    nfkc = g_steal_pointer (&valid);
  return g_strstrip (nfkc);
}

char *
jp_name_normalize (const char *s)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (s != NULL, NULL);

  folded = jp_text_fold (s);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space && out->len > 0 && c < 0x2E80
          && (guchar) out->str[out->len - 1] < 0x80)
        g_string_append_c (out, ' ');
      else if (pending_space && out->len > 0 && c < 0x2E80)
        {
          /* after a Chinese character: keep the space only before Latin letters */
          const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

          if (last != NULL && g_utf8_get_char (last) < 0x2E80)
            g_string_append_c (out, ' ');
        }
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
jp_month_normalize (const char *s)
{
  int parts[3] = { 0 };
  g_autofree char *folded = s != NULL ? jp_text_fold (s) : NULL;
  guint n = split_date (folded, parts);

  if (n < 2 || parts[0] < 1900 || parts[0] > 2100 || parts[1] < 1 || parts[1] > 12)
    return NULL;
  return g_strdup_printf ("%04d-%02d", parts[0], parts[1]);
}

char *
jp_date_normalize (const char *s)
{
  int parts[3] = { 0 };
  g_autofree char *folded = s != NULL ? jp_text_fold (s) : NULL;
  guint n = split_date (folded, parts);

  if (n != 3 || parts[0] < 1900 || parts[0] > 2100 ||
      !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", parts[0], parts[1], parts[2]);
}

gboolean
jp_name_is_near (const char *a,
                 const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  glong la = 0, lb = 0, i = 0;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  na = jp_name_normalize (a);
  nb = jp_name_normalize (b);
  ua = g_utf8_to_ucs4_fast (na, -1, &la);
  ub = g_utf8_to_ucs4_fast (nb, -1, &lb);
  if (la < 2 || lb < 2 || ABS (la - lb) > 1)
    return FALSE;
  if (la < lb)
    {
      gunichar *tu = ua;
      glong tl = la;

      ua = ub;
      la = lb;
      ub = tu;
      lb = tl;
    }
  while (i < lb && ua[i] == ub[i])
    i++;
  if (i == la)
    return FALSE;   /* equal */
  if (la == lb)   /* one changed: the rest is equal */
    return memcmp (ua + i + 1, ub + i + 1, (la - i - 1) * sizeof (gunichar)) == 0;
  /* `a` one longer: dropping its character i leaves `b` */
  return memcmp (ua + i + 1, ub + i, (lb - i) * sizeof (gunichar)) == 0;
}
