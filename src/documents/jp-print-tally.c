/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "jp-pdf-private.h"
#include "jp-print-private.h"

/* The tally report of a ballot round (计票结果报告单) and its appendix: the round's ballots
 * in serial order with their marks, and the exact text the result digest is over
 * (docs/result-digest.md), so scrutineers can recount from paper and recompute the digest. */

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/* ---- 计票结果报告单 ---- */

static const char *
outcome_text (JpTallyOutcome outcome)
{
  switch (outcome)
    {
    case JP_TALLY_ADVANCED:
      return "入围";
    case JP_TALLY_RUNOFF:
      return "再次投票";
    case JP_TALLY_OUT:
    default:
      return "未入围";
    }
}

static double
tally_continued (JpPrint *print, gpointer data)
{
  jp_print_text (print, JP_PRINT_SONG, 12, JP_PDF_A4_WIDTH / 2, 50, JP_ALIGN_CENTER,
                 "计票结果报告单（续）");
  return 64;
}

/* ---- 附表：选票清单与摘要原文 ---- */

static double
appendix_continued (JpPrint *print, gpointer data)
{
  jp_print_text (print, JP_PRINT_SONG, 12, JP_PDF_A4_WIDTH / 2, 50, JP_ALIGN_CENTER,
                 "计票结果报告单附表（续）");
  return 64;
}

/* The round's ballots by serial (from the ballot list the digest covers), then the exact
 * text the digest is over, wrapped without adding or dropping a character (it holds no
 * blank), then the digest. */
static gboolean
tally_appendix (JpPrint *print, JpRound *round, JpTally *tally, GError **error)
{
  const double x = JP_PRINT_MARGIN, W = JP_PDF_A4_WIDTH - 2 * JP_PRINT_MARGIN;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *heading = jp_print_round_heading (round);
  g_autofree char *sealed = jp_tally_sealed_text (tally);
  g_autofree char *count = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *ballots;
  double y;

  if (!json_parser_load_from_data (parser, tally->ballot_list, -1, &local)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("The ballot list of round %lld cannot be read: %s"),
                   (long long) round->id, local != NULL ? local->message : "not a list");
      return FALSE;
    }
  ballots = json_node_get_array (json_parser_get_root (parser));

  jp_print_add_page (print, FALSE);
  jp_print_set_subject (print, "选票清单", NULL);
  jp_print_text (print, JP_PRINT_SONG, 16, JP_PDF_A4_WIDTH / 2, 70, JP_ALIGN_CENTER,
                 "计票结果报告单附表：选票清单");
  jp_print_text (print, JP_PRINT_SONG, 10.5, x, 98, JP_ALIGN_LEFT, heading);
  count = g_strdup_printf ("共 %u 张", json_array_get_length (ballots));
  jp_print_text (print, JP_PRINT_SONG, 10.5, x + W, 98, JP_ALIGN_RIGHT, count);
  y = 106;
  {
    g_auto(GStrv) note = jp_print_wrap (print, JP_PRINT_SONG, 9, W,
                                        "下表按选票编号由小到大列出本轮收回的全部选票，所选候选人编号按选票上的顺序。"
                                        "据此可重新计票；表后“摘要原文”是选票清单与计票结果的规范文本，"
                                        "其 SHA-256 即本报告单上的结果摘要（计算方法见 docs/result-digest.md）。");

    for (guint i = 0; note[i] != NULL; i++, y += 14)
      jp_print_text (print, JP_PRINT_SONG, 9, x, y + 10, JP_ALIGN_LEFT, note[i]);
    y += 6;
  }
  {
    const double w4[] = { 44, 124, W - 44 - 124 - 70, 70 };
    const char *head[] = { "序号", "选票编号", "所选候选人编号", "备注" };
    g_autoptr(JpPrintTable) t = jp_print_table_new (print, x, y, 4, w4, 9.5);

    jp_print_table_set_new_page (t, appendix_continued, NULL);
    jp_print_table_set_align (t, 0, JP_ALIGN_CENTER);
    jp_print_table_set_align (t, 1, JP_ALIGN_CENTER);
    jp_print_table_set_align (t, 3, JP_ALIGN_CENTER);
    jp_print_table_set_header (t, head);
    for (guint i = 0; i < json_array_get_length (ballots); i++)
      {
        JsonObject *b = json_array_get_object_element (ballots, i);
        JsonArray *marks = b != NULL && json_object_has_member (b, "marks")
                           ? json_object_get_array_member (b, "marks") : NULL;
        guint n_marks = marks != NULL ? json_array_get_length (marks) : 0;
        g_autofree char *n = g_strdup_printf ("%u", i + 1);
        g_autofree char *serial = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   b != NULL && json_object_has_member (b, "serial")
                                                   ? json_object_get_int_member (b, "serial") : 0);
        GString *codes = g_string_new (NULL);
        const char *remark = "";
        const char *row[4];

        for (guint k = 0; k < n_marks; k++)
          g_string_append_printf (codes, "%s%s", k > 0 ? "、" : "",
                                  json_array_get_string_element (marks, k));
        if (b != NULL && json_object_has_member (b, "invalid")
            && json_object_get_boolean_member (b, "invalid"))
          remark = "无效票";
        else if (n_marks > (guint) round->max_choices)
          remark = "多选无效";
        else if (n_marks == 0)
          remark = "空白票";
        row[0] = n;
        row[1] = serial;
        row[2] = codes->str;
        row[3] = remark;
        jp_print_table_add_row (t, row, FALSE, 0);
        g_string_free (codes, TRUE);
        if (!jp_print_check (print, error))
          return FALSE;
      }
    y = jp_print_table_get_y (t) + 18;
  }

  /* the digest's text, as is */
  lines = jp_print_wrap (print, JP_PRINT_SONG, 8, W, sealed);
  if (y + 60 > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, FALSE);
      y = appendix_continued (print, NULL);
    }
  {
    g_autofree char *title = g_strdup_printf ("摘要原文（%ld 个字符，换行不计入，无空格；其 SHA-256 应为报告单上的结果摘要）：",
                                              g_utf8_strlen (sealed, -1));

    jp_print_set_subject (print, "摘要原文", NULL);
    jp_print_text (print, JP_PRINT_SONG, 9.5, x, y + 10, JP_ALIGN_LEFT, title);
    y += 22;
  }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (y + 12 > jp_print_body_bottom (print))
        {
          jp_print_add_page (print, FALSE);
          y = JP_PRINT_MARGIN;
        }
      jp_print_text (print, JP_PRINT_SONG, 8, x, y + 8, JP_ALIGN_LEFT, lines[i]);
      y += 12;
    }
  if (y + 30 > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, FALSE);
      y = JP_PRINT_MARGIN;
    }
  {
    g_autofree char *d = g_strdup_printf ("SHA-256：%s", or_empty (tally->digest));

    jp_print_text (print, JP_PRINT_SONG, 9.5, x, y + 18, JP_ALIGN_LEFT, d);
  }
  return jp_print_check (print, error);
}

