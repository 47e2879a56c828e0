/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "documents/jp-export.h"
#include "store/jp-store-rounds.h"
#include "jp-documents-page.h"
#include "jp-evidence-viewer.h"

/* What the file chooser was opened for. */
typedef enum {
  CHOOSE_PDF,
  CHOOSE_CANDIDATES,
  CHOOSE_RESULTS,
} ChooseFor;

/* One choice of the "Which" row: a candidate, a trade or a round. */
typedef struct {
  gint64  id;
  char   *trade;
} Item;

static void
item_free (Item *item)
{
  g_free (item->trade);
  g_free (item);
}

struct _JpDocumentsPage
{
  AdwBin              parent_instance;

  /* template children */
  AdwComboRow        *kind_row;
  AdwComboRow        *scope_row;
  AdwComboRow        *item_row;
  GtkButton          *generate_button;
  GtkButton          *print_button;
  GtkButton          *save_button;
  GtkWidget          *progress_box;
  GtkProgressBar     *progress_bar;
  GtkLabel           *status_label;
  GtkStack           *preview_stack;
  JpEvidenceViewer   *viewer;
  GtkButton          *export_candidates_button;
  GtkButton          *export_results_button;

  JpStore            *store;
  GArray             *scopes;       /* JpDocumentScopeKind of each scope_row position */
  GPtrArray          *items;        /* Item* of each item_row position */
  gboolean            filling;      /* rows are being refilled: ignore their signals */

  GCancellable       *cancellable;  /* the running generation, NULL when idle */
  char               *tmp_dir;      /* where generated documents are kept until replaced */
  guint               serial;
  char               *pdf_path;     /* the document shown (in tmp_dir) */
  char               *title;        /* its name, for the print job and the file name */
  GBytes             *pdf;
  JpEvidenceDocument *document;
  guint               writing;      /* saves and exports in flight */
  GtkFileChooserNative *chooser;
  ChooseFor           choose_for;
};

G_DEFINE_FINAL_TYPE (JpDocumentsPage, jp_documents_page, ADW_TYPE_BIN)

static void
set_status (JpDocumentsPage *self,
            const char      *text,
            gboolean         is_error)
{
  /* a save or a generation may finish after the page went away */
  if (self->status_label == NULL)
    return;
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static JpDocumentKind
selected_kind (JpDocumentsPage *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < JP_DOCUMENT_N_KINDS ? (JpDocumentKind) i : JP_DOCUMENT_APPROVAL_FORM;
}

static gboolean
selected_scope (JpDocumentsPage     *self,
                JpDocumentScopeKind *scope)
{
  guint i = adw_combo_row_get_selected (self->scope_row);

  if (i >= self->scopes->len)
    return FALSE;
  *scope = g_array_index (self->scopes, JpDocumentScopeKind, i);
  return TRUE;
}

static Item *
selected_item (JpDocumentsPage *self)
{
  guint i = adw_combo_row_get_selected (self->item_row);

  return i < self->items->len ? g_ptr_array_index (self->items, i) : NULL;
}

static const char *
scope_label (JpDocumentScopeKind scope)
{
  switch (scope)
    {
    case JP_DOCUMENT_SCOPE_CANDIDATE:
      return _("One candidate");
    case JP_DOCUMENT_SCOPE_TRADE:
      return _("One trade");
    case JP_DOCUMENT_SCOPE_ROUND:
      return _("One round");
    case JP_DOCUMENT_SCOPE_ALL:
    default:
      return _("The whole list");
    }
}

/* The rounds a document of `kind` reports on: ballot rounds for ballot papers and tally
 * reports, defence rounds for score sheets and the defence summary. */
static gboolean
kind_takes_round (JpDocumentKind kind,
                  JpRoundKind    round_kind)
{
  if (kind == JP_DOCUMENT_SCORE_SHEETS || kind == JP_DOCUMENT_DEFENCE_SUMMARY)
    return round_kind == JP_ROUND_KIND_DEFENCE;
  return round_kind == JP_ROUND_KIND_BALLOT;
}

static void
update_buttons (JpDocumentsPage *self)
{
  gboolean busy = self->cancellable != NULL;
  JpDocumentScopeKind scope;
  gboolean ready;

  if (self->generate_button == NULL)
    return;
  ready = self->store != NULL && selected_scope (self, &scope) &&
          (scope == JP_DOCUMENT_SCOPE_ALL || selected_item (self) != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->generate_button), ready && !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), self->document != NULL && !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->document != NULL && !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_candidates_button), self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_results_button), self->store != NULL);
  gtk_widget_set_visible (self->progress_box, busy);
}

