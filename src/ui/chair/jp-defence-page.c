/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-score.h"
#include "meeting/jp-meeting-service-defence.h"
#include "store/jp-store-defence.h"
#include "ui/chair/jp-defence-page-private.h"
#include "ui/app/jp-ui-error.h"

#define TICK_MS 200

G_DEFINE_FINAL_TYPE (JpDefencePage, jp_defence_page, ADW_TYPE_BIN)

enum {
  SIGNAL_TIMER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
now_ms (void)
{
  return g_get_monotonic_time () / 1000;
}

static char *
points (int halves)
{
  return jp_decimal_format_short (halves * (gint64) 5, 1);
}

void
jp_defence_page_show_message (JpDefencePage *self,
                              const char    *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

void
jp_defence_page_show_error (JpDefencePage *self,
                            GError        *error)
{
  jp_defence_page_show_message (self, error->message);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
update_timer (JpDefencePage *self)
{
  JpTimer *t = &self->timers[self->phase];
  g_autofree char *text = jp_timer_format (jp_timer_remaining (t, now_ms ()));
  JpTimerLevel level = jp_timer_level (t, now_ms ());

  gtk_label_set_text (self->timer_label, text);
  gtk_label_set_text (self->phase_label, self->phase == 0 ? _("Presentation") : _("Questions"));
  gtk_button_set_label (GTK_BUTTON (self->start_button), t->running ? _("_Pause")
                                                                     : _("_Start"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "error");
  if (level == JP_TIMER_WARNING)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "warning");
  else if (level == JP_TIMER_OVERRUN)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "error");
}

static gboolean
on_tick (gpointer user_data)
{
  update_timer (user_data);
  return G_SOURCE_CONTINUE;
}

static void
reset_timers (JpDefencePage *self)
{
  int minutes[2] = { 8, 5 };

  if (self->session != NULL)
    {
      minutes[0] = self->session->presentation_minutes;
      minutes[1] = self->session->questions_minutes;
    }
  for (int i = 0; i < 2; i++)
    jp_timer_init (&self->timers[i], minutes[i] * (gint64) 60000);
  self->phase = 0;
  update_timer (self);
}

const JpDefenceCandidate *
jp_defence_page_find_candidate (JpDefencePage *self,
                                const char    *code)
{
  return self->session != NULL && code != NULL ? jp_defence_session_find (self->session, code)
                                               : NULL;
}

static char *
row_text (const JpDefenceCandidate *c,
          gboolean                  current)
{
  g_autofree char *count = g_strdup_printf (ngettext ("%u of %u sheet submitted",
                                                      "%u of %u sheets submitted",
                                                      c->n_expected),
                                            c->n_submitted, c->n_expected);

  return g_strdup_printf ("%d  %s  %s%s", c->order, c->code, count,
                          current ? _(" · now presenting") : "");
}


static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
sheet_row (JpDefencePage *self,
           const char    *text,
           const char    *button_label,
           const char    *member,
           GCallback      callback)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_widget_set_name (button, member);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_object (button, "clicked", callback, self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

/* The selected candidate: N of M and who is missing until every sheet is in; then D, each
 * total with the dropped ones marked, and the alerts. */
static void
show_detail (JpDefencePage *self)
{
  const JpDefenceCandidate *c = jp_defence_page_find_candidate (self, self->selected);
  g_autoptr(GError) error = NULL;
  g_autoptr(JpDefenceResults) results = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const JpDefenceCandidateResults *r = NULL;
  gboolean open = self->session != NULL && self->session->state == JP_ROUND_STATE_OPEN;

  clear_box (self->sheets_box);
  if (c == NULL)
    {
      gtk_label_set_text (self->detail_label,
                          self->session != NULL
                          ? _("Choose a candidate to see their sheets.") : "");
      return;
    }
  g_string_append_printf (text, ngettext ("%s: %u of %u sheet submitted.",
                                          "%s: %u of %u sheets submitted.", c->n_expected),
                          c->code, c->n_submitted, c->n_expected);
  if (c->conflicted != NULL && c->conflicted[0] != NULL)
    {
      g_autofree char *names = g_strjoinv ("、", c->conflicted);

      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Step out (回避): %s."), names);
    }
  if (!c->complete)
    {
      g_autofree char *pending = c->pending != NULL ? g_strjoinv ("、", c->pending) : NULL;

      g_string_append_c (text, '\n');
      g_string_append (text, _("The scores are shown once every sheet is in."));
      if (pending != NULL && *pending)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, _("Waiting for: %s."), pending);
        }
      gtk_label_set_text (self->detail_label, text->str);
      return;
    }
  results = jp_store_defence_results (self->store, self->session->round_id, &error);
  for (guint i = 0; results != NULL && i < results->candidates->len; i++)
    if (g_strcmp0 (((JpDefenceCandidateResults *) results->candidates->pdata[i])->code,
                   c->code) == 0)
      r = results->candidates->pdata[i];
  if (r == NULL || r->score == NULL)
    {
      gtk_label_set_text (self->detail_label, error != NULL ? error->message : text->str);
      return;
    }
  {
    g_autofree char *d = jp_decimal_format (r->score->d, 2);
    g_autofree char *median = jp_decimal_format (r->score->median, 2);

    g_string_append_c (text, '\n');
    g_string_append_printf (text, r->score->trimmed
                            ? _("D = %s (the highest and the lowest total dropped); median %s.")
                            : _("D = %s (the mean of every total); median %s."), d, median);
  }
  gtk_label_set_text (self->detail_label, text->str);

  for (guint i = 0; i < r->score->totals->len; i++)
    {
      const JpDefenceTotal *t = r->score->totals->pdata[i];
      g_autofree char *total = points (t->total_halves);
      g_autofree char *line = NULL;
      const char *mark = t->dropped == JP_DEFENCE_DROPPED_HIGH ? _(" — dropped (highest)")
                         : t->dropped == JP_DEFENCE_DROPPED_LOW ? _(" — dropped (lowest)") : "";

      line = g_strdup_printf (_("%s: total %s%s%s"), t->member, total, mark,
                              t->alert ? _(" — deviation alert") : "");
      gtk_box_append (self->sheets_box,
                      sheet_row (self, line, open ? _("_Unlock…") : NULL, t->member,
                                 G_CALLBACK (jp_defence_page_on_unlock_clicked)));
    }
  for (guint i = 0; r->alerts != NULL && i < r->alerts->len; i++)
    {
      const JpDefenceAlert *a = r->alerts->pdata[i];
      g_autofree char *total = points (a->total_halves);
      g_autofree char *median = jp_decimal_format (a->median, 2);
      g_autofree char *line = NULL;

      if (a->revised)
        {
          g_autofree char *revised = points (a->revised_total_halves);

          line = g_strdup_printf (_("Alert: %s gave %s, the median was %s; revised to %s."),
                                  a->member, total, median, revised);
        }
      else if (a->requested)
        line = g_strdup_printf (_("Alert: %s gave %s, the median was %s; asked to revise."),
                                a->member, total, median);
      else
        line = g_strdup_printf (_("Alert: %s gave %s, more than the allowed deviation from "
                                  "the median %s."), a->member, total, median);
      gtk_box_append (self->sheets_box,
                      sheet_row (self, line,
                                 open && !a->requested ? _("Ask to _Revise…") : NULL,
                                 a->member, G_CALLBACK (jp_defence_page_on_revise_clicked)));
    }
}

static void
on_row_selected (GtkListBox    *list,
                 GtkListBoxRow *row,
                 JpDefencePage *self)
{
  if (row == NULL)
    return;
  g_free (self->selected);
  self->selected = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));
  show_detail (self);
}

