/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-anon"

#include "config.h"

#include <string.h>

#include "jp-anon-terms.h"

/* The rule is described for people in docs/anonymisation.md. */

/* Shorter terms are never burnt: one character would black out half a page. */
#define MIN_TERM_CHARS 2

/* ---- the lists ---- */

/* Compound surnames (复姓) of the 百家姓 and those still in use. */
static const char *const compound_surnames[] = {
  "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
  "宇文", "司徒", "司空", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "钟离", "呼延",
  "百里", "东郭", "濮阳", "淳于", "单于", "太史", "申屠", "万俟", "闻人", "赫连", "澹台",
  "公羊", "公冶", "宗政", "太叔", "仲孙", "鲜于", "闾丘", "子车", "亓官", "司寇", "巫马",
  "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "段干",
  "南门", "羊舌", "微生", "梁丘", "左丘", "东门", "第五", "公户", "公仪", "即墨", "达奚",
  "褚师", "呼衍", "贺兰", "完颜", "纳兰", "爱新",
};

/* Words of the form "X工" that are everyday words (trades, work, industry): when a surname
 * plus 工 is one of them the form says nothing about the person and is not burnt. */
static const char *const common_gong_words[] = {
  "施工", "车工", "金工", "石工", "陶工", "包工", "高工", "万工", "武工", "童工", "木工",
  "漆工", "员工", "农工", "华工", "重工", "管工", "文工", "水工", "军工", "长工", "上工",
  "开工", "化工", "民工", "义工", "招工", "青工", "瓦工", "钳工", "焊工", "电工", "技工",
  "职工", "女工", "手工", "人工", "分工", "加工", "完工", "复工", "用工", "社工", "美工",
  "帮工", "监工", "矿工", "理工", "轻工", "特工", "船工", "泥工", "杂工", "零工", "勤工",
  "雇工", "热工", "机工", "商工", "党工", "铸工", "铆工", "钣工", "窑工", "纺工", "油工",
};

/* Places that open a unit's name: provinces and autonomous regions, the leagues and cities
 * of Inner Mongolia, the banners, counties and districts of Baotou, and the large cities
 * of the country. Any of them may be followed by an administrative word (place_suffixes). */
static const char *const places[] = {
  /* provinces, autonomous regions, municipalities */
  "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏",
  "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南",
  "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港",
  "澳门",
  /* Inner Mongolia */
  "呼和浩特", "包头", "乌海", "赤峰", "通辽", "鄂尔多斯", "呼伦贝尔", "巴彦淖尔", "乌兰察布",
  "兴安", "锡林郭勒", "阿拉善", "满洲里", "二连浩特", "霍林郭勒", "扎兰屯", "牙克石",
  /* Baotou's districts, banners and counties (with their administrative word) */
  "昆都仑区", "青山区", "东河区", "九原区", "石拐区", "白云鄂博矿区", "稀土高新区",
  "土默特右旗", "固阳县", "达尔罕茂明安联合旗", "达茂旗", "土右旗",
  /* provincial capitals and other large cities */
  "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南",
  "郑州", "武汉", "长沙", "广州", "南宁", "海口", "成都", "贵阳", "昆明", "拉萨", "西安",
  "兰州", "西宁", "银川", "乌鲁木齐", "深圳", "大连", "青岛", "宁波", "厦门", "苏州", "无锡",
  "唐山", "邯郸", "保定", "大同", "鞍山", "抚顺", "本溪", "大庆", "齐齐哈尔", "徐州", "常州",
  "温州", "洛阳", "宜昌", "襄阳", "株洲", "佛山", "东莞", "珠海", "柳州", "绵阳", "攀枝花",
  "遵义", "宝鸡", "榆林", "酒泉", "嘉峪关", "金昌", "石嘴山", "克拉玛依",
};

/* Administrative words after a place, longest first. */
static const char *const place_suffixes[] = {
  "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区",
  "省", "市", "盟", "县", "旗", "区",
};

/* Administrative words that end an unknown place of two to four Han characters at the
 * start of a name ("鄂州市", "固阳县"); 区 and 盟 are left out (园区, 社区, 联盟). */
static const char *const generic_place_suffixes[] = {
  "自治区", "自治州", "自治县", "自治旗", "省", "市", "县", "旗",
};

