/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jp-resources.h"
#include "ui/app/jp-ui-error.h"
#include "ui/chair/jp-projector-window.h"
#include "ui/chair/jp-projector-defence.h"
#include "core/jp-score.h"

struct _JpProjectorWindow
{
  GtkWindow         parent_instance;

  GtkLabel         *title_label;
  GtkLabel         *round_label;
  GtkStack         *mode_stack;
  GtkLabel         *count_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *state_label;
  GtkLabel         *codes_label;
  JpTallyChart     *chart;
  GtkLabel         *summary_label;
  GtkLabel         *candidate_label;
  GtkLabel         *step_out_label;
  GtkLabel         *host_label;
  JpProjectorDefence *defence;     /* the defence view, shown while defence_active */
  gboolean          defence_active;
  GtkWidget        *ranking_box;   /* the published ranking, shown while ranking_active */
  GtkLabel         *ranking_heading;
  GtkGrid          *ranking_grid;
  GtkLabel         *ranking_page_label;
  GPtrArray        *ranking;       /* RankingRow: a copy of the rows as published */
  guint             ranking_page;
  guint             ranking_timer;
  gboolean          ranking_active;

  JpMeetingService *service;
  gint64            round_id;
  GHashTable       *published;     /* gint64* round ids whose results the chair published */
  GtkCssProvider   *scale_css;
  int               scaled_height;
  guint             scale_idle;
  gboolean          dark;
};

G_DEFINE_FINAL_TYPE (JpProjectorWindow, jp_projector_window, GTK_TYPE_WINDOW)

static void
set_count (JpProjectorWindow *self,
           int                n_cast,
           int                n_panel)
{
  g_autofree char *text = NULL;

  /* TRANSLATORS: ballots received so far / members on the panel */
  text = g_strdup_printf (_("Ballots received: %d / %d"), n_cast, n_panel);
  gtk_label_set_text (self->count_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_panel > 0 ? CLAMP ((double) n_cast / n_panel, 0, 1) : 0);
}

static void
show_summary (JpProjectorWindow *self,
              const JpTally     *tally)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (tally->void_round)
    g_string_append (text, _("The round is void: more ballots than members present. "
                             "It will be repeated."));
  else
    g_string_append_printf (text, _("Present %d · cast %d · valid %d · invalid %d · blank %d"),
                            tally->present, tally->cast, tally->valid, tally->invalid,
                            tally->blank);
  if (tally->runoff_codes != NULL && tally->runoff_codes[0] != NULL)
    {
      g_autofree char *codes = g_strjoinv ("、", tally->runoff_codes);

      g_string_append (text, "\n");
      g_string_append_printf (text, ngettext ("Run-off among %s for %d seat",
                                              "Run-off among %s for %d seats",
                                              tally->runoff_seats),
                              codes, tally->runoff_seats);
    }
  gtk_label_set_text (self->summary_label, text->str);
}

/* The names of the members who must step out, joined the Chinese way. */
static char *
stepping_out_names (JpProjectorWindow *self)
{
  g_autoptr(GError) store_error = NULL;
  JpStore *store = jp_meeting_service_get_store (self->service);
  g_auto(GStrv) codes = jp_meeting_service_get_stepping_out (self->service);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;

  members = jp_store_list_members (store, &store_error);
  if (members == NULL && store_error != NULL)
    {
      jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
      g_clear_error (&store_error);
    }
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = codes[i];

      for (guint j = 0; members != NULL && j < members->len; j++)
        {
          JpMember *m = members->pdata[j];

          if (g_strcmp0 (m->code, codes[i]) == 0 && m->name != NULL && *m->name != '\0')
            name = m->name;
        }
      g_strv_builder_add (names, name);
    }
  list = g_strv_builder_end (names);
  if (list[0] == NULL)
    return g_strdup (_("No member needs to step out."));
  joined = g_strjoinv ("、", list);
  /* TRANSLATORS: %s is a list of member names joined with 、 */
  return g_strdup_printf (_("Step out: %s"), joined);
}

