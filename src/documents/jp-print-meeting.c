/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/ucol.h>

#include "jp-pdf-private.h"
#include "jp-print-private.h"
#include "store/jp-store-publicity.h"
#include "store/jp-store-ranking.h"

/* The meeting's paperwork: honour certificates, ballot papers and tally reports. */

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/* ---- 荣誉证书 ---- */

/* Upper-case initials of the pinyin of `han` ("包头工匠" -> "BTGJ") through ICU's Han-Latin
 * transliterator; NULL when ICU cannot. */
static char *
pinyin_initials (const char *han)
{
  static const UChar id[] = { 'H', 'a', 'n', '-', 'L', 'a', 't', 'i', 'n', ';', ' ',
                              'L', 'a', 't', 'i', 'n', '-', 'A', 'S', 'C', 'I', 'I', 0 };
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *trans;
  g_autofree gunichar2 *text = NULL;
  UChar buffer[512];
  int32_t len, limit;
  g_autofree char *latin = NULL;
  GString *initials;
  gboolean word_start = TRUE;

  text = g_utf8_to_utf16 (han, -1, NULL, NULL, NULL);
  if (text == NULL)
    return NULL;
  trans = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    return NULL;
  u_strncpy (buffer, text, G_N_ELEMENTS (buffer) - 1);
  buffer[G_N_ELEMENTS (buffer) - 1] = 0;
  len = u_strlen (buffer);
  limit = len;
  utrans_transUChars (trans, buffer, &len, G_N_ELEMENTS (buffer), 0, &limit, &status);
  utrans_close (trans);
  if (U_FAILURE (status))
    return NULL;
  latin = g_utf16_to_utf8 (buffer, len, NULL, NULL, NULL);
  if (latin == NULL)
    return NULL;
  initials = g_string_new (NULL);
  for (const char *p = latin; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          if (word_start)
            g_string_append_c (initials, g_ascii_toupper (*p));
          word_start = FALSE;
        }
      else
        word_start = TRUE;
    }
  return g_string_free (initials, initials->len == 0);
}

char *
jp_print_certificate_prefix (JpPrint *print)
{
  const JpDocumentOptions *options = jp_print_get_options (print);
  const JpElection *e = jp_print_get_election (print);
  g_autofree char *initials = NULL;

  if (options->certificate_prefix != NULL && *options->certificate_prefix != '\0')
    return g_strdup (options->certificate_prefix);
  initials = e->award != NULL ? pinyin_initials (e->award) : NULL;
  return g_strdup_printf ("%s-%d", initials != NULL ? initials : "ZS", e->year);
}

gboolean
jp_print_draw_certificates (JpPrint    *print,
                            GPtrArray  *candidates,
                            guint       first_number,
                            GError    **error)
{
  const JpElection *e = jp_print_get_election (print);
  g_autofree char *prefix = jp_print_certificate_prefix (print);
  g_autofree char *date = jp_print_date_text (print);
  const char *award = e->award != NULL && *e->award != '\0' ? e->award : "工匠";

  jp_print_set_page_numbers (print, FALSE);
  for (guint i = 0; i < candidates->len; i++)
    {
      JpCandidate *c = g_ptr_array_index (candidates, i);
      g_autofree char *greeting = g_strdup_printf ("%s 同志：", or_empty (c->name));
      g_autofree char *body = g_strdup_printf ("被授予 %d 年度“%s”荣誉称号。", e->year, award);
      g_autofree char *number = g_strdup_printf ("证书编号：%s-%03u", prefix,
                                                 first_number + i);
      g_auto(GStrv) lines = NULL;
      double w, h, y;

      if (!jp_print_check_text (print, JP_PRINT_KAI, c->name, "姓名", c->name, error))
        return FALSE;
      jp_print_set_subject (print, "荣誉证书", c->name);
      jp_print_add_page (print, TRUE);
      w = jp_print_page_width (print);
      h = jp_print_page_height (print);
      jp_print_rect (print, 28, 28, w - 56, h - 56, 2.5);
      jp_print_rect (print, 36, 36, w - 72, h - 72, 0.8);
      jp_print_text (print, JP_PRINT_KAI, 56, w / 2, 150, JP_ALIGN_CENTER, "荣誉证书");
      jp_print_text (print, JP_PRINT_KAI, 26, 120, 250, JP_ALIGN_LEFT, greeting);
      lines = jp_print_wrap (print, JP_PRINT_KAI, 26, w - 240 - 52, body);
      y = 310;
      for (guint l = 0; lines[l] != NULL; l++, y += 46)
        jp_print_text (print, JP_PRINT_KAI, 26, l == 0 ? 172 : 120, y, JP_ALIGN_LEFT,
                       lines[l]);
      jp_print_text (print, JP_PRINT_KAI, 26, 172, y, JP_ALIGN_LEFT, "特发此证。");
      jp_print_text (print, JP_PRINT_KAI, 24, w - 170, h - 140, JP_ALIGN_CENTER,
                     or_empty (e->organiser));
      jp_print_text (print, JP_PRINT_KAI, 22, w - 170, h - 104, JP_ALIGN_CENTER, date);
      jp_print_text (print, JP_PRINT_SONG, 11, 60, h - 56, JP_ALIGN_LEFT, number);
      if (!jp_print_check (print, error))
        return FALSE;
      jp_print_progress (print, i + 1, candidates->len);
    }
  return TRUE;
}

