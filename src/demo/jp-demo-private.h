/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "jp-demo.h"

G_BEGIN_DECLS

/* splitmix64: small, fast and the same on every platform, so a seed always gives the same
 * election. Never seeded from the clock. */
typedef struct {
  guint64 state;
} JpDemoRng;

void        jp_demo_rng_init   (JpDemoRng *rng, guint64 seed);
guint64     jp_demo_rng_next   (JpDemoRng *rng);
/* uniform in [0, n) */
guint       jp_demo_rng_below  (JpDemoRng *rng, guint n);
/* uniform in [lo, hi] */
int         jp_demo_rng_range  (JpDemoRng *rng, int lo, int hi);

typedef struct {
  const char *code;
  const char *name;
  gboolean    priority;
  const char *const *work_types;     /* NULL-terminated */
  const char *const *employers;      /* NULL-terminated */
  const char *const *projects;       /* typical achievements, NULL-terminated */
} JpDemoTrade;

#define JP_DEMO_N_TRADES 6
extern const JpDemoTrade jp_demo_trades[JP_DEMO_N_TRADES];

typedef struct {
  const char *name;
  gboolean    pilot;
  guint       trades;     /* bit i: jp_demo_trades[i] */
  const char *employer;   /* the company of an enterprise union, else NULL */
} JpDemoUnit;

#define JP_DEMO_N_UNITS 25
extern const JpDemoUnit jp_demo_units[JP_DEMO_N_UNITS];
/* index of the non-pilot unit that nominates four candidates on purpose */
#define JP_DEMO_OVER_LIMIT_UNIT 21

/* A fictional Chinese personal name, newly allocated. */
char *jp_demo_person_name (JpDemoRng  *rng,
                           JpSex       sex,
                           const char *ethnicity);

typedef struct {
  const char *name;
  const char *trade_name;
  const char *work_type;
  const char *employer;
  const char *position;
  int         years;
  const char *achievement;   /* one of the trade's projects */
  const char *honour;        /* the highest honour, e.g. "包头市五一劳动奖章" */
  const char *pronoun;       /* 他 or 她 */
  int         year;          /* the selection's year, for "{S}年" (the year they started) */
} JpDemoStory;

/* 事迹简介 of `min_chars`..`max_chars` Unicode characters, newly allocated. */
char *jp_demo_summary (JpDemoRng *rng, const JpDemoStory *story, int min_chars, int max_chars);
/* 事迹材料 of about `target` characters (within 1500..2500 when target is), newly allocated. */
char *jp_demo_deeds   (JpDemoRng *rng, const JpDemoStory *story, int target);

/* The font family of the photo captions: one with CJK glyphs. */
#define JP_DEMO_PHOTO_FONT "Noto Sans CJK SC"

/* A PNG work photo (cairo), `number` printed in its caption; deterministic for the same
 * arguments. */
GBytes *jp_demo_photo (guint32     variant,
                       guint       number,
                       GError    **error);

G_END_DECLS
