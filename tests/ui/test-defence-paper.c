/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "../meeting/meeting-test-util.h"
#include "meeting/jp-meeting-service-defence.h"
#include "ui/chair/jp-defence-page.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* Paper score sheets on the chair's defence page (issue 7): XT's finalists are 张三丰 (A; M03
 * is conflicted with him) and B; the panel is M01, M02, M03. M04 (another trade) and M02 type
 * the two passes. */

static char *dir;
static JpStore *store;
static JpMeetingService *service;
static char *code_a, *code_b;

static void
host_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("jp-defence-paper-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "election.jiangping", NULL);
  store = test_meeting_store (path, 0, NULL);
  service = jp_meeting_service_new (store);
  test_xt_finalists (store, service, &code_a, &code_b);
}

static void
type_sheet (JpDefencePaper *paper,
            const char     *member,
            const char     *candidate,
            const char     *values)
{
  g_auto(GStrv) v = g_strsplit (values, ",", -1);

  g_assert_true (jp_defence_paper_select_member (paper, member));
  g_assert_true (jp_defence_paper_select_candidate (paper, candidate));
  for (guint i = 0; v[i] != NULL; i++)
    gtk_editable_set_text (jp_defence_paper_get_entry (paper, i), v[i]);
}

static void
add_ok (JpDefencePaper *paper,
        const char     *member,
        const char     *candidate,
        const char     *values)
{
  type_sheet (paper, member, candidate, values);
  if (!jp_defence_paper_add (paper))
    g_error ("%s for %s refused: %s", member, candidate, jp_defence_paper_get_error_text (paper));
}

