/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ui/widgets/jp-tally-chart.h"

struct _JpTallyChart
{
  GtkWidget  parent_instance;

  JpTally   *tally;
};

G_DEFINE_FINAL_TYPE (JpTallyChart, jp_tally_chart, GTK_TYPE_WIDGET)

/* Colours chosen to stay apart on a washed-out projector and in grey scale: a strong gold
 * for finalists, orange with hatching for run-off, a mid grey for the rest. */
static const double colour_advanced[3] = { 0.93, 0.66, 0.05 };
static const double colour_runoff[3] = { 0.90, 0.38, 0.10 };
static const double colour_out[3] = { 0.55, 0.57, 0.60 };

static const double *
outcome_colour (JpTallyOutcome outcome)
{
  switch (outcome)
    {
    case JP_TALLY_ADVANCED:
      return colour_advanced;
    case JP_TALLY_RUNOFF:
      return colour_runoff;
    case JP_TALLY_OUT:
    default:
      return colour_out;
    }
}

/* Diagonal stripes over the run-off colour, so the mark survives a monochrome projector. */
static cairo_pattern_t *
create_hatch (double unit)
{
  int size = MAX (8, (int) (unit * 0.9));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *pattern;

  cairo_set_source_rgb (cr, colour_runoff[0], colour_runoff[1], colour_runoff[2]);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
  cairo_set_line_width (cr, size / 4.0);
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (cr, k * size, size);
      cairo_line_to (cr, k * size + size, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (surface);
  return pattern;
}

static void
set_fill (cairo_t        *cr,
          JpTallyOutcome  outcome,
          cairo_pattern_t *hatch)
{
  const double *c = outcome_colour (outcome);

  if (outcome == JP_TALLY_RUNOFF)
    cairo_set_source (cr, hatch);
  else
    cairo_set_source_rgb (cr, c[0], c[1], c[2]);
}

/* Draws `text` centred on x with its top (or its bottom when `above`) at y. */
static void
draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           gboolean       above)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w / 2.0, above ? y - h : y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (cairo_t         *cr,
             PangoLayout     *layout,
             const GdkRGBA   *fg,
             double           x_right,
             double           y,
             double           unit,
             cairo_pattern_t *hatch)
{
  static const JpTallyOutcome order[] = { JP_TALLY_ADVANCED, JP_TALLY_RUNOFF, JP_TALLY_OUT };
  double x = x_right;

  for (int i = G_N_ELEMENTS (order) - 1; i >= 0; i--)
    {
      int w, h;

      pango_layout_set_text (layout, jp_tally_outcome_label (order[i]), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      x -= w;
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      x -= unit * 0.4 + h;
      set_fill (cr, order[i], hatch);
      cairo_rectangle (cr, x, y + h * 0.1, h * 0.8 + unit * 0.2, h * 0.8);
      cairo_fill (cr);
      x -= unit * 1.2;
    }
}

static void
jp_tally_chart_draw (JpTallyChart *self,
                     cairo_t      *cr,
                     int           width,
                     int           height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  cairo_pattern_t *hatch;
  guint n;
  int max_votes = 1;
  double unit, top, bottom, left, right, slot;

  if (self->tally == NULL || self->tally->candidates->len == 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  n = self->tally->candidates->len;
  for (guint i = 0; i < n; i++)
    max_votes = MAX (max_votes, ((JpTallyCandidate *) self->tally->candidates->pdata[i])->votes);

  /* type scales with the chart so it stays readable across the room */
  unit = CLAMP (height / 22.0, 10.0, 64.0);
  layout = gtk_widget_create_pango_layout (widget, NULL);
  font = pango_font_description_copy (pango_context_get_font_description (
                                        pango_layout_get_context (layout)));
  pango_font_description_set_absolute_size (font, unit * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  hatch = create_hatch (unit);

  top = unit * 3.2;         /* legend and the value labels of the tallest bar */
  bottom = height - unit * 2.0;
  left = unit;
  right = width - unit;
  slot = (right - left) / n;

  draw_legend (cr, layout, &fg, right, 0, unit, hatch);

  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_set_line_width (cr, MAX (1.0, unit / 12.0));
  cairo_move_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      const JpTallyCandidate *c = self->tally->candidates->pdata[i];
      double bar_w = MIN (slot * 0.7, unit * 6);
      double x = left + slot * i + (slot - bar_w) / 2;
      double h = (bottom - top) * c->votes / max_votes;
      g_autofree char *votes = g_strdup_printf ("%d", c->votes);

      set_fill (cr, c->outcome, hatch);
      cairo_rectangle (cr, x, bottom - h, bar_w, h);
      cairo_fill (cr);
      if (c->outcome == JP_TALLY_ADVANCED)
        {
          /* a frame in the text colour lifts finalists off both themes */
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_set_line_width (cr, MAX (2.0, unit / 6.0));
          cairo_rectangle (cr, x, bottom - h, bar_w, h);
          cairo_stroke (cr);
        }
      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (cr, layout, votes, x + bar_w / 2, bottom - h - unit * 0.2, TRUE);
      draw_text (cr, layout, c->code, x + bar_w / 2, bottom + unit * 0.3, FALSE);
    }

  cairo_pattern_destroy (hatch);
  pango_font_description_free (font);
}

static void
jp_tally_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  jp_tally_chart_draw (JP_TALLY_CHART (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
jp_tally_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 400;
}

static void
jp_tally_chart_finalize (GObject *object)
{
  JpTallyChart *self = JP_TALLY_CHART (object);

  g_clear_pointer (&self->tally, jp_tally_free);
  G_OBJECT_CLASS (jp_tally_chart_parent_class)->finalize (object);
}

static void
jp_tally_chart_class_init (JpTallyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jp_tally_chart_finalize;
  widget_class->snapshot = jp_tally_chart_snapshot;
  widget_class->measure = jp_tally_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "jp-tally-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
jp_tally_chart_init (JpTallyChart *self)
{
}

GtkWidget *
jp_tally_chart_new (void)
{
  return g_object_new (JP_TYPE_TALLY_CHART, NULL);
}

void
jp_tally_chart_set_tally (JpTallyChart  *self,
                          const JpTally *tally)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (JP_IS_TALLY_CHART (self));

  g_clear_pointer (&self->tally, jp_tally_free);
  if (tally != NULL)
    self->tally = jp_tally_copy (tally);
  /* screen readers get the numbers the picture shows */
  for (guint i = 0; tally != NULL && i < tally->candidates->len; i++)
    {
      const JpTallyCandidate *c = tally->candidates->pdata[i];

      g_string_append_printf (description, "%s%s %d (%s)", i > 0 ? "; " : "", c->code,
                              c->votes, jp_tally_outcome_label (c->outcome));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
jp_tally_chart_get_n_bars (JpTallyChart *self)
{
  g_return_val_if_fail (JP_IS_TALLY_CHART (self), 0);
  return self->tally != NULL ? self->tally->candidates->len : 0;
}

gboolean
jp_tally_chart_get_bar (JpTallyChart    *self,
                        guint            index,
                        const char     **code,
                        int             *votes,
                        JpTallyOutcome  *outcome)
{
  const JpTallyCandidate *c;

  g_return_val_if_fail (JP_IS_TALLY_CHART (self), FALSE);
  if (index >= jp_tally_chart_get_n_bars (self))
    return FALSE;
  c = self->tally->candidates->pdata[index];
  if (code != NULL)
    *code = c->code;
  if (votes != NULL)
    *votes = c->votes;
  if (outcome != NULL)
    *outcome = c->outcome;
  return TRUE;
}
