/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <adwaita.h>

#include "ui/widgets/jp-accessible.h"

char *
jp_accessible_strip_mnemonic (const char *label)
{
  GString *out;

  if (label == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = label; *p != '\0'; p++)
    {
      /* Chinese labels carry the mnemonic as "(_N)" or "（_N）" after the words */
      if ((g_str_has_prefix (p, "(_") && p[2] != '\0' && p[3] == ')'))
        {
          p += 3;
          continue;
        }
      if (g_str_has_prefix (p, "（_") && p[strlen ("（_")] != '\0'
          && g_str_has_prefix (p + strlen ("（_") + 1, "）"))
        {
          p += strlen ("（_") + strlen ("）");
          continue;
        }
      if (*p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, '_');
          if (p[1] == '_')
            p++;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_key_hint (const char *inside,
             gsize       len)
{
  static const char *const keys[] = { "Ctrl", "Alt", "Shift", "Esc", "Enter", "F1", "Tab",
                                      "Delete", "Page", "Home", "End", "←", "→", "↑", "↓" };
  g_autofree char *text = g_strndup (inside, len);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strstr (text, keys[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
jp_accessible_strip_shortcut (const char *tooltip)
{
  static const char *const pairs[][2] = { { " (", ")" }, { "(", ")" }, { "（", "）" } };

  if (tooltip == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const char *open = g_strrstr (tooltip, pairs[i][0]);
      gsize len = strlen (tooltip);

      if (open != NULL && g_str_has_suffix (tooltip, pairs[i][1]))
        {
          const char *inside = open + strlen (pairs[i][0]);
          gsize inside_len = (tooltip + len - strlen (pairs[i][1])) - inside;

          if (is_key_hint (inside, inside_len))
            return g_strstrip (g_strndup (tooltip, open - tooltip));
        }
    }
  return g_strdup (tooltip);
}

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  if (name == NULL || *name == '\0')
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  /* GTK also names a button by the label inside it: the reader would say both */
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* The text a button shows inside (a GtkLabel or AdwButtonContent's label), or NULL. */
static const char *
inner_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        return gtk_label_get_label (GTK_LABEL (child));
      text = inner_label (child);
      if (text != NULL)
        return text;
    }
  return NULL;
}

static char *
button_name (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);
  const char *label = GTK_IS_BUTTON (button) ? gtk_button_get_label (GTK_BUTTON (button)) : NULL;

  if (label == NULL)
    label = inner_label (button);
  if (label != NULL && *label != '\0')
    return jp_accessible_strip_mnemonic (label);
  return jp_accessible_strip_shortcut (tooltip);
}

static void
name_button (GtkWidget *button)
{
  g_autofree char *name = button_name (button);

  set_name (button, name);
}

static void
on_label_changed (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      g_autofree char *name = jp_accessible_strip_mnemonic (
        gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)));

      set_name (widget, name);
    }
  else
    name_button (widget);
}

static void
watch_label (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), "jp-a11y-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "jp-a11y-watched", GINT_TO_POINTER (1));
  g_signal_connect (widget, "notify::label", G_CALLBACK (on_label_changed), NULL);
  g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (on_label_changed), NULL);
}

static gboolean
inside_button (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w) || GTK_IS_DROP_DOWN (w))
      return TRUE;
  return FALSE;
}

/* The words of a label whose mnemonic activates `widget` ("投影屏幕(_J)"), or NULL. */
static char *
mnemonic_label_text (GtkWidget *widget)
{
  GList *labels = gtk_widget_list_mnemonic_labels (widget);
  char *text = NULL;

  if (labels != NULL && GTK_IS_LABEL (labels->data))
    text = jp_accessible_strip_mnemonic (gtk_label_get_label (labels->data));
  g_list_free (labels);
  return text;
}

/* The title of the preferences row a control sits in, or NULL. */
static char *
row_title (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_ROW (w))
      return jp_accessible_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)));
  return NULL;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

/* A calendar's arrows are icons without tooltips: in GTK 4.8 its header holds the month's
 * back and forward buttons, then the year's. */
