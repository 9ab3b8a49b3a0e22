/* See LICENSE file for copyright and license details. */
#ifndef KPI_READER_H
#define KPI_READER_H

#include <stddef.h>
#include <sys/types.h>

#include "progress.h"
#include "util.h"

/*
** A pull reader of CSV records over libcsv. Tools never see libcsv's
** callbacks: they ask for the next row and get it whole.
**
** What it guarantees, beyond libcsv (see kpikit(7), INPUT):
**  - RFC 4180 in strict mode: a quote inside an unquoted field, text after
**    a closing quote, or a quote still open at the end is an error, never a
**    guess. Fields keep their bytes exactly (libcsv would trim spaces).
**  - Every record carries the physical line where it starts; error
**    messages name the line (and the byte column for malformed quoting).
**  - A UTF-8 byte-order mark is skipped. UTF-16 or UTF-32 input, NUL bytes,
**    invalid UTF-8 (say, a Windows-1252 export) and bare-CR line ends (old
**    Mac) are errors that say how to convert the file.
**  - A field longer than the cap (RD_MAX_FIELD, 1 MiB by default) is an
**    error, so that a stray quote fails fast instead of swallowing the rest
**    of the file into memory.
**  - A record of more fields than the cap (RD_MAX_FIELDS, 100,000 by
**    default; --max-fields) is an error, found while the record is read,
**    so that a stream of commas fails fast and in bounded memory.
**  - The first record is the header; every later record must have as many
**    fields as the header. Empty lines between records are skipped.
**  - CRLF and LF line ends are both accepted, also mixed.
**  - With rd_opts.delim '\t' the input is TSV, not CSV: no quoting at all
**    (a quote is an ordinary byte), a record is a line, fields split at
**    every TAB, and the escapes \t, \n, \r and \\ in a field are decoded
**    to TAB, LF, CR and a backslash (Miller's and the IANA TSV's); any
**    other backslash is kept as it is. With RD_SPACE a record is a line
**    and a run of blanks (spaces and tabs) separates fields: blanks at
**    either end of a line are ignored, and so is a line of blanks; no
**    quoting, no escapes. Everything else above holds for both (the field
**    cap counts the decoded bytes, CR bytes not included).
**  - With rd_opts.header the file has no header line: those are its
**    column names, and its first line is data.
**  - With a row filter (rd_opts.filter, below; lib/preset.h makes one
**    of a preset), the header may come below title lines, junk rows the
**    filter names are skipped, and the filter's derived columns follow
**    the file's own in the header and every row; each skipped line is
**    reported with note().
*/

#define RD_MAX_FIELD (1024 * 1024)
#define RD_MAX_FIELDS 100000

/* rd_opts.delim for space-separated text: a run of blanks is one
** separator (not a byte, so that no CSV separator means it). */
#define RD_SPACE 0x100

struct field {
	const char *s;     /* the bytes, NUL-terminated (NUL never occurs inside) */
	size_t len;
};

struct row {
	const struct field *f;
	size_t n;              /* number of fields */
	unsigned long line;    /* physical line where the record starts, from 1 */
};

/*
** A row filter presents a file as another table: it finds the header
** (perhaps below title lines), skips junk records, and appends derived
** columns to the header and to every row. The reader calls it; what it
** does with a record is its own affair (lib/preset.h makes one of an
** export preset). Bound to one file's header, a filter gives a view, which
** the reader asks about each record and frees at rd_close(). Every
** callback gets the filter's CTX or that view. None may fail: bad values
** are for the tool to find in the derived columns.
*/
struct rd_filter_ops {
	/* What the filter is, for messages ("preset google-ads"): they read
	** "skipped, matches 'Total' (preset google-ads)". Owned by CTX. */
	const char *(*name)(const void *ctx);

	/* Whether ROW (a raw record: fields untrimmed, any number of them)
	** is the header. The reader looks past at most RD_MAX_ABOVE records
	** for one; a filter that takes any first record returns 1. */
	int (*is_header)(const void *ctx, const struct row *row);

	/* The header is_header() looks for, for the message when there is
	** none: "'Day' or 'Date', and 'Cost'". A new string, or NULL when
	** any record will do. */
	char *(*header_wanted)(const void *ctx);

	/* Bind to HEADER (the file's own names, trimmed). With EXPLAIN, tell
	** NOTES (through note(), as "FILE: ...") where each derived column
	** comes from and which ones the file gives no source for. Returns
	** the view: never NULL, even when it derives nothing. */
	void *(*bind)(const void *ctx, const struct row *header,
	    const char *file, struct strbuf *notes, int explain);

	/* The view's derived columns: how many, and the header name of the
	** Jth (owned by the view). */
	size_t (*columns)(const void *view);
	const char *(*column)(const void *view, size_t j);

