/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "jp-pdf-private.h"

/* Fictional evidence documents for the demo election. Their content is sample data, not
 * interface text, so it is written in Chinese directly and not translated. */

#define W JP_PDF_A4_WIDTH
#define H JP_PDF_A4_HEIGHT
#define MARGIN 72.0

typedef struct {
  JpPdf        *pdf;
  HPDF_Font     font;
  JpDemoDocKind kind;
  const char   *name;
  const char   *unit;
  const char   *title;
  const char   *issuer;
  int           year;
  int           pages;
  guint32       hash;
} Ctx;

/* FNV-1a over the arguments: the numbers printed on a document depend only on them. */
static guint32
fnv1a (guint32 h, const char *s)
{
  for (; s != NULL && *s != '\0'; s++)
    {
      h ^= (guchar) *s;
      h *= 16777619u;
    }
  h ^= 0xff;
  h *= 16777619u;
  return h;
}

static const char *const cn_months[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
};

static void
set_red (HPDF_Page page)
{
  HPDF_Page_SetRGBFill (page, 0.78, 0.08, 0.08);
  HPDF_Page_SetRGBStroke (page, 0.78, 0.08, 0.08);
}

static void
set_black (HPDF_Page page)
{
  HPDF_Page_SetRGBFill (page, 0, 0, 0);
  HPDF_Page_SetRGBStroke (page, 0, 0, 0);
}

static void
draw_border (HPDF_Page page)
{
  HPDF_Page_SetRGBStroke (page, 0.72, 0.52, 0.12);
  HPDF_Page_SetLineWidth (page, 4);
  HPDF_Page_Rectangle (page, 36, 36, W - 72, H - 72);
  HPDF_Page_Stroke (page);
  HPDF_Page_SetLineWidth (page, 1);
  HPDF_Page_Rectangle (page, 46, 46, W - 92, H - 92);
  HPDF_Page_Stroke (page);
  /* corner ornaments */
  for (int i = 0; i < 4; i++)
    {
      double x = (i & 1) ? W - 46 : 46, y = (i & 2) ? H - 46 : 46;
      double dx = (i & 1) ? -24 : 24, dy = (i & 2) ? -24 : 24;

      HPDF_Page_MoveTo (page, x + dx, y);
      HPDF_Page_LineTo (page, x + dx, y + dy);
      HPDF_Page_LineTo (page, x, y + dy);
      HPDF_Page_Stroke (page);
    }
  set_black (page);
}

/* A round red seal with a star and the issuer's name along the upper arc. */
static void
draw_seal (Ctx *ctx, HPDF_Page page, double cx, double cy, const char *issuer)
{
  const double r = 48;
  glong n = g_utf8_strlen (issuer, -1);
  double span = MIN (4.2, 0.22 * n), step = n > 1 ? span / (n - 1) : 0;
  const char *p = issuer;

  set_red (page);
  HPDF_Page_SetLineWidth (page, 2.5);
  HPDF_Page_Circle (page, cx, cy, r);
  HPDF_Page_Stroke (page);
  for (int i = 0; i < 10; i++)
    {
      double a = G_PI / 2 + i * G_PI / 5, rr = (i % 2) ? 6.5 : 16;

      if (i == 0)
        HPDF_Page_MoveTo (page, cx + rr * cos (a), cy + rr * sin (a));
      else
        HPDF_Page_LineTo (page, cx + rr * cos (a), cy + rr * sin (a));
    }
  HPDF_Page_ClosePath (page);
  HPDF_Page_Fill (page);

  for (glong i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };
      double a = G_PI / 2 + span / 2 - i * step;
      double rr = r - 14;

      g_utf8_strncpy (ch, p, 1);
      jp_pdf_text_rotated (ctx->pdf, page, ctx->font, 10,
                           cx + rr * cos (a) - 5 * sin (a), cy + rr * sin (a) + 5 * cos (a) - 5,
                           a - G_PI / 2, ch);
    }
  set_black (page);
}

