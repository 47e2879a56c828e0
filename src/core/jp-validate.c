/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-id-number.h"
#include "jp-validate.h"

/* Field order of the findings: the order of the 推荐审批表, then nomination, then files. */
static const char * const field_order[] = {
  "name", "sex", "ethnicity", "birth", "political", "education", "work_start", "id_number",
  "employer", "position", "work_type", "years_in_trade", "skill_level", "phone",
  "union_member", "criteria", "honours", "summary", "deeds", "fill_date",
  "unit", "route", "trade", "photos", "evidence", "documents", NULL
};

typedef struct {
  const char *field;
  const char *label;      /* untranslated; translated when used */
  gsize       offset;     /* of the char* member in JpCandidate */
  JpSeverity  severity;
} TextField;

#define TEXT_FIELD(f, l, s) { #f, l, G_STRUCT_OFFSET (JpCandidate, f), s }

static const TextField text_fields[] = {
  TEXT_FIELD (name, N_("Name"), JP_SEVERITY_ERROR),
  TEXT_FIELD (ethnicity, N_("Ethnicity"), JP_SEVERITY_WARNING),
  TEXT_FIELD (birth, N_("Date of birth"), JP_SEVERITY_WARNING),
  TEXT_FIELD (political, N_("Political affiliation"), JP_SEVERITY_WARNING),
  TEXT_FIELD (education, N_("Education"), JP_SEVERITY_WARNING),
  TEXT_FIELD (work_start, N_("Start of employment"), JP_SEVERITY_WARNING),
  TEXT_FIELD (id_number, N_("ID number"), JP_SEVERITY_ERROR),
  TEXT_FIELD (employer, N_("Employer"), JP_SEVERITY_WARNING),
  TEXT_FIELD (position, N_("Post or position"), JP_SEVERITY_WARNING),
  TEXT_FIELD (work_type, N_("Work type"), JP_SEVERITY_WARNING),
  TEXT_FIELD (skill_level, N_("Skill level or professional title"), JP_SEVERITY_WARNING),
  TEXT_FIELD (phone, N_("Phone number"), JP_SEVERITY_WARNING),
  TEXT_FIELD (honours, N_("Main honours"), JP_SEVERITY_WARNING),
  TEXT_FIELD (unit, N_("Nominating unit"), JP_SEVERITY_ERROR),
  TEXT_FIELD (trade, N_("Trade group"), JP_SEVERITY_ERROR),
};

static guint
field_rank (const char *field)
{
  guint i;

  for (i = 0; field_order[i] != NULL; i++)
    if (g_strcmp0 (field_order[i], field) == 0)
      return i;
  return i;
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

glong
jp_text_count_chars (const char *s)
{
  g_autofree char *copy = NULL;

  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    return 0;
  copy = g_strstrip (g_strdup (s));
  return g_utf8_strlen (copy, -1);
}

static void
add_missing (GPtrArray  *out,
             JpSeverity  severity,
             const char *field,
             const char *label)
{
  if (severity == JP_SEVERITY_ERROR)
    g_ptr_array_add (out, jp_finding_new (severity, "required-missing", field,
                                          _("“%s” is empty; it is required, fill it in before "
                                            "the review."), _(label)));
  else
    g_ptr_array_add (out, jp_finding_new (severity, "required-missing", field,
                                          _("“%s” on the nomination form is empty; fill it "
                                            "in."), _(label)));
}

static void
check_required (JpCandidate *c,
                GPtrArray   *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const TextField *f = &text_fields[i];
      const char *value = G_STRUCT_MEMBER (const char *, c, f->offset);

      if (is_blank (value))
        add_missing (out, f->severity, f->field, f->label);
    }
  if (c->sex == JP_SEX_UNKNOWN)
    add_missing (out, JP_SEVERITY_ERROR, "sex", N_("Sex"));
  if (c->route == JP_ROUTE_UNKNOWN)
    add_missing (out, JP_SEVERITY_ERROR, "route", N_("Nomination route"));
}

