/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-demo"

#include "config.h"

#include <string.h>

#include "jp-demo-private.h"

/* Sample data of the demo election. Everything here is fictional: company and unit names
 * are invented, personal names are random combinations of common characters. The text is
 * data (it stands for what nominating units write), not interface text, so it is not
 * translated. */

void
jp_demo_rng_init (JpDemoRng *rng, guint64 seed)
{
  rng->state = seed;
}

guint64
jp_demo_rng_next (JpDemoRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

guint
jp_demo_rng_below (JpDemoRng *rng, guint n)
{
  g_assert (n > 0);
  return (guint) (jp_demo_rng_next (rng) % n);
}

int
jp_demo_rng_range (JpDemoRng *rng, int lo, int hi)
{
  g_assert (hi >= lo);
  return lo + (int) jp_demo_rng_below (rng, (guint) (hi - lo + 1));
}

static const char *const xt_types[] = {
  "稀土冶炼工", "稀土萃取工", "稀土永磁材料工艺工程师", "稀土抛光粉制备工", "化学检验员", NULL };
static const char *const xt_employers[] = {
  "包头瑞晟稀土材料有限公司", "包头恒磁新材料科技有限公司", "包头金岚稀土功能材料有限公司", NULL };
static const char *const xt_projects[] = {
  "稀土熔盐电解槽阴极结构改进", "萃取槽自动加料系统", "钕铁硼速凝薄片工艺优化",
  "稀土氧化物连续煅烧技术", NULL };

static const char *const gf_types[] = {
  "光伏组件工艺工程师", "单晶硅生长工", "多晶硅还原工", "硅片切割工", "电池片工艺技术员", NULL };
static const char *const gf_employers[] = {
  "包头晶拓硅材料科技有限公司", "包头辰远光伏科技有限公司", "包头阳朗硅业有限公司", NULL };
static const char *const gf_projects[] = {
  "单晶炉热场结构优化", "金刚线切片断线率攻关", "多晶硅还原炉节能改造", "组件层压工艺改进", NULL };

static const char *const fd_types[] = {
  "风电机组检修工", "风电场运维技术员", "叶片修复工", "风电机组装调工", "变桨系统调试工", NULL };
static const char *const fd_employers[] = {
  "包头驰风新能源装备有限公司", "包头北野风电运维有限公司", "达茂旗朔原风力发电有限公司", NULL };
static const char *const fd_projects[] = {
  "风电机组齿轮箱在线监测", "叶片前缘腐蚀修复工艺", "变桨轴承更换专用工装", "低温环境机组启停策略", NULL };

static const char *const zb_types[] = {
  "数控车工", "焊工", "装配钳工", "铣工", "机械设计工程师", NULL };
static const char *const zb_employers[] = {
  "包头鸿锐重型机械有限公司", "包头远拓智能装备制造有限公司", "包头宏泰液压机械有限公司", NULL };
static const char *const zb_projects[] = {
  "大型结构件焊接变形控制", "薄壁零件数控加工工艺", "液压缸装配专用夹具", "焊接机器人离线编程", NULL };

static const char *const yj_types[] = {
  "炼钢工", "轧钢工", "高炉炉前工", "冶金设备点检员", "金属热处理工", NULL };
static const char *const yj_employers[] = {
  "包头嘉衡特钢有限公司", "包头昆河冶金材料有限公司", "包头西岭铝业有限公司", NULL };
static const char *const yj_projects[] = {
  "转炉终点控制模型改进", "高炉炉缸长寿技术", "轧机辊系振动治理", "连铸坯表面裂纹攻关", NULL };

static const char *const fw_types[] = {
  "电梯维修工", "中式烹调师", "汽车维修工", "供热管网维修工", "电工", NULL };
static const char *const fw_employers[] = {
  "包头北辰电梯工程有限公司", "包头鹿鸣餐饮管理有限公司", "包头顺捷汽车服务有限公司", NULL };
static const char *const fw_projects[] = {
  "老旧电梯安全隐患排查方法", "地方特色菜品标准化制作", "新能源汽车电池故障诊断",
  "供热管网泄漏快速定位", NULL };

const JpDemoTrade jp_demo_trades[JP_DEMO_N_TRADES] = {
  { "XT", "稀土", TRUE, xt_types, xt_employers, xt_projects },
  { "GF", "硅材料与光伏", TRUE, gf_types, gf_employers, gf_projects },
  { "FD", "风电", TRUE, fd_types, fd_employers, fd_projects },
  { "ZB", "装备制造", FALSE, zb_types, zb_employers, zb_projects },
  { "YJ", "冶金", FALSE, yj_types, yj_employers, yj_projects },
  { "FW", "现代服务业", FALSE, fw_types, fw_employers, fw_projects },
};

#define T(i) (1u << (i))
#define ANY 0x3f

const JpDemoUnit jp_demo_units[JP_DEMO_N_UNITS] = {
  { "包头市稀土高新区总工会", TRUE, T (0) | T (1), NULL },
  { "包头市昆都仑区总工会", FALSE, ANY, NULL },
  { "包头市青山区总工会", FALSE, T (3) | T (5), NULL },
  { "包头市东河区总工会", FALSE, T (4) | T (5), NULL },
  { "包头市九原区总工会", FALSE, T (1) | T (2) | T (3), NULL },
  { "包头市石拐区总工会", FALSE, T (4), NULL },
  { "包头市白云鄂博矿区总工会", FALSE, T (0) | T (4), NULL },
  { "包头市土默特右旗总工会", FALSE, T (1) | T (2), NULL },
  { "包头市固阳县总工会", FALSE, T (2), NULL },
  { "包头市达尔罕茂明安联合旗总工会", FALSE, T (1) | T (2), NULL },
  { "包头市机械冶金建材工会", TRUE, T (3) | T (4), NULL },
  { "包头市能源化工工会", FALSE, T (1) | T (2), NULL },
  { "包头市财贸轻纺烟草工会", FALSE, T (5), NULL },
  { "包头市城建交通工会", FALSE, T (3) | T (5), NULL },
  { "包头市直属机关工会", FALSE, ANY, NULL },
  { "包头瑞晟稀土材料有限公司工会", TRUE, T (0), "包头瑞晟稀土材料有限公司" },
  { "包头晶拓硅材料科技有限公司工会", TRUE, T (1), "包头晶拓硅材料科技有限公司" },
  { "包头驰风新能源装备有限公司工会", FALSE, T (2), "包头驰风新能源装备有限公司" },
  { "包头辰远光伏科技有限公司工会", FALSE, T (1), "包头辰远光伏科技有限公司" },
  { "包头鸿锐重型机械有限公司工会", TRUE, T (3), "包头鸿锐重型机械有限公司" },
  { "包头嘉衡特钢有限公司工会", FALSE, T (4), "包头嘉衡特钢有限公司" },
  { "包头北辰电梯工程有限公司工会", FALSE, T (5), "包头北辰电梯工程有限公司" },
  { "包头市新材料产业促进会", FALSE, T (0) | T (1), NULL },
  { "包头市焊接与热加工学会", FALSE, T (3) | T (4), NULL },
  { "包头市风电运维服务协会", FALSE, T (2), NULL },
};

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
  "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程",
  "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁",
  "魏", "薛", "叶", "余", "潘", "杜", "戴", "夏", "田", "任", "姜", "范", "方", "石", "姚",
  "谭", "邹", "金", "陆", "郝", "孔", "白", "崔", "康", "邱", "秦", "史", "侯", "孟", "段",
};
static const char *const given_male[] = {
  "建", "国", "志", "伟", "军", "海", "涛", "强", "磊", "鹏", "飞", "东", "亮", "刚", "平",
  "斌", "辉", "勇", "杰", "峰", "新", "春", "宏", "俊", "文", "博", "宇", "浩", "凯", "超",
  "振", "永", "玉", "成", "利", "明", "云", "晓", "德", "庆", "宝", "立", "福", "金", "长",
};
static const char *const given_female[] = {
  "丽", "红", "霞", "芳", "燕", "敏", "静", "玲", "娟", "慧", "梅", "英", "云", "雪", "晓",
  "丹", "琳", "艳", "婷", "佳", "欣", "秀", "兰", "萍", "洁", "春", "凤", "莉", "华", "颖",
};
static const char *const mongol_male[] = {
  "巴特尔", "额尔敦", "乌力吉", "苏和", "宝音", "孟和", "朝鲁", "哈斯", "图门", "毕力格",
};
static const char *const mongol_female[] = {
  "娜仁", "其其格", "萨仁", "乌兰", "图雅", "高娃", "斯琴", "塔娜",
};

