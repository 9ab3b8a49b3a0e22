/* See LICENSE file for copyright and license details. */
/*
** cycle-length: per group, how long rows took from one stage to another:
** how many were won, lost and are still open, the distribution of the
** closed cycles, and with --km the Kaplan-Meier estimate that counts the
** open rows too, as censored; with --within its chance of reaching --to
** within given times; with --sla, how many met a deadline (lib/sla.h),
** counted in working time with --business-hours (lib/bizhours.h). See
** cycle-length(1).
*/
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/bizhours.h"
#include "../lib/leadtool.h"
#include "../lib/sla.h"
#include "../lib/stats.h"
#include "../lib/survival.h"
#include "../lib/units.h"

enum {
	OPT_FROM = OPT_TOOL, OPT_TO, OPT_INCLUDE_LOST, OPT_KM, OPT_UNIT,
	OPT_WITHIN, OPT_SLA, OPT_BUSINESS_HOURS
};

static const struct tool_option tool_options[] = {
	{ "from", "STAGE", OPT_FROM,
	    "the cycle starts at this stage (default: the first)" },
	{ "to", "STAGE", OPT_TO,
	    "the cycle ends at this stage (default: the last)" },
	{ "include-lost", NULL, OPT_INCLUDE_LOST,
	    "lost rows' cycles (up to lost_at) join the statistics" },
	{ "km", NULL, OPT_KM,
	    "add the Kaplan-Meier estimate, open rows censored at --asof" },
	{ "unit", "UNIT", OPT_UNIT, "days, hours or weeks (default days)" },
	{ "within", "D[,D...]", OPT_WITHIN,
	    "add the Kaplan-Meier chance of reaching --to within D days" },
	{ "sla", "DURATION", OPT_SLA,
	    "add who reached --to within DURATION (24h, 2d, 90m, 1w)" },
	{ "business-hours", "HOURS,DAYS", OPT_BUSINESS_HOURS,
	    "count only working time, in UTC (09:00-17:00,mon-fri)" },
	{ 0 }
};

struct config {
	const char *from_name, *to_name;  /* NULL: the first, the last */
	int from, to;                     /* their stage indexes, from < to */
	int include_lost;
	int km;
	const struct unit *unit;
	double *within;                   /* --within, in units; nwithin */
	size_t nwithin;
	int64_t sla;                      /* --sla in ms; 0 without it */
	const char *bizhours_spec;        /* --business-hours; NULL: all time */
	struct bizhours bh;
	char cycle_col[32];               /* --annotate: cycle_days */
	const char *annotate_cols[3];
};

enum status { OUTSIDE, WON, LOST, OPEN };

static const char *const status_name[] = { "", "won", "lost", "open" };

/* Where one row stands in the cycle, as of --asof. */
struct cycle {
	enum status status;
	kpi_time start;
	kpi_time end;                   /* NO_TIME while open */
};

/*
** Per group. The statistics are computed at the end from the sorted
** values, so that tallies of disjoint rows merge exactly. Lost rows'
** cycles and open rows' starts are kept when an option (or --merge)
** needs them.
*/
struct tally {
	uint64_t won, lost, open;
	struct dvec won_ms;      /* ms each won cycle took */
	struct dvec lost_ms;     /* ms each lost cycle took */
	struct dvec open_start;  /* when each open row's cycle started (ms
	                            since the epoch): censored at --asof */
};

static const struct tally_field tally_fields[] = {
	{ "won", TALLY_COUNT, offsetof(struct tally, won) },
	{ "lost", TALLY_COUNT, offsetof(struct tally, lost) },
	{ "open", TALLY_COUNT, offsetof(struct tally, open) },
	{ "won_ms", TALLY_VALUES, offsetof(struct tally, won_ms) },
	{ "lost_ms", TALLY_VALUES, offsetof(struct tally, lost_ms) },
	{ "open_start", TALLY_VALUES, offsetof(struct tally, open_start) },
	{ NULL, 0, 0 },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;
	const char *err;

	switch (key) {
	case OPT_FROM:
		cfg->from_name = arg;
		break;
	case OPT_TO:
		cfg->to_name = arg;
		break;
	case OPT_INCLUDE_LOST:
		cfg->include_lost = 1;
		break;
	case OPT_KM:
		cfg->km = 1;
		break;
	case OPT_UNIT:
		if ((cfg->unit = unit_find(arg, UNITS_DURATION)) == NULL)
			usage_error("--unit: '%s' is not days, hours or weeks", arg);
		break;
	case OPT_WITHIN:
		cfg->nwithin = opt_positive_list("within", arg, 1e6, &cfg->within);
		break;
	case OPT_SLA:
		if ((err = sla_parse_duration(arg, &cfg->sla)) != NULL)
			usage_error("--sla: '%s' is %s", arg, err);
		break;
	case OPT_BUSINESS_HOURS:
		if ((err = bizhours_parse(arg, &cfg->bh)) != NULL)
			usage_error("--business-hours: '%s': %s", arg, err);
		cfg->bizhours_spec = arg;
		break;
	}
}

