/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-tally"

#include "config.h"

#include <string.h>

#include "jp-core.h"

/* Builds a tally from a compact description: codes "A B C", ballots like "A B|C||!|A B C"
 * ("" = blank, "!" = declared invalid). */
static JpTally *
tally_of (const char *codes,
          const char *ballots,
          int         seats,
          int         max_choices,
          int         present,
          gboolean    threshold)
{
  g_auto(GStrv) code_list = g_strsplit (codes, " ", -1);
  g_auto(GStrv) ballot_list = g_strsplit (ballots, "|", -1);
  g_autoptr(GPtrArray) c = g_ptr_array_new ();
  g_autoptr(GPtrArray) b = g_ptr_array_new ();
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  JpTallyInput input = { 0 };
  JpTally *tally;

  for (guint i = 0; code_list[i] != NULL; i++)
    g_ptr_array_add (c, code_list[i]);
  for (guint i = 0; *ballots != '\0' && ballot_list[i] != NULL; i++)
    {
      JpTallyBallot *tb = g_new0 (JpTallyBallot, 1);

      /* serials in no particular order, as the store's random serials are */
      tb->serial = 1000 + ((gint64) i * 7919) % 9973;
      tb->invalid = g_str_equal (ballot_list[i], "!");
      tb->marks = tb->invalid || *ballot_list[i] == '\0' ? NULL
                  : g_strsplit (ballot_list[i], " ", -1);
      g_ptr_array_add (b, tb);
      g_ptr_array_add (owned, tb);
    }
  input.seats = seats;
  input.max_choices = max_choices;
  input.present = present;
  input.majority_threshold = threshold;
  input.codes = c;
  input.ballots = b;
  tally = jp_tally_compute (&input, 7, "XT");
  for (guint i = 0; i < b->len; i++)
    g_strfreev (((JpTallyBallot *) b->pdata[i])->marks);
  return tally;
}

/* "A:3:1:advanced B:1:2:runoff ..." in the tally's order */
static char *
describe (JpTally *t)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < t->candidates->len; i++)
    {
      JpTallyCandidate *c = g_ptr_array_index (t->candidates, i);

      g_string_append_printf (s, "%s%s:%d:%d:%s", i > 0 ? " " : "", c->code, c->votes, c->rank,
                              jp_tally_outcome_to_key (c->outcome));
    }
  return g_string_free (s, FALSE);
}

static void
test_competition_ranks (void)
{
  /* A 3, B 2, C 2, D 1 -> ranks 1 2 2 4; seats 3: the tie B/C is inside */
  g_autoptr(JpTally) t = tally_of ("D C B A", "A B C|A B C|A D", 3, 3, 3, FALSE);
  g_autofree char *d = describe (t);

  g_assert_cmpstr (d, ==, "A:3:1:advanced B:2:2:advanced C:2:2:advanced D:1:4:out");
  g_assert_cmpuint (g_strv_length (t->runoff_codes), ==, 0);
  g_assert_cmpint (t->runoff_seats, ==, 0);
}

static void
test_boundary_tie_runoff (void)
{
  /* seats 2: A 3 advances; B and C tie at 2 for the 1 remaining seat */
  g_autoptr(JpTally) t = tally_of ("C B A D", "A B|A C|A B|C D", 2, 2, 4, FALSE);
  g_autofree char *d = describe (t);

  g_assert_cmpstr (d, ==, "A:3:1:advanced B:2:2:runoff C:2:2:runoff D:1:4:out");
  g_assert_cmpuint (g_strv_length (t->runoff_codes), ==, 2);
  g_assert_cmpstr (t->runoff_codes[0], ==, "B");
  g_assert_cmpstr (t->runoff_codes[1], ==, "C");
  g_assert_cmpint (t->runoff_seats, ==, 1);
}

