/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-seats"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static int
seat (GArray *seats,
      guint   i)
{
  return g_array_index (seats, int, i);
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *code,
             JpSeverity  severity)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      JpFinding *f = g_ptr_array_index (findings, i);

      if (strcmp (f->code, code) == 0 && f->severity == severity)
        return TRUE;
    }
  return FALSE;
}

static void
test_target (void)
{
  g_assert_cmpint (jp_seats_target (20, 1.5), ==, 30);
  g_assert_cmpint (jp_seats_target (21, 1.5), ==, 32);
  /* 10 x 1.1 is 11.000000000000002 in binary floating point: must not become 12 */
  g_assert_cmpint (jp_seats_target (10, 1.1), ==, 11);
  g_assert_cmpint (jp_seats_target (3, 0.7), ==, 3);   /* 2.1 -> 3 */
  g_assert_cmpint (jp_seats_target (20, 1.0), ==, 20);
  g_assert_cmpint (jp_seats_target (0, 1.5), ==, 0);
  g_assert_cmpint (jp_seats_target (20, 0), ==, 0);
  g_assert_cmpint (jp_seats_target (20, -1.5), ==, 0);
}

/* Default 30 seats over a demo-like spread of 47 qualified candidates (see docs/seats.md). */
static void
test_default_thirty (void)
{
  const JpSeatTrade trades[] = {
    { "XT", 12 }, { "GU", 8 }, { "FD", 7 }, { "GF", 6 }, { "ZZ", 10 }, { "JX", 4 },
  };
  const int expected[] = { 8, 5, 4, 4, 6, 3 };
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GArray) seats = jp_seats_allocate (trades, G_N_ELEMENTS (trades),
                                               jp_seats_target (20, 1.5), &notes);

  g_assert_cmpuint (seats->len, ==, G_N_ELEMENTS (trades));
  for (guint i = 0; i < G_N_ELEMENTS (trades); i++)
    g_assert_cmpint (seat (seats, i), ==, expected[i]);
  g_assert_cmpint (jp_seats_sum (seats), ==, 30);
  g_assert_cmpuint (notes->len, ==, 0);
}

static void
test_one_candidate (void)
{
  const JpSeatTrade trades[] = { { "A", 1 }, { "B", 20 }, { "C", 19 } };
  g_autoptr(GArray) seats = jp_seats_allocate (trades, 3, 10, NULL);

  /* A's exact share is 0.25: it gets its minimum of 1; the other 9 are shared 20:19 */
  g_assert_cmpint (seat (seats, 0), ==, 1);
  g_assert_cmpint (seat (seats, 1), ==, 5);
  g_assert_cmpint (seat (seats, 2), ==, 4);
}

static void
test_more_trades_than_seats (void)
{
  const JpSeatTrade trades[] = {
    { "A", 9 }, { "B", 1 }, { "C", 3 }, { "D", 2 }, { "E", 5 }, { "F", 1 }, { "G", 4 },
    { "H", 0 },
  };
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GArray) seats = jp_seats_allocate (trades, G_N_ELEMENTS (trades), 5, &notes);

  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (seat (seats, i), ==, 1);
  g_assert_cmpint (seat (seats, 7), ==, 0);
  g_assert_cmpint (jp_seats_sum (seats), ==, 7);
  g_assert_true (has_finding (notes, "seats-min-one-exceeds", JP_SEVERITY_WARNING));
  g_assert_nonnull (strstr (((JpFinding *) notes->pdata[0])->message, "7"));
}

static void
test_tie_break (void)
{
  /* 4 seats, 3 : 5 -> exact shares 1.5 and 2.5, equal remainders: more candidates first,
   * even though "AA" sorts before "ZZ" */
  const JpSeatTrade by_size[] = { { "AA", 3 }, { "ZZ", 5 } };
  /* 5 seats, 3 : 3 -> 2.5 each: equal size, so byte order of the code: "GF" before "XT" */
  const JpSeatTrade by_code[] = { { "XT", 3 }, { "GF", 3 } };
  g_autoptr(GArray) a = jp_seats_allocate (by_size, 2, 4, NULL);
  g_autoptr(GArray) b = jp_seats_allocate (by_code, 2, 5, NULL);

  g_assert_cmpint (seat (a, 0), ==, 1);
  g_assert_cmpint (seat (a, 1), ==, 3);
  g_assert_cmpint (seat (b, 0), ==, 2);
  g_assert_cmpint (seat (b, 1), ==, 3);
}

