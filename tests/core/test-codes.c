/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-codes"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static GArray *
ids_of (const gint64 *values,
        guint         n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (ids, values, n);
  return ids;
}

static GArray *
ids_range (guint n)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      gint64 id = 1000 + (gint64) i * 7;
      g_array_append_val (ids, id);
    }
  return ids;
}

/* `len` pseudo-random bytes from a seeded generator (the application uses a CSPRNG). */
static guint8 *
seeded_bytes (GRand *rand,
              gsize  len)
{
  guint8 *bytes = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  return bytes;
}

static void
test_format (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const guint sizes[] = { 1, 5, 99, 100, 120 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      gsize len = jp_codes_random_bytes_needed (n);
      g_autofree guint8 *bytes = seeded_bytes (rand, len);
      g_autoptr(GArray) ids = ids_range (n);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) codes = jp_codes_draw ("XT", ids, bytes, len, &error);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      g_assert_no_error (error);
      g_assert_cmpuint (codes->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          JpCodeAssignment *a = g_ptr_array_index (codes, i);
          g_autofree char *expected = g_strdup_printf (n > 99 ? "XT-%03u" : "XT-%02u", i + 1);

          g_assert_cmpstr (a->code, ==, expected);
          g_assert_cmpint (a->position, ==, (int) i + 1);
          /* every candidate exactly once */
          g_assert_true (g_hash_table_add (seen, &a->candidate_id));
        }
      for (guint i = 0; i < n; i++)
        g_assert_true (g_hash_table_contains (seen, &g_array_index (ids, gint64, i)));
    }
}

static void
test_known_draw_and_record (void)
{
  /* 0xffffffff is in the biased tail for 3 (2^32 - 1 is a multiple of 3): it is rejected
   * and the next value 0 picks index 0; then 1 for the last swap. */
  const guint8 bytes[] = { 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 1 };
  const gint64 values[] = { 17, 42, 5 };
  g_autoptr(GArray) ids = ids_of (values, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = jp_codes_draw ("XT", ids, bytes, sizeof bytes, &error);
  g_autofree char *record = NULL;

  g_assert_no_error (error);
  record = jp_codes_draw_record (codes, bytes, sizeof bytes);
  g_assert_cmpstr (record, ==, "XT-01=42;XT-02=17;XT-03=5;random=ffffffff0000000000000001");

  /* the same draw with the biased value missing is short of one value */
  g_clear_pointer (&codes, g_ptr_array_unref);
  codes = jp_codes_draw ("XT", ids, bytes, 8, &error);
  g_assert_null (codes);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "48"));   /* bytes needed for 3 candidates */
  g_assert_nonnull (strstr (error->message, "XT"));
}

static char *
draw_record (const char   *trade,
             GArray       *ids,
             const guint8 *bytes,
             gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = jp_codes_draw (trade, ids, bytes, len, &error);

  g_assert_no_error (error);
  return jp_codes_draw_record (codes, NULL, 0);
}

static void
test_determinism (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  gsize len = jp_codes_random_bytes_needed (12);
  g_autofree guint8 *bytes = seeded_bytes (rand, len);
  g_autofree guint8 *other = seeded_bytes (rand, len);
  const gint64 forward[] = { 3, 8, 11, 19, 24, 30, 31, 45, 52, 60, 71, 88 };
  const gint64 shuffled[] = { 88, 3, 45, 60, 11, 71, 19, 8, 31, 52, 24, 30 };
  g_autoptr(GArray) a = ids_of (forward, 12);
  g_autoptr(GArray) b = ids_of (shuffled, 12);
  g_autofree char *first = draw_record ("GF", a, bytes, len);
  g_autofree char *again = draw_record ("GF", a, bytes, len);
  g_autofree char *reordered = draw_record ("GF", b, bytes, len);
  g_autofree char *different = draw_record ("GF", a, other, len);

  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, ==, reordered);   /* the caller's order does not matter */
  g_assert_cmpstr (first, !=, different);
}

