/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/setup/jp-unit-row.h"

struct _JpUnitRow
{
  AdwActionRow   parent_instance;

  GtkLabel      *over;
  GtkSwitch     *pilot;
  GtkSpinButton *limit;

  JpSetupItem   *item;        /* of JpUnit */
  guint          nominated;
};

G_DEFINE_FINAL_TYPE (JpUnitRow, jp_unit_row, ADW_TYPE_ACTION_ROW)

enum {
  SIGNAL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_pilot_notify_active (JpUnitRow *self)
{
  g_signal_emit (self, signals[SIGNAL_EDITED], 0);
}

static void
on_limit_value_changed (JpUnitRow *self)
{
  g_signal_emit (self, signals[SIGNAL_EDITED], 0);
}

static void
jp_unit_row_dispose (GObject *object)
{
  JpUnitRow *self = JP_UNIT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_UNIT_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (jp_unit_row_parent_class)->dispose (object);
}

static void
jp_unit_row_class_init (JpUnitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_unit_row_dispose;

  signals[SIGNAL_EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-unit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpUnitRow, over);
  gtk_widget_class_bind_template_child (widget_class, JpUnitRow, pilot);
  gtk_widget_class_bind_template_child (widget_class, JpUnitRow, limit);
  gtk_widget_class_bind_template_callback (widget_class, on_pilot_notify_active);
  gtk_widget_class_bind_template_callback (widget_class, on_limit_value_changed);
}

static void
jp_unit_row_init (JpUnitRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_unit_row_new (JpSetupItem *item)
{
  JpUnitRow *self;
  JpUnit *u;

  g_return_val_if_fail (JP_IS_SETUP_ITEM (item), NULL);

  self = g_object_new (JP_TYPE_UNIT_ROW, NULL);
  self->item = g_object_ref (item);
  u = jp_setup_item_get (item);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), u->name);
  /* set before anyone listens to "edited" */
  gtk_switch_set_active (self->pilot, u->pilot);
  gtk_spin_button_set_value (self->limit, u->limit);
  return GTK_WIDGET (self);
}

JpUnit *
jp_unit_row_get_unit (JpUnitRow *self)
{
  g_return_val_if_fail (JP_IS_UNIT_ROW (self), NULL);
  return jp_setup_item_get (self->item);
}

gboolean
jp_unit_row_get_pilot (JpUnitRow *self)
{
  g_return_val_if_fail (JP_IS_UNIT_ROW (self), FALSE);
  return gtk_switch_get_active (self->pilot);
}

guint
jp_unit_row_get_limit (JpUnitRow *self)
{
  g_return_val_if_fail (JP_IS_UNIT_ROW (self), 0);
  return (guint) gtk_spin_button_get_value_as_int (self->limit);
}

void
jp_unit_row_reset (JpUnitRow *self)
{
  JpUnit *u;

  g_return_if_fail (JP_IS_UNIT_ROW (self));

  u = jp_setup_item_get (self->item);
  gtk_switch_set_active (self->pilot, u->pilot);
  gtk_spin_button_set_value (self->limit, u->limit);
}

/* The subtitle follows the switch and the spin button without rebuilding the row, so the
 * spin button keeps the focus while the secretary types. */
void
jp_unit_row_set_nominated (JpUnitRow *self,
                           guint      count)
{
  JpUnit *u;
  guint limit;
  g_autofree char *subtitle = NULL;
  g_autofree char *nominated = NULL;

  g_return_if_fail (JP_IS_UNIT_ROW (self));

  u = jp_setup_item_get (self->item);
  limit = jp_unit_nomination_limit (u->pilot, u->limit);
  self->nominated = count;
  nominated = g_strdup_printf (ngettext ("%u candidate nominated", "%u candidates nominated",
                                         count), count);
  subtitle = g_strdup_printf (u->limit == 0 ? _("%s · limit %u (default)")
                              : _("%s · limit %u (set here)"), nominated, limit);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->over), count > limit);
}

guint
jp_unit_row_get_nominated (JpUnitRow *self)
{
  g_return_val_if_fail (JP_IS_UNIT_ROW (self), 0);
  return self->nominated;
}

GtkSwitch *
jp_unit_row_get_pilot_switch (JpUnitRow *self)
{
  g_return_val_if_fail (JP_IS_UNIT_ROW (self), NULL);
  return self->pilot;
}

GtkSpinButton *
jp_unit_row_get_limit_spin (JpUnitRow *self)
{
  g_return_val_if_fail (JP_IS_UNIT_ROW (self), NULL);
  return self->limit;
}

gboolean
jp_unit_row_is_over_limit (JpUnitRow *self)
{
  g_return_val_if_fail (JP_IS_UNIT_ROW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->over));
}
