/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-demo"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/jp-core.h"
#include "documents/jp-pdf.h"
#include "evidence/jp-evidence.h"
#include "jp-demo-private.h"

/* Candidates are generated in batches: the data on the calling thread (one random stream, so
 * the result never depends on scheduling), the documents on a thread pool (each a pure
 * function of its inputs), then saved in order. */
#define BATCH 16
#define ACTOR "demo"

/* Which candidates carry deliberate problems: by index, so any demo of 20 or more has each. */
#define BAD_CHECK_DIGIT(i)  ((i) % 17 == 1)
#define SHORT_SUMMARY(i)    ((i) % 17 == 4)
#define TWO_PHOTOS(i)       ((i) % 17 == 7)
#define NO_RECORD(i)        ((i) % 17 == 10)
#define BIRTH_MISMATCH(i)   ((i) % 17 == 13)
#define OVER_LIMIT(i)       ((i) % 5 == 3 && (i) < 20)

typedef struct {
  JpDocKind      kind;
  int            criterion;
  JpDemoDocKind  demo_kind;   /* evidence and record only */
  char          *title;
  char          *issuer;
  int            year;
  int            pages;
  char          *filename;
  guint32        variant;     /* photos */
  guint          number;      /* photos */
} DocSpec;

typedef struct {
  JpCandidate *candidate;
  GPtrArray   *specs;         /* DocSpec* */
  GPtrArray   *documents;     /* JpDocumentData*, filled by the worker */
  GError      *error;
} Job;

static void
doc_spec_free (DocSpec *spec)
{
  g_free (spec->title);
  g_free (spec->issuer);
  g_free (spec->filename);
  g_free (spec);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->candidate);
  g_clear_pointer (&job->specs, g_ptr_array_unref);
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static const char *const regions[] = {
  "150202", "150203", "150204", "150205", "150206", "150207", "150221", "150222", "150223",
};

typedef struct {
  JpDemoRng    rng;
  const JpDemoOptions *options;
  guint        unit_count[JP_DEMO_N_UNITS];
  GHashTable  *ids;        /* ID numbers and names used so far: each is unique */
} Generator;

static const char *
pick (JpDemoRng *rng, const char *const *list)
{
  guint n = g_strv_length ((char **) list);

  return list[jp_demo_rng_below (rng, n)];
}

static guint
pick_unit (Generator *gen, guint index)
{
  guint eligible[JP_DEMO_N_UNITS], n = 0;

  if (OVER_LIMIT (index))
    return JP_DEMO_OVER_LIMIT_UNIT;
  for (guint u = 0; u < JP_DEMO_N_UNITS; u++)
    if (u != JP_DEMO_OVER_LIMIT_UNIT
        && gen->unit_count[u] < (jp_demo_units[u].pilot ? 5u : 3u))
      eligible[n++] = u;
  if (n == 0)   /* more candidates than all limits allow (the benchmark): any unit */
    return jp_demo_rng_below (&gen->rng, JP_DEMO_N_UNITS);
  return eligible[jp_demo_rng_below (&gen->rng, n)];
}

static guint
pick_trade (Generator *gen, guint unit, guint index)
{
  guint bits[JP_DEMO_N_TRADES], n = 0;

  if (OVER_LIMIT (index))
    return 5;   /* the over-limit unit is a service company */
  for (guint t = 0; t < JP_DEMO_N_TRADES; t++)
    if (jp_demo_units[unit].trades & (1u << t))
      bits[n++] = t;
  return bits[jp_demo_rng_below (&gen->rng, n)];
}

