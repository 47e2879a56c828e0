/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Jiangping authors */
#define G_LOG_DOMAIN "jp-test"

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>

#include "meeting-test-util.h"

/* The secret ballot against someone who copies the election file and its -wal file while the
 * host runs (docs/ballot-secrecy.md), and idempotency keys that belong to their sender. Real
 * stations vote through the host on 127.0.0.1; the attacks read the copied bytes the way a
 * curious administrator would: the WAL replayed commit by commit, and the order of the cells
 * inside the ballot table's pages. */

#define N_VOTERS 20   /* M01..M03 and X004..X020 on the XT panel */

typedef struct {
  char             *dir;
  char             *path;
  JpStore          *store;
  JpMeetingService *service;
  JpMeetingServer  *server;
  char             *base;
  GHashTable       *pins;
  gint64            round;
  char             *zhang_code;   /* the XT candidate M03 is conflicted with */
  GStrv             xt_codes;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JpRound) round = NULL;

  f->dir = g_dir_make_tmp ("jp-secrecy-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "election.jiangping", NULL);
  f->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->store = test_meeting_store (f->path, N_VOTERS - 3, f->pins);
  f->service = jp_meeting_service_new (f->store);
  jp_meeting_service_set_lockout (f->service, 1);
  f->server = jp_meeting_server_new (f->service);
  /* N_VOTERS stations, all on 127.0.0.1 here, each keeping its connection: in the room
   * they are as many computers, so the cap on connections per address does not apply */
  jp_meeting_server_set_limits (f->server, 0, JP_MEETING_REQUEST_SECONDS * 1000);
  f->base = test_listen (f->server);

  f->round = jp_meeting_service_open_round (f->service, "XT", 2, 2, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->round, >, 0);
  round = jp_store_get_round (f->store, f->round, &error);
  g_assert_no_error (error);
  f->xt_codes = jp_round_get_codes (round);
  f->zhang_code = test_zhang_code (f->store);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_host_stop (&f->server, &f->service, &f->store);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->base);
  g_free (f->zhang_code);
  g_strfreev (f->xt_codes);
  g_hash_table_unref (f->pins);
}

static JpMeetingClient *
logged_in (Fixture *f, const char *code)
{
  return test_logged_in (f->server, f->base, f->dir, f->pins, code);
}

static gboolean
submit (JpMeetingClient *client, gint64 round, const char *const *marks, const char *key,
        char **reason)
{
  GAsyncResult *res = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  jp_meeting_client_submit_ballot_async (client, round, marks, key, NULL, test_async_done, &res);
  ok = jp_meeting_client_submit_ballot_finish (client, test_wait (&res), &error);
  if (reason != NULL)
    *reason = g_strdup (jp_meeting_client_request_reason (res));
  g_object_unref (res);
  return ok;
}

/* ---- reading a copied file the way an attacker does ---- */

/* The pages of the copied file, with the frames of a copied WAL laid over them. */
typedef struct {
  GBytes     *main;
  guint       page_size;
  GHashTable *overlay;   /* page number -> const guint8 * into a WAL copy */
} Image;

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
image_init (Image *im, GBytes *main)
{
  const guint8 *d = g_bytes_get_data (main, NULL);

  g_assert_cmpuint (g_bytes_get_size (main), >=, 100);
  im->main = main;
  im->page_size = ((guint) d[16] << 8) | d[17];
  if (im->page_size == 1)
    im->page_size = 65536;
  im->overlay = g_hash_table_new (NULL, NULL);
}

static void
image_clear (Image *im)
{
  g_clear_pointer (&im->overlay, g_hash_table_unref);
}

static const guint8 *
image_page (Image *im, guint32 pgno)
{
  const guint8 *p = g_hash_table_lookup (im->overlay, GUINT_TO_POINTER (pgno));
  gsize len;
  const guint8 *d = g_bytes_get_data (im->main, &len);

  if (p != NULL)
    return p;
  if ((gsize) pgno * im->page_size > len)
    return NULL;   /* not in the file yet: only in the WAL */
  return d + (gsize) (pgno - 1) * im->page_size;
}

