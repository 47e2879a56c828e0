/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-dossier"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static const char sample_ini[] =
  "\xEF\xBB\xBF[dossier]\n"
  "format=1\n"
  "\n"
  "[candidate]\n"
  "name=王建华                 ; required\n"
  "id_number=150202197804120314\n"
  "sex=男\n"
  "ethnicity=汉族\n"
  "birth=1978.04\n"
  "political=中共党员\n"
  "education=大专\n"
  "work_start=1997年7月\n"
  "employer=包头某稀土新材料有限公司\n"
  "position=冶炼车间班长\n"
  "work_type=稀土冶炼工\n"
  "years_in_trade=26\n"
  "skill_level=高级技师\n"
  "phone=13800000000\n"
  "union_member=是\n"
  "criteria=1,4\n"
  "honours=2019年获包头市五一劳动奖章；2021年获包头市技术能手\n"
  "\n"
  "[nomination]\n"
  "unit=包头市稀土高新区总工会\n"
  "route=单位推荐\n"
  "trade=稀土\n"
  "fill_date=2023-03-05\n"
  "\n"
  "[evidence]\n"
  "; key: the criterion the files support\n"
  "1=evidence/劳模证书.pdf\n"
  "4=evidence/技术攻关证明.pdf;evidence/成果鉴定.pdf\n"
  "no_criminal_record=evidence/无犯罪记录证明.pdf\n";

static JpDossierIni *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JpDossierIni *ini = jp_dossier_ini_parse (text, strlen (text), "王建华/dossier.ini", &error);

  g_assert_no_error (error);
  g_assert_nonnull (ini);
  return ini;
}

static GError *
parse_fails (const char *text)
{
  GError *error = NULL;
  JpDossierIni *ini = jp_dossier_ini_parse (text, strlen (text), "王建华/dossier.ini", &error);

  g_assert_null (ini);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "王建华/dossier.ini"));
  return error;
}

static const JpFinding *
problem_with (JpDossierIni *ini,
              const char   *needle1,
              const char   *needle2)
{
  for (guint i = 0; i < ini->problems->len; i++)
    {
      const JpFinding *f = g_ptr_array_index (ini->problems, i);

      if (strstr (f->message, needle1) != NULL &&
          (needle2 == NULL || strstr (f->message, needle2) != NULL))
        return f;
    }
  return NULL;
}

static void
test_sample (void)
{
  g_autoptr(JpDossierIni) ini = parse_ok (sample_ini);
  JpCandidate *c = ini->candidate;
  JpDossierFile *f;

  g_assert_cmpuint (ini->problems->len, ==, 0);
  g_assert_cmpstr (c->name, ==, "王建华");
  g_assert_cmpstr (c->id_number, ==, "150202197804120314");
  g_assert_cmpint (c->sex, ==, JP_SEX_MALE);
  g_assert_cmpstr (c->birth, ==, "1978-04");
  g_assert_cmpstr (c->work_start, ==, "1997-07");
  g_assert_cmpint (c->years_in_trade, ==, 26);
  g_assert_cmpint (c->union_member, ==, JP_TRISTATE_YES);
  g_assert_cmpuint (c->criteria, ==, (1u << 1) | (1u << 4));
  g_assert_cmpstr (c->honours, ==, "2019年获包头市五一劳动奖章；2021年获包头市技术能手");
  g_assert_cmpstr (c->unit, ==, "包头市稀土高新区总工会");
  g_assert_cmpint (c->route, ==, JP_ROUTE_UNIT);
  g_assert_cmpstr (c->trade, ==, "稀土");
  g_assert_cmpstr (c->fill_date, ==, "2023-03-05");
  g_assert_cmpstr (ini->summary_path, ==, "summary.txt");
  g_assert_cmpstr (ini->deeds_path, ==, "deeds.txt");
  /* no [files] photos: the reader takes every image */
  g_assert_false (ini->photos_listed);

  g_assert_cmpuint (ini->files->len, ==, 4);
  f = ini->files->pdata[0];
  g_assert_cmpstr (f->path, ==, "evidence/劳模证书.pdf");
  g_assert_cmpint (f->kind, ==, JP_DOC_EVIDENCE);
  g_assert_cmpint (f->criterion, ==, 1);
  f = ini->files->pdata[2];
  g_assert_cmpstr (f->path, ==, "evidence/成果鉴定.pdf");
  g_assert_cmpint (f->criterion, ==, 4);
  f = ini->files->pdata[3];
  g_assert_cmpint (f->kind, ==, JP_DOC_NO_CRIMINAL_RECORD);
}

