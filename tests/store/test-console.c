/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-store"

#include "config.h"

#include "store-test-util.h"
#include "jp-store-console.h"
#include "jp-random.h"
#include "../common/sqlite-deny.h"

/* jp_store_is_conflicted, which must not fail here. */
static gboolean
is_conflicted (JpStore    *store,
               const char *member_code,
               gint64      candidate_id)
{
  g_autoptr(GError) error = NULL;
  gboolean conflicted = FALSE;

  g_assert_true (jp_store_is_conflicted (store, member_code, candidate_id, &conflicted, &error));
  g_assert_no_error (error);
  return conflicted;
}

/* The host console's store: review, settings, seats, members, conflicts, the freeze. */

#define FIXED_TIME 1700000000

typedef struct {
  char    *dir;
  char    *path;
  JpStore *store;
  gint64   wang;     /* XT, evidence for criteria 1 and 4 */
  gint64   li;       /* XT, evidence for criterion 2 */
  gint64   zhao;     /* GF */
  char    *sha_c1;
  char    *sha_c4;
  char    *sha_c2;
  char    *sha_zhao;
} Fixture;

static gint64
add_candidate (JpStore    *store,
               const char *name,
               const char *body17,
               const char *unit,
               const char *trade,
               GPtrArray  *docs)
{
  g_autofree char *id_number = test_id_number (body17);
  g_autoptr(JpCandidate) c = test_candidate (name, id_number, unit, trade);
  g_autoptr(GError) error = NULL;

  c->union_member = JP_TRISTATE_YES;
  g_assert_true (jp_store_save_candidate (store, c, docs, "test", NULL, &error));
  g_assert_no_error (error);
  return c->id;
}

static char *
sha_of (GPtrArray *docs,
        guint      i)
{
  return g_strdup (((JpDocumentData *) docs->pdata[i])->ref->sha256);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) d1 = test_documents_new ();
  g_autoptr(GPtrArray) d2 = test_documents_new ();
  g_autoptr(GPtrArray) d3 = test_documents_new ();

  f->dir = test_tmp_dir ();
  f->path = g_build_filename (f->dir, "console.jiangping", NULL);
  f->store = jp_store_create (f->path, NULL, &error);
  g_assert_no_error (error);
  jp_store_set_fixed_time (f->store, FIXED_TIME);
  jp_store_add_trade (f->store, "XT", "稀土", TRUE, "test", &error);
  g_assert_no_error (error);
  jp_store_add_trade (f->store, NULL, "光伏", TRUE, "test", &error);
  g_assert_no_error (error);

  g_ptr_array_add (d1, test_document (JP_DOC_EVIDENCE, 1, "evidence/award.pdf", "award-wang"));
  g_ptr_array_add (d1, test_document (JP_DOC_EVIDENCE, 4, "evidence/patent.pdf", "patent-wang"));
  g_ptr_array_add (d1, test_document (JP_DOC_NO_CRIMINAL_RECORD, 0, "ncr.pdf", "ncr-wang"));
  f->wang = add_candidate (f->store, "王建国", "15020219800101001", "包钢集团", "稀土", d1);
  f->sha_c1 = sha_of (d1, 0);
  f->sha_c4 = sha_of (d1, 1);

  g_ptr_array_add (d2, test_document (JP_DOC_EVIDENCE, 2, "evidence/skill.pdf", "skill-li"));
  f->li = add_candidate (f->store, "李明", "15020219810202002", "北方稀土", "稀土", d2);
  f->sha_c2 = sha_of (d2, 0);

  g_ptr_array_add (d3, test_document (JP_DOC_EVIDENCE, 3, "evidence/zhao.pdf", "zhao-ev"));
  f->zhao = add_candidate (f->store, "赵强", "15020219820303003", "光伏公司", "光伏", d3);
  f->sha_zhao = sha_of (d3, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->sha_c1);
  g_free (f->sha_c4);
  g_free (f->sha_c2);
  g_free (f->sha_zhao);
}

static guint
count_audit (JpStore    *store,
             const char *action)
{
  g_autoptr(GPtrArray) audit = jp_store_list_audit (store, NULL);
  guint n = 0;

  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (((JpAuditEntry *) audit->pdata[i])->action, action) == 0)
      n++;
  return n;
}

static JpCandidateStatus
status_of (JpStore *store,
           gint64   id)
{
  g_autoptr(JpCandidate) c = jp_store_get_candidate (store, id, NULL);

  return c->status;
}

static void
decide (Fixture          *f,
        gint64            id,
        JpReviewDecision  decision,
        int               criterion,
        const char       *sha)
{
  g_autoptr(JpReview) review = jp_review_new (id);
  g_autoptr(GError) error = NULL;

  review->decision = decision;
  if (criterion > 0)
    jp_review_link_evidence (review, criterion, sha);
  if (decision == JP_REVIEW_DECISION_RETURNED)
    review->reason = g_strdup ("材料不全");
  g_assert_true (jp_store_save_review (f->store, review, "secretary", NULL, &error));
  g_assert_no_error (error);
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *code)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_strcmp0 (((JpFinding *) findings->pdata[i])->code, code) == 0)
      return TRUE;
  return FALSE;
}

