/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "jp-pdf-private.h"
#include "jp-print-private.h"

/* The nomination paperwork (Annexes 2 and 3 of the founding document): the approval form
 * 推荐审批表 and the candidate summary table 候选人汇总表. The text on the forms is the
 * forms' own Chinese, whatever the interface language. */

#define FORM_SIZE 10.5
#define ROW_MIN 27.0
#define PHOTO_W 72.0    /* one-inch photo, 25 x 35 mm */
#define PHOTO_H 99.0

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

static const char *
sex_text (JpSex sex)
{
  return sex == JP_SEX_MALE ? "男" : sex == JP_SEX_FEMALE ? "女" : "";
}

static const char *
tristate_text (JpTristate t)
{
  return t == JP_TRISTATE_YES ? "是" : t == JP_TRISTATE_NO ? "否" : "";
}

/* "1978-04" as "1978年4月"; other text unchanged. */
static char *
month_text (const char *month)
{
  int y = 0, m = 0;

  if (month != NULL && sscanf (month, "%d-%d", &y, &m) == 2 && y > 0 && m >= 1 && m <= 12)
    return g_strdup_printf ("%d年%d月", y, m);
  return g_strdup (or_empty (month));
}

static char *
day_text (const char *day)
{
  int y = 0, m = 0, d = 0;

  if (day != NULL && sscanf (day, "%d-%d-%d", &y, &m, &d) == 3 && y > 0)
    return g_strdup_printf ("%d年%d月%d日", y, m, d);
  return g_strdup (or_empty (day));
}

static char *
criteria_text (guint criteria)
{
  static const char *const names[] = {
    NULL, "具备一定荣誉基础", "技能比赛获奖", "获得科学技术进步奖", "重大发明创造或技术突破",
    "拥有绝活绝技或专利", "参与重大科技计划项目",
  };
  GString *s = g_string_new (NULL);

  for (int n = 1; n <= 6; n++)
    if (criteria & (1u << n))
      g_string_append_printf (s, "%s%d. %s", s->len > 0 ? "；" : "", n, names[n]);
  return g_string_free (s, FALSE);
}

/* The title of a form after the election's award: “包头工匠”推荐审批表. */
static char *
award_title (JpPrint *print, const char *suffix)
{
  const JpElection *e = jp_print_get_election (print);
  const char *award = e->award != NULL && *e->award != '\0' ? e->award : "工匠";

  return g_strdup_printf ("“%s”%s", award, suffix);
}

/* One row of bordered cells at y; returns the row's bottom. */
static double
grid_row (JpPrint *print, double x, double y, guint n, const double *widths,
          const char *const *cells, const gboolean *is_label)
{
  g_autoptr(JpPrintTable) table = jp_print_table_new (print, x, y, n, widths, FORM_SIZE);

  for (guint c = 0; c < n; c++)
    jp_print_table_set_align (table, c, is_label[c] ? JP_ALIGN_CENTER : JP_ALIGN_LEFT);
  jp_print_table_add_row (table, cells, FALSE, ROW_MIN);
  return jp_print_table_get_y (table);
}

typedef struct {
  char *title;
  char *name;
} ContinuationData;

static double
form_continued (JpPrint *print, gpointer data)
{
  ContinuationData *cd = data;
  g_autofree char *line = g_strdup_printf ("%s（续）  姓名：%s", cd->title, cd->name);

  jp_print_text (print, JP_PRINT_SONG, 10.5, JP_PRINT_MARGIN, JP_PRINT_MARGIN + 4,
                 JP_ALIGN_LEFT, line);
  return JP_PRINT_MARGIN + 16;
}

static void
opinion_box (JpPrint *print, double x, double *y, double label_w, double value_w,
             const char *label, ContinuationData *cd)
{
  const double h = 96;
  g_auto(GStrv) lines = NULL;
  guint n;

  if (*y + h > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, FALSE);
      *y = form_continued (print, cd);
    }
  jp_print_rect (print, x, *y, label_w, h, 0.6);
  jp_print_rect (print, x + label_w, *y, value_w, h, 0.6);
  lines = jp_print_wrap (print, JP_PRINT_SONG, FORM_SIZE, label_w - 10, label);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    jp_print_text (print, JP_PRINT_SONG, FORM_SIZE, x + label_w / 2,
                   *y + h / 2 - n * 15.0 / 2 + 11 + i * 15.0, JP_ALIGN_CENTER, lines[i]);
  jp_print_text (print, JP_PRINT_SONG, FORM_SIZE, x + label_w + value_w - 100, *y + h - 34,
                 JP_ALIGN_LEFT, "（盖章）");
  jp_print_text (print, JP_PRINT_SONG, FORM_SIZE, x + label_w + value_w - 16, *y + h - 12,
                 JP_ALIGN_RIGHT, "年      月      日");
  *y += h;
}

