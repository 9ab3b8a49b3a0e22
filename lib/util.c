/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "util.h"

const char *
tool_name(void)
{
	return program_invocation_short_name;
}

static void (*stderr_erase)(void *);
static void *stderr_erase_arg;

void
stderr_hook(void (*erase)(void *arg), void *arg)
{
	stderr_erase = erase;
	stderr_erase_arg = arg;
}

/* Clear stderr's line for a message. */
static void
stderr_clear(void)
{
	if (stderr_erase != NULL)
		stderr_erase(stderr_erase_arg);
}

void
vwarn(const char *fmt, va_list ap)
{
	stderr_clear();
	fprintf(stderr, "%s: ", tool_name());
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

/*
** The one piece of process-wide state in lib/, and it must be: under
** --jobs two threads can fail at once (both out of memory), and exit(3)
** may not run twice concurrently, nor should the user read the message
** twice. The first thread to die prints and exits; any other waits for
** the exit that is under way.
*/
static atomic_flag dying = ATOMIC_FLAG_INIT;

void
vdie(int status, const char *fmt, va_list ap)
{
	if (atomic_flag_test_and_set(&dying))
		for (;;)
			pause();
	vwarn(fmt, ap);
	/* Whatever stdout still buffers is part of a result that failed. */
	__fpurge(stdout);
	exit(status);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdie(status, fmt, ap);
}

static void *
checked(void *p)
{
	if (p == NULL)
		die(EX_OSERR, "out of memory");
	return p;
}

void *
xmalloc(size_t size)
{
	return checked(malloc(size ? size : 1));
}

void *
xcalloc(size_t nmemb, size_t size)
{
	return checked(calloc(nmemb ? nmemb : 1, size ? size : 1));
}

void *
xrealloc(void *p, size_t size)
{
	return checked(realloc(p, size ? size : 1));
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		die(EX_OSERR, "out of memory");
	return xrealloc(p, nmemb * size);
}

char *
xmemdup(const void *s, size_t len)
{
	char *d;

	if (len == SIZE_MAX)
		die(EX_OSERR, "out of memory");
	d = xmalloc(len + 1);
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

void *
big_alloc(size_t size)
{
	char *p, *at;

	if (size < BIG_PAGE)
		return xcalloc(size, 1);
	/* A huge page must start on a multiple of its size: map one more
	 * and give back the ends. */
	p = mmap(NULL, size + BIG_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die(EX_OSERR, "out of memory");
	at = p + (BIG_PAGE - (uintptr_t)p % BIG_PAGE) % BIG_PAGE;
	if (at > p)
		munmap(p, (size_t)(at - p));
	if (at + size < p + size + BIG_PAGE)
		munmap(at + size, (size_t)(p + size + BIG_PAGE - (at + size)));
#ifdef MADV_HUGEPAGE
	(void)madvise(at, size, MADV_HUGEPAGE);  /* a hint: fine if refused */
#endif
	return at;
}

void
big_free(void *p, size_t size)
{
	if (p == NULL)
		return;
	if (size < BIG_PAGE)
		free(p);
	else
		munmap(p, size);
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *
fold_blanks(const char *s, size_t len)
{
	char *d = xmalloc(len + 1);
	size_t o = 0;
	int blank = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			blank = o > 0;
			continue;
		}
		if (blank)
			d[o++] = ' ';
		blank = 0;
		d[o++] = s[i];
	}
	d[o] = '\0';
	return d;
}

char *
escape_text(char *dst, size_t dstsize, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const size_t maxshow = 60;
	size_t i, o = 0;

	for (i = 0; i < len && i < maxshow && o + 5 < dstsize; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;

		switch (c) {
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\0': esc = "\\0"; break;
		case '\\': esc = "\\\\"; break;
		}
		if (esc != NULL) {
			dst[o++] = esc[0];
			dst[o++] = esc[1];
		} else if (c < 0x20 || c == 0x7f) {
			dst[o++] = '\\';
			dst[o++] = 'x';
			dst[o++] = hex[c >> 4];
			dst[o++] = hex[c & 15];
		} else {
			dst[o++] = (char)c;
		}
	}
	if (i < len && o + 4 <= dstsize) {
		memcpy(dst + o, "...", 3);
		o += 3;
	}
	dst[o] = '\0';
	return dst;
}

int
close_stdout(void)
{
	int err = 0;

	if (fflush(stdout) != 0 || ferror(stdout))
		err = errno ? errno : EIO;
	if (fclose(stdout) != 0 && err == 0)
		err = errno;
	if (err != 0) {
		errno = err;
		/* stdout is closed: nothing is left to purge. */
		stderr_clear();
		fprintf(stderr, "%s: write error: %s\n", tool_name(),
		    strerror(err));
		exit(EX_IOERR);
	}
	return 0;
}

static void
sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - sb->len - 1)
		die(EX_OSERR, "out of memory");
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	if (sb->cap == 0)
		sb->cap = 64;
	while (sb->cap < need)
		sb->cap = sb->cap > SIZE_MAX / 2 ? need : sb->cap * 2;
	sb->s = xrealloc(sb->s, sb->cap);
}

