/* See LICENSE file for copyright and license details. */
/*
** clv: customer lifetime value from an order log: each customer's
** frequency, recency, T and monetary value; BG/NBD, MBG/NBD, Pareto/NBD
** and Gamma-Gamma fits; per-customer predictions and CLV; and, for one
** more release, --historical, now revenue(1). See clv(1).
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/bgbb.h"
#include "../lib/btyd.h"
#include "../lib/btydsim.h"
#include "../lib/cols.h"
#include "../lib/group.h"
#include "../lib/num.h"
#include "../lib/opts.h"
#include "../lib/reader.h"
#include "../lib/revenue.h"
#include "../lib/rfm.h"
#include "../lib/rng.h"
#include "../lib/stats.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum {
	OPT_SUMMARY = OPT_TOOL, OPT_FIT, OPT_PREDICT, OPT_HISTORICAL, OPT_UNIT,
	OPT_CALENDAR, OPT_OBS_END, OPT_CAL_END, OPT_PENALIZER, OPT_HORIZON,
	OPT_PARAMS, OPT_DISCOUNT, OPT_MARGIN, OPT_CHURN, OPT_REFUNDS, OPT_MODEL,
	OPT_VALIDATE, OPT_INTERVAL, OPT_DRAWS, OPT_SEED
};

/* --validate's tables, numbered from 1 in cfg.validate. */
static const char *const validate_tables[] = { "tracking", "conditional",
	"errors", "frequency", NULL };

/* --refunds: what a negative amount is. */
enum { REFUNDS_ERROR, REFUNDS_NET, REFUNDS_DROP };

static const struct tool_option tool_options[] = {
	{ "summary", NULL, OPT_SUMMARY,
	    "per customer: frequency, recency, T, monetary_value" },
	{ "fit", "MODEL[,MODEL]", OPT_FIT,
	    "fit bgnbd, mbgnbd, paretonbd and/or ggamma" },
	{ "predict", NULL, OPT_PREDICT,
	    "per customer: expected purchases, P(alive), CLV" },
	{ "historical", NULL, OPT_HISTORICAL,
	    "deprecated: revenue(1), which prints the same" },
	{ "unit", "U", OPT_UNIT, "time unit: days (default), weeks, months" },
	{ "calendar", NULL, OPT_CALENDAR,
	    "count calendar weeks or months, not days" },
	{ "observation-end", "DATE", OPT_OBS_END,
	    "end of observation (default: the last order)" },
	{ "calibration-end", "DATE", OPT_CAL_END,
	    "split into calibration and holdout periods" },
	{ "penalizer", "L2", OPT_PENALIZER,
	    "L2 penalty on the parameters, as lifetimes' (default 0)" },
	{ "horizon", "N", OPT_HORIZON, "predict the next N time units" },
	{ "params", "FILE", OPT_PARAMS, "parameters from a --fit output" },
	{ "discount-rate", "RATE", OPT_DISCOUNT,
	    "discount rate per month (default 0.01)" },
	{ "margin", "M", OPT_MARGIN, "profit margin of revenue (default 1)" },
	{ "churn", "RATE", OPT_CHURN,
	    "with --historical: CLV = revenue per customer * margin / RATE" },
	{ "refunds", "net|drop", OPT_REFUNDS,
	    "negative amounts: net them against purchases, or drop them" },
	{ "model", "bgbb", OPT_MODEL,
	    "BG/BB on a summary of discrete opportunities" },
	{ "validate", "TABLE", OPT_VALIDATE,
	    "holdout checks: tracking, conditional, frequency or errors" },
	{ "interval", "LEVEL", OPT_INTERVAL,
	    "with --predict: intervals (e.g. 0.95) from parameter draws" },
	{ "draws", "N", OPT_DRAWS, "with --interval: draws (default 1000)" },
	{ "seed", "S", OPT_SEED, "with --interval: the draws' seed (default 1)" },
	{ 0 }
};

struct config {
	int summary, predict, historical, calendar, unit;
	unsigned fit;                   /* one bit per enum btyd_model */
	const char *obs_end, *cal_end, *params;
	double penalizer, horizon, discount, margin, churn;
	int given_discount, given_margin, given_unit;
	int refunds;                    /* REFUNDS_* */
	int bgbb;                       /* --model bgbb */
	int validate;                   /* --validate: 1 + validate_tables[] */
	double interval;                /* --interval LEVEL; NaN: none */
	long long draws, seed;          /* --draws, --seed */
	int given_draws, given_seed;
};

/* The defaults, one place for main() and tests/fuzz/fuzz_clv.c: a
** horizon, a churn rate and an interval level of NaN are not given. */
#define CONFIG_DEFAULTS { .unit = UNIT_DAYS, .horizon = NAN, \
	.discount = 0.01, .margin = 1, .churn = NAN, .interval = NAN, \
	.draws = 1000, .seed = 1 }

/* Everything read, and what it means. */
struct run {
	struct kpi_opts o;
	struct config cfg;
	kpi_time now_limit;             /* later dates are in the future */
	struct date_memo dmemo;         /* the orders' dates, read once each */
	kpi_time obs_end, cal_end;

	int is_summary;                 /* the input is a summary table */
	int has_money;                  /* it has amounts, or monetary_value */
	int has_unit;                   /* the summary has a unit column */
	int unit_read;                  /* cfg.unit is the first summary row's */
	struct summariser sum;          /* orders input */
	int sum_ready;
	/* Each input's name and amount header, for --refunds' messages. */
	char **src_name, **src_amount;
	size_t nsrc;

	/* Summary input: the rows, and every field for --predict to repeat. */
	struct rfm_row *rows;
	size_t nrows, rows_cap;
	long customer_col;              /* the customer's field in fields */
	struct field **fields;
	size_t nfields;
	struct field *header;
	struct arena arena;
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	switch (key) {
	case OPT_SUMMARY:
		cfg->summary = 1;
		break;
	case OPT_PREDICT:
		cfg->predict = 1;
		break;
	case OPT_HISTORICAL:
		cfg->historical = 1;
		break;
	case OPT_CALENDAR:
		cfg->calendar = 1;
		break;
	case OPT_FIT: {
		char *list = xstrdup(arg), *save = NULL;

		for (char *m = strtok_r(list, ",", &save); m != NULL;
		    m = strtok_r(NULL, ",", &save)) {
			int model = btyd_model_from_name(m);

			if (model < 0)
				usage_error("--fit: '%s' is not bgnbd, mbgnbd, "
				    "paretonbd or ggamma", m);
			cfg->fit |= 1u << model;
		}
		free(list);
		if (cfg->fit == 0)
			usage_error("--fit: name a model");
		break;
	}
	case OPT_UNIT:
		if ((cfg->unit = rfm_unit_from_name(arg)) < 0)
			usage_error("--unit: '%s' is not days, weeks or months", arg);
		cfg->given_unit = 1;
		break;
	case OPT_OBS_END:
		cfg->obs_end = arg;
		break;
	case OPT_CAL_END:
		cfg->cal_end = arg;
		break;
	case OPT_PENALIZER:
		cfg->penalizer = opt_double("penalizer", arg, 0, 1e6);
		break;
	case OPT_HORIZON:
		cfg->horizon = opt_double("horizon", arg, 0, 1e6);
		break;
	case OPT_PARAMS:
		cfg->params = arg;
		break;
	case OPT_DISCOUNT:
		cfg->discount = opt_double("discount-rate", arg, 0, 10);
		cfg->given_discount = 1;
		break;
	case OPT_MARGIN:
		cfg->margin = revenue_opt_margin(arg);
		cfg->given_margin = 1;
		break;
	case OPT_CHURN:
		cfg->churn = revenue_opt_churn(arg);
		break;
	case OPT_VALIDATE:
		for (int i = 0; validate_tables[i] != NULL; i++)
			if (strcmp(arg, validate_tables[i]) == 0)
				cfg->validate = i + 1;
		if (cfg->validate == 0)
			usage_error("--validate: '%s' is not tracking, conditional, "
			    "frequency or errors", arg);
		break;
	case OPT_INTERVAL:
		cfg->interval = opt_double("interval", arg, 0, 1);
		if (!(cfg->interval > 0 && cfg->interval < 1))
			usage_error("--interval: '%s': a level between 0 and 1 (not "
			    "either), such as 0.95", arg);
		break;
	case OPT_DRAWS:
		cfg->draws = opt_int("draws", arg, 2, 1000000);
		cfg->given_draws = 1;
		break;
	case OPT_SEED:
		cfg->seed = opt_int("seed", arg, 0, INT64_MAX);
		cfg->given_seed = 1;
		break;
	case OPT_MODEL:
		if (strcmp(arg, "bgbb") != 0)
			usage_error("--model: '%s' is not bgbb (the continuous-time "
			    "models go with --fit)", arg);
		cfg->bgbb = 1;
		break;
	case OPT_REFUNDS:
		if (strcmp(arg, "net") == 0)
			cfg->refunds = REFUNDS_NET;
		else if (strcmp(arg, "drop") == 0)
			cfg->refunds = REFUNDS_DROP;
		else
			usage_error("--refunds: '%s' is not net or drop", arg);
		break;
	}
}