static void
test_short (void)
{
  const JpSeatTrade trades[] = { { "A", 3 }, { "B", 0 }, { "C", 2 } };
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GArray) seats = jp_seats_allocate (trades, 3, 30, &notes);

  g_assert_cmpint (seat (seats, 0), ==, 3);
  g_assert_cmpint (seat (seats, 1), ==, 0);
  g_assert_cmpint (seat (seats, 2), ==, 2);
  g_assert_true (has_finding (notes, "seats-short", JP_SEVERITY_WARNING));
  g_assert_nonnull (strstr (((JpFinding *) notes->pdata[0])->message, "30"));
}

static void
test_zero_candidates (void)
{
  const JpSeatTrade trades[] = { { "A", 0 }, { "B", 10 }, { "C", 5 }, { "D", 0 } };
  const JpSeatTrade none[] = { { "A", 0 }, { "B", 0 } };
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GArray) seats = jp_seats_allocate (trades, 4, 6, &notes);
  g_autoptr(GArray) empty = jp_seats_allocate (none, 2, 30, NULL);
  g_autoptr(GArray) no_trades = jp_seats_allocate (NULL, 0, 30, NULL);

  g_assert_cmpint (seat (seats, 0), ==, 0);
  g_assert_cmpint (seat (seats, 1), ==, 4);
  g_assert_cmpint (seat (seats, 2), ==, 2);
  g_assert_cmpint (seat (seats, 3), ==, 0);
  g_assert_cmpuint (notes->len, ==, 0);
  g_assert_cmpint (jp_seats_sum (empty), ==, 0);
  g_assert_cmpuint (no_trades->len, ==, 0);
}

/* Many random spreads: the allocation always meets every rule. */
static void
test_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20230501);

  for (guint round = 0; round < 3000; round++)
    {
      guint n = g_rand_int_range (rand, 1, 13);
      int target = g_rand_int_range (rand, 1, 61);
      g_autofree JpSeatTrade *trades = g_new0 (JpSeatTrade, n);
      g_autofree char *codes = g_new0 (char, 3 * n);
      g_autoptr(GArray) seats = NULL;
      g_autoptr(GPtrArray) notes = NULL;
      int total = 0;
      guint with = 0;

      for (guint i = 0; i < n; i++)
        {
          codes[3 * i] = 'A' + (char) g_rand_int_range (rand, 0, 26);
          codes[3 * i + 1] = 'A' + (char) i;
          trades[i].code = codes + 3 * i;
          trades[i].qualified = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 6)
                                                      : g_rand_int_range (rand, 0, 40);
          total += trades[i].qualified;
          with += trades[i].qualified > 0;
        }
      seats = jp_seats_allocate (trades, n, target, &notes);

      for (guint i = 0; i < n; i++)
        {
          int q = trades[i].qualified;

          g_assert_cmpint (seat (seats, i), <=, q);
          if (q > 0)
            g_assert_cmpint (seat (seats, i), >=, 1);
          else
            g_assert_cmpint (seat (seats, i), ==, 0);
          for (guint k = 0; k < n; k++)
            if (trades[k].qualified > q)
              g_assert_cmpint (seat (seats, k), >=, seat (seats, i));
        }

      if (with > (guint) target)
        {
          g_assert_cmpint (jp_seats_sum (seats), ==, with);
          g_assert_true (has_finding (notes, "seats-min-one-exceeds", JP_SEVERITY_WARNING));
        }
      else if (total < target)
        {
          g_assert_cmpint (jp_seats_sum (seats), ==, total);
          g_assert_true (has_finding (notes, "seats-short", JP_SEVERITY_WARNING));
        }
      else
        {
          g_assert_cmpint (jp_seats_sum (seats), ==, target);
          g_assert_cmpuint (notes->len, ==, 0);
        }
    }
}

