/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

/* `n` Chinese characters (3 bytes each in UTF-8). */
static char *
chinese_text (guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, i % 2 ? "匠" : "心");
  return g_string_free (s, FALSE);
}

static void
add_doc (JpCandidate *c,
         JpDocKind    kind,
         int          criterion,
         const char  *filename)
{
  JpDocumentRef *ref = jp_document_ref_new ();

  ref->kind = kind;
  ref->criterion = criterion;
  ref->filename = g_strdup (filename);
  ref->mime = g_strdup (kind == JP_DOC_PHOTO ? "image/jpeg" : "application/pdf");
  ref->pages = kind == JP_DOC_PHOTO ? 1 : 2;
  g_ptr_array_add (c->documents, ref);
}

/* A candidate on which no rule fires. */
static JpCandidate *
good_candidate (void)
{
  JpCandidate *c = jp_candidate_new ();

  c->name = g_strdup ("王建华");
  c->sex = JP_SEX_MALE;
  c->ethnicity = g_strdup ("汉族");
  c->birth = g_strdup ("1978-04");
  c->political = g_strdup ("中共党员");
  c->education = g_strdup ("大专");
  c->work_start = g_strdup ("1997-07");
  c->id_number = g_strdup ("150202197804120314");
  c->employer = g_strdup ("包头某稀土新材料有限公司");
  c->position = g_strdup ("冶炼车间班长");
  c->work_type = g_strdup ("稀土冶炼工");
  c->years_in_trade = 26;
  c->skill_level = g_strdup ("高级技师");
  c->phone = g_strdup ("13800000000");
  c->union_member = JP_TRISTATE_YES;
  c->criteria = (1u << 1) | (1u << 4);
  c->honours = g_strdup ("2019年获包头市五一劳动奖章");
  c->summary = chinese_text (300);
  c->deeds = chinese_text (2000);
  c->unit = g_strdup ("包头市稀土高新区总工会");
  c->route = JP_ROUTE_UNIT;
  c->trade = g_strdup ("稀土");
  c->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_ref_free);
  add_doc (c, JP_DOC_PHOTO, 0, "photos/1.jpg");
  add_doc (c, JP_DOC_PHOTO, 0, "photos/2.jpg");
  add_doc (c, JP_DOC_PHOTO, 0, "photos/3.jpg");
  add_doc (c, JP_DOC_EVIDENCE, 1, "evidence/劳模证书.pdf");
  add_doc (c, JP_DOC_NO_CRIMINAL_RECORD, 0, "evidence/无犯罪记录证明.pdf");
  jp_candidate_update_counts (c);
  return c;
}

static const JpFinding *
find (GPtrArray  *findings,
      const char *code,
      const char *field)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const JpFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->code, code) && (field == NULL || g_strcmp0 (f->field, field) == 0))
        return f;
    }
  return NULL;
}

static guint
count_code (GPtrArray  *findings,
            const char *code)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (((const JpFinding *) g_ptr_array_index (findings, i))->code, code))
      n++;
  return n;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
