/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/chair/jp-projector-defence.h"

#define TICK_MS 200

struct _JpProjectorDefence
{
  GtkBox     parent_instance;

  GtkLabel  *heading_label;
  GtkLabel  *code_label;
  GtkLabel  *position_label;
  GtkLabel  *timer_label;
  GtkLabel  *step_out_label;

  JpTimer    timer;
  guint      tick_source;
};

G_DEFINE_FINAL_TYPE (JpProjectorDefence, jp_projector_defence, GTK_TYPE_BOX)

static GtkLabel *
add_label (JpProjectorDefence *self,
           const char         *css)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css);
  gtk_box_append (GTK_BOX (self), label);
  return GTK_LABEL (label);
}

void
jp_projector_defence_tick (JpProjectorDefence *self,
                           gint64              now_ms)
{
  GtkWidget *label;
  g_autofree char *text = NULL;
  JpTimerLevel level;

  g_return_if_fail (JP_IS_PROJECTOR_DEFENCE (self));

  label = GTK_WIDGET (self->timer_label);
  text = jp_timer_format (jp_timer_remaining (&self->timer, now_ms));
  level = jp_timer_level (&self->timer, now_ms);
  gtk_label_set_text (self->timer_label, text);
  if (level == JP_TIMER_WARNING)
    gtk_widget_add_css_class (label, "jp-timer-warning");
  else
    gtk_widget_remove_css_class (label, "jp-timer-warning");
  if (level == JP_TIMER_OVERRUN)
    gtk_widget_add_css_class (label, "jp-timer-overrun");
  else
    gtk_widget_remove_css_class (label, "jp-timer-overrun");
}

static gboolean
on_tick (gpointer user_data)
{
  jp_projector_defence_tick (user_data, g_get_monotonic_time () / 1000);
  return G_SOURCE_CONTINUE;
}

void
jp_projector_defence_set (JpProjectorDefence *self,
                          const char         *heading,
                          const char         *code,
                          int                 position,
                          int                 count,
                          const JpTimer      *timer,
                          const char         *step_out)
{
  g_autofree char *pos = NULL;

  g_return_if_fail (JP_IS_PROJECTOR_DEFENCE (self));

  gtk_label_set_text (self->heading_label, heading != NULL ? heading : "");
  gtk_label_set_text (self->code_label, code != NULL ? code : "");
  if (position > 0 && count > 0)
    pos = g_strdup_printf ("%d / %d", position, count);
  gtk_label_set_text (self->position_label, pos != NULL ? pos : "");
  gtk_label_set_text (self->step_out_label, step_out != NULL ? step_out : "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_out_label), step_out != NULL && *step_out);
  if (timer != NULL)
    self->timer = *timer;
  else
    jp_timer_init (&self->timer, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->timer_label), timer != NULL);
  jp_projector_defence_tick (self, g_get_monotonic_time () / 1000);
  if (timer != NULL && timer->running && self->tick_source == 0)
    self->tick_source = g_timeout_add (TICK_MS, on_tick, self);
  else if ((timer == NULL || !timer->running) && self->tick_source != 0)
    g_clear_handle_id (&self->tick_source, g_source_remove);
}

static void
jp_projector_defence_dispose (GObject *object)
{
  JpProjectorDefence *self = JP_PROJECTOR_DEFENCE (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  G_OBJECT_CLASS (jp_projector_defence_parent_class)->dispose (object);
}

static void
jp_projector_defence_class_init (JpProjectorDefenceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jp_projector_defence_dispose;
}

static void
jp_projector_defence_init (JpProjectorDefence *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  self->heading_label = add_label (self, "jp-projector-caption");
  self->code_label = add_label (self, "jp-projector-code");
  self->position_label = add_label (self, "jp-projector-heading");
  self->timer_label = add_label (self, "jp-projector-timer");
  self->step_out_label = add_label (self, "jp-projector-stepout");
  jp_timer_init (&self->timer, 0);
}

GtkWidget *
jp_projector_defence_new (void)
{
  return g_object_new (JP_TYPE_PROJECTOR_DEFENCE, NULL);
}

GtkLabel *
jp_projector_defence_get_timer_label (JpProjectorDefence *self)
{
  g_return_val_if_fail (JP_IS_PROJECTOR_DEFENCE (self), NULL);
  return self->timer_label;
}

GtkLabel *
jp_projector_defence_get_position_label (JpProjectorDefence *self)
{
  g_return_val_if_fail (JP_IS_PROJECTOR_DEFENCE (self), NULL);
  return self->position_label;
}

GtkLabel *
jp_projector_defence_get_step_out_label (JpProjectorDefence *self)
{
  g_return_val_if_fail (JP_IS_PROJECTOR_DEFENCE (self), NULL);
  return self->step_out_label;
}
