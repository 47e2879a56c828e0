/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-demo"

#include "config.h"

#include <stdlib.h>
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

static GString *
fill_string (const char *tmpl, const JpDemoStory *story)
{
  GString *s = g_string_new (tmpl);
  g_autofree char *years = g_strdup_printf ("%d", story->years);
  g_autofree char *since = g_strdup_printf ("%d", story->year - story->years);

  g_string_replace (s, "{N}", story->name, 0);
  g_string_replace (s, "{他}", story->pronoun, 0);
  g_string_replace (s, "{T}", story->trade_name, 0);
  g_string_replace (s, "{W}", story->work_type, 0);
  g_string_replace (s, "{E}", story->employer, 0);
  g_string_replace (s, "{P}", story->position, 0);
  g_string_replace (s, "{Y}", years, 0);
  g_string_replace (s, "{S}", since, 0);
  g_string_replace (s, "{A}", story->achievement, 0);
  g_string_replace (s, "{H}", story->honour, 0);
  return s;
}

static char *
fill (const char *tmpl, const JpDemoStory *story)
{
  return g_string_free (fill_string (tmpl, story), FALSE);
}

static const char *const summary_open[] = {
  "{N}，{E}{P}，从事{W}工作{Y}年。",
  "{N}同志现任{E}{P}，扎根{T}生产一线{Y}年，是单位公认的技术骨干。",
  "{N}，{W}，在{E}一线岗位工作{Y}年，始终把精益求精作为职业追求。",
};
static const char *const summary_body[] = {
  "{他}牵头开展{A}项目，破解了长期制约生产的技术难题，产品合格率明显提升。",
  "{他}先后完成技术革新二十余项，其中{A}成果在全市{T}行业推广应用，年创经济效益三百余万元。",
  "{他}坚持“干一行、精一行”，总结提炼的操作法被编入企业标准作业指导书。",
  "{他}以劳模创新工作室为平台，带徒传技，培养技师、高级技师十余名。",
  "{他}多次在急难险重任务中挺身而出，带领班组连续多年实现安全生产零事故。",
  "{他}注重把新技术、新工艺引入岗位实践，推动{T}领域数字化改造取得实效。",
  "{他}主持制定的岗位技术规范填补了单位空白，为同行业提供了可借鉴的经验。",
  "{他}曾获{H}等荣誉，是{T}行业技能人才的优秀代表。",
  "近年来，{他}参与的多项成果获得国家专利授权，并在生产中转化应用。",
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

/* The 事迹材料 in four sections. Each section has three headings and a pool of 17 sentences
 * and a pool of 17 sentences; a candidate's text takes sentences from it without repeating one
 * until the section holds its share. Besides the story, the sentences carry numbers drawn per
 * sentence ("{#LOW-HIGH}"), so two candidates of one trade do not read alike. */
static const char *const deeds_headings[4][3] = {
  { "一、立足岗位，练就过硬本领", "一、扎根一线，苦练基本功", "一、勤学苦练，成长为行家里手" },
  { "二、攻坚克难，勇当创新先锋", "二、勇于创新，破解技术难题", "二、技术攻关，创造显著效益" },
  { "三、传承技艺，甘当育人园丁", "三、言传身教，带出过硬队伍", "三、薪火相传，培养技能人才" },
  { "四、爱岗敬业，彰显工匠本色", "四、无私奉献，诠释工匠精神", "四、不忘初心，争做时代先锋" },
};
#define DEEDS_POOL 17
static const char *const deeds_sentences[4][DEEDS_POOL] = {
  {
    "{S}年，{N}走上{W}岗位，从最基础的操作学起，每天比别人早到一小时、晚走一小时。",
    "为了吃透设备原理，{他}利用业余时间自学机械制图、电气控制和材料学，记下读书笔记{#12-40}本。",
    "{他}坚持“每天进步一点点”，把每一次操作都当作练兵，逐步成长为{E}公认的技术多面手。",
    "面对{T}行业技术更新快的特点，{他}主动参加各类培训，近五年累计参训{#300-900}学时。",
    "担任{P}以后，{他}把岗位标准细化到每一个动作、每一个参数，带动班组整体水平稳步提升。",
    "同事们说，只要设备一有异响，{N}听一听、摸一摸，就能判断出问题出在哪里。",
    "{他}先后参加市级以上职业技能竞赛{#3-9}次，多次取得优异名次，被同行称为比武场上的常胜将军。",
    "刚入职时，{他}跟着师傅一点一滴地学，把师傅的每一句叮嘱都记在随身携带的小本子上。",
    "{他}把{Y}年积累的操作要领归纳成口诀，新员工一听就懂、一学就会。",
    "为练就一手绝活，{他}在废料上反复练习，{S}年以来练习用的材料就攒了满满几大箱。",
    "{Y}年来，{他}先后在{#3-7}个岗位上轮岗锻炼，熟悉了从生产准备到质量检验的全部环节。",
    "遇到拿不准的问题，{他}从不凭经验想当然，而是查标准、做试验，用数据说话。",
    "{他}先后考取多项职业资格和特种作业操作证书，理论功底和实操能力同步提高。",
    "在{E}组织的岗位练兵中，{N}连续{#3-8}年考核成绩名列前茅。",
    "{他}对自己要求极严，交出的每一件产品都要反复检查，经手的工序合格率长期保持在百分之百。",
    "工作中，{他}养成了随手记录的习惯，{Y}年来的工作日志摞起来有半人多高。",
    "凭着一股钻劲，{N}很快在{T}领域崭露头角，成为{E}年轻人学习的榜样。",
  },
  {
    "生产中曾长期存在效率低、能耗高、质量不稳定等问题，{N}主动请缨，牵头开展{A}攻关。",
    "{他}带领攻关小组查阅大量资料，反复试验{#120-400}次，最终找到了影响质量的关键因素。",
    "通过改进工艺参数和设备结构，{A}项目取得成功，相关指标达到行业先进水平。",
    "项目实施后，年节约成本{#60-480}万元，减少设备故障停机时间{#200-900}小时。",
    "{他}先后提出合理化建议{#20-90}条，完成技术革新{#8-36}项，获得国家专利授权{#2-9}项。",
    "在推进数字化转型中，{他}把多年积累的经验转化为可视化的操作模型，便于推广复制。",
    "针对进口备件价格高、供货周期长的难题，{他}带领团队自主研制替代部件，为{E}节约采购费用{#30-260}万元。",
    "{他}设计的专用工装使单件加工时间缩短了{#12-45}%，在{E}各生产线全面推广。",
    "{他}主持的{A}成果获得包头市职工技术创新成果奖，并在{T}行业推广应用。",
    "为了验证一个关键数据，{他}曾在现场连续守候{#30-50}个小时，直到拿到可靠的试验结果。",
    "{他}牵头编制作业指导书{#4-15}部，均被{E}纳入企业技术标准。",
    "攻关期间，{他}白天在现场跟班，晚上整理数据，常常忙到深夜。",
    "{他}注重把新技术、新工艺引入岗位实践，推动{T}领域数字化改造取得实效。",
    "在一次突发设备故障中，{他}迅速查明原因，仅用{#3-11}个小时就恢复了生产，避免直接经济损失{#20-180}万元。",
    "以{N}名字命名的操作法在全市{T}行业推广，使产品一次合格率提高了{#3-12}个百分点。",
    "{他}坚持把创新写在车间里，把成果用在生产中，许多小改小革解决了一线的大难题。",
    "近年来，{他}参与的创新成果在生产中转化应用，累计创造经济效益{#300-2600}万元。",
  },
  {
    "{N}深知“一枝独秀不是春”，依托劳模创新工作室开展师带徒活动，倾囊相授。",
    "{他}编写的岗位培训教材通俗易懂，被{E}作为新员工培训的必修内容。",
    "{他}先后带徒{#6-32}名，其中多人成长为技师、高级技师，有的在市级技能大赛中获得名次。",
    "{他}坚持每周组织一次技术交流，把攻关中遇到的难题拿出来大家一起分析、共同提高。",
    "在{N}的带动下，班组形成了比学赶超的良好氛围，多次被评为先进班组。",
    "{他}还走进职业院校开展技能讲座，向青年学生讲述一线工匠的成长故事。",
    "{他}把自己的绝活拍成教学视频，在{E}内部学习平台上累计点击{#1200-9000}次。",
    "对待徒弟，{他}既严格要求又关心爱护，徒弟们遇到困难总是第一个想到{N}。",
    "{他}总结的“一看二听三测四记”检查法，让青年职工少走了许多弯路。",
    "{他}所在的创新工作室近{#3-6}年累计培训职工{#600-4800}人次，被命名为市级劳模和工匠人才创新工作室。",
    "每逢技能比武前夕，{他}都利用休息时间为参赛选手义务辅导，手把手纠正操作细节。",
    "{N}常对徒弟说：“手上的功夫没有捷径，只有一遍一遍地练。”",
    "{他}主动承担{T}行业职业技能鉴定考评工作，为提升全市{W}队伍整体素质出力。",
    "在{N}的建议下，{E}建立了技能人才成长档案，为每名青年职工制定培养计划。",
    "{他}带领的团队中，已有{#2-8}人获得包头市技术能手称号。",
    "{他}毫无保留地把{Y}年摸索出的经验写成{#20-120}个案例，供同事们随时查阅。",
    "对于跨专业的青年职工，{他}量身定制学习计划，帮助他们尽快熟悉{W}岗位。",
  },
  {
    "多年来，{N}始终以高标准严要求对待每一项工作，从未发生过责任事故。",
    "在生产任务最紧张的时候，{他}连续{#5-30}天坚守现场，确保了关键节点任务按期完成。",
    "{他}常说：“工匠精神就是把平凡的事情做到极致。”这句话也是{N}工作的真实写照。",
    "{他}先后获得{H}等荣誉，但始终把荣誉当作新的起点，继续在岗位上默默奉献。",
    "{N}的事迹在{E}内外广为传颂，成为广大职工学习的榜样。",
    "{Y}年来，{他}放弃了许多节假日，累计加班{#800-2400}小时，却从未提过任何个人要求。",
    "家人生病住院时，{他}仍然坚守在抢修一线，直到设备恢复正常运行才赶往医院。",
    "{他}带领班组连续{#3-15}年实现安全生产零事故，班组被评为{E}安全生产先进集体。",
    "每次接到急难险重任务，{N}总是第一个站出来，说自己是老{W}，理应冲在前面。",
    "{他}把岗位当作施展才华的舞台，把每一件产品都当作自己的名片。",
    "{他}热心公益，多次参加职工志愿服务活动，用所学技能为社区居民义务维修{#40-300}次。",
    "从一名普通{W}成长为{T}行业的领军人物，{N}用{Y}年的坚守诠释了劳模精神、劳动精神、工匠精神。",
    "{他}始终把质量和安全放在首位，对每一道工序都一丝不苟。",
    "单位领导评价{N}：“关键时刻顶得上，技术难题攻得下，是靠得住的工匠。”",
    "{他}注重发挥示范引领作用，带动更多职工走技能成才、技能报国之路。",
    "在{E}承担的重点工程中，{他}负责的{#6-40}道关键工序全部一次验收合格。",
    "面对新的发展机遇，{N}表示将继续钻研技术、带好队伍，为包头{T}产业高质量发展贡献力量。",
  },
};

/* Replaces each "{#LOW-HIGH}" in `s` with a number drawn from LOW..HIGH, one draw each. */
static void
draw_numbers (GString *s, JpDemoRng *rng)
{
  char *at;

  while ((at = strstr (s->str, "{#")) != NULL)
    {
      gsize pos = at - s->str;
      char *end = NULL;
      long low = strtol (at + 2, &end, 10), high;
      char value[16];

      g_assert (end != NULL && *end == '-');
      high = strtol (end + 1, &end, 10);
      g_assert (end != NULL && *end == '}' && low <= high);
      g_snprintf (value, sizeof value, "%d", jp_demo_rng_range (rng, (int) low, (int) high));
      g_string_erase (s, pos, end + 1 - at);
      g_string_insert (s, pos, value);
    }
}

static guint
gcd (guint a, guint b)
{
  while (b != 0)
    {
      guint t = a % b;

      a = b;
      b = t;
    }
  return a;
}

char *
jp_demo_deeds (JpDemoRng *demo, const JpDemoStory *story, int target)
{
  g_autoptr(GString) s = g_string_new (NULL);
  int per_section = target / 4;
  JpDemoRng own, *rng = &own;
  guint64 seed = 0;

  /* The text draws from its own generator, seeded with four draws of the demo's (as many as
   * the deeds always took), so the prose can change without moving any later candidate's
   * name, unit or evidence. */
  for (guint k = 0; k < 4; k++)
    seed = (seed << 16 | seed >> 48) ^ jp_demo_rng_next (demo);
  jp_demo_rng_init (rng, seed);

  for (guint sec = 0; sec < 4; sec++)
    {
      /* The first sentence opens the section; the last section keeps its last sentence to
       * close the text; the others come in a drawn order, each at most once. */
      gboolean closes = sec == 3;
      guint n = DEEDS_POOL - 1 - (closes ? 1 : 0);
      guint start = jp_demo_rng_below (rng, n), step;
      int section_start;

      do
        step = 1 + jp_demo_rng_below (rng, n - 1);
      while (gcd (step, n) != 1);
      g_string_append (s, deeds_headings[sec][jp_demo_rng_below (rng, 3)]);
      g_string_append_c (s, '\n');
      section_start = g_utf8_strlen (s->str, -1);
      for (guint i = 0; i <= n; i++)
        {
          guint index = i == 0 ? 0 : 1 + (start + (i - 1) * step) % n;
          GString *sentence;

          if (i > 0 && g_utf8_strlen (s->str, -1) - section_start >= per_section)
            break;
          sentence = fill_string (deeds_sentences[sec][index], story);
          draw_numbers (sentence, rng);
          g_string_append (s, sentence->str);
          g_string_free (sentence, TRUE);
        }
      if (closes)
        {
          g_autofree char *last = fill (deeds_sentences[sec][DEEDS_POOL - 1], story);

          g_string_append (s, last);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