static void
check_id_number (JpCandidate *c,
                 GPtrArray   *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *form_birth = NULL;
  JpIdInfo info = { 0 };

  if (is_blank (c->id_number))
    return;

  if (!jp_id_number_parse (c->id_number, &info, &error))
    {
      g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_ERROR, "id-number-invalid", "id_number",
                                            "%s", error->message));
      return;
    }

  if (!is_blank (c->birth))
    {
      form_birth = jp_month_normalize (c->birth);
      if (form_birth == NULL)
        g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "birth-invalid", "birth",
                                              _("The date of birth “%s” is not a month; write "
                                                "it as YYYY-MM, for example 1978-04."),
                                              c->birth));
      else
        {
          g_autofree char *id_birth = g_strdup_printf ("%04d-%02d", info.year, info.month);

          if (g_strcmp0 (id_birth, form_birth) != 0)
            g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_ERROR, "birth-mismatch", "birth",
                                                  _("The form gives the date of birth %s, but "
                                                    "the ID number %s says %s; correct "
                                                    "whichever is wrong."),
                                                  form_birth, c->id_number, id_birth));
        }
    }

  if (c->sex != JP_SEX_UNKNOWN && c->sex != info.sex)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_ERROR, "sex-mismatch", "sex",
                                          _("The form gives the sex as %s, but the ID number "
                                            "%s belongs to a %s holder; correct whichever is "
                                            "wrong."),
                                          jp_sex_label (c->sex), c->id_number,
                                          jp_sex_label (info.sex)));
}

static void
check_length (GPtrArray  *out,
              const char *text,
              const char *field,
              glong       min,
              glong       max,
              const char *code_short,
              const char *code_long)
{
  glong n = jp_text_count_chars (text);
  gboolean summary = g_str_equal (field, "summary");

  if (n < min)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, code_short, field,
                                          summary
                                          ? ngettext ("The summary of deeds has %ld character; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "for a fuller text.",
                                                      "The summary of deeds has %ld characters; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "for a fuller text.", n)
                                          : ngettext ("The deeds material has %ld character; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "for a fuller text.",
                                                      "The deeds material has %ld characters; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "for a fuller text.", n),
                                          n, min, max));
  else if (n > max)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, code_long, field,
                                          summary
                                          ? ngettext ("The summary of deeds has %ld character; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "to shorten it.",
                                                      "The summary of deeds has %ld characters; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "to shorten it.", n)
                                          : ngettext ("The deeds material has %ld character; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "to shorten it.",
                                                      "The deeds material has %ld characters; "
                                                      "it should have %ld to %ld. Ask the unit "
                                                      "to shorten it.", n),
                                          n, min, max));
}

static void
check_documents (JpCandidate *c,
                 GPtrArray   *out)
{
  guint n_photos = c->n_photos;
  gboolean has_ncr = c->has_no_criminal_record;

  if (c->documents != NULL)
    {
      n_photos = 0;
      has_ncr = FALSE;
      for (guint i = 0; i < c->documents->len; i++)
        {
          const JpDocumentRef *ref = g_ptr_array_index (c->documents, i);

          if (ref->kind == JP_DOC_PHOTO)
            n_photos++;
          else if (ref->kind == JP_DOC_NO_CRIMINAL_RECORD)
            has_ncr = TRUE;
          else if (ref->kind == JP_DOC_EVIDENCE && ref->criterion == 0)
            g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "evidence-untagged",
                                                  "evidence",
                                                  _("The evidence file “%s” is not tagged with "
                                                    "the criterion it supports; tag it with a "
                                                    "criterion from 1 to 6."),
                                                  ref->filename ? ref->filename : "?"));
        }
    }

  if (n_photos < JP_MIN_PHOTOS)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "photos-few", "photos",
                                          ngettext ("The dossier has %u work photo; at least %d "
                                                    "are required. Ask the unit for more.",
                                                    "The dossier has %u work photos; at least %d "
                                                    "are required. Ask the unit for more.",
                                                    n_photos),
                                          n_photos, JP_MIN_PHOTOS));
  if (!has_ncr)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "no-criminal-record-missing",
                                          "documents",
                                          _("Missing document: the no-criminal-record "
                                            "certificate is not in the dossier; ask the unit "
                                            "to supply it.")));
}