static void
setup(struct lead_run *run)
{
	struct config *cfg = run->cfg;
	const struct stages *st = &run->leads->st;

	if (run->leads->stage_col != NULL)
		usage_error("--stage-col has no timestamps, and a cycle needs "
		    "them: give one column per stage");
	cfg->from = stages_option(st, "from", cfg->from_name, 0);
	cfg->to = stages_option(st, "to", cfg->to_name, (int)st->n - 1);
	if (cfg->from >= cfg->to)
		usage_error("--from %s must come before --to %s in the stages",
		    st->name[cfg->from], st->name[cfg->to]);
	if (run->o->annotate && (cfg->km || cfg->include_lost))
		usage_error("--annotate writes rows, not groups: --km and "
		    "--include-lost do not apply");
	if (run->o->annotate && cfg->nwithin)
		usage_error("--annotate writes rows, not groups: --within does "
		    "not apply");
	if (run->o->annotate && cfg->sla)
		usage_error("--annotate writes rows, not groups: --sla does not "
		    "apply");
	snprintf(cfg->cycle_col, sizeof cfg->cycle_col, "cycle_%s",
	    cfg->unit->name);
	cfg->annotate_cols[0] = cfg->cycle_col;
	cfg->annotate_cols[1] = "cycle_status";
	cfg->annotate_cols[2] = NULL;
}

static const char *const *
annotate_cols(const struct lead_run *run)
{
	return ((const struct config *)run->cfg)->annotate_cols;
}

/* A part holds the cycles between these stages. */
static void
part_options(const struct lead_run *run, struct part_options *po)
{
	const struct config *cfg = run->cfg;

	part_option_add(po, "from", run->leads->st.name[cfg->from]);
	part_option_add(po, "to", run->leads->st.name[cfg->to]);
	if (cfg->bizhours_spec != NULL)
		part_option_add(po, "business-hours", cfg->bizhours_spec);
}

/*
** Where lead D stands in the cycle as of --asof (without it, as of the
** end of the input). It is in the cycle once it has reached --from, as
** lead-convert counts reaching a stage, and its cycle has started by
** --asof. The cycle starts at --from's own timestamp or, when the row
** skipped that stage, when it passed it (the earliest later timestamp).
** It ends when the row reached --to (won) or else was lost.
*/
static void
classify(const struct lead_run *run, const struct lead *d, struct cycle *c)
{
	const struct config *cfg = run->cfg;
	const struct leads *l = run->leads;
	int top = leads_top(l, d, l->asof);

	c->status = OUTSIDE;
	c->end = NO_TIME;
	if (top < cfg->from)
		return;
	c->start = d->at[cfg->from] != NO_TIME ? d->at[cfg->from] :
	    d->reach[cfg->from];
	if (l->asof != NO_TIME && c->start > l->asof)
		return;
	if (top >= cfg->to) {
		c->status = WON;
		c->end = d->reach[cfg->to];
	} else if (d->lost != NO_TIME && (l->asof == NO_TIME ||
	    d->lost <= l->asof)) {
		c->status = LOST;
		c->end = d->lost;
	} else {
		c->status = OPEN;
	}
}

/*
** A row counts when it is in the cycle, grouped by the period of the
** cycle's start. A cycle that ends (won at --to, or lost) before it starts
** has dates that go back (leads_order() finds them; the driver's note
** counts such leads): the row is won or lost all the same, but no
** duration can be made of it, and it is left out of the statistics.
*/
static int
place(const struct lead_run *run, struct reader *r, const struct row *row,
    const struct lead *d, kpi_time *when)
{
	struct cycle c;

	(void)r;
	(void)row;
	classify(run, d, &c);
	if (c.status == OUTSIDE)
		return 0;
	*when = c.start;
	return 1;
}