/* The codes of the list the certificates go to, in its order: the final list when the
 * publicity is closed (less the disqualified), else the sealed ranking's recommended list;
 * NOT_READY naming the stage when neither exists. */
static GPtrArray *
certificate_codes (JpPrint *print, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JpPublicity) publicity = NULL;

  publicity = jp_store_get_publicity (store, error);
  if (publicity == NULL)
    return NULL;
  if (publicity->closed)
    {
      g_autoptr(JpFinalList) list = jp_store_get_final_list (store, error);

      if (list == NULL)
        return NULL;
      for (guint i = 0; i < list->entries->len; i++)
        {
          JpFinalEntry *entry = g_ptr_array_index (list->entries, i);

          if (entry->objection_id <= 0)
            g_ptr_array_add (codes, g_strdup (entry->code));
        }
    }
  else if (jp_store_ranking_is_sealed (store, NULL, NULL))
    {
      g_autoptr(JpRanking) ranking = jp_store_compute_ranking (store, error);

      if (ranking == NULL)
        return NULL;
      for (guint i = 0; i < ranking->candidates->len; i++)
        {
          JpRankedCandidate *r = g_ptr_array_index (ranking->candidates, i);

          if (r->recommended)
            g_ptr_array_add (codes, g_strdup (r->code));
        }
    }
  else
    {
      g_set_error_literal (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                           _("The certificates cannot be printed yet: the ranking must be "
                             "sealed first, so that the recommended list exists."));
      return NULL;
    }
  if (codes->len == 0)
    {
      g_set_error_literal (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                           _("The list the certificates go to is empty."));
      return NULL;
    }
  return g_steal_pointer (&codes);
}

gboolean
jp_print_build_certificates (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(JpTrade) trade = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  guint first = 0;

  codes = certificate_codes (print, error);
  if (codes == NULL)
    return FALSE;
  if (scope->kind == JP_DOCUMENT_SCOPE_TRADE)
    {
      trade = scope->trade != NULL ? jp_store_find_trade (store, scope->trade) : NULL;
      if (trade == NULL)
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                       _("There is no trade “%s”."), or_empty (scope->trade));
          return FALSE;
        }
    }
  all = jp_store_list_candidates (store, error);
  if (all == NULL)
    return FALSE;
  /* Numbered by place on the whole list, so a reprint carries the same number. */
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      JpCandidate *found = NULL;

      for (guint k = 0; k < g_list_model_get_n_items (all) && found == NULL; k++)
        {
          g_autoptr(JpCandidate) c = g_list_model_get_item (all, k);

          if (g_strcmp0 (c->code, code) == 0)
            found = g_steal_pointer (&c);
        }
      if (found == NULL)
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                       _("The candidate with the code %s on the list is not in the "
                         "election."), code);
          return FALSE;
        }
      if ((scope->kind == JP_DOCUMENT_SCOPE_CANDIDATE && found->id != scope->id)
          || (trade != NULL && g_strcmp0 (found->trade, trade->name) != 0))
        {
          g_object_unref (found);
          continue;
        }
      if (chosen->len == 0)
        first = i + 1;
      else if (first + chosen->len != i + 1)
        {
          /* not consecutive: draw what we have and continue numbering from here */
          if (!jp_print_draw_certificates (print, chosen, first, error))
            return FALSE;
          g_ptr_array_set_size (chosen, 0);
          first = i + 1;
        }
      g_ptr_array_add (chosen, found);
    }
  if (chosen->len == 0 && jp_print_page_count (print) == 0)
    {
      if (scope->kind == JP_DOCUMENT_SCOPE_CANDIDATE)
        g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                     _("The candidate with the id %lld is not on the list the certificates "
                       "go to."), (long long) scope->id);
      else
        g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                     _("The trade “%s” has no one on the list the certificates go to."),
                     trade != NULL ? trade->name : "");
      return FALSE;
    }
  jp_print_set_title (print, "荣誉证书");
  return chosen->len == 0 || jp_print_draw_certificates (print, chosen, first, error);
}

