/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Who operates this console: asked once when an election is opened and remembered per
 * computer (GSettings "operator-name", "operator-role"). The one actor the console's audit
 * entries and review decisions name. */
typedef enum {
  JP_OPERATOR_ROLE_SECRETARIAT = 0,  /* "secretariat" */
  JP_OPERATOR_ROLE_CHAIR,            /* "chair" */
} JpOperatorRole;

/* The operator's name, "" when nobody was named yet (borrowed, valid until the next set). */
const char     *jp_operator_get_name  (void);
JpOperatorRole  jp_operator_get_role  (void);
/* Remembers the operator (name is trimmed; an empty name forgets it). */
void            jp_operator_set       (const char     *name,
                                       JpOperatorRole  role);
/* The name recorded as actor: the operator's, or while nobody was named, the computer
 * account's real name or login (borrowed). */
const char     *jp_operator_get_actor (void);
/* Connects `callback` (void (*) (gpointer instance)) to every change of the operator, for as
 * long as `instance` lives: a console that names the operator elsewhere (the meeting service)
 * follows a change made mid-meeting. */
void            jp_operator_connect_changed (GCallback  callback,
                                             gpointer   instance);

G_END_DECLS
