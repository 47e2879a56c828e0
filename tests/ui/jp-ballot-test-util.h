/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* A frozen demo election for the ballot stage and projector tests: every candidate with
 * evidence qualified, the rest returned, codes drawn, every member given a PIN. */

#include <glib/gstdio.h>

#include "demo/jp-demo.h"
#include "store/jp-store-rounds.h"
#include "meeting/jp-meeting-service.h"
#include "ui/chair/jp-ballot-page-private.h"
#include "jp-ui-test-util.h"

/* jp_store_is_conflicted, which must not fail here. */
G_GNUC_UNUSED static gboolean
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

static inline JpStore *
ballot_test_store (const char *dir,
                   guint       n_candidates)
{
  JpDemoOptions options = { n_candidates, JP_DEMO_DEFAULT_SEED, 0 };
  g_autofree char *path = g_build_filename (dir, "demo.jiangping", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_demo_create (path, &options, NULL, NULL, &error);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_assert_no_error (error);
  list = jp_store_list_candidates (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JpCandidate) item = g_list_model_get_item (list, i);
      g_autoptr(JpCandidate) c = jp_store_get_candidate (store, item->id, &error);
      g_autoptr(JpReview) review = jp_review_new (item->id);
      const char *sha = NULL;
      int criterion = 1;

      g_assert_no_error (error);
      for (guint d = 0; c->documents != NULL && d < c->documents->len; d++)
        {
          JpDocumentRef *ref = g_ptr_array_index (c->documents, d);

          if (ref->kind == JP_DOC_EVIDENCE && sha == NULL)
            {
              sha = ref->sha256;
              criterion = ref->criterion > 0 ? ref->criterion : 1;
            }
        }
      /* Qualified where the core rule allows it, returned otherwise; the store must then
       * take the decision. */
      review->decision = JP_REVIEW_DECISION_QUALIFIED;
      if (sha != NULL)
        jp_review_link_evidence (review, criterion, sha);
      if (sha == NULL || !jp_review_check_decision (review, c, NULL, NULL))
        {
          review->decision = JP_REVIEW_DECISION_RETURNED;
          review->reason = g_strdup ("材料不全");
        }
      jp_store_save_review (store, review, "test", NULL, &error);
      g_assert_no_error (error);
    }
  members = jp_store_list_members (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      g_autofree char *pin = jp_store_member_new_pin (store,
                                                      ((JpMember *) members->pdata[i])->code,
                                                      "test", &error);
      g_assert_no_error (error);
    }
  codes = jp_store_freeze (store, "test", &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The first code of the round that `member` may mark (not conflicted, not `avoid`);
 * transfer full. */
static inline char *
ballot_test_markable (JpStore    *store,
                      gint64      round_id,
                      const char *member,
                      const char *avoid)
{
  g_autoptr(JpRound) round = jp_store_get_round (store, round_id, NULL);

  for (guint i = 0; i < round->candidates->len; i++)
    {
      const JpRoundCandidate *c = round->candidates->pdata[i];

      if (g_strcmp0 (c->code, avoid) != 0 &&
          !is_conflicted (store, member, c->candidate_id))
        return g_strdup (c->code);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Casts `member`'s ballot through the store for the first code of the round it may mark
 * (not conflicted, not in `avoid`); returns that code (transfer full). */
static inline char *
ballot_test_vote (JpStore    *store,
                  gint64      round_id,
                  const char *member,
                  const char *avoid)
{
  char *code = ballot_test_markable (store, round_id, member, avoid);
  const char *marks[] = { code, NULL };
  g_autoptr(GError) error = NULL;

  jp_store_submit_ballot (store, round_id, member, marks, NULL, NULL, &error);
  g_assert_no_error (error);
  return code;
}

static inline void
ballot_test_rm (const char *dir)
{
  const char *names[] = { "demo.jiangping", "demo.jiangping-wal", "demo.jiangping-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);

      g_remove (p);
    }
  g_rmdir (dir);
}

static inline void
ballot_test_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (res);
}

/* A member's real ballot through the service, as a station sends it. */
static inline void
ballot_test_service_vote (JpMeetingService *service, JpStore *st, gint64 round_id,
                          const char *member, const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = jp_store_member_new_pin (st, member, "test", &error);
  g_autofree char *login = NULL;
  g_autofree char *ballot = NULL;
  g_autofree char *path = g_strdup_printf ("/rounds/%lld/ballot", (long long) round_id);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  const char *token;
  guint status = 0;

  g_assert_no_error (error);
  login = g_strdup_printf ("{\"member_code\":\"%s\",\"pin\":\"%s\"}", member, pin);
  body = json_from_string (login, &error);
  {
    GAsyncResult *res = NULL;

    jp_meeting_service_login_async (service, "127.0.0.1", body, NULL, ballot_test_done, &res);
    while (res == NULL)
      g_main_context_iteration (NULL, TRUE);
    reply = jp_meeting_service_login_finish (service, res, &status, &error);
    g_assert_no_error (error);
    g_object_unref (res);
  }
  g_assert_cmpuint (status, ==, 200);
  token = json_object_get_string_member (json_node_get_object (reply), "token");
  ballot = g_strdup_printf ("{\"marks\":[\"%s\"],\"idempotency_key\":\"key-%s-%lld\"}", code,
                            member, (long long) round_id);
  g_clear_pointer (&body, json_node_unref);
  body = json_from_string (ballot, &error);
  {
    g_autoptr(JsonNode) r = jp_meeting_service_handle (service, "POST", path, token, body,
                                                       &status);

    g_assert_cmpuint (status, ==, 200);
  }
}

/* The chair's ballot `page` on `store` in `window` (`width` x `height`), shown, hosting the
 * meeting on a port of the system's choice. */
G_GNUC_UNUSED static void
ballot_test_host_page (GtkWindow    *window,
                       JpBallotPage *page,
                       JpStore      *store,
                       int           width,
                       int           height)
{
  g_autoptr(GError) error = NULL;

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, GTK_WIDGET (page));
  jp_ballot_page_set_store (page, store);
  gtk_window_present (window);
  jp_test_spin ();
  g_assert_true (jp_ballot_page_host (page, 0, &error));
  g_assert_no_error (error);
}
