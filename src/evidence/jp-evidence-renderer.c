/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-evidence"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "jp-evidence-renderer.h"

typedef struct {
  char            *key;
  cairo_surface_t *surface;
  double           scale;
  gsize            bytes;
  GList            link;      /* in `lru`, most recent at the head */
} CacheEntry;

typedef struct {
  JpEvidenceRenderer       *renderer;
  JpEvidenceDocument       *document;
  int                       page;
  double                    scale;     /* bucketed */
  int                       rotation;
  int                       priority;
  guint64                   seq;
  GCancellable             *cancellable;
  JpEvidenceRenderCallback  callback;
  gpointer                  user_data;
  GMainContext             *context;
  cairo_surface_t          *surface;   /* result */
  double                    out_scale;
  GError                   *error;
} Job;

struct _JpEvidenceRenderer
{
  GObject      parent_instance;

  GThreadPool *pool;
  GMutex       mutex;        /* guards everything below */
  GHashTable  *cache;        /* key -> CacheEntry */
  GQueue       lru;
  gsize        cache_bytes;
  gsize        cache_limit;
  guint        renders_done;
  guint64      next_seq;
};

G_DEFINE_FINAL_TYPE (JpEvidenceRenderer, jp_evidence_renderer, G_TYPE_OBJECT)

static void
cache_entry_free (gpointer data)
{
  CacheEntry *e = data;

  cairo_surface_destroy (e->surface);
  g_free (e->key);
  g_free (e);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_clear_error (&job->error);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->document);
  g_main_context_unref (job->context);
  g_object_unref (job->renderer);
  g_free (job);
}

static char *
make_key (JpEvidenceDocument *document,
          int                 page,
          double              scale,
          int                 rotation)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%d:%.4f:%d",
                          jp_evidence_document_get_serial (document), page, scale, rotation);
}

/* Caller holds the mutex. Returns the entry and marks it recently used, or NULL. */
static CacheEntry *
cache_get_locked (JpEvidenceRenderer *self,
                  const char         *key)
{
  CacheEntry *e = g_hash_table_lookup (self->cache, key);

  if (e != NULL)
    {
      g_queue_unlink (&self->lru, &e->link);
      g_queue_push_head_link (&self->lru, &e->link);
    }
  return e;
}

static void
cache_remove_locked (JpEvidenceRenderer *self,
                     CacheEntry         *e)
{
  g_queue_unlink (&self->lru, &e->link);
  self->cache_bytes -= e->bytes;
  g_hash_table_remove (self->cache, e->key);
}

/* Caller holds the mutex. A surface larger than the whole bound is not cached at all. */
static void
cache_put_locked (JpEvidenceRenderer *self,
                  const char         *key,
                  cairo_surface_t    *surface,
                  double              scale)
{
  CacheEntry *e;
  gsize bytes = (gsize) cairo_image_surface_get_stride (surface)
                * (gsize) cairo_image_surface_get_height (surface);

  if (bytes > self->cache_limit || g_hash_table_contains (self->cache, key))
    return;
  while (self->cache_bytes + bytes > self->cache_limit && self->lru.tail != NULL)
    cache_remove_locked (self, self->lru.tail->data);

  e = g_new0 (CacheEntry, 1);
  e->key = g_strdup (key);
  e->surface = cairo_surface_reference (surface);
  e->scale = scale;
  e->bytes = bytes;
  e->link.data = e;
  g_queue_push_head_link (&self->lru, &e->link);
  g_hash_table_insert (self->cache, e->key, e);
  self->cache_bytes += bytes;
}

static gboolean
deliver_job (gpointer data)
{
  Job *job = data;

  job->callback (job->document, job->page, job->surface, job->out_scale, job->error,
                 job->user_data);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
dispatch_job (Job *job)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_job, job, NULL);
  g_source_set_static_name (source, "[jp-evidence-renderer] deliver");
  g_source_attach (source, job->context);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  JpEvidenceRenderer *self = job->renderer;
  g_autofree char *key = NULL;
  CacheEntry *e;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
    {
      dispatch_job (job);
      return;
    }

  key = make_key (job->document, job->page, job->scale, job->rotation);
  g_mutex_lock (&self->mutex);
  e = cache_get_locked (self, key);
  if (e != NULL)
    {
      job->surface = cairo_surface_reference (e->surface);
      job->out_scale = e->scale;
    }
  g_mutex_unlock (&self->mutex);

  if (job->surface == NULL)
    {
      job->surface = jp_evidence_render_page (job->document, job->page, job->scale,
                                              job->rotation, &job->out_scale, &job->error);
      g_mutex_lock (&self->mutex);
      self->renders_done++;
      if (job->surface != NULL)
        cache_put_locked (self, key, job->surface, job->out_scale);
      g_mutex_unlock (&self->mutex);
    }
  dispatch_job (job);
}

static gint
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *ja = a;
  const Job *jb = b;

  if (ja->priority != jb->priority)
    return ja->priority < jb->priority ? -1 : 1;
  return ja->seq > jb->seq ? -1 : (ja->seq < jb->seq ? 1 : 0);
}

