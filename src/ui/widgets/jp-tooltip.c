/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include "ui/widgets/jp-tooltip.h"

/* GTK's own limit for a tooltip line, in character widths (gtktooltipwindow.c). */
#define TOOLTIP_MAX_CHARS 50

int
jp_tooltip_label_width_chars (GtkLabel *label)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (label));
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontMetrics *metrics;
  int char_width, text_width;

  /* the same character width GtkLabel multiplies max-width-chars with */
  metrics = pango_context_get_metrics (context, pango_context_get_font_description (context),
                                       pango_context_get_language (context));
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);
  if (char_width <= 0)
    return TOOLTIP_MAX_CHARS;

  layout = pango_layout_copy (gtk_label_get_layout (label));
  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &text_width, NULL);
  return CLAMP ((text_width + char_width - 1) / char_width, 1, TOOLTIP_MAX_CHARS);
}

static void
fit_label (GtkLabel *label)
{
  int chars;

  /* a multi-line text is shown as written (GTK does not wrap it) */
  if (!gtk_label_get_wrap (label))
    return;
  chars = jp_tooltip_label_width_chars (label);
  if (gtk_label_get_max_width_chars (label) != chars)
    gtk_label_set_max_width_chars (label, chars);
}

/* GTK sets the text, then max-width-chars from the number of characters: both are fixed
 * after the fact, before the tooltip is measured and shown. */
static void
on_label_notify (GtkLabel   *label,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  fit_label (label);
}

static void
watch_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && g_object_get_data (G_OBJECT (widget), "jp-tooltip") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "jp-tooltip", GINT_TO_POINTER (1));
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_label_notify), NULL);
      g_signal_connect (widget, "notify::max-width-chars", G_CALLBACK (on_label_notify), NULL);
      g_signal_connect (widget, "notify::wrap", G_CALLBACK (on_label_notify), NULL);
      fit_label (GTK_LABEL (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_labels (child);
}

/* A tooltip window is realized each time it is shown on another widget, after its text was
 * set and before it is measured: the moment to watch its label. */
static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_NATIVE (widget) && !GTK_IS_ROOT (widget)
      && g_strcmp0 (gtk_widget_get_css_name (widget), "tooltip") == 0)
    watch_labels (widget);
  return TRUE;
}

void
jp_tooltips_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* the widget class creates its signals when first referenced */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);
      guint realize = g_signal_lookup ("realize", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (realize, 0, on_realize_hook, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