static void
update_projector_state (JpDefencePage *self)
{
  const JpDefenceCandidate *c = self->session != NULL
                                ? jp_defence_session_current (self->session) : NULL;
  g_autofree char *names = NULL;

  g_clear_pointer (&self->step_out_text, g_free);
  g_clear_pointer (&self->heading_text, g_free);
  if (c != NULL && c->conflicted != NULL && c->conflicted[0] != NULL)
    {
      names = g_strjoinv ("、", c->conflicted);
      /* TRANSLATORS: %s is a list of member codes joined with 、 */
      self->step_out_text = g_strdup_printf (_("Step out: %s"), names);
    }
  if (self->session != NULL)
    self->heading_text = g_strdup_printf ("%s · %s", self->session->trade_name,
                                          self->phase == 0 ? _("Presentation")
                                                           : _("Questions"));
  g_signal_emit (self, signals[SIGNAL_TIMER_CHANGED], 0);
}

static void
fill (JpDefencePage *self)
{
  GtkWidget *child;
  const JpDefenceCandidate *current;
  g_autofree char *session_text = NULL;
  g_autofree char *current_text = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidate_list))) != NULL)
    gtk_list_box_remove (self->candidate_list, child);
  jp_defence_paper_set_session (self->paper, self->store, self->session);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_expander), self->session != NULL);
  /* one session per trade */
  gtk_widget_set_sensitive (self->open_button, self->store != NULL && self->session == NULL);
  if (self->session == NULL)
    {
      gtk_label_set_text (self->session_label,
                          _("No defence session is open for this trade. Open one when its "
                            "finalists are decided."));
      gtk_label_set_text (self->current_label, "");
      show_detail (self);
      update_projector_state (self);
      return;
    }
  current = jp_defence_session_current (self->session);
  session_text = g_strdup_printf (_("%s (%s) · defence session · %s"),
                                  self->session->trade_name, self->session->trade_code,
                                  self->session->state == JP_ROUND_STATE_OPEN ? _("open")
                                  : self->session->state == JP_ROUND_STATE_SEALED
                                  ? _("sealed") : _("closed"));
  if (self->session->digest != NULL)
    {
      g_autofree char *with = g_strdup_printf (_("%s; digest %s"), session_text,
                                               self->session->digest);

      g_free (session_text);
      session_text = g_steal_pointer (&with);
    }
  gtk_label_set_text (self->session_label, session_text);
  for (guint i = 0; i < self->session->candidates->len; i++)
    {
      const JpDefenceCandidate *c = self->session->candidates->pdata[i];
      g_autofree char *text = row_text (c, c == current);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      if (c == current)
        gtk_widget_add_css_class (label, "heading");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_name (row, c->code);
      gtk_list_box_append (self->candidate_list, row);
      if (g_strcmp0 (self->selected, c->code) == 0)
        gtk_list_box_select_row (self->candidate_list, GTK_LIST_BOX_ROW (row));
    }
  if (current != NULL)
    current_text = g_strdup_printf (_("Now presenting: %s (%d / %u)"), current->code,
                                    current->order, self->session->candidates->len);
  gtk_label_set_text (self->current_label, current_text != NULL
                      ? current_text : _("No candidate called yet."));
  show_detail (self);
  update_projector_state (self);
}

