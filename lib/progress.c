/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "util.h"

#define NS_PER_MS 1000000LL

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 * NS_PER_MS + ts.tv_nsec;
}

/* X with three significant digits and a suffix of SUFFIX[]: 950, 41.2k. */
static void
human(char *buf, size_t size, double x, const char *const *suffix,
    const char *sep)
{
	int u = 0;

	while (x >= 999.5 && suffix[u + 1] != NULL) {
		x /= 1000;
		u++;
	}
	if (u == 0)
		snprintf(buf, size, "%.0f%s%s", x, sep, suffix[0]);
	else
		snprintf(buf, size, "%.*f%s%s", x < 9.995 ? 2 : x < 99.95 ? 1 : 0,
		    x, sep, suffix[u]);
}

static void
bytes_text(char *buf, size_t size, double b)
{
	static const char *const unit[] = { "B", "kB", "MB", "GB", "TB", "PB",
	    NULL };

	human(buf, size, b, unit, " ");
}

static void
count_text(char *buf, size_t size, double n)
{
	static const char *const unit[] = { "", "k", "M", "G", "T", NULL };

	human(buf, size, n, unit, "");
}

static void
time_text(char *buf, size_t size, double s)
{
	if (s < 99.5)
		snprintf(buf, size, "%.0f s", s < 1 ? 1 : s);   /* not "0 s" */
	else if (s < 99.5 * 60)
		snprintf(buf, size, "%.0f min", s / 60);
	else
		snprintf(buf, size, "%.1f h", s / 3600);
}

/* Write N bytes at S on stderr, or nothing (a progress line is no reason
** to fail). */
static void
put(const char *s, size_t n)
{
	fwrite(s, 1, n, stderr);
	fflush(stderr);
}

/* Take the line off the screen. Under p->lock. */
static void
erase_locked(struct progress *p)
{
	char buf[512];
	size_t n;

	if (p->shown == 0)
		return;
	n = p->shown < sizeof buf - 2 ? p->shown : sizeof buf - 2;
	buf[0] = '\r';
	memset(buf + 1, ' ', n);
	buf[n + 1] = '\r';
	put(buf, n + 2);
	p->shown = 0;
}

/* The stderr hook (util.h): a message is about to be written. */
static void
erase_hook(void *arg)
{
	struct progress *p = arg;

	pthread_mutex_lock(&p->lock);
	erase_locked(p);
	pthread_mutex_unlock(&p->lock);
}

/* Draw the line for time NOW. Under p->lock. */
static void
draw_locked(struct progress *p, int64_t now)
{
	uint64_t bytes = atomic_load_explicit(&p->bytes, memory_order_relaxed);
	uint64_t rows = atomic_load_explicit(&p->rows, memory_order_relaxed);
	double secs = (double)(now - p->t0) / 1e9;
	double rate = secs > 0 ? (double)bytes / secs : 0;
	char line[512], b[32], t[32], r[32], s[32], left[32], eta[48] = "";
	size_t len, n;

	bytes_text(b, sizeof b, (double)bytes);
	count_text(r, sizeof r, (double)rows);
	bytes_text(s, sizeof s, rate);
	line[0] = '\r';
	if (p->total >= 0 && bytes <= (uint64_t)p->total) {
		bytes_text(t, sizeof t, (double)p->total);
		if (rate > 0 && bytes < (uint64_t)p->total) {
			time_text(left, sizeof left,
			    (double)((uint64_t)p->total - bytes) / rate);
			snprintf(eta, sizeof eta, ", %s left", left);
		}
		snprintf(line + 1, sizeof line - 1, "%s: %s of %s (%d%%), %s rows, "
		    "%s/s%s", tool_name(), b, t, p->total > 0 ?
		    (int)((double)bytes * 100 / (double)p->total) : 100, r, s, eta);
	} else {
		/* A pipe; or more read than the operands held when they were
		 * measured: a file still growing, or an input progress_expect()
		 * was not told of (clv --params). */
		snprintf(line + 1, sizeof line - 1, "%s: %s, %s rows, %s/s",
		    tool_name(), b, r, s);
	}
	len = strlen(line + 1);
	/* A line as wide as the terminal would wrap, and '\r' go back only
	 * to the start of its last row. */
	if (p->width > 1 && len > (size_t)p->width - 1)
		len = (size_t)p->width - 1;
	n = len;
	/* Blank what is left of a longer line before. */
	while (n < p->shown && n + 1 < sizeof line - 1)
		line[1 + n++] = ' ';
	put(line, n + 1);
	p->shown = len;
}