	/* The file's column derived column J reads, so that messages can
	** name it ("'Close Date' (as customer_at)"), or -1 when it reads none
	** (a constant: then "customer_at (NAME)", NAME as name() says). */
	long (*source)(const void *view, size_t j);

	/* Whether the data record ROW (any number of fields, possibly not
	** the header's) is junk: the pattern it matched, for the message
	** "skipped, matches 'PATTERN'", owned by the view; NULL: keep it. */
	const char *(*skip)(const void *view, const struct row *row);

	/* The value of derived column J for ROW (as many fields as the
	** header, untrimmed) into *OUT and *LEN: pointing into ROW, into the
	** view or its CTX, or into SCRATCH, which holds at least the longest
	** field of ROW plus 1 bytes. Valid until the next call. */
	void (*value)(const void *view, size_t j, const struct row *row,
	    char *scratch, const char **out, size_t *len);

	/* Given WANT, one byte per column of the bound header (own, then
	** derived), set to 1 the bytes of OWN (one per own column) of the
	** columns that skip() and the wanted derived columns read. */
	void (*want)(const void *view, const unsigned char *want,
	    unsigned char *own);

	/* Free a view bind() returned. */
	void (*free)(void *view);
};

struct rd_filter {
	const struct rd_filter_ops *ops;
	const void *ctx;       /* the filter's own data, given to name(),
	                          is_header(), header_wanted() and bind() */
};

/* The most records a filter's header may come below. */
#define RD_MAX_ABOVE 50

struct rd_opts {
	int delim;             /* field separator byte; 0 means ','; '\t'
	                          reads TSV, RD_SPACE blank-separated text
	                          (see above) */
	char *const *header;   /* the column names of a file without a header
	                          line (--header), NHEADER of them, at least
	                          one; NULL: the first record is the header */
	size_t nheader;
	size_t max_field;      /* field size cap in bytes; 0 means RD_MAX_FIELD */
	size_t max_fields;     /* fields per record cap; 0 means RD_MAX_FIELDS */
	int skip_bad;          /* row errors are counted, not fatal (--skip-bad) */
	size_t read_size;      /* most bytes read (or, from memory, taken) at a
	                          time; 0 means 256 KiB. Tests vary it to show
	                          that buffer boundaries never change a result. */
	struct strbuf *notes;  /* where rd_close() reports skipped rows (see
	                          note()); NULL: on stderr at once */
	const struct rd_filter *filter;  /* read the file through this filter
	                          (above); NULL: as it is */
	int explain;           /* have the filter report where each derived
	                          column comes from */
	struct progress *progress;  /* count bytes and rows read into it, at
	                          each read(2) (lib/progress.h); NULL: none */
};

struct reader;

/*
** Open PATH for reading; NULL or "-" is standard input, named "<stdin>"
** or "-" (as given) in messages. Reads the header record. Returns NULL
** with errno set when the file cannot be opened; otherwise a reader, which
** may already hold an error (a malformed or missing header): check with
** rd_failed().
*/
struct reader *rd_open(const char *path, const struct rd_opts *opts);

/*
** As rd_open(), for a tool's input operand: when PATH cannot be opened, die
** with "TOOL: PATH: reason" and exit 66 (EX_NOINPUT); when its header is
** bad, die with the reader's message (exit 65). Never returns NULL.
*/
struct reader *rd_open_or_die(const char *path, const struct rd_opts *opts);

/*
** As rd_open(), then read only the bytes from offset START to END of the
** file (the header still comes from its top): the data of one chunk when a
** file is read by several threads (lib/parallel.h). START must be the
** start of a line; rd_data_offset() of a plain reader gives the first.
** With rd_opts.header no header is read: the data start at the top.
*/
struct reader *rd_open_range(const char *path, off_t start, off_t end,
    const struct rd_opts *opts);

/* The file offset of the first byte not yet parsed: right after the
** header, the start of the data (with rd_opts.header, the start of the
** file, past a byte-order mark). */
off_t rd_data_offset(const struct reader *r);

/* How many quote characters the reader has given to the CSV parser: the
** parity of a chunk's count tells whether a chunk border fell inside a
** quoted field. Always 0 for TSV and RD_SPACE, which have no quoting: a
** border at a line start is always a record start. */
unsigned long rd_quotes(const struct reader *r);

/* The file offset where the reader's input ends: that of its range, or
** the size of a regular file; -1 when not known (a pipe). With
** rd_data_offset(), what is left to read. */
off_t rd_end(const struct reader *r);

/* The line the reader has come to: 1 plus the line ends it has read. A
** chunk's line count is the difference before and after reading it. */
unsigned long rd_line(const struct reader *r);

/* As rd_open(), over the LEN bytes at BUF (not copied: BUF must outlive
** the reader), named NAME in messages. */
struct reader *rd_open_mem(const char *name, const void *buf, size_t len,
    const struct rd_opts *opts);