static void
refresh (JpProjectorWindow *self)
{
  g_autoptr(GError) store_error = NULL;
  JpStore *store = jp_meeting_service_get_store (self->service);
  const char *current = jp_meeting_service_get_current_candidate (self->service);
  g_autoptr(JpElection) election = jp_store_get_election (store);
  g_autoptr(JpRound) round = NULL;

  gtk_label_set_text (self->title_label, election != NULL && election->title != NULL
                      ? election->title : "");
  if (self->defence_active)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "defence");
      return;
    }
  if (self->ranking_active)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "ranking");
      return;
    }
  if (self->round_id > 0)
    round = jp_store_get_round (store, self->round_id, &store_error);
  if (round == NULL && store_error != NULL)
    {
      jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
      g_clear_error (&store_error);
    }

  if (round != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("%s (%s) · Ballot round %d"),
                                                  round->trade_name, round->trade_code,
                                                  round->number);
      g_auto(GStrv) codes = jp_round_get_codes (round);
      g_autofree char *joined = g_strjoinv ("   ", codes);

      gtk_label_set_text (self->round_label, heading);
      gtk_label_set_text (self->codes_label, joined);
      set_count (self, round->n_cast, round->n_panel);
    }
  else
    gtk_label_set_text (self->round_label, "");

  if (current != NULL)
    {
      g_autofree char *names = stepping_out_names (self);

      gtk_label_set_text (self->candidate_label, current);
      gtk_label_set_text (self->step_out_label, names);
      gtk_stack_set_visible_child_name (self->mode_stack, "candidate");
      return;
    }
  /* nobody under discussion (or the meeting ended): no 回避 line is left behind */
  gtk_label_set_text (self->candidate_label, "");
  gtk_label_set_text (self->step_out_label, "");

  jp_tally_chart_set_tally (self->chart, NULL);
  if (round == NULL)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "idle");
      return;
    }

  /* the tally only once the round is closed AND the chair has published it */
  if (round->state >= JP_ROUND_STATE_CLOSED
      && g_hash_table_contains (self->published, &self->round_id))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JpTally) tally = jp_store_get_tally (store, self->round_id, &error);

      if (tally != NULL)
        {
          jp_tally_chart_set_tally (self->chart, tally);
          show_summary (self, tally);
          gtk_stack_set_visible_child_name (self->mode_stack, "tally");
          return;
        }
      g_warning ("%s", error->message);
    }

  switch (round->state)
    {
    case JP_ROUND_STATE_OPEN:
      gtk_label_set_text (self->state_label, _("Voting is open"));
      break;
    case JP_ROUND_STATE_CLOSED:
    case JP_ROUND_STATE_SEALED:
      gtk_label_set_text (self->state_label,
                          _("Voting has closed. The result will be announced by the chair."));
      break;
    case JP_ROUND_STATE_DRAFT:
    default:
      gtk_label_set_text (self->state_label, _("Voting has not started"));
      break;
    }
  gtk_stack_set_visible_child_name (self->mode_stack, "round");
}

/* Straight from the signal to the label: the room sees each ballot arrive at once. */
static void
on_progress (JpProjectorWindow *self,
             gint64             round_id,
             int                n_cast,
             int                n_panel)
{
  if (round_id != self->round_id)
    return;
  set_count (self, n_cast, n_panel);
}

static void
on_round_changed (JpProjectorWindow *self,
                  gint64             round_id)
{
  g_autoptr(GError) store_error = NULL;
  g_autoptr(JpRound) round = jp_store_get_round (jp_meeting_service_get_store (self->service),
                                                 round_id, &store_error);

  if (round == NULL && store_error != NULL)
    jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
  /* a newly opened round takes the screen; closing or sealing keeps it */
  if (round != NULL && (round->state == JP_ROUND_STATE_OPEN || self->round_id == 0))
    self->round_id = round_id;
  refresh (self);
}

