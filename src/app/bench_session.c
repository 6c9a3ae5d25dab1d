/* bench_session.c - the reader itself, measured: app_run on a pty of 80×24 (newterm on the
 * slave side), its real event loop, panes and loader, while a second thread plays the user on
 * the master side: it waits for the index, then types a scripted session (scroll the list,
 * open, page through, scroll line by line, find, filter, related stories) one key at a time,
 * each key sent only after the frame of the one before. The loop reports every frame through
 * an app_probe (key read → doupdate done: the key-to-frame latency; and per key the time from
 * the driver's write, the loop thread's faults, waits and preemptions meanwhile, and the
 * bytes it read from the disk); the master side counts the bytes the terminal receives. less gets the same text on a pty of its own. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "app.h"
#include "qari/xalloc.h"

#define BS_COLS 80
#define BS_ROWS 24
#define BS_TERM "xterm-256color"
#define BS_INDEX_LIMIT 180.0 /* seconds to wait for the index before typing anyway (at load 8
                               * SaudiNewsNet's first index took over 60): the figures of a
                               * half-built index would mislead */
#define BS_KEY_LIMIT 10.0    /* seconds a key may take to give its frame */
#define BS_QUIET_MS 40       /* no output for this long: the terminal has all of it */
#define BS_SCROLL_KEYS 20
#define BS_MAX_TEXTS 64

/* One frame, as the loop saw it (written to a pipe by the loop's thread). */
struct bs_event {
	double key;   /* when the pass read its first key, 0: a frame without a key */
	double frame; /* when doupdate returned */
	double cpu;   /* the loop thread's CPU time from the key to the frame */
	long minflt, majflt, nvcsw, nivcsw; /* the loop thread's, from the key to the frame */
	long long disk; /* bytes the loop thread read from the disk meanwhile, -1 unknown */
	double runq;    /* seconds it waited for a CPU meanwhile, -1 unknown */
	bool loading, indexed;
	bool opened;  /* an article opened in this pass */
	size_t top;   /* the reading pane's first line */
	int text;     /* the open article: index into texts, -1: none */
};

struct bs {
	struct bench_session *out;
	double t0;
	long long r0; /* rchar at the start */
	int master;
	int ev[2];             /* frame events: loop thread → driver */
	atomic_bool stop;      /* the reader ended: the driver gives up waiting */
	/* the loop's thread only */
	size_t last_open;
	struct rusage key_ru; /* the loop thread's at the key */
	long long key_disk;   /* its read_bytes at the key */
	double key_runq;      /* its run-queue wait at the key */
	char *texts[BS_MAX_TEXTS];
	int ntexts;
	/* the driver only */
	struct bs_event last;
	bool got_key_frame;
	char key_label[16]; /* the key sent last, its place in the script, when it was sent */
	int key_step;
	double key_sent;
	unsigned long long key_bytes; /* bytes received when it was sent */
	unsigned long long bytes; /* received from the reader */
};

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bytes this process has read through read(2) so far (/proc/self/io rchar); -1 unknown. */
long long bench_rchar(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	char line[128];
	long long v = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "rchar: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

/* Bytes this thread has read from the disk (/proc/thread-self/io read_bytes); -1 unknown. */
static long long bs_thread_disk(void)
{
	FILE *f = fopen("/proc/thread-self/io", "r");
	char line[128];
	long long v = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "read_bytes: %lld", &v) == 1)
			break;
	fclose(f);
	return v;
}

/* Seconds this thread has waited on a run queue, ready to run (/proc/thread-self/schedstat,
 * its second field, in ns); -1 unknown. */
static double bs_thread_runq(void)
{
	FILE *f = fopen("/proc/thread-self/schedstat", "r");
	unsigned long long run, wait;
	double v = -1;

	if (f == NULL)
		return -1;
	if (fscanf(f, "%llu %llu", &run, &wait) == 2)
		v = (double)wait / 1e9;
	fclose(f);
	return v;
}

