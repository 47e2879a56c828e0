/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <string.h>

#include "meeting-test-util.h"

/* Anonymity that holds when a name wraps: an evidence page on which every identifying term
 * (the name, its short forms, the unit in full and short, ID number, phone) runs over the end
 * of a line, and a summary that does the same. The copy a member gets and the chair's
 * preview must be black wherever the original shows one of those glyphs; the summary and
 * deeds must not name them. */

#define FONT_SIZE 14.0
#define LEFT      40.0
#define TOP       60.0
#define LEADING   26.0

#define SECRET_NAME  "张三丰"
#define SECRET_ID    "150203198001011234"
#define SECRET_PHONE "13904721234"
#define SECRET_UNIT  "包头嘉衡特钢有限公司"

/* One piece of a line; `secret` pieces are parts of an identifying term. */
typedef struct {
  const char *text;
  gboolean    secret;
} Piece;

#define S(t) { t, TRUE }
#define P(t) { t, FALSE }
#define END  { NULL, FALSE }

/* Each term is cut at a line end. */
static const Piece page_lines[][5] = {
  { P ("证明：兹有我单位职工"), S ("张三"), END },                       /* 张三丰 */
  { S ("丰"), P ("同志，2005年起参加攻关。"), END },
  { P ("该成果在"), S ("包头嘉衡特钢有"), END },                        /* the unit in full */
  { S ("限公司"), P ("推广应用后，效益显著。"), END },
  { P ("后调入"), S ("嘉衡特"), END },                                  /* without the city */
  { S ("钢有限公司"), P ("技术中心。"), END },
  { P ("大家叫他"), S ("三"), END },                                    /* the given name */
  { S ("丰"), P ("，徒弟叫他"), S ("张师"), END },                      /* 张师傅 */
  { S ("傅"), P ("或"), S ("张"), END },                                /* 张工 */
  { S ("工"), P ("，厂长叫他"), S ("张"), END },                        /* 张同志 */
  { S ("同志"), P ("。在"), S ("包头嘉"), END },                        /* without the suffix */
  { S ("衡特钢"), P ("的炉前，"), S ("嘉衡"), END },                    /* the bare short form */
  { S ("特钢"), P ("的骨干。身份证号"), S ("1502031980"), END },
  { S ("01011234"), P ("，电话"), S ("139 0472"), END },
  { S ("1234"), P ("。签名："), S ("张 三 丰"), END },                  /* spaced, one line */
  { P ("特钢冶炼技术能手称号"), END },                                  /* no secret here */
};

typedef struct {
  char             *dir;
  JpStore          *store;
  JpMeetingService *service;
  GHashTable       *pins;
  char             *sha;
  char             *code;
  GBytes           *original;
  GArray           *secret_boxes;  /* JpEvidenceRect in points, top-left origin */
  JpEvidenceRect    innocent;      /* 特钢冶炼 on the last line */
} Fixture;

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws the page, noting where each secret piece's glyphs are. */
static GBytes *
wrapped_pdf (GArray         *secret_boxes,
             JpEvidenceRect *innocent)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream (write_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (s);

  cairo_select_font_face (cr, TEST_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);
  for (guint l = 0; l < G_N_ELEMENTS (page_lines); l++)
    {
      double baseline = TOP + l * LEADING;

      cairo_move_to (cr, LEFT, baseline);
      for (const Piece *p = page_lines[l]; p->text != NULL; p++)
        {
          double x0, x1, y;
          /* the glyph bodies of the font: from about 0.85 em above the baseline down to it */
          JpEvidenceRect r;

          cairo_get_current_point (cr, &x0, &y);
          cairo_show_text (cr, p->text);
          cairo_get_current_point (cr, &x1, &y);
          r = (JpEvidenceRect) { x0, baseline - 0.85 * FONT_SIZE, x1 - x0, 0.85 * FONT_SIZE };
          if (p->secret)
            g_array_append_val (secret_boxes, r);
        }
    }
  {
    cairo_text_extents_t e;

    cairo_text_extents (cr, "特钢冶炼", &e);
    *innocent = (JpEvidenceRect) { LEFT, TOP + (G_N_ELEMENTS (page_lines) - 1) * LEADING
                                   - 0.85 * FONT_SIZE, e.x_advance, 0.85 * FONT_SIZE };
  }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return g_byte_array_free_to_bytes (out);
}