/* The duration from A to B in ms: working time with --business-hours. */
static double
span(const struct config *cfg, kpi_time a, kpi_time b)
{
	if (cfg->bizhours_spec != NULL)
		return (double)bizhours_between(&cfg->bh, a, b);
	return (double)(b - a);
}

/* Whether closed cycle C ends before it starts: no duration of it. */
static int
backwards(const struct cycle *c)
{
	return (c->status == WON || c->status == LOST) && c->end < c->start;
}

static void
add(const struct lead_run *run, void *tally, const struct lead *d, int top)
{
	const struct config *cfg = run->cfg;
	struct tally *t = tally;
	struct cycle c;

	(void)top;
	classify(run, d, &c);
	switch (c.status) {
	case WON:
		t->won++;
		if (!backwards(&c))
			dvec_push(&t->won_ms, span(cfg, c.start, c.end));
		break;
	case LOST:
		t->lost++;
		if ((cfg->include_lost || run->keep_all) && !backwards(&c))
			dvec_push(&t->lost_ms, span(cfg, c.start, c.end));
		break;
	case OPEN:
		t->open++;
		if (cfg->km || cfg->nwithin || cfg->sla || run->keep_all)
			dvec_push(&t->open_start, (double)c.start);
		break;
	case OUTSIDE:
		break;
	}
}

/* Merged parts keep a cycle for every row they count, but those that
** end before they start. */
static const char *
check(const struct lead_run *run, const void *tally, char *buf, size_t size)
{
	const struct tally *t = tally;

	(void)run;
	if (t->won_ms.n <= t->won && t->lost_ms.n <= t->lost &&
	    t->open_start.n == t->open)
		return NULL;
	snprintf(buf, size, "it counts %llu won, %llu lost and %llu open rows "
	    "but has %zu, %zu and %zu cycles", (unsigned long long)t->won,
	    (unsigned long long)t->lost, (unsigned long long)t->open,
	    t->won_ms.n, t->lost_ms.n, t->open_start.n);
	return buf;
}

static void
header(const struct lead_run *run, struct writer *w)
{
	const struct config *cfg = run->cfg;
	const char *unit = cfg->unit->name;

	lead_key_header(run, w);
	wr_str(w, "won");
	wr_str(w, "lost");
	wr_str(w, "open");
	for (size_t i = 0; i < SUMMARY_N; i++)
		wr_strf(w, "%s_%s", summary_names[i], unit);
	if (cfg->km) {
		wr_strf(w, "km_median_%s", unit);
		wr_strf(w, "km_p75_%s", unit);
		wr_str(w, "km_events");
	}
	for (size_t i = 0; i < cfg->nwithin; i++) {
		wr_strf(w, "within_%.15g%c", cfg->within[i], unit[0]);
		wr_strf(w, "within_%.15g%c_lo", cfg->within[i], unit[0]);
		wr_strf(w, "within_%.15g%c_hi", cfg->within[i], unit[0]);
	}
	if (cfg->sla) {
		static const char *const sla_cols[] = { "eligible", "within_sla",
		    "breached", "pending", "sla_rate", "sla_rate_lo",
		    "sla_rate_hi", "sla_km", "sla_km_lo", "sla_km_hi" };

		for (size_t i = 0; i < sizeof sla_cols / sizeof *sla_cols; i++)
			wr_str(w, sla_cols[i]);
	}
	wr_end(w);
}

/* 1 - S(T) and its interval, 1 - the bounds of S's (km_at()): the chance
** of reaching --to within T; empty past the longest time observed. */
static void
write_reached(struct writer *w, const struct km *km, double t)
{
	struct km_point p;

	km_at(km, t, 0.95, &p);
	wr_num(w, 1 - p.surv);
	wr_num(w, 1 - p.hi);
	wr_num(w, 1 - p.lo);
}

