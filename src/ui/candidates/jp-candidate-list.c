/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/app/jp-ui-error.h"
#include "ui/candidates/jp-candidate-list-private.h"
#include "ui/widgets/jp-store-watch.h"

struct _JpCandidateList
{
  GtkWidget            parent_instance;

  /* template children */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *trade_dropdown;
  GtkDropDown         *unit_dropdown;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[JP_N_COLUMNS];
  GtkLabel            *count_label;
  GtkWidget           *table_scroller;
  AdwStatusPage       *no_match_page;

  JpStore             *store;
  GListStore          *empty;         /* the base model while no store is set */
  GtkFilterListModel  *filter_model;
  GtkCustomFilter     *filter;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkStringList       *trades;        /* "All trades" + trade names */
  GtkStringList       *units;         /* "All nominating units" + unit names */
  char                *needle;        /* casefolded search text, NULL when empty */
  JpStoreWatch        *watch;         /* JpStore::changed */
};

G_DEFINE_FINAL_TYPE (JpCandidateList, jp_candidate_list, GTK_TYPE_WIDGET)

static gboolean
field_matches (const char *field,
               const char *needle)
{
  g_autofree char *folded = NULL;

  if (field == NULL || *field == '\0')
    return FALSE;
  folded = g_utf8_casefold (field, -1);
  return strstr (folded, needle) != NULL;
}

static const char *
selected_filter_string (GtkDropDown   *dropdown,
                        GtkStringList *list)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* position 0 is "all" */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (list, selected);
}

static gboolean
candidate_visible (gpointer item,
                   gpointer user_data)
{
  JpCandidateList *self = user_data;
  JpCandidate *c = item;
  const char *trade = selected_filter_string (self->trade_dropdown, self->trades);
  const char *unit = selected_filter_string (self->unit_dropdown, self->units);

  if (trade != NULL && g_strcmp0 (c->trade, trade) != 0)
    return FALSE;
  if (unit != NULL && g_strcmp0 (c->unit, unit) != 0)
    return FALSE;
  if (self->needle == NULL)
    return TRUE;
  return field_matches (c->name, self->needle)
         || field_matches (c->id_number, self->needle)
         || field_matches (c->unit, self->needle)
         || field_matches (c->employer, self->needle)
         || field_matches (c->work_type, self->needle);
}

static void
jp_candidate_list_update_count (JpCandidateList *self)
{
  GListModel *base = gtk_filter_list_model_get_model (self->filter_model);
  guint total = base != NULL ? g_list_model_get_n_items (base) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("Showing %u of %u candidate",
                                    "Showing %u of %u candidates", total),
                          shown, total);
  gtk_label_set_text (self->count_label, text);

  /* a search or filter that matches nobody says so, and how to see everyone again */
  gtk_widget_set_visible (self->table_scroller, shown > 0 || total == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_page), shown == 0 && total > 0);
  if (shown == 0 && total > 0)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      g_autofree char *description = NULL;

      if (*search != '\0')
        description = g_strdup_printf (_("Nothing matches “%s” with the trade and unit "
                                         "chosen. Clear the search box (Esc) or choose all "
                                         "trades and all units."), search);
      else
        description = g_strdup (_("No candidate is in the trade and unit chosen. Choose all "
                                  "trades and all units."));
      adw_status_page_set_description (self->no_match_page, description);
    }
}

static void on_search_entry_search_changed (JpCandidateList *self);

static void
jp_candidate_list_clear_filters (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  JpCandidateList *self = JP_CANDIDATE_LIST (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->trade_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  on_search_entry_search_changed (self);
}

static void
jp_candidate_list_refilter (JpCandidateList *self)
{
  /* the dropdowns notify while the template is built, before the filter exists */
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_entry_search_changed (JpCandidateList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped != '\0')
    self->needle = g_utf8_casefold (stripped, -1);
  jp_candidate_list_refilter (self);
}

static void
on_trade_dropdown_selected (JpCandidateList *self)
{
  jp_candidate_list_refilter (self);
}

static void
on_unit_dropdown_selected (JpCandidateList *self)
{
  jp_candidate_list_refilter (self);
}

static void
fill_string_list (GtkStringList *list,
                  const char    *all_label,
                  GPtrArray     *items,
                  gsize          name_offset)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) all_label);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *name = G_STRUCT_MEMBER (const char *, g_ptr_array_index (items, i),
                                          name_offset);
      if (name != NULL)
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char * const *) names->pdata);
}

