/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-ui"

#include "config.h"

#include "ui/review/jp-evidence-check.h"

struct _JpEvidenceCheck
{
  GtkCheckButton parent_instance;

  char          *sha256;
  gboolean       tagged;
};

G_DEFINE_FINAL_TYPE (JpEvidenceCheck, jp_evidence_check, GTK_TYPE_CHECK_BUTTON)

static void
jp_evidence_check_finalize (GObject *object)
{
  JpEvidenceCheck *self = JP_EVIDENCE_CHECK (object);

  g_free (self->sha256);
  G_OBJECT_CLASS (jp_evidence_check_parent_class)->finalize (object);
}

static void
jp_evidence_check_class_init (JpEvidenceCheckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jp_evidence_check_finalize;
}

static void
jp_evidence_check_init (JpEvidenceCheck *self)
{
}

GtkWidget *
jp_evidence_check_new (const char *label,
                       const char *sha256,
                       gboolean    tagged)
{
  JpEvidenceCheck *self;

  g_return_val_if_fail (sha256 != NULL, NULL);

  self = g_object_new (JP_TYPE_EVIDENCE_CHECK, "label", label, NULL);
  self->sha256 = g_strdup (sha256);
  self->tagged = tagged;
  return GTK_WIDGET (self);
}

const char *
jp_evidence_check_get_sha256 (JpEvidenceCheck *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_CHECK (self), NULL);
  return self->sha256;
}

gboolean
jp_evidence_check_is_tagged (JpEvidenceCheck *self)
{
  g_return_val_if_fail (JP_IS_EVIDENCE_CHECK (self), FALSE);
  return self->tagged;
}
