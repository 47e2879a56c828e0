/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#pragma once

/* A small frozen election for the meeting tests: trade XT (稀土) with three candidates and
 * trade GF (光伏) with one, each with a two-page evidence PDF that names the candidate;
 * members M01, M02, M03 on the XT panel (M03 from the unit of XT candidate 张三丰, so
 * conflicted), M04 on the GF panel; and helpers to run async calls to the end. */

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "store/jp-store-rounds.h"
#include "meeting/jp-meeting-server.h"
#include "meeting/jp-meeting-client.h"
#include "meeting/jp-meeting-tls.h"

#define TEST_FONT "AR PL SungtiL GB"

typedef struct {
  const char *name;
  const char *id_number;
  const char *phone;
  const char *unit;
  const char *trade;
} TestPerson;

static const TestPerson test_people[] = {
  { "张三丰", "150203198001011234", "13904721234", "包头稀土研究院", "XT" },
  { "李四海", "150203198102021235", "13904725678", "北方稀土冶炼厂", "XT" },
  { "王五明", "150203198203031236", "13904729012", "包钢稀土公司", "XT" },
  { "赵六安", "150203198304041237", "13904723456", "光伏材料公司", "GF" },
};

static cairo_status_t
test_write_pdf (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A two-page A5 PDF with the person's name, ID number, phone and unit in its text. */
static inline GBytes *
test_evidence_pdf (const TestPerson *p)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream (test_write_pdf, out, 420, 595);
  cairo_t *cr = cairo_create (s);

  cairo_select_font_face (cr, TEST_FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  for (int page = 0; page < 2; page++)
    {
      g_autofree char *line1 = g_strdup_printf ("证明: %s 同志", p->name);
      g_autofree char *line2 = g_strdup_printf ("身份证号 %s", p->id_number);
      g_autofree char *line3 = g_strdup_printf ("电话 %s", p->phone);
      g_autofree char *line4 = g_strdup_printf ("单位 %s", p->unit);

      cairo_move_to (cr, 40, 80);
      cairo_show_text (cr, line1);
      cairo_move_to (cr, 40, 120);
      cairo_show_text (cr, line2);
      cairo_move_to (cr, 40, 160);
      cairo_show_text (cr, line3);
      cairo_move_to (cr, 40, 200);
      cairo_show_text (cr, line4);
      cairo_move_to (cr, 40, 240);
      cairo_show_text (cr, "荣获技术能手称号");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return g_byte_array_free_to_bytes (out);
}

/* Creates the election at `path`, with `n_members` extra XT members X001.. (benchmark)
 * whose PINs go into `pins` (code -> PIN). Returns the store. */
static inline JpStore *
test_meeting_store (const char *path,
                    guint       n_extra,
                    GHashTable *pins)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpStore) store = jp_store_create (path, NULL, &error);
  static const struct { const char *code, *name, *unit, *trade; } members[] = {
    { "M01", "评委甲", "市总工会", "XT" },
    { "M02", "评委乙", "市人社局", "XT" },
    { "M03", "评委丙", "包头稀土研究院", "XT" },
    { "M04", "评委丁", "市科技局", "GF" },
  };

  g_assert_no_error (error);
  g_assert_cmpint (jp_store_add_trade (store, "XT", "稀土", TRUE, "t", &error), >, 0);
  g_assert_cmpint (jp_store_add_trade (store, "GF", "光伏", TRUE, "t", &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (test_people); i++)
    {
      const TestPerson *p = &test_people[i];
      g_autoptr(JpCandidate) c = jp_candidate_new ();
      g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (
          (GDestroyNotify) jp_document_data_free);
      g_autoptr(GBytes) pdf = test_evidence_pdf (p);
      JpDocumentRef *ref = jp_document_ref_new ();
      g_autoptr(JpReview) review = NULL;
      JpSaveOutcome outcome;

      c->name = g_strdup (p->name);
      c->id_number = g_strdup (p->id_number);
      c->phone = g_strdup (p->phone);
      c->unit = g_strdup (p->unit);
      c->employer = g_strdup (p->unit);
      c->trade = g_strdup (g_str_equal (p->trade, "XT") ? "稀土" : "光伏");
      c->trade_code = g_strdup (p->trade);
      c->sex = JP_SEX_MALE;
      c->route = JP_ROUTE_UNIT;
      c->criteria = 1u << 2;
      c->work_type = g_strdup ("稀土冶炼工");
      c->honours = g_strdup ("2019年获包头市技术能手");
      c->summary = g_strdup_printf ("%s同志在%s工作二十年，攻克多项技术难题。", p->name, p->unit);
      c->deeds = g_strdup ("长期扎根一线，带徒传技。");
      ref->kind = JP_DOC_EVIDENCE;
      ref->criterion = 2;
      ref->filename = g_strdup_printf ("evidence/%s-证书.pdf", p->name);
      ref->mime = g_strdup ("application/pdf");
      ref->pages = 2;
      g_ptr_array_add (docs, jp_document_data_new (ref, pdf));
      g_assert_true (jp_store_save_candidate (store, c, docs, "t", &outcome, &error));
      g_assert_no_error (error);

      review = jp_review_new (c->id);
      review->decision = JP_REVIEW_DECISION_QUALIFIED;
      jp_review_link_evidence (review, 2,
                               ((JpDocumentRef *) c->documents->pdata[0])->sha256);
      g_assert_true (jp_store_save_review (store, review, "t", NULL, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (members) + n_extra; i++)
    {
      JpMember m = { 0 };
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      char *trades[2] = { NULL, NULL };
      g_autofree char *pin = NULL;

      if (i < G_N_ELEMENTS (members))
        {
          code = g_strdup (members[i].code);
          name = g_strdup (members[i].name);
          m.unit = (char *) members[i].unit;
          trades[0] = (char *) members[i].trade;
        }
      else
        {
          code = g_strdup_printf ("X%03u", i);
          name = g_strdup_printf ("评委%u", i);
          m.unit = (char *) "市总工会";
          trades[0] = (char *) "XT";
        }
      m.code = code;
      m.name = name;
      m.role = JP_MEMBER_ROLE_MEMBER;
      m.trades = trades;
      g_assert_cmpint (jp_store_add_member (store, &m, "t", &error), >, 0);
      g_assert_no_error (error);
      pin = jp_store_member_new_pin (store, code, "t", &error);
      g_assert_no_error (error);
      if (pins != NULL)
        g_hash_table_insert (pins, g_strdup (code), g_steal_pointer (&pin));
    }
  {
    g_autoptr(GPtrArray) codes = jp_store_freeze (store, "chair", &error);

    g_assert_no_error (error);
    g_assert_nonnull (codes);
  }
  return g_steal_pointer (&store);
}

/* "https://127.0.0.1:PORT" of a server listening on loopback. */
static inline char *
test_base_uri (JpMeetingServer *server)
{
  return g_strdup_printf ("https://127.0.0.1:%u", jp_meeting_server_get_port (server));
}

/* A station's client that has pinned `server`'s certificate, as after the member confirmed
 * its fingerprint. */
static inline JpMeetingClient *
test_client_new (JpMeetingServer *server,
                 const char      *base,
                 const char      *queue_path)
{
  JpMeetingClient *client = jp_meeting_client_new (base, queue_path);

  g_assert_nonnull (jp_meeting_server_get_fingerprint (server));
  jp_meeting_client_set_pinned_fingerprint (client, jp_meeting_server_get_fingerprint (server));
  return client;
}

static inline gboolean
test_accept_fingerprint (SoupMessage          *msg,
                         GTlsCertificate      *certificate,
                         GTlsCertificateFlags  errors,
                         gpointer              fingerprint)
{
  g_autofree char *seen = jp_meeting_tls_fingerprint (certificate);

  return g_strcmp0 (seen, fingerprint) == 0;
}

/* Makes a raw message trust the certificate of fingerprint `fingerprint` (for raw
 * protocol requests that bypass JpMeetingClient). `fingerprint` must outlive `msg`. */
static inline void
test_message_trust (SoupMessage *msg,
                    const char  *fingerprint)
{
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (test_accept_fingerprint),
                    (gpointer) fingerprint);
}

/* Waits for an async call: `*result` is set by test_async_done. */
static inline void
test_async_done (GObject *source, GAsyncResult *res, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (res);
}

static inline GAsyncResult *
test_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* ---- raw HTTP over TLS, for the tests that write the protocol's bytes themselves ----
 * A connection to 127.0.0.1:port wrapped in TLS; every wait runs this thread's default
 * main context (where an in-process host lives) and gives up after TEST_RAW_DEADLINE_S. */

#define TEST_RAW_DEADLINE_S 20

static inline gboolean
test_raw_accept (GTlsConnection       *conn,
                 GTlsCertificate      *certificate,
                 GTlsCertificateFlags  errors,
                 gpointer              fingerprint)
{
  g_autofree char *seen = NULL;

  if (fingerprint == NULL)
    return TRUE;
  seen = jp_meeting_tls_fingerprint (certificate);
  return g_strcmp0 (seen, fingerprint) == 0;
}

static inline gboolean
test_raw_cancel (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

/* Waits for an async call started with `cancellable`, cancelling it at the deadline. */
static inline GAsyncResult *
test_raw_wait (GAsyncResult **slot,
               GCancellable  *cancellable)
{
  GSource *deadline = g_timeout_source_new_seconds (TEST_RAW_DEADLINE_S);

  g_source_set_callback (deadline, test_raw_cancel, cancellable, NULL);
  g_source_attach (deadline, NULL);
  test_wait (slot);
  g_source_destroy (deadline);
  g_source_unref (deadline);
  return *slot;
}

/* A plain TCP connection to 127.0.0.1:`port` from the address `local` (NULL: any; e.g.
 * "127.0.0.2" for a second computer); NULL if refused. */
static inline GIOStream *
test_raw_tcp_from (guint       port,
                   const char *local)
{
  g_autoptr(GSocketClient) sc = g_socket_client_new ();

  g_socket_client_set_enable_proxy (sc, FALSE);
  if (local != NULL)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (local);
      g_autoptr(GSocketAddress) from = g_inet_socket_address_new (address, 0);

      g_socket_client_set_local_address (sc, from);
    }
  return G_IO_STREAM (g_socket_client_connect_to_host (sc, "127.0.0.1", port, NULL, NULL));
}

static inline GIOStream *
test_raw_tcp (guint port)
{
  return test_raw_tcp_from (port, NULL);
}

/* A TCP connection to 127.0.0.1:`port` wrapped in TLS that accepts only the certificate of
 * `fingerprint` (NULL: any certificate, only where the test is not about TLS); the
 * handshake happens on the first read or write. NULL if the connection is refused. */
static inline GIOStream *
test_raw_open_from (guint       port,
                    const char *local,
                    const char *fingerprint)
{
  g_autoptr(GIOStream) tcp = test_raw_tcp_from (port, local);
  g_autoptr(GError) error = NULL;
  GIOStream *tls;
  char *pinned;

  if (tcp == NULL)
    return NULL;
  tls = g_tls_client_connection_new (tcp, NULL, &error);
  g_assert_no_error (error);
  g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (tls), FALSE);
  pinned = g_strdup (fingerprint);
  g_object_set_data_full (G_OBJECT (tls), "test-pinned", pinned, g_free);
  g_signal_connect (tls, "accept-certificate", G_CALLBACK (test_raw_accept), pinned);
  return tls;
}

static inline GIOStream *
test_raw_open (guint       port,
               const char *fingerprint)
{
  return test_raw_open_from (port, NULL, fingerprint);
}

/* The TLS handshake, done before anything is sent. */
static inline gboolean
test_raw_handshake (GIOStream  *stream,
                    GError    **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *res = NULL;
  gboolean ok;

  g_tls_connection_handshake_async (G_TLS_CONNECTION (stream), G_PRIORITY_DEFAULT,
                                    cancellable, test_async_done, &res);
  ok = g_tls_connection_handshake_finish (G_TLS_CONNECTION (stream),
                                          test_raw_wait (&res, cancellable), error);
  g_object_unref (res);
  return ok;
}

static inline gboolean
test_raw_send (GIOStream   *stream,
               const void  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *res = NULL;
  gboolean ok;

  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream), data, length,
                                   G_PRIORITY_DEFAULT, cancellable, test_async_done, &res);
  ok = g_output_stream_write_all_finish (g_io_stream_get_output_stream (stream),
                                         test_raw_wait (&res, cancellable), NULL, error);
  g_object_unref (res);
  return ok;
}

