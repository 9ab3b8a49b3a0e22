/* See LICENSE file for copyright and license details. */
/*
** pipeline: per group and period of closing, the deals closed, won and
** lost, the win rate by count and by value, the average won deal and
** cycle, the deals open at the period's end and the sales velocity they
** make, with --levers its change split into its four levers and with
** --target the coverage. Other outputs, one at a time, as of --asof:
** --stages-table (P(win) per stage and the weighted pipeline),
** --waterfall (from --from-date to --asof), --aging and --annotate (days
** in the current stage). See pipeline(1); the arithmetic is
** lib/pipeline.c's.
*/
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/leadtool.h"
#include "../lib/money.h"
#include "../lib/pipeline.h"
#include "../lib/util.h"

enum { OPT_FROM = OPT_TOOL, OPT_LEVERS, OPT_STAGES_TABLE, OPT_PROB_COL,
	OPT_TARGET, OPT_WATERFALL, OPT_FROM_DATE, OPT_AGING, OPT_STALE_AFTER };

static const struct tool_option tool_options[] = {
	{ "from", "STAGE", OPT_FROM, "a deal is open from this stage on "
	    "(default: opportunity, else the first)" },
	{ "levers", NULL, OPT_LEVERS, "split the change of velocity from the "
	    "period before into its four levers (needs --period)" },
	{ "stages-table", NULL, OPT_STAGES_TABLE, "per stage: the share of "
	    "deals won after it, the open deals there, the weighted pipeline" },
	{ "prob-col", "COL", OPT_PROB_COL, "with --stages-table: weigh each "
	    "open deal by its probability in COL, 0 to 1" },
	{ "target", "AMOUNT", OPT_TARGET, "add coverage = open_amount / AMOUNT "
	    "and required_coverage = 1 / win_rate" },
	{ "waterfall", NULL, OPT_WATERFALL, "open deals at --from-date, + created, "
	    "- won, - lost = open at --asof, in count and amount" },
	{ "from-date", "DATE", OPT_FROM_DATE, "where --waterfall starts (a date "
	    "alone: the end of that day)" },
	{ "aging", NULL, OPT_AGING, "per stage: the open deals there, their "
	    "days in it, and the median days of those that moved on" },
	{ "stale-after", "DAYS", OPT_STALE_AFTER, "with --aging or --annotate: "
	    "flag open deals in their stage more than DAYS" },
	{ 0 }
};

/* --levers' columns: the change of ln velocity, each lever's term and
** its share of the change, in the order of lib/pipeline.h's LEVER_*. */
static const char *const lever_cols[] = {
	"dln_velocity", "lever_open", "lever_win_rate", "lever_deal_size",
	"lever_cycle", "share_open", "share_win_rate", "share_deal_size",
	"share_cycle", NULL
};

/* The largest amount added exactly: 2^53 micro-units (lib/money.h). */
#define AMOUNT_MAX (1LL << 53)

struct config {
	const char *from_name;      /* --from; NULL: the default */
	int from;                   /* its stage index, below the last */
	int levers;                 /* --levers */
	int stages_table;           /* --stages-table */
	const char *prob_col;       /* --prob-col; NULL without */
	money target;               /* --target in micro-units; 0 without */
	int waterfall;              /* --waterfall */
	const char *from_date_arg;  /* --from-date as given, NULL without */
	kpi_time from_date;         /* it, parsed by setup() */
	int aging;                  /* --aging */
	double stale_after;         /* --stale-after in days; -1 without */
	struct lead_tool *tool;     /* main()'s, whose roles --prob-col adds */
	struct role roles[2];       /* amount, and --prob-col's */
	/* Carried from one period row to the next of the same --by group:
	 * the deals open at the period's end, the velocity factors. */
	struct strbuf by;           /* the --by part of the last row's key */
	struct pipe_carry carry;
	const char *carry_asof;     /* and the --asof of its rows (several) */
	uint64_t unpriced;          /* won deals without an amount, counted
	                               over the rows written */
	int unpriced_deals;         /* some row's open or lost deals are not
	                               all priced */
};

/* --waterfall's columns, in the order of lib/pipeline.h's WF_*. */
static const char *const wf_cols[] = {
	"open_start", "created", "won", "lost", "open_end",
	"open_start_amount", "created_amount", "won_amount", "lost_amount",
	"open_end_amount", NULL
};

