/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-defence-current"

#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-likes.h"
#include "jp-store-defence.h"
#include "jp-store-ranking.h"

/* jp_store_defence_get_current: the session and the member's sheet for the current candidate
 * from one load (a station's GET /defence). The fixture is tests/store/test-defence.c's:
 * a frozen election with quota 2: trade XT with candidates A, B, C, D (cand[0..3]), members
 * M01..M05 on its panel; M05 works at C's unit, so is conflicted with C (回避). The ballot
 * (3 seats): A 5 votes, B 4, C 3, D 3 -> a run-off between C and D, which C wins 4 : 1.
 * So the finalists are A, B, C and the main round is round 1 (valid 5): V = 100, 80, 60. */
typedef struct {
  char    *dir;
  JpStore *store;
  gint64   cand[4];
  char    *code[4];
  gint64   session;
} Fixture;

static void
add_member (JpStore *store, const char *code, const char *unit)
{
  g_autoptr(JpMember) m = g_new0 (JpMember, 1);
  g_autoptr(GError) error = NULL;
  const char *trades[] = { "XT", NULL };

  m->code = g_strdup (code);
  m->name = g_strdup_printf ("评委%s", code);
  m->unit = g_strdup (unit);
  m->trades = g_strdupv ((GStrv) trades);
  jp_store_add_member (store, m, "test", &error);
  g_assert_no_error (error);
}

static void
vote (Fixture *f, gint64 round, const char *member, const char *marks)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = g_strsplit (marks, " ", -1);

  jp_store_submit_ballot (f->store, round, member, (const char *const *) list, NULL, NULL,
                          &error);
  g_assert_no_error (error);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(JpElection) election = NULL;
  g_autofree char *m1 = NULL, *m3 = NULL, *m4 = NULL, *m5 = NULL, *run = NULL;
  gint64 round, runoff;

  f->dir = test_tmp_dir ();
  path = g_build_filename (f->dir, "defence.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  election = jp_store_get_election (f->store);
  election->quota = 2;
  jp_store_update_election (f->store, election, "test", &error);
  g_assert_no_error (error);
  jp_store_add_trade (f->store, "XT", "稀土", TRUE, "test", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *body = g_strdup_printf ("1502031980010%04d", 100 + i);
      g_autofree char *id = test_id_number (body);
      g_autofree char *name = g_strdup_printf ("候选人%d", i + 1);
      g_autofree char *unit = g_strdup_printf ("单位%d", i + 1);
      g_autoptr(JpCandidate) c = test_candidate (name, id, unit, "稀土");

      jp_store_save_candidate (f->store, c, NULL, "test", NULL, &error);
      g_assert_no_error (error);
      f->cand[i] = c->id;
    }
  for (int m = 1; m <= 5; m++)
    {
      g_autofree char *code = g_strdup_printf ("M%02d", m);
      g_autofree char *unit = m == 5 ? g_strdup ("单位3") : g_strdup_printf ("别处%d", m);

      add_member (f->store, code, unit);
    }
  g_assert_true (jp_store_exec (f->store, "UPDATE candidate SET status = 'qualified'", NULL));
  codes = jp_store_freeze (f->store, "test", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < codes->len; i++)
    {
      JpCodeAssignment *a = g_ptr_array_index (codes, i);

      for (int k = 0; k < 4; k++)
        if (f->cand[k] == a->candidate_id)
          f->code[k] = g_strdup (a->code);
    }

  round = jp_store_open_ballot_round (f->store, "XT", 3, 3, -1, "chair", &error);
  g_assert_no_error (error);
  m1 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[2]);
  m3 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[3]);
  m4 = g_strdup_printf ("%s %s %s", f->code[0], f->code[2], f->code[3]);
  m5 = g_strdup_printf ("%s %s %s", f->code[0], f->code[1], f->code[3]);
  vote (f, round, "M01", m1);
  vote (f, round, "M02", m1);
  vote (f, round, "M03", m3);
  vote (f, round, "M04", m4);
  vote (f, round, "M05", m5);
  g_assert_true (jp_store_close_round (f->store, round, "chair", &error));
  g_assert_no_error (error);
  runoff = jp_store_create_runoff (f->store, round, "chair", &error);
  g_assert_no_error (error);
  vote (f, runoff, "M01", f->code[2]);
  vote (f, runoff, "M02", f->code[2]);
  vote (f, runoff, "M03", f->code[2]);
  vote (f, runoff, "M04", f->code[2]);
  vote (f, runoff, "M05", f->code[3]);
  g_assert_true (jp_store_close_round (f->store, runoff, "chair", &error));
  g_assert_no_error (error);

  if (GPOINTER_TO_INT (data) == 0)
    return;
  f->session = jp_store_open_defence_session (f->store, "XT", "chair", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->session, >, 0);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  for (int i = 0; i < 4; i++)
    g_free (f->code[i]);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static gboolean