/* Refills a filter dropdown, keeping the chosen entry when it still exists. */
static void
refill_dropdown (GtkDropDown   *dropdown,
                 GtkStringList *list,
                 const char    *all_label,
                 GPtrArray     *items,
                 gsize          name_offset)
{
  g_autofree char *previous = NULL;
  guint n, selected = 0;

  if (gtk_drop_down_get_selected (dropdown) > 0)
    previous = g_strdup (gtk_string_list_get_string (list, gtk_drop_down_get_selected (dropdown)));
  fill_string_list (list, all_label, items, name_offset);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 1; previous != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), previous) == 0)
      selected = i;
  gtk_drop_down_set_selected (dropdown, selected);
}

gboolean
jp_candidate_list_reload (JpCandidateList *self,
                          GError         **error)
{
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(GPtrArray) units = NULL;

  g_return_val_if_fail (JP_IS_CANDIDATE_LIST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->store == NULL)
    {
      gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->empty));
      fill_string_list (self->trades, _("All trades"), NULL, 0);
      fill_string_list (self->units, _("All nominating units"), NULL, 0);
      jp_candidate_list_update_count (self);
      return TRUE;
    }

  candidates = jp_store_list_candidates (self->store, error);
  if (candidates == NULL)
    return FALSE;
  trades = jp_store_list_trades (self->store, error);
  if (trades == NULL)
    return FALSE;
  units = jp_store_list_units (self->store, error);
  if (units == NULL)
    return FALSE;

  refill_dropdown (self->trade_dropdown, self->trades, _("All trades"), trades,
                   G_STRUCT_OFFSET (JpTrade, name));
  refill_dropdown (self->unit_dropdown, self->units, _("All nominating units"), units,
                   G_STRUCT_OFFSET (JpUnit, name));
  gtk_filter_list_model_set_model (self->filter_model, candidates);
  jp_candidate_list_update_count (self);
  return TRUE;
}

static gint64
selected_id (JpCandidateList *self)
{
  JpCandidate *c = gtk_single_selection_get_selected_item (self->selection);

  return c != NULL ? c->id : 0;
}

static void
select_id (JpCandidateList *self,
           gint64           id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      if (c->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* JpStore::changed: the list follows what was written anywhere (another page, the import's
 * worker), keeping the person's selection. */
static void
on_store_changed (gpointer page)
{
  JpCandidateList *self = page;
  g_autoptr(GError) error = NULL;
  gint64 keep = selected_id (self);

  if (!jp_candidate_list_reload (self, &error))
    jp_ui_report_error (GTK_WIDGET (self), _("Could Not Read the Candidates"), error);
  select_id (self, keep);
}

void
jp_candidate_list_set_store (JpCandidateList *self,
                             JpStore         *store)
{
  static const char * const watched[] = { "candidates", "trades", "units", NULL };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JP_IS_CANDIDATE_LIST (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self), on_store_changed);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->trade_dropdown, 0);
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  if (!jp_candidate_list_reload (self, &error))
    g_warning ("Could not list the candidates of %s: %s", jp_store_get_path (store),
               error->message);
}

