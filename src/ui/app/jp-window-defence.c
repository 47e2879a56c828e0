/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/jp-store-defence.h"
#include "store/jp-store-ranking.h"
#include "ui/chair/jp-ballot-page-private.h"
#include "ui/app/jp-operator.h"
#include "ui/app/jp-window-private.h"

/* The defence (现场答辩) and composite ranking (综合排名) stages of the console window. */

static JpMeetingService *
meeting_service (JpWindow *self)
{
  JpMeetingServer *server = jp_ballot_page_get_server (self->ballot_page);

  return server != NULL ? jp_meeting_server_get_service (server) : NULL;
}

/* The projector follows the defence: the current candidate, the timer, who steps out. */
static void
on_defence_timer_changed (JpWindow      *self,
                          JpDefencePage *page)
{
  JpProjectorWindow *projector = jp_ballot_page_get_projector (self->ballot_page);
  const JpTimer *timer = NULL;
  const char *heading = NULL, *step_out = NULL, *code;
  int position = 0, count = 0;

  if (projector == NULL)
    return;
  code = jp_defence_page_get_projector_state (page, &position, &count, &heading, &timer,
                                              &step_out);
  jp_projector_window_show_defence (projector, heading, code, position, count, timer,
                                    step_out);
}

/* The judge consistency over every defence session's complete candidates, or NULL with
 * `error` when a session cannot be read. */
static GPtrArray *
consistency (JpStore  *store,
             GError  **error)
{
  g_autoptr(GPtrArray) rounds = jp_store_list_rounds (store, NULL, error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (
      (GDestroyNotify) jp_defence_results_free);
  g_autoptr(GPtrArray) scores = g_ptr_array_new ();

  if (rounds == NULL)
    return NULL;
  for (guint i = 0; i < rounds->len; i++)
    {
      JpRound *r = rounds->pdata[i];
      JpDefenceResults *results;

      if (r->kind != JP_ROUND_KIND_DEFENCE)
        continue;
      results = jp_store_defence_results (store, r->id, error);
      if (results == NULL)
        return NULL;
      g_ptr_array_add (all, results);
      for (guint k = 0; k < results->candidates->len; k++)
        {
          JpDefenceCandidateResults *c = results->candidates->pdata[k];

          if (c->score != NULL)
            g_ptr_array_add (scores, c->score);
        }
    }
  return jp_judge_consistency_compute (scores);
}

void
jp_window_reload_ranking (JpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(JpRankingPublication) publication = NULL;
  JpRanking *ranking;
  GPtrArray *judges;
  gint64 sealed_at = 0;

  if (self->store == NULL)
    {
      jp_ranking_page_show (self->ranking_page, NULL, NULL, NULL);
      return;
    }
  ranking = jp_store_compute_ranking (self->store, &error);
  if (ranking == NULL)
    {
      jp_ranking_page_show (self->ranking_page, NULL, NULL, error->message);
      return;
    }
  judges = consistency (self->store, &error);
  if (judges == NULL)
    jp_window_show_error (self, _("The Judge Consistency Cannot Be Shown"), error->message);
  jp_ranking_page_show (self->ranking_page, ranking, judges, NULL);
  /* the seal's time is not shown (the third argument is a time, not an error) */
  jp_store_ranking_is_sealed (self->store, &digest, &sealed_at);
  jp_ranking_page_set_sealed (self->ranking_page, digest);
  publication = jp_store_ranking_last_published (self->store, &error);
  if (publication == NULL && error != NULL)
    jp_window_show_error (self, _("The Last Publication of the Ranking Cannot Be Read"),
                          error->message);
  jp_ranking_page_set_published (self->ranking_page,
                                 publication != NULL ? publication->digest : NULL,
                                 publication != NULL ? publication->actor : NULL,
                                 publication != NULL ? publication->published_at : 0);
}

static void
on_ranking_adjust (JpWindow   *self,
                   const char *code,
                   gboolean    in,
                   const char *reason)
{
  g_autoptr(GError) error = NULL;

  /* done: the page follows JpStore::changed; refused: it shows the list as it was */
  if (!jp_store_rank_adjust (self->store, code, in, reason, jp_operator_get_actor (), &error))
    {
      jp_window_show_error (self, _("The Adjustment Was Not Recorded"), error->message);
      jp_window_reload_ranking (self);
    }
}

static void
on_ranking_seal (JpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRanking) sealed = jp_store_rank_seal (self->store, jp_operator_get_actor (),
                                                    &error);

  if (sealed == NULL)
    {
      jp_window_show_error (self, _("The Ranking Was Not Sealed"), error->message);
      jp_window_reload_ranking (self);
    }
}

