/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "jp-cli.h"
#include "store/jp-store-defence.h"
#include "store/jp-store-ranking.h"

/* Defence sessions and the composite ranking from the command line (issue 7): score,
 * scores enter, defence (results, current, unlock, revise, absent, status), rank (adjust,
 * seal). `round open --kind defence` and `round close` are in jp-cli-rounds.c.
 *
 * Scores are exact decimals: the JSON is written by hand so that 87.25 is printed as 87.25
 * (json-glib would print a double with 17 digits). */

#define ACTOR "cli"

static char *
json_literal (const char *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) gen = NULL;

  if (value == NULL)
    return g_strdup ("null");
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, value);
  gen = json_generator_new ();
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

/* A hundredths value as a JSON number: 8725 -> 87.25, 8850 -> 88.5, 6100 -> 61.0. */
static char *
json_decimal (gint64 hundredths)
{
  return jp_decimal_format_short (hundredths, 2);
}

static int
need_option (const char  *value,
             const char  *message,
             GError     **error)
{
  if (value != NULL && *value != '\0')
    return 0;
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return 2;
}

/* ---- score ---- */

int
jp_cli_cmd_score (int argc, char **argv, GError **error)
{
  g_autofree char *member = NULL, *candidate = NULL, *values = NULL;
  gboolean submit = FALSE;
  gint64 round = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "round", 0, 0, G_OPTION_ARG_INT64, &round, N_("The defence session"), N_("ID") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("The member's code"), N_("CODE") },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &candidate, N_("The candidate's code"),
      N_("CODE") },
    { "values", 0, 0, G_OPTION_ARG_STRING, &values,
      N_("One score per criterion, separated by commas"), N_("SCORES") },
    { "submit", 0, 0, G_OPTION_ARG_NONE, &submit, N_("Submit the sheet (it locks)"), NULL },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpDefenceSheet) sheet = NULL;
  g_auto(GStrv) parts = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if ((status = jp_cli_need_round (round, error)) != 0
      || (status = need_option (member, _("Say whose sheet: add --member CODE"), error)) != 0
      || (status = need_option (candidate, _("Say which candidate: add --candidate CODE"),
                                error)) != 0)
    return status;
  if (values == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give the scores: add --values with one score per criterion, "
                             "separated by commas (for example 13,21.5,22,17,12)"));
      return 2;
    }
  /* An empty --values is a sheet with no score: the store names the count. */
  parts = *values == '\0' ? g_new0 (char *, 1) : g_strsplit (values, ",", -1);
  if (!jp_store_defence_save_sheet_text (store, round, member, candidate,
                                         (const char *const *) parts, submit, ACTOR, error))
    return 1;
  sheet = jp_store_defence_get_sheet (store, round, member, candidate, error);
  if (sheet == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autofree char *m = json_literal (sheet->member);
      g_autofree char *c = json_literal (sheet->candidate);
      g_autofree char *total = json_decimal ((gint64) sheet->total_halves * 50);

      printf ("{\"round\": %" G_GINT64_FORMAT ", \"member\": %s, \"candidate\": %s, "
              "\"state\": \"%s\", \"total\": %s}\n", round, m, c,
              jp_defence_sheet_state_to_key (sheet->state), total);
    }
  else
    {
      g_autofree char *total = jp_decimal_format_short ((gint64) sheet->total_halves * 50, 2);

      printf (sheet->state == JP_DEFENCE_SHEET_SUBMITTED
              ? _("%s's sheet for %s is submitted (total %s).\n")
              : _("%s's draft for %s is saved (total so far %s).\n"),
              sheet->member, sheet->candidate, total);
    }
  return 0;
}

/* ---- scores enter ---- */

static void
print_sheets_entered (const char *file,
                      int         n,
                      int         pass)
{
  printf (ngettext ("%s: %d paper sheet entered (pass %d).\n",
                    "%s: %d paper sheets entered (pass %d).\n", n),
          file, n, pass);
}

