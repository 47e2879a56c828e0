/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

#include "ui/widgets/jp-tooltip.h"
#include "ui/app/jp-window-private.h"
#include "jp-ui-test-util.h"
#include "jp-ui3a-shot.h"

/* Tooltips in Chinese on one line when they fit, under the pointer of a real X server: GTK
 * 4.8 measured a tooltip's width in Latin character widths per character, so "主菜单" stood
 * one character a line under its button and covered the menu it opens. */

typedef struct {
  GtkWidget *anchor;
  GtkWidget *label;   /* the shown tooltip's label */
} Hover;

static GtkWidget *
find_tooltip_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
        return child;
      else
        {
          GtkWidget *found = find_tooltip_label (child);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static gboolean
tooltip_shown (gpointer data)
{
  Hover *hover = data;
  /* GTK parents the tooltip window to the window of the widget it explains */
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (hover->anchor));

  for (GtkWidget *child = gtk_widget_get_first_child (native); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_NATIVE (child) && gtk_widget_get_mapped (child)
        && g_strcmp0 (gtk_widget_get_css_name (child), "tooltip") == 0)
      {
        hover->label = find_tooltip_label (child);
        return hover->label != NULL && gtk_widget_get_width (hover->label) > 0
               && g_strcmp0 (gtk_label_get_text (GTK_LABEL (hover->label)),
                             gtk_widget_get_tooltip_text (hover->anchor)) == 0;
      }
  return FALSE;
}

static gboolean
can_move_pointer (void)
{
#ifdef GDK_WINDOWING_X11
  return GDK_IS_X11_DISPLAY (gdk_display_get_default ());
#else
  return FALSE;
#endif
}

/* Moves the X pointer over the middle of `widget`, as a person's mouse does. */
static void
move_pointer_to (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  Window xid = gdk_x11_surface_get_xid (surface);
  graphene_point_t centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t at;
  double dx, dy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &centre, &at));
  gtk_native_get_surface_transform (native, &dx, &dy);

  XTranslateCoordinates (xdisplay, xid, DefaultRootWindow (xdisplay), (int) (at.x + dx),
                         (int) (at.y + dy), &root_x, &root_y,
                         &child);
  /* from outside, then in, as the device moves: GTK starts a tooltip on the motion over the
   * widget */
  XTestFakeMotionEvent (xdisplay, -1, root_x - 40, root_y + 200, CurrentTime);
  XSync (xdisplay, False);
  jp_test_spin ();
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XTestFakeMotionEvent (xdisplay, -1, root_x + 1, root_y, CurrentTime);
  XSync (xdisplay, False);
#endif
}

/* The text's own width on one line, in pixels. */
static int
text_width (GtkLabel *label)
{
  g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static GtkWidget *
hover_and_wait (GtkWidget *anchor)
{
  Hover hover = { anchor, NULL };

  move_pointer_to (anchor);
  g_assert_true (jp_test_wait_until (tooltip_shown, &hover, 5000));
  jp_test_spin ();
  return hover.label;
}

static GtkWidget *
find_menu_button_with_tooltip (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && gtk_widget_get_tooltip_text (widget) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button_with_tooltip (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The console's main menu button: its tooltip is one line, as wide as its text. */
static void
test_main_menu (void)
{
  JpWindow *window;
  GtkWidget *button, *label;

  if (!can_move_pointer ())
    {
      g_test_skip ("needs an X display to move the pointer");
      return;
    }
  window = jp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jp_test_wait_until (jp_test_is_allocated, window, 5000));
  jp_test_spin ();

  button = find_menu_button_with_tooltip (GTK_WIDGET (window));
  g_assert_nonnull (button);
  label = hover_and_wait (button);
  g_test_message ("tooltip “%s”: %d px wide, text %d px, %d line(s)",
                  gtk_label_get_text (GTK_LABEL (label)), gtk_widget_get_width (label),
                  text_width (GTK_LABEL (label)),
                  pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   gtk_widget_get_tooltip_text (button));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (label), >=, text_width (GTK_LABEL (label)));
  jp_test_screenshot (GTK_WIDGET (gtk_widget_get_native (label)), "tooltip-main-menu");

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

/* Short Chinese tooltips stay on one line; a long one wraps at GTK's tooltip width (50
 * character widths), not after a character or two. */
static void
test_chinese_widths (void)
{
  static const char *const texts[] = {
    "缩放",
    "主菜单",
    "导入推荐材料或汇总表（Ctrl+I）",
    "在本计算机上以评审委员身份投票：用委员编号和一次性口令登录主任委员的计算机，"
    "然后按提示逐项阅读候选人材料并投票",
  };
  GtkWidget *window, *box;
  GtkWidget *buttons[G_N_ELEMENTS (texts)];

  if (!can_move_pointer ())
    {
      g_test_skip ("needs an X display to move the pointer");
      return;
    }
  jp_tooltips_install ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 80);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      buttons[i] = gtk_button_new_from_icon_name ("open-menu-symbolic");
      gtk_widget_set_tooltip_text (buttons[i], texts[i]);
      gtk_box_append (GTK_BOX (box), buttons[i]);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (jp_test_wait_until (jp_test_is_allocated, buttons[0], 5000));
  jp_test_spin ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *label = hover_and_wait (buttons[i]);
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
      int lines = pango_layout_get_line_count (layout);
      int chars = g_utf8_strlen (texts[i], -1);

      g_test_message ("tooltip “%s”: %d px wide, text %d px, %d line(s)", texts[i],
                      gtk_widget_get_width (label), text_width (GTK_LABEL (label)), lines);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, texts[i]);
      if (i < 3)
        {
          g_assert_cmpint (lines, ==, 1);
          g_assert_cmpint (gtk_widget_get_width (label), >=, text_width (GTK_LABEL (label)));
        }
      else
        {
          /* wrapped, and each line holds a good part of a sentence */
          g_assert_cmpint (lines, >=, 2);
          g_assert_cmpint (chars / lines, >=, 15);
        }
      if (i == 3)
        jp_test_screenshot (GTK_WIDGET (gtk_widget_get_native (label)), "tooltip-long");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  jp_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* the console as the offices read it: in Chinese when the translations are built */
  jp_test_use_chinese ();
  adw_init ();

  g_test_add_func ("/ui/tooltip/main-menu", test_main_menu);
  g_test_add_func ("/ui/tooltip/chinese-widths", test_chinese_widths);
  return g_test_run ();
}
