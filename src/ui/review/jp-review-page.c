/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ui/app/jp-operator.h"
#include "ui/review/jp-review-page-private.h"

typedef enum {
  COL_NAME,
  COL_TRADE,
  COL_UNIT,
  COL_DECISION,
  COL_DECIDED_BY,
  COL_DECIDED_AT,
  N_COLS
} Column;

G_DEFINE_FINAL_TYPE (JpReviewPage, jp_review_page, GTK_TYPE_WIDGET)

void
jp_review_page_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

char *
jp_review_page_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (unix_time);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

void
jp_review_page_show_message (JpReviewPage *self,
                             const char   *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- the table ---- */

static JpReview *
review_of (JpReviewPage *self,
           JpCandidate  *c)
{
  return self->reviews != NULL ? g_hash_table_lookup (self->reviews, &c->id) : NULL;
}

/* What a column's factory knows. */
typedef struct {
  JpReviewPage *page;     /* unowned: the page owns the column view holding the factory */
  Column        column;
} ColumnInfo;

static void
column_info_free (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  JpReviewPage *self = info->page;
  JpCandidate *c = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  Column column = info->column;
  JpReview *review = review_of (self, c);
  g_autofree char *when = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  switch (column)
    {
    case COL_NAME:
      gtk_label_set_text (label, c->name != NULL ? c->name : "");
      break;
    case COL_TRADE:
      gtk_label_set_text (label, c->trade != NULL ? c->trade : "");
      break;
    case COL_UNIT:
      gtk_label_set_text (label, c->unit != NULL ? c->unit : "");
      break;
    case COL_DECISION:
      gtk_label_set_text (label, jp_status_label (c->status));
      if (c->status == JP_STATUS_QUALIFIED)
        gtk_widget_add_css_class (GTK_WIDGET (label), "success");
      else if (c->status == JP_STATUS_RETURNED)
        gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      break;
    case COL_DECIDED_BY:
      gtk_label_set_text (label, review != NULL && review->decided_by != NULL
                                 ? review->decided_by : "");
      break;
    case COL_DECIDED_AT:
    case N_COLS:
    default:
      when = jp_review_page_format_time (review != NULL ? review->decided_at : 0);
      gtk_label_set_text (label, when);
      break;
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
add_column (JpReviewPage *self,
            Column        column,
            const char   *title,
            int           width)   /* fixed width in pixels, or -1 to take the free space */
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  info->page = self;
  info->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), info, column_info_free, 0);
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  else
    gtk_column_view_column_set_expand (col, TRUE);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->column_view, col);
}

static gboolean
candidate_visible (gpointer item,
                   gpointer user_data)
{
  JpReviewPage *self = user_data;
  JpCandidate *c = item;
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint trade = gtk_drop_down_get_selected (self->trade_dropdown);

  /* state positions: 0 all, then JpCandidateStatus + 1 */
  if (state != 0 && state != GTK_INVALID_LIST_POSITION && (guint) c->status + 1 != state)
    return FALSE;
  if (trade != 0 && trade != GTK_INVALID_LIST_POSITION
      && g_strcmp0 (c->trade, gtk_string_list_get_string (self->trades, trade)) != 0)
    return FALSE;
  return TRUE;
}

static void
on_filter_changed (JpReviewPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- progress ---- */

static void
update_progress (JpReviewPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JpReviewProgress) progress = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trade_grid))) != NULL)
    gtk_grid_remove (self->trade_grid, child);
  progress = self->store != NULL ? jp_store_get_review_progress (self->store, &store_error)
                                 : NULL;
  if (progress == NULL && store_error != NULL)
    {
      jp_review_page_show_message (self, store_error->message);
      g_clear_error (&store_error);
    }
  if (progress == NULL)
    {
      gtk_label_set_text (self->progress_label, "");
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      return;
    }

  /* TRANSLATORS: "Reviewed 12 of 20 · 10 qualified · 2 returned" */
  text = g_strdup_printf (_("Reviewed %u of %u · %u qualified · %u returned"),
                          progress->reviewed, progress->total, progress->qualified,
                          progress->returned);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, progress->total > 0
                                 ? (double) progress->reviewed / progress->total : 0);

  for (guint i = 0; progress->trades != NULL && i < progress->trades->len; i++)
    {
      JpReviewTradeProgress *t = g_ptr_array_index (progress->trades, i);
      guint reviewed = t->qualified + t->returned;
      GtkWidget *name = gtk_label_new (*t->trade != '\0' ? t->trade : _("(no trade)"));
      GtkWidget *bar = gtk_progress_bar_new ();
      g_autofree char *count = g_strdup_printf (_("%u / %u"), reviewed, t->total);
      GtkWidget *count_label = gtk_label_new (count);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (count_label), 1);
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 120, -1);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar),
                                     t->total > 0 ? (double) reviewed / t->total : 0);
      gtk_grid_attach (self->trade_grid, name, 0, (int) i, 1, 1);
      gtk_grid_attach (self->trade_grid, bar, 1, (int) i, 1, 1);
      gtk_grid_attach (self->trade_grid, count_label, 2, (int) i, 1, 1);
    }
}

