/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/jp-store-console.h"
#include "jp-cli.h"

/* The qualification commands: qualify (a review from the command line) and review-status. */

#define ACTOR "cli"

/* ---- qualify ---- */

static gboolean
parse_evidence (JpReview    *review,
                char       **specs,
                guint       *given,
                GError     **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      const char *eq = strchr (specs[i], '=');
      char *end = NULL;
      gint64 n = eq != NULL ? g_ascii_strtoll (specs[i], &end, 10) : 0;
      const char *sha = eq != NULL ? eq + 1 : NULL;
      gsize len = sha != NULL ? strlen (sha) : 0;
      gboolean hex = len == 64;

      for (gsize k = 0; hex && k < len; k++)
        hex = g_ascii_isxdigit (sha[k]);
      if (eq == NULL || end != eq || n < 1 || n > JP_N_CRITERIA || !hex)
        return jp_cli_bad_value (error, "--evidence", specs[i],
                                 _("write CRITERION=SHA256, for example 1=<64 hex digits>."));
      jp_review_link_evidence (review, (int) n, sha);
      *given |= 1u << n;
    }
  return TRUE;
}

static gboolean
parse_exclusions (JpReview   *review,
                  char      **specs,
                  GError    **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (specs[i], ":", 2);
      gboolean ok = FALSE;
      JpExclusion x = jp_exclusion_from_string (parts[0], &ok);

      if (!ok)
        return jp_cli_bad_value (error, "--exclusion", specs[i],
                                 _("use cadre-or-head or misconduct, optionally followed by :note."));
      jp_review_set_exclusion (review, x, TRUE, parts[1]);
    }
  return TRUE;
}

/* The store's JSON of the review (jp_store_review_to_json), with the warnings of this save. */
static JsonNode *
review_to_json (const JpReview    *review,
                const JpCandidate *candidate,
                GPtrArray         *warnings)
{
  JsonNode *node = jp_store_review_to_json (review, candidate);

  json_object_set_member (json_node_get_object (node), "warnings",
                          jp_cli_findings_to_json (warnings));
  return node;
}

int
jp_cli_cmd_qualify (int argc, char **argv, GError **error)
{
  gint64 candidate_id = 0;
  g_autofree char *criteria_text = NULL;
  g_autofree char *reason = NULL;
  g_auto(GStrv) evidence = NULL;
  g_auto(GStrv) exclusions = NULL;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "candidate", 0, 0, G_OPTION_ARG_INT64, &candidate_id, N_("Candidate number"), N_("ID") },
    { "criteria", 0, 0, G_OPTION_ARG_STRING, &criteria_text, N_("Qualify: the criteria met, e.g. 1,4"), N_("LIST") },
    { "return", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Return the nomination with this reason"), N_("REASON") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING_ARRAY, &evidence, N_("Link a document to a criterion"), N_("N=SHA256") },
    { "exclusion", 0, 0, G_OPTION_ARG_STRING_ARRAY, &exclusions, N_("Tick an exclusion (cadre-or-head, misconduct)"), N_("KEY[:NOTE]") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpCandidate) candidate = NULL;
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  guint criteria = 0, given = 0;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (candidate_id <= 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say which candidate: add --candidate ID"));
      return 2;
    }
  if ((criteria_text == NULL) == (reason == NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give either --criteria LIST (qualify) or --return REASON, not "
                             "both"));
      return 2;
    }
  if (criteria_text != NULL && !jp_criteria_from_string (criteria_text, &criteria, NULL))
    {
      jp_cli_bad_value (error, "--criteria", criteria_text, _("list criteria 1 to 6, e.g. 1,4."));
      return 2;
    }
  if (criteria_text != NULL && (criteria & 0x7e) == 0)
    {
      jp_cli_bad_value (error, "--criteria", criteria_text, _("tick at least one criterion."));
      return 2;
    }

  candidate = jp_store_get_candidate (store, candidate_id, error);
  if (candidate == NULL)
    return 1;
  review = jp_review_new (candidate_id);
  if (!parse_evidence (review, evidence, &given, error) ||
      !parse_exclusions (review, exclusions, error))
    return 2;

  if (criteria_text != NULL)
    {
      review->decision = JP_REVIEW_DECISION_QUALIFIED;
      review->criteria_met |= criteria & 0x7e;
      /* Unless told otherwise, a criterion is backed by the documents tagged with it. */
      for (int c = 1; c <= JP_N_CRITERIA; c++)
        {
          if (!(criteria & (1u << c)) || (given & (1u << c)))
            continue;
          for (guint i = 0; candidate->documents != NULL && i < candidate->documents->len; i++)
            {
              JpDocumentRef *ref = g_ptr_array_index (candidate->documents, i);

              if (ref->kind == JP_DOC_EVIDENCE && ref->criterion == c)
                jp_review_link_evidence (review, c, ref->sha256);
            }
        }
    }
  else
    {
      review->decision = JP_REVIEW_DECISION_RETURNED;
      review->reason = g_strdup (reason);
    }

  if (!jp_store_save_review (store, review, ACTOR, &warnings, error))
    return 1;

  if (jp_cli_opt_json)
    jp_cli_print_json (review_to_json (review, candidate, warnings));
  else
    {
      g_autofree char *list = jp_criteria_to_string (review->criteria_met);

      printf (_("%s (%lld): %s\n"), candidate->name, (long long) candidate_id,
              jp_review_decision_label (review->decision));
      if (review->decision == JP_REVIEW_DECISION_QUALIFIED)
        printf (_("  Criteria met: %s\n"), list);
      if (review->reason != NULL)
        printf (_("  Reason: %s\n"), review->reason);
      jp_cli_print_findings (warnings);
    }
  return 0;
}

/* ---- review-status ---- */

int
jp_cli_cmd_review_status (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpReviewProgress) p = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  p = jp_store_get_review_progress (store, error);
  if (p == NULL)
    return 1;

  if (!jp_cli_opt_json)
    {
      printf (_("Reviewed %u of %u: %u qualified, %u returned, %u pending\n"), p->reviewed,
              p->total, p->qualified, p->returned, p->pending);
      for (guint i = 0; i < p->trades->len; i++)
        {
          JpReviewTradeProgress *t = g_ptr_array_index (p->trades, i);
          g_autofree char *name = jp_cli_pad (*t->trade != '\0' ? t->trade : _("(no trade)"), 16);

          printf (_("  %s %3u of %3u reviewed: %3u qualified, %3u returned, %3u pending\n"),
                  name, t->qualified + t->returned, t->total, t->qualified, t->returned,
                  t->pending);
        }
      return 0;
    }

  json_builder_begin_object (b);
  jp_cli_add_int (b, "total", p->total);
  jp_cli_add_int (b, "reviewed", p->reviewed);
  jp_cli_add_int (b, "qualified", p->qualified);
  jp_cli_add_int (b, "returned", p->returned);
  jp_cli_add_int (b, "pending", p->pending);
  json_builder_set_member_name (b, "trades");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->trades->len; i++)
    {
      JpReviewTradeProgress *t = g_ptr_array_index (p->trades, i);
      g_autoptr(JpTrade) trade = jp_store_find_trade (store, t->trade);

      json_builder_begin_object (b);
      jp_cli_add_string (b, "trade", t->trade);
      jp_cli_add_string (b, "code", trade != NULL ? trade->code : NULL);
      jp_cli_add_int (b, "total", t->total);
      jp_cli_add_int (b, "qualified", t->qualified);
      jp_cli_add_int (b, "returned", t->returned);
      jp_cli_add_int (b, "pending", t->pending);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  jp_cli_print_json (json_builder_get_root (b));
  return 0;
}
