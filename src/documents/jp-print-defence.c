/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-pdf-private.h"
#include "jp-print-private.h"
#include "core/jp-score.h"
#include "store/jp-store-defence.h"

/* The defence session's paperwork (RULES.md "Defence scoring"): the score sheet of each panel
 * member (答辩评分表, the signed paper record of the electronic sheet, or the blank paper
 * fallback) and the defence summary of a trade (答辩评分汇总表: every member's total, the
 * dropped highest and lowest in brackets, D, alerts, absences, the session's digest). */

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/* "12", "12.5" of a score in halves. */
static char *
halves_text (int halves)
{
  if (halves % 2 == 0)
    return g_strdup_printf ("%d", halves / 2);
  return g_strdup_printf ("%d.5", halves / 2);
}

/* "86.50" of hundredths. */
static char *
hundredths_text (gint64 v)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", v < 0 ? "-" : "", ABS (v) / 100,
                          (int) (ABS (v) % 100));
}

static int
criterion_max_halves (const JpRubricCriterion *c)
{
  int halves = 0;

  if (!jp_halves_from_double (c->max, &halves))
    halves = (int) (c->max * 2 + 0.5);
  return halves;
}

static gboolean
strv_has (GStrv strv, const char *s)
{
  return strv != NULL && g_strv_contains ((const char *const *) strv, s);
}

/* The defence session of the scope: a round that is a defence session, or the session of a
 * trade. A ballot round or a trade without a session is NOT_READY naming the stage. */
static JpDefenceSession *
scope_session (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  const char *label = jp_document_kind_label (jp_print_get_kind (print));
  g_autoptr(GError) local = NULL;
  JpDefenceSession *session;

  if (scope->kind == JP_DOCUMENT_SCOPE_TRADE)
    {
      session = jp_store_find_defence_session (store, scope->trade, &local);
      if (session == NULL && g_error_matches (local, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                       _("The %s of trade “%s” cannot be printed yet: the trade's defence "
                         "session must be opened first (after its ballot rounds are "
                         "closed)."), label, or_empty (scope->trade));
          return NULL;
        }
    }
  else
    {
      g_autoptr(JpRound) round = jp_store_get_round (store, scope->id, &local);

      if (round == NULL)
        {
          if (g_error_matches (local, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
            g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                         _("There is no round with the id %lld."), (long long) scope->id);
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (round->kind != JP_ROUND_KIND_DEFENCE)
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                       _("Round %lld is a ballot round: the %s are printed for a defence "
                         "session; the trade's defence session must be opened first "
                         "(after its ballot rounds are closed) and printed by its own "
                         "round id."), (long long) scope->id, label);
          return NULL;
        }
      session = jp_store_get_defence_session (store, scope->id, &local);
    }
  if (session == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return session;
}

/* Names of the session's candidates by code (owned strings), read once. */
static GHashTable *
candidate_names (JpPrint *print, JpDefenceSession *session, GError **error)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < session->candidates->len; i++)
    {
      JpDefenceCandidate *dc = g_ptr_array_index (session->candidates, i);
      g_autoptr(JpCandidate) c = jp_store_get_candidate (jp_print_get_store (print),
                                                         dc->candidate_id, error);

      if (c == NULL)
        {
          g_hash_table_unref (names);
          return NULL;
        }
      g_hash_table_insert (names, g_strdup (dc->code), g_strdup (or_empty (c->name)));
    }
  return names;
}

static const JpDefencePanelMember *
panel_member (JpDefenceSession *session, const char *code)
{
  for (guint i = 0; i < session->panel->len; i++)
    {
      const JpDefencePanelMember *m = g_ptr_array_index (session->panel, i);

      if (g_ascii_strcasecmp (m->code, code) == 0)
        return m;
    }
  return NULL;
}

/* Draws the signature line "label ________" at x over `width`. */
static void
signature (JpPrint *print, double x, double y, double width, const char *label)
{
  jp_print_text (print, JP_PRINT_SONG, 10.5, x, y, JP_ALIGN_LEFT, label);
  jp_print_line (print, x + jp_print_measure (print, JP_PRINT_SONG, 10.5, label), y + 2,
                 x + width - 12, y + 2, 0.6);
}

/* ---- 现场答辩评分表 ---- */

typedef struct {
  const char *title;
  const char *member_line;
} SheetHead;

