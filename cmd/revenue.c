/* See LICENSE file for copyright and license details. */
/*
** revenue: historical revenue from an order log, per group and period:
** revenue, orders, customers, average order value, revenue per customer,
** purchase frequency, and with --churn the simple CLV. Formerly clv
** --historical. See revenue(1).
*/
#include <math.h>

#include "../lib/opts.h"
#include "../lib/reader.h"
#include "../lib/revenue.h"
#include "../lib/rfm.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_MARGIN = OPT_TOOL, OPT_CHURN };

static const struct tool_option tool_options[] = {
	{ "churn", "RATE", OPT_CHURN,
	    "add clv = revenue per customer * margin / RATE" },
	{ "margin", "M", OPT_MARGIN,
	    "profit margin of revenue for clv (default 1; with --churn)" },
	{ 0 }
};

struct config {
	double margin;                  /* NAN until given; then 1 */
	double churn;                   /* NAN: no clv column */
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	switch (key) {
	case OPT_MARGIN:
		cfg->margin = revenue_opt_margin(arg);
		break;
	case OPT_CHURN:
		cfg->churn = revenue_opt_churn(arg);
		break;
	}
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"[file ...]",
		"Historical revenue, orders, customers, AOV and CLV per group.",
		OPTS_TOTAL, tool_options, handle_option, "orders",
	};
	struct config cfg = { .margin = NAN, .churn = NAN };
	struct strbuf notes = {0};
	struct revenue rv;
	struct kpi_opts o;
	struct writer w;

	opts_parse(&o, &spec, &cfg, argc, argv);
	/* Warnings wait until the result is formed (see note()). */
	o.rd.notes = &notes;
	if (!isnan(cfg.margin) && isnan(cfg.churn))
		usage_error("--margin goes with --churn: it scales the clv column");
	if (isnan(cfg.margin))
		cfg.margin = 1;
	cols_check_roles(&o.cols, order_roles, NORDER_ROLES);

	revenue_init(&rv, &o, cfg.margin, cfg.churn, order_date_limit());
	for (size_t i = 0; i < o.nfiles; i++) {
		struct reader *r = rd_open_or_die(o.files[i], &o.rd);

		revenue_read(&rv, r);
		rd_close(r);
	}
	progress_done(&o.progress);
	opts_writer(&o, &w);
	revenue_write(&rv, &w);

	revenue_free(&rv);
	notes_print(&notes);
	sb_free(&notes);
	opts_free(&o);
	return close_stdout();
}