/* Stable: findings keep their insertion order within a field and severity. */
static void
sort_findings (GPtrArray *findings)
{
  for (guint i = 1; i < findings->len; i++)
    {
      JpFinding *f = findings->pdata[i];
      guint rank = field_rank (f->field);
      guint j = i;

      while (j > 0)
        {
          JpFinding *prev = findings->pdata[j - 1];
          guint prev_rank = field_rank (prev->field);

          if (prev_rank < rank || (prev_rank == rank && prev->severity >= f->severity))
            break;
          findings->pdata[j] = prev;
          j--;
        }
      findings->pdata[j] = f;
    }
}

/**
 * jp_validate_candidate:
 * Runs the intake rules of RULES.md. `context` may be NULL (the unit limit is then not
 * checked). Photos, untagged evidence and the no-criminal-record certificate are taken from
 * `documents` when it is set, else from the counts.
 * Returns: (transfer full): JpFinding*, ordered by field, errors first within a field.
 */
GPtrArray *
jp_validate_candidate (JpCandidate               *candidate,
                       const JpValidationContext *context)
{
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (JP_IS_CANDIDATE (candidate), NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);

  check_required (candidate, out);
  check_id_number (candidate, out);

  if (candidate->union_member == JP_TRISTATE_NO)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "not-union-member",
                                          "union_member",
                                          _("The candidate is not a union member; candidates "
                                            "are normally union members, the reviewer "
                                            "decides.")));

  if ((candidate->criteria & 0x7E) == 0)
    g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "criteria-none", "criteria",
                                          _("The nomination claims no selection criterion; "
                                            "record which of criteria 1 to 6 the candidate "
                                            "meets.")));

  check_length (out, candidate->summary, "summary", JP_SUMMARY_MIN, JP_SUMMARY_MAX,
                "summary-short", "summary-long");
  check_length (out, candidate->deeds, "deeds", JP_DEEDS_MIN, JP_DEEDS_MAX,
                "deeds-short", "deeds-long");

  if (context != NULL)
    {
      guint limit = jp_unit_nomination_limit (context->unit_is_pilot, context->unit_limit);

      if (context->unit_nominations > limit)
        g_ptr_array_add (out, jp_finding_new (JP_SEVERITY_WARNING, "unit-over-limit", "unit",
                                              _("The unit “%s” has nominated %u candidates, "
                                                "more than its limit of %u; the reviewer "
                                                "decides which to keep."),
                                              candidate->unit ? candidate->unit : "",
                                              context->unit_nominations, limit));
    }

  check_documents (candidate, out);
  sort_findings (out);

  return g_steal_pointer (&out);
}

/* Like jp_validate_candidate(), replacing candidate->findings with the result. */
void
jp_candidate_validate_in_place (JpCandidate               *candidate,
                                const JpValidationContext *context)
{
  GPtrArray *findings;

  g_return_if_fail (JP_IS_CANDIDATE (candidate));

  findings = jp_validate_candidate (candidate, context);
  g_clear_pointer (&candidate->findings, g_ptr_array_unref);
  candidate->findings = findings;
}

guint
jp_unit_nomination_limit (gboolean is_pilot,
                          guint    explicit_limit)
{
  if (explicit_limit > 0)
    return explicit_limit;
  return is_pilot ? JP_PILOT_UNIT_LIMIT : JP_UNIT_LIMIT;
}
