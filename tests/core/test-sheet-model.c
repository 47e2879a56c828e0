/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include <locale.h>

#include "jp-core.h"

static GPtrArray *
default_rubric (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();

  return g_ptr_array_ref (s->rubric);
}

static void
test_typing (void)
{
  g_autoptr(GPtrArray) rubric = default_rubric ();
  g_autoptr(JpSheetModel) m = jp_sheet_model_new (rubric);
  g_autofree char *problem = NULL;

  g_assert_cmpuint (jp_sheet_model_get_n_criteria (m), ==, 5);
  g_assert_cmpint (jp_sheet_model_get_state (m), ==, JP_SHEET_EDITING);
  g_assert_false (jp_sheet_model_is_complete (m));
  /* empty: not a score, but no message either */
  g_assert_null (jp_sheet_model_get_message (m, 0));

  g_assert_true (jp_sheet_model_set_text (m, 0, "12.5"));
  g_assert_cmpint (jp_sheet_model_get_halves (m, 0), ==, 25);
  g_assert_cmpint (jp_sheet_model_get_total (m), ==, 25);

  /* 15 is the first criterion's maximum */
  g_assert_false (jp_sheet_model_set_text (m, 0, "15.5"));
  g_assert_nonnull (jp_sheet_model_get_message (m, 0));
  g_assert_nonnull (strstr (jp_sheet_model_get_message (m, 0), "15"));
  g_assert_cmpint (jp_sheet_model_get_total (m), ==, 0);
  g_assert_false (jp_sheet_model_set_text (m, 0, "12.3"));
  g_assert_nonnull (strstr (jp_sheet_model_get_message (m, 0), "0.5"));
  g_assert_false (jp_sheet_model_set_text (m, 0, "abc"));
  g_assert_nonnull (jp_sheet_model_get_message (m, 0));
  /* full-width digits read as the member meant */
  g_assert_true (jp_sheet_model_set_text (m, 0, "１２．５"));

  jp_sheet_model_set_text (m, 1, "20");
  jp_sheet_model_set_text (m, 2, "21.5");
  jp_sheet_model_set_text (m, 3, "17");
  problem = jp_sheet_model_describe_problem (m);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, ((JpRubricCriterion *) rubric->pdata[4])->name));
  jp_sheet_model_set_text (m, 4, "12");
  g_assert_true (jp_sheet_model_is_complete (m));
  g_assert_null (jp_sheet_model_describe_problem (m));
  /* 12.5 + 20 + 21.5 + 17 + 12 = 83 */
  g_assert_cmpint (jp_sheet_model_get_total (m), ==, 166);
}

static void
test_step (void)
{
  g_autoptr(GPtrArray) rubric = default_rubric ();
  g_autoptr(JpSheetModel) m = jp_sheet_model_new (rubric);

  /* from an empty field, + gives 0.5 */
  g_assert_cmpint (jp_sheet_model_step (m, 0, 1), ==, 1);
  g_assert_cmpstr (jp_sheet_model_get_text (m, 0), ==, "0.5");
  g_assert_cmpint (jp_sheet_model_step (m, 0, 1), ==, 2);
  g_assert_cmpstr (jp_sheet_model_get_text (m, 0), ==, "1");
  /* never below 0 nor above the maximum */
  g_assert_cmpint (jp_sheet_model_step (m, 0, -5), ==, 0);
  g_assert_cmpstr (jp_sheet_model_get_text (m, 0), ==, "0");
  jp_sheet_model_set_text (m, 0, "14.5");
  g_assert_cmpint (jp_sheet_model_step (m, 0, 3), ==, 30);
  g_assert_cmpstr (jp_sheet_model_get_text (m, 0), ==, "15");
  /* from a wrong text, the step starts over at 0 and clears the message */
  jp_sheet_model_set_text (m, 1, "x");
  jp_sheet_model_step (m, 1, 1);
  g_assert_null (jp_sheet_model_get_message (m, 1));
  g_assert_cmpstr (jp_sheet_model_get_text (m, 1), ==, "0.5");
}

static void
test_draft_and_state (void)
{
  g_autoptr(GPtrArray) rubric = default_rubric ();
  g_autoptr(JpSheetModel) m = jp_sheet_model_new (rubric);
  const char *draft[] = { "13", "21.5", "99", NULL };
  const char * const *texts;

  jp_sheet_model_set_texts (m, draft);
  texts = jp_sheet_model_get_texts (m);
  g_assert_cmpstr (texts[0], ==, "13");
  g_assert_cmpstr (texts[2], ==, "99");
  g_assert_nonnull (jp_sheet_model_get_message (m, 2));
  g_assert_cmpstr (texts[3], ==, "");
  g_assert_null (texts[5]);
  g_assert_cmpint (jp_sheet_model_get_total (m), ==, 69);

  g_assert_true (jp_sheet_model_is_editable (m));
  jp_sheet_model_set_state (m, JP_SHEET_SUBMITTED);
  g_assert_false (jp_sheet_model_is_editable (m));
  jp_sheet_model_set_state (m, JP_SHEET_STEP_OUT);
  g_assert_false (jp_sheet_model_is_editable (m));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/sheet-model/typing", test_typing);
  g_test_add_func ("/core/sheet-model/step", test_step);
  g_test_add_func ("/core/sheet-model/draft-and-state", test_draft_and_state);
  return g_test_run ();
}
