/* fsutil.c - XDG folders, mkdir -p, whole-file reads and full writes for state and config. */
#include "qari/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "qari/xalloc.h"

char *fsutil_xdg_dir(const char *var, const char *home_rel)
{
	const char *base = getenv(var);
	const char *home;
	struct passwd *pw;

	if (base && base[0] == '/')
		return xasprintf("%s/qari", base);
	home = getenv("HOME");
	if ((home == NULL || home[0] != '/') && (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	if (home == NULL || home[0] != '/')
		return NULL;
	return xasprintf("%s/%s/qari", home, home_rel);
}

bool fsutil_mkdirs(const char *path, mode_t mode)
{
	char *p = xstrdup(path);
	struct stat st;
	bool ok = true;

	/* walk every prefix ending before a slash, then the whole path */
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, mode) < 0 && errno != EEXIST)
			ok = false;
		else if (stat(p, &st) < 0)
			ok = false;
		else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			ok = false;
		}
		*s = c;
		if (!ok || c == '\0')
			break;
	}
	int e = errno;
	free(p);
	errno = e;
	return ok;
}

char *fsutil_read_file(const char *path, size_t max, size_t *len)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	/* O_NONBLOCK: a FIFO in a file's place must not hang the open (regular files ignore it) */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		close(fd);
		errno = e;
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t k = read(fd, buf + got, (size_t)st.st_size - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			int e = errno;
			free(buf);
			close(fd);
			errno = e;
			return NULL;
		}
		if (k == 0)
			break; /* the file shrank while we read it: take what is there */
		got += (size_t)k;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

const char *fsutil_read_error(int err)
{
	return err == EFBIG ? "file too large" : err == EINVAL ? "not a regular file" : strerror(err);
}

bool fsutil_write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, buf, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return false;
		buf += k;
		n -= (size_t)k;
	}
	return true;
}

void fsutil_timestamp(char out[17])
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

bool fsutil_replace_file(const char *dir, const char *path, const char *data, size_t n)
{
	char *tmp = xasprintf("%s/.tmp.XXXXXX", dir);
	int fd = mkostemp(tmp, O_CLOEXEC), err = 0, dfd;

	if (fd < 0)
		err = errno;
	else if (!fsutil_write_all(fd, data, n) || fsync(fd) < 0)
		err = errno;
	if (fd >= 0 && close(fd) < 0 && err == 0)
		err = errno;
	if (err == 0 && rename(tmp, path) < 0)
		err = errno;
	if (err == 0 && (dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		if (fsync(dfd) < 0 && errno != EINVAL)
			err = errno;
		close(dfd);
	}
	if (err && fd >= 0)
		unlink(tmp);
	free(tmp);
	errno = err;
	return err == 0;
}