/* The (last) header --col maps ROLE to, or its default. */
static const char *
role_header(const struct kpi_opts *o, const struct role *role)
{
	const char *h = role->header;

	for (size_t i = 0; i < o->cols.n; i++)
		if (strcmp(o->cols.v[i].role, role->name) == 0)
			h = o->cols.v[i].header;
	return h;
}

static kpi_time
parse_date_option(const char *name, const char *arg, struct run *run)
{
	char buf[32];
	kpi_time t;

	if (arg == NULL)
		return NO_TIME;
	t = opt_date(name, arg, &run->o.dates);
	if (t > run->now_limit)
		usage_error("--%s: %s is in the future", name,
		    date_format_iso(buf, t));
	return t;
}

/*
** --model bgbb: fit (alone) or fit and predict (--predict --horizon N
** --discount-rate D) a summary of discrete opportunities; the options of
** order logs, time units and --params do not apply.
*/
static void
check_bgbb_options(const struct run *run)
{
	const struct config *c = &run->cfg;

	if (c->summary || c->historical || c->fit)
		usage_error("--model bgbb fits by itself, or with --predict; not "
		    "with --summary, --fit or --historical");
	if (c->given_unit || c->calendar || c->obs_end || c->cal_end ||
	    c->params || c->penalizer > 0 || c->given_margin ||
	    c->refunds != REFUNDS_ERROR || run->o.group.nby ||
	    run->o.group.period != PERIOD_NONE || run->o.total)
		usage_error("--model bgbb reads a summary of opportunities "
		    "(frequency, recency, periods[, weights]): --unit, --calendar, "
		    "--observation-end, --calibration-end, --params, --penalizer, "
		    "--margin, --refunds, --by, --period and --total do not apply");
	if (!c->predict && (!isnan(c->horizon) || c->given_discount))
		usage_error("--horizon, --params, --discount-rate and --margin "
		    "go with --predict");
	if (c->predict && (isnan(c->horizon) || c->horizon != floor(c->horizon)))
		usage_error("--model bgbb --predict needs --horizon N, a whole "
		    "number of opportunities");
	if (c->predict && (!c->given_discount || !(c->discount > 0)))
		usage_error("--model bgbb --predict needs --discount-rate RATE, "
		    "per opportunity and above 0, for dert");
	if (c->predict && 1 / (1 + c->discount) == 1)
		usage_error("--discount-rate %g: so small that 1 + rate rounds to "
		    "1, and dert would not be discounted", c->discount);
}

/* The modes and options that go together, and those that do not. */
static void
check_options(struct run *run)
{
	struct config *c = &run->cfg;
	int modes = c->summary + c->historical + (c->fit && !c->predict &&
	    !c->validate) + c->predict + (c->validate > 0);

	if ((c->given_draws || c->given_seed) && isnan(c->interval))
		usage_error("--draws and --seed go with --interval");
	if (!isnan(c->interval) && (!c->predict || c->bgbb))
		usage_error("--interval goes with --predict (of the BTYD models, "
		    "not --model bgbb)");
	if (c->bgbb) {
		check_bgbb_options(run);
		return;
	}
	if (modes != 1)
		usage_error("give one of --summary, --fit, --predict and "
		    "--historical (--fit with --predict fits, then predicts)");
	if (c->validate && c->cal_end == NULL)
		usage_error("--validate needs --calibration-end DATE: it sets the "
		    "fit before it against the holdout after it");
	if (c->validate && c->refunds == REFUNDS_NET)
		usage_error("--validate counts the orders as they are: --refunds "
		    "drop, or none");
	if (c->validate && (c->fit & (1u << BTYD_GGAMMA)))
		usage_error("--validate compares purchase models; ggamma models "
		    "spend");
	if (!c->historical && (run->o.group.nby || run->o.group.period != PERIOD_NONE))
		usage_error("--by and --period group --historical only");
	if (!c->historical && !c->predict && run->o.total)
		usage_error("--total goes with --historical or --predict");
	if (c->historical && (c->given_unit || c->calendar || c->obs_end ||
	    c->cal_end || c->penalizer > 0 || c->given_discount ||
	    !isnan(c->horizon) || c->refunds != REFUNDS_ERROR))
		usage_error("--historical takes --by, --period, --total, "
		    "--margin and --churn only");
	if (!c->historical && !isnan(c->churn))
		usage_error("--churn goes with --historical");
	if (!c->predict && (!isnan(c->horizon) || c->params ||
	    c->given_discount || (c->given_margin && !c->historical)))
		usage_error("--horizon, --params, --discount-rate and --margin "
		    "go with --predict");
	if (c->predict && isnan(c->horizon))
		usage_error("--predict needs --horizon N (in --unit)");
	if (c->params && c->fit)
		usage_error("--params and --fit: take the parameters from one");
	if (c->params && c->penalizer > 0)
		usage_error("--penalizer shapes a fit; --params has none");
	if (c->calendar && c->unit == UNIT_DAYS)
		usage_error("--calendar counts weeks or months: give --unit "
		    "weeks or --unit months");
	run->obs_end = parse_date_option("observation-end", c->obs_end, run);
	run->cal_end = parse_date_option("calibration-end", c->cal_end, run);
	if (run->obs_end != NO_TIME && run->cal_end != NO_TIME &&
	    run->cal_end >= run->obs_end)
		usage_error("--calibration-end must come before "
		    "--observation-end");
}

/* Whether R's header is a summary table's (frequency, recency, T). */
static int
is_summary_header(const struct run *run, const struct reader *r)
{
	for (int i = SUMMARY_FREQUENCY; i <= SUMMARY_T; i++)
		if (rd_col(r, role_header(&run->o, &summary_roles[i])) < 0)
			return 0;
	return 1;
}

static void
keep_fields(struct run *run, const struct row *row)
{
	struct field *f = arena_alloc(&run->arena, row->n * sizeof *f);

	for (size_t i = 0; i < row->n; i++) {
		f[i].s = arena_memdup(&run->arena, row->f[i].s, row->f[i].len);
		f[i].len = row->f[i].len;
	}
	if (run->nrows == run->rows_cap) {
		run->rows_cap = run->rows_cap ? 2 * run->rows_cap : 1024;
		run->rows = xreallocarray(run->rows, run->rows_cap, sizeof *run->rows);
		run->fields = xreallocarray(run->fields, run->rows_cap,
		    sizeof *run->fields);
	}
	run->fields[run->nrows] = f;
}

/*
** A summary row's UNIT (from its column COL) against the run's: with
** --unit they must agree; without it the first row's unit becomes the
** run's, and every later row must agree with that. The times of a summary
** are never converted: a calendar summary's weeks are not 7 days. A
** disagreement is fatal, not a bad row that --skip-bad could drop: every
** row would go. QUIET returns -1 instead (for the fuzz entry point).
*/
static int
summary_unit(struct run *run, const struct reader *r, const struct row *row,
    long col, int unit, int quiet)
{
	const struct field *h = &rd_header(r)->f[col];
	char esc[ESCAPED_MAX];

	if (!run->cfg.given_unit && !run->unit_read) {
		run->cfg.unit = unit;
		run->unit_read = 1;
	}
	if (unit == run->cfg.unit)
		return 0;
	if (quiet)
		return -1;
	escape_text(esc, sizeof esc, h->s, h->len);
	if (run->cfg.given_unit)
		die(EX_DATAERR, "%s:%lu: column '%s': %s, but --unit is %s: give "
		    "--unit %s, or no --unit (a summary with a unit column sets "
		    "its own)", rd_name(r), row->line, esc, rfm_unit_name(unit),
		    rfm_unit_name(run->cfg.unit), rfm_unit_name(unit));
	die(EX_DATAERR, "%s:%lu: column '%s': %s, but the first summary row is "
	    "in %s: give summaries of one unit", rd_name(r), row->line, esc,
	    rfm_unit_name(unit), rfm_unit_name(run->cfg.unit));
}

static void
read_summary(struct run *run, struct reader *r)
{
	struct role roles[NSUMMARY_ROLES];
	long col[NSUMMARY_ROLES];
	const struct row *h = rd_header(r), *row;
	int rc;

	memcpy(roles, summary_roles, sizeof roles);
	roles[SUMMARY_CUSTOMER].required = run->cfg.predict;
	if (cols_bind(r, roles, NSUMMARY_ROLES, &run->o.cols, col) < 0)
		rd_die(r);
	if (run->header == NULL) {
		run->header = arena_alloc(&run->arena, h->n * sizeof *run->header);
		for (size_t i = 0; i < h->n; i++) {
			run->header[i].s = arena_memdup(&run->arena, h->f[i].s,
			    h->f[i].len);
			run->header[i].len = h->f[i].len;
		}
		run->nfields = h->n;
		run->has_money = col[SUMMARY_MONETARY] >= 0;
		run->has_unit = col[SUMMARY_UNIT] >= 0;
		run->customer_col = col[SUMMARY_CUSTOMER];
	} else if (h->n != run->nfields ||
	    (col[SUMMARY_MONETARY] >= 0) != run->has_money ||
	    (col[SUMMARY_UNIT] >= 0) != run->has_unit) {
		die(EX_DATAERR, "%s:%lu: the header differs from the first "
		    "file's; give summaries with the same columns", rd_name(r),
		    h->line);
	}
	while ((rc = rd_next(r, &row)) > 0) {
		struct rfm_row sr;

		if (summary_decode(r, row, col, &sr) < 0)
			continue;
		if (sr.unit >= 0)
			summary_unit(run, r, row, col[SUMMARY_UNIT], sr.unit, 0);
		keep_fields(run, row);
		if (sr.id != NULL)
			sr.id = run->fields[run->nrows][col[SUMMARY_CUSTOMER]].s;
		run->rows[run->nrows++] = sr;
	}
	if (rc < 0)
		rd_die(r);
}

