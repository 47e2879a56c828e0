/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-roster"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-id-number.h"
#include "jp-roster.h"

/* The header may sit below a title row ("候选人汇总表"); look this far for it. */
#define HEADER_SEARCH_ROWS 5

typedef enum {
  COL_UNKNOWN = 0,
  COL_IGNORE,
  COL_NAME,
  COL_SEX,
  COL_ETHNICITY,
  COL_BIRTH,
  COL_POLITICAL,
  COL_EDUCATION,
  COL_WORK_START,
  COL_ID_NUMBER,
  COL_EMPLOYER_POSITION,
  COL_EMPLOYER,
  COL_POSITION,
  COL_WORK_TYPE,
  COL_YEARS,
  COL_SKILL,
  COL_PHONE,
  COL_UNION,
  COL_CRITERIA,
  COL_HONOURS,
  COL_SUMMARY,
  COL_DEEDS,
  COL_FILL_DATE,
  COL_UNIT,
  COL_ROUTE,
  COL_TRADE,
  N_COLS
} Column;

typedef struct {
  Column      column;
  const char *header;   /* compared after normalize_header() */
} HeaderAlias;

static const HeaderAlias aliases[] = {
  { COL_IGNORE, "序号" }, { COL_IGNORE, "编号" }, { COL_IGNORE, "No" },
  { COL_NAME, "姓名" }, { COL_NAME, "候选人姓名" }, { COL_NAME, "候选人" }, { COL_NAME, "name" },
  { COL_SEX, "性别" }, { COL_SEX, "sex" },
  { COL_ETHNICITY, "民族" }, { COL_ETHNICITY, "ethnicity" },
  { COL_BIRTH, "出生年月" }, { COL_BIRTH, "出生日期" }, { COL_BIRTH, "出生年月日" },
  { COL_BIRTH, "birth" },
  { COL_POLITICAL, "政治面貌" }, { COL_POLITICAL, "political" },
  { COL_EDUCATION, "文化程度" }, { COL_EDUCATION, "学历" }, { COL_EDUCATION, "education" },
  { COL_WORK_START, "参加工作时间" }, { COL_WORK_START, "参加工作年月" },
  { COL_WORK_START, "work_start" },
  { COL_ID_NUMBER, "身份证号" }, { COL_ID_NUMBER, "身份证号码" },
  { COL_ID_NUMBER, "公民身份号码" }, { COL_ID_NUMBER, "身份证" }, { COL_ID_NUMBER, "id_number" },
  { COL_EMPLOYER_POSITION, "工作单位及职务" }, { COL_EMPLOYER_POSITION, "单位及职务" },
  { COL_EMPLOYER_POSITION, "工作单位及职务职称" },
  { COL_EMPLOYER, "工作单位" }, { COL_EMPLOYER, "所在单位" }, { COL_EMPLOYER, "employer" },
  { COL_POSITION, "职务/岗位" }, { COL_POSITION, "职务" }, { COL_POSITION, "岗位" },
  { COL_POSITION, "position" },
  { COL_WORK_TYPE, "工种" }, { COL_WORK_TYPE, "work_type" },
  { COL_YEARS, "从事本工种年限" }, { COL_YEARS, "本工种年限" }, { COL_YEARS, "从业年限" },
  { COL_YEARS, "years_in_trade" },
  { COL_SKILL, "技能等级/职称" }, { COL_SKILL, "技能等级" }, { COL_SKILL, "职称" },
  { COL_SKILL, "skill_level" },
  { COL_PHONE, "联系电话" }, { COL_PHONE, "电话" }, { COL_PHONE, "手机" },
  { COL_PHONE, "手机号码" }, { COL_PHONE, "phone" },
  { COL_UNION, "是否工会会员" }, { COL_UNION, "工会会员" }, { COL_UNION, "union_member" },
  { COL_CRITERIA, "符合条件" }, { COL_CRITERIA, "符合选树条件" }, { COL_CRITERIA, "选树条件" },
  { COL_CRITERIA, "criteria" },
  { COL_HONOURS, "主要荣誉" }, { COL_HONOURS, "荣誉" }, { COL_HONOURS, "honours" },
  { COL_SUMMARY, "事迹简介" }, { COL_SUMMARY, "summary" },
  { COL_DEEDS, "事迹材料" }, { COL_DEEDS, "deeds" },
  { COL_FILL_DATE, "填报日期" }, { COL_FILL_DATE, "fill_date" },
  { COL_UNIT, "推荐单位" }, { COL_UNIT, "推荐单位名称" }, { COL_UNIT, "申报单位" },
  { COL_UNIT, "unit" },
  { COL_ROUTE, "推荐方式" }, { COL_ROUTE, "推荐渠道" }, { COL_ROUTE, "route" },
  { COL_TRADE, "行业" }, { COL_TRADE, "行业组" }, { COL_TRADE, "评审组" },
  { COL_TRADE, "推荐行业" }, { COL_TRADE, "行业/工种组" }, { COL_TRADE, "trade" },
};

