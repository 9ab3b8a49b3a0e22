/* See LICENSE file for copyright and license details. */
#ifndef KPI_LEADTOOL_H
#define KPI_LEADTOOL_H

#include "group.h"
#include "leads.h"
#include "opts.h"
#include "part.h"
#include "reader.h"
#include "tally.h"
#include "writer.h"

/*
** The leads-tool driver: everything a tool that reads the leads table
** does besides its own arithmetic. A tool declares
**
**  - its tally, the state it keeps per group (a struct described by a
**    struct tally_layout, so that the driver merges, frees and carries it
**    in parts without the tool's help);
**  - add(), which counts one lead into its group's tally;
**  - header() and write(), its output;
**  - optionally place(), which says whether a lead counts at all and by
**    which of its times it is grouped (default: every lead that existed
**    at --asof, by its creation time); check(), which says whether a
**    merged tally can be (a later stage counted more often than an
**    earlier one cannot); annotate(), the columns --annotate appends;
**    setup(), which checks the tool's options once the stages are known;
**    and options(), the tool's options that change what a part holds;
**
** and lead_tool_main() does the rest: the options shared by every leads
** tool, reading the files (on --jobs threads when it can), duplicate ids,
** --window and --asof (with OPTS_ASOFS, several dates: the tool's
** functions run once per date on a run whose leads carry that date, and
** the tables follow each other under one header, a column asof first),
** grouping, --total, --partial and --merge (in the
** one part format of lib/part.h), --annotate, --join (lib/join.h, for a
** tool whose families include OPTS_JOIN), the notes on stderr, the
** order of the output and the exit status. mblaze's blaze822_loop() is
** the model: the loop is the library's, the tool is its callbacks.
**
** A whole tool: the leads of each group, and those that reached the last
** stage (tests/unit/example-tool.c is this, built and run by the tests;
** it gets --by, --period, --total, --asof, --jobs, --partial and --merge
** from the driver):
**
**     struct tally { uint64_t reached[MAX_STAGES]; };
**
**     static const struct tally_field fields[] = {
**         { "reached", TALLY_STAGE_COUNTS, offsetof(struct tally, reached) },
**         { NULL, 0, 0 },
**     };
**
**     static void
**     add(const struct lead_run *run, void *tally, const struct lead *d, int top)
**     {
**         struct tally *t = tally;
**
**         (void)run;
**         (void)d;
**         for (int s = 0; s <= top; s++)
**             t->reached[s]++;
**     }
**
**     static void
**     header(const struct lead_run *run, struct writer *w)
**     {
**         lead_key_header(run, w);
**         wr_str(w, "leads");
**         wr_str(w, "won");
**         wr_end(w);
**     }
**
**     static void
**     write_tally(const struct lead_run *run, struct writer *w, void *tally,
**         const struct lead_key *key)
**     {
**         struct tally *t = tally;
**
**         lead_key_write(key, w);
**         wr_int(w, (int64_t)t->reached[0]);
**         wr_int(w, (int64_t)t->reached[run->leads->st.n - 1]);
**         wr_end(w);
**     }
**
**     int
**     main(int argc, char *argv[])
**     {
**         static const struct lead_tool tool = {
**             .spec = { "[file ...]", "Leads and wins.", OPTS_STAGES |
**                 OPTS_ASOF | OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS | OPTS_PARTS,
**                 NULL, NULL, "leads" },
**             .tally = { sizeof(struct tally), fields },
**             .add = add, .header = header, .write = write_tally,
**         };
**
**         return lead_tool_main(&tool, NULL, argc, argv);
**     }
*/

struct lead_tool;

/* What the driver hands a tool's functions: read only. */
struct lead_run {
	const struct lead_tool *tool;
	void *cfg;                    /* the tool's own options */
	const struct kpi_opts *o;     /* the shared ones */
	const struct leads *leads;    /* the stages, --asof, --window */
	const struct grouping *grouping;
	int partial;                  /* writing a part (--partial) */
	int keep_all;                 /* --partial or --merge: keep in the tally
	                                 what any option of --merge may need */
	kpi_time latest;              /* the latest timestamp of the whole
	                                 input, once it is read; else NO_TIME */
};

/* Which key a row of output carries: a group's, the total's, or none. */
struct lead_key {
	const struct grouping *grouping;
	const struct group *group;    /* NULL: the total row (or no groups) */
	int total;
	const char *asof;             /* with several --asof dates, the row's,
	                                 as given: the first column; else NULL */
};

/* Write the names of the key columns ("asof" with several --asof dates,
** the --by columns, then "period"), and the key columns of KEY (nothing
** when the tool does not group and has one --asof or none). */
void lead_key_header(const struct lead_run *run, struct writer *w);
void lead_key_write(const struct lead_key *key, struct writer *w);

struct lead_tool {
	/* Usage, options (the tool's own, handled with CFG), OPTS_* families. */
	struct tool_spec spec;
	struct tally_layout tally;