static void
draw_footer (Ctx *ctx, HPDF_Page page, int number)
{
  g_autofree char *footer = NULL;

  HPDF_Page_SetRGBFill (page, 0.45, 0.45, 0.45);
  if (ctx->pages > 1)
    footer = g_strdup_printf ("第 %d 页 共 %d 页　　演示数据：人物与单位均为虚构，仅供测试",
                              number, ctx->pages);
  else
    footer = g_strdup ("演示数据：人物与单位均为虚构，仅供测试");
  jp_pdf_text_centered (ctx->pdf, page, ctx->font, 8, W / 2, 54, footer);
  set_black (page);
}

/* One line that must stay whole (so that text extraction finds it), shrunk to fit. */
static void
draw_field (Ctx *ctx, HPDF_Page page, double size, double x, double y, double width,
            const char *label, const char *value)
{
  g_autofree char *line = g_strconcat (label, value, NULL);
  double w = jp_pdf_measure (ctx->pdf, ctx->font, size, line);

  if (w > width)
    size = size * width / w;
  jp_pdf_text (ctx->pdf, page, ctx->font, size, x, y, line);
}

static void
draw_issuer_block (Ctx *ctx, HPDF_Page page, double y, int month)
{
  g_autofree char *date = g_strdup_printf ("%d年%s月", ctx->year, cn_months[(month - 1) % 12]);
  double right = W - 100;

  jp_pdf_text_right (ctx->pdf, page, ctx->font, 16, right, y, ctx->issuer);
  jp_pdf_text_right (ctx->pdf, page, ctx->font, 16, right, y - 28, date);
  draw_seal (ctx, page, right - jp_pdf_measure (ctx->pdf, ctx->font, 16, ctx->issuer) / 2,
             y - 6, ctx->issuer);
}

static void
draw_honour (Ctx *ctx, HPDF_Page page)
{
  g_autofree char *body = NULL;
  g_autofree char *number = g_strdup_printf ("BTRY-%d-%04u", ctx->year, ctx->hash % 10000);

  draw_border (page);
  set_red (page);
  jp_pdf_text_centered (ctx->pdf, page, ctx->font, 44, W / 2, H - 190, "荣　誉　证　书");
  set_black (page);
  draw_field (ctx, page, 20, 96, H - 290, W - 192, "", ctx->name);
  jp_pdf_text (ctx->pdf, page, ctx->font, 20,
               96 + jp_pdf_measure (ctx->pdf, ctx->font, 20, ctx->name) + 6, H - 290, "同志：");
  body = g_strdup_printf ("你在%d年度工作中爱岗敬业、勇于创新，成绩突出，被评为“%s”。"
                          "\n特发此证，以资鼓励。", ctx->year, ctx->title);
  jp_pdf_paragraph (ctx->pdf, page, ctx->font, 18, 34, 96, H - 320, W - 192, 36, 300, body,
                    NULL);
  draw_field (ctx, page, 16, 96, H - 470, W - 192, "工作单位：", ctx->unit);
  draw_issuer_block (ctx, page, 250, 12);
  draw_field (ctx, page, 10, 96, 120, 300, "证书编号：", number);
}

static void
draw_competition (Ctx *ctx, HPDF_Page page)
{
  g_autofree char *body = NULL;
  g_autofree char *number = g_strdup_printf ("BTJS-%d-%04u", ctx->year, ctx->hash % 10000);

  draw_border (page);
  set_red (page);
  jp_pdf_text_centered (ctx->pdf, page, ctx->font, 44, W / 2, H - 190, "获　奖　证　书");
  set_black (page);
  draw_field (ctx, page, 20, 96, H - 290, W - 192, "", ctx->name);
  jp_pdf_text (ctx->pdf, page, ctx->font, 20,
               96 + jp_pdf_measure (ctx->pdf, ctx->font, 20, ctx->name) + 6, H - 290, "同志：");
  body = g_strdup_printf ("在%s中，技艺精湛、成绩优异，荣获%s。\n特发此证，以资鼓励。",
                          ctx->title,
                          (ctx->hash % 3 == 0) ? "第一名" : (ctx->hash % 3 == 1)
                          ? "一等奖" : "二等奖");
  jp_pdf_paragraph (ctx->pdf, page, ctx->font, 18, 34, 96, H - 320, W - 192, 36, 300, body,
                    NULL);
  draw_field (ctx, page, 16, 96, H - 500, W - 192, "参赛单位：", ctx->unit);
  draw_issuer_block (ctx, page, 250, 10);
  draw_field (ctx, page, 10, 96, 120, 300, "证书编号：", number);
}

