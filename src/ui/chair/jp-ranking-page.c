/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/jp-defence.h"
#include "core/jp-score.h"
#include "jp-resources.h"
#include "ui/chair/jp-ranking-page.h"

enum {
  COL_RANK,
  COL_CODE,
  COL_TRADE,
  COL_V,
  COL_O,
  COL_D,
  COL_C,
  COL_MARGIN,
  COL_TIE,
  COL_STATUS,
  COL_ACTION,
  N_COLS
};

struct _JpRankingPage
{
  AdwBin         parent_instance;

  GtkStack      *outer_stack;
  AdwStatusPage *empty_page;
  GtkLabel      *formula_label;
  GtkLabel      *cutoff_label;
  GtkLabel      *tie_label;
  GtkLabel      *sealed_label;
  GtkLabel      *published_label;
  GtkWidget     *seal_button;
  GtkWidget     *publish_button;
  GtkGrid       *table;
  GtkLabel      *breakdown_label;
  GtkLabel      *adjustments_label;
  GtkGrid       *consistency_table;

  JpRanking     *ranking;
  GPtrArray     *consistency;
  gboolean       sealed;
  char          *published_digest;  /* the last publication's, NULL if never published */
  char          *published_text;    /* when and by whom */
  char          *adjust_code;   /* the candidate of the open adjustment dialog */
};

G_DEFINE_FINAL_TYPE (JpRankingPage, jp_ranking_page, ADW_TYPE_BIN)

