/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-evidence"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>

#include "jp-evidence-document.h"
#include "core/jp-anon-terms.h"

typedef struct {
  double width;   /* unrotated, points */
  double height;
  int    rotation;   /* atomic */
} PageInfo;

struct _JpEvidenceDocument
{
  GObject          parent_instance;

  GMutex           mutex;     /* guards every poppler call and has_text */
  GBytes          *data;
  char            *sha256;
  char            *display_name;
  const char      *mime;
  guint64          serial;
  PopplerDocument *pdf;
  cairo_surface_t *image;     /* decoded image, premultiplied ARGB32 */
  PageInfo        *pages;
  int              n_pages;
  int              has_text;  /* -1 unknown */
};

G_DEFINE_FINAL_TYPE (JpEvidenceDocument, jp_evidence_document, G_TYPE_OBJECT)

static gint next_serial;

static void
jp_evidence_document_finalize (GObject *object)
{
  JpEvidenceDocument *self = JP_EVIDENCE_DOCUMENT (object);

  g_clear_object (&self->pdf);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->pages, g_free);
  g_free (self->sha256);
  g_free (self->display_name);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (jp_evidence_document_parent_class)->finalize (object);
}

static void
jp_evidence_document_class_init (JpEvidenceDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_evidence_document_finalize;
}

static void
jp_evidence_document_init (JpEvidenceDocument *self)
{
  g_mutex_init (&self->mutex);
  self->has_text = -1;
  self->serial = (guint64) g_atomic_int_add (&next_serial, 1) + 1;
}

static const char *
sniff_mime (GBytes *data)
{
  gsize len;
  const guint8 *p = g_bytes_get_data (data, &len);
  static const guint8 png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize i;

  if (len >= 8 && memcmp (p, png_sig, 8) == 0)
    return "image/png";
  if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    return "image/jpeg";
  for (i = 0; i + 5 <= MIN (len, 1024); i++)
    if (memcmp (p + i, "%PDF-", 5) == 0)
      return "application/pdf";
  return NULL;
}

static gboolean
open_pdf (JpEvidenceDocument  *self,
          GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  int i;

  self->pdf = poppler_document_new_from_bytes (self->data, NULL, &local_error);
  if (self->pdf == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password; ask the unit for a copy without one"),
                     self->display_name);
      else
        g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT,
                     _("“%s” is not a readable PDF (%s); ask the unit for a new copy"),
                     self->display_name, local_error->message);
      return FALSE;
    }

  self->n_pages = poppler_document_get_n_pages (self->pdf);
  if (self->n_pages <= 0)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_NO_PAGES,
                   _("“%s” has no pages; ask the unit for a complete copy"), self->display_name);
      return FALSE;
    }

  self->pages = g_new0 (PageInfo, self->n_pages);
  for (i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (self->pdf, i);

      /* A page poppler cannot parse keeps a Letter-size placeholder; rendering it reports
       * the error on that page only. */
      self->pages[i].width = 612;
      self->pages[i].height = 792;
      if (page != NULL)
        {
          poppler_page_get_size (page, &self->pages[i].width, &self->pages[i].height);
          g_object_unref (page);
        }
      if (self->pages[i].width < 1 || self->pages[i].height < 1)
        {
          self->pages[i].width = 612;
          self->pages[i].height = 792;
        }
    }
  return TRUE;
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int longest = MAX (width, height);

  if (longest > JP_EVIDENCE_MAX_IMAGE_PIXELS)
    {
      double f = (double) JP_EVIDENCE_MAX_IMAGE_PIXELS / longest;

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * f)), MAX (1, (int) (height * f)));
    }
}