static gboolean
patent_is_invention (Ctx *ctx)
{
  return (ctx->hash >> 3) % 2 == 0;
}

static void
draw_patent (Ctx *ctx, HPDF_Page page)
{
  gboolean invention = patent_is_invention (ctx);
  guint32 serial = 1000000 + ctx->hash % 8999999;
  g_autofree char *number = NULL;
  g_autofree char *certificate = g_strdup_printf ("证书号第%u号", 3000000 + ctx->hash % 999999);
  g_autofree char *filed = NULL;
  g_autofree char *granted = NULL;
  g_autofree char *body = NULL;
  double y = H - 300;

  number = g_strdup_printf ("ZL%d%d%07u.%u", ctx->year - 2, invention ? 1 : 2, serial,
                            serial % 10);
  filed = g_strdup_printf ("%d年%u月%u日", ctx->year - 2, 1 + ctx->hash % 12,
                           1 + (ctx->hash >> 8) % 28);
  granted = g_strdup_printf ("%d年%u月%u日", ctx->year, 1 + (ctx->hash >> 4) % 9,
                             1 + (ctx->hash >> 12) % 28);

  draw_border (page);
  jp_pdf_text_centered (ctx->pdf, page, ctx->font, 36, W / 2, H - 160,
                        invention ? "发明专利证书" : "实用新型专利证书");
  jp_pdf_text_centered (ctx->pdf, page, ctx->font, 12, W / 2, H - 200, certificate);

  y -= jp_pdf_paragraph (ctx->pdf, page, ctx->font, 15, 26, 96, y + 15,
                         W - 192, 0, 100, invention ? "发明名称：" : "实用新型名称：", NULL);
  y -= jp_pdf_paragraph (ctx->pdf, page, ctx->font, 15, 26, 126, y + 15, W - 222, 0, 100,
                         ctx->title, NULL);
  draw_field (ctx, page, 15, 96, y, W - 192, invention ? "发明人：" : "设计人：", ctx->name);
  draw_field (ctx, page, 15, 96, y - 30, W - 192, "专利号：", number);
  draw_field (ctx, page, 15, 96, y - 60, W - 192, "专利申请日：", filed);
  draw_field (ctx, page, 15, 96, y - 90, W - 192, "专利权人：", ctx->unit);
  draw_field (ctx, page, 15, 96, y - 120, W - 192, "授权公告日：", granted);

  body = g_strdup_printf ("本%s经过本局依照专利法进行审查，决定授予专利权，颁发本证书并在专利"
                          "登记簿上予以登记。专利权自授权公告之日起生效。专利权期限为%s年，"
                          "自申请日起算。",
                          invention ? "发明" : "实用新型", invention ? "二十" : "十");
  jp_pdf_paragraph (ctx->pdf, page, ctx->font, 13, 24, 96, y - 150, W - 192, 26, 200, body,
                    NULL);
  draw_issuer_block (ctx, page, 190, 1 + (ctx->hash >> 4) % 9);
}