/* Fills the "Which" row for the chosen kind and scope from the store. */
static void
fill_items (JpDocumentsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  JpDocumentScopeKind scope = JP_DOCUMENT_SCOPE_ALL;
  JpDocumentKind kind = selected_kind (self);

  g_ptr_array_set_size (self->items, 0);
  selected_scope (self, &scope);
  if (self->store != NULL && scope == JP_DOCUMENT_SCOPE_CANDIDATE)
    {
      g_autoptr(GListModel) list = jp_store_list_candidates (self->store, &error);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item_row), _("_Candidate"));
      for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);
          Item *item = g_new0 (Item, 1);
          g_autofree char *label = NULL;

          item->id = c->id;
          /* TRANSLATORS: a candidate in a list: name (unit) */
          label = c->unit != NULL ? g_strdup_printf (_("%s (%s)"), c->name, c->unit)
                                  : g_strdup (c->name);
          g_ptr_array_add (self->items, item);
          gtk_string_list_append (labels, label);
        }
    }
  else if (self->store != NULL && scope == JP_DOCUMENT_SCOPE_TRADE)
    {
      g_autoptr(GPtrArray) trades = jp_store_list_trades (self->store, &error);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item_row), _("_Trade"));
      for (guint i = 0; trades != NULL && i < trades->len; i++)
        {
          JpTrade *t = g_ptr_array_index (trades, i);
          Item *item = g_new0 (Item, 1);

          item->id = t->id;
          item->trade = g_strdup (t->code != NULL ? t->code : t->name);
          g_ptr_array_add (self->items, item);
          gtk_string_list_append (labels, t->name);
        }
    }
  else if (self->store != NULL && scope == JP_DOCUMENT_SCOPE_ROUND)
    {
      g_autoptr(GPtrArray) rounds = jp_store_list_rounds (self->store, NULL, &error);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item_row), _("_Round"));
      for (guint i = 0; rounds != NULL && i < rounds->len; i++)
        {
          JpRound *r = g_ptr_array_index (rounds, i);
          Item *item;
          g_autofree char *label = NULL;

          if (!kind_takes_round (kind, r->kind))
            continue;
          item = g_new0 (Item, 1);
          item->id = r->id;
          /* TRANSLATORS: a round in a list: trade, round number, state ("稀土 第 1 轮（已结束）") */
          label = g_strdup_printf (_("%s, round %d (%s)"), r->trade_name, r->number,
                                   jp_round_state_label (r->state));
          g_ptr_array_add (self->items, item);
          gtk_string_list_append (labels, label);
        }
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (labels));
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->item_row), scope != JP_DOCUMENT_SCOPE_ALL);
  if (error != NULL)
    set_status (self, error->message, TRUE);
  else if (scope != JP_DOCUMENT_SCOPE_ALL && self->items->len == 0)
    set_status (self, scope == JP_DOCUMENT_SCOPE_ROUND
                      ? _("There is no round for this document yet.")
                      : _("There is nothing to choose from yet."), FALSE);
  else
    set_status (self, NULL, FALSE);
  update_buttons (self);
}

/* Fills the "Covers" row with the scopes the chosen kind takes. */
static void
fill_scopes (JpDocumentsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  JpDocumentKind kind = selected_kind (self);
  static const JpDocumentScopeKind order[] = {
    JP_DOCUMENT_SCOPE_ALL, JP_DOCUMENT_SCOPE_CANDIDATE, JP_DOCUMENT_SCOPE_TRADE,
    JP_DOCUMENT_SCOPE_ROUND,
  };

  g_array_set_size (self->scopes, 0);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (jp_document_kind_accepts_scope (kind, order[i]))
      {
        g_array_append_val (self->scopes, order[i]);
        gtk_string_list_append (labels, scope_label (order[i]));
      }
  self->filling = TRUE;
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (labels));
  self->filling = FALSE;
  fill_items (self);
}

static void
on_kind_row_selected (JpDocumentsPage *self)
{
  if (!self->filling)
    fill_scopes (self);
}

static void
on_scope_row_selected (JpDocumentsPage *self)
{
  if (!self->filling)
    fill_items (self);
}

static void
on_item_row_selected (JpDocumentsPage *self)
{
  if (!self->filling)
    update_buttons (self);
}

/* ---- generating ---- */