/* Copies a pixbuf into a premultiplied ARGB32 surface, which is what cairo draws. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  guint8 *dst;
  int dst_stride;
  int x, y;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (y = 0; y < h; y++)
    {
      const guint8 *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dst + (gsize) y * dst_stride);

      for (x = 0; x < w; x++, s += n)
        {
          guint a = n == 4 ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static gboolean
open_image (JpEvidenceDocument  *self,
            GError             **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  GdkPixbuf *pixbuf = NULL;

  /* Name the type: gdk-pixbuf's own sniffing needs the shared MIME database, which a
   * sandbox or a test's isolated XDG dirs may not have. */
  loader = gdk_pixbuf_loader_new_with_mime_type (self->mime, &local_error);
  if (loader == NULL)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_UNSUPPORTED,
                   _("“%s” cannot be shown: %s"), self->display_name, local_error->message);
      return FALSE;
    }

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, self->data, &local_error)
      || !gdk_pixbuf_loader_close (loader, &local_error)
      || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT,
                   _("“%s” is a damaged image (%s); ask the unit for a new copy"),
                   self->display_name,
                   local_error != NULL ? local_error->message : _("no picture in it"));
      return FALSE;
    }

  /* Phone photos are often stored sideways with an EXIF orientation tag. */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  self->image = surface_from_pixbuf (oriented != NULL ? oriented : pixbuf);
  if (cairo_surface_status (self->image) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_TOO_LARGE,
                   _("“%s” is too large to show; ask the unit for a smaller scan"),
                   self->display_name);
      return FALSE;
    }
  self->n_pages = 1;
  self->pages = g_new0 (PageInfo, 1);
  self->pages[0].width = cairo_image_surface_get_width (self->image);
  self->pages[0].height = cairo_image_surface_get_height (self->image);
  self->has_text = FALSE;
  return TRUE;
}

/**
 * jp_evidence_document_new:
 *
 * See the header. The document owns a reference to `data`.
 */
JpEvidenceDocument *
jp_evidence_document_new (GBytes      *data,
                          const char  *mime,
                          const char  *sha256,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(JpEvidenceDocument) self = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (JP_TYPE_EVIDENCE_DOCUMENT, NULL);
  self->data = g_bytes_ref (data);
  self->display_name = g_strdup (display_name != NULL ? display_name : _("evidence"));
  self->sha256 = sha256 != NULL ? g_strdup (sha256) : jp_evidence_sha256 (data);

  if (g_bytes_get_size (data) == 0)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_EMPTY,
                   _("“%s” is empty; ask the unit for the file again"), self->display_name);
      return NULL;
    }

  /* Trust the bytes over the declared type: units rename files freely. */
  self->mime = sniff_mime (data);
  if (self->mime == NULL)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_UNSUPPORTED,
                   _("“%s” is not a PDF, JPEG or PNG file (declared as %s); ask the unit "
                     "for a PDF"), self->display_name, mime != NULL ? mime : "?");
      return NULL;
    }

  if (g_str_equal (self->mime, "application/pdf"))
    {
      if (!open_pdf (self, error))
        return NULL;
    }
  else if (!open_image (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
jp_evidence_document_get_sha256 (JpEvidenceDocument *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), NULL);
  return self->sha256;
}

const char *
jp_evidence_document_get_display_name (JpEvidenceDocument *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), NULL);
  return self->display_name;
}

const char *
jp_evidence_document_get_mime (JpEvidenceDocument *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), NULL);
  return self->mime;
}

gboolean
jp_evidence_document_is_image (JpEvidenceDocument *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), FALSE);
  return self->image != NULL;
}

int
jp_evidence_document_get_n_pages (JpEvidenceDocument *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), 0);
  return self->n_pages;
}

guint64
jp_evidence_document_get_serial (JpEvidenceDocument *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), 0);
  return self->serial;
}

int
jp_evidence_normalize_rotation (int degrees)
{
  int r = ((degrees % 360) + 360) % 360;

  return (r / 90) * 90;
}

