/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-intake"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "evidence/jp-evidence.h"
#include "jp-intake.h"
#include "jp-intake-private.h"

/* summary.txt / deeds.txt: far above any real text, small enough to never hurt. */
#define JP_TEXT_MAX_BYTES (4 * 1024 * 1024)
#define BYTES_PER_MB (1024.0 * 1024.0)
/* Images are decoded whole for their thumbnails: refuse what would take hundreds of MB. */
#define JP_PHOTO_MAX_PIXELS (60 * 1000 * 1000)
/* One dossier's files are held in memory while it is checked and saved in one transaction:
 * their total is bounded so that an import stays within its memory budget (300 MB) whatever
 * the input. Real dossiers are a few MB to a few tens of MB. */
#define JP_DOSSIER_MAX_BYTES ((gint64) 120 * 1024 * 1024)

/* ---- one dossier ---- */

/* Decodes a text file: UTF-8 (a BOM is dropped) or else GB18030; line ends normalised,
 * trailing whitespace trimmed. */
static char *
decode_text (GBytes      *bytes,
             const char  *rel,
             GError     **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (len > 0 && memchr (data, '\0', len) != NULL)
    goto bad;
  if (g_utf8_validate (data, (gssize) len, NULL))
    text = g_strndup (data, len);
  else
    text = g_convert (data, (gssize) len, "UTF-8", "GB18030", NULL, NULL, NULL);
  if (text == NULL)
    goto bad;

  lines = g_strsplit (text, "\r\n", -1);
  g_free (text);
  text = g_strjoinv ("\n", lines);
  return g_strchomp (g_steal_pointer (&text));

bad:
  g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_BAD_FILE,
               _("“%s” is not a text file in UTF-8 or GB18030; save it as UTF-8 text"), rel);
  return NULL;
}

static void
read_text_field (JpJob       *job,
                 const char  *rel,
                 const char  *field,
                 char       **dest,
                 GPtrArray   *notes)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 size = 0;
  char *text;

  if (!jp_intake_tree_stat (job, rel, &size))
    {
      g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-file-missing", field,
                                              _("“%s” is missing from the dossier, so this text "
                                                "is empty; ask the unit for it"), rel));
      return;
    }
  if (size > JP_TEXT_MAX_BYTES)
    {
      g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-file-bad", field,
                                              _("“%s” is too large for a text (%.1f MB); "
                                                "ask the unit for the plain text"),
                                              rel, size / BYTES_PER_MB));
      return;
    }
  bytes = jp_intake_tree_read (job, rel, &error);
  text = bytes ? decode_text (bytes, rel, &error) : NULL;
  if (text == NULL)
    {
      g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-file-bad", field,
                                              "%s", error->message));
      return;
    }
  g_free (*dest);
  *dest = text;
}

static gboolean
is_image_name (const char *rel)
{
  g_autofree char *lower = g_ascii_strdown (rel, -1);

  /* cameras and phones write .JPG, people rename to .Jpg or .jpG */
  return g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg")
         || g_str_has_suffix (lower, ".png");
}

static JpDossierFile *
dossier_file_new (const char *path,
                  JpDocKind   kind,
                  int         criterion)
{
  JpDossierFile *f = g_new0 (JpDossierFile, 1);

  f->path = g_strdup (path);
  f->kind = kind;
  f->criterion = criterion;
  return f;
}

/* Reads and checks one attachment; NULL with an error naming it when it must reject the
 * dossier. */