static char *
make_id_number (Generator *gen, int year, int month, int day, JpSex sex, gboolean bad)
{
  for (;;)
    {
      const char *region = regions[jp_demo_rng_below (&gen->rng, G_N_ELEMENTS (regions))];
      guint seq = jp_demo_rng_below (&gen->rng, 100);
      guint sex_digit = 2 * jp_demo_rng_below (&gen->rng, 5) + (sex == JP_SEX_MALE ? 1 : 0);
      g_autofree char *first17 = g_strdup_printf ("%s%04d%02d%02d%02u%u", region, year, month,
                                                  day, seq, sex_digit);
      char check = jp_id_number_check_char (first17);
      char *id;

      if (bad)
        check = check == '0' ? '1' : check == 'X' ? '0' : (char) (check == '9' ? 'X' : check + 1);
      id = g_strdup_printf ("%s%c", first17, check);
      if (!g_hash_table_contains (gen->ids, id))
        {
          g_hash_table_add (gen->ids, id);
          return g_strdup (id);
        }
      g_free (id);
    }
}

static void
add_spec (Job *job, JpDocKind kind, int criterion, JpDemoDocKind demo_kind, const char *title,
          const char *issuer, int year, int pages, const char *filename)
{
  DocSpec *spec = g_new0 (DocSpec, 1);

  spec->kind = kind;
  spec->criterion = criterion;
  spec->demo_kind = demo_kind;
  spec->title = g_strdup (title);
  spec->issuer = g_strdup (issuer);
  spec->year = year;
  spec->pages = pages;
  spec->filename = g_strdup (filename);
  g_ptr_array_add (job->specs, spec);
}

/* The evidence for one criterion: kind, title, issuer; the highest honour for the form. */
static void
evidence_for (Generator *gen, int criterion, const JpDemoStory *story, int year,
              JpDemoDocKind *kind, char **title, char **issuer)
{
  static const char *const honours[] = { "包头市劳动模范", "包头市五一劳动奖章", "鹿城英才" };
  JpDemoRng *rng = &gen->rng;

  switch (criterion)
    {
    case 1:
      *kind = JP_DEMO_DOC_HONOUR;
      *title = g_strdup (honours[jp_demo_rng_below (rng, 3)]);
      *issuer = g_strdup ("包头市总工会");
      break;
    case 2:
      *kind = JP_DEMO_DOC_COMPETITION;
      *title = g_strdup_printf ("%d年包头市职工职业技能大赛%s项目", year, story->work_type);
      *issuer = g_strdup ("包头市职工职业技能大赛组委会");
      break;
    case 3:
      *kind = JP_DEMO_DOC_HONOUR;
      *title = g_strdup_printf ("%d年度自治区科学技术进步奖二等奖", year);
      *issuer = g_strdup ("自治区科技奖励委员会（示例）");
      break;
    case 4:
      *kind = jp_demo_rng_below (rng, 2) ? JP_DEMO_DOC_PATENT : JP_DEMO_DOC_HONOUR;
      *title = *kind == JP_DEMO_DOC_PATENT
        ? g_strdup_printf ("一种用于%s的装置", story->achievement)
        : g_strdup ("包头市职工技术创新成果一等奖");
      *issuer = g_strdup (*kind == JP_DEMO_DOC_PATENT ? "专利证书颁发机构（示例）" : "包头市总工会");
      break;
    case 5:
      *kind = JP_DEMO_DOC_PATENT;
      *title = g_strdup_printf ("一种%s的方法", story->achievement);
      *issuer = g_strdup ("专利证书颁发机构（示例）");
      break;
    default:
      *kind = JP_DEMO_DOC_HONOUR;
      *title = g_strdup ("包头市重大科技项目主要完成人");
      *issuer = g_strdup ("包头市科技项目管理办公室（示例）");
      break;
    }
}