/*
** The tool's columns (config.roles): the amount, and with --prob-col the
** probability. decode() puts the amount into d->value[0] in micro-units,
** or -1 when the row has none, and the probability into d->value[1] in
** millionths, or -1.
*/
#define NONE (-1)

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;
	const char *err;

	switch (key) {
	case OPT_FROM:
		cfg->from_name = arg;
		break;
	case OPT_LEVERS:
		cfg->levers = 1;
		break;
	case OPT_STAGES_TABLE:
		cfg->stages_table = 1;
		break;
	case OPT_PROB_COL:
		cfg->prob_col = arg;
		cfg->roles[1] = (struct role){ "probability", arg, 1 };
		cfg->tool->nextra = 2;
		break;
	case OPT_AGING:
		cfg->aging = 1;
		break;
	case OPT_STALE_AFTER:
		cfg->stale_after = opt_double("stale-after", arg, 0, 1e6);
		break;
	case OPT_WATERFALL:
		cfg->waterfall = 1;
		break;
	case OPT_FROM_DATE:
		cfg->from_date_arg = arg;
		break;
	case OPT_TARGET:
		if ((err = money_parse(arg, strlen(arg), &cfg->target)) != NULL)
			usage_error("--target: '%s': %s", arg, err);
		if (cfg->target <= 0)
			usage_error("--target: '%s': the target must be above 0",
			    arg);
		break;
	}
}

/*
** --waterfall: from --from-date (a date alone meaning the end of that day,
** as --asof does) to --asof, both needed, the first before the second;
** one row per --by group, so no --period, and none of the other modes.
*/
static void
setup_waterfall(struct lead_run *run)
{
	struct config *cfg = run->cfg;
	kpi_time asof = run->leads->asof;

	if (cfg->from_date_arg == NULL || asof == NO_TIME)
		usage_error("--waterfall runs from --from-date to --asof: give "
		    "both");
	if (run->o->nasof > 1)
		usage_error("--waterfall runs from --from-date to one --asof: "
		    "give one");
	cfg->from_date = opt_date("from-date", cfg->from_date_arg,
	    &run->o->dates);
	if (strlen(cfg->from_date_arg) == 10 && cfg->from_date % MS_PER_DAY == 0)
		cfg->from_date += MS_PER_DAY - 1;
	if (cfg->from_date >= asof)
		usage_error("--from-date %s must come before --asof",
		    cfg->from_date_arg);
	if (run->grouping->period != PERIOD_NONE)
		usage_error("--waterfall is one row per group from --from-date "
		    "to --asof: --period does not apply");
}

static void
setup(struct lead_run *run)
{
	struct config *cfg = run->cfg;
	const struct stages *st = &run->leads->st;
	int opp = stages_find(st, "opportunity", strlen("opportunity"));

	if (run->leads->stage_col != NULL)
		usage_error("--stage-col has no timestamps, and pipeline places "
		    "each deal by the times it opened and closed: give one "
		    "column per stage");
	cfg->from = stages_option(st, "from", cfg->from_name, opp >= 0 ? opp :
	    0);
	if (cfg->from >= (int)st->n - 1)
		usage_error("--from %s: a deal is open from --from until the "
		    "last stage, %s, so --from must come before it",
		    st->name[cfg->from], st->name[st->n - 1]);
	if (cfg->levers && run->grouping->period == PERIOD_NONE)
		usage_error("--levers compares each period with the one before: "
		    "give --period");
	if (cfg->aging + cfg->stages_table + cfg->waterfall + run->o->annotate +
	    (cfg->levers || cfg->target > 0) > 1)
		usage_error("--aging, --stages-table, --waterfall, --annotate and "
		    "--levers or --target are different outputs: give one");
	if ((cfg->stages_table || cfg->aging) &&
	    run->grouping->period != PERIOD_NONE)
		usage_error("--%s is as of --asof, one row per stage: --period "
		    "does not apply", cfg->aging ? "aging" : "stages-table");
	if (run->o->annotate && run->leads->asof == NO_TIME)
		usage_error("--annotate counts the days in stage to --asof, and "
		    "annotation streams: give --asof");
	if (cfg->stale_after >= 0 && !cfg->aging && !run->o->annotate)
		usage_error("--stale-after flags the deals of --aging and "
		    "--annotate: give one");
	if (cfg->waterfall)
		setup_waterfall(run);
	else if (cfg->from_date_arg != NULL)
		usage_error("--from-date is where --waterfall starts: give it");
	if (cfg->prob_col != NULL && !cfg->stages_table)
		usage_error("--prob-col weighs the open deals of --stages-table: "
		    "give it");
}

