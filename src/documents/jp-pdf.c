/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-pdf-private.h"

#define SONG_GBSN "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"
#define SONG_UMING "/usr/share/fonts/truetype/arphic/uming.ttc"
#define KAI_GKAI "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
#define KAI_UKAI "/usr/share/fonts/truetype/arphic/ukai.ttc"

/* Marks a text that starts inside a paragraph (no first-line indent); never drawn. */
#define WORD_JOINER 0x2060

struct _JpPdf {
  HPDF_Doc           doc;
  JpPdfTextEncoding  encoding;
  GError            *error;          /* first error, NULL while all is well */
  HPDF_Font          fonts[2];       /* by JpFontStyle, loaded on demand */
  GHashTable        *widths[2];      /* gunichar -> width in 1/1000 em + 1 (0 = unknown) */
  GIConv             to_gb;          /* GB2312 mode only */
};

G_DEFINE_QUARK (jp-documents-error-quark, jp_documents_error)

/* What a libharu status means, in words a person can act on. */
static const struct {
  HPDF_STATUS  statuses[6];   /* the ones that mean it, ended by HPDF_OK */
  const char  *meaning;
} hpdf_meanings[] = {
  { { HPDF_FAILD_TO_ALLOC_MEM }, N_("out of memory") },
  { { HPDF_FILE_IO_ERROR }, N_("a file could not be read or written") },
  { { HPDF_FILE_OPEN_ERROR }, N_("a file could not be opened") },
  { { HPDF_FONT_EXISTS }, N_("the font is already loaded") },
  { { HPDF_INVALID_FONTDEF_DATA, HPDF_TTF_INVALID_FOMAT,
      HPDF_TTF_INVALID_CMAP, HPDF_TTF_MISSING_TABLE },
    N_("the font file is not a TrueType font libharu can read") },
  { { HPDF_TTF_CANNOT_EMBEDDING_FONT }, N_("the font's licence does not allow embedding it") },
  { { HPDF_UNSUPPORTED_FONT_TYPE, HPDF_INVALID_FONT },
    N_("the font type is not supported (use a TrueType .ttf or .ttc font)") },
  { { HPDF_INVALID_TTC_FILE, HPDF_INVALID_TTC_INDEX },
    N_("the TrueType collection (.ttc) is damaged or has no such font") },
  { { HPDF_INVALID_ENCODER, HPDF_INVALID_ENCODING_NAME },
    N_("the text encoding is not available") },
  { { HPDF_PAGE_INVALID_FONT_SIZE }, N_("the font size is out of range") },
  { { HPDF_PAGE_FONT_NOT_FOUND }, N_("text was drawn before a font was set") },
  { { HPDF_PAGE_INVALID_GMODE }, N_("drawing operations were called in the wrong order") },
  { { HPDF_PAGE_OUT_OF_RANGE, HPDF_REAL_OUT_OF_RANGE, HPDF_PAGE_INVALID_SIZE },
    N_("a coordinate or size is out of range") },
  { { HPDF_STRING_OUT_OF_RANGE }, N_("a text string is too long") },
  { { HPDF_INVALID_IMAGE, HPDF_INVALID_PNG_IMAGE,
      HPDF_INVALID_JPEG_DATA, HPDF_UNSUPPORTED_JPEG_FORMAT, HPDF_LIBPNG_ERROR },
    N_("an image could not be read") },
  { { HPDF_ZLIB_ERROR }, N_("compression failed") },
  { { HPDF_INVALID_PARAMETER }, N_("a parameter was invalid") },
};

static const char *
hpdf_error_meaning (HPDF_STATUS status)
{
  for (gsize i = 0; i < G_N_ELEMENTS (hpdf_meanings); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (hpdf_meanings[i].statuses); j++)
      if (hpdf_meanings[i].statuses[j] != HPDF_OK && hpdf_meanings[i].statuses[j] == status)
        return _(hpdf_meanings[i].meaning);
  return _("unexpected internal error");
}

const char *
jp_pdf_error_meaning (HPDF_STATUS status)
{
  return hpdf_error_meaning (status);
}

static void
record_error (JpPdf *pdf, GError *error)
{
  if (pdf->error == NULL)
    pdf->error = error;
  else
    g_error_free (error);
}

