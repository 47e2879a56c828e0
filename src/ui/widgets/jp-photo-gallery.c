/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "ui/candidates/jp-dossier-view-private.h"

#define THUMBNAIL_SIZE 160
#define LARGE_SIZE     1600

struct _JpPhotoGallery
{
  GtkWidget     parent_instance;

  /* template children */
  GtkStack     *stack;
  GtkFlowBox   *flow;

  JpStore      *store;
  GPtrArray    *sha256s;        /* char*, the photos shown */
  GPtrArray    *pictures;       /* GtkPicture*, borrowed: the thumbnails */
  GCancellable *cancellable;
  guint         n_loaded;

  /* the large view, while open */
  GtkWindow    *viewer;         /* weak */
  GtkPicture   *viewer_picture; /* borrowed, lives in viewer */
  GtkLabel     *viewer_label;
  GCancellable *viewer_cancellable;
  guint         viewer_index;
};

G_DEFINE_FINAL_TYPE (JpPhotoGallery, jp_photo_gallery, GTK_TYPE_WIDGET)

/* ---- decoding on a worker thread ---- */

typedef struct {
  GPtrArray *blobs;   /* GBytes* (NULL entries for photos that could not be read) */
  int        size;
} DecodeJob;

static void
decode_job_free (DecodeJob *job)
{
  g_ptr_array_unref (job->blobs);
  g_free (job);
}

/* The decoded list holds NULL for a photo that did not decode (or whose decoding was
 * cancelled), so its free function must accept NULL: g_object_unref does not. */
static void
pixbuf_unref_nullable (gpointer pixbuf)
{
  if (pixbuf != NULL)
    g_object_unref (pixbuf);
}

static void
decode_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DecodeJob *job = task_data;
  GPtrArray *pixbufs = g_ptr_array_new_with_free_func (pixbuf_unref_nullable);

  for (guint i = 0; i < job->blobs->len; i++)
    {
      GBytes *bytes = g_ptr_array_index (job->blobs, i);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;
      GdkPixbuf *pixbuf = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (bytes != NULL)
        {
          stream = g_memory_input_stream_new_from_bytes (bytes);
          pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, job->size, job->size, TRUE,
                                                        cancellable, &error);
          if (pixbuf == NULL)
            g_debug ("Could not decode a photo: %s", error->message);
        }
      /* NULL entries keep the indices aligned with the thumbnails */
      g_ptr_array_add (pixbufs, pixbuf);
    }
  g_task_return_pointer (task, pixbufs, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
read_blobs (JpStore   *store,
            GPtrArray *sha256s,
            guint      first,
            guint      n)
{
  GPtrArray *blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  /* reading a blob is a short SQLite lookup; a JpStore is used from one thread at a time,
   * so the bytes are fetched here and only the decoding goes to the worker */
  for (guint i = first; i < first + n && i < sha256s->len; i++)
    g_ptr_array_add (blobs, jp_store_get_document_data (store, g_ptr_array_index (sha256s, i),
                                                        NULL));
  return blobs;
}

static void
start_decode (JpPhotoGallery      *self,
              GPtrArray           *blobs,
              int                  size,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, NULL);
  DecodeJob *job = g_new0 (DecodeJob, 1);

  job->blobs = blobs;
  job->size = size;
  g_task_set_task_data (task, job, (GDestroyNotify) decode_job_free);
  g_task_run_in_thread (task, decode_thread);
}

static void
on_thumbnails_decoded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GPtrArray) pixbufs = g_task_propagate_pointer (G_TASK (result), NULL);
  JpPhotoGallery *self;

  if (pixbufs == NULL || g_task_had_error (G_TASK (result)))
    return;
  self = JP_PHOTO_GALLERY (source);
  /* disposed meanwhile (its cancellable went with it) */
  if (self->pictures == NULL)
    return;
  for (guint i = 0; i < pixbufs->len && i < self->pictures->len; i++)
    {
      GdkPixbuf *pixbuf = g_ptr_array_index (pixbufs, i);
      GtkPicture *picture = g_ptr_array_index (self->pictures, i);

      if (pixbuf != NULL)
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);

          gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
          self->n_loaded++;
        }
      else
        gtk_widget_set_tooltip_text (GTK_WIDGET (picture),
                                     _("This photo could not be decoded; replace it in the "
                                       "dossier and import it again."));
    }
}

