/* See LICENSE file for copyright and license details. */
/*
** pipeline: per group and period of closing, the deals closed, won and
** lost, the win rate by count and by value, the average won deal and
** cycle, the deals open at the period's end and the sales velocity they
** make. See pipeline(1); the arithmetic is lib/pipeline.c's.
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

enum { OPT_FROM = OPT_TOOL, OPT_LEVERS };

static const struct tool_option tool_options[] = {
	{ "from", "STAGE", OPT_FROM, "a deal is open from this stage on "
	    "(default: opportunity, else the first)" },
	{ "levers", NULL, OPT_LEVERS, "split the change of velocity from the "
	    "period before into its four levers (needs --period)" },
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
	/* Carried from one period row to the next of the same --by group:
	 * the deals open at the period's end. */
	struct strbuf by;           /* the --by part of the last row's key */
	uint64_t open, open_micros;
	double factor[LEVERS];      /* the last row's velocity factors */
	int has_factor;             /* 0: no row before in the group */
	uint64_t unpriced;          /* won deals without an amount, counted
	                               over the rows written */
};

enum status { OUTSIDE, WON, LOST, OPEN };

/* Where one deal stands as of --asof. */
struct deal {
	enum status status;
	kpi_time entry;             /* when it became open */
	kpi_time end;               /* when it closed; NO_TIME while open */
	int forward;                /* its cycle ends no earlier than it
	                               starts (else no duration of it) */
};

/*
** Per group (and period). A deal is counted twice: where it became
** open (entered) and, once closed, where it closed; the deals open at a
** period's end are those entered by then less those closed by then.
** Amounts are in micro-units, each below 2^53, added as integers.
*/
struct tally {
	uint64_t entered, entered_micros;
	uint64_t won, lost;
	uint64_t won_priced, won_micros, lost_micros;
	uint64_t cycles, cycle_ms;
};

static const struct tally_field tally_fields[] = {
	{ "entered", TALLY_COUNT, offsetof(struct tally, entered) },
	{ "entered_micros", TALLY_COUNT, offsetof(struct tally,
	    entered_micros) },
	{ "won", TALLY_COUNT, offsetof(struct tally, won) },
	{ "lost", TALLY_COUNT, offsetof(struct tally, lost) },
	{ "won_priced", TALLY_COUNT, offsetof(struct tally, won_priced) },
	{ "won_micros", TALLY_COUNT, offsetof(struct tally, won_micros) },
	{ "lost_micros", TALLY_COUNT, offsetof(struct tally, lost_micros) },
	{ "cycles", TALLY_COUNT, offsetof(struct tally, cycles) },
	{ "cycle_ms", TALLY_COUNT, offsetof(struct tally, cycle_ms) },
	{ NULL, 0, 0 },
};

/* The amount column: d->value[0] its micro-units, d->value[1] 1 when the
** deal has one. */
static const struct role extra_roles[] = {
	{ "amount", "amount", 1 },
};

static void
handle_option(void *ctx, int key, const char *arg)
{
	struct config *cfg = ctx;

	if (key == OPT_FROM)
		cfg->from_name = arg;
	else if (key == OPT_LEVERS)
		cfg->levers = 1;
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
}

/*
** The amount of ROW: empty is none; else a number, 0 or more, below
** 2^53 micro-units (9007199254.740992), so that sums stay exact.
*/
static int
decode(const struct lead_run *run, struct reader *r, const struct row *row,
    const long *col, struct lead *d)
{
	const struct field *f = &row->f[col[0]];
	char esc[ESCAPED_MAX];
	const char *err, *s = f->s;
	size_t len = f->len;
	money m;

	(void)run;
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return 0;
	escape_text(esc, sizeof esc, f->s, f->len);
	if ((err = money_parse(f->s, f->len, &m)) != NULL)
		return rd_bad(r, row, col[0], "'%s': %s", esc, err);
	if (m < 0)
		return rd_bad(r, row, col[0], "'%s': a negative amount", esc);
	if (m >= AMOUNT_MAX)
		return rd_bad(r, row, col[0], "'%s': 9007199254.740992 or more, "
		    "past the amounts pipeline adds exactly", esc);
	d->value[0] = m;
	d->value[1] = 1;
	return 0;
}