typedef struct {
  JpDocumentsPage *self;     /* owned */
  JpStore         *store;    /* owned: the election it was started on */
  GCancellable    *cancellable;
  char            *path;
  char            *title;
} Generation;

static void
generation_free (Generation *g)
{
  g_object_unref (g->self);
  g_object_unref (g->store);
  g_object_unref (g->cancellable);
  g_free (g->path);
  g_free (g->title);
  g_free (g);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Generation *g = user_data;
  JpDocumentsPage *self = g->self;
  g_autofree char *text = NULL;

  if (self->cancellable != g->cancellable || total == 0)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (done, total) / total);
  /* TRANSLATORS: progress of a document being made: 12 of 200 (forms, pages or papers) */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
finish_generation (JpDocumentsPage *self,
                   Generation      *g)
{
  if (self->cancellable == g->cancellable)
    g_clear_object (&self->cancellable);
  update_buttons (self);
}

static void
on_pdf_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Generation *g = user_data;
  JpDocumentsPage *self = g->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autoptr(JpEvidenceDocument) document = NULL;

  if (bytes != NULL && self->cancellable == g->cancellable)
    document = jp_evidence_document_new (bytes, "application/pdf", NULL, g->title, &error);
  if (self->cancellable != g->cancellable)
    {
      /* replaced by a newer generation or the election closed: drop this one */
      g_unlink (g->path);
      generation_free (g);
      return;
    }
  if (document == NULL)
    {
      g_unlink (g->path);
      set_status (self, error->message, TRUE);
    }
  else
    {
      if (self->pdf_path != NULL && g_strcmp0 (self->pdf_path, g->path) != 0)
        g_unlink (self->pdf_path);
      g_free (self->pdf_path);
      self->pdf_path = g_strdup (g->path);
      g_free (self->title);
      self->title = g_strdup (g->title);
      g_clear_pointer (&self->pdf, g_bytes_unref);
      self->pdf = g_bytes_ref (bytes);
      g_set_object (&self->document, document);
      jp_evidence_viewer_set_document (self->viewer, document);
      jp_evidence_viewer_set_fit_mode (self->viewer, JP_EVIDENCE_FIT_PAGE);
      gtk_stack_set_visible_child_name (self->preview_stack, "preview");
    }
  finish_generation (self, g);
  generation_free (g);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Generation *g = user_data;
  JpDocumentsPage *self = g->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GFile) file = NULL;

  if (!jp_documents_write_finish (JP_STORE (source), result, &findings, &error))
    {
      if (self->cancellable == g->cancellable)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            set_status (self, _("Cancelled: nothing was made."), FALSE);
          else
            set_status (self, error->message, TRUE);
          finish_generation (self, g);
        }
      generation_free (g);
      return;
    }
  if (self->cancellable == g->cancellable)
    {
      g_autoptr(GString) status = g_string_new (NULL);

      /* findings: printed, but something needs a look (a missing photo) */
      for (guint i = 0; findings != NULL && i < findings->len; i++)
        {
          JpFinding *f = g_ptr_array_index (findings, i);

          g_string_append_printf (status, "%s%s", status->len > 0 ? "\n" : "", f->message);
        }
      set_status (self, status->str, FALSE);
    }
  file = g_file_new_for_path (g->path);
  g_file_load_bytes_async (file, NULL, on_pdf_loaded, g);
}

static char *
document_title (JpDocumentsPage *self)
{
  JpDocumentKind kind = selected_kind (self);
  JpDocumentScopeKind scope = JP_DOCUMENT_SCOPE_ALL;
  g_autoptr(GObject) label = NULL;

  selected_scope (self, &scope);
  if (scope != JP_DOCUMENT_SCOPE_ALL && self->items->len > 0)
    label = g_list_model_get_item (adw_combo_row_get_model (self->item_row),
                                   adw_combo_row_get_selected (self->item_row));
  if (label != NULL)
    /* TRANSLATORS: a document's name: its kind and what it covers ("推荐审批表 - 王喆") */
    return g_strdup_printf (_("%s - %s"), jp_document_kind_label (kind),
                            gtk_string_object_get_string (GTK_STRING_OBJECT (label)));
  return g_strdup (jp_document_kind_label (kind));
}

