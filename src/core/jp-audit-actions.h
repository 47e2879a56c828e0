/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What an audit entry's action ("round.close") says to a person, translated ("投票轮次结束");
 * NULL for an action this version does not know (an entry written by a newer version). Every
 * action the store writes has a label: build-aux/check-audit-actions.py (meta-audit-actions)
 * fails when one is missing or a label is left for an action nothing writes. */
const char *jp_audit_action_label (const char *action);

G_END_DECLS
