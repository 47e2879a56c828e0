/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-enums"

#include "config.h"

#include "core/jp-core.h"

static void
test_sex (void)
{
  gboolean ok = FALSE;

  g_assert_cmpstr (jp_sex_to_key (JP_SEX_FEMALE), ==, "female");
  g_assert_cmpint (jp_sex_from_string ("男", &ok), ==, JP_SEX_MALE);
  g_assert_true (ok);
  g_assert_cmpint (jp_sex_from_string (" F ", &ok), ==, JP_SEX_FEMALE);
  g_assert_cmpint (jp_sex_from_string ("male", &ok), ==, JP_SEX_MALE);
  g_assert_cmpint (jp_sex_from_string ("女", &ok), ==, JP_SEX_FEMALE);
  g_assert_cmpint (jp_sex_from_string ("X", &ok), ==, JP_SEX_UNKNOWN);
  g_assert_false (ok);
}

static void
test_route_status_kind_role (void)
{
  gboolean ok = FALSE;

  g_assert_cmpint (jp_route_from_string ("社会推荐", &ok), ==, JP_ROUTE_SOCIAL);
  g_assert_true (ok);
  g_assert_cmpint (jp_route_from_string ("self", &ok), ==, JP_ROUTE_SELF);
  g_assert_cmpint (jp_route_from_string ("unit", &ok), ==, JP_ROUTE_UNIT);
  jp_route_from_string ("网上推荐", &ok);
  g_assert_false (ok);
  g_assert_cmpstr (jp_route_to_key (JP_ROUTE_SOCIAL), ==, "social");
  /* the C locale shows the English source string */
  g_assert_cmpstr (jp_route_label (JP_ROUTE_UNIT), ==, "Unit nomination");

  g_assert_cmpint (jp_status_from_string ("退回", &ok), ==, JP_STATUS_RETURNED);
  g_assert_true (ok);
  g_assert_cmpint (jp_status_from_string ("qualified", &ok), ==, JP_STATUS_QUALIFIED);
  g_assert_cmpstr (jp_status_to_key (JP_STATUS_SUBMITTED), ==, "submitted");

  g_assert_cmpint (jp_doc_kind_from_string ("no_criminal_record", &ok), ==,
                   JP_DOC_NO_CRIMINAL_RECORD);
  g_assert_cmpstr (jp_doc_kind_to_key (JP_DOC_EVIDENCE), ==, "evidence");
  g_assert_cmpint (jp_member_role_from_string ("监票人", &ok), ==, JP_MEMBER_ROLE_SCRUTINEER);
  g_assert_cmpstr (jp_member_role_to_key (JP_MEMBER_ROLE_CHAIR), ==, "chair");

  g_assert_cmpint (jp_tristate_from_string ("是", &ok), ==, JP_TRISTATE_YES);
  g_assert_cmpint (jp_tristate_from_string ("false", &ok), ==, JP_TRISTATE_NO);
  g_assert_cmpint (jp_tristate_from_string ("也许", &ok), ==, JP_TRISTATE_UNKNOWN);
  g_assert_false (ok);
}

static void
test_dates (void)
{
  static const char * const months[] = { "1978.04", "1978-04", "1978年4月", "197804",
                                         "1978/4", "1978-04-12", NULL };
  g_autofree char *day = jp_date_normalize ("2023年3月5日");
  g_autofree char *bad_day = jp_date_normalize ("2023-02-30");
  g_autofree char *bad_month = jp_month_normalize ("1978-13");
  g_autofree char *text = jp_month_normalize ("不详");

  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autofree char *m = jp_month_normalize (months[i]);

      g_assert_cmpstr (m, ==, "1978-04");
    }
  g_assert_cmpstr (day, ==, "2023-03-05");
  g_assert_null (bad_day);
  g_assert_null (bad_month);
  g_assert_null (text);
}

static void
test_candidate_counts (void)
{
  g_autoptr(JpCandidate) c = jp_candidate_new ();
  JpDocumentRef *ref;

  g_assert_cmpint (c->years_in_trade, ==, -1);
  g_assert_cmpint (c->union_member, ==, JP_TRISTATE_UNKNOWN);
  c->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_ref_free);
  for (guint i = 0; i < 4; i++)
    {
      ref = jp_document_ref_new ();
      ref->kind = i == 0 ? JP_DOC_PHOTO : i == 3 ? JP_DOC_NO_CRIMINAL_RECORD : JP_DOC_EVIDENCE;
      ref->pages = 3;
      g_ptr_array_add (c->documents, ref);
    }
  jp_candidate_update_counts (c);
  g_assert_cmpuint (c->n_photos, ==, 1);
  g_assert_cmpuint (c->n_evidence, ==, 2);
  g_assert_cmpuint (c->n_evidence_pages, ==, 6);
  g_assert_true (c->has_no_criminal_record);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/enums/sex", test_sex);
  g_test_add_func ("/core/enums/route-status-kind-role", test_route_status_kind_role);
  g_test_add_func ("/core/enums/dates", test_dates);
  g_test_add_func ("/core/candidate/update-counts", test_candidate_counts);

  return g_test_run ();
}