/*
** Where deal D stands as of --asof (without it, the end of the input).
** It is a deal once it has reached --from (a skipped stage counts as
** passed), open from --from's own timestamp or, when it skipped that
** stage, from the earliest later one; won when it reached the last
** stage, else lost once lost_at is set, else open. A deal closed before
** it opened (dates that go back) is taken as opening when it closed, so
** it is never open for less than no time, and has no cycle.
*/
static void
classify(const struct lead_run *run, const struct lead *d, struct deal *c)
{
	const struct config *cfg = run->cfg;
	const struct leads *l = run->leads;
	int top = leads_top(l, d, l->asof), last = (int)l->st.n - 1;

	c->status = OUTSIDE;
	c->end = NO_TIME;
	c->forward = 0;
	if (top < cfg->from)
		return;
	c->entry = d->at[cfg->from] != NO_TIME ? d->at[cfg->from] :
	    d->reach[cfg->from];
	if (l->asof != NO_TIME && c->entry > l->asof)
		return;
	if (top >= last) {
		c->status = WON;
		c->end = d->reach[last];
	} else if (d->lost != NO_TIME && (l->asof == NO_TIME ||
	    d->lost <= l->asof)) {
		c->status = LOST;
		c->end = d->lost;
	} else {
		c->status = OPEN;
		return;
	}
	c->forward = c->end >= c->entry;
	if (!c->forward)
		c->entry = c->end;
}

/* A deal counts first where it became open. */
static int
place(const struct lead_run *run, struct reader *r, const struct row *row,
    const struct lead *d, kpi_time *when)
{
	struct deal c;

	(void)r;
	(void)row;
	classify(run, d, &c);
	if (c.status == OUTSIDE)
		return 0;
	*when = c.entry;
	return 1;
}

/* And again where it closed. */
static int
place_again(const struct lead_run *run, const struct lead *d, kpi_time *when)
{
	struct deal c;

	classify(run, d, &c);
	if (c.status != WON && c.status != LOST)
		return 0;
	*when = c.end;
	return 1;
}

static void
add(const struct lead_run *run, void *tally, const struct lead *d, int top)
{
	struct tally *t = tally;
	uint64_t micros = (uint64_t)d->value[0];
	struct deal c;

	(void)top;
	classify(run, d, &c);
	if (d->placing == 0) {
		t->entered++;
		t->entered_micros += micros;
	} else if (c.status == WON) {
		t->won++;
		t->won_priced += (uint64_t)d->value[1];
		t->won_micros += micros;
		if (c.forward) {
			t->cycles++;
			t->cycle_ms += (uint64_t)(c.end - c.entry);
		}
	} else {
		t->lost++;
		t->lost_micros += micros;
	}
}

static void
header(const struct lead_run *run, struct writer *w)
{
	static const char *const cols[] = {
		"closed", "won", "lost", "win_rate", "win_rate_lo", "win_rate_hi",
		"won_amount", "closed_amount", "value_win_rate",
		"avg_won_amount", "avg_cycle_days", "open", "open_amount",
		"velocity", NULL
	};

	lead_key_header(run, w);
	for (size_t i = 0; cols[i] != NULL; i++)
		wr_str(w, cols[i]);
	for (size_t i = 0; ((const struct config *)run->cfg)->levers &&
	    lever_cols[i] != NULL; i++)
		wr_str(w, lever_cols[i]);
	wr_end(w);
}

/* Sums of amounts past money's range: an error, never a wrong sum. */
static money
amount_sum(uint64_t a, uint64_t b)
{
	if (a > (uint64_t)INT64_MAX || b > (uint64_t)INT64_MAX - a)
		die(EX_DATAERR, "the amounts of a group add up past "
		    "9223372036854.775807");
	return (money)(a + b);
}

