/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/candidates/jp-candidate-list-private.h"

/* Cells read the JpCandidate item on every bind; nothing is copied into the widgets'
 * own state beyond what they display. */

static const char *
candidate_text (JpCandidate *c,
                JpColumn     column)
{
  switch (column)
    {
    case JP_COLUMN_NAME:
      return c->name;
    case JP_COLUMN_SEX:
      return c->sex == JP_SEX_UNKNOWN ? "" : jp_sex_label (c->sex);
    case JP_COLUMN_UNIT:
      return c->unit;
    case JP_COLUMN_TRADE:
      return c->trade;
    case JP_COLUMN_ROUTE:
      return c->route == JP_ROUTE_UNKNOWN ? "" : jp_route_label (c->route);
    case JP_COLUMN_STATUS:
      return jp_status_label (c->status);
    case JP_COLUMN_FINDINGS:
    case JP_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
setup_text_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* names, trades and states are short and read whole, their columns sized to them; only
   * the long unit names give way (whole in their tooltip) */
  if (GPOINTER_TO_INT (user_data) == JP_COLUMN_UNIT)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_text_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  JpCandidate *c = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *text = candidate_text (c, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (label, text != NULL ? text : "");
  if (GPOINTER_TO_INT (user_data) == JP_COLUMN_UNIT)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), c->unit);
}

/* Warnings cell: a red "N errors" badge, then a warning icon with the warning count. */
static void
setup_findings_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "jp-error-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_add_css_class (count, "warning");
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (item, box);
}

static void
bind_findings_cell (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  JpCandidate *c = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *badge = gtk_widget_get_first_child (box);
  GtkWidget *icon = gtk_widget_get_next_sibling (badge);
  GtkWidget *count = gtk_widget_get_next_sibling (icon);
  guint errors = jp_candidate_count_findings (c, JP_SEVERITY_ERROR);
  guint warnings = jp_candidate_count_findings (c, JP_SEVERITY_WARNING);
  g_autofree char *badge_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors),
                                                 errors);
  g_autofree char *count_text = g_strdup_printf ("%u", warnings);
  g_autofree char *tooltip = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings),
                                              warnings);

  gtk_label_set_text (GTK_LABEL (badge), badge_text);
  gtk_widget_set_visible (badge, errors > 0);
  gtk_label_set_text (GTK_LABEL (count), count_text);
  gtk_widget_set_visible (icon, warnings > 0);
  gtk_widget_set_visible (count, warnings > 0);
  gtk_widget_set_tooltip_text (icon, tooltip);
}

GtkListItemFactory *
jp_candidate_column_factory (JpColumn column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (column == JP_COLUMN_FINDINGS)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_findings_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_findings_cell), NULL);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cell), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_text_cell), GINT_TO_POINTER (column));
    }
  return factory;
}

/* ---- sorting ---- */

static int
compare_strings (const char *a,
                 const char *b)
{
  int r = g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");

  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

static int
compare_ints (int a,
              int b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Errors weigh more than any number of warnings. */
int
jp_candidate_compare_findings (JpCandidate *a,
                               JpCandidate *b)
{
  int r = compare_ints (jp_candidate_count_findings (a, JP_SEVERITY_ERROR),
                        jp_candidate_count_findings (b, JP_SEVERITY_ERROR));

  if (r == 0)
    r = compare_ints (jp_candidate_count_findings (a, JP_SEVERITY_WARNING),
                      jp_candidate_count_findings (b, JP_SEVERITY_WARNING));
  return r;
}

static int
compare_candidates (gconstpointer item_a,
                    gconstpointer item_b,
                    gpointer      user_data)
{
  JpCandidate *a = (JpCandidate *) item_a;
  JpCandidate *b = (JpCandidate *) item_b;
  int r = 0;

  switch ((JpColumn) GPOINTER_TO_INT (user_data))
    {
    case JP_COLUMN_NAME:
      r = compare_strings (a->name, b->name);
      break;
    case JP_COLUMN_SEX:
      r = compare_ints (a->sex, b->sex);
      break;
    case JP_COLUMN_UNIT:
      r = compare_strings (a->unit, b->unit);
      break;
    case JP_COLUMN_TRADE:
      r = compare_strings (a->trade, b->trade);
      break;
    case JP_COLUMN_ROUTE:
      r = compare_ints (a->route, b->route);
      break;
    case JP_COLUMN_STATUS:
      r = compare_ints (a->status, b->status);
      break;
    case JP_COLUMN_FINDINGS:
      r = jp_candidate_compare_findings (a, b);
      break;
    case JP_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* a stable tie-break keeps equal rows in a predictable order */
  if (r == 0 && GPOINTER_TO_INT (user_data) != JP_COLUMN_NAME)
    r = compare_strings (a->name, b->name);
  return r;
}

GtkSorter *
jp_candidate_column_sorter (JpColumn column)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_candidates, GINT_TO_POINTER (column), NULL));
}