/*
** read_orders() with --refunds: each row of R (roles in COL) read as
** order_decode_signed() reads it. With drop, a refund is left out and
** counted (a note names the first); with net, every row goes to
** summariser_add_net(), to be netted when all inputs are read.
*/
static void
read_refunds(struct run *run, struct reader *r, const long *col)
{
	int net = run->cfg.refunds == REFUNDS_NET;
	unsigned long dropped = 0, first = 0;
	const struct row *row;
	struct order ord;
	money micros;
	int rc;

	run->src_name = xreallocarray(run->src_name, run->nsrc + 1,
	    sizeof *run->src_name);
	run->src_amount = xreallocarray(run->src_amount, run->nsrc + 1,
	    sizeof *run->src_amount);
	run->src_name[run->nsrc] = xstrdup(rd_name(r));
	run->src_amount[run->nsrc] = xstrdup(col[ORDER_AMOUNT] < 0 ? "" :
	    rd_label(r, col[ORDER_AMOUNT]));
	while ((rc = rd_next(r, &row)) > 0) {
		if (order_decode_signed(r, row, col, &run->o.dates,
		    &run->dmemo, run->now_limit, &ord, net ? &micros : NULL) < 0)
			continue;
		if (!net && ord.amount < 0) {
			if (dropped++ == 0)
				first = row->line;
			continue;
		}
		if (net ? summariser_add_net(&run->sum, &ord, micros,
		    (unsigned)run->nsrc, row->line) < 0 :
		    summariser_add(&run->sum, &ord) < 0)
			rd_bad(r, row, col[ORDER_AMOUNT], "the sum of this "
			    "customer's amounts is out of range");
	}
	if (rc < 0)
		rd_die(r);
	if (dropped > 0)
		note(run->o.rd.notes, "left out %lu refund%s (negative amounts) "
		    "of %s; the first: %s:%lu", dropped, dropped == 1 ? "" : "s",
		    rd_name(r), rd_name(r), first);
	run->nsrc++;
}

static char *day_iso(char *buf, kpi_time t);

/*
** --refunds net, after every input is read: net the refunds, or die
** naming the first refund that the customer's purchases cannot cover.
*/
static void
net_refunds(struct run *run)
{
	struct net_failure f;
	char id[ESCAPED_MAX], when[32];
	char excess[MONEY_BUFSIZE];

	if (run->is_summary || !run->sum_ready ||
	    summariser_net(&run->sum, &f) == 0)
		return;
	die(EX_DATAERR, "%s:%lu: column %s: customer '%s': the refunds up to "
	    "%s exceed the purchases up to then by %s; --refunds net takes a "
	    "refund from the same day's and earlier purchases only "
	    "(--refunds drop leaves refunds out)", run->src_name[f.src],
	    f.line, run->src_amount[f.src], escape_text(id, sizeof id, f.id,
	    f.idlen), day_iso(when, f.when), money_format(excess, f.excess, 6));
}

static void
read_orders(struct run *run, struct reader *r)
{
	struct role roles[NORDER_ROLES];
	long col[NORDER_ROLES];
	unsigned char *want;
	const struct row *row;
	struct order ord;
	int rc = 0;

	memcpy(roles, order_roles, sizeof roles);
	if (cols_bind(r, roles, NORDER_ROLES, &run->o.cols, col) < 0)
		rd_die(r);
	if (!run->sum_ready) {
		summariser_init(&run->sum, run->cfg.unit, run->cfg.calendar,
		    run->cal_end, run->obs_end);
		run->sum_ready = 1;
		run->has_money = col[ORDER_AMOUNT] >= 0;
	} else if ((col[ORDER_AMOUNT] >= 0) != run->has_money) {
		die(EX_DATAERR, "%s:%lu: this file %s an amount column and the "
		    "first %s", rd_name(r), rd_header(r)->line,
		    run->has_money ? "lacks" : "has", run->has_money ? "has" :
		    "does not");
	}
	want = xcalloc(rd_header(r)->n, 1);
	for (int i = 0; i < NORDER_ROLES; i++)
		if (col[i] >= 0)
			want[col[i]] = 1;
	rd_want(r, want);
	if (run->cfg.refunds != REFUNDS_ERROR)
		read_refunds(run, r, col);
	else
		while ((rc = rd_next(r, &row)) > 0)
			if (order_decode(r, row, col, &run->o.dates, &run->dmemo,
			    run->now_limit, &ord) == 0 &&
			    summariser_add(&run->sum, &ord) < 0)
				rd_bad(r, row, col[ORDER_AMOUNT], "the sum of this "
				    "customer's amounts is out of range");
	if (rc < 0)
		rd_die(r);
	free(want);
}

/* Read every input, orders or summaries (not both). */
static void
read_inputs(struct run *run)
{
	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);
		int summary = is_summary_header(run, r);

		if (i > 0 && summary != run->is_summary)
			die(EX_DATAERR, "%s:%lu: a %s, but the first input is a%s",
			    rd_name(r), rd_header(r)->line, summary ?
			    "summary table" : "table of orders", summary ?
			    " table of orders" : " summary table");
		run->is_summary = summary;
		if (summary && run->cfg.refunds != REFUNDS_ERROR)
			die(EX_DATAERR, "%s:%lu: this is a summary table already "
			    "(it has frequency, recency and T); --refunds nets or "
			    "drops the refunds of an order log", rd_name(r),
			    rd_header(r)->line);
		if (summary && (run->cfg.summary || run->obs_end != NO_TIME ||
		    run->cal_end != NO_TIME || run->cfg.calendar))
			die(EX_DATAERR, "%s:%lu: this is a summary table already "
			    "(it has frequency, recency and T); --summary, "
			    "--observation-end, --calibration-end and --calendar "
			    "read orders", rd_name(r), rd_header(r)->line);
		if (summary)
			read_summary(run, r);
		else
			read_orders(run, r);
		rd_close(r);
	}
	if (!run->is_summary && run->cfg.refunds == REFUNDS_NET)
		net_refunds(run);
	if (!run->is_summary)
		run->rows = summariser_rows(&run->sum, &run->nrows);
}

/* The UTC day of T, as a date. */
static char *
day_iso(char *buf, kpi_time t)
{
	return date_format_iso(buf, t - ((t % MS_PER_DAY) + MS_PER_DAY) %
	    MS_PER_DAY);
}

/*
** The observation and calibration ends against the orders read: the
** observation end must not come before the first order, and the
** calibration end must lie strictly between the first order and the
** observation end (by default the last order), period against period
** (days, or calendar weeks or months), so that T and the holdout's
** duration are positive. A bound the orders set is a data error (65);
** the two options in one calendar period, a usage error (64), as when
** they are in the wrong order. QUIET returns -1 instead of dying.
*/
static int
check_ends(const struct run *run, int quiet)
{
	const struct summariser *s = &run->sum;
	const struct config *c = &run->cfg;
	const char *per = !c->calendar ? "day" : c->unit == UNIT_WEEKS ? "week" :
	    "month";
	char when[32];

	if (run->is_summary || !run->sum_ready || s->first_when == NO_TIME)
		return 0;
	if (run->obs_end != NO_TIME && s->obs_end < s->first_seen) {
		if (quiet)
			return -1;
		die(EX_DATAERR, "--observation-end %s: before the first order, "
		    "%s; nothing would be observed", c->obs_end,
		    day_iso(when, s->first_when));
	}
	if (run->cal_end == NO_TIME)
		return 0;
	if (s->cal_end <= s->first_seen) {
		if (quiet)
			return -1;
		die(EX_DATAERR, "--calibration-end %s: not after the %s of the "
		    "first order, %s; the calibration period needs time after "
		    "it", c->cal_end, per, day_iso(when, s->first_when));
	}
	if (run->obs_end != NO_TIME && s->cal_end >= s->obs_end) {
		if (quiet)
			return -1;
		usage_error("--calibration-end %s and --observation-end %s: one "
		    "calendar %s; the holdout period needs one of its own",
		    c->cal_end, c->obs_end, per);
	}
	if (run->obs_end == NO_TIME && s->cal_end >= s->last_seen) {
		if (quiet)
			return -1;
		die(EX_DATAERR, "--calibration-end %s: not before the %s of the "
		    "last order, %s, where observation ends; give an earlier "
		    "one, or a later --observation-end", c->cal_end, per,
		    day_iso(when, s->last_when));
	}
	return 0;
}

static void
write_summary_header(struct writer *w, const struct run *run)
{
	wr_str(w, "customer_id");
	wr_str(w, "frequency");
	wr_str(w, "recency");
	wr_str(w, "T");
	if (run->has_money)
		wr_str(w, "monetary_value");
	if (run->cal_end != NO_TIME) {
		wr_str(w, "frequency_holdout");
		if (run->has_money)
			wr_str(w, "monetary_value_holdout");
		wr_str(w, "duration_holdout");
	}
	wr_str(w, "unit");
}

