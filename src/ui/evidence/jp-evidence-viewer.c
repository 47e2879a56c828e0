/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "ui/evidence/jp-evidence-viewer.h"
#include "ui/evidence/jp-evidence-viewer-private.h"
#include "jp-resources.h"

G_DEFINE_FINAL_TYPE (JpEvidenceViewer, jp_evidence_viewer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_N_HITS,
  N_PROPS
};

enum {
  ROTATION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void queue_update (JpEvidenceViewer *self);
static void queue_fit (JpEvidenceViewer *self);

int
jp_evidence_viewer_n_pages (JpEvidenceViewer *self)
{
  return self->document != NULL ? jp_evidence_document_get_n_pages (self->document) : 0;
}

JpEvidencePage *
jp_evidence_viewer_page_widget (JpEvidenceViewer *self,
             int               index)
{
  return g_ptr_array_index (self->pages, index);
}

/* Same rounding as JpEvidencePage's measure, so offsets agree with the real layout. */
static int
page_height_px (JpEvidenceViewer *self,
                int               index)
{
  double h;

  jp_evidence_document_get_page_size (self->document, index, NULL, &h);
  return MAX (1, (int) round (h * self->zoom));
}

static double
page_top (JpEvidenceViewer *self,
          int               index)
{
  double y = PAGE_MARGIN;
  int i;

  for (i = 0; i < index; i++)
    y += page_height_px (self, i) + PAGE_SPACING;
  return y;
}

static GtkAdjustment *
vadjustment (JpEvidenceViewer *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
}

static GtkAdjustment *
hadjustment (JpEvidenceViewer *self)
{
  return gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
}

/* Scrolls to `value`; when the layout is not yet tall enough (after a zoom or a new
 * document) the value is applied again once the adjustment grows. */
static void
scroll_to (JpEvidenceViewer *self,
           double            value,
           double            hvalue)
{
  self->target_value = MAX (0, value);
  self->target_hvalue = hvalue;
  gtk_adjustment_set_value (vadjustment (self), self->target_value);
  if (hvalue >= 0)
    gtk_adjustment_set_value (hadjustment (self), hvalue);
  queue_update (self);
}

static void
update_page_label (JpEvidenceViewer *self)
{
  g_autofree char *text = NULL;

  text = jp_evidence_viewer_n_pages (self) > 0 ? g_strdup_printf ("%d", self->page + 1) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page",
                                 self->page + 1 < jp_evidence_viewer_n_pages (self));
}

static void
sync_thumbnail_selection (JpEvidenceViewer *self)
{
  if (self->thumb_selection == NULL || jp_evidence_viewer_n_pages (self) == 0)
    return;
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->thumb_selection, (guint) self->page);
  self->syncing_selection = FALSE;
}

static void
set_current_page (JpEvidenceViewer *self,
                  int               page)
{
  if (page == self->page)
    return;
  self->page = page;
  update_page_label (self);
  sync_thumbnail_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
update_zoom_label (JpEvidenceViewer *self)
{
  /* TRANSLATORS: a zoom level, e.g. "125%" */
  g_autofree char *text = g_strdup_printf (_("%d%%"), (int) round (self->zoom * 100));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->zoom_button), text);
}

/* Applies `zoom`, keeping the document point under (`ax`, `ay`) (viewport coordinates)
 * where it is. */
void
jp_evidence_viewer_apply_zoom (JpEvidenceViewer *self,
            double            zoom,
            double            ax,
            double            ay)
{
  double old = self->zoom;
  double v = gtk_adjustment_get_value (vadjustment (self));
  double hv = gtk_adjustment_get_value (hadjustment (self));
  double f;
  int i;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - old) < 1e-6)
    return;
  self->zoom = zoom;
  f = zoom / old;
  for (i = 0; i < (int) self->pages->len; i++)
    jp_evidence_page_set_zoom (jp_evidence_viewer_page_widget (self, i), zoom);
  update_zoom_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  if (jp_evidence_viewer_n_pages (self) > 0)
    scroll_to (self, (v + ay - PAGE_MARGIN) * f + PAGE_MARGIN - ay,
               MAX (0, (hv + ax) * f - ax));
}

static void
set_zoom_at_top (JpEvidenceViewer *self,
                 double            zoom)
{
  jp_evidence_viewer_apply_zoom (self, zoom, 0, 0);
}