static Job *
generate (Generator *gen, guint index)
{
  static const char *const ethnicities[] = {
    "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "蒙古族", "蒙古族", "回族", "满族",
    "达斡尔族",
  };
  static const char *const stations[] = { "鹿苑路派出所", "晨曦路派出所", "新光路派出所",
                                          "青禾路派出所" };
  static const char *const districts[] = { "昆都仑", "青山", "东河", "九原" };
  JpDemoRng *rng = &gen->rng;
  Job *job = g_new0 (Job, 1);
  JpCandidate *c = jp_candidate_new ();
  guint unit = pick_unit (gen, index);
  guint trade_i = pick_trade (gen, unit, index);
  const JpDemoTrade *trade = &jp_demo_trades[trade_i];
  int year = jp_demo_rng_range (rng, 1965, 1995), month = jp_demo_rng_range (rng, 1, 12);
  int day = jp_demo_rng_range (rng, 1, 28), ws_year, n_evidence, evidence_pages;
  gboolean engineer;
  guint criteria_list[2], n_criteria, n_photos;
  JpDemoStory story = { 0 };
  g_autoptr(GString) honours = g_string_new (NULL);
  g_autofree char *first_honour = NULL;
  g_autofree char *record_issuer = NULL;
  guint r;

  job->candidate = c;
  job->specs = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_spec_free);
  gen->unit_count[unit]++;

  c->sex = jp_demo_rng_below (rng, 4) == 0 ? JP_SEX_FEMALE : JP_SEX_MALE;
  c->ethnicity = g_strdup (ethnicities[jp_demo_rng_below (rng, G_N_ELEMENTS (ethnicities))]);
  do
    {
      g_free (c->name);
      c->name = jp_demo_person_name (rng, c->sex, c->ethnicity);
    }
  while (g_hash_table_contains (gen->ids, c->name));
  g_hash_table_add (gen->ids, g_strdup (c->name));
  c->id_number = make_id_number (gen, year, month, day, c->sex, BAD_CHECK_DIGIT (index));
  /* the form's birth month disagrees with the ID number on purpose */
  c->birth = g_strdup_printf ("%04d-%02d", year, BIRTH_MISMATCH (index) ? month % 12 + 1 : month);
  /* the over-limit unit is an elevator company: its people are elevator fitters */
  c->work_type = g_strdup (OVER_LIMIT (index) ? "电梯维修工" : pick (rng, trade->work_types));
  engineer = strstr (c->work_type, "工程师") != NULL || strstr (c->work_type, "技术员") != NULL;
  r = jp_demo_rng_below (rng, 10);
  c->political = g_strdup (r < 5 ? "中共党员" : (r < 6 && year >= 1990) ? "共青团员"
                           : r < 9 ? "群众" : "九三学社社员");
  c->education = g_strdup (engineer ? (r % 3 ? "大学本科" : "硕士研究生")
                           : pick (rng, (const char *const[]) { "高中", "中专", "技工学校",
                                                                "大专", "大学本科", NULL }));
  ws_year = MIN (year + jp_demo_rng_range (rng, 18, 21) + (engineer ? 4 : 0), 2020);
  c->work_start = g_strdup_printf ("%04d-%02d", ws_year, jp_demo_rng_range (rng, 1, 12));
  c->unit = g_strdup (jp_demo_units[unit].name);
  c->employer = g_strdup (jp_demo_units[unit].employer != NULL
                          ? jp_demo_units[unit].employer : pick (rng, trade->employers));
  c->position = g_strdup (engineer
                          ? pick (rng, (const char *const[]) { "主任工程师", "工艺技术主管",
                                                               "技术研发组组长", NULL })
                          : pick (rng, (const char *const[]) { "班组长", "首席技师",
                                                               "工段长", "一线操作岗",
                                                               "技能大师工作室负责人",
                                                               NULL }));
  c->years_in_trade = MAX (3, 2023 - ws_year - jp_demo_rng_range (rng, 0, 3));
  c->skill_level = g_strdup (engineer
                             ? pick (rng, (const char *const[]) { "高级工程师", "高级工程师",
                                                                  "工程师", "正高级工程师",
                                                                  NULL })
                             : pick (rng, (const char *const[]) { "高级技师", "高级技师",
                                                                  "技师", "技师", "高级工",
                                                                  NULL }));
  c->phone = g_strdup_printf ("1380000%04u", jp_demo_rng_below (rng, 10000));
  c->union_member = JP_TRISTATE_YES;
  c->trade = g_strdup (trade->name);
  c->trade_code = g_strdup (trade->code);
  r = jp_demo_rng_below (rng, 20);
  c->route = r < 16 ? JP_ROUTE_UNIT : r < 18 ? JP_ROUTE_SOCIAL : JP_ROUTE_SELF;
  c->fill_date = g_strdup_printf ("2023-03-%02d", jp_demo_rng_range (rng, 1, 7));
  c->status = JP_STATUS_SUBMITTED;

  n_criteria = 1 + jp_demo_rng_below (rng, 2);
  criteria_list[0] = (guint) pick (rng, (const char *const[]) { "\1", "\2", "\2", "\4", "\4",
                                                                "\5", "\3", "\6", NULL })[0];
  do
    criteria_list[1] = 1 + jp_demo_rng_below (rng, 6);
  while (criteria_list[1] == criteria_list[0]);
  c->criteria = 0;
  for (guint k = 0; k < n_criteria; k++)
    c->criteria |= 1u << criteria_list[k];

  story.name = c->name;
  story.trade_name = trade->name;
  story.work_type = c->work_type;
  story.employer = c->employer;
  story.position = c->position;
  story.years = c->years_in_trade;
  story.achievement = pick (rng, trade->projects);
  story.honour = "包头市五一劳动奖章";
  story.pronoun = c->sex == JP_SEX_FEMALE ? "她" : "他";
  story.year = 2023;

  /* Evidence: one document per claimed criterion, then more for the first criterion up to
   * 2-4 documents; pages spread so the candidate has about `evidence_pages` in all. */
  n_evidence = jp_demo_rng_range (rng, 2, 4);
  evidence_pages = gen->options->evidence_pages;
  for (int k = 0; k < n_evidence; k++)
    {
      int criterion = criteria_list[k < (int) n_criteria ? k : 0];
      /* a different year for each document, so that two documents for one criterion never
       * come out byte-identical (the store would keep only one) */
      int doc_year = 2022 - k - 4 * (int) jp_demo_rng_below (rng, 2);
      int pages;
      JpDemoDocKind kind;
      g_autofree char *title = NULL;
      g_autofree char *issuer = NULL;
      g_autofree char *filename = NULL;

      evidence_for (gen, criterion, &story, doc_year, &kind, &title, &issuer);
      if (evidence_pages > 0)
        pages = MAX (1, evidence_pages / n_evidence + (k < evidence_pages % n_evidence ? 1 : 0));
      else
        pages = kind == JP_DEMO_DOC_PATENT ? jp_demo_rng_range (rng, 2, 3) : 1;
      filename = g_strdup_printf ("evidence/%02d-%s.pdf", k + 1,
                                  kind == JP_DEMO_DOC_PATENT ? "patent"
                                  : kind == JP_DEMO_DOC_COMPETITION ? "award" : "honour");
      add_spec (job, JP_DOC_EVIDENCE, criterion, kind, title, issuer, doc_year, pages, filename);
      if (kind != JP_DEMO_DOC_PATENT)
        {
          g_autofree char *year_prefix = g_strdup_printf ("%d年", doc_year);

          /* a title that names its year already is not preceded by it again
           * ("2018年获2018年包头市……" read as a typo) */
          if (g_str_has_prefix (title, year_prefix))
            g_string_append_printf (honours, "%s获%s%s", honours->len ? "；" : "", title,
                                    kind == JP_DEMO_DOC_COMPETITION ? "第一名" : "");
          else
            g_string_append_printf (honours, "%s%d年获%s%s", honours->len ? "；" : "",
                                    doc_year, title,
                                    kind == JP_DEMO_DOC_COMPETITION ? "第一名" : "");
          if (first_honour == NULL)
            first_honour = g_strdup (title);
        }
      else
        g_string_append_printf (honours, "%s%d年获国家专利授权（%s）", honours->len ? "；" : "",
                                doc_year, title);
    }
  c->honours = g_strdup (honours->str);
  if (first_honour != NULL)
    story.honour = first_honour;

  record_issuer = g_strdup_printf ("包头市公安局%s分局%s",
                                   districts[jp_demo_rng_below (rng, 4)],
                                   stations[jp_demo_rng_below (rng, 4)]);
  if (!NO_RECORD (index))
    add_spec (job, JP_DOC_NO_CRIMINAL_RECORD, 0, JP_DEMO_DOC_NO_CRIMINAL_RECORD,
              "用于“包头工匠”推荐申报", record_issuer, 2023, 1, "no-criminal-record.pdf");

  n_photos = TWO_PHOTOS (index) ? 2 : 3;
  for (guint k = 0; k < n_photos; k++)
    {
      g_autofree char *filename = g_strdup_printf ("photos/photo-%u.png", k + 1);

      add_spec (job, JP_DOC_PHOTO, 0, 0, NULL, NULL, 0, 1, filename);
      ((DocSpec *) g_ptr_array_index (job->specs, job->specs->len - 1))->variant =
        (guint32) jp_demo_rng_next (rng);
      ((DocSpec *) g_ptr_array_index (job->specs, job->specs->len - 1))->number = k + 1;
    }

  if (SHORT_SUMMARY (index))
    c->summary = jp_demo_summary (rng, &story, 100, 180);
  else
    c->summary = jp_demo_summary (rng, &story, 250, 390);
  c->deeds = jp_demo_deeds (rng, &story, jp_demo_rng_range (rng, 1750, 2150));
  return job;
}