static void
write_summary_row(struct writer *w, const struct run *run,
    const struct rfm_row *s)
{
	wr_field(w, s->id, s->idlen);
	wr_num(w, s->rfm.x);
	wr_num(w, s->rfm.tx);
	wr_num(w, s->rfm.T);
	if (run->has_money)
		wr_num(w, s->rfm.m);
	if (run->cal_end != NO_TIME) {
		wr_num(w, s->freq_holdout);
		if (run->has_money)
			wr_num(w, s->monetary_holdout);
		wr_num(w, s->duration_holdout);
	}
	wr_str(w, rfm_unit_name(run->cfg.unit));
}

static void
print_summary(struct run *run)
{
	struct writer w;

	opts_writer(&run->o, &w);
	write_summary_header(&w, run);
	wr_end(&w);
	for (size_t i = 0; i < run->nrows; i++) {
		write_summary_row(&w, run, &run->rows[i]);
		wr_end(&w);
	}
}

/*
** Fit MODEL to the customers read. Gamma-Gamma sees only repeat buyers
** with a positive mean spend: its gamma distributions have no room for a
** zero, so those customers are left out with a word on stderr.
*/
static void
fit_model(struct run *run, int model, struct btyd_fit *fit)
{
	const struct btyd_info *info = btyd_info(model);
	size_t n = 0, zero = 0;
	char why[BTYD_WHY_MAX];
	struct rfm *d;
	int rc;

	if (info->spend && !run->has_money)
		die(EX_DATAERR, "%s: the input has no %s column to fit spend to",
		    info->name, run->is_summary ? "monetary_value" : "amount");
	d = xcalloc(run->nrows ? run->nrows : 1, sizeof *d);
	for (size_t i = 0; i < run->nrows; i++) {
		const struct rfm *c = &run->rows[i].rfm;

		if (info->spend && c->x > 0 && c->m == 0)
			zero++;
		if (!info->spend || (c->x > 0 && c->m > 0))
			d[n++] = *c;
	}
	if (zero > 0)
		note(run->o.rd.notes, "%s: left out %zu repeat buyer%s whose "
		    "monetary_value is 0", info->name, zero, zero == 1 ? "" : "s");
	n = btyd_compress(d, n, model);
	rc = btyd_fit(model, d, n, run->cfg.penalizer, fit, why);
	free(d);
	if (rc < 0)
		die(EX_DATAERR, "%s: %s", info->name, why);
}

static void
print_fits(struct run *run)
{
	struct writer w;

	opts_writer(&run->o, &w);
	wr_str(&w, "model");
	wr_str(&w, "param");
	wr_str(&w, "value");
	wr_str(&w, "std_error");
	wr_str(&w, "unit");
	wr_end(&w);
	for (int m = 0; m < BTYD_NMODELS; m++) {
		const struct btyd_info *info = btyd_info(m);
		/* A purchase model's rates are per time unit; Gamma-Gamma's
		 * parameters are in money and hold in any unit. */
		const char *unit = info->spend ? "" : rfm_unit_name(run->cfg.unit);
		struct btyd_fit fit;

		if (!(run->cfg.fit & (1u << m)))
			continue;
		fit_model(run, m, &fit);
		for (size_t j = 0; j < info->nparams; j++) {
			wr_str(&w, info->name);
			wr_str(&w, info->param[j]);
			wr_num(&w, fit.param[j]);
			wr_num(&w, fit.se[j]);
			wr_str(&w, unit);
			wr_end(&w);
		}
		wr_str(&w, info->name);
		wr_str(&w, "loglik");
		wr_num(&w, fit.loglik);
		wr_empty(&w);
		wr_str(&w, unit);
		wr_end(&w);
		wr_str(&w, info->name);
		wr_str(&w, "customers");
		wr_num(&w, fit.customers);
		wr_empty(&w);
		wr_str(&w, unit);
		wr_end(&w);
	}
}

/* The parameters --predict works with. */
struct model_params {
	int purchase;                   /* enum btyd_model; -1: none */
	double p[BTYD_MAX_PARAMS];
	int spend;                      /* Gamma-Gamma given */
	double g[BTYD_MAX_PARAMS];
	/* The fits' covariances of the ln(parameters) (btyd_fit's cov),
	 * for --interval; a --params file has none. */
	double cov_p[BTYD_MAX_PARAMS * BTYD_MAX_PARAMS];
	double cov_g[BTYD_MAX_PARAMS * BTYD_MAX_PARAMS];
};

/*
** The time unit of a --params row of a purchase model, in column COL (-1:
** none, as in a file written before --fit wrote it): it must be the run's,
** for a rate per day is not a rate per week. Returns 0, or -1 after
** rd_bad() for a unit that is none; a different one is fatal, as every
** row would be.
*/
static int
params_unit(const struct run *run, struct reader *r, const struct row *row,
    long col)
{
	const struct field *f;
	char esc[ESCAPED_MAX];
	int unit;

	if (col < 0 || (f = &row->f[col])->len == 0)
		return 0;
	escape_text(esc, sizeof esc, f->s, f->len);
	if ((unit = rfm_unit_from_name(f->s)) < 0)
		return rd_bad(r, row, col, "'%s': the time unit of the parameters "
		    "is days, weeks or months", esc);
	if (unit != run->cfg.unit)
		die(EX_DATAERR, "%s:%lu: column 'unit': fitted in %s, but this run "
		    "counts in %s: give --unit %s, or fit again in %s", rd_name(r),
		    row->line, esc, rfm_unit_name(run->cfg.unit), esc,
		    rfm_unit_name(run->cfg.unit));
	return 0;
}

/* Read --params FILE: rows of model, param, value and unit (a --fit
** output; a file without the unit column is read in the run's unit). */
static void
read_params(struct run *run, struct model_params *mp)
{
	static const struct role roles[] = {
		{ "model", "model", 1 }, { "param", "param", 1 },
		{ "value", "value", 1 }, { "unit", "unit", 0 },
	};
	struct rd_opts ro = {0};
	struct reader *r = rd_open_or_die(run->cfg.params, &ro);
	struct colmap_set none = {0};
	unsigned seen[BTYD_NMODELS] = {0};
	const struct row *row;
	long col[4];
	int rc;

	if (cols_bind(r, roles, 4, &none, col) < 0)
		rd_die(r);
	while ((rc = rd_next(r, &row)) > 0) {
		const struct field *mf = &row->f[col[0]], *pf = &row->f[col[1]];
		const struct field *vf = &row->f[col[2]];
		const struct btyd_info *info;
		int model = btyd_model_from_name(mf->s);
		char esc[ESCAPED_MAX];
		size_t j;
		double v;

		if (model < 0) {
			rd_bad(r, row, col[0], "'%s' is not bgnbd, mbgnbd, "
			    "paretonbd or ggamma", escape_text(esc, sizeof esc,
			    mf->s, mf->len));
			continue;
		}
		info = btyd_info(model);
		if (!info->spend && params_unit(run, r, row, col[3]) < 0)
			continue;
		if (strcmp(pf->s, "loglik") == 0 || strcmp(pf->s, "customers") == 0)
			continue;
		for (j = 0; j < info->nparams; j++)
			if (strcmp(pf->s, info->param[j]) == 0)
				break;
		if (j == info->nparams) {
			rd_bad(r, row, col[1], "'%s' is not a parameter of %s",
			    escape_text(esc, sizeof esc, pf->s, pf->len),
			    info->name);
			continue;
		}
		if (num_parse(vf->s, vf->len, &v) != NULL || !(v > 0)) {
			rd_bad(r, row, col[2], "'%s': a parameter is a positive "
			    "number", escape_text(esc, sizeof esc, vf->s, vf->len));
			continue;
		}
		if (fabs(log(v)) > BTYD_LOG_BOUND) {
			rd_bad(r, row, col[2], "'%s': outside what a fit can give "
			    "(%.2g to %.3g)", escape_text(esc, sizeof esc, vf->s,
			    vf->len), exp(-BTYD_LOG_BOUND), exp(BTYD_LOG_BOUND));
			continue;
		}
		if (info->spend) {
			mp->g[j] = v;
			mp->spend = 1;
		} else {
			if (mp->purchase >= 0 && mp->purchase != model) {
				rd_bad(r, row, col[0], "a second purchase model "
				    "(%s after %s); keep one", info->name,
				    btyd_info(mp->purchase)->name);
				continue;
			}
			mp->purchase = model;
			mp->p[j] = v;
		}
		seen[model] |= 1u << j;
	}
	if (rc < 0)
		rd_die(r);
	for (int m = 0; m < BTYD_NMODELS; m++)
		if (seen[m] && seen[m] != (1u << btyd_info(m)->nparams) - 1)
			die(EX_DATAERR, "%s: %s lacks some of its parameters",
			    rd_name(r), btyd_info(m)->name);
	if (mp->purchase < 0)
		die(EX_DATAERR, "%s: no purchase model (bgnbd, mbgnbd or "
		    "paretonbd)", rd_name(r));
	rd_close(r);
}

