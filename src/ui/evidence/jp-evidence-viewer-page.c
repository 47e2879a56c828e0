/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ui/evidence/jp-evidence-viewer-private.h"

struct _JpEvidencePage
{
  GtkWidget           parent_instance;

  JpEvidenceRenderer *renderer;
  JpEvidenceDocument *document;
  int                 index;
  double              zoom;
  GdkTexture         *texture;
  double              texture_scale;     /* pixels per point of `texture` */
  int                 texture_rotation;
  double              pending_scale;     /* bucket requested, 0 when none */
  GCancellable       *cancellable;
  GArray             *hits;              /* JpEvidenceRect */
  int                 current_hit;
  char               *error;
  GArray             *redactions;        /* JpEvidenceRect, unrotated page points */
  gboolean            dragging;
  graphene_rect_t     drag;              /* widget coordinates */
};

G_DEFINE_FINAL_TYPE (JpEvidencePage, jp_evidence_page, GTK_TYPE_WIDGET)

static void
cancel_pending (JpEvidencePage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending_scale = 0;
}

static void
jp_evidence_page_dispose (GObject *object)
{
  JpEvidencePage *self = JP_EVIDENCE_PAGE (object);

  cancel_pending (self);
  g_clear_object (&self->texture);
  g_clear_object (&self->document);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->redactions, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (jp_evidence_page_parent_class)->dispose (object);
}

static void
get_rotated_size (JpEvidencePage *self,
                  double         *w,
                  double         *h)
{
  *w = 595;
  *h = 842;
  if (self->document != NULL && self->index >= 0)
    jp_evidence_document_get_page_size (self->document, self->index, w, h);
}

static void
jp_evidence_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  JpEvidencePage *self = JP_EVIDENCE_PAGE (widget);
  double w, h;

  get_rotated_size (self, &w, &h);
  *minimum = *natural = MAX (1, (int) round ((orientation == GTK_ORIENTATION_HORIZONTAL ? w : h)
                                             * self->zoom));
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          x,
             float          y,
             float          w,
             float          h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
jp_evidence_page_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  JpEvidencePage *self = JP_EVIDENCE_PAGE (widget);
  float w = gtk_widget_get_width (widget);
  float h = gtk_widget_get_height (widget);
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA placeholder = { 0.94, 0.94, 0.94, 1 };
  GdkRGBA hit = { 1.0, 0.85, 0.0, 0.35 };
  GdkRGBA current = { 1.0, 0.45, 0.0, 0.55 };
  GdkRGBA border = { 0, 0, 0, 0.18 };
  int rotation = 0;
  double uw = 0, uh = 0;
  guint i;

  /* a one-pixel frame so white pages stand out on a light background */
  append_rect (snapshot, &border, -1, -1, w + 2, h + 2);

  if (self->texture != NULL && self->texture_rotation
      == jp_evidence_document_get_page_rotation (self->document, self->index))
    {
      append_rect (snapshot, &white, 0, 0, w, h);
      gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, w, h));
    }
  else
    append_rect (snapshot, self->error != NULL ? &white : &placeholder, 0, 0, w, h);

  if (self->error != NULL)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, self->error);
      GdkRGBA red = { 0.75, 0.1, 0.1, 1 };

      pango_layout_set_width (layout, (int) MAX (10, w - 32) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (16, 16));
      gtk_snapshot_append_layout (snapshot, layout, &red);
      gtk_snapshot_restore (snapshot);
    }

  if (self->document != NULL && self->redactions != NULL)
    {
      /* translucent, so the chair still sees what the box hides */
      GdkRGBA box = { 0, 0, 0, 0.62 };

      rotation = jp_evidence_document_get_page_rotation (self->document, self->index);
      jp_evidence_document_get_unrotated_page_size (self->document, self->index, &uw, &uh);
      for (i = 0; i < self->redactions->len; i++)
        {
          JpEvidenceRect r;

          jp_evidence_rect_rotate (&g_array_index (self->redactions, JpEvidenceRect, i), uw, uh,
                                   rotation, &r);
          append_rect (snapshot, &box, (float) (r.x * self->zoom), (float) (r.y * self->zoom),
                       (float) (r.width * self->zoom), (float) (r.height * self->zoom));
        }
    }
  if (self->dragging)
    {
      GdkRGBA fill = { 0, 0, 0, 0.35 };
      GdkRGBA edge = { 0.85, 0.1, 0.1, 1 };
      float bw[4] = { 2, 2, 2, 2 };
      GdkRGBA edges[4] = { edge, edge, edge, edge };
      GskRoundedRect outline;

      gtk_snapshot_append_color (snapshot, &fill, &self->drag);
      gsk_rounded_rect_init_from_rect (&outline, &self->drag, 0);
      gtk_snapshot_append_border (snapshot, &outline, bw, edges);
    }

  if (self->hits == NULL || self->document == NULL)
    return;
  rotation = jp_evidence_document_get_page_rotation (self->document, self->index);
  jp_evidence_document_get_unrotated_page_size (self->document, self->index, &uw, &uh);
  for (i = 0; i < self->hits->len; i++)
    {
      JpEvidenceRect r;

      jp_evidence_rect_rotate (&g_array_index (self->hits, JpEvidenceRect, i), uw, uh,
                               rotation, &r);
      append_rect (snapshot, (int) i == self->current_hit ? &current : &hit,
                   (float) ((r.x - 1) * self->zoom), (float) ((r.y - 1) * self->zoom),
                   (float) ((r.width + 2) * self->zoom), (float) ((r.height + 2) * self->zoom));
    }
}

