/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <glib/gi18n-lib.h>

#include "jp-random.h"
#include "jp-store-private.h"

static JpRandomSource test_source;
static gpointer test_source_data;

static gboolean
kernel_source (guint8  *buf,
               gsize    len,
               GError **error)
{
  gsize done = 0;

  while (done < len)
    {
      ssize_t n = getrandom (buf + done, len - done, 0);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED,
                       _("The system's source of random numbers failed (%s). Try again; if it "
                         "keeps failing, restart the computer."),
                       g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

gboolean
jp_random_bytes (guint8  *buf,
                 gsize    len,
                 GError **error)
{
  gboolean ok;

  g_return_val_if_fail (buf != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (test_source != NULL)
    ok = test_source (buf, len, test_source_data, error);
  else
    ok = kernel_source (buf, len, error);
  if (!ok)
    memset (buf, 0, len);
  return ok;
}

char *
jp_random_hex (gsize    n_bytes,
               GError **error)
{
  g_autofree guint8 *bytes = g_malloc (n_bytes > 0 ? n_bytes : 1);
  GString *hex;

  if (!jp_random_bytes (bytes, n_bytes, error))
    return NULL;
  hex = g_string_sized_new (2 * n_bytes);
  for (gsize i = 0; i < n_bytes; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);
  return g_string_free (hex, FALSE);
}

void
jp_random_set_source_for_testing (JpRandomSource source,
                                  gpointer       user_data)
{
  test_source = source;
  test_source_data = user_data;
}

/* The store's older name for the same draw, kept for the store's own callers. */
gboolean
jp_store_random_bytes (guint8  *buf,
                       gsize    len,
                       GError **error)
{
  return jp_random_bytes (buf, len, error);
}