static const char *
selected_trade (JpDefencePage *self)
{
  guint i = gtk_drop_down_get_selected (self->trade_dropdown);

  if (self->trade_codes == NULL || i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->trade_codes, i);
}

void
jp_defence_page_reload (JpDefencePage *self)
{
  const char *trade;
  gint64 old_round;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JP_IS_DEFENCE_PAGE (self));

  old_round = self->session != NULL ? self->session->round_id : 0;
  g_clear_pointer (&self->session, jp_defence_session_free);
  trade = selected_trade (self);
  if (self->store != NULL && trade != NULL)
    {
      self->session = jp_store_find_defence_session (self->store, trade, &error);
      /* no session for the trade yet is the page's ordinary state, not a failure */
      if (error != NULL && !g_error_matches (error, JP_STORE_ERROR, JP_STORE_ERROR_NOT_FOUND))
        jp_ui_report_error (GTK_WIDGET (self), _("The Defence Session Cannot Be Read"), error);
    }
  if ((self->session != NULL ? self->session->round_id : 0) != old_round)
    reset_timers (self);
  fill (self);
  jp_store_watch_done (self->watch);
}

static void
on_trade_changed (JpDefencePage *self)
{
  g_clear_pointer (&self->selected, g_free);
  jp_defence_page_reload (self);
}

static void
on_service_event (JpDefencePage *self,
                  const char    *type,
                  JsonNode      *data)
{
  if (g_str_has_prefix (type, "defence") || g_str_equal (type, "current_candidate") ||
      g_str_equal (type, "round_closed") || g_str_equal (type, "round_opened"))
    jp_defence_page_reload (self);
}

