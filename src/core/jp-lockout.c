/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-lockout"

#include "config.h"

#include "jp-lockout.h"

/* Forgets what time has made stale: failures older than the window (while no lock runs) and
 * the lock level after a quiet `forgive`. */
static void
refresh (JpLockout             *l,
         const JpLockoutPolicy *p,
         gint64                 now)
{
  gboolean locked = l->locked_until > now;

  if (!locked && l->failures > 0 && p->window > 0 && now - l->window_start >= p->window)
    l->failures = 0;
  if (!locked && l->level > 0 && p->forgive > 0 &&
      now - MAX (l->last_failure, l->locked_until) >= p->forgive)
    l->level = 0;
}

JpLockoutCheck
jp_lockout_check (const JpLockout       *lockout,
                  const JpLockoutPolicy *policy,
                  gint64                 now,
                  gint64                *wait)
{
  JpLockout l;

  g_return_val_if_fail (lockout != NULL && policy != NULL, JP_LOCKOUT_LOCKED);

  l = *lockout;
  refresh (&l, policy, now);
  if (wait != NULL)
    *wait = 0;
  if (l.locked_until > now)
    {
      if (wait != NULL)
        *wait = l.locked_until - now;
      return JP_LOCKOUT_LOCKED;
    }
  if (l.failures + l.pending >= MAX (policy->max_failures, 1))
    return JP_LOCKOUT_BUSY;
  return JP_LOCKOUT_OPEN;
}

void
jp_lockout_begin (JpLockout             *lockout,
                  const JpLockoutPolicy *policy,
                  gint64                 now)
{
  g_return_if_fail (lockout != NULL && policy != NULL);

  refresh (lockout, policy, now);
  lockout->pending++;
}

void
jp_lockout_cancel (JpLockout *lockout)
{
  g_return_if_fail (lockout != NULL);

  if (lockout->pending > 0)
    lockout->pending--;
}

gint64
jp_lockout_next_lock (const JpLockout       *lockout,
                      const JpLockoutPolicy *policy)
{
  gint64 length;

  g_return_val_if_fail (lockout != NULL && policy != NULL, 0);

  length = policy->first_lock;
  for (guint i = 0; i < lockout->level && length < policy->max_lock; i++)
    length *= 2;
  return MIN (length, MAX (policy->max_lock, policy->first_lock));
}

gboolean
jp_lockout_end (JpLockout             *lockout,
                const JpLockoutPolicy *policy,
                gint64                 now,
                gboolean               success)
{
  g_return_val_if_fail (lockout != NULL && policy != NULL, FALSE);

  refresh (lockout, policy, now);
  if (lockout->pending > 0)
    lockout->pending--;
  if (success)
    {
      if (policy->success_resets)
        {
          lockout->failures = 0;
          lockout->level = 0;
        }
      return FALSE;
    }

  if (lockout->failures == 0)
    lockout->window_start = now;
  lockout->failures++;
  lockout->last_failure = now;
  if (lockout->failures < MAX (policy->max_failures, 1))
    return FALSE;
  lockout->locked_until = now + jp_lockout_next_lock (lockout, policy);
  if (lockout->level < 32)
    lockout->level++;
  lockout->failures = 0;
  return TRUE;
}

gboolean
jp_lockout_is_idle (const JpLockout       *lockout,
                    const JpLockoutPolicy *policy,
                    gint64                 now)
{
  JpLockout l;

  g_return_val_if_fail (lockout != NULL && policy != NULL, FALSE);

  l = *lockout;
  refresh (&l, policy, now);
  return l.pending == 0 && l.failures == 0 && l.level == 0 && l.locked_until <= now;
}
