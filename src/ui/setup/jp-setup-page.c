/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-resources.h"
#include "ui/setup/jp-setup-private.h"

/* ---- JpSetupItem ---- */

struct _JpSetupItem
{
  GObject        parent_instance;
  gpointer       data;
  GDestroyNotify free_func;
};

G_DEFINE_FINAL_TYPE (JpSetupItem, jp_setup_item, G_TYPE_OBJECT)

static void
jp_setup_item_finalize (GObject *object)
{
  JpSetupItem *self = JP_SETUP_ITEM (object);

  if (self->data != NULL && self->free_func != NULL)
    self->free_func (self->data);
  G_OBJECT_CLASS (jp_setup_item_parent_class)->finalize (object);
}

static void
jp_setup_item_class_init (JpSetupItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_setup_item_finalize;
}

static void
jp_setup_item_init (JpSetupItem *self)
{
}

JpSetupItem *
jp_setup_item_new (gpointer       data,
                   GDestroyNotify free_func)
{
  JpSetupItem *self = g_object_new (JP_TYPE_SETUP_ITEM, NULL);

  self->data = data;
  self->free_func = free_func;
  return self;
}

gpointer
jp_setup_item_get (JpSetupItem *item)
{
  g_return_val_if_fail (JP_IS_SETUP_ITEM (item), NULL);
  return item->data;
}

GListStore *
jp_setup_items_from_array (GPtrArray     *array,
                           GDestroyNotify free_func)
{
  GListStore *store = g_list_store_new (JP_TYPE_SETUP_ITEM);
  gsize n = 0;
  gpointer *items;

  if (array == NULL)
    return store;
  items = g_ptr_array_steal (array, &n);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(JpSetupItem) item = jp_setup_item_new (items[i], free_func);

      g_list_store_append (store, item);
    }
  g_free (items);
  g_ptr_array_unref (array);
  return store;
}

void
jp_setup_show_message (GtkLabel   *label,
                       const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
}

GtkWidget *
jp_setup_dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* The row of `list` holding `widget`, and the path of child indexes from the row down to it. */
static GtkListBoxRow *
row_holding (GtkListBox *list,
             GtkWidget  *widget,
             GArray     *path)
{
  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (list))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      guint index = 0;

      if (parent == NULL)
        return NULL;
      for (GtkWidget *c = gtk_widget_get_first_child (parent); c != widget;
           c = gtk_widget_get_next_sibling (c))
        index++;
      g_array_prepend_val (path, index);
      widget = parent;
    }
  return GTK_IS_LIST_BOX_ROW (widget) ? GTK_LIST_BOX_ROW (widget) : NULL;
}

static GtkWidget *
follow_path (GtkWidget *widget,
             GArray    *path)
{
  for (guint i = 0; widget != NULL && i < path->len; i++)
    {
      GtkWidget *c = gtk_widget_get_first_child (widget);

      for (guint n = g_array_index (path, guint, i); c != NULL && n > 0; n--)
        c = gtk_widget_get_next_sibling (c);
      widget = c;
    }
  return widget;
}

void
jp_setup_rebind_list (GtkListBox                 *list,
                      GListModel                 *old_model,
                      GListModel                 *model,
                      GtkListBoxCreateWidgetFunc  create,
                      gpointer                    data,
                      JpSetupKeyFunc              key)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadj = scrolled != NULL
    ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  double scroll = vadj != NULL ? gtk_adjustment_get_value (vadj) : 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *focus_key = NULL;
  GtkListBoxRow *row;

  row = focus != NULL ? row_holding (list, focus, path) : NULL;
  if (row != NULL && old_model != NULL && gtk_list_box_row_get_index (row) >= 0)
    {
      g_autoptr(JpSetupItem) item = g_list_model_get_item (old_model,
                                                           gtk_list_box_row_get_index (row));

      focus_key = item != NULL ? key (item) : NULL;
    }
  gtk_list_box_bind_model (list, model, create, data, NULL);
  for (guint i = 0; focus_key != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpSetupItem) item = g_list_model_get_item (model, i);
      g_autofree char *item_key = key (item);

      if (g_strcmp0 (item_key, focus_key) == 0)
        {
          GtkListBoxRow *again = gtk_list_box_get_row_at_index (list, (int) i);
          GtkWidget *target = follow_path (GTK_WIDGET (again), path);

          if (target == NULL || !gtk_widget_grab_focus (target))
            gtk_widget_grab_focus (GTK_WIDGET (again));
          break;
        }
    }
  if (vadj != NULL)
    gtk_adjustment_set_value (vadj, scroll);
}

