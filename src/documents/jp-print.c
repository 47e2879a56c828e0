/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <math.h>
#include <string.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>

#include "jp-pdf-private.h"
#include "jp-print-private.h"
#include "store/jp-store-audit.h"

/* One font file (a face of a .ttc) that may be embedded. */
typedef struct {
  char       *file;
  int         index;
  FcCharSet  *charset;
  HPDF_Font   font;       /* loaded on first use */
  gboolean    failed;
  GHashTable *widths;     /* gunichar -> width in 1/1000 em + 1 */
} Face;

#define NO_FACE G_MAXUINT

struct _JpPrint {
  JpStore            *store;
  JpDocumentKind      kind;
  JpDocumentOptions   options;
  char               *certificate_prefix;
  GCancellable       *cancellable;
  JpDocumentProgress  progress;
  gpointer            progress_data;
  GPtrArray          *findings;
  JpElection         *election;
  JpSettings         *settings;
  gint64              date;
  char               *title;
  gboolean            page_numbers;

  HPDF_Doc            doc;
  GError             *error;            /* first recorded error */

  GPtrArray          *faces;            /* Face* */
  guint               primary[2];       /* by JpPrintStyle */
  GArray             *fallbacks[2];     /* guint face indexes, in order of preference */
  GHashTable         *choice[2];        /* gunichar -> face index + 1 */

  char               *subject_field;
  char               *subject_person;

  GPtrArray          *pages;            /* HPDF_Page */
  GArray             *sections;         /* guint: index of each section's first page */
  gboolean            landscape;
};

static void
face_free (Face *face)
{
  g_free (face->file);
  if (face->charset != NULL)
    FcCharSetDestroy (face->charset);
  g_clear_pointer (&face->widths, g_hash_table_unref);
  g_free (face);
}

static void
record (JpPrint *print, GError *error)
{
  if (print->error == NULL)
    print->error = error;
  else
    g_error_free (error);
}

void
jp_print_record_error (JpPrint *print, GError *error)
{
  record (print, error);
}

HPDF_Doc
jp_print_doc (JpPrint *print)
{
  return print->doc;
}

static void
on_hpdf_error (HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  JpPrint *print = user_data;

  record (print, g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                              _("Could not create the PDF: libharu error 0x%04X (detail %u): "
                                "%s."),
                              (guint) error_no, (guint) detail_no,
                              jp_pdf_error_meaning (error_no)));
  HPDF_ResetError (print->doc);
}

/* ---- fonts ---- */

/* Fonts libharu cannot embed right though fontconfig offers them: CFF-flavoured OpenType
 * (Noto CJK) fails to load; these two TrueType files load but draw the wrong glyphs. */
static gboolean
font_file_usable (const char *file, const char *format)
{
  g_autofree char *base = NULL;

  if (format != NULL && g_strcmp0 (format, "TrueType") != 0)
    return FALSE;
  if (!g_str_has_suffix (file, ".ttf") && !g_str_has_suffix (file, ".ttc")
      && !g_str_has_suffix (file, ".TTF") && !g_str_has_suffix (file, ".TTC"))
    return FALSE;
  base = g_path_get_basename (file);
  if (g_str_has_prefix (base, "DroidSansFallback") || g_str_has_prefix (base, "wqy-microhei"))
    return FALSE;
  return TRUE;
}

static guint
add_face (JpPrint *print, const char *file, int index)
{
  Face *face;
  FcPattern *pattern;
  FcCharSet *charset = NULL;
  int count = 0;

  for (guint i = 0; i < print->faces->len; i++)
    {
      Face *f = g_ptr_array_index (print->faces, i);

      if (f->index == index && g_str_equal (f->file, file))
        return i;
    }
  pattern = FcFreeTypeQuery ((const FcChar8 *) file, index, NULL, &count);
  if (pattern == NULL)
    return NO_FACE;
  face = g_new0 (Face, 1);
  face->file = g_strdup (file);
  face->index = index;
  if (FcPatternGetCharSet (pattern, FC_CHARSET, 0, &charset) == FcResultMatch)
    face->charset = FcCharSetCopy (charset);
  face->widths = g_hash_table_new (NULL, NULL);
  FcPatternDestroy (pattern);
  g_ptr_array_add (print->faces, face);
  return print->faces->len - 1;
}