test_good (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  JpValidationContext ctx = { .unit_nominations = 1 };
  g_autoptr(GPtrArray) findings = jp_validate_candidate (c, &ctx);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("unexpected: %s", ((JpFinding *) findings->pdata[i])->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_required (void)
{
  static const struct { const char *field; gsize offset; JpSeverity severity; } fields[] = {
    { "name", G_STRUCT_OFFSET (JpCandidate, name), JP_SEVERITY_ERROR },
    { "id_number", G_STRUCT_OFFSET (JpCandidate, id_number), JP_SEVERITY_ERROR },
    { "unit", G_STRUCT_OFFSET (JpCandidate, unit), JP_SEVERITY_ERROR },
    { "trade", G_STRUCT_OFFSET (JpCandidate, trade), JP_SEVERITY_ERROR },
    { "ethnicity", G_STRUCT_OFFSET (JpCandidate, ethnicity), JP_SEVERITY_WARNING },
    { "birth", G_STRUCT_OFFSET (JpCandidate, birth), JP_SEVERITY_WARNING },
    { "political", G_STRUCT_OFFSET (JpCandidate, political), JP_SEVERITY_WARNING },
    { "education", G_STRUCT_OFFSET (JpCandidate, education), JP_SEVERITY_WARNING },
    { "work_start", G_STRUCT_OFFSET (JpCandidate, work_start), JP_SEVERITY_WARNING },
    { "employer", G_STRUCT_OFFSET (JpCandidate, employer), JP_SEVERITY_WARNING },
    { "position", G_STRUCT_OFFSET (JpCandidate, position), JP_SEVERITY_WARNING },
    { "work_type", G_STRUCT_OFFSET (JpCandidate, work_type), JP_SEVERITY_WARNING },
    { "skill_level", G_STRUCT_OFFSET (JpCandidate, skill_level), JP_SEVERITY_WARNING },
    { "phone", G_STRUCT_OFFSET (JpCandidate, phone), JP_SEVERITY_WARNING },
    { "honours", G_STRUCT_OFFSET (JpCandidate, honours), JP_SEVERITY_WARNING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(JpCandidate) c = good_candidate ();
      g_autoptr(GPtrArray) findings = NULL;
      char **member = &G_STRUCT_MEMBER (char *, c, fields[i].offset);
      const JpFinding *f;

      /* blank counts as missing */
      g_free (*member);
      *member = g_strdup (i % 2 ? "  " : "");
      findings = jp_validate_candidate (c, NULL);
      f = find (findings, "required-missing", fields[i].field);
      g_assert_nonnull (f);
      g_assert_cmpint (f->severity, ==, fields[i].severity);
      g_assert_cmpuint (count_code (findings, "required-missing"), ==, 1);
      g_assert_cmpuint (findings->len, ==, 1);
    }

  {
    g_autoptr(JpCandidate) c = good_candidate ();
    g_autoptr(GPtrArray) findings = NULL;

    c->sex = JP_SEX_UNKNOWN;
    c->route = JP_ROUTE_UNKNOWN;
    findings = jp_validate_candidate (c, NULL);
    g_assert_cmpint (find (findings, "required-missing", "sex")->severity, ==,
                     JP_SEVERITY_ERROR);
    g_assert_cmpint (find (findings, "required-missing", "route")->severity, ==,
                     JP_SEVERITY_ERROR);
    g_assert_cmpuint (findings->len, ==, 2);
  }
}

static void
test_id_invalid (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) findings = NULL;
  const JpFinding *f;

  g_free (c->id_number);
  c->id_number = g_strdup ("15020219780412031X");
  findings = jp_validate_candidate (c, NULL);
  f = find (findings, "id-number-invalid", "id_number");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_ERROR);
  assert_contains (f->message, "15020219780412031X");
  /* nothing can be compared with an invalid number */
  g_assert_null (find (findings, "birth-mismatch", NULL));
  g_assert_cmpuint (findings->len, ==, 1);
}

static void
test_birth_mismatch (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) same = NULL;
  const JpFinding *f;

  g_free (c->birth);
  c->birth = g_strdup ("1978-05");
  findings = jp_validate_candidate (c, NULL);
  f = find (findings, "birth-mismatch", "birth");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_ERROR);
  assert_contains (f->message, "1978-05");
  assert_contains (f->message, "1978-04");
  g_assert_cmpuint (findings->len, ==, 1);

  /* the same month written another way agrees */
  g_free (c->birth);
  c->birth = g_strdup ("1978年4月");
  same = jp_validate_candidate (c, NULL);
  g_assert_cmpuint (same->len, ==, 0);
}

static void
test_sex_mismatch (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) findings = NULL;
  const JpFinding *f;

  c->sex = JP_SEX_FEMALE;
  findings = jp_validate_candidate (c, NULL);
  f = find (findings, "sex-mismatch", "sex");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_ERROR);
  assert_contains (f->message, "150202197804120314");
  g_assert_cmpuint (findings->len, ==, 1);
}

static void
check_text_length (gsize       offset,
                   guint       n,
                   const char *expected_code,
                   const char *other_code)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) findings = NULL;
  char **member = &G_STRUCT_MEMBER (char *, c, offset);
  g_autofree char *count = g_strdup_printf ("%u", n);

  g_free (*member);
  *member = chinese_text (n);
  findings = jp_validate_candidate (c, NULL);
  g_assert_null (find (findings, other_code, NULL));
  if (expected_code == NULL)
    {
      g_assert_cmpuint (findings->len, ==, 0);
      return;
    }
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((JpFinding *) findings->pdata[0])->code, ==, expected_code);
  g_assert_cmpint (((JpFinding *) findings->pdata[0])->severity, ==, JP_SEVERITY_WARNING);
  assert_contains (((JpFinding *) findings->pdata[0])->message, count);
}