static void
get_params(struct run *run, struct model_params *mp)
{
	unsigned want = run->cfg.fit;
	struct btyd_fit fit;

	memset(mp, 0, sizeof *mp);
	mp->purchase = -1;
	if (run->cfg.params != NULL) {
		read_params(run, mp);
		if (!isnan(run->cfg.interval))
			die(EX_DATAERR, "%s: parameters without their covariance, "
			    "which --interval draws from: fit them in the same run "
			    "(--predict without --params, or with --fit MODEL)",
			    run->cfg.params);
		if (mp->spend && !run->has_money)
			die(EX_DATAERR, "%s has Gamma-Gamma parameters, but the "
			    "input has no %s column", run->cfg.params,
			    run->is_summary ? "monetary_value" : "amount");
		return;
	}
	if (want == 0)
		want = 1u << BTYD_BGNBD | (run->has_money ? 1u << BTYD_GGAMMA : 0);
	for (int m = 0; m < BTYD_NMODELS; m++) {
		if (!(want & (1u << m)))
			continue;
		if (!btyd_info(m)->spend && mp->purchase >= 0)
			usage_error("--fit: one purchase model for --predict");
		fit_model(run, m, &fit);
		if (btyd_info(m)->spend) {
			memcpy(mp->g, fit.param, sizeof mp->g);
			memcpy(mp->cov_g, fit.cov, sizeof mp->cov_g);
			mp->spend = 1;
		} else {
			memcpy(mp->p, fit.param, sizeof mp->p);
			memcpy(mp->cov_p, fit.cov, sizeof mp->cov_p);
			mp->purchase = m;
		}
	}
	if (mp->purchase < 0)
		usage_error("--fit: --predict needs a purchase model too");
}

/* The time units in a month, the step of btyd_clv()'s discounting. */
static double
month_units(const struct run *run)
{
	return run->cfg.calendar && run->cfg.unit == UNIT_MONTHS ? 1 :
	    rfm_unit_days(UNIT_MONTHS) / rfm_unit_days(run->cfg.unit);
}

/* One customer's predictions. */
struct prediction {
	double purchases, p_alive, aov, clv;
};

/*
** The predictions of every customer, checked before a line is written:
** a value that is not finite (parameters or summaries at the edge of what
** a double holds) is an error naming the customer, not an empty cell.
** The one empty kept is Gamma-Gamma's mean spend when q <= 1 (infinite,
** said in a note), and with it the CLV.
*/
static struct prediction *
predict_all(const struct run *run, const struct model_params *mp)
{
	double month = month_units(run);
	struct prediction *pr = xcalloc(run->nrows ? run->nrows : 1, sizeof *pr);
	int spend_defined = mp->spend && mp->g[1] > 1;

	for (size_t i = 0; i < run->nrows; i++) {
		const struct rfm_row *row = &run->rows[i];
		const struct rfm *c = &row->rfm;
		struct prediction *p = &pr[i];
		const char *what = NULL;
		char esc[ESCAPED_MAX];

		p->purchases = btyd_expected(mp->purchase, mp->p,
		    run->cfg.horizon, c);
		p->p_alive = btyd_palive(mp->purchase, mp->p, c);
		p->aov = mp->spend ? ggamma_expected_spend(mp->g, c->x, c->m) : NAN;
		p->clv = isnan(p->aov) ? NAN : btyd_clv(mp->purchase, mp->p, c,
		    p->aov * run->cfg.margin, run->cfg.horizon, month,
		    run->cfg.discount);
		if (!isfinite(p->purchases))
			what = "expected_purchases";
		else if (!isfinite(p->p_alive))
			what = "p_alive";
		else if (spend_defined && !isfinite(p->aov))
			what = "expected_aov";
		else if (spend_defined && !isfinite(p->clv))
			what = "clv";
		if (what != NULL)
			die(EX_DATAERR, "customer '%s': %s is not finite: the "
			    "parameters and this summary are past what a double "
			    "holds", escape_text(esc, sizeof esc, row->id,
			    row->idlen), what);
	}
	return pr;
}

/* --interval's draws of the parameters, each row one draw. */
struct param_draws {
	size_t n;
	double (*p)[BTYD_MAX_PARAMS];   /* the purchase model's */
	double (*g)[BTYD_MAX_PARAMS];   /* Gamma-Gamma's, when given */
};

/* btyd_draw_params(), which fails only on a covariance that the fit
** has already refused (one not positive definite). */
static void
draw_params(int model, const double *p, const double *cov, struct rng *g,
    size_t n, double (*out)[BTYD_MAX_PARAMS])
{
	if (btyd_draw_params(model, p, cov, g, n, out) < 0)
		die(EX_SOFTWARE, "internal error: %s: the covariance of the "
		    "fit is not positive semi-definite", btyd_info(model)->name);
}

/*
** The percentile interval of LEVEL from the N values at V (reordered):
** the (1 - LEVEL)/2 and (1 + LEVEL)/2 quantiles by quantile7(). A value
** that is not finite (a draw with Gamma-Gamma's q <= 1 has an infinite
** mean spend) counts as +infinity, and a bound that falls on one is NaN:
** an empty cell, as the point estimate is then.
*/
static void
percentile_interval(double *v, size_t n, double level, double *lo, double *hi)
{
	for (size_t i = 0; i < n; i++)
		if (!isfinite(v[i]))
			v[i] = INFINITY;
	*lo = quantile7_select(v, n, (1 - level) / 2);
	*hi = quantile7_select(v, n, (1 + level) / 2);
	if (!isfinite(*lo))
		*lo = NAN;
	if (!isfinite(*hi))
		*hi = NAN;
}

/* A customer's interval bounds, in the output's order. */
enum { LO_PURCHASES, HI_PURCHASES, LO_ALIVE, HI_ALIVE, LO_AOV, HI_AOV,
	LO_CLV, HI_CLV, NBOUNDS };

/* The cohort's point, and its bounds: purchases, value. */
struct cohort {
	double purchases, clv, bound[4];
};

/* A customer's summary and place in the output, for sorting by pattern. */
struct pattern_key {
	double x, tx, T;
	size_t i;
};

/* By x, T, t_x, then place: a total order, so the work's order does not
** depend on the C library's qsort. */
static int
cmp_pattern(const void *a, const void *b)
{
	const struct pattern_key *p = a, *q = b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	if (p->T != q->T)
		return p->T < q->T ? -1 : 1;
	if (p->tx != q->tx)
		return p->tx < q->tx ? -1 : 1;
	return (p->i > q->i) - (p->i < q->i);
}

/*
** Under parameters P, the expected purchases over the horizon and the
** CLV at a spend of 1 (when SPEND) of a customer alive at T with X
** repeat purchases, into *E and *D: the customer's values divided by
** P(alive). Every model's expectation is P(alive) times that of a
** customer known to be alive (FHL 2005 eq. 10, note 009 eq. 41), which
** depends on (x, T) and not on t_x: so customers who differ in t_x only
** share this work, the costly part (a hypergeometric series per month of
** the CLV). Taken at t_x = T (t_x = 0 for x = 0), where P(alive) is
** largest; NaN when that P(alive) is not positive.
*/
static void
alive_values(int model, const double *p, const struct rfm *c, int spend,
    const struct btyd_value_terms *vt, double *e, double *d)
{
	struct rfm ref = { c->x, c->x > 0 ? c->T : 0, c->T, 0, 1 };
	double p0 = btyd_palive(model, p, &ref);

	*e = *d = NAN;
	if (!(p0 > 0))
		return;
	*e = btyd_expected(model, p, vt->horizon, &ref) / p0;
	if (spend)
		*d = btyd_clv(model, p, &ref, 1, vt->horizon, vt->month,
		    vt->rate) / p0;
}