static void
test_three_way_tie_two_seats (void)
{
  /* seats 3: A advances, B C D tie at 1 for 2 remaining seats */
  g_autoptr(JpTally) t = tally_of ("A B C D", "A B|A C|D", 3, 2, 3, FALSE);
  g_autofree char *d = describe (t);

  g_assert_cmpstr (d, ==, "A:2:1:advanced B:1:2:runoff C:1:2:runoff D:1:2:runoff");
  g_assert_cmpint (t->runoff_seats, ==, 2);
}

static void
test_tie_outside (void)
{
  /* seats 1: A advances; B and C tied below the cut-off are out */
  g_autoptr(JpTally) t = tally_of ("A B C", "A|A|B|C", 1, 1, 4, FALSE);
  g_autofree char *d = describe (t);

  g_assert_cmpstr (d, ==, "A:2:1:advanced B:1:2:out C:1:2:out");
  g_assert_cmpint (t->runoff_seats, ==, 0);
}

static void
test_overvote_and_invalid_word (void)
{
  /* max 2: "A B C" is invalid as a whole and counts for nobody; "!" is invalid; "" blank */
  g_autoptr(JpTally) t = tally_of ("A B C", "A B C|!||A", 1, 2, 4, FALSE);
  g_autofree char *d = describe (t);

  g_assert_cmpint (t->cast, ==, 4);
  g_assert_cmpint (t->invalid, ==, 2);
  g_assert_cmpint (t->blank, ==, 1);
  g_assert_cmpint (t->valid, ==, 2);   /* cast - invalid; the blank ballot is valid */
  g_assert_cmpstr (d, ==, "A:1:1:advanced B:0:2:out C:0:2:out");
}

static void
test_threshold (void)
{
  /* 5 valid ballots: A 3 (3*2 > 5) passes, B 2 does not */
  g_autoptr(JpTally) on = tally_of ("A B C", "A B|A B|A|C||", 2, 2, 6, TRUE);
  g_autoptr(JpTally) off = tally_of ("A B C", "A B|A B|A|C||", 2, 2, 6, FALSE);
  /* a tied boundary group that fails the threshold is out, not a run-off */
  g_autoptr(JpTally) tie = tally_of ("A B C", "A B|A C|A|", 2, 2, 4, TRUE);
  g_autofree char *d_on = describe (on);
  g_autofree char *d_off = describe (off);
  g_autofree char *d_tie = describe (tie);

  g_assert_cmpint (on->valid, ==, 6);
  g_assert_cmpstr (d_on, ==, "A:3:1:out B:2:2:out C:1:3:out");
  g_assert_cmpstr (d_off, ==, "A:3:1:advanced B:2:2:advanced C:1:3:out");
  g_assert_cmpstr (d_tie, ==, "A:3:1:advanced B:1:2:out C:1:2:out");
  g_assert_cmpint (tie->runoff_seats, ==, 0);
}

static void
test_threshold_passes (void)
{
  /* 4 valid: A 3 passes (6 > 4), B 2 exactly half does not (4 > 4 is false) */
  g_autoptr(JpTally) t = tally_of ("A B", "A B|A B|A|", 2, 2, 4, TRUE);
  g_autofree char *d = describe (t);

  g_assert_cmpstr (d, ==, "A:3:1:advanced B:2:2:out");
}

static void
test_void (void)
{
  /* 3 ballots, 2 present: void, nobody advances */
  g_autoptr(JpTally) t = tally_of ("A B", "A|A|B", 1, 1, 2, FALSE);
  g_autofree char *d = describe (t);

  g_assert_true (t->void_round);
  g_assert_cmpstr (d, ==, "A:2:1:out B:1:2:out");
  g_assert_cmpint (t->runoff_seats, ==, 0);
}

static void
test_fewer_candidates_than_seats (void)
{
  g_autoptr(JpTally) t = tally_of ("A B", "A|B|A", 3, 3, 3, FALSE);
  g_autoptr(JpTally) th = tally_of ("A B", "A|B|A", 3, 3, 3, TRUE);
  g_autofree char *d = describe (t);
  g_autofree char *dth = describe (th);

  g_assert_cmpstr (d, ==, "A:2:1:advanced B:1:2:advanced");
  g_assert_cmpstr (dth, ==, "A:2:1:advanced B:1:2:out");
}

