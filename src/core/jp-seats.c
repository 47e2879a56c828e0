/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-seats"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-seats.h"

int
jp_seats_target (int    quota,
                 double ratio)
{
  double product;

  if (quota <= 0 || !(ratio > 0) || !isfinite (ratio))
    return 0;

  /* Round to 1e-9 first so that 10 x 1.1 (11.000000000000002) stays 11. */
  product = round ((double) quota * ratio * 1e9) / 1e9;
  return (int) ceil (product);
}

/* State of one trade while its seats are being worked out. */
typedef struct {
  guint       index;      /* position in the caller's array */
  const char *code;
  gint64      qualified;
  gboolean    active;     /* still shares in the next pass */
  gint64      seats;
  gint64      rem;        /* numerator of the fractional part, denominator the pass total */
} Share;

/* Larger remainder first, then more qualified, then code in byte order. Remainders of one
 * pass share the same denominator, so comparing numerators compares them exactly. */
static int
compare_remainders (gconstpointer a,
                    gconstpointer b)
{
  const Share *x = *(const Share * const *) a;
  const Share *y = *(const Share * const *) b;

  if (x->rem != y->rem)
    return x->rem > y->rem ? -1 : 1;
  if (x->qualified != y->qualified)
    return x->qualified > y->qualified ? -1 : 1;
  return strcmp (x->code != NULL ? x->code : "", y->code != NULL ? y->code : "");
}

/* Hamilton with a floor of 1 and a cap of `qualified`. Trades that hit the floor or the cap
 * are fixed and the seats not yet fixed are shared again among the others until no bound
 * binds. The caller guarantees: trades with candidates <= target <= qualified in total. */
static void
allocate_bounded (Share *shares,
                  guint  n,
                  gint64 target)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (;;)
    {
      gint64 total = 0;
      gint64 seats = target;
      gint64 left;
      gboolean fixed = FALSE;

      for (guint i = 0; i < n; i++)
        {
          if (shares[i].active)
            total += shares[i].qualified;
          else
            seats -= shares[i].seats;
        }
      if (total == 0)
        return;

      /* Floor: an exact share below 1 (seats x q / total < 1) becomes 1 seat. */
      for (guint i = 0; i < n; i++)
        if (shares[i].active && seats * shares[i].qualified < total)
          {
            shares[i].seats = 1;
            shares[i].active = FALSE;
            fixed = TRUE;
          }
      if (fixed)
        continue;

      left = seats;
      g_ptr_array_set_size (order, 0);
      for (guint i = 0; i < n; i++)
        if (shares[i].active)
          {
            shares[i].seats = seats * shares[i].qualified / total;
            shares[i].rem = seats * shares[i].qualified % total;
            left -= shares[i].seats;
            g_ptr_array_add (order, &shares[i]);
          }
      g_ptr_array_sort (order, compare_remainders);
      g_assert (left >= 0 && (guint) left <= order->len);
      for (guint k = 0; k < (guint) left; k++)
        ((Share *) order->pdata[k])->seats++;

      /* Cap: a trade cannot seat more than its candidates; the surplus is shared again. */
      for (guint i = 0; i < n; i++)
        if (shares[i].active && shares[i].seats > shares[i].qualified)
          {
            shares[i].seats = shares[i].qualified;
            shares[i].active = FALSE;
            fixed = TRUE;
          }
      if (!fixed)
        return;
    }
}