/*
** The Kaplan-Meier columns: the closed cycles CLOSED (sorted) are the
** events, the open rows censored at their AGES (sorted); --within's at
** each D, --sla's at the SLA after its counts (lib/sla.h: the won rows'
** cycles, every lost row, the open rows' ages).
*/
static void
write_km(struct writer *w, const struct lead_run *run, const struct tally *t,
    const struct dvec *closed, const struct dvec *ages)
{
	const struct config *cfg = run->cfg;
	double unit = cfg->unit->ms;
	struct sla_counts c;
	struct km km;

	km_estimate(&km, closed->v, closed->n, ages->v, ages->n);
	if (cfg->km) {
		wr_num(w, km_quantile(&km, 0.5) / unit);
		wr_num(w, km_quantile(&km, 0.75) / unit);
		wr_int(w, (int64_t)km.events);
	}
	for (size_t i = 0; i < cfg->nwithin; i++)
		write_reached(w, &km, round(cfg->within[i] * unit));
	if (cfg->sla) {
		sla_count(&c, (double)cfg->sla, t->won_ms.v, t->won_ms.n, t->lost,
		    ages->v, ages->n, 0.95);
		wr_int(w, (int64_t)(c.within + c.breached));
		wr_int(w, (int64_t)c.within);
		wr_int(w, (int64_t)c.breached);
		wr_int(w, (int64_t)c.pending);
		wr_num(w, c.rate);
		wr_num(w, c.lo);
		wr_num(w, c.hi);
		write_reached(w, &km, (double)cfg->sla);
	}
	km_free(&km);
}

/* One group's figures over its closed cycles: the won ones, and the lost
** ones with --include-lost. */
static void
write_tally(const struct lead_run *run, struct writer *w, void *tally,
    const struct lead_key *key)
{
	const struct config *cfg = run->cfg;
	const struct tally *t = tally;
	double unit = cfg->unit->ms;
	struct dvec closed = {0}, ages = {0};
	double s[SUMMARY_N];
	kpi_time asof = run->leads->asof != NO_TIME ? run->leads->asof :
	    run->latest;

	dvec_append(&closed, &t->won_ms);
	if (cfg->include_lost)
		dvec_append(&closed, &t->lost_ms);
	sort_doubles(closed.v, closed.n);
	summary_sorted(closed.v, closed.n, s);
	lead_key_write(key, w);
	wr_int(w, (int64_t)t->won);
	wr_int(w, (int64_t)t->lost);
	wr_int(w, (int64_t)t->open);
	for (size_t i = 0; i < SUMMARY_N; i++)
		wr_num(w, s[i] / unit);
	for (size_t i = 0; i < t->open_start.n; i++)
		dvec_push(&ages, span(cfg, (kpi_time)t->open_start.v[i], asof));
	sort_doubles(ages.v, ages.n);
	if (cfg->km || cfg->nwithin || cfg->sla)
		write_km(w, run, t, &closed, &ages);
	wr_end(w);
	dvec_free(&closed);
	dvec_free(&ages);
}

/*
** --annotate: each row's cycle and status. An open row's cycle so far
** needs the as-of time, which without --asof is known only at the end of
** the input: then it is left empty.
*/
static void
annotate(const struct lead_run *run, struct writer *w, const struct lead *d,
    int placed)
{
	const struct config *cfg = run->cfg;
	kpi_time asof = run->leads->asof;
	struct cycle c = { OUTSIDE, NO_TIME, NO_TIME };

	if (placed)
		classify(run, d, &c);
	if (backwards(&c))
		wr_empty(w);
	else if (c.status == WON || c.status == LOST)
		wr_num(w, span(cfg, c.start, c.end) / cfg->unit->ms);
	else if (c.status == OPEN && asof != NO_TIME)
		wr_num(w, span(cfg, c.start, asof) / cfg->unit->ms);
	else
		wr_empty(w);
	wr_str(w, status_name[c.status]);
}

static const struct lead_tool tool = {
	.spec = {
		"[file ...]",
		"How long rows take from one stage to another, open ones "
		"counted.",
		OPTS_STAGES | OPTS_ASOFS | OPTS_STALE | OPTS_ANNOTATE |
		    OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS | OPTS_PARTS | OPTS_JOIN,
		tool_options, handle_option, "leads",
	},
	.tally = { sizeof(struct tally), tally_fields, 0 },
	.add = add,
	.header = header,
	.write = write_tally,
	.place = place,
	.check = check,
	.setup = setup,
	.options = part_options,
	.backwards_note = "a cycle that ends before it starts is left out of "
	    "the cycle statistics and --km",
	.annotate_cols = annotate_cols,
	.annotate = annotate,
};

int
main(int argc, char *argv[])
{
	struct config cfg = { .unit = unit_find("days", UNITS_DURATION) };
	int status = lead_tool_main(&tool, &cfg, argc, argv);

	free(cfg.within);
	return status;
}