/* ---- loading from the store ---- */

static void
reload_reviews (JpReviewPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;

  g_hash_table_remove_all (self->reviews);
  reviews = self->store != NULL ? jp_store_list_reviews (self->store, &store_error) : NULL;
  if (reviews == NULL && store_error != NULL)
    {
      jp_review_page_show_message (self, store_error->message);
      g_clear_error (&store_error);
    }
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      JpReview *r = g_ptr_array_index (reviews, i);

      g_hash_table_insert (self->reviews, g_memdup2 (&r->candidate_id, sizeof (gint64)),
                           jp_review_copy (r));
    }
}

static void
select_candidate_id (JpReviewPage *self,
                     gint64        id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (c->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

void
jp_review_page_reload (JpReviewPage *self)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) frozen_error = NULL;
  gint64 keep = self->candidate != NULL ? self->candidate->id : 0;
  gboolean frozen = FALSE;

  g_return_if_fail (JP_IS_REVIEW_PAGE (self));

  reload_reviews (self);
  if (self->store != NULL)
    {
      candidates = jp_store_list_candidates (self->store, &error);
      if (candidates == NULL)
        jp_review_page_show_message (self, error->message);
      trades = jp_store_list_trades (self->store, &store_error);
      if (trades == NULL && store_error != NULL)
        {
          jp_review_page_show_message (self, store_error->message);
          g_clear_error (&store_error);
        }
    }
  g_ptr_array_add (names, (gpointer) _("All trades"));
  for (guint i = 0; trades != NULL && i < trades->len; i++)
    g_ptr_array_add (names, ((JpTrade *) g_ptr_array_index (trades, i))->name);
  g_ptr_array_add (names, NULL);
  self->loading = TRUE;
  gtk_string_list_splice (self->trades, 0, g_list_model_get_n_items (G_LIST_MODEL (self->trades)),
                          (const char * const *) names->pdata);
  self->loading = FALSE;

  gtk_filter_list_model_set_model (self->filter_model, candidates != NULL
                                   ? candidates : G_LIST_MODEL (self->empty));
  if (self->store != NULL && !jp_store_is_frozen (self->store, &frozen, &frozen_error))
    jp_review_page_show_message (self, frozen_error->message);
  gtk_revealer_set_reveal_child (self->frozen_revealer, frozen);
  update_progress (self);
  if (keep != 0)
    select_candidate_id (self, keep);
  jp_review_page_load_selected (self);
}

void
jp_review_page_set_store (JpReviewPage *self,
                          JpStore      *store)
{
  /* decisions, candidates and trades written anywhere (this page, the candidate list's
   * dossier, an import) show here */
  static const char * const watched[] = { "candidates", "reviews", "trades", NULL };

  g_return_if_fail (JP_IS_REVIEW_PAGE (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                      (JpStoreWatchFunc) jp_review_page_reload);
  g_clear_object (&self->candidate);
  jp_dossier_view_set_store (self->dossier_view, store);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_drop_down_set_selected (self->trade_dropdown, 0);
  jp_review_page_reload (self);
  gtk_single_selection_set_selected (self->selection, 0);
}

/* The walk opens with the focus on the first criterion: otherwise the window's first
 * focusable widget, the dossier's selectable name heading, takes it and shows selected. */
static void
focus_walk (JpReviewPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->candidate != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->criterion_checks[1]));
}

gboolean
jp_review_page_show_candidate (JpReviewPage *self,
                               gint64        candidate_id)
{
  g_return_val_if_fail (JP_IS_REVIEW_PAGE (self), FALSE);

  select_candidate_id (self, candidate_id);
  gtk_stack_set_visible_child_name (self->mode_stack, "walk");
  focus_walk (self);
  return self->candidate != NULL && self->candidate->id == candidate_id;
}

/* ---- actions ---- */

