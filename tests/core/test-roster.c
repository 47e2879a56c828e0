/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "test-roster"

#include "config.h"

#include <string.h>

#include "core/jp-core.h"

static JpRoster *
roster_from (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCsvTable) table = jp_csv_parse (text, strlen (text), "汇总表.csv", &error);
  JpRoster *roster;

  g_assert_no_error (error);
  roster = jp_roster_from_csv (table, "汇总表.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (roster);
  return roster;
}

static JpCandidate *
candidate_at (JpRoster *roster,
              guint     i)
{
  g_assert_cmpuint (i, <, roster->rows->len);
  return ((JpRosterRow *) g_ptr_array_index (roster->rows, i))->candidate;
}

/* The first problem whose message contains every needle, or NULL. */
static const JpFinding *
problem_with (JpRoster   *roster,
              const char *needle1,
              const char *needle2)
{
  for (guint i = 0; i < roster->problems->len; i++)
    {
      const JpFinding *f = g_ptr_array_index (roster->problems, i);

      if (strstr (f->message, needle1) != NULL &&
          (needle2 == NULL || strstr (f->message, needle2) != NULL))
        return f;
    }
  return NULL;
}

static void
test_annex3_headers (void)
{
  g_autoptr(JpRoster) roster = roster_from (
    "2023年包头工匠候选人汇总表,,,,,,,,,,,,,\n"
    "序号,推荐单位,姓名,性别,民族,出生年月,政治面貌,文化程度,工作单位及职务,工种,"
    "技能等级／职称,主要荣誉,符合条件,联系电话\n"
    "1,包头市稀土高新区总工会,王建华,男,汉族,1978.04,中共党员,大专,"
    "包头某稀土新材料有限公司 冶炼车间班长,稀土冶炼工,高级技师,五一劳动奖章,\"1、4\",13800000000\n");
  JpCandidate *c;

  g_assert_cmpuint (roster->rows->len, ==, 1);
  g_assert_cmpuint (roster->problems->len, ==, 0);
  g_assert_cmpuint (roster->unknown_columns->len, ==, 0);
  c = candidate_at (roster, 0);
  g_assert_cmpuint (((JpRosterRow *) roster->rows->pdata[0])->line, ==, 3);
  g_assert_cmpstr (c->unit, ==, "包头市稀土高新区总工会");
  g_assert_cmpstr (c->name, ==, "王建华");
  g_assert_cmpint (c->sex, ==, JP_SEX_MALE);
  g_assert_cmpstr (c->ethnicity, ==, "汉族");
  g_assert_cmpstr (c->birth, ==, "1978-04");
  g_assert_cmpstr (c->political, ==, "中共党员");
  g_assert_cmpstr (c->education, ==, "大专");
  g_assert_cmpstr (c->employer, ==, "包头某稀土新材料有限公司");
  g_assert_cmpstr (c->position, ==, "冶炼车间班长");
  g_assert_cmpstr (c->work_type, ==, "稀土冶炼工");
  g_assert_cmpstr (c->skill_level, ==, "高级技师");
  g_assert_cmpstr (c->honours, ==, "五一劳动奖章");
  g_assert_cmpuint (c->criteria, ==, (1u << 1) | (1u << 4));
  g_assert_cmpstr (c->phone, ==, "13800000000");
}

static void
test_extra_headers (void)
{
  g_autoptr(JpRoster) roster = roster_from (
    "姓 名,身份证号码,评审组,推荐渠道,是否工会会员,参加工作时间,从事本工种年限,事迹简介,"
    "工作单位,职务/岗位\n"
    "李娜,11010519491231002x,稀土,个人自荐,否,1997年7月,26年,事迹,包钢,班长\n");
  JpCandidate *c = candidate_at (roster, 0);

  g_assert_cmpuint (roster->problems->len, ==, 0);
  g_assert_cmpstr (c->name, ==, "李娜");
  g_assert_cmpstr (c->id_number, ==, "11010519491231002X");
  g_assert_cmpstr (c->trade, ==, "稀土");
  g_assert_cmpint (c->route, ==, JP_ROUTE_SELF);
  g_assert_cmpint (c->union_member, ==, JP_TRISTATE_NO);
  g_assert_cmpstr (c->work_start, ==, "1997-07");
  g_assert_cmpint (c->years_in_trade, ==, 26);
  g_assert_cmpstr (c->summary, ==, "事迹");
  g_assert_cmpstr (c->employer, ==, "包钢");
  g_assert_cmpstr (c->position, ==, "班长");
}