enum {
  SIGNAL_ADJUST,
  SIGNAL_SEAL,
  SIGNAL_PUBLISH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
hundredths (gint64 value)
{
  return jp_decimal_format (value, 2);
}

static char *
signed_hundredths (gint64 value)
{
  g_autofree char *abs_text = jp_decimal_format (ABS (value), 2);

  if (value > 0)
    return g_strconcat ("+", abs_text, NULL);
  if (value < 0)
    return g_strconcat ("−", abs_text, NULL);
  return g_steal_pointer (&abs_text);
}

char *
jp_ranking_breakdown_text (const JpRanking         *ranking,
                           const JpRankedCandidate *c)
{
  g_autofree char *wv = jp_decimal_format (ranking->weight_v, 2);
  g_autofree char *wo = jp_decimal_format (ranking->weight_o, 2);
  g_autofree char *wd = jp_decimal_format (ranking->weight_d, 2);
  g_autofree char *v = hundredths (c->v);
  g_autofree char *o = hundredths (c->o);
  g_autofree char *d = hundredths (c->d);
  g_autofree char *tv = jp_decimal_format_short (c->term_v, 4);
  g_autofree char *to = jp_decimal_format_short (c->term_o, 4);
  g_autofree char *td = jp_decimal_format_short (c->term_d, 4);
  g_autofree char *sum = jp_decimal_format_short (c->term_v + c->term_o + c->term_d, 4);
  g_autofree char *cc = hundredths (c->c);

  g_return_val_if_fail (ranking != NULL && c != NULL, NULL);
  /* TRANSLATORS: how the composite of one candidate was reached; the last step rounds
   * half away from zero to two decimals */
  return g_strdup_printf (_("%s: C = %s × %s + %s × %s + %s × %s = %s + %s + %s = %s → %s"),
                          c->code, wv, v, wo, o, wd, d, tv, to, td, sum, cc);
}

static const char *
status_text (const JpRankedCandidate *c)
{
  if (c->adjustment > 0)
    return _("Recommended (moved in by the chair)");
  if (c->adjustment < 0)
    return _("Not recommended (moved out by the chair)");
  switch (c->rule)
    {
    case JP_RANK_RULE_IN:
      return _("Recommended");
    case JP_RANK_RULE_TIE:
      return _("Tie at the cut-off: the chair decides");
    case JP_RANK_RULE_CAPPED:
      return _("Not recommended: the trade is at its cap");
    case JP_RANK_RULE_OUT:
    default:
      return _("Not recommended");
    }
}

static const char *
status_class (const JpRankedCandidate *c)
{
  if (c->recommended)
    return "jp-ranking-recommended";
  if (c->rule == JP_RANK_RULE_TIE && c->adjustment == 0)
    return "jp-ranking-tie";
  return "jp-ranking-out";
}

static char *
tie_text (const JpRankedCandidate *c)
{
  if (c->tied)
    return g_strdup (_("Tied"));
  if (c->decided_by != JP_RANK_KEY_NONE)
    /* TRANSLATORS: %s is D, V or O: equal composite, separated by that score */
    return g_strdup_printf (_("Equal C, decided by %s"), jp_rank_key_to_string (c->decided_by));
  return g_strdup ("");
}

static GtkWidget *
cell (const char *text,
      float       xalign,
      const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
show_breakdown (JpRankingPage           *self,
                const JpRankedCandidate *c)
{
  g_autofree char *text = NULL;

  if (c == NULL)
    {
      gtk_label_set_text (self->breakdown_label,
                          _("Choose a candidate's code to see how their C was reached."));
      return;
    }
  text = jp_ranking_breakdown_text (self->ranking, c);
  gtk_label_set_text (self->breakdown_label, text);
}

static void
on_code_clicked (GtkButton     *button,
                 JpRankingPage *self)
{
  jp_ranking_page_select (self, gtk_button_get_label (button));
}

static void
on_adjust_response (AdwMessageDialog *dialog,
                    const char       *response,
                    JpRankingPage    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const JpRankedCandidate *c = NULL;

  for (guint i = 0; self->ranking != NULL && i < self->ranking->candidates->len; i++)
    if (g_strcmp0 (((JpRankedCandidate *) self->ranking->candidates->pdata[i])->code,
                   self->adjust_code) == 0)
      c = self->ranking->candidates->pdata[i];
  if (g_strcmp0 (response, "move") == 0 && c != NULL && *reason != '\0')
    g_signal_emit (self, signals[SIGNAL_ADJUST], 0, c->code, !c->recommended, reason);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "move", *reason != '\0');
}

static void
on_adjust_clicked (GtkButton     *button,
                   JpRankingPage *self)
{
  const char *code = gtk_widget_get_name (GTK_WIDGET (button));
  const JpRankedCandidate *c = NULL;
  GtkWidget *dialog, *entry;
  g_autofree char *heading = NULL;

  for (guint i = 0; self->ranking != NULL && i < self->ranking->candidates->len; i++)
    if (g_strcmp0 (((JpRankedCandidate *) self->ranking->candidates->pdata[i])->code,
                   code) == 0)
      c = self->ranking->candidates->pdata[i];
  if (c == NULL || self->sealed)
    return;
  g_free (self->adjust_code);
  self->adjust_code = g_strdup (code);
  heading = g_strdup_printf (c->recommended ? _("Move %s Out of the List?")
                                            : _("Move %s Into the List?"), code);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading,
                                   _("The chair may change the recommended list only with a "
                                     "written reason. It is kept, shown on this page and "
                                     "printed on the ranking report."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", c->recommended ? _("Move _Out") : _("Move _In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_adjust_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_table (JpRankingPage *self)
{
  const char *headers[N_COLS] = {
    C_("ranking", "Rank"), C_("ranking", "Code"), C_("ranking", "Trade"), "V", "O", "D", "C",
    C_("ranking", "Margin"), C_("ranking", "Ties"), C_("ranking", "Recommended list"), "",
  };

  clear_grid (self->table);
  for (int col = 0; col < N_COLS; col++)
    gtk_grid_attach (self->table, cell (headers[col], col >= COL_V && col <= COL_MARGIN ? 1 : 0,
                                        "jp-ranking-header"), col, 0, 1, 1);
  for (guint i = 0; i < self->ranking->candidates->len; i++)
    {
      const JpRankedCandidate *c = self->ranking->candidates->pdata[i];
      g_autofree char *rank = g_strdup_printf (c->tied ? "%d=" : "%d", c->rank);
      g_autofree char *v = hundredths (c->v);
      g_autofree char *o = hundredths (c->o);
      g_autofree char *d = hundredths (c->d);
      g_autofree char *cc = hundredths (c->c);
      g_autofree char *margin = c->has_margin ? signed_hundredths (c->margin) : g_strdup ("—");
      g_autofree char *tie = tie_text (c);
      GtkWidget *code = gtk_button_new_with_label (c->code);
      int row = (int) i + 1;

      gtk_widget_add_css_class (code, "flat");
      gtk_widget_set_halign (code, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (code, _("Show how this candidate's C was reached"));
      g_signal_connect_object (code, "clicked", G_CALLBACK (on_code_clicked), self, 0);
      gtk_grid_attach (self->table, cell (rank, 1, "numeric"), COL_RANK, row, 1, 1);
      gtk_grid_attach (self->table, code, COL_CODE, row, 1, 1);
      gtk_grid_attach (self->table, cell (c->trade != NULL ? c->trade : "", 0, NULL),
                       COL_TRADE, row, 1, 1);
      gtk_grid_attach (self->table, cell (v, 1, "numeric"), COL_V, row, 1, 1);
      gtk_grid_attach (self->table, cell (o, 1, "numeric"), COL_O, row, 1, 1);
      gtk_grid_attach (self->table, cell (d, 1, "numeric"), COL_D, row, 1, 1);
      gtk_grid_attach (self->table, cell (cc, 1, "numeric"), COL_C, row, 1, 1);
      gtk_grid_attach (self->table, cell (margin, 1, "numeric"), COL_MARGIN, row, 1, 1);
      gtk_grid_attach (self->table, cell (tie, 0, c->tied ? "jp-ranking-tie" : NULL),
                       COL_TIE, row, 1, 1);
      gtk_grid_attach (self->table, cell (status_text (c), 0, status_class (c)),
                       COL_STATUS, row, 1, 1);
      if (!self->sealed)
        {
          GtkWidget *adjust = gtk_button_new_with_label (c->recommended ? _("Move Out…")
                                                                        : _("Move In…"));

          gtk_widget_set_name (adjust, c->code);
          gtk_widget_add_css_class (adjust, "flat");
          g_signal_connect_object (adjust, "clicked", G_CALLBACK (on_adjust_clicked), self, 0);
          gtk_grid_attach (self->table, adjust, COL_ACTION, row, 1, 1);
        }
    }
}

static void
fill_consistency (JpRankingPage *self)
{
  clear_grid (self->consistency_table);
  gtk_grid_attach (self->consistency_table,
                   cell (C_("consistency", "Member"), 0, "jp-ranking-header"), 0, 0, 1, 1);
  gtk_grid_attach (self->consistency_table,
                   cell (C_("consistency", "Sheets"), 1, "jp-ranking-header"), 1, 0, 1, 1);
  gtk_grid_attach (self->consistency_table,
                   cell (C_("consistency", "Mean difference from D"), 1, "jp-ranking-header"),
                   2, 0, 1, 1);
  gtk_grid_attach (self->consistency_table,
                   cell (C_("consistency", "Deviation alerts"), 1, "jp-ranking-header"),
                   3, 0, 1, 1);
  for (guint i = 0; self->consistency != NULL && i < self->consistency->len; i++)
    {
      const JpJudgeConsistency *j = self->consistency->pdata[i];
      g_autofree char *n = g_strdup_printf ("%u", j->n_sheets);
      g_autofree char *diff = signed_hundredths (j->mean_diff);
      g_autofree char *alerts = g_strdup_printf ("%u", j->n_alerts);

      gtk_grid_attach (self->consistency_table, cell (j->member, 0, NULL), 0, i + 1, 1, 1);
      gtk_grid_attach (self->consistency_table, cell (n, 1, "numeric"), 1, i + 1, 1, 1);
      gtk_grid_attach (self->consistency_table, cell (diff, 1, "numeric"), 2, i + 1, 1, 1);
      gtk_grid_attach (self->consistency_table,
                       cell (alerts, 1, j->n_alerts > 0 ? "jp-ranking-tie" : "numeric"),
                       3, i + 1, 1, 1);
    }
}

static void
fill_header (JpRankingPage *self)
{
  const JpRanking *r = self->ranking;
  g_autofree char *wv = jp_decimal_format (r->weight_v, 2);
  g_autofree char *wo = jp_decimal_format (r->weight_o, 2);
  g_autofree char *wd = jp_decimal_format (r->weight_d, 2);
  g_autofree char *formula = g_strdup_printf ("C = %s × V + %s × O + %s × D", wv, wo, wd);
  g_autofree char *cutoff = NULL;
  g_autofree char *caps = NULL;
  g_autoptr(GString) adjustments = g_string_new (NULL);

  gtk_label_set_text (self->formula_label, formula);
  if (r->caps != NULL && g_hash_table_size (r->caps) > 0)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (r->caps),
                                           (GCompareFunc) strcmp);
      g_autoptr(GString) s = g_string_new (NULL);

      for (GList *l = keys; l != NULL; l = l->next)
        g_string_append_printf (s, "%s%s %d", s->len > 0 ? C_("list separator", ", ") : "",
                                (char *) l->data,
                                GPOINTER_TO_INT (g_hash_table_lookup (r->caps, l->data)));
      /* TRANSLATORS: per-trade caps of the recommended list, e.g. "caps: XT 5, GD 3" */
      caps = g_strdup_printf (_("; caps per trade: %s"), s->str);
    }
  if (r->has_cutoff)
    {
      g_autofree char *c = hundredths (r->cutoff);

      cutoff = g_strdup_printf (ngettext ("Recommended list: the top %d by C over all trades%s. "
                                          "Cut-off at C = %s; %u recommended.",
                                          "Recommended list: the top %d by C over all trades%s. "
                                          "Cut-off at C = %s; %u recommended.", r->quota),
                                r->quota, caps != NULL ? caps : "", c, r->n_recommended);
    }
  else
    cutoff = g_strdup_printf (_("Recommended list: the top %d by C over all trades%s. There is "
                                "no cut-off."), r->quota, caps != NULL ? caps : "");
  gtk_label_set_text (self->cutoff_label, cutoff);

  if (r->cutoff_tie)
    {
      g_autofree char *c = hundredths (r->cutoff);
      g_autofree char *text = g_strdup_printf (_("A tie crosses the quota at C = %s: the tied "
                                                 "candidates cannot all be recommended. The "
                                                 "chair decides, moving candidates in or out "
                                                 "with a written reason."), c);

      gtk_label_set_text (self->tie_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tie_label), r->cutoff_tie);

  for (guint i = 0; i < r->candidates->len; i++)
    {
      const JpRankedCandidate *c = r->candidates->pdata[i];

      if (c->adjustment == 0)
        continue;
      if (adjustments->len == 0)
        g_string_append (adjustments, _("The chair's adjustments:"));
      g_string_append_c (adjustments, '\n');
      g_string_append_printf (adjustments,
                              c->adjustment > 0 ? _("%s moved into the list: %s")
                                                : _("%s moved out of the list: %s"),
                              c->code, c->adjustment_reason != NULL ? c->adjustment_reason
                                                                    : "");
    }
  gtk_label_set_text (self->adjustments_label, adjustments->str);
  gtk_widget_set_visible (GTK_WIDGET (self->adjustments_label), adjustments->len > 0);
}

/* When the ranking was last published, and whether the page now shows another one. */
static void
update_published (JpRankingPage *self)
{
  g_autofree char *text = NULL;
  gboolean changed;

  if (self->published_text == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->published_label), FALSE);
      return;
    }
  changed = self->ranking == NULL
            || g_strcmp0 (self->ranking->digest, self->published_digest) != 0;
  text = g_strdup_printf (changed ? _("%s The ranking has changed since: publish it again to "
                                      "show the new one on the projector.")
                                  : _("%s The ranking shown here is the one published."),
                          self->published_text);
  gtk_label_set_text (self->published_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->published_label), TRUE);
  if (changed)
    gtk_widget_add_css_class (GTK_WIDGET (self->published_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->published_label), "warning");
}