/* ---- 选票 ---- */

JpRound *
jp_print_scope_ballot_round (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  g_autoptr(GError) local = NULL;
  JpRound *round = jp_store_get_round (jp_print_get_store (print), scope->id, &local);

  if (round == NULL)
    {
      if (g_error_matches (local, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
        g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                     _("There is no round with the id %lld."), (long long) scope->id);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (round->kind != JP_ROUND_KIND_BALLOT)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_SCOPE,
                   _("Round %lld is a defence round, not a ballot round."),
                   (long long) scope->id);
      jp_round_free (round);
      return NULL;
    }
  return round;
}

char *
jp_print_round_heading (JpRound *round)
{
  return g_strdup_printf ("行业组：%s（%s）  第 %d 轮%s", or_empty (round->trade_name),
                          or_empty (round->trade_code), round->number,
                          round->parent_id != 0 ? "（再次投票）" : "");
}

#define BALLOT_ROW 24.0
#define BALLOT_HEAD 118.0
#define BALLOT_FOOT 34.0

/* Draws rows [from, to) of one paper at y; returns its bottom. */
static double
ballot_part (JpPrint *print, JpRound *round, guint serial, guint from, guint to, double y,
             gboolean continued)
{
  const JpElection *e = jp_print_get_election (print);
  double w = jp_print_page_width (print);
  double x = 130, tw = w - 260;
  const double cols[] = { 60, tw - 60 - 90, 90 };
  g_autofree char *heading = jp_print_round_heading (round);
  g_autofree char *rule = g_strdup_printf ("每张选票最多选 %d 人，多选无效", round->max_choices);
  g_autofree char *serial_text = g_strdup_printf ("选票编号：%04u", serial);
  g_autofree char *title = g_strdup_printf ("%s%s评审委员会选票%s", or_empty (e->title),
                                            e->title != NULL ? " " : "",
                                            continued ? "（续）" : "");
  double top = y;

  jp_print_text (print, JP_PRINT_SONG, 15, w / 2, y + 22, JP_ALIGN_CENTER, title);
  jp_print_text (print, JP_PRINT_SONG, 10.5, x, y + 46, JP_ALIGN_LEFT, heading);
  jp_print_text (print, JP_PRINT_SONG, 10.5, x + tw, y + 46, JP_ALIGN_RIGHT, serial_text);
  jp_print_text (print, JP_PRINT_SONG, 12, w / 2, y + 70, JP_ALIGN_CENTER, rule);
  jp_print_text (print, JP_PRINT_SONG, 9, w / 2, y + 88, JP_ALIGN_CENTER,
                 "请在同意的候选人编号右侧圆圈内划“√”，不划视为不同意");
  y += 96;
  {
    const char *head[] = { "序号", "候选人编号", "表决" };
    double cx = x;

    for (guint c = 0; c < 3; c++)
      {
        jp_print_rect (print, cx, y, cols[c], BALLOT_ROW - 2, 0.6);
        jp_print_text (print, JP_PRINT_SONG, 10.5, cx + cols[c] / 2, y + 15, JP_ALIGN_CENTER,
                       head[c]);
        cx += cols[c];
      }
    y += BALLOT_ROW - 2;
  }
  for (guint i = from; i < to; i++)
    {
      JpRoundCandidate *rc = g_ptr_array_index (round->candidates, i);
      g_autofree char *pos = g_strdup_printf ("%u", i + 1);
      double cx = x;

      for (guint c = 0; c < 3; c++)
        {
          jp_print_rect (print, cx, y, cols[c], BALLOT_ROW, 0.6);
          cx += cols[c];
        }
      jp_print_text (print, JP_PRINT_SONG, 11, x + cols[0] / 2, y + 16, JP_ALIGN_CENTER, pos);
      jp_print_text (print, JP_PRINT_SONG, 13, x + cols[0] + cols[1] / 2, y + 17,
                     JP_ALIGN_CENTER, rc->code);
      jp_print_circle (print, x + cols[0] + cols[1] + cols[2] / 2, y + BALLOT_ROW / 2, 7.5,
                       0.8);
      y += BALLOT_ROW;
    }
  if (to < round->candidates->len)
    jp_print_text (print, JP_PRINT_SONG, 9, x + tw, y + 14, JP_ALIGN_RIGHT,
                   "（接下页）");
  (void) top;
  return y + BALLOT_FOOT;
}

