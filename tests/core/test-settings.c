/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static JpFinding *
find (GPtrArray  *findings,
      const char *code)
{
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((JpFinding *) findings->pdata[i])->code, code) == 0)
      return findings->pdata[i];
  return NULL;
}

static JpRubricCriterion *
criterion (JpSettings *s,
           guint       i)
{
  return g_ptr_array_index (s->rubric, i);
}

static void
test_defaults (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(GPtrArray) findings = jp_settings_validate (s);

  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpfloat (s->weight_votes, ==, 0.30);
  g_assert_cmpfloat (s->weight_online, ==, 0.10);
  g_assert_cmpfloat (s->weight_defence, ==, 0.60);
  g_assert_cmpuint (s->rubric->len, ==, 5);
  g_assert_cmpstr (criterion (s, 0)->name, ==, "职业素养与工匠精神");
  g_assert_cmpfloat (criterion (s, 1)->max, ==, 25);
  g_assert_cmpstr (criterion (s, 4)->name, ==, "陈述与答辩表现");
  g_assert_cmpfloat (jp_settings_rubric_total (s), ==, 100);
  g_assert_cmpint (s->presentation_minutes, ==, 8);
  g_assert_cmpint (s->questions_minutes, ==, 5);
  g_assert_cmpint (s->publicity_days, ==, 5);
  g_assert_cmpint (s->drop_min_totals, ==, 5);
  g_assert_cmpfloat (s->deviation_alert, ==, 15);
  g_assert_false (s->majority_threshold);
  g_assert_cmpint (s->quorum_num, ==, 2);   /* 三分之二以上评委出席 */
  g_assert_cmpint (s->quorum_den, ==, 3);
  g_assert_null (s->font_song);
}

