/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-tally"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-canonical.h"
#include "jp-tally.h"

const char *
jp_tally_outcome_to_key (JpTallyOutcome outcome)
{
  switch (outcome)
    {
    case JP_TALLY_ADVANCED: return "advanced";
    case JP_TALLY_RUNOFF:   return "runoff";
    case JP_TALLY_OUT:
    default:
      return "out";
    }
}

const char *
jp_tally_outcome_label (JpTallyOutcome outcome)
{
  switch (outcome)
    {
    case JP_TALLY_ADVANCED: return _("Advanced");
    case JP_TALLY_RUNOFF:   return _("Run-off");
    case JP_TALLY_OUT:
    default:
      return _("Out");
    }
}

static JpTallyCandidate *
tally_candidate_copy (const JpTallyCandidate *c)
{
  JpTallyCandidate *copy = g_new0 (JpTallyCandidate, 1);

  *copy = *c;
  copy->code = g_strdup (c->code);
  return copy;
}

static void
tally_candidate_free (JpTallyCandidate *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c);
}

JpTally *
jp_tally_copy (const JpTally *tally)
{
  JpTally *copy;

  g_return_val_if_fail (tally != NULL, NULL);

  copy = g_new0 (JpTally, 1);
  *copy = *tally;
  copy->trade = g_strdup (tally->trade);
  copy->digest = g_strdup (tally->digest);
  copy->ballot_list = g_strdup (tally->ballot_list);
  copy->runoff_codes = g_strdupv (tally->runoff_codes);
  copy->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_candidate_free);
  for (guint i = 0; tally->candidates != NULL && i < tally->candidates->len; i++)
    g_ptr_array_add (copy->candidates,
                     tally_candidate_copy (g_ptr_array_index (tally->candidates, i)));
  return copy;
}

void
jp_tally_free (JpTally *tally)
{
  if (tally == NULL)
    return;
  g_free (tally->trade);
  g_free (tally->digest);
  g_free (tally->ballot_list);
  g_strfreev (tally->runoff_codes);
  g_clear_pointer (&tally->candidates, g_ptr_array_unref);
  g_free (tally);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const JpTallyCandidate *x = *(JpTallyCandidate *const *) a;
  const JpTallyCandidate *y = *(JpTallyCandidate *const *) b;

  if (x->votes != y->votes)
    return x->votes > y->votes ? -1 : 1;
  return strcmp (x->code, y->code);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Counts one valid ballot: each round code at most once per ballot. Returns whether the
 * ballot is valid. */
static gboolean
count_ballot (const JpTallyBallot *ballot,
              int                  max_choices,
              GHashTable          *by_code,
              gboolean            *blank)
{
  guint n = ballot->marks != NULL ? g_strv_length (ballot->marks) : 0;

  *blank = FALSE;
  if (ballot->invalid || (int) n > max_choices)
    return FALSE;
  *blank = n == 0;
  for (guint i = 0; i < n; i++)
    {
      JpTallyCandidate *c = g_hash_table_lookup (by_code, ballot->marks[i]);
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = strcmp (ballot->marks[i], ballot->marks[j]) == 0;
      if (c != NULL && !repeated)
        c->votes++;
    }
  return TRUE;
}

/* The cut-off of RULES.md on the sorted candidates; fills outcomes, runoff_codes and
 * runoff_seats. */
static void
apply_cutoff (JpTally  *tally,
              gboolean  threshold)
{
  GPtrArray *cands = tally->candidates;
  g_autoptr(GPtrArray) runoff = g_ptr_array_new ();
  int seats = tally->seats;
  int boundary_votes;
  guint n_at_least = 0;
  int advanced = 0;

  tally->runoff_seats = 0;
  if (tally->void_round || seats <= 0 || cands->len == 0)
    goto done;

  if ((int) cands->len <= seats)
    boundary_votes = -1;   /* everybody is inside */
  else
    boundary_votes = ((JpTallyCandidate *) g_ptr_array_index (cands, seats - 1))->votes;

  for (guint i = 0; i < cands->len; i++)
    if (((JpTallyCandidate *) g_ptr_array_index (cands, i))->votes >= boundary_votes)
      n_at_least++;

  for (guint i = 0; i < cands->len; i++)
    {
      JpTallyCandidate *c = g_ptr_array_index (cands, i);
      gboolean passes = !threshold || (gint64) c->votes * 2 > tally->valid;

      if (!passes || c->votes < boundary_votes)
        continue;
      if (c->votes > boundary_votes || (int) n_at_least <= seats)
        {
          c->outcome = JP_TALLY_ADVANCED;
          advanced++;
        }
      else
        g_ptr_array_add (runoff, c);
    }

  if (runoff->len > 0)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) codes = NULL;

      for (guint i = 0; i < runoff->len; i++)
        {
          JpTallyCandidate *c = g_ptr_array_index (runoff, i);

          c->outcome = JP_TALLY_RUNOFF;
          g_strv_builder_add (builder, c->code);
        }
      codes = g_strv_builder_end (builder);
      qsort (codes, g_strv_length (codes), sizeof (char *), compare_codes);
      tally->runoff_codes = g_steal_pointer (&codes);
      tally->runoff_seats = seats - advanced;
      return;
    }

done:
  tally->runoff_codes = g_new0 (char *, 1);
}