static void
test_paper_entry (void)
{
  JpDefencePage *page = JP_DEFENCE_PAGE (jp_defence_page_new ());
  GtkWidget *window = gtk_window_new ();
  JpDefencePaper *paper;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceResults) results = NULL;
  g_autoptr(JpDefenceSession) session = NULL;
  g_autofree char *row = NULL;
  g_autofree char *csv = NULL;
  const char *text;
  gint64 round;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  jp_defence_page_set_store (page, store, service);
  g_assert_true (jp_defence_page_open_session (page, "XT", &error));
  g_assert_no_error (error);
  round = jp_defence_page_get_round (page);
  paper = jp_defence_page_show_paper (page);
  jp_test_spin ();

  /* pass 1, typed by M04 */
  jp_defence_paper_set_pass (paper, 1);
  g_assert_true (jp_defence_paper_select_scrutineer (paper, "M04"));
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, "Pass 1: no sheet typed yet");

  /* the fields read like the station's sheet: above the maximum, not a step of 0.5 */
  type_sheet (paper, "M01", code_a, "16,20.3,20,15,12");
  g_assert_cmpstr (jp_defence_paper_get_field_message (paper, 0), !=, "");
  g_assert_cmpstr (jp_defence_paper_get_field_message (paper, 1), !=, "");
  g_assert_cmpstr (jp_defence_paper_get_field_message (paper, 2), ==, "");
  g_assert_false (jp_defence_paper_add (paper));
  g_assert_nonnull (strstr (jp_defence_paper_get_error_text (paper), "职业素养与工匠精神"));
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, "Pass 1: no sheet typed yet");

  add_ok (paper, "M01", code_a, "13,21.5,22,17,12");
  g_assert_cmpstr (jp_defence_paper_get_total_text (paper), ==, "Total 0.0 of 100.0");
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, "Pass 1: 1 sheet typed by M04");
  row = jp_defence_paper_get_row_text (paper, 0);
  g_assert_nonnull (strstr (row, "M01"));
  g_assert_nonnull (strstr (row, code_a));
  g_assert_nonnull (strstr (row, "= 85.5"));

  /* M03 steps out for A: the store refuses, the page says why, nothing is added */
  type_sheet (paper, "M03", code_a, "10,20,20,15,10");
  g_assert_false (jp_defence_paper_add (paper));
  g_assert_nonnull (strstr (jp_defence_paper_get_error_text (paper), "回避"));
  g_assert_nonnull (strstr (jp_defence_paper_get_error_text (paper), "M03"));
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, "Pass 1: 1 sheet typed by M04");

  add_ok (paper, "M02", code_a, "12,20,20,16,12");
  add_ok (paper, "M01", code_b, "14,22,21,17,14");
  add_ok (paper, "M02", code_b, "12,20,20,16,12");
  add_ok (paper, "M03", code_b, "13,21,21,17,13");
  /* typing a pair again corrects it */
  add_ok (paper, "M02", code_b, "12,20,20,16,13");
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, "Pass 1: 5 sheets typed by M04");
  text = jp_defence_paper_get_differences_text (paper);
  g_assert_nonnull (strstr (text, "second scrutineer"));
  jp_test_spin ();
  jp_test_screenshot (window, "defence-paper-pass1");

  /* the close waits for the confirmation */
  g_assert_false (jp_meeting_service_defence_close (service, round, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* pass 2: the same scrutineer is refused */
  jp_defence_paper_set_pass (paper, 2);
  g_assert_true (jp_defence_paper_select_scrutineer (paper, "M04"));
  type_sheet (paper, "M01", code_a, "13,21.5,22,17,12");
  g_assert_false (jp_defence_paper_add (paper));
  g_assert_nonnull (strstr (jp_defence_paper_get_error_text (paper), "second scrutineer"));

  /* M02 imports a file with one score typed differently */
  g_assert_true (jp_defence_paper_select_scrutineer (paper, "M02"));
  csv = g_strdup_printf ("member,candidate,职业素养与工匠精神,技能水平与技术专长,"
                         "创新成果与攻关贡献,带徒传技与示范引领,陈述与答辩表现\n"
                         "M01,%s,13,21.5,22,17,12\n"
                         "M02,%s,12,20,20,16,12\n"
                         "M01,%s,14,22,21,17,14\n"
                         "M02,%s,12,20,20,16,13\n"
                         "M03,%s,13,21,21,71,13\n", code_a, code_a, code_b, code_b, code_b);
  /* 71 is above the maximum: the file is refused naming its line, nothing stored */
  g_assert_false (jp_defence_paper_import_data (paper, csv, strlen (csv), "pass2.csv", &error));
  g_assert_nonnull (strstr (error->message, "pass2.csv"));
  g_assert_nonnull (strstr (error->message, "6"));
  g_clear_error (&error);
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, "Pass 2: no sheet typed yet");
  g_free (csv);
  csv = g_strdup_printf ("member,candidate,职业素养与工匠精神,技能水平与技术专长,"
                         "创新成果与攻关贡献,带徒传技与示范引领,陈述与答辩表现\n"
                         "M01,%s,13,21.5,22,17,12\n"
                         "M02,%s,12,20,20,16,12\n"
                         "M01,%s,14,22,21,17,14\n"
                         "M02,%s,12,20,20,16,13\n"
                         "M03,%s,13,21,21,7,13\n", code_a, code_a, code_b, code_b, code_b);
  g_assert_true (jp_defence_paper_import_data (paper, csv, strlen (csv), "pass2.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (jp_defence_paper_get_count_text (paper), ==, "Pass 2: 5 sheets typed by M02");
  text = jp_defence_paper_get_differences_text (paper);
  g_assert_nonnull (strstr (text, "differ in 1 place"));
  g_assert_nonnull (strstr (text, "M03"));
  g_assert_nonnull (strstr (text, code_b));
  g_assert_nonnull (strstr (text, "带徒传技与示范引领"));
  jp_test_spin ();
  jp_test_screenshot (window, "defence-paper-differences");

  /* the difference blocks the close, and the store says so */
  g_assert_false (jp_meeting_service_defence_close (service, round, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "M03"));
  g_clear_error (&error);

  /* M02 checks the signed sheet and types it again: the passes agree */
  add_ok (paper, "M03", code_b, "13,21,21,17,13");
  text = jp_defence_paper_get_differences_text (paper);
  g_assert_nonnull (strstr (text, "The two passes agree (5 sheets)"));
  jp_test_spin ();
  jp_test_screenshot (window, "defence-paper-agree");

  g_assert_true (jp_meeting_service_defence_close (service, round, &error));
  g_assert_no_error (error);
  results = jp_store_defence_results (store, round, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->candidates->len; i++)
    {
      JpDefenceCandidateResults *r = results->candidates->pdata[i];
      g_autofree char *d = NULL;

      g_assert_nonnull (r->score);
      d = jp_decimal_format (r->score->d, 2);
      /* A: 85.5 and 80; B: 88, 81 and 85: no drop below five totals */
      if (g_str_equal (r->code, code_a))
        g_assert_cmpstr (d, ==, "82.75");
      else
        g_assert_cmpstr (d, ==, "84.67");
    }
  /* closed: the paper entry can no longer change anything */
  jp_defence_page_reload (page);
  jp_test_spin ();
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (paper)));
  session = jp_store_get_defence_session (store, round, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->state, ==, JP_ROUND_STATE_CLOSED);
  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

int
main (int argc, char *argv[])
{
  int status;

  jp_test_init_ui (&argc, &argv);
  host_start ();
  g_test_add_func ("/ui/defence/paper-entry", test_paper_entry);
  status = g_test_run ();
  g_clear_object (&service);
  g_clear_object (&store);
  test_rm_rf (dir);
  return status;
}