int
jp_cli_cmd_scores (int argc, char **argv, GError **error)
{
  static const JpCliPaperEntry sheets = {
    N_("The defence session"), N_("Paper sheets, first entry"), N_("Paper sheets, second entry"),
    NULL, jp_store_defence_enter_paper, print_sheets_entered,
  };
  JpCliPaperEntry kind = sheets;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  gint64 round = 0;
  int counts[2];
  int status, first, second;

  kind.usage = _("Say what to do: scores enter");
  status = jp_cli_paper_enter (argc, argv, &kind, &store, &round, counts, error);
  if (status != 0)
    return status;
  first = counts[0];
  second = counts[1];
  diffs = jp_store_defence_paper_differences (store, round, error);
  if (diffs == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, round);
      json_builder_set_member_name (b, "first");
      if (first >= 0)
        json_builder_add_int_value (b, first);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "second");
      if (second >= 0)
        json_builder_add_int_value (b, second);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "differences");
      json_builder_begin_array (b);
      for (guint i = 0; i < diffs->len; i++)
        json_builder_add_string_value (b, diffs->pdata[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    for (guint i = 0; i < diffs->len; i++)
      printf ("%s\n", (const char *) diffs->pdata[i]);
  return 0;
}

/* ---- defence ---- */

static void
print_alerts_json (GString   *out,
                   GPtrArray *alerts)
{
  g_string_append (out, "[");
  for (guint i = 0; i < alerts->len; i++)
    {
      JpDefenceAlert *a = g_ptr_array_index (alerts, i);
      g_autofree char *m = json_literal (a->member);
      g_autofree char *total = json_decimal ((gint64) a->total_halves * 50);
      g_autofree char *median = json_decimal (a->median);

      g_string_append_printf (out, "%s{\"member\":%s,\"total\":%s,\"median\":%s,"
                              "\"revised\":%s}", i > 0 ? "," : "", m, total, median,
                              a->revised ? "true" : "false");
    }
  g_string_append (out, "]");
}

static int
defence_show (JpStore  *store,
              gint64    round,
              GError  **error)
{
  g_autoptr(JpDefenceResults) r = jp_store_defence_results (store, round, error);

  if (r == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *trade = json_literal (r->trade_code);

      g_string_append_printf (out, "{\"round\":%" G_GINT64_FORMAT ",\"trade\":%s,"
                              "\"candidates\":[", r->round_id, trade);
      for (guint i = 0; i < r->candidates->len; i++)
        {
          JpDefenceCandidateResults *c = g_ptr_array_index (r->candidates, i);
          g_autofree char *code = json_literal (c->code);
          g_autofree char *d = c->score != NULL && c->score->has_score
                               ? json_decimal (c->score->d) : g_strdup ("null");

          g_string_append_printf (out, "%s{\"code\":%s,\"order\":%d,\"n\":%u,\"D\":%s,"
                                  "\"totals\":[", i > 0 ? "," : "", code, c->order,
                                  c->score != NULL ? c->score->n : c->n_submitted, d);
          for (guint j = 0; c->score != NULL && j < c->score->totals->len; j++)
            {
              JpDefenceTotal *t = g_ptr_array_index (c->score->totals, j);
              g_autofree char *m = json_literal (t->member);
              g_autofree char *total = json_decimal ((gint64) t->total_halves * 50);
              g_autofree char *dropped = json_literal (jp_defence_drop_to_key (t->dropped));

              g_string_append_printf (out, "%s{\"member\":%s,\"total\":%s,\"dropped\":%s}",
                                      j > 0 ? "," : "", m, total, dropped);
            }
          g_string_append (out, "],\"alerts\":");
          print_alerts_json (out, c->alerts);
          g_string_append (out, "}");
        }
      g_string_append (out, "]}\n");
      fputs (out->str, stdout);
      return 0;
    }
  printf (_("Defence session %lld, trade %s (%s)\n"), (long long) r->round_id,
          r->trade_code != NULL ? r->trade_code : "", jp_round_state_to_key (r->state));
  for (guint i = 0; i < r->candidates->len; i++)
    {
      JpDefenceCandidateResults *c = g_ptr_array_index (r->candidates, i);

      if (c->score == NULL || !c->score->has_score)
        {
          printf (_("%2d. %-8s %u of %u sheets submitted\n"), c->order, c->code,
                  c->n_submitted, c->n_expected);
          continue;
        }
      {
        g_autofree char *d = jp_decimal_format (c->score->d, 2);

        printf (_("%2d. %-8s D %s\n"), c->order, c->code, d);
      }
      for (guint j = 0; j < c->score->totals->len; j++)
        {
          JpDefenceTotal *t = g_ptr_array_index (c->score->totals, j);
          g_autofree char *total = jp_decimal_format ((gint64) t->total_halves * 50, 2);

          printf ("      %-6s %7s%s%s\n", t->member, total,
                  t->dropped == JP_DEFENCE_DROPPED_HIGH ? _("  (highest, dropped)")
                  : t->dropped == JP_DEFENCE_DROPPED_LOW ? _("  (lowest, dropped)") : "",
                  t->alert ? _("  alert") : "");
        }
    }
  return 0;
}

static int
defence_status (JpStore  *store,
                gint64    round,
                GError  **error)
{
  g_autoptr(JpDefenceSession) s = jp_store_get_defence_session (store, round, error);

  if (s == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      const JpDefenceCandidate *current = jp_defence_session_current (s);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, s->round_id);
      json_builder_set_member_name (b, "trade");
      json_builder_add_string_value (b, s->trade_code);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, jp_round_state_to_key (s->state));
      json_builder_set_member_name (b, "digest");
      if (s->digest != NULL)
        json_builder_add_string_value (b, s->digest);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "current");
      if (current != NULL)
        json_builder_add_string_value (b, current->code);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      for (guint i = 0; i < s->candidates->len; i++)
        {
          JpDefenceCandidate *c = g_ptr_array_index (s->candidates, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, c->code);
          json_builder_set_member_name (b, "order");
          json_builder_add_int_value (b, c->order);
          json_builder_set_member_name (b, "submitted");
          json_builder_add_int_value (b, c->n_submitted);
          json_builder_set_member_name (b, "expected");
          json_builder_add_int_value (b, c->n_expected);
          json_builder_set_member_name (b, "pending");
          json_builder_begin_array (b);
          for (guint j = 0; c->pending[j] != NULL; j++)
            json_builder_add_string_value (b, c->pending[j]);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "conflicted");
          json_builder_begin_array (b);
          for (guint j = 0; c->conflicted[j] != NULL; j++)
            json_builder_add_string_value (b, c->conflicted[j]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
      return 0;
    }
  for (guint i = 0; i < s->candidates->len; i++)
    {
      JpDefenceCandidate *c = g_ptr_array_index (s->candidates, i);

      printf (_("%s%2d. %-8s %u of %u sheets submitted\n"), c->order == s->current ? "> " : "  ",
              c->order, c->code, c->n_submitted, c->n_expected);
    }
  return 0;
}