/*
** Read the next data record into *ROW (valid until the next call).
** Returns 1 with a row, 0 at the end of the input, -1 on an error: a
** structural one (malformed CSV, read error) or a row error that rd_bad()
** recorded without --skip-bad. After -1, rd_die() reports it.
*/
int rd_next(struct reader *r, const struct row **row);

/* The header row (field names trimmed of spaces and tabs); its line is 0
** when the names came from rd_opts.header. */
const struct row *rd_header(const struct reader *r);

/* The input's name as messages show it. */
const char *rd_name(const struct reader *r);

/*
** Column COL as rd_bad() names it, quoted: 'Total', or 'Total' (as
** amount) for a preset's column; for messages about a row that come
** after reading (the reader's string: copy it to keep it past rd_close()).
*/
const char *rd_label(const struct reader *r, long col);

/* The field separator byte in use. */
int rd_delim(const struct reader *r);

/*
** The column whose header is NAME, trimmed, compared exactly. "NAME#N"
** picks the Nth column of that name (from 1) when a header repeats.
** Returns its index, RD_NO_COLUMN when there is none, or RD_AMBIGUOUS when
** NAME occurs more than once (and no #N was given).
*/
#define RD_NO_COLUMN (-1)
#define RD_AMBIGUOUS (-2)
long rd_col(const struct reader *r, const char *name);

/*
** Tell the reader which columns the tool reads: fields of other columns
** are then not copied (their text is empty), which saves the copy of every
** unused byte. WANT has one entry per header field; NULL means all.
*/
void rd_want(struct reader *r, const unsigned char *want);

/*
** Read the whole of R for a tool: BIND(CTX, R, WANT) binds the header's
** columns and marks in WANT (one byte per header field, zeroed) those it
** reads; then ROW(CTX, R, row) takes each data row, recording a bad value
** with rd_bad(). Returns 0 at the end of the input, or -1 when BIND
** failed or reading stopped on an error (rd_die() reports it). R stays
** open.
*/
int rd_each(struct reader *r,
    int (*bind)(void *ctx, struct reader *r, unsigned char *want),
    int (*row)(void *ctx, struct reader *r, const struct row *row),
    void *ctx);

/*
** Record a bad value in ROW's column COL (COL < 0: the row as a whole):
** the message is "FILE:LINE: column 'HEADER': " followed by FMT. With
** --skip-bad the row is counted, by reason (FMT and COL), and the first
** message of each reason kept for rd_close();
** without it the error is fatal and the next rd_next() returns -1.
** Always returns -1, so a row handler can "return rd_bad(...);".
*/
int rd_bad(struct reader *r, const struct row *row, long col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
** rd_bad() for the date S (LEN bytes) in column COL that date_parse()
** refused with WHY: "'S': WHY", ending with "; try --date-format 'FMT'"
** when date_suggest() knows a format that reads S (both, US first, when
** it reads either way). Every tool's date message comes from here.
*/
int rd_bad_date(struct reader *r, const struct row *row, long col,
    const char *s, size_t len, const char *why);

/*
** Record a fatal error for the reader as a whole: "FILE: " or, when LINE
** is not 0, "FILE:LINE: " followed by FMT, with exit status STATUS. The
** next rd_next() returns -1. Returns -1.
*/
int rd_fail(struct reader *r, int status, unsigned long line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
** With --explain (rd_opts.explain): "TOOL: FILE: " and FMT on stderr, at
** once rather than with the notes, since what --explain tells is wanted
** most when the run then fails. Without it, nothing.
*/
void rd_explain(const struct reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Whether the reader holds a fatal error. */
int rd_failed(const struct reader *r);

/* The fatal error's full message ("FILE:LINE: ...") and exit status. */
const char *rd_error(const struct reader *r);
int rd_status(const struct reader *r);

/* Print the fatal error as "TOOL: message" and exit with its status. */
void rd_die(const struct reader *r) __attribute__((noreturn));

/* Data rows read so far, and rows skipped under --skip-bad. */
unsigned long rd_rows(const struct reader *r);
unsigned long rd_skipped(const struct reader *r);

/* Whether R skips bad rows (--skip-bad) rather than stop at the first. */
int rd_skipping(const struct reader *r);

/*
** Close the reader. When rows were skipped under --skip-bad, first report
** "TOOL: skipped N bad rows of FILE; the first: MESSAGE" with note() when
** they were skipped for one reason; for several, "TOOL: skipped N bad rows
** of FILE, for K reasons:" and a note "  N rows: MESSAGE" for each, in
** order of first appearance. Past 16 reasons the header says "for more
** than 16 reasons:" and a last note "  N rows of other reasons" counts
** the rest.
*/
void rd_close(struct reader *r);

#endif
