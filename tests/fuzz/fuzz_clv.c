/* See LICENSE file for copyright and license details. */
/*
** clv's modes on one input, orders or a summary table (clv tells them
** apart by the header, as here). The first byte picks an option set:
**   0-1  --summary of orders (days; weeks by calendar with a holdout)
**   2-3  --historical (grouped, with --total and --churn; plain)
**   4-5  --fit on orders or a summary (BG/NBD and Gamma-Gamma; MBG/NBD)
**   6-7  --predict with fixed --params (BG/NBD + Gamma-Gamma; Pareto/NBD)
** The input is written to a memory file, and clv's own read_inputs(),
** historical(), print_summary(), print_fits() and print_predictions() read
** it by its /proc/self/fd path. They die on bad data, as the tool must; so
** each run is first checked for what would make the tool die (the same
** decoders over the same bytes, the fits themselves): then it ends here.
**
** Checks, beyond not crashing: the output reads back as CSV whose figures
** are plain numbers or empty, and with --predict every customer has an
** expected number of purchases >= 0 and a P(alive) in [0, 1].
*/
#define main clv_main
#include "../../cmd/clv.c"
#undef main

#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "tool.h"

static const char *const option_sets[][14] = {
	{ "clv", "--summary", NULL },
	{ "clv", "--summary", "--unit", "weeks", "--calendar", "--calibration-end",
	    "2024-03-01", "--observation-end", "2024-06-30", NULL },
	{ "clv", "--historical", "--by", "channel", "--period", "month", "--total",
	    "--churn", "0.25", "--margin", "0.4", NULL },
	{ "clv", "--historical", "--skip-bad", NULL },
	{ "clv", "--fit", "bgnbd,ggamma", NULL },
	/*
	 * Not Pareto/NBD: where the data let its beta run off (nobody seems
	 * to drop out), a fit runs all its 1000 iterations with numerical
	 * gradients over 2F1s whose cost grows with the frequencies: 10 to
	 * 40 s for five customers, one with 100 purchases (fuzzing found
	 * this; its endless loop one ulp below 1 is fixed and kept in
	 * regressions/clv/). Slow, not wrong: left out to keep each input
	 * under a second.
	 */
	{ "clv", "--fit", "mbgnbd", "--penalizer", "0.01", "--unit", "weeks", NULL },
	{ "clv", "--predict", "--horizon", "39", "--unit", "weeks", "--params",
	    "@full", NULL },
	{ "clv", "--predict", "--horizon", "12", "--params", "@pareto",
	    "--discount-rate", "0.1", "--skip-bad", NULL },
};

/* The --params files (from clv --fit on CDNOW, and a Pareto/NBD fit). */
static const char full_params[] =
    "model,param,value\n"
    "bgnbd,r,0.242593\nbgnbd,alpha,4.413532\nbgnbd,a,0.792886\n"
    "bgnbd,b,2.425753\n"
    "ggamma,p,6.248802\nggamma,q,3.744588\nggamma,v,15.447748\n";
static const char pareto_params[] =
    "model,param,value\n"
    "paretonbd,r,0.553\nparetonbd,alpha,10.58\nparetonbd,s,0.606\n"
    "paretonbd,beta,11.67\n";
static const char bgnbd_params[] =
    "model,param,value\n"
    "bgnbd,r,0.242593\nbgnbd,alpha,4.413532\nbgnbd,a,0.792886\n"
    "bgnbd,b,2.425753\n";

/* A memory file holding LEN bytes at S; its path into PATH. */
static int
memfile(const char *name, const void *s, size_t len, char *path, size_t size)
{
	int fd = memfd_create(name, 0);

	if (fd < 0 || (len > 0 && write(fd, s, len) != (ssize_t)len))
		fuzz_fail("memfd");
	snprintf(path, size, "/proc/self/fd/%d", fd);
	return fd;
}

/*
** Whether clv would read PATH to the end without dying: the roles bind
** and every row decodes (or --skip-bad counts it). Sets RUN's is_summary
** and has_money as read_inputs() will.
*/
static int
reads_cleanly(struct run *run, const char *path, int historical)
{
	struct reader *r = rd_open(path, &run->o.rd);
	struct role roles[NSUMMARY_ROLES];
	long col[NSUMMARY_ROLES];
	const struct row *row;
	struct grouping g;
	int ok = 0, units_differ = 0, saved_unit;

	if (r == NULL)
		fuzz_fail("cannot open the memory file");
	grouping_init(&g, &run->o.group);
	if (rd_failed(r))
		goto done;
	run->is_summary = !historical && is_summary_header(run, r);
	if (run->is_summary) {
		struct rfm_row sr;

		memcpy(roles, summary_roles, sizeof summary_roles);
		roles[SUMMARY_CUSTOMER].required = run->cfg.predict;
		/* read_inputs(): a summary of a summary is an error. */
		if (run->cfg.summary || run->obs_end != NO_TIME ||
		    run->cal_end != NO_TIME || run->cfg.calendar ||
		    cols_bind(r, roles, NSUMMARY_ROLES, &run->o.cols, col) < 0)
			goto done;
		run->has_money = col[SUMMARY_MONETARY] >= 0;
		/* read_summary(): a unit unlike --unit or the first row's. */
		saved_unit = run->cfg.unit;
		while (rd_next(r, &row) > 0)
			if (summary_decode(r, row, col, &sr) == 0 && sr.unit >= 0 &&
			    summary_unit(run, r, row, col[SUMMARY_UNIT], sr.unit,
			    1) < 0)
				units_differ = 1;
		run->cfg.unit = saved_unit;
		run->unit_read = 0;
	} else {
		struct order ord;

		memcpy(roles, order_roles, sizeof order_roles);
		roles[ORDER_AMOUNT].required = historical;
		if (cols_bind(r, roles, NORDER_ROLES, &run->o.cols, col) < 0 ||
		    (historical && grouping_bind(&g, r, NULL) < 0))
			goto done;
		run->has_money = col[ORDER_AMOUNT] >= 0;
		while (rd_next(r, &row) > 0)
			order_decode(r, row, col, &run->o.dates, &run->dmemo,
			    run->now_limit, &ord);
	}
	ok = !rd_failed(r) && !units_differ;
done:
	grouping_free(&g);
	rd_close(r);
	return ok;
}

