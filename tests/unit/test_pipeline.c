/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/pipeline.c's classification and counting, on deals
** worked by hand: stages 0 lead, 1 opportunity (--from), 2 proposal,
** 3 won (the last); times in whole days (D(n) ms). Each expected value is
** worked out in the comment beside it, not by the library.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/pipeline.h"
#include "check.h"

#define D(n) ((kpi_time)(n) * MS_PER_DAY)
#define FROM 1
#define LAST 3

/* A lead with no timestamps: every stage NO_TIME, not lost. */
static struct lead
blank_lead(void)
{
	struct lead d;

	memset(&d, 0, sizeof d);
	for (int s = 0; s < MAX_STAGES; s++)
		d.at[s] = d.reach[s] = NO_TIME;
	d.created = d.lost = d.latest = NO_TIME;
	return d;
}

static void
check_deal(const char *name, const struct pipe_deal *c, int status,
    kpi_time entry, kpi_time end, int forward)
{
	char label[160];

	snprintf(label, sizeof label, "%s: status", name);
	check_int(label, c->status, status);
	snprintf(label, sizeof label, "%s: entry", name);
	check_int(label, c->entry, entry);
	snprintf(label, sizeof label, "%s: end", name);
	check_int(label, c->end, end);
	snprintf(label, sizeof label, "%s: forward", name);
	check_int(label, c->forward, forward);
}

static void
classify(void)
{
	struct lead d = blank_lead();
	struct pipe_deal c;

	/* Opportunity on day 10, won on day 30: won, open from day 10 to
	** day 30, a cycle of 20 days. */
	d.at[1] = d.reach[1] = D(10);
	d.at[2] = d.reach[2] = D(20);
	d.at[3] = d.reach[3] = D(30);
	pipe_classify(&d, 3, FROM, LAST, NO_TIME, &c);
	check_deal("won", &c, PIPE_WON, D(10), D(30), 1);

	/* The same as of day 25: it reached proposal only (top 2), not
	** lost: open since day 10. */
	pipe_classify(&d, 2, FROM, LAST, D(25), &c);
	check_deal("open as of day 25", &c, PIPE_OPEN, D(10), NO_TIME, 0);

	/* As of day 5 it was not a deal yet (it opens on day 10). */
	pipe_classify(&d, 0, FROM, LAST, D(5), &c);
	check_deal("before --from", &c, PIPE_OUTSIDE, NO_TIME, NO_TIME, 0);

	/* Won on day 5, before it opened on day 10: dates that go back; it
	** counts as opening when it closed, day 5, with no cycle. */
	d.at[3] = d.reach[3] = D(5);
	pipe_classify(&d, 3, FROM, LAST, NO_TIME, &c);
	check_deal("won backwards", &c, PIPE_WON, D(5), D(5), 0);

	/* Stuck at proposal and lost on day 22: lost, day 10 to day 22. */
	d.at[3] = d.reach[3] = NO_TIME;
	d.lost = D(22);
	pipe_classify(&d, 2, FROM, LAST, NO_TIME, &c);
	check_deal("lost", &c, PIPE_LOST, D(10), D(22), 1);

	/* As of day 21 the loss has not happened: open. */
	pipe_classify(&d, 2, FROM, LAST, D(21), &c);
	check_deal("lost after --asof", &c, PIPE_OPEN, D(10), NO_TIME, 0);

	/* Skipped opportunity (no own timestamp), passed on day 12 when it
	** reached proposal: open from day 12. */
	d.at[1] = NO_TIME;
	d.reach[1] = D(12);
	d.lost = NO_TIME;
	pipe_classify(&d, 2, FROM, LAST, NO_TIME, &c);
	check_deal("skipped --from", &c, PIPE_OPEN, D(12), NO_TIME, 0);
	check_int("pipe_entered of a skipped stage", pipe_entered(&d, 1), D(12));
	check_int("pipe_entered of a stage with its own timestamp",
	    pipe_entered(&d, 2), D(20));
	/* In proposal since day 20, as of day 23 12:00: 3.5 days. */
	check_near("days in stage", pipe_days_in_stage(&d, 2, D(23) +
	    MS_PER_DAY / 2), 3.5, 0);
}