static void
on_hpdf_error (HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  JpPdf *pdf = user_data;

  record_error (pdf, g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                                  _("Could not create the PDF: libharu error 0x%04X (detail %u): "
                                    "%s."),
                                  (guint) error_no, (guint) detail_no,
                                  hpdf_error_meaning (error_no)));
  /* Clear libharu's error state so that later calls still run; the first error is kept. */
  HPDF_ResetError (pdf->doc);
}

static char *
font_from_env (const char *variable, GError **error)
{
  const char *value = g_getenv (variable);

  if (value == NULL || *value == '\0')
    return NULL;
  if (!g_file_test (value, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT,
                   _("The font file “%s” named by %s does not exist. Correct the variable or "
                     "unset it to use the system fonts."), value, variable);
      return NULL;
    }
  return g_strdup (value);
}

/**
 * jp_pdf_find_font:
 * See jp-pdf.h. Returns a newly allocated path.
 */
char *
jp_pdf_find_font (JpFontStyle style, GError **error)
{
  static const char *const song[] = { SONG_GBSN, SONG_UMING, NULL };
  static const char *const kai[] = { KAI_GKAI, KAI_UKAI, NULL };
  const char *const *candidates = style == JP_FONT_KAI ? kai : song;
  const char *variable = style == JP_FONT_KAI ? "JP_FONT_KAI" : "JP_FONT_SONG";
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from_env = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  from_env = font_from_env (variable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (from_env != NULL)
    return g_steal_pointer (&from_env);

  for (guint i = 0; candidates[i] != NULL; i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      return g_strdup (candidates[i]);

  g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT,
               style == JP_FONT_KAI
               ? _("No Kai-style Chinese font was found. Install the package fonts-arphic-gkai00mp "
                   "or fonts-arphic-ukai, or set JP_FONT_KAI to a TrueType font file.")
               : _("No Song-style Chinese font was found. Install the package "
                   "fonts-arphic-gbsn00lp or fonts-arphic-uming, or set JP_FONT_SONG to a "
                   "TrueType font file."));
  return NULL;
}

/**
 * jp_pdf_new:
 * See jp-pdf-private.h. Free with jp_pdf_free.
 */
JpPdf *
jp_pdf_new (JpPdfTextEncoding encoding, GError **error)
{
  JpPdf *pdf = g_new0 (JpPdf, 1);

  pdf->encoding = encoding;
  pdf->to_gb = (GIConv) -1;
  for (guint i = 0; i < G_N_ELEMENTS (pdf->widths); i++)
    pdf->widths[i] = g_hash_table_new (NULL, NULL);

  pdf->doc = HPDF_New (on_hpdf_error, pdf);
  if (pdf->doc == NULL)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("Could not create the PDF: libharu could not start (out of memory?)."));
      jp_pdf_free (pdf);
      return NULL;
    }
  HPDF_SetCompressionMode (pdf->doc, HPDF_COMP_ALL);
  if (encoding == JP_PDF_TEXT_UTF8)
    {
      HPDF_UseUTFEncodings (pdf->doc);
      HPDF_SetCurrentEncoder (pdf->doc, "UTF-8");
    }
  else
    {
      HPDF_UseCNSEncodings (pdf->doc);
      pdf->to_gb = g_iconv_open ("GB2312", "UTF-8");
      if (pdf->to_gb == (GIConv) -1)
        record_error (pdf, g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                                        _("Could not create the PDF: the system cannot convert "
                                          "text to GB 2312.")));
    }
  /* Left unset on purpose: creation and modification dates, which libharu would only write
   * when asked, so output stays byte-for-byte reproducible. */
  HPDF_SetInfoAttr (pdf->doc, HPDF_INFO_CREATOR, "Jiangping");

  if (!jp_pdf_check (pdf, error))
    {
      jp_pdf_free (pdf);
      return NULL;
    }
  return pdf;
}

void
jp_pdf_free (JpPdf *pdf)
{
  if (pdf == NULL)
    return;
  if (pdf->doc != NULL)
    HPDF_Free (pdf->doc);
  for (guint i = 0; i < G_N_ELEMENTS (pdf->widths); i++)
    g_clear_pointer (&pdf->widths[i], g_hash_table_unref);
  if (pdf->to_gb != (GIConv) -1)
    g_iconv_close (pdf->to_gb);
  g_clear_error (&pdf->error);
  g_free (pdf);
}

