/* See LICENSE file for copyright and license details. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "num.h"
#include "opts.h"
#include "util.h"

enum {
	OPT_BY = 256, OPT_PERIOD, OPT_FY_START, OPT_COL, OPT_DATE_FORMAT,
	OPT_SKIP_BAD, OPT_PRECISION, OPT_MAX_FIELD, OPT_VERSION,
	OPT_STAGES, OPT_STAGE_COL, OPT_WINDOW, OPT_ASOF, OPT_ANNOTATE,
	OPT_TOTAL, OPT_NO_DEDUP, OPT_PRESET, OPT_PRESET_FILE, OPT_EXPLAIN,
	OPT_JOBS, OPT_PARTIAL, OPT_MERGE, OPT_PROGRESS, OPT_NO_PROGRESS,
	OPT_STAGE_MAP, OPT_COUNT_COL, OPT_HEADER, OPT_OFS, OPT_JOIN, OPT_STALE,
	OPT_MAX_FIELDS
};

struct shared_option {
	unsigned family;     /* 0: every tool */
	struct tool_option opt;
};

static const struct shared_option shared[] = {
	{ OPTS_PARTS, { "partial", NULL, OPT_PARTIAL,
	    "write the mergeable state instead of the result" } },
	{ OPTS_PARTS, { "merge", NULL, OPT_MERGE,
	    "read --partial outputs and write the result" } },
	{ OPTS_STAGES | OPTS_STAGE_LIST, { "stages", "LIST", OPT_STAGES,
	    "ordered stages (default lead,mql,sql,opportunity,customer)" } },
	{ OPTS_STAGES, { "stage-col", "COL", OPT_STAGE_COL,
	    "one column holds each lead's current stage" } },
	{ OPTS_STAGES, { "stage-map", "VALUE=STAGE", OPT_STAGE_MAP | OPT_REPEAT,
	    "a --stage-col value VALUE means STAGE (repeatable)" } },
	{ OPTS_WINDOW, { "window", "DAYS", OPT_WINDOW,
	    "count a stage only if reached within DAYS of creation" } },
	{ OPTS_ASOF, { "asof", "DATE", OPT_ASOF,
	    "the moment the figures are as of (default: latest timestamp)" } },
	{ OPTS_ASOFS, { "asof", "DATE", OPT_ASOF | OPT_REPEAT,
	    "the moment the figures are as of (default: latest timestamp; repeatable)" } },
	{ OPTS_STALE, { "stale", "DAYS", OPT_STALE,
	    "an open lead quiet more than DAYS at --asof counts as lost" } },
	{ OPTS_ANNOTATE, { "annotate", NULL, OPT_ANNOTATE,
	    "pass every row through with new columns appended" } },
	{ OPTS_TOTAL, { "total", NULL, OPT_TOTAL,
	    "add a last row over all groups" } },
	{ OPTS_DEDUP, { "no-dedup", NULL, OPT_NO_DEDUP,
	    "keep rows with a repeated id (constant memory)" } },
	{ OPTS_COUNT, { "count-col", "COL", OPT_COUNT_COL,
	    "each row stands for as many leads as COL says" } },
	{ OPTS_JOBS, { "jobs", "N", OPT_JOBS,
	    "read files on N threads (the same result)" } },
	{ OPTS_JOIN, { "join", "FILE", OPT_JOIN | OPT_REPEAT,
	    "join FILE's columns onto the leads by id (repeatable)" } },
	{ 0, { "by", "COL[,COL...]", OPT_BY | OPT_REPEAT,
	    "group by these columns" } },
	{ 0, { "preset", "NAME", OPT_PRESET,
	    "read the input as a known export (see kpikit(7))" } },
	{ 0, { "preset-file", "FILE", OPT_PRESET_FILE | OPT_REPEAT,
	    "load more presets from FILE (repeatable)" } },
	{ 0, { "explain", NULL, OPT_EXPLAIN,
	    "report where preset columns come from, how --jobs read" } },
	{ 0, { "period", "P", OPT_PERIOD,
	    "bucket by day, week, month, quarter or year" } },
	{ 0, { "fiscal-year-start", "MONTH", OPT_FY_START,
	    "first month of the fiscal year (1-12 or jan-dec)" } },
	{ 0, { "col", "ROLE=HEADER", OPT_COL | OPT_REPEAT,
	    "read ROLE from column HEADER (repeatable)" } },
	{ 0, { "date-format", "FMT", OPT_DATE_FORMAT | OPT_REPEAT,
	    "also read dates in strptime(3) format FMT (repeatable)" } },
	{ 0, { "delimiter", "C", 'd',
	    "input field separator ('tab': TSV, 'space': blank runs)" } },
	{ 0, { "header", "NAME,...", OPT_HEADER,
	    "the input has no header line: these are its columns" } },
	{ 0, { "ofs", "C", OPT_OFS, "output field separator ('tab': TSV)" } },
	{ 0, { "skip-bad", NULL, OPT_SKIP_BAD,
	    "skip rows with bad values, count them on stderr" } },
	{ 0, { "max-field", "BYTES", OPT_MAX_FIELD,
	    "longest field accepted (default 1048576)" } },
	{ 0, { "max-fields", "N", OPT_MAX_FIELDS,
	    "most fields a record may have (default 100000)" } },
	{ 0, { "precision", "N", OPT_PRECISION,
	    "decimals in output numbers (default 6)" } },
	{ 0, { "progress", NULL, OPT_PROGRESS,
	    "progress line on stderr (default: on a terminal)" } },
	{ 0, { "no-progress", NULL, OPT_NO_PROGRESS,
	    "never show the progress line" } },
	{ 0, { "help", NULL, 'h', "show this help and exit" } },
	{ 0, { "version", NULL, OPT_VERSION, "show the version and exit" } },
};

