/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/setup/jp-setup-private.h"
#include "ui/app/jp-ui-error.h"

typedef enum {
  COL_NAME, COL_CODE, COL_PRIORITY, COL_QUALIFIED, COL_AUTOMATIC, COL_SEATS, COL_DELETE, N_COLS
} Column;

struct _JpTradesPage
{
  AdwBin         parent_instance;

  GtkEntry      *new_name_entry;
  GtkEntry      *new_code_entry;
  GtkLabel      *sum_label;
  GtkButton     *freeze_button;
  GtkLabel      *message;
  GtkColumnView *column_view;
  GtkLabel      *notes_label;
  GtkLabel      *frozen_label;
  GtkBox        *codes_box;

  JpStore       *store;
  JpStoreWatch  *watch;         /* JpStore::changed: trades, candidates, settings */
  GListStore    *rows;          /* JpSetupItem of JpSeatRow, the column view's model */
  guint          reload_id;
  gboolean       rebind_all;    /* a cell's edit was refused: every cell shows the store again */
};

G_DEFINE_FINAL_TYPE (JpTradesPage, jp_trades_page, ADW_TYPE_BIN)

static void
seat_row_free (gpointer data)
{
  JpSeatRow *row = data;

  g_free (row->code);
  g_free (row->name);
  g_free (row);
}

static gboolean
reload_idle (gpointer data)
{
  JpTradesPage *self = data;

  self->reload_id = 0;
  jp_trades_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* A cell widget may not be rebuilt under its own signal: reload once the signal is done. */
static void
queue_reload (JpTradesPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle, g_object_ref (self),
                                       g_object_unref);
}

/* ---- JpTradeCell: one cell of the column view, knowing its page, list item and column ---- */

struct _JpTradeCell
{
  AdwBin        parent_instance;

  JpTradesPage *page;       /* unowned: the page owns the column view holding the cell */
  GtkListItem  *item;       /* unowned: the list item owns the cell */
  Column        column;
  gboolean      binding;    /* set while bind_cell fills the controls */
  GtkWidget    *control;    /* the label, entry, switch, spin button or button */
  GtkWidget    *edited;     /* seats column: the "edited" badge */
  GtkWidget    *reset;      /* seats column: back to the automatic number */
};

G_DEFINE_FINAL_TYPE (JpTradeCell, jp_trade_cell, ADW_TYPE_BIN)

static void
jp_trade_cell_class_init (JpTradeCellClass *klass)
{
}

static void
jp_trade_cell_init (JpTradeCell *self)
{
}

JpSeatRow *
jp_trade_cell_get_row (JpTradeCell *self)
{
  gpointer obj;

  g_return_val_if_fail (JP_IS_TRADE_CELL (self), NULL);
  obj = self->item != NULL ? gtk_list_item_get_item (self->item) : NULL;
  return obj != NULL ? jp_setup_item_get (obj) : NULL;
}

GtkWidget *
jp_trade_cell_get_control (JpTradeCell *self)
{
  g_return_val_if_fail (JP_IS_TRADE_CELL (self), NULL);
  return self->control;
}

static void
report (JpTradesPage *self,
        gboolean      ok,
        GError       *error)
{
  jp_setup_show_message (self->message, ok ? NULL : error->message);
  /* refused: the cell still shows what was typed, though its row did not change */
  self->rebind_all = self->rebind_all || !ok;
  queue_reload (self);
}

static void
update_trade (JpTradeCell *cell,
              const char  *code,
              gboolean     priority)
{
  JpTradesPage *self = cell->page;
  JpSeatRow *row = jp_trade_cell_get_row (cell);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (row == NULL || self->store == NULL || cell->binding)
    return;
  if (g_strcmp0 (code, row->code) == 0 && priority == row->priority)
    return;
  ok = jp_store_update_trade (self->store, row->trade_id, code, row->name, priority,
                              JP_SETUP_ACTOR, &error);
  report (self, ok, error);
}

static void
on_code_activate (JpTradeCell *cell)
{
  JpSeatRow *row = jp_trade_cell_get_row (cell);
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (cell->control))));

  if (row != NULL)
    update_trade (cell, *code != '\0' ? code : NULL, row->priority);
}

static void
on_priority_changed (JpTradeCell *cell)
{
  JpSeatRow *row = jp_trade_cell_get_row (cell);

  if (row != NULL)
    update_trade (cell, row->code, gtk_switch_get_active (GTK_SWITCH (cell->control)));
}

