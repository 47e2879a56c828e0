/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <poppler.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "ui/chair/jp-ballot-page-private.h"
#include "ui/records/jp-documents-page.h"
#include "ui/evidence/jp-evidence-viewer.h"
#include "ui/app/jp-window-private.h"
#include "store/jp-store-defence.h"
#include "jp-ballot-test-util.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* The documents stage (issue 8) on a demo election: a document generated and shown in the
 * preview, printed through GtkPrintOperation to a PDF file and read back, saved, cancelled;
 * the spreadsheets exported; the page at 1366x768 and 1920x1080. */

/* poppler-glib 22.12 declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define N_CANDIDATES 12

static char    *tmpdir;
static JpStore *store;

typedef struct {
  const JpTestSize      *size;
  JpWindow        *window;
  JpDocumentsPage *page;
  char            *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->size = data != NULL ? data : &jp_test_sizes[0];
  if (data != NULL && !jp_test_screen_holds (f->size))
    {
      g_test_skip ("the screen is smaller than the window size to measure");
      return;
    }
  f->dir = g_dir_make_tmp ("jp-test-documents-XXXXXX", &error);
  g_assert_no_error (error);
  f->window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), f->size->width, f->size->height);
  jp_window_set_store (f->window, store);
  gtk_window_present (GTK_WINDOW (f->window));
  jp_window_show_stage (f->window, "documents");
  f->page = jp_window_get_documents_page (f->window);
  g_assert_cmpstr (jp_window_get_visible_stage (f->window), ==, "documents");
  g_assert_true (jp_test_wait_until (jp_test_is_allocated, f->page, 5000));
  jp_test_spin ();
}

static void
rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (f->window));
  jp_test_spin ();
  rm_rf (f->dir);
  g_free (f->dir);
}

static gboolean
generation_done (gpointer data)
{
  return !jp_documents_page_is_busy (data);
}

static gboolean
writing_done (gpointer data)
{
  return !jp_documents_page_is_writing (data);
}

static gboolean
page_on_screen (gpointer data)
{
  return jp_evidence_viewer_get_n_pages_ready (data) > 0;
}

static JpEvidenceViewer *
find_viewer (GtkWidget *widget)
{
  if (JP_IS_EVIDENCE_VIEWER (widget))
    return JP_EVIDENCE_VIEWER (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      JpEvidenceViewer *v = find_viewer (c);

      if (v != NULL)
        return v;
    }
  return NULL;
}

/* The first candidate of the list (as the page lists them). */
static JpCandidate *
first_candidate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = jp_store_list_candidates (store, &error);

  g_assert_no_error (error);
  return g_list_model_get_item (list, 0);
}

/* Chooses the approval form of one candidate, generates it and waits for the preview. */
static JpCandidate *
generate_form (Fixture *f)
{
  JpCandidate *c = first_candidate ();
  JpEvidenceViewer *viewer = find_viewer (GTK_WIDGET (f->page));

  g_assert_true (jp_documents_page_select (f->page, JP_DOCUMENT_APPROVAL_FORM,
                                           JP_DOCUMENT_SCOPE_CANDIDATE, c->id, NULL));
  jp_documents_page_generate (f->page);
  g_assert_true (jp_documents_page_is_busy (f->page));
  g_assert_true (jp_test_wait_until (generation_done, f->page, 60000));
  g_assert_cmpstr (jp_documents_page_get_status (f->page), ==, "");
  g_assert_nonnull (jp_documents_page_get_document (f->page));
  g_assert_nonnull (viewer);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (viewer)));
  g_assert_true (jp_test_wait_until (page_on_screen, viewer, 10000));
  return c;
}

/* The document made is shown: its first page is on screen and carries the candidate. */
static void
test_generate_preview (Fixture *f, gconstpointer data)
{
  g_autoptr(JpCandidate) c = generate_form (f);
  JpEvidenceDocument *doc = jp_documents_page_get_document (f->page);
  g_autoptr(GArray) hits = NULL;

  g_assert_cmpint (jp_evidence_document_get_n_pages (doc), >=, 1);
  hits = jp_evidence_page_find_text (doc, 0, c->name);
  g_assert_cmpuint (hits->len, >=, 1);
}