/* The one JSON form of a review: what the audit log records for "review.decide" and what
 * `jiangping-cli qualify --json` prints (jp_store_review_to_json). */
static void
test_review_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JpReview) review = jp_review_new (f->wang);
  g_autoptr(JpCandidate) candidate = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *logged = NULL;
  JsonObject *o;
  JsonArray *criteria;

  jp_review_link_evidence (review, 4, f->sha_c4);
  jp_review_set_exclusion (review, JP_EXCLUSION_CADRE_OR_HEAD, TRUE, "车间主任");
  review->decision = JP_REVIEW_DECISION_QUALIFIED;
  g_assert_true (jp_store_save_review (f->store, review, "secretary", NULL, &error));
  g_assert_no_error (error);
  candidate = jp_store_get_candidate (f->store, f->wang, &error);
  g_assert_no_error (error);

  node = jp_store_review_to_json (review, candidate);
  o = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (o, "candidate_id"), ==, f->wang);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, candidate->name);
  g_assert_cmpstr (json_object_get_string_member (o, "decision"), ==, "qualified");
  criteria = json_object_get_array_member (o, "criteria");
  g_assert_cmpuint (json_array_get_length (criteria), ==, 1);
  g_assert_cmpint (json_array_get_int_element (criteria, 0), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (
                       json_object_get_object_member (o, "evidence"), "4"), 0), ==, f->sha_c4);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (o, "exclusions"), 0), "note"), ==,
                   "车间主任");
  g_assert_cmpstr (json_object_get_string_member (o, "decided_by"), ==, "secretary");
  g_assert_cmpint (json_object_get_int_member (o, "decided_at"), ==, FIXED_TIME);

  /* the audit row holds the same object */
  audit = jp_store_list_audit (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (((JpAuditEntry *) audit->pdata[i])->action, "review.decide"))
      logged = ((JpAuditEntry *) audit->pdata[i])->payload;
  g_assert_nonnull (logged);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (logged, ==, text);
}

/* ---- review ---- */

static void
test_review_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JpReview) review = jp_review_new (f->wang);
  g_autoptr(JpReview) loaded = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  loaded = jp_store_get_review (f->store, f->wang, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->decision, ==, JP_REVIEW_DECISION_NONE);
  g_clear_pointer (&loaded, jp_review_free);

  jp_review_link_evidence (review, 1, f->sha_c1);
  jp_review_link_evidence (review, 4, f->sha_c4);
  jp_review_set_exclusion (review, JP_EXCLUSION_CADRE_OR_HEAD, TRUE, "车间主任，非企业负责人");
  review->decision = JP_REVIEW_DECISION_QUALIFIED;
  review->reason = g_strdup ("条件一、四均有证书");
  g_assert_true (jp_store_save_review (f->store, review, "secretary", &warnings, &error));
  g_assert_no_error (error);
  g_assert_true (has_finding (warnings, "review-cadre-or-head"));

  loaded = jp_store_get_review (f->store, f->wang, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->decision, ==, JP_REVIEW_DECISION_QUALIFIED);
  g_assert_cmpuint (loaded->criteria_met, ==, (1u << 1) | (1u << 4));
  g_assert_cmpuint (loaded->evidence[1]->len, ==, 1);
  g_assert_cmpstr (loaded->evidence[1]->pdata[0], ==, f->sha_c1);
  g_assert_cmpuint (loaded->evidence[4]->len, ==, 1);
  g_assert_cmpstr (loaded->evidence[4]->pdata[0], ==, f->sha_c4);
  g_assert_cmpuint (loaded->evidence[2]->len, ==, 0);
  g_assert_cmpuint (loaded->exclusions, ==, 1u << JP_EXCLUSION_CADRE_OR_HEAD);
  g_assert_cmpstr (loaded->exclusion_notes[JP_EXCLUSION_CADRE_OR_HEAD], ==,
                   "车间主任，非企业负责人");
  g_assert_cmpstr (loaded->reason, ==, "条件一、四均有证书");
  g_assert_cmpstr (loaded->decided_by, ==, "secretary");
  g_assert_cmpint (loaded->decided_at, ==, FIXED_TIME);
  g_assert_cmpint (status_of (f->store, f->wang), ==, JP_STATUS_QUALIFIED);

  all = jp_store_list_reviews (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (((JpReview *) all->pdata[0])->candidate_id, ==, f->wang);
  g_assert_cmpuint (count_audit (f->store, "review.decide"), ==, 1);
}