static double
sheet_continued (JpPrint *print, gpointer data)
{
  const SheetHead *head = data;
  g_autofree char *t = g_strdup_printf ("%s（续）", head->title);

  jp_print_text (print, JP_PRINT_SONG, 12, JP_PDF_A4_WIDTH / 2, 50, JP_ALIGN_CENTER, t);
  jp_print_text (print, JP_PRINT_SONG, 10, JP_PRINT_MARGIN, 70, JP_ALIGN_LEFT,
                 head->member_line);
  return 80;
}

static gboolean
draw_score_sheet (JpPrint                    *print,
                  JpDefenceSession           *session,
                  const JpDefencePanelMember *member,
                  GHashTable                 *names,
                  GPtrArray                  *sheets,
                  GError                    **error)
{
  const JpElection *e = jp_print_get_election (print);
  const double x = JP_PRINT_MARGIN, W = JP_PDF_A4_WIDTH - 2 * JP_PRINT_MARGIN;
  guint nc = session->rubric->len, n = nc + 4;
  g_autofree double *widths = g_new0 (double, n);
  g_autofree char **head = g_new0 (char *, n + 1);
  g_autofree char *session_line = NULL;
  g_autofree char *member_line = NULL;
  g_autofree char *total_head = NULL;
  SheetHead sh = { "现场答辩评分表", NULL };
  g_autoptr(JpPrintTable) t = NULL;
  double crit_w, y;
  int max_total = 0;

  jp_print_begin_section (print);
  jp_print_add_page (print, FALSE);
  jp_print_set_subject (print, "评委", member->name);
  jp_print_text (print, JP_PRINT_SONG, 12, JP_PDF_A4_WIDTH / 2, 60, JP_ALIGN_CENTER,
                 or_empty (e->title));
  jp_print_text (print, JP_PRINT_SONG, 18, JP_PDF_A4_WIDTH / 2, 88, JP_ALIGN_CENTER,
                 "现场答辩评分表");
  session_line = g_strdup_printf ("行业组：%s（%s）  答辩场次：%lld  陈述 %d 分钟 + 答辩 %d 分钟",
                                  or_empty (session->trade_name),
                                  or_empty (session->trade_code),
                                  (long long) session->round_id,
                                  session->presentation_minutes, session->questions_minutes);
  member_line = g_strdup_printf ("评委：%s（%s）", or_empty (member->name), member->code);
  sh.member_line = member_line;
  jp_print_text (print, JP_PRINT_SONG, 10.5, x, 114, JP_ALIGN_LEFT, session_line);
  jp_print_text (print, JP_PRINT_SONG, 12, x, 134, JP_ALIGN_LEFT, member_line);
  y = 144;
  if (member->absent)
    {
      g_autofree char *absent = g_strdup_printf ("缺席：%s", or_empty (member->absence_reason));
      g_auto(GStrv) lines = NULL;

      jp_print_set_subject (print, "缺席原因", member->name);
      lines = jp_print_wrap (print, JP_PRINT_SONG, 10.5, W, absent);
      for (guint i = 0; lines[i] != NULL; i++, y += 16)
        jp_print_text (print, JP_PRINT_SONG, 10.5, x, y + 10, JP_ALIGN_LEFT, lines[i]);
      y += 4;
    }
  jp_print_text (print, JP_PRINT_SONG, 9, x, y + 8, JP_ALIGN_LEFT,
                 "每项得分为 0 至该项满分之间的数，以 0.5 分为单位；回避的候选人不评分。");
  y += 16;

  widths[0] = 30;
  widths[1] = 54;
  widths[2] = 58;
  widths[n - 1] = 58;
  crit_w = (W - 30 - 54 - 58 - 58) / MAX (nc, 1);
  for (guint c = 0; c < nc; c++)
    widths[3 + c] = crit_w;
  head[0] = (char *) "序号";
  head[1] = (char *) "编号";
  head[2] = (char *) "姓名";
  for (guint c = 0; c < nc; c++)
    {
      const JpRubricCriterion *rc = g_ptr_array_index (session->rubric, c);
      g_autofree char *max = halves_text (criterion_max_halves (rc));

      max_total += criterion_max_halves (rc);
      head[3 + c] = g_strdup_printf ("%s\n（%s分）", or_empty (rc->name), max);
    }
  {
    g_autofree char *max = halves_text (max_total);

    total_head = g_strdup_printf ("总分\n（%s分）", max);
    head[n - 1] = total_head;
  }
  t = jp_print_table_new (print, x, y, n, widths, 9.5);
  jp_print_table_set_new_page (t, sheet_continued, &sh);
  for (guint c = 0; c < n; c++)
    jp_print_table_set_align (t, c, JP_ALIGN_CENTER);
  jp_print_set_subject (print, "评分项目", NULL);
  jp_print_table_set_header (t, (const char *const *) head);
  for (guint c = 0; c < nc; c++)
    g_free (head[3 + c]);

  for (guint i = 0; i < session->candidates->len; i++)
    {
      JpDefenceCandidate *dc = g_ptr_array_index (session->candidates, i);
      const char *name = g_hash_table_lookup (names, dc->code);
      g_autofree char **row = g_new0 (char *, n + 1);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      JpDefenceSheet *sheet = NULL;

      for (guint s = 0; s < sheets->len; s++)
        {
          JpDefenceSheet *ds = g_ptr_array_index (sheets, s);

          if (g_ascii_strcasecmp (ds->member, member->code) == 0
              && g_ascii_strcasecmp (ds->candidate, dc->code) == 0
              && ds->state == JP_DEFENCE_SHEET_SUBMITTED)
            sheet = ds;
        }
      row[0] = g_strdup_printf ("%d", dc->order);
      g_ptr_array_add (owned, row[0]);
      row[1] = dc->code;
      row[2] = (char *) or_empty (name);
      if (strv_has (dc->conflicted, member->code))
        {
          for (guint c = 3; c < n; c++)
            row[c] = (char *) "回避";
        }
      else if (sheet != NULL)
        {
          for (guint c = 0; c < nc && c < sheet->n_criteria; c++)
            {
              row[3 + c] = halves_text (sheet->halves[c]);
              g_ptr_array_add (owned, row[3 + c]);
            }
          row[n - 1] = halves_text (sheet->total_halves);
          g_ptr_array_add (owned, row[n - 1]);
        }
      else if (member->absent)
        row[n - 1] = (char *) "缺席";
      jp_print_set_subject (print, "候选人", name);
      jp_print_table_add_row (t, (const char *const *) row, FALSE, 26);
      if (!jp_print_check (print, error))
        return FALSE;
    }
  y = jp_print_table_get_y (t) + 14;

  if (y + 80 > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, FALSE);
      y = sheet_continued (print, &sh) + 10;
    }
  y += 28;
  signature (print, x, y, W / 2, "评委签名：");
  jp_print_text (print, JP_PRINT_SONG, 10.5, x + W, y, JP_ALIGN_RIGHT,
                 "年        月        日");
  return jp_print_check (print, error);
}