/* The installed face of `family` (a TrueType libharu can use), or NO_FACE. */
static guint
face_by_family (JpPrint *print, const char *family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *os = FcObjectSetBuild (FC_FILE, FC_INDEX, FC_FONTFORMAT, NULL);
  FcFontSet *set;
  guint result = NO_FACE;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  set = FcFontList (NULL, pattern, os);
  for (int i = 0; set != NULL && i < set->nfont && result == NO_FACE; i++)
    {
      FcChar8 *file = NULL, *format = NULL;
      int index = 0;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      FcPatternGetInteger (set->fonts[i], FC_INDEX, 0, &index);
      FcPatternGetString (set->fonts[i], FC_FONTFORMAT, 0, &format);
      if (font_file_usable ((const char *) file, (const char *) format))
        result = add_face (print, (const char *) file, index);
    }
  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (os);
  FcPatternDestroy (pattern);
  return result;
}

static gboolean
setup_primary (JpPrint *print, JpPrintStyle style, GError **error)
{
  static const char *const song[] = { "AR PL SungtiL GB", "AR PL UMing CN", NULL };
  static const char *const kai[] = { "AR PL KaitiM GB", "AR PL UKai CN", NULL };
  const char *setting = style == JP_PRINT_KAI ? print->settings->font_kai
                                              : print->settings->font_song;
  const char *variable = style == JP_PRINT_KAI ? "JP_FONT_KAI" : "JP_FONT_SONG";
  const char *env = g_getenv (variable);
  const char *const *families = style == JP_PRINT_KAI ? kai : song;
  guint face = NO_FACE;

  if (setting != NULL && *setting != '\0')
    {
      face = g_file_test (setting, G_FILE_TEST_IS_REGULAR) ? add_face (print, setting, 0)
                                                          : NO_FACE;
      if (face == NO_FACE)
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT,
                       style == JP_PRINT_KAI
                       ? _("The certificate font “%s” set in the settings is missing or not a "
                           "font. Choose another TrueType file or clear the setting.")
                       : _("The body font “%s” set in the settings is missing or not a font. "
                           "Choose another TrueType file or clear the setting."), setting);
          return FALSE;
        }
    }
  else if (env != NULL && *env != '\0')
    {
      face = g_file_test (env, G_FILE_TEST_IS_REGULAR) ? add_face (print, env, 0) : NO_FACE;
      if (face == NO_FACE)
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT,
                       _("The font file “%s” named by %s does not exist or is not a font. "
                         "Correct the variable or unset it to use the system fonts."),
                       env, variable);
          return FALSE;
        }
    }
  for (guint i = 0; face == NO_FACE && families[i] != NULL; i++)
    face = face_by_family (print, families[i]);
  if (face == NO_FACE)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT,
                   style == JP_PRINT_KAI
                   ? _("No Kai-style Chinese font was found. Install the package "
                       "fonts-arphic-gkai00mp or fonts-arphic-ukai, or choose a TrueType "
                       "certificate font in the settings.")
                   : _("No Song-style Chinese font was found. Install the package "
                       "fonts-arphic-gbsn00lp or fonts-arphic-uming, or choose a TrueType "
                       "body font in the settings."));
      return FALSE;
    }
  print->primary[style] = face;

  /* The preferred fallbacks: the same style with a larger repertoire, then a GBK font. */
  {
    const char *const song_fb[] = { "AR PL UMing CN", "WenQuanYi Zen Hei", NULL };
    const char *const kai_fb[] = { "AR PL UKai CN", "AR PL UMing CN", "WenQuanYi Zen Hei",
                                   NULL };
    const char *const *fb = style == JP_PRINT_KAI ? kai_fb : song_fb;

    for (guint i = 0; fb[i] != NULL; i++)
      {
        guint f = face_by_family (print, fb[i]);

        if (f != NO_FACE && f != face)
          g_array_append_val (print->fallbacks[style], f);
      }
  }
  return TRUE;
}