HPDF_Doc
jp_pdf_get_doc (JpPdf *pdf)
{
  g_return_val_if_fail (pdf != NULL, NULL);
  return pdf->doc;
}

gboolean
jp_pdf_check (JpPdf *pdf, GError **error)
{
  g_return_val_if_fail (pdf != NULL, FALSE);

  if (pdf->error == NULL)
    return TRUE;
  if (error != NULL)
    *error = g_error_copy (pdf->error);
  return FALSE;
}

HPDF_Font
jp_pdf_get_font (JpPdf *pdf, JpFontStyle style, GError **error)
{
  g_autofree char *path = NULL;
  const char *name = NULL;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (style == JP_FONT_SONG || style == JP_FONT_KAI, NULL);

  if (pdf->fonts[style] != NULL)
    return pdf->fonts[style];

  path = jp_pdf_find_font (style, error);
  if (path == NULL)
    return NULL;

  if (g_str_has_suffix (path, ".ttc") || g_str_has_suffix (path, ".TTC"))
    name = HPDF_LoadTTFontFromFile2 (pdf->doc, path, 0, HPDF_TRUE);
  else
    name = HPDF_LoadTTFontFromFile (pdf->doc, path, HPDF_TRUE);
  if (name != NULL)
    pdf->fonts[style] = HPDF_GetFont (pdf->doc, name,
                                      pdf->encoding == JP_PDF_TEXT_UTF8 ? "UTF-8" : "GB-EUC-H");

  if (pdf->fonts[style] == NULL)
    {
      g_autoptr(GError) cause = NULL;

      jp_pdf_check (pdf, &cause);
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("Could not load the font “%s”: %s Choose another TrueType font "
                     "(for example fonts-arphic-gbsn00lp)."),
                   path, cause != NULL ? cause->message : _("libharu refused it."));
      return NULL;
    }
  return pdf->fonts[style];
}

HPDF_Page
jp_pdf_add_page (JpPdf *pdf, gboolean landscape)
{
  HPDF_Page page;

  g_return_val_if_fail (pdf != NULL, NULL);

  page = HPDF_AddPage (pdf->doc);
  if (page != NULL)
    HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4,
                       landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
  return page;
}

/* The bytes libharu expects for `text` in the document's encoding; NULL (error recorded)
 * when the text cannot be represented. */
static char *
encode (JpPdf *pdf, const char *text, gssize length, gsize *out_len)
{
  g_autoptr(GError) error = NULL;
  char *out;

  if (length < 0)
    length = strlen (text);
  if (pdf->encoding == JP_PDF_TEXT_UTF8)
    {
      *out_len = length;
      return g_strndup (text, length);
    }
  if (pdf->to_gb == (GIConv) -1)
    return NULL;
  out = g_convert_with_iconv (text, length, pdf->to_gb, NULL, out_len, &error);
  if (out == NULL)
    {
      g_autofree char *shown = g_strndup (text, length);

      record_error (pdf, g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                                      _("Could not write the text “%s” to the PDF: it has "
                                        "characters outside GB 2312 (%s)."),
                                      shown, error->message));
    }
  return out;
}

static guint
font_index (JpPdf *pdf, HPDF_Font font)
{
  return font == pdf->fonts[JP_FONT_KAI] ? JP_FONT_KAI : JP_FONT_SONG;
}

/* Width of one character in 1/1000 em, cached per font. */
static double
char_width (JpPdf *pdf, HPDF_Font font, gunichar c)
{
  guint index;
  gpointer cached;
  char utf8[8];
  gsize len, enc_len = 0;
  g_autofree char *encoded = NULL;
  HPDF_TextWidth tw;

  if (c == WORD_JOINER || c == '\n')
    return 0;
  index = font_index (pdf, font);
  cached = g_hash_table_lookup (pdf->widths[index], GUINT_TO_POINTER (c));
  if (cached != NULL)
    return GPOINTER_TO_UINT (cached) - 1;

  len = g_unichar_to_utf8 (c, utf8);
  encoded = encode (pdf, utf8, len, &enc_len);
  if (encoded == NULL || enc_len == 0)
    return 1000;
  tw = HPDF_Font_TextWidth (font, (const HPDF_BYTE *) encoded, enc_len);
  g_hash_table_insert (pdf->widths[index], GUINT_TO_POINTER (c),
                       GUINT_TO_POINTER ((guint) tw.width + 1));
  return tw.width;
}

