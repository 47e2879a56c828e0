/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-store-export.h"
#include "jp-store-console.h"
#include "jp-store-rounds.h"

const char *
jp_export_what_to_key (JpExportWhat what)
{
  return what == JP_EXPORT_RESULTS ? "results" : "candidates";
}

gboolean
jp_export_what_from_key (const char   *key,
                         JpExportWhat *what)
{
  if (g_strcmp0 (key, "candidates") == 0)
    *what = JP_EXPORT_CANDIDATES;
  else if (g_strcmp0 (key, "results") == 0)
    *what = JP_EXPORT_RESULTS;
  else
    return FALSE;
  return TRUE;
}

static JpSheet *
export_candidates (JpStore  *self,
                   GError  **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(JpSheet) sheet = NULL;
  JpElection *election;
  g_autofree char *title = NULL;

  list = jp_store_list_candidates (self, error);
  if (list == NULL)
    return NULL;
  reviews = jp_store_list_reviews (self, error);
  if (reviews == NULL)
    return NULL;
  notes = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < reviews->len; i++)
    {
      JpReview *r = g_ptr_array_index (reviews, i);

      if (r->reason != NULL && *r->reason != '\0')
        g_hash_table_insert (notes, &r->candidate_id, r->reason);
    }

  election = jp_store_get_election (self);
  /* TRANSLATORS: the title of the exported candidate list; %s is the election's title */
  title = election->title != NULL && *election->title != '\0'
          ? g_strdup_printf (_("%s: candidate list"), election->title)
          : g_strdup (_("Candidate list"));
  jp_election_free (election);

  /* TRANSLATORS: the name of a spreadsheet tab, at most 31 characters */
  sheet = jp_sheet_new (C_("sheet", "Candidates"), g_strstrip (title));
  jp_sheet_add_column (sheet, _("Code"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Name"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Sex"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Ethnicity"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Born"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("ID number"), JP_SHEET_DIGITS);
  jp_sheet_add_column (sheet, _("Nominating unit"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Employer"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Position"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Work type"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Trade"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Years in the trade"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Skill level or title"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Phone"), JP_SHEET_DIGITS);
  jp_sheet_add_column (sheet, _("Route"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Criteria"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Evidence files"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Qualification"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Reviewer’s note"), JP_SHEET_TEXT);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);
      g_autofree char *criteria = jp_criteria_to_string (c->criteria);

      jp_sheet_new_row (sheet);
      jp_sheet_add_text (sheet, c->code);
      jp_sheet_add_text (sheet, c->name);
      jp_sheet_add_text (sheet, c->sex != JP_SEX_UNKNOWN ? jp_sex_label (c->sex) : NULL);
      jp_sheet_add_text (sheet, c->ethnicity);
      jp_sheet_add_text (sheet, c->birth);
      jp_sheet_add_text (sheet, c->id_number);
      jp_sheet_add_text (sheet, c->unit);
      jp_sheet_add_text (sheet, c->employer);
      jp_sheet_add_text (sheet, c->position);
      jp_sheet_add_text (sheet, c->work_type);
      jp_sheet_add_text (sheet, c->trade);
      if (c->years_in_trade >= 0)
        jp_sheet_add_int (sheet, c->years_in_trade);
      else
        jp_sheet_add_text (sheet, NULL);
      jp_sheet_add_text (sheet, c->skill_level);
      jp_sheet_add_text (sheet, c->phone);
      jp_sheet_add_text (sheet, c->route != JP_ROUTE_UNKNOWN ? jp_route_label (c->route) : NULL);
      jp_sheet_add_text (sheet, criteria);
      jp_sheet_add_int (sheet, c->n_evidence);
      jp_sheet_add_text (sheet, jp_status_label (c->status));
      jp_sheet_add_text (sheet, g_hash_table_lookup (notes, &c->id));
    }
  return g_steal_pointer (&sheet);
}

/* candidate id -> JpCandidate (borrowed from `list`) */
static GHashTable *
index_candidates (GListModel *list)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      JpCandidate *c = g_list_model_get_item (list, i);

      g_hash_table_insert (index, &c->id, c);
    }
  return index;
}

static gint64
round_candidate_id (const JpRound *round,
                    const char    *code)
{
  for (guint i = 0; i < round->candidates->len; i++)
    {
      JpRoundCandidate *rc = g_ptr_array_index (round->candidates, i);

      if (g_strcmp0 (rc->code, code) == 0)
        return rc->candidate_id;
    }
  return 0;
}