enum { NSHARED = sizeof shared / sizeof shared[0] };

double
opt_double(const char *name, const char *arg, double min, double max)
{
	const char *err;
	double x;

	if ((err = num_parse(arg, strlen(arg), &x)) != NULL)
		usage_error("--%s: '%s': %s", name, arg, err);
	if (x < min || x > max)
		usage_error("--%s: '%s' is out of range (%g to %g)", name, arg,
		    min, max);
	return x;
}

long long
opt_int(const char *name, const char *arg, long long min, long long max)
{
	const char *err;
	long long x;

	if ((err = num_parse_int(arg, min, max, &x)) != NULL)
		usage_error("--%s: '%s': %s (%lld to %lld)", name, arg, err,
		    min, max);
	return x;
}

size_t
opt_positive_list(const char *name, const char *arg, double max, double **out)
{
	const char *p = arg, *end, *err;
	size_t n = 0;
	double x, *v = NULL;

	for (;; p = end + 1) {
		end = p + strcspn(p, ",");
		/* The values so far are freed before a usage error exits, so
		 * that LeakSanitizer, which may not see them on the stack,
		 * does not count them as lost. */
		if ((err = num_parse(p, (size_t)(end - p), &x)) != NULL) {
			free(v);
			usage_error("--%s: '%.*s' in '%s': %s", name,
			    (int)(end - p), p, arg, err);
		}
		if (!(x > 0 && x <= max)) {
			free(v);
			usage_error("--%s: '%.*s' is not a positive number up to %.15g",
			    name, (int)(end - p), p, max);
		}
		for (size_t i = 0; i < n; i++)
			if (v[i] == x) {
				free(v);
				usage_error("--%s: '%.*s' is given twice in '%s'",
				    name, (int)(end - p), p, arg);
			}
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = x;
		if (*end == '\0')
			break;
	}
	*out = v;
	return n;
}

static void
print_option(const struct tool_option *t)
{
	char left[64];

	snprintf(left, sizeof left, "%s--%s%s%s", t->key == 'd' ? "-d, " :
	    t->key == 'h' ? "-h, " : "",
	    t->name, t->arg ? " " : "", t->arg ? t->arg : "");
	printf("  %-28s %s\n", left, t->help);
}