/* Reads what comes, up to `size` bytes: the count, 0 at the end, -1 on an error (the
 * host's reset, or nothing within the deadline: G_IO_ERROR_CANCELLED). */
static inline gssize
test_raw_read (GIOStream  *stream,
               void       *buffer,
               gsize       size,
               GError    **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *res = NULL;
  gssize n;

  g_input_stream_read_async (g_io_stream_get_input_stream (stream), buffer, size,
                             G_PRIORITY_DEFAULT, cancellable, test_async_done, &res);
  n = g_input_stream_read_finish (g_io_stream_get_input_stream (stream),
                                  test_raw_wait (&res, cancellable), error);
  g_object_unref (res);
  return n;
}

/* Whether the host closes the connection (end of input or an error other than the
 * deadline) within the deadline; what it still sends is dropped. */
static inline gboolean
test_raw_wait_closed (GIOStream *stream)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      char buffer[4096];
      gssize n = test_raw_read (stream, buffer, sizeof buffer, &error);

      if (n > 0)
        continue;
      return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
}

/* Whether the host has already closed the connection, without waiting. */
static inline gboolean
test_raw_closed_now (GIOStream *stream)
{
  GPollableInputStream *in = G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (stream));
  char buffer[4096];

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_pollable_input_stream_read_nonblocking (in, buffer, sizeof buffer, NULL,
                                                           &error);

      if (n > 0)
        continue;
      return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
    }
}