gboolean
jp_print_build_ballot_papers (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  const JpDocumentOptions *options = jp_print_get_options (print);
  g_autoptr(JpRound) round = jp_print_scope_ballot_round (print, scope, error);
  g_autofree char *title = NULL;
  guint copies, per_page, n, rows_first, rows_more;
  double page_h = JP_PDF_A4_HEIGHT, body = page_h - 2 * 40;

  if (round == NULL)
    return FALSE;
  n = round->candidates != NULL ? round->candidates->len : 0;
  if (n == 0)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                   _("Round %lld has no candidates: the candidate list must "
                     "be frozen and the round drawn first."), (long long) round->id);
      return FALSE;
    }
  copies = options->ballot_copies;
  if (copies == 0)
    {
      g_autoptr(GPtrArray) panel = jp_store_round_panel (jp_print_get_store (print), round->id,
                                                         error);

      if (panel == NULL)
        return FALSE;
      copies = MAX (panel->len, (guint) MAX (round->present, 1));
    }
  per_page = options->ballot_per_page;
  if (per_page == 0 || per_page > 2)
    per_page = BALLOT_HEAD + n * BALLOT_ROW + BALLOT_FOOT <= body / 2 ? 2 : 1;
  if (per_page == 2 && BALLOT_HEAD + n * BALLOT_ROW + BALLOT_FOOT > body / 2)
    per_page = 1;
  rows_first = (guint) ((body - BALLOT_HEAD - BALLOT_FOOT) / BALLOT_ROW);
  rows_more = rows_first;

  title = g_strdup_printf ("选票 %s 第 %d 轮", or_empty (round->trade_name), round->number);
  jp_print_set_title (print, title);
  jp_print_set_page_numbers (print, FALSE);
  jp_print_set_subject (print, "选票", NULL);
  for (guint s = 0; s < copies; s++)
    {
      if (per_page == 2)
        {
          double y = s % 2 == 0 ? 40 : page_h / 2 + 10;

          if (s % 2 == 0)
            jp_print_add_page (print, FALSE);
          else
            {
              /* a dashed cut line between the two papers */
              HPDF_Page page = jp_print_page (print);

              HPDF_Page_SetDash (page, (const HPDF_UINT16[]) { 4, 3 }, 2, 0);
              jp_print_line (print, 30, page_h / 2, JP_PDF_A4_WIDTH - 30, page_h / 2, 0.5);
              HPDF_Page_SetDash (page, NULL, 0, 0);
            }
          ballot_part (print, round, s + 1, 0, n, y, FALSE);
        }
      else
        {
          guint from = 0;

          while (from < n)
            {
              guint rows = from == 0 ? rows_first : rows_more;
              guint to = MIN (n, from + rows);

              jp_print_add_page (print, FALSE);
              ballot_part (print, round, s + 1, from, to, 40, from > 0);
              from = to;
            }
        }
      if (!jp_print_check (print, error))
        return FALSE;
      jp_print_progress (print, s + 1, copies);
    }
  return TRUE;
}

/* ---- 公示 ---- */

static gint
compare_strokes (gconstpointer a, gconstpointer b, gpointer data)
{
  const JpPublicityCandidate *x = *(JpPublicityCandidate *const *) a;
  const JpPublicityCandidate *y = *(JpPublicityCandidate *const *) b;
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = ucol_strcollUTF8 (data, x->name != NULL ? x->name : "", -1,
                                         y->name != NULL ? y->name : "", -1, &status);

  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

/* Sorts the candidates (JpPublicityCandidate*) by their names in the stroke order of the
 * surname (按姓氏笔画排序) with ICU's collator zh@collation=stroke; equal names keep their
 * place on the list (the sort is stable). */
gboolean
jp_print_sort_by_strokes (GPtrArray *candidates, GError **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *coll = ucol_open ("zh@collation=stroke", &status);

  if (U_FAILURE (status) || coll == NULL)
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_FAILED,
                   _("The stroke order of Chinese names is not available (ICU: %s)."),
                   u_errorName (status));
      if (coll != NULL)
        ucol_close (coll);
      return FALSE;
    }
  g_ptr_array_sort_with_data (candidates, compare_strokes, coll);
  ucol_close (coll);
  return TRUE;
}

