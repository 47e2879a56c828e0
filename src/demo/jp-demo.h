/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "store/jp-store.h"

G_BEGIN_DECLS

#define JP_DEMO_DEFAULT_CANDIDATES 60
#define JP_DEMO_DEFAULT_SEED 2023

typedef struct {
  guint   candidates;        /* default 60 */
  guint64 seed;              /* default 2023 */
  guint   evidence_pages;    /* 0: 2-4 short documents each; N: about N pages per candidate
                              * in all (the benchmark's 20 pages x 200 candidates) */
} JpDemoOptions;

typedef void (*JpDemoProgressFunc) (guint done, guint total, gpointer user_data);

/* Creates a new election file at `path` (fails if it exists) holding a deterministic
 * fictional election: the same options give the same content. Six trades, about 25 units
 * (some pilot), 15 committee members, `candidates` candidates with every form field, summary
 * and deeds of realistic length, 3 generated photos and 2-4 evidence PDFs each; a few
 * candidates carry deliberate problems (wrong check digit, short summary, 2 photos, missing
 * no-criminal-record certificate, an over-limit unit). No real person's data. */
JpStore *jp_demo_create (const char          *path,
                         const JpDemoOptions *options,
                         JpDemoProgressFunc   progress,
                         gpointer             user_data,
                         GError             **error);

G_END_DECLS
