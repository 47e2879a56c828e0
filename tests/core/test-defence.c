/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-defence"

#include "config.h"

#include <string.h>

#include "jp-core.h"

#define ALERT_15 1500

/* Builds the score from "M01=90 M02=88.5 ..." (points). */
static JpDefenceScore *
score_of (const char *spec,
          guint       drop_min,
          gint64      alert,
          GError    **error)
{
  g_auto(GStrv) items = g_strsplit (spec, " ", -1);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree JpDefenceSheetTotal *sheets = NULL;
  guint n = *spec == '\0' ? 0 : g_strv_length (items);

  sheets = g_new0 (JpDefenceSheetTotal, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      char **kv = g_strsplit (items[i], "=", 2);
      int halves = 0;

      g_assert_true (jp_points_parse (kv[1], 1000, "test", &halves, NULL));
      sheets[i].member = kv[0];
      sheets[i].total_halves = halves;
      g_ptr_array_add (keep, kv);
    }
  return jp_defence_score_compute (sheets, n, drop_min, alert, error);
}

/* "M01:high M05:low" for the dropped ones, in member order */
static char *
dropped (const JpDefenceScore *s)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < s->totals->len; i++)
    {
      const JpDefenceTotal *t = s->totals->pdata[i];

      if (t->dropped == JP_DEFENCE_KEPT)
        continue;
      g_string_append_printf (out, "%s%s:%s", out->len > 0 ? " " : "", t->member,
                              jp_defence_drop_to_key (t->dropped));
    }
  return g_string_free (out, FALSE);
}

static const JpDefenceTotal *
total_of (const JpDefenceScore *s,
          const char           *member)
{
  for (guint i = 0; i < s->totals->len; i++)
    if (g_str_equal (((JpDefenceTotal *) s->totals->pdata[i])->member, member))
      return s->totals->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

/* The worked example of docs/ranking.md, candidate XT-01. */
static void
test_five_totals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceScore) s = score_of ("M03=87 M01=90 M05=60 M02=88.5 M04=86", 5, ALERT_15,
                                          &error);
  g_autofree char *d = NULL;

  g_assert_no_error (error);
  g_assert_true (s->has_score);
  g_assert_true (s->trimmed);
  g_assert_cmpuint (s->n, ==, 5);
  /* (88.5 + 87 + 86) / 3 = 87.1666... -> 87.17 */
  g_assert_cmpint (s->d, ==, 8717);
  g_assert_cmpint (s->median, ==, 8700);
  d = dropped (s);
  g_assert_cmpstr (d, ==, "M01:high M05:low");
  /* output in member order */
  g_assert_cmpstr (((JpDefenceTotal *) s->totals->pdata[0])->member, ==, "M01");
  g_assert_cmpstr (((JpDefenceTotal *) s->totals->pdata[4])->member, ==, "M05");
  /* 60 is 27 from the median 87: the only alert */
  g_assert_cmpuint (s->n_alerts, ==, 1);
  g_assert_true (total_of (s, "M05")->alert);
  g_assert_cmpint (total_of (s, "M05")->deviation, ==, -2700);
  g_assert_false (total_of (s, "M01")->alert);
  g_assert_cmpint (total_of (s, "M01")->deviation, ==, 300);
}

/* Four totals (the fifth member is conflicted and not passed): the plain mean. */
static void
test_four_totals_conflicted_excluded (void)
{
  g_autoptr(JpDefenceScore) s = score_of ("M01=85 M02=86.5 M03=84 M04=88", 5, ALERT_15, NULL);
  g_autofree char *d = dropped (s);

  g_assert_false (s->trimmed);
  g_assert_cmpstr (d, ==, "");
  /* 343.5 / 4 = 85.875 -> 85.88 (half away from zero) */
  g_assert_cmpint (s->d, ==, 8588);
  /* median of 84, 85, 86.5, 88 = (85 + 86.5) / 2 = 85.75 */
  g_assert_cmpint (s->median, ==, 8575);
  g_assert_cmpuint (s->n_alerts, ==, 0);
}

static void
test_all_equal (void)
{
  g_autoptr(JpDefenceScore) s = score_of ("M02=80 M05=80 M01=80 M04=80 M03=80", 5, ALERT_15,
                                          NULL);
  g_autofree char *d = dropped (s);

  /* exactly one highest and one lowest, by the code rule: first and last member */
  g_assert_cmpstr (d, ==, "M01:high M05:low");
  g_assert_cmpint (s->d, ==, 8000);
  g_assert_cmpint (s->median, ==, 8000);
  g_assert_cmpuint (s->n_alerts, ==, 0);
}