double
jp_pdf_measure (JpPdf *pdf, HPDF_Font font, double size, const char *text)
{
  double total = 0;

  g_return_val_if_fail (pdf != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    total += char_width (pdf, font, g_utf8_get_char (p));
  return total * size / 1000.0;
}

void
jp_pdf_text (JpPdf      *pdf,
             HPDF_Page   page,
             HPDF_Font   font,
             double      size,
             double      x,
             double      y,
             const char *text)
{
  g_autofree char *encoded = NULL;
  gsize len = 0;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (text != NULL);

  if (*text == '\0')
    return;
  encoded = encode (pdf, text, -1, &len);
  if (encoded == NULL)
    return;
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, size);
  HPDF_Page_TextOut (page, x, y, encoded);
  HPDF_Page_EndText (page);
}

void
jp_pdf_text_rotated (JpPdf      *pdf,
                     HPDF_Page   page,
                     HPDF_Font   font,
                     double      size,
                     double      x,
                     double      y,
                     double      angle,
                     const char *text)
{
  g_autofree char *encoded = NULL;
  gsize len = 0;
  double c = cos (angle), s = sin (angle);

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (text != NULL);

  if (*text == '\0')
    return;
  encoded = encode (pdf, text, -1, &len);
  if (encoded == NULL)
    return;
  HPDF_Page_BeginText (page);
  HPDF_Page_SetFontAndSize (page, font, size);
  HPDF_Page_SetTextMatrix (page, c, s, -s, c, x, y);
  HPDF_Page_ShowText (page, encoded);
  HPDF_Page_EndText (page);
}

void
jp_pdf_text_centered (JpPdf      *pdf,
                      HPDF_Page   page,
                      HPDF_Font   font,
                      double      size,
                      double      cx,
                      double      y,
                      const char *text)
{
  jp_pdf_text (pdf, page, font, size, cx - jp_pdf_measure (pdf, font, size, text) / 2, y, text);
}

void
jp_pdf_text_right (JpPdf      *pdf,
                   HPDF_Page   page,
                   HPDF_Font   font,
                   double      size,
                   double      right_x,
                   double      y,
                   const char *text)
{
  jp_pdf_text (pdf, page, font, size, right_x - jp_pdf_measure (pdf, font, size, text), y, text);
}

gboolean
jp_pdf_is_closing_punct (gunichar c)
{
  static const gunichar closing[] = {
    0xFF0C /* ， */, 0x3002 /* 。 */, 0x3001 /* 、 */, 0xFF1B /* ； */, 0xFF1A /* ： */,
    0xFF1F /* ？ */, 0xFF01 /* ！ */, 0xFF09 /* ） */, 0x300D /* 」 */, 0x300F /* 』 */,
    0x300B /* 》 */, 0x3009 /* 〉 */, 0x3011 /* 】 */, 0x3015 /* 〕 */, 0x3017 /* 〗 */,
    0x201D /* ” */, 0x2019 /* ’ */, 0x2026 /* … */, 0x00B7 /* · */, 0xFF0E /* ． */,
    0xFF05 /* ％ */, ',', '.', ';', ':', '?', '!', ')', ']', '}', '%',
  };

  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    if (closing[i] == c)
      return TRUE;
  return FALSE;
}

gboolean
jp_pdf_is_opening_punct (gunichar c)
{
  static const gunichar opening[] = {
    0xFF08 /* （ */, 0x300C /* 「 */, 0x300E /* 『 */, 0x300A /* 《 */, 0x3008 /* 〈 */,
    0x3010 /* 【 */, 0x3014 /* 〔 */, 0x3016 /* 〖 */, 0x201C /* “ */, 0x2018 /* ‘ */,
    '(', '[', '{',
  };

  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    if (opening[i] == c)
      return TRUE;
  return FALSE;
}