static JpDocumentData *
load_document (JpJob                *job,
               const JpDossierFile  *file,
               GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  JpEvidenceInfo info = { 0 };
  JpDocumentRef *ref;
  gint64 size = 0;
  gboolean photo = file->kind == JP_DOC_PHOTO;
  gint64 limit = photo ? JP_PHOTO_MAX_BYTES : JP_EVIDENCE_MAX_BYTES;

  if (!jp_intake_tree_stat (job, file->path, &size))
    {
      g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_MISSING_FILE,
                   _("dossier.ini lists “%s”, but the dossier has no such file; add the file "
                     "or remove it from dossier.ini"), file->path);
      return NULL;
    }
  if (size > limit)
    {
      if (photo)
        g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_TOO_LARGE,
                     _("The photo “%s” is %.1f MB, over the limit of %d MB for a photo; "
                       "ask the unit for a smaller copy"),
                     file->path, size / BYTES_PER_MB, JP_PHOTO_MAX_BYTES / (1024 * 1024));
      else
        g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_TOO_LARGE,
                     _("The evidence file “%s” is %.1f MB, over the limit of %d MB for an "
                       "evidence file; ask the unit for a smaller copy"),
                     file->path, size / BYTES_PER_MB, JP_EVIDENCE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  bytes = jp_intake_tree_read (job, file->path, error);
  if (bytes == NULL)
    return NULL;
  if (!jp_evidence_probe (bytes, file->path, &info, photo ? NULL : error))
    {
      /* a photo of another type (WebP, HEIC...) is not to become a PDF */
      if (photo)
        g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_UNSUPPORTED,
                     _("The photo “%s” is not a JPEG or PNG image; save it as JPEG and "
                       "import it again"), file->path);
      return NULL;
    }
  if (photo && !g_str_has_prefix (info.mime, "image/"))
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_UNSUPPORTED,
                   _("“%s” is a PDF file; work photos must be JPEG or PNG images"),
                   file->path);
      return NULL;
    }
  if (g_str_has_prefix (info.mime, "image/")
      && (gint64) info.width * info.height > JP_PHOTO_MAX_PIXELS)
    {
      g_set_error (error, JP_EVIDENCE_ERROR, JP_EVIDENCE_ERROR_TOO_LARGE,
                   _("The image “%s” is %d × %d pixels, more than %d million; ask the unit "
                     "for a smaller copy (a photo of 4000 × 3000 pixels is plenty)"),
                   file->path, info.width, info.height, JP_PHOTO_MAX_PIXELS / 1000000);
      return NULL;
    }

  ref = jp_document_ref_new ();
  ref->sha256 = jp_evidence_sha256 (bytes);
  ref->kind = file->kind;
  ref->criterion = file->criterion;
  ref->filename = g_strdup (file->path);
  ref->mime = g_strdup (info.mime);
  ref->pages = info.pages;
  ref->bytes = (gint64) g_bytes_get_size (bytes);
  return jp_document_data_new (ref, bytes);
}

/* A name one character away from another candidate's of the same unit (赵大勇 / 赵大永):
 * maybe one person typed twice, when the roster or dossier carries no ID to tell. */
void
jp_intake_note_near_names (JpStore     *store,
                           JpCandidate *candidate,
                           GPtrArray   *notes)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  if (candidate->name == NULL || candidate->name[0] == '\0')
    return;
  names = jp_store_candidate_names_in_unit (store, candidate->unit, &error);
  if (names == NULL)
    {
      g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-near-name", "name",
                                              _("Could not look for candidates with a similar "
                                                "name: %s"), error->message));
      return;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (jp_name_is_near (candidate->name, names[i]))
      g_ptr_array_add (notes,
                       jp_finding_new (JP_SEVERITY_WARNING, "intake-near-name", "name",
                                       _("%s of %s has a name one character away from the "
                                         "candidate %s of the same unit; if they are one "
                                         "person, correct the name and delete one of them"),
                                       candidate->name,
                                       candidate->unit ? candidate->unit : "—", names[i]));
}

/* Resolves the trade and unit the way the store will, to tell the user when the import
 * creates new ones (which need a code / a pilot flag in the setup). */
void
jp_intake_note_new_trade_and_unit (JpStore     *store,
                                   JpCandidate *candidate,
                                   GPtrArray   *notes)
{
  if (candidate->trade != NULL && candidate->trade[0] != '\0')
    {
      g_autoptr(JpTrade) trade = jp_store_find_trade (store, candidate->trade);

      if (trade != NULL)
        {
          g_free (candidate->trade);
          candidate->trade = g_strdup (trade->name);
          g_free (candidate->trade_code);
          candidate->trade_code = g_strdup (trade->code);
        }
      else
        g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-new-trade",
                                                "trade",
                                                _("New trade “%s” created; set its code in "
                                                  "the setup"), candidate->trade));
    }

  if (candidate->unit != NULL && candidate->unit[0] != '\0')
    {
      g_autoptr(GPtrArray) units = jp_store_list_units (store, NULL);
      gboolean known = FALSE;
      guint i;

      for (i = 0; units != NULL && i < units->len && !known; i++)
        known = g_strcmp0 (((JpUnit *) g_ptr_array_index (units, i))->name,
                           candidate->unit) == 0;
      if (!known)
        g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-new-unit", "unit",
                                                _("New nominating unit “%s” created; check in "
                                                  "the setup whether it is a pilot unit"),
                                                candidate->unit));
    }
}