/* Lays every committed frame of a WAL copy over the file: the state SQLite would read. */
static void
image_apply_wal (Image *im, GBytes *wal)
{
  gsize len;
  const guint8 *w = g_bytes_get_data (wal, &len);
  g_autoptr(GHashTable) pending = g_hash_table_new (NULL, NULL);
  guint frame = 24 + im->page_size;

  if (len < 32)
    return;
  for (gsize at = 32; at + frame <= len; at += frame)
    {
      GHashTableIter iter;
      gpointer k, v;

      if (be32 (w + at + 8) != be32 (w + 16) || be32 (w + at + 12) != be32 (w + 20))
        break;
      g_hash_table_insert (pending, GUINT_TO_POINTER (be32 (w + at)), (gpointer) (w + at + 24));
      if (be32 (w + at + 4) == 0)
        continue;
      g_hash_table_iter_init (&iter, pending);
      while (g_hash_table_iter_next (&iter, &k, &v))
        g_hash_table_insert (im->overlay, k, v);
      g_hash_table_remove_all (pending);
    }
}

static guint64
get_varint (const guint8 *p, guint *len)
{
  guint64 v = 0;

  for (int i = 0; i < 8; i++)
    {
      v = (v << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
        {
          *len = i + 1;
          return v;
        }
    }
  *len = 9;
  return (v << 8) | p[8];
}

/* The first two columns of a record, both integers here (round, serial or member). */
static void
record_keys (const guint8 *rec, gint64 *k0, gint64 *k1)
{
  static const guint sizes[] = { 0, 1, 2, 3, 4, 6, 8 };
  guint n, hdr_len, pos;
  guint64 hdr = get_varint (rec, &n);
  const guint8 *body = rec + hdr;
  gint64 *keys[2] = { k0, k1 };

  pos = n;
  for (int col = 0; col < 2; col++)
    {
      guint64 type = get_varint (rec + pos, &hdr_len);
      gint64 v = 0;

      pos += hdr_len;
      if (type == 8 || type == 9)
        v = type == 8 ? 0 : 1;
      else
        {
          g_assert_cmpuint (type, >=, 1);
          g_assert_cmpuint (type, <=, 6);
          for (guint b = 0; b < sizes[type]; b++)
            v = (v << 8) | body[b];
          if (sizes[type] < 8 && (body[0] & 0x80))
            v -= (gint64) 1 << (8 * sizes[type]);
          body += sizes[type];
        }
      *keys[col] = v;
    }
}

typedef struct {
  guint32 page;
  guint   offset;
  gint64  key0;    /* round */
  gint64  key1;    /* serial, or member id */
} Cell;

/* Every entry of the WITHOUT ROWID (index) b-tree at `root`, interior entries too. */
static void
walk_tree (Image *im, guint32 pgno, GArray *cells)
{
  const guint8 *page = image_page (im, pgno);
  guint hdr = pgno == 1 ? 100 : 0;
  guint8 type;
  guint n_cells;
  guint pointers;

  if (page == NULL || (page[hdr] != 2 && page[hdr] != 10))
    return;   /* the table does not exist yet in this state of the file */
  type = page[hdr];
  n_cells = ((guint) page[hdr + 3] << 8) | page[hdr + 4];
  pointers = hdr + (type == 2 ? 12 : 8);
  for (guint i = 0; i < n_cells; i++)
    {
      guint off = ((guint) page[pointers + 2 * i] << 8) | page[pointers + 2 * i + 1];
      const guint8 *c = page + off;
      Cell cell = { pgno, off, 0, 0 };
      guint n;

      if (type == 2)
        {
          walk_tree (im, be32 (c), cells);
          c += 4;
        }
      get_varint (c, &n);
      record_keys (c + n, &cell.key0, &cell.key1);
      g_array_append_val (cells, cell);
    }
  if (type == 2)
    walk_tree (im, be32 (page + hdr + 8), cells);
}

/* The cells of `round` in the table at `root`, in the order they lie in the file: page by
 * page, and inside a page from the end of the page down, which is the order in which
 * SQLite hands out the space of a page. */
static int
cmp_physical (gconstpointer a, gconstpointer b)
{
  const Cell *x = a, *y = b;

  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  return x->offset > y->offset ? -1 : x->offset < y->offset;
}

static GArray *
round_cells (Image *im, guint32 root, gint64 round)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Cell));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Cell));

  walk_tree (im, root, all);
  for (guint i = 0; i < all->len; i++)
    if (g_array_index (all, Cell, i).key0 == round)
      g_array_append_val (out, g_array_index (all, Cell, i));
  g_array_sort (out, cmp_physical);
  return out;
}