typedef enum {
  UNIT_CHAR,       /* one CJK character or punctuation mark */
  UNIT_WORD,       /* a run of Latin letters, digits and their punctuation */
  UNIT_SPACE,
  UNIT_NEWLINE,
} UnitKind;

typedef struct {
  UnitKind  kind;
  gsize     start, end;     /* byte range in the text */
  gunichar  first, last;
  double    width;          /* points */
} Unit;

/* Characters that stay glued into words: Latin script, digits, ASCII punctuation. */
static gboolean
is_word_char (gunichar c)
{
  return c < 0x2000 && c != WORD_JOINER && !g_unichar_isspace (c);
}

static GArray *
split_units (JpPdf *pdf, HPDF_Font font, double size, double max_width, const char *text)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      Unit u = { UNIT_CHAR, p - text, next - text, c, c, 0 };

      if (c == WORD_JOINER)
        {
          p = next;
          continue;
        }
      if (c == '\n')
        u.kind = UNIT_NEWLINE;
      else if (c == '\r')
        {
          p = next;
          continue;
        }
      else if (g_unichar_isspace (c))
        {
          u.kind = UNIT_SPACE;
          u.width = char_width (pdf, font, ' ') * size / 1000.0;
        }
      else if (is_word_char (c))
        {
          /* A word wider than a whole line is split between characters: never inside one. */
          u.kind = UNIT_WORD;
          u.width = char_width (pdf, font, c) * size / 1000.0;
          while (*next != '\0' && is_word_char (g_utf8_get_char (next)))
            {
              gunichar d = g_utf8_get_char (next);
              double w = char_width (pdf, font, d) * size / 1000.0;

              if (u.width + w > max_width)
                break;
              u.width += w;
              u.last = d;
              next = g_utf8_next_char (next);
            }
          u.end = next - text;
        }
      else
        u.width = char_width (pdf, font, c) * size / 1000.0;

      g_array_append_val (units, u);
      p = next;
    }
  return units;
}

static gboolean
break_allowed_before (GArray *units, guint j)
{
  const Unit *cur = &g_array_index (units, Unit, j);
  const Unit *prev;

  if (j == 0)
    return TRUE;
  prev = &g_array_index (units, Unit, j - 1);
  if (cur->kind == UNIT_SPACE || prev->kind == UNIT_SPACE)
    return TRUE;
  if (jp_pdf_is_closing_punct (cur->first))
    return FALSE;
  if (jp_pdf_is_opening_punct (prev->last))
    return FALSE;
  return TRUE;
}

typedef struct {
  char  *text;
  gsize  end;          /* byte offset just after the line in the source */
  gboolean para_end;   /* the line ends its paragraph */
} Line;

static GArray *
wrap_lines (JpPdf      *pdf,
            HPDF_Font   font,
            double      size,
            double      width,
            double      first_indent,
            const char *text)
{
  g_autoptr(GArray) units = split_units (pdf, font, size, MAX (width - first_indent, size),
                                         text);
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gboolean para_start = !g_str_has_prefix (text, "\xe2\x81\xa0");
  guint i = 0;

  while (i < units->len)
    {
      double x = para_start ? first_indent : 0;
      guint j = i, end, last_ok = i, k;
      gboolean newline = FALSE;
      GString *s;
      Line line;

      while (j < units->len)
        {
          const Unit *u = &g_array_index (units, Unit, j);

          if (u->kind == UNIT_NEWLINE)
            {
              newline = TRUE;
              break;
            }
          if (j > i && x + u->width > width && u->kind != UNIT_SPACE)
            break;
          if (j > i && break_allowed_before (units, j))
            last_ok = j;
          x += u->width;
          j++;
        }

      if (newline || j == units->len)
        end = j;
      else if (break_allowed_before (units, j))
        end = j;
      else if (last_ok > i)
        end = last_ok;
      else
        end = j;   /* nowhere to break by the rules: break anyway rather than overflow */

      s = g_string_new (NULL);
      for (k = i; k < end; k++)
        {
          const Unit *u = &g_array_index (units, Unit, k);

          if (u->kind == UNIT_SPACE && (k == i || k + 1 == end))
            continue;
          for (const char *q = text + u->start; q < text + u->end; q = g_utf8_next_char (q))
            if (g_utf8_get_char (q) != WORD_JOINER)
              g_string_append_unichar (s, g_utf8_get_char (q));
        }
      line.text = g_string_free (s, FALSE);
      line.para_end = newline || end == units->len;
      line.end = end < units->len ? g_array_index (units, Unit, end).start : strlen (text);
      g_array_append_val (lines, line);

      i = end;
      if (newline)
        {
          line.end = g_array_index (units, Unit, end).end;
          g_array_index (lines, Line, lines->len - 1).end = line.end;
          i = end + 1;
          para_start = TRUE;
        }
      else
        {
          para_start = FALSE;
          while (i < units->len && g_array_index (units, Unit, i).kind == UNIT_SPACE)
            i++;
        }
    }
  return lines;
}

