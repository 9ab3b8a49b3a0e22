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
	void *again;             /* a state to read the chunk again into */
	int reread;              /* it was read again */
	int failed;              /* an error, or a skipped row */
	unsigned long quotes;
	unsigned long lines;     /* line ends read */
};

/* The chunks, and what the threads do to each: read it or settle it. */
struct pool {
	const struct kpi_opts *o;
	const struct par_tool *tool;
	struct chunk *c;
	size_t n;
	void **states;           /* for settle(): the state of each chunk */
	void (*job)(struct pool *p, size_t i);
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
	/* Only the header is read here: no progress to tell, and nothing
	** to explain (see par_explain_columns()). */
	hro = *ro;
	hro.progress = NULL;
	hro.explain = 0;
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
		(*c)[(*nc)++] = (struct chunk){ .path = path, .start = prev,
		    .end = end, .first = prev == data };
		prev = end;
	}
	close(fd);
	return 0;
}

/* Read chunk I into its state; a chunk to read again into c->again. */
static void
read_chunk(struct pool *p, size_t i)
{
	const struct par_tool *t = p->tool;
	struct chunk *c = &p->c[i];
	struct rd_opts ro = p->o->rd;
	struct strbuf notes = {0};
	struct reader *r;
	unsigned long from;

	/* Nothing a chunk's reader finds is told: a failure reads again. */
	ro.notes = &notes;
	ro.explain = 0;
	if (c->again != NULL) {
		t->free(c->state);
		c->state = c->again;
		c->again = NULL;
		c->reread = 1;
		/* Its bytes are counted once, as the input's. */
		ro.progress = NULL;
	} else {
		c->state = t->start(t->ctx);
	}
	r = rd_open_range(c->path, c->start, c->end, &ro);
	if (r == NULL || rd_failed(r)) {
		c->failed = 1;
		rd_close(r);
		sb_free(&notes);
		return;
	}
	from = rd_line(r);
	c->failed = rd_each(r, t->bind, t->row, c->state) < 0 ||
	    rd_skipped(r) > 0;
	c->quotes = rd_quotes(r);
	c->lines = rd_line(r) - from;
	rd_close(r);
	sb_free(&notes);
}

/* Whether chunk I must read again, the chunks before it being read. */
static void
settle_chunk(struct pool *p, size_t i)
{
	if (i > 0)
		p->c[i].again = p->tool->settle(p->tool->ctx, p->states, i);
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
		p->job(p, i);
	}
}

/* Do P->job to every chunk on at most JOBS threads. */
static void
run_pool(struct pool *p, size_t jobs)
{
	size_t nth = jobs < p->n ? jobs : p->n, started = 0;
	pthread_t *th = xcalloc(nth, sizeof *th);

	p->next = 0;
	for (size_t i = 0; i < nth; i++)
		if (pthread_create(&th[i], NULL, worker, p) == 0)
			started++;
	if (started == 0)
		worker(p);       /* no thread to be had: still correct */
	for (size_t i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	free(th);
}

/* NULL when every chunk was read whole and no border fell in quotes; else
** why the input must be read on one thread. */
static const char *
unclean(const struct pool *p)
{
	unsigned long parity = 0;

	/* A chunk that starts inside quotes fails for that reason. */
	for (size_t i = 0; i < p->n; i++) {
		if (p->c[i].first)
			parity = 0;
		if (parity & 1)
			return "a chunk border fell inside a quoted field";
		parity += p->c[i].quotes;
	}
	for (size_t i = 0; i < p->n; i++)
		if (p->c[i].failed)
			return "a chunk met an error or a row to skip";
	return NULL;
}

/* Read again, on threads, the chunks that settle() gave a state to. */
static void
settle(struct pool *p, size_t jobs)
{
	struct pool again = { p->o, p->tool, NULL, 0, NULL, read_chunk, 0,
	    PTHREAD_MUTEX_INITIALIZER };
	size_t *which, n = 0;

	p->states = xcalloc(p->n, sizeof *p->states);
	for (size_t i = 0; i < p->n; i++)
		p->states[i] = p->c[i].state;
	p->job = settle_chunk;
	run_pool(p, jobs);
	free(p->states);
	p->states = NULL;

	/* The chunks to read again, as a pool of their own. */
	which = xcalloc(p->n, sizeof *which);
	for (size_t i = 0; i < p->n; i++)
		if (p->c[i].again != NULL)
			which[n++] = i;
	if (n > 0) {
		again.c = xcalloc(n, sizeof *again.c);
		for (size_t k = 0; k < n; k++)
			again.c[k] = p->c[which[k]];
		again.n = n;
		run_pool(&again, jobs);
		for (size_t k = 0; k < n; k++)
			p->c[which[k]] = again.c[k];
		free(again.c);
	}
	pthread_mutex_destroy(&again.lock);
	free(which);
}

void
par_explain_columns(const struct kpi_opts *o, const struct par_tool *tool)
{
	struct rd_opts ro = o->rd;

	if (!o->explain)
		return;
	ro.progress = NULL;
	for (size_t i = 0; i < o->nfiles; i++) {
		struct reader *r = rd_open(o->files[i], &ro);
		void *state;
		unsigned char *want;

		if (r == NULL)
			continue;
		state = tool->start(tool->ctx);
		want = xcalloc(rd_header(r)->n + 1, 1);
		tool->bind(state, r, want);
		free(want);
		tool->free(state);
		rd_close(r);
	}
}

size_t
par_read(const struct kpi_opts *o, size_t jobs, const struct par_tool *tool,
    void ***states, struct par_report *report)
{
	struct pool p = { o, tool, NULL, 0, NULL, read_chunk, 0,
	    PTHREAD_MUTEX_INITIALIZER };
	unsigned long before = 0;

	*states = NULL;
	*report = (struct par_report){ 0, 0, NULL };
	for (size_t i = 0; i < o->nfiles; i++)
		if (split_file(o->files[i], jobs, &o->rd, &p.c, &p.n) < 0) {
			report->why = "standard input, not a regular file, or no header";
			free(p.c);
			return 0;
		}
	if (jobs < 2 || p.n < 2) {
		report->why = "too little data to cut";
		free(p.c);
		return 0;
	}
	run_pool(&p, jobs);
	if ((report->why = unclean(&p)) == NULL && tool->settle != NULL) {
		settle(&p, jobs);
		for (size_t i = 0; i < p.n; i++)
			report->again += p.c[i].reread;
		report->why = unclean(&p);
	}
	pthread_mutex_destroy(&p.lock);
	if (report->why != NULL) {
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
	for (size_t i = 0; i < p.n; i++) {
		if (p.c[i].first)
			before = 0;
		if (tool->shift != NULL && before > 0)
			tool->shift(p.c[i].state, before);
		before += p.c[i].lines;
		(*states)[i] = p.c[i].state;
	}
	free(p.c);
	report->chunks = p.n;
	return p.n;
}

void
par_explain(const struct kpi_opts *o, const struct par_report *how,
    struct strbuf *notes)
{
	if (!o->explain)
		return;
	if (how->chunks == 0)
		note(notes, "--jobs: read on one thread: %s", how->why);
	else
		note(notes, "--jobs: read in %zu chunks on %lld threads; %zu "
		    "read again for ids a chunk before had first", how->chunks,
		    o->jobs < (long long)how->chunks ? o->jobs :
		    (long long)how->chunks, how->again);
}