#define FIT_WIDTH_MAX_ZOOM 1.5

static double
fit_zoom (JpEvidenceViewer  *self,
          JpEvidenceFitMode  mode)
{
  double vw = gtk_adjustment_get_page_size (hadjustment (self)) - 2 * PAGE_MARGIN;
  double vh = gtk_adjustment_get_page_size (vadjustment (self)) - 2 * PAGE_MARGIN;
  double w = 0, h = 0, pw, ph;
  int i;

  if (jp_evidence_viewer_n_pages (self) == 0 || vw <= 0)
    return self->zoom;
  if (mode == JP_EVIDENCE_FIT_PAGE)
    {
      jp_evidence_document_get_page_size (self->document, self->page, &w, &h);
      return MIN (vw / w, MAX (vh, 1) / h);
    }
  for (i = 0; i < jp_evidence_viewer_n_pages (self); i++)
    {
      jp_evidence_document_get_page_size (self->document, i, &pw, &ph);
      w = MAX (w, pw);
    }
  /* on a wide screen the full width is a page of which only the title shows: read at no
   * more than 150 %, centred, as a document reader does */
  return MIN (vw / w, FIT_WIDTH_MAX_ZOOM);
}

static gboolean
fit_idle (gpointer data)
{
  JpEvidenceViewer *self = data;

  self->fit_id = 0;
  if (self->fit_mode != JP_EVIDENCE_FIT_NONE && jp_evidence_viewer_n_pages (self) > 0)
    {
      double top = page_top (self, self->page);
      double v = gtk_adjustment_get_value (vadjustment (self));

      /* Keep the current page's top where it was. */
      jp_evidence_viewer_apply_zoom (self, fit_zoom (self, self->fit_mode), 0, MAX (0, top - v));
    }
  return G_SOURCE_REMOVE;
}

static void
queue_fit (JpEvidenceViewer *self)
{
  if (self->fit_id == 0 && self->fit_mode != JP_EVIDENCE_FIT_NONE)
    self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, fit_idle, self, NULL);
}

/* Asks for renders of the pages in and near the viewport and drops the textures of pages
 * far from it; works out the current page unless a scroll we asked for is pending. */
static gboolean
update_idle (gpointer data)
{
  JpEvidenceViewer *self = data;
  double value = gtk_adjustment_get_value (vadjustment (self));
  double size = gtk_adjustment_get_page_size (vadjustment (self));
  double y = PAGE_MARGIN;
  int i, current = -1;

  self->update_id = 0;
  if (jp_evidence_viewer_n_pages (self) == 0 || size <= 0)
    return G_SOURCE_REMOVE;

  for (i = 0; i < jp_evidence_viewer_n_pages (self); i++)
    {
      JpEvidencePage *page = jp_evidence_viewer_page_widget (self, i);
      double bottom = y + page_height_px (self, i);

      if (bottom > value && y < value + size)
        jp_evidence_page_ensure_rendered (page, PRIORITY_VISIBLE);
      else if (bottom > value - size && y < value + 2 * size)
        jp_evidence_page_ensure_rendered (page, PRIORITY_NEAR);
      else if (bottom < value - 3 * size || y > value + 4 * size)
        jp_evidence_page_release (page);

      if (current < 0 && bottom + PAGE_SPACING > value + size * 0.3)
        current = i;
      y = bottom + PAGE_SPACING;
    }
  if (self->target_value < 0 && current >= 0)
    set_current_page (self, current);
  return G_SOURCE_REMOVE;
}

static void
queue_update (JpEvidenceViewer *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, update_idle, self, NULL);
}

static void
on_vadjustment_value_changed (GtkAdjustment    *adj,
                              JpEvidenceViewer *self)
{
  /* A user scroll ends any scroll we are still trying to reach. */
  if (self->target_value >= 0 && fabs (gtk_adjustment_get_value (adj) - self->target_value) > 1.0)
    self->target_value = -1;
  queue_update (self);
}

static void
on_adjustment_changed (GtkAdjustment    *adj,
                       JpEvidenceViewer *self)
{
  if (self->target_value >= 0)
    {
      double max = gtk_adjustment_get_upper (vadjustment (self))
                   - gtk_adjustment_get_page_size (vadjustment (self));
      double target = self->target_value;

      gtk_adjustment_set_value (vadjustment (self), target);
      self->target_value = target;
      if (self->target_hvalue >= 0)
        gtk_adjustment_set_value (hadjustment (self), self->target_hvalue);
      /* reached: let scrolling decide the current page again */
      if (max >= target)
        self->target_value = -1;
    }
  queue_update (self);
}