static void
name_calendar (GtkWidget *calendar)
{
  static const char *const names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (calendar, buttons);
  for (guint i = 0; i < buttons->len && i < G_N_ELEMENTS (names); i++)
    {
      g_object_set_data (G_OBJECT (buttons->pdata[i]), "jp-a11y-named", GINT_TO_POINTER (1));
      set_name (buttons->pdata[i], _(names[i]));
    }
}

static void
name_widget (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_CALENDAR (widget))
    {
      name_calendar (widget);
      return;
    }

  /* GTK 4.8 names an expander's button by its class ("GtkExpander"): its label's words */
  if (GTK_IS_EXPANDER (widget))
    {
      const char *label = gtk_expander_get_label (GTK_EXPANDER (widget));
      g_autofree char *name = label != NULL ? jp_accessible_strip_mnemonic (label) : NULL;

      set_name (widget, name);
      return;
    }

  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
    {
      /* the words on it, or for an icon its tooltip */
      const char *label = GTK_IS_MENU_BUTTON (widget)
                          ? gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) : NULL;
      g_autofree char *name = NULL;
      GtkWidget *inner = gtk_widget_get_first_child (widget);

      /* its own button's words, not those of the menu it holds */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child))
          {
            inner = child;
            break;
          }
      if (label == NULL && GTK_IS_MENU_BUTTON (widget) && inner != NULL)
        label = inner_label (inner);
      name = label != NULL && *label != '\0'
             ? jp_accessible_strip_mnemonic (label)
             : jp_accessible_strip_shortcut (gtk_widget_get_tooltip_text (widget));

      if (name == NULL || *name == '\0')
        {
          g_free (name);
          name = row_title (widget);
        }
      if (name == NULL || *name == '\0')
        {
          g_free (name);
          name = mnemonic_label_text (widget);
        }
      set_name (widget, name);
      /* the button inside is what the reader focuses: named as its owner is */
      if (inner != NULL && name != NULL && *name != '\0')
        set_name (inner, name);
      else if (inner != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (inner),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, widget, NULL, -1);
    }
  else if (GTK_IS_BUTTON (widget))
    {
      /* a menu button's or drop-down's own button is named with its owner */
      if (parent != NULL && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent)))
        return;
      name_button (widget);
      watch_label (widget);
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      if (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
        {
          on_label_changed (widget, NULL, NULL);
          watch_label (widget);
        }
    }
  else if (GTK_IS_IMAGE (widget) || GTK_IS_PICTURE (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      /* an icon beside words says nothing the words do not */
      if (tooltip != NULL)
        set_name (widget, tooltip);
      else if (inside_button (widget) || GTK_IS_IMAGE (widget))
        gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                     -1);
    }
  else if (GTK_IS_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget))
    {
      /* a field is named by its tooltip, else by the hint it shows when empty */
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      g_autofree char *name = NULL;

      if (tooltip != NULL)
        name = jp_accessible_strip_shortcut (tooltip);
      else if (!GTK_IS_SPIN_BUTTON (widget))
        g_object_get (widget, "placeholder-text", &name, NULL);
      set_name (widget, name);
    }
  else if (GTK_IS_LIST_BOX_ROW (widget) && !ADW_IS_PREFERENCES_ROW (widget))
    {
      /* a row of words (the stages, a list of files) is read by its first words */
      const char *text = inner_label (widget);

      if (text != NULL && *text != '\0')
        {
          g_autofree char *name = jp_accessible_strip_mnemonic (text);

          set_name (widget, name);
        }
    }
}

/* Names `widget` and all it holds, once each (a button's later label changes are watched). */
static void
name_tree (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), "jp-a11y-named") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "jp-a11y-named", GINT_TO_POINTER (1));
      name_widget (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_tree (child);
}

/* A widget names all it holds when it is realized, the parts not shown yet too (a reader
 * lists a hidden search bar's buttons, a page not shown yet). */
static gboolean
on_realize_hook (GSignalInvocationHint *hint,
                 guint                  n_params,
                 const GValue          *params,
                 gpointer               user_data)
{
  name_tree (g_value_get_object (&params[0]));
  return TRUE;
}

void
jp_accessible_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* the widget class creates its signals when first referenced */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  on_realize_hook, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}