/* ---- the large view ---- */

static void viewer_show (JpPhotoGallery *self, guint index);

static void
on_large_decoded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GPtrArray) pixbufs = g_task_propagate_pointer (G_TASK (result), NULL);
  JpPhotoGallery *self;

  if (pixbufs == NULL || g_task_had_error (G_TASK (result)))
    return;
  self = JP_PHOTO_GALLERY (source);
  if (self->viewer != NULL && pixbufs->len > 0 && g_ptr_array_index (pixbufs, 0) != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (g_ptr_array_index (pixbufs, 0));

      gtk_picture_set_paintable (self->viewer_picture, GDK_PAINTABLE (texture));
    }
}

static void
viewer_show (JpPhotoGallery *self,
             guint           index)
{
  g_autofree char *title = NULL;
  GtkPicture *thumb;

  if (self->viewer == NULL || self->sha256s->len == 0)
    return;
  index = MIN (index, self->sha256s->len - 1);
  self->viewer_index = index;
  title = g_strdup_printf (_("Photo %u of %u"), index + 1, self->sha256s->len);
  gtk_label_set_text (self->viewer_label, title);

  /* the thumbnail stands in until the large decode arrives */
  thumb = g_ptr_array_index (self->pictures, index);
  gtk_picture_set_paintable (self->viewer_picture, gtk_picture_get_paintable (thumb));

  g_cancellable_cancel (self->viewer_cancellable);
  g_clear_object (&self->viewer_cancellable);
  self->viewer_cancellable = g_cancellable_new ();
  start_decode (self, read_blobs (self->store, self->sha256s, index, 1), LARGE_SIZE,
                self->viewer_cancellable, on_large_decoded);
}

static void
viewer_step (JpPhotoGallery *self,
             int             delta)
{
  guint n = self->sha256s->len;

  if (n == 0)
    return;
  viewer_show (self, (guint) (((int) self->viewer_index + (int) n + delta) % (int) n));
}

static void
on_viewer_previous (JpPhotoGallery *self)
{
  viewer_step (self, -1);
}

static void
on_viewer_next (JpPhotoGallery *self)
{
  viewer_step (self, 1);
}

static gboolean
on_viewer_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       JpPhotoGallery        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      gtk_window_close (self->viewer);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      viewer_step (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      viewer_step (self, 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static GtkWidget *
viewer_nav_button (JpPhotoGallery *self,
                   const char     *icon,
                   const char     *tooltip,
                   GtkAlign        halign,
                   GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_halign (button, halign);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (button, 18);
  gtk_widget_set_margin_end (button, 18);
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

void
jp_photo_gallery_open (JpPhotoGallery *self,
                       guint           index)
{
  GtkWidget *window, *box, *header, *overlay, *picture, *title;
  GtkEventController *keys;
  GtkRoot *root;

  g_return_if_fail (JP_IS_PHOTO_GALLERY (self));

  if (self->sha256s->len == 0)
    return;
  if (self->viewer == NULL)
    {
      window = adw_window_new ();
      root = gtk_widget_get_root (GTK_WIDGET (self));
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
      gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
      gtk_window_set_title (GTK_WINDOW (window), _("Photos"));

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      header = adw_header_bar_new ();
      title = gtk_label_new (NULL);
      gtk_widget_add_css_class (title, "title");
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
      gtk_box_append (GTK_BOX (box), header);

      overlay = gtk_overlay_new ();
      picture = gtk_picture_new ();
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_vexpand (picture, TRUE);
      gtk_widget_set_hexpand (picture, TRUE);
      gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay),
                               viewer_nav_button (self, "go-previous-symbolic",
                                                  _("Previous Photo (Left)"), GTK_ALIGN_START,
                                                  G_CALLBACK (on_viewer_previous)));
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay),
                               viewer_nav_button (self, "go-next-symbolic",
                                                  _("Next Photo (Right)"), GTK_ALIGN_END,
                                                  G_CALLBACK (on_viewer_next)));
      gtk_box_append (GTK_BOX (box), overlay);
      adw_window_set_content (ADW_WINDOW (window), box);

      keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_viewer_key_pressed), self, 0);
      gtk_widget_add_controller (window, keys);

      self->viewer_picture = GTK_PICTURE (picture);
      self->viewer_label = GTK_LABEL (title);
      g_set_weak_pointer (&self->viewer, GTK_WINDOW (window));
    }
  viewer_show (self, index);
  gtk_window_present (self->viewer);
}