static void
on_seats_changed (JpTradeCell *cell)
{
  JpSeatRow *row = jp_trade_cell_get_row (cell);

  if (row != NULL && !cell->binding)
    jp_trades_page_set_seats (cell->page, row->trade_id,
                              gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (cell->control)));
}

static void
on_reset_clicked (JpTradeCell *cell)
{
  JpSeatRow *row = jp_trade_cell_get_row (cell);

  if (row != NULL)
    jp_trades_page_set_seats (cell->page, row->trade_id, -1);
}

static void
on_delete_clicked (JpTradeCell *cell)
{
  JpTradesPage *self = cell->page;
  JpSeatRow *row = jp_trade_cell_get_row (cell);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (row == NULL || self->store == NULL)
    return;
  ok = jp_store_delete_trade (self->store, row->trade_id, JP_SETUP_ACTOR, &error);
  report (self, ok, error);
}

/* What a column's factory knows. */
typedef struct {
  JpTradesPage *page;
  Column        column;
} ColumnInfo;

static void
column_info_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnInfo               *info)
{
  JpTradeCell *cell = g_object_new (JP_TYPE_TRADE_CELL, NULL);
  Column column = info->column;
  GtkWidget *widget = NULL;

  cell->page = info->page;
  cell->item = item;
  cell->column = column;
  switch (column)
    {
    case COL_NAME:
    case COL_QUALIFIED:
    case COL_AUTOMATIC:
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), column == COL_NAME ? 0 : 1);
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      if (column != COL_NAME)
        gtk_widget_add_css_class (widget, "numeric");
      cell->control = widget;
      break;
    case COL_CODE:
      widget = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), 6);
      gtk_widget_set_tooltip_text (widget, _("Upper-case letters and digits, 1 to 6 characters; "
                                             "press Enter to save"));
      g_signal_connect_swapped (widget, "activate", G_CALLBACK (on_code_activate), cell);
      cell->control = widget;
      break;
    case COL_PRIORITY:
      widget = gtk_switch_new ();
      gtk_widget_set_halign (widget, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (widget, "notify::active", G_CALLBACK (on_priority_changed), cell);
      cell->control = widget;
      break;
    case COL_SEATS:
      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      cell->control = gtk_spin_button_new_with_range (0, 999, 1);
      cell->edited = gtk_label_new (_("edited"));
      cell->reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      gtk_widget_add_css_class (cell->edited, "warning");
      gtk_widget_add_css_class (cell->edited, "caption");
      gtk_widget_add_css_class (cell->reset, "flat");
      gtk_widget_set_tooltip_text (cell->reset, _("Return to the automatic number of seats"));
      gtk_box_append (GTK_BOX (widget), cell->control);
      gtk_box_append (GTK_BOX (widget), cell->edited);
      gtk_box_append (GTK_BOX (widget), cell->reset);
      g_signal_connect_swapped (cell->control, "value-changed", G_CALLBACK (on_seats_changed),
                                cell);
      g_signal_connect_swapped (cell->reset, "clicked", G_CALLBACK (on_reset_clicked), cell);
      break;
    case COL_DELETE:
    default:
      widget = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (widget, "flat");
      gtk_widget_set_tooltip_text (widget, _("Delete this trade (only a trade without "
                                             "candidates can be deleted)"));
      g_signal_connect_swapped (widget, "clicked", G_CALLBACK (on_delete_clicked), cell);
      cell->control = widget;
      break;
    }
  adw_bin_set_child (ADW_BIN (cell), widget);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  JpSeatRow *row = jp_setup_item_get (gtk_list_item_get_item (item));
  JpTradeCell *cell = JP_TRADE_CELL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  cell->binding = TRUE;
  switch (cell->column)
    {
    case COL_NAME:
      gtk_label_set_text (GTK_LABEL (cell->control), row->name);
      break;
    case COL_QUALIFIED:
    case COL_AUTOMATIC:
      text = g_strdup_printf ("%d", cell->column == COL_QUALIFIED ? row->qualified
                                                                  : row->automatic);
      gtk_label_set_text (GTK_LABEL (cell->control), text);
      break;
    case COL_CODE:
      gtk_editable_set_text (GTK_EDITABLE (cell->control), row->code != NULL ? row->code : "");
      break;
    case COL_PRIORITY:
      gtk_switch_set_active (GTK_SWITCH (cell->control), row->priority);
      break;
    case COL_SEATS:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (cell->control), row->seats);
      gtk_widget_set_visible (cell->edited, row->edited);
      gtk_widget_set_visible (cell->reset, row->edited);
      break;
    case COL_DELETE:
    default:
      break;
    }
  cell->binding = FALSE;
}