static void
test_summary_length (void)
{
  gsize off = G_STRUCT_OFFSET (JpCandidate, summary);

  check_text_length (off, 199, "summary-short", "summary-long");
  check_text_length (off, 200, NULL, "summary-short");
  check_text_length (off, 400, NULL, "summary-long");
  check_text_length (off, 401, "summary-long", "summary-short");
  check_text_length (off, 0, "summary-short", "summary-long");
}

static void
test_deeds_length (void)
{
  gsize off = G_STRUCT_OFFSET (JpCandidate, deeds);

  check_text_length (off, 1499, "deeds-short", "deeds-long");
  check_text_length (off, 1500, NULL, "deeds-short");
  check_text_length (off, 2500, NULL, "deeds-long");
  check_text_length (off, 2501, "deeds-long", "deeds-short");
}

static void
test_photos (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) counted = NULL;
  const JpFinding *f;

  three = jp_validate_candidate (c, NULL);
  g_assert_null (find (three, "photos-few", NULL));

  g_ptr_array_remove_index (c->documents, 0);
  two = jp_validate_candidate (c, NULL);
  f = find (two, "photos-few", "photos");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_WARNING);
  assert_contains (f->message, "2");
  assert_contains (f->message, "3");

  /* list views have no documents, only the counts */
  g_clear_pointer (&c->documents, g_ptr_array_unref);
  c->n_photos = 1;
  c->has_no_criminal_record = TRUE;
  counted = jp_validate_candidate (c, NULL);
  g_assert_nonnull (find (counted, "photos-few", NULL));
  assert_contains (find (counted, "photos-few", NULL)->message, "1");
  g_assert_null (find (counted, "no-criminal-record-missing", NULL));
}

static void
test_no_criminal_record (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) findings = NULL;
  const JpFinding *f;

  g_ptr_array_remove_index (c->documents, 4);
  findings = jp_validate_candidate (c, NULL);
  f = find (findings, "no-criminal-record-missing", NULL);
  g_assert_nonnull (f);
  /* a missing document, not an exclusion */
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_WARNING);
  g_assert_cmpuint (findings->len, ==, 1);
}

static void
check_unit (guint       nominations,
            gboolean    pilot,
            guint       explicit_limit,
            const char *expected_limit)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  JpValidationContext ctx = { nominations, pilot, explicit_limit };
  g_autoptr(GPtrArray) findings = jp_validate_candidate (c, &ctx);
  const JpFinding *f = find (findings, "unit-over-limit", "unit");
  g_autofree char *count = g_strdup_printf ("%u", nominations);

  if (expected_limit == NULL)
    {
      g_assert_null (f);
      g_assert_cmpuint (findings->len, ==, 0);
      return;
    }
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_WARNING);
  assert_contains (f->message, "包头市稀土高新区总工会");
  assert_contains (f->message, count);
  assert_contains (f->message, expected_limit);
}

static void
test_unit_limit (void)
{
  check_unit (3, FALSE, 0, NULL);
  check_unit (4, FALSE, 0, "3");
  check_unit (4, TRUE, 0, NULL);
  check_unit (5, TRUE, 0, NULL);
  check_unit (6, TRUE, 0, "5");
  check_unit (2, FALSE, 1, "1");
  g_assert_cmpuint (jp_unit_nomination_limit (FALSE, 0), ==, 3);
  g_assert_cmpuint (jp_unit_nomination_limit (TRUE, 0), ==, 5);
  g_assert_cmpuint (jp_unit_nomination_limit (TRUE, 4), ==, 4);
}

static void
test_union_member (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) no = NULL;
  g_autoptr(GPtrArray) unknown = NULL;

  c->union_member = JP_TRISTATE_NO;
  no = jp_validate_candidate (c, NULL);
  g_assert_nonnull (find (no, "not-union-member", "union_member"));
  g_assert_cmpint (find (no, "not-union-member", NULL)->severity, ==, JP_SEVERITY_WARNING);
  g_assert_cmpuint (no->len, ==, 1);

  c->union_member = JP_TRISTATE_UNKNOWN;
  unknown = jp_validate_candidate (c, NULL);
  g_assert_null (find (unknown, "not-union-member", NULL));
}