void
jp_ranking_page_set_published (JpRankingPage *self,
                               const char    *digest,
                               const char    *actor,
                               gint64         published_at)
{
  g_return_if_fail (JP_IS_RANKING_PAGE (self));

  g_clear_pointer (&self->published_digest, g_free);
  g_clear_pointer (&self->published_text, g_free);
  if (digest != NULL)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (published_at);
      g_autofree char *when = g_date_time_format (at, "%Y-%m-%d %H:%M:%S");
      g_autofree char *short_digest = g_strndup (digest, 16);

      self->published_digest = g_strdup (digest);
      /* TRANSLATORS: time, member or operator, the first 16 hex digits of the digest */
      self->published_text = g_strdup_printf (_("Last published to the projector at %s by %s "
                                                "(digest %s…)."), when, actor, short_digest);
    }
  update_published (self);
}

const char *
jp_ranking_page_get_published_text (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->published_label))
         ? gtk_label_get_text (self->published_label) : "";
}

static void
update_actions (JpRankingPage *self)
{
  update_published (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.seal",
                                 self->ranking != NULL && !self->sealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ranking.publish", self->ranking != NULL);
}

void
jp_ranking_page_show (JpRankingPage *self,
                      JpRanking     *ranking,
                      GPtrArray     *consistency,
                      const char    *message)
{
  g_return_if_fail (JP_IS_RANKING_PAGE (self));

  g_clear_pointer (&self->ranking, jp_ranking_free);
  g_clear_pointer (&self->consistency, g_ptr_array_unref);
  self->ranking = ranking;
  self->consistency = consistency;
  if (ranking == NULL)
    {
      adw_status_page_set_description (self->empty_page, message);
      gtk_stack_set_visible_child_name (self->outer_stack, "empty");
      update_actions (self);
      return;
    }
  fill_header (self);
  fill_table (self);
  fill_consistency (self);
  show_breakdown (self, NULL);
  gtk_stack_set_visible_child_name (self->outer_stack, "ranking");
  update_actions (self);
}

void
jp_ranking_page_set_sealed (JpRankingPage *self,
                            const char    *digest)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JP_IS_RANKING_PAGE (self));

  self->sealed = digest != NULL;
  if (digest != NULL)
    text = g_strdup_printf (_("Sealed; digest %s"), digest);
  gtk_label_set_text (self->sealed_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sealed_label), digest != NULL);
  if (self->ranking != NULL)
    fill_table (self);
  update_actions (self);
}

