/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include "ui/review/jp-criterion-row.h"

struct _JpCriterionRow
{
  GtkListBoxRow   parent_instance;

  GtkCheckButton *check;
  GtkMenuButton  *evidence_button;
  GtkBox         *evidence_box;

  int             criterion;
};

G_DEFINE_FINAL_TYPE (JpCriterionRow, jp_criterion_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  SIGNAL_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_check_toggled (JpCriterionRow *self)
{
  g_signal_emit (self, signals[SIGNAL_TOGGLED], 0);
}

static void
jp_criterion_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_CRITERION_ROW);
  G_OBJECT_CLASS (jp_criterion_row_parent_class)->dispose (object);
}

static void
jp_criterion_row_class_init (JpCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_criterion_row_dispose;

  signals[SIGNAL_TOGGLED] =
    g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, JpCriterionRow, check);
  gtk_widget_class_bind_template_child (widget_class, JpCriterionRow, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, JpCriterionRow, evidence_box);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled);
}

static void
jp_criterion_row_init (JpCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jp_criterion_row_new (int         criterion,
                      const char *text)
{
  JpCriterionRow *self = g_object_new (JP_TYPE_CRITERION_ROW, NULL);
  GtkWidget *label;

  self->criterion = criterion;
  gtk_check_button_set_label (self->check, text);
  /* the check button's own label, so that it stays the button's accessible name */
  label = gtk_widget_get_last_child (GTK_WIDGET (self->check));
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  return GTK_WIDGET (self);
}

int
jp_criterion_row_get_criterion (JpCriterionRow *self)
{
  g_return_val_if_fail (JP_IS_CRITERION_ROW (self), 0);
  return self->criterion;
}

GtkCheckButton *
jp_criterion_row_get_check (JpCriterionRow *self)
{
  g_return_val_if_fail (JP_IS_CRITERION_ROW (self), NULL);
  return self->check;
}

GtkMenuButton *
jp_criterion_row_get_evidence_button (JpCriterionRow *self)
{
  g_return_val_if_fail (JP_IS_CRITERION_ROW (self), NULL);
  return self->evidence_button;
}

GtkBox *
jp_criterion_row_get_evidence_box (JpCriterionRow *self)
{
  g_return_val_if_fail (JP_IS_CRITERION_ROW (self), NULL);
  return self->evidence_box;
}