static void
on_page_size_changed (GtkAdjustment    *adj,
                      GParamSpec       *pspec,
                      JpEvidenceViewer *self)
{
  queue_fit (self);
  queue_update (self);
}

/* ---- search ---- */

static void
update_hits_label (JpEvidenceViewer *self)
{
  g_autofree char *text = NULL;

  if (self->search_text == NULL || *self->search_text == '\0' || !self->search_done)
    text = g_strdup ("");
  else if (self->hits != NULL && self->hits->len > 0)
    /* TRANSLATORS: the current search hit and the number of hits */
    text = g_strdup_printf (_("Match %d of %u"), self->current_hit + 1, self->hits->len);
  else if (self->document != NULL && !jp_evidence_document_has_text (self->document))
    text = g_strdup (_("This document has no searchable text"));
  else
    text = g_strdup (_("No matches"));
  gtk_label_set_text (GTK_LABEL (self->hits_label), text);
}

/* Gives every page its own hits, marking the current one. */
static void
distribute_hits (JpEvidenceViewer *self)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (JpEvidenceRect));
  guint h = 0;
  int i;

  for (i = 0; i < (int) self->pages->len; i++)
    {
      int current = -1;

      g_array_set_size (rects, 0);
      while (self->hits != NULL && h < self->hits->len
             && g_array_index (self->hits, JpEvidenceHit, h).page == i)
        {
          if ((int) h == self->current_hit)
            current = rects->len;
          g_array_append_val (rects, g_array_index (self->hits, JpEvidenceHit, h).rect);
          h++;
        }
      jp_evidence_page_set_hits (jp_evidence_viewer_page_widget (self, i), rects, current);
    }
}

void
jp_evidence_viewer_go_to_hit (JpEvidenceViewer *self,
           int               index)
{
  const JpEvidenceHit *hit;
  JpEvidenceRect r;
  double uw, uh, size;

  if (self->hits == NULL || self->hits->len == 0)
    return;
  index = (index + (int) self->hits->len) % (int) self->hits->len;
  self->current_hit = index;
  hit = &g_array_index (self->hits, JpEvidenceHit, index);
  distribute_hits (self);
  update_hits_label (self);

  jp_evidence_document_get_unrotated_page_size (self->document, hit->page, &uw, &uh);
  jp_evidence_rect_rotate (&hit->rect, uw, uh,
                           jp_evidence_document_get_page_rotation (self->document, hit->page),
                           &r);
  size = gtk_adjustment_get_page_size (vadjustment (self));
  set_current_page (self, hit->page);
  scroll_to (self, page_top (self, hit->page) + r.y * self->zoom - size / 3, -1);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JpEvidenceViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hits = NULL;
  guint i;

  hits = jp_evidence_document_search_finish (JP_EVIDENCE_DOCUMENT (source), result, &error);
  if (hits == NULL || JP_EVIDENCE_DOCUMENT (source) != self->document)
    return;

  g_clear_pointer (&self->hits, g_array_unref);
  self->hits = g_steal_pointer (&hits);
  self->search_done = TRUE;
  self->current_hit = -1;
  for (i = 0; i < self->hits->len && self->current_hit < 0; i++)
    if (g_array_index (self->hits, JpEvidenceHit, i).page >= self->page)
      self->current_hit = (int) i;
  if (self->hits->len > 0)
    jp_evidence_viewer_go_to_hit (self, MAX (self->current_hit, 0));
  else
    distribute_hits (self);
  update_hits_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HITS]);
}

void
jp_evidence_viewer_start_search (JpEvidenceViewer *self,
              const char       *text)
{
  if (self->search_done && g_strcmp0 (text, self->search_text) == 0)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  g_clear_pointer (&self->hits, g_array_unref);
  self->current_hit = -1;
  self->search_done = FALSE;
  distribute_hits (self);

  if (self->document == NULL || text == NULL || *text == '\0')
    {
      self->search_done = TRUE;
      update_hits_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HITS]);
      return;
    }
  update_hits_label (self);
  self->search_cancellable = g_cancellable_new ();
  jp_evidence_document_search_async (self->document, text, self->search_cancellable,
                                     on_search_done, g_object_ref (self));
}