/* Where deal D stands as of --asof (lib/pipeline.h). */
static void
classify(const struct lead_run *run, const struct lead *d,
    struct pipe_deal *c)
{
	const struct config *cfg = run->cfg;
	const struct leads *l = run->leads;

	pipe_classify(d, leads_top(l, d, l->asof), cfg->from, (int)l->st.n - 1,
	    l->asof, c);
}

/* Whether field F is empty but for spaces and tabs. */
static int
blank(const struct field *f)
{
	for (size_t i = 0; i < f->len; i++)
		if (f->s[i] != ' ' && f->s[i] != '\t')
			return 0;
	return 1;
}

/*
** The amount of ROW: empty is none; else a number, 0 or more, below
** 2^53 micro-units (9007199254.740992), so that sums stay exact. With
** --prob-col, the probability: a number from 0 to 1, read to the
** millionth; empty only on a row that is not an open deal at --asof.
*/
static int
decode(const struct lead_run *run, struct reader *r, const struct row *row,
    const long *col, struct lead *d)
{
	const struct config *cfg = run->cfg;
	const struct field *f = &row->f[col[0]];
	char esc[ESCAPED_MAX];
	const char *err;
	struct pipe_deal c;
	money m;

	d->value[0] = d->value[1] = NONE;
	if (!blank(f)) {
		escape_text(esc, sizeof esc, f->s, f->len);
		if ((err = money_parse(f->s, f->len, &m)) != NULL)
			return rd_bad(r, row, col[0], "'%s': %s", esc, err);
		if (m < 0)
			return rd_bad(r, row, col[0], "'%s': a negative amount",
			    esc);
		if (m >= AMOUNT_MAX)
			return rd_bad(r, row, col[0], "'%s': 9007199254.740992 or "
			    "more, past the amounts pipeline adds exactly", esc);
		d->value[0] = m;
	}
	if (cfg->prob_col == NULL)
		return 0;
	f = &row->f[col[1]];
	if (blank(f)) {
		classify(run, d, &c);
		if (c.status == PIPE_OPEN)
			return rd_bad(r, row, col[1], "empty, but the deal is open, "
			    "and --prob-col weighs every open deal by it");
		return 0;
	}
	escape_text(esc, sizeof esc, f->s, f->len);
	if ((err = money_parse(f->s, f->len, &m)) != NULL)
		return rd_bad(r, row, col[1], "'%s': %s", esc, err);
	if (m < 0 || m > MICROS_PER_UNIT)
		return rd_bad(r, row, col[1], "'%s': a probability is from 0 to 1",
		    esc);
	d->value[1] = m;
	return 0;
}

/* A deal counts first where it became open. */
static int
place(const struct lead_run *run, struct reader *r, const struct row *row,
    const struct lead *d, kpi_time *when)
{
	struct pipe_deal c;

	(void)r;
	(void)row;
	classify(run, d, &c);
	if (c.status == PIPE_OUTSIDE)
		return 0;
	*when = c.entry;
	return 1;
}

/* And again where it closed (not for --stages-table, which is as of
** --asof). */
static int
place_again(const struct lead_run *run, const struct lead *d, kpi_time *when)
{
	const struct config *cfg = run->cfg;
	struct pipe_deal c;

	if (cfg->stages_table || cfg->waterfall || cfg->aging)
		return 0;
	classify(run, d, &c);
	if (c.status != PIPE_WON && c.status != PIPE_LOST)
		return 0;
	*when = c.end;
	return 1;
}

/* A deal, placed, in the counts of the output asked for. */
static void
add(const struct lead_run *run, void *tally, const struct lead *d, int top)
{
	const struct config *cfg = run->cfg;
	struct pipe_tally *t = tally;
	struct pipe_deal c;

	classify(run, d, &c);
	if (cfg->stages_table)
		pipe_add_stages(t, cfg->from, top, &c, d->value[0],
		    d->value[1]);
	else if (cfg->waterfall)
		pipe_add_waterfall(t, &c, cfg->from_date, d->value[0]);
	else if (cfg->aging)
		pipe_add_aging(t, cfg->from, d, top, &c);
	else
		pipe_add_deal(t, d->placing, &c, d->value[0]);
}

/* --aging's columns. */
static const char *const aging_cols[] = {
	"stage", "open", "median_days_in_stage", "moved_on",
	"median_days_to_move_on", "stale", NULL
};

