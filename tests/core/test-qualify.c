/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-qualify"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

#define SHA_PATENT "aa00000000000000000000000000000000000000000000000000000000000001"
#define SHA_AWARD  "bb00000000000000000000000000000000000000000000000000000000000002"
#define SHA_PHOTO  "cc00000000000000000000000000000000000000000000000000000000000003"
#define SHA_OTHER  "dd00000000000000000000000000000000000000000000000000000000000004"
#define SHA_NCR    "ee00000000000000000000000000000000000000000000000000000000000005"

static void
add_doc (JpCandidate *c,
         JpDocKind    kind,
         const char  *sha256)
{
  JpDocumentRef *ref = jp_document_ref_new ();

  ref->kind = kind;
  ref->sha256 = g_strdup (sha256);
  ref->filename = g_strdup ("evidence/file.pdf");
  g_ptr_array_add (c->documents, ref);
}

/* A candidate with two evidence files, a photo and the no-criminal-record certificate, who
 * is a union member: no warning fires. */
static JpCandidate *
good_candidate (void)
{
  JpCandidate *c = jp_candidate_new ();

  c->id = 17;
  c->name = g_strdup ("王师傅");
  c->union_member = JP_TRISTATE_YES;
  c->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_ref_free);
  add_doc (c, JP_DOC_EVIDENCE, SHA_PATENT);
  add_doc (c, JP_DOC_EVIDENCE, SHA_AWARD);
  add_doc (c, JP_DOC_PHOTO, SHA_PHOTO);
  add_doc (c, JP_DOC_NO_CRIMINAL_RECORD, SHA_NCR);
  jp_candidate_update_counts (c);
  c->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  return c;
}

static JpReview *
qualified_review (void)
{
  JpReview *r = jp_review_new (17);

  jp_review_link_evidence (r, 2, SHA_AWARD);
  jp_review_link_evidence (r, 5, SHA_PATENT);
  r->decision = JP_REVIEW_DECISION_QUALIFIED;
  return r;
}

static const char *
codes_of (GPtrArray *findings)
{
  static char buf[512];

  buf[0] = '\0';
  for (guint i = 0; i < findings->len; i++)
    {
      g_strlcat (buf, ((JpFinding *) findings->pdata[i])->code, sizeof buf);
      g_strlcat (buf, " ", sizeof buf);
    }
  return buf;
}

static void
test_keys (void)
{
  gboolean ok;

  g_assert_cmpstr (jp_review_decision_to_key (JP_REVIEW_DECISION_NONE), ==, "pending");
  g_assert_cmpstr (jp_review_decision_to_key (JP_REVIEW_DECISION_QUALIFIED), ==, "qualified");
  g_assert_cmpstr (jp_review_decision_to_key (JP_REVIEW_DECISION_RETURNED), ==, "returned");
  g_assert_cmpint (jp_review_decision_from_string (" returned ", &ok), ==,
                   JP_REVIEW_DECISION_RETURNED);
  g_assert_true (ok);
  g_assert_cmpint (jp_review_decision_from_string ("Qualified", &ok), ==,
                   JP_REVIEW_DECISION_QUALIFIED);
  g_assert_true (ok);
  jp_review_decision_from_string ("maybe", &ok);
  g_assert_false (ok);

  g_assert_cmpstr (jp_exclusion_to_key (JP_EXCLUSION_CADRE_OR_HEAD), ==, "cadre-or-head");
  g_assert_cmpstr (jp_exclusion_to_key (JP_EXCLUSION_MISCONDUCT), ==, "misconduct");
  g_assert_cmpint (jp_exclusion_from_string ("misconduct", &ok), ==, JP_EXCLUSION_MISCONDUCT);
  g_assert_true (ok);
  jp_exclusion_from_string ("", &ok);
  g_assert_false (ok);
  g_assert_cmpstr (jp_exclusion_label (JP_EXCLUSION_MISCONDUCT), !=, "");
}

