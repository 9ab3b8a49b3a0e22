/* See LICENSE file for copyright and license details. */
/*
** failalloc.so: make the Nth allocation of a process fail, for the
** out-of-memory tests (tests/oom.test). LD_PRELOAD it and set
** KPIKIT_FAIL_ALLOC=N: the Nth call of malloc, calloc or realloc (counted
** from 1, the C library's own calls included) returns NULL with ENOMEM;
** every other call goes to the C library; with KPIKIT_FAIL_ALLOC_FROM=N
** as well, the Nth and every later call fails (memory that has run out,
** for every thread at once). With KPIKIT_ALLOC_REPORT=FILE
** it writes the number of calls it saw into FILE when the process exits
** (so that a test knows how many allocations there are to fail).
**
** Only the program's own run counts: from the moment main() returns or
** exit() is called, allocations neither count nor fail, for what runs
** after that is not the tool's (gcov writing its counters, in a coverage
** build, cannot cope with a failed allocation). Not for use with
** sanitizers, which have their own allocator.
*/
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);

static unsigned long calls, fail_at;
static int fail_from;
static int ready, exiting;

static int
should_fail(void)
{
	if (exiting)
		return 0;
	if (!ready) {
		const char *n = getenv("KPIKIT_FAIL_ALLOC");

		ready = 1;
		fail_at = n != NULL ? strtoul(n, NULL, 10) : 0;
		fail_from = getenv("KPIKIT_FAIL_ALLOC_FROM") != NULL;
	}
	if (++calls == fail_at || (fail_from && fail_at > 0 &&
	    calls > fail_at)) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

/* main() returning: wrap it, through the C library's start routine. */
typedef int main_fn(int, char **, char **);
static main_fn *real_main;

static int
wrapped_main(int argc, char **argv, char **envp)
{
	int status = real_main(argc, argv, envp);

	exiting = 1;
	return status;
}

int
__libc_start_main(main_fn *main, int argc, char **argv, void (*init)(void),
    void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
	int (*real)(main_fn *, int, char **, void (*)(void), void (*)(void),
	    void (*)(void), void *);

	*(void **)&real = dlsym(RTLD_NEXT, "__libc_start_main");
	real_main = main;
	return real(wrapped_main, argc, argv, init, fini, rtld_fini, stack_end);
}

void
exit(int status)
{
	void (*real)(int) __attribute__((noreturn));

	exiting = 1;
	*(void **)&real = dlsym(RTLD_NEXT, "exit");
	real(status);
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

/* At exit: the number of calls, into $KPIKIT_ALLOC_REPORT (no allocation). */
__attribute__((destructor)) static void
report(void)
{
	const char *path = getenv("KPIKIT_ALLOC_REPORT");
	char buf[32];
	int fd, n;

	if (path == NULL || (fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		return;
	n = snprintf(buf, sizeof buf, "%lu\n", calls);
	if (n > 0 && write(fd, buf, (size_t)n) != n)
		n = -1;
	close(fd);
}