/* The judge-consistency view: per member, the mean difference of their totals from D and
 * their alerts, over the candidates whose sheets are all in. */
static int
defence_consistency (JpStore  *store,
                     gint64    round,
                     GError  **error)
{
  g_autoptr(JpDefenceResults) r = jp_store_defence_results (store, round, error);

  if (r == NULL)
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(GString) out = g_string_new ("[");

      for (guint i = 0; i < r->consistency->len; i++)
        {
          JpJudgeConsistency *c = g_ptr_array_index (r->consistency, i);
          g_autofree char *m = json_literal (c->member);
          g_autofree char *diff = json_decimal (c->mean_diff);

          g_string_append_printf (out, "%s{\"member\":%s,\"sheets\":%u,\"mean_diff\":%s,"
                                  "\"alerts\":%u}", i > 0 ? "," : "", m, c->n_sheets, diff,
                                  c->n_alerts);
        }
      g_string_append (out, "]\n");
      fputs (out->str, stdout);
      return 0;
    }
  for (guint i = 0; i < r->consistency->len; i++)
    {
      JpJudgeConsistency *c = g_ptr_array_index (r->consistency, i);
      g_autofree char *diff = jp_decimal_format (c->mean_diff, 2);

      printf (_("%-6s %3u sheets  mean difference from D %7s  alerts %u\n"), c->member,
              c->n_sheets, diff, c->n_alerts);
    }
  return 0;
}

