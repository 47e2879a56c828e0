/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "store/jp-store-console.h"
#include "ui/evidence/jp-evidence-viewer-private.h"

/* The chair's redaction mode: drag a box over what poppler cannot find (scans, stamps,
 * photos), remove one from its context popover, and ask for the anonymised copy. The viewer
 * keeps only what it draws; the dossier view stores the boxes. */

/* Boxes smaller than this (points) are taken as a click, not a box. */
#define MIN_BOX_POINTS 3.0

enum {
  BOX_DRAWN,
  BOX_REMOVED,
  PREVIEW_REQUESTED,
  N_REDACT_SIGNALS
};

static guint redact_signals[N_REDACT_SIGNALS];

static const char *
current_sha256 (JpEvidenceViewer *self)
{
  return self->document != NULL ? jp_evidence_document_get_sha256 (self->document) : NULL;
}

void
jp_evidence_viewer_distribute_redactions (JpEvidenceViewer *self)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (JpEvidenceRect));

      for (guint i = 0; self->redactions != NULL && i < self->redactions->len; i++)
        {
          const JpViewerRedaction *r = &g_array_index (self->redactions, JpViewerRedaction, i);

          if (r->page == (int) p)
            g_array_append_val (rects, r->rect);
        }
      jp_evidence_page_set_redactions (self->pages->pdata[p], rects);
    }
}

/* Widget pixels of page `page` (zoomed, rotated as shown) to unrotated page points. */
static void
to_page_points (JpEvidenceViewer *self,
                int               page,
                double            x0,
                double            y0,
                double            x1,
                double            y1,
                JpEvidenceRect   *out)
{
  JpEvidencePage *widget = self->pages->pdata[page];
  double zoom = jp_evidence_page_get_zoom (widget);
  int rotation = jp_evidence_document_get_page_rotation (self->document, page);
  double rw = 0, rh = 0;
  JpEvidenceRect shown;

  jp_evidence_document_get_page_size (self->document, page, &rw, &rh);
  /* clip to the page as shown, then undo the rotation */
  x0 = CLAMP (x0 / zoom, 0, rw);
  x1 = CLAMP (x1 / zoom, 0, rw);
  y0 = CLAMP (y0 / zoom, 0, rh);
  y1 = CLAMP (y1 / zoom, 0, rh);
  shown.x = MIN (x0, x1);
  shown.y = MIN (y0, y1);
  shown.width = fabs (x1 - x0);
  shown.height = fabs (y1 - y0);
  jp_evidence_rect_rotate (&shown, rw, rh, (360 - rotation) % 360, out);
}

gboolean
jp_evidence_viewer_drag_box (JpEvidenceViewer *self,
                             int               page,
                             double            x0,
                             double            y0,
                             double            x1,
                             double            y1)
{
  JpEvidenceRect r;

  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), FALSE);

  if (!self->redaction_mode || self->document == NULL || page < 0
      || page >= (int) self->pages->len)
    return FALSE;
  to_page_points (self, page, x0, y0, x1, y1, &r);
  if (r.width < MIN_BOX_POINTS || r.height < MIN_BOX_POINTS)
    return FALSE;
  g_signal_emit (self, redact_signals[BOX_DRAWN], 0, current_sha256 (self), page,
                 r.x, r.y, r.width, r.height);
  return TRUE;
}

gint64
jp_evidence_viewer_get_box_at (JpEvidenceViewer *self,
                               int               page,
                               double            x,
                               double            y)
{
  JpEvidenceRect p;

  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), 0);

  if (self->document == NULL || page < 0 || page >= (int) self->pages->len
      || self->redactions == NULL)
    return 0;
  to_page_points (self, page, x, y, x, y, &p);
  /* the last drawn is on top */
  for (guint i = self->redactions->len; i > 0; i--)
    {
      const JpViewerRedaction *r = &g_array_index (self->redactions, JpViewerRedaction, i - 1);

      if (r->page == page && p.x >= r->rect.x && p.x <= r->rect.x + r->rect.width
          && p.y >= r->rect.y && p.y <= r->rect.y + r->rect.height)
        return r->id;
    }
  return 0;
}

/* The page widget under (x, y) of pages_box, and the point in its coordinates. */
static JpEvidencePage *
page_at (JpEvidenceViewer *self,
         double            x,
         double            y,
         double           *px,
         double           *py)
{
  GtkWidget *w = gtk_widget_pick (self->pages_box, x, y, GTK_PICK_DEFAULT);

  while (w != NULL && !JP_IS_EVIDENCE_PAGE (w))
    w = gtk_widget_get_parent (w);
  if (w == NULL || !gtk_widget_translate_coordinates (self->pages_box, w, x, y, px, py))
    return NULL;
  return JP_EVIDENCE_PAGE (w);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               JpEvidenceViewer *self)
{
  double px, py;
  JpEvidencePage *page = NULL;

  if (self->redaction_mode && self->document != NULL)
    page = page_at (self, x, y, &px, &py);
  if (page == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_page = page;
  self->drag_x = px;
  self->drag_y = py;
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                JpEvidenceViewer *self)
{
  graphene_rect_t r;

  if (self->drag_page == NULL)
    return;
  graphene_rect_init (&r, (float) self->drag_x, (float) self->drag_y, (float) dx, (float) dy);
  jp_evidence_page_set_drag (self->drag_page, &r);
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             JpEvidenceViewer *self)
{
  JpEvidencePage *page = self->drag_page;

  if (page == NULL)
    return;
  self->drag_page = NULL;
  jp_evidence_page_set_drag (page, NULL);
  jp_evidence_viewer_drag_box (self, jp_evidence_page_get_index (page), self->drag_x,
                               self->drag_y, self->drag_x + dx, self->drag_y + dy);
}

static void
on_remove_clicked (GtkButton        *button,
                   JpEvidenceViewer *self)
{
  gint64 id = self->popover_box;

  gtk_popover_popdown (GTK_POPOVER (self->redact_popover));
  self->popover_box = 0;
  if (id != 0 && self->document != NULL)
    g_signal_emit (self, redact_signals[BOX_REMOVED], 0, current_sha256 (self), id);
}

static void
on_secondary_pressed (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      JpEvidenceViewer *self)
{
  double px, py, vx, vy;
  JpEvidencePage *page;
  gint64 id;

  if (!self->redaction_mode || self->document == NULL)
    return;
  page = page_at (self, x, y, &px, &py);
  if (page == NULL)
    return;
  id = jp_evidence_viewer_get_box_at (self, jp_evidence_page_get_index (page), px, py);
  if (id == 0
      || !gtk_widget_translate_coordinates (self->pages_box, GTK_WIDGET (self), x, y, &vx, &vy))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->popover_box = id;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->redact_popover),
                               &(GdkRectangle) { (int) vx, (int) vy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->redact_popover));
}