void
jp_evidence_document_get_unrotated_page_size (JpEvidenceDocument *self,
                                              int                 page,
                                              double             *width,
                                              double             *height)
{
  g_return_if_fail (JP_IS_EVIDENCE_DOCUMENT (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);

  if (width != NULL)
    *width = self->pages[page].width;
  if (height != NULL)
    *height = self->pages[page].height;
}

void
jp_evidence_document_get_page_size (JpEvidenceDocument *self,
                                    int                 page,
                                    double             *width,
                                    double             *height)
{
  int rotation;
  double w, h;

  g_return_if_fail (JP_IS_EVIDENCE_DOCUMENT (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);

  rotation = jp_evidence_document_get_page_rotation (self, page);
  w = self->pages[page].width;
  h = self->pages[page].height;
  if (width != NULL)
    *width = (rotation % 180) != 0 ? h : w;
  if (height != NULL)
    *height = (rotation % 180) != 0 ? w : h;
}

int
jp_evidence_document_get_page_rotation (JpEvidenceDocument *self,
                                        int                 page)
{
  int r;

  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), 0);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, 0);

  /* Atomic rather than under the mutex, which a worker holds for a whole render: the main
   * thread reads rotations while laying out pages and must never wait for poppler. */
  r = g_atomic_int_get (&self->pages[page].rotation);
  return r;
}

void
jp_evidence_document_set_page_rotation (JpEvidenceDocument *self,
                                        int                 page,
                                        int                 degrees)
{
  g_return_if_fail (JP_IS_EVIDENCE_DOCUMENT (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);

  g_atomic_int_set (&self->pages[page].rotation, jp_evidence_normalize_rotation (degrees));
}

void
jp_evidence_rect_rotate (const JpEvidenceRect *rect,
                         double                page_width,
                         double                page_height,
                         int                   rotation,
                         JpEvidenceRect       *out)
{
  JpEvidenceRect r = *rect;

  switch (jp_evidence_normalize_rotation (rotation))
    {
    case 90:
      out->x = page_height - (r.y + r.height);
      out->y = r.x;
      out->width = r.height;
      out->height = r.width;
      break;
    case 180:
      out->x = page_width - (r.x + r.width);
      out->y = page_height - (r.y + r.height);
      out->width = r.width;
      out->height = r.height;
      break;
    case 270:
      out->x = r.y;
      out->y = page_width - (r.x + r.width);
      out->width = r.height;
      out->height = r.width;
      break;
    default:
      *out = r;
      break;
    }
}

/* Sets up `cr` so that unrotated page points map onto the rotated, scaled surface. */
static void
apply_page_transform (cairo_t *cr,
                      double   scale,
                      int      rotation,
                      double   w,
                      double   h)
{
  cairo_scale (cr, scale, scale);
  switch (rotation)
    {
    case 90:
      cairo_translate (cr, h, 0);
      cairo_rotate (cr, G_PI / 2);
      break;
    case 180:
      cairo_translate (cr, w, h);
      cairo_rotate (cr, G_PI);
      break;
    case 270:
      cairo_translate (cr, 0, w);
      cairo_rotate (cr, 3 * G_PI / 2);
      break;
    default:
      break;
    }
}

static gboolean
set_page_error (JpEvidenceDocument  *self,
                int                  page,
                const char          *reason,
                GError             **error)
{
  g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT,
               /* TRANSLATORS: "page 7 of “x.pdf” could not be rendered: <reason>" */
               _("page %d of “%s” could not be rendered: %s; ask the unit for a new copy"),
               page + 1, self->display_name, reason);
  return FALSE;
}