/* Whether the keys of the cells, in physical order, rise (or fall) all the way: the layout
 * then follows the keys and tells nothing else. */
static gboolean
in_key_order (GArray *cells)
{
  gboolean rising = TRUE, falling = TRUE;

  for (guint i = 1; i < cells->len; i++)
    {
      const Cell *a = &g_array_index (cells, Cell, i - 1);
      const Cell *b = &g_array_index (cells, Cell, i);

      if (a->page != b->page)
        continue;
      rising = rising && a->key1 < b->key1;
      falling = falling && a->key1 > b->key1;
    }
  return rising || falling;
}

typedef struct {
  GBytes     *main;
  GBytes     *wal;
} Copy;

static GBytes *
read_or_empty (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (data, len);
}

/* What an administrator copies: the file and the -wal file beside it, as they are now. */
static Copy
copy_files (Fixture *f)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  Copy c;

  c.wal = read_or_empty (wal);
  c.main = read_or_empty (f->path);
  return c;
}

static void
copy_clear (Copy *c)
{
  g_clear_pointer (&c->main, g_bytes_unref);
  g_clear_pointer (&c->wal, g_bytes_unref);
}

/* The attack on a WAL copy: replay it commit by commit and, whenever a commit adds exactly one
 * ballot and one member to the roster, link them. Returns how many links are right
 * (`truth`: serial -> member id). */
static guint
replay_wal_attack (Copy *copy, guint32 ballot_root, guint32 roster_root, gint64 round,
                   GHashTable *truth, guint *n_commits)
{
  Image im;
  gsize len;
  const guint8 *w = g_bytes_get_data (copy->wal, &len);
  g_autoptr(GHashTable) serials = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  guint right = 0;

  *n_commits = 0;
  image_init (&im, copy->main);
  /* the state before the WAL: the file alone */
    {
      g_autoptr(GArray) b = round_cells (&im, ballot_root, round);
      g_autoptr(GArray) r = round_cells (&im, roster_root, round);

      for (guint i = 0; i < b->len; i++)
        g_hash_table_add (serials, g_memdup2 (&g_array_index (b, Cell, i).key1, 8));
      for (guint i = 0; i < r->len; i++)
        g_hash_table_add (members, g_memdup2 (&g_array_index (r, Cell, i).key1, 8));
    }
  if (len >= 32)
    {
      guint32 salt1 = be32 (w + 16), salt2 = be32 (w + 20);
      guint frame = 24 + im.page_size;

      g_assert_cmpuint (be32 (w + 8), ==, im.page_size);
      for (gsize at = 32; at + frame <= len; at += frame)
        {
          g_autoptr(GArray) b = NULL;
          g_autoptr(GArray) r = NULL;
          gint64 new_serial = 0, new_member = 0;
          guint n_new_serials = 0, n_new_members = 0;

          if (be32 (w + at + 8) != salt1 || be32 (w + at + 12) != salt2)
            break;
          g_hash_table_insert (im.overlay, GUINT_TO_POINTER (be32 (w + at)),
                               (gpointer) (w + at + 24));
          if (be32 (w + at + 4) == 0)
            continue;   /* not the last frame of a commit */
          (*n_commits)++;
          b = round_cells (&im, ballot_root, round);
          r = round_cells (&im, roster_root, round);
          for (guint i = 0; i < b->len; i++)
            if (!g_hash_table_contains (serials, &g_array_index (b, Cell, i).key1))
              {
                new_serial = g_array_index (b, Cell, i).key1;
                n_new_serials++;
                g_hash_table_add (serials, g_memdup2 (&new_serial, 8));
              }
          for (guint i = 0; i < r->len; i++)
            if (!g_hash_table_contains (members, &g_array_index (r, Cell, i).key1))
              {
                new_member = g_array_index (r, Cell, i).key1;
                n_new_members++;
                g_hash_table_add (members, g_memdup2 (&new_member, 8));
              }
          if (n_new_serials == 1 && n_new_members == 1)
            {
              gint64 *who = g_hash_table_lookup (truth, &new_serial);

              if (who != NULL && *who == new_member)
                right++;
            }
        }
    }
  image_clear (&im);
  return right;
}