static void
on_search_entry_search_changed (JpEvidenceViewer *self)
{
  jp_evidence_viewer_start_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_entry_activate (JpEvidenceViewer *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.next-hit", NULL);
}

static void
on_search_entry_previous_match (JpEvidenceViewer *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.previous-hit", NULL);
}

static void
on_search_entry_stop_search (JpEvidenceViewer *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.close-search", NULL);
}

static void
on_page_entry_activate (JpEvidenceViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  char *end = NULL;
  long n = strtol (text, &end, 10);

  if (end != text && n >= 1)
    jp_evidence_viewer_go_to_page (self, (int) MIN (n, G_MAXINT) - 1);
  else
    update_page_label (self);
}

/* ---- rotation ---- */

static void
refresh_rotated_page (JpEvidenceViewer *self,
                      int               page)
{
  const char *label;
  g_autofree char *copy = NULL;

  jp_evidence_page_rotation_changed (jp_evidence_viewer_page_widget (self, page));
  /* Rebinding the row makes the thumbnail pick up the new rotation. */
  label = gtk_string_list_get_string (self->thumb_model, (guint) page);
  copy = g_strdup (label);
  self->syncing_selection = TRUE;
  gtk_string_list_splice (self->thumb_model, (guint) page, 1, (const char *const[]) { copy, NULL });
  self->syncing_selection = FALSE;
  sync_thumbnail_selection (self);
  distribute_hits (self);
  queue_fit (self);
  queue_update (self);
}

void
jp_evidence_viewer_rotate_current (JpEvidenceViewer *self,
                int               delta)
{
  int degrees;

  if (jp_evidence_viewer_n_pages (self) == 0)
    return;
  degrees = jp_evidence_normalize_rotation (
    jp_evidence_document_get_page_rotation (self->document, self->page) + delta);
  jp_evidence_document_set_page_rotation (self->document, self->page, degrees);
  refresh_rotated_page (self, self->page);
  g_signal_emit (self, signals[ROTATION_CHANGED], 0,
                 jp_evidence_document_get_sha256 (self->document), self->page, degrees);
}

static void
apply_saved_rotations (JpEvidenceViewer *self)
{
  guint i;

  if (self->document == NULL || self->rotations == NULL
      || g_strcmp0 (self->rotations_sha256, jp_evidence_document_get_sha256 (self->document)))
    return;
  for (i = 0; i < self->rotations->len && (int) i < jp_evidence_viewer_n_pages (self); i++)
    {
      int degrees = jp_evidence_normalize_rotation (g_array_index (self->rotations, int, i));

      if (degrees != jp_evidence_document_get_page_rotation (self->document, (int) i))
        {
          jp_evidence_document_set_page_rotation (self->document, (int) i, degrees);
          if (i < self->pages->len)
            refresh_rotated_page (self, (int) i);
        }
    }
}

/* ---- GObject ---- */

/* Pages sit on a grey desk, as in document viewers, so that white pages stand out; the
 * colour follows the theme's text colour so it also works with a dark style. */
static void
jp_evidence_viewer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  JpEvidenceViewer *self = JP_EVIDENCE_VIEWER (widget);
  GdkRGBA desk;
  double x = 0, y = 0;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &desk);
  desk.alpha = 0.08;
  if (gtk_widget_translate_coordinates (self->scrolled, widget, 0, 0, &x, &y))
    gtk_snapshot_append_color (snapshot, &desk,
                               &GRAPHENE_RECT_INIT ((float) x, (float) y,
                                                    gtk_widget_get_width (self->scrolled),
                                                    gtk_widget_get_height (self->scrolled)));
  gtk_widget_snapshot_child (widget, self->root, snapshot);
}

static void
jp_evidence_viewer_dispose (GObject *object)
{
  JpEvidenceViewer *self = JP_EVIDENCE_VIEWER (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  if (self->thumbnails_view != NULL)
    gtk_list_view_set_model (GTK_LIST_VIEW (self->thumbnails_view), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_EVIDENCE_VIEWER);
  g_clear_object (&self->thumb_selection);
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->rotations, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->rotations_sha256, g_free);
  jp_evidence_viewer_redaction_dispose (self);

  G_OBJECT_CLASS (jp_evidence_viewer_parent_class)->dispose (object);
}

