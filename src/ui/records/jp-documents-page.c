/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "documents/jp-export.h"
#include "store/jp-store-rounds.h"
#include "ui/records/jp-documents-page-private.h"

static void
item_free (JpDocumentsItem *item)
{
  g_free (item->trade);
  g_free (item);
}

G_DEFINE_FINAL_TYPE (JpDocumentsPage, jp_documents_page, ADW_TYPE_BIN)

void
jp_documents_page_set_status (JpDocumentsPage *self,
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

static JpDocumentsItem *
selected_item (JpDocumentsPage *self)
{
  guint i = adw_combo_row_get_selected (self->item_row);

  return i < self->items->len ? g_ptr_array_index (self->items, i) : NULL;
}

static gboolean
is_defence_kind (JpDocumentKind kind)
{
  return kind == JP_DOCUMENT_SCORE_SHEETS || kind == JP_DOCUMENT_DEFENCE_SUMMARY;
}

static const char *
scope_label (JpDocumentKind kind, JpDocumentScopeKind scope)
{
  switch (scope)
    {
    case JP_DOCUMENT_SCOPE_CANDIDATE:
      return _("One candidate");
    case JP_DOCUMENT_SCOPE_TRADE:
      return _("One trade");
    case JP_DOCUMENT_SCOPE_ROUND:
      return is_defence_kind (kind) ? _("One defence session") : _("One round");
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
  if (is_defence_kind (kind))
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
          JpDocumentsItem *item = g_new0 (JpDocumentsItem, 1);
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
          JpDocumentsItem *item = g_new0 (JpDocumentsItem, 1);

          item->id = t->id;
          item->trade = g_strdup (t->code != NULL ? t->code : t->name);
          g_ptr_array_add (self->items, item);
          gtk_string_list_append (labels, t->name);
        }
    }
  else if (self->store != NULL && scope == JP_DOCUMENT_SCOPE_ROUND)
    {
      g_autoptr(GPtrArray) rounds = jp_store_list_rounds (self->store, NULL, &error);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item_row),
                                     is_defence_kind (kind) ? _("_Defence session")
                                                            : _("_Round"));
      for (guint i = 0; rounds != NULL && i < rounds->len; i++)
        {
          JpRound *r = g_ptr_array_index (rounds, i);
          JpDocumentsItem *item;
          g_autofree char *label = NULL;

          if (!kind_takes_round (kind, r->kind))
            continue;
          item = g_new0 (JpDocumentsItem, 1);
          item->id = r->id;
          /* TRANSLATORS: a round in a list: trade, round number, state ("稀土 第 1 轮（已结束）") */
          if (r->kind == JP_ROUND_KIND_DEFENCE)
            /* a defence session under the title 答辩场次: its trade and state ("稀土（进行中）") */
            label = g_strdup_printf (_("%s (%s)"), r->trade_name,
                                     jp_round_state_label (r->state));
          else
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
    jp_documents_page_set_status (self, error->message, TRUE);
  else if (scope != JP_DOCUMENT_SCOPE_ALL && self->items->len == 0)
    jp_documents_page_set_status (self, scope == JP_DOCUMENT_SCOPE_ROUND
                      ? (is_defence_kind (kind)
                         ? _("There is no defence session yet: open one on the defence page "
                             "once the trade's ballot rounds are closed.")
                         : _("There is no round for this document yet."))
                      : _("There is nothing to choose from yet."), FALSE);
  else
    jp_documents_page_set_status (self, NULL, FALSE);
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
        gtk_string_list_append (labels, scope_label (kind, order[i]));
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
      jp_documents_page_set_status (self, error->message, TRUE);
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
            jp_documents_page_set_status (self, _("Cancelled: nothing was made."), FALSE);
          else
            jp_documents_page_set_status (self, error->message, TRUE);
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
      jp_documents_page_set_status (self, status->str, FALSE);
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
  JpDocumentsItem *item = NULL;
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
          jp_documents_page_set_status (self, error->message, TRUE);
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
  jp_documents_page_set_status (self, NULL, FALSE);
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
  jp_documents_page_set_status (self, _("Cancelled: nothing was made."), FALSE);
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
            JpDocumentsItem *item = g_ptr_array_index (self->items, k);

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
  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_set_object (&self->store, store);
  /* rounds closed, candidates changed, the ranking sealed: the list of documents follows */
  if (store != NULL)
    {
      static const char * const watched[] = {
        "candidates", "reviews", "settings", "trades", "rounds", "defence", "ranking",
        "publicity", NULL,
      };

      self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                        (JpStoreWatchFunc) jp_documents_page_reload);
    }
  jp_documents_page_set_status (self, NULL, FALSE);
  fill_scopes (self);
}

void
jp_documents_page_reload (JpDocumentsPage *self)
{
  JpDocumentsItem *item;
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
  g_clear_pointer (&self->watch, jp_store_watch_free);
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
  jp_documents_page_output_class_init (widget_class);
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