/* The probe at a key, before the loop's clocks start: what the thread had used so far. */
static void bs_key_read(struct app *app, void *ctx)
{
	struct bs *s = ctx;
	(void)app;
	s->key_disk = bs_thread_disk();
	getrusage(RUSAGE_THREAD, &s->key_ru);
	s->key_runq = bs_thread_runq(); /* last, nearest the key's clock: a wait for a CPU
					 * during the probe's own reads is not the key's */
}

/* What the loop thread used from the key to now, into e (after the clocks stopped). */
static void bs_key_usage(const struct bs *s, struct bs_event *e)
{
	struct rusage ru;
	double runq = bs_thread_runq(); /* first, nearest the frame's clock */
	long long disk = bs_thread_disk();

	getrusage(RUSAGE_THREAD, &ru);
	e->minflt = ru.ru_minflt - s->key_ru.ru_minflt;
	e->majflt = ru.ru_majflt - s->key_ru.ru_majflt;
	e->nvcsw = ru.ru_nvcsw - s->key_ru.ru_nvcsw;
	e->nivcsw = ru.ru_nivcsw - s->key_ru.ru_nivcsw;
	e->disk = disk >= 0 && s->key_disk >= 0 ? disk - s->key_disk : -1;
	e->runq = runq >= 0 && s->key_runq >= 0 ? runq - s->key_runq : -1;
}

/* An article as less would get it: title, then paragraphs, a blank line between. */
static char *bs_article_text(const struct article *a)
{
	struct strbuf sb = {0};
	strbuf_printf(&sb, "%s\n", a->title);
	for (size_t i = 0; i < a->npara; i++)
		strbuf_printf(&sb, "\n%s\n", a->paras[i]);
	return strbuf_take(&sb);
}

/* The probe: on the loop's thread after each doupdate. */
static void bs_frame(struct app *app, void *ctx)
{
	struct bs *s = ctx;
	struct bench_session *o = s->out;
	struct bs_event e = {.key = app->probe->key_time, .frame = bench_now(),
			     .cpu = app->probe->key_time ? app_thread_cpu() - app->probe->key_cpu : 0,
			     .loading = app->load.loader != NULL, .indexed = app->index_done,
			     .top = app->reader_data.top, .text = s->ntexts - 1,
			     .opened = app->open != s->last_open && app->open != APP_NONE};
	ssize_t k;

	if (e.key > 0)
		bs_key_usage(s, &e);
	if (o->first_screen < 0)
		o->first_screen = e.frame - s->t0;
	if (!e.loading && o->load_done < 0) {
		long long r = bench_rchar();
		o->load_done = e.frame - s->t0;
		o->rchar = s->r0 >= 0 && r >= s->r0 ? r - s->r0 : -1;
	}
	if (e.indexed && o->index_done < 0)
		o->index_done = e.frame - s->t0;
	if (app->open != s->last_open && app->open != APP_NONE && s->ntexts < BS_MAX_TEXTS) {
		s->texts[s->ntexts++] = bs_article_text(app->corpus.items[app->open]);
		e.text = s->ntexts - 1;
	}
	s->last_open = app->open;
	k = write(s->ev[1], &e, sizeof e); /* full: the driver is behind, and loses a tick */
	(void)k;
}

/* Wait up to ms for output or frames; true when something came. */
static bool bs_pump(struct bs *s, int ms)
{
	struct pollfd fds[2] = {{.fd = s->master, .events = POLLIN}, {.fd = s->ev[0], .events = POLLIN}};
	char buf[8192];
	struct bs_event e;
	ssize_t n;
	bool any = false;

	if (poll(fds, 2, ms) <= 0)
		return false;
	while ((n = read(s->master, buf, sizeof buf)) > 0)
		s->bytes += (unsigned long long)n, any = true;
	while (read(s->ev[0], &e, sizeof e) == (ssize_t)sizeof e) {
		s->last = e;
		any = true;
		if (e.key > 0) {
			struct bench_session *o = s->out;
			s->got_key_frame = true;
			if (o->nlatency < BENCH_MAX_LATENCIES) {
				struct bench_key *k = &o->keys[o->nlatency];
				*k = (struct bench_key){.step = s->key_step, .wall = e.frame - e.key,
							.sent = e.frame - s->key_sent,
							.cpu = e.cpu, .minflt = e.minflt,
							.majflt = e.majflt, .nvcsw = e.nvcsw,
							.nivcsw = e.nivcsw, .disk = e.disk,
							.runq = e.runq};
				memcpy(k->label, s->key_label, sizeof k->label);
				o->latency_cpu[o->nlatency] = e.cpu;
				o->latency[o->nlatency++] = e.frame - e.key;
			}
			if (e.opened && o->nopen < BENCH_MAX_LATENCIES)
				o->open_latency[o->nopen++] = e.frame - e.key;
		}
	}
	return any;
}