static void
jp_evidence_viewer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JpEvidenceViewer *self = JP_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_N_HITS:
      g_value_set_uint (value, jp_evidence_viewer_get_n_hits (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jp_evidence_viewer_class_init (JpEvidenceViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_evidence_viewer_dispose;
  object_class->get_property = jp_evidence_viewer_get_property;
  widget_class->snapshot = jp_evidence_viewer_snapshot;

  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_HITS] =
    g_param_spec_uint ("n-hits", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ROTATION_CHANGED] =
    g_signal_new ("rotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);

  /* Referencing the bundle links its registering constructor into every user of the static
   * library, including tests that use only this widget. */
  g_assert (jp_get_resource () != NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidence-viewer");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-evidence-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, root);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, page_entry);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, thumbnails_toggle);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, search_toggle);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, search_bar);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, hits_label);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, thumbnails_view);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, scrolled);
  gtk_widget_class_bind_template_child (widget_class, JpEvidenceViewer, pages_box);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_previous_match);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);

  jp_evidence_viewer_class_actions_init (widget_class);
  jp_evidence_viewer_class_redaction_init (widget_class);
}

static void
jp_evidence_viewer_init (JpEvidenceViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
  self->zoom = 1.0;
  self->fit_mode = JP_EVIDENCE_FIT_WIDTH;
  self->target_value = -1;
  self->target_hvalue = -1;
  self->current_hit = -1;
  self->search_done = TRUE;

  jp_evidence_viewer_init_thumbnails (self);

  g_signal_connect_object (vadjustment (self), "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed), self, 0);
  g_signal_connect_object (vadjustment (self), "changed",
                           G_CALLBACK (on_adjustment_changed), self, 0);
  g_signal_connect_object (hadjustment (self), "notify::page-size",
                           G_CALLBACK (on_page_size_changed), self, 0);
  g_signal_connect_object (vadjustment (self), "notify::page-size",
                           G_CALLBACK (on_page_size_changed), self, 0);

  jp_evidence_viewer_init_controllers (self);
  jp_evidence_viewer_init_redaction (self);

  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar),
                                GTK_EDITABLE (self->search_entry));
  update_zoom_label (self);
  update_page_label (self);
}

/* ---- public API ---- */

GtkWidget *
jp_evidence_viewer_new (void)
{
  return g_object_new (JP_TYPE_EVIDENCE_VIEWER, NULL);
}

void
jp_evidence_viewer_set_renderer (JpEvidenceViewer   *self,
                                 JpEvidenceRenderer *renderer)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));
  g_return_if_fail (renderer == NULL || JP_IS_EVIDENCE_RENDERER (renderer));

  if (!g_set_object (&self->renderer, renderer))
    return;
  if (self->document != NULL)
    {
      g_autoptr(JpEvidenceDocument) doc = g_object_ref (self->document);

      g_clear_object (&self->document);
      jp_evidence_viewer_set_document (self, doc);
    }
}

void
jp_evidence_viewer_set_document (JpEvidenceViewer   *self,
                                 JpEvidenceDocument *document)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  int i, n;

  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));
  g_return_if_fail (document == NULL || JP_IS_EVIDENCE_DOCUMENT (document));

  if (document == self->document)
    return;
  if (self->renderer == NULL)
    self->renderer = jp_evidence_renderer_new (0, 0);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  self->search_done = TRUE;
  self->current_hit = -1;

  while ((child = gtk_widget_get_first_child (self->pages_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->pages_box), child);
  g_ptr_array_set_size (self->pages, 0);
  g_set_object (&self->document, document);
  apply_saved_rotations (self);

  n = jp_evidence_viewer_n_pages (self);
  for (i = 0; i < n; i++)
    {
      GtkWidget *page = jp_evidence_page_new ();

      jp_evidence_page_set_page (JP_EVIDENCE_PAGE (page), self->renderer, document, i);
      jp_evidence_page_set_zoom (JP_EVIDENCE_PAGE (page), self->zoom);
      gtk_box_append (GTK_BOX (self->pages_box), page);
      g_ptr_array_add (self->pages, page);
      g_ptr_array_add (labels, g_strdup_printf ("%d", i + 1));
    }
  g_ptr_array_add (labels, NULL);
  /* boxes belong to one document: the caller gives the new one's */
  if (self->redactions != NULL)
    g_array_set_size (self->redactions, 0);
  self->syncing_selection = TRUE;
  gtk_string_list_splice (self->thumb_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->thumb_model)),
                          (const char *const *) labels->pdata);
  self->syncing_selection = FALSE;

  {
    g_autofree char *count = g_strdup_printf ("/ %d", n);

    gtk_label_set_text (GTK_LABEL (self->n_pages_label), n > 0 ? count : "");
  }
  gtk_label_set_text (GTK_LABEL (self->title_label),
                      document != NULL ? jp_evidence_document_get_display_name (document) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  update_hits_label (self);

  self->page = -1;
  set_current_page (self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.rotate-left", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.rotate-right", n > 0);
  scroll_to (self, 0, 0);
  self->target_value = -1;
  queue_fit (self);
  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HITS]);
}