cairo_surface_t *
jp_evidence_render_page (JpEvidenceDocument *self,
                         int                 page,
                         double              scale,
                         int                 rotation,
                         double             *out_scale,
                         GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h, rw, rh;
  int pw, ph;
  gboolean ok = TRUE;

  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (rotation == JP_EVIDENCE_ROTATION_DOCUMENT)
    rotation = jp_evidence_document_get_page_rotation (self, page);
  rotation = jp_evidence_normalize_rotation (rotation);

  w = self->pages[page].width;
  h = self->pages[page].height;
  rw = (rotation % 180) != 0 ? h : w;
  rh = (rotation % 180) != 0 ? w : h;
  if (rw * scale > JP_EVIDENCE_MAX_RENDER_PIXELS || rh * scale > JP_EVIDENCE_MAX_RENDER_PIXELS)
    scale = MIN (JP_EVIDENCE_MAX_RENDER_PIXELS / rw, JP_EVIDENCE_MAX_RENDER_PIXELS / rh);
  pw = CLAMP ((int) ceil (rw * scale - 0.01), 1, JP_EVIDENCE_MAX_RENDER_PIXELS);
  ph = CLAMP ((int) ceil (rh * scale - 0.01), 1, JP_EVIDENCE_MAX_RENDER_PIXELS);
  if (out_scale != NULL)
    *out_scale = scale;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      set_page_error (self, page, _("out of memory"), error);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  apply_page_transform (cr, scale, rotation, w, h);

  if (self->image != NULL)
    {
      cairo_set_source_surface (cr, self->image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else
    {
      PopplerPage *ppage;

      g_mutex_lock (&self->mutex);
      ppage = poppler_document_get_page (self->pdf, page);
      if (ppage != NULL)
        {
          poppler_page_render (ppage, cr);
          g_object_unref (ppage);
        }
      g_mutex_unlock (&self->mutex);
      if (ppage == NULL)
        ok = set_page_error (self, page, _("the page is damaged"), error);
    }

  if (ok && cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    ok = set_page_error (self, page, cairo_status_to_string (cairo_status (cr)), error);
  cairo_destroy (cr);
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}

/* Caller holds the mutex. */
static GArray *
find_on_page_locked (JpEvidenceDocument *self,
                     int                 page,
                     const char         *text)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (JpEvidenceRect));
  PopplerPage *ppage;
  GList *matches, *l;
  double h = self->pages[page].height;

  if (self->pdf == NULL || text == NULL || *text == '\0')
    return rects;
  ppage = poppler_document_get_page (self->pdf, page);
  if (ppage == NULL)
    return rects;

  /* poppler's default options are case-insensitive; its rectangles have a bottom-left
   * origin (y1 below y2). */
  matches = poppler_page_find_text_with_options (ppage, text, POPPLER_FIND_DEFAULT);
  for (l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *pr = l->data;
      JpEvidenceRect r;

      r.x = MIN (pr->x1, pr->x2);
      r.width = fabs (pr->x2 - pr->x1);
      r.y = h - MAX (pr->y1, pr->y2);
      r.height = fabs (pr->y2 - pr->y1);
      g_array_append_val (rects, r);
    }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (ppage);
  return rects;
}

GArray *
jp_evidence_page_find_text (JpEvidenceDocument *self,
                            int                 page,
                            const char         *text)
{
  GArray *rects;

  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);

  g_mutex_lock (&self->mutex);
  rects = find_on_page_locked (self, page, text);
  g_mutex_unlock (&self->mutex);
  return rects;
}

/* Adds poppler's own matches of `text` (multi-line: a match may run from the end of one line
 * into the next, where the text has white space) to `rects`. */
static void
add_poppler_matches (PopplerPage *ppage,
                     double       page_height,
                     const char  *text,
                     GArray      *rects)
{
  GList *matches = poppler_page_find_text_with_options (ppage, text, POPPLER_FIND_MULTILINE);

  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *pr = l->data;
      JpEvidenceRect r;

      r.x = MIN (pr->x1, pr->x2);
      r.width = fabs (pr->x2 - pr->x1);
      r.y = page_height - MAX (pr->y1, pr->y2);
      r.height = fabs (pr->y2 - pr->y1);
      g_array_append_val (rects, r);
    }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
}

/* Whether `r` (a character) continues the run of characters `box` on the same line: it
 * overlaps the box vertically by half its height and does not go back to the left. */
static gboolean
same_line (const JpEvidenceRect *box,
           const JpEvidenceRect *r)
{
  double overlap = MIN (box->y + box->height, r->y + r->height) - MAX (box->y, r->y);

  return overlap >= 0.5 * MIN (box->height, r->height) && r->x >= box->x - 0.5 * r->width;
}

