/* See LICENSE file for copyright and license details. */
/*
** cac: customer acquisition cost per period (and --by group): the spend
** of the period over the customers it won, marketing-only and fully
** loaded, and with MRR and margin the months of gross profit that pay it
** back. See cac(1).
*/
#include <math.h>
#include <stdlib.h>

#include "../lib/credit.h"
#include "../lib/money.h"
#include "../lib/opts.h"
#include "../lib/spend.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_MRR_COL = SPEND_OPT_END, OPT_MARGIN, OPT_ATTRIBUTION, OPT_MODEL };

static const struct tool_option tool_options[] = {
	SPEND_TOOL_OPTIONS,
	{ "mrr-col", "COL", OPT_MRR_COL,
	    "each customer's monthly recurring revenue (with --margin)" },
	{ "margin", "M", OPT_MARGIN,
	    "gross margin, above 0 to 1, for the payback (with --mrr-col)" },
	{ "attribution", "FILE", OPT_ATTRIBUTION,
	    "customers per channel as attribute(1) credited them, in FILE" },
	{ "model", "NAME", OPT_MODEL,
	    "with --attribution: the model of FILE to use" },
	{ 0 }
};

struct config {
	struct spend_opts spend;
	const char *mrr_col;        /* --mrr-col; NULL: no payback columns */
	double margin;              /* --margin; 0 when not given */
	const char *attribution;    /* --attribution FILE, or NULL */
	const char *model;          /* --model, or NULL */
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	if (spend_opts_option(&cfg->spend, key, arg))
		return;
	switch (key) {
	case OPT_MRR_COL:
		cfg->mrr_col = arg;
		break;
	case OPT_MARGIN:
		cfg->margin = spend_opt_margin(arg);
		break;
	case OPT_ATTRIBUTION:
		cfg->attribution = arg;
		break;
	case OPT_MODEL:
		cfg->model = arg;
		break;
	}
}

/* X over N customers, in units of money; undefined without customers. */
static double
per_customer(double micros, uint64_t n)
{
	return n > 0 ? micros / ((double)n * MICROS_PER_UNIT) : NAN;
}

static void
write_header(struct writer *w, const struct spend_join *j,
    const struct config *cfg)
{
	sj_write_key_header(j, w);
	wr_str(w, "marketing_spend");
	wr_str(w, "sales_spend");
	wr_str(w, "new_customers");
	wr_str(w, "cac_marketing");
	wr_str(w, "cac_fully_loaded");
	if (cfg->mrr_col != NULL) {
		wr_str(w, "mrr_per_customer");
		wr_str(w, "payback_months");
	}
	wr_end(w);
}

/*
** Each ratio is one division of exact sums (so the one rounding), below
** 2^53 micros at least. payback = cac_fully_loaded / (mrr_per_customer *
** margin), where the customer count cancels out.
*/
static void
write_cell(struct writer *w, const struct spend_cell *c, const void *ctx)
{
	const struct config *cfg = ctx;
	double marketing = (double)c->spend[SPEND_MARKETING];
	double loaded = (double)sj_spend(c, NULL);

	money_write(w, c->spend[SPEND_MARKETING]);
	money_write(w, c->spend[SPEND_SALES]);
	wr_int(w, (int64_t)c->customers);
	wr_num(w, per_customer(marketing, c->customers));
	wr_num(w, per_customer(loaded, c->customers));
	if (cfg->mrr_col != NULL) {
		wr_num(w, per_customer((double)c->value, c->customers));
		wr_num(w, c->customers > 0 && c->value > 0 ?
		    loaded / ((double)c->value * cfg->margin) : NAN);
	}
	wr_end(w);
}

/*
** --attribution: one row per channel, the spend over all its dates against
** the customers attribute(1) credited the channel (a fraction in general).
*/
static void
write_attributed(struct writer *w, const struct spend_join *j,
    const struct config *cfg, const struct kpi_opts *o)
{
	struct credit cr;
	size_t n;
	struct credit_row *rows;

	credit_read(&cr, cfg->attribution, &o->rd, cfg->model);
	rows = credit_join(j, &cr, o->total, &n);
	write_header(w, j, cfg);
	for (size_t i = 0; i < n; i++) {
		const struct credit_row *c = &rows[i];
		double marketing = (double)c->spend.spend[SPEND_MARKETING];
		double loaded = (double)sj_spend(&c->spend, NULL);

		wr_str(w, "(all)");
		wr_str(w, c->channel);
		money_write(w, c->spend.spend[SPEND_MARKETING]);
		money_write(w, c->spend.spend[SPEND_SALES]);
		wr_num(w, c->conv);
		wr_num(w, c->conv > 0 ? marketing / MICROS_PER_UNIT / c->conv :
		    NAN);
		wr_num(w, c->conv > 0 ? loaded / MICROS_PER_UNIT / c->conv :
		    NAN);
		wr_end(w);
	}
	free(rows);
	credit_free(&cr);
}

int
main(int argc, char *argv[])
{
	static const struct tool_spec spec = {
		"--spend FILE [file ...]",
		"Customer acquisition cost: spend over new customers, per period.",
		OPTS_STAGE_LIST | OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS |
		    OPTS_COUNT | OPTS_JOIN,
		tool_options, handle_option, "leads",
	};
	struct config cfg = {0};
	struct kpi_opts o;
	struct role mrr;
	struct spend_join j;
	struct writer w;
	struct strbuf notes = {0};

	opts_parse(&o, &spec, &cfg, argc, argv);
	spend_opts_resolve(&cfg.spend, &o);
	spend_opts_expect(&cfg.spend, &o.progress);
	/* Warnings wait until the result is formed (see note()). */
	o.rd.notes = &notes;
	if ((cfg.mrr_col != NULL) != (cfg.margin > 0))
		usage_error("--mrr-col and --margin go together: the payback "
		    "needs both");
	if (cfg.model != NULL && cfg.attribution == NULL)
		usage_error("--model goes with --attribution: it picks a model "
		    "of its file");
	if (cfg.attribution != NULL)
		credit_settle(&o, &cfg.spend, cfg.attribution,
		    cfg.mrr_col != NULL ? "--mrr-col" : NULL);
	mrr = (struct role){ "mrr", cfg.mrr_col, 1 };
	sj_init(&j, &o, &cfg.spend, cfg.mrr_col != NULL ? &mrr : NULL);
	if (cfg.attribution != NULL) {
		sj_read_spend(&j);
		progress_done(&o.progress);
		opts_writer(&o, &w);
		write_attributed(&w, &j, &cfg, &o);
		goto done;
	}

	sj_read(&j);
	progress_done(&o.progress);
	opts_writer(&o, &w);
	write_header(&w, &j, &cfg);
	sj_write_rows(&j, &w, write_cell, &cfg);

done:
	sj_free(&j);
	spend_opts_free(&cfg.spend);
	notes_print(&notes);
	sb_free(&notes);
	opts_free(&o);
	return close_stdout();
}