static gboolean
face_has (Face *face, gunichar c)
{
  return face->charset != NULL && FcCharSetHasChar (face->charset, c);
}

/* Any other installed usable font with a glyph for `c`, added to the fallbacks. */
static guint
search_fallback (JpPrint *print, JpPrintStyle style, gunichar c)
{
  FcPattern *pattern = FcPatternCreate ();
  FcCharSet *cs = FcCharSetCreate ();
  FcObjectSet *os = FcObjectSetBuild (FC_FILE, FC_INDEX, FC_FONTFORMAT, NULL);
  FcFontSet *set;
  guint result = NO_FACE;

  FcCharSetAddChar (cs, c);
  FcPatternAddCharSet (pattern, FC_CHARSET, cs);
  set = FcFontList (NULL, pattern, os);
  for (int i = 0; set != NULL && i < set->nfont && result == NO_FACE; i++)
    {
      FcChar8 *file = NULL, *format = NULL;
      int index = 0;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      FcPatternGetInteger (set->fonts[i], FC_INDEX, 0, &index);
      FcPatternGetString (set->fonts[i], FC_FONTFORMAT, 0, &format);
      if (font_file_usable ((const char *) file, (const char *) format))
        {
          guint f = add_face (print, (const char *) file, index);

          if (f != NO_FACE && face_has (g_ptr_array_index (print->faces, f), c))
            {
              result = f;
              g_array_append_val (print->fallbacks[style], f);
            }
        }
    }
  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (os);
  FcCharSetDestroy (cs);
  FcPatternDestroy (pattern);
  return result;
}

static char *
describe_char (gunichar c)
{
  char utf8[8] = { 0 };

  g_unichar_to_utf8 (c, utf8);
  return g_strdup_printf ("“%s” (U+%04X)", utf8, c);
}

static GError *
missing_glyph_error (gunichar c, const char *field, const char *person)
{
  g_autofree char *shown = describe_char (c);

  if (person != NULL && *person != '\0')
    return g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_MISSING_GLYPH,
                        _("The character %s in the field “%s” of %s cannot be printed: no "
                          "installed font has it. Install a font that has it (for example "
                          "fonts-wqy-zenhei) or correct the field."),
                        shown, field != NULL ? field : "?", person);
  return g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_MISSING_GLYPH,
                      _("The character %s in “%s” cannot be printed: no installed font has "
                        "it. Install a font that has it (for example fonts-wqy-zenhei)."),
                      shown, field != NULL ? field : "?");
}

/* The face that draws `c` in `style`; NO_FACE when no installed font has it. */
static guint
face_for (JpPrint *print, JpPrintStyle style, gunichar c)
{
  gpointer cached;
  guint result = NO_FACE;
  Face *primary = g_ptr_array_index (print->faces, print->primary[style]);

  if (c < 0x20 || face_has (primary, c))
    return print->primary[style];
  cached = g_hash_table_lookup (print->choice[style], GUINT_TO_POINTER (c));
  if (cached != NULL)
    return GPOINTER_TO_UINT (cached) - 1;
  if (g_unichar_isspace (c) || c == 0x2060 || c == 0x200B)
    return print->primary[style];

  for (guint i = 0; i < print->fallbacks[style]->len && result == NO_FACE; i++)
    {
      guint f = g_array_index (print->fallbacks[style], guint, i);

      if (face_has (g_ptr_array_index (print->faces, f), c))
        result = f;
    }
  if (result == NO_FACE)
    result = search_fallback (print, style, c);
  g_hash_table_insert (print->choice[style], GUINT_TO_POINTER (c),
                       GUINT_TO_POINTER (result + 1));
  return result;
}

static HPDF_Font
face_font (JpPrint *print, guint index)
{
  Face *face = g_ptr_array_index (print->faces, index);
  const char *name;

  if (face->font != NULL || face->failed)
    return face->font;
  if (g_str_has_suffix (face->file, ".ttc") || g_str_has_suffix (face->file, ".TTC"))
    name = HPDF_LoadTTFontFromFile2 (print->doc, face->file, face->index, HPDF_TRUE);
  else
    name = HPDF_LoadTTFontFromFile (print->doc, face->file, HPDF_TRUE);
  if (name != NULL)
    face->font = HPDF_GetFont (print->doc, name, "UTF-8");
  if (face->font == NULL)
    {
      face->failed = TRUE;
      g_clear_error (&print->error);
      record (print, g_error_new (JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT,
                                  _("Could not load the font “%s”: libharu cannot embed it. "
                                    "Choose a TrueType (.ttf or .ttc) font."), face->file));
    }
  return face->font;
}