/* Characters before 市 that make an everyday word, not a city (超市, 城市, 门市, ...). */
static const char not_city_before_shi[] = "超城门都股集菜夜黑闹上街花早书楼车鱼米灯庙年互";

/* Company words at the end of a name, longest first; stripped one after another, so
 * 股份有限公司 and 集团有限公司 go too. */
static const char *const company_suffixes[] = {
  "有限责任公司", "（集团）", "(集团)", "（股份）", "(股份)", "有限公司", "分公司", "总公司",
  "公司", "股份", "集团", "控股",
};

/* Generic trade words: a short form that is only one of them names no unit. */
static const char *const generic_words[] = {
  "稀土", "钢铁", "特钢", "钢管", "冶炼", "冶金", "电力", "电气", "电器", "电子", "电机", "煤炭",
  "煤业", "化工", "机械", "建设", "建筑", "建工", "工程", "科技", "技术", "实业", "工业",
  "能源", "矿业", "制造", "设备", "材料", "新材", "光伏", "铝业", "铜业", "铁路", "交通",
  "运输", "物流", "投资", "发展", "控股", "贸易", "商贸", "服务", "环保", "通信", "汽车",
  "医药", "食品", "纺织", "水泥", "建材", "重工", "轻工", "农业", "牧业", "乳业", "热电",
  "供电", "电厂", "焊接", "铸造", "锻造", "研究", "研究院", "研究所", "学院", "大学", "学校",
  "医院", "中心", "工会", "协会", "集团", "公司", "工厂", "分厂", "车间", "钢厂", "钢结构",
};

static gboolean
in_list (const char        *s,
         const char *const *list,
         gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (s, list[i]))
      return TRUE;
  return FALSE;
}

#define IN_LIST(s, list) in_list ((s), (list), G_N_ELEMENTS (list))

/* ---- matching ---- */

static gboolean
is_name_dot (gunichar c)
{
  return c == 0x00B7 || c == 0x2022 || c == 0x2027 || c == 0x2219 || c == 0x22C5
         || c == 0x30FB || c == 0xFF65;
}

gboolean
jp_anon_char_is_ignorable (gunichar c)
{
  GUnicodeType type;

  if (g_unichar_isspace (c) || is_name_dot (c))
    return TRUE;
  type = g_unichar_type (c);
  return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT
         || type == G_UNICODE_DASH_PUNCTUATION;
}

/* The character as it is compared: full-width ASCII as ASCII, lower case. */
static gunichar
fold (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;
  return g_unichar_tolower (c);
}

/* The characters of `s` that count in a match, folded. Returns the number; `*out` owns. */
static glong
fold_term (const char  *s,
           gunichar   **out)
{
  glong n = 0, k = 0;
  gunichar *u = g_utf8_to_ucs4 (s, -1, NULL, &n, NULL);

  if (u == NULL)
    {
      *out = NULL;
      return 0;
    }
  for (glong i = 0; i < n; i++)
    if (!jp_anon_char_is_ignorable (u[i]))
      u[k++] = fold (u[i]);
  *out = u;
  return k;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const JpAnonSpan *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

GArray *
jp_anon_find (const char        *text,
              gssize             length,
              const char *const *terms)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (JpAnonSpan));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (JpAnonSpan));
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *folded = NULL;
  g_autofree guint *origin = NULL;
  glong n_chars = 0, n = 0;

  if (text == NULL || terms == NULL)
    return merged;
  chars = g_utf8_to_ucs4 (text, length, NULL, &n_chars, NULL);
  if (chars == NULL)
    {
      /* Invalid UTF-8 (it does not come from poppler or GLib): search the valid part. */
      const char *end = NULL;

      g_utf8_validate (text, length, &end);
      chars = g_utf8_to_ucs4 (text, end - text, NULL, &n_chars, NULL);
      if (chars == NULL)
        return merged;
    }
  folded = g_new (gunichar, n_chars + 1);
  origin = g_new (guint, n_chars + 1);
  for (glong i = 0; i < n_chars; i++)
    if (!jp_anon_char_is_ignorable (chars[i]))
      {
        folded[n] = fold (chars[i]);
        origin[n++] = (guint) i;
      }

  for (guint t = 0; terms[t] != NULL; t++)
    {
      g_autofree gunichar *term = NULL;
      glong m = fold_term (terms[t], &term);

      if (m < MIN_TERM_CHARS)
        continue;
      for (glong i = 0; i + m <= n; i++)
        {
          glong j = 0;

          while (j < m && folded[i + j] == term[j])
            j++;
          if (j == m)
            {
              JpAnonSpan span = { origin[i], origin[i + m - 1] + 1 };

              g_array_append_val (found, span);
            }
        }
    }

  g_array_sort (found, compare_spans);
  for (guint i = 0; i < found->len; i++)
    {
      JpAnonSpan *s = &g_array_index (found, JpAnonSpan, i);
      JpAnonSpan *last = merged->len > 0
                         ? &g_array_index (merged, JpAnonSpan, merged->len - 1) : NULL;

      if (last != NULL && s->start <= last->end)
        last->end = MAX (last->end, s->end);
      else
        g_array_append_val (merged, *s);
    }
  return merged;
}