/* --stages-table's columns. */
static const char *const stage_cols[] = {
	"stage", "reached", "won", "lost", "p_win", "p_win_lo", "p_win_hi",
	"open", "open_amount", "weighted_amount", NULL
};

static void
header(const struct lead_run *run, struct writer *w)
{
	const struct config *cfg = run->cfg;

	static const char *const cols[] = {
		"closed", "won", "lost", "win_rate", "win_rate_lo", "win_rate_hi",
		"won_amount", "closed_amount", "value_win_rate",
		"avg_won_amount", "avg_cycle_days", "open", "open_amount",
		"velocity", NULL
	};

	lead_key_header(run, w);
	for (size_t i = 0; cfg->stages_table && stage_cols[i] != NULL; i++)
		wr_str(w, stage_cols[i]);
	for (size_t i = 0; cfg->waterfall && wf_cols[i] != NULL; i++)
		wr_str(w, wf_cols[i]);
	for (size_t i = 0; cfg->aging && aging_cols[i] != NULL; i++)
		wr_str(w, aging_cols[i]);
	for (size_t i = 0; !cfg->stages_table && !cfg->waterfall &&
	    !cfg->aging && cols[i] != NULL; i++)
		wr_str(w, cols[i]);
	if (cfg->target > 0) {
		wr_str(w, "coverage");
		wr_str(w, "required_coverage");
	}
	for (size_t i = 0; cfg->levers && lever_cols[i] != NULL; i++)
		wr_str(w, lever_cols[i]);
	wr_end(w);
}

/* Sums of amounts past money's range: an error, never a wrong sum. */
static void past_range(void) __attribute__((noreturn));

static void
past_range(void)
{
	die(EX_DATAERR, "the amounts of a group add up past "
	    "9223372036854.775807");
}

/*
** Whether the row of KEY carries on from the row before (the same --by
** group as of the same --asof, --period given, not the total row). When
** it starts a new group, CFG's carry is reset to it.
*/
static int
carries(const struct lead_run *run, const struct lead_key *key)
{
	struct config *cfg = run->cfg;
	const char *end, *p;
	size_t len;

	if (run->grouping->period == PERIOD_NONE || key->total ||
	    key->group == NULL)
		return 0;
	end = key->group->key + key->group->keylen;
	p = key->group->key;
	for (size_t i = 0; i < run->grouping->nby; i++)
		p = key_next(p, end);
	len = (size_t)(p - key->group->key);
	if (key->asof != cfg->carry_asof || len != cfg->by.len ||
	    (len > 0 && memcmp(cfg->by.s, key->group->key, len) != 0)) {
		cfg->carry_asof = key->asof;
		cfg->by.len = 0;
		sb_add(&cfg->by, key->group->key, len);
		memset(&cfg->carry, 0, sizeof cfg->carry);
	}
	return 1;
}

/*
** --levers: the change from the row before in the group (none for the
** first row of a group and the total row: empty), by pipe_carry_levers().
*/
static void
write_levers(struct writer *w, struct config *cfg, int carry,
    const struct pipe_sums *s, const struct pipe_figures *f)
{
	double dln[LEVERS], share[LEVERS], dlnv;

	pipe_carry_levers(carry ? &cfg->carry : NULL, s, f, dln, &dlnv, share);
	wr_num(w, dlnv);
	for (int i = 0; i < LEVERS; i++)
		wr_num(w, dln[i]);
	for (int i = 0; i < LEVERS; i++)
		wr_num(w, share[i]);
}

/*
** The amount of OPEN deals, PRICED of which have one, adding up to
** AMOUNT: empty when none is priced (an amount that is not known is not
** 0: deals open without an amount are common, since many CRMs price a
** deal only when it is won); CFG notes that some are not priced.
*/
static void
write_open_amount(struct writer *w, struct config *cfg, uint64_t open,
    uint64_t priced, money amount)
{
	if (priced < open)
		cfg->unpriced_deals = 1;
	if (open > 0 && priced == 0)
		wr_empty(w);
	else
		money_write(w, amount);
}

