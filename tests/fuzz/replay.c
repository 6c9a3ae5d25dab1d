/* replay.c - a fuzz target without libFuzzer: runs it once on each file named, or on each
 * file in each folder named. Kept crashes (regress/NAME/) and seeds become plain tests. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "qari/xalloc.h"

static size_t replay_count;

static void replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = {0};
	char buf[65536];
	size_t k;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	while ((k = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_append(&sb, buf, k);
	fclose(f);
	/* an exact-size copy, so ASan sees any read past the input's end */
	char *data = xmalloc(sb.len ? sb.len : 1);
	memcpy(data, sb.data ? sb.data : "", sb.len);
	fuzz_current_input = path;
	LLVMFuzzerTestOneInput((const uint8_t *)data, sb.len);
	fuzz_current_input = NULL;
	free(data);
	strbuf_free(&sb);
	replay_count++;
}

static void replay_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (d == NULL) {
		perror(path);
		exit(1);
	}
	while ((e = readdir(d)) != NULL) {
		char *child;
		struct stat st;
		if (e->d_name[0] == '.')
			continue;
		child = xasprintf("%s/%s", path, e->d_name);
		if (stat(child, &st) == 0 && S_ISREG(st.st_mode))
			replay_file(child);
		free(child);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0)
			continue; /* a target may have no kept crashes yet */
		if (S_ISDIR(st.st_mode))
			replay_dir(argv[i]);
		else
			replay_file(argv[i]);
	}
	printf("%zu inputs replayed, all invariants held\n", replay_count);
	return 0;
}