score (Fixture *f, const char *member, int cand, const char *values, gboolean submit,
       GError **error)
{
  g_auto(GStrv) parts = g_strsplit (values, ",", -1);

  return jp_store_defence_save_sheet_text (f->store, f->session, member, f->code[cand],
                                           (const char *const *) parts, submit, "station",
                                           error);
}

static void
set_current (Fixture *f, int cand)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_store_defence_set_current (f->store, f->session, f->code[cand], "chair",
                                               &error));
  g_assert_no_error (error);
}

/* No candidate called yet: the session, and no sheet. */
static void
test_no_current (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = NULL;
  g_autoptr(JpDefenceSession) plain = NULL;
  JpDefenceSheet *sheet = (JpDefenceSheet *) 0x1;

  s = jp_store_defence_get_current (f->store, f->session, "M01", &sheet, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_null (sheet);
  plain = jp_store_get_defence_session (f->store, f->session, &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->round_id, ==, plain->round_id);
  g_assert_cmpstr (s->trade_code, ==, "XT");
  g_assert_cmpuint (s->candidates->len, ==, plain->candidates->len);
  g_assert_cmpuint (s->panel->len, ==, 5);
  g_assert_cmpuint (s->rubric->len, ==, plain->rubric->len);
  g_assert_null (jp_defence_session_current (s));
}

/* A called candidate: a blank sheet before anything is saved, then the draft, then the
 * submitted sheet; the same as jp_store_defence_get_sheet gives. */
static void
test_sheet (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  set_current (f, 1);
  for (int step = 0; step < 3; step++)
    {
      g_autoptr(JpDefenceSession) s = NULL;
      g_autoptr(JpDefenceSheet) sheet = NULL;
      g_autoptr(JpDefenceSheet) alone = NULL;

      if (step == 1)
        g_assert_true (score (f, "M02", 1, "12,20,,16,12", FALSE, &error));
      if (step == 2)
        g_assert_true (score (f, "M02", 1, "12.5,21,21,16,12", TRUE, &error));
      g_assert_no_error (error);
      s = jp_store_defence_get_current (f->store, f->session, "M02", &sheet, &error);
      g_assert_no_error (error);
      g_assert_nonnull (s);
      g_assert_cmpstr (jp_defence_session_current (s)->code, ==, f->code[1]);
      g_assert_nonnull (sheet);
      alone = jp_store_defence_get_sheet (f->store, f->session, "M02", f->code[1], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sheet->member, ==, "M02");
      g_assert_cmpstr (sheet->candidate, ==, f->code[1]);
      g_assert_cmpint (sheet->state, ==, alone->state);
      g_assert_cmpuint (sheet->n_criteria, ==, s->rubric->len);
      g_assert_cmpint (sheet->total_halves, ==, alone->total_halves);
      for (guint i = 0; i < sheet->n_criteria; i++)
        g_assert_cmpint (sheet->halves[i], ==, alone->halves[i]);
      switch (step)
        {
        case 0:
          g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_NONE);
          for (guint i = 0; i < sheet->n_criteria; i++)
            g_assert_cmpint (sheet->halves[i], ==, -1);
          break;
        case 1:
          g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_DRAFT);
          g_assert_cmpint (sheet->halves[0], ==, 24);
          g_assert_cmpint (sheet->halves[2], ==, -1);
          break;
        default:
          g_assert_cmpint (sheet->state, ==, JP_DEFENCE_SHEET_SUBMITTED);
          g_assert_cmpint (sheet->halves[0], ==, 25);
          g_assert_cmpint (sheet->total_halves, ==, 165);
          break;
        }
    }
}

/* A member off the panel gets the session and no sheet; an unknown round is an error. */
static void
test_off_panel (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = NULL;
  JpDefenceSheet *sheet = (JpDefenceSheet *) 0x1;

  set_current (f, 0);
  s = jp_store_defence_get_current (f->store, f->session, "M99", &sheet, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_null (sheet);

  sheet = (JpDefenceSheet *) 0x1;
  g_assert_null (jp_store_defence_get_current (f->store, f->session + 100, "M01", &sheet,
                                               &error));
  g_assert_nonnull (error);
  g_assert_null (sheet);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/defence-current/no-current", Fixture, GINT_TO_POINTER (1), setup,
              test_no_current, teardown);
  g_test_add ("/store/defence-current/sheet", Fixture, GINT_TO_POINTER (1), setup,
              test_sheet, teardown);
  g_test_add ("/store/defence-current/off-panel", Fixture, GINT_TO_POINTER (1), setup,
              test_off_panel, teardown);
  return g_test_run ();
}