/* With JP_TEST_SCREENSHOT_DIR set, keeps a copy of a printed file for a person to look at. */
static void
keep_printed (const char *path,
              const char *name)
{
  const char *dir = g_getenv ("JP_TEST_SCREENSHOT_DIR");
  g_autofree char *data = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  if (dir == NULL || !g_file_get_contents (path, &data, &length, NULL))
    return;
  copy = g_build_filename (dir, name, NULL);
  g_file_set_contents (copy, data, length, NULL);
}

static char *
pdf_text (PopplerDocument *pdf)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
    }
  return g_string_free (text, FALSE);
}

/* Printing through GtkPrintOperation (exported to a PDF file, as "Print to File" does): every
 * page, A4, the candidate's name in the text. */
static void
test_print_export (Fixture *f, gconstpointer data)
{
  g_autoptr(JpCandidate) c = generate_form (f);
  JpEvidenceDocument *doc = jp_documents_page_get_document (f->page);
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *uri = NULL, *text = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(GError) error = NULL;
  double w, h;

  g_assert_true (jp_documents_page_print (f->page, GTK_PRINT_OPERATION_ACTION_EXPORT, path,
                                          &error));
  g_assert_no_error (error);
  keep_printed (path, "printed-approval-form.pdf");
  uri = g_filename_to_uri (path, NULL, &error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==,
                   jp_evidence_document_get_n_pages (doc));
  first = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (first, &w, &h);
  g_assert_cmpfloat (fabs (w - 595.3), <, 1.5);
  g_assert_cmpfloat (fabs (h - 841.9), <, 1.5);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, c->name));
  g_assert_nonnull (strstr (text, c->id_number));
}

static GtkProgressBar *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return GTK_PROGRESS_BAR (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkProgressBar *bar = find_progress_bar (c);

      if (bar != NULL)
        return bar;
    }
  return NULL;
}

/* Many documents in one file: the progress bar is shown while they are made and is full at
 * the end; the landscape summary table prints on landscape paper. */
static void
test_progress_landscape (Fixture *f, gconstpointer data)
{
  GtkProgressBar *bar = find_progress_bar (GTK_WIDGET (f->page));
  g_autofree char *path = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(GError) error = NULL;
  double w, h;

  g_assert_nonnull (bar);
  g_assert_true (jp_documents_page_select (f->page, JP_DOCUMENT_APPROVAL_FORM,
                                           JP_DOCUMENT_SCOPE_ALL, 0, NULL));
  jp_documents_page_generate (f->page);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (bar)));
  g_assert_true (jp_test_wait_until (generation_done, f->page, 60000));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (bar)));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 1.0);
  g_assert_cmpint (jp_evidence_document_get_n_pages (jp_documents_page_get_document (f->page)),
                   >=, N_CANDIDATES);

  g_assert_true (jp_documents_page_select (f->page, JP_DOCUMENT_SUMMARY_TABLE,
                                           JP_DOCUMENT_SCOPE_ALL, 0, NULL));
  jp_documents_page_generate (f->page);
  g_assert_true (jp_test_wait_until (generation_done, f->page, 60000));
  g_assert_cmpstr (jp_documents_page_get_status (f->page), ==, "");
  g_assert_true (jp_documents_page_print (f->page, GTK_PRINT_OPERATION_ACTION_EXPORT, path,
                                          &error));
  g_assert_no_error (error);
  keep_printed (path, "printed-summary-table.pdf");
  uri = g_filename_to_uri (path, NULL, &error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  first = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (first, &w, &h);
  g_assert_cmpfloat (fabs (w - 841.9), <, 1.5);
  g_assert_cmpfloat (fabs (h - 595.3), <, 1.5);
}

/* The button under `widget` that opens a document in the documents stage. */
static GtkWidget *
find_print_entry (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                 "win.print-document") == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_print_entry (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The dossier's 打印 entry opens the candidate's approval form in the documents stage. */
static void
test_from_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr(JpCandidate) c = first_candidate ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  JpDossierView *dossier = jp_window_get_dossier_view (f->window);
  GtkWidget *button;

  jp_window_show_stage (f->window, "candidates");
  g_assert_true (jp_dossier_view_show_candidate (dossier, c->id, &error));
  g_assert_no_error (error);
  jp_test_spin ();
  button = find_print_entry (GTK_WIDGET (dossier));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (jp_window_get_visible_stage (f->window), ==, "documents");
  g_assert_true (jp_documents_page_is_busy (f->page));
  g_assert_true (jp_test_wait_until (generation_done, f->page, 60000));
  g_assert_cmpstr (jp_documents_page_get_status (f->page), ==, "");
  hits = jp_evidence_page_find_text (jp_documents_page_get_document (f->page), 0, c->name);
  g_assert_cmpuint (hits->len, >=, 1);
}