static void
union_rect (JpEvidenceRect       *box,
            const JpEvidenceRect *r)
{
  double x2 = MAX (box->x + box->width, r->x + r->width);
  double y2 = MAX (box->y + box->height, r->y + r->height);

  box->x = MIN (box->x, r->x);
  box->y = MIN (box->y, r->y);
  box->width = x2 - box->x;
  box->height = y2 - box->y;
}

/* Adds the boxes of every occurrence of `terms` in the page's text to `rects`, matched by
 * jp_anon_find (white space and line breaks inside a term skipped): one box per line a
 * match runs over, covering its characters. Returns FALSE, having added nothing, when the
 * page's text and its character boxes do not line up. Caller holds the mutex. */
static gboolean
add_layout_matches (PopplerPage       *ppage,
                    const char *const *terms,
                    GArray            *rects)
{
  g_autofree char *text = poppler_page_get_text (ppage);
  g_autofree PopplerRectangle *layout = NULL;
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) spans = NULL;
  guint n_layout = 0;
  glong n_chars = 0;

  if (text == NULL || *text == '\0')
    return TRUE;
  chars = g_utf8_to_ucs4 (text, -1, NULL, &n_chars, NULL);
  if (chars == NULL || !poppler_page_get_text_layout (ppage, &layout, &n_layout)
      || (glong) n_layout != n_chars)
    {
      g_debug ("page text of %ld characters has %u boxes: only poppler's search is used",
               n_chars, n_layout);
      return FALSE;
    }
  spans = jp_anon_find (text, -1, terms);
  for (guint i = 0; i < spans->len; i++)
    {
      const JpAnonSpan *span = &g_array_index (spans, JpAnonSpan, i);
      JpEvidenceRect box = { 0 };
      gboolean open = FALSE;

      for (guint c = span->start; c < span->end; c++)
        {
          const PopplerRectangle *pr = &layout[c];
          JpEvidenceRect r;

          /* the boxes of spaces and line ends are not the term's */
          if (jp_anon_char_is_ignorable (chars[c]))
            continue;
          r.x = MIN (pr->x1, pr->x2);
          r.y = MIN (pr->y1, pr->y2);
          r.width = fabs (pr->x2 - pr->x1);
          r.height = fabs (pr->y2 - pr->y1);
          if (open && same_line (&box, &r))
            union_rect (&box, &r);
          else
            {
              if (open)
                g_array_append_val (rects, box);
              box = r;
              open = TRUE;
            }
        }
      if (open)
        g_array_append_val (rects, box);
    }
  return TRUE;
}

GArray *
jp_evidence_page_find_terms (JpEvidenceDocument *self,
                             int                 page,
                             const char *const  *terms)
{
  GArray *rects;
  PopplerPage *ppage;
  gboolean laid_out;

  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (JpEvidenceRect));
  if (self->pdf == NULL || terms == NULL || terms[0] == NULL)
    return rects;
  g_mutex_lock (&self->mutex);
  ppage = poppler_document_get_page (self->pdf, page);
  if (ppage == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return rects;
    }
  laid_out = add_layout_matches (ppage, terms, rects);
  for (guint t = 0; terms[t] != NULL; t++)
    {
      const char *const one[] = { terms[t], NULL };
      g_autoptr(GArray) spans = jp_anon_find (terms[t], -1, one);
      g_autofree gunichar *u = NULL;
      glong n = 0;

      /* jp_anon_find of a term in itself tells whether the term counts (two characters or
       * more that are not white space) */
      if (spans->len == 0)
        continue;
      add_poppler_matches (ppage, self->pages[page].height, terms[t], rects);
      if (laid_out)
        continue;
      /* Without the character boxes. poppler's multi-line search lets a space in the term
       * stand for a line end, but Chinese lines end without one: give it the term broken at
       * each place. This finds wraps inside one text block only (the character boxes also
       * find wraps between lines set far apart, and spaces between every character), and
       * costs a search per place, so it is not run when the boxes did the work. */
      u = g_utf8_to_ucs4 (terms[t], -1, NULL, &n, NULL);
      for (glong k = 1; u != NULL && k < n; k++)
        {
          g_autofree char *head = g_ucs4_to_utf8 (u, k, NULL, NULL, NULL);
          g_autofree char *tail = g_ucs4_to_utf8 (u + k, n - k, NULL, NULL, NULL);
          g_autofree char *broken = NULL;

          if (jp_anon_char_is_ignorable (u[k]) || jp_anon_char_is_ignorable (u[k - 1]))
            continue;
          broken = g_strconcat (head, " ", tail, NULL);
          add_poppler_matches (ppage, self->pages[page].height, broken, rects);
        }
    }
  g_object_unref (ppage);
  g_mutex_unlock (&self->mutex);
  return rects;
}