/* gallery.open(u): a thumbnail opens its photo; the button carries the index as its target */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  jp_photo_gallery_open (JP_PHOTO_GALLERY (widget), g_variant_get_uint32 (parameter));
}

/* ---- public ---- */

void
jp_photo_gallery_set_photos (JpPhotoGallery *self,
                             JpStore        *store,
                             GPtrArray      *documents)
{
  GtkWidget *child;

  g_return_if_fail (JP_IS_PHOTO_GALLERY (self));
  g_return_if_fail (store == NULL || JP_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow))) != NULL)
    gtk_flow_box_remove (self->flow, child);
  g_ptr_array_set_size (self->pictures, 0);
  g_ptr_array_set_size (self->sha256s, 0);
  self->n_loaded = 0;
  g_set_object (&self->store, store);

  for (guint i = 0; store != NULL && documents != NULL && i < documents->len; i++)
    {
      const JpDocumentRef *ref = g_ptr_array_index (documents, i);
      GtkWidget *button, *picture;
      g_autofree char *tooltip = NULL;

      if (ref->kind != JP_DOC_PHOTO || ref->sha256 == NULL)
        continue;
      picture = gtk_picture_new ();
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, 120, THUMBNAIL_SIZE);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), picture);
      gtk_widget_add_css_class (button, "jp-thumbnail");
      tooltip = g_strdup_printf (_("%s — click to enlarge"),
                                 ref->filename != NULL ? ref->filename : _("Photo"));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "gallery.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", self->sha256s->len);
      gtk_flow_box_append (self->flow, button);
      g_ptr_array_add (self->pictures, picture);
      g_ptr_array_add (self->sha256s, g_strdup (ref->sha256));
    }

  gtk_stack_set_visible_child_name (self->stack, self->sha256s->len > 0 ? "photos" : "empty");
  if (self->sha256s->len == 0)
    return;
  self->cancellable = g_cancellable_new ();
  start_decode (self, read_blobs (store, self->sha256s, 0, self->sha256s->len), THUMBNAIL_SIZE,
                self->cancellable, on_thumbnails_decoded);
}

guint
jp_photo_gallery_get_n_photos (JpPhotoGallery *self)
{
  g_return_val_if_fail (JP_IS_PHOTO_GALLERY (self), 0);

  return self->sha256s->len;
}

guint
jp_photo_gallery_get_n_loaded (JpPhotoGallery *self)
{
  return self->n_loaded;
}

GtkWindow *
jp_photo_gallery_get_viewer (JpPhotoGallery *self)
{
  return self->viewer;
}

guint
jp_photo_gallery_get_viewer_index (JpPhotoGallery *self)
{
  return self->viewer_index;
}

GtkWidget *
jp_photo_gallery_get_thumbnail (JpPhotoGallery *self,
                                guint           index)
{
  g_return_val_if_fail (index < self->pictures->len, NULL);

  return g_ptr_array_index (self->pictures, index);
}

static void
jp_photo_gallery_dispose (GObject *object)
{
  JpPhotoGallery *self = JP_PHOTO_GALLERY (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->viewer_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->viewer_cancellable);
  if (self->viewer != NULL)
    gtk_window_destroy (self->viewer);
  g_clear_weak_pointer (&self->viewer);
  gtk_widget_dispose_template (GTK_WIDGET (self), JP_TYPE_PHOTO_GALLERY);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sha256s, g_ptr_array_unref);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);

  G_OBJECT_CLASS (jp_photo_gallery_parent_class)->dispose (object);
}

static void
jp_photo_gallery_class_init (JpPhotoGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jp_photo_gallery_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/cn/jiangping/Jiangping/jp-photo-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, JpPhotoGallery, stack);
  gtk_widget_class_bind_template_child (widget_class, JpPhotoGallery, flow);
  gtk_widget_class_install_action (widget_class, "gallery.open", "u", open_action);
}

static void
jp_photo_gallery_init (JpPhotoGallery *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sha256s = g_ptr_array_new_with_free_func (g_free);
  self->pictures = g_ptr_array_new ();
}

GtkWidget *
jp_photo_gallery_new (void)
{
  return g_object_new (JP_TYPE_PHOTO_GALLERY, NULL);
}