static void
main_counts(void)
{
	struct pipe_tally *t = calloc(1, sizeof *t);
	struct pipe_deal won = { PIPE_WON, D(10), D(30), 1 };
	struct pipe_deal back = { PIPE_WON, D(5), D(5), 0 };
	struct pipe_deal lost = { PIPE_LOST, D(10), D(22), 1 };

	/* Entered: 2.5 units and an unpriced deal; closed: won 2.5 with a
	** 20-day cycle, won unpriced backwards (no cycle), lost 1.25. */
	pipe_add_deal(t, 0, &won, 2500000);
	pipe_add_deal(t, 0, &back, -1);
	pipe_add_deal(t, 1, &won, 2500000);
	pipe_add_deal(t, 1, &back, -1);
	pipe_add_deal(t, 1, &lost, 1250000);
	check_int("entered", (long long)t->entered, 2);
	check_int("entered_micros", (long long)t->entered_micros, 2500000);
	check_int("won", (long long)t->won, 2);
	check_int("won_priced", (long long)t->won_priced, 1);
	check_int("won_micros", (long long)t->won_micros, 2500000);
	check_int("lost", (long long)t->lost, 1);
	check_int("lost_micros", (long long)t->lost_micros, 1250000);
	/* One cycle, 20 days = 20 * 86400000 = 1728000000 ms. */
	check_int("cycles", (long long)t->cycles, 1);
	check_int("cycle_ms", (long long)t->cycle_ms, 1728000000LL);
	free(t);
}

static void
waterfall(void)
{
	struct pipe_tally *t = calloc(1, sizeof *t);
	/* --from-date day 10; each deal's steps (start created won lost
	** end) worked by hand. */
	static const struct {
		struct pipe_deal c;
		uint64_t micros;
		int steps[WF_N];
		const char *name;
	} deal[] = {
		{ { PIPE_WON, D(5), D(12), 1 }, 1000000, { 1, 0, 1, 0, 0 },
		    "opened day 5, won day 12" },
		{ { PIPE_OPEN, D(5), NO_TIME, 0 }, 2000000, { 1, 0, 0, 0, 1 },
		    "opened day 5, open" },
		{ { PIPE_LOST, D(11), D(14), 1 }, 4000000, { 0, 1, 0, 1, 0 },
		    "opened day 11, lost day 14" },
		{ { PIPE_OPEN, D(15), NO_TIME, 0 }, 8000000, { 0, 1, 0, 0, 1 },
		    "opened day 15, open" },
		{ { PIPE_LOST, D(3), D(8), 1 }, 16000000, { 0, 0, 0, 0, 0 },
		    "opened day 3, lost day 8" },
		{ { PIPE_WON, D(3), D(10), 1 }, 32000000, { 0, 0, 0, 0, 0 },
		    "won at --from-date exactly" },
	};
	char label[160];
	int steps[WF_N];

	for (size_t i = 0; i < sizeof deal / sizeof deal[0]; i++) {
		pipe_waterfall_steps(&deal[i].c, D(10), steps);
		for (int s = 0; s < WF_N; s++) {
			snprintf(label, sizeof label, "waterfall %s: step %d",
			    deal[i].name, s);
			check_int(label, steps[s], deal[i].steps[s]);
		}
		pipe_add_waterfall(t, &deal[i].c, D(10), deal[i].micros);
	}
	/* Counts: start 2, created 2, won 1, lost 1, end 2: 2 + 2 = 1 + 1 +
	** 2. Amounts (units): start 1 + 2 = 3, created 4 + 8 = 12, won 1,
	** lost 4, end 2 + 8 = 10: 3 + 12 = 1 + 4 + 10. */
	check_int("waterfall open_start", (long long)t->wf[WF_START], 2);
	check_int("waterfall created", (long long)t->wf[WF_CREATED], 2);
	check_int("waterfall won", (long long)t->wf[WF_WON], 1);
	check_int("waterfall lost", (long long)t->wf[WF_LOST], 1);
	check_int("waterfall open_end", (long long)t->wf[WF_END], 2);
	check_int("waterfall open_start_amount",
	    (long long)t->wf_micros[WF_START], 3000000);
	check_int("waterfall created_amount",
	    (long long)t->wf_micros[WF_CREATED], 12000000);
	check_int("waterfall won_amount", (long long)t->wf_micros[WF_WON],
	    1000000);
	check_int("waterfall lost_amount", (long long)t->wf_micros[WF_LOST],
	    4000000);
	check_int("waterfall open_end_amount",
	    (long long)t->wf_micros[WF_END], 10000000);
	check_int("waterfall adds up", pipe_waterfall_adds_up(t), 1);
	t->wf[WF_END]++;
	check_int("waterfall off by one deal does not add up",
	    pipe_waterfall_adds_up(t), 0);
	/* A deal open throughout without an amount: counted, not priced. */
	memset(t, 0, sizeof *t);
	pipe_add_waterfall(t, &deal[1].c, D(10), -1);
	check_int("unpriced: open_start", (long long)t->wf[WF_START], 1);
	check_int("unpriced: priced", (long long)t->wf_priced[WF_START], 0);
	check_int("unpriced: amount", (long long)t->wf_micros[WF_START], 0);
	check_int("unpriced: adds up", pipe_waterfall_adds_up(t), 1);
	free(t);
}