static void
test_review_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpReview) review = jp_review_new (f->wang);
  g_autoptr(GError) error = NULL;

  /* criterion 4 ticked by its evidence link, criterion 1 ticked without any */
  jp_review_link_evidence (review, 4, f->sha_c4);
  review->criteria_met |= 1u << 1;
  review->decision = JP_REVIEW_DECISION_QUALIFIED;
  g_assert_false (jp_store_save_review (f->store, review, "secretary", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "criterion 1 has no evidence"));
  g_clear_error (&error);

  /* another candidate's document is no evidence of this one */
  g_ptr_array_add (review->evidence[1], g_strdup (f->sha_c2));
  g_assert_false (jp_store_save_review (f->store, review, "secretary", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* misconduct: never qualified, even with every criterion backed */
  g_ptr_array_set_size (review->evidence[1], 0);
  jp_review_link_evidence (review, 1, f->sha_c1);
  jp_review_set_exclusion (review, JP_EXCLUSION_MISCONDUCT, TRUE, "违纪处分");
  g_assert_false (jp_store_save_review (f->store, review, "secretary", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cannot be qualified"));
  g_clear_error (&error);

  /* returned without a reason */
  review->decision = JP_REVIEW_DECISION_RETURNED;
  review->reason = g_strdup ("   ");
  g_assert_false (jp_store_save_review (f->store, review, "secretary", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs a reason"));
  g_clear_error (&error);

  /* nothing was written by the refusals */
  g_assert_cmpint (status_of (f->store, f->wang), ==, JP_STATUS_SUBMITTED);
  g_assert_cmpuint (count_audit (f->store, "review.decide"), ==, 0);
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM review"), ==, 0);

  /* unknown candidate */
  g_assert_null (jp_store_get_review (f->store, 999, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
}

static void
test_review_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) last = NULL;

  decide (f, f->li, JP_REVIEW_DECISION_RETURNED, 0, NULL);
  g_assert_cmpint (status_of (f->store, f->li), ==, JP_STATUS_RETURNED);
  decide (f, f->li, JP_REVIEW_DECISION_QUALIFIED, 2, f->sha_c2);
  g_assert_cmpint (status_of (f->store, f->li), ==, JP_STATUS_QUALIFIED);

  history = jp_store_list_candidate_history (f->store, f->li, &error);
  g_assert_no_error (error);
  /* candidate.add, then two decisions, oldest first */
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((JpAuditEntry *) history->pdata[0])->action, ==, "candidate.add");
  g_assert_cmpstr (((JpAuditEntry *) history->pdata[1])->action, ==, "review.decide");
  g_assert_cmpstr (((JpAuditEntry *) history->pdata[2])->action, ==, "review.decide");
  last = test_parse_object (((JpAuditEntry *) history->pdata[2])->payload);
  g_assert_cmpstr (json_object_get_string_member (last, "decision"), ==, "qualified");
  g_assert_cmpstr (json_object_get_string_member (last, "decided_by"), ==, "secretary");
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (json_object_get_object_member (last,
                                                                                  "evidence"),
                                                   "2"), 0), ==, f->sha_c2);

  /* a re-import keeps the decision */
  {
    g_autoptr(JpCandidate) c = jp_store_get_candidate (f->store, f->li, NULL);

    c->status = JP_STATUS_SUBMITTED;
    g_assert_true (jp_store_save_candidate (f->store, c, NULL, "import", NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status_of (f->store, f->li), ==, JP_STATUS_QUALIFIED);
  }
}

static void
test_review_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JpReviewProgress) p = NULL;
  g_autoptr(GError) error = NULL;
  JpReviewTradeProgress *gf, *xt;

  decide (f, f->wang, JP_REVIEW_DECISION_QUALIFIED, 1, f->sha_c1);
  decide (f, f->li, JP_REVIEW_DECISION_RETURNED, 0, NULL);
  p = jp_store_get_review_progress (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->total, ==, 3);
  g_assert_cmpuint (p->reviewed, ==, 2);
  g_assert_cmpuint (p->qualified, ==, 1);
  g_assert_cmpuint (p->returned, ==, 1);
  g_assert_cmpuint (p->pending, ==, 1);
  g_assert_cmpuint (p->trades->len, ==, 2);
  gf = p->trades->pdata[0];
  xt = p->trades->pdata[1];
  g_assert_cmpstr (gf->trade, ==, "光伏");
  g_assert_cmpuint (gf->total, ==, 1);
  g_assert_cmpuint (gf->pending, ==, 1);
  g_assert_cmpstr (xt->trade, ==, "稀土");
  g_assert_cmpuint (xt->total, ==, 2);
  g_assert_cmpuint (xt->qualified, ==, 1);
  g_assert_cmpuint (xt->returned, ==, 1);
  g_assert_cmpuint (xt->pending, ==, 0);
}

/* ---- settings and election ---- */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JpSettings) s = jp_store_get_settings (f->store);
  g_autoptr(JpSettings) loaded = NULL;
  g_autoptr(JpSettings) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(JsonObject) payload = NULL;
  g_autoptr(JpElection) e = jp_store_get_election (f->store);
  JsonArray *changed;

  g_assert_cmpfloat (s->weight_votes, ==, 0.30);
  s->weight_votes = 0.25;
  s->weight_online = 0.15;
  s->publicity_days = 7;
  g_free (s->font_kai);
  s->font_kai = g_strdup ("/usr/share/fonts/truetype/arphic/ukai.ttc");
  g_assert_true (jp_store_update_settings (f->store, s, "secretary", &error));
  g_assert_no_error (error);

  loaded = jp_store_get_settings (f->store);
  g_assert_cmpfloat_with_epsilon (loaded->weight_votes, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (loaded->weight_online, 0.15, 1e-9);
  g_assert_cmpint (loaded->publicity_days, ==, 7);
  g_assert_cmpstr (loaded->font_kai, ==, "/usr/share/fonts/truetype/arphic/ukai.ttc");

  audit = jp_store_list_audit (f->store, NULL);
  payload = test_parse_object (((JpAuditEntry *) audit->pdata[audit->len - 1])->payload);
  g_assert_cmpstr (((JpAuditEntry *) audit->pdata[audit->len - 1])->action, ==,
                   "settings.update");
  changed = json_object_get_array_member (payload, "changed");
  g_assert_cmpuint (json_array_get_length (changed), ==, 4);

  /* weights that do not sum to 1 are refused and nothing changes */
  bad = jp_settings_copy (loaded);
  bad->weight_defence = 0.9;
  g_assert_false (jp_store_update_settings (f->store, bad, "secretary", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&loaded, jp_settings_free);
  loaded = jp_store_get_settings (f->store);
  g_assert_cmpfloat_with_epsilon (loaded->weight_defence, 0.60, 1e-9);

  /* no round has opened: the quota may change */
  g_assert_cmpint (jp_store_get_stage_locks (f->store), ==, JP_STAGE_LOCK_NONE);
  e->quota = 25;
  g_assert_true (jp_store_update_election (f->store, e, "secretary", &error));
  g_assert_no_error (error);
}

/* ---- trades and seats ---- */

static void
test_trade_code (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JpTrade) gf = jp_store_find_trade (f->store, "光伏");
  g_autoptr(JpTrade) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (jp_store_update_trade (f->store, gf->id, "G F", "光伏", TRUE, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "G F"));
  g_clear_error (&error);
  g_assert_false (jp_store_update_trade (f->store, gf->id, "GUANGFU", "光伏", TRUE, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_store_update_trade (f->store, gf->id, "xt", "光伏", TRUE, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (jp_store_update_trade (f->store, gf->id, "GF", "稀土", TRUE, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* adding a trade follows the same rule */
  g_assert_cmpint (jp_store_add_trade (f->store, "N W", "新行业", FALSE, "t", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "N W"));
  g_clear_error (&error);
  g_assert_null (jp_store_find_trade (f->store, "新行业"));
  g_assert_cmpint (jp_store_add_trade (f->store, "nw", "新行业", FALSE, "t", &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(JpTrade) nw = jp_store_find_trade (f->store, "新行业");

    g_assert_cmpstr (nw->code, ==, "NW");
  }

  g_assert_true (jp_store_update_trade (f->store, gf->id, "gf2", "光伏发电", FALSE, "t", &error));
  g_assert_no_error (error);
  after = jp_store_find_trade (f->store, "GF2");
  g_assert_nonnull (after);
  g_assert_cmpstr (after->code, ==, "GF2");
  g_assert_cmpstr (after->name, ==, "光伏发电");
  g_assert_false (after->priority);
  g_assert_cmpuint (count_audit (f->store, "trade.update"), ==, 1);

  /* a trade with candidates stays */
  g_assert_false (jp_store_delete_trade (f->store, gf->id, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
}

static void
test_seat_plan (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *code; const char *name; int qualified; } demo[] = {
    { "XT2", "稀土冶炼", 12 }, { "GY", "硅业", 9 }, { "FD", "风电", 8 },
    { "ZZ", "装备制造", 6 }, { "HG", "化工", 5 }, { "JZ", "建筑", 4 },
  };
  g_autoptr(JpSeatPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JpTrade) fd = NULL;
  int n = 0;

  for (guint t = 0; t < G_N_ELEMENTS (demo); t++)
    {
      gint64 trade = jp_store_add_trade (f->store, demo[t].code, demo[t].name, FALSE, "t",
                                         &error);

      g_assert_no_error (error);
      for (int i = 0; i < demo[t].qualified; i++)
        {
          g_autofree char *sql =
            g_strdup_printf ("INSERT INTO candidate (name, trade_id, status, created_at, "
                             "updated_at) VALUES ('候选人%d', %" G_GINT64_FORMAT ", "
                             "'qualified', 0, 0)", n++, trade);

          g_assert_cmpint (sqlite3_exec (f->store->db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        }
    }

  plan = jp_store_get_seat_plan (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->target, ==, 30);
  g_assert_cmpint (plan->sum, ==, 30);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = plan->rows->pdata[i];

      g_assert_false (row->edited);
      g_assert_cmpint (row->seats, ==, row->automatic);
      g_assert_cmpint (row->seats, <=, row->qualified);
      if (row->qualified > 0)
        g_assert_cmpint (row->seats, >=, 1);
      else
        g_assert_cmpint (row->seats, ==, 0);
    }
  g_assert_false (has_finding (plan->findings, "seats-sum"));

  /* the chair edits one trade: the sum moves off the target, and is shown as such */
  fd = jp_store_find_trade (f->store, "FD");
  g_assert_true (jp_store_set_trade_seats (f->store, fd->id, 8, "chair", &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, jp_seat_plan_free);
  plan = jp_store_get_seat_plan (f->store, &error);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      JpSeatRow *row = plan->rows->pdata[i];

      if (row->trade_id == fd->id)
        {
          g_assert_true (row->edited);
          g_assert_cmpint (row->seats, ==, 8);
          g_assert_cmpint (plan->sum, ==, 30 - row->automatic + 8);
        }
    }
  g_assert_true (has_finding (plan->findings, "seats-sum"));

  /* more seats than qualified candidates is refused */
  g_assert_false (jp_store_set_trade_seats (f->store, fd->id, 9, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* reset to automatic */
  g_assert_true (jp_store_set_trade_seats (f->store, fd->id, -1, "chair", &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, jp_seat_plan_free);
  plan = jp_store_get_seat_plan (f->store, &error);
  g_assert_cmpint (plan->sum, ==, 30);
  g_assert_cmpuint (count_audit (f->store, "trade.seats"), ==, 2);
}

/* ---- members ---- */

static gint64
add_member (JpStore    *store,
            const char *code,
            const char *unit)
{
  g_autoptr(JpMember) m = g_new0 (JpMember, 1);
  g_autoptr(GError) error = NULL;
  const char *trades[] = { "XT", NULL };
  gint64 id;

  m->code = g_strdup (code);
  m->name = g_strdup ("评委");
  m->unit = g_strdup (unit);
  m->trades = g_strdupv ((char **) trades);
  id = jp_store_add_member (store, m, "t", &error);
  g_assert_no_error (error);
  return id;
}

/* binary data: search every byte, NULs included */
static gboolean
bytes_contain (const char *data,
               gsize       len,
               const char *needle)
{
  for (gsize i = 0; data != NULL && i + strlen (needle) <= len; i++)
    if (memcmp (data + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return bytes_contain (contents, len, needle);
}

static void
test_member_pin (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *second = NULL;
  guint attempts;

  add_member (f->store, "M01", "稀土研究院");
  g_assert_false (test_has_pin (f->store, "M01"));
  /* The claim "the PIN is nowhere in the file" is only evidence when the six digits were
   * not already in the file by chance (ID numbers and phone numbers are digits too): draw
   * again in that case, so the check below cannot fail by coincidence. */
  for (attempts = 1; ; attempts++)
    {
      g_autofree char *before = NULL, *before_wal = NULL;
      gsize before_len = 0, before_wal_len = 0;

      g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));
      if (!g_file_get_contents (wal, &before_wal, &before_wal_len, NULL))
        before_wal_len = 0;
      pin = jp_store_member_new_pin (f->store, "M01", "secretary", &error);
      g_assert_no_error (error);
      if (!bytes_contain (before, before_len, pin) &&
          !bytes_contain (before_wal, before_wal_len, pin))
        break;
      g_assert_cmpuint (attempts, <, 20);
      g_clear_pointer (&pin, g_free);
    }
  g_assert_cmpuint (strlen (pin), ==, 6);
  for (int i = 0; i < 6; i++)
    g_assert_true (g_ascii_isdigit (pin[i]));
  g_assert_true (test_has_pin (f->store, "M01"));
  g_assert_true (test_check_pin (f->store, "M01", pin));
  g_assert_true (test_check_pin (f->store, "m01", pin));

  /* a PIN that cannot be read is a failure, not "no PIN" or "wrong PIN" */
  {
    gboolean answer = TRUE;

    sqlite3_set_authorizer (f->store->db, test_deny_read, (void *) "member.pin_hash");
    g_assert_false (jp_store_member_has_pin (f->store, "M01", &answer, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_false (jp_store_member_check_pin (f->store, "M01", pin, &answer, &error));
    g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
    g_clear_error (&error);
    sqlite3_set_authorizer (f->store->db, NULL, NULL);
  }
  {
    char wrong[7];

    memcpy (wrong, pin, 7);
    wrong[0] = wrong[0] == '9' ? '0' : wrong[0] + 1;
    g_assert_false (test_check_pin (f->store, "M01", wrong));
  }
  g_assert_false (test_check_pin (f->store, "M02", pin));

  /* the PIN is nowhere in the file, the WAL or the audit log */
  g_assert_false (file_contains (f->path, pin));
  g_assert_false (file_contains (wal, pin));
  g_assert_cmpint (test_query_int (f->store, "SELECT count (*) FROM audit WHERE "
                                             "action = 'member.pin'"), ==, attempts);
  g_assert_cmpint (test_query_int (f->store, "SELECT length (pin_hash) FROM member"), ==, 64);
  g_assert_cmpint (test_query_int (f->store, "SELECT pin_iterations FROM member"), ==,
                   JP_PIN_ITERATIONS);

  /* a new PIN replaces the old one */
  second = jp_store_member_new_pin (f->store, "M01", "secretary", &error);
  g_assert_no_error (error);
  g_assert_true (test_check_pin (f->store, "M01", second));
  if (g_strcmp0 (pin, second) != 0)
    g_assert_false (test_check_pin (f->store, "M01", pin));

  g_assert_null (jp_store_member_new_pin (f->store, "M99", "secretary", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "M99"));
}

static gboolean
failing_source (guint8   *buf,
                gsize     len,
                gpointer  user_data,
                GError  **error)
{
  guint *calls = user_data;

  (*calls)++;
  memset (buf, 0x5a, len);
  g_set_error_literal (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED, "no entropy (test)");
  return FALSE;
}

/* A failing source of randomness reaches the caller as an error; nothing is drawn from a
 * weaker source, the bytes are not left half-filled and the store keeps no PIN or code. */
static void
test_random_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpTrade) gf = jp_store_find_trade (f->store, "光伏");
  g_autofree char *hex = NULL;
  guint8 buf[8];
  guint calls = 0;

  add_member (f->store, "M01", "稀土研究院");
  decide (f, f->wang, JP_REVIEW_DECISION_QUALIFIED, 1, f->sha_c1);
  decide (f, f->li, JP_REVIEW_DECISION_QUALIFIED, 2, f->sha_c2);
  decide (f, f->zhao, JP_REVIEW_DECISION_QUALIFIED, 3, f->sha_zhao);
  g_assert_true (jp_store_update_trade (f->store, gf->id, "GF", "光伏", TRUE, "t", &error));

  jp_random_set_source_for_testing (failing_source, &calls);

  g_assert_false (jp_random_bytes (buf, sizeof buf, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  for (gsize i = 0; i < sizeof buf; i++)
    g_assert_cmpuint (buf[i], ==, 0);
  g_clear_error (&error);

  g_assert_null (jp_random_hex (16, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_null (jp_store_member_new_pin (f->store, "M01", "secretary", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "no entropy (test)");
  g_clear_error (&error);
  g_assert_false (test_has_pin (f->store, "M01"));

  g_assert_null (jp_store_freeze (f->store, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "no entropy (test)");
  g_clear_error (&error);
  g_assert_false (test_is_frozen (f->store));
  g_assert_cmpuint (calls, ==, 4);

  /* the kernel's source again: the same calls succeed */
  jp_random_set_source_for_testing (NULL, NULL);
  g_assert_true (jp_random_bytes (buf, sizeof buf, &error));
  g_assert_no_error (error);
  hex = jp_random_hex (4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (hex), ==, 8);
}

static void
test_member_update_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 id = add_member (f->store, "M01", "稀土研究院");
  g_autoptr(JpMember) m = g_new0 (JpMember, 1);
  const char *trades[] = { "稀土", "光伏", NULL };

  add_member (f->store, "M02", "");
  m->id = id;
  m->code = g_strdup ("M02");
  m->name = g_strdup ("张评委");
  m->role = JP_MEMBER_ROLE_CHAIR;
  m->trades = g_strdupv ((char **) trades);
  g_assert_false (jp_store_update_member (f->store, m, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_free (m->code);
  m->code = g_strdup ("M03");
  g_assert_true (jp_store_update_member (f->store, m, "t", &error));
  g_assert_no_error (error);
  members = jp_store_list_members (f->store, &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (((JpMember *) members->pdata[1])->code, ==, "M03");
  g_assert_cmpint (((JpMember *) members->pdata[1])->role, ==, JP_MEMBER_ROLE_CHAIR);
  g_assert_cmpuint (g_strv_length (((JpMember *) members->pdata[1])->trades), ==, 2);

  g_assert_true (jp_store_delete_member (f->store, id, "t", &error));
  g_assert_no_error (error);
  g_assert_false (jp_store_delete_member (f->store, id, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
}

/* ---- conflicts ---- */

static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  JpConflict *c;
  gint64 id;

  add_member (f->store, "M01", "包钢 集团");   /* same unit as 王建国 once normalised */
  add_member (f->store, "M02", "稀土研究院");

  id = jp_store_add_conflict (f->store, "M02", f->zhao, JP_CONFLICT_TEACHER_APPRENTICE,
                              "曾带其学艺", "secretary", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (jp_store_add_conflict (f->store, "M02", f->zhao, JP_CONFLICT_RELATIVE,
                                          NULL, "secretary", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (jp_store_add_conflict (f->store, "M09", f->zhao, JP_CONFLICT_RELATIVE,
                                          NULL, "secretary", &error), ==, 0);
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "M09"));
  g_clear_error (&error);

  list = jp_store_list_conflicts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  c = list->pdata[0];
  g_assert_cmpstr (c->member_code, ==, "M01");
  g_assert_cmpint (c->kind, ==, JP_CONFLICT_SAME_UNIT);
  g_assert_cmpint (c->candidate_id, ==, f->wang);
  g_assert_cmpint (c->id, ==, 0);
  c = list->pdata[1];
  g_assert_cmpstr (c->member_code, ==, "M02");
  g_assert_cmpint (c->kind, ==, JP_CONFLICT_DECLARED);
  g_assert_cmpint (c->type, ==, JP_CONFLICT_TEACHER_APPRENTICE);
  g_assert_cmpstr (c->note, ==, "曾带其学艺");
  g_assert_cmpstr (c->candidate_name, ==, "赵强");
  g_assert_cmpint (c->id, ==, id);

  g_assert_true (is_conflicted (f->store, "M01", f->wang));
  g_assert_true (is_conflicted (f->store, "M02", f->zhao));
  g_assert_false (is_conflicted (f->store, "M02", f->wang));

  g_assert_true (jp_store_remove_conflict (f->store, id, "secretary", &error));
  g_assert_no_error (error);
  g_assert_false (is_conflicted (f->store, "M02", f->zhao));
  g_assert_false (jp_store_remove_conflict (f->store, id, "secretary", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_audit (f->store, "conflict.add"), ==, 1);
  g_assert_cmpuint (count_audit (f->store, "conflict.remove"), ==, 1);
}

/* ---- the freeze ---- */

static void
test_freeze (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonObject) payload = NULL;
  g_autoptr(JpTrade) gf = jp_store_find_trade (f->store, "光伏");
  g_autoptr(JpTrade) xt = jp_store_find_trade (f->store, "XT");
  g_autoptr(GListModel) model = NULL;
  g_autoptr(JpReview) back = NULL;
  g_autoptr(JpTrade) xt_after = NULL;
  const char *draw;

  /* nothing decided yet */
  decide (f, f->wang, JP_REVIEW_DECISION_QUALIFIED, 1, f->sha_c1);
  g_assert_null (jp_store_freeze (f->store, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 candidates are still pending review"));
  g_clear_error (&error);

  decide (f, f->li, JP_REVIEW_DECISION_QUALIFIED, 2, f->sha_c2);
  decide (f, f->zhao, JP_REVIEW_DECISION_QUALIFIED, 3, f->sha_zhao);

  /* 光伏 has qualified candidates but no code */
  g_assert_null (jp_store_freeze (f->store, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "光伏"));
  g_clear_error (&error);
  g_assert_false (test_is_frozen (f->store));

  g_assert_true (jp_store_update_trade (f->store, gf->id, "GF", "光伏", TRUE, "t", &error));
  codes = jp_store_freeze (f->store, "chair", &error);
  g_assert_no_error (error);
  g_assert_true (test_is_frozen (f->store));
  g_assert_cmpuint (codes->len, ==, 3);
  /* by trade name: 光伏 first, then 稀土 with positions 1 and 2 */
  g_assert_cmpstr (((JpCodeAssignment *) codes->pdata[0])->code, ==, "GF-01");
  g_assert_cmpint (((JpCodeAssignment *) codes->pdata[0])->candidate_id, ==, f->zhao);
  g_assert_cmpstr (((JpCodeAssignment *) codes->pdata[1])->code, ==, "XT-01");
  g_assert_cmpstr (((JpCodeAssignment *) codes->pdata[2])->code, ==, "XT-02");
  g_assert_cmpint (((JpCodeAssignment *) codes->pdata[1])->candidate_id +
                   ((JpCodeAssignment *) codes->pdata[2])->candidate_id, ==, f->wang + f->li);

  /* every qualified candidate has exactly one code, all different, as stored */
  model = jp_store_list_candidates (f->store, &error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) c = g_list_model_get_item (model, i);

      g_assert_nonnull (c->code);
      g_assert_true (g_hash_table_add (seen, g_strdup (c->code)));
      for (guint k = 0; k < codes->len; k++)
        if (((JpCodeAssignment *) codes->pdata[k])->candidate_id == c->id)
          g_assert_cmpstr (((JpCodeAssignment *) codes->pdata[k])->code, ==, c->code);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 3);

  /* the draw is in the audit log, with its random bytes */
  audit = jp_store_list_audit (f->store, NULL);
  g_assert_cmpstr (((JpAuditEntry *) audit->pdata[audit->len - 1])->action, ==,
                   "candidates.freeze");
  payload = test_parse_object (((JpAuditEntry *) audit->pdata[audit->len - 1])->payload);
  g_assert_cmpint (json_object_get_int_member (payload, "frozen_at"), ==, FIXED_TIME);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (payload, "trades")),
                    ==, 2);
  draw = json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (payload, "trades"), 1), "draw");
  g_assert_true (g_str_has_prefix (draw, "XT-01="));
  g_assert_nonnull (strstr (draw, ";random="));

  /* after the freeze: no second draw, no change to the qualified set, no new trade code */
  g_assert_null (jp_store_freeze (f->store, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  back = jp_review_new (f->li);
  back->decision = JP_REVIEW_DECISION_RETURNED;
  back->reason = g_strdup ("复核不合格");
  g_assert_false (jp_store_save_review (f->store, back, "secretary", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "李明"));
  g_clear_error (&error);
  g_assert_cmpint (status_of (f->store, f->li), ==, JP_STATUS_QUALIFIED);
  g_assert_false (jp_store_update_trade (f->store, xt->id, "RE", "稀土", TRUE, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* the same code with a new name is fine */
  g_assert_true (jp_store_update_trade (f->store, xt->id, "XT", "稀土组", TRUE, "t", &error));
  g_assert_no_error (error);
  /* re-reviewing a qualified candidate without changing the decision is fine */
  decide (f, f->li, JP_REVIEW_DECISION_QUALIFIED, 2, f->sha_c2);

  /* when the freeze cannot be read, the locked changes are refused with the failure, not let
   * through as if the list were open (bug: jp_store_is_frozen read a failure as "not frozen") */
  sqlite3_set_authorizer (f->store->db, test_deny_read, (void *) "election.frozen_at");
  g_assert_false (jp_store_save_review (f->store, back, "secretary", NULL, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (jp_store_update_trade (f->store, xt->id, "RE", "稀土组", TRUE, "t", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_FAILED);
  g_clear_error (&error);
  sqlite3_set_authorizer (f->store->db, NULL, NULL);
  g_assert_cmpint (status_of (f->store, f->li), ==, JP_STATUS_QUALIFIED);
  xt_after = jp_store_find_trade (f->store, "XT");
  g_assert_nonnull (xt_after);
}

static void
test_freeze_nothing_qualified (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  decide (f, f->wang, JP_REVIEW_DECISION_RETURNED, 0, NULL);
  decide (f, f->li, JP_REVIEW_DECISION_RETURNED, 0, NULL);
  decide (f, f->zhao, JP_REVIEW_DECISION_RETURNED, 0, NULL);
  g_assert_null (jp_store_freeze (f->store, "chair", &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No candidate is qualified"));
}

/* ---- page rotations ---- */

static void
test_rotations (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) none = jp_store_get_page_rotations (f->store, f->sha_c1, NULL);
  g_autoptr(GArray) r = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (jp_store_set_page_rotation (f->store, f->sha_c1, 2, 90, &error));
  g_assert_true (jp_store_set_page_rotation (f->store, f->sha_c1, 0, -90, &error));
  g_assert_no_error (error);
  r = jp_store_get_page_rotations (f->store, f->sha_c1, NULL);
  g_assert_cmpuint (r->len, ==, 3);
  g_assert_cmpint (g_array_index (r, int, 0), ==, 270);
  g_assert_cmpint (g_array_index (r, int, 1), ==, 0);
  g_assert_cmpint (g_array_index (r, int, 2), ==, 90);

  g_assert_false (jp_store_set_page_rotation (f->store, f->sha_c1, 1, 45, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* test documents have 3 pages */
  g_assert_false (jp_store_set_page_rotation (f->store, f->sha_c1, 3, 90, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (jp_store_set_page_rotation (f->store, "00", 0, 90, &error));
  g_assert_error (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/store/console/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("review/round-trip", test_review_round_trip);
  ADD ("review/json", test_review_json);
  ADD ("review/refusals", test_review_refusals);
  ADD ("review/history", test_review_history);
  ADD ("review/progress", test_review_progress);
  ADD ("settings", test_settings);
  ADD ("trades/code", test_trade_code);
  ADD ("seats/plan", test_seat_plan);
  ADD ("members/pin", test_member_pin);
  ADD ("members/update-delete", test_member_update_delete);
  ADD ("random-fails", test_random_fails);
  ADD ("conflicts", test_conflicts);
  ADD ("freeze", test_freeze);
  ADD ("freeze/nothing-qualified", test_freeze_nothing_qualified);
  ADD ("rotations", test_rotations);
#undef ADD

  return g_test_run ();
}