static void
test_qualified_ok (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(JpReview) r = qualified_review ();
  g_autoptr(JpReview) copy = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (r->criteria_met, ==, (1u << 2) | (1u << 5));
  g_assert_true (jp_review_check_decision (r, c, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (codes_of (warnings), ==, "");

  /* a deep copy passes the same check; linking twice does not duplicate */
  copy = jp_review_copy (r);
  jp_review_link_evidence (copy, 2, SHA_AWARD);
  g_assert_cmpuint (copy->evidence[2]->len, ==, 1);
  g_assert_true (jp_review_check_decision (copy, c, NULL, NULL));
}

static void
test_qualified_needs_criterion (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(JpReview) r = jp_review_new (17);
  g_autoptr(GError) error = NULL;

  r->decision = JP_REVIEW_DECISION_QUALIFIED;
  g_assert_false (jp_review_check_decision (r, c, NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no eligibility criterion"));
}

static void
test_qualified_needs_evidence (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(JpReview) r = qualified_review ();
  g_autoptr(GError) error = NULL;

  /* criterion 3 ticked without evidence */
  r->criteria_met |= 1u << 3;
  g_assert_false (jp_review_check_decision (r, c, NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "criterion 3 "));
  g_clear_error (&error);

  /* criterion 4 backed only by a photo, criterion 6 by another candidate's file */
  jp_review_link_evidence (r, 3, SHA_PATENT);
  jp_review_link_evidence (r, 4, SHA_PHOTO);
  jp_review_link_evidence (r, 6, SHA_OTHER);
  g_assert_false (jp_review_check_decision (r, c, NULL, &error));
  g_assert_nonnull (strstr (error->message, "criteria 4, 6 "));
  g_clear_error (&error);

  /* an upper-case hash of the candidate's own evidence is accepted */
  jp_review_link_evidence (r, 4,
                           "BB00000000000000000000000000000000000000000000000000000000000002");
  jp_review_link_evidence (r, 6, SHA_AWARD);
  g_assert_true (jp_review_check_decision (r, c, NULL, &error));
  g_assert_no_error (error);
}

static void
test_misconduct_blocks (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(JpReview) r = qualified_review ();
  g_autoptr(GError) error = NULL;

  jp_review_set_exclusion (r, JP_EXCLUSION_MISCONDUCT, TRUE, "2019 年受行政处罚");
  g_assert_cmpstr (r->exclusion_notes[JP_EXCLUSION_MISCONDUCT], ==, "2019 年受行政处罚");
  g_assert_false (jp_review_check_decision (r, c, NULL, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "criminal record"));
  g_clear_error (&error);

  /* returning such a candidate is allowed */
  r->decision = JP_REVIEW_DECISION_RETURNED;
  r->reason = g_strdup ("存在违法违纪记录");
  g_assert_true (jp_review_check_decision (r, c, NULL, &error));
  g_assert_no_error (error);

  /* unticking lifts the stop */
  jp_review_set_exclusion (r, JP_EXCLUSION_MISCONDUCT, FALSE, NULL);
  r->decision = JP_REVIEW_DECISION_QUALIFIED;
  g_assert_true (jp_review_check_decision (r, c, NULL, &error));
}

static void
test_returned_needs_reason (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(JpReview) r = jp_review_new (17);
  const char *blank[] = { NULL, "", "  \t\n" };
  g_autoptr(GError) error = NULL;

  r->decision = JP_REVIEW_DECISION_RETURNED;
  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_free (r->reason);
      r->reason = g_strdup (blank[i]);
      g_assert_false (jp_review_check_decision (r, c, NULL, &error));
      g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "reason"));
      g_clear_error (&error);
    }
  g_free (r->reason);
  r->reason = g_strdup ("不符合任何一项选树条件");
  g_assert_true (jp_review_check_decision (r, c, NULL, &error));
  g_assert_no_error (error);

  /* a pending review is always allowed */
  r->decision = JP_REVIEW_DECISION_NONE;
  g_clear_pointer (&r->reason, g_free);
  g_assert_true (jp_review_check_decision (r, c, NULL, &error));
}

static void
test_warnings (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(JpReview) r = qualified_review ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  jp_review_set_exclusion (r, JP_EXCLUSION_CADRE_OR_HEAD, TRUE, "公司副总经理");
  c->union_member = JP_TRISTATE_NO;
  g_ptr_array_remove_index (c->documents, 3);   /* no-criminal-record certificate */
  jp_candidate_update_counts (c);
  g_ptr_array_add (c->findings, jp_finding_new (JP_SEVERITY_WARNING, "unit-over-limit", "unit",
                                                "The unit nominated 4 candidates"));
  g_ptr_array_add (c->findings, jp_finding_new (JP_SEVERITY_ERROR, "id-check-digit",
                                                "id_number", "bad ID"));
  g_ptr_array_add (c->findings, jp_finding_new (JP_SEVERITY_ERROR, "birth-mismatch",
                                                "birth", "bad birth"));
  g_ptr_array_add (c->findings, jp_finding_new (JP_SEVERITY_WARNING, "summary-short",
                                                "summary", "short"));

  /* warnings do not block the decision */
  g_assert_true (jp_review_check_decision (r, c, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (codes_of (warnings), ==,
                   "review-cadre-or-head review-no-criminal-record review-not-union-member "
                   "unit-over-limit review-intake-errors ");
  g_assert_cmpstr (((JpFinding *) warnings->pdata[3])->message, ==,
                   "The unit nominated 4 candidates");
  g_assert_nonnull (strstr (((JpFinding *) warnings->pdata[4])->message, "2 intake errors"));
  for (guint i = 0; i < warnings->len; i++)
    g_assert_cmpint (((JpFinding *) warnings->pdata[i])->severity, ==, JP_SEVERITY_WARNING);

  /* unknown membership is a different warning; warnings come even when the check fails */
  g_clear_pointer (&warnings, g_ptr_array_unref);
  c->union_member = JP_TRISTATE_UNKNOWN;
  r->decision = JP_REVIEW_DECISION_RETURNED;
  g_assert_false (jp_review_check_decision (r, c, &warnings, &error));
  g_assert_nonnull (strstr (codes_of (warnings), "review-union-unknown"));
  g_assert_null (strstr (codes_of (warnings), "review-not-union-member"));
}

/* The claimed criteria come pre-ticked with the evidence tagged for them; a tagged document
 * of an unclaimed criterion, an untagged one and a photo are not linked. */
static void
test_from_claims (void)
{
  g_autoptr(JpCandidate) c = good_candidate ();
  g_autoptr(JpReview) r = NULL;
  g_autoptr(JpCandidate) bare = jp_candidate_new ();
  g_autoptr(JpReview) empty = NULL;

  c->criteria = (1u << 2) | (1u << 5);
  ((JpDocumentRef *) c->documents->pdata[0])->criterion = 5;   /* patent */
  ((JpDocumentRef *) c->documents->pdata[1])->criterion = 3;   /* award, unclaimed */
  ((JpDocumentRef *) c->documents->pdata[2])->criterion = 2;   /* a photo: never evidence */
  add_doc (c, JP_DOC_EVIDENCE, SHA_OTHER);
  ((JpDocumentRef *) c->documents->pdata[4])->criterion = 5;
  r = jp_review_new_from_claims (c);
  g_assert_cmpint (r->candidate_id, ==, 17);
  g_assert_cmpuint (r->criteria_met, ==, (1u << 2) | (1u << 5));
  g_assert_cmpuint (r->evidence[5]->len, ==, 2);
  g_assert_cmpstr (r->evidence[5]->pdata[0], ==, SHA_PATENT);
  g_assert_cmpstr (r->evidence[5]->pdata[1], ==, SHA_OTHER);
  g_assert_cmpuint (r->evidence[2]->len, ==, 0);
  g_assert_cmpuint (r->evidence[3]->len, ==, 0);
  g_assert_cmpint (r->decision, ==, JP_REVIEW_DECISION_NONE);
  g_assert_null (r->decided_by);

  /* criterion 2 has no tagged evidence: qualifying needs the reviewer to link some */
  r->decision = JP_REVIEW_DECISION_QUALIFIED;
  g_assert_false (jp_review_check_decision (r, c, NULL, NULL));
  jp_review_link_evidence (r, 2, SHA_AWARD);
  g_assert_true (jp_review_check_decision (r, c, NULL, NULL));

  /* no claims, no documents loaded */
  empty = jp_review_new_from_claims (bare);
  g_assert_cmpuint (empty->criteria_met, ==, 0);
}

static void
test_progress (void)
{
  const JpReviewItem items[] = {
    { "稀土", JP_REVIEW_DECISION_QUALIFIED },
    { "风电", JP_REVIEW_DECISION_NONE },
    { "稀土", JP_REVIEW_DECISION_RETURNED },
    { "稀土", JP_REVIEW_DECISION_NONE },
    { "风电", JP_REVIEW_DECISION_QUALIFIED },
    { NULL, JP_REVIEW_DECISION_QUALIFIED },
  };
  g_autoptr(JpReviewProgress) p = jp_review_progress_compute (items, G_N_ELEMENTS (items));
  g_autoptr(JpReviewProgress) empty = jp_review_progress_compute (NULL, 0);
  JpReviewTradeProgress *t;

  g_assert_cmpuint (p->total, ==, 6);
  g_assert_cmpuint (p->reviewed, ==, 4);
  g_assert_cmpuint (p->qualified, ==, 3);
  g_assert_cmpuint (p->returned, ==, 1);
  g_assert_cmpuint (p->pending, ==, 2);
  g_assert_cmpuint (p->trades->len, ==, 3);
  t = p->trades->pdata[0];
  g_assert_cmpstr (t->trade, ==, "稀土");
  g_assert_cmpuint (t->total, ==, 3);
  g_assert_cmpuint (t->qualified, ==, 1);
  g_assert_cmpuint (t->returned, ==, 1);
  g_assert_cmpuint (t->pending, ==, 1);
  t = p->trades->pdata[1];
  g_assert_cmpstr (t->trade, ==, "风电");
  g_assert_cmpuint (t->total, ==, 2);
  g_assert_cmpuint (t->qualified, ==, 1);
  g_assert_cmpuint (t->pending, ==, 1);
  t = p->trades->pdata[2];
  g_assert_cmpstr (t->trade, ==, "");
  g_assert_cmpuint (t->qualified, ==, 1);

  g_assert_cmpuint (empty->total, ==, 0);
  g_assert_cmpuint (empty->trades->len, ==, 0);
}

/* Every criterion has its own title; titles are named in one place for all the views. */
static void
test_criterion_titles (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int n = 1; n <= JP_N_CRITERIA; n++)
    {
      const char *title = jp_criterion_short_title (n);

      g_assert_cmpuint (strlen (title), >, 0);
      g_assert_false (g_hash_table_contains (seen, title));
      g_hash_table_add (seen, (gpointer) title);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/qualify/keys", test_keys);
  g_test_add_func ("/core/qualify/qualified-ok", test_qualified_ok);
  g_test_add_func ("/core/qualify/qualified-needs-criterion", test_qualified_needs_criterion);
  g_test_add_func ("/core/qualify/qualified-needs-evidence", test_qualified_needs_evidence);
  g_test_add_func ("/core/qualify/misconduct-blocks", test_misconduct_blocks);
  g_test_add_func ("/core/qualify/returned-needs-reason", test_returned_needs_reason);
  g_test_add_func ("/core/qualify/warnings", test_warnings);
  g_test_add_func ("/core/qualify/progress", test_progress);
  g_test_add_func ("/core/qualify/from-claims", test_from_claims);
  g_test_add_func ("/core/qualify/criterion-titles", test_criterion_titles);

  return g_test_run ();
}