/* ---- JpSetupPage ---- */

struct _JpSetupPage
{
  AdwBin           parent_instance;

  AdwViewStack    *stack;
  JpSettingsPage  *settings_page;
  JpTradesPage    *trades_page;
  JpUnitsPage     *units_page;
  JpMembersPage   *members_page;
  JpConflictsPage *conflicts_page;

  JpStore         *store;
};

/* The sub-pages depend on each other (a member's unit makes conflicts, trades feed the
 * members' popover); each follows the store on its own JpStoreWatch, so what one of them (or
 * another page, a restore, an import, the console) writes shows in the others. */
G_DEFINE_FINAL_TYPE (JpSetupPage, jp_setup_page, ADW_TYPE_BIN)

static void
jp_setup_page_dispose (GObject *object)
{
  JpSetupPage *self = JP_SETUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_SETUP_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (jp_setup_page_parent_class)->dispose (object);
}

static void
jp_setup_page_class_init (JpSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_setup_page_dispose;

  /* referencing the resource keeps its object file (and its constructor) in the link */
  g_assert (jp_get_resource () != NULL);
  g_type_ensure (JP_TYPE_SETTINGS_PAGE);
  g_type_ensure (JP_TYPE_TRADES_PAGE);
  g_type_ensure (JP_TYPE_UNITS_PAGE);
  g_type_ensure (JP_TYPE_MEMBERS_PAGE);
  g_type_ensure (JP_TYPE_CONFLICTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpSetupPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JpSetupPage, settings_page);
  gtk_widget_class_bind_template_child (widget_class, JpSetupPage, trades_page);
  gtk_widget_class_bind_template_child (widget_class, JpSetupPage, units_page);
  gtk_widget_class_bind_template_child (widget_class, JpSetupPage, members_page);
  gtk_widget_class_bind_template_child (widget_class, JpSetupPage, conflicts_page);
}

static void
jp_setup_page_init (JpSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_setup_page_new (void)
{
  return g_object_new (JP_TYPE_SETUP_PAGE, NULL);
}

void
jp_setup_page_set_store (JpSetupPage *self,
                         JpStore     *store)
{
  g_return_if_fail (JP_IS_SETUP_PAGE (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  g_set_object (&self->store, store);
  jp_settings_page_set_store (self->settings_page, store);
  jp_trades_page_set_store (self->trades_page, store);
  jp_units_page_set_store (self->units_page, store);
  jp_members_page_set_store (self->members_page, store);
  jp_conflicts_page_set_store (self->conflicts_page, store);
}

JpSettingsPage *
jp_setup_page_get_settings_page (JpSetupPage *self)
{
  return self->settings_page;
}

JpTradesPage *
jp_setup_page_get_trades_page (JpSetupPage *self)
{
  return self->trades_page;
}

JpUnitsPage *
jp_setup_page_get_units_page (JpSetupPage *self)
{
  return self->units_page;
}

JpMembersPage *
jp_setup_page_get_members_page (JpSetupPage *self)
{
  return self->members_page;
}

JpConflictsPage *
jp_setup_page_get_conflicts_page (JpSetupPage *self)
{
  return self->conflicts_page;
}

void
jp_setup_page_show (JpSetupPage *self,
                    const char  *name)
{
  g_return_if_fail (JP_IS_SETUP_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}