/* The attack on the file alone: the ballot cells in the order they lie in the page, paired
 * with the members in the order they voted (which the audit log's "ballot.cast" rows tell). Returns how many pairs are
 * right. */
static guint
layout_attack (Copy *copy, guint32 ballot_root, gint64 round, GArray *audit_order,
               GHashTable *truth, gboolean *ordered)
{
  Image im;
  g_autoptr(GArray) cells = NULL;
  guint right = 0;

  image_init (&im, copy->main);
  image_apply_wal (&im, copy->wal);
  cells = round_cells (&im, ballot_root, round);
  *ordered = in_key_order (cells);
  for (guint i = 0; i < cells->len && i < audit_order->len; i++)
    {
      gint64 *who = g_hash_table_lookup (truth, &g_array_index (cells, Cell, i).key1);

      if (who != NULL && *who == g_array_index (audit_order, gint64, i))
        right++;
    }
  image_clear (&im);
  return right;
}

static gint64
query_int64 (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

/* The first column of the first row, as text that lives until the next call. */
static const char *
query_text (sqlite3 *db, const char *sql)
{
  static char *last = NULL;
  sqlite3_stmt *stmt = NULL;

  g_clear_pointer (&last, g_free);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  last = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return last;
}

static gsize
count_bytes (GBytes *hay, const guint8 *needle, gsize n)
{
  gsize len, count = 0;
  const guint8 *d = g_bytes_get_data (hay, &len);

  for (gsize i = 0; i + n <= len; i++)
    if (d[i] == needle[0] && memcmp (d + i, needle, n) == 0)
      count++;
  return count;
}

/* N members vote one after the other in a known order; the test knows (from the host's own
 * connection, the way nobody else can) which serial is whose, and checks that the copies
 * link nothing beyond chance: while the round is open, and after the close. */
static void
test_disk_attack (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) voters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) truth = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  g_autoptr(GArray) cast_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *wal_path = g_strconcat (f->path, "-wal", NULL);
  const char *others[3] = { NULL, NULL, NULL };
  guint n_others = 0, open_wal_links = 0, open_layout_links = 0, open_wal_bytes = 0;
  guint n_commits, right;
  guint32 ballot_root, roster_root;
  gboolean ordered, all_ordered = TRUE;
  sqlite3 *db = NULL;
  Copy last_open, closed;

  for (guint i = 0; f->xt_codes[i] != NULL; i++)
    if (!g_str_equal (f->xt_codes[i], f->zhang_code))
      others[n_others++] = f->xt_codes[i];
  g_assert_cmpuint (n_others, ==, 2);

  g_ptr_array_add (voters, g_strdup ("M01"));
  g_ptr_array_add (voters, g_strdup ("M02"));
  g_ptr_array_add (voters, g_strdup ("M03"));
  for (guint i = 4; i <= N_VOTERS; i++)
    g_ptr_array_add (voters, g_strdup_printf ("X%03u", i));
  /* a casting order that is neither the members' order nor its reverse */
  for (guint i = voters->len - 1; i > 0; i--)
    {
      guint j = g_test_rand_int_range (0, i + 1);
      gpointer t = voters->pdata[i];

      voters->pdata[i] = voters->pdata[j];
      voters->pdata[j] = t;
    }
  for (guint i = 0; i < voters->len; i++)
    g_ptr_array_add (clients, logged_in (f, voters->pdata[i]));

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  ballot_root = (guint32) query_int64 (db, "SELECT rootpage FROM sqlite_master "
                                           "WHERE name = 'ballot'");
  roster_root = (guint32) query_int64 (db, "SELECT rootpage FROM sqlite_master "
                                           "WHERE name = 'ballot_roster'");

  for (guint v = 0; v < voters->len; v++)
    {
      const char *code = voters->pdata[v];
      const char *marks[3] = { NULL, NULL, NULL };
      g_autofree char *key = g_strdup_printf ("disk-attack-%s", code);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM member WHERE code = '%s'", code);
      gint64 member_id = query_int64 (db, sql);
      sqlite3_stmt *stmt = NULL;
      Copy copy;

      /* ballots of three kinds, so that their contents do not tell them apart either */
      if (v % 3 == 0)
        marks[0] = others[0];
      else if (v % 3 == 1)
        marks[0] = others[1];
      else
        {
          marks[0] = others[0];
          marks[1] = others[1];
        }
      g_assert_true (submit (clients->pdata[v], f->round, marks, key, NULL));
      g_array_append_val (cast_order, member_id);

      /* the ground truth: the one serial that is new is this member's */
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT serial FROM ballot WHERE round_id = ?",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, f->round);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 serial = sqlite3_column_int64 (stmt, 0);

          if (!g_hash_table_contains (known, &serial))
            {
              g_hash_table_add (known, g_memdup2 (&serial, 8));
              g_hash_table_insert (truth, g_memdup2 (&serial, 8), g_memdup2 (&member_id, 8));
            }
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (g_hash_table_size (truth), ==, v + 1);

      /* a copy taken while the round is open, between two ballots */
      copy = copy_files (f);
      open_wal_bytes = MAX (open_wal_bytes, (guint) g_bytes_get_size (copy.wal));
      open_wal_links = MAX (open_wal_links, replay_wal_attack (&copy, ballot_root, roster_root,
                                                               f->round, truth, &n_commits));
      open_layout_links = layout_attack (&copy, ballot_root, f->round, cast_order, truth,
                                         &ordered);
      all_ordered = all_ordered && ordered;
      if (v + 1 == voters->len)
        last_open = copy;
      else
        copy_clear (&copy);
    }

  g_test_message ("open round, copies between ballots: WAL up to %u bytes; the WAL replay "
                  "links %u; the page layout of the last copy links %u of %u ballots",
                  open_wal_bytes, open_wal_links, open_layout_links, voters->len);
  /* every state of the file between two ballots lies in serial order */
  g_assert_true (all_ordered);
  /* the WAL is emptied after each commit: a copy between two ballots replays nothing */
  g_assert_cmpuint (open_wal_links, ==, 0);
  right = replay_wal_attack (&last_open, ballot_root, roster_root, f->round, truth, &n_commits);
  g_assert_cmpuint (right, ==, 0);
  copy_clear (&last_open);

  g_assert_true (jp_meeting_service_close_round (f->service, f->round, &error));
  g_assert_no_error (error);
  closed = copy_files (f);

  /* nothing beside the file: the WAL is cut to nothing */
  g_assert_cmpuint (g_bytes_get_size (closed.wal), ==, 0);
  right = replay_wal_attack (&closed, ballot_root, roster_root, f->round, truth, &n_commits);
  g_assert_cmpuint (n_commits, ==, 0);
  g_assert_cmpuint (right, ==, 0);

  /* the ballots lie in serial order, the roster in member order: their order is the keys' */
  {
    Image im;
    g_autoptr(GArray) ballots = NULL;
    g_autoptr(GArray) roster = NULL;

    image_init (&im, closed.main);
    image_apply_wal (&im, closed.wal);
    ballots = round_cells (&im, ballot_root, f->round);
    roster = round_cells (&im, roster_root, f->round);
    g_assert_cmpuint (ballots->len, ==, voters->len);
    g_assert_cmpuint (roster->len, ==, voters->len);
    g_assert_true (in_key_order (ballots));
    g_assert_true (in_key_order (roster));
    image_clear (&im);
  }

  /* paired with the audit's order of the voters, the layout links no more than chance (a
   * random order matches on 1 ballot on average; 10 of 20 happens once in 10^7) */
  right = layout_attack (&closed, ballot_root, f->round, cast_order, truth, &ordered);
  g_test_message ("after the close: the page layout links %u of %u ballots", right,
                  voters->len);
  g_assert_true (ordered);
  g_assert_cmpuint (right, <, 10);

  /* no other copy of any ballot in the file or beside it: not in free pages, not in the free
   * space of a page, not in the WAL */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, truth);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        guint64 serial = (guint64) *(gint64 *) key;
        guint8 be[8];

        for (int b = 0; b < 8; b++)
          be[b] = (guint8) (serial >> (56 - 8 * b));
        /* the ballot's cell, and its entry in the index of idempotency keys (which holds
         * the primary key) */
        g_assert_cmpuint (count_bytes (closed.main, be, 8) + count_bytes (closed.wal, be, 8),
                          ==, 2);
      }
  }

  /* and the result is the ballots' */
  {
    g_autoptr(JpTally) tally = jp_store_get_tally (f->store, f->round, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tally->cast, ==, (int) voters->len);
  }
  copy_clear (&closed);
  sqlite3_close (db);
}