gboolean
jp_review_page_save (JpReviewPage *self)
{
  g_autoptr(JpReview) review = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (JP_IS_REVIEW_PAGE (self), FALSE);

  if (self->candidate == NULL || self->store == NULL)
    return FALSE;
  review = jp_review_page_form_review (self);
  if (!jp_store_save_review (self->store, review, jp_operator_get_actor (), &warnings, &error))
    {
      jp_review_page_show_message (self, error->message);
      gtk_label_set_text (self->save_hint, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->last_message, g_free);
  done = g_strdup_printf (_("Saved: %s is %s."), self->candidate->name,
                          jp_review_decision_label (review->decision));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
  /* at once, not at the reload JpStore::changed queued: "save and next" steps on what was
   * just decided (the other pages follow the signal) */
  jp_store_watch_done (self->watch);
  jp_review_page_reload (self);
  return TRUE;
}

static void
step (JpReviewPage *self,
      int           delta,
      gboolean      pending_only)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint at = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;
  gtk_stack_set_visible_child_name (self->mode_stack, "walk");
  if (at == GTK_INVALID_LIST_POSITION)
    at = 0;
  for (guint k = 1; k <= n; k++)
    {
      guint i = (guint) (((gint64) at + delta * (gint64) k + (gint64) n * k) % n);
      g_autoptr(JpCandidate) c = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (!pending_only && ((delta < 0 && i > at) || (delta > 0 && i < at)))
        return;   /* plain previous/next stop at the ends */
      if (!pending_only || c->status == JP_STATUS_SUBMITTED)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Every candidate shown has been reviewed.")));
}

/* Saves, then moves on to the candidate after the saved one in the walk (the one that took
 * its place when the saved candidate left the filtered list). */
gboolean
jp_review_page_save_and_next (JpReviewPage *self)
{
  guint at;
  gint64 saved;
  guint n;

  g_return_val_if_fail (JP_IS_REVIEW_PAGE (self), FALSE);

  at = gtk_single_selection_get_selected (self->selection);
  saved = self->candidate != NULL ? self->candidate->id : 0;
  if (!jp_review_page_save (self))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (self->candidate != NULL && self->candidate->id == saved)
    {
      if (at != GTK_INVALID_LIST_POSITION && at + 1 < n)
        gtk_single_selection_set_selected (self->selection, at + 1);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("That was the last candidate shown.")));
    }
  else if (n > 0 && at != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, MIN (at, n - 1));
  return TRUE;
}

static void
jp_review_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JpReviewPage *self = JP_REVIEW_PAGE (widget);

  if (g_str_equal (action_name, "review.previous"))
    step (self, -1, FALSE);
  else if (g_str_equal (action_name, "review.next"))
    step (self, 1, FALSE);
  else if (g_str_equal (action_name, "review.next-pending"))
    step (self, 1, TRUE);
  else if (g_str_equal (action_name, "review.save"))
    jp_review_page_save (self);
  else if (g_str_equal (action_name, "review.save-next"))
    jp_review_page_save_and_next (self);
}

static void
on_column_view_activate (JpReviewPage *self,
                         guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_stack_set_visible_child_name (self->mode_stack, "walk");
  focus_walk (self);
}

/* ---- GObject ---- */

static void
jp_review_page_dispose (GObject *object)
{
  JpReviewPage *self = JP_REVIEW_PAGE (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_REVIEW_PAGE);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->empty);
  g_clear_object (&self->trades);
  g_clear_object (&self->candidate);
  g_clear_pointer (&self->reviews, g_hash_table_unref);
  g_clear_pointer (&self->last_message, g_free);
  for (int n = 0; n <= JP_N_CRITERIA; n++)
    g_clear_pointer (&self->evidence_checks[n], g_ptr_array_unref);

  G_OBJECT_CLASS (jp_review_page_parent_class)->dispose (object);
}

static void
jp_review_page_class_init (JpReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_review_page_dispose;

  g_type_ensure (JP_TYPE_DOSSIER_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, frozen_revealer);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, frozen_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, trade_grid);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, trade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, walk_stack);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, dossier_view);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, criteria_list);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, exclusions_list);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, qualified_check);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, returned_check);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, save_hint);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, save_next_button);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, decided_label);
  gtk_widget_class_bind_template_child (widget_class, JpReviewPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_form_changed",
                                                G_CALLBACK (jp_review_page_on_form_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "review.previous", NULL, jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.next-pending", NULL,
                                   jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, jp_review_page_action);
  gtk_widget_class_install_action (widget_class, "review.save-next", NULL,
                                   jp_review_page_action);

  /* the page's own keys: they only make sense while it has the focus */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.save-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "review.save-next", NULL);
}

static void
jp_review_page_init (JpReviewPage *self)
{
  static const char *states[] = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GtkStringList) state_list = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  states[0] = _("All states");
  states[1] = jp_status_label (JP_STATUS_SUBMITTED);
  states[2] = jp_status_label (JP_STATUS_QUALIFIED);
  states[3] = jp_status_label (JP_STATUS_RETURNED);
  state_list = gtk_string_list_new (states);
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (state_list));
  self->trades = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->trade_dropdown, G_LIST_MODEL (self->trades));
  self->reviews = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) jp_review_free);

  add_column (self, COL_NAME, _("Name"), 120);
  add_column (self, COL_TRADE, _("Trade"), 130);
  add_column (self, COL_UNIT, _("Nominating Unit"), -1);
  add_column (self, COL_DECISION, _("Decision"), 90);
  add_column (self, COL_DECIDED_BY, _("Decided By"), 140);
  add_column (self, COL_DECIDED_AT, _("When"), 150);

  self->empty = g_list_store_new (JP_TYPE_CANDIDATE);
  self->filter = gtk_custom_filter_new (candidate_visible, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->empty)),
                                                  GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (jp_review_page_load_selected),
                           self, G_CONNECT_SWAPPED);

  jp_review_page_build_criteria (self);
  jp_review_page_build_exclusions (self);
  self->evidence_checks[0] = g_ptr_array_new ();
  jp_review_page_update_form_state (self);
  jp_review_page_load_selected (self);
}

GtkWidget *
jp_review_page_new (void)
{
  return g_object_new (JP_TYPE_REVIEW_PAGE, NULL);
}