static void
on_redact_toggled (GtkToggleButton  *button,
                   JpEvidenceViewer *self)
{
  jp_evidence_viewer_set_redaction_mode (self, gtk_toggle_button_get_active (button));
}

static void
preview_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  JpEvidenceViewer *self = JP_EVIDENCE_VIEWER (widget);

  if (self->document != NULL)
    g_signal_emit (self, redact_signals[PREVIEW_REQUESTED], 0, current_sha256 (self));
}

void
jp_evidence_viewer_class_redaction_init (GtkWidgetClass *widget_class)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  redact_signals[BOX_DRAWN] =
    g_signal_new ("redaction-box-drawn", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 6, G_TYPE_STRING, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE,
                  G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  redact_signals[BOX_REMOVED] =
    g_signal_new ("redaction-box-removed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  redact_signals[PREVIEW_REQUESTED] =
    g_signal_new ("preview-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "viewer.preview-anonymised", NULL,
                                   preview_activated);
}

void
jp_evidence_viewer_init_redaction (JpEvidenceViewer *self)
{
  GtkWidget *toolbar = gtk_widget_get_parent (self->search_toggle);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkWidget *remove;

  self->redactions = g_array_new (FALSE, FALSE, sizeof (JpViewerRedaction));

  /* Built here rather than in the template: only the chair's viewer shows them. */
  self->redact_toggle = gtk_toggle_button_new_with_label (_("Redact"));
  gtk_widget_set_tooltip_text (self->redact_toggle,
                               _("Drag a box over a page to black it out in the copies the "
                                 "members see; right-click a box to remove it"));
  gtk_widget_set_visible (self->redact_toggle, FALSE);
  g_signal_connect_object (self->redact_toggle, "toggled", G_CALLBACK (on_redact_toggled),
                           self, 0);
  gtk_box_insert_child_after (GTK_BOX (toolbar), self->redact_toggle,
                              gtk_widget_get_prev_sibling (self->search_toggle));
  /* icon only: the toolbar must fit the dossier's narrow evidence column */
  self->preview_button = gtk_button_new_from_icon_name ("document-print-preview-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->preview_button),
                                  "viewer.preview-anonymised");
  gtk_widget_set_tooltip_text (self->preview_button,
                               _("Preview Anonymised Copy: this file exactly as the member "
                                 "stations receive it"));
  gtk_widget_set_visible (self->preview_button, FALSE);
  gtk_box_insert_child_after (GTK_BOX (toolbar), self->preview_button, self->redact_toggle);

  remove = gtk_button_new_with_label (_("Remove Box"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  self->redact_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->redact_popover), remove);
  gtk_widget_set_parent (self->redact_popover, GTK_WIDGET (self));

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  gtk_widget_add_controller (self->pages_box, GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self, 0);
  gtk_widget_add_controller (self->pages_box, GTK_EVENT_CONTROLLER (secondary));
}

void
jp_evidence_viewer_redaction_dispose (JpEvidenceViewer *self)
{
  g_clear_pointer (&self->redact_popover, gtk_widget_unparent);
  g_clear_pointer (&self->redactions, g_array_unref);
  self->drag_page = NULL;
}

void
jp_evidence_viewer_set_redaction_enabled (JpEvidenceViewer *self,
                                          gboolean          enabled)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));

  gtk_widget_set_visible (self->redact_toggle, enabled);
  gtk_widget_set_visible (self->preview_button, enabled);
  if (!enabled)
    jp_evidence_viewer_set_redaction_mode (self, FALSE);
}

void
jp_evidence_viewer_set_redaction_mode (JpEvidenceViewer *self,
                                       gboolean          mode)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));

  mode = !!mode;
  if (self->redaction_mode == mode)
    return;
  self->redaction_mode = mode;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->redact_toggle), mode);
  gtk_widget_set_cursor_from_name (self->pages_box, mode ? "crosshair" : NULL);
}

gboolean
jp_evidence_viewer_get_redaction_mode (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), FALSE);
  return self->redaction_mode;
}

void
jp_evidence_viewer_set_redaction_boxes (JpEvidenceViewer *self,
                                        GPtrArray        *boxes)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));

  g_array_set_size (self->redactions, 0);
  for (guint i = 0; boxes != NULL && i < boxes->len; i++)
    {
      const JpRedactionBox *b = boxes->pdata[i];
      JpViewerRedaction r = { b->id, b->page, { b->x, b->y, b->width, b->height } };

      g_array_append_val (self->redactions, r);
    }
  jp_evidence_viewer_distribute_redactions (self);
}

guint
jp_evidence_viewer_get_n_redaction_boxes (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), 0);
  return self->redactions->len;
}