/* Width of `c` in 1/1000 em in face `index`. */
static double
face_char_width (JpPrint *print, guint index, gunichar c)
{
  Face *face = g_ptr_array_index (print->faces, index);
  gpointer cached = g_hash_table_lookup (face->widths, GUINT_TO_POINTER (c));
  HPDF_Font font;
  char utf8[8];
  gsize len;
  HPDF_TextWidth tw;

  if (cached != NULL)
    return GPOINTER_TO_UINT (cached) - 1;
  font = face_font (print, index);
  if (font == NULL)
    return 1000;
  len = g_unichar_to_utf8 (c, utf8);
  tw = HPDF_Font_TextWidth (font, (const HPDF_BYTE *) utf8, len);
  g_hash_table_insert (face->widths, GUINT_TO_POINTER (c), GUINT_TO_POINTER (tw.width + 1));
  return tw.width;
}

static double
char_width (JpPrint *print, JpPrintStyle style, gunichar c, double size)
{
  guint f;

  if (c == '\n' || c == '\r' || c == 0x2060 || c == 0x200B)
    return 0;
  if (c == '\t')
    c = ' ';
  f = face_for (print, style, c);
  if (f == NO_FACE)
    {
      record (print, missing_glyph_error (c, print->subject_field, print->subject_person));
      return size;
    }
  return face_char_width (print, f, c) * size / 1000.0;
}

/* ---- the document ---- */

JpPrint *
jp_print_new (JpStore                  *store,
              JpDocumentKind            kind,
              const JpDocumentOptions  *options,
              GCancellable             *cancellable,
              JpDocumentProgress        progress,
              gpointer                  progress_data,
              GError                  **error)
{
  g_autoptr(JpPrint) print = g_new0 (JpPrint, 1);

  print->store = g_object_ref (store);
  print->kind = kind;
  if (options != NULL)
    print->options = *options;
  print->certificate_prefix = g_strdup (print->options.certificate_prefix);
  print->options.certificate_prefix = print->certificate_prefix;
  print->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  print->progress = progress;
  print->progress_data = progress_data;
  print->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  print->election = jp_store_get_election (store);
  print->settings = jp_store_get_settings (store);
  print->date = print->options.date != 0 ? print->options.date : g_get_real_time () / G_USEC_PER_SEC;
  print->page_numbers = TRUE;
  print->faces = g_ptr_array_new_with_free_func ((GDestroyNotify) face_free);
  print->pages = g_ptr_array_new ();
  print->sections = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint i = 0; i < 2; i++)
    {
      print->fallbacks[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      print->choice[i] = g_hash_table_new (NULL, NULL);
      print->primary[i] = NO_FACE;
    }

  if (!FcInit ())
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NO_FONT,
                   _("The font configuration (fontconfig) could not be read, so no font can be "
                     "found. Check the installation of fontconfig."));
      return NULL;
    }
  if (!setup_primary (print, JP_PRINT_SONG, error))
    return NULL;
  if (kind == JP_DOCUMENT_CERTIFICATES && !setup_primary (print, JP_PRINT_KAI, error))
    return NULL;
  if (print->primary[JP_PRINT_KAI] == NO_FACE)
    {
      /* Documents without a Kai font draw "Kai" text in the body font. */
      print->primary[JP_PRINT_KAI] = print->primary[JP_PRINT_SONG];
      g_array_append_vals (print->fallbacks[JP_PRINT_KAI], print->fallbacks[JP_PRINT_SONG]->data,
                           print->fallbacks[JP_PRINT_SONG]->len);
    }

  print->doc = HPDF_New (on_hpdf_error, print);
  if (print->doc == NULL)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("Could not create the PDF: libharu could not start (out of memory?)."));
      return NULL;
    }
  HPDF_SetCompressionMode (print->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (print->doc);
  HPDF_SetCurrentEncoder (print->doc, "UTF-8");
  if (!jp_print_check (print, error))
    return NULL;
  return g_steal_pointer (&print);
}

