/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/util.c: escape_text()'s forms, the string buffer, the
** notes, the arena, and the paths that end the process (die(), an
** allocation beyond the address space, close_stdout() on a full disk),
** each run in a child whose exit status and stderr are checked.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../lib/util.h"
#include "check.h"

static void
escapes(const char *name, const char *s, size_t len, const char *want)
{
	char buf[ESCAPED_MAX];

	check_str(name, escape_text(buf, sizeof buf, s, len), want);
}

/*
** Run F in a child with stderr to a pipe; check its exit status and
** stderr (the test's own name is "test_util", as tool_name() says).
*/
static void
dies(const char *name, void (*f)(void), int want_status, const char *want_err)
{
	char err[512], label[128];
	int fd[2], status;
	ssize_t n, got = 0;
	pid_t pid;

	fflush(stdout);    /* or the child prints this test's lines again */
	if (pipe(fd) != 0 || (pid = fork()) < 0) {
		check_result(0, name, "pipe or fork failed");
		return;
	}
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		f();
		_exit(0);
	}
	close(fd[1]);
	while ((n = read(fd[0], err + got, sizeof err - 1 - (size_t)got)) > 0)
		got += n;
	err[got] = '\0';
	close(fd[0]);
	waitpid(pid, &status, 0);
	snprintf(label, sizeof label, "%s: exit status", name);
	check_int(label, WIFEXITED(status) ? WEXITSTATUS(status) : -1, want_status);
	snprintf(label, sizeof label, "%s: message", name);
	check_str(label, err, want_err);
}

static struct strbuf *saved_notes;

static void
print_notes(void)
{
	notes_print(saved_notes);
}

static void
die_data(void)
{
	die(EX_DATAERR, "bad %s at line %d", "thing", 3);
}

static void
huge_array(void)
{
	xreallocarray(NULL, SIZE_MAX / 2, 4);
}

static void
huge_dup(void)
{
	xmemdup("", SIZE_MAX);
}

static void
huge_strbuf(void)
{
	struct strbuf sb = {0};

	sb_add(&sb, "x", 1);
	sb_add(&sb, "", SIZE_MAX - 1);
}

static void
huge_arena(void)
{
	struct arena a = {0};

	arena_alloc(&a, SIZE_MAX - 8);
}

static void
full_disk(void)
{
	if (freopen("/dev/full", "w", stdout) == NULL)
		_exit(99);
	fputs("a result", stdout);
	close_stdout();
}

static void
purged(void)
{
	/* A failing tool leaves nothing it buffered on stdout. */
	if (freopen("/dev/null", "w", stdout) == NULL)
		_exit(99);
	setvbuf(stdout, NULL, _IOFBF, 4096);
	fputs("partial", stdout);
	die(EX_OSERR, "out of memory");
}