static void
add_column (JpTradesPage *self,
            Column        column,
            const char   *title,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  /* the factory lives in the page's column view, so no longer than the page */
  info->page = self;
  info->column = column;
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), info, column_info_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), info);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->column_view, col);
}

static int
compare_code (gconstpointer a,
              gconstpointer b)
{
  const JpCandidate *ca = *(JpCandidate * const *) a;
  const JpCandidate *cb = *(JpCandidate * const *) b;

  return g_strcmp0 (ca->code, cb->code);
}

static void
show_codes (JpTradesPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GHashTable) by_trade = NULL;
  g_autoptr(GList) trades = NULL;
  GtkWidget *child;
  gint64 frozen_at = 0;
  gboolean frozen = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box))) != NULL)
    gtk_box_remove (self->codes_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->frozen_label), FALSE);
  if (self->store == NULL)
    return;
  if (!jp_store_is_frozen (self->store, &frozen, &store_error))
    {
      jp_setup_show_message (self->message, store_error->message);
      return;
    }
  if (!frozen)
    return;

  /* the store keeps the freeze time only in its audit row */
  audit = jp_store_list_audit (self->store, &store_error);
  if (audit == NULL && store_error != NULL)
    {
      jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
      g_clear_error (&store_error);
    }
  for (guint i = 0; audit != NULL && i < audit->len; i++)
    {
      JpAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_strcmp0 (e->action, "candidates.freeze") == 0)
        frozen_at = e->at;
    }
  if (frozen_at > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (frozen_at);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autofree char *text = g_strdup_printf (_("Candidate list frozen on %s. The anonymous "
                                                 "codes below are final; keep this list "
                                                 "within the secretariat."), stamp);

      gtk_label_set_text (self->frozen_label, text);
    }
  else
    gtk_label_set_text (self->frozen_label, _("Candidate list frozen. The anonymous codes "
                                              "below are final; keep this list within the "
                                              "secretariat."));
  gtk_widget_set_visible (GTK_WIDGET (self->frozen_label), TRUE);

  by_trade = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  candidates = jp_store_list_candidates (self->store, &store_error);
  if (candidates == NULL && store_error != NULL)
    {
      jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
      g_clear_error (&store_error);
    }
  for (guint i = 0; candidates != NULL && i < g_list_model_get_n_items (candidates); i++)
    {
      JpCandidate *c = g_list_model_get_item (candidates, i);
      GPtrArray *list;

      if (c->code == NULL)
        {
          g_object_unref (c);
          continue;
        }
      list = g_hash_table_lookup (by_trade, c->trade != NULL ? c->trade : "");
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_trade, g_strdup (c->trade != NULL ? c->trade : ""), list);
        }
      g_ptr_array_add (list, c);
    }
  trades = g_list_sort (g_hash_table_get_keys (by_trade), (GCompareFunc) g_strcmp0);
  for (GList *l = trades; l != NULL; l = l->next)
    {
      GPtrArray *list = g_hash_table_lookup (by_trade, l->data);
      GtkWidget *grid = gtk_grid_new ();
      g_autofree char *title = NULL;
      GtkWidget *expander;

      g_ptr_array_sort (list, compare_code);
      title = g_strdup_printf (ngettext ("%s: %u code", "%s: %u codes", list->len),
                               (const char *) l->data, list->len);
      expander = gtk_expander_new (title);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
      gtk_widget_set_margin_start (grid, 24);
      gtk_widget_set_margin_top (grid, 6);
      for (guint i = 0; i < list->len; i++)
        {
          JpCandidate *c = g_ptr_array_index (list, i);
          GtkWidget *code = gtk_label_new (c->code);
          GtkWidget *name = gtk_label_new (c->name);

          gtk_label_set_xalign (GTK_LABEL (code), 0);
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_widget_add_css_class (code, "monospace");
          gtk_grid_attach (GTK_GRID (grid), code, 0, (int) i, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), name, 1, (int) i, 1, 1);
        }
      gtk_expander_set_child (GTK_EXPANDER (expander), grid);
      gtk_box_append (self->codes_box, expander);
    }
}