/*
** Whether the row of KEY carries on from the row before (the same --by
** group, --period given, not the total row). When it starts a new group,
** CFG's carry is reset to it.
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
	if (len != cfg->by.len || memcmp(cfg->by.s, key->group->key, len) != 0) {
		cfg->by.len = 0;
		sb_add(&cfg->by, key->group->key, len);
		cfg->open = cfg->open_micros = 0;
		cfg->has_factor = 0;
	}
	return 1;
}

/*
** The deals open at the end of KEY's period: with --period, those of the
** rows before it in the same --by group carried in CFG; else all of them.
*/
static void
open_deals(const struct lead_run *run, int carry, const struct tally *t,
    struct pipe_sums *s)
{
	struct config *cfg = run->cfg;
	uint64_t open = t->entered, micros = t->entered_micros;

	if (carry) {
		open += cfg->open;
		micros += cfg->open_micros;
		cfg->open = open - t->won - t->lost;
		cfg->open_micros = micros - t->won_micros - t->lost_micros;
	}
	s->open = open - t->won - t->lost;
	s->open_amount = amount_sum(micros - t->won_micros - t->lost_micros, 0);
}

/*
** --levers: the change from the row before in the group (none for the
** first row of a group and the total row: empty), by pipe_levers().
*/
static void
write_levers(struct writer *w, struct config *cfg, int carry,
    const struct pipe_sums *s, const struct pipe_figures *f)
{
	double now[LEVERS], dln[LEVERS], share[LEVERS], dlnv = NAN;

	now[LEVER_OPEN] = (double)s->open;
	now[LEVER_WIN_RATE] = f->win_rate;
	now[LEVER_SIZE] = f->avg_won_amount;
	now[LEVER_CYCLE] = f->avg_cycle_days;
	if (carry && cfg->has_factor)
		pipe_levers(cfg->factor, now, dln, &dlnv, share);
	else
		for (int i = 0; i < LEVERS; i++)
			dln[i] = share[i] = NAN;
	wr_num(w, dlnv);
	for (int i = 0; i < LEVERS; i++)
		wr_num(w, dln[i]);
	for (int i = 0; i < LEVERS; i++)
		wr_num(w, share[i]);
	if (carry) {
		memcpy(cfg->factor, now, sizeof now);
		cfg->has_factor = 1;
	}
}

static void
write_tally(const struct lead_run *run, struct writer *w, void *tally,
    const struct lead_key *key)
{
	struct config *cfg = run->cfg;
	const struct tally *t = tally;
	struct pipe_sums s = {0};
	struct pipe_figures f;
	int carry;

	s.won = t->won;
	s.lost = t->lost;
	s.won_priced = t->won_priced;
	s.won_amount = amount_sum(t->won_micros, 0);
	s.closed_amount = amount_sum(t->won_micros, t->lost_micros);
	s.cycles = t->cycles;
	s.cycle_ms = t->cycle_ms;
	carry = carries(run, key);
	open_deals(run, carry, t, &s);
	pipe_figures(&s, 0.95, &f);
	if (!key->total)
		cfg->unpriced += t->won - t->won_priced;

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
	money_write(w, s.open_amount);
	wr_num(w, f.velocity);
	if (cfg->levers)
		write_levers(w, cfg, carry, &s, &f);
	wr_end(w);
}

static const struct lead_tool tool = {
	.spec = {
		"[file ...]",
		"Win rate, deal size, cycle, open deals and sales velocity.",
		OPTS_STAGES | OPTS_ASOF | OPTS_TOTAL | OPTS_DEDUP | OPTS_JOBS,
		tool_options, handle_option, "leads",
	},
	.tally = { sizeof(struct tally), tally_fields },
	.add = add,
	.header = header,
	.write = write_tally,
	.place = place,
	.setup = setup,
	.backwards_note = "a deal that closes before it opens counts as "
	    "opening when it closed, and is left out of avg_cycle_days",
	.extra = extra_roles,
	.nextra = 1,
	.decode = decode,
	.place_again = place_again,
};

int
main(int argc, char *argv[])
{
	struct config cfg = {0};
	struct strbuf notes = {0};
	int status = lead_tool_main(&tool, &cfg, argc, argv);

	if (cfg.unpriced > 0)
		note(&notes, "%llu won deal%s no amount: left out of won_amount, "
		    "closed_amount, value_win_rate and avg_won_amount",
		    (unsigned long long)cfg.unpriced, cfg.unpriced == 1 ?
		    " has" : "s have");
	notes_print(&notes);
	sb_free(&notes);
	sb_free(&cfg.by);
	return status;
}