void
sb_add(struct strbuf *sb, const void *p, size_t len)
{
	sb_grow(sb, len);
	if (len)
		memcpy(sb->s + sb->len, p, len);
	sb->len += len;
	sb->s[sb->len] = '\0';
}

void
sb_addc(struct strbuf *sb, int c)
{
	char ch = (char)c;

	sb_add(sb, &ch, 1);
}

void
sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void
sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		die(EX_SOFTWARE, "internal error: bad format");
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void
sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->s != NULL)
		sb->s[0] = '\0';
}

void
sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

void
note(struct strbuf *notes, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (notes == NULL) {
		vwarn(fmt, ap);
	} else {
		sb_printf(notes, "%s: ", tool_name());
		sb_vprintf(notes, fmt, ap);
		sb_addc(notes, '\n');
	}
	va_end(ap);
}

void
notes_print(struct strbuf *notes)
{
	if (notes->len > 0) {
		stderr_clear();
		fputs(notes->s, stderr);
	}
	sb_reset(notes);
}

enum { ARENA_BLOCK = 64 * 1024 };

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

/* SIZE bytes from A's current block, the start a multiple of ALIGN. */
static void *
arena_take(struct arena *a, size_t size, size_t align)
{
	struct arena_block *b = a->head;
	size_t start = 0;

	if (b != NULL)
		start = (b->used + align - 1) / align * align;
	if (b == NULL || start > b->size || b->size - start < size) {
		size_t bsize = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		if (bsize > SIZE_MAX - sizeof *b)
			die(EX_OSERR, "out of memory");
		b = xmalloc(sizeof *b + bsize);
		b->used = 0;
		b->size = bsize;
		b->next = a->head;
		a->head = b;
		start = 0;
	}
	b->used = start + size;
	return (char *)b->data + start;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	return arena_take(a, size, sizeof(max_align_t));
}

void *
arena_bytes(struct arena *a, size_t size)
{
	return arena_take(a, size, 1);
}

char *
arena_memdup(struct arena *a, const void *p, size_t len)
{
	char *d;

	if (len == SIZE_MAX)
		die(EX_OSERR, "out of memory");
	d = arena_take(a, len + 1, 1);
	memcpy(d, p, len);
	d[len] = '\0';
	return d;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

/* The N <= 8 bytes at P as a little-endian number (one load on x86). */
static uint64_t
load_le(const char *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)(unsigned char)p[i] << (8 * i);
	return v;
}

uint64_t
hash_bytes(const void *data, size_t len)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	const char *p = data;
	uint64_t h = k ^ (len * 0xff51afd7ed558ccdULL), v;

	/* Little-endian words whatever the machine: a part's checksum, made
	 * on one host, is checked on another. */
	for (; len >= 8; p += 8, len -= 8) {
		v = load_le(p, 8);
		h = (h ^ v) * k;
		h ^= h >> 29;
	}
	v = load_le(p, len);
	h = (h ^ v) * k;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/*
** The process's hash seed: set once, by the first hash_keyed() of any
** thread (pthread_once), and never again. The one mutable global of lib/
** besides the stderr hook, and on purpose: hashes made in one table are
** looked up in others (join.c keeps idset_hash() values, the id sets of
** --jobs chunks are combined), so every table of a process must use the
** same seed, and passing it down to every table would thread a number
** through every tool for nothing.
*/
static uint64_t hash_seed;
static pthread_once_t hash_seed_once = PTHREAD_ONCE_INIT;

static void
hash_seed_init(void)
{
	const char *e = getenv("KPIKIT_HASH_SEED");
	uint64_t v = 0;

	if (e != NULL && *e != '\0') {
		/* Any string: its (unkeyed) hash is the seed. */
		hash_seed = hash_bytes(e, strlen(e));
		return;
	}
	if (getrandom(&v, sizeof v, GRND_NONBLOCK) != (ssize_t)sizeof v) {
		/* No entropy yet (early boot) or no getrandom(): not
		 * secret, but still not known before the run. */
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		v = (uint64_t)ts.tv_nsec ^ (uint64_t)ts.tv_sec << 30 ^
		    (uint64_t)getpid() << 48 ^ (uint64_t)(uintptr_t)&v;
	}
	hash_seed = v;
}

uint64_t
hash_keyed(const void *data, size_t len)
{
	pthread_once(&hash_seed_once, hash_seed_init);
	return XXH3_64bits_withSeed(data, len, hash_seed);
}

void
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", tool_name());
	exit(EX_USAGE);
}