static void
test_check (void)
{
  const JpSeatTrade trades[] = { { "XT", 5 }, { "GU", 2 }, { "FD", 3 }, { "JX", 0 } };
  g_autoptr(GArray) good = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) bad = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) ok = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const int good_values[] = { 3, 1, 2, 0 };
  const int bad_values[] = { -1, 3, 0, 1 };

  g_array_append_vals (good, good_values, 4);
  g_array_append_vals (bad, bad_values, 4);

  ok = jp_seats_check (trades, 4, good, 6);
  g_assert_cmpuint (ok->len, ==, 0);

  findings = jp_seats_check (trades, 4, bad, 6);
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_cmpstr (((JpFinding *) findings->pdata[0])->code, ==, "seats-negative");
  g_assert_cmpstr (((JpFinding *) findings->pdata[0])->field, ==, "XT");
  g_assert_cmpint (((JpFinding *) findings->pdata[0])->severity, ==, JP_SEVERITY_ERROR);
  g_assert_cmpstr (((JpFinding *) findings->pdata[1])->code, ==, "seats-over-qualified");
  g_assert_cmpstr (((JpFinding *) findings->pdata[1])->field, ==, "GU");
  g_assert_nonnull (strstr (((JpFinding *) findings->pdata[1])->message, "GU"));
  g_assert_cmpint (((JpFinding *) findings->pdata[1])->severity, ==, JP_SEVERITY_ERROR);
  g_assert_cmpstr (((JpFinding *) findings->pdata[2])->code, ==, "seats-zero");
  g_assert_cmpstr (((JpFinding *) findings->pdata[2])->field, ==, "FD");
  g_assert_cmpint (((JpFinding *) findings->pdata[2])->severity, ==, JP_SEVERITY_WARNING);
  /* a trade with no candidates cannot have a seat */
  g_assert_cmpstr (((JpFinding *) findings->pdata[3])->code, ==, "seats-over-qualified");
  g_assert_cmpstr (((JpFinding *) findings->pdata[3])->field, ==, "JX");
  g_assert_cmpstr (((JpFinding *) findings->pdata[4])->code, ==, "seats-sum");
  g_assert_cmpint (((JpFinding *) findings->pdata[4])->severity, ==, JP_SEVERITY_WARNING);
  g_assert_nonnull (strstr (((JpFinding *) findings->pdata[4])->message, "3"));
}

static void
test_change_lock (void)
{
  const JpSeatTrade trades[] = { { "XT", 5 }, { "GU", 2 } };
  const int before[] = { 3, 1 };
  const int after[] = { 2, 2 };
  g_autoptr(GArray) old_seats = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) new_seats = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;

  g_array_append_vals (old_seats, before, 2);
  g_array_append_vals (new_seats, after, 2);

  g_assert_true (jp_seats_change_allowed (trades, 2, old_seats, new_seats,
                                          JP_STAGE_LOCK_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (jp_seats_change_allowed (trades, 2, old_seats, old_seats,
                                          JP_STAGE_LOCK_BALLOT_OPENED, &error));
  g_assert_no_error (error);
  g_assert_false (jp_seats_change_allowed (trades, 2, old_seats, new_seats,
                                           JP_STAGE_LOCK_BALLOT_OPENED, &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "XT"));
  g_assert_nonnull (strstr (error->message, "ballot"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/seats/target", test_target);
  g_test_add_func ("/core/seats/default-thirty", test_default_thirty);
  g_test_add_func ("/core/seats/one-candidate", test_one_candidate);
  g_test_add_func ("/core/seats/more-trades-than-seats", test_more_trades_than_seats);
  g_test_add_func ("/core/seats/tie-break", test_tie_break);
  g_test_add_func ("/core/seats/short", test_short);
  g_test_add_func ("/core/seats/zero-candidates", test_zero_candidates);
  g_test_add_func ("/core/seats/properties", test_properties);
  g_test_add_func ("/core/seats/check", test_check);
  g_test_add_func ("/core/seats/change-lock", test_change_lock);

  return g_test_run ();
}