/* A key that another member's stored ballot used proves nothing: a member not on the panel
 * is refused, and a member on it has their own ballot stored (issue 10, section 3). */
static void
test_foreign_key (Fixture *f, gconstpointer data)
{
  g_autoptr(JpMeetingClient) m01 = logged_in (f, "M01");
  g_autoptr(JpMeetingClient) m02 = logged_in (f, "M02");
  g_autoptr(JpMeetingClient) m04 = logged_in (f, "M04");
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  const char *first[] = { f->xt_codes[0], NULL };
  const char *second[] = { f->xt_codes[1], NULL };

  g_assert_true (submit (m01, f->round, first, "shared-key-0001", NULL));

  /* M04 is not on the XT panel: the key of M01's ballot does not make it "accepted" */
  g_assert_false (submit (m04, f->round, first, "shared-key-0001", &reason));
  g_assert_cmpstr (reason, ==, "not-on-panel");
  g_clear_pointer (&reason, g_free);

  /* M02 is: the same key is M02's own, and M02's ballot is stored */
  g_assert_true (submit (m02, f->round, second, "shared-key-0001", NULL));
  round = jp_store_get_round (f->store, f->round, &error);
  g_assert_no_error (error);
  g_assert_cmpint (round->n_cast, ==, 2);
  g_clear_pointer (&round, jp_round_free);

  /* each one's resend is a resend, stored once */
  g_assert_true (submit (m02, f->round, second, "shared-key-0001", NULL));
  g_assert_true (submit (m01, f->round, first, "shared-key-0001", NULL));
  round = jp_store_get_round (f->store, f->round, &error);
  g_assert_cmpint (round->n_cast, ==, 2);

  g_assert_true (jp_meeting_service_close_round (f->service, f->round, &error));
  g_assert_no_error (error);
  /* after the close, the member's own resend is still answered, the stranger's is not */
  g_assert_true (submit (m02, f->round, second, "shared-key-0001", NULL));
  g_assert_false (submit (m04, f->round, first, "shared-key-0001", &reason));
  g_assert_cmpstr (reason, ==, "not-open");

  tally = jp_store_get_tally (f->store, f->round, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally->cast, ==, 2);
}

