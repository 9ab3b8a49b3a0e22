/* See LICENSE file for copyright and license details. */
/*
** failalloc.so: make the Nth allocation of a process fail, for the
** out-of-memory tests (tests/oom.test). LD_PRELOAD it and set
** KPIKIT_FAIL_ALLOC=N: the Nth call of malloc, calloc or realloc (counted
** from 1, the C library's own calls included) returns NULL with ENOMEM;
** every other call goes to the C library. Not for use with sanitizers,
** which have their own allocator.
*/
#include <errno.h>
#include <stdlib.h>

void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);

static unsigned long calls, fail_at;
static int ready;

static int
should_fail(void)
{
	if (!ready) {
		const char *n = getenv("KPIKIT_FAIL_ALLOC");

		ready = 1;
		fail_at = n != NULL ? strtoul(n, NULL, 10) : 0;
	}
	if (++calls == fail_at) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t size)
{
	return should_fail() ? NULL : __libc_malloc(size);
}

void *
calloc(size_t nmemb, size_t size)
{
	return should_fail() ? NULL : __libc_calloc(nmemb, size);
}

void *
realloc(void *p, size_t size)
{
	return should_fail() ? NULL : __libc_realloc(p, size);
}