static void
stages(void)
{
	struct pipe_tally *t = calloc(1, sizeof *t);
	struct pipe_deal won = { PIPE_WON, D(10), D(30), 1 };
	struct pipe_deal open = { PIPE_OPEN, D(10), NO_TIME, 0 };
	double p, lo, hi, z = 1.959963984540054, n = 2, q = 0.5, mid, half;

	/* 2.999999 * 0.333333 = 0.999998666667, half up: 0.999999;
	** 1.000001 * 0.5 = 0.5000005, half up: 0.500001. */
	check_int("pipe_weighted rounds", (long long)pipe_weighted(2999999,
	    333333), 999999);
	check_int("pipe_weighted rounds half up",
	    (long long)pipe_weighted(1000001, 500000), 500001);

	/* A won deal reached stages 1 to 3; an open one at proposal (2),
	** 2.999999 units at 0.333333. */
	pipe_add_stages(t, FROM, 3, &won, 5000000, -1);
	pipe_add_stages(t, FROM, 2, &open, 2999999, 333333);
	check_int("stages: reached opportunity", (long long)t->reached[1], 2);
	check_int("stages: reached proposal", (long long)t->reached[2], 2);
	check_int("stages: reached won", (long long)t->reached[3], 1);
	check_int("stages: won after opportunity",
	    (long long)t->reached_won[1], 1);
	check_int("stages: lost after opportunity",
	    (long long)t->reached_lost[1], 0);
	check_int("stages: lead not counted", (long long)t->reached[0], 0);
	check_int("stages: open at proposal", (long long)t->at[2], 1);
	check_int("stages: open amount at proposal",
	    (long long)t->at_micros[2], 2999999);
	check_int("stages: weighted at proposal",
	    (long long)t->at_weighted[2], 999999);
	check_int("stages: nothing open at opportunity", (long long)t->at[1],
	    0);
	free(t);

	/* 1 won of 2: p 0.5; Wilson by its formula, (q + z^2/2n -+ z
	** sqrt(q(1-q)/n + z^2/4n^2)) / (1 + z^2/n): about [0.094531,
	** 0.905469]. */
	mid = q + z * z / (2 * n);
	half = z * sqrt(q * (1 - q) / n + z * z / (4 * n * n));
	pipe_p_win(1, 1, 0.95, &p, &lo, &hi);
	check_near("p_win 1 of 2", p, 0.5, 0);
	check_near("p_win_lo 1 of 2", lo, (mid - half) / (1 + z * z / n),
	    1e-9);
	check_near("p_win_hi 1 of 2", hi, (mid + half) / (1 + z * z / n),
	    1e-9);
	check_near("p_win_lo 1 of 2 rounded", lo, 0.094531, 5e-7);
	pipe_p_win(0, 0, 0.95, &p, &lo, &hi);
	check_near("p_win none closed", p, NAN, 0);
	check_near("p_win_lo none closed", lo, NAN, 0);
	check_near("p_win_hi none closed", hi, NAN, 0);

	/* 3 units open, 2 won of 3 closed: 2 units; nothing open: 0;
	** something open, nothing closed: undefined. */
	check_near("stage weighted 2 of 3", pipe_stage_weighted(3000000, 2, 1),
	    2000000, 0);
	check_near("stage weighted nothing open", pipe_stage_weighted(0, 0, 0),
	    0, 0);
	check_near("stage weighted nothing closed",
	    pipe_stage_weighted(5, 0, 0), NAN, 0);
}

