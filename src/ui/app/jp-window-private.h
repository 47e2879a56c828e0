/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

#include "ui/app/jp-window.h"
#include "ui/widgets/jp-store-watch.h"
#include "ui/records/jp-audit-page.h"
#include "ui/chair/jp-ballot-page.h"
#include "ui/records/jp-publicity-page.h"
#include "ui/candidates/jp-candidate-list.h"
#include "ui/chair/jp-defence-page.h"
#include "ui/chair/jp-ranking-page.h"
#include "ui/records/jp-documents-page.h"
#include "ui/candidates/jp-dossier-view.h"
#include "ui/review/jp-review-page.h"
#include "ui/app/jp-start-page.h"

G_BEGIN_DECLS

struct _JpWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  JpStartPage          *start_page;
  AdwWindowTitle       *election_title;
  GtkMenuButton        *import_button;
  GtkButton            *back_button;
  AdwLeaflet           *leaflet;
  GtkListBox           *stage_list;
  GtkStack             *stage_stack;
  JpCandidateList      *candidate_list;
  JpDossierView        *dossier_view;
  GtkPaned             *candidates_paned;
  JpReviewPage         *review_page;
  GtkWidget            *setup_page;
  JpBallotPage         *ballot_page;
  JpDefencePage        *defence_page;
  JpRankingPage        *ranking_page;
  JpStoreWatch         *ranking_watch;   /* JpStore::changed: the ranking follows */
  /* the stage pages get the store when first shown, not when the election opens */
  gboolean              review_loaded, setup_loaded, ballot_loaded;
  JpPublicityPage      *publicity_page;
  gboolean              publicity_loaded;
  JpDocumentsPage      *documents_page;
  gboolean              documents_loaded;
  JpAuditPage          *audit_page;
  gboolean              audit_loaded;

  GSettings            *settings;
  JpStore              *store;
  gboolean              host_locked;   /* this window holds the host lock of its store's file */
  GtkWindow            *last_dialog;   /* weak */
  AdwStatusPage        *loading_page;  /* shown while a file opens (jp_window_load_file) */
  GCancellable         *loading;       /* the file being opened, or NULL */
  char                 *loading_path;  /* its path while `loading` is set */
};

void      jp_window_class_actions_init (JpWindowClass *klass);
void      jp_window_update_actions     (JpWindow *self);

/* import flows (jp-window-import.c) */
void      jp_window_import_folder      (JpWindow *self);
void      jp_window_import_zip         (JpWindow *self);
void      jp_window_import_roster      (JpWindow *self);
/* Imports dossier folders / zips at `paths` with a progress dialog, then shows the report. */
void      jp_window_import_paths       (JpWindow           *self,
                                        const char * const *paths);
/* Imports a 候选人汇总表 CSV with a progress dialog, then shows the report. */
void      jp_window_import_roster_file (JpWindow   *self,
                                        const char *csv_path);

/* the defence and ranking stages (jp-window-defence.c): built once; given the election
 * each time their stage is shown; emptied when it closes */
void      jp_window_defence_build      (JpWindow   *self);
void      jp_window_defence_load       (JpWindow   *self,
                                        const char *stage);
void      jp_window_defence_unload     (JpWindow   *self);
void      jp_window_reload_ranking     (JpWindow   *self);

/* Shows the store just opened from `path`, whose host lock this window holds (jp-window.c). */
void      jp_window_finish_open        (JpWindow   *self,
                                        const char *path,
                                        JpStore    *store);

/* Empties the election's pages and lets its store go (jp_window_close_election); with
 * `keep_lock` the window keeps the file's host lock, to reopen the same file. */
void      jp_window_unload_election    (JpWindow   *self,
                                        gboolean    keep_lock);
/* Lets go of the host lock of `path` when this window holds it. */
void      jp_window_release_file_lock  (JpWindow   *self,
                                        const char *path);

/* Checks the backup `from`, asks to confirm, then replaces the election file by it and
 * reopens it (jp-window-restore.c; the action "win.restore-backup"). Refused with a message
 * while a meeting is hosted or a round is open. */
void      jp_window_restore_backup     (JpWindow   *self,
                                        const char *from);

/* Asks who operates this console (jp-window.c); shown when an election is opened while
 * nobody is named, and from the main menu. */
void      jp_window_ask_operator       (JpWindow *self);

/* The loading state shown while jp_window_load_file() opens a file (tests). */
AdwStatusPage *jp_window_get_loading_page (JpWindow *self);

/* for tests */
JpStartPage     *jp_window_get_start_page     (JpWindow *self);
JpCandidateList *jp_window_get_candidate_list (JpWindow *self);
const char      *jp_window_get_visible_page   (JpWindow *self);   /* "start" / "election" */
const char      *jp_window_get_visible_stage  (JpWindow *self);
GtkWindow       *jp_window_get_last_dialog    (JpWindow *self);  /* last message dialog */
JpDossierView   *jp_window_get_dossier_view   (JpWindow *self);
JpReviewPage    *jp_window_get_review_page    (JpWindow *self);
/* Shows the stage named `name` ("candidates", "qualification", "setup", ...). */
void             jp_window_show_stage         (JpWindow   *self,
                                               const char *name);

/* The running meeting server of the election ("Host the meeting" in the ballot stage), NULL
 * when no meeting is hosted (borrowed). The member window logs in through it. */
JpMeetingServer *jp_window_get_meeting_server (JpWindow *self);
JpBallotPage    *jp_window_get_ballot_page    (JpWindow *self);
JpPublicityPage *jp_window_get_publicity_page (JpWindow *self);
JpDocumentsPage *jp_window_get_documents_page (JpWindow *self);

/* Sets the GtkFileChooser's folder from the last-folder setting. */
void      jp_window_chooser_restore_folder (JpWindow       *self,
                                            GtkFileChooser *chooser);
void      jp_window_chooser_save_folder    (JpWindow       *self,
                                            GtkFileChooser *chooser);

/* What a dialog of the window (a file chooser) was opened for: the window, held weakly (the
 * dialog may answer after it is gone), a kind and a payload. Owned by the dialog's "response"
 * handler: connect it with g_signal_connect_data (..., request, jp_window_request_free, 0). */
typedef struct {
  GWeakRef       window;
  int            kind;
  gpointer       data;
  GDestroyNotify free_data;
} JpWindowRequest;

JpWindowRequest *jp_window_request_new  (JpWindow       *window,
                                         int             kind,
                                         gpointer        data,
                                         GDestroyNotify  free_data);
void             jp_window_request_free (gpointer        request,
                                         GClosure       *closure);
/* Returns: (transfer full) (nullable): the window, NULL once it is gone. */
JpWindow        *jp_window_request_get_window (JpWindowRequest *request);

G_END_DECLS
