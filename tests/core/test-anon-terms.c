/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-anon-terms"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static gboolean
has (const char *const *terms,
     const char        *term)
{
  return g_strv_contains (terms, term);
}

#define assert_has(terms, t) \
  G_STMT_START { if (!has ((const char *const *) (terms), (t))) \
    g_error ("missing term %s", (t)); } G_STMT_END
#define assert_lacks(terms, t) \
  G_STMT_START { if (has ((const char *const *) (terms), (t))) \
    g_error ("unexpected term %s", (t)); } G_STMT_END

static void
assert_no_single_chars (const char *const *terms)
{
  for (guint i = 0; terms[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (terms[i], -1), >=, 2);
}

static void
test_name_forms (void)
{
  g_auto(GStrv) zhang = jp_anon_name_forms ("张三丰");
  g_auto(GStrv) wang = jp_anon_name_forms ("王明");
  g_auto(GStrv) ouyang = jp_anon_name_forms ("欧阳明华");
  g_auto(GStrv) sima = jp_anon_name_forms ("司马光");
  g_auto(GStrv) zhuge = jp_anon_name_forms (" 诸葛 建国 ");
  g_auto(GStrv) shi = jp_anon_name_forms ("施小龙");
  g_auto(GStrv) mongol = jp_anon_name_forms ("阿尔斯楞·巴特尔");
  g_auto(GStrv) empty = jp_anon_name_forms ("");
  g_auto(GStrv) single = jp_anon_name_forms ("明");

  g_assert_cmpstr (zhang[0], ==, "张三丰");
  assert_has (zhang, "三丰");
  assert_has (zhang, "张师傅");
  assert_has (zhang, "张工");
  assert_has (zhang, "张同志");
  g_assert_cmpuint (g_strv_length (zhang), ==, 5);

  /* a one-character given name is never burnt alone */
  assert_has (wang, "王明");
  assert_has (wang, "王师傅");
  assert_has (wang, "王工");
  assert_lacks (wang, "明");
  assert_no_single_chars ((const char *const *) wang);

  /* compound surnames: the given name is what follows 欧阳, not 阳明华 */
  assert_has (ouyang, "明华");
  assert_has (ouyang, "欧阳师傅");
  assert_has (ouyang, "欧阳工");
  assert_has (ouyang, "欧阳同志");
  assert_lacks (ouyang, "阳明华");
  assert_lacks (ouyang, "欧师傅");
  assert_has (sima, "司马师傅");
  assert_lacks (sima, "马光");
  assert_lacks (sima, "光");
  assert_lacks (sima, "司师傅");
  g_assert_cmpstr (zhuge[0], ==, "诸葛建国");
  assert_has (zhuge, "建国");
  assert_has (zhuge, "诸葛工");

  /* 施工 is an everyday word: burning it would black out every building site */
  assert_has (shi, "施师傅");
  assert_has (shi, "施同志");
  assert_lacks (shi, "施工");

  /* a transliterated name: its parts, no surname forms */
  assert_has (mongol, "阿尔斯楞·巴特尔");
  assert_has (mongol, "阿尔斯楞");
  assert_has (mongol, "巴特尔");
  assert_lacks (mongol, "阿师傅");

  g_assert_cmpuint (g_strv_length (empty), ==, 0);
  g_assert_cmpuint (g_strv_length (single), ==, 0);
}

static void
test_unit_forms (void)
{
  g_auto(GStrv) jh = jp_anon_unit_forms ("包头嘉衡特钢有限公司");
  g_auto(GStrv) nm = jp_anon_unit_forms ("内蒙古包头市嘉衡特钢集团股份有限公司");
  g_auto(GStrv) inst = jp_anon_unit_forms ("包头稀土研究院");
  g_auto(GStrv) generic = jp_anon_unit_forms ("包头稀土有限公司");
  g_auto(GStrv) branch = jp_anon_unit_forms ("嘉衡特钢有限责任公司包头分公司");
  g_auto(GStrv) county = jp_anon_unit_forms ("固阳县金山矿业有限公司");
  g_auto(GStrv) market = jp_anon_unit_forms ("华联超市连锁有限公司");

  g_assert_cmpstr (jh[0], ==, "包头嘉衡特钢有限公司");
  assert_has (jh, "嘉衡特钢有限公司");
  assert_has (jh, "嘉衡特钢");
  assert_has (jh, "包头嘉衡特钢");
  assert_lacks (jh, "包头");
  assert_lacks (jh, "有限公司");
  assert_no_single_chars ((const char *const *) jh);

  /* province, city with 市, and a chain of company words */
  assert_has (nm, "包头市嘉衡特钢集团股份有限公司");
  assert_has (nm, "嘉衡特钢集团股份有限公司");
  assert_has (nm, "嘉衡特钢集团");
  assert_has (nm, "嘉衡特钢");
  assert_has (nm, "内蒙古包头市嘉衡特钢");
  assert_lacks (nm, "内蒙古");
  assert_lacks (nm, "包头市");
  assert_lacks (nm, "集团股份有限公司");

  assert_has (inst, "稀土研究院");

  /* 稀土 alone names no unit: without the place nothing specific is left */
  assert_has (generic, "包头稀土有限公司");
  assert_has (generic, "包头稀土");
  assert_lacks (generic, "稀土");
  assert_lacks (generic, "稀土有限公司");

  assert_has (branch, "嘉衡特钢有限责任公司包头");
  assert_has (county, "金山矿业有限公司");
  assert_has (county, "金山矿业");
  assert_lacks (county, "固阳县");

  /* 超市 is no city: nothing is taken off the front */
  assert_has (market, "华联超市连锁");
  assert_lacks (market, "连锁有限公司");
  assert_lacks (market, "连锁");
}

static void
test_candidate_terms (void)
{
  g_auto(GStrv) terms = jp_anon_terms ("张三丰", "15020319800101123X", "+86 139 0472 1234",
                                       "包头嘉衡特钢有限公司", "包头嘉衡特钢有限公司");
  g_auto(GStrv) landline = jp_anon_terms (NULL, NULL, "0472-5123456", NULL, "");

  assert_has (terms, "张三丰");
  assert_has (terms, "三丰");
  assert_has (terms, "张工");
  assert_has (terms, "15020319800101123X");
  assert_has (terms, "13904721234");
  assert_has (terms, "嘉衡特钢");
  assert_no_single_chars ((const char *const *) terms);
  /* longest first, each once (unit and employer are the same) */
  for (guint i = 1; terms[i] != NULL; i++)
    {
      g_assert_cmpint (g_utf8_strlen (terms[i - 1], -1), >=, g_utf8_strlen (terms[i], -1));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (terms[i], !=, terms[j]);
    }
  assert_has (landline, "0472-5123456");
  assert_has (landline, "5123456");
  g_assert_cmpuint (g_strv_length (landline), ==, 2);
}

static void
test_find_wrapped (void)
{
  const char *terms[] = { "包头嘉衡特钢有限公司", "张三丰", "150203198001011234", NULL };
  const char *text = "该成果在包头嘉衡特钢有\n限公司推广应用后，张 三 丰同志 1502031980\n01011234";
  g_autoptr(GArray) spans = jp_anon_find (text, -1, terms);
  const JpAnonSpan *s;

  g_assert_cmpuint (spans->len, ==, 3);
  s = &g_array_index (spans, JpAnonSpan, 0);
  g_assert_cmpuint (s->start, ==, 4);
  g_assert_cmpuint (s->end, ==, 4 + 11);     /* ten characters and the line break */
  s = &g_array_index (spans, JpAnonSpan, 1);
  g_assert_cmpuint (s->start, ==, 21);
  g_assert_cmpuint (s->end, ==, 26);         /* 张 三 丰 */
  s = &g_array_index (spans, JpAnonSpan, 2);
  g_assert_cmpuint (s->end, ==, (guint) g_utf8_strlen (text, -1));
}

static void
test_find_rules (void)
{
  const char *terms[] = { "张三丰", "三丰", "a", "丰", "15020319800101123X", NULL };
  g_autoptr(GArray) overlap = jp_anon_find ("张三丰", -1, terms);
  g_autoptr(GArray) single = jp_anon_find ("丰收 a", -1, terms);
  g_autoptr(GArray) caseless = jp_anon_find ("号１５０２０３１９８００１０１１２３ｘ", -1, terms);

  /* 三丰 inside 张三丰 gives one span */
  g_assert_cmpuint (overlap->len, ==, 1);
  g_assert_cmpuint (g_array_index (overlap, JpAnonSpan, 0).end, ==, 3);
  /* single characters are never matched */
  g_assert_cmpuint (single->len, ==, 0);
  /* full-width digits and a lower-case x */
  g_assert_cmpuint (caseless->len, ==, 1);
  g_assert_cmpuint (g_array_index (caseless, JpAnonSpan, 0).start, ==, 1);
}

static void
test_redact_text (void)
{
  g_auto(GStrv) terms = jp_anon_terms ("张三丰", NULL, NULL, "包头嘉衡特钢有限公司", NULL);
  g_autofree char *summary = jp_anon_redact_text (
      "张三丰同志在包头嘉衡特钢有\n限公司工作二十年。嘉衡\n特钢的张师傅、三 丰带徒传技。",
      (const char *const *) terms, "■■■");
  g_autofree char *untouched = jp_anon_redact_text ("长期扎根一线，带徒传技。",
                                                    (const char *const *) terms, "■■■");

  g_assert_cmpstr (summary, ==,
                   "■■■同志在■■■\n工作二十年。■■■\n的■■■、■■■带徒传技。");
  g_assert_cmpstr (untouched, ==, "长期扎根一线，带徒传技。");
  /* a broken byte does not stop the search */
  {
    g_autofree char *broken = jp_anon_redact_text ("\xff张三丰", (const char *const *) terms,
                                                   "■■■");

    g_assert_null (strstr (broken, "张三丰"));
    g_assert_nonnull (strstr (broken, "■■■"));
  }
  g_assert_null (strstr (summary, "嘉衡"));
  g_assert_null (strstr (summary, "三"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/anon-terms/name-forms", test_name_forms);
  g_test_add_func ("/core/anon-terms/unit-forms", test_unit_forms);
  g_test_add_func ("/core/anon-terms/candidate", test_candidate_terms);
  g_test_add_func ("/core/anon-terms/find-wrapped", test_find_wrapped);
  g_test_add_func ("/core/anon-terms/find-rules", test_find_rules);
  g_test_add_func ("/core/anon-terms/redact-text", test_redact_text);
  return g_test_run ();
}