char *
jp_anon_redact_text (const char        *text,
                     const char *const *terms,
                     const char        *mark)
{
  g_autoptr(GArray) spans = NULL;
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  guint at = 0;

  if (text == NULL)
    return g_strdup ("");
  /* a broken byte must not hide a name from the search */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  spans = jp_anon_find (text, -1, terms);
  out = g_string_sized_new (strlen (text));
  p = text;
  for (guint i = 0; i < spans->len; i++)
    {
      const JpAnonSpan *s = &g_array_index (spans, JpAnonSpan, i);
      const char *start = g_utf8_offset_to_pointer (p, s->start - at);
      const char *end = g_utf8_offset_to_pointer (start, s->end - s->start);

      g_string_append_len (out, p, start - p);
      g_string_append (out, mark != NULL ? mark : "");
      for (const char *c = start; c < end; c++)
        if (*c == '\n')
          g_string_append_c (out, '\n');
      p = end;
      at = s->end;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/* ---- names ---- */

/* `s` without any white space. */
static char *
squeeze (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *c = s != NULL ? s : ""; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (!g_unichar_isspace (u) && g_unichar_type (u) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, u);
    }
  return g_string_free (out, FALSE);
}

static gboolean
all_han (const char *s)
{
  for (const char *c = s; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_get_script (g_utf8_get_char (c)) != G_UNICODE_SCRIPT_HAN)
      return FALSE;
  return *s != '\0';
}

static void
add_form (GPtrArray  *forms,
          const char *form)
{
  if (g_utf8_strlen (form, -1) < MIN_TERM_CHARS)
    return;
  for (guint i = 0; i < forms->len; i++)
    if (g_str_equal (forms->pdata[i], form))
      return;
  g_ptr_array_add (forms, g_strdup (form));
}

static GStrv
forms_end (GPtrArray *forms)
{
  g_ptr_array_add (forms, NULL);
  return (GStrv) g_ptr_array_free (forms, FALSE);
}

GStrv
jp_anon_name_forms (const char *name)
{
  GPtrArray *forms = g_ptr_array_new ();
  g_autofree char *full = squeeze (name);
  glong n = g_utf8_strlen (full, -1);
  gboolean dotted = FALSE;

  add_form (forms, full);
  for (const char *c = full; *c != '\0'; c = g_utf8_next_char (c))
    if (is_name_dot (g_utf8_get_char (c)) || *c == '.' || g_utf8_get_char (c) == 0xFF0E)
      dotted = TRUE;

  if (dotted)
    {
      /* 阿尔斯楞·巴特尔: each part is how the person is also called */
      GString *part = g_string_new (NULL);

      for (const char *c = full;; c = g_utf8_next_char (c))
        {
          gunichar u = g_utf8_get_char (c);

          if (*c == '\0' || is_name_dot (u) || u == '.' || u == 0xFF0E)
            {
              add_form (forms, part->str);
              g_string_truncate (part, 0);
              if (*c == '\0')
                break;
            }
          else
            g_string_append_unichar (part, u);
        }
      g_string_free (part, TRUE);
    }
  else if (n >= 2 && n <= 4 && all_han (full))
    {
      glong surname_len = 1;
      g_autofree char *surname = NULL;
      const char *given;

      for (guint i = 0; n >= 3 && i < G_N_ELEMENTS (compound_surnames); i++)
        if (g_str_has_prefix (full, compound_surnames[i]))
          surname_len = 2;
      given = g_utf8_offset_to_pointer (full, surname_len);
      surname = g_strndup (full, given - full);
      if (g_utf8_strlen (given, -1) == 2)
        add_form (forms, given);
      {
        g_autofree char *master = g_strconcat (surname, "师傅", NULL);
        g_autofree char *comrade = g_strconcat (surname, "同志", NULL);
        g_autofree char *engineer = g_strconcat (surname, "工", NULL);

        add_form (forms, master);
        add_form (forms, comrade);
        if (!IN_LIST (engineer, common_gong_words))
          add_form (forms, engineer);
      }
    }
  return forms_end (forms);
}

/* ---- units ---- */

/* The length in bytes of the place that opens `s` (0 for none): a known place with its
 * optional administrative word, or two to four Han characters ending in one. The whole of
 * `s` only when `whole` is TRUE. */
static gsize
place_prefix (const char *s,
              gboolean    whole)
{
  gsize best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_str_has_prefix (s, places[i]))
      {
        gsize len = strlen (places[i]);

        for (guint j = 0; j < G_N_ELEMENTS (place_suffixes); j++)
          if (g_str_has_prefix (s + len, place_suffixes[j]))
            {
              len += strlen (place_suffixes[j]);
              break;
            }
        best = MAX (best, len);
      }
  if (best == 0)
    {
      const char *c = s;

      for (int n = 1; n <= 4 && *c != '\0'; n++)
        {
          if (g_unichar_get_script (g_utf8_get_char (c)) != G_UNICODE_SCRIPT_HAN)
            break;
          c = g_utf8_next_char (c);
          if (n < 2)
            continue;
          for (guint j = 0; j < G_N_ELEMENTS (generic_place_suffixes); j++)
            if (g_str_has_prefix (c, generic_place_suffixes[j]))
              {
                gunichar before = g_utf8_get_char (g_utf8_prev_char (c));

                if (g_str_equal (generic_place_suffixes[j], "市")
                    && g_utf8_strchr (not_city_before_shi, -1, before) != NULL)
                  continue;
                best = (c - s) + strlen (generic_place_suffixes[j]);
                break;
              }
          if (best > 0)
            break;
        }
    }
  return s[best] == '\0' && !whole ? 0 : best;
}