/* Read until the terminal has been quiet for ms. */
static void bs_quiet(struct bs *s, int ms)
{
	unsigned long long before;
	do {
		before = s->bytes;
		bs_pump(s, ms);
	} while (s->bytes != before && !atomic_load(&s->stop));
}

/* A key's name for the breakdown: control keys as ^X, Esc as ESC, Enter as RET. */
static void bs_key_name(char out[16], const char *key, size_t len)
{
	unsigned char c = (unsigned char)key[0];

	if (len == 1 && c == 0x1b)
		snprintf(out, 16, "ESC");
	else if (len == 1 && c == '\r')
		snprintf(out, 16, "RET");
	else if (len == 1 && c == ' ')
		snprintf(out, 16, "SPC");
	else if (len == 1 && c < 0x20)
		snprintf(out, 16, "^%c", c + '@');
	else
		snprintf(out, 16, "%.*s", (int)(len < 15 ? len : 15), key);
}

/* One key (its bytes), then wait for its frame. False when none came. */
static bool bs_key(struct bs *s, const char *key, size_t len)
{
	double limit = bench_now() + BS_KEY_LIMIT;

	bs_key_name(s->key_label, key, len);
	s->key_step++;
	if (s->out->nlatency > 0) /* the key before's output, its idle passes' too */
		s->out->keys[s->out->nlatency - 1].out = s->bytes - s->key_bytes;
	s->key_bytes = s->bytes;
	s->got_key_frame = false;
	s->key_sent = bench_now();
	if (write(s->master, key, len) != (ssize_t)len)
		return false;
	while (!s->got_key_frame && !atomic_load(&s->stop) && bench_now() < limit)
		bs_pump(s, 50);
	return s->got_key_frame;
}

/* Each character of keys (UTF-8) as one key press. */
static bool bs_type(struct bs *s, const char *keys)
{
	while (*keys) {
		size_t n = 1;
		while (((unsigned char)keys[n] & 0xC0) == 0x80)
			n++;
		if (!bs_key(s, keys, n))
			return false;
		keys += n;
	}
	return true;
}

/* j in the reading pane: the bytes each key sent that moved the text by one line, into
 * *out. At the end of a short article, on to the next one (q, j, Enter) until
 * BS_SCROLL_KEYS lines. */
static bool bs_scroll(struct bs *s, double *out)
{
	unsigned long long bytes = 0, b0;
	size_t lines = 0, top;

	for (int article = 0; lines < BS_SCROLL_KEYS && article < 10; article++) {
		if (article > 0 && !bs_type(s, "qj\r"))
			return false;
		bs_quiet(s, BS_QUIET_MS);
		while (lines < BS_SCROLL_KEYS) {
			top = s->last.top;
			b0 = s->bytes;
			if (!bs_key(s, "j", 1))
				return false;
			bs_quiet(s, BS_QUIET_MS);
			if (s->last.top == top)
				break; /* the end of this article */
			lines++;
			bytes += s->bytes - b0;
		}
	}
	if (lines > 0)
		*out = (double)bytes / (double)lines;
	if (s->last.text >= 0 && s->texts[s->last.text] && s->out->scroll_text == NULL)
		s->out->scroll_text = xstrdup(s->texts[s->last.text]);
	return true;
}