int
main(void)
{
	struct strbuf sb = {0}, notes = {0};
	struct arena a = {0};
	char buf[ESCAPED_MAX], small[8];
	char *p, *q;

	check_str("tool_name", tool_name(), "test_util");

	escapes("escape plain", "abc", 3, "abc");
	escapes("escape controls", "a\nb\rc\td\\e", 9, "a\\nb\\rc\\td\\\\e");
	escapes("escape NUL", "a\0b", 3, "a\\0b");
	escapes("escape other control bytes", "\x01\x1f\x7f", 3, "\\x01\\x1f\\x7f");
	escapes("escape keeps UTF-8", "caf\xc3\xa9", 5, "caf\xc3\xa9");
	escapes("escape cuts at 60 bytes",
	    "0123456789012345678901234567890123456789012345678901234567890123", 64,
	    "012345678901234567890123456789012345678901234567890123456789...");
	escapes("escape of exactly 60 bytes is whole",
	    "012345678901234567890123456789012345678901234567890123456789", 60,
	    "012345678901234567890123456789012345678901234567890123456789");
	/* A small buffer: whole escapes only, the rest cut, always terminated. */
	check_str("escape into 8 bytes", escape_text(small, sizeof small,
	    "abcdefgh", 8), "abc...");
	check_str("escape into 8 bytes, no half escape", escape_text(small,
	    sizeof small, "\n\n\n\n", 4), "\\n\\n...");
	check_str("escape empty", escape_text(buf, sizeof buf, "", 0), "");
	p = fold_blanks(" \tClosed  \t Won \t", 15);
	check_str("fold_blanks: runs one space, ends trimmed", p, "Closed Won");
	free(p);
	p = fold_blanks("a b\0c", 3);
	check_str("fold_blanks: only LEN bytes", p, "a b");
	free(p);
	p = fold_blanks(" \t ", 3);
	check_str("fold_blanks: all blank is empty", p, "");
	free(p);

	sb_reset(&sb);    /* of an empty buffer: nothing to do */
	CHECK("sb_reset of an empty buffer", sb.s == NULL && sb.len == 0);
	sb_adds(&sb, "ab");
	sb_addc(&sb, 'c');
	sb_add(&sb, "d\0e", 3);
	sb_printf(&sb, "%d-%s", 42, "x");
	check_int("strbuf length", (long long)sb.len, 10);
	CHECK("strbuf holds a NUL", memcmp(sb.s, "abcd\0e42-x", 10) == 0 &&
	    sb.s[10] == '\0');
	for (int i = 0; i < 1000; i++)
		sb_adds(&sb, "0123456789");
	check_int("strbuf grows", (long long)sb.len, 10010);
	sb_reset(&sb);
	check_str("sb_reset empties", sb.s, "");
	sb_free(&sb);
	CHECK("sb_free", sb.s == NULL && sb.cap == 0);

	note(&notes, "first %s", "note");
	note(&notes, "second");
	check_str("notes collect", notes.s,
	    "test_util: first note\ntest_util: second\n");
	saved_notes = &notes;
	dies("notes_print", print_notes, 0,
	    "test_util: first note\ntest_util: second\n");
	{    /* here too, stderr (unbuffered) on /dev/null for the while */
		int saved = dup(2), null = open("/dev/null", O_WRONLY);

		dup2(null, 2);
		notes_print(&notes);
		dup2(saved, 2);
		close(null);
		close(saved);
	}
	check_str("notes_print empties", notes.s, "");
	dies("notes_print of none", print_notes, 0, "");
	sb_free(&notes);

	p = arena_alloc(&a, 10);
	q = arena_alloc(&a, 3);
	CHECK("arena aligns", (uintptr_t)q % _Alignof(max_align_t) == 0 &&
	    q >= p + 10);
	p = arena_memdup(&a, "hello", 5);
	check_str("arena_memdup", p, "hello");
	q = arena_alloc(&a, 200000);    /* bigger than a block */
	memset(q, 1, 200000);
	p = arena_memdup(&a, "after", 5);
	check_str("arena after a big block", p, "after");
	for (int i = 0; i < 20000; i++)    /* several blocks */
		arena_memdup(&a, "0123456789", 10);
	arena_free(&a);
	CHECK("arena_free", a.head == NULL);

	p = xmemdup("a\0b", 3);
	CHECK("xmemdup copies and terminates", memcmp(p, "a\0b", 4) == 0);
	free(p);
	p = xstrdup("copy");
	check_str("xstrdup", p, "copy");
	free(p);
	p = xreallocarray(NULL, 0, 8);    /* 0 bytes: still a pointer */
	CHECK("xreallocarray of nothing", p != NULL);
	free(p);
	p = xcalloc(0, 0);
	CHECK("xcalloc of nothing", p != NULL);
	free(p);

	dies("die", die_data, EX_DATAERR, "test_util: bad thing at line 3\n");
	dies("xreallocarray overflow", huge_array, EX_OSERR,
	    "test_util: out of memory\n");
	dies("xmemdup of SIZE_MAX", huge_dup, EX_OSERR,
	    "test_util: out of memory\n");
	dies("strbuf past SIZE_MAX", huge_strbuf, EX_OSERR,
	    "test_util: out of memory\n");
	dies("arena block past SIZE_MAX", huge_arena, EX_OSERR,
	    "test_util: out of memory\n");
	dies("close_stdout on a full disk", full_disk, EX_IOERR,
	    "test_util: write error: No space left on device\n");
	dies("die purges stdout", purged, EX_OSERR, "test_util: out of memory\n");
	return finish();
}