static void
render_job (gpointer data, gpointer user_data)
{
  Job *job = data;
  JpCandidate *c = job->candidate;

  job->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_data_free);
  for (guint k = 0; k < job->specs->len; k++)
    {
      DocSpec *spec = g_ptr_array_index (job->specs, k);
      g_autoptr(GBytes) bytes = NULL;
      JpDocumentRef *ref;

      if (spec->kind == JP_DOC_PHOTO)
        bytes = jp_demo_photo (spec->variant, spec->number, &job->error);
      else
        bytes = jp_pdf_demo_evidence (spec->demo_kind, c->name, c->employer, spec->title,
                                      spec->issuer, spec->year, spec->pages, &job->error);
      if (bytes == NULL)
        return;

      ref = jp_document_ref_new ();
      ref->kind = spec->kind;
      ref->criterion = spec->criterion;
      ref->filename = g_strdup (spec->filename);
      ref->mime = g_strdup (spec->kind == JP_DOC_PHOTO ? "image/png" : "application/pdf");
      ref->pages = spec->pages;
      ref->bytes = g_bytes_get_size (bytes);
      ref->sha256 = jp_evidence_sha256 (bytes);
      g_ptr_array_add (job->documents, jp_document_data_new (ref, bytes));
    }
}

static gboolean
add_setup (JpStore *store, GError **error)
{
  static const char *const member_names[] = {
    "高振华", "李秀琴", "王德胜", "赵宏伟", "乌兰图雅", "陈立新", "刘玉梅", "孙建平", "周晓东",
    "马文斌", "郭淑芬", "杨志刚", "韩永利", "吴春燕", "冯国庆",
  };
  static const char *const member_units[] = {
    "包头市总工会", "包头鹿城职业技术学院（示例）", "包头市技能人才评价中心（示例）",
    "包头瑞晟稀土材料有限公司", "包头市新材料产业促进会", "包头晶拓硅材料科技有限公司",
    "包头市风电运维服务协会", "包头鸿锐重型机械有限公司", "包头嘉衡特钢有限公司",
    "包头市焊接与热加工学会", "包头市技工学校（示例）", "包头市产业工人研究会（示例）",
    "包头北辰电梯工程有限公司", "包头市总工会", "包头市总工会",
  };

  for (guint t = 0; t < JP_DEMO_N_TRADES; t++)
    if (jp_store_add_trade (store, jp_demo_trades[t].code, jp_demo_trades[t].name,
                            jp_demo_trades[t].priority, ACTOR, error) <= 0)
      return FALSE;
  for (guint u = 0; u < JP_DEMO_N_UNITS; u++)
    if (jp_store_add_unit (store, jp_demo_units[u].name, jp_demo_units[u].pilot, 0, ACTOR,
                           error) <= 0)
      return FALSE;
  for (guint m = 0; m < 15; m++)
    {
      /* 2-4 trades each, rotating, so that every trade has a panel of at least seven */
      static const guint offsets[] = { 0, 1, 3, 4 };
      g_autofree char *code = g_strdup_printf ("M%02u", m + 1);
      g_autoptr(GStrvBuilder) trades = g_strv_builder_new ();
      g_auto(GStrv) trade_codes = NULL;
      JpMember member = { 0 };

      for (guint k = 0; k < 2 + m % 3; k++)
        g_strv_builder_add (trades, jp_demo_trades[(m + offsets[k]) % JP_DEMO_N_TRADES].code);
      trade_codes = g_strv_builder_end (trades);
      member.code = code;
      member.name = (char *) member_names[m];
      member.unit = (char *) member_units[m];
      member.role = m == 0 ? JP_MEMBER_ROLE_CHAIR
        : m >= 13 ? JP_MEMBER_ROLE_SCRUTINEER : JP_MEMBER_ROLE_MEMBER;
      member.trades = trade_codes;
      if (jp_store_add_member (store, &member, ACTOR, error) <= 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * jp_demo_create:
 * See jp-demo.h. Returns a new store (transfer full) or NULL with an error.
 */
JpStore *
jp_demo_create (const char          *path,
                const JpDemoOptions *options,
                JpDemoProgressFunc   progress,
                gpointer             user_data,
                GError             **error)
{
  JpDemoOptions defaults = { JP_DEMO_DEFAULT_CANDIDATES, JP_DEMO_DEFAULT_SEED, 0 };
  g_autoptr(JpElection) election = jp_election_new ();
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) when = g_date_time_new (tz, 2023, 3, 8, 9, 0, 0);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Generator gen = { 0 };
  guint total;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  total = options->candidates;

  g_free (election->title);
  election->title = g_strdup ("包头市2023年“包头工匠”选树");
  g_free (election->award);
  election->award = g_strdup ("包头工匠");
  g_free (election->organiser);
  election->organiser = g_strdup ("包头市总工会");
  election->year = 2023;
  election->quota = 20;
  election->ratio = 1.5;

  store = jp_store_create (path, election, error);
  if (store == NULL)
    return NULL;
  jp_store_set_fixed_time (store, g_date_time_to_unix (when));
  if (!add_setup (store, error))
    return NULL;

  jp_demo_rng_init (&gen.rng, options->seed);
  gen.options = options;
  gen.ids = ids;

  for (guint start = 0; start < total; start += BATCH)
    {
      g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
      GThreadPool *pool;
      guint end = MIN (start + BATCH, total);

      for (guint i = start; i < end; i++)
        g_ptr_array_add (jobs, generate (&gen, i));

      pool = g_thread_pool_new (render_job, NULL, MAX (1, (int) g_get_num_processors ()),
                                FALSE, NULL);
      for (guint k = 0; k < jobs->len; k++)
        g_thread_pool_push (pool, g_ptr_array_index (jobs, k), NULL);
      g_thread_pool_free (pool, FALSE, TRUE);

      for (guint k = 0; k < jobs->len; k++)
        {
          Job *job = g_ptr_array_index (jobs, k);

          if (job->error != NULL)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&job->error),
                                          _("Could not create the demo documents of "
                                            "candidate %s: "), job->candidate->name);
              return NULL;
            }
          if (!jp_store_save_candidate (store, job->candidate, job->documents, ACTOR, NULL,
                                        error))
            return NULL;
          if (progress != NULL)
            progress (start + k + 1, total, user_data);
        }
    }
  return g_steal_pointer (&store);
}