/* Checks every field before anything is drawn, so a character no font has is refused with
 * the field's name rather than found half-way. */
static gboolean
check_fields (JpPrint *print, JpCandidate *c, GError **error)
{
  const struct { const char *label; const char *value; } fields[] = {
    { "姓名", c->name }, { "民族", c->ethnicity }, { "政治面貌", c->political },
    { "文化程度", c->education }, { "身份证号", c->id_number }, { "工作单位", c->employer },
    { "职务/岗位", c->position }, { "工种", c->work_type }, { "技能等级/职称", c->skill_level },
    { "联系电话", c->phone }, { "主要荣誉", c->honours }, { "事迹简介", c->summary },
    { "推荐单位", c->unit },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!jp_print_check_text (print, JP_PRINT_SONG, fields[i].value, fields[i].label,
                              c->name, error))
      return FALSE;
  return TRUE;
}

/* The photo of a candidate, or NULL with a finding when it is missing. */
static GBytes *
candidate_photo (JpPrint *print, JpCandidate *c)
{
  for (guint i = 0; c->documents != NULL && i < c->documents->len; i++)
    {
      JpDocumentRef *ref = g_ptr_array_index (c->documents, i);

      if (ref->kind == JP_DOC_PHOTO && ref->sha256 != NULL)
        {
          g_autoptr(GError) error = NULL;
          GBytes *data = jp_store_get_document_data (jp_print_get_store (print), ref->sha256,
                                                     &error);

          if (data != NULL)
            return data;
        }
    }
  jp_print_add_finding (print, jp_finding_new (JP_SEVERITY_WARNING, "photo-missing", "photos",
                                               _("%s has no photo: the photo box of the "
                                                 "approval form is left empty."),
                                               or_empty (c->name)));
  return NULL;
}