static void
stage_rows(void)
{
	struct pipe_tally *t = calloc(1, sizeof *t);
	struct pipe_stage row[MAX_STAGES];

	/* Stage 1: 4 reached, 3 won 1 lost, 2 units open there; stage 2:
	** 2 reached, 1 won 1 lost, 1 unit open. Weighted: 2 * 3/4 = 1.5 and
	** 1 * 1/2 = 0.5 units; "(all)": 4 reached, 3 won 1 lost (stage 1's),
	** 2 open, 3 units, 1.5 + 0.5 = 2 weighted. */
	t->reached[1] = 4, t->reached_won[1] = 3, t->reached_lost[1] = 1;
	t->at[1] = 1, t->at_priced[1] = 1, t->at_micros[1] = 2000000;
	t->reached[2] = 2, t->reached_won[2] = 1, t->reached_lost[2] = 1;
	t->at[2] = 1, t->at_priced[2] = 1, t->at_micros[2] = 1000000;
	check_int("stage rows: ok", pipe_stages(t, FROM, LAST, 0, row), 0);
	check_near("stage 1: p_win", row[1].p_win, 0.75, 0);
	check_near("stage 1: weighted", row[1].weighted, 1500000, 0);
	check_near("stage 2: weighted", row[2].weighted, 500000, 0);
	check_int("(all): reached", (long long)row[LAST].reached, 4);
	check_int("(all): won", (long long)row[LAST].won, 3);
	check_int("(all): open", (long long)row[LAST].open, 2);
	check_int("(all): open amount", (long long)row[LAST].open_amount,
	    3000000);
	check_near("(all): weighted", row[LAST].weighted, 2000000, 0);

	/* Stage 2 with nothing closed after it: its weighted amount is
	** undefined, and "(all)" weighs the 3 units by stage 1's 3/4: 2.25. */
	t->reached_won[2] = t->reached_lost[2] = 0;
	pipe_stages(t, FROM, LAST, 0, row);
	check_near("stage 2 unclosed: weighted", row[2].weighted, NAN, 0);
	check_near("stage 2 unclosed: p_win", row[2].p_win, NAN, 0);
	check_near("(all) by stage 1's p_win", row[LAST].weighted, 2250000, 0);

	/* Stage 2's deal without an amount (stage 2 closed again): its
	** weighted amount is unknown, not 0, and "(all)" weighs the 2 units
	** open by stage 1's 3/4: 1.5; with stage 1's unpriced too, nothing
	** open is priced and "(all)" is unknown as well. */
	t->reached_won[2] = t->reached_lost[2] = 1;
	t->at_priced[2] = 0, t->at_micros[2] = 0;
	pipe_stages(t, FROM, LAST, 0, row);
	check_near("stage 2 unpriced: weighted", row[2].weighted, NAN, 0);
	check_int("stage 2 unpriced: priced", (long long)row[2].open_priced, 0);
	check_near("(all) with stage 2 unpriced", row[LAST].weighted, 1500000,
	    0);
	t->at_priced[1] = 0, t->at_micros[1] = 0;
	pipe_stages(t, FROM, LAST, 0, row);
	check_near("(all) unpriced", row[LAST].weighted, NAN, 0);
	t->at_priced[1] = t->at_priced[2] = 1;
	t->at_micros[1] = 2000000, t->at_micros[2] = 1000000;
	t->reached_won[2] = t->reached_lost[2] = 0;

	/* --prob-col: the weighted sums as counted, 0.7 and 0.2 units. */
	t->at_weighted[1] = 700000, t->at_weighted[2] = 200000;
	pipe_stages(t, FROM, LAST, 1, row);
	check_near("prob-col: stage 2", row[2].weighted, 200000, 0);
	check_near("prob-col: (all)", row[LAST].weighted, 900000, 0);

	/* Two stages of 2^62 micro-units each add up past INT64_MAX. */
	t->at_micros[1] = t->at_micros[2] = 1ULL << 62;
	check_int("stage rows past money's range",
	    pipe_stages(t, FROM, LAST, 0, row), -1);
	free(t);
}

