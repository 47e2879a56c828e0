/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <string.h>

#include "ui/station/jp-station-flow.h"

static GQuark
flow_quark (void)
{
  return g_quark_from_static_string ("jp-station-flow");
}

static void
activate_step (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const JpStationFlow *flow = NULL;
  const char *step = strrchr (action_name, '.');

  /* the form's class or the nearest parent class that installed the flow */
  for (GType type = G_OBJECT_TYPE (widget); flow == NULL && type != 0;
       type = g_type_parent (type))
    flow = g_type_get_qdata (type, flow_quark ());
  g_return_if_fail (flow != NULL && step != NULL);
  if (g_str_equal (step, ".review"))
    flow->review (widget);
  else if (g_str_equal (step, ".back"))
    flow->back (widget);
  else if (g_str_equal (step, ".submit"))
    flow->submit (widget);
}

void
jp_station_flow_install (GtkWidgetClass      *widget_class,
                         const char          *prefix,
                         const JpStationFlow *flow)
{
  static const char * const steps[] = { "review", "back", "submit" };

  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), flow_quark (),
                    (gpointer) flow);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", prefix, steps[i]);

      gtk_widget_class_install_action (widget_class, name, NULL, activate_step);
    }
}

void
jp_station_flow_update (GtkWidget  *form,
                        const char *prefix,
                        gboolean    filling,
                        gboolean    confirming)
{
  g_autofree char *review = g_strdup_printf ("%s.review", prefix);
  g_autofree char *back = g_strdup_printf ("%s.back", prefix);
  g_autofree char *submit = g_strdup_printf ("%s.submit", prefix);

  gtk_widget_action_set_enabled (form, review, filling);
  gtk_widget_action_set_enabled (form, back, confirming);
  gtk_widget_action_set_enabled (form, submit, confirming);
}

void
jp_station_show_status (AdwStatusPage *page,
                        const char    *icon,
                        const char    *title,
                        const char    *description)
{
  adw_status_page_set_icon_name (page, icon);
  adw_status_page_set_title (page, title);
  adw_status_page_set_description (page, description);
}