/* The user: wait for the index, then the script. */
static void *bs_drive(void *arg)
{
	struct bs *s = arg;
	bool ok;

	while (!atomic_load(&s->stop) && !s->last.indexed && bench_now() - s->t0 < BS_INDEX_LIMIT)
		bs_pump(s, 100);
	bs_quiet(s, 100);
	ok = s->out->index_only ||
	     (bs_type(s, "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjkkkkkkkkkk  b") &&   /* the list */
	     bs_type(s, "\r        g") &&                                   /* open, page */
	     bs_scroll(s, &s->out->bytes_per_line_beside) &&                /* line by line */
	     bs_type(s, "z") && bs_scroll(s, &s->out->bytes_per_line) &&    /* the same, zoomed */
	     bs_type(s, "z") &&
	     bs_type(s, "/السعودية\rnnnN") && bs_type(s, "\x1bq") &&        /* find */
	     bs_type(s, "/الرياض\r") && bs_type(s, "\r") &&                 /* filter, open */
	     bs_type(s, "\x1bq\x1b") &&                                     /* back, unfilter */
	     bs_type(s, "\rr\r]][\x0fL"));                                  /* related, history */
	if (!ok && !atomic_load(&s->stop))
		fprintf(stderr, "bench: the scripted session stalled (a key gave no frame)\n");
	if (write(s->master, "Q", 1) != 1)
		fprintf(stderr, "bench: cannot end the session: %s\n", strerror(errno));
	return NULL;
}

static int bs_unlink(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* State and config in a temp folder: the session neither reads nor changes the user's. The
 * session's subscriptions, when it has some, go there too. */
static char *bs_private_home(const char *urls)
{
	char *dir = xstrdup("/tmp/qari-bench-home-XXXXXX"), *path;
	FILE *f;
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return NULL;
	}
	setenv("XDG_STATE_HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", dir, 1);
	path = xasprintf("%s/qari", dir);
	if (urls && mkdir(path, 0700) == 0) {
		free(path);
		path = xasprintf("%s/qari/urls", dir);
		if ((f = fopen(path, "w")) != NULL) {
			fputs(urls, f);
			fclose(f);
		}
	}
	free(path);
	return dir;
}

/* The pty: master non-blocking for the driver, slave as the reader's terminal. */
static bool bs_open_pty(int *master, int *slave)
{
	struct winsize ws = {.ws_row = BS_ROWS, .ws_col = BS_COLS};
	if (openpty(master, slave, NULL, NULL, &ws) < 0) {
		fprintf(stderr, "bench: no pty (%s); no session figures\n", strerror(errno));
		return false;
	}
	fcntl(*master, F_SETFL, fcntl(*master, F_GETFL) | O_NONBLOCK);
	fcntl(*master, F_SETFD, FD_CLOEXEC);
	fcntl(*slave, F_SETFD, FD_CLOEXEC);
	return true;
}

bool bench_session_run(struct bench_session *o)
{
	struct bs s = {.out = o, .last_open = APP_NONE, .last = {.text = -1}, .key_step = -1};
	struct app_probe probe = {.frame = bs_frame, .key = bs_key_read, .ctx = &s,
				  .keep = &o->corpus};
	struct app_term term = {.type = BS_TERM};
	struct cli cli = *o->cli;
	pthread_t driver;
	int slave, in_fd;
	char *home;

	o->first_screen = o->load_done = o->index_done = o->bytes_per_line = -1;
	o->bytes_per_line_beside = -1;
	o->rchar = -1;
	corpus_init(&o->corpus);
	if (!bs_open_pty(&s.master, &slave))
		return false;
	if (pipe2(s.ev, O_CLOEXEC | O_NONBLOCK) < 0)
		fatal("cannot create a pipe: %s", strerror(errno));
	in_fd = dup(slave);
	term.out = fdopen(slave, "w");
	term.in = fdopen(in_fd, "r");
	term.in_fd = in_fd;
	if (term.out == NULL || term.in == NULL)
		fatal("fdopen: %s", strerror(errno));
	cli.args = o->paths;
	cli.nargs = o->npaths;
	home = bs_private_home(o->urls);
	unsetenv("LINES"), unsetenv("COLUMNS"); /* the pty's size, not the caller's */
	atomic_init(&s.stop, false);
	s.r0 = bench_rchar();
	s.t0 = bench_now(); /* before the driver starts: it reads t0 */
	if (pthread_create(&driver, NULL, bs_drive, &s) != 0)
		fatal("cannot start a thread");
	app_run(&cli, &term, &probe);
	atomic_store(&s.stop, true);
	pthread_join(driver, NULL);
	fclose(term.out);
	fclose(term.in);
	close(s.master);
	close(s.ev[0]);
	close(s.ev[1]);
	for (int i = 0; i < s.ntexts; i++)
		free(s.texts[i]);
	if (home) {
		nftw(home, bs_unlink, 8, FTW_DEPTH | FTW_PHYS);
		free(home);
	}
	return o->first_screen >= 0;
}