const JpRanking *
jp_ranking_page_get_ranking (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return self->ranking;
}

void
jp_ranking_page_select (JpRankingPage *self,
                        const char    *code)
{
  g_return_if_fail (JP_IS_RANKING_PAGE (self));

  for (guint i = 0; self->ranking != NULL && i < self->ranking->candidates->len; i++)
    {
      const JpRankedCandidate *c = self->ranking->candidates->pdata[i];

      if (g_strcmp0 (c->code, code) == 0)
        {
          show_breakdown (self, c);
          return;
        }
    }
  show_breakdown (self, NULL);
}

static void
action_seal (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[SIGNAL_SEAL], 0);
}

static void
action_publish (GtkWidget *widget, const char *name, GVariant *param)
{
  g_signal_emit (widget, signals[SIGNAL_PUBLISH], 0);
}

static void
jp_ranking_page_dispose (GObject *object)
{
  JpRankingPage *self = JP_RANKING_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_RANKING_PAGE);
  g_clear_pointer (&self->ranking, jp_ranking_free);
  g_clear_pointer (&self->consistency, g_ptr_array_unref);
  g_clear_pointer (&self->adjust_code, g_free);
  g_clear_pointer (&self->published_digest, g_free);
  g_clear_pointer (&self->published_text, g_free);

  G_OBJECT_CLASS (jp_ranking_page_parent_class)->dispose (object);
}