static void
test_criteria_none (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) findings = NULL;

  c->criteria = 0;
  findings = jp_validate_candidate (c, NULL);
  g_assert_nonnull (find (findings, "criteria-none", "criteria"));
  g_assert_cmpint (find (findings, "criteria-none", NULL)->severity, ==, JP_SEVERITY_WARNING);
  g_assert_cmpuint (findings->len, ==, 1);
}

static void
test_evidence_untagged (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(GPtrArray) findings = NULL;
  const JpFinding *f;

  add_doc (c, JP_DOC_EVIDENCE, 0, "evidence/专利证书.pdf");
  findings = jp_validate_candidate (c, NULL);
  f = find (findings, "evidence-untagged", "evidence");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_WARNING);
  assert_contains (f->message, "evidence/专利证书.pdf");
  g_assert_cmpuint (findings->len, ==, 1);
}

static void
test_order (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  JpValidationContext ctx = { 9, FALSE, 0 };
  GPtrArray *findings;  /* owned by c */
  static const char * const expected[][2] = {
    { "name", "required-missing" },
    { "sex", "sex-mismatch" },
    { "ethnicity", "required-missing" },
    { "birth", "birth-mismatch" },
    { "summary", "summary-short" },
    { "unit", "required-missing" },
    { "unit", "unit-over-limit" },
    { "photos", "photos-few" },
  };

  g_clear_pointer (&c->name, g_free);
  g_clear_pointer (&c->ethnicity, g_free);
  g_clear_pointer (&c->unit, g_free);
  g_free (c->summary);
  c->summary = chinese_text (10);
  g_free (c->birth);
  c->birth = g_strdup ("1979-04");
  c->sex = JP_SEX_FEMALE;
  g_ptr_array_remove_index (c->documents, 0);

  jp_candidate_validate_in_place (c, &ctx);
  findings = c->findings;
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      const JpFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpstr (f->field, ==, expected[i][0]);
      g_assert_cmpstr (f->code, ==, expected[i][1]);
    }
  /* errors before warnings within the unit field */
  g_assert_cmpint (((JpFinding *) findings->pdata[5])->severity, ==, JP_SEVERITY_ERROR);
  g_assert_cmpint (((JpFinding *) findings->pdata[6])->severity, ==, JP_SEVERITY_WARNING);
  g_assert_cmpuint (jp_candidate_count_findings (c, JP_SEVERITY_ERROR), ==, 4);
  g_assert_cmpuint (jp_candidate_count_findings (c, JP_SEVERITY_WARNING), ==, 4);
}

/* Lengths count characters, not bytes, and leave out the blanks around the text. */
static void
test_count_chars (void)
{
  g_assert_cmpint (jp_text_count_chars (NULL), ==, 0);
  g_assert_cmpint (jp_text_count_chars ("  "), ==, 0);
  g_assert_cmpint (jp_text_count_chars ("匠心独运"), ==, 4);
  g_assert_cmpint (jp_text_count_chars ("  匠心 ok \n"), ==, 5);
  g_assert_cmpint (jp_text_count_chars ("\xff\xfe"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/validate/good", test_good);
  g_test_add_func ("/core/validate/required-missing", test_required);
  g_test_add_func ("/core/validate/id-number-invalid", test_id_invalid);
  g_test_add_func ("/core/validate/birth-mismatch", test_birth_mismatch);
  g_test_add_func ("/core/validate/sex-mismatch", test_sex_mismatch);
  g_test_add_func ("/core/validate/summary-length", test_summary_length);
  g_test_add_func ("/core/validate/deeds-length", test_deeds_length);
  g_test_add_func ("/core/validate/photos-few", test_photos);
  g_test_add_func ("/core/validate/no-criminal-record-missing", test_no_criminal_record);
  g_test_add_func ("/core/validate/unit-over-limit", test_unit_limit);
  g_test_add_func ("/core/validate/not-union-member", test_union_member);
  g_test_add_func ("/core/validate/criteria-none", test_criteria_none);
  g_test_add_func ("/core/validate/evidence-untagged", test_evidence_untagged);
  g_test_add_func ("/core/validate/order", test_order);
  g_test_add_func ("/core/validate/count-chars", test_count_chars);

  return g_test_run ();
}