/* Saves `candidate` and fills the entry from the result: outcome, then the stored
 * candidate's validation findings followed by the intake notes. */
void
jp_intake_save_into_entry (JpStore       *store,
                           JpCandidate   *candidate,
                           GPtrArray     *documents,
                           const char    *actor,
                           GPtrArray     *notes,
                           JpImportEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpCandidate) stored = NULL;
  JpSaveOutcome outcome = JP_SAVE_ADDED;
  guint i;

  if (!jp_store_save_candidate (store, candidate, documents, actor, &outcome, &error))
    {
      entry->outcome = JP_IMPORT_REJECTED;
      entry->reason = g_strdup (error->message);
      return;
    }
  entry->outcome = outcome == JP_SAVE_UPDATED ? JP_IMPORT_UPDATED : JP_IMPORT_ADDED;

  stored = jp_store_get_candidate (store, candidate->id, NULL);
  if (stored != NULL && stored->findings != NULL)
    for (i = 0; i < stored->findings->len; i++)
      g_ptr_array_add (entry->findings, jp_finding_copy (g_ptr_array_index (stored->findings, i)));
  for (i = 0; i < notes->len; i++)
    g_ptr_array_add (entry->findings, jp_finding_copy (g_ptr_array_index (notes, i)));
}

/* A candidate holds a file (by its content) once, with one criterion: say so when the
 * dossier lists the same file, or the same content under two names, more than once. */
static void
note_shared_documents (GPtrArray *documents,
                       GPtrArray *notes)
{
  for (guint i = 0; i < documents->len; i++)
    {
      JpDocumentRef *a = ((JpDocumentData *) g_ptr_array_index (documents, i))->ref;

      for (guint k = 0; k < i; k++)
        {
          JpDocumentRef *b = ((JpDocumentData *) g_ptr_array_index (documents, k))->ref;

          if (a->kind != b->kind || g_strcmp0 (a->sha256, b->sha256) != 0)
            continue;
          if (a->criterion != b->criterion && g_strcmp0 (a->filename, b->filename) == 0)
            g_ptr_array_add (notes,
                             jp_finding_new (JP_SEVERITY_WARNING, "intake-shared-file",
                                             "evidence",
                                             _("“%s” is listed for criterion %d and for "
                                               "criterion %d, but a file is kept with one "
                                               "criterion only: it was kept for criterion %d; "
                                               "check the tag in the review"),
                                             b->filename, b->criterion, a->criterion,
                                             b->criterion));
          else
            g_ptr_array_add (notes,
                             jp_finding_new (JP_SEVERITY_WARNING, "intake-shared-file",
                                             "evidence",
                                             _("“%s” has the same content as “%s” and was kept "
                                               "once, as “%s”"),
                                             a->filename, b->filename, b->filename));
          break;
        }
    }
}