/*
** --interval: every customer's bounds into BOUND (NBOUNDS per customer)
** and, when CO is not NULL (--total), the cohort's. The parameters are
** drawn cfg.draws times (stream 0 of the seed for the purchase model,
** stream 1 for Gamma-Gamma, independently: the two fits are separate);
** under each draw the customer's expected purchases, P(alive), expected
** spend and CLV are computed as predict_all() computes the point, and
** the percentile intervals taken over the draws. Customers who share
** (x, t_x, T) share the purchase model's work.
**
** The cohort: under each draw, every customer's future is simulated by
** btyd_simulate() (customer i from stream 2 + i, so that the numbers do
** not depend on the order of the work) and summed, and the percentile
** interval taken over the draws' sums; it holds the uncertainty of the
** parameters and the customers' own randomness.
*/
static void
predict_intervals(const struct run *run, const struct model_params *mp,
    double (*bound)[NBOUNDS], struct cohort *co)
{
	const struct config *cfg = &run->cfg;
	size_t n = (size_t)cfg->draws, nr = run->nrows;
	uint64_t seed = (uint64_t)cfg->seed;
	struct btyd_value_terms vt = { cfg->horizon, month_units(run),
	    cfg->discount, cfg->margin };
	struct param_draws pd = { n, xcalloc(n, sizeof *pd.p),
	    mp->spend ? xcalloc(n, sizeof *pd.g) : NULL };
	struct pattern_key *key = xcalloc(nr ? nr : 1, sizeof *key);
	double *e = xcalloc(n, sizeof *e), *pa = xcalloc(n, sizeof *pa);
	double *dv = xcalloc(n, sizeof *dv), *aov = xcalloc(n, sizeof *aov);
	double *ea = xcalloc(n, sizeof *ea), *da = xcalloc(n, sizeof *da);
	double *tmp = xcalloc(n, sizeof *tmp);
	double *tot_n = co ? xcalloc(n, sizeof *tot_n) : NULL;
	double *tot_v = co ? xcalloc(n, sizeof *tot_v) : NULL;
	double lo_e = NAN, hi_e = NAN, lo_p = NAN, hi_p = NAN;
	struct rng g;

	rng_seed(&g, seed, 0);
	draw_params(mp->purchase, mp->p, mp->cov_p, &g, n, pd.p);
	if (mp->spend) {
		rng_seed(&g, seed, 1);
		draw_params(BTYD_GGAMMA, mp->g, mp->cov_g, &g, n, pd.g);
	}
	for (size_t i = 0; i < nr; i++) {
		const struct rfm *c = &run->rows[i].rfm;

		key[i] = (struct pattern_key){ c->x, c->tx, c->T, i };
	}
	qsort(key, nr, sizeof *key, cmp_pattern);
	for (size_t k = 0; k < nr; k++) {
		size_t i = key[k].i;
		const struct rfm *c = &run->rows[i].rfm;
		double *b = bound[i];

		if (k == 0 || key[k - 1].x != c->x || key[k - 1].T != c->T)
			for (size_t d = 0; d < n; d++)
				alive_values(mp->purchase, pd.p[d], c, mp->spend, &vt,
				    &ea[d], &da[d]);
		if (k == 0 || key[k - 1].x != c->x || key[k - 1].T != c->T ||
		    key[k - 1].tx != c->tx) {
			/* A new (x, t_x, T): the purchase model's values. */
			for (size_t d = 0; d < n; d++) {
				pa[d] = btyd_palive(mp->purchase, pd.p[d], c);
				e[d] = pa[d] * ea[d];
				dv[d] = pa[d] * da[d];
				if (isnan(ea[d]) || (mp->spend && isnan(da[d]))) {
					e[d] = btyd_expected(mp->purchase, pd.p[d],
					    cfg->horizon, c);
					dv[d] = mp->spend ? btyd_clv(mp->purchase,
					    pd.p[d], c, 1, cfg->horizon, vt.month,
					    cfg->discount) : NAN;
				}
			}
			memcpy(tmp, e, n * sizeof *tmp);
			percentile_interval(tmp, n, cfg->interval, &lo_e, &hi_e);
			memcpy(tmp, pa, n * sizeof *tmp);
			percentile_interval(tmp, n, cfg->interval, &lo_p, &hi_p);
		}
		b[LO_PURCHASES] = lo_e;
		b[HI_PURCHASES] = hi_e;
		b[LO_ALIVE] = lo_p;
		b[HI_ALIVE] = hi_p;
		b[LO_AOV] = b[HI_AOV] = b[LO_CLV] = b[HI_CLV] = NAN;
		if (mp->spend) {
			for (size_t d = 0; d < n; d++)
				aov[d] = ggamma_expected_spend(pd.g[d], c->x, c->m);
			for (size_t d = 0; d < n; d++)
				tmp[d] = aov[d] * cfg->margin * dv[d];
			percentile_interval(tmp, n, cfg->interval, &b[LO_CLV],
			    &b[HI_CLV]);
			memcpy(tmp, aov, n * sizeof *tmp);
			percentile_interval(tmp, n, cfg->interval, &b[LO_AOV],
			    &b[HI_AOV]);
		}
		if (co != NULL) {
			rng_seed(&g, seed, 2 + (uint64_t)i);
			for (size_t d = 0; d < n; d++) {
				double np, nv;

				btyd_simulate(mp->purchase, pd.p[d], mp->spend ?
				    pd.g[d] : NULL, c, pa[d], &vt, &g, &np, &nv);
				tot_n[d] += np;
				tot_v[d] += nv;
			}
		}
	}
	if (co != NULL) {
		percentile_interval(tot_n, n, cfg->interval, &co->bound[0],
		    &co->bound[1]);
		percentile_interval(tot_v, n, cfg->interval, &co->bound[2],
		    &co->bound[3]);
		if (!mp->spend)
			co->bound[2] = co->bound[3] = NAN;
	}
	free(pd.p);
	free(pd.g);
	free(key);
	free(e);
	free(pa);
	free(dv);
	free(aov);
	free(ea);
	free(da);
	free(tmp);
	free(tot_n);
	free(tot_v);
}

/* A value and, with --interval, its bounds. */
static void
write_with_bounds(struct writer *w, double x, int interval, double lo,
    double hi)
{
	wr_num(w, x);
	if (interval) {
		wr_num(w, lo);
		wr_num(w, hi);
	}
}

/* The output's header: the input's or the summary's columns, then the
** predictions, each followed by COL_lo and COL_hi with --interval. */
static void
write_prediction_header(struct writer *w, const struct run *run, int interval)
{
	static const char *const cols[] = { "expected_purchases", "p_alive",
		"expected_aov", "clv" };

	if (run->is_summary)
		for (size_t i = 0; i < run->nfields; i++)
			wr_field(w, run->header[i].s, run->header[i].len);
	else
		write_summary_header(w, run);
	for (int k = 0; k < 4; k++) {
		char h[64];

		wr_str(w, cols[k]);
		if (!interval)
			continue;
		snprintf(h, sizeof h, "%s_lo", cols[k]);
		wr_str(w, h);
		snprintf(h, sizeof h, "%s_hi", cols[k]);
		wr_str(w, h);
	}
	wr_end(w);
}

/*
** --total's row: "(all)" in the customer column and the other input
** columns empty; the sums of the expected purchases and of the CLVs
** (P(alive) and the mean spend are not sums: empty), and with
** --interval the cohort's bounds.
*/
static void
write_total_row(struct writer *w, const struct run *run, const
    struct prediction *pr, const struct cohort *co, int interval)
{
	double purchases = 0, clv = 0;
	size_t ncols = run->is_summary ? run->nfields : (size_t)(5 + (run->has_money ? 1 :
	    0) + (run->cal_end != NO_TIME ? 2 + (run->has_money ? 1 : 0) : 0));

	for (size_t i = 0; i < run->nrows; i++) {
		purchases += pr[i].purchases;
		clv += pr[i].clv;
	}
	for (size_t j = 0; j < ncols; j++)
		if ((long)j == run->customer_col)
			wr_str(w, "(all)");
		else
			wr_empty(w);
	write_with_bounds(w, purchases, interval, co->bound[0], co->bound[1]);
	write_with_bounds(w, NAN, interval, NAN, NAN);
	write_with_bounds(w, NAN, interval, NAN, NAN);
	write_with_bounds(w, clv, interval, co->bound[2], co->bound[3]);
	wr_end(w);
}

/*
** --predict: every customer's predictions (and with --interval their
** bounds), and with --total the cohort's; each value is computed before
** a line is written.
*/
static void
print_predictions(struct run *run)
{
	int interval = !isnan(run->cfg.interval);
	double (*bound)[NBOUNDS] = NULL;
	struct cohort co = { 0, 0, { NAN, NAN, NAN, NAN } };
	struct model_params mp;
	struct prediction *pr;
	struct writer w;

	get_params(run, &mp);
	if (mp.spend && !(mp.g[1] > 1))
		note(run->o.rd.notes, "ggamma: q = %g <= 1 makes the mean "
		    "spend infinite; expected_aov and clv are left empty",
		    mp.g[1]);
	pr = predict_all(run, &mp);
	if (interval) {
		bound = xcalloc(run->nrows ? run->nrows : 1, sizeof *bound);
		predict_intervals(run, &mp, bound, run->o.total ? &co : NULL);
	}
	opts_writer(&run->o, &w);
	write_prediction_header(&w, run, interval);
	for (size_t i = 0; i < run->nrows; i++) {
		const double *b = interval ? bound[i] : NULL;

		if (run->is_summary)
			for (size_t j = 0; j < run->nfields; j++)
				wr_field(&w, run->fields[i][j].s, run->fields[i][j].len);
		else
			write_summary_row(&w, run, &run->rows[i]);
		write_with_bounds(&w, pr[i].purchases, interval,
		    b ? b[LO_PURCHASES] : 0, b ? b[HI_PURCHASES] : 0);
		write_with_bounds(&w, pr[i].p_alive, interval,
		    b ? b[LO_ALIVE] : 0, b ? b[HI_ALIVE] : 0);
		write_with_bounds(&w, pr[i].aov, interval,
		    b ? b[LO_AOV] : 0, b ? b[HI_AOV] : 0);
		write_with_bounds(&w, pr[i].clv, interval,
		    b ? b[LO_CLV] : 0, b ? b[HI_CLV] : 0);
		wr_end(&w);
	}
	if (run->o.total)
		write_total_row(&w, run, pr, &co, interval);
	free(bound);
	free(pr);
}

/*
** --historical, revenue(1)'s work under its old name for one more
** release: the same output, and a note that says where it went.
*/
static void
historical(struct run *run)
{
	struct revenue rv;
	struct writer w;

	note(run->o.rd.notes, "--historical is deprecated: use revenue(1); it "
	    "goes in the next release");
	revenue_init(&rv, &run->o, run->cfg.margin, run->cfg.churn,
	    run->now_limit);
	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);

		revenue_read(&rv, r);
		rd_close(r);
	}
	progress_done(&run->o.progress);
	opts_writer(&run->o, &w);
	revenue_write(&rv, &w);
	revenue_free(&rv);
}