static void
save_candidate (JpStore          *store,
                const TestPerson *p,
                const char       *unit,
                const char       *summary,
                const char       *deeds,
                GBytes           *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCandidate) c = jp_candidate_new ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (
      (GDestroyNotify) jp_document_data_free);
  JpDocumentRef *ref = jp_document_ref_new ();
  g_autoptr(JpReview) review = NULL;
  JpSaveOutcome outcome;

  c->name = g_strdup (p->name);
  c->id_number = g_strdup (p->id_number);
  c->phone = g_strdup (p->phone);
  c->unit = g_strdup (unit);
  c->employer = g_strdup (unit);
  c->trade = g_strdup ("稀土");
  c->trade_code = g_strdup ("XT");
  c->sex = JP_SEX_MALE;
  c->route = JP_ROUTE_UNIT;
  c->criteria = 1u << 2;
  c->work_type = g_strdup ("稀土冶炼工");
  c->summary = g_strdup (summary);
  c->deeds = g_strdup (deeds);
  ref->kind = JP_DOC_EVIDENCE;
  ref->criterion = 2;
  ref->filename = g_strdup ("evidence/证明.pdf");
  ref->mime = g_strdup ("application/pdf");
  ref->pages = 1;
  g_ptr_array_add (docs, jp_document_data_new (ref, pdf));
  g_assert_true (jp_store_save_candidate (store, c, docs, "t", &outcome, &error));
  g_assert_no_error (error);
  review = jp_review_new (c->id);
  review->decision = JP_REVIEW_DECISION_QUALIFIED;
  jp_review_link_evidence (review, 2, ((JpDocumentRef *) c->documents->pdata[0])->sha256);
  g_assert_true (jp_store_save_review (store, review, "t", NULL, &error));
  g_assert_no_error (error);
}

static const char summary_text[] =
  "张三丰同志在包头嘉衡特钢有\n限公司工作二十年，嘉衡\n特钢的徒弟都叫他张\n师傅。";
static const char deeds_text[] =
  "三 丰 带徒传技，包头\n嘉衡特钢以他命名工作室；电话139 0472 1234。";

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autofree char *path = NULL;
  TestPerson secret = { SECRET_NAME, SECRET_ID, SECRET_PHONE, SECRET_UNIT, "XT" };

  f->dir = g_dir_make_tmp ("jp-wrapped-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->store = jp_store_create (path, NULL, &error);
  g_assert_no_error (error);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->secret_boxes = g_array_new (FALSE, FALSE, sizeof (JpEvidenceRect));
  f->original = wrapped_pdf (f->secret_boxes, &f->innocent);

  g_assert_cmpint (jp_store_add_trade (f->store, "XT", "稀土", TRUE, "t", &error), >, 0);
  save_candidate (f->store, &secret, SECRET_UNIT, summary_text, deeds_text, f->original);
  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr(GBytes) pdf = test_evidence_pdf (&test_people[i]);

      save_candidate (f->store, &test_people[i], test_people[i].unit, "长期扎根一线。",
                      "带徒传技。", pdf);
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *code = i == 0 ? "M01" : "M02";
      char *trades[2] = { (char *) "XT", NULL };
      JpMember m = { 0 };

      m.code = (char *) code;
      m.name = (char *) (i == 0 ? "评委甲" : "评委乙");
      m.unit = (char *) "市总工会";
      m.role = JP_MEMBER_ROLE_MEMBER;
      m.trades = trades;
      g_assert_cmpint (jp_store_add_member (f->store, &m, "t", &error), >, 0);
      g_assert_no_error (error);
      g_hash_table_insert (f->pins, g_strdup (code),
                           jp_store_member_new_pin (f->store, code, "t", &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(GPtrArray) codes = jp_store_freeze (f->store, "chair", &error);

    g_assert_no_error (error);
  }
  f->service = jp_meeting_service_new (f->store);
  g_assert_cmpint (jp_meeting_service_open_round (f->service, "XT", 2, 2, -1, &error), >, 0);
  g_assert_no_error (error);

  model = jp_store_list_candidates (f->store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      if (g_str_equal (c->name, SECRET_NAME))
        {
          g_autoptr(JpCandidate) full = jp_store_get_candidate (f->store, c->id, NULL);

          f->sha = g_strdup (((JpDocumentRef *) full->documents->pdata[0])->sha256);
          f->code = g_strdup (c->code);
        }
    }
  g_assert_nonnull (f->sha);
  g_assert_nonnull (f->code);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->service);
  g_clear_object (&f->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->sha);
  g_free (f->code);
  g_bytes_unref (f->original);
  g_array_unref (f->secret_boxes);
  g_hash_table_unref (f->pins);
}