static void
jp_evidence_renderer_finalize (GObject *object)
{
  JpEvidenceRenderer *self = JP_EVIDENCE_RENDERER (object);

  /* Every queued job holds a reference to the renderer, so the pool is idle here. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  /* The LRU links are embedded in the entries, which the table frees. */
  g_hash_table_destroy (self->cache);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (jp_evidence_renderer_parent_class)->finalize (object);
}

static void
jp_evidence_renderer_class_init (JpEvidenceRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_evidence_renderer_finalize;
}

static void
jp_evidence_renderer_init (JpEvidenceRenderer *self)
{
  g_mutex_init (&self->mutex);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cache_entry_free);
}

JpEvidenceRenderer *
jp_evidence_renderer_new (gsize cache_bytes,
                          guint n_threads)
{
  JpEvidenceRenderer *self = g_object_new (JP_TYPE_EVIDENCE_RENDERER, NULL);

  if (n_threads == 0)
    n_threads = CLAMP (g_get_num_processors (), 2, 4);
  self->cache_limit = cache_bytes > 0 ? cache_bytes : JP_EVIDENCE_RENDERER_DEFAULT_CACHE_BYTES;
  self->pool = g_thread_pool_new (run_job, self, (int) n_threads, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
  return self;
}

double
jp_evidence_renderer_bucket_scale (double scale)
{
  g_return_val_if_fail (scale > 0, 1.0);

  /* Eight buckets per doubling; a tiny epsilon keeps exact powers of two stable. */
  return pow (2.0, ceil (log2 (scale) * 8.0 - 1e-6) / 8.0);
}

void
jp_evidence_renderer_request (JpEvidenceRenderer       *self,
                              JpEvidenceDocument       *document,
                              int                       page,
                              double                    scale,
                              int                       priority,
                              GCancellable             *cancellable,
                              JpEvidenceRenderCallback  callback,
                              gpointer                  user_data)
{
  Job *job;

  g_return_if_fail (JP_IS_EVIDENCE_RENDERER (self));
  g_return_if_fail (JP_IS_EVIDENCE_DOCUMENT (document));
  g_return_if_fail (page >= 0 && page < jp_evidence_document_get_n_pages (document));
  g_return_if_fail (scale > 0);
  g_return_if_fail (callback != NULL);

  job = g_new0 (Job, 1);
  job->renderer = g_object_ref (self);
  job->document = g_object_ref (document);
  job->page = page;
  job->scale = jp_evidence_renderer_bucket_scale (scale);
  job->rotation = jp_evidence_document_get_page_rotation (document, page);
  job->priority = priority;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->callback = callback;
  job->user_data = user_data;
  job->context = g_main_context_ref_thread_default ();
  job->out_scale = job->scale;

  g_mutex_lock (&self->mutex);
  job->seq = self->next_seq++;
  g_mutex_unlock (&self->mutex);

  g_thread_pool_push (self->pool, job, NULL);
}

cairo_surface_t *
jp_evidence_renderer_lookup (JpEvidenceRenderer *self,
                             JpEvidenceDocument *document,
                             int                 page,
                             double              scale,
                             double             *out_scale)
{
  g_autofree char *key = NULL;
  cairo_surface_t *surface = NULL;
  CacheEntry *e;

  g_return_val_if_fail (JP_IS_EVIDENCE_RENDERER (self), NULL);
  g_return_val_if_fail (JP_IS_EVIDENCE_DOCUMENT (document), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  key = make_key (document, page, jp_evidence_renderer_bucket_scale (scale),
                  jp_evidence_document_get_page_rotation (document, page));
  g_mutex_lock (&self->mutex);
  e = cache_get_locked (self, key);
  if (e != NULL)
    {
      surface = cairo_surface_reference (e->surface);
      if (out_scale != NULL)
        *out_scale = e->scale;
    }
  g_mutex_unlock (&self->mutex);
  return surface;
}

gsize
jp_evidence_renderer_get_cache_bytes (JpEvidenceRenderer *self)
{
  gsize v;

  g_return_val_if_fail (JP_IS_EVIDENCE_RENDERER (self), 0);
  g_mutex_lock (&self->mutex);
  v = self->cache_bytes;
  g_mutex_unlock (&self->mutex);
  return v;
}

gsize
jp_evidence_renderer_get_cache_limit (JpEvidenceRenderer *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_RENDERER (self), 0);
  return self->cache_limit;
}

guint
jp_evidence_renderer_get_cache_count (JpEvidenceRenderer *self)
{
  guint v;

  g_return_val_if_fail (JP_IS_EVIDENCE_RENDERER (self), 0);
  g_mutex_lock (&self->mutex);
  v = g_hash_table_size (self->cache);
  g_mutex_unlock (&self->mutex);
  return v;
}

guint
jp_evidence_renderer_get_renders_done (JpEvidenceRenderer *self)
{
  guint v;

  g_return_val_if_fail (JP_IS_EVIDENCE_RENDERER (self), 0);
  g_mutex_lock (&self->mutex);
  v = self->renders_done;
  g_mutex_unlock (&self->mutex);
  return v;
}

void
jp_evidence_renderer_clear_cache (JpEvidenceRenderer *self)
{
  g_return_if_fail (JP_IS_EVIDENCE_RENDERER (self));

  g_mutex_lock (&self->mutex);
  while (self->lru.tail != NULL)
    cache_remove_locked (self, self->lru.tail->data);
  g_mutex_unlock (&self->mutex);
}
