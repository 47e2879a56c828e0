/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "core/jp-tally.h"

G_BEGIN_DECLS

#define JP_TYPE_TALLY_CHART (jp_tally_chart_get_type ())
G_DECLARE_FINAL_TYPE (JpTallyChart, jp_tally_chart, JP, TALLY_CHART, GtkWidget)

/* Returns: (transfer floating): a bar chart of a published tally, drawn with cairo: one bar
 * per code in the tally's order, the votes above each bar, finalists (advanced) in the
 * accent colour, run-off candidates hatched, with a legend. Empty until a tally is set. */
GtkWidget *jp_tally_chart_new       (void);

/* Shows `tally` (copied); NULL empties the chart. */
void       jp_tally_chart_set_tally (JpTallyChart  *self,
                                     const JpTally *tally);

/* for tests: the bars drawn, in drawing order (left to right). `code` is borrowed. */
guint      jp_tally_chart_get_n_bars (JpTallyChart *self);
gboolean   jp_tally_chart_get_bar    (JpTallyChart    *self,
                                      guint            index,
                                      const char     **code,
                                      int             *votes,
                                      JpTallyOutcome  *outcome);

G_END_DECLS
