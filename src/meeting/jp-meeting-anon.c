/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include "jp-meeting.h"
#include "jp-meeting-anon.h"

/* Black boxes overlap the found text by this many points on each side, so that glyph parts
 * outside poppler's tight boxes (descenders, accents) are covered too. */
#define BOX_PAD 1.5

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
burn_box (cairo_t              *cr,
          const JpEvidenceRect *r,
          double                scale)
{
  cairo_rectangle (cr, (r->x - BOX_PAD) * scale, (r->y - BOX_PAD) * scale,
                   (r->width + 2 * BOX_PAD) * scale, (r->height + 2 * BOX_PAD) * scale);
  cairo_fill (cr);
}

GBytes *
jp_meeting_anonymise (GBytes             *data,
                      const char         *mime,
                      const char         *sha256,
                      const char *const  *terms,
                      GArray             *boxes,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autoptr(JpEvidenceDocument) doc = NULL;
  g_autoptr(GByteArray) out = NULL;
  cairo_surface_t *pdf = NULL;
  cairo_status_t status;
  int n_pages;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = jp_evidence_document_new (data, mime, sha256, sha256, error);
  if (doc == NULL)
    return NULL;
  n_pages = jp_evidence_document_get_n_pages (doc);
  out = g_byte_array_new ();

  for (int page = 0; page < n_pages; page++)
    {
      g_autoptr(GError) local_error = NULL;
      cairo_surface_t *image;
      cairo_t *cr;
      double scale = 1.0;
      double width, height;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_pointer (&pdf, cairo_surface_destroy);
          return NULL;
        }
      /* Unrotated, so the text rectangles of poppler apply as they are. */
      image = jp_evidence_render_page (doc, page, JP_MEETING_ANON_DPI / 72.0, 0, &scale,
                                       &local_error);
      if (image == NULL)
        {
          g_clear_pointer (&pdf, cairo_surface_destroy);
          g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                       _("Cannot make the anonymised copy of evidence %s: %s"),
                       sha256 ? sha256 : "", local_error->message);
          return NULL;
        }

      cr = cairo_create (image);
      cairo_set_source_rgb (cr, 0, 0, 0);
      {
        /* also where a term wraps to the next line or has spaces between its characters */
        g_autoptr(GArray) hits = jp_evidence_page_find_terms (doc, page, terms);

        for (guint h = 0; h < hits->len; h++)
          burn_box (cr, &g_array_index (hits, JpEvidenceRect, h), scale);
      }
      for (guint b = 0; boxes != NULL && b < boxes->len; b++)
        {
          const JpEvidenceHit *hit = &g_array_index (boxes, JpEvidenceHit, b);

          if (hit->page == page)
            burn_box (cr, &hit->rect, scale);
        }
      cairo_destroy (cr);
      cairo_surface_flush (image);

      width = cairo_image_surface_get_width (image) / scale;
      height = cairo_image_surface_get_height (image) / scale;
      if (pdf == NULL)
        pdf = cairo_pdf_surface_create_for_stream (write_to_array, out, width, height);
      else
        cairo_pdf_surface_set_size (pdf, width, height);

      cr = cairo_create (pdf);
      cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (image);
    }

  if (pdf == NULL)
    {
      g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                   _("Evidence %s has no pages to show."), sha256 ? sha256 : "");
      return NULL;
    }
  cairo_surface_finish (pdf);
  status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, JP_MEETING_ERROR, JP_MEETING_ERROR_FAILED,
                   _("Cannot write the anonymised copy of evidence %s: %s"),
                   sha256 ? sha256 : "", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* ---- the cache ---- */

struct _JpMeetingAnonCache {
  GObject     parent_instance;
  gsize       max_bytes;
  gsize       size;
  GHashTable *copies;    /* key -> GBytes */
  GQueue      lru;       /* keys (owned by `copies`), most recent at the head */
  GHashTable *pending;   /* key -> GPtrArray of GTask waiting for one build */
};

G_DEFINE_FINAL_TYPE (JpMeetingAnonCache, jp_meeting_anon_cache, G_TYPE_OBJECT)

typedef struct {
  GBytes *data;
  char   *mime;
  char   *sha256;
  GStrv   terms;
  GArray *boxes;
  char   *key;
} BuildJob;

static void
build_job_free (BuildJob *job)
{
  g_bytes_unref (job->data);
  g_free (job->mime);
  g_free (job->sha256);
  g_strfreev (job->terms);
  g_clear_pointer (&job->boxes, g_array_unref);
  g_free (job->key);
  g_free (job);
}

static void
jp_meeting_anon_cache_finalize (GObject *object)
{
  JpMeetingAnonCache *self = JP_MEETING_ANON_CACHE (object);

  g_queue_clear (&self->lru);
  g_hash_table_unref (self->copies);
  g_hash_table_unref (self->pending);
  G_OBJECT_CLASS (jp_meeting_anon_cache_parent_class)->finalize (object);
}

static void
jp_meeting_anon_cache_class_init (JpMeetingAnonCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_meeting_anon_cache_finalize;
}