/*
** --stages-table: a row per stage from --from to the one before the last,
** then "(all)": every deal, and the weighted amounts added (empty when a
** stage's is); the figures are pipe_stages()'.
*/
static void
write_stages(const struct lead_run *run, struct writer *w,
    const struct pipe_tally *t, const struct lead_key *key)
{
	struct config *cfg = run->cfg;
	const struct stages *st = &run->leads->st;
	struct pipe_stage row[MAX_STAGES];
	int last = (int)st->n - 1;

	if (pipe_stages(t, cfg->from, last, cfg->prob_col != NULL, row) < 0)
		past_range();
	for (int s = cfg->from; s <= last; s++) {
		lead_key_write(key, w);
		wr_str(w, s < last ? st->name[s] : "(all)");
		wr_int(w, (int64_t)row[s].reached);
		wr_int(w, (int64_t)row[s].won);
		wr_int(w, (int64_t)row[s].lost);
		wr_num(w, row[s].p_win);
		wr_num(w, row[s].p_lo);
		wr_num(w, row[s].p_hi);
		wr_int(w, (int64_t)row[s].open);
		write_open_amount(w, cfg, row[s].open, row[s].open_priced,
		    row[s].open_amount);
		wr_num(w, row[s].weighted / MICROS_PER_UNIT);
		wr_end(w);
	}
}

/*
** --waterfall's row: the counts, then the amounts (each empty when the
** step has deals and none of them is priced), after checking that
** open_start + opened - won - lost = open_end in both: every deal open at
** --asof was open at --from-date or opened since, and every other one
** that was either has closed since. A mismatch is a bug (exit 70).
*/
static void
write_waterfall(struct writer *w, struct config *cfg,
    const struct pipe_tally *t, const struct lead_key *key)
{
	const uint64_t *n = t->wf, *m = t->wf_micros;

	if (!pipe_waterfall_adds_up(t))
		die(EX_SOFTWARE, "internal error: the waterfall of a group does "
		    "not add up: %llu + %llu - %llu - %llu is not %llu",
		    (unsigned long long)n[WF_START],
		    (unsigned long long)n[WF_CREATED],
		    (unsigned long long)n[WF_WON], (unsigned long long)n[WF_LOST],
		    (unsigned long long)n[WF_END]);
	lead_key_write(key, w);
	for (int i = 0; i < WF_N; i++)
		wr_int(w, (int64_t)n[i]);
	for (int i = 0; i < WF_N; i++)
		if (m[i] > (uint64_t)INT64_MAX)
			past_range();
	for (int i = 0; i < WF_N; i++)
		if (t->wf_priced[i] < n[i])
			cfg->unpriced_deals = 1;
	for (int i = 0; i < WF_N; i++)
		if (n[i] > 0 && t->wf_priced[i] == 0)
			wr_empty(w);    /* deals, none priced: not known */
		else
			money_write(w, (money)m[i]);
	wr_end(w);
}

/* The --asof time, or without it the latest timestamp of the input. */
static kpi_time
asof_time(const struct lead_run *run)
{
	return run->leads->asof != NO_TIME ? run->leads->asof : run->latest;
}

/*
** --aging's rows: per stage from --from to the one before the last, the
** open deals there and the median of their days in it at --asof; the
** deals that moved on from it and the median of their days there; with
** --stale-after the open deals there longer than that. Medians are type 7
** (lib/stats.h), empty without a value.
*/
static void
write_aging(const struct lead_run *run, struct writer *w,
    struct pipe_tally *t, const struct lead_key *key)
{
	const struct config *cfg = run->cfg;
	const struct stages *st = &run->leads->st;
	struct pipe_aging a;

	for (int s = cfg->from; s < (int)st->n - 1; s++) {
		pipe_aging(&t->age_since[s], &t->moved_ms[s],
		    (double)asof_time(run), cfg->stale_after, &a);
		lead_key_write(key, w);
		wr_str(w, st->name[s]);
		wr_int(w, (int64_t)a.open);
		wr_num(w, a.open_days);
		wr_int(w, (int64_t)a.moved);
		wr_num(w, a.moved_days);
		if (cfg->stale_after >= 0)
			wr_int(w, (int64_t)a.stale);
		else
			wr_empty(w);
		wr_end(w);
	}
}