int
jp_cli_cmd_defence (int argc, char **argv, GError **error)
{
  g_autofree char *member = NULL, *candidate = NULL, *reason = NULL;
  gint64 round = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "round", 0, 0, G_OPTION_ARG_INT64, &round, N_("The defence session"), N_("ID") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("unlock, revise, absent: the member"),
      N_("CODE") },
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &candidate,
      N_("current, unlock, revise: the candidate"), N_("CODE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("unlock, revise, absent: why (kept)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  const char *action;
  int status;

  store = jp_cli_parse_and_open (entries, _("[show|status|consistency|text|current|unlock|revise|absent]"),
                                 &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if ((status = jp_cli_need_round (round, error)) != 0)
    return status;
  if (argc > 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say one thing to do: defence show, status, consistency, text, "
                             "current, unlock, revise or absent"));
      return 2;
    }
  action = argc == 2 ? argv[1] : "show";
  if (g_str_equal (action, "show"))
    return defence_show (store, round, error);
  if (g_str_equal (action, "status"))
    return defence_status (store, round, error);
  if (g_str_equal (action, "consistency"))
    return defence_consistency (store, round, error);
  if (g_str_equal (action, "text"))
    {
      g_autofree char *text = jp_store_defence_canonical_text (store, round, error);

      if (text == NULL)
        return 1;
      fputs (text, stdout);   /* exactly what the digest is over: no newline */
      return 0;
    }
  if (g_str_equal (action, "current"))
    {
      if (!jp_store_defence_set_current (store, round, candidate, ACTOR, error))
        return 1;
      if (!jp_cli_opt_json)
        {
          if (candidate != NULL && *candidate != '\0')
            printf (_("%s is now presenting.\n"), candidate);
          else
            printf (_("No candidate is presenting.\n"));
        }
      return 0;
    }
  if (g_str_equal (action, "unlock") || g_str_equal (action, "revise"))
    {
      gboolean ok;

      if ((status = need_option (member, _("Say whose sheet: add --member CODE"), error)) != 0
          || (status = need_option (candidate, _("Say which candidate: add --candidate CODE"),
                                    error)) != 0)
        return status;
      if (g_str_equal (action, "unlock"))
        ok = jp_store_defence_unlock_sheet (store, round, member, candidate, reason, ACTOR,
                                            error);
      else
        ok = jp_store_defence_request_revision (store, round, member, candidate, reason, ACTOR,
                                                error);
      if (!ok)
        return 1;
      if (!jp_cli_opt_json)
        printf (_("The sheet of %s for %s is open again.\n"), member, candidate);
      return 0;
    }
  if (g_str_equal (action, "absent"))
    {
      if ((status = need_option (member, _("Say who left: add --member CODE"), error)) != 0)
        return status;
      if (!jp_store_defence_record_absence (store, round, member, reason, ACTOR, error))
        return 1;
      if (!jp_cli_opt_json)
        printf (_("The absence of %s is recorded.\n"), member);
      return 0;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("Unknown action “%s”: use show, status, consistency, text, current, "
                 "unlock, revise or absent"),
               action);
  return 2;
}

/* ---- rank ---- */

static void
print_ranking_json (JpRanking *ranking)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *wv = json_decimal (ranking->weight_v);
  g_autofree char *wo = json_decimal (ranking->weight_o);
  g_autofree char *wd = json_decimal (ranking->weight_d);

  g_string_append_printf (out, "{\"weights\":{\"V\":%s,\"O\":%s,\"D\":%s},\"quota\":%d,"
                          "\"candidates\":[", wv, wo, wd, ranking->quota);
  for (guint i = 0; i < ranking->candidates->len; i++)
    {
      JpRankedCandidate *c = g_ptr_array_index (ranking->candidates, i);
      g_autofree char *code = json_literal (c->code);
      g_autofree char *trade = json_literal (c->trade);
      g_autofree char *v = json_decimal (c->v);
      g_autofree char *o = json_decimal (c->o);
      g_autofree char *d = json_decimal (c->d);
      g_autofree char *cc = json_decimal (c->c);
      g_autofree char *adjustment = NULL;

      if (c->adjustment != 0)
        {
          g_autofree char *reason = json_literal (c->adjustment_reason);

          adjustment = g_strdup_printf ("{\"direction\":\"%s\",\"reason\":%s}",
                                        c->adjustment > 0 ? "in" : "out", reason);
        }
      g_string_append_printf (out, "%s{\"code\":%s,\"trade\":%s,\"V\":%s,\"O\":%s,\"D\":%s,"
                              "\"C\":%s,\"rank\":%d,\"tied\":%s,\"recommended\":%s,"
                              "\"adjustment\":%s}",
                              i > 0 ? "," : "", code, trade, v, o, d, cc, c->rank,
                              c->tied ? "true" : "false", c->recommended ? "true" : "false",
                              adjustment != NULL ? adjustment : "null");
    }
  g_string_append (out, "]}\n");
  fputs (out->str, stdout);
}