char *
jp_demo_person_name (JpDemoRng *rng, JpSex sex, const char *ethnicity)
{
  gboolean female = sex == JP_SEX_FEMALE;
  const char *const *given = female ? given_female : given_male;
  guint n_given = female ? G_N_ELEMENTS (given_female) : G_N_ELEMENTS (given_male);
  const char *surname = surnames[jp_demo_rng_below (rng, G_N_ELEMENTS (surnames))];

  if (g_strcmp0 (ethnicity, "蒙古族") == 0 && jp_demo_rng_below (rng, 3) > 0)
    {
      /* many Mongolian names have no surname; a suffix keeps them apart */
      const char *base = female
        ? mongol_female[jp_demo_rng_below (rng, G_N_ELEMENTS (mongol_female))]
        : mongol_male[jp_demo_rng_below (rng, G_N_ELEMENTS (mongol_male))];
      static const char *const suffix[] = { "", "图", "其木格", "达来", "巴雅尔" };

      return g_strconcat (base, female ? "" : suffix[jp_demo_rng_below (rng, 5)], NULL);
    }
  if (jp_demo_rng_below (rng, 4) == 0)
    return g_strconcat (surname, given[jp_demo_rng_below (rng, n_given)], NULL);
  return g_strconcat (surname, given[jp_demo_rng_below (rng, n_given)],
                      given[jp_demo_rng_below (rng, n_given)], NULL);
}