void
jp_documents_page_generate (JpDocumentsPage *self)
{
  JpDocumentScope scope = { 0 };
  Generation *g;
  Item *item = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));

  if (self->store == NULL || !selected_scope (self, &scope.kind))
    return;
  if (scope.kind != JP_DOCUMENT_SCOPE_ALL)
    {
      item = selected_item (self);
      if (item == NULL)
        return;
      scope.id = item->id;
      scope.trade = item->trade;
    }
  if (self->tmp_dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->tmp_dir = g_dir_make_tmp ("jiangping-documents-XXXXXX", &error);
      if (self->tmp_dir == NULL)
        {
          set_status (self, error->message, TRUE);
          return;
        }
    }
  jp_documents_page_cancel (self);

  g = g_new0 (Generation, 1);
  g->self = g_object_ref (self);
  g->store = g_object_ref (self->store);
  g->cancellable = g_cancellable_new ();
  name = g_strdup_printf ("document-%u.pdf", ++self->serial);
  g->path = g_build_filename (self->tmp_dir, name, NULL);
  g->title = document_title (self);
  self->cancellable = g_object_ref (g->cancellable);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Preparing…"));
  set_status (self, NULL, FALSE);
  update_buttons (self);
  jp_documents_write_async (self->store, selected_kind (self), &scope, NULL, g->path,
                            g->cancellable, on_progress, g, on_written, g);
}

void
jp_documents_page_cancel (JpDocumentsPage *self)
{
  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_status (self, _("Cancelled: nothing was made."), FALSE);
  update_buttons (self);
}

static void
on_generate_button_clicked (JpDocumentsPage *self)
{
  jp_documents_page_generate (self);
}

static void
on_cancel_button_clicked (JpDocumentsPage *self)
{
  jp_documents_page_cancel (self);
}

/* ---- printing ---- */