static JpImportEntry *
import_dossier (JpStore    *store,
                JpJob      *job,
                const char *actor)
{
  g_autoptr(JpImportEntry) entry = jp_import_entry_new (job->label, JP_IMPORT_REJECTED);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_finding_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unlisted = NULL;
  g_autoptr(JpDossierIni) ini = NULL;
  g_autoptr(GBytes) ini_bytes = NULL;
  g_autoptr(GError) error = NULL;
  JpCandidate *candidate;
  gsize ini_len;
  const char *ini_data;
  guint i;

  if (job->reject != NULL)
    {
      entry->reason = g_strdup (job->reject);
      return g_steal_pointer (&entry);
    }

  ini_bytes = jp_intake_tree_read (job, "dossier.ini", &error);
  if (ini_bytes == NULL)
    {
      entry->reason = g_strdup (error->message);
      return g_steal_pointer (&entry);
    }
  ini_data = g_bytes_get_data (ini_bytes, &ini_len);
  ini = jp_dossier_ini_parse (ini_data ? ini_data : "", ini_len, "dossier.ini", &error);
  if (ini == NULL)
    {
      entry->reason = g_strdup (error->message);
      return g_steal_pointer (&entry);
    }
  candidate = ini->candidate;
  entry->name = g_strdup (candidate->name);
  entry->id_number = g_strdup (candidate->id_number);
  for (i = 0; ini->problems != NULL && i < ini->problems->len; i++)
    g_ptr_array_add (notes, jp_finding_copy (g_ptr_array_index (ini->problems, i)));

  read_text_field (job, ini->summary_path ? ini->summary_path : "summary.txt", "summary",
                   &candidate->summary, notes);
  read_text_field (job, ini->deeds_path ? ini->deeds_path : "deeds.txt", "deeds",
                   &candidate->deeds, notes);

  /* the attachments: listed ones, default photos, then unlisted files in evidence/ */
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_dossier_file_free);
  for (i = 0; ini->files != NULL && i < ini->files->len; i++)
    {
      JpDossierFile *f = g_ptr_array_index (ini->files, i);

      g_ptr_array_add (files, dossier_file_new (f->path, f->kind, f->criterion));
      g_hash_table_add (listed, f->path);
    }
  if (!ini->photos_listed)
    {
      const char *dirs[] = { "", "photos" };
      guint d;

      for (d = 0; d < G_N_ELEMENTS (dirs); d++)
        {
          g_autoptr(GPtrArray) found = jp_intake_tree_list (job, dirs[d]);
          guint k;

          for (k = 0; k < found->len; k++)
            if (is_image_name (g_ptr_array_index (found, k))
                && !g_hash_table_contains (listed, g_ptr_array_index (found, k)))
              g_ptr_array_add (files, dossier_file_new (g_ptr_array_index (found, k),
                                                        JP_DOC_PHOTO, 0));
        }
    }
  unlisted = jp_intake_tree_list_deep (job, "evidence");
  for (i = 0; i < unlisted->len; i++)
    {
      const char *rel = g_ptr_array_index (unlisted, i);
      int criterion;

      if (g_hash_table_contains (listed, rel))
        continue;
      criterion = jp_intake_folder_criterion (rel);
      g_ptr_array_add (files, dossier_file_new (rel, JP_DOC_EVIDENCE, criterion));
      if (criterion != 0)
        g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-folder-tagged",
                                                "evidence",
                                                _("“%s” is not listed in dossier.ini; it was "
                                                  "imported as evidence for criterion %d, "
                                                  "after its folder"), rel, criterion));
      else
        g_ptr_array_add (notes, jp_finding_new (JP_SEVERITY_WARNING, "intake-untagged",
                                                "evidence",
                                                _("“%s” is not listed in dossier.ini and was "
                                                  "imported as untagged evidence; tag it with "
                                                  "the criterion it supports"), rel));
    }

  {
    gint64 total = 0;

    for (i = 0; i < files->len; i++)
      {
        gint64 size = 0;

        if (jp_intake_tree_stat (job, ((JpDossierFile *) g_ptr_array_index (files, i))->path, &size))
          total += size;
      }
    if (total > JP_DOSSIER_MAX_BYTES)
      {
        entry->reason = g_strdup_printf (_("The dossier’s files total %.1f MB, over the limit "
                                           "of %d MB for one dossier; ask the unit for "
                                           "smaller scans (for example 200 dpi, greyscale)"),
                                         total / BYTES_PER_MB,
                                         (int) (JP_DOSSIER_MAX_BYTES / (1024 * 1024)));
        return g_steal_pointer (&entry);
      }
  }

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_document_data_free);
  for (i = 0; i < files->len; i++)
    {
      JpDocumentData *doc = load_document (job, g_ptr_array_index (files, i), &error);

      if (doc == NULL)
        {
          entry->reason = g_strdup (error->message);
          return g_steal_pointer (&entry);
        }
      g_ptr_array_add (documents, doc);
    }
  note_shared_documents (documents, notes);

  /* a new ID number for a name and unit already there: one person twice? */
  if (candidate->id_number != NULL && candidate->id_number[0] != '\0')
    {
      g_autoptr(JpCandidate) same_id =
        jp_store_find_candidate_by_id_number (store, candidate->id_number);
      g_autoptr(JpCandidate) other = same_id != NULL ? NULL
        : jp_store_find_other_candidate_by_name_unit (store, candidate->name, candidate->unit,
                                                      candidate->id_number);

      if (other != NULL)
        g_ptr_array_add (notes,
                         jp_finding_new (JP_SEVERITY_WARNING, "intake-same-name-unit",
                                         "id_number",
                                         _("%s of %s was added as a new candidate with the ID "
                                           "number %s, but a candidate %s of the same unit is "
                                           "already there with the ID number %s; if they are "
                                           "the same person, correct the ID number and delete "
                                           "one of them"),
                                         candidate->name,
                                         candidate->unit ? candidate->unit : "—",
                                         candidate->id_number, other->name,
                                         other->id_number ? other->id_number : "—"));
    }

  jp_intake_note_new_trade_and_unit (store, candidate, notes);
  jp_intake_note_near_names (store, candidate, notes);
  jp_intake_save_into_entry (store, candidate, documents, actor, notes, entry);
  return g_steal_pointer (&entry);
}

