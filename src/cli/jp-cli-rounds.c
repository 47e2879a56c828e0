/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "jp-cli.h"
#include "store/jp-store-rounds.h"
#include "store/jp-store-defence.h"

/* Ballot rounds from the command line (issue 4): round, ballots, vote, tally, finalists. */

#define ACTOR "cli"

static void
print_round_id (const char *key,
                gint64      id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, id);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  jp_cli_print_json (root);
}

int
jp_cli_cmd_round (int argc, char **argv, GError **error)
{
  g_autofree char *kind = NULL, *trade = NULL, *reason = NULL;
  gint64 round = 0;
  int seats = -1, max_choices = -1, present = -1;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("open: ballot or defence"), N_("KIND") },
    { "trade", 0, 0, G_OPTION_ARG_STRING, &trade, N_("open: trade code"), N_("CODE") },
    { "seats", 0, 0, G_OPTION_ARG_INT, &seats, N_("open: finalist seats"), N_("N") },
    { "max-choices", 0, 0, G_OPTION_ARG_INT, &max_choices, N_("open: marks per ballot"), N_("K") },
    { "present", 0, 0, G_OPTION_ARG_INT, &present, N_("open: members present"), N_("N") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("open: why, when the rules call for no new round (audited)"), N_("TEXT") },
    { "round", 0, 0, G_OPTION_ARG_INT64, &round, N_("close, seal, runoff: the round"), N_("ID") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, _("open|close|seal|runoff"), &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say what to do: round open, round close, round seal or round "
                             "runoff"));
      return 2;
    }
  if (g_str_equal (argv[1], "open"))
    {
      gint64 id;

      if (kind != NULL && !g_str_equal (kind, "ballot") && !g_str_equal (kind, "defence"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--kind: “%s” is not valid; use ballot or defence"), kind);
          return 2;
        }
      if (trade == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               _("Say which trade: add --trade CODE"));
          return 2;
        }
      if (kind != NULL && g_str_equal (kind, "defence"))
        id = jp_store_open_defence_session (store, trade, ACTOR, error);
      else
        id = jp_store_open_ballot_round_with_reason (store, trade, seats, max_choices, present,
                                                     reason, ACTOR, error);
      if (id == 0)
        return 1;
      if (jp_cli_opt_json)
        print_round_id ("round", id);
      else
        printf (_("Round %lld is open.\n"), (long long) id);
      return 0;
    }
  if ((status = jp_cli_need_round (round, error)) != 0)
    return status;
  if (g_str_equal (argv[1], "close"))
    return jp_store_close_round (store, round, ACTOR, error) ? 0 : 1;
  if (g_str_equal (argv[1], "seal"))
    return jp_store_seal_round (store, round, ACTOR, error) ? 0 : 1;
  if (g_str_equal (argv[1], "runoff"))
    {
      gint64 id = jp_store_create_runoff (store, round, ACTOR, error);

      if (id == 0)
        return 1;
      if (jp_cli_opt_json)
        print_round_id ("round", id);
      else
        printf (_("Run-off round %lld is open.\n"), (long long) id);
      return 0;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               _("Unknown action “%s”: use open, close, seal or runoff"), argv[1]);
  return 2;
}

static void
print_ballots_entered (const char *file,
                       int         n,
                       int         pass)
{
  printf (ngettext ("%s: %d paper ballot entered (pass %d).\n",
                    "%s: %d paper ballots entered (pass %d).\n", n),
          file, n, pass);
}

int
jp_cli_cmd_ballots (int argc, char **argv, GError **error)
{
  static const JpCliPaperEntry ballots = {
    N_("The round"), N_("Paper ballots, first entry"), N_("Paper ballots, second entry"),
    NULL, jp_store_enter_paper_ballots, print_ballots_entered,
  };
  JpCliPaperEntry kind = ballots;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  gint64 round = 0;
  int counts[2];
  int status;

  kind.usage = _("Say what to do: ballots enter");
  status = jp_cli_paper_enter (argc, argv, &kind, &store, &round, counts, error);
  if (status != 0)
    return status;

  diffs = jp_store_paper_differences (store, round, error);
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
      json_builder_add_int_value (b, jp_store_count_paper_entries (store, round, 1));
      json_builder_set_member_name (b, "second");
      json_builder_add_int_value (b, jp_store_count_paper_entries (store, round, 2));
      json_builder_set_member_name (b, "differences");
      json_builder_add_value (b, jp_cli_findings_to_json (diffs));
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    for (guint i = 0; i < diffs->len; i++)
      printf ("%s\n", ((JpFinding *) g_ptr_array_index (diffs, i))->message);
  return 0;
}

int
jp_cli_cmd_vote (int argc, char **argv, GError **error)
{
  g_autofree char *member = NULL, *marks = NULL, *key = NULL;
  gint64 round = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "round", 0, 0, G_OPTION_ARG_INT64, &round, N_("The round"), N_("ID") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("The member's code"), N_("CODE") },
    { "marks", 0, 0, G_OPTION_ARG_STRING, &marks, N_("Marked codes, separated by spaces"),
      N_("CODES") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, N_("Idempotency key"), N_("KEY") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  gboolean replayed = FALSE;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if ((status = jp_cli_need_round (round, error)) != 0)
    return status;
  if (member == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Say who votes: add --member CODE"));
      return 2;
    }
  parts = g_strsplit_set (marks != NULL ? marks : "", " ,", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  list = g_strv_builder_end (builder);
  if (!jp_store_submit_ballot (store, round, member, (const char *const *) list, key, &replayed,
                               error))
    return 1;
  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "accepted");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_set_member_name (b, "replayed");
      json_builder_add_boolean_value (b, replayed);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  else
    printf ("%s\n", replayed ? _("This ballot had already been received.")
                             : _("Ballot received."));
  return 0;
}

