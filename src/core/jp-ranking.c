/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ranking"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-canonical.h"
#include "jp-enums.h"
#include "jp-score.h"
#include "jp-ranking.h"

#define SCORE_MAX 10000   /* 100.00 points in hundredths */

gint64
jp_ranking_vote_score (int votes,
                       int valid)
{
  if (valid <= 0 || votes <= 0)
    return 0;
  return jp_round_div ((gint64) votes * 10000, valid);
}

gint64
jp_ranking_main_round (const JpBallotRoundInfo *rounds,
                       guint                    n_rounds,
                       guint                    trade_candidates)
{
  gint64 best = 0;

  g_return_val_if_fail (rounds != NULL || n_rounds == 0, 0);

  for (guint i = 0; i < n_rounds; i++)
    {
      const JpBallotRoundInfo *r = &rounds[i];

      if (r->void_round || r->runoff || r->n_candidates < trade_candidates)
        continue;
      if (r->id > best)
        best = r->id;
    }
  return best;
}

gboolean
jp_ranking_weights_from_doubles (double   wv,
                                 double   wo,
                                 double   wd,
                                 int     *weight_v,
                                 int     *weight_o,
                                 int     *weight_d,
                                 GError **error)
{
  const double in[3] = { wv, wo, wd };
  const char *names[3] = { N_("The weight of the committee ballot (wV)"),
                           N_("The weight of the online likes (wO)"),
                           N_("The weight of the defence (wD)") };
  gint64 out[3];

  for (guint i = 0; i < 3; i++)
    if (!jp_hundredths_from_double (in[i], &out[i]) || out[i] < 0 || out[i] > 100)
      {
        g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                     _("%s is %g; enter a number from 0 to 1 with at most two decimals."),
                     _(names[i]), in[i]);
        return FALSE;
      }
  if (out[0] + out[1] + out[2] != 100)
    {
      g_autofree char *sum = jp_decimal_format (out[0] + out[1] + out[2], 2);

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The stage weights add up to %s; they must add up to 1."), sum);
      return FALSE;
    }
  *weight_v = (int) out[0];
  *weight_o = (int) out[1];
  *weight_d = (int) out[2];
  return TRUE;
}

const char *
jp_rank_rule_to_key (JpRankRule rule)
{
  switch (rule)
    {
    case JP_RANK_RULE_IN:     return "in";
    case JP_RANK_RULE_TIE:    return "tie";
    case JP_RANK_RULE_CAPPED: return "capped";
    case JP_RANK_RULE_OUT:
    default:
      return "out";
    }
}

const char *
jp_rank_key_to_string (JpRankKey key)
{
  switch (key)
    {
    case JP_RANK_KEY_D: return "D";
    case JP_RANK_KEY_V: return "V";
    case JP_RANK_KEY_O: return "O";
    case JP_RANK_KEY_NONE:
    default:
      return NULL;
    }
}

static void
ranked_free (JpRankedCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c->trade);
  g_free (c->adjustment_reason);
  g_free (c);
}

void
jp_ranking_free (JpRanking *ranking)
{
  if (ranking == NULL)
    return;
  g_clear_pointer (&ranking->caps, g_hash_table_unref);
  g_clear_pointer (&ranking->candidates, g_ptr_array_unref);
  g_free (ranking->digest);
  g_free (ranking);
}

/* Compares on C, D, V, O (descending); 0 when tied on all four. */
static int
compare_keys (const JpRankedCandidate *x,
              const JpRankedCandidate *y)
{
  if (x->c != y->c)
    return x->c > y->c ? -1 : 1;
  if (x->d != y->d)
    return x->d > y->d ? -1 : 1;
  if (x->v != y->v)
    return x->v > y->v ? -1 : 1;
  if (x->o != y->o)
    return x->o > y->o ? -1 : 1;
  return 0;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const JpRankedCandidate *x = *(JpRankedCandidate *const *) a;
  const JpRankedCandidate *y = *(JpRankedCandidate *const *) b;
  int k = compare_keys (x, y);

  return k != 0 ? k : strcmp (x->code, y->code);
}

/* The key that separates two candidates with the same C; NONE if tied on all four. */
static JpRankKey
separating_key (const JpRankedCandidate *x,
                const JpRankedCandidate *y)
{
  if (x->d != y->d)
    return JP_RANK_KEY_D;
  if (x->v != y->v)
    return JP_RANK_KEY_V;
  if (x->o != y->o)
    return JP_RANK_KEY_O;
  return JP_RANK_KEY_NONE;
}