GArray *
jp_evidence_document_find_text (JpEvidenceDocument *self,
                                const char         *text,
                                GCancellable       *cancellable)
{
  GArray *hits;
  int i;
  guint j;

  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (JpEvidenceHit));
  for (i = 0; i < self->n_pages && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GArray) rects = jp_evidence_page_find_text (self, i, text);

      for (j = 0; j < rects->len; j++)
        {
          JpEvidenceHit hit = { i, g_array_index (rects, JpEvidenceRect, j) };

          g_array_append_val (hits, hit);
        }
    }
  return hits;
}

static gboolean
has_visible_text (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

gboolean
jp_evidence_document_has_text (JpEvidenceDocument *self)
{
  int i;
  gboolean found = FALSE;

  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), FALSE);

  g_mutex_lock (&self->mutex);
  if (self->has_text >= 0)
    found = self->has_text;
  else
    {
      for (i = 0; i < self->n_pages && !found; i++)
        {
          PopplerPage *ppage = poppler_document_get_page (self->pdf, i);
          g_autofree char *text = NULL;

          if (ppage == NULL)
            continue;
          text = poppler_page_get_text (ppage);
          found = has_visible_text (text);
          g_object_unref (ppage);
        }
      self->has_text = found;
    }
  g_mutex_unlock (&self->mutex);
  return found;
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  JpEvidenceDocument *self = source_object;
  GArray *hits;

  jp_evidence_document_has_text (self);
  hits = jp_evidence_document_find_text (self, task_data, cancellable);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_array_unref (hits);
      g_task_return_error_if_cancelled (task);
      return;
    }
  g_task_return_pointer (task, hits, (GDestroyNotify) g_array_unref);
}

void
jp_evidence_document_search_async (JpEvidenceDocument  *self,
                                   const char          *text,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JP_IS_EVIDENCE_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_evidence_document_search_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, search_thread);
}

GArray *
jp_evidence_document_search_finish (JpEvidenceDocument  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
jp_evidence_document_print_page (JpEvidenceDocument  *self,
                                 int                  page,
                                 cairo_t             *cr,
                                 GError             **error)
{
  PopplerPage *ppage = NULL;

  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (self), FALSE);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (self->image != NULL)
    {
      cairo_save (cr);
      cairo_set_source_surface (cr, self->image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      return TRUE;
    }
  g_mutex_lock (&self->mutex);
  ppage = poppler_document_get_page (self->pdf, page);
  if (ppage != NULL)
    {
      cairo_save (cr);
      /* the printing variant keeps what is marked print-only and drops screen-only
       * annotations, as a printed form should */
      poppler_page_render_for_printing (ppage, cr);
      cairo_restore (cr);
      g_object_unref (ppage);
    }
  g_mutex_unlock (&self->mutex);
  if (ppage == NULL)
    return set_page_error (self, page, _("the page is damaged"), error);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return set_page_error (self, page, cairo_status_to_string (cairo_status (cr)), error);
  return TRUE;
}
