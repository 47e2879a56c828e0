/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-evidence"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "jp-evidence.h"

G_DEFINE_QUARK (jp-evidence-error-quark, jp_evidence_error)

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint16
read_be16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static gboolean
has_pdf_header (const guint8 *p,
                gsize         len)
{
  gsize i;

  for (i = 0; i + 5 <= len; i++)
    if (memcmp (p + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
set_corrupt_image (const char  *filename,
                   const char  *kind,
                   GError     **error)
{
  g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT,
               /* TRANSLATORS: the second %s is "PNG" or "JPEG" */
               _("“%s” is a damaged or incomplete %s image; ask the unit for a new copy"),
               filename, kind);
  return FALSE;
}

/* Reads the size from IHDR and walks the chunk list up to IEND, so that a file cut short
 * anywhere is caught without decoding any pixels. */
static gboolean
probe_png (const guint8   *p,
           gsize           len,
           const char     *filename,
           JpEvidenceInfo *info,
           GError        **error)
{
  gsize pos = 8;
  gboolean seen_iend = FALSE;

  if (len < 8 + 8 + 13 + 4 || memcmp (p + 12, "IHDR", 4) != 0 || read_be32 (p + 8) != 13)
    return set_corrupt_image (filename, "PNG", error);

  info->width = (int) MIN (read_be32 (p + 16), G_MAXINT);
  info->height = (int) MIN (read_be32 (p + 20), G_MAXINT);
  if (info->width <= 0 || info->height <= 0)
    return set_corrupt_image (filename, "PNG", error);

  while (pos + 12 <= len)
    {
      guint32 chunk_len = read_be32 (p + pos);

      if ((guint64) chunk_len + 12 > len - pos)
        break;
      if (memcmp (p + pos + 4, "IEND", 4) == 0)
        {
          seen_iend = TRUE;
          break;
        }
      pos += (gsize) chunk_len + 12;
    }

  if (!seen_iend)
    return set_corrupt_image (filename, "PNG", error);

  return TRUE;
}

static gboolean
is_jpeg_sof (guint8 marker)
{
  return marker >= 0xc0 && marker <= 0xcf
         && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

/* Walks the marker segments up to the frame header (SOF) for the size, then checks that the
 * end-of-image marker follows the scan data (0xFF inside scan data is always stuffed, so
 * FF D9 there can only be the real end). */
static gboolean
probe_jpeg (const guint8   *p,
            gsize           len,
            const char     *filename,
            JpEvidenceInfo *info,
            GError        **error)
{
  gsize pos = 2;
  gboolean have_size = FALSE;

  while (pos + 4 <= len)
    {
      guint8 marker;
      guint16 seg_len;

      if (p[pos] != 0xff)
        return set_corrupt_image (filename, "JPEG", error);
      while (pos < len && p[pos] == 0xff)
        pos++;
      if (pos >= len)
        break;
      marker = p[pos++];

      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        continue;
      if (marker == 0xd9)
        break;
      if (pos + 2 > len)
        break;
      seg_len = read_be16 (p + pos);
      if (seg_len < 2 || pos + seg_len > len)
        break;

      if (is_jpeg_sof (marker))
        {
          if (seg_len < 7)
            break;
          info->height = read_be16 (p + pos + 3);
          info->width = read_be16 (p + pos + 5);
          have_size = TRUE;
        }
      else if (marker == 0xda)
        {
          gsize i;

          if (!have_size)
            break;
          for (i = pos + seg_len; i + 1 < len; i++)
            if (p[i] == 0xff && p[i + 1] == 0xd9)
              return info->width > 0 && info->height > 0
                     ? TRUE : set_corrupt_image (filename, "JPEG", error);
          break;
        }
      pos += seg_len;
    }

  return set_corrupt_image (filename, "JPEG", error);
}

static gboolean
probe_pdf (GBytes         *data,
           const char     *filename,
           JpEvidenceInfo *info,
           GError        **error)
{
  /* poppler 22.12 declares no autoptr cleanup for its types */
  PopplerDocument *doc = NULL;
  PopplerPage *page = NULL;
  g_autoptr(GError) local_error = NULL;
  int n_pages;
  double w = 0, h = 0;

  doc = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password; ask the unit for an unprotected copy"),
                     filename);
      else
        g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_CORRUPT,
                     _("“%s” is a damaged PDF file that cannot be opened (%s); "
                       "ask the unit for a new copy"),
                     filename, local_error ? local_error->message : "?");
      return FALSE;
    }

  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_NO_PAGES,
                   _("“%s” is a PDF file without any pages; ask the unit for the complete file"),
                   filename);
      g_object_unref (doc);
      return FALSE;
    }

  page = poppler_document_get_page (doc, 0);
  if (page != NULL)
    poppler_page_get_size (page, &w, &h);
  g_clear_object (&page);
  g_object_unref (doc);

  info->pages = n_pages;
  info->width = (int) (w + 0.5);
  info->height = (int) (h + 0.5);
  return TRUE;
}

/**
 * jp_evidence_probe:
 * @data: the file's bytes
 * @filename: the name shown in error messages
 * @info: (out) (optional): filled on success
 * @error: a #JP_EVIDENCE_ERROR naming @filename
 *
 * Identifies the file by its magic bytes and checks that it can be used: a PDF that poppler
 * opens without a password and has pages, or a JPEG/PNG with a complete header.
 */
gboolean
jp_evidence_probe (GBytes         *data,
                   const char     *filename,
                   JpEvidenceInfo *info,
                   GError        **error)
{
  JpEvidenceInfo local = { NULL, 1, 0, 0 };
  const guint8 *p;
  gsize len;
  gsize scan;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = g_bytes_get_data (data, &len);

  if (len == 0)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes); ask the unit to send the file again"),
                   filename);
      return FALSE;
    }

  /* The PDF specification lets readers accept the header anywhere in the first 1024 bytes,
   * and files saved by some scanners carry a few bytes of junk before it. */
  scan = MIN (len, 1024);
  if (has_pdf_header (p, scan))
    {
      local.mime = "application/pdf";
      if (!probe_pdf (data, filename, &local, error))
        return FALSE;
    }
  else if (len >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
    {
      local.mime = "image/jpeg";
      if (!probe_jpeg (p, len, filename, &local, error))
        return FALSE;
    }
  else if (len >= 8 && memcmp (p, png_signature, 8) == 0)
    {
      local.mime = "image/png";
      if (!probe_png (p, len, filename, &local, error))
        return FALSE;
    }
  else
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_UNSUPPORTED,
                   _("“%s” is not a PDF, JPEG or PNG file; only these types are accepted, "
                     "so convert it to PDF and import it again"),
                   filename);
      return FALSE;
    }

  if (info != NULL)
    *info = local;
  return TRUE;
}

/**
 * jp_evidence_sha256:
 * @data: bytes
 *
 * Returns: (transfer full): the lowercase hex SHA-256 of @data.
 */
char *
jp_evidence_sha256 (GBytes *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
}