static char *
fill (const char *tmpl, const JpDemoStory *story)
{
  GString *s = g_string_new (tmpl);
  g_autofree char *years = g_strdup_printf ("%d", story->years);

  g_string_replace (s, "{N}", story->name, 0);
  g_string_replace (s, "{T}", story->trade_name, 0);
  g_string_replace (s, "{W}", story->work_type, 0);
  g_string_replace (s, "{E}", story->employer, 0);
  g_string_replace (s, "{P}", story->position, 0);
  g_string_replace (s, "{Y}", years, 0);
  g_string_replace (s, "{A}", story->achievement, 0);
  g_string_replace (s, "{H}", story->honour, 0);
  return g_string_free (s, FALSE);
}

static const char *const summary_open[] = {
  "{N}，{E}{P}，从事{W}工作{Y}年。",
  "{N}同志现任{E}{P}，扎根{T}生产一线{Y}年，是单位公认的技术骨干。",
  "{N}，{W}，在{E}一线岗位工作{Y}年，始终把精益求精作为职业追求。",
};
static const char *const summary_body[] = {
  "他牵头开展{A}项目，破解了长期制约生产的技术难题，产品合格率明显提升。",
  "他先后完成技术革新二十余项，其中{A}成果在全市{T}行业推广应用，年创经济效益三百余万元。",
  "他坚持“干一行、精一行”，总结提炼的操作法被编入企业标准作业指导书。",
  "他以劳模创新工作室为平台，带徒传技，培养技师、高级技师十余名。",
  "他多次在急难险重任务中挺身而出，带领班组连续多年实现安全生产零事故。",
  "他注重把新技术、新工艺引入岗位实践，推动{T}领域数字化改造取得实效。",
  "他主持制定的岗位技术规范填补了单位空白，为同行业提供了可借鉴的经验。",
  "他曾获{H}等荣誉，是{T}行业技能人才的优秀代表。",
  "近年来，他参与的多项成果获得国家专利授权，并在生产中转化应用。",
};

