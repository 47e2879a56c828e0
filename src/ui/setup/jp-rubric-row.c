/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/setup/jp-rubric-row.h"

struct _JpRubricRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *number;
  GtkEntry      *name;
  GtkSpinButton *max;
  GtkButton     *up_button;
  GtkButton     *down_button;
  GtkButton     *remove_button;

  guint          index;
};

G_DEFINE_FINAL_TYPE (JpRubricRow, jp_rubric_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_name_changed (JpRubricRow *self)
{
  g_signal_emit (self, signals[SIGNAL_EDITED], 0);
}

static void
on_max_value_changed (JpRubricRow *self)
{
  g_signal_emit (self, signals[SIGNAL_EDITED], 0);
}

static void
jp_rubric_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_RUBRIC_ROW);
  G_OBJECT_CLASS (jp_rubric_row_parent_class)->dispose (object);
}

static void
jp_rubric_row_class_init (JpRubricRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_rubric_row_dispose;

  signals[SIGNAL_EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-rubric-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpRubricRow, number);
  gtk_widget_class_bind_template_child (widget_class, JpRubricRow, name);
  gtk_widget_class_bind_template_child (widget_class, JpRubricRow, max);
  gtk_widget_class_bind_template_child (widget_class, JpRubricRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, JpRubricRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, JpRubricRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_max_value_changed);
}

static void
jp_rubric_row_init (JpRubricRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_rubric_row_new (guint                    index,
                   const JpRubricCriterion *criterion)
{
  JpRubricRow *self;
  g_autofree char *number = NULL;

  g_return_val_if_fail (criterion != NULL, NULL);

  self = g_object_new (JP_TYPE_RUBRIC_ROW, NULL);
  self->index = index;
  number = g_strdup_printf ("%u.", index + 1);
  gtk_label_set_text (self->number, number);
  /* filled before the page listens to "edited" */
  gtk_editable_set_text (GTK_EDITABLE (self->name),
                         criterion->name != NULL ? criterion->name : "");
  gtk_spin_button_set_value (self->max, criterion->max);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->up_button), "(ii)", (int) index, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->down_button), "(ii)", (int) index,
                                    1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "i", (int) index);
  return GTK_WIDGET (self);
}

guint
jp_rubric_row_get_index (JpRubricRow *self)
{
  g_return_val_if_fail (JP_IS_RUBRIC_ROW (self), 0);
  return self->index;
}

const char *
jp_rubric_row_get_name (JpRubricRow *self)
{
  g_return_val_if_fail (JP_IS_RUBRIC_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name));
}

double
jp_rubric_row_get_max (JpRubricRow *self)
{
  g_return_val_if_fail (JP_IS_RUBRIC_ROW (self), 0);
  return gtk_spin_button_get_value (self->max);
}

GtkEditable *
jp_rubric_row_get_name_entry (JpRubricRow *self)
{
  g_return_val_if_fail (JP_IS_RUBRIC_ROW (self), NULL);
  return GTK_EDITABLE (self->name);
}

GtkSpinButton *
jp_rubric_row_get_max_spin (JpRubricRow *self)
{
  g_return_val_if_fail (JP_IS_RUBRIC_ROW (self), NULL);
  return self->max;
}