static void
test_variants (void)
{
  g_autoptr(JpRoster) roster = roster_from (
    "身份证号,姓名,行业组,推荐方式,行业\n"
    "150202197804120314,甲,稀土,单位推荐,\n");
  g_autoptr(JpRoster) roster2 = roster_from ("姓名,推荐行业,出生年月\n乙,光伏,197804\n"
                                             "丙,风电,1978年4月\n丁,硅,1978-4\n");

  g_assert_cmpstr (candidate_at (roster, 0)->trade, ==, "稀土");
  g_assert_cmpint (candidate_at (roster, 0)->route, ==, JP_ROUTE_UNIT);
  /* the second trade column repeats the first */
  g_assert_nonnull (problem_with (roster, "行业", NULL));
  g_assert_cmpstr (candidate_at (roster2, 0)->trade, ==, "光伏");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (candidate_at (roster2, i)->birth, ==, "1978-04");
}

static void
test_unknown_columns (void)
{
  g_autoptr(JpRoster) roster = roster_from ("姓名,爱好,性别,备注\n王建华,钓鱼,男,无\n");
  const JpFinding *f;

  g_assert_cmpuint (roster->unknown_columns->len, ==, 2);
  g_assert_cmpstr (roster->unknown_columns->pdata[0], ==, "爱好");
  g_assert_cmpstr (roster->unknown_columns->pdata[1], ==, "备注");
  f = problem_with (roster, "爱好", "汇总表.csv");
  g_assert_nonnull (f);
  g_assert_cmpint (f->severity, ==, JP_SEVERITY_WARNING);
  g_assert_nonnull (problem_with (roster, "备注", "汇总表.csv"));
  g_assert_cmpuint (roster->problems->len, ==, 2);
  g_assert_cmpuint (roster->rows->len, ==, 1);
}

static void
test_duplicates (void)
{
  g_autoptr(JpRoster) roster = roster_from (
    "姓名,身份证号,推荐单位\n"
    "王建华,150202197804120314,甲单位\n"
    "李娜,,乙单位\n"
    "王建华（重复）,150202197804120314,甲单位\n"
    "李娜,,乙单位\n"
    "李娜,,丙单位\n");

  g_assert_cmpuint (roster->rows->len, ==, 3);
  g_assert_cmpstr (candidate_at (roster, 0)->name, ==, "王建华");
  g_assert_cmpstr (candidate_at (roster, 1)->name, ==, "李娜");
  g_assert_cmpstr (candidate_at (roster, 2)->unit, ==, "丙单位");
  g_assert_cmpuint (roster->problems->len, ==, 2);
  /* same ID number: lines 4 and 2; same name and unit: lines 5 and 3 */
  g_assert_nonnull (problem_with (roster, "line 4 repeats line 2", NULL));
  g_assert_nonnull (problem_with (roster, "line 5 repeats line 3", NULL));
}

static void
test_bad_values (void)
{
  g_autoptr(JpRoster) roster = roster_from ("姓名,性别,符合条件,出生年月\n"
                                            "王建华,X,9,不详\n");
  JpCandidate *c = candidate_at (roster, 0);

  /* the row is kept */
  g_assert_cmpuint (roster->rows->len, ==, 1);
  g_assert_cmpint (c->sex, ==, JP_SEX_UNKNOWN);
  g_assert_cmpuint (c->criteria, ==, 0);
  g_assert_cmpuint (roster->problems->len, ==, 3);
  g_assert_nonnull (problem_with (roster, "line 2, column “性别”", "“X”"));
  g_assert_nonnull (problem_with (roster, "line 2, column “符合条件”", "“9”"));
  g_assert_nonnull (problem_with (roster, "line 2, column “出生年月”", "不详"));
}

static void
test_sql_text (void)
{
  g_autoptr(JpRoster) roster = roster_from ("姓名,推荐单位\n"
                                            "\"Robert'); DROP TABLE candidate;--\",\"a,b\"\"c\"\n");

  g_assert_cmpstr (candidate_at (roster, 0)->name, ==, "Robert'); DROP TABLE candidate;--");
  g_assert_cmpstr (candidate_at (roster, 0)->unit, ==, "a,b\"c");
}

static void
test_no_header (void)
{
  const char *text = "序号,单位\n1,甲\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCsvTable) table = jp_csv_parse (text, strlen (text), "无表头.csv", &error);
  g_autoptr(JpRoster) roster = NULL;

  g_assert_no_error (error);
  roster = jp_roster_from_csv (table, "无表头.csv", &error);
  g_assert_null (roster);
  g_assert_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "无表头.csv"));
  g_assert_nonnull (strstr (error->message, "姓名"));
}

static void
test_footer_skipped (void)
{
  g_autoptr(JpRoster) roster = roster_from ("姓名,推荐单位\n王建华,甲\n,填表人：张三\n");

  g_assert_cmpuint (roster->rows->len, ==, 1);
  g_assert_nonnull (problem_with (roster, "line 3", NULL));
}