/* Fills the trade dropdown from the store; the trade chosen stays chosen (by its code). */
static void
fill_trades (JpDefencePage *self)
{
  g_autoptr(GPtrArray) trades = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_strdup (selected_trade (self));
  guint keep = 0;

  g_clear_object (&self->trade_codes);
  if (self->store != NULL)
    {
      trades = jp_store_list_trades (self->store, &error);
      if (trades == NULL)
        jp_ui_report_error (GTK_WIDGET (self), _("The Trades Cannot Be Read"), error);
      self->trade_codes = gtk_string_list_new (NULL);
      for (guint i = 0; trades != NULL && i < trades->len; i++)
        {
          JpTrade *t = trades->pdata[i];
          const char *key = t->code != NULL ? t->code : t->name;
          g_autofree char *label = g_strdup_printf ("%s (%s)", t->name,
                                                    t->code != NULL ? t->code : "");

          if (g_strcmp0 (key, chosen) == 0)
            keep = i;
          gtk_string_list_append (names, label);
          gtk_string_list_append (self->trade_codes, key);
        }
    }
  g_signal_handlers_block_by_func (self->trade_dropdown, on_trade_changed, self);
  gtk_drop_down_set_model (self->trade_dropdown, G_LIST_MODEL (names));
  if (trades != NULL && trades->len > 0)
    gtk_drop_down_set_selected (self->trade_dropdown, keep);
  g_signal_handlers_unblock_by_func (self->trade_dropdown, on_trade_changed, self);
}

/* JpStore::changed: sheets entered on paper, a session opened or closed elsewhere, a restored
 * file; the live events of a hosted meeting come from the service as well. */
static void
on_store_changed (gpointer page)
{
  JpDefencePage *self = page;

  fill_trades (self);
  jp_defence_page_reload (self);
}

void
jp_defence_page_set_store (JpDefencePage    *self,
                           JpStore          *store,
                           JpMeetingService *service)
{
  static const char * const watched[] = { "defence", "rounds", "trades", NULL };

  g_return_if_fail (JP_IS_DEFENCE_PAGE (self));

  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  g_clear_object (&self->trade_codes);
  g_clear_pointer (&self->session, jp_defence_session_free);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->service = service != NULL ? g_object_ref (service) : jp_meeting_service_new (store);
      g_signal_connect_object (self->service, "event", G_CALLBACK (on_service_event), self,
                               G_CONNECT_SWAPPED);
      self->watch = jp_store_watch_new (store, watched, GTK_WIDGET (self), on_store_changed);
    }
  fill_trades (self);
  jp_defence_page_reload (self);
}

gint64
jp_defence_page_get_round (JpDefencePage *self)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAGE (self), 0);
  return self->session != NULL ? self->session->round_id : 0;
}

gboolean
jp_defence_page_open_session (JpDefencePage  *self,
                              const char     *trade,
                              GError        **error)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAGE (self), FALSE);

  if (trade != NULL && self->trade_codes != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->trade_codes)); i++)
      if (g_strcmp0 (gtk_string_list_get_string (self->trade_codes, i), trade) == 0)
        gtk_drop_down_set_selected (self->trade_dropdown, i);
  if (jp_meeting_service_defence_open (self->service, selected_trade (self), error) == 0)
    return FALSE;
  jp_defence_page_show_message (self, NULL);
  jp_defence_page_reload (self);
  return TRUE;
}

gboolean
jp_defence_page_call (JpDefencePage  *self,
                      const char     *code,
                      GError        **error)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAGE (self), FALSE);

  if (self->session == NULL)
    {
      g_set_error (error, JP_STORE_ERROR, JP_STORE_ERROR_INVALID,
                   _("Open the trade's defence session first."));
      return FALSE;
    }
  if (!jp_meeting_service_defence_set_current (self->service, self->session->round_id, code,
                                               error))
    return FALSE;
  g_free (self->selected);
  self->selected = g_strdup (code);
  reset_timers (self);
  jp_defence_page_show_message (self, NULL);
  jp_defence_page_reload (self);
  return TRUE;
}

static void
on_open_clicked (JpDefencePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!jp_defence_page_open_session (self, NULL, &error))
    jp_defence_page_show_error (self, error);
}

static void
on_call_clicked (JpDefencePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!jp_defence_page_call (self, self->selected, &error))
    jp_defence_page_show_error (self, error);
}

static void
on_next_clicked (JpDefencePage *self)
{
  g_autoptr(GError) error = NULL;
  const JpDefenceCandidate *current;
  const char *next = NULL;

  if (self->session == NULL)
    return;
  current = jp_defence_session_current (self->session);
  for (guint i = 0; i < self->session->candidates->len; i++)
    {
      const JpDefenceCandidate *c = self->session->candidates->pdata[i];

      if (current == NULL || c->order == current->order + 1)
        {
          next = c->code;
          break;
        }
    }
  if (next == NULL)
    {
      jp_defence_page_show_message (self, _("That was the last candidate of the session."));
      return;
    }
  if (!jp_defence_page_call (self, next, &error))
    jp_defence_page_show_error (self, error);
}