	/*
	** Count lead D into TALLY, the state of its group; TOP is the highest
	** stage it counts as reaching under --asof and --window (at least 0).
	** D stands for D->count leads alike (1 to 2^53; a tool with
	** OPTS_COUNT and --count-col, else always 1): add it as that many.
	** A row of count 0 never comes here.
	*/
	void (*add)(const struct lead_run *run, void *tally,
	    const struct lead *d, int top);

	/* The header line, and the row(s) of one tally (each row begins
	** with lead_key_write(KEY)). WRITE may sort TALLY's values. */
	void (*header)(const struct lead_run *run, struct writer *w);
	void (*write)(const struct lead_run *run, struct writer *w,
	    void *tally, const struct lead_key *key);

	/*
	** Optional. Whether lead D, of ROW, counts for this tool: -1 after
	** rd_bad() (a bad row), 0 (it does not), 1 (it does, grouped by the
	** period of *WHEN, which is D's creation time unless set). Without
	** it, every lead counts, by its creation time.
	*/
	int (*place)(const struct lead_run *run, struct reader *r,
	    const struct row *row, const struct lead *d, kpi_time *when);

	/* Optional: NULL, or why TALLY (merged from parts) cannot be. */
	const char *(*check)(const struct lead_run *run, const void *tally,
	    char *buf, size_t size);

	/* Optional: check the tool's options against the stages
	** (usage_error() if they do not fit). */
	void (*setup)(struct lead_run *run);

	/* Optional: the tool's options that change what a part holds, added
	** with part_option_add() (lib/part.h). */
	void (*options)(const struct lead_run *run, struct part_options *o);

	/*
	** With OPTS_ANNOTATE: the names of the columns --annotate appends
	** (ending with NULL; they may depend on the options), and their
	** values for lead D, whose place() gave PLACED (1 without place()).
	*/
	const char *const *(*annotate_cols)(const struct lead_run *run);
	void (*annotate)(const struct lead_run *run, struct writer *w,
	    const struct lead *d, int placed);

	/*
	** Optional: for a tool that measures the time between stages, what
	** it does with those of leads whose dates go back (leads_order()),
	** said in the note every leads tool gives on such leads, after "each
	** counts as reaching its stages, and " ("its steps back in time are
	** left out of ..."). Without it the note says no more.
	*/
	const char *backwards_note;

	/*
	** Optional: the tool's own columns of the leads table, NEXTRA roles
	** (at most 8, lib/leads.h leads_init()), and decode(), which reads
	** them from ROW into D->value[] (COL[i] is role i's column, -1 for
	** an optional one the file lacks) after leads_decode() and before
	** place(): 0, or -1 after rd_bad(). Not with --annotate.
	*/
	const struct role *extra;
	size_t nextra;
	int (*decode)(const struct lead_run *run, struct reader *r,
	    const struct row *row, const long *col, struct lead *d);

	/*
	** Optional: whether lead D, once counted by place()'s time, counts a
	** second time, grouped by the period of *WHEN (1) or not (0); add()
	** then gets D again with D->placing 1 (0 the first time). For a tool
	** that counts a lead where it enters and where it leaves a state.
	** Not with --partial, --merge, --window or --annotate; with --join,
	** both placements group by the --by values as joined.
	*/
	int (*place_again)(const struct lead_run *run, const struct lead *d,
	    kpi_time *when);

	/*
	** Optional, with --annotate: find the tool's own columns in R, whose
	** header is read, before anything of R is written (for a tool that
	** reads columns named by its options, not roles). It returns only
	** when they are all there; else it exits with die(), so that a
	** missing column writes nothing on stdout. Called once per file.
	*/
	void (*annotate_bind)(const struct lead_run *run, struct reader *r);
};

/*
** Run TOOL with its options in CFG (handed to its spec.handle) on the
** command line ARGC, ARGV, and return main()'s exit status. Every error
** exits from within, with its message and status (kpikit(7)).
*/
int lead_tool_main(const struct lead_tool *tool, void *cfg, int argc,
    char **argv);

/*
** The steps of lead_tool_main(), for the fuzzers, which read from memory
** and must not exit on bad data. lead_tool_open() parses the options and
** sets everything up; lead_tool_feed() counts the rows of R (which must
** have been opened with lead_tool_rd_opts()) and returns 0, or -1 when R
** holds an error; lead_tool_print() writes the result, lead_tool_close()
** frees it all. Under --merge, lead_tool_merge() reads the parts R holds
** instead (0, or -1 when R holds an error), and lead_tool_merged(), after
** the last, returns NULL or why the parts cannot be merged (in BUF).
*/
struct lead_driver;
struct lead_driver *lead_tool_open(const struct lead_tool *tool, void *cfg,
    int argc, char **argv);
const struct rd_opts *lead_tool_rd_opts(const struct lead_driver *d);
int lead_tool_feed(struct lead_driver *d, struct reader *r);
int lead_tool_merge(struct lead_driver *d, struct reader *r);
const char *lead_tool_merged(struct lead_driver *d, char *buf, size_t size);
void lead_tool_print(struct lead_driver *d);
void lead_tool_close(struct lead_driver *d);

#endif
