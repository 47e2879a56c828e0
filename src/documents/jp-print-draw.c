/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <math.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "jp-pdf-private.h"
#include "jp-print-private.h"

/* The drawing primitives of the documents engine: rules, boxes, circles, images (decoded
 * with gdk-pixbuf, embedded as JPEG) and QR codes (libqrencode). */

void
jp_print_rect (JpPrint *print, double x, double y, double w, double h, double line_width)
{
  HPDF_Page page = jp_print_page (print);

  HPDF_Page_SetLineWidth (page, line_width);
  HPDF_Page_Rectangle (page, x, HPDF_Page_GetHeight (page) - y - h, w, h);
  HPDF_Page_Stroke (page);
}

void
jp_print_line (JpPrint *print, double x1, double y1, double x2, double y2, double line_width)
{
  HPDF_Page page = jp_print_page (print);
  double height = HPDF_Page_GetHeight (page);

  HPDF_Page_SetLineWidth (page, line_width);
  HPDF_Page_MoveTo (page, x1, height - y1);
  HPDF_Page_LineTo (page, x2, height - y2);
  HPDF_Page_Stroke (page);
}

void
jp_print_circle (JpPrint *print, double cx, double cy, double r, double line_width)
{
  HPDF_Page page = jp_print_page (print);

  HPDF_Page_SetLineWidth (page, line_width);
  HPDF_Page_Circle (page, cx, HPDF_Page_GetHeight (page) - cy, r);
  HPDF_Page_Stroke (page);
}

gboolean
jp_print_image (JpPrint *print, GBytes *data, double x, double y, double w, double h)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) flat = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autofree char *jpeg = NULL;
  gsize jpeg_len = 0;
  GdkPixbuf *pixbuf;
  HPDF_Image image;
  double scale, dw, dh;
  int tw, th;
  gsize size = 0;
  const guchar *bytes;

  if (data == NULL)
    return FALSE;
  bytes = g_bytes_get_data (data, &size);
  if (size == 0 || !gdk_pixbuf_loader_write (loader, bytes, size, NULL)
      || !gdk_pixbuf_loader_close (loader, NULL))
    return FALSE;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || gdk_pixbuf_get_width (pixbuf) < 1 || gdk_pixbuf_get_height (pixbuf) < 1)
    return FALSE;

  scale = MIN (w / gdk_pixbuf_get_width (pixbuf), h / gdk_pixbuf_get_height (pixbuf));
  dw = gdk_pixbuf_get_width (pixbuf) * scale;
  dh = gdk_pixbuf_get_height (pixbuf) * scale;
  /* 300 dpi at the printed size is all a printer uses; the rest only makes the file big. */
  tw = MAX (1, MIN (gdk_pixbuf_get_width (pixbuf), (int) ceil (dw / 72.0 * 300)));
  th = MAX (1, MIN (gdk_pixbuf_get_height (pixbuf), (int) ceil (dh / 72.0 * 300)));
  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, tw, th);
  gdk_pixbuf_fill (flat, 0xffffffff);
  gdk_pixbuf_composite (pixbuf, flat, 0, 0, tw, th, 0, 0,
                        (double) tw / gdk_pixbuf_get_width (pixbuf),
                        (double) th / gdk_pixbuf_get_height (pixbuf),
                        GDK_INTERP_BILINEAR, 255);
  if (!gdk_pixbuf_save_to_buffer (flat, &jpeg, &jpeg_len, "jpeg", NULL, "quality", "85", NULL))
    return FALSE;
  image = HPDF_LoadJpegImageFromMem (jp_print_doc (print), (const HPDF_BYTE *) jpeg, jpeg_len);
  if (image == NULL)
    return FALSE;
  {
    HPDF_Page page = jp_print_page (print);

    HPDF_Page_DrawImage (page, image, x + (w - dw) / 2,
                         HPDF_Page_GetHeight (page) - y - (h - dh) / 2 - dh, dw, dh);
  }
  return TRUE;
}

void
jp_print_qr (JpPrint *print, const char *text, double x, double y, double side)
{
  HPDF_Page page = jp_print_page (print);
  double height = HPDF_Page_GetHeight (page);
  QRcode *qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  double m;

  if (qr == NULL)
    {
      jp_print_record_error (print, g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                                  _("Could not make the QR code of “%s”."), text));
      return;
    }
  m = side / (qr->width + 8);   /* four modules of quiet zone on each side */
  HPDF_Page_SetRGBFill (page, 0, 0, 0);
  for (int r = 0; r < qr->width; r++)
    for (int c = 0; c < qr->width; c++)
      if (qr->data[r * qr->width + c] & 1)
        HPDF_Page_Rectangle (page, x + (c + 4) * m, height - y - (r + 5) * m, m, m);
  HPDF_Page_Fill (page);
  QRcode_free (qr);
}

/* ---- finishing ---- */