static void
on_start_clicked (JpDefencePage *self)
{
  JpTimer *t = &self->timers[self->phase];

  if (t->running)
    {
      jp_timer_pause (t, now_ms ());
      g_clear_handle_id (&self->tick_source, g_source_remove);
    }
  else
    {
      jp_timer_start (t, now_ms ());
      if (self->tick_source == 0)
        self->tick_source = g_timeout_add (TICK_MS, on_tick, self);
    }
  update_timer (self);
  update_projector_state (self);
}

static void
on_reset_clicked (JpDefencePage *self)
{
  jp_timer_reset (&self->timers[self->phase]);
  g_clear_handle_id (&self->tick_source, g_source_remove);
  update_timer (self);
  update_projector_state (self);
}

static void
on_phase_clicked (JpDefencePage *self)
{
  jp_timer_pause (&self->timers[self->phase], now_ms ());
  g_clear_handle_id (&self->tick_source, g_source_remove);
  self->phase = 1 - self->phase;
  update_timer (self);
  update_projector_state (self);
}

/* ---- construction ---- */

static GtkWidget *
button (JpDefencePage *self,
        const char    *label,
        GCallback      callback)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  g_signal_connect_object (b, "clicked", callback, self, G_CONNECT_SWAPPED);
  return b;
}

static GtkLabel *
label_new (const char *css)
{
  GtkWidget *l = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  if (css != NULL)
    gtk_widget_add_css_class (l, css);
  return GTK_LABEL (l);
}

static void
jp_defence_page_dispose (GObject *object)
{
  JpDefencePage *self = JP_DEFENCE_PAGE (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_pointer (&self->watch, jp_store_watch_free);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);
  g_clear_object (&self->store);
  g_clear_object (&self->trade_codes);
  g_clear_pointer (&self->session, jp_defence_session_free);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->step_out_text, g_free);
  g_clear_pointer (&self->heading_text, g_free);
  G_OBJECT_CLASS (jp_defence_page_parent_class)->dispose (object);
}