static void
draw_no_record (Ctx *ctx, HPDF_Page page)
{
  g_autofree char *number = g_strdup_printf ("编号：证明〔%d〕%04u号", ctx->year,
                                             ctx->hash % 10000);
  g_autofree char *body = NULL;
  guint month = 1 + ctx->hash % 2, day = 10 + (ctx->hash >> 5) % 18;

  jp_pdf_text_centered (ctx->pdf, page, ctx->font, 28, W / 2, H - 150, "无违法犯罪记录证明");
  jp_pdf_text_right (ctx->pdf, page, ctx->font, 11, W - MARGIN, H - 190, number);
  draw_field (ctx, page, 15, MARGIN, H - 240, W - 2 * MARGIN, "姓名：", ctx->name);
  draw_field (ctx, page, 15, MARGIN, H - 270, W - 2 * MARGIN, "工作单位：", ctx->unit);
  draw_field (ctx, page, 15, MARGIN, H - 300, W - 2 * MARGIN, "用途：", ctx->title);
  body = g_strdup_printf ("经查询公安机关违法犯罪人员信息系统，截至%d年%u月%u日，上述人员在本"
                          "辖区内无违法犯罪记录。\n特此证明。\n（本证明有效期三个月，仅用于"
                          "上述用途，复印无效。）", ctx->year, month, day);
  jp_pdf_paragraph (ctx->pdf, page, ctx->font, 15, 30, MARGIN, H - 330, W - 2 * MARGIN, 30,
                    300, body, NULL);
  draw_issuer_block (ctx, page, 330, month);
  jp_pdf_text (ctx->pdf, page, ctx->font, 11, MARGIN, 140,
               "经办民警：＿＿＿＿　　联系电话：0472-0000000（虚构）");
}

static const char *const body_sentences[] = {
  "{N}同志长期扎根生产一线，围绕{T}开展技术攻关，坚持在实践中发现问题、在钻研中解决问题。",
  "项目实施前，{U}相关工序存在能耗偏高、质量波动大、人工干预频繁等突出问题，制约了产能提升。",
  "针对上述问题，{N}带领班组成员反复试验，累计记录工艺数据三千余组，逐项分析影响因素。",
  "通过优化关键参数和改进工装结构，产品一次合格率由百分之九十一提高到百分之九十八以上。",
  "该成果在{U}推广应用后，年节约生产成本约一百二十万元，减少停机时间四百余小时。",
  "在具体实施过程中，首先对原有设备进行测绘和状态评估，建立设备运行台账和故障档案。",
  "其次，结合现场条件设计了便于拆装的辅助夹具，使操作人员能够在更短时间内完成调整。",
  "再次，编制了标准化作业指导书，将经验做法转化为可复制、可推广的操作规范。",
  "{N}注重传帮带，以“师带徒”方式先后培养技术骨干十余名，其中多人取得技师以上职业资格。",
  "相关做法经{U}技术委员会评审，认为方案合理、数据可靠、效益明显，具有推广价值。",
  "下一步，将继续围绕安全、质量、效率三个方面深化改进，推动成果在同类岗位应用。",
  "以上内容经本单位核实无误，相关原始记录存档备查。",
};

