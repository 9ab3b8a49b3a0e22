/* See LICENSE file for copyright and license details. */
#ifndef KPI_PART_H
#define KPI_PART_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "group.h"
#include "reader.h"
#include "tally.h"
#include "writer.h"

/*
** Parts: the mergeable state a tool writes with --partial and reads back
** with --merge, in one format for every tool (kpikit(7), PARTS). A part is
** CSV whose key columns are those of the tool's output (the --by columns,
** then "period"), between a first column saying what each row is and two
** columns "name" and "value":
**
**   part,BY...,name,value           the header
**   tool,,...,TOOL,VERSION          the tool that wrote it; the format version
**   option,,...,OPTION,VALUE        each option that changes what a part holds
**   count,KEY...,FIELD[.STAGE],N    a count of a group's tally (lib/tally.h)
**   value,KEY...,FIELD[.STAGE],X    one value a group's tally keeps
**   lead,KEY...,ID,TIMES            a lead --merge has still to count
**   seen,,...,ID,TIMES              a lead that counts nowhere, whose id
**                                   --merge must still know
**   latest,,...,latest,T            the latest timestamp of the leads the
**                                   part counted itself (its lead and seen
**                                   rows carry their own)
**   note,,...,NAME,VALUE            what the notes on stderr need
**   failed,,...,error,MESSAGE       the tool stopped on an error: a part
**                                   without it in the stream would be
**                                   missed silently (GNU parallel goes on)
**   end,,...,ROWS,CHECKSUM          rows since the header, and their
**                                   checksum (16 hex digits; see
**                                   lib/part.c)
**
** Parts may follow each other in one stream (cat, GNU parallel), each from
** its header to its end row, so a part cut short, or two spliced, is found.
** --merge checks that every part was written by the same tool and version,
** with the same options, before it adds anything up.
*/

#define PART_VERSION "1"

/* An option that changes what a part holds, as a part names it. */
struct part_option {
	const char *name;          /* "window": the option without its "--" */
	char *value;               /* "90"; "" when not given */
};

/* A set of them, built with part_option_add(). */
struct part_options {
	struct part_option *v;
	size_t n;
};

/* Add NAME = VALUE (copied; NULL is "") to O. */
void part_option_add(struct part_options *o, const char *name,
    const char *value);
void part_options_free(struct part_options *o);

struct part_writer {
	struct writer w;
	const struct grouping *g;
	uint64_t rows;
	uint64_t sum;              /* the checksum so far */
};

/*
** Start a part on FP: the header (with G's key columns), the tool row (the
** tool's name is tool_name()) and OPTS.
*/
void part_write_begin(struct part_writer *p, FILE *fp,
    const struct grouping *g, const struct part_options *opts);

/*
** One row of kind KIND ("count", "lead", ...) for group GRP (NULL: empty
** key columns), with NAME and VALUE (NUL-terminated).
*/
void part_write(struct part_writer *p, const char *kind,
    const struct group *grp, const char *name, const char *value);

/* Every field of tally T (layout L) of group GRP, for stages ST. */
void part_write_tally(struct part_writer *p, const struct group *grp,
    const struct tally_layout *l, const struct stages *st, const void *t);

/* The end row. */
void part_write_end(struct part_writer *p);

/*
** A whole part on FP that says this --partial failed with message WHY,
** instead of the rows it could not make: --merge stops on it. A part
** that is simply absent from the stream could not be noticed.
*/
void part_write_failed(FILE *fp, const struct grouping *g,
    const struct part_options *opts, const char *why);

/* What part_next() hands over. */
enum part_kind { PART_COUNT, PART_VALUE, PART_LEAD, PART_SEEN, PART_LATEST,
	PART_NOTE };

struct part_record {
	enum part_kind kind;
	const struct strbuf *key;  /* the group's key, as grouping_key() makes it */
	const struct field *name, *value;
	const struct row *row;     /* for messages: rd_bad(r, row, col, ...) */
};

struct part_reader {
	struct reader *r;
	struct grouping *g;
	const struct part_options *opts;
	size_t nkey;
	enum { PART_BETWEEN, PART_AT_TOOL, PART_AT_OPTIONS, PART_IN_DATA } state;
	unsigned char *seen;       /* the options met in this part */
	uint64_t rows;
	unsigned long begun;       /* the line of this part's header */
	unsigned long parts;       /* parts read whole */
	uint64_t sum;              /* the checksum so far */
};

/*
** Read parts from R, whose first record (the header) R has read: they
** must have G's key columns and the options OPTS. Open R without
** skip_bad: a bad record of a part is a broken part, not a row to skip. Returns 0, or -1 with
** the error recorded in R.
*/
int part_read_begin(struct part_reader *p, struct reader *r,
    struct grouping *g, const struct part_options *opts);

/*
** The next record of the parts, into *REC (valid until the next call).
** Returns 1; 0 at the end of the input, when every part has ended whole;
** -1 with the error recorded in R (a part of another tool, version or
** options, a cut or altered part, a record of an unknown kind).
*/
int part_next(struct part_reader *p, struct part_record *rec);

/*
** Add record REC (a count or a value) to the tally T of layout L, for
** stages ST. Returns 0, or -1 after rd_bad(): an unknown field or stage,
** a number that is not one, a count that would overflow.
*/
int part_read_tally(struct part_reader *p, const struct part_record *rec,
    const struct tally_layout *l, const struct stages *st, void *t);

/*
** The whole number in field F of REC's row in [MIN, MAX], into *OUT; -1
** after rd_bad() when it is not one.
*/
int part_int(struct part_reader *p, const struct part_record *rec,
    const struct field *f, long long min, long long max, long long *out);

void part_read_end(struct part_reader *p);

#endif
