/* See LICENSE file for copyright and license details. */
#ifndef KPI_UTIL_H
#define KPI_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sysexits.h>

/*
** Exit statuses used by every tool (sysexits.h, see kpikit(7)):
** EX_USAGE 64 bad options, EX_DATAERR 65 bad data, EX_NOINPUT 66 input
** missing or unreadable, EX_SOFTWARE 70 internal error, EX_OSERR 71 out of
** memory, EX_IOERR 74 read or write error, EX_TEMPFAIL 75 busy.
*/

#define KPI_VERSION "0.1.0"

/*
** The tool's name as messages show it: the last path component of argv[0]
** (glibc's program_invocation_short_name), so "./cmd/funnel" says "funnel".
*/
const char *tool_name(void);

/*
** Print "TOOL: MESSAGE" and a newline on stderr, discard whatever stdout
** still buffers (so that a failing tool leaves no partial aggregate behind)
** and exit with STATUS. Never returns.
*/
void die(int status, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/* As die(), without exiting: "TOOL: MESSAGE" on stderr. */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
** Something drawn on stderr that a message must take away first: the
** progress line (lib/progress.h). Once set, ERASE(ARG) runs before
** vwarn(), notes_print() and close_stdout() write to stderr, so that
** every message (and die()'s) starts on a clean line; NULL removes it.
** Set it only while no other thread prints. This is the library's one
** piece of mutable global state: die() may be called from anywhere, and
** only a global reaches it.
*/
void stderr_hook(void (*erase)(void *arg), void *arg);

/* vprintf forms of the two above. */
void vdie(int status, const char *fmt, va_list ap) __attribute__((noreturn));
void vwarn(const char *fmt, va_list ap);

/* Print "TOOL: MESSAGE" and a hint to try --help; exit 64 (EX_USAGE):
** a bad option or argument. */
void usage_error(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/*
** Allocation: every allocation of the project goes through these. On
** failure they print "TOOL: out of memory" and exit 71 (EX_OSERR); they
** never return NULL. xreallocarray() checks NMEMB * SIZE for overflow.
** xmemdup() copies LEN bytes and adds a terminating NUL.
** libcsv's buffers grow through xrealloc() too, so one wrapper sees every
** allocation the tools make.
*/
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t size);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xmemdup(const void *s, size_t len);

/*
** SIZE bytes of zeros for a table touched at random (a hash table's
** slots, a store of records). Below BIG_PAGE bytes it is xcalloc()'s;
** from BIG_PAGE on, mapped on its own, on a multiple of BIG_PAGE, and
** asked for huge pages (a hint the kernel may refuse): with 4 kB pages
** nearly every lookup would first miss the TLB (a 16 MB table spans 4096
** pages; the TLB holds about 1500), and every page touched first costs a
** page fault. Out of memory exits (EX_OSERR). big_free() frees P, of
** SIZE bytes from big_alloc() (NULL: nothing).
*/
#define BIG_PAGE ((size_t)2 << 20)
void *big_alloc(size_t size);
void big_free(void *p, size_t size);

/*
** Write S (LEN bytes, may contain NUL) into DST (DSTSIZE bytes, always
** NUL-terminated) in a form fit for one line of an error message: control
** bytes become \n, \r, \t, \0 or \xNN, a backslash becomes \\, and text
** longer than 60 bytes is cut with "...". Returns DST.
*/
char *escape_text(char *dst, size_t dstsize, const char *s, size_t len);

/*
** The LEN bytes at S with each run of blanks (spaces, tabs) made one space
** and none at either end, in a new string: how presets and --stage-map
** compare a header or a value ("Closed  Won " is "Closed Won").
*/
char *fold_blanks(const char *s, size_t len);

/* Size of a buffer that always holds escape_text()'s result. */
#define ESCAPED_MAX 256

/*
** Flush and close stdout; on any write error (a full disk, a closed pipe
** with SIGPIPE ignored) die with EX_IOERR naming the error. Returns 0, so
** that main() can end with "return close_stdout();".
*/
int close_stdout(void);

/*
** A growable byte buffer. Initialise with {0}; sb_free() releases it.
** The content is always NUL-terminated once anything was added.
*/
struct strbuf {
	char *s;
	size_t len, cap;
};

void sb_add(struct strbuf *sb, const void *p, size_t len);
void sb_addc(struct strbuf *sb, int c);
void sb_adds(struct strbuf *sb, const char *s);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_reset(struct strbuf *sb);
void sb_free(struct strbuf *sb);

/*
** Notes for stderr that a tool prints only once its result is formed, so
** that a tool failing late (out of memory, say) leaves exactly one line:
** its error. note() adds "TOOL: MESSAGE" to NOTES, or, when NOTES is NULL,
** prints it at once; notes_print() prints what NOTES holds and empties it.
*/
void note(struct strbuf *notes, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void notes_print(struct strbuf *notes);

/*
** An arena for many small strings that live until the arena is freed
** (group keys, lead ids): one allocation per 64 KiB block instead of one
** per string. Initialise with {0}.
*/
struct arena {
	struct arena_block *head;
};

void *arena_alloc(struct arena *a, size_t size);
char *arena_memdup(struct arena *a, const void *p, size_t len);
/* SIZE bytes at any address (for bytes, not structs). */
void *arena_bytes(struct arena *a, size_t size);
void arena_free(struct arena *a);

/*
** A 64-bit hash of the LEN bytes at DATA, the same on every host and in
** every run, for checksums (a part made on one host is checked on
** another: lib/part.c), never for a hash table of input keys: it is not
** keyed, so whoever writes the input can make many keys collide (see
** hash_keyed()). Eight bytes at a time through a multiply and xor-shift,
** then MurmurHash3's finaliser for the avalanche. LEN is mixed in first,
** so "ab","c" and "a","bc" hash apart field by field.
*/
uint64_t hash_bytes(const void *data, size_t len);

/*
** A 64-bit hash of the LEN bytes at DATA for hash tables of keys read
** from input (the id set, the group table): XXH3 (libxxhash) with a
** 64-bit seed drawn once per process from getrandom(2), so that input
** made to collide under one seed (hash flooding: every key on one slot,
** a run that goes quadratic) does not collide under the next run's. The
** same in every thread of a process, different between processes: a
** hash may be kept and looked up in another table of the same run, never
** written out or compared across runs, and nothing a tool prints may
** depend on it (tables are sorted before output). The environment
** variable KPIKIT_HASH_SEED, when set and not empty, fixes the seed (the
** string's hash_bytes()), for debugging and for the tests that check
** that outputs do not depend on it. The seed is set by the first call,
** once (pthread_once), thread-safe.
*/
uint64_t hash_keyed(const void *data, size_t len);

#endif