/* Whether fit_model() would fit MODEL to RUN's rows without dying. */
static int
fits(const struct run *run, int model)
{
	const struct btyd_info *info = btyd_info(model);
	struct rfm *d = xcalloc(run->nrows ? run->nrows : 1, sizeof *d);
	struct btyd_fit fit;
	char why[BTYD_WHY_MAX];
	size_t n = 0;
	int rc;

	if (info->spend && !run->has_money) {
		free(d);
		return 0;
	}
	for (size_t i = 0; i < run->nrows; i++) {
		const struct rfm *c = &run->rows[i].rfm;

		if (!info->spend || (c->x > 0 && c->m > 0))
			d[n++] = *c;
	}
	n = btyd_compress(d, n, model);
	rc = btyd_fit(model, d, n, run->cfg.penalizer, &fit, why);
	free(d);
	if (rc == 0)
		for (size_t j = 0; j < info->nparams; j++)
			FUZZ_CHECK(isfinite(fit.param[j]) && fit.param[j] > 0);
	return rc == 0;
}

/* --predict's output: the last four columns of every row. */
static void
check_predictions(const char *buf, size_t len)
{
	struct rd_opts ro = { .max_field = 1 << 20 };
	struct reader *r = rd_open_mem("output", buf, len, &ro);
	const struct row *row;
	double e, p;

	FUZZ_CHECK(!rd_failed(r) && rd_header(r)->n >= 4);
	while (rd_next(r, &row) > 0) {
		const struct field *f = row->f + row->n - 4;

		FUZZ_CHECK(num_parse(f[0].s, f[0].len, &e) == NULL && e >= 0);
		FUZZ_CHECK(num_parse(f[1].s, f[1].len, &p) == NULL &&
		    p >= 0 && p <= 1);
	}
	rd_close(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct tool_spec spec = {
		"[file ...]", "fuzz", OPTS_TOTAL, tool_options, handle_option,
		"orders",
	};
	struct run run = { .cfg = CONFIG_DEFAULTS };
	char path[64], params[64] = "";
	char *saved_files;
	const char *wanted_params = NULL;
	struct strbuf notes = {0};
	int fd, pfd = -1, set = size ? data[0] % 8 : 0;
	char *out = NULL;
	size_t outlen = 0;

	if (size < 1)
		return 0;
	fuzz_parse(&run.o, &spec, &run.cfg, option_sets[set]);
	run.o.rd.notes = &notes;
	/* 2030-01-01: a fixed "now", so that a replay sees what the fuzzer saw. */
	run.now_limit = (kpi_time)1893456000 * 1000;
	check_options(&run);
	fd = memfile("orders", data + 1, size - 1, path, sizeof path);
	saved_files = run.o.files[0];
	run.o.files[0] = path;

	if (!reads_cleanly(&run, path, run.cfg.historical))
		goto done;
	if (run.cfg.predict) {
		/* Gamma-Gamma's parameters need amounts to apply to. */
		wanted_params = set == 7 ? pareto_params : run.has_money ?
		    full_params : bgnbd_params;
		pfd = memfile("params", wanted_params, strlen(wanted_params),
		    params, sizeof params);
		run.cfg.params = params;
	}
	fuzz_capture_begin(&out, &outlen);
	if (run.cfg.historical) {
		historical(&run);
	} else {
		read_inputs(&run);
		/* check_ends(): the ends against the orders' dates. */
		if (check_ends(&run, 1) < 0) {
			;
		} else if (run.cfg.summary) {
			print_summary(&run);
		} else if (run.cfg.predict) {
			print_predictions(&run);
		} else {
			int ok = 1;

			for (int m = 0; m < BTYD_NMODELS; m++)
				if (run.cfg.fit & (1u << m))
					ok &= fits(&run, m);
			if (ok)
				print_fits(&run);
		}
	}
	fuzz_capture_end(&out, &outlen);
	if (run.cfg.predict && outlen > 0)
		check_predictions(out, outlen);
	/* The unit column of a summary or of a fit is text. */
	fuzz_check_output_text(out, outlen, run.cfg.historical ?
	    run.o.group.nby + (run.o.group.period != PERIOD_NONE) :
	    run.cfg.fit ? 2 : run.cfg.predict && run.is_summary ?
	    run.nfields : 1, run.cfg.historical ? NULL : "unit");
	free(out);
done:
	run.o.files[0] = saved_files;
	close(fd);
	if (pfd >= 0)
		close(pfd);
	if (run.sum_ready)
		summariser_free(&run.sum);
	free(run.rows);
	free(run.fields);
	arena_free(&run.arena);
	opts_free(&run.o);
	sb_free(&notes);
	return 0;
}