static void
on_results_published (JpProjectorWindow *self,
                      gint64             round_id)
{
  jp_projector_window_mark_published (self, round_id);
  self->round_id = round_id;
  refresh (self);
}

/* Type size follows the window height so a 1080p projector and a laptop preview look alike. */
static gboolean
apply_scale (gpointer user_data)
{
  JpProjectorWindow *self = user_data;
  g_autofree char *css = NULL;
  double px = CLAMP (self->scaled_height / 36.0, 12.0, 96.0);

  self->scale_idle = 0;
  /* the ranking's 25 rows, its header and the title fit the height of the screen */
  css = g_strdup_printf ("#%s { font-size: %.0fpx; } "
                         "#%s .jp-projector-ranking-cell { font-size: %.0fpx; }",
                         gtk_widget_get_name (GTK_WIDGET (self)), px,
                         gtk_widget_get_name (GTK_WIDGET (self)), px * 0.7);
  gtk_css_provider_load_from_data (self->scale_css, css, -1);
  return G_SOURCE_REMOVE;
}

static void
jp_projector_window_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  JpProjectorWindow *self = JP_PROJECTOR_WINDOW (widget);

  GTK_WIDGET_CLASS (jp_projector_window_parent_class)->size_allocate (widget, width, height,
                                                                      baseline);
  if (height != self->scaled_height && height > 0)
    {
      self->scaled_height = height;
      if (self->scale_idle == 0)
        self->scale_idle = g_idle_add (apply_scale, self);
    }
}

static void
jp_projector_window_dispose (GObject *object)
{
  JpProjectorWindow *self = JP_PROJECTOR_WINDOW (object);

  g_clear_handle_id (&self->scale_idle, g_source_remove);
  g_clear_handle_id (&self->ranking_timer, g_source_remove);
  g_clear_pointer (&self->ranking, g_ptr_array_unref);
  if (self->scale_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->scale_css));
  g_clear_object (&self->scale_css);
  g_clear_object (&self->service);
  g_clear_pointer (&self->published, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PROJECTOR_WINDOW);
  G_OBJECT_CLASS (jp_projector_window_parent_class)->dispose (object);
}

static void
jp_projector_window_class_init (JpProjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_projector_window_dispose;
  widget_class->size_allocate = jp_projector_window_size_allocate;

  g_assert (jp_get_resource () != NULL);
  g_type_ensure (JP_TYPE_TALLY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-projector-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, round_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, state_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, codes_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, candidate_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, step_out_label);
  gtk_widget_class_bind_template_child (widget_class, JpProjectorWindow, host_label);
}

/* The published ranking fits a 1080p projector at up to JP_PROJECTOR_RANKING_ROWS rows;
 * a longer list is shown page by page, turning by itself. */
#define JP_PROJECTOR_RANKING_ROWS 25
#define JP_PROJECTOR_RANKING_SECONDS 12

typedef struct {
  int       rank;
  gboolean  tied, recommended;
  char     *code, *trade;
  gint64    v, o, d, c;
} RankingRow;

static void
ranking_row_free (RankingRow *row)
{
  g_free (row->code);
  g_free (row->trade);
  g_free (row);
}

static GtkWidget *
ranking_cell (const char *text,
              float       xalign,
              const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "jp-projector-ranking-cell");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static guint
ranking_n_pages (JpProjectorWindow *self)
{
  guint n = self->ranking != NULL ? self->ranking->len : 0;

  return MAX (1, (n + JP_PROJECTOR_RANKING_ROWS - 1) / JP_PROJECTOR_RANKING_ROWS);
}