/* The length in bytes of the company word that ends `s` (0 for none); all of `s` only
 * when `whole` is TRUE. */
static gsize
company_suffix (const char *s,
                gboolean    whole)
{
  gsize len = strlen (s);

  for (guint i = 0; i < G_N_ELEMENTS (company_suffixes); i++)
    {
      gsize n = strlen (company_suffixes[i]);

      if ((n < len || (whole && n == len)) && g_str_has_suffix (s, company_suffixes[i]))
        return n;
    }
  return 0;
}

/* The ways `s` starts: itself, then without each place in front in turn. */
static GPtrArray *
prefix_levels (const char *s)
{
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  const char *p = s;

  g_ptr_array_add (levels, g_strdup (p));
  for (gsize n; (n = place_prefix (p, FALSE)) > 0;)
    {
      p += n;
      g_ptr_array_add (levels, g_strdup (p));
    }
  return levels;
}

/* The ways `s` ends: itself, then without each company word at the end in turn. */
static GPtrArray *
suffix_levels (const char *s)
{
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *p = g_strdup (s);

  g_ptr_array_add (levels, g_strdup (p));
  for (gsize n; (n = company_suffix (p, FALSE)) > 0;)
    {
      p[strlen (p) - n] = '\0';
      g_ptr_array_add (levels, g_strdup (p));
    }
  return levels;
}

/* What is left of `s` without its places in front and company words at the end. */
static char *
unit_core (const char *s)
{
  g_autoptr(GPtrArray) front = prefix_levels (s);
  g_autoptr(GPtrArray) back = suffix_levels (front->pdata[front->len - 1]);

  return g_strdup (back->pdata[back->len - 1]);
}

/* Whether `form` names nothing: a generic trade word, or only places and company words
 * ("包头市", "有限公司", "内蒙古包头", "包头有限公司"). */
