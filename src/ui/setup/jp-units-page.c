/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/setup/jp-setup-private.h"

struct _JpUnitsPage
{
  AdwBin      parent_instance;

  GtkLabel   *message;
  GtkListBox *list;

  JpStore    *store;
  GListStore *units;        /* JpSetupItem of JpUnit */
  GHashTable *nominations;  /* unit name -> GUINT_TO_POINTER (count) */
};

G_DEFINE_FINAL_TYPE (JpUnitsPage, jp_units_page, ADW_TYPE_BIN)

/* The subtitle follows the switch and the spin button without rebuilding the row, so the
 * spin button keeps the focus while the secretary types. */
static void
update_row (JpUnitsPage *self,
            GtkWidget   *row)
{
  JpUnit *u = g_object_get_data (G_OBJECT (row), "jp-unit");
  GtkWidget *over = g_object_get_data (G_OBJECT (row), "jp-over");
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->nominations, u->name));
  guint limit = jp_unit_nomination_limit (u->pilot, u->limit);
  g_autofree char *subtitle = NULL;
  g_autofree char *nominated = NULL;

  nominated = g_strdup_printf (ngettext ("%u candidate nominated", "%u candidates nominated",
                                         count), count);
  subtitle = g_strdup_printf (u->limit == 0 ? _("%s · limit %u (default)")
                              : _("%s · limit %u (set here)"), nominated, limit);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (over, count > limit);
}

static void
save_row (JpUnitsPage *self,
          GtkWidget   *row)
{
  JpUnit *u = g_object_get_data (G_OBJECT (row), "jp-unit");
  GtkSwitch *pilot = g_object_get_data (G_OBJECT (row), "jp-pilot");
  GtkSpinButton *limit = g_object_get_data (G_OBJECT (row), "jp-limit");
  g_autoptr(GError) error = NULL;
  gboolean new_pilot = gtk_switch_get_active (pilot);
  guint new_limit = (guint) gtk_spin_button_get_value_as_int (limit);

  if (self->store == NULL || (new_pilot == u->pilot && new_limit == u->limit))
    return;
  if (!jp_store_update_unit (self->store, u->id, u->name, new_pilot, new_limit, JP_SETUP_ACTOR,
                             &error))
    {
      jp_setup_show_message (self->message, error->message);
      /* show what the store kept */
      gtk_switch_set_active (pilot, u->pilot);
      gtk_spin_button_set_value (limit, u->limit);
      return;
    }
  jp_setup_show_message (self->message, NULL);
  u->pilot = new_pilot;
  u->limit = new_limit;
  update_row (self, row);
}

static void
on_pilot_changed (GtkWidget  *sw,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  save_row (g_object_get_data (G_OBJECT (row), "jp-page"), row);
}

static void
on_limit_changed (GtkSpinButton *spin,
                  GtkWidget     *row)
{
  save_row (g_object_get_data (G_OBJECT (row), "jp-page"), row);
}

static GtkWidget *
create_unit_row (gpointer item,
                 gpointer user_data)
{
  JpUnitsPage *self = user_data;
  JpUnit *u = jp_setup_item_get (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *over = gtk_label_new (_("Over the limit"));
  GtkWidget *pilot_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *pilot = gtk_switch_new ();
  GtkWidget *limit = gtk_spin_button_new_with_range (0, 50, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), u->name);
  gtk_widget_add_css_class (over, "jp-error-badge");
  gtk_widget_add_css_class (over, "error");
  gtk_widget_set_valign (over, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), over);

  gtk_box_append (GTK_BOX (pilot_box), jp_setup_dim_label (_("Pilot unit")));
  gtk_switch_set_active (GTK_SWITCH (pilot), u->pilot);
  gtk_widget_set_valign (pilot, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (pilot, _("A pilot unit of the industrial workforce reform may "
                                        "nominate 5 candidates instead of 3"));
  gtk_box_append (GTK_BOX (pilot_box), pilot);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pilot_box);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), jp_setup_dim_label (_("Limit")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (limit), u->limit);
  gtk_widget_set_valign (limit, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (limit, _("Nomination limit; 0 keeps the default of 3, or 5 "
                                        "for a pilot unit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (limit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Nomination limit"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), limit);

  g_object_set_data (G_OBJECT (row), "jp-page", self);
  g_object_set_data (G_OBJECT (row), "jp-unit", u);
  g_object_set_data (G_OBJECT (row), "jp-over", over);
  g_object_set_data (G_OBJECT (row), "jp-pilot", pilot);
  g_object_set_data (G_OBJECT (row), "jp-limit", limit);
  /* the row lives no longer than the model holding `u` */
  g_object_set_data_full (G_OBJECT (row), "jp-item", g_object_ref (item), g_object_unref);
  g_signal_connect (pilot, "notify::active", G_CALLBACK (on_pilot_changed), row);
  g_signal_connect (limit, "value-changed", G_CALLBACK (on_limit_changed), row);
  update_row (self, row);
  return row;
}

void
jp_units_page_reload (JpUnitsPage *self)
{
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
  g_clear_object (&self->units);
  self->units = jp_setup_items_from_array (units, (GDestroyNotify) jp_unit_free);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->units), create_unit_row, self,
                           NULL);
}

static void
jp_units_page_dispose (GObject *object)
{
  JpUnitsPage *self = JP_UNITS_PAGE (object);

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
  g_return_if_fail (JP_IS_UNITS_PAGE (self));

  g_set_object (&self->store, store);
  jp_setup_show_message (self->message, NULL);
  jp_units_page_reload (self);
}

GtkListBox *
jp_units_page_get_list (JpUnitsPage *self)
{
  return self->list;
}