/* Sends `request` and reads the reply's status line and headers; returns the head (what
 * came before the host closed, "" if nothing). */
static inline char *
test_raw_exchange (GIOStream  *stream,
                   const char *request)
{
  GString *head = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!test_raw_send (stream, request, strlen (request), &error))
    return g_string_free (head, FALSE);
  while (strstr (head->str, "\r\n\r\n") == NULL)
    {
      char c;

      if (test_raw_read (stream, &c, 1, NULL) != 1)
        break;
      g_string_append_c (head, c);
    }
  return g_string_free (head, FALSE);
}

/* The value of Content-Length in a reply's head. */
static inline gsize
test_raw_content_length (const char *head)
{
  const char *p = g_strstr_len (head, -1, "Content-Length: ");

  g_assert_nonnull (p);
  return g_ascii_strtoull (p + strlen ("Content-Length: "), NULL, 10);
}

/* Reads the reply body of `length` bytes that follows a head; returns it. */
static inline char *
test_raw_body (GIOStream *stream,
               gsize      length)
{
  char *body = g_malloc0 (length + 1);
  gsize got = 0;

  while (got < length)
    {
      g_autoptr(GError) error = NULL;
      gssize n = test_raw_read (stream, body + got, length - got, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      got += n;
    }
  return body;
}

static inline void
test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* Stops a test host: the server lets its stations go, the objects are released and what is
 * left in the main loop runs out. */
static inline void
test_host_stop (JpMeetingServer  **server,
                JpMeetingService **service,
                JpStore          **store)
{
  if (*server != NULL)
    jp_meeting_server_disconnect (*server);
  g_clear_object (server);
  g_clear_object (service);
  g_clear_object (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A station for member `code` (its queue file in `dir`), logged in with its PIN in `pins`. */
static inline JpMeetingClient *
test_logged_in (JpMeetingServer *server,
                const char      *base,
                const char      *dir,
                GHashTable      *pins,
                const char      *code)
{
  g_autofree char *queue = g_strdup_printf ("%s/queue-%s.json", dir, code);
  JpMeetingClient *client = test_client_new (server, base, queue);
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = NULL;

  jp_meeting_client_login_async (client, code, g_hash_table_lookup (pins, code), NULL,
                                 test_async_done, &res);
  reply = jp_meeting_client_login_finish (client, test_wait (&res), &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_object_unref (res);
  return client;
}

/* The frozen codes of XT's three candidates: code[0] is 张三丰's (M03 is conflicted with
 * him), then the others in list order; his id in *zhang_id when not NULL. */
static inline void
test_xt_codes (JpStore *store,
               char    *code[3],
               gint64  *zhang_id)
{
  g_autoptr(GListModel) model = jp_store_list_candidates (store, NULL);
  guint next = 1;

  code[0] = code[1] = code[2] = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(JpCandidate) cand = g_list_model_get_item (model, i);

      if (g_strcmp0 (cand->trade_code, "XT") != 0)
        continue;
      if (g_str_equal (cand->name, "张三丰"))
        {
          code[0] = g_strdup (cand->code);
          if (zhang_id != NULL)
            *zhang_id = cand->id;
        }
      else
        {
          g_assert_cmpuint (next, <, 3);
          code[next++] = g_strdup (cand->code);
        }
    }
  g_assert_nonnull (code[0]);
  g_assert_nonnull (code[2]);
}

/* `member`'s ballot in `round`, marking `m1` and `m2` (`m2` may be NULL). */
static inline void
test_vote2 (JpStore    *store,
            gint64      round,
            const char *member,
            const char *m1,
            const char *m2)
{
  const char *marks[] = { m1, m2, NULL };
  g_autoptr(GError) error = NULL;

  jp_store_submit_ballot (store, round, member, marks, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The ballot that makes XT's finalists 张三丰 (*a) and the next XT candidate (*b): a round
 * of 2 seats, at most 2 choices, opened by the chair, where M01 and M02 mark A and B and
 * M03 marks B and C (A 2 votes, B 3, C 1), then closed. The chair opens and closes it
 * through `service`, or straight through the store when `service` is NULL (no host). */
static inline void
test_xt_finalists (JpStore          *store,
                   JpMeetingService *service,
                   char            **a,
                   char            **b)
{
  g_autoptr(GError) error = NULL;
  char *code[3];
  gint64 id;

  test_xt_codes (store, code, NULL);
  *a = code[0];
  *b = code[1];
  id = service != NULL ? jp_meeting_service_open_round (service, "XT", 2, 2, -1, &error)
                       : jp_store_open_ballot_round (store, "XT", 2, 2, -1, "chair", &error);
  g_assert_no_error (error);
  test_vote2 (store, id, "M01", *a, *b);
  test_vote2 (store, id, "M02", *a, *b);
  test_vote2 (store, id, "M03", *b, code[2]);
  g_free (code[2]);
  if (service != NULL)
    g_assert_true (jp_meeting_service_close_round (service, id, &error));
  else
    g_assert_true (jp_store_close_round (store, id, "chair", &error));
  g_assert_no_error (error);
}

/* The frozen code of XT's 张三丰 (M03 is conflicted with him). */
static inline char *
test_zhang_code (JpStore *store)
{
  char *code[3];

  test_xt_codes (store, code, NULL);
  g_free (code[1]);
  g_free (code[2]);
  return code[0];
}

/* The server listening on 127.0.0.1 at a port of the system's choice; its base URI. */
static inline char *
test_listen (JpMeetingServer *server)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jp_meeting_server_listen_local (server, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (jp_meeting_server_get_port (server), >, 0);
  return test_base_uri (server);
}

/* The host's answer to a station's GET /defence (the current candidate and its sheet). */
static inline JsonObject *
test_get_defence (JpMeetingClient *client)
{
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  jp_meeting_client_get_async (client, "/defence", NULL, test_async_done, &res);
  o = jp_meeting_client_get_finish (client, test_wait (&res), &error);
  g_assert_no_error (error);
  g_object_unref (res);
  return o;
}

/* The body of a station's sheet (PUT: draft, POST: submit) for candidate `code`: its
 * `values` (NULL-terminated, one a criterion, "" for an empty field) and `key`. */
static inline JsonNode *
test_sheet_body (const char        *code,
                 const char *const *values,
                 const char        *key)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "candidate");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "values");
  json_builder_begin_array (b);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "idempotency_key");
  json_builder_add_string_value (b, key);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