static void
test_zero_votes (void)
{
  /* all blank: every candidate tied at 0 across the cut-off -> run-off for both seats */
  g_autoptr(JpTally) t = tally_of ("B A C", "||", 2, 2, 3, FALSE);
  g_autofree char *d = describe (t);
  g_autoptr(JpTally) none = tally_of ("A B", "", 1, 1, 3, FALSE);

  g_assert_cmpint (t->blank, ==, 3);
  g_assert_cmpstr (d, ==, "A:0:1:runoff B:0:1:runoff C:0:1:runoff");
  g_assert_cmpint (t->runoff_seats, ==, 2);
  g_assert_cmpint (none->cast, ==, 0);
  g_assert_cmpint (none->runoff_seats, ==, 1);
}

#define SEALED_VECTOR "c8a1a234dfd89b52f0d6febbd82f8da9052e3a5d37420ca1e08cf5458878780a"

static void
test_digest_vector (void)
{
  /* printf '{"ballots":{"blank":1,"cast":5,"invalid":1,"present":5,"valid":4},"candidates":
   * [{"code":"XT-01","outcome":"advanced","rank":1,"votes":3},{"code":"XT-02","outcome":
   * "runoff","rank":2,"votes":1},{"code":"XT-03","outcome":"runoff","rank":2,"votes":1}],
   * "max_choices":2,"round":7,"seats":2,"trade":"XT","void":false}' | sha256sum
   * (one line, no spaces) gives 3874e158...b3ae6 */
  g_autoptr(JpTally) t = tally_of ("XT-03 XT-01 XT-02",
                                   "XT-01 XT-02|XT-01 XT-03|XT-01||XT-01 XT-02 XT-03", 2, 2, 5,
                                   FALSE);
  g_autoptr(JpTally) again = tally_of ("XT-03 XT-01 XT-02",
                                       "XT-01 XT-02|XT-01 XT-03|XT-01||XT-01 XT-02 XT-03", 2,
                                       2, 5, FALSE);
  g_autofree char *json = jp_tally_canonical_json (t);

  g_assert_cmpstr (json, ==,
                   "{\"ballots\":{\"blank\":1,\"cast\":5,\"invalid\":1,\"present\":5,\"valid\":4},"
                   "\"candidates\":[{\"code\":\"XT-01\",\"outcome\":\"advanced\",\"rank\":1,"
                   "\"votes\":3},{\"code\":\"XT-02\",\"outcome\":\"runoff\",\"rank\":2,"
                   "\"votes\":1},{\"code\":\"XT-03\",\"outcome\":\"runoff\",\"rank\":2,"
                   "\"votes\":1}],\"max_choices\":2,\"round\":7,\"seats\":2,\"trade\":\"XT\","
                   "\"void\":false}");
  /* version 1, the result alone: kept for rounds sealed before version 2 */
  {
    g_autofree char *v1 = jp_tally_digest (t);

    g_assert_cmpstr (v1, ==, "3874e1586db4a6fbbe202568455da9148d13ce68c542b63599b2b752ab7b3ae6");
  }
  g_assert_cmpstr (again->digest, ==, t->digest);
}

/* The sealed digest (version 2) covers the ballots by serial and the result: the vector of
 * docs/result-digest.md. */
