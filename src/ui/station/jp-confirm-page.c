/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include "ui/station/jp-confirm-page.h"
#include "jp-resources.h"

struct _JpConfirmPage
{
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
  GtkLabel      *text_label;
  GtkWidget     *back_button;
  GtkWidget     *submit_button;
};

G_DEFINE_FINAL_TYPE (JpConfirmPage, jp_confirm_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_TITLE,
  PROP_TEXT,
  PROP_SUBMIT_LABEL,
  PROP_BACK_ACTION_NAME,
  PROP_SUBMIT_ACTION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
jp_confirm_page_set_text (JpConfirmPage *self,
                          const char    *text)
{
  g_return_if_fail (JP_IS_CONFIRM_PAGE (self));

  if (g_strcmp0 (gtk_label_get_text (self->text_label), text != NULL ? text : "") == 0)
    return;
  gtk_label_set_text (self->text_label, text != NULL ? text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
jp_confirm_page_get_text (JpConfirmPage *self)
{
  g_return_val_if_fail (JP_IS_CONFIRM_PAGE (self), NULL);
  return gtk_label_get_text (self->text_label);
}

static void
jp_confirm_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  JpConfirmPage *self = JP_CONFIRM_PAGE (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->status_page));
      break;
    case PROP_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->status_page));
      break;
    case PROP_TEXT:
      g_value_set_string (value, gtk_label_get_text (self->text_label));
      break;
    case PROP_SUBMIT_LABEL:
      g_value_set_string (value, gtk_button_get_label (GTK_BUTTON (self->submit_button)));
      break;
    case PROP_BACK_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (
                                                                   self->back_button)));
      break;
    case PROP_SUBMIT_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (
                                                                   self->submit_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_confirm_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  JpConfirmPage *self = JP_CONFIRM_PAGE (object);
  const char *s = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      adw_status_page_set_icon_name (self->status_page, s);
      break;
    case PROP_TITLE:
      adw_status_page_set_title (self->status_page, s);
      break;
    case PROP_TEXT:
      jp_confirm_page_set_text (self, s);
      return;
    case PROP_SUBMIT_LABEL:
      gtk_button_set_label (GTK_BUTTON (self->submit_button), s);
      break;
    case PROP_BACK_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), s);
      break;
    case PROP_SUBMIT_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->submit_button), s);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  /* set once, from the owner's template */
  g_object_notify_by_pspec (object, pspec);
}

static void
jp_confirm_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), JP_TYPE_CONFIRM_PAGE);
  G_OBJECT_CLASS (jp_confirm_page_parent_class)->dispose (object);
}

static void
jp_confirm_page_class_init (JpConfirmPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = jp_confirm_page_get_property;
  object_class->set_property = jp_confirm_page_set_property;
  object_class->dispose = jp_confirm_page_dispose;

  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_SUBMIT_LABEL] = g_param_spec_string ("submit-label", NULL, NULL, NULL,
                                                       flags);
  properties[PROP_BACK_ACTION_NAME] = g_param_spec_string ("back-action-name", NULL, NULL,
                                                           NULL, flags);
  properties[PROP_SUBMIT_ACTION_NAME] = g_param_spec_string ("submit-action-name", NULL, NULL,
                                                             NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_assert (jp_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpConfirmPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, JpConfirmPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, JpConfirmPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, JpConfirmPage, submit_button);
}

static void
jp_confirm_page_init (JpConfirmPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