/* The first page of `pdf` rendered at 2 pixels a point. */
static cairo_surface_t *
render (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (pdf, "application/pdf", NULL,
                                                                 "copy", &error);
  cairo_surface_t *img;
  double scale = 0;

  g_assert_no_error (error);
  img = jp_evidence_render_page (doc, 0, 2.0, 0, &scale, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (scale, ==, 2.0);
  return img;
}

/* The share of dark pixels (grey below 96) inside `r`. */
static double
dark_share (cairo_surface_t      *img,
            const JpEvidenceRect *r)
{
  const guchar *data = cairo_image_surface_get_data (img);
  int stride = cairo_image_surface_get_stride (img);
  guint dark = 0, all = 0;

  for (int y = (int) (r->y * 2); y < (int) ((r->y + r->height) * 2); y++)
    for (int x = (int) (r->x * 2); x < (int) ((r->x + r->width) * 2); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        all++;
        if ((pixel & 0xff) < 96 && ((pixel >> 8) & 0xff) < 96)
          dark++;
      }
  g_assert_cmpuint (all, >, 0);
  return (double) dark / all;
}

/* Every glyph of every secret piece is under black in `copy`; the innocent words are not;
 * the copy has no text. */
static void
assert_secrets_black (Fixture *f,
                      GBytes  *copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (copy, "application/pdf", NULL,
                                                                 "copy", &error);
  cairo_surface_t *original = render (f->original);
  cairo_surface_t *redacted = render (copy);

  g_assert_no_error (error);
  g_assert_false (jp_evidence_document_has_text (doc));
  for (guint i = 0; i < f->secret_boxes->len; i++)
    {
      const JpEvidenceRect *r = &g_array_index (f->secret_boxes, JpEvidenceRect, i);

      /* the original shows ink there (the box is right), the copy only black */
      g_assert_cmpfloat (dark_share (original, r), >, 0.05);
      g_assert_cmpfloat (dark_share (original, r), <, 0.7);
      if (dark_share (redacted, r) < 0.999)
        g_error ("secret piece %u (line box %.0f,%.0f %.0fx%.0f) is readable in the copy: "
                 "%.0f%% black", i, r->x, r->y, r->width, r->height,
                 100 * dark_share (redacted, r));
    }
  /* 特钢冶炼 is a trade word, not the unit: it stays readable */
  g_assert_cmpfloat (dark_share (redacted, &f->innocent), <, 0.7);
  g_assert_cmpfloat (dark_share (redacted, &f->innocent), >, 0.05);
  cairo_surface_destroy (original);
  cairo_surface_destroy (redacted);
}

/* The premise: every term is cut by a line end, so a search line by line misses it. */
static void
assert_terms_wrap (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpEvidenceDocument) doc = jp_evidence_document_new (f->original, "application/pdf",
                                                                 NULL, "original", &error);
  g_autoptr(JpCandidate) c = NULL;
  g_auto(GStrv) terms = NULL;
  /* each term with the number of its occurrences that lie on one line: only those inside
   * line 3 (包头嘉衡特钢有); every other occurrence wraps */
  static const struct { const char *term; guint on_one_line; } wrapped[] = {
    { SECRET_NAME, 0 }, { SECRET_UNIT, 0 }, { "嘉衡特钢有限公司", 0 }, { "包头嘉衡特钢", 1 },
    { "嘉衡特钢", 1 }, { "三丰", 0 }, { "张师傅", 0 }, { "张工", 0 }, { "张同志", 0 },
    { SECRET_ID, 0 }, { SECRET_PHONE, 0 },
  };

  g_assert_no_error (error);
  {
    g_autoptr(GListModel) model = jp_store_list_candidates (f->store, NULL);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(JpCandidate) item = g_list_model_get_item (model, i);

        if (g_str_equal (item->name, SECRET_NAME))
          c = jp_store_get_candidate (f->store, item->id, NULL);
      }
  }
  terms = jp_meeting_service_redaction_terms (c);
  for (guint i = 0; i < G_N_ELEMENTS (wrapped); i++)
    {
      g_autoptr(GArray) hits = jp_evidence_page_find_text (doc, 0, wrapped[i].term);

      g_assert_true (g_strv_contains ((const char *const *) terms, wrapped[i].term));
      if (hits->len != wrapped[i].on_one_line)
        g_error ("%s is found %u times on one line of the original", wrapped[i].term,
                 hits->len);
    }
}