/* 姓名 first: the footer lands in the name column and must not become a candidate. */
static void
test_footer_name_first (void)
{
  g_autoptr(JpRoster) roster = roster_from (
    "姓名,推荐单位,身份证号,联系电话\n"
    "王建华,甲单位,150202197804120314,13800000000\n"
    "李娜,乙单位,,13800000001\n"
    "填表人：张秘书　联系电话：0472-5123456,,,\n"
    "审核人：李主任,,,\n"
    "推荐单位（盖章）,,,\n"
    "日期：2023年3月5日,,,\n"
    ",,,填表日期:2023-03-05\n");
  const JpFinding *f;

  g_assert_cmpuint (roster->rows->len, ==, 2);
  g_assert_cmpstr (candidate_at (roster, 0)->name, ==, "王建华");
  g_assert_cmpstr (candidate_at (roster, 1)->name, ==, "李娜");
  f = problem_with (roster, "汇总表.csv, line 4", "填表人：张秘书");
  g_assert_nonnull (f);
  g_assert_nonnull (problem_with (roster, "line 5", "审核人"));
  g_assert_nonnull (problem_with (roster, "line 6", "盖章"));
  g_assert_nonnull (problem_with (roster, "line 7", "日期"));
  g_assert_nonnull (problem_with (roster, "line 8", "填表日期"));
}

/* No ID column: 赵　大勇 (a U+3000 space, as an input method types it) is 赵大勇. */
static void
test_near_names (void)
{
  static const struct { const char *a, *b; gboolean near; } cases[] = {
    { "赵大勇", "赵大永", TRUE },      /* one changed */
    { "李娜", "李小娜", TRUE },        /* one added */
    { "欧阳明", "欧明", TRUE },        /* one dropped */
    { "赵大勇", "赵大勇永", TRUE },    /* one added at the end */
    { "Li Na", "Li Ni", TRUE },
    { "王伟", "王伟", FALSE },         /* equal */
    { "赵　大勇", "赵大勇", FALSE },   /* equal once tidied */
    { "王", "汪", FALSE },             /* too short to tell */
    { "张三丰", "李四光", FALSE },
    { "赵大勇", "赵小永", FALSE },     /* two apart */
    { "李娜", "李小小娜", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s / %s", cases[i].a, cases[i].b);
      g_assert_cmpint (jp_name_is_near (cases[i].a, cases[i].b), ==, cases[i].near);
      g_assert_cmpint (jp_name_is_near (cases[i].b, cases[i].a), ==, cases[i].near);
    }
}

static void
test_name_spaces (void)
{
  g_autoptr(JpRoster) roster = roster_from (
    "姓名,推荐单位,参加工作时间\n"
    "赵大勇,甲单位,1978.10\n"
    "赵　大勇,甲单位,1978.1\n"
    " 李 娜 ,乙单位,1997.07\n"
    "Anna  Li,乙单位,1997.07\n");
  const JpFinding *f;

  g_assert_cmpuint (roster->rows->len, ==, 3);
  g_assert_cmpstr (candidate_at (roster, 0)->name, ==, "赵大勇");
  g_assert_cmpstr (candidate_at (roster, 1)->name, ==, "李娜");
  g_assert_cmpstr (candidate_at (roster, 2)->name, ==, "Anna Li");
  g_assert_nonnull (problem_with (roster, "line 3 repeats line 2", "赵大勇"));
  g_assert_cmpstr (candidate_at (roster, 0)->work_start, ==, "1978-10");
  /* 1978.1 may be 1978.10 a spreadsheet shortened: said, with the line */
  f = problem_with (roster, "line 3", "“1978.1”");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->field, ==, "work_start");
  g_assert_null (problem_with (roster, "line 2", "1978.10"));
}

/* A spreadsheet's "Unicode text" is UTF-16 with a byte order mark. */
static void
test_utf16 (void)
{
  const char *text = "姓名,推荐单位\n王建华,甲单位\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr(JpCsvTable) table = NULL;
  g_autoptr(JpRoster) roster = NULL;
  gsize len = 0;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  with_bom = g_malloc (len + 2);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, utf16, len);
  table = jp_csv_parse (with_bom, len + 2, "汇总表.csv", &error);
  g_assert_no_error (error);
  roster = jp_roster_from_csv (table, "汇总表.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roster->rows->len, ==, 1);
  g_assert_cmpstr (candidate_at (roster, 0)->name, ==, "王建华");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/roster/annex3-headers", test_annex3_headers);
  g_test_add_func ("/core/roster/extra-headers", test_extra_headers);
  g_test_add_func ("/core/roster/header-variants", test_variants);
  g_test_add_func ("/core/roster/unknown-columns", test_unknown_columns);
  g_test_add_func ("/core/roster/duplicates", test_duplicates);
  g_test_add_func ("/core/roster/bad-values", test_bad_values);
  g_test_add_func ("/core/roster/sql-text-verbatim", test_sql_text);
  g_test_add_func ("/core/roster/no-header", test_no_header);
  g_test_add_func ("/core/roster/footer-skipped", test_footer_skipped);
  g_test_add_func ("/core/roster/footer-name-first", test_footer_name_first);
  g_test_add_func ("/core/roster/name-spaces", test_name_spaces);
  g_test_add_func ("/core/roster/near-names", test_near_names);
  g_test_add_func ("/core/roster/utf16", test_utf16);

  return g_test_run ();
}