static void
add_file (GPtrArray  *files,
          const char *path,
          JpDocKind   kind,
          int         criterion)
{
  JpDossierFile *f = g_new0 (JpDossierFile, 1);

  f->path = g_strdup (path);
  f->kind = kind;
  f->criterion = criterion;
  g_ptr_array_add (files, f);
}

static void
test_round_trip (void)
{
  g_autoptr(JpDossierIni) ini = parse_ok (sample_ini);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_dossier_file_free);
  g_autofree char *text = NULL;
  g_autoptr(JpDossierIni) again = NULL;
  JpCandidate *a = ini->candidate;
  JpCandidate *b;

  g_free (a->honours);
  a->honours = g_strdup ("第一行\n第二行 = 等号; 分号 # 井号");
  a->sex = JP_SEX_FEMALE;
  a->route = JP_ROUTE_SOCIAL;
  a->union_member = JP_TRISTATE_NO;
  a->criteria = (1u << 2) | (1u << 6);
  add_file (files, "photos/1.jpg", JP_DOC_PHOTO, 0);
  add_file (files, "photos/2.png", JP_DOC_PHOTO, 0);
  add_file (files, "evidence/a.pdf", JP_DOC_EVIDENCE, 2);
  add_file (files, "evidence/b.pdf", JP_DOC_EVIDENCE, 6);
  add_file (files, "evidence/c.pdf", JP_DOC_EVIDENCE, 0);
  add_file (files, "evidence/ncr.pdf", JP_DOC_NO_CRIMINAL_RECORD, 0);

  text = jp_dossier_ini_write (a, files);
  again = parse_ok (text);
  b = again->candidate;
  g_assert_cmpuint (again->problems->len, ==, 0);

#define SAME_STR(f) g_assert_cmpstr (b->f, ==, a->f)
  SAME_STR (name); SAME_STR (id_number); SAME_STR (ethnicity); SAME_STR (birth);
  SAME_STR (political); SAME_STR (education); SAME_STR (work_start); SAME_STR (employer);
  SAME_STR (position); SAME_STR (work_type); SAME_STR (skill_level); SAME_STR (phone);
  SAME_STR (honours); SAME_STR (unit); SAME_STR (trade); SAME_STR (fill_date);
#undef SAME_STR
  g_assert_cmpint (b->sex, ==, JP_SEX_FEMALE);
  g_assert_cmpint (b->route, ==, JP_ROUTE_SOCIAL);
  g_assert_cmpint (b->union_member, ==, JP_TRISTATE_NO);
  g_assert_cmpuint (b->criteria, ==, a->criteria);
  g_assert_cmpint (b->years_in_trade, ==, 26);

  g_assert_true (again->photos_listed);
  g_assert_cmpuint (again->files->len, ==, files->len);
  for (guint i = 0; i < files->len; i++)
    {
      JpDossierFile *x = files->pdata[i];
      JpDossierFile *y = again->files->pdata[i];

      g_assert_cmpstr (y->path, ==, x->path);
      g_assert_cmpint (y->kind, ==, x->kind);
      g_assert_cmpint (y->criterion, ==, x->criterion);
    }
}

static void
test_missing_name (void)
{
  g_autoptr(GError) error = parse_fails ("[candidate]\nid_number=150202197804120314\n");

  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "name"));
}