static char *
body_paragraph (Ctx *ctx, guint seed)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = G_N_ELEMENTS (body_sentences);

  for (guint i = 0; i < 4; i++)
    g_string_append (s, body_sentences[(seed + i * 5 + ctx->hash) % n]);
  g_string_replace (s, "{N}", ctx->name, 0);
  g_string_replace (s, "{U}", ctx->unit, 0);
  g_string_replace (s, "{T}", ctx->title, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
draw_body_page (Ctx *ctx, HPDF_Page page, int number)
{
  static const char *const headings[] = {
    "一、技术领域", "二、背景技术", "三、主要内容", "四、具体实施方式", "五、应用效果",
  };
  const char *heading;
  double y = H - 90;
  guint seed = number * 7;

  if (ctx->kind == JP_DEMO_DOC_PATENT)
    heading = number == 2 ? "说　明　书" : "说　明　书（续）";
  else if (ctx->kind == JP_DEMO_DOC_NO_CRIMINAL_RECORD)
    heading = "附：查询情况说明";
  else
    heading = "附：主要事迹及获奖情况说明";
  jp_pdf_text_centered (ctx->pdf, page, ctx->font, 18, W / 2, y, heading);
  y -= 24;
  draw_field (ctx, page, 11, MARGIN, y, W - 2 * MARGIN, "所涉人员：", ctx->name);
  draw_field (ctx, page, 11, MARGIN, y - 18, W - 2 * MARGIN, "所在单位：", ctx->unit);
  y -= 50;

  while (y > 110)
    {
      g_autofree char *text = body_paragraph (ctx, seed++);
      g_autofree char *rest = NULL;

      if (seed % 3 == 0)
        {
          jp_pdf_text (ctx->pdf, page, ctx->font, 13, MARGIN, y - 13,
                       headings[(seed / 3 + number) % G_N_ELEMENTS (headings)]);
          y -= 26;
        }
      y -= jp_pdf_paragraph (ctx->pdf, page, ctx->font, 12, 21, MARGIN, y, W - 2 * MARGIN, 24,
                             90, text, &rest);
      y -= 8;
      if (rest != NULL)
        break;
    }
  draw_footer (ctx, page, number);
}

static GBytes *
render (JpPdfTextEncoding encoding, Ctx *ctx, GError **error)
{
  g_autoptr(JpPdf) pdf = jp_pdf_new (encoding, error);

  if (pdf == NULL)
    return NULL;
  ctx->pdf = pdf;
  ctx->font = jp_pdf_get_font (pdf, JP_FONT_SONG, error);
  if (ctx->font == NULL)
    return NULL;

  for (int i = 1; i <= ctx->pages; i++)
    {
      HPDF_Page page = jp_pdf_add_page (pdf, FALSE);

      if (i > 1)
        {
          draw_body_page (ctx, page, i);
          continue;
        }
      switch (ctx->kind)
        {
        case JP_DEMO_DOC_HONOUR:
          draw_honour (ctx, page);
          break;
        case JP_DEMO_DOC_COMPETITION:
          draw_competition (ctx, page);
          break;
        case JP_DEMO_DOC_PATENT:
          draw_patent (ctx, page);
          break;
        case JP_DEMO_DOC_NO_CRIMINAL_RECORD:
        default:
          draw_no_record (ctx, page);
          break;
        }
      draw_footer (ctx, page, 1);
    }
  return jp_pdf_save (pdf, error);
}

/**
 * jp_pdf_demo_evidence:
 * See jp-pdf.h. Returns new bytes, NULL with a JP_DOCUMENTS_ERROR.
 */
GBytes *
jp_pdf_demo_evidence (JpDemoDocKind  kind,
                      const char    *holder_name,
                      const char    *holder_unit,
                      const char    *title,
                      const char    *issuer,
                      int            year,
                      int            pages,
                      GError       **error)
{
  Ctx ctx = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *year_s = g_strdup_printf ("%d/%d/%d", kind, year, pages);
  GBytes *bytes;

  g_return_val_if_fail (holder_name != NULL && holder_unit != NULL, NULL);
  g_return_val_if_fail (title != NULL && issuer != NULL, NULL);
  g_return_val_if_fail (pages >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ctx.kind = kind;
  ctx.name = holder_name;
  ctx.unit = holder_unit;
  ctx.title = title;
  ctx.issuer = issuer;
  ctx.year = year;
  ctx.pages = pages;
  ctx.hash = fnv1a (fnv1a (fnv1a (fnv1a (2166136261u, holder_name), holder_unit), title),
                    year_s);

  /* GB 2312 is eight times faster to set up in libharu; text outside it (a rare character
   * in a name) falls back to the UTF-8 encoder. */
  bytes = render (JP_PDF_TEXT_GB2312, &ctx, &local_error);
  if (bytes == NULL && g_error_matches (local_error, JP_DOCUMENTS_ERROR,
                                        JP_DOCUMENTS_ERROR_FAILED))
    {
      g_clear_error (&local_error);
      bytes = render (JP_PDF_TEXT_UTF8, &ctx, &local_error);
    }
  if (bytes == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}