gboolean
jp_print_build_score_sheets (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  const char *only = jp_print_get_options (print)->member;
  g_autoptr(JpDefenceSession) session = scope_session (print, scope, error);
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autofree char *title = NULL;

  if (session == NULL)
    return FALSE;
  if (session->candidates->len == 0 || session->panel->len == 0)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                   _("The defence session %lld has no candidates or no panel: the trade's "
                     "finalists and panel members must be decided first."),
                   (long long) session->round_id);
      return FALSE;
    }
  for (guint i = 0; i < session->panel->len; i++)
    {
      JpDefencePanelMember *m = g_ptr_array_index (session->panel, i);

      if (only == NULL || *only == '\0' || g_ascii_strcasecmp (m->code, only) == 0
          || g_strcmp0 (m->name, only) == 0)
        g_ptr_array_add (members, m);
    }
  if (members->len == 0)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                   _("“%s” is not a member of the panel of the defence session %lld."),
                   only, (long long) session->round_id);
      return FALSE;
    }
  sheets = jp_store_defence_list_sheets (store, session->round_id, error);
  if (sheets == NULL)
    return FALSE;
  names = candidate_names (print, session, error);
  if (names == NULL)
    return FALSE;

  title = g_strdup_printf ("现场答辩评分表 %s", or_empty (session->trade_name));
  jp_print_set_title (print, title);
  for (guint i = 0; i < members->len; i++)
    {
      if (!draw_score_sheet (print, session, g_ptr_array_index (members, i), names, sheets,
                             error))
        return FALSE;
      jp_print_progress (print, i + 1, members->len);
    }
  return TRUE;
}

/* ---- 答辩评分汇总表 ---- */

#define SUMMARY_FIXED_W  (30 + 52 + 58 + 56)   /* 序号, 编号, 姓名, D */
#define SUMMARY_MEMBER_W 46.0