static gboolean
check_params (const JpRankingParams *p,
              GError               **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (p->weight_v < 0 || p->weight_o < 0 || p->weight_d < 0
      || p->weight_v + p->weight_o + p->weight_d != 100)
    {
      g_autofree char *v = jp_decimal_format (p->weight_v, 2);
      g_autofree char *o = jp_decimal_format (p->weight_o, 2);
      g_autofree char *d = jp_decimal_format (p->weight_d, 2);

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The stage weights %s, %s and %s must be 0 or more and add up to 1."),
                   v, o, d);
      return FALSE;
    }
  if (p->quota < 0)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("The quota of titles is %d; it must be 0 or more."), p->quota);
      return FALSE;
    }
  if (p->caps != NULL)
    {
      g_hash_table_iter_init (&iter, p->caps);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_INT (value) < 0)
          {
            g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                         _("The cap of trade %s is %d; it must be 0 or more."),
                         (const char *) key, GPOINTER_TO_INT (value));
            return FALSE;
          }
    }
  return TRUE;
}

static gboolean
check_score (const JpRankingEntry *e,
             const char           *name,
             gint64                value,
             GError              **error)
{
  if (value < 0 || value > SCORE_MAX)
    {
      g_autofree char *shown = jp_decimal_format (value, 2);

      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("Candidate %s: %s is %s; stage scores go from 0 to 100."),
                   e->code, name, shown);
      return FALSE;
    }
  return TRUE;
}

/* Room left in a trade: G_MAXINT without a cap. */
static int
trade_room (GHashTable *caps,
            GHashTable *used,
            const char *trade)
{
  gpointer cap;

  if (caps == NULL || trade == NULL || !g_hash_table_lookup_extended (caps, trade, NULL, &cap))
    return G_MAXINT;
  return MAX (0, GPOINTER_TO_INT (cap) - GPOINTER_TO_INT (g_hash_table_lookup (used, trade)));
}

static const char *
trade_key (const JpRankedCandidate *c)
{
  return c->trade != NULL ? c->trade : "";
}

/* The recommended list by the rule, on candidates sorted by rank. See docs/ranking.md. */
static void
apply_quota (JpRanking *ranking)
{
  GPtrArray *cands = ranking->candidates;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 places = ranking->quota;
  guint i = 0;

  while (i < cands->len && places > 0)
    {
      g_autoptr(GHashTable) in_group = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer key, value;
      gint64 fit = 0;
      guint j = i;

      while (j < cands->len
             && compare_keys (cands->pdata[i], cands->pdata[j]) == 0)
        {
          const char *t = trade_key (cands->pdata[j]);

          g_hash_table_insert (in_group, (gpointer) t,
                               GINT_TO_POINTER (GPOINTER_TO_INT (
                                 g_hash_table_lookup (in_group, t)) + 1));
          j++;
        }
      g_hash_table_iter_init (&iter, in_group);
      while (g_hash_table_iter_next (&iter, &key, &value))
        fit += MIN (GPOINTER_TO_INT (value), trade_room (ranking->caps, used, key));

      if (fit > 0)
        {
          ranking->has_cutoff = TRUE;
          ranking->cutoff = ((JpRankedCandidate *) cands->pdata[i])->c;
        }
      for (guint k = i; k < j; k++)
        {
          JpRankedCandidate *c = cands->pdata[k];
          const char *t = trade_key (c);
          int n_t = GPOINTER_TO_INT (g_hash_table_lookup (in_group, t));
          int room = trade_room (ranking->caps, used, t);

          if (room == 0)
            c->rule = JP_RANK_RULE_CAPPED;
          else if (fit > places || n_t > room)
            c->rule = JP_RANK_RULE_TIE;
          else
            c->rule = JP_RANK_RULE_IN;
        }
      if (fit > places)
        {
          ranking->cutoff_tie = TRUE;
          places = 0;
        }
      else
        {
          /* the group's places are taken, a tie at a cap reserving the cap's room */
          g_hash_table_iter_init (&iter, in_group);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              int take = MIN (GPOINTER_TO_INT (value), trade_room (ranking->caps, used, key));

              g_hash_table_insert (used, key,
                                   GINT_TO_POINTER (GPOINTER_TO_INT (
                                     g_hash_table_lookup (used, key)) + take));
            }
          places -= fit;
        }
      i = j;
    }
}