static JpSheet *
export_results (JpStore  *self,
                GError  **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) finalists = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(JpSheet) sheet = NULL;
  g_autofree char *title = NULL;
  JpElection *election;

  list = jp_store_list_candidates (self, error);
  if (list == NULL)
    return NULL;
  by_id = index_candidates (list);
  rounds = jp_store_list_rounds (self, NULL, error);
  if (rounds == NULL)
    return NULL;
  trades = jp_store_finalists (self, error);
  if (trades == NULL)
    return NULL;
  finalists = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < trades->len; i++)
    {
      JpTradeFinalists *f = g_ptr_array_index (trades, i);

      for (guint k = 0; k < f->finalists->len; k++)
        {
          JpRoundCandidate *rc = g_ptr_array_index (f->finalists, k);

          g_hash_table_add (finalists, rc->code);
        }
    }

  election = jp_store_get_election (self);
  /* TRANSLATORS: the title of the exported ballot results; %s is the election's title */
  title = election->title != NULL && *election->title != '\0'
          ? g_strdup_printf (_("%s: ballot results"), election->title)
          : g_strdup (_("Ballot results"));
  jp_election_free (election);

  /* TRANSLATORS: the name of a spreadsheet tab, at most 31 characters */
  sheet = jp_sheet_new (C_("sheet", "Ballot results"), g_strstrip (title));
  jp_sheet_add_column (sheet, _("Trade"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Round"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Ballot kind"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("State"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Present"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Ballots cast"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Valid"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Invalid"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Blank"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Code"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Name"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Nominating unit"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Votes"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Rank"), JP_SHEET_NUMBER);
  jp_sheet_add_column (sheet, _("Outcome"), JP_SHEET_TEXT);
  jp_sheet_add_column (sheet, _("Finalist"), JP_SHEET_TEXT);

  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *round = g_ptr_array_index (rounds, i);
      g_autoptr(JpTally) tally = NULL;

      if (round->kind != JP_ROUND_KIND_BALLOT ||
          (round->state != JP_ROUND_STATE_CLOSED && round->state != JP_ROUND_STATE_SEALED))
        continue;
      tally = jp_store_get_tally (self, round->id, error);
      if (tally == NULL)
        return NULL;
      for (guint k = 0; k < tally->candidates->len; k++)
        {
          JpTallyCandidate *tc = g_ptr_array_index (tally->candidates, k);
          gint64 id = round_candidate_id (round, tc->code);
          JpCandidate *c = id != 0 ? g_hash_table_lookup (by_id, &id) : NULL;

          jp_sheet_new_row (sheet);
          jp_sheet_add_text (sheet, round->trade_name);
          jp_sheet_add_int (sheet, round->number);
          jp_sheet_add_text (sheet, round->parent_id != 0 ? _("Run-off") : _("Ballot"));
          jp_sheet_add_text (sheet, jp_round_state_label (round->state));
          jp_sheet_add_int (sheet, tally->present);
          jp_sheet_add_int (sheet, tally->cast);
          jp_sheet_add_int (sheet, tally->valid);
          jp_sheet_add_int (sheet, tally->invalid);
          jp_sheet_add_int (sheet, tally->blank);
          jp_sheet_add_text (sheet, tc->code);
          jp_sheet_add_text (sheet, c != NULL ? c->name : NULL);
          jp_sheet_add_text (sheet, c != NULL ? c->unit : NULL);
          jp_sheet_add_int (sheet, tc->votes);
          jp_sheet_add_int (sheet, tc->rank);
          /* a void round decides nobody, whatever the counts say */
          jp_sheet_add_text (sheet, tally->void_round ? _("Void round")
                                                      : jp_tally_outcome_label (tc->outcome));
          jp_sheet_add_text (sheet, g_hash_table_contains (finalists, tc->code)
                                    ? _("Yes") : NULL);
        }
    }
  return g_steal_pointer (&sheet);
}

JpSheet *
jp_store_export_sheet (JpStore       *self,
                       JpExportWhat   what,
                       GError       **error)
{
  g_return_val_if_fail (JP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (what == JP_EXPORT_RESULTS)
    return export_results (self, error);
  return export_candidates (self, error);
}