void
jp_roster_free (JpRoster *roster)
{
  if (roster == NULL)
    return;
  g_clear_pointer (&roster->rows, g_ptr_array_unref);
  g_clear_pointer (&roster->problems, g_ptr_array_unref);
  g_clear_pointer (&roster->unknown_columns, g_ptr_array_unref);
  g_free (roster);
}

static void
jp_roster_row_free (JpRosterRow *row)
{
  g_clear_object (&row->candidate);
  g_free (row->refusal);
  g_free (row);
}

/* Folds full-width forms, drops blanks and punctuation, lower-cases ASCII. */
static char *
normalize_header (const char *header)
{
  g_autofree char *nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  if (nfkc == NULL)
    return g_string_free (out, FALSE);
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_ispunct (c) || c == 0xFEFF)
        continue;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static Column
match_header (const char *header)
{
  g_autofree char *norm = normalize_header (header);

  if (norm[0] == '\0')
    return COL_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_autofree char *alias = normalize_header (aliases[i].header);

      if (g_str_equal (norm, alias))
        return aliases[i].column;
    }
  return COL_UNKNOWN;
}

static void
add_problem (JpRoster   *roster,
             JpSeverity  severity,
             const char *code,
             const char *field,
             char       *message)  /* (transfer full) */
{
  g_ptr_array_add (roster->problems, jp_finding_new (severity, code, field, "%s", message));
  g_free (message);
}

static void
bad_value (JpRoster   *roster,
           const char *source_name,
           guint       line,
           const char *header,
           const char *field,
           const char *value,
           const char *hint)
{
  add_problem (roster, JP_SEVERITY_WARNING, "roster-bad-value", field,
               g_strdup_printf (_("%s, line %u, column “%s”: “%s” is not understood; %s"),
                                source_name, line, header, value, hint));
}

static void
set_string (char       **member,
            const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

/* Splits "工作单位及职务" at its last blank (ASCII or U+3000). */
static void
set_employer_position (JpCandidate *c,
                       const char  *value)
{
  const char *space = NULL;
  const char *p;

  for (p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == ' ' || ch == 0x3000 || ch == '\t')
        space = p;
    }
  if (space == NULL)
    {
      if (c->employer == NULL)
        set_string (&c->employer, value);
      return;
    }
  if (c->employer == NULL)
    {
      g_autofree char *employer = g_strstrip (g_strndup (value, space - value));

      set_string (&c->employer, employer);
    }
  if (c->position == NULL)
    {
      g_autofree char *position = g_strstrip (g_strdup (g_utf8_next_char (space)));

      if (position[0] != '\0')
        set_string (&c->position, position);
    }
}

static gboolean
parse_years (const char *value,
             int        *years)
{
  g_autofree char *copy = g_strdup (value);
  char *end = NULL;
  gint64 v;

  if (g_str_has_suffix (copy, "年"))
    copy[strlen (copy) - strlen ("年")] = '\0';
  g_strstrip (copy);
  if (copy[0] == '\0' || !g_ascii_isdigit (copy[0]))
    return FALSE;
  v = g_ascii_strtoll (copy, &end, 10);
  if (*end != '\0' || v > 80)
    return FALSE;
  *years = (int) v;
  return TRUE;
}

