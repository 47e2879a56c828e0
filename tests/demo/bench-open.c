/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "demo/jp-demo.h"

/* Benchmark: open an election of 200 candidates with about 4000 evidence pages and list the
 * candidates. Target: under 0.5 s, host memory under 300 MB. The election is built once and
 * cached (G_TEST_BUILDDIR, or $JP_BENCH_DIR). */

static char *
peak_rss (void)
{
  g_autofree char *status = NULL;
  char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return g_strdup ("unknown");
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return g_strdup ("unknown");
  return g_strstrip (g_strndup (line + 6, strcspn (line + 6, "\n")));
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  const char *dir = g_getenv ("JP_BENCH_DIR");
  g_autofree char *path = NULL;
  g_autofree char *rss = NULL;
  double times[5];
  GStatBuf st;

  if (dir == NULL)
    dir = g_getenv ("G_TEST_BUILDDIR");
  if (dir == NULL)
    dir = ".";
  path = g_build_filename (dir, "bench-200.jiangping", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JpStore) store = NULL;
      JpDemoOptions options = { 200, JP_DEMO_DEFAULT_SEED, 20 };
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

  for (guint run = 0; run < G_N_ELEMENTS (times); run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JpStore) store = NULL;
      g_autoptr(GListModel) list = NULL;
      gint64 start = g_get_monotonic_time ();

      store = jp_store_open (path, &error);
      if (store != NULL)
        list = jp_store_list_candidates (store, &error);
      if (list == NULL)
        {
          g_printerr ("Could not open %s: %s\n", path, error->message);
          return 1;
        }
      times[run] = (g_get_monotonic_time () - start) / 1e3;
      if (g_list_model_get_n_items (list) != 200)
        {
          g_printerr ("expected 200 candidates, got %u\n", g_list_model_get_n_items (list));
          return 1;
        }
      if (run == 0)
        {
          guint pages = 0;

          for (guint i = 0; i < 200; i++)
            {
              g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

              pages += c->n_evidence_pages;
            }
          printf ("candidates: 200, evidence pages: %u\n", pages);
        }
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_double);
  rss = peak_rss ();
  g_stat (path, &st);
  printf ("open + list: median %.1f ms, max %.1f ms (target < 500 ms)\n", times[2], times[4]);
  printf ("peak RSS (VmHWM): %s (target < 300 MB)\n", rss);
  printf ("file size: %.1f MB\n", st.st_size / (1024.0 * 1024.0));
  return times[2] < 500 ? 0 : 1;
}