static void
help(const struct tool_spec *spec)
{
	printf("usage: %s [options] %s\n%s\n\n", tool_name(), spec->operands,
	    spec->summary);
	for (const struct tool_option *t = spec->options; t && t->name; t++)
		print_option(t);
	for (size_t i = 0; i < NSHARED; i++)
		if (shared[i].family != 0 && (spec->families & shared[i].family))
			print_option(&shared[i].opt);
	printf("\nShared options:\n");
	for (size_t i = 0; i < NSHARED; i++)
		if (shared[i].family == 0)
			print_option(&shared[i].opt);
	printf("\nFILE '-' or none reads standard input. See %s(1) and "
	    "kpikit(7).\n", tool_name());
	exit(close_stdout());
}

static void
add_by(struct kpi_opts *o, const char *arg)
{
	const char *p = arg;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == 0)
			usage_error("--by: empty column name in '%s'", arg);
		o->group.by = xreallocarray(o->group.by, o->group.nby + 1,
		    sizeof *o->group.by);
		o->group.by[o->group.nby++] = xmemdup(p, len);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

static int
parse_month(const char *arg)
{
	static const char *const names[] = {
		"jan", "feb", "mar", "apr", "may", "jun",
		"jul", "aug", "sep", "oct", "nov", "dec",
	};

	for (int m = 0; m < 12; m++)
		if (strncasecmp(arg, names[m], 3) == 0 && strlen(arg) >= 3)
			return m + 1;
	return (int)opt_int("fiscal-year-start", arg, 1, 12);
}

/*
** The separator a name stands for (tab, comma, semicolon, space, any
** case; "\t" is a tab too), or 0 when ARG is not one of the names.
*/
static int
separator_name(const char *arg)
{
	static const struct { const char *name; int c; } names[] = {
		{ "tab", '\t' }, { "\\t", '\t' }, { "comma", ',' },
		{ "semicolon", ';' }, { "space", ' ' },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(arg, names[i].name) == 0)
			return names[i].c;
	return 0;
}

/*
** -d: a name (separator_name()) or one ASCII character other than a quote
** or a line end. A tab reads TSV and a space blank-separated text (lib/
** reader.h): both have no quoting, so neither is RFC 4180 with another
** separator.
*/
static int
parse_delimiter(const char *arg)
{
	int c = separator_name(arg);

	if (c == 0 && strlen(arg) == 1)
		c = (unsigned char)arg[0];
	if (c == ' ')
		return RD_SPACE;
	if (c == '\t')
		return '\t';
	if (c != 0 && c != '"' && c != '\n' && c != '\r' && c < 0x80)
		return c;
	usage_error("--delimiter: '%s' is not one ASCII character other "
	    "than a quote or a line end", arg);
}

/*
** --ofs: a name (separator_name()) or one ASCII character other than a
** quote or a line end, as the writer puts between fields.
*/
static int
parse_ofs(const char *arg)
{
	int c = separator_name(arg);

	if (c == 0 && strlen(arg) == 1)
		c = (unsigned char)arg[0];
	if (c == 0 || c == '"' || c == '\n' || c == '\r' || c >= 0x80)
		usage_error("--ofs: '%s' is not one ASCII character other than "
		    "a quote or a line end, nor tab, comma, semicolon or space",
		    arg);
	return c;
}

/*
** --header NAME,NAME,...: the column names of input without a header
** line, into O. An empty name is a usage error.
*/
static void
parse_header(struct kpi_opts *o, const char *arg)
{
	const char *p = arg;
	size_t n = 0;

	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		size_t b = 0, e = len;

		while (b < e && (p[b] == ' ' || p[b] == '\t'))
			b++;
		while (e > b && (p[e - 1] == ' ' || p[e - 1] == '\t'))
			e--;
		if (b == e)
			usage_error("--header: empty column name in '%s'", arg);
		o->header = xreallocarray(o->header, n + 2, sizeof *o->header);
		o->header[n++] = xmemdup(p + b, e - b);
		o->header[n] = NULL;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	o->rd.header = o->header;
	o->rd.nheader = n;
}

static void
load_preset_file(struct kpi_opts *o, const char *path)
{
	FILE *f = fopen(path, "r");
	struct strbuf text = {0};
	char buf[8192], *err;
	size_t n;

	if (f == NULL)
		die(EX_NOINPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (text.len + n > PRESET_FILE_MAX)
			usage_error("--preset-file: %s: more than %d bytes: a "
			    "preset file is a short text", path,
			    PRESET_FILE_MAX);
		sb_add(&text, buf, n);
	}
	if (ferror(f))
		die(EX_IOERR, "%s: read error: %s", path, strerror(errno));
	fclose(f);
	sb_add(&text, "", 0);
	if ((err = presets_parse(&o->presets, path, text.s, text.len)) != NULL)
		usage_error("--preset-file: %s", err);
	sb_free(&text);
}