GArray *
jp_seats_allocate (const JpSeatTrade *trades,
                   guint              n,
                   int                target,
                   GPtrArray        **notes)
{
  g_autofree Share *shares = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  GArray *result;
  gint64 total = 0;
  guint with_candidates = 0;

  g_return_val_if_fail (trades != NULL || n == 0, NULL);

  shares = g_new0 (Share, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      shares[i].index = i;
      shares[i].code = trades[i].code;
      shares[i].qualified = MAX (trades[i].qualified, 0);
      shares[i].active = shares[i].qualified > 0;
      total += shares[i].qualified;
      with_candidates += shares[i].active ? 1 : 0;
    }
  target = MAX (target, 0);

  if (total <= target)
    {
      for (guint i = 0; i < n; i++)
        shares[i].seats = shares[i].qualified;
      if (total < target)
        g_ptr_array_add (found,
                         jp_finding_new (JP_SEVERITY_WARNING, "seats-short", "seats",
                                         ngettext ("Only %d candidate is qualified, fewer than "
                                                   "the %d finalist seats: every qualified "
                                                   "candidate has a seat and the target cannot "
                                                   "be reached.",
                                                   "Only %d candidates are qualified, fewer than "
                                                   "the %d finalist seats: every qualified "
                                                   "candidate has a seat and the target cannot "
                                                   "be reached.",
                                                   (gulong) total),
                                         (int) total, target));
    }
  else if (with_candidates > (guint) target)
    {
      for (guint i = 0; i < n; i++)
        shares[i].seats = shares[i].active ? 1 : 0;
      g_ptr_array_add (found,
                       jp_finding_new (JP_SEVERITY_WARNING, "seats-min-one-exceeds", "seats",
                                       ngettext ("%u trades have candidates but there is only "
                                                 "%d finalist seat: each trade gets one seat, "
                                                 "so %u seats are allocated in total; raise the "
                                                 "quota or the ratio, or edit the seats.",
                                                 "%u trades have candidates but there are only "
                                                 "%d finalist seats: each trade gets one seat, "
                                                 "so %u seats are allocated in total; raise the "
                                                 "quota or the ratio, or edit the seats.",
                                                 (gulong) target),
                                       with_candidates, target, with_candidates));
    }
  else
    allocate_bounded (shares, n, target);

  result = g_array_sized_new (FALSE, TRUE, sizeof (int), n);
  for (guint i = 0; i < n; i++)
    {
      int seats = (int) shares[i].seats;
      g_array_append_val (result, seats);
    }

  if (notes != NULL)
    *notes = g_steal_pointer (&found);
  return result;
}

int
jp_seats_sum (GArray *seats)
{
  int sum = 0;

  if (seats == NULL)
    return 0;
  for (guint i = 0; i < seats->len; i++)
    sum += g_array_index (seats, int, i);
  return sum;
}

GPtrArray *
jp_seats_check (const JpSeatTrade *trades,
                guint              n,
                GArray            *seats,
                int                target)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  int sum;

  g_return_val_if_fail (trades != NULL || n == 0, found);
  g_return_val_if_fail (seats != NULL && seats->len == n, found);

  for (guint i = 0; i < n; i++)
    {
      const char *code = trades[i].code != NULL ? trades[i].code : "";
      int s = g_array_index (seats, int, i);
      int q = MAX (trades[i].qualified, 0);

      if (s < 0)
        g_ptr_array_add (found,
                         jp_finding_new (JP_SEVERITY_ERROR, "seats-negative", code,
                                         _("Trade %s: %d seats is not possible; enter 0 or "
                                           "more."), code, s));
      else if (s > q)
        g_ptr_array_add (found,
                         jp_finding_new (JP_SEVERITY_ERROR, "seats-over-qualified", code,
                                         ngettext ("Trade %s has %d seats but only %d qualified "
                                                   "candidate; lower its seats to at most %d.",
                                                   "Trade %s has %d seats but only %d qualified "
                                                   "candidates; lower its seats to at most %d.",
                                                   (gulong) q),
                                         code, s, q, q));
      else if (s == 0 && q > 0)
        g_ptr_array_add (found,
                         jp_finding_new (JP_SEVERITY_WARNING, "seats-zero", code,
                                         _("Trade %s has qualified candidates but no finalist "
                                           "seat; give it at least 1 seat."), code));
    }

  sum = jp_seats_sum (seats);
  if (sum != target)
    g_ptr_array_add (found,
                     jp_finding_new (JP_SEVERITY_WARNING, "seats-sum", "",
                                     _("The seats add up to %d but the target is %d finalists "
                                       "(quota × ratio); check the seats per trade."),
                                     sum, target));
  return found;
}

gboolean
jp_seats_change_allowed (const JpSeatTrade *trades,
                         guint              n,
                         GArray            *old_seats,
                         GArray            *new_seats,
                         JpStageLocks       locks,
                         GError           **error)
{
  g_return_val_if_fail (trades != NULL || n == 0, FALSE);
  g_return_val_if_fail (old_seats != NULL && old_seats->len == n, FALSE);
  g_return_val_if_fail (new_seats != NULL && new_seats->len == n, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(locks & JP_STAGE_LOCK_BALLOT_OPENED))
    return TRUE;

  for (guint i = 0; i < n; i++)
    if (g_array_index (old_seats, int, i) != g_array_index (new_seats, int, i))
      {
        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("The finalist seats of trade %s cannot be changed: they are locked "
                       "since the committee ballot was opened."),
                     trades[i].code != NULL ? trades[i].code : "");
        return FALSE;
      }
  return TRUE;
}

void
jp_seat_plan_free (JpSeatPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->rows, g_ptr_array_unref);
  g_clear_pointer (&plan->findings, g_ptr_array_unref);
  g_free (plan);
}