char *
jp_demo_summary (JpDemoRng *rng, const JpDemoStory *story, int min_chars, int max_chars)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *open = fill (summary_open[jp_demo_rng_below (rng, 3)], story);
  guint n = G_N_ELEMENTS (summary_body);
  guint start = jp_demo_rng_below (rng, n), step = 1 + jp_demo_rng_below (rng, n - 1);
  guint i = 0;

  /* n is prime, so any step visits every sentence once before repeating */
  g_string_append (s, open);
  while (g_utf8_strlen (s->str, -1) < min_chars && i < n)
    {
      g_autofree char *sentence = fill (summary_body[(start + i * step) % n], story);

      if (g_utf8_strlen (s->str, -1) + g_utf8_strlen (sentence, -1) > max_chars)
        break;
      g_string_append (s, sentence);
      i++;
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *const deeds_headings[] = {
  "一、立足岗位，练就过硬本领", "二、攻坚克难，勇当创新先锋", "三、传承技艺，甘当育人园丁",
  "四、爱岗敬业，彰显工匠本色",
};
static const char *const deeds_sentences[4][6] = {
  {
    "{N}同志{Y}年前走上{W}岗位，从最基础的操作学起，每天比别人早到一小时、晚走一小时。",
    "为了吃透设备原理，他自学了机械制图、电气控制和材料学等课程，笔记记了二十多本。",
    "他坚持“每天进步一点点”，把每一次操作都当作练兵，逐步成长为{E}的技术多面手。",
    "面对{T}行业技术更新快的特点，他主动参加各类培训和技能比武，不断拓宽知识面。",
    "在担任{P}以后，他把岗位标准细化到每一个动作、每一个参数，带动班组整体水平提升。",
    "同事们说，只要设备一有异响，{N}听一听、摸一摸，就能判断出问题所在。",
  },
  {
    "生产中曾长期存在效率低、能耗高、质量不稳定等问题，{N}主动请缨，牵头开展{A}攻关。",
    "他带领攻关小组查阅大量资料，反复试验上百次，最终找到了影响质量的关键因素。",
    "通过改进工艺参数和设备结构，{A}项目取得成功，相关指标达到行业先进水平。",
    "项目实施后，年节约成本二百余万元，减少设备故障停机时间五百余小时。",
    "他先后提出合理化建议六十余条，完成技术革新二十余项，其中多项获得国家专利授权。",
    "在推进数字化转型中，他把多年积累的经验转化为可视化的操作模型，便于推广复制。",
  },
  {
    "{N}深知“一枝独秀不是春”，依托劳模创新工作室开展“师带徒”活动，倾囊相授。",
    "他编写的岗位培训教材通俗易懂，被{E}作为新员工培训的必修内容。",
    "他所带的徒弟中，已有多人成长为技师、高级技师，有的在市级技能大赛中获得名次。",
    "他坚持每周组织一次技术交流，把攻关中遇到的难题拿出来大家一起分析、共同提高。",
    "在他的带动下，班组形成了比学赶超的良好氛围，多次被评为先进班组。",
    "他还走进职业院校开展技能讲座，向青年学生讲述一线工匠的成长故事。",
  },
  {
    "多年来，{N}始终以高标准严要求对待每一项工作，从未发生过责任事故。",
    "在生产任务最紧张的时候，他连续坚守现场，确保了关键节点任务按期完成。",
    "他常说：“工匠精神就是把平凡的事情做到极致。”这句话也成为他工作的真实写照。",
    "他先后获得{H}等荣誉，但他始终把荣誉当作新的起点，继续在岗位上默默奉献。",
    "面对新的发展机遇，{N}表示将继续钻研技术、带好队伍，为包头{T}产业高质量发展贡献力量。",
    "他的事迹在单位内外广为传颂，成为广大职工学习的榜样。",
  },
};

char *
jp_demo_deeds (JpDemoRng *rng, const JpDemoStory *story, int target)
{
  g_autoptr(GString) s = g_string_new (NULL);
  int per_section = target / 4;

  for (guint sec = 0; sec < 4; sec++)
    {
      guint start = jp_demo_rng_below (rng, 6);
      int section_start;

      g_string_append (s, deeds_headings[sec]);
      g_string_append_c (s, '\n');
      section_start = g_utf8_strlen (s->str, -1);
      /* The six sentences of a section, rotated, then again with linking phrases, until the
       * section holds its share of the target. */
      for (guint i = 0; i < 12; i++)
        {
          static const char *const links[] = { "与此同时，", "此外，", "另外，", "值得一提的是，",
                                               "不仅如此，", "实践中，" };
          g_autofree char *sentence = fill (deeds_sentences[sec][(start + i) % 6], story);
          int now = g_utf8_strlen (s->str, -1) - section_start;

          if (now >= per_section)
            break;
          if (i >= 6)
            g_string_append (s, links[(start + i) % 6]);
          g_string_append (s, sentence);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