JpRanking *
jp_ranking_compute (const JpRankingParams     *params,
                    const JpRankingEntry      *entries,
                    guint                      n_entries,
                    const JpRankingAdjustment *adjustments,
                    guint                      n_adjustments,
                    GError                   **error)
{
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *cands;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (adjustments != NULL || n_adjustments == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_params (params, error))
    return NULL;

  ranking = g_new0 (JpRanking, 1);
  ranking->weight_v = params->weight_v;
  ranking->weight_o = params->weight_o;
  ranking->weight_d = params->weight_d;
  ranking->quota = params->quota;
  ranking->caps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (params->caps != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, params->caps);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (ranking->caps, g_strdup (key), value);
    }
  cands = ranking->candidates
    = g_ptr_array_new_with_free_func ((GDestroyNotify) ranked_free);

  for (guint i = 0; i < n_entries; i++)
    {
      const JpRankingEntry *e = &entries[i];
      JpRankedCandidate *c;

      g_return_val_if_fail (e->code != NULL, NULL);
      if (g_hash_table_contains (by_code, e->code))
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("Candidate %s is listed twice in the ranking."), e->code);
          return NULL;
        }
      if (!check_score (e, "V", e->v, error) || !check_score (e, "O", e->o, error)
          || !check_score (e, "D", e->d, error))
        return NULL;
      c = g_new0 (JpRankedCandidate, 1);
      c->code = g_strdup (e->code);
      c->trade = g_strdup (e->trade);
      c->v = e->v;
      c->o = e->o;
      c->d = e->d;
      c->term_v = params->weight_v * e->v;
      c->term_o = params->weight_o * e->o;
      c->term_d = params->weight_d * e->d;
      c->c = jp_round_div (c->term_v + c->term_o + c->term_d, 100);
      g_ptr_array_add (cands, c);
      g_hash_table_insert (by_code, c->code, c);
    }

  g_ptr_array_sort (cands, compare_ranked);
  for (guint i = 0; i < cands->len; i++)
    {
      JpRankedCandidate *c = cands->pdata[i];
      JpRankedCandidate *prev = i > 0 ? cands->pdata[i - 1] : NULL;
      JpRankedCandidate *next = i + 1 < cands->len ? cands->pdata[i + 1] : NULL;

      c->rank = prev != NULL && compare_keys (prev, c) == 0 ? prev->rank : (int) i + 1;
      c->tied = (prev != NULL && compare_keys (prev, c) == 0)
                || (next != NULL && compare_keys (c, next) == 0);
      if (prev != NULL && prev->c == c->c)
        c->decided_by = MAX (c->decided_by, separating_key (prev, c));
      if (next != NULL && next->c == c->c)
        c->decided_by = MAX (c->decided_by, separating_key (c, next));
    }

  apply_quota (ranking);
  for (guint i = 0; i < cands->len; i++)
    {
      JpRankedCandidate *c = cands->pdata[i];

      c->recommended = c->rule == JP_RANK_RULE_IN;
      c->has_margin = ranking->has_cutoff;
      c->margin = ranking->has_cutoff ? c->c - ranking->cutoff : 0;
    }

  for (guint i = 0; i < n_adjustments; i++)
    {
      const JpRankingAdjustment *a = &adjustments[i];
      JpRankedCandidate *c = a->code != NULL ? g_hash_table_lookup (by_code, a->code) : NULL;
      g_autofree char *reason = g_strstrip (g_strdup (a->reason != NULL ? a->reason : ""));

      if (c == NULL)
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("The adjustment names %s, who is not a ranked finalist."),
                       a->code != NULL ? a->code : "?");
          return NULL;
        }
      if (c->adjustment != 0)
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("Candidate %s has two adjustments; keep one."), c->code);
          return NULL;
        }
      if (*reason == '\0')
        {
          g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                       _("The adjustment of %s has no reason; the chair must write one."),
                       c->code);
          return NULL;
        }
      c->adjustment = a->in ? 1 : -1;
      c->adjustment_reason = g_steal_pointer (&reason);
      c->recommended = a->in;
    }
  for (guint i = 0; i < cands->len; i++)
    if (((JpRankedCandidate *) cands->pdata[i])->recommended)
      ranking->n_recommended++;

  ranking->digest = jp_ranking_digest (ranking);
  return g_steal_pointer (&ranking);
}