static void
fill_ranking (JpProjectorWindow *self)
{
  const char *headers[] = {
    C_("ranking", "Rank"), C_("ranking", "Code"), C_("ranking", "Trade"), "V", "O", "D", "C",
    C_("ranking", "Recommended list"),
  };
  GtkWidget *child;
  guint first, last, n_pages = ranking_n_pages (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->ranking_grid))) != NULL)
    gtk_grid_remove (self->ranking_grid, child);
  if (self->ranking == NULL)
    return;
  for (guint col = 0; col < G_N_ELEMENTS (headers); col++)
    gtk_grid_attach (self->ranking_grid,
                     ranking_cell (headers[col], col >= 3 && col <= 6 ? 1 : 0,
                                   "jp-projector-ranking-header"),
                     col, 0, 1, 1);
  first = self->ranking_page * JP_PROJECTOR_RANKING_ROWS;
  last = MIN (first + JP_PROJECTOR_RANKING_ROWS, self->ranking->len);
  for (guint i = first; i < last; i++)
    {
      const RankingRow *c = self->ranking->pdata[i];
      g_autofree char *rank = g_strdup_printf (c->tied ? "%d=" : "%d", c->rank);
      g_autofree char *v = jp_decimal_format (c->v, 2);
      g_autofree char *o = jp_decimal_format (c->o, 2);
      g_autofree char *d = jp_decimal_format (c->d, 2);
      g_autofree char *cc = jp_decimal_format (c->c, 2);
      g_autoptr(GString) mark = g_string_new (NULL);
      const char *css = c->recommended ? "jp-ranking-recommended" : NULL;
      int row = (int) (i - first) + 1;

      if (c->recommended)
        g_string_append (mark, _("✓ Recommended"));
      if (c->tied)
        {
          if (mark->len > 0)
            g_string_append (mark, C_("list separator", ", "));
          g_string_append (mark, _("Tied"));
        }
      gtk_grid_attach (self->ranking_grid, ranking_cell (rank, 1, css), 0, row, 1, 1);
      gtk_grid_attach (self->ranking_grid, ranking_cell (c->code, 0, css), 1, row, 1, 1);
      gtk_grid_attach (self->ranking_grid,
                       ranking_cell (c->trade != NULL ? c->trade : "", 0, css), 2, row, 1, 1);
      gtk_grid_attach (self->ranking_grid, ranking_cell (v, 1, "numeric"), 3, row, 1, 1);
      gtk_grid_attach (self->ranking_grid, ranking_cell (o, 1, "numeric"), 4, row, 1, 1);
      gtk_grid_attach (self->ranking_grid, ranking_cell (d, 1, "numeric"), 5, row, 1, 1);
      gtk_grid_attach (self->ranking_grid, ranking_cell (cc, 1, "numeric"), 6, row, 1, 1);
      gtk_grid_attach (self->ranking_grid,
                       ranking_cell (mark->str, 0, c->tied ? "jp-ranking-tie" : css),
                       7, row, 1, 1);
    }
  if (n_pages > 1)
    {
      /* TRANSLATORS: page of the ranking on the projector, e.g. "Page 1 / 3" */
      g_autofree char *text = g_strdup_printf (_("Page %u / %u"), self->ranking_page + 1,
                                               n_pages);

      gtk_label_set_text (self->ranking_page_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ranking_page_label), n_pages > 1);
}

static gboolean
turn_ranking_page (gpointer user_data)
{
  JpProjectorWindow *self = user_data;

  self->ranking_page = (self->ranking_page + 1) % ranking_n_pages (self);
  fill_ranking (self);
  return G_SOURCE_CONTINUE;
}