static gboolean
seat_row_equal (const JpSeatRow *a,
                const JpSeatRow *b)
{
  return a->trade_id == b->trade_id && g_strcmp0 (a->code, b->code) == 0
         && g_strcmp0 (a->name, b->name) == 0 && a->priority == b->priority
         && a->qualified == b->qualified && a->automatic == b->automatic
         && a->seats == b->seats && a->edited == b->edited;
}

/* Brings the column view's rows to `plan` in place: a row that did not change keeps its cell
 * widgets (and so the focus, a code being typed, the scroll position); only the rows that
 * differ are replaced, or all of them after a refused edit (self->rebind_all). */
static void
update_rows (JpTradesPage *self,
             JpSeatPlan   *plan)
{
  guint n_new = plan != NULL && plan->rows != NULL ? plan->rows->len : 0;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n_new; i++)
    {
      const JpSeatRow *r = g_ptr_array_index (plan->rows, i);
      g_autoptr(JpSetupItem) old = i < n_old ? g_list_model_get_item (G_LIST_MODEL (self->rows), i)
                                             : NULL;
      g_autoptr(JpSetupItem) item = NULL;
      JpSeatRow *copy;

      if (old != NULL && !self->rebind_all && seat_row_equal (jp_setup_item_get (old), r))
        continue;
      copy = g_memdup2 (r, sizeof *r);
      copy->code = g_strdup (r->code);
      copy->name = g_strdup (r->name);
      item = jp_setup_item_new (copy, seat_row_free);
      g_list_store_splice (self->rows, i, old != NULL ? 1 : 0, (gpointer *) &item, 1);
    }
  if (n_old > n_new)
    g_list_store_splice (self->rows, n_new, n_old - n_new, NULL, 0);
  self->rebind_all = FALSE;
}

void
jp_trades_page_reload (JpTradesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *sum = NULL;
  g_autoptr(GError) store_error = NULL;
  gboolean frozen;

  g_return_if_fail (JP_IS_TRADES_PAGE (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    {
      plan = jp_store_get_seat_plan (self->store, &error);
      if (plan == NULL)
        jp_setup_show_message (self->message, error->message);
    }
  update_rows (self, plan);

  if (plan != NULL)
    {
      /* TRANSLATORS: the seats allocated against the number the quota and ratio give */
      sum = g_strdup_printf (_("Total %d / target %d"), plan->sum, plan->target);
      gtk_label_set_text (self->sum_label, sum);
      if (plan->sum != plan->target)
        gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), "error");
      for (guint i = 0; plan->findings != NULL && i < plan->findings->len; i++)
        {
          const JpFinding *f = g_ptr_array_index (plan->findings, i);

          g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n" : "", f->message);
        }
    }
  else
    gtk_label_set_text (self->sum_label, "");
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);

  frozen = FALSE;
  if (self->store != NULL && !jp_store_is_frozen (self->store, &frozen, &store_error))
    jp_setup_show_message (self->message, store_error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->freeze_button), self->store != NULL && !frozen);
  show_codes (self);
  jp_store_watch_done (self->watch);
}

void
jp_trades_page_set_seats (JpTradesPage *self,
                          gint64        trade_id,
                          int           seats)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_if_fail (JP_IS_TRADES_PAGE (self));

  if (self->store == NULL)
    return;
  ok = jp_store_set_trade_seats (self->store, trade_id, seats, JP_SETUP_ACTOR, &error);
  report (self, ok, error);
}