static void
row_sums(void)
{
	struct pipe_tally *t = calloc(1, sizeof *t);
	struct pipe_sums s;
	struct pipe_figures f;
	double coverage, required;

	/* 4 entered (10 units), 1 won (2 units, a cycle of 5 days), 1 lost
	** (3 units): closed amount 5 units, 2 open, 10 - 2 - 3 = 5 units. */
	*t = (struct pipe_tally){ .entered = 4, .entered_priced = 4,
	    .entered_micros = 10000000, .won = 1, .won_priced = 1,
	    .won_micros = 2000000, .lost = 1, .lost_priced = 1,
	    .lost_micros = 3000000, .cycles = 1, .cycle_ms = 432000000 };
	check_int("row sums: ok", pipe_sums_of(t, NULL, &s), 0);
	check_int("row sums: won amount", s.won_amount, 2000000);
	check_int("row sums: closed amount", s.closed_amount, 5000000);
	check_int("row sums: open", (long long)s.open, 2);
	check_int("row sums: open priced", (long long)s.open_priced, 2);
	check_int("row sums: open amount", s.open_amount, 5000000);
	check_int("row sums: cycle_ms", (long long)s.cycle_ms, 432000000);

	/* Coverage against a target of 2 units: 5 / 2 = 2.5; win rate 1/2:
	** required 2. */
	pipe_figures(&s, 0.95, &f);
	check_near("value win rate 2 / 5", f.value_win_rate, 0.4, 0);
	pipe_coverage(&s, &f, 2000000, &coverage, &required);
	check_near("coverage", coverage, 2.5, 0);
	check_near("required coverage", required, 2, 0);
	f.win_rate = 0;
	pipe_coverage(&s, &f, 2000000, &coverage, &required);
	check_near("required coverage at win rate 0", required, NAN, 0);
	/* Two deals open, neither with an amount: the open amount is not
	** known, so neither is the coverage (not 0); none open: 0. */
	s.open_priced = 0, s.open_amount = 0;
	pipe_coverage(&s, &f, 2000000, &coverage, &required);
	check_near("coverage of unpriced deals", coverage, NAN, 0);
	s.open = 0;
	pipe_coverage(&s, &f, 2000000, &coverage, &required);
	check_near("coverage of no open deal", coverage, 0, 0);
	/* The lost deal without an amount: the closed amount holds the won
	** one's 2 units only, and a value win rate of 2 / 2 = 1 would be
	** false; likewise a won deal without one. */
	s.lost_priced = 0, s.closed_amount = 2000000;
	pipe_figures(&s, 0.95, &f);
	check_near("value win rate, lost unpriced", f.value_win_rate, NAN, 0);
	s.lost_priced = 1, s.won_priced = 0, s.closed_amount = 3000000;
	s.won_amount = 0;
	pipe_figures(&s, 0.95, &f);
	check_near("value win rate, won unpriced", f.value_win_rate, NAN, 0);

	/* Lost amounts of 2^63 micro-units: past money's range. */
	t->lost_micros = 1ULL << 63;
	check_int("row sums past money's range", pipe_sums_of(t, NULL, &s), -1);
	free(t);
}