/* Milliseconds from the environment variable NAME, or DEFAULT. */
static int64_t
env_ms(const char *name, int64_t def)
{
	const char *s = getenv(name);
	char *end;
	long long ms;

	if (s == NULL || *s == '\0')
		return def;
	errno = 0;
	ms = strtoll(s, &end, 10);
	return *end != '\0' || errno != 0 || ms < 0 || ms > 86400000 ? def : ms;
}

int
progress_init(struct progress *p, enum progress_mode mode)
{
	struct winsize ws;

	memset(p, 0, sizeof *p);
	pthread_mutex_init(&p->lock, NULL);
	p->tty = isatty(2);
	p->on = mode == PROGRESS_ON || (mode == PROGRESS_AUTO && p->tty);
	if (!p->on)
		return 0;
	if (p->tty && ioctl(2, TIOCGWINSZ, &ws) == 0)
		p->width = ws.ws_col;
	p->every = env_ms("KPIKIT_PROGRESS_EVERY_MS", PROGRESS_EVERY_MS) *
	    NS_PER_MS;
	p->t0 = now_ns();
	atomic_init(&p->bytes, 0);
	atomic_init(&p->rows, 0);
	atomic_init(&p->next, p->t0 +
	    env_ms("KPIKIT_PROGRESS_AFTER_MS", PROGRESS_AFTER_MS) * NS_PER_MS);
	stderr_hook(erase_hook, p);
	return 1;
}

void
progress_expect(struct progress *p, const char *path)
{
	struct stat st;
	off_t at = 0;
	int ok;

	if (!p->on || p->total < 0)
		return;
	if (path == NULL || strcmp(path, "-") == 0) {
		ok = fstat(0, &st) == 0 && S_ISREG(st.st_mode) &&
		    (at = lseek(0, 0, SEEK_CUR)) >= 0;
	} else {
		ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	}
	if (!ok)
		p->total = -1;
	else if (st.st_size > at)
		p->total += st.st_size - at;
}

void
progress_add(struct progress *p, uint64_t bytes, uint64_t rows)
{
	int64_t now;

	if (!p->on)
		return;
	atomic_fetch_add_explicit(&p->bytes, bytes, memory_order_relaxed);
	atomic_fetch_add_explicit(&p->rows, rows, memory_order_relaxed);
	now = now_ns();
	if (now < atomic_load_explicit(&p->next, memory_order_relaxed) ||
	    pthread_mutex_trylock(&p->lock) != 0)
		return;
	/* Another thread may have drawn since the look above. */
	if (!p->done && now >= atomic_load_explicit(&p->next,
	    memory_order_relaxed)) {
		draw_locked(p, now);
		atomic_store_explicit(&p->next, now + p->every,
		    memory_order_relaxed);
	}
	pthread_mutex_unlock(&p->lock);
}

void
progress_rewind(struct progress *p)
{
	if (!p->on)
		return;
	atomic_store(&p->bytes, 0);
	atomic_store(&p->rows, 0);
	/* The rate is that of the read now starting. */
	p->t0 = now_ns();
}

void
progress_done(struct progress *p)
{
	if (!p->on)
		return;
	pthread_mutex_lock(&p->lock);
	erase_locked(p);
	p->done = 1;
	atomic_store(&p->next, INT64_MAX);
	pthread_mutex_unlock(&p->lock);
}

void
progress_free(struct progress *p)
{
	if (p->on) {
		progress_done(p);
		stderr_hook(NULL, NULL);
	}
	pthread_mutex_destroy(&p->lock);
}
