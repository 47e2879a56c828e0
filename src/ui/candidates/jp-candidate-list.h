/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

#include "store/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_CANDIDATE_LIST (jp_candidate_list_get_type ())
G_DECLARE_FINAL_TYPE (JpCandidateList, jp_candidate_list, JP, CANDIDATE_LIST, GtkWidget)

GtkWidget *jp_candidate_list_new          (void);

/* Shows the candidates of `store` (NULL to clear); a reference is kept. */
void       jp_candidate_list_set_store    (JpCandidateList *self,
                                           JpStore         *store);

/* Rebuilds the model from the store (after an import); FALSE with an error if listing failed. */
gboolean   jp_candidate_list_reload       (JpCandidateList *self,
                                           GError         **error);

/* Moves the keyboard focus to the search entry. */
void       jp_candidate_list_focus_search (JpCandidateList *self);

G_END_DECLS