static gboolean
names_nothing (const char *form)
{
  const char *p = form;
  g_autofree char *rest = NULL;

  if (IN_LIST (form, generic_words))
    return TRUE;
  for (gsize n; *p != '\0' && (n = place_prefix (p, TRUE)) > 0;)
    p += n;
  rest = g_strdup (p);
  for (gsize n; *rest != '\0' && (n = company_suffix (rest, TRUE)) > 0;)
    rest[strlen (rest) - n] = '\0';
  return *rest == '\0';
}

GStrv
jp_anon_unit_forms (const char *unit)
{
  GPtrArray *forms = g_ptr_array_new ();
  g_autofree char *full = squeeze (unit);
  g_autoptr(GPtrArray) fronts = NULL;
  g_autofree char *core = NULL;
  gboolean generic_core;

  add_form (forms, full);
  if (*full == '\0')
    return forms_end (forms);
  fronts = prefix_levels (full);
  core = unit_core (full);
  generic_core = IN_LIST (core, generic_words) || IN_LIST (core, places);
  for (guint f = 0; f < fronts->len; f++)
    {
      g_autoptr(GPtrArray) backs = suffix_levels (fronts->pdata[f]);

      /* without the place, a generic trade word names nobody: 包头稀土有限公司 gives no
       * 稀土有限公司 */
      if (f > 0 && generic_core)
        break;
      for (guint b = 0; b < backs->len; b++)
        {
          const char *form = backs->pdata[b];

          if ((f > 0 || b > 0) && names_nothing (form))
            continue;
          add_form (forms, form);
        }
    }
  return forms_end (forms);
}

/* ---- all the terms of a candidate ---- */

static void
add_phone_forms (GPtrArray  *forms,
                 const char *phone)
{
  g_autofree char *full = squeeze (phone);
  GString *digits = g_string_new (NULL);
  const char *d;

  add_form (forms, full);
  for (const char *c = full; *c != '\0'; c++)
    if (g_ascii_isdigit (*c))
      g_string_append_c (digits, *c);
  d = digits->str;
  /* +86 / 0086: texts write the national number */
  if (g_str_has_prefix (d, "0086") && digits->len >= 4 + 7)
    d += 4;
  else if (g_str_has_prefix (d, "86") && digits->len == 2 + 11 && strchr (full, '+') != NULL)
    d += 2;
  if (d != digits->str)
    add_form (forms, d);
  /* 0472-1234567: the local number alone is how a text of the same city writes it */
  {
    const char *dash = strchr (full, '-');

    if (full[0] == '0' && dash != NULL && dash - full >= 3 && dash - full <= 4
        && strlen (dash + 1) >= 7 && strspn (dash + 1, "0123456789") == strlen (dash + 1))
      add_form (forms, dash + 1);
  }
  g_string_free (digits, TRUE);
}

static char *
folded_key (const char *term)
{
  g_autofree gunichar *u = NULL;
  glong n = fold_term (term, &u);

  return u != NULL ? g_ucs4_to_utf8 (u, n, NULL, NULL, NULL) : g_strdup ("");
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  glong lx = g_utf8_strlen (x, -1), ly = g_utf8_strlen (y, -1);

  if (lx != ly)
    return lx > ly ? -1 : 1;
  return strcmp (x, y);
}

GStrv
jp_anon_terms (const char *name,
               const char *id_number,
               const char *phone,
               const char *unit,
               const char *employer)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *terms = g_ptr_array_new ();
  g_auto(GStrv) names = jp_anon_name_forms (name);
  g_auto(GStrv) units = jp_anon_unit_forms (unit);
  g_auto(GStrv) employers = jp_anon_unit_forms (employer);
  g_autofree char *id = squeeze (id_number);

  for (guint i = 0; names[i] != NULL; i++)
    add_form (all, names[i]);
  add_form (all, id);
  add_phone_forms (all, phone);
  for (guint i = 0; units[i] != NULL; i++)
    add_form (all, units[i]);
  for (guint i = 0; employers[i] != NULL; i++)
    add_form (all, employers[i]);

  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *key = folded_key (all->pdata[i]);

      if (g_utf8_strlen (key, -1) < MIN_TERM_CHARS || g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_ptr_array_add (terms, g_strdup (all->pdata[i]));
    }
  g_ptr_array_sort (terms, compare_terms);
  return forms_end (terms);
}