const struct preset *
opts_preset(struct kpi_opts *o, const char *name, const char *table,
    const char *option)
{
	const struct preset *p = presets_find(&o->presets, name);
	char *const *fmts;
	size_t n;

	if (p == NULL) {
		char *names = presets_names(&o->presets);

		usage_error("%s: no preset '%s'; the presets are: %s", option,
		    name, names);
	}
	if (table != NULL && strcmp(preset_table(p), table) != 0)
		usage_error("%s: preset '%s' reads a %s table, not %s", option,
		    name, preset_table(p), table);
	n = preset_date_formats(p, &fmts);
	for (size_t i = 0; i < n; i++) {
		o->dates.fmt = xreallocarray(o->dates.fmt, o->dates.n + 1,
		    sizeof *o->dates.fmt);
		o->dates.fmt[o->dates.n++] = xstrdup(fmts[i]);
	}
	return p;
}

kpi_time
opt_date(const char *name, const char *arg, const struct date_formats *df)
{
	const char *err, *fmt, *alt;
	kpi_time t;
	size_t len = strlen(arg);

	if ((err = date_parse(arg, len, df, &t)) == NULL)
		return t;
	if ((fmt = date_suggest(arg, len, &alt)) != NULL && alt != NULL)
		usage_error("--%s: '%s': %s; try --date-format '%s' (US) or '%s'",
		    name, arg, err, fmt, alt);
	if (fmt != NULL)
		usage_error("--%s: '%s': %s; try --date-format '%s'", name, arg,
		    err, fmt);
	usage_error("--%s: '%s': %s", name, arg, err);
}

/*
** A date-only --asof means the end of that day: "as of 2026-09-30" takes
** in everything that happened on the 30th.
*/
static kpi_time
parse_asof(const char *arg, const struct date_formats *df)
{
	kpi_time t = opt_date("asof", arg, df);

	if (strlen(arg) == 10 && t % MS_PER_DAY == 0)
		t += MS_PER_DAY - 1;
	return t;
}

/*
** The first value of each option with an argument, so that a second one
** is refused: "--spend a --spend b" used to read b alone, silently.
** OPTS[i] is the option of LONGOPTS[i]; N of them. Options marked
** OPT_REPEAT add to a list and may come again; flags too.
*/
static void
check_once(const struct option *longopts, const struct tool_option **opts,
    const char **given, size_t n, int key, const char *arg)
{
	for (size_t i = 0; i < n; i++) {
		if (longopts[i].val != key)
			continue;
		if (opts[i]->arg == NULL || (opts[i]->key & OPT_REPEAT))
			return;
		if (given[i] != NULL)
			usage_error("--%s given twice: '%s', then '%s'; it takes "
			    "one value", opts[i]->name, given[i], arg);
		given[i] = arg;
		return;
	}
}

