/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <glib/gstdio.h>

#include <cairo.h>

#include "demo/jp-demo.h"
#include "demo/jp-demo-private.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("jp-demo-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
on_progress (guint done, guint total, gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, ==, *last + 1);
  g_assert_cmpuint (total, ==, 20);
  *last = done;
}

static JpStore *
make_demo (Fixture *f, const char *file, guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  JpDemoOptions options = { 20, seed, 0 };
  guint last = 0;
  gint64 start = g_get_monotonic_time ();
  JpStore *store = jp_demo_create (path, &options, on_progress, &last, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (last, ==, 20);
  g_test_message ("20-candidate demo created in %.2f s",
                  (g_get_monotonic_time () - start) / 1e6);
  return store;
}

/* "name|id|sha,sha,..." per candidate, in list order */
static GStrv
fingerprint (JpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = jp_store_list_candidates (store, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (list, i);
      g_autoptr(JpCandidate) c = jp_store_get_candidate (store, item->id, &error);
      g_autoptr(GString) s = g_string_new (NULL);

      g_assert_no_error (error);
      g_string_append_printf (s, "%s|%s|", c->name, c->id_number);
      for (guint k = 0; k < c->documents->len; k++)
        {
          JpDocumentRef *ref = g_ptr_array_index (c->documents, k);

          g_string_append_printf (s, "%s,", ref->sha256);
        }
      g_strv_builder_add (builder, s->str);
    }
  return g_strv_builder_end (builder);
}

static gboolean
has_code (JpCandidate *c, const char *code)
{
  for (guint k = 0; c->findings != NULL && k < c->findings->len; k++)
    if (g_strcmp0 (((JpFinding *) g_ptr_array_index (c->findings, k))->code, code) == 0)
      return TRUE;
  return FALSE;
}

static void
test_contents (Fixture *f, gconstpointer data)
{
  g_autoptr(JpStore) store = make_demo (f, "demo.jiangping", JP_DEMO_DEFAULT_SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trades = jp_store_list_trades (store, &error);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(JpElection) election = jp_store_get_election (store);
  static const char *const codes[] = { "XT", "GF", "FD", "ZB", "YJ", "FW" };
  static const char *const problems[] = {
    "id-number-invalid", "summary-short", "photos-few", "no-criminal-record-missing",
    "birth-mismatch", "unit-over-limit",
  };
  guint priority = 0, pilot = 0, chairs = 0, clean = 0, panel[6] = { 0 }, ncr = 0;

  g_assert_cmpstr (election->title, ==, "包头市2023年“包头工匠”选树");
  g_assert_cmpstr (election->award, ==, "包头工匠");
  g_assert_cmpstr (election->organiser, ==, "包头市总工会");
  g_assert_cmpint (election->quota, ==, 20);

  g_assert_no_error (error);
  g_assert_cmpuint (trades->len, ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(JpTrade) t = jp_store_find_trade (store, codes[i]);

      g_assert_nonnull (t);
      g_assert_cmpint (t->priority, ==, i < 3);
    }
  for (guint i = 0; i < trades->len; i++)
    priority += ((JpTrade *) g_ptr_array_index (trades, i))->priority ? 1 : 0;
  g_assert_cmpuint (priority, ==, 3);

  units = jp_store_list_units (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, >=, 23);
  g_assert_cmpuint (units->len, <=, 27);
  for (guint i = 0; i < units->len; i++)
    pilot += ((JpUnit *) g_ptr_array_index (units, i))->pilot ? 1 : 0;
  g_assert_cmpuint (pilot, ==, 5);

  members = jp_store_list_members (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 15);
  for (guint i = 0; i < members->len; i++)
    {
      JpMember *m = g_ptr_array_index (members, i);
      g_autofree char *code = g_strdup_printf ("M%02u", i + 1);
      guint n = g_strv_length (m->trades);

      g_assert_cmpstr (m->code, ==, code);
      chairs += m->role == JP_MEMBER_ROLE_CHAIR ? 1 : 0;
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n, <=, 4);
      for (guint k = 0; k < n; k++)
        for (guint t = 0; t < 6; t++)
          if (g_strcmp0 (m->trades[k], codes[t]) == 0)
            panel[t]++;
    }
  g_assert_cmpuint (chairs, ==, 1);
  for (guint t = 0; t < 6; t++)
    g_assert_cmpuint (panel[t], >=, 5);

  list = jp_store_list_candidates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);
      glong summary = g_utf8_strlen (c->summary, -1);
      glong deeds = g_utf8_strlen (c->deeds, -1);

      g_assert_nonnull (c->name);
      g_assert_cmpuint (strlen (c->id_number), ==, 18);
      g_assert_nonnull (c->trade_code);
      g_assert_true (g_str_has_prefix (c->phone, "1380000"));
      g_assert_true (g_str_has_prefix (c->fill_date, "2023-03-0"));
      g_assert_cmpuint (c->criteria, !=, 0);
      g_assert_cmpuint (c->n_evidence, >=, 2);
      g_assert_cmpuint (c->n_evidence, <=, 4);
      if (!has_code (c, "photos-few"))
        g_assert_cmpuint (c->n_photos, ==, 3);
      else
        g_assert_cmpuint (c->n_photos, ==, 2);
      if (!has_code (c, "summary-short"))
        {
          g_assert_cmpint (summary, >=, 200);
          g_assert_cmpint (summary, <=, 400);
        }
      g_assert_cmpint (deeds, >=, 1500);
      g_assert_cmpint (deeds, <=, 2500);
      ncr += c->has_no_criminal_record ? 1 : 0;
      if (jp_candidate_count_findings (c, JP_SEVERITY_ERROR) == 0)
        clean++;
    }
  g_assert_cmpuint (ncr, ==, 19);   /* all but the deliberate one */
  g_test_message ("%u of 20 candidates without errors", clean);
  g_assert_cmpuint (clean, >=, 15);

  for (guint p = 0; p < G_N_ELEMENTS (problems); p++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < 20 && !found; i++)
        {
          g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

          found = has_code (c, problems[p]);
        }
      if (!found)
        g_test_message ("no candidate has finding %s", problems[p]);
      g_assert_true (found);
    }
}