gboolean
jp_ranking_adjustment_check (const JpRanking           *ranking,
                             const JpRankingAdjustment *adjustment,
                             GError                   **error)
{
  const JpRankedCandidate *found = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (ranking != NULL && adjustment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; adjustment->code != NULL && i < ranking->candidates->len; i++)
    if (g_str_equal (((JpRankedCandidate *) ranking->candidates->pdata[i])->code,
                     adjustment->code))
      found = ranking->candidates->pdata[i];
  if (found == NULL)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s is not a ranked finalist."),
                   adjustment->code != NULL ? adjustment->code : "?");
      return FALSE;
    }
  reason = g_strstrip (g_strdup (adjustment->reason != NULL ? adjustment->reason : ""));
  if (*reason == '\0')
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("Write the reason for moving %s; an adjustment needs one."), found->code);
      return FALSE;
    }
  if (adjustment->in && found->recommended)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s is already on the recommended list."), found->code);
      return FALSE;
    }
  if (!adjustment->in && !found->recommended)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID,
                   _("%s is not on the recommended list."), found->code);
      return FALSE;
    }
  return TRUE;
}

/* ---- the canonical text (docs/ranking.md) ---- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What jp_canonical_append_decimal (out, value) appends (jp_decimal_format (value, 2)),
 * without its allocation and printf: the ranking's text has four of them per candidate and
 * is written on every ranking (for its digest). */
static void
append_hundredths (GString *out,
                   gint64   value)
{
  char buf[32];
  guint64 magnitude = value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
  guint64 whole = magnitude / 100;
  guint cents = (guint) (magnitude % 100);
  char *p = buf + sizeof buf;

  *--p = (char) ('0' + cents % 10);
  *--p = (char) ('0' + cents / 10);
  *--p = '.';
  do
    {
      *--p = (char) ('0' + whole % 10);
      whole /= 10;
    }
  while (whole > 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
append_int (GString *out,
            int      value)
{
  append_hundredths (out, (gint64) value * 100);
  g_string_truncate (out, out->len - 3);
}

char *
jp_ranking_canonical_text (const JpRanking *ranking)
{
  g_autoptr(GPtrArray) trades = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GString *out;

  g_return_val_if_fail (ranking != NULL, NULL);

  /* Keys are written in byte order by hand: the object is small and fixed. */
  out = g_string_sized_new (256 + ranking->candidates->len * 160);
  g_string_append (out, "{\"candidates\":[");
  for (guint i = 0; i < ranking->candidates->len; i++)
    {
      const JpRankedCandidate *c = ranking->candidates->pdata[i];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"C\":");
      append_hundredths (out, c->c);
      g_string_append (out, ",\"D\":");
      append_hundredths (out, c->d);
      g_string_append (out, ",\"O\":");
      append_hundredths (out, c->o);
      g_string_append (out, ",\"V\":");
      append_hundredths (out, c->v);
      g_string_append (out, ",\"adjustment\":");
      if (c->adjustment == 0)
        g_string_append (out, "null");
      else
        {
          g_string_append_printf (out, "{\"direction\":\"%s\",\"reason\":",
                                  c->adjustment > 0 ? "in" : "out");
          jp_canonical_append_string (out, c->adjustment_reason);
          g_string_append_c (out, '}');
        }
      g_string_append (out, ",\"code\":");
      jp_canonical_append_string (out, c->code);
      g_string_append (out, ",\"rank\":");
      append_int (out, c->rank);
      g_string_append (out, c->recommended ? ",\"recommended\":true,\"rule\":\""
                                           : ",\"recommended\":false,\"rule\":\"");
      g_string_append (out, jp_rank_rule_to_key (c->rule));
      g_string_append (out, c->tied ? "\",\"tied\":true,\"trade\":"
                                    : "\",\"tied\":false,\"trade\":");
      if (c->trade != NULL)
        jp_canonical_append_string (out, c->trade);
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"caps\":{");
  g_hash_table_iter_init (&iter, ranking->caps);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (trades, key);
  g_ptr_array_sort (trades, compare_strings);
  for (guint i = 0; i < trades->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      jp_canonical_append_string (out, trades->pdata[i]);
      g_string_append_printf (out, ":%d",
                              GPOINTER_TO_INT (g_hash_table_lookup (ranking->caps,
                                                                    trades->pdata[i])));
    }
  g_string_append_printf (out, "},\"quota\":%d,\"weights\":{\"D\":", ranking->quota);
  append_hundredths (out, ranking->weight_d);
  g_string_append (out, ",\"O\":");
  append_hundredths (out, ranking->weight_o);
  g_string_append (out, ",\"V\":");
  append_hundredths (out, ranking->weight_v);
  g_string_append (out, "}}");
  return g_string_free (out, FALSE);
}

char *
jp_ranking_digest (const JpRanking *ranking)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ranking != NULL, NULL);

  text = jp_ranking_canonical_text (ranking);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}