void
opts_parse(struct kpi_opts *o, const struct tool_spec *spec, void *ctx,
    int argc, char **argv)
{
	struct option *longopts;
	const struct tool_option **opts;
	const char **given;
	size_t n = 0, ntool = 0;
	enum progress_mode progress = PROGRESS_AUTO;
	int c;

	memset(o, 0, sizeof *o);
	o->group.period = PERIOD_NONE;
	o->group.fy_start = 1;
	o->precision = 6;
	o->ofs = ',';
	o->leads.window_days = -1;
	o->leads.asof = NO_TIME;
	o->leads.stale_days = -1;
	o->leads.dedup = 1;
	o->jobs = 1;
	o->leads.count_ok = (spec->families & OPTS_COUNT) != 0;

	for (const struct tool_option *t = spec->options; t && t->name; t++)
		ntool++;
	longopts = xcalloc(ntool + NSHARED + 1, sizeof *longopts);
	opts = xcalloc(ntool + NSHARED, sizeof *opts);
	given = xcalloc(ntool + NSHARED, sizeof *given);
	for (size_t i = 0; i < ntool; i++) {
		opts[n] = &spec->options[i];
		longopts[n++] = (struct option){ spec->options[i].name,
		    spec->options[i].arg ? required_argument : no_argument,
		    NULL, spec->options[i].key & ~OPT_REPEAT };
	}
	for (size_t i = 0; i < NSHARED; i++)
		if (shared[i].family == 0 || (spec->families & shared[i].family)) {
			opts[n] = &shared[i].opt;
			longopts[n++] = (struct option){ shared[i].opt.name,
			    shared[i].opt.arg ? required_argument : no_argument,
			    NULL, shared[i].opt.key & ~OPT_REPEAT };
		}

	opterr = 0;    /* our messages, not getopt's */
	while ((c = getopt_long(argc, argv, ":d:h", longopts, NULL)) != -1) {
		if (c != ':' && c != '?')
			check_once(longopts, opts, given, n, c, optarg);
		switch (c) {
		case 'd':
			o->rd.delim = parse_delimiter(optarg);
			break;
		case OPT_HEADER:
			parse_header(o, optarg);
			break;
		case OPT_OFS:
			o->ofs = parse_ofs(optarg);
			break;
		case OPT_BY:
			add_by(o, optarg);
			break;
		case OPT_PERIOD:
			if ((o->group.period = period_from_name(optarg)) < 0)
				usage_error("--period: '%s' is not day, week, month, "
				    "quarter or year", optarg);
			break;
		case OPT_FY_START:
			o->group.fy_start = parse_month(optarg);
			break;
		case OPT_COL:
			colmap_add(&o->cols, "--col", optarg);
			break;
		case OPT_DATE_FORMAT:
			if (date_format_check(optarg) != NULL)
				usage_error("--date-format '%s': %s", optarg,
				    date_format_check(optarg));
			o->dates.fmt = xreallocarray(o->dates.fmt, o->dates.n + 1,
			    sizeof *o->dates.fmt);
			o->dates.fmt[o->dates.n++] = xstrdup(optarg);
			break;
		case OPT_SKIP_BAD:
			o->rd.skip_bad = 1;
			break;
		case OPT_MAX_FIELD:
			o->rd.max_field = (size_t)opt_int("max-field", optarg, 1,
			    (long long)1 << 40);
			break;
		case OPT_MAX_FIELDS:
			o->rd.max_fields = (size_t)opt_int("max-fields", optarg,
			    1, (long long)1 << 40);
			break;
		case OPT_PRECISION:
			o->precision = (int)opt_int("precision", optarg, 0, 15);
			break;
		case OPT_STAGES:
			o->leads.stages = optarg;
			break;
		case OPT_STAGE_COL:
			o->leads.stage_col = optarg;
			break;
		case OPT_STAGE_MAP:
			o->leads.stage_map = xreallocarray(o->leads.stage_map,
			    o->leads.nstage_map + 1, sizeof *o->leads.stage_map);
			o->leads.stage_map[o->leads.nstage_map++] = optarg;
			break;
		case OPT_WINDOW:
			o->leads.window_days = opt_int("window", optarg, 0, 36500);
			break;
		case OPT_ASOF:
			o->asof_arg = xreallocarray(o->asof_arg, o->nasof + 1,
			    sizeof *o->asof_arg);
			o->asof_arg[o->nasof++] = optarg;
			break;
		case OPT_STALE:
			o->leads.stale_days = opt_double("stale", optarg, 0, 36500);
			if (o->leads.stale_days <= 0)
				usage_error("--stale: '%s' is not a positive number of "
				    "days", optarg);
			break;
		case OPT_ANNOTATE:
			o->annotate = 1;
			break;
		case OPT_TOTAL:
			o->total = 1;
			break;
		case OPT_NO_DEDUP:
			o->leads.dedup = 0;
			break;
		case OPT_PRESET:
			o->preset = optarg;
			break;
		case OPT_PRESET_FILE:
			if (o->presets.n == 0)
				presets_builtin(&o->presets);
			load_preset_file(o, optarg);
			break;
		case OPT_EXPLAIN:
			o->explain = 1;
			break;
		case OPT_PARTIAL:
			o->partial = 1;
			break;
		case OPT_MERGE:
			o->merge = 1;
			break;
		case OPT_JOBS:
			o->jobs = opt_int("jobs", optarg, 1, 256);
			break;
		case OPT_COUNT_COL:
			o->leads.count_col = optarg;
			break;
		case OPT_JOIN:
			o->join = xreallocarray(o->join, o->njoin + 1,
			    sizeof *o->join);
			o->join[o->njoin++] = strcmp(optarg, "-") == 0 ? NULL :
			    optarg;
			break;
		case OPT_PROGRESS:
			progress = PROGRESS_ON;
			break;
		case OPT_NO_PROGRESS:
			progress = PROGRESS_OFF;
			break;
		case 'h':
		case OPT_VERSION:
			/* Both end the program here: nothing left behind. */
			free(longopts);
			free(opts);
			free(given);
			if (c == 'h')
				help(spec);
			printf("%s (kpikit) %s\n", tool_name(), KPI_VERSION);
			exit(close_stdout());
		case ':':
			usage_error("option '%s' needs an argument", argv[optind - 1]);
		case '?':
			if (optopt != 0)
				usage_error("unknown option '-%c'", optopt);
			usage_error("unknown option '%s'", argv[optind - 1]);
		default:
			if (c >= OPT_TOOL && spec->handle != NULL)
				spec->handle(ctx, c, optarg);
			else
				usage_error("internal error: option %d", c);
		}
	}
	free(longopts);
	free(opts);
	free(given);
	if (o->presets.n == 0)
		presets_builtin(&o->presets);
	o->rd.explain = o->explain;
	if (o->preset != NULL) {
		const struct preset *p = opts_preset(o, o->preset, spec->table,
		    "--preset");

		o->rd.filter = preset_filter(p);
		if (o->leads.stages == NULL)
			o->leads.stages = preset_stages(p);
	}
	if (o->nasof > 0) {
		/* After the loop: a --date-format given later reads them too. */
		o->asof_at = xcalloc(o->nasof, sizeof *o->asof_at);
		for (size_t i = 0; i < o->nasof; i++)
			o->asof_at[i] = parse_asof(o->asof_arg[i], &o->dates);
		o->leads.asof = o->asof_at[0];
	}

	o->nfiles = (size_t)(argc - optind);
	o->files = xcalloc(o->nfiles + 1, sizeof *o->files);
	for (size_t i = 0; i < o->nfiles; i++)
		o->files[i] = argv[optind + (int)i];
	if (o->nfiles == 0)
		o->nfiles = 1;      /* files[0] is NULL: standard input */

	/* --annotate streams rows out as it reads: a terminal showing them
	 * gets no progress line between them unless asked. */
	if (progress == PROGRESS_AUTO && o->annotate && isatty(1))
		progress = PROGRESS_OFF;
	if (progress_init(&o->progress, progress)) {
		for (size_t i = 0; i < o->nfiles; i++)
			progress_expect(&o->progress, o->files[i]);
		o->rd.progress = &o->progress;
	}
}

int
opts_rereadable(const struct kpi_opts *o)
{
	struct stat st;

	for (size_t i = 0; i < o->nfiles; i++)
		if (o->files[i] == NULL || strcmp(o->files[i], "-") == 0 ||
		    stat(o->files[i], &st) < 0 || !S_ISREG(st.st_mode))
			return 0;
	return o->nfiles > 0;
}

void
opts_writer(const struct kpi_opts *o, struct writer *w)
{
	wr_init(w, stdout, o->precision);
	wr_set_ofs(w, o->ofs);
}

void
opts_free(struct kpi_opts *o)
{
	for (size_t i = 0; i < o->group.nby; i++)
		free(o->group.by[i]);
	free(o->group.by);
	colmap_free(&o->cols);
	for (size_t i = 0; i < o->dates.n; i++)
		free(o->dates.fmt[i]);
	free(o->dates.fmt);
	free(o->files);
	free(o->leads.stage_map);
	free(o->asof_arg);
	free(o->asof_at);
	for (size_t i = 0; o->header != NULL && o->header[i] != NULL; i++)
		free(o->header[i]);
	free(o->header);
	free(o->join);
	presets_free(&o->presets);
	progress_free(&o->progress);
}