int
jp_cli_cmd_tally (int argc, char **argv, GError **error)
{
  gint64 round = 0;
  GOptionEntry entries[] = {
    JP_CLI_COMMON_OPTIONS,
    { "round", 0, 0, G_OPTION_ARG_INT64, &round, N_("The round"), N_("ID") },
    { NULL }
  };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(JpTally) tally = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  if ((status = jp_cli_need_round (round, error)) != 0)
    return status;
  tally = jp_store_get_tally (store, round, error);
  if (tally == NULL)
    return 1;

  if (jp_cli_opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      /* The key order of the contract; the digest is over the canonical form. */
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, tally->round_id);
      json_builder_set_member_name (b, "trade");
      json_builder_add_string_value (b, tally->trade);
      json_builder_set_member_name (b, "seats");
      json_builder_add_int_value (b, tally->seats);
      json_builder_set_member_name (b, "max_choices");
      json_builder_add_int_value (b, tally->max_choices);
      json_builder_set_member_name (b, "void");
      json_builder_add_boolean_value (b, tally->void_round);
      json_builder_set_member_name (b, "ballots");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "present");
      json_builder_add_int_value (b, tally->present);
      json_builder_set_member_name (b, "cast");
      json_builder_add_int_value (b, tally->cast);
      json_builder_set_member_name (b, "valid");
      json_builder_add_int_value (b, tally->valid);
      json_builder_set_member_name (b, "invalid");
      json_builder_add_int_value (b, tally->invalid);
      json_builder_set_member_name (b, "blank");
      json_builder_add_int_value (b, tally->blank);
      json_builder_end_object (b);
      json_builder_set_member_name (b, "candidates");
      json_builder_begin_array (b);
      for (guint i = 0; i < tally->candidates->len; i++)
        {
          JpTallyCandidate *c = g_ptr_array_index (tally->candidates, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, c->code);
          json_builder_set_member_name (b, "votes");
          json_builder_add_int_value (b, c->votes);
          json_builder_set_member_name (b, "rank");
          json_builder_add_int_value (b, c->rank);
          json_builder_set_member_name (b, "outcome");
          json_builder_add_string_value (b, jp_tally_outcome_to_key (c->outcome));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "digest");
      json_builder_add_string_value (b, tally->digest);
      /* the recipe of the digest (docs/result-digest.md): 2 covers the ballots below */
      json_builder_set_member_name (b, "digest_version");
      json_builder_add_int_value (b, tally->digest_version);
      if (tally->ballot_list != NULL)
        {
          g_autoptr(JsonNode) list = json_from_string (tally->ballot_list, NULL);

          if (list != NULL)
            {
              json_builder_set_member_name (b, "ballot_list");
              json_builder_add_value (b, g_steal_pointer (&list));
            }
        }
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
      return 0;
    }

  printf (_("Round %lld, trade %s: %d present, %d cast, %d valid, %d invalid, "
            "%d blank%s\n"),
          (long long) tally->round_id, tally->trade, tally->present, tally->cast, tally->valid,
          tally->invalid, tally->blank, tally->void_round ? _(" — VOID, repeat the round") : "");
  for (guint i = 0; i < tally->candidates->len; i++)
    {
      JpTallyCandidate *c = g_ptr_array_index (tally->candidates, i);

      printf ("  %3d  %-8s %4d  %s\n", c->rank, c->code, c->votes,
              jp_tally_outcome_label (c->outcome));
    }
  printf (_("Digest: %s\n"), tally->digest);
  return 0;
}

int
jp_cli_cmd_finalists (int argc, char **argv, GError **error)
{
  GOptionEntry entries[] = { JP_CLI_COMMON_OPTIONS, { NULL } };
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  int status;

  store = jp_cli_parse_and_open (entries, NULL, &argc, &argv, &status, error);
  if (store == NULL)
    return status;
  all = jp_store_finalists (store, error);
  if (all == NULL)
    return 1;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "trades");
  json_builder_begin_array (b);
  for (guint i = 0; i < all->len; i++)
    {
      JpTradeFinalists *f = g_ptr_array_index (all, i);

      if (!jp_cli_opt_json)
        {
          printf (_("%s (%s): %u of %d seats decided, %d open%s\n"), f->trade_name,
                  f->trade_code != NULL ? f->trade_code : "-", f->finalists->len, f->seats,
                  f->seats_open, f->runoff_pending ? _(", run-off pending") : "");
          for (guint j = 0; j < f->finalists->len; j++)
            printf ("  %s\n", ((JpRoundCandidate *) g_ptr_array_index (f->finalists, j))->code);
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "trade");
      json_builder_add_string_value (b, f->trade_code);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, f->trade_name);
      json_builder_set_member_name (b, "seats");
      json_builder_add_int_value (b, f->seats);
      json_builder_set_member_name (b, "seats_open");
      json_builder_add_int_value (b, f->seats_open);
      json_builder_set_member_name (b, "finalists");
      json_builder_begin_array (b);
      for (guint j = 0; j < f->finalists->len; j++)
        {
          JpRoundCandidate *c = g_ptr_array_index (f->finalists, j);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "code");
          json_builder_add_string_value (b, c->code);
          json_builder_set_member_name (b, "candidate");
          json_builder_add_int_value (b, c->candidate_id);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "runoff_pending");
      json_builder_add_boolean_value (b, f->runoff_pending);
      json_builder_set_member_name (b, "pending_round");
      if (f->pending_round != 0)
        json_builder_add_int_value (b, f->pending_round);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  if (jp_cli_opt_json)
    {
      root = json_builder_get_root (b);
      jp_cli_print_json (root);
    }
  return 0;
}