void
jp_print_free (JpPrint *print)
{
  if (print == NULL)
    return;
  if (print->doc != NULL)
    HPDF_Free (print->doc);
  g_clear_object (&print->store);
  g_clear_object (&print->cancellable);
  g_clear_pointer (&print->findings, g_ptr_array_unref);
  g_clear_pointer (&print->election, jp_election_free);
  g_clear_pointer (&print->settings, jp_settings_free);
  g_clear_pointer (&print->faces, g_ptr_array_unref);
  g_clear_pointer (&print->pages, g_ptr_array_unref);
  g_clear_pointer (&print->sections, g_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&print->fallbacks[i], g_array_unref);
      g_clear_pointer (&print->choice[i], g_hash_table_unref);
    }
  g_clear_error (&print->error);
  g_free (print->certificate_prefix);
  g_free (print->title);
  g_free (print->subject_field);
  g_free (print->subject_person);
  g_free (print);
}

JpStore *
jp_print_get_store (JpPrint *print)
{
  return print->store;
}

JpDocumentKind
jp_print_get_kind (JpPrint *print)
{
  return print->kind;
}

const JpDocumentOptions *
jp_print_get_options (JpPrint *print)
{
  return &print->options;
}

const JpElection *
jp_print_get_election (JpPrint *print)
{
  return print->election;
}

const JpSettings *
jp_print_get_settings (JpPrint *print)
{
  return print->settings;
}

gint64
jp_print_get_date (JpPrint *print)
{
  return print->date;
}

char *
jp_print_date_text (JpPrint *print)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (print->date);

  return g_strdup_printf ("%d年%d月%d日", g_date_time_get_year (dt),
                          g_date_time_get_month (dt), g_date_time_get_day_of_month (dt));
}

void
jp_print_set_title (JpPrint *print, const char *title)
{
  g_free (print->title);
  print->title = g_strdup (title);
}

void
jp_print_set_page_numbers (JpPrint *print, gboolean numbers)
{
  print->page_numbers = numbers;
}

void
jp_print_begin_section (JpPrint *print)
{
  guint first = print->pages->len;

  g_array_append_val (print->sections, first);
}

void
jp_print_set_subject (JpPrint *print, const char *field, const char *person)
{
  g_free (print->subject_field);
  g_free (print->subject_person);
  print->subject_field = g_strdup (field);
  print->subject_person = g_strdup (person);
}

void
jp_print_add_finding (JpPrint *print, JpFinding *finding)
{
  g_ptr_array_add (print->findings, finding);
}

GPtrArray *
jp_print_steal_findings (JpPrint *print)
{
  GPtrArray *findings = g_steal_pointer (&print->findings);

  print->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  return findings;
}

gboolean
jp_print_check (JpPrint *print, GError **error)
{
  if (print->error != NULL)
    {
      g_propagate_error (error, g_error_copy (print->error));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (print->cancellable, error))
    return FALSE;
  return TRUE;
}

void
jp_print_progress (JpPrint *print, guint done, guint total)
{
  if (print->progress != NULL)
    print->progress (done, total, print->progress_data);
}