static void
test_missing_id (void)
{
  g_autoptr(GError) error = parse_fails ("[candidate]\nname=王建华\nid_number=\n");

  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "id_number"));
}

static void
test_unsafe_paths (void)
{
  static const char * const bad[] = {
    "../secret.pdf", "evidence/../../etc/passwd", "/etc/passwd", "C:/x.pdf",
    "evidence\\a.pdf", "~/a.pdf", "", NULL
  };

  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (jp_path_is_safe (bad[i]));
  g_assert_true (jp_path_is_safe ("evidence/专利证书.pdf"));
  g_assert_true (jp_path_is_safe ("photos/1.jpg"));
  g_assert_true (jp_path_is_safe ("a..b/c.pdf"));

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = g_strdup_printf ("[candidate]\nname=王建华\n"
                                               "id_number=150202197804120314\n"
                                               "[evidence]\n1=evidence/ok.pdf;%s\n", bad[i]);
      g_autoptr(GError) error = parse_fails (text);

      g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
  {
    g_autoptr(GError) error = parse_fails ("[candidate]\nname=王建华\n"
                                           "id_number=150202197804120314\n"
                                           "[files]\nsummary=../../summary.txt\n");

    g_assert_nonnull (strstr (error->message, "../../summary.txt"));
  }
}

static void
test_unknown_keys (void)
{
  g_autoptr(JpDossierIni) ini = parse_ok ("[candidate]\nname=王建华\n"
                                          "id_number=150202197804120314\n"
                                          "nickname=老王\n"
                                          "[extra]\nfoo=bar\n"
                                          "[evidence]\n7=evidence/x.pdf\n");
  const JpFinding *f;

  f = problem_with (ini, "nickname", "王建华/dossier.ini");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_WARNING);
  g_assert_nonnull (problem_with (ini, "[extra]", NULL));
  g_assert_nonnull (problem_with (ini, "“7”", NULL));
  g_assert_cmpuint (ini->problems->len, ==, 3);
  /* the file under the unknown key is kept, untagged */
  g_assert_cmpuint (ini->files->len, ==, 1);
  g_assert_cmpint (((JpDossierFile *) ini->files->pdata[0])->criterion, ==, 0);
}

static void
test_bad_values (void)
{
  g_autoptr(JpDossierIni) ini = parse_ok ("[candidate]\nname=王建华\n"
                                          "id_number=150202197804120314\n"
                                          "sex=X\ncriteria=9\nyears_in_trade=abc\n");

  g_assert_cmpuint (ini->problems->len, ==, 3);
  g_assert_nonnull (problem_with (ini, "“sex”", "“X”"));
  g_assert_nonnull (problem_with (ini, "“criteria”", "“9”"));
  g_assert_nonnull (problem_with (ini, "“years_in_trade”", "“abc”"));
  g_assert_cmpint (ini->candidate->sex, ==, JP_SEX_UNKNOWN);
  g_assert_cmpuint (ini->candidate->criteria, ==, 0);
  g_assert_cmpint (ini->candidate->years_in_trade, ==, -1);
}

/* The form's criteria shown with their short names, not raw numbers. */
static void
test_criteria_describe (void)
{
  g_autofree char *two = jp_criteria_describe ((1u << 2) | (1u << 5));
  g_autofree char *none = jp_criteria_describe (0);

  g_assert_cmpstr (two, ==, "2 Skill competitions, 5 Unique skills and crafts");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (jp_criterion_short_label (7), ==, "");
}