static void
test_ties_at_high_and_low (void)
{
  g_autoptr(JpDefenceScore) s = score_of ("M01=90 M02=90 M03=80 M04=70 M05=70", 5, ALERT_15,
                                          NULL);
  g_autofree char *d = dropped (s);

  g_assert_cmpstr (d, ==, "M01:high M05:low");
  /* (90 + 80 + 70) / 3 = 80 */
  g_assert_cmpint (s->d, ==, 8000);
}

static void
test_drop_setting (void)
{
  g_autoptr(JpDefenceScore) three = score_of ("A=70 B=80 C=91", 3, ALERT_15, NULL);
  g_autoptr(JpDefenceScore) six = score_of ("A=70 B=80 C=91 D=85 E=86 F=60", 7, ALERT_15,
                                            NULL);
  g_autofree char *d = dropped (three);

  g_assert_true (three->trimmed);
  g_assert_cmpstr (d, ==, "A:low C:high");
  g_assert_cmpint (three->d, ==, 8000);
  /* six totals below a setting of seven: the plain mean 472 / 6 = 78.666... -> 78.67 */
  g_assert_false (six->trimmed);
  g_assert_cmpint (six->d, ==, 7867);
  /* median (80 + 85) / 2 = 82.5; 60 is 22.5 away */
  g_assert_cmpint (six->median, ==, 8250);
  g_assert_cmpuint (six->n_alerts, ==, 1);
}

static void
test_alert_boundary (void)
{
  /* median 80: 95 is exactly 15 away (no alert), 64.5 is 15.5 away (alert) */
  g_autoptr(JpDefenceScore) s = score_of ("A=80 B=80 C=95 D=64.5 E=80", 5, ALERT_15, NULL);
  g_autoptr(JpDefenceScore) strict = score_of ("A=80 B=80 C=95 D=64.5 E=80", 5, 1450, NULL);

  g_assert_cmpint (s->median, ==, 8000);
  g_assert_false (total_of (s, "C")->alert);
  g_assert_true (total_of (s, "D")->alert);
  g_assert_cmpuint (s->n_alerts, ==, 1);
  /* an alert setting of 14.5 */
  g_assert_true (total_of (strict, "C")->alert);
  g_assert_cmpuint (strict->n_alerts, ==, 2);
}

static void
test_small_panels (void)
{
  g_autoptr(JpDefenceScore) none = score_of ("", 5, ALERT_15, NULL);
  g_autoptr(JpDefenceScore) one = score_of ("M01=77.5", 5, ALERT_15, NULL);
  g_autoptr(JpDefenceScore) two = score_of ("M01=77.5 M02=80", 5, ALERT_15, NULL);

  g_assert_false (none->has_score);
  g_assert_cmpuint (none->n, ==, 0);
  g_assert_cmpuint (none->totals->len, ==, 0);
  g_assert_cmpint (one->d, ==, 7750);
  g_assert_cmpint (one->median, ==, 7750);
  /* 157.5 / 2 = 78.75; the median of two is their mean */
  g_assert_cmpint (two->d, ==, 7875);
  g_assert_cmpint (two->median, ==, 7875);
}