/* A closed round's 打印 entry opens its tally report, which carries the result digest. */
static void
test_from_round (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-test-documents-round-XXXXXX", &error);
  g_autoptr(JpStore) st = ballot_test_store (dir, N_CANDIDATES);
  g_autoptr(GPtrArray) trades = NULL, panel = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree char *digest_start = NULL;
  JpWindow *window;
  JpBallotPage *ballot;
  JpDocumentsPage *page;
  GtkWidget *button;
  gint64 round_id = 0;

  g_assert_no_error (error);
  trades = jp_store_list_trades (st, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < trades->len && round_id == 0; i++)
    {
      g_autoptr(GError) e = NULL;

      round_id = jp_store_open_ballot_round (st, ((JpTrade *) trades->pdata[i])->name, 1, 1,
                                             -1, "test", &e);
    }
  g_assert_cmpint (round_id, >, 0);
  panel = jp_store_round_panel (st, round_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < panel->len; i++)
    g_free (ballot_test_vote (st, round_id, ((JpPanelMember *) panel->pdata[i])->code, NULL));
  g_assert_true (jp_store_close_round (st, round_id, "test", &error));
  g_assert_no_error (error);
  tally = jp_store_get_tally (st, round_id, &error);
  g_assert_no_error (error);

  window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  jp_window_set_store (window, st);
  gtk_window_present (GTK_WINDOW (window));
  jp_window_show_stage (window, "ballot");
  ballot = jp_window_get_ballot_page (window);
  g_assert_true (jp_ballot_page_select_round (ballot, round_id));
  jp_test_spin ();
  button = GTK_WIDGET (ballot->report_button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (jp_window_get_visible_stage (window), ==, "documents");
  page = jp_window_get_documents_page (window);
  g_assert_true (jp_test_wait_until (generation_done, page, 60000));
  g_assert_cmpstr (jp_documents_page_get_status (page), ==, "");
  digest_start = g_strndup (tally->digest, 16);
  hits = jp_evidence_document_find_text (jp_documents_page_get_document (page), digest_start,
                                         NULL);
  g_assert_cmpuint (hits->len, >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  g_clear_object (&st);
  ballot_test_rm (dir);
}

/* The defence documents: a defence session is offered as the scope of the score sheets,
 * they are made and shown; the summary of a session still open says what comes first. */
static void
test_defence (gconstpointer data)
{
  const JpTestSize *size = data;
  g_autofree char *shot_sheets = NULL;
  g_autofree char *shot_refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-test-documents-defence-XXXXXX", &error);
  g_autoptr(JpStore) st = ballot_test_store (dir, N_CANDIDATES);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) panel = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(JpRound) round = NULL;
  g_autofree char *trade = NULL;
  JpWindow *window;
  JpDocumentsPage *page;
  JpEvidenceViewer *viewer;
  const char *status;
  gint64 round_id, session_id;
  int n = 0;

  g_assert_no_error (error);
  /* the trade of the first candidate with a code; every one of its candidates advances */
  list = jp_store_list_candidates (st, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      if (c->code == NULL || c->trade_code == NULL)
        continue;
      if (trade == NULL)
        trade = g_strdup (c->trade_code);
      if (g_str_equal (trade, c->trade_code))
        n++;
    }
  g_assert_nonnull (trade);
  round_id = jp_store_open_ballot_round (st, trade, n, n, -1, "test", &error);
  g_assert_no_error (error);
  round = jp_store_get_round (st, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round->candidates->len, ==, n);
  panel = jp_store_round_panel (st, round_id, &error);
  g_assert_no_error (error);
  for (guint m = 0; m < panel->len; m++)
    {
      const char *code = ((JpPanelMember *) panel->pdata[m])->code;
      g_auto(GStrv) conflicted = jp_store_round_conflicted_codes (st, round_id, code, &error);
      g_autoptr(GPtrArray) marks = g_ptr_array_new ();

      g_assert_no_error (error);
      for (guint k = 0; k < round->candidates->len; k++)
        {
          JpRoundCandidate *rc = g_ptr_array_index (round->candidates, k);

          if (!g_strv_contains ((const char *const *) conflicted, rc->code))
            g_ptr_array_add (marks, rc->code);
        }
      g_ptr_array_add (marks, NULL);
      jp_store_submit_ballot (st, round_id, code, (const char *const *) marks->pdata, NULL,
                              NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (jp_store_close_round (st, round_id, "test", &error));
  g_assert_no_error (error);
  session_id = jp_store_open_defence_session (st, trade, "test", &error);
  g_assert_no_error (error);

  window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), size->width, size->height);
  jp_window_set_store (window, st);
  gtk_window_present (GTK_WINDOW (window));
  jp_window_show_stage (window, "documents");
  page = jp_window_get_documents_page (window);
  g_assert_true (jp_test_wait_until (jp_test_is_allocated, page, 5000));
  shot_sheets = g_strdup_printf ("documents-score-sheets-%s", size->name);
  shot_refused = g_strdup_printf ("documents-defence-summary-refused-%s", size->name);
  /* the ballot round is not offered for the score sheets, the session is */
  g_assert_false (jp_documents_page_select (page, JP_DOCUMENT_SCORE_SHEETS,
                                            JP_DOCUMENT_SCOPE_ROUND, round_id, NULL));
  g_assert_true (jp_documents_page_select (page, JP_DOCUMENT_SCORE_SHEETS,
                                           JP_DOCUMENT_SCOPE_ROUND, session_id, NULL));
  jp_documents_page_generate (page);
  g_assert_true (jp_test_wait_until (generation_done, page, 60000));
  g_assert_cmpstr (jp_documents_page_get_status (page), ==, "");
  hits = jp_evidence_document_find_text (jp_documents_page_get_document (page),
                                         "现场答辩评分表", NULL);
  g_assert_cmpuint (hits->len, ==, panel->len);   /* one sheet per member */
  viewer = find_viewer (GTK_WIDGET (page));
  g_assert_true (jp_test_wait_until (page_on_screen, viewer, 10000));
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (window), shot_sheets);

  g_assert_true (jp_documents_page_select (page, JP_DOCUMENT_DEFENCE_SUMMARY,
                                           JP_DOCUMENT_SCOPE_ROUND, session_id, NULL));
  jp_documents_page_generate (page);
  g_assert_true (jp_test_wait_until (generation_done, page, 60000));
  status = jp_documents_page_get_status (page);
  if (strstr (status, "须先结束答辩场次") == NULL
      && strstr (status, "defence session must be closed first") == NULL)
    g_error ("the refusal does not name the stage: %s", status);
  jp_test_spin ();
  jp_test_screenshot (GTK_WIDGET (window), shot_refused);

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
  g_clear_object (&st);
  ballot_test_rm (dir);
}

