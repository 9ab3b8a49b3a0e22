/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parallel.h"
#include "util.h"

struct chunk {
	const char *path;
	off_t start, end;
	int first;               /* the first chunk of its file */
	void *state;
	int failed;              /* an error, or something to tell */
	unsigned long quotes;
};

struct pool {
	const struct kpi_opts *o;
	const struct par_tool *tool;
	struct chunk *c;
	size_t n;
	size_t next;             /* the next chunk to take */
	pthread_mutex_t lock;
};

/* The offset just past the first LF at or after AT, or END. */
static off_t
line_start_after(int fd, off_t at, off_t end)
{
	char buf[65536];

	while (at < end) {
		ssize_t n = pread(fd, buf, sizeof buf, at);
		char *nl;

		if (n <= 0)
			return end;
		if ((nl = memchr(buf, '\n', (size_t)n)) != NULL)
			return at + (nl - buf) + 1;
		at += n;
	}
	return end;
}

/*
** Cut PATH's data into at most N chunks at line starts, appended to
** *C (*NC of them). Returns 0, or -1 when it is not a regular file or the
** header cannot be read (the sequential read will say why).
*/
static int
split_file(const char *path, size_t n, const struct rd_opts *ro,
    struct chunk **c, size_t *nc)
{
	struct rd_opts hro;
	struct reader *r;
	struct stat st;
	off_t data, size, prev;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0 || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return -1;
	/* Only the header is read here: no progress to tell. */
	hro = *ro;
	hro.progress = NULL;
	if ((r = rd_open(path, &hro)) == NULL)
		return -1;
	if (rd_failed(r)) {
		rd_close(r);
		return -1;
	}
	data = rd_data_offset(r);
	rd_close(r);
	size = st.st_size;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	prev = data;
	for (size_t k = 0; k < n && prev < size; k++) {
		off_t end = k + 1 == n ? size : line_start_after(fd,
		    data + (off_t)((double)(size - data) * (double)(k + 1) / (double)n),
		    size);

		if (end <= prev)
			continue;
		*c = xreallocarray(*c, *nc + 1, sizeof **c);
		(*c)[(*nc)++] = (struct chunk){ path, prev, end, prev == data, NULL,
		    0, 0 };
		prev = end;
	}
	close(fd);
	return 0;
}

static void
read_chunk(const struct pool *p, struct chunk *c)
{
	const struct par_tool *t = p->tool;
	struct rd_opts ro = p->o->rd;
	struct strbuf notes = {0};
	struct reader *r;

	/* Nothing a chunk's reader finds is told: a failure reads again. */
	ro.notes = &notes;
	ro.explain = 0;
	c->state = t->start(t->ctx);
	r = rd_open_range(c->path, c->start, c->end, &ro);
	if (r == NULL || rd_failed(r)) {
		c->failed = 1;
		rd_close(r);
		sb_free(&notes);
		return;
	}
	c->failed = rd_each(r, t->bind, t->row, c->state) < 0 ||
	    rd_skipped(r) > 0 || !t->clean(c->state);
	c->quotes = rd_quotes(r);
	rd_close(r);
	sb_free(&notes);
}

static void *
worker(void *arg)
{
	struct pool *p = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			return NULL;
		read_chunk(p, &p->c[i]);
	}
}

size_t
par_read(const struct kpi_opts *o, size_t jobs, const struct par_tool *tool,
    void ***states)
{
	struct pool p = { o, tool, NULL, 0, 0, PTHREAD_MUTEX_INITIALIZER };
	pthread_t *th;
	size_t nth, started = 0;
	unsigned long parity = 0;
	int ok = 1;

	*states = NULL;
	if (jobs < 2)
		return 0;
	for (size_t i = 0; i < o->nfiles; i++)
		if (split_file(o->files[i], jobs, &o->rd, &p.c, &p.n) < 0) {
			free(p.c);
			return 0;
		}
	if (p.n < 2) {
		free(p.c);
		return 0;
	}
	nth = jobs < p.n ? jobs : p.n;
	th = xcalloc(nth, sizeof *th);
	for (size_t i = 0; i < nth; i++)
		if (pthread_create(&th[i], NULL, worker, &p) == 0)
			started++;
	if (started == 0)
		worker(&p);      /* no thread to be had: still correct */
	for (size_t i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
	pthread_mutex_destroy(&p.lock);

	/* A border inside quotes shows as an odd count of quotes before it. */
	for (size_t i = 0; i < p.n; i++) {
		if (p.c[i].first)
			parity = 0;
		if (p.c[i].failed || (parity & 1))
			ok = 0;
		parity += p.c[i].quotes;
	}
	if (!ok) {
		/* The sequential read counts the bytes again. */
		if (o->rd.progress != NULL)
			progress_rewind(o->rd.progress);
		for (size_t i = 0; i < p.n; i++)
			if (p.c[i].state != NULL)
				tool->free(p.c[i].state);
		free(p.c);
		return 0;
	}
	*states = xcalloc(p.n, sizeof **states);
	for (size_t i = 0; i < p.n; i++)
		(*states)[i] = p.c[i].state;
	free(p.c);
	return p.n;
}