static void
test_weights (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(GPtrArray) findings = NULL;
  JpFinding *f;

  s->weight_online = 0.15;
  findings = jp_settings_validate (s);
  f = find (findings, "weights-sum");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_ERROR);
  g_assert_nonnull (strstr (f->message, "1.05"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 0.1 + 0.2 + 0.7 is not exactly 1 in binary, but within 1e-9 */
  s->weight_votes = 0.1;
  s->weight_online = 0.2;
  s->weight_defence = 0.7;
  findings = jp_settings_validate (s);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  s->weight_votes = -0.1;
  s->weight_online = 0.5;
  s->weight_defence = 0.6;
  findings = jp_settings_validate (s);
  g_assert_nonnull (find (findings, "weights-range"));
  g_assert_null (find (findings, "weights-sum"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 0.333 + 0.333 + 0.334 sums to 1 but the composite needs two decimals */
  s->weight_votes = 0.333;
  s->weight_online = 0.333;
  s->weight_defence = 0.334;
  findings = jp_settings_validate (s);
  f = find (findings, "weights-decimals");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "0.333"));
  g_assert_null (find (findings, "weights-sum"));
}

static void
test_rubric (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(GPtrArray) findings = NULL;
  JpFinding *f;

  /* 12.5 is a valid step; the total becomes 97.5: a warning only */
  criterion (s, 0)->max = 12.5;
  findings = jp_settings_validate (s);
  g_assert_cmpuint (findings->len, ==, 1);
  f = find (findings, "rubric-total");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_WARNING);
  g_assert_nonnull (strstr (f->message, "97.5"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  criterion (s, 0)->max = 12.3;
  criterion (s, 1)->max = 0;
  g_free (criterion (s, 2)->name);
  criterion (s, 2)->name = g_strdup ("  ");
  g_free (criterion (s, 4)->name);
  criterion (s, 4)->name = g_strdup (" 职业素养与工匠精神");
  findings = jp_settings_validate (s);
  f = find (findings, "rubric-max");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_ERROR);
  g_assert_nonnull (strstr (f->message, "12.3"));
  g_assert_nonnull (strstr (((JpFinding *) findings->pdata[1])->message, "criterion 2"));
  g_assert_nonnull (find (findings, "rubric-name"));
  f = find (findings, "rubric-duplicate");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "criterion 5"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  g_ptr_array_set_size (s->rubric, 0);
  findings = jp_settings_validate (s);
  g_assert_nonnull (find (findings, "rubric-empty"));
  g_assert_null (find (findings, "rubric-total"));
}

static void
test_ranges (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(GPtrArray) findings = NULL;

  s->presentation_minutes = 0;
  s->questions_minutes = 61;
  s->publicity_days = 31;
  s->drop_min_totals = 2;
  s->deviation_alert = 0;
  s->max_choices = -1;
  s->quorum_num = 4;   /* 4/3 of the panel */
  findings = jp_settings_validate (s);
  g_assert_cmpuint (findings->len, ==, 7);
  g_assert_nonnull (strstr (find (findings, "quorum")->message, "4/3"));
  g_assert_nonnull (strstr (find (findings, "presentation-minutes")->message, "1 to 60"));
  g_assert_cmpstr (find (findings, "presentation-minutes")->field, ==, "presentation_minutes");
  g_assert_nonnull (find (findings, "questions-minutes"));
  g_assert_nonnull (strstr (find (findings, "publicity-days")->message, "1 to 30"));
  g_assert_nonnull (find (findings, "drop-min-totals"));
  g_assert_nonnull (find (findings, "deviation-alert"));
  g_assert_nonnull (find (findings, "max-choices"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  s->presentation_minutes = 60;
  s->questions_minutes = 1;
  s->publicity_days = 30;
  s->drop_min_totals = 3;
  s->deviation_alert = 7.5;
  s->max_choices = 4;
  s->quorum_num = 0;   /* no quorum */
  findings = jp_settings_validate (s);
  g_assert_cmpuint (findings->len, ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(JpSettings) s = jp_settings_new ();
  g_autoptr(JpSettings) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  s->weight_votes = 0.35;
  s->weight_online = 0.05;
  s->weight_defence = 0.6;
  g_free (criterion (s, 3)->name);
  criterion (s, 3)->name = g_strdup ("带徒传技|示范引领");   /* a bar inside the name */
  criterion (s, 3)->max = 19.5;
  g_ptr_array_add (s->rubric, jp_rubric_criterion_new ("安全生产", 0.5));
  s->presentation_minutes = 10;
  s->questions_minutes = 3;
  s->drop_min_totals = 7;
  s->deviation_alert = 12.5;
  s->max_choices = 6;
  s->majority_threshold = TRUE;
  s->quorum_num = 3;
  s->quorum_den = 4;
  s->publicity_days = 7;
  s->font_song = g_strdup ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
  s->font_kai = g_strdup ("/home/办公室/字体/仿宋.ttf");
  s->contact_person = g_strdup ("王喆");
  s->contact_phone = g_strdup ("0472-5123456");
  s->contact_address = g_strdup ("包头市昆区钢铁大街 1 号 市总工会 305 室");

  data = jp_settings_to_data (s, &len);
  g_assert_nonnull (strstr (data, "[weights]"));
  g_assert_nonnull (strstr (data, "votes=0.35"));
  g_assert_nonnull (strstr (data, "criterion_1=职业素养与工匠精神|15"));
  back = jp_settings_from_data (data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (back->weight_votes, ==, 0.35);
  g_assert_cmpfloat (back->weight_online, ==, 0.05);
  g_assert_cmpfloat (back->weight_defence, ==, 0.6);
  g_assert_cmpuint (back->rubric->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpstr (criterion (back, i)->name, ==, criterion (s, i)->name);
      g_assert_cmpfloat (criterion (back, i)->max, ==, criterion (s, i)->max);
    }
  g_assert_cmpint (back->presentation_minutes, ==, 10);
  g_assert_cmpint (back->questions_minutes, ==, 3);
  g_assert_cmpint (back->drop_min_totals, ==, 7);
  g_assert_cmpfloat (back->deviation_alert, ==, 12.5);
  g_assert_cmpint (back->max_choices, ==, 6);
  g_assert_true (back->majority_threshold);
  g_assert_cmpint (back->quorum_num, ==, 3);
  g_assert_cmpint (back->quorum_den, ==, 4);
  g_assert_cmpint (back->publicity_days, ==, 7);
  g_assert_cmpstr (back->font_song, ==, s->font_song);
  g_assert_cmpstr (back->font_kai, ==, s->font_kai);
  g_assert_cmpstr (back->contact_person, ==, "王喆");
  g_assert_cmpstr (back->contact_phone, ==, "0472-5123456");
  g_assert_cmpstr (back->contact_address, ==, s->contact_address);
  /* nothing that is locked differs after the round trip */
  g_assert_true (jp_settings_change_allowed (s, back, ~0, &error));
  g_assert_no_error (error);
}

static void
test_parse (void)
{
  const char *partial =
    "# written by hand\n"
    "[weights]\nvotes = 0.4\nonline=0\ndefence=0.6\nbonus=3\n"
    "[rubric]\ncriterion_10=答辩|40\ncriterion_2=技能|60\nnote=ignored\n"
    "[unknown]\nkey=value\n";
  struct { const char *data; const char *names; } bad[] = {
    { "[weights]\nvotes=abc\n", "[weights] votes" },
    { "[weights]\nonline=0.1x\n", "[weights] online" },
    { "[defence]\npresentation_minutes=8.5\n", "[defence] presentation_minutes" },
    { "[ballot]\nmajority_threshold=perhaps\n", "[ballot] majority_threshold" },
    { "[publicity]\nworking_days=\n", "[publicity] working_days" },
    { "[rubric]\ncriterion_1=答辩 40\n", "[rubric] criterion_1" },
    { "[rubric]\ncriterion_1=答辩|四十\n", "[rubric] criterion_1" },
  };
  g_autoptr(JpSettings) s = NULL;
  g_autoptr(GError) error = NULL;

  s = jp_settings_from_data (partial, strlen (partial), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (s->weight_votes, ==, 0.4);
  g_assert_cmpfloat (s->weight_online, ==, 0);
  g_assert_cmpuint (s->rubric->len, ==, 2);
  g_assert_cmpstr (criterion (s, 0)->name, ==, "技能");   /* ordered by number: 2 before 10 */
  g_assert_cmpfloat (criterion (s, 1)->max, ==, 40);
  g_assert_cmpint (s->presentation_minutes, ==, 8);        /* missing: default kept */
  g_assert_cmpint (s->publicity_days, ==, 5);
  g_clear_pointer (&s, jp_settings_free);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      s = jp_settings_from_data (bad[i].data, strlen (bad[i].data), &error);
      g_assert_null (s);
      g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i].names));
      g_clear_error (&error);
    }

  s = jp_settings_from_data ("not a key file", 14, &error);
  g_assert_null (s);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
}

static void
expect_locked (const JpSettings *old,
               const JpSettings *changed,
               JpStageLocks      lock,
               const char       *setting,
               const char       *round)
{
  g_autoptr(GError) error = NULL;

  /* free before the stage starts, and under every other lock */
  g_assert_true (jp_settings_change_allowed (old, changed, ~lock & 0xf, &error));
  g_assert_no_error (error);
  g_assert_false (jp_settings_change_allowed (old, changed, lock, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, setting));
  g_assert_nonnull (strstr (error->message, round));
}

static void
test_locks (void)
{
  g_autoptr(JpSettings) old = jp_settings_new ();
  g_autoptr(JpSettings) s = NULL;
  g_autoptr(JpElection) e_old = jp_election_new ();
  g_autoptr(JpElection) e_new = NULL;
  g_autoptr(GError) error = NULL;

#define CHANGE(stmt, lock, setting, round) \
  G_STMT_START { \
    s = jp_settings_copy (old); \
    stmt; \
    expect_locked (old, s, lock, setting, round); \
    g_clear_pointer (&s, jp_settings_free); \
  } G_STMT_END

  CHANGE (s->max_choices = 3, JP_STAGE_LOCK_BALLOT_OPENED, "maximum marks", "ballot");
  CHANGE (s->majority_threshold = TRUE, JP_STAGE_LOCK_BALLOT_OPENED, "majority", "ballot");
  CHANGE (s->quorum_num = 1, JP_STAGE_LOCK_BALLOT_OPENED, "quorum", "ballot");
  CHANGE (criterion (s, 0)->max = 20, JP_STAGE_LOCK_DEFENCE_OPENED, "rubric", "defence");
  CHANGE (g_ptr_array_remove_index (s->rubric, 4), JP_STAGE_LOCK_DEFENCE_OPENED, "rubric",
          "defence");
  CHANGE (s->presentation_minutes = 10, JP_STAGE_LOCK_DEFENCE_OPENED, "presentation time",
          "defence");
  CHANGE (s->questions_minutes = 4, JP_STAGE_LOCK_DEFENCE_OPENED, "question time", "defence");
  CHANGE (s->drop_min_totals = 7, JP_STAGE_LOCK_DEFENCE_OPENED, "dropping", "defence");
  CHANGE (s->deviation_alert = 10, JP_STAGE_LOCK_DEFENCE_OPENED, "deviation", "defence");
  CHANGE ((s->weight_votes = 0.4, s->weight_defence = 0.5), JP_STAGE_LOCK_RANKING_DONE,
          "weights", "ranking");
  CHANGE (s->publicity_days = 7, JP_STAGE_LOCK_PUBLICITY_STARTED, "publicity period",
          "publicity period started");
#undef CHANGE

  /* fonts are never locked */
  s = jp_settings_copy (old);
  s->font_kai = g_strdup ("/tmp/kai.ttf");
  g_assert_true (jp_settings_change_allowed (old, s, ~0, &error));
  g_assert_no_error (error);

  e_new = jp_election_copy (e_old);
  e_new->quota = 25;
  g_assert_true (jp_election_change_allowed (e_old, e_new, JP_STAGE_LOCK_DEFENCE_OPENED,
                                             &error));
  g_assert_false (jp_election_change_allowed (e_old, e_new, JP_STAGE_LOCK_BALLOT_OPENED,
                                              &error));
  g_assert_nonnull (strstr (error->message, "quota"));
  g_assert_nonnull (strstr (error->message, "ballot"));
  g_clear_error (&error);
  e_new->quota = e_old->quota;
  e_new->ratio = 1.2;
  g_assert_false (jp_election_change_allowed (e_old, e_new, JP_STAGE_LOCK_BALLOT_OPENED,
                                              &error));
  g_assert_nonnull (strstr (error->message, "ratio"));
  g_clear_error (&error);
  e_new->ratio = e_old->ratio;
  e_new->title = g_strdup ("新标题");
  g_assert_true (jp_election_change_allowed (e_old, e_new, ~0, &error));
  g_assert_no_error (error);
}

/* Which stage locks which setting (RULES.md "Settings"): one table in core, asked by the
 * settings page and enforced by jp_settings_change_allowed. */
static void
test_locked_by (void)
{
  static const struct { JpSetting setting; JpStageLocks lock; } table[] = {
    { JP_SETTING_QUOTA, JP_STAGE_LOCK_BALLOT_OPENED },
    { JP_SETTING_RATIO, JP_STAGE_LOCK_BALLOT_OPENED },
    { JP_SETTING_MAX_CHOICES, JP_STAGE_LOCK_BALLOT_OPENED },
    { JP_SETTING_MAJORITY_THRESHOLD, JP_STAGE_LOCK_BALLOT_OPENED },
    { JP_SETTING_QUORUM, JP_STAGE_LOCK_BALLOT_OPENED },
    { JP_SETTING_RUBRIC, JP_STAGE_LOCK_DEFENCE_OPENED },
    { JP_SETTING_PRESENTATION_MINUTES, JP_STAGE_LOCK_DEFENCE_OPENED },
    { JP_SETTING_QUESTIONS_MINUTES, JP_STAGE_LOCK_DEFENCE_OPENED },
    { JP_SETTING_DROP_MIN_TOTALS, JP_STAGE_LOCK_DEFENCE_OPENED },
    { JP_SETTING_DEVIATION_ALERT, JP_STAGE_LOCK_DEFENCE_OPENED },
    { JP_SETTING_WEIGHTS, JP_STAGE_LOCK_RANKING_DONE },
    { JP_SETTING_TRADE_CAPS, JP_STAGE_LOCK_RANKING_DONE },
    { JP_SETTING_PUBLICITY_DAYS, JP_STAGE_LOCK_PUBLICITY_STARTED },
    { JP_SETTING_FONTS, JP_STAGE_LOCK_NONE },
  };

  g_assert_cmpuint (G_N_ELEMENTS (table), ==, JP_N_SETTINGS);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      JpStageLocks others = (JP_STAGE_LOCK_BALLOT_OPENED | JP_STAGE_LOCK_DEFENCE_OPENED
                             | JP_STAGE_LOCK_RANKING_DONE | JP_STAGE_LOCK_PUBLICITY_STARTED)
                            & ~table[i].lock;

      g_assert_cmpint (jp_setting_locked_by (table[i].setting), ==, table[i].lock);
      /* locked by its own stage, alone or with others; never by the other stages */
      g_assert_false (jp_setting_is_locked (table[i].setting, JP_STAGE_LOCK_NONE));
      g_assert_cmpint (jp_setting_is_locked (table[i].setting, table[i].lock), ==,
                       table[i].lock != JP_STAGE_LOCK_NONE);
      g_assert_cmpint (jp_setting_is_locked (table[i].setting, others | table[i].lock), ==,
                       table[i].lock != JP_STAGE_LOCK_NONE);
      g_assert_false (jp_setting_is_locked (table[i].setting, others));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/settings/defaults", test_defaults);
  g_test_add_func ("/core/settings/weights", test_weights);
  g_test_add_func ("/core/settings/rubric", test_rubric);
  g_test_add_func ("/core/settings/ranges", test_ranges);
  g_test_add_func ("/core/settings/round-trip", test_round_trip);
  g_test_add_func ("/core/settings/parse", test_parse);
  g_test_add_func ("/core/settings/locks", test_locks);
  g_test_add_func ("/core/settings/locked-by", test_locked_by);

  return g_test_run ();
}