static void
trades_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  JpTradesPage *self = JP_TRADES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  if (self->store == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_entry))));
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_code_entry))));
  if (*name == '\0')
    {
      jp_setup_show_message (self->message, _("Type the name of the new trade first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_name_entry));
      return;
    }
  if (jp_store_add_trade (self->store, *code != '\0' ? code : NULL, name, FALSE, JP_SETUP_ACTOR,
                          &error) <= 0)
    {
      jp_setup_show_message (self->message, error != NULL ? error->message
                             : _("The trade could not be added."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_code_entry), "");
  jp_setup_show_message (self->message, NULL);
  jp_trades_page_reload (self);
}

static void
on_new_entry_activate (JpTradesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "trades.add", NULL);
}

void
jp_trades_page_freeze_confirmed (JpTradesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_return_if_fail (JP_IS_TRADES_PAGE (self));

  if (self->store == NULL)
    return;
  codes = jp_store_freeze (self->store, JP_SETUP_ACTOR, &error);
  jp_setup_show_message (self->message, codes == NULL ? error->message : NULL);
  jp_trades_page_reload (self);
}

static void
on_freeze_response (AdwMessageDialog *dialog,
                    const char       *response,
                    JpTradesPage     *self)
{
  if (g_str_equal (response, "freeze"))
    jp_trades_page_freeze_confirmed (self);
}

static void
trades_freeze (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JpTradesPage *self = JP_TRADES_PAGE (widget);
  g_autoptr(JpReviewProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  /* check first, then confirm: a list that cannot be frozen yet is not offered */
  progress = jp_store_get_review_progress (self->store, &error);
  if (progress == NULL)
    {
      jp_setup_show_message (self->message, error->message);
      return;
    }
  if (progress->pending > 0)
    {
      g_autofree char *text = g_strdup_printf (
        ngettext ("%u candidate is still pending review. Qualify or return every candidate "
                  "in the qualification review, then freeze the candidate list.",
                  "%u candidates are still pending review. Qualify or return every candidate "
                  "in the qualification review, then freeze the candidate list.",
                  progress->pending),
        progress->pending);

      jp_setup_show_message (self->message, text);
      return;
    }
  jp_setup_show_message (self->message, NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Freeze the Candidate List?"),
                                   _("The qualified candidates of each trade will be given "
                                     "anonymous codes in an order drawn at random, and the draw "
                                     "is recorded in the audit log. Once frozen, the codes never "
                                     "change and no candidate can be added, qualified or "
                                     "returned. Freeze only when the qualification review is "
                                     "complete."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "freeze", _("_Freeze and Draw Codes"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "freeze",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_freeze_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jp_trades_page_dispose (GObject *object)
{
  JpTradesPage *self = JP_TRADES_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_TRADES_PAGE);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jp_trades_page_parent_class)->dispose (object);
}

static void
jp_trades_page_class_init (JpTradesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_trades_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-trades-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, new_name_entry);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, new_code_entry);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, sum_label);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, freeze_button);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, message);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, frozen_label);
  gtk_widget_class_bind_template_child (widget_class, JpTradesPage, codes_box);
  gtk_widget_class_bind_template_callback (widget_class, on_new_entry_activate);

  gtk_widget_class_install_action (widget_class, "trades.add", NULL, trades_add);
  gtk_widget_class_install_action (widget_class, "trades.freeze", NULL, trades_freeze);
}

static void
jp_trades_page_init (JpTradesPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_list_store_new (JP_TYPE_SETUP_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, COL_NAME, _("Trade"), TRUE);
  add_column (self, COL_CODE, _("Code"), FALSE);
  add_column (self, COL_PRIORITY, _("Priority"), FALSE);
  add_column (self, COL_QUALIFIED, _("Qualified"), FALSE);
  add_column (self, COL_AUTOMATIC, _("Automatic Seats"), FALSE);
  add_column (self, COL_SEATS, _("Seats"), FALSE);
  add_column (self, COL_DELETE, "", FALSE);
}

void
jp_trades_page_set_store (JpTradesPage *self,
                          JpStore      *store)
{
  static const char * const watched[] = { "trades", "candidates", "settings", NULL };

  g_return_if_fail (JP_IS_TRADES_PAGE (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                      (JpStoreWatchFunc) jp_trades_page_reload);
  jp_setup_show_message (self->message, NULL);
  jp_trades_page_reload (self);
}

GtkColumnView *
jp_trades_page_get_column_view (JpTradesPage *self)
{
  return self->column_view;
}

GtkLabel *
jp_trades_page_get_sum_label (JpTradesPage *self)
{
  return self->sum_label;
}

GtkButton *
jp_trades_page_get_freeze_button (JpTradesPage *self)
{
  return self->freeze_button;
}

GtkLabel *
jp_trades_page_get_message (JpTradesPage *self)
{
  return self->message;
}

GtkWidget *
jp_trades_page_get_codes_box (JpTradesPage *self)
{
  return GTK_WIDGET (self->codes_box);
}