static void
aging(void)
{
	struct pipe_tally *t = calloc(1, sizeof *t);
	struct lead d = blank_lead();
	struct pipe_deal open = { PIPE_OPEN, D(0), NO_TIME, 0 };
	struct pipe_aging a;
	struct dvec o = {0}, m = {0};

	/* Opportunity day 0, proposal skipped (passed day 2), stage 3 since
	** day 5 and open there (as if a later stage were the last): 2 days
	** in opportunity (day 2 - day 0), none for the skipped stage,
	** waiting in 3 since day 5. */
	d.at[1] = d.reach[1] = D(0);
	d.reach[2] = D(2);
	d.at[3] = d.reach[3] = D(5);
	pipe_add_aging(t, FROM, &d, 3, &open);
	check_int("aging: moved on from opportunity",
	    (long long)t->moved_ms[1].n, 1);
	check_near("aging: days in opportunity", t->moved_ms[1].n ?
	    t->moved_ms[1].v[0] : NAN, (double)D(2), 0);
	check_int("aging: skipped proposal", (long long)t->moved_ms[2].n, 0);
	check_int("aging: open at 3", (long long)t->age_since[3].n, 1);
	check_near("aging: open at 3 since", t->age_since[3].n ?
	    t->age_since[3].v[0] : NAN, (double)D(5), 0);
	/* Back in time: opportunity day 3, proposal passed day 2: left out. */
	d.at[1] = D(3);
	pipe_add_aging(t, FROM, &d, 3, &open);
	check_int("aging: a stage left before it was entered is left out",
	    (long long)t->moved_ms[1].n, 1);
	for (int s = 0; s < MAX_STAGES; s++) {
		dvec_free(&t->age_since[s]);
		dvec_free(&t->moved_ms[s]);
	}
	free(t);

	/* As of day 20, open since days 19, 17 and 10: 1, 3 and 10 days,
	** median 3, two above 2 days; moved on after 4 days and 1: median
	** 2.5 days. */
	dvec_push(&o, (double)D(19));
	dvec_push(&o, (double)D(10));
	dvec_push(&o, (double)D(17));
	dvec_push(&m, (double)D(4));
	dvec_push(&m, (double)D(1));
	pipe_aging(&o, &m, (double)D(20), 2, &a);
	check_int("aging: open", (long long)a.open, 3);
	check_near("aging: median days in stage", a.open_days, 3, 1e-12);
	check_int("aging: moved on", (long long)a.moved, 2);
	check_near("aging: median days to move on", a.moved_days, 2.5, 1e-12);
	check_int("aging: stale after 2 days", (long long)a.stale, 2);
	dvec_free(&o);
	dvec_free(&m);

	/* Nothing in the stage: medians undefined. */
	pipe_aging(&o, &m, (double)D(20), -1, &a);
	check_int("aging: empty stage", (long long)(a.open + a.moved), 0);
	check_near("aging: empty median", a.open_days, NAN, 0);
	check_near("aging: empty median to move on", a.moved_days, NAN, 0);
}