static double
summary_continued (JpPrint *print, gpointer data)
{
  const char *title = data;
  g_autofree char *t = g_strdup_printf ("%s（续）", title);

  jp_print_text (print, JP_PRINT_SONG, 12, jp_print_page_width (print) / 2, 50,
                 JP_ALIGN_CENTER, t);
  return 64;
}

static const JpDefenceTotal *
total_of (const JpDefenceCandidateResults *r, const char *member)
{
  if (r->score == NULL)
    return NULL;
  for (guint i = 0; i < r->score->totals->len; i++)
    {
      const JpDefenceTotal *t = g_ptr_array_index (r->score->totals, i);

      if (g_ascii_strcasecmp (t->member, member) == 0)
        return t;
    }
  return NULL;
}

static const JpDefenceSheet *
sheet_of (const JpDefenceCandidateResults *r, const char *member)
{
  for (guint i = 0; r->sheets != NULL && i < r->sheets->len; i++)
    {
      const JpDefenceSheet *s = g_ptr_array_index (r->sheets, i);

      if (g_ascii_strcasecmp (s->member, member) == 0)
        return s;
    }
  return NULL;
}

/* The cell of `member` for candidate `r`: the total, [total] when dropped, "*" when the
 * sheet was revised after an alert, 回避 or 缺席. */
static char *
summary_cell (JpDefenceSession *session, const JpDefenceCandidateResults *r,
              const JpDefencePanelMember *member)
{
  const JpDefenceCandidate *dc = jp_defence_session_find (session, r->code);
  const JpDefenceTotal *t = total_of (r, member->code);
  const JpDefenceSheet *s = sheet_of (r, member->code);
  g_autofree char *v = NULL;

  if (dc != NULL && strv_has (dc->conflicted, member->code))
    return g_strdup ("回避");
  if (t == NULL)
    return g_strdup (member->absent ? "缺席" : "—");
  v = halves_text (t->total_halves);
  return g_strdup_printf ("%s%s%s%s", t->dropped != JP_DEFENCE_KEPT ? "[" : "", v,
                          t->dropped != JP_DEFENCE_KEPT ? "]" : "",
                          s != NULL && s->revised ? "*" : "");
}

static double
text_block (JpPrint *print, double x, double y, double width, double size, const char *text)
{
  g_auto(GStrv) lines = jp_print_wrap (print, JP_PRINT_SONG, size, width, text);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (y + size * 1.6 > jp_print_body_bottom (print))
        {
          jp_print_add_page (print, jp_print_is_landscape (print));
          y = JP_PRINT_MARGIN;
        }
      jp_print_text (print, JP_PRINT_SONG, size, x, y + size, JP_ALIGN_LEFT, lines[i]);
      y += size * 1.6;
    }
  return y;
}

