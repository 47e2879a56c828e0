/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-lockout"

#include "config.h"

#include "core/jp-core.h"

#define S G_GINT64_CONSTANT (1000000)

/* a member code: 5 failures, 15 minutes' window, 30 s doubling to 30 min, a right PIN
 * forgives */
static const JpLockoutPolicy code_policy = {
  .max_failures = 5, .window = 900 * S, .first_lock = 30 * S, .max_lock = 1800 * S,
  .forgive = 3600 * S, .success_resets = TRUE,
};

/* Fails one attempt at `now`; returns whether it locked. */
static gboolean
fail (JpLockout *l, const JpLockoutPolicy *p, gint64 now)
{
  g_assert_cmpint (jp_lockout_check (l, p, now, NULL), ==, JP_LOCKOUT_OPEN);
  jp_lockout_begin (l, p, now);
  return jp_lockout_end (l, p, now, FALSE);
}

static void
test_locks_after_max (void)
{
  JpLockout l = { 0 };
  gint64 now = 1000 * S;
  gint64 wait = -1;

  for (int i = 1; i <= 4; i++)
    g_assert_false (fail (&l, &code_policy, now + i * S));
  g_assert_true (fail (&l, &code_policy, now + 5 * S));
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, now + 5 * S, &wait), ==,
                   JP_LOCKOUT_LOCKED);
  g_assert_cmpint (wait, ==, 30 * S);
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, now + 34 * S, &wait), ==,
                   JP_LOCKOUT_LOCKED);
  g_assert_cmpint (wait, ==, 1 * S);
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, now + 35 * S, &wait), ==,
                   JP_LOCKOUT_OPEN);
  g_assert_cmpint (wait, ==, 0);
}

static void
test_lock_doubles_to_cap (void)
{
  JpLockout l = { 0 };
  gint64 now = 0;
  static const gint64 expected[] = { 30, 60, 120, 240, 480, 960, 1800, 1800, 1800 };

  for (guint round = 0; round < G_N_ELEMENTS (expected); round++)
    {
      gint64 wait = 0;

      for (int i = 1; i < 5; i++)
        g_assert_false (fail (&l, &code_policy, now));
      g_assert_true (fail (&l, &code_policy, now));
      g_assert_cmpint (jp_lockout_check (&l, &code_policy, now, &wait), ==, JP_LOCKOUT_LOCKED);
      g_assert_cmpint (wait, ==, expected[round] * S);
      /* the attempt right after the lock ends is allowed, not before */
      g_assert_cmpint (jp_lockout_check (&l, &code_policy, now + wait - 1, NULL), ==,
                       JP_LOCKOUT_LOCKED);
      now += wait;
    }
}

static void
test_success_resets_or_not (void)
{
  JpLockoutPolicy peer_policy = code_policy;
  JpLockout code = { 0 };
  JpLockout peer = { 0 };
  gint64 wait = 0;

  peer_policy.success_resets = FALSE;
  /* one lock, then 4 failures and a right PIN */
  for (int i = 0; i < 5; i++)
    {
      fail (&code, &code_policy, 0);
      fail (&peer, &peer_policy, 0);
    }
  for (int i = 0; i < 4; i++)
    {
      fail (&code, &code_policy, 30 * S);
      fail (&peer, &peer_policy, 30 * S);
    }
  jp_lockout_begin (&code, &code_policy, 30 * S);
  jp_lockout_end (&code, &code_policy, 30 * S, TRUE);
  jp_lockout_begin (&peer, &peer_policy, 30 * S);
  jp_lockout_end (&peer, &peer_policy, 30 * S, TRUE);

  /* the member's right PIN clears the code: five more failures lock for 30 s again */
  g_assert_cmpint (jp_lockout_next_lock (&code, &code_policy), ==, 30 * S);
  for (int i = 0; i < 4; i++)
    g_assert_false (fail (&code, &code_policy, 31 * S));
  /* a right PIN from a peer does not: its next failure locks it, for 60 s */
  g_assert_true (fail (&peer, &peer_policy, 31 * S));
  g_assert_cmpint (jp_lockout_check (&peer, &peer_policy, 31 * S, &wait), ==, JP_LOCKOUT_LOCKED);
  g_assert_cmpint (wait, ==, 60 * S);
}

static void
test_window_and_forgive (void)
{
  JpLockout l = { 0 };
  gint64 wait = 0;

  /* four failures, then the window passes: they are forgotten */
  for (int i = 0; i < 4; i++)
    fail (&l, &code_policy, i * S);
  g_assert_false (fail (&l, &code_policy, 900 * S));
  for (int i = 0; i < 3; i++)
    g_assert_false (fail (&l, &code_policy, 901 * S));
  g_assert_true (fail (&l, &code_policy, 902 * S));
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, 902 * S, &wait), ==, JP_LOCKOUT_LOCKED);
  g_assert_cmpint (wait, ==, 30 * S);
  g_assert_false (jp_lockout_is_idle (&l, &code_policy, 932 * S));

  /* an hour of quiet after the lock: the next lock is 30 s again, and nothing is kept */
  g_assert_cmpint (jp_lockout_next_lock (&l, &code_policy), ==, 60 * S);
  g_assert_false (jp_lockout_is_idle (&l, &code_policy, (932 + 3599) * S));
  g_assert_true (jp_lockout_is_idle (&l, &code_policy, (932 + 3600) * S));
  for (int i = 0; i < 4; i++)
    fail (&l, &code_policy, (932 + 3600) * S);
  g_assert_true (fail (&l, &code_policy, (932 + 3600) * S));
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, (932 + 3600) * S, &wait), ==,
                   JP_LOCKOUT_LOCKED);
  g_assert_cmpint (wait, ==, 30 * S);
}

static void
test_in_flight_reserved (void)
{
  JpLockout l = { 0 };
  gint64 wait = -1;

  /* five attempts sent at once: the sixth waits until they are settled */
  fail (&l, &code_policy, 0);
  for (int i = 0; i < 4; i++)
    {
      g_assert_cmpint (jp_lockout_check (&l, &code_policy, 0, NULL), ==, JP_LOCKOUT_OPEN);
      jp_lockout_begin (&l, &code_policy, 0);
    }
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, 0, &wait), ==, JP_LOCKOUT_BUSY);
  g_assert_cmpint (wait, ==, 0);
  /* an attempt that could not be checked frees its place without counting */
  jp_lockout_cancel (&l);
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, 0, NULL), ==, JP_LOCKOUT_OPEN);
  jp_lockout_begin (&l, &code_policy, 0);
  g_assert_false (jp_lockout_is_idle (&l, &code_policy, 10000 * S));
  for (int i = 0; i < 3; i++)
    g_assert_false (jp_lockout_end (&l, &code_policy, S, FALSE));
  g_assert_true (jp_lockout_end (&l, &code_policy, S, FALSE));
  g_assert_cmpint (jp_lockout_check (&l, &code_policy, S, &wait), ==, JP_LOCKOUT_LOCKED);
  g_assert_cmpint (wait, ==, 30 * S);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/lockout/locks-after-max", test_locks_after_max);
  g_test_add_func ("/core/lockout/lock-doubles-to-cap", test_lock_doubles_to_cap);
  g_test_add_func ("/core/lockout/success-resets-code-not-peer", test_success_resets_or_not);
  g_test_add_func ("/core/lockout/window-and-forgive", test_window_and_forgive);
  g_test_add_func ("/core/lockout/in-flight-reserved", test_in_flight_reserved);
  return g_test_run ();
}
