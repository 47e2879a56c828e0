/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-find-terms"

#include "config.h"

#include "core/jp-anon-terms.h"
#include "evidence/jp-evidence-document.h"
#include "jp-evidence-test-util.h"

/* jp_evidence_page_find_terms: the boxes to black out cover a term also where it wraps to the
 * next line, has spaces between its characters or is hyphenated at the line end. */

#define CJK_FONT "AR PL SungtiL GB"
#define SIZE     16.0

typedef struct {
  const char *text;
  gboolean    secret;
} Piece;

static const Piece lines[][4] = {
  { { "该成果在", FALSE }, { "包头嘉衡特钢有", TRUE }, { NULL, FALSE } },
  { { "限公司", TRUE }, { "推广应用后，", FALSE }, { "张 三 丰", TRUE }, { NULL, FALSE } },
  { { "Made at Baotou ", FALSE }, { "Jia", TRUE }, { "-", FALSE }, { NULL, FALSE } },
  { { "heng Steel", TRUE }, { " works.", FALSE }, { NULL, FALSE } },
  { { "特钢冶炼技术能手", FALSE }, { NULL, FALSE } },
};

typedef struct {
  GArray         *secret;    /* JpEvidenceRect: the glyph bodies of secret pieces */
  JpEvidenceRect  innocent;  /* the last line */
} Layout;

static void
draw_lines (cairo_t *cr, int page, gpointer data)
{
  Layout *layout = data;

  cairo_select_font_face (cr, CJK_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, SIZE);
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      double baseline = 80 + l * 30;

      cairo_move_to (cr, 50, baseline);
      for (const Piece *p = lines[l]; p->text != NULL; p++)
        {
          double x0, x1, y;

          cairo_get_current_point (cr, &x0, &y);
          cairo_show_text (cr, p->text);
          cairo_get_current_point (cr, &x1, &y);
          if (p->secret)
            {
              JpEvidenceRect r = { x0, baseline - 0.8 * SIZE, x1 - x0, 0.8 * SIZE };

              g_array_append_val (layout->secret, r);
            }
          else if (l == G_N_ELEMENTS (lines) - 1)
            layout->innocent = (JpEvidenceRect) { x0, baseline - 0.8 * SIZE, x1 - x0,
                                                  0.8 * SIZE };
        }
    }
}

/* How much of `r` the union of `boxes` covers (0..1), measured on a grid. */
static double
covered (const JpEvidenceRect *r,
         GArray               *boxes)
{
  guint in = 0, all = 0;

  for (double y = r->y + 0.25; y < r->y + r->height; y += 0.5)
    for (double x = r->x + 0.25; x < r->x + r->width; x += 0.5)
      {
        all++;
        for (guint i = 0; i < boxes->len; i++)
          {
            const JpEvidenceRect *b = &g_array_index (boxes, JpEvidenceRect, i);

            if (x >= b->x && x <= b->x + b->width && y >= b->y && y <= b->y + b->height)
              {
                in++;
                break;
              }
          }
      }
  return all > 0 ? (double) in / all : 0;
}

static void
test_wrapped (void)
{
  Layout layout = { g_array_new (FALSE, FALSE, sizeof (JpEvidenceRect)), { 0 } };
  g_autoptr(GBytes) pdf = jp_test_make_pdf (1, 595, 842, draw_lines, &layout);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, "application/pdf", NULL,
                                                                 "wrapped.pdf", &error);
  const char *terms[] = { "包头嘉衡特钢有限公司", "张三丰", "Jiaheng Steel", NULL };
  g_autoptr(GArray) boxes = NULL;

  g_assert_no_error (error);
  /* the premise: the plain search finds none of them */
  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_autoptr(GArray) plain = jp_evidence_page_find_text (doc, 0, terms[t]);

      g_assert_cmpuint (plain->len, ==, 0);
    }

  boxes = jp_evidence_page_find_terms (doc, 0, terms);
  for (guint i = 0; i < layout.secret->len; i++)
    {
      const JpEvidenceRect *r = &g_array_index (layout.secret, JpEvidenceRect, i);

      if (covered (r, boxes) < 0.97)
        g_error ("secret piece %u is only %.0f%% covered", i, 100 * covered (r, boxes));
    }
  g_assert_cmpfloat (covered (&layout.innocent, boxes), ==, 0);
  g_array_unref (layout.secret);
}

static void
test_short_terms (void)
{
  Layout layout = { g_array_new (FALSE, FALSE, sizeof (JpEvidenceRect)), { 0 } };
  g_autoptr(GBytes) pdf = jp_test_make_pdf (1, 595, 842, draw_lines, &layout);
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, "application/pdf", NULL,
                                                                 "wrapped.pdf", NULL);
  const char *single[] = { "特", " 钢 ", "", NULL };
  const char *none[] = { NULL };
  g_autoptr(GArray) a = jp_evidence_page_find_terms (doc, 0, single);
  g_autoptr(GArray) b = jp_evidence_page_find_terms (doc, 0, none);
  g_autoptr(GArray) c = jp_evidence_page_find_terms (doc, 0, NULL);

  /* one character would black out half a page */
  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (b->len, ==, 0);
  g_assert_cmpuint (c->len, ==, 0);
  g_array_unref (layout.secret);
}

/* A dense page: 45 lines of 30 characters naming the candidate here and there. */
static void
draw_dense (cairo_t *cr, int page, gpointer data)
{
  cairo_select_font_face (cr, CJK_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  for (int l = 0; l < 45; l++)
    {
      cairo_move_to (cr, 40, 40 + l * 17);
      cairo_show_text (cr, l % 5 == 0 ? "该成果在包头嘉衡特钢有限公司推广应用后张师傅带徒十二人"
                                      : "长期扎根一线，攻克多项技术难题，带徒传技，荣获技术能手");
    }
}

/* Time to find a candidate's terms on 40 dense pages (printed, not asserted). */
static int
bench (void)
{
  g_autoptr(GBytes) pdf = jp_test_make_pdf (40, 595, 842, draw_dense, NULL);
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, "application/pdf", NULL,
                                                                 "dense.pdf", NULL);
  g_auto(GStrv) terms = jp_anon_terms ("张三丰", "150203198001011234", "13904721234",
                                       "内蒙古包头嘉衡特钢集团有限公司", "包头稀土研究院");
  gint64 start = g_get_monotonic_time ();
  guint found = 0;

  for (int page = 0; page < 40; page++)
    {
      g_autoptr(GArray) boxes = jp_evidence_page_find_terms (doc, page,
                                                             (const char *const *) terms);

      found += boxes->len;
    }
  g_print ("find-terms: %u terms, 40 pages, %u boxes, %.2f ms a page\n",
           g_strv_length (terms), found, (g_get_monotonic_time () - start) / 1000.0 / 40);
  /* for scale: the rendering of the copy's pages at 150 dpi that follows the search */
  start = g_get_monotonic_time ();
  for (int page = 0; page < 40; page++)
    cairo_surface_destroy (jp_evidence_render_page (doc, page, 150 / 72.0, 0, NULL, NULL));
  g_print ("render at 150 dpi: %.2f ms a page\n", (g_get_monotonic_time () - start) / 1000.0 / 40);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "--bench"))
    return bench ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence/find-terms/wrapped", test_wrapped);
  g_test_add_func ("/evidence/find-terms/short-terms", test_short_terms);
  return g_test_run ();
}