/* "1978.1": a spreadsheet saves the number 1978.10 (October) so, dropping the zero. */
static gboolean
is_shortened_month (const char *value)
{
  return strlen (value) == 6 && g_ascii_isdigit (value[0]) && g_ascii_isdigit (value[1])
         && g_ascii_isdigit (value[2]) && g_ascii_isdigit (value[3]) && value[4] == '.'
         && value[5] == '1';
}

static void
set_value (JpRoster    *roster,
           JpCandidate *c,
           Column       column,
           const char  *header,
           const char  *value,
           const char  *source_name,
           guint        line)
{
  gboolean ok = TRUE;
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GError) error = NULL;

  /* codes, dates and numbers are checked in their NFKC form (full-width digits); not the
   * criteria, where NFKC would make ①④ the number 14 */
  switch (column)
    {
    case COL_SEX: case COL_BIRTH: case COL_WORK_START: case COL_ID_NUMBER: case COL_YEARS:
    case COL_NAME:
    case COL_PHONE: case COL_UNION: case COL_FILL_DATE: case COL_ROUTE:
      folded = jp_text_fold (value);
      value = folded;
      break;
    default:
      break;
    }

  switch (column)
    {
    case COL_NAME:
      normal = jp_name_normalize (value);
      set_string (&c->name, normal);
      break;
    case COL_ETHNICITY: set_string (&c->ethnicity, value); break;
    case COL_POLITICAL: set_string (&c->political, value); break;
    case COL_EDUCATION: set_string (&c->education, value); break;
    case COL_EMPLOYER: set_string (&c->employer, value); break;
    case COL_POSITION: set_string (&c->position, value); break;
    case COL_WORK_TYPE: set_string (&c->work_type, value); break;
    case COL_SKILL: set_string (&c->skill_level, value); break;
    case COL_PHONE: set_string (&c->phone, value); break;
    case COL_HONOURS: set_string (&c->honours, value); break;
    case COL_SUMMARY: set_string (&c->summary, value); break;
    case COL_DEEDS: set_string (&c->deeds, value); break;
    case COL_UNIT: set_string (&c->unit, value); break;
    case COL_TRADE: set_string (&c->trade, value); break;
    case COL_EMPLOYER_POSITION: set_employer_position (c, value); break;

    case COL_ID_NUMBER:
      normal = jp_id_number_normalize (value);
      set_string (&c->id_number, normal);
      break;

    case COL_SEX:
      c->sex = jp_sex_from_string (value, &ok);
      if (!ok)
        bad_value (roster, source_name, line, header, "sex", value, _("write 男 or 女."));
      break;

    case COL_BIRTH:
    case COL_WORK_START:
      normal = jp_month_normalize (value);
      if (normal != NULL && is_shortened_month (value))
        add_problem (roster, JP_SEVERITY_WARNING, "roster-month-shortened",
                     column == COL_BIRTH ? "birth" : "work_start",
                     g_strdup_printf (_("%s, line %u, column “%s”: “%s” was read as %s, but a "
                                        "spreadsheet also saves October (%s0) this way; "
                                        "check the month and format the column as text"),
                                      source_name, line, header, value, normal, value));
      set_string (column == COL_BIRTH ? &c->birth : &c->work_start,
                  normal != NULL ? normal : value);
      if (normal == NULL)
        bad_value (roster, source_name, line, header,
                   column == COL_BIRTH ? "birth" : "work_start", value,
                   _("write the year and month, for example 1978-04."));
      break;

    case COL_FILL_DATE:
      normal = jp_date_normalize (value);
      set_string (&c->fill_date, normal != NULL ? normal : value);
      if (normal == NULL)
        bad_value (roster, source_name, line, header, "fill_date", value,
                   _("write the date, for example 2023-03-05."));
      break;

    case COL_YEARS:
      if (!parse_years (value, &c->years_in_trade))
        bad_value (roster, source_name, line, header, "years_in_trade", value,
                   _("write the number of years, for example 26."));
      break;

    case COL_UNION:
      c->union_member = jp_tristate_from_string (value, &ok);
      if (!ok)
        bad_value (roster, source_name, line, header, "union_member", value,
                   _("write 是 or 否."));
      break;

    case COL_ROUTE:
      c->route = jp_route_from_string (value, &ok);
      if (!ok)
        bad_value (roster, source_name, line, header, "route", value,
                   _("write 单位推荐, 社会推荐 or 个人自荐."));
      break;

    case COL_CRITERIA:
      if (!jp_criteria_from_string (value, &c->criteria, &error))
        bad_value (roster, source_name, line, header, "criteria", value, error->message);
      break;

    case COL_UNKNOWN:
    case COL_IGNORE:
    case N_COLS:
    default:
      break;
    }
}