JpEvidenceDocument *
jp_evidence_viewer_get_document (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), NULL);
  return self->document;
}

void
jp_evidence_viewer_go_to_page (JpEvidenceViewer *self,
                               int               page)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));

  if (jp_evidence_viewer_n_pages (self) == 0)
    return;
  page = CLAMP (page, 0, jp_evidence_viewer_n_pages (self) - 1);
  set_current_page (self, page);
  update_page_label (self);
  scroll_to (self, page_top (self, page) - PAGE_SPACING / 2.0, -1);
}

int
jp_evidence_viewer_get_page (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), 0);
  return MAX (self->page, 0);
}

void
jp_evidence_viewer_set_zoom (JpEvidenceViewer *self,
                             double            zoom)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));

  self->fit_mode = JP_EVIDENCE_FIT_NONE;
  set_zoom_at_top (self, zoom);
}

double
jp_evidence_viewer_get_zoom (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), 1.0);
  return self->zoom;
}

void
jp_evidence_viewer_set_fit_mode (JpEvidenceViewer  *self,
                                 JpEvidenceFitMode  mode)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));

  self->fit_mode = mode;
  if (mode != JP_EVIDENCE_FIT_NONE && jp_evidence_viewer_n_pages (self) > 0
      && gtk_adjustment_get_page_size (hadjustment (self)) > 0)
    {
      g_clear_handle_id (&self->fit_id, g_source_remove);
      self->fit_id = 0;
      fit_idle (self);
    }
  else
    queue_fit (self);
}

JpEvidenceFitMode
jp_evidence_viewer_get_fit_mode (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), JP_EVIDENCE_FIT_NONE);
  return self->fit_mode;
}

void
jp_evidence_viewer_set_thumbnails_visible (JpEvidenceViewer *self,
                                           gboolean          visible)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->thumbnails_toggle), visible);
}

gboolean
jp_evidence_viewer_get_thumbnails_visible (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), FALSE);
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->thumbnails_toggle));
}

void
jp_evidence_viewer_search (JpEvidenceViewer *self,
                           const char       *text)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  jp_evidence_viewer_start_search (self, text != NULL ? text : "");
}

guint
jp_evidence_viewer_get_n_hits (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

int
jp_evidence_viewer_get_current_hit (JpEvidenceViewer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), -1);
  return self->current_hit;
}

void
jp_evidence_viewer_set_rotations (JpEvidenceViewer *self,
                                  const char       *sha256,
                                  const int        *degrees,
                                  guint             n)
{
  g_return_if_fail (JP_IS_EVIDENCE_VIEWER (self));
  g_return_if_fail (sha256 != NULL);
  g_return_if_fail (degrees != NULL || n == 0);

  g_free (self->rotations_sha256);
  self->rotations_sha256 = g_strdup (sha256);
  g_clear_pointer (&self->rotations, g_array_unref);
  self->rotations = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  g_array_append_vals (self->rotations, degrees, n);
  apply_saved_rotations (self);
}

int
jp_evidence_viewer_get_rotation (JpEvidenceViewer *self,
                                 int               page)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), 0);

  if (page < 0 || page >= jp_evidence_viewer_n_pages (self))
    return 0;
  return jp_evidence_document_get_page_rotation (self->document, page);
}

guint
jp_evidence_viewer_get_n_pages_ready (JpEvidenceViewer *self)
{
  guint i, n = 0;

  g_return_val_if_fail (JP_IS_EVIDENCE_VIEWER (self), 0);
  for (i = 0; i < self->pages->len; i++)
    n += jp_evidence_page_has_texture (jp_evidence_viewer_page_widget (self, i));
  return n;
}
