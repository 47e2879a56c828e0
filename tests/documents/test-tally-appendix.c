/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <poppler.h>

#include "demo/jp-demo.h"
#include "documents/jp-documents.h"
#include "store/jp-store-private.h"
#include "store/jp-store-rounds.h"
#include "../store/store-test-util.h"
#include "pdf-test-util.h"

/* The tally report's appendix (issue 9): every ballot of the round in serial order with its
 * marks, and the text the result digest is over, read back from the PDF and hashed again. */


static char *tmp_dir;
static JpStore *store;
static gint64 round_id;
static char *trade;

/* Every page's lines (page_lines) without the foot of each page (page number and chain
 * head), one after the other. */
static char *
body_text (PopplerDocument *doc)
{
  g_autoptr(GRegex) foot = g_regex_new ("^(第\\d+页共\\d+页|记录链[0-9a-f]{64})$",
                                        G_REGEX_MULTILINE, 0, NULL);
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *t = page_lines (doc, i);
      g_autofree char *body = g_regex_replace_literal (foot, t, -1, 0, "", 0, NULL);

      g_string_append (s, body);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static char *
without_newlines (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    if (*s != '\n')
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static void
setup_election (guint n_candidates)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (tmp_dir, "demo.jiangping", NULL);
  JpDemoOptions options = { .candidates = n_candidates, .seed = 2023 };
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  g_autoptr(JpRound) round = NULL;

  store = jp_demo_create (db, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jp_store_exec (store, "UPDATE candidate SET status = 'qualified'", NULL));
  codes = jp_store_freeze (store, "test", &error);
  g_assert_no_error (error);
  {
    /* the trade with the most candidates */
    g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
    guint best = 0;

    for (guint i = 0; i < codes->len; i++)
      {
        const char *code = ((JpCodeAssignment *) codes->pdata[i])->code;
        char *prefix = g_strndup (code, strcspn (code, "-"));
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, prefix)) + 1;

        if (n > best)
          {
            best = n;
            g_free (trade);
            trade = g_strdup (prefix);
          }
        g_hash_table_insert (counts, prefix, GUINT_TO_POINTER (n));
      }
    g_assert_cmpuint (best, >=, 3);
  }
  round_id = jp_store_open_ballot_round (store, trade, 1, 2, -1, "chair", &error);
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, &error);
  g_assert_no_error (error);
  panel = jp_store_round_panel (store, round_id, &error);
  g_assert_no_error (error);
  /* two marks, one, none (blank), then two again: each member as far as conflicts allow */
  for (guint m = 0; m < panel->len; m++)
    {
      const char *member = ((JpPanelMember *) panel->pdata[m])->code;
      g_auto(GStrv) conflicted = jp_store_round_conflicted_codes (store, round_id, member,
                                                                  &error);
      g_autoptr(GPtrArray) marks = g_ptr_array_new ();
      guint want = m % 3 == 2 ? 0 : 2 - m % 3;

      g_assert_no_error (error);
      for (guint k = 0; k < round->candidates->len && marks->len < want; k++)
        {
          JpRoundCandidate *rc = g_ptr_array_index (round->candidates, (k + m)
                                                    % round->candidates->len);

          if (!g_strv_contains ((const char *const *) conflicted, rc->code))
            g_ptr_array_add (marks, rc->code);
        }
      g_ptr_array_add (marks, NULL);
      jp_store_submit_ballot (store, round_id, member, (const char *const *) marks->pdata, NULL,
                              NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (jp_store_close_round (store, round_id, "chair", &error));
  g_assert_no_error (error);
}

static void
test_appendix (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "tally.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(JpTally) tally = jp_store_get_tally (store, round_id, &error);
  g_autoptr(JpRound) round = jp_store_get_round (store, round_id, NULL);
  JpDocumentScope scope = { JP_DOCUMENT_SCOPE_ROUND, round_id, NULL };
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *extracted = NULL;
  g_autofree char *joined = NULL;
  JsonArray *ballots;
  const char *start, *end;
  const char *last = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tally->digest_version, ==, 2);
  g_assert_true (jp_documents_write (store, JP_DOCUMENT_TALLY_REPORT, &scope, NULL, path, NULL,
                                     NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  text = body_text (doc);
  g_assert_nonnull (strstr (text, "计票结果报告单附表：选票清单"));

  /* every ballot, in serial order, with its marks as on the paper */
  g_assert_true (json_parser_load_from_data (parser, tally->ballot_list, -1, &error));
  ballots = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (ballots), ==, tally->cast);
  g_assert_cmpuint (json_array_get_length (ballots), >=, 3);
  {
    g_autofree char *count = g_strdup_printf ("共%u张", json_array_get_length (ballots));

    g_assert_nonnull (strstr (text, count));
    g_assert_nonnull (strstr (text, "\n序号选票编号所选候选人编号备注\n"));
  }
  for (guint i = 0; i < json_array_get_length (ballots); i++)
    {
      JsonObject *b = json_array_get_object_element (ballots, i);
      JsonArray *marks = json_object_get_array_member (b, "marks");
      GString *row = g_string_new (NULL);
      const char *at;

      g_string_append_printf (row, "%u%" G_GINT64_FORMAT, i + 1,
                              json_object_get_int_member (b, "serial"));
      for (guint k = 0; k < json_array_get_length (marks); k++)
        g_string_append_printf (row, "%s%s", k > 0 ? "、" : "",
                                json_array_get_string_element (marks, k));
      if (json_array_get_length (marks) == 0)
        g_string_append (row, "空白票");
      g_string_prepend_c (row, '\n');
      g_string_append_c (row, '\n');
      at = strstr (text, row->str);
      if (at == NULL)
        g_error ("ballot row %s not in the appendix:\n%s", row->str, text);
      g_assert_true (last == NULL || at > last);   /* in serial order */
      last = at;
      g_string_free (row, TRUE);
    }

  /* the text the digest is over, read back from the paper, hashes to the printed digest */
  joined = without_newlines (text);
  start = strstr (joined, "{\"ballots\":");
  g_assert_nonnull (start);
  end = strstr (start, "\"version\":2}");
  g_assert_nonnull (end);
  extracted = g_strndup (start, end + strlen ("\"version\":2}") - start);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, extracted, -1);
  g_assert_cmpstr (sum, ==, tally->digest);
  {
    g_autofree char *printed = g_strdup_printf ("SHA-256：%s", tally->digest);

    g_assert_nonnull (strstr (joined, printed));
  }
  (void) round;
}

int
main (int argc, char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jp-tally-appendix-XXXXXX", NULL);
  setup_election (40);

  g_test_add_func ("/documents/tally-report/appendix", test_appendix);

  status = g_test_run ();
  g_clear_object (&store);
  if (g_getenv ("JP_KEEP_OUTPUT") == NULL)
    test_rm_rf (tmp_dir);
  return status;
}