/* ---- public entry points ---- */

/**
 * jp_intake_import_paths:
 * @store: the election
 * @paths: (array zero-terminated=1): folders and zips
 * @actor: who imports, for the audit log
 * @progress: (nullable): called after each dossier
 * @user_data: for @progress
 * @cancellable: (nullable): checked between dossiers
 * @error: set when no path could be read or on cancellation
 *
 * Returns: (transfer full): the report, one entry per dossier found.
 */
JpImportReport *
jp_intake_import_paths (JpStore            *store,
                        const char * const *paths,
                        const char         *actor,
                        JpProgressFunc      progress,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(JpImportReport) report = NULL;
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_tree_free);
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) jp_job_free);
  g_autoptr(GError) first_error = NULL;
  gint64 unpacked = 0;   /* by all the zips of this import */
  guint i, readable = 0;

  g_return_val_if_fail (JP_IS_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (jp_intake_discover_path (paths[i], &unpacked, trees, jobs, &local_error))
        readable++;
      else
        {
          g_ptr_array_add (jobs, jp_job_new (NULL, NULL, paths[i], local_error->message));
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
        }
    }
  if (readable == 0)
    {
      if (first_error != NULL)
        g_propagate_error (error, g_steal_pointer (&first_error));
      else
        g_set_error (error, JP_INTAKE_ERROR, JP_INTAKE_ERROR_NOT_A_DOSSIER,
                     _("No dossier folder or zip file was given"));
      return NULL;
    }

  report = jp_import_report_new ();
  for (i = 0; i < jobs->len; i++)
    {
      JpJob *job = g_ptr_array_index (jobs, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      jp_import_report_take_entry (report, import_dossier (store, job, actor));
      if (progress != NULL)
        progress (i + 1, jobs->len, job->label, user_data);
    }

  return g_steal_pointer (&report);
}

/* ---- async ---- */

typedef struct {
  char           *store_path;
  GStrv           paths;
  char           *actor;
  JpProgressFunc  progress;
  gpointer        progress_data;
  GMainContext   *context;
} ImportTaskData;

static void
import_task_data_free (ImportTaskData *data)
{
  g_free (data->store_path);
  g_strfreev (data->paths);
  g_free (data->actor);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

typedef struct {
  JpProgressFunc  func;
  gpointer        data;
  guint           done, total;
  char           *current;
} ProgressCall;

static void
progress_call_free (gpointer data)
{
  ProgressCall *call = data;

  g_free (call->current);
  g_free (call);
}

static gboolean
progress_call_dispatch (gpointer data)
{
  ProgressCall *call = data;

  call->func (call->done, call->total, call->current, call->data);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker: hands the progress over to the caller's main context. */
static void
forward_progress (guint       done,
                  guint       total,
                  const char *current,
                  gpointer    user_data)
{
  ImportTaskData *data = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->func = data->progress;
  call->data = data->progress_data;
  call->done = done;
  call->total = total;
  call->current = g_strdup (current);
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_call_dispatch,
                              call, progress_call_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  g_autoptr(JpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  JpImportReport *report;

  store = jp_store_open (data->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* the caller's store announces these writes (JpStore::changed) on its main context */
  jp_store_forward_changes (store, source_object);
  report = jp_intake_import_paths (store, (const char * const *) data->paths, data->actor,
                                   data->progress ? forward_progress : NULL, data,
                                   cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) jp_import_report_free);
}

/**
 * jp_intake_import_paths_async:
 *
 * See jp_intake_import_paths(); the work runs in a thread on a connection of its own.
 */
void
jp_intake_import_paths_async (JpStore             *store,
                              const char * const  *paths,
                              const char          *actor,
                              JpProgressFunc       progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (JP_IS_STORE (store));
  g_return_if_fail (paths != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, jp_intake_import_paths_async);

  data = g_new0 (ImportTaskData, 1);
  data->store_path = g_strdup (jp_store_get_path (store));
  data->paths = g_strdupv ((char **) paths);
  data->actor = g_strdup (actor);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_data_free);

  g_task_run_in_thread (task, import_thread);
}

/**
 * jp_intake_import_paths_finish:
 *
 * Returns: (transfer full): the report, or NULL with @error set.
 */
JpImportReport *
jp_intake_import_paths_finish (JpStore       *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
