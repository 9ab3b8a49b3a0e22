/* See LICENSE file for copyright and license details. */
/*
** diskfull.so: a full disk for one file, for the write-failure tests of
** the scripts (tests/kpi-report.test, tests/kpi-plot.test), which cannot
** mount a small tmpfs unprivileged. LD_PRELOAD it and set
** KPIKIT_DISKFULL=TEXT: every open for writing (open, openat, creat,
** fopen, freopen and their 64-bit names) of a path that contains TEXT
** is done (so that a file is created, empty, as a full disk still
** creates one), closed, and /dev/full opened instead: the open succeeds
** and every write fails with ENOSPC, as on a full disk. Other opens go to the C
** library unchanged. It reaches what a program opens through these
** calls: the shell's redirections (dash, bash), mktemp, awk's and
** gnuplot's output files; not what the C library opens internally.
**
** The preload is inherited by every child process, so a whole script run
** is under it; a path is matched as given to the call, relative or not.
*/
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether an open of PATH with FLAGS is to get /dev/full: for writing,
** and PATH contains $KPIKIT_DISKFULL (unset or empty: never). */
static int
full(const char *path, int flags)
{
	const char *t = getenv("KPIKIT_DISKFULL");

	return t != NULL && *t != '\0' && path != NULL &&
	    (flags & O_ACCMODE) != O_RDONLY && strstr(path, t) != NULL;
}

/* The same for an fopen() MODE: any mode but "r" without "+" writes. */
static int
full_mode(const char *path, const char *mode)
{
	int w = mode != NULL && (mode[0] != 'r' || strchr(mode, '+') != NULL);

	return w && full(path, O_WRONLY);
}

/* /dev/full keeps the access mode; creating, truncating or requiring a
** new file mean nothing for it. */
static int
devflags(int flags)
{
	return flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_DIRECTORY | O_NOFOLLOW);
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

/* The file FD opened (created, truncated) as asked, closed; /dev/full
** in its place. A failed open stays a failure. */
static int
reopen(int fd, int flags)
{
	if (fd < 0)
		return fd;
	close(fd);
	return NEXT(open)("/dev/full", devflags(flags));
}

/* The same for a stream. */
static FILE *
refopen(FILE *f)
{
	if (f == NULL)
		return f;
	fclose(f);
	return NEXT(fopen)("/dev/full", "w");
}

static mode_t
mode_arg(int flags, va_list ap)
{
	return (flags & O_CREAT) != 0 ? va_arg(ap, mode_t) : 0;
}

int
open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	if (full(path, flags))
		return reopen(NEXT(open)(path, flags, m), flags);
	return NEXT(open)(path, flags, m);
}

int
open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	if (full(path, flags))
		return reopen(NEXT(open64)(path, flags, m), flags);
	return NEXT(open64)(path, flags, m);
}

int
openat(int dir, const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	if (full(path, flags))
		return reopen(NEXT(openat)(dir, path, flags, m), flags);
	return NEXT(openat)(dir, path, flags, m);
}

int
openat64(int dir, const char *path, int flags, ...)
{
	va_list ap;
	mode_t m;

	va_start(ap, flags);
	m = mode_arg(flags, ap);
	va_end(ap);
	if (full(path, flags))
		return reopen(NEXT(openat64)(dir, path, flags, m), flags);
	return NEXT(openat64)(dir, path, flags, m);
}

int
creat(const char *path, mode_t m)
{
	if (full(path, O_WRONLY))
		return reopen(NEXT(creat)(path, m), O_WRONLY);
	return NEXT(creat)(path, m);
}

int
creat64(const char *path, mode_t m)
{
	if (full(path, O_WRONLY))
		return reopen(NEXT(creat64)(path, m), O_WRONLY);
	return NEXT(creat64)(path, m);
}

FILE *
fopen(const char *path, const char *mode)
{
	if (full_mode(path, mode))
		return refopen(NEXT(fopen)(path, mode));
	return NEXT(fopen)(path, mode);
}

FILE *
fopen64(const char *path, const char *mode)
{
	if (full_mode(path, mode))
		return refopen(NEXT(fopen64)(path, mode));
	return NEXT(fopen64)(path, mode);
}

FILE *
freopen(const char *path, const char *mode, FILE *f)
{
	if (full_mode(path, mode))
		return NEXT(freopen)("/dev/full", "w", f);
	return NEXT(freopen)(path, mode, f);
}

FILE *
freopen64(const char *path, const char *mode, FILE *f)
{
	if (full_mode(path, mode))
		return NEXT(freopen64)("/dev/full", "w", f);
	return NEXT(freopen64)(path, mode, f);
}