static void
jp_meeting_anon_cache_init (JpMeetingAnonCache *self)
{
  self->copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_bytes_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

/**
 * jp_meeting_anon_cache_new:
 * @max_bytes: the most bytes of copies to keep
 *
 * Returns: (transfer full): a new, empty cache.
 */
JpMeetingAnonCache *
jp_meeting_anon_cache_new (gsize max_bytes)
{
  JpMeetingAnonCache *self = g_object_new (JP_TYPE_MEETING_ANON_CACHE, NULL);

  self->max_bytes = max_bytes;
  return self;
}

static char *
cache_key (const char        *sha256,
           const char *const *terms,
           GArray            *boxes)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *) (sha256 ? sha256 : ""), -1);
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_checksum_update (sum, (const guchar *) "\n", 1);
      g_checksum_update (sum, (const guchar *) terms[i], -1);
    }
  for (guint i = 0; boxes != NULL && i < boxes->len; i++)
    {
      const JpEvidenceHit *h = &g_array_index (boxes, JpEvidenceHit, i);
      g_autofree char *text = g_strdup_printf ("\nbox %d %.3f %.3f %.3f %.3f", h->page,
                                               h->rect.x, h->rect.y,
                                               h->rect.width, h->rect.height);

      g_checksum_update (sum, (const guchar *) text, -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
cache_touch (JpMeetingAnonCache *self,
             const char         *key)
{
  GList *link = g_queue_find_custom (&self->lru, key, (GCompareFunc) g_strcmp0);

  if (link != NULL)
    {
      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
    }
}

static void
cache_insert (JpMeetingAnonCache *self,
              const char         *key,
              GBytes             *copy)
{
  char *owned_key;

  if (g_bytes_get_size (copy) > self->max_bytes || g_hash_table_contains (self->copies, key))
    return;
  while (self->size + g_bytes_get_size (copy) > self->max_bytes && self->lru.length > 0)
    {
      char *old = g_queue_pop_tail (&self->lru);
      GBytes *old_copy = g_hash_table_lookup (self->copies, old);

      self->size -= g_bytes_get_size (old_copy);
      g_hash_table_remove (self->copies, old);
    }
  owned_key = g_strdup (key);
  g_hash_table_insert (self->copies, owned_key, g_bytes_ref (copy));
  g_queue_push_head (&self->lru, owned_key);
  self->size += g_bytes_get_size (copy);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildJob *job = task_data;
  GError *error = NULL;
  GBytes *copy;

  /* No cancellable: the build is shared by every waiting request. */
  copy = jp_meeting_anonymise (job->data, job->mime, job->sha256,
                               (const char *const *) job->terms, job->boxes, NULL, &error);
  if (copy == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, copy, (GDestroyNotify) g_bytes_unref);
}

static void
build_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  JpMeetingAnonCache *self = JP_MEETING_ANON_CACHE (source);
  BuildJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) copy = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) waiting = NULL;

  {
    g_autofree char *stolen_key = NULL;

    g_hash_table_steal_extended (self->pending, job->key, (gpointer *) &stolen_key,
                                 (gpointer *) &waiting);
  }
  if (copy != NULL)
    cache_insert (self, job->key, copy);
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      GTask *task = waiting->pdata[i];

      if (copy != NULL)
        g_task_return_pointer (task, g_bytes_ref (copy), (GDestroyNotify) g_bytes_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

void
jp_meeting_anon_cache_get_async (JpMeetingAnonCache  *self,
                                 GBytes              *data,
                                 const char          *mime,
                                 const char          *sha256,
                                 const char *const   *terms,
                                 GArray              *boxes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) build = NULL;
  g_autofree char *key = NULL;
  GPtrArray *waiting;
  GBytes *copy;
  BuildJob *job;

  g_return_if_fail (JP_IS_MEETING_ANON_CACHE (self));
  g_return_if_fail (data != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_meeting_anon_cache_get_async);
  key = cache_key (sha256, terms, boxes);

  copy = g_hash_table_lookup (self->copies, key);
  if (copy != NULL)
    {
      cache_touch (self, key);
      g_task_return_pointer (task, g_bytes_ref (copy), (GDestroyNotify) g_bytes_unref);
      return;
    }

  waiting = g_hash_table_lookup (self->pending, key);
  if (waiting != NULL)
    {
      g_ptr_array_add (waiting, g_steal_pointer (&task));
      return;
    }
  waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (waiting, g_steal_pointer (&task));
  g_hash_table_insert (self->pending, g_strdup (key), waiting);

  job = g_new0 (BuildJob, 1);
  job->data = g_bytes_ref (data);
  job->mime = g_strdup (mime);
  job->sha256 = g_strdup (sha256);
  job->terms = g_strdupv ((char **) terms);
  if (boxes != NULL)
    {
      job->boxes = g_array_sized_new (FALSE, FALSE, sizeof (JpEvidenceHit), boxes->len);
      g_array_append_vals (job->boxes, boxes->data, boxes->len);
    }
  job->key = g_steal_pointer (&key);
  build = g_task_new (self, NULL, build_done, NULL);
  g_task_set_task_data (build, job, (GDestroyNotify) build_job_free);
  g_task_run_in_thread (build, build_thread);
}

GBytes *
jp_meeting_anon_cache_get_finish (JpMeetingAnonCache  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gsize
jp_meeting_anon_cache_get_size (JpMeetingAnonCache *self)
{
  g_return_val_if_fail (JP_IS_MEETING_ANON_CACHE (self), 0);
  return self->size;
}

guint
jp_meeting_anon_cache_get_n_items (JpMeetingAnonCache *self)
{
  g_return_val_if_fail (JP_IS_MEETING_ANON_CACHE (self), 0);
  return g_hash_table_size (self->copies);
}