/* Roles of a BG/BB summary (clv(1), --model bgbb). */
enum { BGBB_FREQUENCY, BGBB_RECENCY, BGBB_PERIODS, BGBB_WEIGHTS, NBGBB_ROLES };
static const struct role bgbb_roles[NBGBB_ROLES] = {
	[BGBB_FREQUENCY] = { "frequency", "frequency", 1 },
	[BGBB_RECENCY] = { "recency", "recency", 1 },
	[BGBB_PERIODS] = { "periods", "periods", 1 },
	[BGBB_WEIGHTS] = { "weights", "weights", 0 },
};

/* The most opportunities a BG/BB summary row may have: the likelihood
** sums over them. */
#define BGBB_MAX_PERIODS 100000.0

/* Column COL of ROW as a number into *X; rd_bad() on failure. */
static int
bgbb_number(struct reader *r, const struct row *row, long col, double *x)
{
	const struct field *f = &row->f[col];
	char esc[ESCAPED_MAX];
	const char *err;

	if (f->len == 0)
		return rd_bad(r, row, col, "empty; a number is needed");
	if ((err = num_parse(f->s, f->len, x)) != NULL)
		return rd_bad(r, row, col, "'%s': %s",
		    escape_text(esc, sizeof esc, f->s, f->len), err);
	return 0;
}

/*
** Decode a BG/BB summary row into *C: frequency, recency and periods
** whole numbers with 0 <= frequency <= recency <= periods (recency 0 when
** frequency is 0), periods at most BGBB_MAX_PERIODS, weights a number
** >= 0 (1 without the column). Returns 0, or -1 after rd_bad().
*/
static int
bgbb_decode(struct reader *r, const struct row *row, const long *col,
    struct rfm *c)
{
	double v[3];

	c->m = 0;
	c->w = 1;
	for (int i = 0; i < 3; i++) {
		if (bgbb_number(r, row, col[i], &v[i]) < 0)
			return -1;
		if (v[i] < 0 || v[i] != floor(v[i]))
			return rd_bad(r, row, col[i], "%g: a count of "
			    "opportunities or transactions, a whole number, 0 "
			    "or more", v[i]);
	}
	c->x = v[0];
	c->tx = v[1];
	c->T = v[2];
	if (c->T > BGBB_MAX_PERIODS)
		return rd_bad(r, row, col[BGBB_PERIODS], "%g: more opportunities "
		    "than the model takes (%g)", c->T, BGBB_MAX_PERIODS);
	if (c->x == 0 && c->tx != 0)
		return rd_bad(r, row, col[BGBB_RECENCY], "%g: a customer with no "
		    "repeat transaction (frequency 0) has recency 0", c->tx);
	if (c->tx < c->x)
		return rd_bad(r, row, col[BGBB_RECENCY], "%g: less than the "
		    "frequency (%g), but each opportunity has one transaction "
		    "at most", c->tx, c->x);
	if (c->tx > c->T)
		return rd_bad(r, row, col[BGBB_RECENCY], "%g: more than the "
		    "periods (%g), the opportunities observed", c->tx, c->T);
	if (col[BGBB_WEIGHTS] >= 0) {
		if (bgbb_number(r, row, col[BGBB_WEIGHTS], &c->w) < 0)
			return -1;
		if (!(c->w >= 0) || !isfinite(c->w))
			return rd_bad(r, row, col[BGBB_WEIGHTS], "%g: a number of "
			    "customers, 0 or more", c->w);
	}
	return 0;
}

/* Read every input as a BG/BB summary into RUN's rows (x, t_x, T = n, w)
** and, for --predict to repeat them, fields. */
static void
bgbb_read(struct run *run)
{
	for (size_t i = 0; i < run->o.nfiles; i++) {
		struct reader *r = rd_open_or_die(run->o.files[i], &run->o.rd);
		const struct row *h = rd_header(r), *row;
		long col[NBGBB_ROLES];
		int rc;

		if (cols_bind(r, bgbb_roles, NBGBB_ROLES, &run->o.cols, col) < 0)
			rd_die(r);
		if (run->header == NULL) {
			run->header = arena_alloc(&run->arena, h->n *
			    sizeof *run->header);
			for (size_t j = 0; j < h->n; j++) {
				run->header[j].s = arena_memdup(&run->arena,
				    h->f[j].s, h->f[j].len);
				run->header[j].len = h->f[j].len;
			}
			run->nfields = h->n;
		} else if (h->n != run->nfields) {
			die(EX_DATAERR, "%s:%lu: the header differs from the first "
			    "file's; give summaries with the same columns",
			    rd_name(r), h->line);
		}
		while ((rc = rd_next(r, &row)) > 0) {
			struct rfm c;

			if (bgbb_decode(r, row, col, &c) < 0)
				continue;
			keep_fields(run, row);
			memset(&run->rows[run->nrows], 0, sizeof run->rows[0]);
			run->rows[run->nrows++].rfm = c;
		}
		if (rc < 0)
			rd_die(r);
		rd_close(r);
	}
}

static struct bgbb_obs
bgbb_obs_of(const struct rfm *c)
{
	return (struct bgbb_obs){ c->x, c->tx, c->T, c->w };
}

/* Fit BG/BB to the rows read, or die with the reason. */
static void
bgbb_fit_rows(const struct run *run, struct bgbb_fit *fit)
{
	struct bgbb_obs *d = xcalloc(run->nrows ? run->nrows : 1, sizeof *d);
	char why[BGBB_WHY_MAX];
	int rc;

	for (size_t i = 0; i < run->nrows; i++)
		d[i] = bgbb_obs_of(&run->rows[i].rfm);
	rc = bgbb_fit(d, run->nrows, fit, why);
	free(d);
	if (rc < 0)
		die(EX_DATAERR, "bgbb: %s", why);
}

/*
** --model bgbb: the fit as --fit prints one (model, param, value,
** std_error, unit; no unit: the parameters are of probabilities), or
** with --predict each input row and its expected_purchases over the next
** --horizon opportunities, p_alive at the next one and dert.
*/
static void
bgbb_run(struct run *run)
{
	static const char *const names[4] = { "alpha", "beta", "gamma", "delta" };
	struct bgbb_fit fit;
	struct writer w;
	double (*out)[3];

	bgbb_read(run);
	progress_done(&run->o.progress);
	bgbb_fit_rows(run, &fit);
	if (!run->cfg.predict) {
		opts_writer(&run->o, &w);
		wr_str(&w, "model");
		wr_str(&w, "param");
		wr_str(&w, "value");
		wr_str(&w, "std_error");
		wr_str(&w, "unit");
		wr_end(&w);
		for (int j = 0; j < 6; j++) {
			wr_str(&w, "bgbb");
			wr_str(&w, j < 4 ? names[j] : j == 4 ? "loglik" :
			    "customers");
			wr_num(&w, j < 4 ? fit.param[j] : j == 4 ? fit.loglik :
			    fit.customers);
			if (j < 4)
				wr_num(&w, fit.se[j]);
			else
				wr_empty(&w);
			wr_empty(&w);
			wr_end(&w);
		}
		return;
	}
	/* Every value first: no partial output if one is not finite. */
	out = xcalloc(run->nrows ? run->nrows : 1, sizeof *out);
	for (size_t i = 0; i < run->nrows; i++) {
		struct bgbb_obs c = bgbb_obs_of(&run->rows[i].rfm);

		out[i][0] = bgbb_expected(fit.param, run->cfg.horizon, &c);
		out[i][1] = bgbb_palive(fit.param, &c);
		out[i][2] = bgbb_dert(fit.param, run->cfg.discount, &c);
		for (int k = 0; k < 3; k++)
			if (!isfinite(out[i][k]))
				die(EX_DATAERR, "bgbb: the %s of frequency %g, recency "
				    "%g, periods %g is not finite: the parameters and "
				    "this history are past what the series take", k == 0 ?
				    "expected_purchases" : k == 1 ? "p_alive" : "dert",
				    c.x, c.tx, c.n);
	}
	opts_writer(&run->o, &w);
	for (size_t j = 0; j < run->nfields; j++)
		wr_field(&w, run->header[j].s, run->header[j].len);
	wr_str(&w, "expected_purchases");
	wr_str(&w, "p_alive");
	wr_str(&w, "dert");
	wr_end(&w);
	for (size_t i = 0; i < run->nrows; i++) {
		for (size_t j = 0; j < run->nfields; j++)
			wr_field(&w, run->fields[i][j].s, run->fields[i][j].len);
		for (int k = 0; k < 3; k++)
			wr_num(&w, out[i][k]);
		wr_end(&w);
	}
	free(out);
}

