/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "store/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_PHOTO_GALLERY (jp_photo_gallery_get_type ())
G_DECLARE_FINAL_TYPE (JpPhotoGallery, jp_photo_gallery, JP, PHOTO_GALLERY, GtkWidget)

/* A row of photo thumbnails; clicking one opens a large view (arrows go through the photos,
 * Escape closes it). */
GtkWidget *jp_photo_gallery_new        (void);

/* Shows the photos (JP_DOC_PHOTO entries of `documents`, JpDocumentRef*; other kinds are
 * skipped) of a candidate stored in `store`. Thumbnails are decoded on a worker thread.
 * Both may be NULL to clear the gallery. Nothing is kept but the photos' sha256 and a
 * reference to the store. */
void       jp_photo_gallery_set_photos (JpPhotoGallery *self,
                                        JpStore        *store,
                                        GPtrArray      *documents);

/* Opens the large view on photo `index` (0-based). */
void       jp_photo_gallery_open       (JpPhotoGallery *self,
                                        guint           index);

/* Number of photos shown (thumbnails, loaded or not). */
guint      jp_photo_gallery_get_n_photos (JpPhotoGallery *self);

G_END_DECLS