static void
build_ranking_view (JpProjectorWindow *self)
{
  self->ranking_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (self->ranking_box, 48);
  gtk_widget_set_margin_end (self->ranking_box, 48);
  gtk_widget_set_margin_top (self->ranking_box, 0);
  gtk_widget_set_margin_bottom (self->ranking_box, 12);
  self->ranking_heading = GTK_LABEL (gtk_label_new (_("Composite Ranking")));
  gtk_widget_add_css_class (GTK_WIDGET (self->ranking_heading), "jp-projector-ranking-title");
  self->ranking_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->ranking_grid, 40);
  gtk_grid_set_row_spacing (self->ranking_grid, 2);
  gtk_widget_set_halign (GTK_WIDGET (self->ranking_grid), GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (GTK_WIDGET (self->ranking_grid), TRUE);
  self->ranking_page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (self->ranking_box), GTK_WIDGET (self->ranking_heading));
  {
    /* the window's height sets the type size (apply_scale), so the rows never set the
     * window's height: on a smaller screen they shrink with it instead */
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                    GTK_POLICY_EXTERNAL);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                   GTK_WIDGET (self->ranking_grid));
    gtk_widget_set_vexpand (scroller, TRUE);
    gtk_box_append (GTK_BOX (self->ranking_box), scroller);
  }
  gtk_box_append (GTK_BOX (self->ranking_box), GTK_WIDGET (self->ranking_page_label));
  gtk_stack_add_named (self->mode_stack, self->ranking_box, "ranking");
}

void
jp_projector_window_show_ranking (JpProjectorWindow *self,
                                  const JpRanking   *ranking)
{
  g_return_if_fail (JP_IS_PROJECTOR_WINDOW (self));

  g_clear_pointer (&self->ranking, g_ptr_array_unref);
  g_clear_handle_id (&self->ranking_timer, g_source_remove);
  self->ranking_active = ranking != NULL;
  if (ranking != NULL)
    {
      self->ranking = g_ptr_array_new_with_free_func ((GDestroyNotify) ranking_row_free);
      for (guint i = 0; i < ranking->candidates->len; i++)
        {
          const JpRankedCandidate *c = ranking->candidates->pdata[i];
          RankingRow *row = g_new0 (RankingRow, 1);

          row->rank = c->rank;
          row->tied = c->tied;
          row->recommended = c->recommended;
          row->code = g_strdup (c->code);
          row->trade = g_strdup (c->trade);
          row->v = c->v;
          row->o = c->o;
          row->d = c->d;
          row->c = c->c;
          g_ptr_array_add (self->ranking, row);
        }
      self->ranking_page = 0;
      if (ranking_n_pages (self) > 1)
        self->ranking_timer = g_timeout_add_seconds (JP_PROJECTOR_RANKING_SECONDS,
                                                     turn_ranking_page, self);
    }
  fill_ranking (self);
  refresh (self);
}

GtkGrid *
jp_projector_window_get_ranking_grid (JpProjectorWindow *self)
{
  g_return_val_if_fail (JP_IS_PROJECTOR_WINDOW (self), NULL);
  return self->ranking_grid;
}

static void
jp_projector_window_init (JpProjectorWindow *self)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("jp-projector-%u", ++serial);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), name);
  self->published = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->scale_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->scale_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  jp_projector_window_set_dark (self, TRUE);
  self->defence = JP_PROJECTOR_DEFENCE (jp_projector_defence_new ());
  gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->defence), "defence");
  build_ranking_view (self);
}

void
jp_projector_window_show_defence (JpProjectorWindow *self,
                                  const char        *heading,
                                  const char        *code,
                                  int                position,
                                  int                count,
                                  const JpTimer     *timer,
                                  const char        *step_out)
{
  g_return_if_fail (JP_IS_PROJECTOR_WINDOW (self));

  self->defence_active = code != NULL;
  if (code != NULL)
    jp_projector_defence_set (self->defence, heading, code, position, count, timer, step_out);
  refresh (self);
}

JpProjectorDefence *
jp_projector_window_get_defence (JpProjectorWindow *self)
{
  g_return_val_if_fail (JP_IS_PROJECTOR_WINDOW (self), NULL);
  return self->defence;
}