static void
test_sealed_digest_vector (void)
{
  g_autoptr(JpTally) t = tally_of ("XT-03 XT-01 XT-02",
                                   "XT-01 XT-02|XT-01 XT-03|XT-01||XT-01 XT-02 XT-03", 2, 2, 5,
                                   FALSE);
  g_autoptr(JpTally) other = tally_of ("XT-03 XT-01 XT-02",
                                       "XT-01 XT-03|XT-01 XT-02|XT-01||XT-01 XT-02 XT-03", 2,
                                       2, 5, FALSE);
  g_autofree char *text = jp_tally_sealed_text (t);
  g_autofree char *v1 = jp_tally_digest (t);
  g_autofree char *v1_other = jp_tally_digest (other);

  g_assert_cmpint (t->digest_version, ==, 2);
  g_assert_cmpstr (t->ballot_list, ==,
                   "[{\"invalid\":false,\"marks\":[\"XT-01\",\"XT-02\"],\"serial\":1000},"
                   "{\"invalid\":false,\"marks\":[\"XT-01\",\"XT-02\",\"XT-03\"],"
                   "\"serial\":2757},"
                   "{\"invalid\":false,\"marks\":[],\"serial\":4811},"
                   "{\"invalid\":false,\"marks\":[\"XT-01\"],\"serial\":6865},"
                   "{\"invalid\":false,\"marks\":[\"XT-01\",\"XT-03\"],\"serial\":8919}]");
  g_assert_true (g_str_has_prefix (text, "{\"ballots\":[{\"invalid\":false,"));
  g_assert_true (g_str_has_suffix (text, "\"void\":false},\"version\":2}"));
  g_assert_cmpstr (t->digest, ==, SEALED_VECTOR);
  /* two ballots swapped between serials: the same result, another sealed digest */
  g_assert_cmpstr (v1, ==, v1_other);
  g_assert_cmpstr (other->digest, !=, t->digest);
}

static void
test_digest_escapes (void)
{
  g_autoptr(JpTally) t = tally_of ("A", "A", 1, 1, 1, FALSE);
  g_autofree char *json = NULL;

  g_free (t->trade);
  t->trade = g_strdup ("稀\"土\\\n");
  json = jp_tally_canonical_json (t);
  g_assert_nonnull (strstr (json, "\"trade\":\"稀\\\"土\\\\\\u000a\""));
}

static void
bench_tally (void)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autoptr(GString) ballots = g_string_new (NULL);
  g_autoptr(JpTally) t = NULL;
  gint64 start;
  double ms;

  for (int i = 1; i <= 200; i++)
    g_string_append_printf (codes, "%sXT-%03d", i > 1 ? " " : "", i);
  for (int b = 0; b < 60; b++)
    g_string_append_printf (ballots, "%sXT-%03d XT-%03d XT-%03d", b > 0 ? "|" : "",
                            1 + b % 200, 1 + (b * 7) % 200, 1 + (b * 13 + 5) % 200);
  start = g_get_monotonic_time ();
  t = tally_of (codes->str, ballots->str, 10, 30, 60, FALSE);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_minimized_result (ms, "tally of 60 ballots x 200 candidates: %.3f ms", ms);
  g_assert_cmpint (t->cast, ==, 60);
  if (g_test_perf ())
    g_assert_cmpfloat (ms, <, 5.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (argc > 1 && g_str_equal (argv[1], "--bench"))
    {
      g_test_add_func ("/core/tally/bench", bench_tally);
      return g_test_run ();
    }
  g_test_add_func ("/core/tally/competition-ranks", test_competition_ranks);
  g_test_add_func ("/core/tally/boundary-tie-runoff", test_boundary_tie_runoff);
  g_test_add_func ("/core/tally/three-way-tie", test_three_way_tie_two_seats);
  g_test_add_func ("/core/tally/tie-outside", test_tie_outside);
  g_test_add_func ("/core/ballot/overvote-invalid", test_overvote_and_invalid_word);
  g_test_add_func ("/core/tally/threshold", test_threshold);
  g_test_add_func ("/core/tally/threshold-half", test_threshold_passes);
  g_test_add_func ("/core/tally/void", test_void);
  g_test_add_func ("/core/tally/fewer-candidates", test_fewer_candidates_than_seats);
  g_test_add_func ("/core/tally/zero-votes", test_zero_votes);
  g_test_add_func ("/core/tally/digest-vector", test_digest_vector);
  g_test_add_func ("/core/tally/digest-escapes", test_digest_escapes);
  g_test_add_func ("/core/tally/sealed-digest-vector", test_sealed_digest_vector);
  g_test_add_func ("/core/tally/bench", bench_tally);
  return g_test_run ();
}