void
jp_candidate_list_focus_search (JpCandidateList *self)
{
  g_return_if_fail (JP_IS_CANDIDATE_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
jp_candidate_list_dispose (GObject *object)
{
  JpCandidateList *self = JP_CANDIDATE_LIST (object);
  GtkWidget *child;

  /* the models outlive the template children for a moment: stop listening first */
  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_signal_handlers_disconnect_by_data (self->filter_model, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_CANDIDATE_LIST);
  /* the top box of the template is not a bound child, so it is still parented here */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_clear_object (&self->store);
  g_clear_object (&self->empty);
  g_clear_object (&self->trades);
  g_clear_object (&self->units);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (jp_candidate_list_parent_class)->dispose (object);
}

static void
jp_candidate_list_class_init (JpCandidateListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_candidate_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-candidate-list.ui");
  gtk_widget_class_bind_template_child (widget_class, JpCandidateList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JpCandidateList, trade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpCandidateList, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JpCandidateList, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
    G_STRUCT_OFFSET (JpCandidateList, columns[JP_COLUMN_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "sex_column", FALSE,
    G_STRUCT_OFFSET (JpCandidateList, columns[JP_COLUMN_SEX]));
  gtk_widget_class_bind_template_child_full (widget_class, "unit_column", FALSE,
    G_STRUCT_OFFSET (JpCandidateList, columns[JP_COLUMN_UNIT]));
  gtk_widget_class_bind_template_child_full (widget_class, "trade_column", FALSE,
    G_STRUCT_OFFSET (JpCandidateList, columns[JP_COLUMN_TRADE]));
  gtk_widget_class_bind_template_child_full (widget_class, "route_column", FALSE,
    G_STRUCT_OFFSET (JpCandidateList, columns[JP_COLUMN_ROUTE]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
    G_STRUCT_OFFSET (JpCandidateList, columns[JP_COLUMN_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "findings_column", FALSE,
    G_STRUCT_OFFSET (JpCandidateList, columns[JP_COLUMN_FINDINGS]));
  gtk_widget_class_bind_template_child (widget_class, JpCandidateList, count_label);
  gtk_widget_class_bind_template_child (widget_class, JpCandidateList, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, JpCandidateList, no_match_page);
  gtk_widget_class_install_action (widget_class, "list.clear-filters", NULL,
                                   jp_candidate_list_clear_filters);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_trade_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_dropdown_selected);
}

static void
jp_candidate_list_init (JpCandidateList *self)
{
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->empty = g_list_store_new (JP_TYPE_CANDIDATE);
  self->trades = gtk_string_list_new (NULL);
  self->units = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->trade_dropdown, G_LIST_MODEL (self->trades));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->units));

  for (guint i = 0; i < JP_N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = jp_candidate_column_factory (i);
      g_autoptr(GtkSorter) sorter = jp_candidate_column_sorter (i);

      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
    }

  /* filter, then the order the user picked by clicking a column header */
  self->filter = gtk_custom_filter_new (candidate_visible, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->empty)),
                                                  GTK_FILTER (self->filter));
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (view_sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sort_model));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (jp_candidate_list_update_count), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_search_delay (self->search_entry, 100);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  fill_string_list (self->trades, _("All trades"), NULL, 0);
  fill_string_list (self->units, _("All nominating units"), NULL, 0);
  jp_candidate_list_update_count (self);
}

GtkWidget *
jp_candidate_list_new (void)
{
  return g_object_new (JP_TYPE_CANDIDATE_LIST, NULL);
}

GtkEditable *
jp_candidate_list_get_search_entry (JpCandidateList *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
jp_candidate_list_get_trade_dropdown (JpCandidateList *self)
{
  return self->trade_dropdown;
}

GtkDropDown *
jp_candidate_list_get_unit_dropdown (JpCandidateList *self)
{
  return self->unit_dropdown;
}

AdwStatusPage *
jp_candidate_list_get_no_match_page (JpCandidateList *self)
{
  return self->no_match_page;
}

GtkLabel *
jp_candidate_list_get_count_label (JpCandidateList *self)
{
  return self->count_label;
}

GtkColumnView *
jp_candidate_list_get_column_view (JpCandidateList *self)
{
  return self->column_view;
}

GtkColumnViewColumn *
jp_candidate_list_get_column (JpCandidateList *self,
                              JpColumn         column)
{
  g_return_val_if_fail (column < JP_N_COLUMNS, NULL);

  return self->columns[column];
}
