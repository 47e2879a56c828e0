/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/setup/jp-setup-private.h"
#include "ui/setup/jp-unit-row.h"

struct _JpUnitsPage
{
  AdwBin      parent_instance;

  GtkLabel   *message;
  GtkListBox *list;

  JpStore      *store;
  JpStoreWatch *watch;        /* JpStore::changed: units, candidates (the nominations) */
  GListStore *units;        /* JpSetupItem of JpUnit */
  GHashTable *nominations;  /* unit name -> GUINT_TO_POINTER (count) */
};

G_DEFINE_FINAL_TYPE (JpUnitsPage, jp_units_page, ADW_TYPE_BIN)

static void
on_unit_row_edited (JpUnitRow   *row,
                    JpUnitsPage *self)
{
  JpUnit *u = jp_unit_row_get_unit (row);
  g_autoptr(GError) error = NULL;
  gboolean new_pilot = jp_unit_row_get_pilot (row);
  guint new_limit = jp_unit_row_get_limit (row);

  if (self->store == NULL || (new_pilot == u->pilot && new_limit == u->limit))
    return;
  if (!jp_store_update_unit (self->store, u->id, u->name, new_pilot, new_limit, JP_SETUP_ACTOR,
                             &error))
    {
      jp_setup_show_message (self->message, error->message);
      /* show what the store kept */
      jp_unit_row_reset (row);
      return;
    }
  jp_setup_show_message (self->message, NULL);
  u->pilot = new_pilot;
  u->limit = new_limit;
  jp_unit_row_set_nominated (row, jp_unit_row_get_nominated (row));
}

static GtkWidget *
create_unit_row (gpointer item,
                 gpointer user_data)
{
  JpUnitsPage *self = user_data;
  JpUnit *u = jp_setup_item_get (item);
  GtkWidget *row = jp_unit_row_new (item);

  jp_unit_row_set_nominated (JP_UNIT_ROW (row),
                             GPOINTER_TO_UINT (g_hash_table_lookup (self->nominations, u->name)));
  g_signal_connect_object (row, "edited", G_CALLBACK (on_unit_row_edited), self, 0);
  return row;
}

static char *
unit_key (JpSetupItem *item)
{
  const JpUnit *u = jp_setup_item_get (item);

  return g_strdup (u->name);
}

void
jp_units_page_reload (JpUnitsPage *self)
{
  g_autoptr(GListStore) old = NULL;
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) candidates = NULL;
  GPtrArray *units = NULL;

  g_return_if_fail (JP_IS_UNITS_PAGE (self));

  g_hash_table_remove_all (self->nominations);
  if (self->store != NULL)
    {
      units = jp_store_list_units (self->store, &error);
      if (units == NULL)
        jp_setup_show_message (self->message, error->message);
      candidates = jp_store_list_candidates (self->store, &store_error);
      if (candidates == NULL && store_error != NULL)
        {
          jp_setup_show_message (self->message, store_error->message);
          g_clear_error (&store_error);
        }
    }
  for (guint i = 0; candidates != NULL && i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (candidates, i);
      guint n;

      if (c->unit == NULL)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (self->nominations, c->unit));
      g_hash_table_insert (self->nominations, g_strdup (c->unit), GUINT_TO_POINTER (n + 1));
    }
  old = g_steal_pointer (&self->units);
  self->units = jp_setup_items_from_array (units, (GDestroyNotify) jp_unit_free);
  jp_setup_rebind_list (self->list, G_LIST_MODEL (old), G_LIST_MODEL (self->units),
                        create_unit_row, self, unit_key);
  jp_store_watch_done (self->watch);
}

static void
jp_units_page_dispose (GObject *object)
{
  JpUnitsPage *self = JP_UNITS_PAGE (object);

  g_clear_pointer (&self->watch, jp_store_watch_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_UNITS_PAGE);
  g_clear_object (&self->units);
  g_clear_object (&self->store);
  g_clear_pointer (&self->nominations, g_hash_table_unref);
  G_OBJECT_CLASS (jp_units_page_parent_class)->dispose (object);
}

static void
jp_units_page_class_init (JpUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_units_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-units-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpUnitsPage, message);
  gtk_widget_class_bind_template_child (widget_class, JpUnitsPage, list);
}

static void
jp_units_page_init (JpUnitsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->nominations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
jp_units_page_set_store (JpUnitsPage *self,
                         JpStore     *store)
{
  static const char * const watched[] = { "units", "candidates", NULL };

  g_return_if_fail (JP_IS_UNITS_PAGE (self));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  if (store != NULL)
    self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self),
                                      (JpStoreWatchFunc) jp_units_page_reload);
  jp_setup_show_message (self->message, NULL);
  jp_units_page_reload (self);
}

GtkListBox *
jp_units_page_get_list (JpUnitsPage *self)
{
  return self->list;
}