static void
jp_defence_page_class_init (JpDefencePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jp_defence_page_dispose;

  signals[SIGNAL_TIMER_CHANGED] =
    g_signal_new ("timer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
jp_defence_page_init (JpDefencePage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *calls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *timer_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *timer_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Defence"));
  GtkWidget *list_scroller = gtk_scrolled_window_new ();
  GtkWidget *close, *open;

  gtk_widget_set_margin_top (outer, 12);
  gtk_widget_set_margin_bottom (outer, 12);
  gtk_widget_set_margin_start (outer, 18);
  gtk_widget_set_margin_end (outer, 18);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (outer), title);

  self->trade_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->trade_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trade"), -1);
  g_signal_connect_object (self->trade_dropdown, "notify::selected",
                           G_CALLBACK (on_trade_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->trade_dropdown));
  open = button (self, _("_Open Defence Session"), G_CALLBACK (on_open_clicked));
  self->open_button = open;
  gtk_widget_add_css_class (open, "suggested-action");
  gtk_box_append (GTK_BOX (top), open);
  self->session_label = label_new ("heading");
  gtk_widget_set_hexpand (GTK_WIDGET (self->session_label), TRUE);
  gtk_label_set_wrap_mode (self->session_label, PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->session_label));
  gtk_box_append (GTK_BOX (outer), top);

  self->message_label = label_new ("error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->message_label));

  self->candidate_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->candidate_list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->candidate_list), GTK_ALIGN_START);
  g_signal_connect_object (self->candidate_list, "row-selected",
                           G_CALLBACK (on_row_selected), self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller),
                                 GTK_WIDGET (self->candidate_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (list_scroller, 280, 200);
  gtk_widget_set_vexpand (list_scroller, TRUE);
  gtk_box_append (GTK_BOX (middle), list_scroller);

  gtk_widget_set_hexpand (right, TRUE);
  self->current_label = label_new ("title-3");
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->current_label));
  gtk_box_append (GTK_BOX (calls), button (self, _("_Call Selected Candidate"),
                                           G_CALLBACK (on_call_clicked)));
  gtk_box_append (GTK_BOX (calls), button (self, _("_Next Candidate"),
                                           G_CALLBACK (on_next_clicked)));
  gtk_box_append (GTK_BOX (right), calls);

  self->phase_label = label_new ("heading");
  gtk_widget_set_valign (GTK_WIDGET (self->phase_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (timer_box), GTK_WIDGET (self->phase_label));
  self->timer_label = label_new ("title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "numeric");
  gtk_box_append (GTK_BOX (timer_box), GTK_WIDGET (self->timer_label));
  self->start_button = button (self, _("_Start"), G_CALLBACK (on_start_clicked));
  gtk_box_append (GTK_BOX (timer_buttons), self->start_button);
  gtk_box_append (GTK_BOX (timer_buttons), button (self, _("R_eset"),
                                                   G_CALLBACK (on_reset_clicked)));
  gtk_box_append (GTK_BOX (timer_buttons), button (self, _("Presentation / _Questions"),
                                                   G_CALLBACK (on_phase_clicked)));
  gtk_box_append (GTK_BOX (right), timer_box);
  gtk_box_append (GTK_BOX (right), timer_buttons);

  self->detail_label = label_new (NULL);
  gtk_label_set_selectable (self->detail_label, TRUE);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->detail_label));
  self->sheets_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->sheets_box));
  gtk_box_append (GTK_BOX (middle), right);
  gtk_widget_set_vexpand (middle, TRUE);
  gtk_box_append (GTK_BOX (outer), middle);

  self->paper = JP_DEFENCE_PAPER (jp_defence_paper_new ());
  self->paper_expander = GTK_EXPANDER (gtk_expander_new_with_mnemonic (
                                         _("_Paper Score Sheets (two scrutineers)")));
  gtk_expander_set_child (self->paper_expander, GTK_WIDGET (self->paper));
  gtk_widget_set_visible (GTK_WIDGET (self->paper_expander), FALSE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->paper_expander));

  gtk_box_append (GTK_BOX (bottom), button (self, _("Record a Member Who _Left…"),
                                            G_CALLBACK (jp_defence_page_on_absence_clicked)));
  close = button (self, _("Cl_ose Session"), G_CALLBACK (jp_defence_page_on_close_clicked));
  gtk_widget_set_hexpand (close, TRUE);
  gtk_widget_set_halign (close, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bottom), close);
  gtk_box_append (GTK_BOX (bottom), button (self, _("Se_al Session"),
                                            G_CALLBACK (jp_defence_page_on_seal_clicked)));
  gtk_box_append (GTK_BOX (outer), bottom);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), outer);
  /* narrow enough for 1366 wide with the sidebar: the page never widens the window */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scroller);
  reset_timers (self);
}

GtkWidget *
jp_defence_page_new (void)
{
  return g_object_new (JP_TYPE_DEFENCE_PAGE, NULL);
}

char *
jp_defence_page_get_row_text (JpDefencePage *self,
                              guint          index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (JP_IS_DEFENCE_PAGE (self), NULL);
  row = gtk_list_box_get_row_at_index (self->candidate_list, (int) index);
  if (row == NULL)
    return NULL;
  return g_strdup (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))));
}

const char *
jp_defence_page_get_detail_text (JpDefencePage *self)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAGE (self), NULL);
  return gtk_label_get_text (self->detail_label);
}

const char *
jp_defence_page_get_projector_state (JpDefencePage  *self,
                                     int            *position,
                                     int            *count,
                                     const char    **heading,
                                     const JpTimer **timer,
                                     const char    **step_out)
{
  const JpDefenceCandidate *c;

  g_return_val_if_fail (JP_IS_DEFENCE_PAGE (self), NULL);

  c = self->session != NULL && self->session->state == JP_ROUND_STATE_OPEN
      ? jp_defence_session_current (self->session) : NULL;
  if (position != NULL)
    *position = c != NULL ? c->order : 0;
  if (count != NULL)
    *count = self->session != NULL ? (int) self->session->candidates->len : 0;
  if (heading != NULL)
    *heading = self->heading_text;
  if (timer != NULL)
    *timer = &self->timers[self->phase];
  if (step_out != NULL)
    *step_out = self->step_out_text;
  return c != NULL ? c->code : NULL;
}

JpDefencePaper *
jp_defence_page_show_paper (JpDefencePage *self)
{
  g_return_val_if_fail (JP_IS_DEFENCE_PAGE (self), NULL);
  gtk_expander_set_expanded (self->paper_expander, TRUE);
  return self->paper;
}