static gboolean
row_has_name_column (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (match_header (g_ptr_array_index (row, i)) == COL_NAME)
      return TRUE;
  return FALSE;
}

static gboolean
column_has_data (JpCsvTable *table,
                 guint       first_row,
                 guint       col)
{
  for (guint r = first_row; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      if (col < row->len && ((const char *) g_ptr_array_index (row, col))[0] != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Words that open the lines below a table: who filled it in, who checked it, the seal and
 * the date ("填表人：张秘书　联系电话：…", "单位（盖章）", "日期：2023年3月5日"). */
static const char *const footer_words[] = {
  "填表人", "填报人", "制表人", "联系人", "联系电话", "审核人", "审批人", "负责人",
  "盖章", "单位盖章", "单位(盖章)", "推荐单位(盖章)", "日期", "填表日期", "填报日期",
};

/* TRUE when `cell` opens with a footer word followed by a colon, a blank or nothing, or
 * asks for a seal. */
static gboolean
is_footer_cell (const char *cell)
{
  g_autofree char *valid = g_utf8_make_valid (cell, -1);
  g_autofree char *nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  const char *text = nfkc != NULL ? nfkc : valid;

  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  if (strstr (text, "盖章") != NULL && g_utf8_strlen (text, -1) <= 40)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (footer_words); i++)
    if (g_str_has_prefix (text, footer_words[i]))
      {
        const char *rest = text + strlen (footer_words[i]);
        gunichar next = g_utf8_get_char (rest);

        if (next == 0 || next == ':' || g_unichar_isspace (next))
          return TRUE;
      }
  return FALSE;
}

/* The first cell of `row` that makes it a footer line, or NULL. */
static const char *
footer_cell (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (is_footer_cell (g_ptr_array_index (row, i)))
      return g_ptr_array_index (row, i);
  return NULL;
}

/* Quotes at most `max_chars` characters of `text`, never cutting one. */
static char *
quote_cell (const char *text,
            glong       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  {
    g_autofree char *head = g_utf8_substring (valid, 0, max_chars);

    return g_strconcat (head, "…", NULL);
  }
}

/**
 * jp_roster_from_csv:
 * See the header. The header row is the first of the first five rows that has a 姓名 column;
 * rows above it (a title) are ignored, and so are rows with neither name nor ID number (a
 * footer such as 填表人), each with a problem.
 * Returns: (transfer full): the roster, or NULL with `error` set.
 */
JpRoster *
jp_roster_from_csv (JpCsvTable *table,
                    const char *source_name,
                    GError    **error)
{
  g_autoptr(JpRoster) roster = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree Column *columns = NULL;
  GPtrArray *header = NULL;
  guint header_index = 0;
  gboolean used[N_COLS] = { FALSE };

  g_return_val_if_fail (table != NULL, NULL);

  if (source_name == NULL)
    source_name = "CSV";

  for (guint r = 0; r < MIN (table->rows->len, HEADER_SEARCH_ROWS); r++)
    if (row_has_name_column (g_ptr_array_index (table->rows, r)))
      {
        header = g_ptr_array_index (table->rows, r);
        header_index = r;
        break;
      }
  if (header == NULL)
    {
      g_set_error (error, JP_CORE_ERROR, JP_CORE_ERROR_PARSE,
                   _("%s: no “姓名” (name) column was found in the first rows; the table must "
                     "start with a row of column headings such as 序号, 推荐单位, 姓名, 性别."),
                   source_name);
      return NULL;
    }

  roster = g_new0 (JpRoster, 1);
  roster->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_roster_row_free);
  roster->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  roster->unknown_columns = g_ptr_array_new_with_free_func (g_free);

  columns = g_new0 (Column, header->len);
  for (guint i = 0; i < header->len; i++)
    {
      const char *name = g_ptr_array_index (header, i);

      columns[i] = match_header (name);
      if (columns[i] == COL_UNKNOWN)
        {
          if (name[0] == '\0' && !column_has_data (table, header_index + 1, i))
            continue;
          g_ptr_array_add (roster->unknown_columns, g_strdup (name));
          if (name[0] == '\0')
            add_problem (roster, JP_SEVERITY_WARNING, "roster-unknown-column", NULL,
                         g_strdup_printf (_("%s: column %u has no heading but holds data; it "
                                            "was ignored. Give it one of the headings of the "
                                            "candidate summary table."),
                                          source_name, i + 1));
          else
            add_problem (roster, JP_SEVERITY_WARNING, "roster-unknown-column", NULL,
                         g_strdup_printf (_("%s: the column “%s” is not a known heading and "
                                            "was ignored; rename it to a heading of the "
                                            "candidate summary table if its data is needed."),
                                          source_name, name));
        }
      else if (columns[i] != COL_IGNORE)
        {
          if (used[columns[i]])
            {
              add_problem (roster, JP_SEVERITY_WARNING, "roster-duplicate-column", NULL,
                           g_strdup_printf (_("%s: the column “%s” repeats an earlier column "
                                              "and was ignored."),
                                            source_name, name));
              columns[i] = COL_IGNORE;
            }
          used[columns[i]] = TRUE;
        }
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = header_index + 1; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      guint line = g_array_index (table->row_lines, guint, r);
      g_autoptr(JpCandidate) c = jp_candidate_new ();
      g_autofree char *key = NULL;
      JpRosterRow *out;
      gpointer first_line;
      const char *footer = footer_cell (row);

      if (footer != NULL)
        {
          g_autofree char *quoted = quote_cell (footer, 40);

          add_problem (roster, JP_SEVERITY_WARNING, "roster-footer", NULL,
                       g_strdup_printf (_("%s, line %u: “%s” is a signature, seal or date "
                                          "line below the table and was skipped."),
                                        source_name, line, quoted));
          continue;
        }

      for (guint i = 0; i < MIN (row->len, header->len); i++)
        {
          const char *value = g_ptr_array_index (row, i);

          if (value[0] == '\0')
            continue;
          set_value (roster, c, columns[i], g_ptr_array_index (header, i), value,
                     source_name, line);
        }

      if ((c->name == NULL || c->name[0] == '\0') &&
          (c->id_number == NULL || c->id_number[0] == '\0'))
        {
          add_problem (roster, JP_SEVERITY_WARNING, "roster-no-name", "name",
                       g_strdup_printf (_("%s, line %u: the row has neither a name nor an ID "
                                          "number and was not imported."),
                                        source_name, line));
          continue;
        }

      if (c->id_number != NULL && jp_id_number_is_spreadsheet_number (c->id_number))
        {
          char *refusal =
            g_strdup_printf (_("%s, line %u: the ID number “%s” of %s was turned into a "
                               "number by the spreadsheet, which dropped its last digits; the "
                               "row was not imported. Format the ID column as text, type the "
                               "ID numbers again and save the file again."),
                             source_name, line, c->id_number,
                             c->name != NULL ? c->name : "?");

          out = g_new0 (JpRosterRow, 1);
          out->line = line;
          out->candidate = g_steal_pointer (&c);
          out->refusal = refusal;
          g_ptr_array_add (roster->rows, out);
          continue;
        }

      if (c->id_number != NULL && c->id_number[0] != '\0')
        key = g_strconcat ("id:", c->id_number, NULL);
      else
        key = g_strconcat ("name:", c->name, "\x1f", c->unit ? c->unit : "", NULL);

      if (g_hash_table_lookup_extended (seen, key, NULL, &first_line))
        {
          add_problem (roster, JP_SEVERITY_WARNING, "roster-duplicate", "name",
                       g_strdup_printf (_("%s: line %u repeats line %u (%s); the repeated row "
                                          "was not imported."),
                                        source_name, line, GPOINTER_TO_UINT (first_line),
                                        c->name ? c->name : c->id_number));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (line));

      out = g_new0 (JpRosterRow, 1);
      out->line = line;
      out->candidate = g_steal_pointer (&c);
      g_ptr_array_add (roster->rows, out);
    }

  return g_steal_pointer (&roster);
}