static void
print_ranking_text (JpRanking *ranking)
{
  g_autofree char *wv = jp_decimal_format (ranking->weight_v, 2);
  g_autofree char *wo = jp_decimal_format (ranking->weight_o, 2);
  g_autofree char *wd = jp_decimal_format (ranking->weight_d, 2);

  printf (_("C = %s×V + %s×O + %s×D; %d places\n"), wv, wo, wd, ranking->quota);
  for (guint i = 0; i < ranking->candidates->len; i++)
    {
      JpRankedCandidate *c = g_ptr_array_index (ranking->candidates, i);
      g_autofree char *v = jp_decimal_format (c->v, 2);
      g_autofree char *o = jp_decimal_format (c->o, 2);
      g_autofree char *d = jp_decimal_format (c->d, 2);
      g_autofree char *cc = jp_decimal_format (c->c, 2);

      printf ("%3d%s %-8s %-6s V %6s  O %6s  D %6s  C %6s  %s%s%s\n", c->rank,
              c->tied ? "=" : " ", c->code, c->trade != NULL ? c->trade : "", v, o, d, cc,
              c->recommended ? _("recommended") : "",
              c->adjustment != 0 ? "  " : "",
              c->adjustment != 0 ? c->adjustment_reason : "");
    }
}

int
jp_cli_cmd_rank (int argc, char **argv, GError **error)
{
  g_autofree char *candidate = NULL, *reason = NULL;
  gboolean in = FALSE, out = FALSE;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "candidate", 0, 0, G_OPTION_ARG_STRING, &candidate, N_("adjust: the finalist's code"),
      N_("CODE") },
    { "in", 0, 0, G_OPTION_ARG_NONE, &in, N_("adjust: move into the recommended list"), NULL },
    { "out", 0, 0, G_OPTION_ARG_NONE, &out, N_("adjust: move out of the recommended list"),
      NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("adjust: why (printed on the report)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpRanking) ranking = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, _("[adjust|seal]"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc == 2 && g_str_equal (argv[1], "adjust"))
    {
      if ((status = need_option (candidate, _("Say which finalist: add --candidate CODE"),
                                 error)) != 0)
        return status;
      if (in == out)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Say which way: add --in or --out"));
          return 2;
        }
      if (!jp_store_rank_adjust (store, candidate, in, reason, ACTOR, error))
        return 1;
      if (!jp_cli_opt_json)
        printf (in ? _("%s is moved into the recommended list.\n")
                   : _("%s is moved out of the recommended list.\n"), candidate);
      return 0;
    }
  if (argc == 2 && g_str_equal (argv[1], "seal"))
    {
      ranking = jp_store_rank_seal (store, ACTOR, error);
      if (ranking == NULL)
        return 1;
      if (jp_cli_opt_json)
        printf ("{\"sealed\":true,\"digest\":\"%s\",\"recommended\":%u}\n", ranking->digest,
                ranking->n_recommended);
      else
        printf (_("The ranking is sealed; digest %s\n"), ranking->digest);
      return 0;
    }
  if (argc != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say what to do: rank, rank adjust or rank seal"));
      return 2;
    }
  ranking = jp_store_compute_ranking (store, error);
  if (ranking == NULL)
    return 1;
  if (jp_cli_opt_json)
    print_ranking_json (ranking);
  else
    print_ranking_text (ranking);
  return 0;
}
