/* See LICENSE file for copyright and license details. */
#ifndef KPI_OPTS_H
#define KPI_OPTS_H

#include <stddef.h>

#include "cols.h"
#include "date.h"
#include "group.h"
#include "leads.h"
#include "preset.h"
#include "progress.h"
#include "reader.h"
#include "util.h"
#include "writer.h"

/*
** Options every tool shares, parsed once here with getopt_long(3), plus
** families of options that several tools share (enabled per tool), plus
** each tool's own, which it hands to its own handler.
*/

/* Option families a tool may enable in tool_spec.families. */
enum {
	OPTS_STAGES   = 1 << 0,   /* --stages LIST, --stage-col COL */
	OPTS_WINDOW   = 1 << 1,   /* --window DAYS */
	OPTS_ASOF     = 1 << 2,   /* --asof DATE */
	OPTS_ANNOTATE = 1 << 3,   /* --annotate */
	OPTS_TOTAL    = 1 << 4,   /* --total */
	OPTS_DEDUP    = 1 << 5,   /* --no-dedup */
	OPTS_STAGE_LIST = 1 << 6, /* --stages LIST alone, for tools that need
	                             the stage timestamps --stage-col lacks */
	OPTS_JOBS     = 1 << 7,   /* --jobs N */
	OPTS_PARTS    = 1 << 8,   /* --partial, --merge */
	OPTS_COUNT    = 1 << 9,   /* --count-col COL: how many leads a row
	                             stands for (lib/leads.h) */
	OPTS_JOIN     = 1 << 10,  /* --join FILE */
	OPTS_STALE    = 1 << 11,  /* --stale DAYS (needs OPTS_ASOF or
	                             OPTS_ASOFS) */
	OPTS_ASOFS    = 1 << 12   /* --asof DATE as OPTS_ASOF, and it may
	                             come again: the figures as of each date
	                             in one pass (lib/leadtool.h); not with
	                             OPTS_ASOF */
};

/* Keys of a tool's own options start here. */
#define OPT_TOOL 1000

struct kpi_opts {
	/* Shared by every tool. */
	struct grouping_opts group;  /* --by, --period, --fiscal-year-start */
	struct colmap_set cols;      /* --col ROLE=HEADER, in order given */
	struct date_formats dates;   /* --date-format, in order given */
	struct rd_opts rd;           /* -d, --skip-bad, --max-field, --header */
	int ofs;                     /* --ofs: the output field separator,
	                                ',' without; '\t' writes TSV
	                                (opts_writer()) */
	char **header;               /* --header's names (rd.header) */
	int precision;               /* --precision, decimals (default 6) */
	char **files;                /* operands; { NULL } (stdin) when none */
	size_t nfiles;
	struct preset_set presets;   /* built in, and --preset-file's */
	const char *preset;          /* --preset NAME, or NULL */
	int explain;                 /* --explain */
	struct progress progress;    /* --progress, --no-progress: set up, and
	                                given to rd when it draws; a tool calls
	                                progress_done() before its output */

	/* The families. */
	struct leads_opts leads;     /* --stages, --stage-col, --window, --asof,
	                                --no-dedup */
	const char **asof_arg;       /* each --asof as given, in order, and */
	kpi_time *asof_at;           /* its time (leads.asof is the first) */
	size_t nasof;
	int annotate;                /* --annotate */
	int total;                   /* --total */
	int partial, merge;          /* --partial, --merge */
	long long jobs;              /* --jobs; 1 without */
	char **join;                 /* --join files, in order given ("-" is
	                                NULL: standard input) */
	size_t njoin;
};

struct tool_option {
	const char *name;          /* long name, without "--" */
	const char *arg;           /* its argument's name in --help, or NULL */
	int key;                   /* OPT_TOOL or more: passed to the handler;
	                              | OPT_REPEAT (not passed) when it may be
	                              given more than once */
	const char *help;          /* one line for --help */
};

/*
** An option with an argument given twice is a usage error, unless its key
** carries OPT_REPEAT: one that adds to a list (--col, --by, --spend).
*/
#define OPT_REPEAT 0x100000

struct tool_spec {
	const char *operands;      /* e.g. "[file ...]" */
	const char *summary;       /* what the tool does, one line */
	unsigned families;         /* OPTS_* */
	const struct tool_option *options;   /* the tool's own; ends with {0} */
	/* Handle one of the tool's own options; may call usage_error(). */
	void (*handle)(void *ctx, int key, const char *arg);
	const char *table;         /* what the inputs are: leads, orders (for
	                              --preset); NULL: any */
};

/*
** Parse ARGV into O (every field set: defaults for what is not given),
** handing the tool's own options to SPEC->handle with CTX. --help prints
** the usage on stdout and exits 0; --version likewise. A bad option or
** argument prints a message and exits 64 (EX_USAGE), and so does an
** option with an argument given twice, unless it is marked OPT_REPEAT:
** "the last one wins" would drop the first silently. A flag given twice
** is the flag.
*/
void opts_parse(struct kpi_opts *o, const struct tool_spec *spec, void *ctx,
    int argc, char **argv);

/*
** Option argument helpers for tools' handlers: each returns the value or
** calls usage_error() naming the option NAME.
*/
double opt_double(const char *name, const char *arg, double min, double max);
long long opt_int(const char *name, const char *arg, long long min,
    long long max);

/*
** The comma-separated list of numbers ARG of option NAME ("30,90,365"),
** each a plain decimal (num_parse()) in (0, MAX], no two equal, in the
** order given: into *OUT, a new array the caller frees, and its length
** returned. An empty item, a bad number, zero or less, more than MAX and
** a value given twice are usage errors naming the item.
*/
size_t opt_positive_list(const char *name, const char *arg, double max,
    double **out);

/*
** The date option NAME's argument ARG through DF, or a usage_error(): the
** message ends with the --date-format that reads ARG when date_suggest()
** knows one, as rd_bad_date() does for a table's dates.
*/
kpi_time opt_date(const char *name, const char *arg,
    const struct date_formats *df);

/*
** The preset NAME for a table of kind TABLE (leads, spend, orders), given
** with OPTION; an unknown name, or a preset for another kind of table, is
** a usage error that lists the presets. Its date formats are added to O's.
*/
const struct preset *opts_preset(struct kpi_opts *o, const char *name,
    const char *table, const char *option);

/*
** Start W, the writer of the tool's output on standard output, as O's
** options say: --precision decimals and the --ofs separator.
*/
void opts_writer(const struct kpi_opts *o, struct writer *w);

/*
** Whether every input file of O can be read a second time: 1 when there
** is at least one and each is a regular file, 0 when one is standard
** input ("-"), a pipe, a device, or cannot be stat()ed. A tool that reads
** in a cheaper way until the data prove it cannot (rows not grouped as it
** hoped) asks this first, since its fallback reads the inputs again.
*/
int opts_rereadable(const struct kpi_opts *o);

/* Free what opts_parse() allocated. */
void opts_free(struct kpi_opts *o);

#endif