/* The chair publishes the ranking: a recorded act (audit "ranking.publish" with what it
 * showed), so a restarted host shows the same list; publishing again after an adjustment
 * puts the new list on the projector. */
static void
on_ranking_publish (JpWindow *self)
{
  JpProjectorWindow *projector = jp_ballot_page_get_projector (self->ballot_page);
  g_autoptr(JpRanking) published = NULL;
  g_autoptr(GError) error = NULL;

  if (projector == NULL)
    {
      jp_window_show_error (self, _("No Projector Is Open"),
                            _("Open the projector from the committee ballot stage, then "
                              "publish the ranking again."));
      return;
    }
  published = jp_store_rank_publish (self->store, jp_operator_get_actor (), &error);
  if (published == NULL)
    {
      jp_window_show_error (self, _("The Ranking Was Not Published"), error->message);
      jp_window_reload_ranking (self);
      return;
    }
  jp_projector_window_show_ranking (projector, published);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The ranking is shown on the projector")));
}

void
jp_window_defence_build (JpWindow *self)
{
  self->defence_page = JP_DEFENCE_PAGE (jp_defence_page_new ());
  gtk_stack_add_named (self->stage_stack, GTK_WIDGET (self->defence_page), "defence");
  g_signal_connect_object (self->defence_page, "timer-changed",
                           G_CALLBACK (on_defence_timer_changed), self, G_CONNECT_SWAPPED);
  self->ranking_page = JP_RANKING_PAGE (jp_ranking_page_new ());
  gtk_stack_add_named (self->stage_stack, GTK_WIDGET (self->ranking_page), "ranking");
  g_signal_connect_object (self->ranking_page, "adjust", G_CALLBACK (on_ranking_adjust), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ranking_page, "seal", G_CALLBACK (on_ranking_seal), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ranking_page, "publish", G_CALLBACK (on_ranking_publish), self,
                           G_CONNECT_SWAPPED);
}

/* JpStore::changed on the ranking page (the window fills it): sessions closed, adjustments,
 * the seal and publications made anywhere show on it. */
static void
on_ranking_changed (gpointer page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  if (JP_IS_WINDOW (root))
    jp_window_reload_ranking (JP_WINDOW (root));
}

void
jp_window_defence_load (JpWindow   *self,
                        const char *stage)
{
  static const char * const watched[] = {
    "candidates", "settings", "rounds", "defence", "ranking", NULL,
  };

  if (g_strcmp0 (stage, "defence") == 0)
    jp_defence_page_set_store (self->defence_page, self->store, meeting_service (self));
  else if (g_strcmp0 (stage, "ranking") == 0)
    {
      if (self->ranking_watch == NULL)
        self->ranking_watch = jp_store_watch_new (self->store, watched,
                                                  GTK_WIDGET (self->ranking_page),
                                                  on_ranking_changed);
      jp_window_reload_ranking (self);
    }
}

void
jp_window_defence_unload (JpWindow *self)
{
  jp_defence_page_set_store (self->defence_page, NULL, NULL);
  g_clear_pointer (&self->ranking_watch, jp_store_watch_free);
  jp_ranking_page_show (self->ranking_page, NULL, NULL, NULL);
}
