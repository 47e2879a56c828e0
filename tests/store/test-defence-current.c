/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-defence-current"

#include "config.h"

#include <string.h>

#include "store-defence-test-util.h"

/* jp_store_defence_get_current: the session and the member's sheet for the current candidate
 * from one load (a station's GET /defence), on the defence tests' election
 * (store-defence-test-util.h). */

/* No candidate called yet: the session, and no sheet. */
static void
test_no_current (TestDefence *f, gconstpointer data)
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
test_sheet (TestDefence *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  test_defence_set_current (f, 1);
  for (int step = 0; step < 3; step++)
    {
      g_autoptr(JpDefenceSession) s = NULL;
      g_autoptr(JpDefenceSheet) sheet = NULL;
      g_autoptr(JpDefenceSheet) alone = NULL;

      if (step == 1)
        g_assert_true (test_defence_score (f, "M02", 1, "12,20,,16,12", FALSE, &error));
      if (step == 2)
        g_assert_true (test_defence_score (f, "M02", 1, "12.5,21,21,16,12", TRUE, &error));
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
test_off_panel (TestDefence *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceSession) s = NULL;
  JpDefenceSheet *sheet = (JpDefenceSheet *) 0x1;

  test_defence_set_current (f, 0);
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

  TEST_DEFENCE_ADD ("/store/defence-current/no-current", test_no_current);
  TEST_DEFENCE_ADD ("/store/defence-current/sheet", test_sheet);
  TEST_DEFENCE_ADD ("/store/defence-current/off-panel", test_off_panel);
  return g_test_run ();
}