static void
test_criteria_tags (void)
{
  g_autoptr(JpDossierIni) ini = parse_ok ("[candidate]\nname=王建华\n"
                                          "id_number=150202197804120314\n"
                                          "criteria=①④\n"
                                          "[files]\nphotos=photos/1.jpg; photos/2.jpg\n"
                                          "[evidence]\n5=evidence/专利证书.pdf\n"
                                          "untagged=evidence/其他.pdf\n");
  guint criteria = 0;
  g_autofree char *s = NULL;

  g_assert_cmpuint (ini->candidate->criteria, ==, (1u << 1) | (1u << 4));
  g_assert_true (ini->photos_listed);
  g_assert_cmpuint (ini->files->len, ==, 4);
  g_assert_cmpint (((JpDossierFile *) ini->files->pdata[1])->kind, ==, JP_DOC_PHOTO);
  g_assert_cmpstr (((JpDossierFile *) ini->files->pdata[1])->path, ==, "photos/2.jpg");
  g_assert_cmpint (((JpDossierFile *) ini->files->pdata[2])->criterion, ==, 5);
  g_assert_cmpint (((JpDossierFile *) ini->files->pdata[3])->criterion, ==, 0);
  g_assert_cmpint (((JpDossierFile *) ini->files->pdata[3])->kind, ==, JP_DOC_EVIDENCE);

  g_assert_true (jp_criteria_from_string ("1、4 6", &criteria, NULL));
  s = jp_criteria_to_string (criteria);
  g_assert_cmpstr (s, ==, "1,4,6");
  g_assert_true (jp_criteria_from_string ("", &criteria, NULL));
  g_assert_cmpuint (criteria, ==, 0);
  g_assert_false (jp_criteria_from_string ("1,0", &criteria, NULL));
  g_assert_false (jp_criteria_from_string ("1,a", &criteria, NULL));
}

static void
test_crlf (void)
{
  g_autofree char *crlf = NULL;
  g_autoptr(JpDossierIni) ini = NULL;
  g_auto(GStrv) lines = g_strsplit (sample_ini, "\n", -1);

  /* written by Notepad: CRLF line ends */
  crlf = g_strjoinv ("\r\n", lines);
  ini = parse_ok (crlf);
  g_assert_cmpuint (ini->problems->len, ==, 0);
  g_assert_cmpstr (ini->candidate->name, ==, "王建华");
  g_assert_cmpstr (ini->candidate->fill_date, ==, "2023-03-05");
  g_assert_cmpuint (ini->files->len, ==, 4);
  g_assert_cmpstr (((JpDossierFile *) ini->files->pdata[3])->path, ==,
                   "evidence/无犯罪记录证明.pdf");
}

static void
test_not_keyfile (void)
{
  g_autoptr(GError) error = parse_fails ("this is not an ini file\n");

  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
}

/* Values typed with quotes, and a name typed with a U+3000 space. */
static void
test_quoted_values (void)
{
  g_autoptr(JpDossierIni) ini = parse_ok ("[candidate]\nname=\"赵　大勇\"\n"
                                          "id_number='150202197804120314'\n"
                                          "employer=\"包钢\"\n");

  g_assert_cmpstr (ini->candidate->name, ==, "赵大勇");
  g_assert_cmpstr (ini->candidate->id_number, ==, "150202197804120314");
  g_assert_cmpstr (ini->candidate->employer, ==, "包钢");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/dossier/sample", test_sample);
  g_test_add_func ("/core/dossier/round-trip", test_round_trip);
  g_test_add_func ("/core/dossier/missing-name", test_missing_name);
  g_test_add_func ("/core/dossier/missing-id-number", test_missing_id);
  g_test_add_func ("/core/dossier/unsafe-paths", test_unsafe_paths);
  g_test_add_func ("/core/dossier/unknown-keys", test_unknown_keys);
  g_test_add_func ("/core/dossier/bad-values", test_bad_values);
  g_test_add_func ("/core/dossier/criteria-tags", test_criteria_tags);
  g_test_add_func ("/core/dossier/criteria-describe", test_criteria_describe);
  g_test_add_func ("/core/dossier/crlf", test_crlf);
  g_test_add_func ("/core/dossier/not-a-key-file", test_not_keyfile);
  g_test_add_func ("/core/dossier/quoted-values", test_quoted_values);

  return g_test_run ();
}