static void bs_key_print(const struct bench_key *k)
{
	fprintf(stderr, "bench: key %3d %-4s %7.3f ms, CPU %6.3f ms, run queue %6.3f ms, "
			"from sent %7.3f ms, faults %ld+%ld, waits %ld, preempted %ld, disk %lld KB, "
			"out %llu B\n",
		k->step, k->label, 1e3 * k->wall, 1e3 * k->cpu, 1e3 * k->runq, 1e3 * k->sent,
		k->minflt, k->majflt, k->nvcsw, k->nivcsw, k->disk >= 0 ? k->disk / 1024 : -1,
		k->out);
}

static int bs_key_cmp(const void *a, const void *b)
{
	const struct bench_key *x = *(const struct bench_key *const *)a;
	const struct bench_key *y = *(const struct bench_key *const *)b;
	return (x->wall < y->wall) - (x->wall > y->wall);
}

void bench_session_keys_print(const struct bench_session *o, size_t max)
{
	const struct bench_key *by[BENCH_MAX_LATENCIES];
	size_t n = o->nlatency;

	if (getenv("QARI_BENCH_KEYS")) {
		for (size_t i = 0; i < n; i++)
			bs_key_print(&o->keys[i]);
		return;
	}
	for (size_t i = 0; i < n; i++)
		by[i] = &o->keys[i];
	qsort(by, n, sizeof *by, bs_key_cmp);
	for (size_t i = 0; i < n && i < max; i++)
		bs_key_print(by[i]);
}

void bench_session_free(struct bench_session *o)
{
	corpus_free(&o->corpus);
	xfree(&o->scroll_text);
}

/* Read from fd until quiet for ms; the bytes read. */
static unsigned long long bs_drain(int fd, int ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	unsigned long long total = 0;
	char buf[8192];
	ssize_t n;

	while (poll(&p, 1, ms) > 0) {
		if ((n = read(fd, buf, sizeof buf)) <= 0)
			break;
		total += (unsigned long long)n;
	}
	return total;
}

/* The text repeated until it fills many screens, so that every j scrolls. */
static bool bs_less_file(const char *text, char path[64])
{
	size_t len = strlen(text), total = 0;
	FILE *f;
	int fd;

	snprintf(path, 64, "/tmp/qari-bench-less-XXXXXX");
	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL)
		return false;
	do {
		fwrite(text, 1, len, f);
		total += len + 1;
	} while (total < 64 * 1024);
	fclose(f);
	return true;
}

double bench_less_bytes_per_line(const char *text)
{
	struct winsize ws = {.ws_row = BS_ROWS, .ws_col = BS_COLS};
	unsigned long long bytes = 0;
	char path[64];
	int master, status;
	pid_t pid;

	if (!bs_less_file(text, path))
		return -1;
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid == 0) {
		setenv("TERM", BS_TERM, 1);
		setenv("LESSHISTFILE", "-", 1);
		unsetenv("LESS"), unsetenv("LESSOPEN"), unsetenv("LINES"), unsetenv("COLUMNS");
		execlp("less", "less", path, (char *)NULL);
		_exit(127);
	}
	if (pid < 0) {
		unlink(path);
		return -1;
	}
	bs_drain(master, 300); /* the first screen */
	for (int i = 0; i < BS_SCROLL_KEYS; i++) {
		if (write(master, "j", 1) != 1)
			break;
		bytes += bs_drain(master, BS_QUIET_MS);
	}
	if (write(master, "q", 1) != 1)
		kill(pid, SIGTERM);
	bs_drain(master, 100);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	close(master);
	unlink(path);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return (double)bytes / BS_SCROLL_KEYS;
}
