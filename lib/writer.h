/* See LICENSE file for copyright and license details. */
#ifndef KPI_WRITER_H
#define KPI_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
** CSV output as RFC 4180 asks and kpikit(7) promises: fields separated by
** commas, a field quoted only when it holds a comma, a quote, CR or LF
** (quotes inside doubled), or when it is the first of the output and
** starts with U+FEFF (which a reader would skip as a byte-order mark),
** "\n" line ends, numbers through num_format()
** (so '.' is the decimal point in every locale and undefined values are
** empty fields). Write errors are caught once, by close_stdout().
**
** wr_set_ofs() puts another separator in the comma's place (--ofs): any
** ASCII byte but a quote or a line end, quoted as the comma is; a TAB
** writes TSV instead: nothing quoted, and a TAB, LF, CR or backslash in a
** field written as \t, \n, \r or \\ (what the reader's TSV decodes,
** lib/reader.h, and Miller's --itsv). A line of one empty field is then
** an empty line (TSV has no other way to write it).
*/
struct writer {
	FILE *fp;
	int ofs;            /* the field separator: ',' from wr_init() */
	int precision;      /* decimals for wr_num() */
	int at_start;       /* no field written yet on this line */
	int at_bof;         /* no field written yet at all */
	int lone_empty;     /* the line so far is one empty field */
};

/*
** Start writing to FP with PRECISION decimals. When FP is stdout, it is
** fully buffered, and its buffer (stdio's, st_blksize bytes: 4 KiB on
** pipes and most files) is written out at the end of a row once it is 3/4
** full, not wherever it fills: output cut short by an error ends with a
** whole row, unless a row is longer than a quarter of the buffer.
*/
void wr_init(struct writer *w, FILE *fp, int precision);

/* Separate fields by OFS (see above) from now on. */
void wr_set_ofs(struct writer *w, int ofs);

/* One field of LEN bytes at S. */
void wr_field(struct writer *w, const char *s, size_t len);

/* One field: the NUL-terminated S. */
void wr_str(struct writer *w, const char *s);

/* One field formatted as printf() would: a header name built of parts
** ("mean_days"), of any length. */
void wr_strf(struct writer *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* One numeric field: X at the writer's precision; NaN or inf -> empty. */
void wr_num(struct writer *w, double x);

/* One integer field. */
void wr_int(struct writer *w, int64_t x);

/* An empty field (an undefined value). */
void wr_empty(struct writer *w);

/* End the line. A line of one empty field is written as "", since an
** empty line would read back as no record at all. */
void wr_end(struct writer *w);

#endif