static GBytes *
member_copy (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;
  GBytes *copy;

  jp_meeting_service_evidence_async (f->service, "M01", f->sha, NULL, test_async_done, &res);
  copy = jp_meeting_service_evidence_finish (f->service, test_wait (&res), &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static void
test_member_copy (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) copy = NULL;
  const char *keep = g_getenv ("JP_TEST_KEEP_COPY");

  assert_terms_wrap (f);
  copy = member_copy (f);
  if (keep != NULL)
    g_assert_true (g_file_set_contents (keep, g_bytes_get_data (copy, NULL),
                                        g_bytes_get_size (copy), NULL));
  assert_secrets_black (f, copy);
}

static void
test_chair_preview (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpMeetingAnonCache) cache = jp_meeting_anon_cache_new (64 * 1024 * 1024);
  g_autoptr(GBytes) preview = NULL;
  g_autoptr(GBytes) copy = NULL;
  GAsyncResult *res = NULL;

  /* without a meeting, from the store */
  jp_meeting_preview_async (f->store, cache, f->sha, NULL, test_async_done, &res);
  preview = jp_meeting_preview_finish (test_wait (&res), &error);
  g_clear_object (&res);
  g_assert_no_error (error);
  assert_secrets_black (f, preview);

  /* the chair sees what the stations get (the same pixels; the PDF's dates may differ) */
  copy = member_copy (f);
  {
    cairo_surface_t *a = render (preview);
    cairo_surface_t *b = render (copy);

    g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));
    g_assert_cmpint (cairo_image_surface_get_stride (a), ==, cairo_image_surface_get_stride (b));
    g_assert_cmpmem (cairo_image_surface_get_data (a),
                     cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a),
                     cairo_image_surface_get_data (b),
                     cairo_image_surface_get_stride (b) * cairo_image_surface_get_height (b));
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
  }
}

static char *
squeezed (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *c = s; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (out, g_utf8_get_char (c));
  return g_string_free (out, FALSE);
}

static void
test_dossier_text (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) login = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *path = g_strdup_printf ("/dossiers/%s", f->code);
  static const char *const secrets[] = {
    "三丰", "嘉衡", "张师", "师傅", SECRET_PHONE, "衡特钢",
  };
  const char *token;
  guint status = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "member_code");
  json_builder_add_string_value (b, "M01");
  json_builder_set_member_name (b, "pin");
  json_builder_add_string_value (b, g_hash_table_lookup (f->pins, "M01"));
  json_builder_end_object (b);
  body = json_builder_get_root (b);
  {
    GAsyncResult *res = NULL;
    g_autoptr(GError) error = NULL;

    jp_meeting_service_login_async (f->service, "127.0.0.1", body, NULL, test_async_done, &res);
    login = jp_meeting_service_login_finish (f->service, test_wait (&res), &status, &error);
    g_assert_no_error (error);
    g_object_unref (res);
  }
  g_assert_cmpuint (status, ==, 200);
  token = json_object_get_string_member (json_node_get_object (login), "token");
  reply = jp_meeting_service_handle (f->service, "GET", path, token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);

  for (int field = 0; field < 2; field++)
    {
      const char *text = json_object_get_string_member (json_node_get_object (reply),
                                                        field == 0 ? "summary" : "deeds");
      g_autofree char *flat = squeezed (text);

      for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
        if (strstr (flat, secrets[i]) != NULL)
          g_error ("the %s sent to the stations still names %s: %s",
                   field == 0 ? "summary" : "deeds", secrets[i], text);
      g_assert_nonnull (strstr (text, "■■■"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply), "summary"), ==,
                   "■■■同志在■■■\n工作二十年，■■■\n的徒弟都叫他■■■\n。");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply), "deeds"), ==,
                   "■■■ 带徒传技，■■■\n以他命名工作室；电话■■■。");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting/wrapped-terms/" path, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)
  ADD ("member-copy", test_member_copy);
  ADD ("chair-preview", test_chair_preview);
  ADD ("dossier-text", test_dossier_text);
#undef ADD
  return g_test_run ();
}
