/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jp-print-private.h"

static const struct {
  const char *key;
  const char *label;
  guint       scopes;   /* bit per JpDocumentScopeKind */
} kinds[JP_DOCUMENT_N_KINDS] = {
#define S(k) (1u << JP_DOCUMENT_SCOPE_##k)
  [JP_DOCUMENT_APPROVAL_FORM]   = { "approval-form", N_("Approval form"),
                                    S (ALL) | S (CANDIDATE) | S (TRADE) },
  [JP_DOCUMENT_SUMMARY_TABLE]   = { "summary-table", N_("Candidate summary table"),
                                    S (ALL) | S (TRADE) },
  [JP_DOCUMENT_CERTIFICATES]    = { "certificates", N_("Honour certificates"),
                                    S (ALL) | S (CANDIDATE) | S (TRADE) },
  [JP_DOCUMENT_BALLOT_PAPERS]   = { "ballot-papers", N_("Ballot papers"), S (ROUND) },
  [JP_DOCUMENT_TALLY_REPORT]    = { "tally-report", N_("Tally report"), S (ROUND) },
  [JP_DOCUMENT_SCORE_SHEETS]    = { "score-sheets", N_("Defence score sheets"), S (ROUND) },
  [JP_DOCUMENT_DEFENCE_SUMMARY] = { "defence-summary", N_("Defence summary"),
                                    S (ROUND) | S (TRADE) },
  [JP_DOCUMENT_RANKING_REPORT]  = { "ranking-report", N_("Ranking report"),
                                    S (ALL) | S (TRADE) },
  [JP_DOCUMENT_PUBLICITY]       = { "publicity", N_("Publicity notice"), S (ALL) },
#undef S
};

const char *
jp_document_kind_to_key (JpDocumentKind kind)
{
  if ((guint) kind >= JP_DOCUMENT_N_KINDS)
    return NULL;
  return kinds[kind].key;
}

gboolean
jp_document_kind_from_key (const char *key, JpDocumentKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < JP_DOCUMENT_N_KINDS; i++)
    if (g_str_equal (key, kinds[i].key))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
jp_document_kind_label (JpDocumentKind kind)
{
  if ((guint) kind >= JP_DOCUMENT_N_KINDS)
    return "";
  return _(kinds[kind].label);
}

gboolean
jp_document_kind_accepts_scope (JpDocumentKind kind, JpDocumentScopeKind scope_kind)
{
  if ((guint) kind >= JP_DOCUMENT_N_KINDS || (guint) scope_kind > JP_DOCUMENT_SCOPE_ROUND)
    return FALSE;
  return (kinds[kind].scopes & (1u << scope_kind)) != 0;
}

static const char *
scope_kind_label (JpDocumentScopeKind scope_kind)
{
  switch (scope_kind)
    {
    case JP_DOCUMENT_SCOPE_ALL:
      return _("the whole election");
    case JP_DOCUMENT_SCOPE_CANDIDATE:
      return _("one candidate");
    case JP_DOCUMENT_SCOPE_TRADE:
      return _("one trade");
    case JP_DOCUMENT_SCOPE_ROUND:
      return _("one round");
    default:
      return "?";
    }
}

typedef gboolean (*BuildFunc) (JpPrint *doc, const JpDocumentScope *scope, GError **error);

static gboolean
build_not_ready (JpPrint *doc, const JpDocumentScope *scope, GError **error)
{
  g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_NOT_READY,
               _("The %s cannot be printed yet."), jp_document_kind_label (jp_print_get_kind (doc)));
  return FALSE;
}

static BuildFunc
builder_for (JpDocumentKind kind)
{
  switch (kind)
    {
    case JP_DOCUMENT_APPROVAL_FORM:
      return jp_print_build_approval_form;
    case JP_DOCUMENT_SUMMARY_TABLE:
      return jp_print_build_summary_table;
    case JP_DOCUMENT_CERTIFICATES:
      return jp_print_build_certificates;
    case JP_DOCUMENT_BALLOT_PAPERS:
      return jp_print_build_ballot_papers;
    case JP_DOCUMENT_TALLY_REPORT:
      return jp_print_build_tally_report;
    case JP_DOCUMENT_PUBLICITY:
      return jp_print_build_publicity;
    case JP_DOCUMENT_RANKING_REPORT:
      return jp_print_build_ranking_report;
    case JP_DOCUMENT_SCORE_SHEETS:
      return jp_print_build_score_sheets;
    case JP_DOCUMENT_DEFENCE_SUMMARY:
      return jp_print_build_defence_summary;
    case JP_DOCUMENT_N_KINDS:
    default:
      return build_not_ready;
    }
}

/* Writes `bytes` to a temporary file next to `path` and renames it over `path`; on any
 * failure the temporary file is removed and nothing is left at `path` that was not there. */