/*
** --validate: fit each purchase model of --fit (default bgnbd) to the
** calibration summaries, and set its predictions against the holdout:
** the TABLE of clv(1), VALIDATION.
*/
static void
validate(struct run *run)
{
	unsigned want = run->cfg.fit ? run->cfg.fit : 1u << BTYD_BGNBD;
	struct btyd_fit fits[BTYD_NMODELS];
	const struct rfm zero = { 0, 0, 0, 0, 1 };
	int models[BTYD_NMODELS], nm = 0;
	struct writer w;

	/* Orders: read_inputs() refuses a summary with --calibration-end. */
	for (int m = 0; m < BTYD_NMODELS; m++)
		if (want & (1u << m)) {
			fit_model(run, m, &fits[nm]);
			models[nm++] = m;
		}
	opts_writer(&run->o, &w);
	if (run->cfg.validate == 1) {
		/* Tracking: periods of the unit from the first order. */
		const struct summariser *s = &run->sum;
		double len = run->cfg.calendar ? 1 : rfm_unit_days(run->cfg.unit);
		int64_t end = s->obs_end != INT64_MAX ? s->obs_end : s->last_seen;
		size_t np = (size_t)ceil((double)(end - s->first_seen + 1) / len);
		double *actual = xcalloc(np, sizeof *actual), maxT = 0;
		double *exp_cum = xcalloc(np * (size_t)nm, sizeof *exp_cum);
		struct rfm *ages = xcalloc(run->nrows ? run->nrows : 1,
		    sizeof *ages);
		size_t nages;
		double acum = 0, prev[BTYD_NMODELS] = {0};

		summariser_repeats(s, s->first_seen, len, actual, np);
		/* Each customer's birth, maxT - T, as in BTYD's tracking. */
		for (size_t i = 0; i < run->nrows; i++) {
			maxT = fmax(maxT, run->rows[i].rfm.T);
			ages[i] = (struct rfm){ 0, 0, run->rows[i].rfm.T, 0, 1 };
		}
		nages = btyd_compress(ages, run->nrows, BTYD_BGNBD);
		for (int j = 0; j < nm; j++)
			for (size_t k = 0; k < np; k++)
				for (size_t g = 0; g < nages; g++) {
					double b = maxT - ages[g].T, t = (double)(k + 1) - b;

					if (t > 0)
						exp_cum[j * np + k] += ages[g].w *
						    btyd_expected(models[j], fits[j].param, t,
						    &zero);
				}
		wr_str(&w, "period");
		wr_str(&w, "holdout");
		wr_str(&w, "actual");
		wr_str(&w, "actual_cumulative");
		for (int j = 0; j < nm; j++) {
			char h[64];

			snprintf(h, sizeof h, "%s_expected", btyd_info(models[j])->name);
			wr_str(&w, h);
			snprintf(h, sizeof h, "%s_cumulative", btyd_info(models[j])->name);
			wr_str(&w, h);
		}
		wr_end(&w);
		for (size_t k = 0; k < np; k++) {
			acum += actual[k];
			wr_num(&w, (double)(k + 1));
			wr_num(&w, (double)s->first_seen + (double)k * len >
			    (double)s->cal_end);
			wr_num(&w, actual[k]);
			wr_num(&w, acum);
			for (int j = 0; j < nm; j++) {
				wr_num(&w, exp_cum[j * np + k] - prev[j]);
				wr_num(&w, exp_cum[j * np + k]);
				prev[j] = exp_cum[j * np + k];
			}
			wr_end(&w);
		}
		free(actual);
		free(exp_cum);
		free(ages);
	} else if (run->cfg.validate == 2) {
		/* Conditional expectations by calibration frequency, 0..7+. */
		double n[8] = {0}, act[8] = {0}, ex[BTYD_NMODELS][8] = {{0}};

		for (size_t i = 0; i < run->nrows; i++) {
			const struct rfm_row *r = &run->rows[i];
			int g = r->rfm.x < 7 ? (int)r->rfm.x : 7;

			n[g]++;
			act[g] += r->freq_holdout;
			for (int j = 0; j < nm; j++)
				ex[j][g] += btyd_expected(models[j], fits[j].param,
				    r->duration_holdout, &r->rfm);
		}
		wr_str(&w, "frequency");
		wr_str(&w, "customers");
		wr_str(&w, "actual");
		for (int j = 0; j < nm; j++)
			wr_str(&w, btyd_info(models[j])->name);
		wr_end(&w);
		for (int g = 0; g < 8; g++) {
			char label[8];

			snprintf(label, sizeof label, g < 7 ? "%d" : "%d+", g);
			wr_str(&w, label);
			wr_num(&w, n[g]);
			if (n[g] > 0)
				wr_num(&w, act[g] / n[g]);
			else
				wr_empty(&w);
			for (int j = 0; j < nm; j++)
				if (n[g] > 0)
					wr_num(&w, ex[j][g] / n[g]);
				else
					wr_empty(&w);
			wr_end(&w);
		}
	} else if (run->cfg.validate == 4) {
		/* Calibration frequencies: observed and sum_i P(X(T_i) = n). */
		struct rfm *ages = xcalloc(run->nrows ? run->nrows : 1,
		    sizeof *ages);
		double obs[8] = {0}, ex[BTYD_NMODELS][8] = {{0}};
		size_t nages;

		for (size_t i = 0; i < run->nrows; i++) {
			double x = run->rows[i].rfm.x;

			obs[x < 7 ? (int)x : 7]++;
			ages[i] = (struct rfm){ 0, 0, run->rows[i].rfm.T, 0, 1 };
		}
		nages = btyd_compress(ages, run->nrows, BTYD_BGNBD);
		for (int j = 0; j < nm; j++) {
			double below = 0;

			for (int n = 0; n < 7; n++) {
				for (size_t g = 0; g < nages; g++)
					ex[j][n] += ages[g].w * btyd_pmf(models[j],
					    fits[j].param, ages[g].T, n);
				below += ex[j][n];
			}
			ex[j][7] = (double)run->nrows - below;
		}
		wr_str(&w, "frequency");
		wr_str(&w, "observed");
		for (int j = 0; j < nm; j++)
			wr_str(&w, btyd_info(models[j])->name);
		wr_end(&w);
		for (int n = 0; n < 8; n++) {
			char label[8];

			snprintf(label, sizeof label, n < 7 ? "%d" : "%d+", n);
			wr_str(&w, label);
			wr_num(&w, obs[n]);
			for (int j = 0; j < nm; j++)
				wr_num(&w, ex[j][n]);
			wr_end(&w);
		}
		free(ages);
	} else {
		/* Errors of each model, per customer and in total. */
		wr_str(&w, "model");
		wr_str(&w, "customers");
		wr_str(&w, "mae");
		wr_str(&w, "rmse");
		wr_str(&w, "bias");
		wr_str(&w, "actual_total");
		wr_str(&w, "expected_total");
		wr_str(&w, "percent_error");
		wr_end(&w);
		for (int j = 0; j < nm; j++) {
			double ae = 0, se = 0, a = 0, e = 0, nn = (double)run->nrows;

			for (size_t i = 0; i < run->nrows; i++) {
				const struct rfm_row *r = &run->rows[i];
				double x = btyd_expected(models[j], fits[j].param,
				    r->duration_holdout, &r->rfm);

				ae += fabs(x - r->freq_holdout);
				se += (x - r->freq_holdout) * (x - r->freq_holdout);
				a += r->freq_holdout;
				e += x;
			}
			wr_str(&w, btyd_info(models[j])->name);
			wr_num(&w, nn);
			wr_num(&w, ae / nn);
			wr_num(&w, sqrt(se / nn));
			wr_num(&w, (e - a) / nn);
			wr_num(&w, a);
			wr_num(&w, e);
			if (a > 0)
				wr_num(&w, 100 * (e - a) / a);
			else
				wr_empty(&w);
			wr_end(&w);
		}
	}
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"[file ...]",
		"Customer lifetime value from orders: summaries, BTYD fits, "
		"predictions.",
		OPTS_TOTAL, tool_options, handle_option, "orders",
	};
	struct run run = { .cfg = CONFIG_DEFAULTS };
	struct role all[NORDER_ROLES + NSUMMARY_ROLES - 1];
	struct strbuf notes = {0};

	opts_parse(&run.o, &spec, &run.cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	run.o.rd.notes = &notes;
	run.now_limit = order_date_limit();
	check_options(&run);
	/* Both tables' roles; "customer" is in both. */
	memcpy(all, order_roles, sizeof order_roles);
	memcpy(all + NORDER_ROLES, summary_roles + 1,
	    sizeof summary_roles - sizeof summary_roles[0]);
	if (run.cfg.bgbb)
		cols_check_roles(&run.o.cols, bgbb_roles, NBGBB_ROLES);
	else
		cols_check_roles(&run.o.cols, all, NORDER_ROLES + NSUMMARY_ROLES - 1);

	if (run.cfg.bgbb) {
		bgbb_run(&run);
	} else if (run.cfg.historical) {
		historical(&run);
	} else {
		read_inputs(&run);
		check_ends(&run, 0);
		progress_done(&run.o.progress);
		if (run.cfg.validate)
			validate(&run);
		else if (run.cfg.summary)
			print_summary(&run);
		else if (run.cfg.predict)
			print_predictions(&run);
		else
			print_fits(&run);
	}

	if (run.sum_ready)
		summariser_free(&run.sum);
	free(run.rows);
	free(run.fields);
	for (size_t i = 0; i < run.nsrc; i++) {
		free(run.src_name[i]);
		free(run.src_amount[i]);
	}
	free(run.src_name);
	free(run.src_amount);
	arena_free(&run.arena);
	notes_print(&notes);
	sb_free(&notes);
	opts_free(&run.o);
	return close_stdout();
}
