/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench-ranking-store"

#include "config.h"

#include <string.h>

#include "store-test-util.h"
#include "jp-store-rounds.h"
#include "jp-store-likes.h"
#include "jp-store-defence.h"
#include "jp-store-ranking.h"

/* DESIGN.md: the full composite ranking of 200 finalists with 60 members' sheets, here from
 * the election file as the host computes it: 4 trades of 50 finalists, 60 members on every
 * panel, a closed ballot round and a closed defence session per trade (12 000 sheets),
 * online likes. Measures jp_store_compute_ranking() after each new import of the online
 * likes (so every run computes from a file that changed, as the ranking page does after an
 * import or an adjustment; nothing is kept between calls), the best of several runs. Under
 * callgrind, --toggle-collect=jp_store_compute_ranking counts that call alone. */

#define N_TRADES 4
#define PER_TRADE 50
#define N_MEMBERS 60

static const char *const trades[N_TRADES + 1] = { "TA", "TB", "TC", "TD", NULL };

/* The online likes file of run `run`: each import changes every count, so each timed
 * ranking is computed from a file that changed since the one before. */
static GString *
likes_csv (JpStore *store,
           guint    run)
{
  g_autoptr(GError) error = NULL;
  GString *likes = g_string_new ("code,likes\n");

  for (guint t = 0; t < N_TRADES; t++)
    {
      g_autoptr(GPtrArray) rounds = jp_store_list_rounds (store, trades[t], &error);
      JpRound *round;

      g_assert_no_error (error);
      round = g_ptr_array_index (rounds, 0);
      for (guint c = 0; c < round->candidates->len; c++)
        g_string_append_printf (likes, "%s,%u\n",
                                ((JpRoundCandidate *) round->candidates->pdata[c])->code,
                                (c * 37 + t * 11 + run * 101) % 1000);
    }
  return likes;
}

static void
build (JpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  for (guint t = 0; t < N_TRADES; t++)
    {
      g_autofree char *name = g_strdup_printf ("工种%u", t + 1);

      jp_store_add_trade (store, trades[t], name, FALSE, "bench", &error);
      g_assert_no_error (error);
    }
  g_assert_true (jp_store_exec (store,
                                "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
                                "  WHERE i < 199) "
                                "INSERT INTO candidate (name, trade_id, status, created_at, "
                                "  updated_at) "
                                "SELECT '候选人' || i, (SELECT min (id) FROM trade) + i / 50, "
                                "  'qualified', 0, 0 FROM n", &error));
  g_assert_no_error (error);
  for (guint m = 0; m < N_MEMBERS; m++)
    {
      g_autoptr(JpMember) member = g_new0 (JpMember, 1);

      member->code = g_strdup_printf ("M%02u", m + 1);
      member->name = g_strdup_printf ("评委%u", m + 1);
      member->unit = g_strdup_printf ("单位%u", m + 1);
      member->trades = g_strdupv ((GStrv) trades);
      jp_store_add_member (store, member, "bench", &error);
      g_assert_no_error (error);
    }
  codes = jp_store_freeze (store, "bench", &error);
  g_assert_no_error (error);

  for (guint t = 0; t < N_TRADES; t++)
    {
      g_autoptr(JpRound) round = NULL;
      g_autoptr(GString) ballots = g_string_new ("serial,marks\n");
      gint64 id, session;

      id = jp_store_open_ballot_round (store, trades[t], PER_TRADE, PER_TRADE, N_MEMBERS, "bench",
                                       &error);
      g_assert_no_error (error);
      round = jp_store_get_round (store, id, &error);
      for (guint b = 0; b < N_MEMBERS; b++)
        {
          g_string_append_printf (ballots, "%u,", b + 1);
          for (guint c = 0; c < round->candidates->len; c++)
            if ((b + c) % 3 != 0)
              g_string_append_printf (ballots, "%s ",
                                      ((JpRoundCandidate *) round->candidates->pdata[c])->code);
          g_string_append (ballots, "\n");
        }
      jp_store_enter_paper_ballots (store, id, 1, ballots->str, ballots->len, "a.csv", "M01",
                                    &error);
      g_assert_no_error (error);
      jp_store_enter_paper_ballots (store, id, 2, ballots->str, ballots->len, "b.csv", "M02",
                                    &error);
      g_assert_no_error (error);
      g_assert_true (jp_store_close_round (store, id, "bench", &error));
      g_assert_no_error (error);

      session = jp_store_open_defence_session (store, trades[t], "bench", &error);
      g_assert_no_error (error);
      (void) session;
    }
  /* 12 000 submitted sheets: 20 + 20 + 20 + 15 + x points, x = 0..15 */
  g_assert_true (jp_store_exec (store,
                                "INSERT INTO defence_sheet (round_id, candidate_id, member_id, "
                                "  scores, total_halves, state, updated_at, submitted_at) "
                                "SELECT r.id, rc.candidate_id, mt.member_id, "
                                "  '40 40 40 30 ' || ((mt.member_id * 13 + rc.candidate_id * 7) "
                                "    % 31), "
                                "  150 + (mt.member_id * 13 + rc.candidate_id * 7) % 31, "
                                "  'submitted', 0, 0 "
                                "FROM round r JOIN round_candidate rc ON rc.round_id = r.id "
                                "JOIN member_trade mt ON mt.trade_id = r.trade_id "
                                "WHERE r.kind = 'defence'", &error));
  g_assert_no_error (error);
  for (guint t = 0; t < N_TRADES; t++)
    {
      g_autoptr(JpDefenceSession) s = jp_store_find_defence_session (store, trades[t], &error);

      g_assert_no_error (error);
      g_assert_true (jp_store_close_round (store, s->round_id, "bench", &error));
      g_assert_no_error (error);
    }
}

static void
bench_store_ranking (void)
{
  g_autofree char *dir = test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "bench.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_create (path, NULL, &error);
  g_autoptr(JpRanking) ranking = NULL;
  double best = G_MAXDOUBLE;

  g_autofree char *previous = NULL;

  g_assert_no_error (error);
  build (store);
  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(GString) likes = likes_csv (store, run);
      g_autoptr(JpLikesFile) imported = NULL;
      gint64 start;

      /* the honest path: the file changed (a new likes import) since the last ranking */
      imported = jp_store_import_likes (store, likes->str, likes->len, "likes.csv", "bench",
                                        NULL, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      g_clear_pointer (&ranking, jp_ranking_free);
      ranking = jp_store_compute_ranking (store, &error);
      g_assert_no_error (error);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      /* the new likes are in it: a different ranking each time */
      g_assert_cmpstr (ranking->digest, !=, previous);
      g_free (previous);
      previous = g_strdup (ranking->digest);
    }
  g_assert_cmpuint (ranking->candidates->len, ==, N_TRADES * PER_TRADE);
  g_test_minimized_result (best, "ranking of 200 finalists with 60 members' sheets from the "
                           "file: %.2f ms", best);
  g_clear_object (&store);
  test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/ranking/bench", bench_store_ranking);
  return g_test_run ();
}
