/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-enums.h"
#include "jp-finalists.h"

/* ---- the run-off ---- */

gboolean
jp_round_runoff_plan (const JpRound   *round,
                      const JpTally   *tally,
                      GPtrArray      **candidates,
                      int             *seats,
                      int             *max_choices,
                      GError         **error)
{
  g_autoptr(GPtrArray) group = NULL;
  int n_seats, n_choices;

  g_return_val_if_fail (round != NULL && tally != NULL, FALSE);
  g_return_val_if_fail (candidates != NULL && seats != NULL && max_choices != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  group = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_round_candidate_free);
  if (tally->void_round)
    {
      /* A void round is repeated as it was: same candidates, seats and choices. */
      for (guint i = 0; round->candidates != NULL && i < round->candidates->len; i++)
        g_ptr_array_add (group, jp_round_candidate_copy (g_ptr_array_index (round->candidates,
                                                                            i)));
      n_seats = round->seats;
      n_choices = round->max_choices;
    }
  else
    {
      for (guint i = 0; round->candidates != NULL && i < round->candidates->len; i++)
        {
          JpRoundCandidate *c = g_ptr_array_index (round->candidates, i);

          if (tally->runoff_codes != NULL
              && g_strv_contains ((const char *const *) tally->runoff_codes, c->code))
            g_ptr_array_add (group, jp_round_candidate_copy (c));
        }
      n_seats = tally->runoff_seats;
      n_choices = tally->runoff_seats;
    }
  if (group->len == 0 || n_seats < 1)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("Round %lld has no tie at the cut-off: there is no run-off to hold."),
                   (long long) round->id);
      return FALSE;
    }
  *candidates = g_steal_pointer (&group);
  *seats = n_seats;
  *max_choices = n_choices;
  return TRUE;
}

/* ---- what a trade's rounds mean for a new one ---- */

const JpRound *
jp_trade_rounds_last_closed (GPtrArray *rounds)
{
  const JpRound *last = NULL;

  g_return_val_if_fail (rounds != NULL, NULL);

  for (guint i = 0; i < rounds->len; i++)
    {
      const JpRound *r = g_ptr_array_index (rounds, i);

      if (r->kind == JP_ROUND_KIND_BALLOT
          && r->state != JP_ROUND_STATE_DRAFT && r->state != JP_ROUND_STATE_OPEN)
        last = r;   /* by number: the last closed one wins */
    }
  return last;
}

void
jp_trade_rounds_summarise (GPtrArray       *rounds,
                           const JpTally   *last_tally,
                           int              last_runoffs,
                           int              seats,
                           int              seats_open,
                           JpTradeRounds   *out)
{
  g_return_if_fail (rounds != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < rounds->len; i++)
    {
      const JpRound *r = g_ptr_array_index (rounds, i);

      if (r->kind != JP_ROUND_KIND_BALLOT)
        continue;
      out->n_rounds++;
      if (r->state == JP_ROUND_STATE_DRAFT || r->state == JP_ROUND_STATE_OPEN)
        out->pending = TRUE;
    }
  if (last_tally != NULL)
    {
      out->last_void = last_tally->void_round;
      out->runoff_due = !last_tally->void_round && last_tally->runoff_seats > 0
                        && last_runoffs == 0;
    }
  if (out->n_rounds == 0)
    return;
  out->seats = seats;
  out->seats_open = seats_open;
}

/* ---- finalists ---- */

void
jp_trade_finalists_free (JpTradeFinalists *f)
{
  if (f == NULL)
    return;
  g_free (f->trade_code);
  g_free (f->trade_name);
  g_clear_pointer (&f->finalists, g_ptr_array_unref);
  g_free (f);
}

static void
add_finalists (JpTradeFinalists *f,
               const JpRound    *round,
               const JpTally    *tally)
{
  for (guint i = 0; i < tally->candidates->len; i++)
    {
      JpTallyCandidate *c = g_ptr_array_index (tally->candidates, i);

      if (c->outcome != JP_TALLY_ADVANCED)
        continue;
      for (guint j = 0; j < round->candidates->len; j++)
        {
          JpRoundCandidate *rc = g_ptr_array_index (round->candidates, j);

          if (g_strcmp0 (rc->code, c->code) == 0)
            {
              JpRoundCandidate *copy = jp_round_candidate_copy (rc);

              copy->position = 0;
              g_ptr_array_add (f->finalists, copy);
            }
        }
    }
}

static int
compare_finalists (gconstpointer a,
                   gconstpointer b)
{
  return g_strcmp0 ((*(JpRoundCandidate *const *) a)->code,
                    (*(JpRoundCandidate *const *) b)->code);
}

GPtrArray *
jp_finalists_compute (GPtrArray *rounds,
                      GPtrArray *tallies)
{
  GPtrArray *out;
  JpTradeFinalists *f = NULL;

  g_return_val_if_fail (rounds != NULL && tallies != NULL, NULL);
  g_return_val_if_fail (rounds->len == tallies->len, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_trade_finalists_free);
  for (guint i = 0; i < rounds->len; i++)
    {
      const JpRound *r = g_ptr_array_index (rounds, i);
      const JpTally *tally = g_ptr_array_index (tallies, i);

      if (r->kind != JP_ROUND_KIND_BALLOT)
        continue;
      if (f == NULL || f->trade_id != r->trade_id)
        {
          f = g_new0 (JpTradeFinalists, 1);
          f->trade_id = r->trade_id;
          f->trade_code = g_strdup (r->trade_code);
          f->trade_name = g_strdup (r->trade_name);
          f->seats = r->seats;
          f->finalists = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                         jp_round_candidate_free);
          g_ptr_array_add (out, f);
        }
      /* Rounds come by number: whatever a later round says replaces "pending". */
      f->pending_round = 0;
      f->runoff_pending = FALSE;
      if (r->state == JP_ROUND_STATE_DRAFT || r->state == JP_ROUND_STATE_OPEN || tally == NULL)
        {
          f->pending_round = r->id;
          f->runoff_pending = r->parent_id != 0;
          continue;
        }
      add_finalists (f, r, tally);
      if (tally->void_round || tally->runoff_seats > 0)
        {
          f->pending_round = r->id;
          f->runoff_pending = tally->runoff_seats > 0;
        }
    }
  for (guint i = 0; i < out->len; i++)
    {
      f = g_ptr_array_index (out, i);
      g_ptr_array_sort (f->finalists, compare_finalists);
      f->seats_open = MAX (0, f->seats - (int) f->finalists->len);
    }
  return out;
}