static void
on_request_page_setup (GtkPrintOperation  *op,
                       GtkPrintContext    *context,
                       int                 page_nr,
                       GtkPageSetup       *setup,
                       JpEvidenceDocument *document)
{
  double w, h;

  if (page_nr >= jp_evidence_document_get_n_pages (document))
    return;
  jp_evidence_document_get_unrotated_page_size (document, page_nr, &w, &h);
  /* a landscape form (the summary table) goes on landscape paper, not shrunk onto portrait */
  gtk_page_setup_set_orientation (setup, w > h ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                               : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page (GtkPrintOperation  *op,
              GtkPrintContext    *context,
              int                 page_nr,
              JpEvidenceDocument *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_w = gtk_print_context_get_width (context);
  double paper_h = gtk_print_context_get_height (context);
  double w, h, scale;
  g_autoptr(GError) error = NULL;

  jp_evidence_document_get_unrotated_page_size (document, page_nr, &w, &h);
  if (w <= 0 || h <= 0)
    return;
  /* the paper the form was made for prints at 100 %; other paper scales to fit, centred */
  scale = MIN (paper_w / w, paper_h / h);
  if (fabs (scale - 1.0) < 0.01)
    scale = 1.0;
  cairo_save (cr);
  cairo_translate (cr, (paper_w - w * scale) / 2, (paper_h - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (!jp_evidence_document_print_page (document, page_nr, cr, &error))
    g_warning ("%s", error->message);
  cairo_restore (cr);
}

static void
on_print_done (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               JpDocumentsPage         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (op, &error);
      set_status (self, error != NULL ? error->message : _("Printing failed."), TRUE);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    set_status (self, _("Sent to the printer."), FALSE);
}

gboolean
jp_documents_page_print (JpDocumentsPage          *self,
                         GtkPrintOperationAction   action,
                         const char               *export_path,
                         GError                  **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  GtkPrintOperationResult result;
  GtkRoot *root;
  double w, h;

  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL,
                        FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Generate the document first."));
      return FALSE;
    }
  op = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (op, self->title);
  gtk_print_operation_set_n_pages (op, jp_evidence_document_get_n_pages (self->document));
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  /* the forms carry their own margins: the whole sheet is the page */
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, a4);
  jp_evidence_document_get_unrotated_page_size (self->document, 0, &w, &h);
  gtk_page_setup_set_orientation (setup, w > h ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                               : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (op, setup);
  g_signal_connect_object (op, "request-page-setup", G_CALLBACK (on_request_page_setup),
                           self->document, 0);
  g_signal_connect_object (op, "draw-page", G_CALLBACK (on_draw_page), self->document, 0);
  if (action == GTK_PRINT_OPERATION_ACTION_EXPORT)
    gtk_print_operation_set_export_filename (op, export_path);
  else
    {
      gtk_print_operation_set_allow_async (op, TRUE);
      g_signal_connect_object (op, "done", G_CALLBACK (on_print_done), self, 0);
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (op, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  return TRUE;
}

static void
on_print_button_clicked (JpDocumentsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!jp_documents_page_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    set_status (self, error->message, TRUE);
}

/* ---- saving and exporting (written in a worker thread) ---- */

typedef struct {
  GBytes  *bytes;     /* a PDF to save, or */
  JpSheet *sheet;     /* a table to export */
  char    *path;
  guint    rows;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->sheet, jp_sheet_free);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->bytes != NULL)
    ok = jp_export_write_bytes (job->bytes, job->path, &error);
  else
    {
      JpExportFormat format;

      ok = jp_export_format_for_path (job->path, &format, &error) &&
           jp_export_write (job->sheet, job->path, format, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_write_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JpDocumentsPage *self = JP_DOCUMENTS_PAGE (source);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->writing--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  if (job->sheet != NULL)
    text = g_strdup_printf (ngettext ("Saved “%s” (%u row).", "Saved “%s” (%u rows).",
                                      job->rows), job->path, job->rows);
  else
    text = g_strdup_printf (_("Saved “%s”."), job->path);
  set_status (self, text, FALSE);
}

static void
start_write (JpDocumentsPage *self,
             WriteJob        *job)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_write_done, NULL);

  self->writing++;
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

void
jp_documents_page_save_to (JpDocumentsPage *self,
                           const char      *path)
{
  WriteJob *job;

  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->pdf == NULL)
    return;
  job = g_new0 (WriteJob, 1);
  job->bytes = g_bytes_ref (self->pdf);
  job->path = g_strdup (path);
  start_write (self, job);
}

void
jp_documents_page_export_to (JpDocumentsPage *self,
                             JpExportWhat     what,
                             const char      *path)
{
  g_autoptr(GError) error = NULL;
  WriteJob *job;
  JpSheet *sheet;
  JpExportFormat format;

  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL)
    return;
  if (!jp_export_format_for_path (path, &format, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  sheet = jp_store_export_sheet (self->store, what, &error);
  if (sheet == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  job = g_new0 (WriteJob, 1);
  job->sheet = sheet;
  job->rows = sheet->rows->len;
  job->path = g_strdup (path);
  start_write (self, job);
}

gboolean
jp_documents_page_is_writing (JpDocumentsPage *self)
{
  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), FALSE);

  return self->writing > 0;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     JpDocumentsPage *self)
{
  ChooseFor what = self->choose_for;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;
  if (what == CHOOSE_PDF)
    {
      if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
        {
          char *with = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with;
        }
      jp_documents_page_save_to (self, path);
    }
  else
    {
      JpExportFormat format;

      /* no extension typed: the workbook */
      if (!jp_export_format_for_path (path, &format, NULL))
        {
          char *with = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = with;
        }
      jp_documents_page_export_to (self, what == CHOOSE_RESULTS ? JP_EXPORT_RESULTS
                                                                : JP_EXPORT_CANDIDATES, path);
    }
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (JpDocumentsPage *self,
             ChooseFor        what,
             const char      *title,
             const char      *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *safe = g_strdelimit (g_strdup (name), "/\\:", '-');

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), safe);
  if (what == CHOOSE_PDF)
    add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF documents"), "*.pdf");
  else
    {
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("Excel workbooks (.xlsx)"), "*.xlsx");
      add_filter (GTK_FILE_CHOOSER (self->chooser), _("CSV files (.csv)"), "*.csv");
    }
  self->choose_for = what;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_save_button_clicked (JpDocumentsPage *self)
{
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  name = g_strconcat (self->title, ".pdf", NULL);
  choose_file (self, CHOOSE_PDF, _("Save the Document"), name);
}

static void
on_export_candidates_button_clicked (JpDocumentsPage *self)
{
  g_autofree char *name = g_strconcat (_("Candidate list"), ".xlsx", NULL);

  choose_file (self, CHOOSE_CANDIDATES, _("Export the Candidate List"), name);
}

static void
on_export_results_button_clicked (JpDocumentsPage *self)
{
  g_autofree char *name = g_strconcat (_("Ballot results"), ".xlsx", NULL);

  choose_file (self, CHOOSE_RESULTS, _("Export the Ballot Results"), name);
}

/* ---- the page ---- */

gboolean
jp_documents_page_select (JpDocumentsPage     *self,
                          JpDocumentKind       kind,
                          JpDocumentScopeKind  scope,
                          gint64               id,
                          const char          *trade)
{
  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), FALSE);
  g_return_val_if_fail (kind < JP_DOCUMENT_N_KINDS, FALSE);

  adw_combo_row_set_selected (self->kind_row, kind);
  for (guint i = 0; i < self->scopes->len; i++)
    if (g_array_index (self->scopes, JpDocumentScopeKind, i) == scope)
      {
        adw_combo_row_set_selected (self->scope_row, i);
        if (scope == JP_DOCUMENT_SCOPE_ALL)
          return TRUE;
        for (guint k = 0; k < self->items->len; k++)
          {
            Item *item = g_ptr_array_index (self->items, k);

            if ((scope == JP_DOCUMENT_SCOPE_TRADE && trade != NULL)
                ? g_strcmp0 (item->trade, trade) == 0 : item->id == id)
              {
                adw_combo_row_set_selected (self->item_row, k);
                update_buttons (self);
                return TRUE;
              }
          }
        return FALSE;
      }
  return FALSE;
}