gboolean
jp_print_draw_approval_form (JpPrint *print, JpCandidate *c, GError **error)
{
  const double W = JP_PDF_A4_WIDTH - 2 * JP_PRINT_MARGIN;
  const double x = JP_PRINT_MARGIN;
  const double label_w = 92;
  g_autofree char *title = award_title (print, "推荐审批表");
  g_autofree char *unit_line = g_strdup_printf ("推荐单位（盖章）：%s", or_empty (c->unit));
  g_autofree char *fill = day_text (c->fill_date);
  g_autofree char *date_line = g_strdup_printf ("填报日期：%s", fill);
  g_autofree char *birth = month_text (c->birth);
  g_autofree char *work_start = month_text (c->work_start);
  g_autofree char *years = c->years_in_trade >= 0 ? g_strdup_printf ("%d年", c->years_in_trade)
                                                   : g_strdup ("");
  g_autofree char *criteria = criteria_text (c->criteria);
  g_autofree char *position = NULL;
  g_autoptr(GBytes) photo = NULL;
  ContinuationData cd = { title, c->name };
  double y, top;
  const double grid_w = W - PHOTO_W - 12;

  if (!check_fields (print, c, error))
    return FALSE;
  jp_print_set_subject (print, "推荐审批表", c->name);

  jp_print_begin_section (print);
  jp_print_add_page (print, FALSE);
  jp_print_text (print, JP_PRINT_SONG, 18, JP_PDF_A4_WIDTH / 2, JP_PRINT_MARGIN + 14,
                 JP_ALIGN_CENTER, title);
  jp_print_text (print, JP_PRINT_SONG, FORM_SIZE, x, JP_PRINT_MARGIN + 44, JP_ALIGN_LEFT,
                 unit_line);
  jp_print_text (print, JP_PRINT_SONG, FORM_SIZE, x + W, JP_PRINT_MARGIN + 44, JP_ALIGN_RIGHT,
                 date_line);
  top = y = JP_PRINT_MARGIN + 54;

  {
    /* label columns wide enough for 参加工作时间 on one line */
    const double lw = 75, lw2 = 56, vw = (grid_w - lw - 2 * lw2) / 3;
    const double w6[] = { lw, vw, lw2, vw, lw2, vw };
    const gboolean l6[] = { TRUE, FALSE, TRUE, FALSE, TRUE, FALSE };
    const char *r1[] = { "姓名", c->name, "性别", sex_text (c->sex), "民族", c->ethnicity };
    const char *r2[] = { "出生年月", birth, "政治面貌", c->political, "文化程度", c->education };
    const double w4[] = { lw, vw, lw2, grid_w - lw - lw2 - vw };
    const gboolean l4[] = { TRUE, FALSE, TRUE, FALSE };
    const char *r3[] = { "参加工作时间", work_start, "身份证号", c->id_number };
    const double w2[] = { lw, grid_w - lw };
    const gboolean l2[] = { TRUE, FALSE };
    const char *r4[] = { "工作单位", c->employer };

    y = grid_row (print, x, y, 6, w6, r1, l6);
    y = grid_row (print, x, y, 6, w6, r2, l6);
    y = grid_row (print, x, y, 4, w4, r3, l4);
    y = grid_row (print, x, y, 2, w2, r4, l2);
  }
  /* The photo column spans the first rows. */
  jp_print_rect (print, x + grid_w, top, W - grid_w, y - top, 0.6);
  photo = candidate_photo (print, c);
  if (photo != NULL
      && !jp_print_image (print, photo, x + grid_w + (W - grid_w - PHOTO_W) / 2,
                          top + (y - top - PHOTO_H) / 2, PHOTO_W, PHOTO_H))
    jp_print_add_finding (print, jp_finding_new (JP_SEVERITY_WARNING, "photo-unreadable",
                                                 "photos",
                                                 _("The photo of %s is not an image that can "
                                                   "be read: the photo box of the approval "
                                                   "form is left empty."),
                                                 or_empty (c->name)));

  {
    const double w4[] = { label_w, (W - 2 * label_w) / 2, label_w, (W - 2 * label_w) / 2 };
    const gboolean l4[] = { TRUE, FALSE, TRUE, FALSE };
    const char *r5[] = { "职务/岗位", c->position, "工种", c->work_type };
    const char *r6[] = { "从事本工种年限", years, "技能等级/职称", c->skill_level };
    const char *r7[] = { "联系电话", c->phone, "是否工会会员", tristate_text (c->union_member) };
    const double w2[] = { label_w, W - label_w };
    const gboolean l2[] = { TRUE, FALSE };
    const char *r8[] = { "符合选树条件", criteria };

    y = grid_row (print, x, y, 4, w4, r5, l4);
    y = grid_row (print, x, y, 4, w4, r6, l4);
    y = grid_row (print, x, y, 4, w4, r7, l4);
    y = grid_row (print, x, y, 2, w2, r8, l2);
  }

  /* The long fields flow onto following pages. */
  {
    const double w2[] = { label_w, W - label_w };
    g_autoptr(JpPrintTable) table = jp_print_table_new (print, x, y, 2, w2, FORM_SIZE);
    const char *honours[] = { "主要荣誉\n（何时何地受过何种奖励）", c->honours };
    const char *summary[] = { "事迹简介", c->summary };

    jp_print_table_set_align (table, 0, JP_ALIGN_CENTER);
    jp_print_table_set_new_page (table, form_continued, &cd);
    jp_print_table_set_label_column (table, 0);
    jp_print_set_subject (print, "主要荣誉", c->name);
    jp_print_table_add_row (table, honours, TRUE, 60);
    jp_print_set_subject (print, "事迹简介", c->name);
    jp_print_table_add_row (table, summary, TRUE, 120);
    y = jp_print_table_get_y (table);
  }

  jp_print_set_subject (print, "推荐审批表", c->name);
  opinion_box (print, x, &y, label_w, W - label_w, "所在单位意见", &cd);
  opinion_box (print, x, &y, label_w, W - label_w, "推荐单位（工会）意见", &cd);
  opinion_box (print, x, &y, label_w, W - label_w, "评审委员会意见", &cd);
  opinion_box (print, x, &y, label_w, W - label_w, "市总工会审批意见", &cd);
  return jp_print_check (print, error);
}

/* The candidates of the scope, in the store's order (trade, then name); documents loaded
 * when `with_documents`. */
static GPtrArray *
scope_candidates (JpPrint *print, const JpDocumentScope *scope, gboolean with_documents,
                  GError **error)
{
  JpStore *store = jp_print_get_store (print);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(JpTrade) trade = NULL;

  if (scope->kind == JP_DOCUMENT_SCOPE_CANDIDATE)
    {
      g_autoptr(GError) local = NULL;
      JpCandidate *c = jp_store_get_candidate (store, scope->id, &local);

      if (c == NULL)
        {
          if (g_error_matches (local, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
            g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                         _("There is no candidate with the id %lld."),
                         (long long) scope->id);
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      g_ptr_array_add (result, c);
      return g_steal_pointer (&result);
    }
  if (scope->kind == JP_DOCUMENT_SCOPE_TRADE)
    {
      trade = scope->trade != NULL ? jp_store_find_trade (store, scope->trade) : NULL;
      if (trade == NULL)
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                       _("There is no trade “%s”."), or_empty (scope->trade));
          return NULL;
        }
    }
  list = jp_store_list_candidates (store, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (list, i);

      if (trade != NULL && g_strcmp0 (c->trade, trade->name) != 0)
        continue;
      if (with_documents)
        {
          JpCandidate *full = jp_store_get_candidate (store, c->id, error);

          if (full == NULL)
            return NULL;
          g_ptr_array_add (result, full);
        }
      else
        g_ptr_array_add (result, g_steal_pointer (&c));
    }
  if (result->len == 0)
    {
      if (trade != NULL)
        g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                     _("The trade “%s” has no candidates to print."), trade->name);
      else
        g_set_error_literal (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                             _("The election has no candidates to print yet."));
      return NULL;
    }
  return g_steal_pointer (&result);
}