static void
test_uniform (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (424242);
  const gint64 values[] = { 1, 2, 3 };
  g_autoptr(GArray) ids = ids_of (values, 3);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const guint draws = 6000;
  double expected = draws / 6.0;
  double chi2 = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < draws; i++)
    {
      g_autofree guint8 *bytes = seeded_bytes (rand, 8);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) codes = jp_codes_draw ("T", ids, bytes, 8, &error);
      g_autofree char *order = NULL;

      g_assert_no_error (error);
      order = g_strdup_printf ("%" G_GINT64_FORMAT "%" G_GINT64_FORMAT "%" G_GINT64_FORMAT,
                               ((JpCodeAssignment *) codes->pdata[0])->candidate_id,
                               ((JpCodeAssignment *) codes->pdata[1])->candidate_id,
                               ((JpCodeAssignment *) codes->pdata[2])->candidate_id);
      g_hash_table_insert (counts, g_strdup (order),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                  order)) + 1));
    }

  g_assert_cmpuint (g_hash_table_size (counts), ==, 6);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double n = GPOINTER_TO_UINT (value);

      g_assert_cmpfloat (n, >, expected * 0.85);
      g_assert_cmpfloat (n, <, expected * 1.15);
      chi2 += (n - expected) * (n - expected) / expected;
    }
  /* 5 degrees of freedom: 20.5 is the 0.1 % critical value */
  g_assert_cmpfloat (chi2, <, 20.5);
}

static void
test_enough_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  /* no swap to draw for 0 or 1 candidates, and the reserve of 8 draws for rejections */
  g_assert_cmpuint (jp_codes_random_bytes_needed (0), ==, 4 * 8);
  g_assert_cmpuint (jp_codes_random_bytes_needed (1), ==, 4 * 8);
  g_assert_cmpuint (jp_codes_random_bytes_needed (10), >=, 4 * 9);
  for (guint n = 0; n <= 150; n++)
    {
      gsize len = jp_codes_random_bytes_needed (n);
      g_autofree guint8 *bytes = seeded_bytes (rand, len);
      g_autoptr(GArray) ids = ids_range (n);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) codes = jp_codes_draw ("FD", ids, bytes, len, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (codes->len, ==, n);
    }
}

static void
test_bad_input (void)
{
  const guint8 bytes[64] = { 0 };
  const gint64 values[] = { 4, 9, 4 };
  g_autoptr(GArray) ids = ids_of (values, 2);
  g_autoptr(GArray) dup = ids_of (values, 3);
  const char *bad_codes[] = { "", "X T", "XT;", "X=T" };
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    {
      codes = jp_codes_draw (bad_codes[i], ids, bytes, sizeof bytes, &error);
      g_assert_null (codes);
      g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "code"));
      g_clear_error (&error);
    }
  codes = jp_codes_draw (NULL, ids, bytes, sizeof bytes, &error);
  g_assert_null (codes);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_clear_error (&error);

  codes = jp_codes_draw ("XT", dup, bytes, sizeof bytes, &error);
  g_assert_null (codes);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);

  /* two candidates need one draw of 4 bytes */
  codes = jp_codes_draw ("XT", ids, bytes, 3, &error);
  g_assert_null (codes);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  codes = jp_codes_draw ("XT", ids, NULL, 0, &error);
  g_assert_null (codes);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

static void
test_trade_code_check (void)
{
  const char *good[] = { "XT", "A", "GF2", "ZB1234", NULL };
  const char *bad[] = { "", "xt", "X T", "XT-1", "ABCDEFG", "稀土", NULL };

  for (guint i = 0; good[i] != NULL; i++)
    g_assert_true (jp_trade_code_check (good[i], NULL));
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (jp_trade_code_check (bad[i], &error));
      g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
      /* the message names what was typed */
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

/* What a person types is upper-cased, then checked: one rule for every place a code enters. */
static void
test_trade_code_normalize (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xt = jp_trade_code_normalize ("xt", &error);
  g_autofree char *mixed = jp_trade_code_normalize ("Gf2", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (xt, ==, "XT");
  g_assert_cmpstr (mixed, ==, "GF2");
  g_assert_null (jp_trade_code_normalize ("x t", &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "X T"));
  g_clear_error (&error);
  g_assert_null (jp_trade_code_normalize ("", &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (jp_trade_code_normalize ("ABCDEFG", &error));
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/codes/trade-code-check", test_trade_code_check);
  g_test_add_func ("/core/codes/format", test_format);
  g_test_add_func ("/core/codes/known-draw-and-record", test_known_draw_and_record);
  g_test_add_func ("/core/codes/determinism", test_determinism);
  g_test_add_func ("/core/codes/uniform", test_uniform);
  g_test_add_func ("/core/codes/enough-bytes", test_enough_bytes);
  g_test_add_func ("/core/codes/bad-input", test_bad_input);
  g_test_add_func ("/core/codes/trade-code-normalize", test_trade_code_normalize);

  return g_test_run ();
}
