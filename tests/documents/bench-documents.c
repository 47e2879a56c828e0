/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "documents/jp-documents.h"

/* Benchmark: the approval forms of 200 candidates (with their photos) in one PDF.
 * Target (DESIGN.md): under 5 s, under 300 KB a form on average. The election is built once
 * and cached in $JP_BENCH_DIR (the demo's 200-candidate file when it exists). */

int
main (int argc, char **argv)
{
  const char *dir = g_getenv ("JP_BENCH_DIR");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  double best = G_MAXDOUBLE;
  GStatBuf st;

  if (dir == NULL)
    dir = g_getenv ("G_TEST_BUILDDIR");
  if (dir == NULL)
    dir = ".";
  path = g_build_filename (dir, "bench-200.jiangping", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_build_filename (dir, "bench-documents-200.jiangping", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      JpDemoOptions options = { 200, JP_DEMO_DEFAULT_SEED, 0 };
      gint64 start = g_get_monotonic_time ();

      store = jp_demo_create (path, &options, NULL, NULL, &error);
      if (store == NULL)
        {
          g_printerr ("Could not create %s: %s\n", path, error->message);
          return 1;
        }
      printf ("created %s in %.1f s (cached for later runs)\n", path,
              (g_get_monotonic_time () - start) / 1e6);
    }
  else
    store = jp_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("Could not open %s: %s\n", path, error->message);
      return 1;
    }
  if (jp_store_count_candidates (store) != 200)
    {
      g_printerr ("expected 200 candidates, got %u\n", jp_store_count_candidates (store));
      return 1;
    }

  out = g_build_filename (dir, "bench-approval-forms.pdf", NULL);
  for (guint run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      g_clear_pointer (&findings, g_ptr_array_unref);
      if (!jp_documents_write (store, JP_DOCUMENT_APPROVAL_FORM, NULL, NULL, out, NULL, NULL,
                               NULL, &findings, &error))
        {
          g_printerr ("Could not write the forms: %s\n", error->message);
          return 1;
        }
      seconds = (g_get_monotonic_time () - start) / 1e6;
      best = MIN (best, seconds);
      printf ("run %u: 200 approval forms in %.2f s\n", run + 1, seconds);
    }
  g_stat (out, &st);
  printf ("best: %.2f s (target < 5 s); file %.1f MB, %.1f KB a form (target < 300 KB); "
          "%u findings\n", best, st.st_size / (1024.0 * 1024.0), st.st_size / 1024.0 / 200,
          findings->len);
  return best < 5 && st.st_size / 200 < 300 * 1024 ? 0 : 1;
}
