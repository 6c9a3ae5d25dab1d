/* fsutil.h - small file-system helpers for the model: XDG base folders, creating folders,
 * reading a whole file, writing all of a buffer, making a rename durable. No curses. */
#ifndef QARI_FSUTIL_H
#define QARI_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* "$VAR/qari" when VAR holds an absolute path (the XDG spec ignores relative ones), else
 * "$HOME/HOME_REL/qari" (home from the password database when HOME is unset). Caller frees;
 * NULL when no home is known. */
char *fsutil_xdg_dir(const char *var, const char *home_rel);

/* Create path and any missing parents, each new one with mode. False with errno set. */
bool fsutil_mkdirs(const char *path, mode_t mode);

/* Read a whole regular file (at most max bytes), NUL-terminated. NULL with errno set
 * (EFBIG when larger than max, EISDIR for a folder, EINVAL for anything else that is not a
 * regular file: a FIFO or a device is never waited on). */
char *fsutil_read_file(const char *path, size_t max, size_t *len);
/* What a failed fsutil_read_file's errno means, in words ("file too large"). */
const char *fsutil_read_error(int err);

/* write(2) until all n bytes are out (EINTR retried). False with errno set. */
bool fsutil_write_all(int fd, const char *buf, size_t n);

/* Replace path (inside dir) with data atomically: a temp file in dir, fsync, rename, fsync of
 * dir. A reader sees the old file or the new one, never a mix. False with errno set. */
bool fsutil_replace_file(const char *dir, const char *path, const char *data, size_t n);

/* "YYYYmmddTHHMMSSZ" of now, for names of files moved aside. */
void fsutil_timestamp(char out[17]);

#endif
