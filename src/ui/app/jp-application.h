/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JP_TYPE_APPLICATION (jp_application_get_type ())
G_DECLARE_FINAL_TYPE (JpApplication, jp_application, JP, APPLICATION, AdwApplication)

/* A new application object for the id cn.jiangping.Jiangping (full reference). */
JpApplication *jp_application_new (void);

G_END_DECLS
