/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/review/jp-exclusion-row.h"

struct _JpExclusionRow
{
  GtkListBoxRow   parent_instance;

  GtkCheckButton *check;
  GtkLabel       *explain;
  GtkEntry       *note;

  JpExclusion     exclusion;
};

G_DEFINE_FINAL_TYPE (JpExclusionRow, jp_exclusion_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_check_toggled (JpExclusionRow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_note_changed (JpExclusionRow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
jp_exclusion_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_EXCLUSION_ROW);
  G_OBJECT_CLASS (jp_exclusion_row_parent_class)->dispose (object);
}

static void
jp_exclusion_row_class_init (JpExclusionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_exclusion_row_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-exclusion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpExclusionRow, check);
  gtk_widget_class_bind_template_child (widget_class, JpExclusionRow, explain);
  gtk_widget_class_bind_template_child (widget_class, JpExclusionRow, note);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
}

static void
jp_exclusion_row_init (JpExclusionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_exclusion_row_new (JpExclusion exclusion)
{
  JpExclusionRow *self = g_object_new (JP_TYPE_EXCLUSION_ROW, NULL);
  gboolean hard_stop = exclusion == JP_EXCLUSION_MISCONDUCT;

  self->exclusion = exclusion;
  gtk_check_button_set_label (self->check, jp_exclusion_label (exclusion));
  gtk_label_set_text (self->explain,
                      hard_stop ? _("A hard stop: a candidate with this exclusion cannot be "
                                    "qualified.")
                                : _("Normally not nominated; a warning only, the reviewer "
                                    "decides."));
  gtk_widget_add_css_class (GTK_WIDGET (self->explain), hard_stop ? "error" : "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jp_exclusion_label (exclusion), -1);
  return GTK_WIDGET (self);
}

JpExclusion
jp_exclusion_row_get_exclusion (JpExclusionRow *self)
{
  g_return_val_if_fail (JP_IS_EXCLUSION_ROW (self), 0);
  return self->exclusion;
}

GtkCheckButton *
jp_exclusion_row_get_check (JpExclusionRow *self)
{
  g_return_val_if_fail (JP_IS_EXCLUSION_ROW (self), NULL);
  return self->check;
}

GtkEntry *
jp_exclusion_row_get_note (JpExclusionRow *self)
{
  g_return_val_if_fail (JP_IS_EXCLUSION_ROW (self), NULL);
  return self->note;
}