static void
jp_evidence_page_class_init (JpEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_evidence_page_dispose;
  widget_class->measure = jp_evidence_page_measure;
  widget_class->snapshot = jp_evidence_page_snapshot;
  gtk_widget_class_set_css_name (widget_class, "evidence-page");
}

static void
jp_evidence_page_init (JpEvidencePage *self)
{
  self->index = -1;
  self->zoom = 1.0;
  self->current_hit = -1;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
}

GtkWidget *
jp_evidence_page_new (void)
{
  return g_object_new (JP_TYPE_EVIDENCE_PAGE, NULL);
}

void
jp_evidence_page_set_page (JpEvidencePage     *self,
                           JpEvidenceRenderer *renderer,
                           JpEvidenceDocument *document,
                           int                 index)
{
  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  cancel_pending (self);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->hits, g_array_unref);
  g_set_object (&self->renderer, renderer);
  g_set_object (&self->document, document);
  self->index = document != NULL ? index : -1;
  self->current_hit = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
jp_evidence_page_get_index (JpEvidencePage *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_PAGE (self), -1);
  return self->index;
}

void
jp_evidence_page_set_zoom (JpEvidencePage *self,
                           double          zoom)
{
  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  if (fabs (self->zoom - zoom) < 1e-9)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The renderer hands over a cairo surface; GTK wants a texture. The surface's memory is
 * shared, not copied: cached surfaces are never drawn on again. */
static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
                                 GDK_MEMORY_B8G8R8A8_PREMULTIPLIED,
#else
                                 GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
#endif
                                 bytes, stride);
}

