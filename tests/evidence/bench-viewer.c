/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench-viewer"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "evidence/jp-evidence-document.h"
#include "evidence/jp-evidence-renderer.h"
#include "jp-evidence-test-util.h"

#define N_PAGES 300
/* A 900 px wide page column, as in the dossier view, at a 1x display. */
#define VIEW_WIDTH 900.0

typedef struct {
  guint   delivered;
  guint   failed;
  gint64  first_at;
} Progress;

static void
on_rendered (JpEvidenceDocument *doc,
             int                 page,
             cairo_surface_t    *surface,
             double              scale,
             const GError       *error,
             gpointer            user_data)
{
  Progress *p = user_data;

  if (p->delivered == 0)
    p->first_at = g_get_monotonic_time ();
  p->delivered++;
  if (error != NULL)
    p->failed++;
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

/* The 300-page PDF is made once and kept in the build directory. */
static GBytes *
load_or_make_pdf (void)
{
  g_autofree char *path = g_build_filename (JP_BUILD_DIR, "tests", "evidence",
                                            "bench-300.pdf", NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  gchar *contents;
  gsize len;

  if (g_file_get_contents (path, &contents, &len, NULL))
    return g_bytes_new_take (contents, len);

  pdf = jp_test_make_pdf (N_PAGES, 595, 842, jp_test_draw_numbered_page, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    g_printerr ("could not cache %s: %s\n", path, error->message);
  return g_steal_pointer (&pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) pdf = load_or_make_pdf ();
  g_autoptr(JpEvidenceRenderer) renderer = jp_evidence_renderer_new (0, 0);
  g_autoptr(JpEvidenceDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  gint64 t0, t_open, t_all;
  double fit_scale, w;
  int i;

  t0 = g_get_monotonic_time ();
  doc = jp_evidence_document_new (pdf, "application/pdf", NULL, "bench-300.pdf", &error);
  if (doc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t_open = g_get_monotonic_time ();
  jp_evidence_document_get_page_size (doc, 0, &w, NULL);
  fit_scale = VIEW_WIDTH / w;

  jp_evidence_renderer_request (renderer, doc, 0, fit_scale, G_PRIORITY_HIGH, NULL,
                                on_rendered, &p);
  while (p.delivered < 1)
    g_main_context_iteration (NULL, TRUE);
  printf ("viewer-300: %d pages, %.1f kB\n", jp_evidence_document_get_n_pages (doc),
          g_bytes_get_size (pdf) / 1024.0);
  printf ("  open document:                 %6.1f ms\n", (t_open - t0) / 1000.0);
  printf ("  open -> first page delivered:  %6.1f ms (target 150 ms)\n",
          (p.first_at - t0) / 1000.0);

  /* Page through the whole document the way PgDn does: the next few pages at a time. */
  t0 = g_get_monotonic_time ();
  for (i = 1; i < N_PAGES; i++)
    {
      jp_evidence_renderer_request (renderer, doc, i, fit_scale, G_PRIORITY_DEFAULT, NULL,
                                    on_rendered, &p);
      while (p.delivered + 2 < (guint) i + 1)
        g_main_context_iteration (NULL, TRUE);
    }
  while (p.delivered < N_PAGES)
    g_main_context_iteration (NULL, TRUE);
  t_all = g_get_monotonic_time () - t0;

  printf ("  paged through %d pages at scale %.3f in %.0f ms (%.1f ms/page, %u failed)\n",
          N_PAGES, fit_scale, t_all / 1000.0, t_all / 1000.0 / N_PAGES, p.failed);
  printf ("  renders done %u, cache %u pages, %.1f MB of %.1f MB\n",
          jp_evidence_renderer_get_renders_done (renderer),
          jp_evidence_renderer_get_cache_count (renderer),
          jp_evidence_renderer_get_cache_bytes (renderer) / 1048576.0,
          jp_evidence_renderer_get_cache_limit (renderer) / 1048576.0);
  printf ("  peak RSS (VmHWM): %.1f MB\n", peak_rss_kb () / 1024.0);
  return p.failed == 0 ? 0 : 1;
}
