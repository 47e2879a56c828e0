/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* jiangping-cli serve --db FILE [--port P] [--local] [--json]: the meeting host without a
 * window, until SIGINT or SIGTERM. */
int jp_cli_cmd_serve (int argc, char **argv, GError **error);

G_END_DECLS