static void
write_tally(const struct lead_run *run, struct writer *w, void *tally,
    const struct lead_key *key)
{
	struct config *cfg = run->cfg;
	const struct pipe_tally *t = tally;
	struct pipe_sums s = {0};
	struct pipe_figures f;
	double coverage, required;
	int carry;

	if (cfg->stages_table) {
		write_stages(run, w, t, key);
		return;
	}
	if (cfg->waterfall) {
		write_waterfall(w, cfg, t, key);
		return;
	}
	if (cfg->aging) {
		write_aging(run, w, tally, key);
		return;
	}
	carry = carries(run, key);
	if (pipe_sums_of(t, carry ? &cfg->carry : NULL, &s) < 0)
		past_range();
	pipe_figures(&s, 0.95, &f);
	if (!key->total)
		cfg->unpriced += t->won - t->won_priced;
	if (t->lost_priced < t->lost)
		cfg->unpriced_deals = 1;

	lead_key_write(key, w);
	wr_int(w, (int64_t)(s.won + s.lost));
	wr_int(w, (int64_t)s.won);
	wr_int(w, (int64_t)s.lost);
	wr_num(w, f.win_rate);
	wr_num(w, f.win_lo);
	wr_num(w, f.win_hi);
	money_write(w, s.won_amount);
	money_write(w, s.closed_amount);
	wr_num(w, f.value_win_rate);
	wr_num(w, f.avg_won_amount);
	wr_num(w, f.avg_cycle_days);
	wr_int(w, (int64_t)s.open);
	write_open_amount(w, cfg, s.open, s.open_priced, s.open_amount);
	wr_num(w, f.velocity);
	if (cfg->target > 0) {
		pipe_coverage(&s, &f, cfg->target, &coverage, &required);
		wr_num(w, coverage);
		wr_num(w, required);
	}
	if (cfg->levers)
		write_levers(w, cfg, carry, &s, &f);
	wr_end(w);
}

static const char *const *
annotate_cols(const struct lead_run *run)
{
	static const char *const cols[] = {
		"deal_status", "current_stage", "days_in_stage", "stale", NULL
	};

	(void)run;
	return cols;
}

/*
** --annotate: each row's status as a deal at --asof (empty: not a deal
** by then), and for an open deal its current stage, the days it has been
** in it at --asof, and with --stale-after whether that is longer (1) or
** not (0).
*/
static void
annotate(const struct lead_run *run, struct writer *w, const struct lead *d,
    int placed)
{
	static const char *const status_name[] = { "", "won", "lost", "open" };
	const struct config *cfg = run->cfg;
	struct pipe_deal c = { PIPE_OUTSIDE, NO_TIME, NO_TIME, 0 };
	int top;
	double days;

	if (placed)
		classify(run, d, &c);
	wr_str(w, status_name[c.status]);
	if (c.status != PIPE_OPEN) {
		wr_empty(w);
		wr_empty(w);
		wr_empty(w);
		return;
	}
	top = leads_top(run->leads, d, run->leads->asof);
	days = pipe_days_in_stage(d, top, run->leads->asof);
	wr_str(w, run->leads->st.name[top]);
	wr_num(w, days);
	if (cfg->stale_after >= 0)
		wr_int(w, days > cfg->stale_after);
	else
		wr_empty(w);
}

static const struct lead_tool tool_template = {
	.spec = {
		"[file ...]",
		"Win rate, deal size, cycle, open deals and sales velocity.",
		OPTS_STAGES | OPTS_ASOFS | OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS |
		    OPTS_ANNOTATE | OPTS_JOIN,
		tool_options, handle_option, "leads",
	},
	.tally = { sizeof(struct pipe_tally), pipe_tally_fields, 0 },
	.add = add,
	.header = header,
	.write = write_tally,
	.place = place,
	.setup = setup,
	.backwards_note = "a deal that closes before it opens counts as "
	    "opening when it closed, and is left out of avg_cycle_days",
	.nextra = 1,
	.decode = decode,
	.place_again = place_again,
	.annotate_cols = annotate_cols,
	.annotate = annotate,
};

/*
** The driver runs it all and prints its notes; the won deals without an
** amount are known once every row is written, so their note comes last,
** straight to stderr (nothing left to allocate once the output is out).
*/
int
main(int argc, char *argv[])
{
	struct lead_tool tool = tool_template;
	struct config cfg = { .tool = &tool, .stale_after = -1, .roles = {
		{ "amount", "amount", 1 },
	} };
	int status;

	tool.extra = cfg.roles;
	status = lead_tool_main(&tool, &cfg, argc, argv);
	if (cfg.unpriced > 0)
		note(NULL, "%llu won deal%s no amount: left out of won_amount, "
		    "closed_amount, value_win_rate and avg_won_amount",
		    (unsigned long long)cfg.unpriced, cfg.unpriced == 1 ?
		    " has" : "s have");
	if (cfg.unpriced_deals)
		note(NULL, "some open or lost deals have no amount: the amount "
		    "columns add the priced ones, and are empty where none is "
		    "priced (not known, not 0)");
	sb_free(&cfg.by);
	return status;
}