gboolean
jp_print_check_text (JpPrint      *print,
                     JpPrintStyle  style,
                     const char   *text,
                     const char   *field,
                     const char   *person,
                     GError      **error)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t')
        continue;
      if (face_for (print, style, c) == NO_FACE)
        {
          g_propagate_error (error, missing_glyph_error (c, field, person));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- pages ---- */

void
jp_print_add_page (JpPrint *print, gboolean landscape)
{
  HPDF_Page page = HPDF_AddPage (print->doc);

  if (page == NULL)
    return;
  HPDF_Page_SetSize (page, HPDF_PAGE_SIZE_A4,
                     landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
  print->landscape = landscape;
  g_ptr_array_add (print->pages, page);
}

HPDF_Page
jp_print_page (JpPrint *print)
{
  g_assert (print->pages->len > 0);
  return g_ptr_array_index (print->pages, print->pages->len - 1);
}

double
jp_print_page_width (JpPrint *print)
{
  return print->landscape ? JP_PDF_A4_HEIGHT : JP_PDF_A4_WIDTH;
}

double
jp_print_page_height (JpPrint *print)
{
  return print->landscape ? JP_PDF_A4_WIDTH : JP_PDF_A4_HEIGHT;
}

gboolean
jp_print_is_landscape (JpPrint *print)
{
  return print->landscape;
}

guint
jp_print_page_count (JpPrint *print)
{
  return print->pages->len;
}

double
jp_print_body_bottom (JpPrint *print)
{
  return jp_print_page_height (print) - JP_PRINT_MARGIN;
}

static gboolean
page_is_landscape (HPDF_Page page)
{
  return HPDF_Page_GetWidth (page) > HPDF_Page_GetHeight (page);
}

/* ---- text ---- */

double
jp_print_measure (JpPrint *print, JpPrintStyle style, double size, const char *text)
{
  double w = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    w += char_width (print, style, g_utf8_get_char (p), size);
  return w;
}

static void
draw_on (JpPrint      *print,
         HPDF_Page     page,
         JpPrintStyle  style,
         double        size,
         double        x,
         double        baseline,
         JpAlign       align,
         const char   *text)
{
  double height = HPDF_Page_GetHeight (page);
  GString *run = g_string_new (NULL);
  guint run_face = NO_FACE;
  gboolean started = FALSE;

  if (text == NULL || *text == '\0')
    {
      g_string_free (run, TRUE);
      return;
    }
  if (align != JP_ALIGN_LEFT)
    {
      double w = jp_print_measure (print, style, size, text);

      x -= align == JP_ALIGN_CENTER ? w / 2 : w;
    }

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      guint f = NO_FACE;

      if (c == '\n' || c == '\r' || c == 0x2060 || c == 0x200B)
        continue;
      if (c == '\t')
        c = ' ';
      if (c != 0)
        {
          f = face_for (print, style, c);
          if (f == NO_FACE)
            {
              record (print, missing_glyph_error (c, print->subject_field,
                                                  print->subject_person));
              break;
            }
        }
      if ((c == 0 || f != run_face) && run->len > 0)
        {
          HPDF_Font font = face_font (print, run_face);

          if (font == NULL)
            break;
          if (!started)
            {
              HPDF_Page_BeginText (page);
              HPDF_Page_MoveTextPos (page, x, height - baseline);
              started = TRUE;
            }
          HPDF_Page_SetFontAndSize (page, font, size);
          HPDF_Page_ShowText (page, run->str);
          g_string_truncate (run, 0);
        }
      if (c == 0)
        break;
      run_face = f;
      g_string_append_unichar (run, c);
    }
  if (started)
    HPDF_Page_EndText (page);
  g_string_free (run, TRUE);
}

void
jp_print_text (JpPrint      *print,
               JpPrintStyle  style,
               double        size,
               double        x,
               double        baseline,
               JpAlign       align,
               const char   *text)
{
  draw_on (print, jp_print_page (print), style, size, x, baseline, align, text);
}

typedef struct {
  JpPrint      *print;
  JpPrintStyle  style;
  double        size;
} MeasureData;

static double
measure_char (gunichar c, gpointer data)
{
  MeasureData *md = data;

  return char_width (md->print, md->style, c, md->size);
}

GStrv
jp_print_wrap (JpPrint      *print,
               JpPrintStyle  style,
               double        size,
               double        width,
               const char   *text)
{
  MeasureData md = { print, style, size };
  g_autoptr(GArray) lines = NULL;
  GStrv result;

  if (text == NULL)
    text = "";
  lines = jp_line_break (text, width, measure_char, &md);
  result = g_new0 (char *, lines->len + 1);
  for (guint i = 0; i < lines->len; i++)
    {
      JpLine *line = &g_array_index (lines, JpLine, i);

      result[i] = g_strndup (text + line->start, line->end - line->start);
    }
  return result;
}

/* ---- finishing (the drawing primitives are in jp-print-draw.c) ---- */

GBytes *
jp_print_finish (JpPrint *print, GError **error)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (print->date);
  HPDF_Date date = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  gint offset;

  if (!jp_print_check (print, error))
    return NULL;
  if (print->pages->len == 0)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                   _("There is nothing to print."));
      return NULL;
    }
  if (print->page_numbers)
    for (guint i = 0, s = 0; i < print->pages->len; i++)
      {
        HPDF_Page page = g_ptr_array_index (print->pages, i);
        guint first = 0, end = print->pages->len;
        g_autofree char *number = NULL;
        double w = page_is_landscape (page) ? JP_PDF_A4_HEIGHT : JP_PDF_A4_WIDTH;
        double h = page_is_landscape (page) ? JP_PDF_A4_WIDTH : JP_PDF_A4_HEIGHT;

        while (s + 1 < print->sections->len && g_array_index (print->sections, guint, s + 1) <= i)
          s++;
        if (s < print->sections->len && g_array_index (print->sections, guint, s) <= i)
          {
            first = g_array_index (print->sections, guint, s);
            if (s + 1 < print->sections->len)
              end = g_array_index (print->sections, guint, s + 1);
          }
        number = g_strdup_printf ("第 %u 页 共 %u 页", i - first + 1, end - first);

        jp_print_set_subject (print, _("page number"), NULL);
        draw_on (print, page, JP_PRINT_SONG, 9, w / 2, h - 26, JP_ALIGN_CENTER, number);
      }

  /* The audit chain head as the document is printed, on every page, so the paper can be
   * checked later with `jiangping-cli audit verify --anchor HEX`. */
  {
    g_autofree char *head = jp_store_audit_head (print->store, error);
    g_autofree char *line = NULL;

    if (head == NULL)
      return NULL;
    line = g_strdup_printf ("记录链 %s", head);
    jp_print_set_subject (print, _("audit chain head"), NULL);
    for (guint i = 0; i < print->pages->len; i++)
      {
        HPDF_Page page = g_ptr_array_index (print->pages, i);
        double w = page_is_landscape (page) ? JP_PDF_A4_HEIGHT : JP_PDF_A4_WIDTH;
        double h = page_is_landscape (page) ? JP_PDF_A4_WIDTH : JP_PDF_A4_HEIGHT;

        draw_on (print, page, JP_PRINT_SONG, 6, w - 30, h - 12, JP_ALIGN_RIGHT, line);
      }
  }

  HPDF_SetInfoAttr (print->doc, HPDF_INFO_CREATOR, "Jiangping");
  HPDF_SetInfoAttr (print->doc, HPDF_INFO_PRODUCER, "Jiangping (libharu)");
  if (print->title != NULL)
    HPDF_SetInfoAttr (print->doc, HPDF_INFO_TITLE, print->title);
  if (print->election->organiser != NULL && *print->election->organiser != '\0')
    HPDF_SetInfoAttr (print->doc, HPDF_INFO_AUTHOR, print->election->organiser);
  date.year = g_date_time_get_year (dt);
  date.month = g_date_time_get_month (dt);
  date.day = g_date_time_get_day_of_month (dt);
  date.hour = g_date_time_get_hour (dt);
  date.minutes = g_date_time_get_minute (dt);
  date.seconds = g_date_time_get_second (dt);
  offset = (gint) (g_date_time_get_utc_offset (dt) / G_TIME_SPAN_MINUTE);
  date.ind = offset == 0 ? 'Z' : offset > 0 ? '+' : '-';
  date.off_hour = ABS (offset) / 60;
  date.off_minutes = ABS (offset) % 60;
  HPDF_SetInfoDateAttr (print->doc, HPDF_INFO_CREATION_DATE, date);

  if (!jp_print_check (print, error))
    return NULL;
  bytes = jp_pdf_doc_save (print->doc, &print->error, error);
  /* a cancellation while the stream was read still wins */
  if (bytes == NULL || !jp_print_check (print, error))
    return NULL;
  return g_steal_pointer (&bytes);
}
