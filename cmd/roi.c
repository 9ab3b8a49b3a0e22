/* See LICENSE file for copyright and license details. */
/*
** roi: return on spend per period (and --by group): the revenue of the
** deals won in the period (or, with --margin, their gross profit) against
** the period's spend, as ROI and ROAS. See roi(1).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/credit.h"
#include "../lib/money.h"
#include "../lib/opts.h"
#include "../lib/spend.h"
#include "../lib/util.h"
#include "../lib/writer.h"

enum { OPT_MARGIN = SPEND_OPT_END, OPT_KIND, OPT_ATTRIBUTION, OPT_MODEL };

static const struct tool_option tool_options[] = {
	SPEND_TOOL_OPTIONS,
	{ "kind", "K", OPT_KIND,
	    "count spend of kind marketing, sales or all (default all)" },
	{ "margin", "M", OPT_MARGIN,
	    "gross margin, above 0 to 1: gross profit instead of revenue" },
	{ "attribution", "FILE", OPT_ATTRIBUTION,
	    "revenue per channel as attribute(1) credited it, in FILE" },
	{ "model", "NAME", OPT_MODEL,
	    "with --attribution: the model of FILE to use" },
	{ 0 }
};

struct config {
	struct spend_opts spend;
	int kind[SPEND_KINDS];      /* which kinds of spend count */
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
	case OPT_KIND: {
		int all = strcmp(arg, "all") == 0;

		cfg->kind[SPEND_MARKETING] = all || strcmp(arg, "marketing") == 0;
		cfg->kind[SPEND_SALES] = all || strcmp(arg, "sales") == 0;
		if (!cfg->kind[SPEND_MARKETING] && !cfg->kind[SPEND_SALES])
			usage_error("--kind: '%s' is not marketing, sales or all",
			    arg);
		break;
	}
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

static void
write_header(struct writer *w, const struct spend_join *j,
    const struct config *cfg)
{
	sj_write_key_header(j, w);
	wr_str(w, "spend");
	/* Say which return is measured, so the two are never mixed. */
	wr_str(w, cfg->margin > 0 ? "gross_profit" : "revenue");
	wr_str(w, "customers");
	wr_str(w, "roi");
	wr_str(w, "roas");
	wr_end(w);
}

/*
** roi = (return - spend) / spend and roas = return / spend, undefined
** without spend. The sums are exact; below 2^53 micros the difference is
** too, and the divisions and the margin's product round once each.
*/
static void
write_cell(struct writer *w, const struct spend_cell *c, const void *ctx)
{
	const struct config *cfg = ctx;
	money spend = sj_spend(c, cfg->kind);
	double back = (double)c->value;

	money_write(w, spend);
	if (cfg->margin > 0) {
		back *= cfg->margin;
		wr_num(w, back / MICROS_PER_UNIT);
	} else {
		money_write(w, c->value);
	}
	wr_int(w, (int64_t)c->customers);
	wr_num(w, spend > 0 ? (back - (double)spend) / (double)spend : NAN);
	wr_num(w, spend > 0 ? back / (double)spend : NAN);
	wr_end(w);
}

/*
** --attribution: one row per channel, the spend over all its dates against
** the revenue (and customers) attribute(1) credited the channel.
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
		money spend = sj_spend(&c->spend, cfg->kind);
		double back = c->value * (cfg->margin > 0 ? cfg->margin : 1);
		double sp = (double)spend / MICROS_PER_UNIT;

		wr_str(w, "(all)");
		wr_str(w, c->channel);
		money_write(w, spend);
		wr_num(w, back);
		wr_num(w, c->conv);
		wr_num(w, spend > 0 ? (back - sp) / sp : NAN);
		wr_num(w, spend > 0 ? back / sp : NAN);
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
		"Return on spend: revenue of won deals against spend, per period.",
		OPTS_STAGE_LIST | OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS |
		    OPTS_COUNT | OPTS_JOIN,
		tool_options, handle_option, "leads",
	};
	static const struct role amount = { "amount", "amount", 1 };
	struct config cfg = { .kind = { 1, 1 } };
	struct kpi_opts o;
	struct spend_join j;
	struct writer w;
	struct strbuf notes = {0};

	opts_parse(&o, &spec, &cfg, argc, argv);
	spend_opts_resolve(&cfg.spend, &o);
	spend_opts_expect(&cfg.spend, &o.progress);
	/* Warnings wait until the result is formed (see note()). */
	o.rd.notes = &notes;
	if (cfg.model != NULL && cfg.attribution == NULL)
		usage_error("--model goes with --attribution: it picks a model "
		    "of its file");
	if (cfg.attribution != NULL)
		credit_settle(&o, &cfg.spend, cfg.attribution, NULL);
	sj_init(&j, &o, &cfg.spend, &amount);
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