/* Printing with nothing generated says what to do first. */
static void
test_print_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_documents_page_print (f->page, GTK_PRINT_OPERATION_ACTION_EXPORT, path,
                                           &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* "Save as PDF" writes the very file shown. */
static void
test_save (Fixture *f, gconstpointer data)
{
  g_autoptr(JpCandidate) c = generate_form (f);
  g_autofree char *path = g_build_filename (f->dir, "form.pdf", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  jp_documents_page_save_to (f->page, path);
  g_assert_true (jp_test_wait_until (writing_done, f->page, 10000));
  g_assert_nonnull (strstr (jp_documents_page_get_status (f->page), path));
  g_file_get_contents (path, &bytes, &length, &error);
  g_assert_no_error (error);
  g_assert_true (length > 1000 && memcmp (bytes, "%PDF", 4) == 0);
}

/* Cancelling right after the start leaves no document and says so. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_assert_true (jp_documents_page_select (f->page, JP_DOCUMENT_APPROVAL_FORM,
                                           JP_DOCUMENT_SCOPE_ALL, 0, NULL));
  jp_documents_page_generate (f->page);
  g_assert_true (jp_documents_page_is_busy (f->page));
  jp_documents_page_cancel (f->page);
  g_assert_false (jp_documents_page_is_busy (f->page));
  g_assert_null (jp_documents_page_get_document (f->page));
  g_assert_cmpstr (jp_documents_page_get_status (f->page), ==, _("Cancelled: nothing was made."));
}

/* The spreadsheet buttons after their dialog: the candidate list as CSV with a BOM, the
 * results as a workbook; an unwritable place is said in the status. */
static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "名单.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "结果.xlsx", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "x.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JpCandidate) c = first_candidate ();
  g_autoptr(GError) error = NULL;

  jp_documents_page_export_to (f->page, JP_EXPORT_CANDIDATES, csv);
  g_assert_true (jp_test_wait_until (writing_done, f->page, 10000));
  g_assert_nonnull (strstr (jp_documents_page_get_status (f->page), csv));
  g_file_get_contents (csv, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, c->name));

  jp_documents_page_export_to (f->page, JP_EXPORT_RESULTS, xlsx);
  g_assert_true (jp_test_wait_until (writing_done, f->page, 10000));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  jp_documents_page_export_to (f->page, JP_EXPORT_CANDIDATES, bad);
  g_assert_true (jp_test_wait_until (writing_done, f->page, 10000));
  g_assert_nonnull (strstr (jp_documents_page_get_status (f->page), bad));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* The page at the office's screen sizes, with a document shown: the controls and the preview
 * side by side, the buttons whole. */
