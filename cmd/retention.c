/* See LICENSE file for copyright and license details. */
/*
** retention: customer and revenue retention from an order log or a
** subscription table: the MRR bridge (new, expansion, contraction, churn,
** reactivation), the rates (logo churn, GRR, NRR, quick ratio, growth),
** the cohort matrix, and the shifted-beta-geometric projection. See
** retention(1).
*/
#include <limits.h>

#include "../lib/opts.h"
#include "../lib/reader.h"
#include "../lib/retention.h"
#include "../lib/rfm.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_RATES = OPT_TOOL, OPT_COHORTS, OPT_SUBSCRIPTIONS, OPT_WINDOW,
	OPT_BOOTSTRAP, OPT_SEED, OPT_PROJECT, OPT_PARAMS, OPT_DISCOUNT };

static const struct tool_option tool_options[] = {
	{ "rates", NULL, OPT_RATES,
	    "logo churn, GRR, NRR, quick ratio and growth per period" },
	{ "cohorts", NULL, OPT_COHORTS,
	    "the cohort matrix, long: cohort, age, customers, retained, ..." },
	{ "subscriptions", NULL, OPT_SUBSCRIPTIONS,
	    "the inputs are subscription tables (customer, start, end, amount, "
	    "interval)" },
	{ "reactivation-window", "N", OPT_WINDOW,
	    "a return after more than N periods without paying is new" },
	{ "bootstrap", "B", OPT_BOOTSTRAP,
	    "resamples for the --rates intervals of GRR, NRR, quick ratio "
	    "(default 1000)" },
	{ "seed", "S", OPT_SEED, "the bootstrap's seed (default 1)" },
	{ "project", "N", OPT_PROJECT,
	    "survival and retention N periods ahead (1-1000), by the "
	    "shifted-beta-geometric model" },
	{ "params", NULL, OPT_PARAMS,
	    "with --project: the fitted parameters and DERL instead" },
	{ "discount", "D", OPT_DISCOUNT,
	    "with --params: DERL's discount rate per period (default 0.1)" },
	{ 0 }
};

struct config {
	struct ret_config ret;
	int rates, cohorts;
	int window_given, bootstrap_given, discount_given;
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	switch (key) {
	case OPT_RATES:
		cfg->rates = 1;
		break;
	case OPT_COHORTS:
		cfg->cohorts = 1;
		break;
	case OPT_SUBSCRIPTIONS:
		cfg->ret.subscriptions = 1;
		break;
	case OPT_WINDOW:
		cfg->ret.window = opt_int("reactivation-window", arg, 0, INT_MAX);
		cfg->window_given = 1;
		break;
	case OPT_BOOTSTRAP:
		cfg->ret.bootstrap = opt_int("bootstrap", arg, 1, 1000000);
		cfg->bootstrap_given = 1;
		break;
	case OPT_SEED:
		cfg->ret.seed = (uint64_t)opt_int("seed", arg, 0, LLONG_MAX);
		cfg->bootstrap_given = 1;
		break;
	case OPT_PROJECT:
		cfg->ret.project = (long)opt_int("project", arg, 1, 1000);
		break;
	case OPT_PARAMS:
		cfg->ret.params = 1;
		break;
	case OPT_DISCOUNT:
		cfg->ret.discount = opt_double("discount", arg, 0, 10);
		if (cfg->ret.discount <= 0)
			usage_error("--discount: '%s': DERL needs a rate above 0 "
			    "(its sum runs for ever)", arg);
		cfg->discount_given = 1;
		break;
	}
}

/* The mode and period the options ask for, or a usage error. */
static void
settle(struct config *cfg, struct kpi_opts *o)
{
	if (cfg->rates && cfg->cohorts)
		usage_error("--rates and --cohorts are two tables; give one");
	if (cfg->ret.project && (cfg->rates || cfg->cohorts))
		usage_error("--project writes a table of its own; give one of "
		    "--rates, --cohorts and --project");
	if (cfg->ret.params && !cfg->ret.project)
		usage_error("--params goes with --project: it writes the fitted "
		    "parameters instead of the projection");
	if (cfg->discount_given && !cfg->ret.params)
		usage_error("--discount goes with --params: it discounts DERL");
	if (cfg->window_given && cfg->ret.project)
		usage_error("--reactivation-window does not change --project: "
		    "the sBG is contractual, a customer's first stop is its "
		    "churn");
	cfg->ret.mode = cfg->ret.project ? RET_PROJECT : cfg->rates ?
	    RET_RATES : cfg->cohorts ? RET_COHORTS : RET_BRIDGE;
	if (cfg->bootstrap_given && !cfg->rates)
		usage_error("--bootstrap and --seed go with --rates: they set "
		    "its intervals");
	if (cfg->window_given && cfg->cohorts)
		usage_error("--reactivation-window does not change --cohorts: a "
		    "customer stays in its first cohort");
	if (o->total && o->group.nby == 0)
		usage_error("--total adds rows over the --by groups; without "
		    "--by there is one group");
	if (cfg->ret.subscriptions && o->preset != NULL)
		usage_error("--preset maps an orders export; a subscription "
		    "table's columns are mapped with --col");
	if (o->group.period == PERIOD_NONE)
		o->group.period = PERIOD_MONTH;
	if (o->group.period != PERIOD_MONTH &&
	    o->group.period != PERIOD_QUARTER && o->group.period != PERIOD_YEAR)
		usage_error("--period: retention counts months, quarters or "
		    "years (MRR is a monthly amount)");
	cfg->ret.period = o->group.period;
	cfg->ret.fy_start = o->group.fy_start;
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"[file ...]",
		"The MRR bridge, retention rates, cohorts and survival of "
		"customers.",
		OPTS_TOTAL, tool_options, handle_option, "orders",
	};
	struct config cfg = { .ret = { .window = -1, .bootstrap = 1000,
	    .seed = 1, .discount = 0.1 } };
	struct strbuf notes = {0};
	struct retention rt;
	struct kpi_opts o;
	struct writer w;

	opts_parse(&o, &spec, &cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	o.rd.notes = &notes;
	settle(&cfg, &o);
	retention_check_cols(&o, cfg.ret.subscriptions);

	retention_init(&rt, &o, &cfg.ret, order_date_limit());
	retention_read_all(&rt);
	progress_done(&o.progress);
	opts_writer(&o, &w);
	if (cfg.ret.mode == RET_PROJECT)
		ret_project(&rt, &w, &notes);
	else
		retention_write(&rt, &w);

	retention_free(&rt);
	notes_print(&notes);
	sb_free(&notes);
	opts_free(&o);
	return close_stdout();
}