gboolean
jp_print_build_approval_form (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  g_autoptr(GPtrArray) candidates = scope_candidates (print, scope, TRUE, error);
  g_autofree char *title = NULL;

  if (candidates == NULL)
    return FALSE;
  title = award_title (print, "推荐审批表");
  if (candidates->len == 1)
    {
      JpCandidate *c = g_ptr_array_index (candidates, 0);
      g_autofree char *t = g_strdup_printf ("%s（%s）", title, or_empty (c->name));

      jp_print_set_title (print, t);
    }
  else
    jp_print_set_title (print, title);
  /* Each form is numbered on its own pages would be nicer; one sequence is what the
   * secretariat's printer needs to keep the pile in order. */
  for (guint i = 0; i < candidates->len; i++)
    {
      if (!jp_print_draw_approval_form (print, g_ptr_array_index (candidates, i), error))
        return FALSE;
      jp_print_progress (print, i + 1, candidates->len);
    }
  return TRUE;
}

/* ---- 候选人汇总表 ---- */

static const char *const summary_header[] = {
  "序号", "推荐单位", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度",
  "工作单位及职务", "工种", "技能等级/职称", "主要荣誉", "符合条件", "联系电话",
};
static const double summary_widths[] = {
  26, 66, 42, 26, 28, 48, 40, 40, 100, 48, 60, 114, 34, 58,
};

static double
summary_continued (JpPrint *print, gpointer data)
{
  const char *title = data;
  g_autofree char *line = g_strdup_printf ("%s（续）", title);

  jp_print_text (print, JP_PRINT_SONG, 12, jp_print_page_width (print) / 2, 44,
                 JP_ALIGN_CENTER, line);
  return 56;
}

gboolean
jp_print_build_summary_table (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  g_autoptr(GPtrArray) candidates = scope_candidates (print, scope, FALSE, error);
  g_autofree char *title = award_title (print, "推荐候选人汇总表");
  g_autofree char *date = jp_print_date_text (print);
  g_autofree char *date_line = g_strdup_printf ("填报日期：%s", date);
  g_autoptr(JpPrintTable) table = NULL;
  double total = 0, x;

  if (candidates == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (summary_widths); i++)
    total += summary_widths[i];
  jp_print_set_title (print, title);
  jp_print_add_page (print, TRUE);
  x = (jp_print_page_width (print) - total) / 2;
  jp_print_set_subject (print, "汇总表", NULL);
  jp_print_text (print, JP_PRINT_SONG, 18, jp_print_page_width (print) / 2, 52, JP_ALIGN_CENTER,
                 title);
  jp_print_text (print, JP_PRINT_SONG, 10.5, x, 80, JP_ALIGN_LEFT, "推荐单位（盖章）：");
  jp_print_text (print, JP_PRINT_SONG, 10.5, x + total, 80, JP_ALIGN_RIGHT, date_line);

  table = jp_print_table_new (print, x, 90, G_N_ELEMENTS (summary_widths), summary_widths, 8);
  jp_print_table_set_new_page (table, summary_continued, title);
  for (guint c = 0; c < G_N_ELEMENTS (summary_widths); c++)
    jp_print_table_set_align (table, c, JP_ALIGN_CENTER);
  jp_print_table_set_align (table, 8, JP_ALIGN_LEFT);
  jp_print_table_set_align (table, 11, JP_ALIGN_LEFT);
  jp_print_table_set_header (table, summary_header);

  for (guint i = 0; i < candidates->len; i++)
    {
      JpCandidate *c = g_ptr_array_index (candidates, i);
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *birth = month_text (c->birth);
      g_autofree char *work = c->position != NULL && *c->position != '\0'
                              ? g_strdup_printf ("%s %s", or_empty (c->employer), c->position)
                              : g_strdup (or_empty (c->employer));
      g_autofree char *criteria = jp_criteria_to_string (c->criteria);
      const char *row[] = {
        n, c->unit, c->name, sex_text (c->sex), c->ethnicity, birth, c->political,
        c->education, work, c->work_type, c->skill_level, c->honours, criteria, c->phone,
      };

      if (!check_fields (print, c, error))
        return FALSE;
      jp_print_set_subject (print, "汇总表", c->name);
      jp_print_table_add_row (table, row, TRUE, 0);
      if (!jp_print_check (print, error))
        return FALSE;
      jp_print_progress (print, i + 1, candidates->len);
    }
  return TRUE;
}