GStrv
jp_pdf_wrap (JpPdf      *pdf,
             HPDF_Font   font,
             double      size,
             double      width,
             double      first_indent,
             const char *text)
{
  g_autoptr(GArray) lines = NULL;
  GStrv result;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  lines = wrap_lines (pdf, font, size, width, first_indent, text);
  result = g_new0 (char *, lines->len + 1);
  for (guint i = 0; i < lines->len; i++)
    result[i] = g_array_index (lines, Line, i).text;   /* ownership moves to the array */
  return result;
}

double
jp_pdf_paragraph (JpPdf      *pdf,
                  HPDF_Page   page,
                  HPDF_Font   font,
                  double      size,
                  double      leading,
                  double      x,
                  double      y_top,
                  double      width,
                  double      first_indent,
                  double      y_min,
                  const char *text,
                  char      **rest)
{
  g_autoptr(GArray) lines = NULL;
  gboolean para_start;
  double y = y_top - size;
  guint i;

  g_return_val_if_fail (pdf != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  if (rest != NULL)
    *rest = NULL;
  para_start = !g_str_has_prefix (text, "\xe2\x81\xa0");
  lines = wrap_lines (pdf, font, size, width, first_indent, text);
  for (i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (y < y_min)
        break;
      jp_pdf_text (pdf, page, font, size, x + (para_start ? first_indent : 0), y, line->text);
      para_start = line->para_end;
      y -= leading;
    }

  if (i < lines->len && rest != NULL)
    {
      gsize from = g_array_index (lines, Line, i - 1 < lines->len ? i - 1 : 0).end;
      const char *remainder = i > 0 ? text + from : text;

      while (*remainder == ' ')
        remainder++;
      *rest = para_start ? g_strdup (remainder) : g_strconcat ("\xe2\x81\xa0", remainder, NULL);
    }
  for (guint k = 0; k < lines->len; k++)
    g_free (g_array_index (lines, Line, k).text);
  return i * leading;
}

GBytes *
jp_pdf_doc_save (HPDF_Doc   doc,
                 GError   **doc_error,
                 GError   **error)
{
  HPDF_UINT32 size;
  guint8 *buffer;
  HPDF_UINT32 done = 0;

  HPDF_SaveToStream (doc);
  if (*doc_error != NULL)
    {
      g_propagate_error (error, g_error_copy (*doc_error));
      return NULL;
    }
  size = HPDF_GetStreamSize (doc);
  buffer = g_malloc (MAX (size, 1));
  HPDF_ResetStream (doc);
  while (done < size)
    {
      HPDF_UINT32 chunk = size - done;
      HPDF_STATUS status = HPDF_ReadFromStream (doc, buffer + done, &chunk);

      done += chunk;
      if (status == HPDF_STREAM_EOF || chunk == 0)
        break;
    }
  /* libharu reports the end of its stream as an error; that one is expected. */
  if (*doc_error != NULL && done == size)
    g_clear_error (doc_error);
  if (done == size)
    return g_bytes_new_take (buffer, size);
  g_free (buffer);
  if (*doc_error != NULL)
    g_propagate_error (error, g_error_copy (*doc_error));
  else
    g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                 _("Could not create the PDF: libharu returned %u of %u bytes."), done, size);
  return NULL;
}

GBytes *
jp_pdf_save (JpPdf *pdf, GError **error)
{
  g_return_val_if_fail (pdf != NULL, NULL);

  if (!jp_pdf_check (pdf, error))
    return NULL;
  return jp_pdf_doc_save (pdf->doc, &pdf->error, error);
}