static void
test_third_decimal_rounding (void)
{
  /* kept totals 80.5, 80.5, 81 (dropped 90, 70): 242 / 3 = 80.666... -> 80.67;
   * kept 80, 80, 80.5: 240.5 / 3 = 80.1666... -> 80.17 */
  g_autoptr(JpDefenceScore) a = score_of ("A=80.5 B=80.5 C=81 D=90 E=70", 5, ALERT_15, NULL);
  g_autoptr(JpDefenceScore) b = score_of ("A=80 B=80 C=80.5 D=90 E=70", 5, ALERT_15, NULL);
  /* eight totals below a setting of nine, summing 680.5: 85.0625 -> 85.06 */
  g_autoptr(JpDefenceScore) c = score_of ("A=85 B=85 C=85 D=85 E=85 F=85 G=85 H=85.5", 9,
                                          ALERT_15, NULL);

  g_assert_cmpint (a->d, ==, 8067);
  g_assert_cmpint (b->d, ==, 8017);
  g_assert_cmpint (c->d, ==, 8506);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  JpDefenceSheetTotal twice[] = { { "M01", 160 }, { "M02", 170 }, { "M01", 150 } };
  JpDefenceSheetTotal negative[] = { { "M01", -1 } };

  g_assert_null (jp_defence_score_compute (twice, 3, 5, ALERT_15, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "M01"));
  g_clear_error (&error);
  g_assert_null (jp_defence_score_compute (negative, 1, 5, ALERT_15, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

static void
test_consistency (void)
{
  g_autoptr(JpDefenceScore) a = score_of ("M01=90 M02=88.5 M03=87 M04=86 M05=60", 5,
                                          ALERT_15, NULL);
  g_autoptr(JpDefenceScore) b = score_of ("M01=80 M02=82.5 M03=79 M04=81 M05=80", 5,
                                          ALERT_15, NULL);
  /* a candidate M05 did not score (conflicted) */
  g_autoptr(JpDefenceScore) c = score_of ("M01=70 M02=70.5 M03=71 M04=69", 5, ALERT_15, NULL);
  g_autoptr(JpDefenceScore) empty = score_of ("", 5, ALERT_15, NULL);
  g_autoptr(GPtrArray) scores = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  const JpJudgeConsistency *r;

  g_assert_cmpint (a->d, ==, 8717);
  g_assert_cmpint (b->d, ==, 8033);
  g_assert_cmpint (c->d, ==, 7013);   /* 280.5 / 4 = 70.125 -> 70.13 */
  g_ptr_array_add (scores, a);
  g_ptr_array_add (scores, b);
  g_ptr_array_add (scores, c);
  g_ptr_array_add (scores, empty);
  rows = jp_judge_consistency_compute (scores);
  g_assert_cmpuint (rows->len, ==, 5);

  /* M01: (90 - 87.17) + (80 - 80.33) + (70 - 70.13) = 2.83 - 0.33 - 0.13 = 2.37; / 3 = 0.79 */
  r = rows->pdata[0];
  g_assert_cmpstr (r->member, ==, "M01");
  g_assert_cmpuint (r->n_sheets, ==, 3);
  g_assert_cmpint (r->mean_diff, ==, 79);
  g_assert_cmpuint (r->n_alerts, ==, 0);
  /* M04: -1.17 + 0.67 - 1.13 = -1.63; / 3 = -0.5433 -> -0.54 */
  r = rows->pdata[3];
  g_assert_cmpstr (r->member, ==, "M04");
  g_assert_cmpint (r->mean_diff, ==, -54);
  /* M05: -27.17 - 0.33 = -27.50; / 2 = -13.75, one alert */
  r = rows->pdata[4];
  g_assert_cmpstr (r->member, ==, "M05");
  g_assert_cmpuint (r->n_sheets, ==, 2);
  g_assert_cmpint (r->mean_diff, ==, -1375);
  g_assert_cmpuint (r->n_alerts, ==, 1);
  /* M02: 1.33 + 2.17 + 0.37 = 3.87; / 3 = 1.29 */
  r = rows->pdata[1];
  g_assert_cmpint (r->mean_diff, ==, 129);
}

static void
test_consistency_half (void)
{
  g_autoptr(JpDefenceScore) a = score_of ("M01=80 M02=80.5 M03=80", 5, ALERT_15, NULL);
  g_autoptr(JpDefenceScore) b = score_of ("M01=80 M02=80", 5, ALERT_15, NULL);
  g_autoptr(GPtrArray) scores = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpint (a->d, ==, 8017);   /* 240.5 / 3 = 80.1666... */
  g_ptr_array_add (scores, a);
  g_ptr_array_add (scores, b);
  rows = jp_judge_consistency_compute (scores);
  /* M01: (80 - 80.17) + (80 - 80) = -0.17, / 2 = -0.085 -> -0.09 */
  g_assert_cmpint (((JpJudgeConsistency *) rows->pdata[0])->mean_diff, ==, -9);
}

#define SESSION_TEXT \
  "{\"candidates\":[{\"D\":82.00,\"code\":\"XT-02\",\"median\":82.00,\"order\":1," \
  "\"sheets\":[{\"alert\":false,\"dropped\":\"high\",\"member\":\"M01\",\"revised\":false," \
  "\"scores\":[40.00,45.50],\"total\":85.50},{\"alert\":false,\"dropped\":null," \
  "\"member\":\"M02\",\"revised\":false,\"scores\":[42.00,40.00],\"total\":82.00}," \
  "{\"alert\":true,\"dropped\":\"low\",\"member\":\"M03\",\"revised\":true," \
  "\"scores\":[20.00,30.00],\"total\":50.00}]},{\"D\":62.50,\"code\":\"XT-01\"," \
  "\"median\":62.50,\"order\":2,\"sheets\":[{\"alert\":false,\"dropped\":null," \
  "\"member\":\"M01\",\"revised\":false,\"scores\":[30.00,30.00],\"total\":60.00}," \
  "{\"alert\":false,\"dropped\":null,\"member\":\"M02\",\"revised\":false," \
  "\"scores\":[35.00,30.00],\"total\":65.00}]}],\"round\":9,\"rubric\":[{\"max\":50.00," \
  "\"name\":\"技能\"},{\"max\":50.00,\"name\":\"答辩\"}],\"trade\":\"XT\"}"

/* A session of two candidates on a two-criterion rubric, dropping from 3 totals. */
static void
test_session_digest (void)
{
  g_autoptr(GPtrArray) rubric = g_ptr_array_new_with_free_func (
    (GDestroyNotify) jp_rubric_criterion_free);
  const int a1[] = { 80, 91 }, a2[] = { 84, 80 }, a3[] = { 40, 60 };
  const int b1[] = { 60, 60 }, b2[] = { 70, 60 };
  const int wrong[] = { 70, 61 };
  JpDefenceSheetScores xt02[] = {
    { "M03", a3, TRUE }, { "M01", a1, FALSE }, { "M02", a2, FALSE },
  };
  JpDefenceSheetScores xt01[] = { { "M01", b1, FALSE }, { "M02", b2, FALSE } };
  JpDefenceSheetScores xt01_wrong[] = { { "M01", b1, FALSE }, { "M02", wrong, FALSE } };
  JpDefenceSheetTotal t02[] = { { "M01", 171 }, { "M02", 164 }, { "M03", 100 } };
  JpDefenceSheetTotal t01[] = { { "M01", 120 }, { "M02", 130 } };
  g_autoptr(JpDefenceScore) s02 = jp_defence_score_compute (t02, 3, 3, 1500, NULL);
  g_autoptr(JpDefenceScore) s01 = jp_defence_score_compute (t01, 2, 3, 1500, NULL);
  /* given in any order: written by order of appearance */
  JpDefenceCandidateResult results[] = {
    { "XT-01", 2, s01, xt01, 2 },
    { "XT-02", 1, s02, xt02, 3 },
  };
  JpDefenceCandidateResult bad[] = { { "XT-01", 2, s01, xt01_wrong, 2 } };
  JpDefenceCandidateResult missing[] = { { "XT-01", 2, s01, xt01, 1 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *refused = NULL;

  g_ptr_array_add (rubric, jp_rubric_criterion_new ("技能", 50));
  g_ptr_array_add (rubric, jp_rubric_criterion_new ("答辩", 50));
  g_assert_cmpint (s02->d, ==, 8200);
  text = jp_defence_canonical_text (9, "XT", rubric, results, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, SESSION_TEXT);
  digest = jp_defence_digest (9, "XT", rubric, results, 2, &error);
  g_assert_cmpstr (digest, ==,
                   "79b52effa5580c02e0a327afd850b1865b422bc12ce7e4f54aa0cb7c65cb823a");

  /* scores that do not add up to the total, or a sheet missing: refused */
  refused = jp_defence_canonical_text (9, "XT", rubric, bad, 1, &error);
  g_assert_null (refused);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "M02"));
  g_clear_error (&error);
  refused = jp_defence_canonical_text (9, "XT", rubric, missing, 1, &error);
  g_assert_null (refused);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/defence/five-totals", test_five_totals);
  g_test_add_func ("/core/defence/four-totals-conflicted", test_four_totals_conflicted_excluded);
  g_test_add_func ("/core/defence/all-equal", test_all_equal);
  g_test_add_func ("/core/defence/ties-high-low", test_ties_at_high_and_low);
  g_test_add_func ("/core/defence/drop-setting", test_drop_setting);
  g_test_add_func ("/core/defence/alert-boundary", test_alert_boundary);
  g_test_add_func ("/core/defence/small-panels", test_small_panels);
  g_test_add_func ("/core/defence/rounding", test_third_decimal_rounding);
  g_test_add_func ("/core/defence/bad-input", test_bad_input);
  g_test_add_func ("/core/defence/consistency", test_consistency);
  g_test_add_func ("/core/defence/consistency-half", test_consistency_half);
  g_test_add_func ("/core/defence/session-digest", test_session_digest);
  return g_test_run ();
}
