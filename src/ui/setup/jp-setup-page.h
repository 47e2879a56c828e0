/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "store/jp-store.h"

G_BEGIN_DECLS

#define JP_TYPE_SETUP_PAGE (jp_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (JpSetupPage, jp_setup_page, JP, SETUP_PAGE, AdwBin)

/* Returns: (transfer floating): the setup page (settings, trades and seats, units, members,
 * conflicts), empty until a store is set. */
GtkWidget *jp_setup_page_new       (void);

/* Shows and edits the election in `store` (NULL to clear); a reference is kept. */
void       jp_setup_page_set_store (JpSetupPage *self,
                                    JpStore     *store);

G_END_DECLS
