/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The wrong-PIN lock-out rule, as a small state machine fed with the time (monotonic
 * microseconds, passed in: the caller owns the clock, tests inject theirs).
 *
 * One JpLockout counts the failed attempts of one subject (a member code, a peer address,
 * or the whole meeting). `max_failures` failures counted within `window` lock the subject for
 * `first_lock`; each further lock is twice as long as the one before, up to `max_lock`.
 * After `forgive` without any failure (and no lock running) the subject starts over.
 *
 * Attempts being checked are reserved with jp_lockout_begin() and settled with
 * jp_lockout_end(): failures counted plus attempts in flight never exceed `max_failures`,
 * so many attempts sent at once cannot all be checked before the first failure counts. */

typedef struct {
  guint  max_failures;        /* failures that lock (>= 1) */
  gint64 window;              /* counting window, µs from the first failure counted; 0: none */
  gint64 first_lock;          /* length of the first lock, µs */
  gint64 max_lock;            /* longest lock, µs (>= first_lock) */
  gint64 forgive;             /* quiet time after which the lock level starts over; 0: never */
  gboolean success_resets;    /* a right PIN clears the failures and the lock level */
} JpLockoutPolicy;

typedef struct {
  guint  failures;       /* failures counted in the current window */
  guint  pending;        /* attempts begun, not yet ended */
  guint  level;          /* locks so far: the next one lasts first_lock * 2^level */
  gint64 window_start;   /* time of the first failure counted */
  gint64 last_failure;
  gint64 locked_until;   /* 0: never locked */
} JpLockout;

typedef enum {
  JP_LOCKOUT_OPEN = 0,   /* an attempt may begin */
  JP_LOCKOUT_LOCKED,     /* locked: `*wait` µs remain */
  JP_LOCKOUT_BUSY,       /* the attempts in flight would use up the failures left */
} JpLockoutCheck;

/* Whether an attempt may begin at `now`; `wait` (may be NULL) gets the µs left of a lock. */
JpLockoutCheck jp_lockout_check (const JpLockout       *lockout,
                                 const JpLockoutPolicy *policy,
                                 gint64                 now,
                                 gint64                *wait);

/* Reserves an attempt (call after jp_lockout_check() said OPEN). */
void           jp_lockout_begin (JpLockout             *lockout,
                                 const JpLockoutPolicy *policy,
                                 gint64                 now);

/* Settles an attempt begun with jp_lockout_begin(). A failure is counted and may lock;
 * returns TRUE when this failure started a lock. */
gboolean       jp_lockout_end   (JpLockout             *lockout,
                                 const JpLockoutPolicy *policy,
                                 gint64                 now,
                                 gboolean               success);

/* Settles an attempt begun with jp_lockout_begin() that was neither right nor wrong (it
 * could not be checked): nothing is counted. */
void           jp_lockout_cancel (JpLockout            *lockout);

/* Length of the lock the next `max_failures` failures would start, µs. */
gint64         jp_lockout_next_lock (const JpLockout       *lockout,
                                     const JpLockoutPolicy *policy);

/* TRUE when the state holds nothing worth keeping at `now` (no lock, nothing in flight, no
 * failure in the window, level forgiven): the holder may drop it. */
gboolean       jp_lockout_is_idle   (const JpLockout       *lockout,
                                     const JpLockoutPolicy *policy,
                                     gint64                 now);

G_END_DECLS