JpTally *
jp_tally_compute (const JpTallyInput *input,
                  gint64              round_id,
                  const char         *trade)
{
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GHashTable) by_code = NULL;
  int rank = 0;

  g_return_val_if_fail (input != NULL && input->codes != NULL && input->ballots != NULL, NULL);

  tally = g_new0 (JpTally, 1);
  tally->round_id = round_id;
  tally->trade = g_strdup (trade);
  tally->seats = input->seats;
  tally->max_choices = input->max_choices;
  tally->majority_threshold = input->majority_threshold;
  tally->present = input->present;
  tally->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_candidate_free);

  by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < input->codes->len; i++)
    {
      const char *code = g_ptr_array_index (input->codes, i);
      JpTallyCandidate *c;

      if (g_hash_table_contains (by_code, code))
        continue;
      c = g_new0 (JpTallyCandidate, 1);
      c->code = g_strdup (code);
      g_ptr_array_add (tally->candidates, c);
      g_hash_table_insert (by_code, c->code, c);
    }

  for (guint i = 0; i < input->ballots->len; i++)
    {
      gboolean blank;

      tally->cast++;
      if (!count_ballot (g_ptr_array_index (input->ballots, i), input->max_choices, by_code,
                         &blank))
        tally->invalid++;
      else if (blank)
        tally->blank++;
    }
  tally->valid = tally->cast - tally->invalid;
  tally->void_round = tally->cast > tally->present;

  g_ptr_array_sort (tally->candidates, compare_candidates);
  for (guint i = 0; i < tally->candidates->len; i++)
    {
      JpTallyCandidate *c = g_ptr_array_index (tally->candidates, i);
      JpTallyCandidate *prev = i > 0 ? g_ptr_array_index (tally->candidates, i - 1) : NULL;

      if (prev == NULL || prev->votes != c->votes)
        rank = (int) i + 1;
      c->rank = rank;
      c->outcome = JP_TALLY_OUT;
    }
  apply_cutoff (tally, input->majority_threshold);
  tally->ballot_list = jp_tally_ballot_list (input->ballots);
  tally->digest = jp_tally_sealed_digest (tally);
  tally->digest_version = 2;
  return g_steal_pointer (&tally);
}

/* ---- the canonical JSON (docs/result-digest.md) ---- */

static void
append_key (GString    *out,
            const char *key)
{
  jp_canonical_append_string (out, key);
  g_string_append_c (out, ':');
}

char *
jp_tally_canonical_json (const JpTally *tally)
{
  GString *out;

  g_return_val_if_fail (tally != NULL, NULL);

  /* Keys are written in byte order by hand: the object is small and fixed. */
  out = g_string_new ("{");
  append_key (out, "ballots");
  g_string_append_printf (out,
                          "{\"blank\":%d,\"cast\":%d,\"invalid\":%d,\"present\":%d,"
                          "\"valid\":%d},",
                          tally->blank, tally->cast, tally->invalid, tally->present,
                          tally->valid);
  append_key (out, "candidates");
  g_string_append_c (out, '[');
  for (guint i = 0; tally->candidates != NULL && i < tally->candidates->len; i++)
    {
      JpTallyCandidate *c = g_ptr_array_index (tally->candidates, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      append_key (out, "code");
      jp_canonical_append_string (out, c->code);
      g_string_append_c (out, ',');
      append_key (out, "outcome");
      jp_canonical_append_string (out, jp_tally_outcome_to_key (c->outcome));
      g_string_append_printf (out, ",\"rank\":%d,\"votes\":%d}", c->rank, c->votes);
    }
  g_string_append (out, "],");
  g_string_append_printf (out, "\"max_choices\":%d,\"round\":%" G_GINT64_FORMAT ",\"seats\":%d,",
                          tally->max_choices, tally->round_id, tally->seats);
  append_key (out, "trade");
  if (tally->trade != NULL)
    jp_canonical_append_string (out, tally->trade);
  else
    g_string_append (out, "null");
  g_string_append_printf (out, ",\"void\":%s}", tally->void_round ? "true" : "false");
  return g_string_free (out, FALSE);
}

char *
jp_tally_digest (const JpTally *tally)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (tally != NULL, NULL);

  json = jp_tally_canonical_json (tally);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, json, -1);
}

/* ---- the sealed digest, version 2 (docs/result-digest.md) ---- */

static int
compare_serials (gconstpointer a,
                 gconstpointer b)
{
  const JpTallyBallot *x = *(JpTallyBallot *const *) a;
  const JpTallyBallot *y = *(JpTallyBallot *const *) b;

  return x->serial < y->serial ? -1 : x->serial > y->serial;
}

char *
jp_tally_ballot_list (GPtrArray *ballots)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GString *out = g_string_new ("[");

  for (guint i = 0; ballots != NULL && i < ballots->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (ballots, i));
  g_ptr_array_sort (sorted, compare_serials);
  for (guint i = 0; i < sorted->len; i++)
    {
      const JpTallyBallot *b = g_ptr_array_index (sorted, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "{\"invalid\":%s,\"marks\":[",
                              b->invalid ? "true" : "false");
      for (guint k = 0; b->marks != NULL && b->marks[k] != NULL; k++)
        {
          if (k > 0)
            g_string_append_c (out, ',');
          jp_canonical_append_string (out, b->marks[k]);
        }
      g_string_append_printf (out, "],\"serial\":%" G_GINT64_FORMAT "}", b->serial);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

char *
jp_tally_sealed_text (const JpTally *tally)
{
  g_autofree char *result = NULL;

  g_return_val_if_fail (tally != NULL, NULL);

  result = jp_tally_canonical_json (tally);
  return g_strdup_printf ("{\"ballots\":%s,\"result\":%s,\"version\":2}",
                          tally->ballot_list != NULL ? tally->ballot_list : "[]", result);
}

char *
jp_tally_sealed_digest (const JpTally *tally)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (tally != NULL, NULL);

  text = jp_tally_sealed_text (tally);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}
