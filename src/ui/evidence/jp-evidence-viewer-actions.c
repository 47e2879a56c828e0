/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>

#include "ui/evidence/jp-evidence-viewer-private.h"

static const double zoom_levels[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0,
                                      6.0, 8.0 };

/* ---- thumbnails ---- */

static void
on_thumb_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                JpEvidenceViewer         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *page = jp_evidence_page_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), page);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
on_thumb_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               JpEvidenceViewer         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  JpEvidencePage *page = JP_EVIDENCE_PAGE (gtk_widget_get_first_child (box));
  GtkWidget *label = gtk_widget_get_last_child (box);
  int index = (int) gtk_list_item_get_position (item);
  double w, h;

  if (self->document == NULL || index >= jp_evidence_viewer_n_pages (self))
    return;
  jp_evidence_document_get_page_size (self->document, index, &w, &h);
  jp_evidence_page_set_page (page, self->renderer, self->document, index);
  jp_evidence_page_set_zoom (page, THUMB_WIDTH / MAX (w, h));
  gtk_label_set_text (GTK_LABEL (label),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
  jp_evidence_page_ensure_rendered (page, PRIORITY_THUMBNAIL);
}

static void
on_thumb_unbind (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 JpEvidenceViewer         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  jp_evidence_page_set_page (JP_EVIDENCE_PAGE (gtk_widget_get_first_child (box)),
                             NULL, NULL, -1);
}

static void
on_thumb_selected (GtkSingleSelection *selection,
                   GParamSpec         *pspec,
                   JpEvidenceViewer   *self)
{
  guint pos = gtk_single_selection_get_selected (selection);

  if (!self->syncing_selection && pos != GTK_INVALID_LIST_POSITION)
    jp_evidence_viewer_go_to_page (self, (int) pos);
}

/* ---- actions ---- */

static void
action_page (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  JpEvidenceViewer *self = JP_EVIDENCE_VIEWER (widget);

  if (g_str_equal (name, "viewer.next-page"))
    jp_evidence_viewer_go_to_page (self, self->page + 1);
  else if (g_str_equal (name, "viewer.previous-page"))
    jp_evidence_viewer_go_to_page (self, self->page - 1);
  else if (g_str_equal (name, "viewer.first-page"))
    jp_evidence_viewer_go_to_page (self, 0);
  else if (g_str_equal (name, "viewer.last-page"))
    jp_evidence_viewer_go_to_page (self, jp_evidence_viewer_n_pages (self) - 1);
}

static double
next_zoom_level (double zoom,
                 int    direction)
{
  guint i;

  if (direction > 0)
    {
      for (i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom * 1.01)
          return zoom_levels[i];
      return ZOOM_MAX;
    }
  for (i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom / 1.01)
      return zoom_levels[i - 1];
  return ZOOM_MIN;
}

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  JpEvidenceViewer *self = JP_EVIDENCE_VIEWER (widget);

  if (g_str_equal (name, "viewer.zoom-in"))
    jp_evidence_viewer_set_zoom (self, next_zoom_level (self->zoom, 1));
  else if (g_str_equal (name, "viewer.zoom-out"))
    jp_evidence_viewer_set_zoom (self, next_zoom_level (self->zoom, -1));
  else if (g_str_equal (name, "viewer.zoom-reset"))
    jp_evidence_viewer_set_zoom (self, 1.0);
  else if (g_str_equal (name, "viewer.zoom"))
    jp_evidence_viewer_set_zoom (self, g_variant_get_double (param));
  else if (g_str_equal (name, "viewer.fit-width"))
    jp_evidence_viewer_set_fit_mode (self, JP_EVIDENCE_FIT_WIDTH);
  else if (g_str_equal (name, "viewer.fit-page"))
    jp_evidence_viewer_set_fit_mode (self, JP_EVIDENCE_FIT_PAGE);
}

static void
action_rotate (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  jp_evidence_viewer_rotate_current (JP_EVIDENCE_VIEWER (widget),
                  g_str_equal (name, "viewer.rotate-left") ? -90 : 90);
}

static void
action_search (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  JpEvidenceViewer *self = JP_EVIDENCE_VIEWER (widget);

  if (g_str_equal (name, "viewer.search"))
    {
      gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
      gtk_widget_grab_focus (self->search_entry);
    }
  else if (g_str_equal (name, "viewer.close-search"))
    {
      gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
      jp_evidence_viewer_start_search (self, "");
      gtk_widget_grab_focus (self->scrolled);
    }
  else if (g_str_equal (name, "viewer.next-hit"))
    jp_evidence_viewer_go_to_hit (self, self->current_hit + 1);
  else if (g_str_equal (name, "viewer.previous-hit"))
    jp_evidence_viewer_go_to_hit (self, self->current_hit - 1);
}

/* ---- Ctrl+scroll ---- */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           JpEvidenceViewer         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || jp_evidence_viewer_n_pages (self) == 0)
    return FALSE;
  self->fit_mode = JP_EVIDENCE_FIT_NONE;
  jp_evidence_viewer_apply_zoom (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           JpEvidenceViewer         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            key,
             GdkModifierType  mods,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, mods, action, NULL);
}

void
jp_evidence_viewer_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, action_page);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-reset", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.zoom", "d", action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.fit-width", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.fit-page", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "viewer.rotate-left", NULL, action_rotate);
  gtk_widget_class_install_action (widget_class, "viewer.rotate-right", NULL, action_rotate);
  gtk_widget_class_install_action (widget_class, "viewer.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "viewer.close-search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "viewer.next-hit", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "viewer.previous-hit", NULL, action_search);

  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-reset");
  add_binding (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "viewer.zoom-reset");
  add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.search");
  add_binding (widget_class, GDK_KEY_Page_Down, 0, "viewer.next-page");
  add_binding (widget_class, GDK_KEY_Page_Up, 0, "viewer.previous-page");
  add_binding (widget_class, GDK_KEY_Home, 0, "viewer.first-page");
  add_binding (widget_class, GDK_KEY_End, 0, "viewer.last-page");
  add_binding (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "viewer.previous-hit");
  add_binding (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "viewer.previous-hit");
  add_binding (widget_class, GDK_KEY_Escape, 0, "viewer.close-search");
}

void
jp_evidence_viewer_init_thumbnails (JpEvidenceViewer *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->thumb_model = gtk_string_list_new (NULL);
  self->thumb_selection = gtk_single_selection_new (G_LIST_MODEL (self->thumb_model));
  gtk_single_selection_set_autoselect (self->thumb_selection, FALSE);
  g_signal_connect_object (self->thumb_selection, "notify::selected",
                           G_CALLBACK (on_thumb_selected), self, 0);
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_thumb_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_thumb_bind), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_thumb_unbind), self, 0);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->thumbnails_view), factory);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->thumbnails_view),
                           GTK_SELECTION_MODEL (self->thumb_selection));
}

void
jp_evidence_viewer_init_controllers (JpEvidenceViewer *self)
{
  GtkEventController *scroll;
  GtkEventController *motion;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (self->scrolled, scroll);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, 0);
  gtk_widget_add_controller (self->scrolled, motion);
}