static void
jp_ranking_page_class_init (JpRankingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_ranking_page_dispose;

  signals[SIGNAL_ADJUST] =
    g_signal_new ("adjust", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[SIGNAL_SEAL] =
    g_signal_new ("seal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_PUBLISH] =
    g_signal_new ("publish", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  g_assert (jp_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-ranking-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, outer_stack);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, formula_label);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, cutoff_label);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, tie_label);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, sealed_label);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, published_label);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, seal_button);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, table);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, breakdown_label);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, adjustments_label);
  gtk_widget_class_bind_template_child (widget_class, JpRankingPage, consistency_table);

  gtk_widget_class_install_action (widget_class, "ranking.seal", NULL, action_seal);
  gtk_widget_class_install_action (widget_class, "ranking.publish", NULL, action_publish);
}

static void
jp_ranking_page_init (JpRankingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* beside the seal button: the ranking goes on the projector only when the chair says so */
  self->publish_button = gtk_button_new_with_mnemonic (_("_Publish to Projector"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->publish_button), "ranking.publish");
  gtk_widget_set_tooltip_text (self->publish_button,
                               _("Show the ranking on the projector; publish again after a "
                                 "change to update it"));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->seal_button)),
                              self->publish_button, NULL);
  jp_ranking_page_show (self, NULL, NULL,
                        _("The ranking is computed once the defence sessions are closed."));
}

GtkWidget *
jp_ranking_page_new (void)
{
  return g_object_new (JP_TYPE_RANKING_PAGE, NULL);
}

const char *
jp_ranking_page_get_formula_text (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return gtk_label_get_text (self->formula_label);
}

const char *
jp_ranking_page_get_cutoff_text (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->tie_label))
         ? gtk_label_get_text (self->tie_label) : gtk_label_get_text (self->cutoff_label);
}

const char *
jp_ranking_page_get_breakdown_text (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return gtk_label_get_text (self->breakdown_label);
}

char *
jp_ranking_page_get_row_text (JpRankingPage *self,
                              guint          index)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  for (int col = 0; col < N_COLS; col++)
    {
      GtkWidget *w = gtk_grid_get_child_at (self->table, col, (int) index + 1);
      const char *text = "";

      if (GTK_IS_LABEL (w))
        text = gtk_label_get_text (GTK_LABEL (w));
      else if (GTK_IS_BUTTON (w))
        text = gtk_button_get_label (GTK_BUTTON (w));
      if (col > 0)
        g_string_append_c (s, '|');
      g_string_append (s, text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

GtkWidget *
jp_ranking_page_get_table (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return GTK_WIDGET (self->table);
}

GtkWidget *
jp_ranking_page_get_consistency_table (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return GTK_WIDGET (self->consistency_table);
}

GtkWidget *
jp_ranking_page_get_publish_button (JpRankingPage *self)
{
  g_return_val_if_fail (JP_IS_RANKING_PAGE (self), NULL);
  return self->publish_button;
}