gboolean
jp_print_build_tally_report (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  const JpElection *e = jp_print_get_election (print);
  g_autoptr(JpRound) round = jp_print_scope_ballot_round (print, scope, error);
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *date = jp_print_date_text (print);
  g_autofree char *title = NULL;
  const double x = JP_PRINT_MARGIN, W = JP_PDF_A4_WIDTH - 2 * JP_PRINT_MARGIN;
  GString *advanced = g_string_new (NULL);
  double y;

  if (round == NULL)
    {
      g_string_free (advanced, TRUE);
      return FALSE;
    }
  if (round->state != JP_ROUND_STATE_CLOSED && round->state != JP_ROUND_STATE_SEALED)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                   _("The tally report of round %lld cannot be printed yet: "
                     "the round must be closed first."), (long long) round->id);
      g_string_free (advanced, TRUE);
      return FALSE;
    }
  tally = jp_store_get_tally (store, round->id, &local);
  if (tally == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      g_string_free (advanced, TRUE);
      return FALSE;
    }

  title = g_strdup_printf ("计票结果报告单 %s 第 %d 轮", or_empty (round->trade_name),
                           round->number);
  jp_print_set_title (print, title);
  jp_print_set_subject (print, "计票结果报告单", NULL);
  jp_print_add_page (print, FALSE);
  jp_print_text (print, JP_PRINT_SONG, 12, JP_PDF_A4_WIDTH / 2, 64, JP_ALIGN_CENTER,
                 or_empty (e->title));
  jp_print_text (print, JP_PRINT_SONG, 18, JP_PDF_A4_WIDTH / 2, 94, JP_ALIGN_CENTER,
                 "计票结果报告单");
  heading = jp_print_round_heading (round);
  jp_print_text (print, JP_PRINT_SONG, 10.5, x, 124, JP_ALIGN_LEFT, heading);
  {
    g_autofree char *seats = g_strdup_printf ("入围名额 %d 名  每票最多选 %d 人%s",
                                              round->seats, round->max_choices,
                                              round->majority_threshold
                                              ? "  须过有效票半数" : "");

    jp_print_text (print, JP_PRINT_SONG, 10.5, x + W, 124, JP_ALIGN_RIGHT, seats);
  }
  y = 134;
  {
    const double w6[] = { W / 6, W / 6, W / 6, W / 6, W / 6, W / 6 };
    const char *head[] = { "出席评委", "发出选票", "收回选票", "有效票", "无效票", "空白票" };
    g_autofree char *a = g_strdup_printf ("%d", round->present);
    g_autofree char *b = g_strdup_printf ("%d", tally->present);
    g_autofree char *c = g_strdup_printf ("%d", tally->cast);
    g_autofree char *d = g_strdup_printf ("%d", tally->valid);
    g_autofree char *f = g_strdup_printf ("%d", tally->invalid);
    g_autofree char *g = g_strdup_printf ("%d", tally->blank);
    const char *row[] = { a, b, c, d, f, g };
    g_autoptr(JpPrintTable) t = jp_print_table_new (print, x, y, 6, w6, 10.5);

    for (guint i = 0; i < 6; i++)
      jp_print_table_set_align (t, i, JP_ALIGN_CENTER);
    jp_print_table_set_header (t, head);
    jp_print_table_add_row (t, row, FALSE, 0);
    y = jp_print_table_get_y (t) + 16;
  }
  if (tally->void_round)
    {
      jp_print_text (print, JP_PRINT_SONG, 10.5, x, y + 10, JP_ALIGN_LEFT,
                     "收回选票多于出席人数，本轮投票无效，须重新投票。");
      y += 22;
    }
  {
    const double w4[] = { 60, 150, 110, W - 320 };
    const char *head[] = { "名次", "候选人编号", "得票数", "结果" };
    g_autoptr(JpPrintTable) t = jp_print_table_new (print, x, y, 4, w4, 10.5);

    jp_print_table_set_new_page (t, tally_continued, NULL);
    for (guint i = 0; i < 4; i++)
      jp_print_table_set_align (t, i, JP_ALIGN_CENTER);
    jp_print_table_set_header (t, head);
    for (guint i = 0; i < tally->candidates->len; i++)
      {
        JpTallyCandidate *tc = g_ptr_array_index (tally->candidates, i);
        g_autofree char *rank = g_strdup_printf ("%d", tc->rank);
        g_autofree char *votes = g_strdup_printf ("%d", tc->votes);
        const char *row[] = { rank, tc->code, votes, outcome_text (tc->outcome) };

        jp_print_table_add_row (t, row, FALSE, 0);
        if (tc->outcome == JP_TALLY_ADVANCED)
          g_string_append_printf (advanced, "%s%s", advanced->len > 0 ? "、" : "", tc->code);
      }
    y = jp_print_table_get_y (t) + 12;
  }

  {
    g_autofree char *fin = g_strdup_printf ("入围：%s", advanced->len > 0 ? advanced->str : "无");
    g_auto(GStrv) lines = jp_print_wrap (print, JP_PRINT_SONG, 10.5, W, fin);
    g_autofree char *runoff = NULL;

    if (tally->runoff_codes != NULL && tally->runoff_codes[0] != NULL)
      {
        g_autofree char *codes = g_strjoinv ("、", tally->runoff_codes);

        runoff = g_strdup_printf ("并列须再次投票：%s（剩余名额 %d 名）", codes,
                                  tally->runoff_seats);
      }
    else
      runoff = g_strdup ("再次投票：无");
    for (guint i = 0; lines[i] != NULL; i++, y += 16)
      jp_print_text (print, JP_PRINT_SONG, 10.5, x, y + 10, JP_ALIGN_LEFT, lines[i]);
    jp_print_text (print, JP_PRINT_SONG, 10.5, x, y + 10, JP_ALIGN_LEFT, runoff);
    y += 24;
  }

  /* Signatures, date, digest and its QR code stay together. */
  if (y + 200 > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, FALSE);
      y = tally_continued (print, NULL);
    }
  {
    const char *roles[] = { "总监票人：", "监票人：", "计票人：" };
    const char *digest = tally->digest != NULL ? tally->digest : or_empty (round->digest);
    g_autofree char *d1 = g_strndup (digest, 32);
    g_autofree char *d2 = g_strdup (strlen (digest) > 32 ? digest + 32 : "");
    double qr = 96;

    y += 14;
    for (guint i = 0; i < 3; i++)
      {
        double rx = x + i * (W / 3);

        jp_print_text (print, JP_PRINT_SONG, 10.5, rx, y + 10, JP_ALIGN_LEFT, roles[i]);
        jp_print_line (print, rx + jp_print_measure (print, JP_PRINT_SONG, 10.5, roles[i]),
                       y + 12, rx + W / 3 - 12, y + 12, 0.6);
      }
    y += 36;
    {
      g_autofree char *d = g_strdup_printf ("日期：%s", date);

      jp_print_text (print, JP_PRINT_SONG, 10.5, x + W, y + 10, JP_ALIGN_RIGHT, d);
    }
    y += 26;
    jp_print_text (print, JP_PRINT_SONG, 9, x, y + 10, JP_ALIGN_LEFT,
                   "结果摘要（SHA-256，可据选票重新计算核对）：");
    jp_print_text (print, JP_PRINT_SONG, 9, x, y + 26, JP_ALIGN_LEFT, d1);
    jp_print_text (print, JP_PRINT_SONG, 9, x, y + 40, JP_ALIGN_LEFT, d2);
    if (*digest != '\0')
      jp_print_qr (print, digest, x + W - qr, y - 4, qr);
  }
  g_string_free (advanced, TRUE);
  if (!jp_print_check (print, error))
    return FALSE;
  /* the appendix for a recount: only a digest over the ballots (version 2) has their list */
  if (tally->digest_version >= 2 && tally->ballot_list != NULL)
    return tally_appendix (print, round, tally, error);
  return TRUE;
}