static void
test_layout (Fixture *f, gconstpointer data)
{
  g_autoptr(JpCandidate) c = NULL;
  g_autofree char *name = NULL;
  JpEvidenceViewer *viewer;
  graphene_rect_t bounds;

  if (f->window == NULL)
    return;
  c = generate_form (f);
  viewer = find_viewer (GTK_WIDGET (f->page));
  /* the fit to the page's final size renders the page again */
  jp_test_spin ();
  g_assert_true (jp_test_wait_until (page_on_screen, viewer, 10000));
  jp_test_spin ();
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (viewer), GTK_WIDGET (f->window),
                                            &bounds));
  /* the preview has at least half of the window's width */
  g_assert_cmpfloat (bounds.size.width, >=, f->size->width / 2.0);
  name = g_strdup_printf ("documents-%s", f->size->name);
  jp_test_screenshot (GTK_WIDGET (f->window), name);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JpDemoOptions options = { N_CANDIDATES, JP_DEMO_DEFAULT_SEED, 0 };
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  jp_test_use_chinese ();
  adw_init ();

  tmpdir = g_dir_make_tmp ("jp-test-documents-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "demo.jiangping", NULL);
  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/documents/generate-preview", Fixture, NULL, fixture_set_up,
              test_generate_preview, fixture_tear_down);
  g_test_add ("/ui/documents/print-export", Fixture, NULL, fixture_set_up, test_print_export,
              fixture_tear_down);
  g_test_add ("/ui/documents/progress-landscape", Fixture, NULL, fixture_set_up,
              test_progress_landscape, fixture_tear_down);
  g_test_add ("/ui/documents/from-dossier", Fixture, NULL, fixture_set_up, test_from_dossier,
              fixture_tear_down);
  g_test_add_func ("/ui/documents/from-round", test_from_round);
  for (guint i = 0; i < G_N_ELEMENTS (jp_test_sizes); i++)
    {
      g_autofree char *p = g_strdup_printf ("/ui/documents/defence/%s", jp_test_sizes[i].name);

      if (i == 0 || jp_test_screen_holds (&jp_test_sizes[i]))
        g_test_add_data_func (p, &jp_test_sizes[i], test_defence);
    }
  g_test_add ("/ui/documents/print-nothing", Fixture, NULL, fixture_set_up, test_print_nothing,
              fixture_tear_down);
  g_test_add ("/ui/documents/save", Fixture, NULL, fixture_set_up, test_save,
              fixture_tear_down);
  g_test_add ("/ui/documents/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/ui/documents/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (jp_test_sizes); i++)
    {
      g_autofree char *p = g_strdup_printf ("/ui/documents/layout/%s", jp_test_sizes[i].name);

      g_test_add (p, Fixture, &jp_test_sizes[i], fixture_set_up, test_layout,
                  fixture_tear_down);
    }
  ret = g_test_run ();

  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);

    g_assert_cmpint (system (cmd), ==, 0);
  }
  g_free (tmpdir);
  return ret;
}