gboolean
jp_print_build_defence_summary (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  const JpElection *e = jp_print_get_election (print);
  g_autoptr(JpDefenceSession) session = scope_session (print, scope, error);
  g_autoptr(JpDefenceResults) results = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *date = jp_print_date_text (print);
  double W, x = JP_PRINT_MARGIN, y;
  guint per_page, n_members, n_chunks;
  GString *notes;

  if (session == NULL)
    return FALSE;
  if (session->state != JP_ROUND_STATE_CLOSED && session->state != JP_ROUND_STATE_SEALED)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                   _("The defence summary of session %lld cannot be printed yet: the "
                     "defence session must be closed first (every sheet in)."),
                   (long long) session->round_id);
      return FALSE;
    }
  results = jp_store_defence_results (store, session->round_id, error);
  if (results == NULL)
    return FALSE;
  names = candidate_names (print, session, error);
  if (names == NULL)
    return FALSE;

  title = g_strdup_printf ("答辩评分汇总表 %s", or_empty (session->trade_name));
  jp_print_set_title (print, title);
  jp_print_set_subject (print, "答辩评分汇总表", NULL);

  /* Landscape; members beyond one page's width continue in further column groups, each a
   * table with every candidate row, its header repeated on every page. */
  n_members = session->panel->len;
  W = JP_PDF_A4_HEIGHT - 2 * JP_PRINT_MARGIN;
  per_page = (guint) ((W - SUMMARY_FIXED_W) / SUMMARY_MEMBER_W);
  n_chunks = MAX (1, (n_members + per_page - 1) / per_page);
  per_page = (n_members + n_chunks - 1) / MAX (n_chunks, 1);   /* spread evenly */
  per_page = MAX (per_page, 1);

  jp_print_add_page (print, TRUE);
  jp_print_text (print, JP_PRINT_SONG, 12, jp_print_page_width (print) / 2, 54,
                 JP_ALIGN_CENTER, or_empty (e->title));
  jp_print_text (print, JP_PRINT_SONG, 18, jp_print_page_width (print) / 2, 80,
                 JP_ALIGN_CENTER, "答辩评分汇总表");
  heading = g_strdup_printf ("行业组：%s（%s）  答辩场次：%lld  评委 %u 人  候选人 %u 人",
                             or_empty (session->trade_name), or_empty (session->trade_code),
                             (long long) session->round_id, n_members,
                             session->candidates->len);
  jp_print_text (print, JP_PRINT_SONG, 10.5, x, 104, JP_ALIGN_LEFT, heading);
  y = 114;

  for (guint chunk = 0; chunk < n_chunks; chunk++)
    {
      guint from = chunk * per_page, to = MIN (n_members, from + per_page);
      guint n = 4 + (to - from);
      g_autofree double *widths = g_new0 (double, n);
      g_autofree char **head = g_new0 (char *, n + 1);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JpPrintTable) t = NULL;

      if (n_chunks > 1)
        {
          g_autofree char *part = g_strdup_printf ("评委 %u 至 %u（共 %u 人，第 %u 组 共 %u 组）",
                                                   from + 1, to, n_members, chunk + 1,
                                                   n_chunks);

          /* the next group goes below the last one when its header and rows fit there;
           * a group taller than the rest of the page starts a new one (and flows on) */
          if (chunk > 0)
            {
              double need = 16 + 2 * 9 * 1.45 + 8.1
                            + results->candidates->len * (9 * 1.45 + 8.1);

              if (y + 12 + need > jp_print_body_bottom (print))
                {
                  jp_print_add_page (print, TRUE);
                  y = summary_continued (print, "答辩评分汇总表");
                }
              else
                y += 12;
            }
          jp_print_text (print, JP_PRINT_SONG, 10, x, y + 10, JP_ALIGN_LEFT, part);
          y += 16;
        }
      widths[0] = 30;
      widths[1] = 52;
      widths[2] = 58;
      head[0] = (char *) "序号";
      head[1] = (char *) "编号";
      head[2] = (char *) "姓名";
      for (guint m = from; m < to; m++)
        {
          const JpDefencePanelMember *pm = g_ptr_array_index (session->panel, m);

          widths[3 + m - from] = SUMMARY_MEMBER_W;
          head[3 + m - from] = g_strdup_printf ("%s\n%s", or_empty (pm->name), pm->code);
          g_ptr_array_add (owned, head[3 + m - from]);
        }
      widths[n - 1] = 56;
      head[n - 1] = (char *) "答辩得分\nD";
      t = jp_print_table_new (print, x, y, n, widths, 9);
      jp_print_table_set_new_page (t, summary_continued, (gpointer) "答辩评分汇总表");
      for (guint c = 0; c < n; c++)
        jp_print_table_set_align (t, c, JP_ALIGN_CENTER);
      jp_print_set_subject (print, "评委", NULL);
      jp_print_table_set_header (t, (const char *const *) head);
      for (guint i = 0; i < results->candidates->len; i++)
        {
          const JpDefenceCandidateResults *r = g_ptr_array_index (results->candidates, i);
          const char *name = g_hash_table_lookup (names, r->code);
          g_autofree char **row = g_new0 (char *, n + 1);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

          row[0] = g_strdup_printf ("%d", r->order);
          g_ptr_array_add (cells, row[0]);
          row[1] = r->code;
          row[2] = (char *) or_empty (name);
          for (guint m = from; m < to; m++)
            {
              row[3 + m - from] = summary_cell (session, r,
                                                g_ptr_array_index (session->panel, m));
              g_ptr_array_add (cells, row[3 + m - from]);
            }
          row[n - 1] = r->score != NULL && r->score->has_score
                       ? hundredths_text (r->score->d) : g_strdup ("—");
          g_ptr_array_add (cells, row[n - 1]);
          jp_print_set_subject (print, "候选人", name);
          jp_print_table_add_row (t, (const char *const *) row, FALSE, 0);
          if (!jp_print_check (print, error))
            return FALSE;
        }
      y = jp_print_table_get_y (t) + 12;
      jp_print_progress (print, chunk + 1, n_chunks);
    }

  /* Notes: what the marks mean, alerts and revisions, absences. */
  W = jp_print_page_width (print) - 2 * JP_PRINT_MARGIN;
  notes = g_string_new (NULL);
  g_string_append_printf (notes,
                          "说明：方括号 [ ] 内为去掉的一个最高分和一个最低分（有效总分不少于 %d 个时去掉），"
                          "D 为其余总分的平均分，四舍五入保留两位小数；总分后的 * 表示该评委在偏离提示后修改过评分；"
                          "“回避”表示该评委与候选人须回避，不评分、不计入；“缺席”表示评委离场，未评分。",
                          session->drop_min_totals);
  jp_print_set_subject (print, "说明", NULL);
  y = text_block (print, x, y, W, 9.5, notes->str);
  g_string_free (notes, TRUE);
  for (guint i = 0; i < results->candidates->len; i++)
    {
      const JpDefenceCandidateResults *r = g_ptr_array_index (results->candidates, i);

      for (guint a = 0; r->alerts != NULL && a < r->alerts->len; a++)
        {
          const JpDefenceAlert *al = g_ptr_array_index (r->alerts, a);
          const JpDefencePanelMember *pm = panel_member (session, al->member);
          g_autofree char *total = halves_text (al->total_halves);
          g_autofree char *median = hundredths_text (al->median);
          g_autofree char *dev = hundredths_text (al->deviation);
          g_autofree char *revised = al->revised_total_halves >= 0
                                     ? halves_text (al->revised_total_halves) : NULL;
          g_autofree char *line = g_strdup_printf (
            "偏离提示：%s 号候选人，评委 %s（%s）总分 %s，中位数 %s，偏离 %s 分；%s",
            al->candidate, pm != NULL ? or_empty (pm->name) : "", al->member, total, median,
            dev,
            al->revised ? (revised != NULL ? "已要求修改，修改后总分 " : "已修改")
            : al->requested ? "已要求修改，尚未重新提交" : "未要求修改");

          if (al->revised && revised != NULL)
            {
              char *full = g_strconcat (line, revised, NULL);

              g_free (line);
              line = full;
            }
          jp_print_set_subject (print, "偏离提示", pm != NULL ? pm->name : NULL);
          y = text_block (print, x, y, W, 9.5, line);
        }
    }
  for (guint m = 0; m < session->panel->len; m++)
    {
      const JpDefencePanelMember *pm = g_ptr_array_index (session->panel, m);
      g_autofree char *line = NULL;

      if (!pm->absent)
        continue;
      line = g_strdup_printf ("缺席：评委 %s（%s），原因：%s", or_empty (pm->name), pm->code,
                              or_empty (pm->absence_reason));
      jp_print_set_subject (print, "缺席原因", pm->name);
      y = text_block (print, x, y, W, 9.5, line);
    }
  if (!jp_print_check (print, error))
    return FALSE;

  /* Signatures, date, digest and its QR code stay together. */
  if (y + 130 > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, TRUE);
      y = summary_continued (print, "答辩评分汇总表");
    }
  {
    const char *roles[] = { "主持人：", "计分人：", "监督人：" };
    const char *digest = or_empty (results->digest != NULL ? results->digest
                                                            : session->digest);
    double qr = 90;

    y += 24;
    for (guint i = 0; i < 3; i++)
      signature (print, x + i * (W / 3), y, W / 3, roles[i]);
    y += 28;
    {
      g_autofree char *d = g_strdup_printf ("日期：%s", date);

      jp_print_text (print, JP_PRINT_SONG, 10.5, x, y, JP_ALIGN_LEFT, d);
    }
    if (*digest != '\0')
      {
        jp_print_set_subject (print, "摘要", NULL);
        jp_print_text (print, JP_PRINT_SONG, 9, x, y + 24, JP_ALIGN_LEFT,
                       session->state == JP_ROUND_STATE_SEALED
                       ? "答辩结果摘要（SHA-256，已封存，可据评分表重新计算核对）："
                       : "答辩结果摘要（SHA-256，已结束未封存，可据评分表重新计算核对）：");
        jp_print_text (print, JP_PRINT_SONG, 9, x, y + 40, JP_ALIGN_LEFT, digest);
        jp_print_qr (print, digest, x + W - qr, y - 20, qr);
      }
  }
  return jp_print_check (print, error);
}