static void
test_deterministic (Fixture *f, gconstpointer data)
{
  g_autoptr(JpStore) a = make_demo (f, "a.jiangping", 7);
  g_autoptr(JpStore) b = make_demo (f, "b.jiangping", 7);
  g_autoptr(JpStore) c = make_demo (f, "c.jiangping", 8);
  g_auto(GStrv) fa = fingerprint (a);
  g_auto(GStrv) fb = fingerprint (b);
  g_auto(GStrv) fc = fingerprint (c);

  g_assert_cmpuint (g_strv_length (fa), ==, 20);
  g_assert_true (g_strv_equal ((const char *const *) fa, (const char *const *) fb));
  g_assert_false (g_strv_equal ((const char *const *) fa, (const char *const *) fc));
}

/* The photo captions ("工作照 1") must draw real glyphs: cairo's toy font API does no
 * fallback, and a face without CJK glyphs draws empty boxes (glyph 0). */
static void
test_photo_caption_glyphs (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  cairo_glyph_t *glyphs = NULL;
  int n_glyphs = 0;
  cairo_status_t status;

  cairo_select_font_face (cr, JP_DEMO_PHOTO_FONT, CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  status = cairo_scaled_font_text_to_glyphs (cairo_get_scaled_font (cr), 0, 0, "工作照", -1,
                                             &glyphs, &n_glyphs, NULL, NULL, NULL);
  g_assert_cmpint (status, ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (n_glyphs, ==, 3);
  for (int i = 0; i < n_glyphs; i++)
    g_assert_cmpuint (glyphs[i].index, !=, 0);
  cairo_glyph_free (glyphs);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_exists (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "taken.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  JpDemoOptions options = { 20, 1, 0 };

  g_assert_true (g_file_set_contents (path, "already here", -1, NULL));
  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_EXISTS);
}

static void
test_evidence_pages (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "pages.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  JpDemoOptions options = { 20, 3, 12 };

  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  list = jp_store_list_candidates (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      /* the evidence (without the no-criminal-record certificate) is 12 pages in all */
      g_assert_cmpuint (c->n_evidence_pages, ==, 12);
    }
}

/* The honours read as an office writes them: no year said twice ("2018年获2018年……"). */
static void
test_honours_text (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "honours.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GRegex) twice = g_regex_new ("([0-9]{4})年获\\1年", 0, 0, NULL);
  JpDemoOptions options = { 40, JP_DEMO_DEFAULT_SEED, 0 };
  guint with_honours = 0;

  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  list = jp_store_list_candidates (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      if (c->honours == NULL || *c->honours == '\0')
        continue;
      with_honours++;
      g_assert_false (g_regex_match (twice, c->honours, 0, NULL));
    }
  g_assert_cmpuint (with_honours, >, 0);
}

/* The sentences of a text: split after 。！？ and at line ends; headings and empty pieces are
 * dropped (a heading ends without punctuation). */
static GPtrArray *
sentences (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l];

      while (*p != '\0')
        {
          const char *end = NULL;

          for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
            {
              gunichar ch = g_utf8_get_char (q);

              if (ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F)
                {
                  end = g_utf8_next_char (q);
                  break;
                }
            }
          if (end == NULL)
            break;   /* a heading or a trailing piece without an end mark */
          g_ptr_array_add (out, g_strndup (p, end - p));
          p = end;
        }
    }
  return out;
}

