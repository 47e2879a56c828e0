/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

#include "core/jp-core.h"

G_BEGIN_DECLS

#define JP_TYPE_NEW_ELECTION_DIALOG (jp_new_election_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JpNewElectionDialog, jp_new_election_dialog, JP, NEW_ELECTION_DIALOG,
                      AdwMessageDialog)

/* Asks title, year and organiser, prefilled from jp_election_new(). Responses: "cancel",
 * "create". */
JpNewElectionDialog *jp_new_election_dialog_new          (GtkWindow *parent);
/* The settings as entered (newly allocated). */
JpElection          *jp_new_election_dialog_get_election (JpNewElectionDialog *self);

G_END_DECLS