/* NULL, empty or only blanks */
static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static double
publicity_text (JpPrint *print, double y, const char *text, double indent)
{
  double x = JP_PRINT_MARGIN;
  double W = JP_PDF_A4_WIDTH - 2 * JP_PRINT_MARGIN;
  g_auto(GStrv) lines = jp_print_wrap (print, JP_PRINT_SONG, 12, W - indent, text);

  for (guint i = 0; lines[i] != NULL; i++, y += 20)
    {
      if (y + 20 > jp_print_body_bottom (print))
        {
          jp_print_add_page (print, FALSE);
          y = 72;
        }
      jp_print_text (print, JP_PRINT_SONG, 12, x + (i == 0 ? indent : 0), y, JP_ALIGN_LEFT,
                     lines[i]);
    }
  return y;
}

gboolean
jp_print_build_publicity (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  const JpElection *e = jp_print_get_election (print);
  g_autoptr(JpPublicity) pub = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const JpSettings *settings = jp_print_get_settings (print);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL, *intro = NULL, *period = NULL;
  double x = JP_PRINT_MARGIN;
  double W = JP_PDF_A4_WIDTH - 2 * JP_PRINT_MARGIN;
  const char *award = e->award != NULL && *e->award != '\0' ? e->award : "工匠";
  const char *organiser = or_empty (e->organiser);
  double y;

  pub = jp_store_get_publicity (store, error);
  if (pub == NULL)
    return FALSE;
  if (!pub->started)
    {
      g_set_error_literal (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                           _("The publicity notice cannot be printed yet: the ranking must be "
                             "sealed and the publicity period set first."));
      return FALSE;
    }
  /* a notice nobody can be reached through is useless: the contact is required */
  if (is_blank (settings->contact_person) || is_blank (settings->contact_phone))
    {
      g_set_error_literal (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                           _("The publicity notice cannot be printed without a contact: fill "
                             "in the contact person and the contact phone of the publicity "
                             "office in Settings › Publicity (jiangping-cli settings --set "
                             "publicity.contact_person=NAME --set "
                             "publicity.contact_phone=NUMBER)."));
      return FALSE;
    }
  if (*organiser == '\0')
    {
      g_set_error_literal (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                           _("The publicity notice cannot be printed without its issuer: fill "
                             "in the organiser in Settings › Election."));
      return FALSE;
    }
  {
    int yy, mm, dd;

    if (jp_print_get_options (print)->date == 0 && pub->start != NULL
        && sscanf (pub->start, "%d-%d-%d", &yy, &mm, &dd) == 3)
      date = g_strdup_printf ("%d年%d月%d日", yy, mm, dd);
    else
      date = jp_print_date_text (print);
  }
  list = g_ptr_array_new ();
  for (guint i = 0; i < pub->candidates->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (pub->candidates, i));
  if (!jp_print_sort_by_strokes (list, error))
    return FALSE;

  title = g_strdup_printf ("关于%d年度“%s”拟表彰人选的公示", e->year, award);
  jp_print_set_title (print, title);
  jp_print_set_subject (print, "公示", NULL);
  jp_print_add_page (print, FALSE);
  jp_print_text (print, JP_PRINT_SONG, 18, JP_PDF_A4_WIDTH / 2, 84, JP_ALIGN_CENTER, title);
  intro = g_strdup_printf ("经推荐、审核、评审委员会评审，拟确定以下 %u 名同志为%d年度“%s”人选，"
                           "现予公示（按姓氏笔画排序）。", list->len, e->year, award);
  y = publicity_text (print, 124, intro, 24) + 12;
  {
    const double w4[] = { 40, 90, W - 40 - 90 - 90, 90 };
    const char *head[] = { "序号", "姓名", "推荐单位", "行业组" };
    g_autoptr(JpPrintTable) t = jp_print_table_new (print, x, y, 4, w4, 11);

    jp_print_table_set_align (t, 0, JP_ALIGN_CENTER);
    jp_print_table_set_align (t, 1, JP_ALIGN_CENTER);
    jp_print_table_set_align (t, 3, JP_ALIGN_CENTER);
    jp_print_table_set_header (t, head);
    for (guint i = 0; i < list->len; i++)
      {
        JpPublicityCandidate *c = g_ptr_array_index (list, i);
        g_autofree char *n = g_strdup_printf ("%u", i + 1);
        const char *row[] = { n, or_empty (c->name), or_empty (c->unit), or_empty (c->trade) };

        jp_print_set_subject (print, "姓名", c->name);
        jp_print_table_add_row (t, row, FALSE, 0);
      }
    y = jp_print_table_get_y (t) + 28;
  }
  jp_print_set_subject (print, "公示", NULL);
  period = g_strdup_printf ("公示时间：%s 至 %s（%u 个工作日）。", or_empty (pub->start),
                            or_empty (pub->end), pub->working_days);
  y = publicity_text (print, y, period, 24) + 20;
  y = publicity_text (print, y,
                      "公示期间，如对公示人选有异议，可通过来信、来电或来访等方式向"
                      "评审委员会办公室反映。反映情况应实事求是、客观公正；以单位名义反映的须"
                      "加盖单位公章，以个人名义反映的须署真实姓名，并提供联系方式，以便核实。"
                      "匿名反映的不予受理。", 24) + 20;
  {
    g_autofree char *contact = g_strdup_printf ("联系人：%s　联系电话：%s",
                                                settings->contact_person,
                                                settings->contact_phone);

    jp_print_set_subject (print, "联系人", NULL);
    y = publicity_text (print, y, contact, 24) + 20;
    if (!is_blank (settings->contact_address))
      {
        g_autofree char *address = g_strdup_printf ("通讯地址：%s", settings->contact_address);

        jp_print_set_subject (print, "通讯地址", NULL);
        y = publicity_text (print, y, address, 24) + 20;
      }
    y += 28;
  }
  jp_print_set_subject (print, "发布单位", NULL);
  if (y + 60 > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, FALSE);
      y = 96;
    }
  /* issuer and date under it, right-aligned; the date is the day the notice is published
   * (the first day of the period) unless the caller gives one */
  jp_print_text (print, JP_PRINT_SONG, 12, x + W, y, JP_ALIGN_RIGHT, organiser);
  jp_print_text (print, JP_PRINT_SONG, 12, x + W, y + 24, JP_ALIGN_RIGHT, date);
  return jp_print_check (print, error);
}

