/* state.h - what the user did: read marks, bookmarks, reading positions, the last article.
 *
 * Kept per article id (ARTICLE_ID_LEN hex digits) in $XDG_STATE_HOME/qari/ (default
 * ~/.local/state/qari/, created 0700). Files in that folder:
 *
 *   state           the snapshot: "qari-state 1", then one entry per line:
 *                       last ID         the article open when qari last stopped
 *                       read ID         the article has been read
 *                       bookmark ID     the article is bookmarked
 *                       pos ID LINE     reading position (first visible line, > 0)
 *                   Written whole, atomically: temp file in the folder, fsync, rename, fsync
 *                   of the folder.
 *   state.journal   changes since the snapshot: "qari-journal 1", then the same lines plus
 *                   "unread ID", "unbookmark ID" and "pos ID 0" (position cleared). Every change
 *                   is one appended line and an fdatasync. Each line sets a value (none
 *                   toggles), so replaying a journal over a snapshot that already holds it is
 *                   harmless: that makes "snapshot renamed, journal not yet emptied" safe.
 *                   Folded into the snapshot (compaction) at open, at close and every
 *                   few thousand changes.
 *   lock            flock(2)ed while a qari writes here: a second qari reads the state but
 *                   keeps its changes in memory (with a warning), so two never undo each other.
 *   state.tmp.*     a compaction in progress; one left by a crash is removed at open.
 *   *.corrupt-TIME  a snapshot or journal that did not parse, moved aside (never deleted).
 *
 * Acknowledged means a setter returned true: the change is on disk (fdatasync done) and
 * survives kill -9 or a power cut at any later moment (with state_defer_sync: kill -9 at
 * once, a power cut from the next state_sync on). Setters that change nothing do no I/O.
 *
 * Never fatal: a state folder that cannot be created or written (read-only home), a second
 * qari, or a failed write switches to memory only (a failed write until a write succeeds
 * again); a snapshot or journal with a bad header or garbage lines, a snapshot cut mid-line,
 * a file over 512 MB or one that is not a regular file (a FIFO) is moved aside (the good
 * lines are still used). Each such event queues a
 * one-line message (state_take_message); nothing is printed.
 *
 * Versions: a file whose header names a newer version (e.g. "qari-state 2") is read for the
 * lines this version knows, the others are ignored, and nothing is written (memory only, with
 * a warning), so a newer qari's data is never overwritten or moved aside by an older one. In
 * a version 1 file every line is known, so anything else is garbage. */
#ifndef QARI_STATE_H
#define QARI_STATE_H

#include <stdbool.h>
#include <stddef.h>

struct state;

/* Open the state in $XDG_STATE_HOME/qari (default ~/.local/state/qari). Never NULL. */
struct state *state_open(void);
/* Open the state kept in dir (created 0700 when missing). Never NULL. */
struct state *state_open_dir(const char *dir);
/* Fold the journal into the snapshot when it holds anything, release the lock and free.
 * False when changes were held after a failed write and a last try could not save them
 * either (what state_problem said is then lost: the caller tells the user). */
bool state_close(struct state *st);

/* The next queued warning ("PATH: what happened; consequence"), oldest first; caller frees.
 * NULL when there is none. Call after state_open and after a setter returns false. */
char *state_take_message(struct state *st);
/* True while changes reach the disk; false once memory only, or while writes fail. */
bool state_persistent(const struct state *st);
/* Why changes are not saved, in a few words for the status line to keep showing ("NOT
 * SAVED: No space left on device", "read-only: another qari has the state"); NULL while
 * they are. After a failed write (a full disk) the next change writes everything again, at
 * most once a second, and state_close tries once more: a success ends the problem. */
const char *state_problem(const struct state *st);
/* The folder in use (NULL when none could be found). */
const char *state_dir(const struct state *st);

/* Getters: ids that are not 12 hex digits read as never seen. */
bool state_is_read(const struct state *st, const char *id);
bool state_is_bookmarked(const struct state *st, const char *id);
long state_pos(const struct state *st, const char *id); /* 0: none */
/* The last article (12 hex digits, static to st), or NULL. */
const char *state_last(const struct state *st);

/* Setters: true when the new value is durable on disk (acknowledged), false when it is held
 * in memory only (a message says why the first time; an id that is not 12 hex digits is
 * refused with a message). */
bool state_set_read(struct state *st, const char *id, bool read);
bool state_set_bookmark(struct state *st, const char *id, bool bookmark);
bool state_set_pos(struct state *st, const char *id, long line); /* line ≤ 0 clears */
bool state_set_last(struct state *st, const char *id);

/* Articles with any state (read, bookmarked or a position). */
size_t state_count(const struct state *st);

/* Deferred sync (the reader's choice): setters write their journal line at once, so it
 * survives the process being killed, but leave the fdatasync to state_sync, which the reader
 * calls once a frame is on screen: the disk's wait (0.2 ms to several on a busy disk, twice
 * per article opened) is not part of a key's latency. A setter's true then means written,
 * and durable against a power cut from the next state_sync on. Turning it off syncs. */
void state_defer_sync(struct state *st, bool on);
/* Make written changes durable: fdatasync the journal if anything is pending. False (memory
 * only, with a message) when that fails. */
bool state_sync(struct state *st);

/* Rewrite the snapshot now and empty the journal. False (memory only, with a message) when
 * that fails. Setters call it on their own; the UI need not. */
bool state_compact(struct state *st);
/* Journal lines after which a setter compacts (default STATE_COMPACT_EVERY): tests. */
#define STATE_COMPACT_EVERY 4096
void state_set_compact_every(struct state *st, size_t lines);

#endif