static void
set_texture (JpEvidencePage  *self,
             cairo_surface_t *surface,
             double           scale)
{
  g_clear_object (&self->texture);
  g_clear_pointer (&self->error, g_free);
  self->texture = texture_from_surface (surface);
  self->texture_scale = scale;
  self->texture_rotation = jp_evidence_document_get_page_rotation (self->document, self->index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct {
  JpEvidencePage *page;     /* strong */
  GCancellable   *cancellable;
} Request;

static void
on_rendered (JpEvidenceDocument *document,
             int                 index,
             cairo_surface_t    *surface,
             double              scale,
             const GError       *error,
             gpointer            user_data)
{
  Request *req = user_data;
  JpEvidencePage *self = req->page;

  /* A newer request or a different page replaced this one: ignore the result. */
  if (req->cancellable == self->cancellable && !g_cancellable_is_cancelled (req->cancellable)
      && self->document == document && self->index == index)
    {
      g_clear_object (&self->cancellable);
      self->pending_scale = 0;
      if (surface != NULL)
        set_texture (self, surface, scale);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_pointer (&self->error, g_free);
          self->error = g_strdup (error->message);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
  g_object_unref (req->cancellable);
  g_object_unref (req->page);
  g_free (req);
}

void
jp_evidence_page_ensure_rendered (JpEvidencePage *self,
                                  int             priority)
{
  double scale, bucket;
  cairo_surface_t *cached;
  double cached_scale = 0;
  Request *req;

  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  if (self->document == NULL || self->renderer == NULL || self->index < 0)
    return;
  scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  bucket = jp_evidence_renderer_bucket_scale (scale);
  if (self->texture != NULL && fabs (self->texture_scale - bucket) < 1e-6
      && self->texture_rotation
         == jp_evidence_document_get_page_rotation (self->document, self->index))
    return;
  if (self->error != NULL || fabs (self->pending_scale - bucket) < 1e-6)
    return;

  cached = jp_evidence_renderer_lookup (self->renderer, self->document, self->index, scale,
                                        &cached_scale);
  if (cached != NULL)
    {
      cancel_pending (self);
      set_texture (self, cached, cached_scale);
      cairo_surface_destroy (cached);
      return;
    }

  /* Keep showing the old texture (stretched) until the sharper one arrives. */
  cancel_pending (self);
  self->cancellable = g_cancellable_new ();
  self->pending_scale = bucket;
  req = g_new0 (Request, 1);
  req->page = g_object_ref (self);
  req->cancellable = g_object_ref (self->cancellable);
  jp_evidence_renderer_request (self->renderer, self->document, self->index, scale, priority,
                                self->cancellable, on_rendered, req);
}

void
jp_evidence_page_release (JpEvidencePage *self)
{
  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  cancel_pending (self);
  if (self->texture != NULL)
    {
      g_clear_object (&self->texture);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
jp_evidence_page_rotation_changed (JpEvidencePage *self)
{
  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  cancel_pending (self);
  g_clear_object (&self->texture);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
jp_evidence_page_set_hits (JpEvidencePage *self,
                           GArray         *rects,
                           int             current)
{
  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  g_clear_pointer (&self->hits, g_array_unref);
  if (rects != NULL && rects->len > 0)
    {
      self->hits = g_array_sized_new (FALSE, FALSE, sizeof (JpEvidenceRect), rects->len);
      g_array_append_vals (self->hits, rects->data, rects->len);
    }
  self->current_hit = current;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
jp_evidence_page_has_texture (JpEvidencePage *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_PAGE (self), FALSE);
  return self->texture != NULL;
}

const char *
jp_evidence_page_get_error (JpEvidencePage *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_PAGE (self), NULL);
  return self->error;
}

void
jp_evidence_page_set_redactions (JpEvidencePage *self,
                                 GArray         *rects)
{
  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  g_clear_pointer (&self->redactions, g_array_unref);
  if (rects != NULL && rects->len > 0)
    {
      self->redactions = g_array_sized_new (FALSE, FALSE, sizeof (JpEvidenceRect), rects->len);
      g_array_append_vals (self->redactions, rects->data, rects->len);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
jp_evidence_page_get_n_redactions (JpEvidencePage *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_PAGE (self), 0);
  return self->redactions != NULL ? self->redactions->len : 0;
}

void
jp_evidence_page_set_drag (JpEvidencePage        *self,
                           const graphene_rect_t *rect)
{
  g_return_if_fail (JP_IS_EVIDENCE_PAGE (self));

  self->dragging = rect != NULL;
  if (rect != NULL)
    graphene_rect_normalize_r (rect, &self->drag);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
jp_evidence_page_get_zoom (JpEvidencePage *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_PAGE (self), 1.0);
  return self->zoom;
}