/* Durability is kept: a host killed (SIGKILL) at any moment, also while it lays the ballots
 * out again or empties the WAL, loses no acknowledged ballot and, when the stations resend
 * with the same keys, stores none twice. The host runs in a child process that groups the
 * ballots three by three, as the meeting server does, and says on a pipe which ones it has
 * answered; it is killed after a few answers, and started again, several times. */
#define N_KILL_VOTERS 30

static void
kill_host_child (const char *path, gint64 round, const char *mark, int fd)
{
  g_autoptr(JpStore) store = jp_store_open (path, NULL);
  const char *marks[] = { mark, NULL };

  if (store == NULL)
    _exit (2);
  for (guint i = 1; i <= N_KILL_VOTERS; i += 3)
    {
      g_autoptr(GString) answered = g_string_new (NULL);

      if (!jp_store_batch_begin (store, NULL))
        _exit (3);
      for (guint j = i; j < i + 3 && j <= N_KILL_VOTERS; j++)
        {
          g_autofree char *code = g_strdup_printf ("X%03u", j + 3);
          g_autofree char *key = g_strdup_printf ("kill-key-%s", code);

          if (jp_store_submit_ballot (store, round, code, marks, key, NULL, NULL))
            g_string_append_printf (answered, "%s\n", code);
        }
      if (!jp_store_batch_commit (store, NULL))
        _exit (4);
      if (write (fd, answered->str, answered->len) != (gssize) answered->len)
        _exit (5);
    }
  _exit (0);
}