static void
carry(void)
{
	struct pipe_tally *t = calloc(1, sizeof *t);
	struct pipe_carry k;
	struct pipe_sums s = {0};
	struct pipe_figures f = {0};
	double dln[LEVERS], share[LEVERS], dlnv;
	uint64_t open, priced, micros;

	memset(&k, 0, sizeof k);
	/* Period 1: 6 entered, all priced (6 units), 1 won (1 unit), 1 lost
	** (1 unit): 4 open, 4 priced, 4 units. Period 2: 5 entered, 3 of
	** them priced (3 units), 2 won (priced, 2 units), 1 lost without an
	** amount: 4 + 5 - 3 = 6 open, 4 + 3 - 2 - 0 = 5 priced, 4 + 3 - 2 =
	** 5 units. */
	*t = (struct pipe_tally){ .entered = 6, .entered_priced = 6,
	    .entered_micros = 6000000, .won = 1, .won_priced = 1,
	    .won_micros = 1000000, .lost = 1, .lost_priced = 1,
	    .lost_micros = 1000000 };
	pipe_open(&k, t, &open, &priced, &micros);
	check_int("open at period 1's end", (long long)open, 4);
	check_int("priced of them", (long long)priced, 4);
	check_int("their amount", (long long)micros, 4000000);
	*t = (struct pipe_tally){ .entered = 5, .entered_priced = 3,
	    .entered_micros = 3000000, .won = 2, .won_priced = 2,
	    .won_micros = 2000000, .lost = 1 };
	pipe_open(&k, t, &open, &priced, &micros);
	check_int("open at period 2's end", (long long)open, 6);
	check_int("priced of them", (long long)priced, 5);
	check_int("their amount", (long long)micros, 5000000);
	check_int("carried priced", (long long)k.open_priced, 5);
	/* Without the carry, period 2 alone: 5 - 3 = 2, 3 - 2 = 1 priced. */
	pipe_open(NULL, t, &open, &priced, &micros);
	check_int("priced without the carry", (long long)priced, 1);
	check_int("open without the carry", (long long)open, 2);
	free(t);

	/* Levers, N 4 -> 6, p 0.6 -> 0.8, S 2000 -> 3000, L 20 -> 15: V =
	** N p S / L = 240 -> 960; ln(960 / 240) = ln 4 = 1.386294; terms
	** ln 1.5 = 0.405465, ln(4/3) = 0.287682, ln 1.5, -ln(15/20) = ln(4/3);
	** shares ln 1.5 / ln 4 = 0.292481 and ln(4/3) / ln 4 = 0.207519. */
	memset(&k, 0, sizeof k);
	s.open = 4;
	f.win_rate = 0.6;
	f.avg_won_amount = 2000;
	f.avg_cycle_days = 20;
	pipe_carry_levers(&k, &s, &f, dln, &dlnv, share);
	check_near("levers: first row of a group", dlnv, NAN, 0);
	check_near("levers: first row's term", dln[LEVER_OPEN], NAN, 0);
	check_near("levers: first row's share", share[LEVER_CYCLE], NAN, 0);
	s.open = 6;
	f.win_rate = 0.8;
	f.avg_won_amount = 3000;
	f.avg_cycle_days = 15;
	pipe_carry_levers(&k, &s, &f, dln, &dlnv, share);
	check_near("levers: dln_velocity", dlnv, log(4.0), 1e-12);
	check_near("levers: open", dln[LEVER_OPEN], log(1.5), 1e-12);
	check_near("levers: win rate", dln[LEVER_WIN_RATE], log(4.0 / 3), 1e-12);
	check_near("levers: deal size", dln[LEVER_SIZE], log(1.5), 1e-12);
	check_near("levers: cycle", dln[LEVER_CYCLE], log(4.0 / 3), 1e-12);
	check_near("levers: share open", share[LEVER_OPEN], 0.292481, 5e-7);
	check_near("levers: share cycle", share[LEVER_CYCLE], 0.207519, 5e-7);
	check_near("levers: kept for the next row", k.factor[LEVER_CYCLE], 15,
	    0);
	/* No carry (no --period, or the total row): empty. */
	pipe_carry_levers(NULL, &s, &f, dln, &dlnv, share);
	check_near("levers without a carry", dlnv, NAN, 0);
	check_near("levers without a carry: share", share[LEVER_OPEN], NAN, 0);
}

int
main(void)
{
	classify();
	main_counts();
	waterfall();
	stages();
	stage_rows();
	row_sums();
	aging();
	carry();
	return finish();
}