gboolean
jp_documents_page_is_busy (JpDocumentsPage *self)
{
  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

JpEvidenceDocument *
jp_documents_page_get_document (JpDocumentsPage *self)
{
  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), NULL);

  return self->document;
}

const char *
jp_documents_page_get_status (JpDocumentsPage *self)
{
  g_return_val_if_fail (JP_IS_DOCUMENTS_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
         ? gtk_label_get_text (self->status_label) : "";
}

static void
clear_document (JpDocumentsPage *self)
{
  jp_evidence_viewer_set_document (self->viewer, NULL);
  g_clear_object (&self->document);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  if (self->pdf_path != NULL)
    g_unlink (self->pdf_path);
  g_clear_pointer (&self->pdf_path, g_free);
  g_clear_pointer (&self->title, g_free);
  gtk_stack_set_visible_child_name (self->preview_stack, "empty");
}

void
jp_documents_page_set_store (JpDocumentsPage *self,
                             JpStore         *store)
{
  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  clear_document (self);
  g_set_object (&self->store, store);
  set_status (self, NULL, FALSE);
  fill_scopes (self);
}

void
jp_documents_page_reload (JpDocumentsPage *self)
{
  Item *item;
  gint64 id = 0;
  g_autofree char *trade = NULL;
  JpDocumentScopeKind scope = JP_DOCUMENT_SCOPE_ALL;

  g_return_if_fail (JP_IS_DOCUMENTS_PAGE (self));

  /* keep the choice when it is still there */
  selected_scope (self, &scope);
  item = selected_item (self);
  if (item != NULL)
    {
      id = item->id;
      trade = g_strdup (item->trade);
    }
  fill_items (self);
  if (item != NULL)
    jp_documents_page_select (self, selected_kind (self), scope, id, trade);
}

static void
jp_documents_page_dispose (GObject *object)
{
  JpDocumentsPage *self = JP_DOCUMENTS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  if (self->viewer != NULL)
    clear_document (self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_DOCUMENTS_PAGE);
  G_OBJECT_CLASS (jp_documents_page_parent_class)->dispose (object);
}

static void
jp_documents_page_finalize (GObject *object)
{
  JpDocumentsPage *self = JP_DOCUMENTS_PAGE (object);

  if (self->tmp_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (self->tmp_dir, 0, NULL);
      const char *name;

      /* a generation still running when the page went away leaves its file here too */
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (self->tmp_dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (self->tmp_dir);
    }
  g_free (self->tmp_dir);
  g_array_unref (self->scopes);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (jp_documents_page_parent_class)->finalize (object);
}

static void
jp_documents_page_class_init (JpDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_documents_page_dispose;
  object_class->finalize = jp_documents_page_finalize;

  g_type_ensure (JP_TYPE_EVIDENCE_VIEWER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, scope_row);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, item_row);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, generate_button);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, viewer);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage,
                                        export_candidates_button);
  gtk_widget_class_bind_template_child (widget_class, JpDocumentsPage, export_results_button);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_item_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_generate_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_candidates_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_results_button_clicked);
}

static void
jp_documents_page_init (JpDocumentsPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->scopes = g_array_new (FALSE, FALSE, sizeof (JpDocumentScopeKind));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int k = 0; k < JP_DOCUMENT_N_KINDS; k++)
    gtk_string_list_append (kinds, jp_document_kind_label (k));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->filling = FALSE;
  fill_scopes (self);
}

GtkWidget *
jp_documents_page_new (void)
{
  return g_object_new (JP_TYPE_DOCUMENTS_PAGE, NULL);
}