/* ---- 综合排名报告 ---- */

static char *
hundredths (gint64 v)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", v < 0 ? "-" : "", ABS (v) / 100,
                          (int) (ABS (v) % 100));
}

gboolean
jp_print_build_ranking_report (JpPrint *print, const JpDocumentScope *scope, GError **error)
{
  JpStore *store = jp_print_get_store (print);
  const JpElection *e = jp_print_get_election (print);
  g_autoptr(JpRanking) ranking = NULL;
  g_autoptr(JpTrade) trade = NULL;
  g_autofree char *date = jp_print_date_text (print);
  g_autoptr(GString) recommended = g_string_new (NULL);
  g_autoptr(GString) adjustments = g_string_new (NULL);
  double x = JP_PRINT_MARGIN;
  double W = JP_PDF_A4_WIDTH - 2 * JP_PRINT_MARGIN;
  double y;

  if (!jp_store_ranking_is_sealed (store, NULL, NULL))
    {
      g_set_error_literal (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
                           _("The ranking report cannot be printed yet: the ranking must be "
                             "sealed first."));
      return FALSE;
    }
  if (scope->kind == JP_DOCUMENT_SCOPE_TRADE)
    {
      trade = scope->trade != NULL ? jp_store_find_trade (store, scope->trade) : NULL;
      if (trade == NULL)
        {
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_FOUND,
                       _("There is no trade “%s”."), or_empty (scope->trade));
          return FALSE;
        }
    }
  ranking = jp_store_compute_ranking (store, error);
  if (ranking == NULL)
    return FALSE;

  jp_print_set_title (print, "综合排名报告");
  jp_print_set_subject (print, "综合排名报告", NULL);
  jp_print_add_page (print, FALSE);
  jp_print_text (print, JP_PRINT_SONG, 12, JP_PDF_A4_WIDTH / 2, 64, JP_ALIGN_CENTER,
                 or_empty (e->title));
  jp_print_text (print, JP_PRINT_SONG, 18, JP_PDF_A4_WIDTH / 2, 94, JP_ALIGN_CENTER,
                 "综合排名报告");
  {
    g_autofree char *w = g_strdup_printf ("权重：投票 V %d%%，线上点赞 O %d%%，答辩 D %d%%；"
                                          "推荐名额 %d 名。综合得分 C = wV·V + wO·O + wD·D。",
                                          ranking->weight_v, ranking->weight_o,
                                          ranking->weight_d, ranking->quota);
    g_auto(GStrv) lines = jp_print_wrap (print, JP_PRINT_SONG, 10.5, W, w);

    y = 124;
    for (guint i = 0; lines[i] != NULL; i++, y += 16)
      jp_print_text (print, JP_PRINT_SONG, 10.5, x, y, JP_ALIGN_LEFT, lines[i]);
    y += 4;
  }
  {
    const double w8[] = { 44, 80, 70, 56, 56, 56, 64, W - 426 };
    const char *head[] = { "名次", "编号", "行业组", "V", "O", "D", "C", "推荐" };
    g_autoptr(JpPrintTable) t = jp_print_table_new (print, x, y, 8, w8, 10);

    for (guint i = 0; i < 8; i++)
      jp_print_table_set_align (t, i, JP_ALIGN_CENTER);
    jp_print_table_set_header (t, head);
    for (guint i = 0; i < ranking->candidates->len; i++)
      {
        JpRankedCandidate *r = g_ptr_array_index (ranking->candidates, i);
        g_autofree char *rank = g_strdup_printf ("%d", r->rank);
        g_autofree char *v = hundredths (r->v), *o = hundredths (r->o), *d = hundredths (r->d);
        g_autofree char *c = hundredths (r->c);
        const char *in = r->recommended ? (r->adjustment > 0 ? "是（调整）" : "是")
                                        : (r->adjustment < 0 ? "否（调整）" : "否");
        const char *row[] = { rank, r->code, r->trade, v, o, d, c, in };

        if (trade != NULL && g_strcmp0 (r->trade, trade->code) != 0
            && g_strcmp0 (r->trade, trade->name) != 0)
          continue;
        jp_print_table_add_row (t, row, FALSE, 0);
        if (r->recommended)
          g_string_append_printf (recommended, "%s%s", recommended->len > 0 ? "、" : "",
                                  r->code);
        if (r->adjustment != 0)
          g_string_append_printf (adjustments, "%s %s：%s\n", r->code,
                                  r->adjustment > 0 ? "调入推荐名单" : "调出推荐名单",
                                  or_empty (r->adjustment_reason));
      }
    y = jp_print_table_get_y (t) + 20;
  }
  {
    g_autofree char *rec = g_strdup_printf ("推荐名单（%u 名）：%s", ranking->n_recommended,
                                            recommended->len > 0 ? recommended->str : "无");
    g_autofree char *adj = g_strdup_printf ("主任委员调整及理由：%s",
                                            adjustments->len > 0 ? "\n" : "无");
    g_autofree char *all = g_strdup_printf ("%s\n%s%s", rec, adj, adjustments->str);
    g_auto(GStrv) lines = jp_print_wrap (print, JP_PRINT_SONG, 10.5, W, all);

    for (guint i = 0; lines[i] != NULL; i++, y += 16)
      {
        if (y + 16 > jp_print_body_bottom (print))
          {
            jp_print_add_page (print, FALSE);
            y = 72;
          }
        jp_print_text (print, JP_PRINT_SONG, 10.5, x, y, JP_ALIGN_LEFT, lines[i]);
      }
  }
  if (y + 80 > jp_print_body_bottom (print))
    {
      jp_print_add_page (print, FALSE);
      y = 72;
    }
  y += 16;
  jp_print_text (print, JP_PRINT_SONG, 9, x, y, JP_ALIGN_LEFT,
                 "排名摘要（SHA-256，封存时计算）：");
  jp_print_text (print, JP_PRINT_SONG, 9, x, y + 14, JP_ALIGN_LEFT, or_empty (ranking->digest));
  jp_print_text (print, JP_PRINT_SONG, 10.5, x + W, y + 44, JP_ALIGN_RIGHT, date);
  return jp_print_check (print, error);
}