static guint
count_occurrences (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A demo that looks real: no sentence of a deeds text comes back in the same text (not even
 * behind a linking phrase), and two candidates' deeds do not read alike. */
static void
test_deeds_varied (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "deeds.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  JpDemoOptions options = { 40, JP_DEMO_DEFAULT_SEED, 0 };
  guint n, most_shared = 0, of = 1;

  store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  list = jp_store_list_candidates (store, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (list);
  g_assert_cmpuint (n, ==, 40);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);
      GPtrArray *s = sentences (c->deeds);

      g_assert_cmpuint (s->len, >=, 20);
      for (guint k = 0; k < s->len; k++)
        {
          const char *one = g_ptr_array_index (s, k);

          if (count_occurrences (c->deeds, one) != 1)
            g_error ("%s: the sentence “%s” is in the deeds %u times", c->name, one,
                     count_occurrences (c->deeds, one));
        }
      g_ptr_array_add (all, s);
    }
  /* any two candidates share under half of their sentences word for word */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        GPtrArray *a = g_ptr_array_index (all, i), *b = g_ptr_array_index (all, j);
        guint shared = 0;

        for (guint x = 0; x < a->len; x++)
          for (guint y = 0; y < b->len; y++)
            if (strcmp (g_ptr_array_index (a, x), g_ptr_array_index (b, y)) == 0)
              {
                shared++;
                break;
              }
        if (shared * of > most_shared * MIN (a->len, b->len))
          {
            most_shared = shared;
            of = MIN (a->len, b->len);
          }
        if (2 * shared >= MIN (a->len, b->len))
          g_error ("candidates %u and %u share %u of %u sentences", i, j, shared,
                   MIN (a->len, b->len));
      }
  g_test_message ("at most %u of %u sentences shared by two candidates", most_shared, of);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo/photo/caption-glyphs", test_photo_caption_glyphs);
  g_test_add ("/demo/create/contents", Fixture, NULL, fixture_setup, test_contents,
              fixture_teardown);
  g_test_add ("/demo/create/deterministic", Fixture, NULL, fixture_setup, test_deterministic,
              fixture_teardown);
  g_test_add ("/demo/create/honours-text", Fixture, NULL, fixture_setup, test_honours_text,
              fixture_teardown);
  g_test_add ("/demo/create/deeds-varied", Fixture, NULL, fixture_setup, test_deeds_varied,
              fixture_teardown);
  g_test_add ("/demo/create/evidence-pages", Fixture, NULL, fixture_setup, test_evidence_pages,
              fixture_teardown);
  g_test_add ("/demo/create/exists", Fixture, NULL, fixture_setup, test_exists,
              fixture_teardown);

  return g_test_run ();
}