JpProjectorWindow *
jp_projector_window_new (JpMeetingService *service)
{
  g_autoptr(GError) store_error = NULL;
  JpProjectorWindow *self;
  g_autoptr(GPtrArray) rounds = NULL;

  g_return_val_if_fail (JP_IS_MEETING_SERVICE (service), NULL);

  self = g_object_new (JP_TYPE_PROJECTOR_WINDOW, NULL);
  self->service = g_object_ref (service);
  g_signal_connect_object (service, "progress", G_CALLBACK (on_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (service, "round-changed", G_CALLBACK (on_round_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (service, "results-published", G_CALLBACK (on_results_published),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (service, "current-candidate-changed", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);

  /* start on the open round, if any */
  rounds = jp_store_list_rounds (jp_meeting_service_get_store (service), NULL, &store_error);
  if (rounds == NULL && store_error != NULL)
    {
      jp_ui_report_error (GTK_WIDGET (self), NULL, store_error);
      g_clear_error (&store_error);
    }
  for (guint i = 0; rounds != NULL && i < rounds->len; i++)
    {
      JpRound *r = rounds->pdata[i];

      if (r->state == JP_ROUND_STATE_OPEN)
        self->round_id = r->id;
    }
  refresh (self);
  return self;
}

void
jp_projector_window_set_round (JpProjectorWindow *self,
                               gint64             round_id)
{
  g_return_if_fail (JP_IS_PROJECTOR_WINDOW (self));
  self->round_id = round_id;
  refresh (self);
}

void
jp_projector_window_mark_published (JpProjectorWindow *self,
                                    gint64             round_id)
{
  g_return_if_fail (JP_IS_PROJECTOR_WINDOW (self));
  g_hash_table_add (self->published, g_memdup2 (&round_id, sizeof round_id));
  if (round_id == self->round_id)
    refresh (self);
}

void
jp_projector_window_set_dark (JpProjectorWindow *self,
                              gboolean           dark)
{
  g_return_if_fail (JP_IS_PROJECTOR_WINDOW (self));
  self->dark = !!dark;
  if (self->dark)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "jp-projector-dark");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "jp-projector-light");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "jp-projector-light");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "jp-projector-dark");
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

gboolean
jp_projector_window_get_dark (JpProjectorWindow *self)
{
  g_return_val_if_fail (JP_IS_PROJECTOR_WINDOW (self), TRUE);
  return self->dark;
}

void
jp_projector_window_show_on (JpProjectorWindow *self,
                             GdkMonitor        *monitor)
{
  g_return_if_fail (JP_IS_PROJECTOR_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

const char *
jp_projector_window_get_mode (JpProjectorWindow *self)
{
  return gtk_stack_get_visible_child_name (self->mode_stack);
}

GtkLabel *
jp_projector_window_get_count_label (JpProjectorWindow *self)
{
  return self->count_label;
}

GtkLabel *
jp_projector_window_get_round_label (JpProjectorWindow *self)
{
  return self->round_label;
}

GtkLabel *
jp_projector_window_get_codes_label (JpProjectorWindow *self)
{
  return self->codes_label;
}

GtkLabel *
jp_projector_window_get_step_out_label (JpProjectorWindow *self)
{
  return self->step_out_label;
}

void
jp_projector_window_set_host (JpProjectorWindow *self,
                              const char        *addresses,
                              const char        *fingerprint)
{
  g_autofree char *text = NULL;

  g_return_if_fail (JP_IS_PROJECTOR_WINDOW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->host_label), addresses != NULL);
  if (addresses == NULL)
    return;
  /* TRANSLATORS: %s are the host's address(es) and its certificate fingerprint */
  text = g_strdup_printf (_("Join: %s · Fingerprint %s"), addresses,
                          fingerprint != NULL ? fingerprint : "");
  gtk_label_set_text (self->host_label, text);
}

GtkLabel *
jp_projector_window_get_host_label (JpProjectorWindow *self)
{
  g_return_val_if_fail (JP_IS_PROJECTOR_WINDOW (self), NULL);
  return self->host_label;
}

GtkLabel *
jp_projector_window_get_candidate_label (JpProjectorWindow *self)
{
  return self->candidate_label;
}

JpTallyChart *
jp_projector_window_get_chart (JpProjectorWindow *self)
{
  return self->chart;
}