static void
test_killed_host (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jp-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "election.jiangping", NULL);
  g_autoptr(GHashTable) answered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(JpStore) store = test_meeting_store (path, N_KILL_VOTERS, NULL);
  g_autoptr(JpRound) round = NULL;
  g_autoptr(JpTally) tally = NULL;
  g_auto(GStrv) codes = NULL;
  gint64 round_id;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  round_id = jp_store_open_ballot_round (store, "XT", 2, 2, -1, "chair", &error);
  g_assert_no_error (error);
  round = jp_store_get_round (store, round_id, &error);
  codes = jp_round_get_codes (round);
  g_clear_pointer (&round, jp_round_free);
  g_clear_object (&store);

  for (int run = 0; run < 6; run++)
    {
      g_autoptr(GString) buffer = g_string_new (NULL);
      guint seen = 0;
      int fds[2], status;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          kill_host_child (path, round_id, codes[0], fds[1]);
        }
      close (fds[1]);
      /* kill it after a few answers: wherever it is then */
      while (seen < 2 + 3 * (guint) run)
        {
          char chunk[256];
          gssize n = read (fds[0], chunk, sizeof chunk);

          if (n <= 0)
            break;
          g_string_append_len (buffer, chunk, n);
          seen = 0;
          for (const char *c = buffer->str; *c != '\0'; c++)
            seen += *c == '\n';
        }
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      {
        char chunk[256];
        gssize n;

        while ((n = read (fds[0], chunk, sizeof chunk)) > 0)
          g_string_append_len (buffer, chunk, n);
      }
      close (fds[0]);
      {
        g_auto(GStrv) lines = g_strsplit (buffer->str, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          if (*lines[i] != '\0')
            g_hash_table_add (answered, g_strdup (lines[i]));
      }
    }

  /* every answered ballot is there, once, and the file is sound */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpstr (query_text (db, "PRAGMA integrity_check"), ==, "ok");
  g_assert_cmpint (query_int64 (db, "SELECT count (*) FROM ballot"), ==,
                   query_int64 (db, "SELECT count (*) FROM ballot_roster"));
  sqlite3_close (db);
  store = jp_store_open (path, &error);
  g_assert_no_error (error);
  for (guint j = 1; j <= N_KILL_VOTERS; j++)
    {
      g_autofree char *code = g_strdup_printf ("X%03u", j + 3);
      g_autofree char *key = g_strdup_printf ("kill-key-%s", code);
      const char *marks[] = { codes[0], NULL };
      gboolean replayed = FALSE;

      /* the stations resend what they had no answer for, and what they had (the same key) */
      g_assert_true (jp_store_submit_ballot (store, round_id, code, marks, key, &replayed,
                                             &error));
      g_assert_no_error (error);
      if (g_hash_table_contains (answered, code))
        g_assert_true (replayed);
    }
  g_test_message ("%u ballots answered before the kills", g_hash_table_size (answered));
  g_assert_cmpuint (g_hash_table_size (answered), >, 0);
  g_assert_true (jp_store_close_round (store, round_id, "chair", &error));
  g_assert_no_error (error);
  tally = jp_store_get_tally (store, round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tally->cast, ==, N_KILL_VOTERS);
  g_clear_object (&store);
  test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("secrecy/disk-attack", test_disk_attack);
  ADD ("ballot/foreign-key", test_foreign_key);
#undef ADD
  g_test_add_func ("/meeting/secrecy/killed-host", test_killed_host);
  return g_test_run ();
}