static gboolean
write_atomically (const char *path, GBytes *bytes, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int fd, saved;

  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_WRITE,
                   _("Cannot write “%s”: %s. Choose a folder you can write to."),
                   path, g_strerror (saved));
      return FALSE;
    }
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved = errno;
          close (fd);
          g_unlink (tmpl);
          g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_WRITE,
                       _("Cannot write “%s”: %s."), path, g_strerror (saved));
          return FALSE;
        }
      data += n;
      size -= n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      saved = errno;
      g_unlink (tmpl);
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_WRITE,
                   _("Cannot write “%s”: %s."), path, g_strerror (saved));
      return FALSE;
    }
  if (g_rename (tmpl, path) != 0)
    {
      saved = errno;
      g_unlink (tmpl);
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_WRITE,
                   _("Cannot write “%s”: %s."), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * jp_documents_write:
 * See jp-documents.h.
 */
gboolean
jp_documents_write (JpStore                  *store,
                    JpDocumentKind            kind,
                    const JpDocumentScope    *scope,
                    const JpDocumentOptions  *options,
                    const char               *path,
                    GCancellable             *cancellable,
                    JpDocumentProgress        progress,
                    gpointer                  progress_data,
                    GPtrArray               **findings,
                    GError                  **error)
{
  static const JpDocumentScope all = { JP_DOCUMENT_SCOPE_ALL, 0, NULL };
  static const JpDocumentOptions defaults = { 0 };
  g_autoptr(JpPrint) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JP_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) kind < JP_DOCUMENT_N_KINDS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (findings != NULL)
    *findings = NULL;
  if (scope == NULL)
    scope = &all;
  if (options == NULL)
    options = &defaults;

  if (!jp_document_kind_accepts_scope (kind, scope->kind))
    {
      g_set_error (error, JP_DOCUMENTS_ERROR, JP_DOCUMENTS_ERROR_SCOPE,
                   _("The %s cannot be made for %s."), jp_document_kind_label (kind),
                   scope_kind_label (scope->kind));
      return FALSE;
    }

  doc = jp_print_new (store, kind, options, cancellable, progress, progress_data, error);
  if (doc == NULL)
    return FALSE;
  if (!builder_for (kind) (doc, scope, error))
    return FALSE;
  bytes = jp_print_finish (doc, error);
  if (bytes == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!write_atomically (path, bytes, error))
    return FALSE;
  if (findings != NULL)
    *findings = jp_print_steal_findings (doc);
  return TRUE;
}

/* ---- async ---- */

typedef struct {
  char               *db_path;
  JpDocumentKind      kind;
  JpDocumentScope     scope;
  char               *scope_trade;
  JpDocumentOptions   options;
  char               *certificate_prefix;
  char               *member;
  char               *path;
  JpDocumentProgress  progress;
  gpointer            progress_data;
  GMainContext       *context;
  GPtrArray          *findings;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->db_path);
  g_free (job->scope_trade);
  g_free (job->certificate_prefix);
  g_free (job->member);
  g_free (job->path);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->findings, g_ptr_array_unref);
  g_free (job);
}

typedef struct {
  WriteJob *job;
  GTask    *task;
  guint     done, total;
} ProgressCall;

static gboolean
progress_in_context (gpointer data)
{
  ProgressCall *call = data;

  call->job->progress (call->done, call->total, call->job->progress_data);
  g_object_unref (call->task);
  g_free (call);
  return G_SOURCE_REMOVE;
}

static void
on_worker_progress (guint done, guint total, gpointer data)
{
  GTask *task = data;
  WriteJob *job = g_task_get_task_data (task);
  ProgressCall *call;

  if (job->progress == NULL)
    return;
  call = g_new0 (ProgressCall, 1);
  call->job = job;
  call->task = g_object_ref (task);   /* keeps the job alive until the call ran */
  call->done = done;
  call->total = total;
  g_main_context_invoke (job->context, progress_in_context, call);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(JpStore) store = NULL;
  GError *error = NULL;

  store = jp_store_open (job->db_path, &error);
  if (store == NULL
      || !jp_documents_write (store, job->kind, &job->scope, &job->options, job->path,
                              cancellable, on_worker_progress, task, &job->findings, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
jp_documents_write_async (JpStore                  *store,
                          JpDocumentKind            kind,
                          const JpDocumentScope    *scope,
                          const JpDocumentOptions  *options,
                          const char               *path,
                          GCancellable             *cancellable,
                          JpDocumentProgress        progress,
                          gpointer                  progress_data,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (JP_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_documents_write_async);
  job = g_new0 (WriteJob, 1);
  job->db_path = g_strdup (jp_store_get_path (store));
  job->kind = kind;
  if (scope != NULL)
    job->scope = *scope;
  job->scope_trade = g_strdup (job->scope.trade);
  job->scope.trade = job->scope_trade;
  if (options != NULL)
    job->options = *options;
  job->certificate_prefix = g_strdup (job->options.certificate_prefix);
  job->options.certificate_prefix = job->certificate_prefix;
  job->member = g_strdup (job->options.member);
  job->options.member = job->member;
  job->path = g_strdup (path);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
jp_documents_write_finish (JpStore       *store,
                           GAsyncResult  *result,
                           GPtrArray    **findings,
                           GError       **error)
{
  WriteJob *job;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (findings != NULL)
    *findings = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (findings != NULL)
    *findings = g_steal_pointer (&job->findings);
  return TRUE;
}
