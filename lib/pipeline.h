/* See LICENSE file for copyright and license details. */
#ifndef KPI_PIPELINE_H
#define KPI_PIPELINE_H

#include <stdint.h>

#include "date.h"
#include "leads.h"
#include "money.h"
#include "stats.h"
#include "tally.h"

/*
** The arithmetic of pipeline(1): where each deal stands (won, lost or
** open, and since when), what each output counts of it, win rate, deal
** size, cycle and sales velocity from the sums of one group of deals,
** the deals open at the end of each period carried to the next, and the
** split of a change in velocity into its four levers. Reading the input,
** the options, the driver's callbacks and the writing are
** cmd/pipeline.c's.
*/

/* What pipeline counts for one row: sums, exact. */
struct pipe_sums {
	uint64_t won, lost;         /* deals closed won / lost */
	uint64_t won_priced;        /* the won ones that have an amount */
	uint64_t lost_priced;       /* the lost ones that have an amount */
	money won_amount;           /* their amounts, micro-units */
	money closed_amount;        /* the amounts of the closed deals that
	                               have one (won and lost), micro-units */
	uint64_t cycles;            /* won deals with a cycle (not dated
	                               backwards) */
	uint64_t cycle_ms;          /* those cycles' lengths added, ms */
	uint64_t open;              /* open deals */
	uint64_t open_priced;       /* the open ones that have an amount */
	money open_amount;          /* their amounts */
};

/* The figures of one row; NAN where undefined. */
struct pipe_figures {
	double win_rate;            /* won / (won + lost) */
	double win_lo, win_hi;      /* its Wilson interval at LEVEL */
	double value_win_rate;      /* won_amount / closed_amount */
	double avg_won_amount;      /* won_amount / won_priced, in units */
	double avg_cycle_days;      /* cycle_ms / cycles, in days */
	double velocity;            /* open * win_rate * avg_won_amount /
	                               avg_cycle_days: units of money a day */
};

/*
** The figures of S at confidence LEVEL (0.95):
**   win_rate        won / (won + lost); undefined with no deal closed;
**                   win_lo, win_hi its Wilson score interval (lib/stats.h)
**   value_win_rate  won_amount / closed_amount (Salesforce's WON:SUM /
**                   CLOSED:SUM); undefined when closed_amount is 0, and
**                   when deals were won but none of them is priced, or
**                   lost but none priced (the side without amounts is
**                   not known to be 0: a ratio of 1 from lost deals
**                   that carry no amount would be false)
**   avg_won_amount  won_amount / won_priced, units; undefined without a
**                   priced won deal
**   avg_cycle_days  cycle_ms / cycles / 86400000; undefined without one
**   velocity        open * win_rate * avg_won_amount / avg_cycle_days,
**                   money a day; undefined when a factor is, or when
**                   avg_cycle_days is 0 (every won cycle took no time)
** Example: 12 won, 8 lost: win_rate 0.6, [0.386582, 0.781193].
*/
void pipe_figures(const struct pipe_sums *s, double level,
    struct pipe_figures *f);

/*
** --target's columns of a row with sums S and figures F: coverage, the
** open amount over TARGET (both micro-units, TARGET above 0; NAN when
** deals are open but none of them has an amount: unknown, not 0), and
** required_coverage, 1 / win_rate (NAN when the win rate is 0 or
** undefined): the coverage that would just reach the target.
** Example: 30 units open, target 10, win rate 0.25: 3 and 4.
*/
void pipe_coverage(const struct pipe_sums *s, const struct pipe_figures *f,
    money target, double *coverage, double *required);

/* The levers of velocity, in the order of the columns. */
enum { LEVER_OPEN, LEVER_WIN_RATE, LEVER_SIZE, LEVER_CYCLE, LEVERS };

/*
** The change of velocity V = N p S / L from period A to period B, split
** by logarithms: ln(V_B / V_A) = ln(N_B / N_A) + ln(p_B / p_A) +
** ln(S_B / S_A) - ln(L_B / L_A), exactly, since ln turns the product
** into a sum. N is the open deals, p the win rate, S the average won
** amount, L the average cycle (the cycle's term enters with its minus
** sign: a longer cycle lowers velocity). Into DLN[LEVERS] each lever's
** term (the cycle's already negated) and into *DLNV their sum, ln(V_B /
** V_A); into SHARE[LEVERS] each term / *DLNV, the share of the change
** it explains (they add up to 1). Returns 0, or -1 when a factor of
** either period is 0 or undefined (no logarithm): everything is then NAN;
** the shares alone are NAN when V did not change: *DLNV is then 0, as it
** is when the terms cancel to within 1e-12 of their absolute sum (round-
** off, not a change).
** Example: N 4 -> 6, p 0.6 -> 0.8, S 2000 -> 3000, L 20 -> 15: V 240 ->
** 960, *DLNV ln 4 = 1.386294; terms 0.405465, 0.287682, 0.405465,
** 0.287682; shares 0.292481, 0.207519, 0.292481, 0.207519.
*/
int pipe_levers(const double a[LEVERS], const double b[LEVERS],
    double dln[LEVERS], double *dlnv, double share[LEVERS]);

/* Where one deal stands as of the as-of time. */
enum pipe_status { PIPE_OUTSIDE, PIPE_WON, PIPE_LOST, PIPE_OPEN };

struct pipe_deal {
	enum pipe_status status;
	kpi_time entry;             /* when it became open, ms since 1970;
	                               NO_TIME when it is no deal yet */
	kpi_time end;               /* when it closed; NO_TIME while open */
	int forward;                /* 1: its cycle ends no earlier than it
	                               starts (else no duration of it) */
};

/*
** Where deal D stands as of ASOF (NO_TIME: the end of the input), TOP
** being the highest stage it reached by then (leads_top()), FROM the
** stage a deal is open from (--from) and LAST the last stage (won), into
** *C. It is a deal once TOP reaches FROM (a skipped stage counts as
** passed), open from FROM's own timestamp or, when it skipped that
** stage, from the earliest later one (D->reach[FROM]); a deal that opens
** after ASOF is none yet (PIPE_OUTSIDE). Won when TOP is LAST (closing
** at D->reach[LAST]), else lost once D->lost is set and not after ASOF
** (closing then), else open. A deal closed before it opened (dates that
** go back) is taken as opening when it closed, so it is never open for
** less than no time, and has no cycle (forward 0).
** Example: from 1, last 3, top 3, at[1] = day 10, reach[3] = day 30:
** won, entry day 10, end day 30, forward; with reach[3] = day 5 instead:
** won, entry = end = day 5, not forward.
*/
void pipe_classify(const struct lead *d, int top, int from, int last,
    kpi_time asof, struct pipe_deal *c);

/* When deal D entered stage S (ms since 1970): its own timestamp, or
** when it passed it (D->reach[S]) when it has none. */
kpi_time pipe_entered(const struct lead *d, int s);

/* The days deal D has been in stage TOP at ASOF (ms since 1970): since
** pipe_entered(D, TOP), in days of 86400000 ms, fractional. */
double pipe_days_in_stage(const struct lead *d, int top, kpi_time asof);

/* --waterfall's steps, in the order of its columns. */
enum { WF_START, WF_CREATED, WF_WON, WF_LOST, WF_END, WF_N };

/*
** What pipeline counts per group (and period). A deal is counted twice:
** where it became open (entered) and, once closed, where it closed; the
** deals open at a period's end are those entered by then less those
** closed by then. Amounts are in micro-units, each below 2^53, added as
** integers. Zeroed by the caller; the dvecs are the caller's to free.
*/
struct pipe_tally {
	uint64_t entered, entered_priced, entered_micros;
	uint64_t won, lost;
	uint64_t won_priced, won_micros, lost_priced, lost_micros;
	uint64_t cycles, cycle_ms;
	/* --stages-table, for each stage s from --from on: the deals that
	 * reached s, of them those won and lost, and the deals open at s
	 * (their current stage), their amounts, and with --prob-col their
	 * amounts weighted by it (each rounded to the micro-unit). */
	uint64_t reached[MAX_STAGES], reached_won[MAX_STAGES];
	uint64_t reached_lost[MAX_STAGES];
	uint64_t at[MAX_STAGES], at_priced[MAX_STAGES], at_micros[MAX_STAGES];
	uint64_t at_weighted[MAX_STAGES];
	/* --waterfall: the deals open at --from-date, opened after it, won
	 * and lost after it, and open at --asof; each count and amount. */
	uint64_t wf[WF_N], wf_priced[WF_N], wf_micros[WF_N];
	/* --aging, per stage from --from on: when each deal open there at
	 * --asof entered it (ms since 1970), and how long each deal that
	 * moved on from it spent there (ms). */
	struct dvec age_since[MAX_STAGES];
	struct dvec moved_ms[MAX_STAGES];
};

/* Struct pipe_tally's fields, for the driver to fold parts (lib/tally.h);
** ends with a NULL name. */
extern const struct tally_field pipe_tally_fields[];

/*
** The main output's counting of a deal in C's state into T: at its
** first placing (PLACING 0, where it became open) one deal entered, with
** its AMOUNT (micro-units, -1: none, counted as 0, and the deal not as
** priced); at its second (1, where it closed) one won (with a cycle of
** C->end - C->entry ms when forward) or else one lost, with AMOUNT and
** priced likewise.
*/
void pipe_add_deal(struct pipe_tally *t, int placing, const struct pipe_deal *c,
    int64_t amount);

/*
** A deal's weighted amount for --prob-col: MICROS (micro-units) times
** the probability PROB (millionths, 0 to 1000000), rounded half up to the
** micro-unit, in 128 bits so it is exact for any amount below 2^64.
** Example: 1.000001 units (1000001) at 0.5 (500000): 500000.5, so 500001.
*/
uint64_t pipe_weighted(uint64_t micros, uint64_t prob);

/*
** --stages-table: deal D's state C, at stage TOP as of --asof, into T:
** it counts as reached in every stage from FROM to TOP, and won or lost
** there by its state; open, it counts at TOP with its AMOUNT (micro-
** units, -1: none, then in the count only, not as priced) and, with a
** probability PROB
** (millionths, -1: none), pipe_weighted() of them.
*/
void pipe_add_stages(struct pipe_tally *t, int from, int top,
    const struct pipe_deal *c, int64_t amount, int64_t prob);

/*
** P(win) after a stage: WON / (WON + LOST) into *P, and its Wilson
** interval at LEVEL into *LO, *HI; all NAN with no deal closed.
** Example: 1 won, 1 lost: 0.5, [0.094531, 0.905469] at 0.95.
*/
void pipe_p_win(uint64_t won, uint64_t lost, double level, double *p,
    double *lo, double *hi);

/*
** --stages-table's weighted amount of a stage without --prob-col: the
** amount open there, MICROS, times its P(win), WON / (WON + LOST), in
** micro-units (not rounded); 0 when MICROS is 0; NAN when no deal that
** reached the stage has closed (no P(win)) but some amount is open.
** Example: 3000000 at 2 won of 3 closed: 2000000.
*/
double pipe_stage_weighted(uint64_t micros, uint64_t won, uint64_t lost);

/*
** --waterfall: which steps between F (--from-date, ms since 1970) and
** --asof a deal in C's state took, as 0 or 1 into STEPS[WF_N]: open at
** F (opened by F and not closed by F), opened after F, won after F,
** lost after F, open at --asof (counted from the state alone, so that
** pipe_waterfall_adds_up() is a check, not an identity). A deal closed
** at F exactly is closed by F.
** Example: F = day 10; opened day 5, won day 12: start, won (1 0 1 0 0).
*/
void pipe_waterfall_steps(const struct pipe_deal *c, kpi_time f,
    int steps[WF_N]);

/* --waterfall: add each step of pipe_waterfall_steps() to T's counts
** and, with an AMOUNT (micro-units, -1: none), to its priced deals and
** amounts. */
void pipe_add_waterfall(struct pipe_tally *t, const struct pipe_deal *c,
    kpi_time f, int64_t amount);

/* Whether T's waterfall adds up: open_start + created = won + lost +
** open_end, in the counts and in the amounts (1), or not (0: a bug). */
int pipe_waterfall_adds_up(const struct pipe_tally *t);

/*
** --aging: deal D, in C's state at stage TOP as of --asof, into T. Open,
** it waits at TOP since it entered it (pipe_entered()). Every stage S
** from FROM below TOP that has its own timestamp it left when it reached
** the next stage, after D->reach[S + 1] - D->at[S] ms there, left out
** when negative (dates that go back).
*/
void pipe_add_aging(struct pipe_tally *t, int from, const struct lead *d,
    int top, const struct pipe_deal *c);

/* One --stages-table row's figures. */
struct pipe_stage {
	uint64_t reached;           /* deals that reached the stage */
	uint64_t won, lost;         /* of them, those won and lost since */
	double p_win, p_lo, p_hi;   /* pipe_p_win() of them, at 0.95 */
	uint64_t open;              /* deals open there (their current stage) */
	uint64_t open_priced;       /* of them, those that have an amount */
	money open_amount;          /* their amounts, micro-units */
	double weighted;            /* the weighted amount, micro-units: with
	                               --prob-col the sum of pipe_weighted(),
	                               else pipe_stage_weighted(); NAN when
	                               undefined, and when deals are open
	                               there but none has an amount */
};

/*
** --stages-table's rows of T into ROW[FROM] .. ROW[LAST - 1], a stage
** each, and ROW[LAST] the "(all)" row: every deal that reached FROM, the
** deals open at every stage and their amounts added, and the weighted
** amounts added; when one is NAN, instead the total open amount times
** FROM's P(win) (0 with no deal open; NAN without a P(win) or when deals
** are open but none has an amount). WEIGH:
** --prob-col given. Returns 0, or -1 when an amount or their sum passes
** INT64_MAX micro-units (money's range).
** Example: from 1, last 3; at stage 1 2 units open, 3 won and 1 lost
** reached it; at 2 1 unit, 1 won 1 lost: weighted 1.5 and 0.5 units,
** "(all)" 3 units open, 2 weighted.
*/
int pipe_stages(const struct pipe_tally *t, int from, int last, int weigh,
    struct pipe_stage row[MAX_STAGES]);

/*
** The sums of one main-output row of T (pipe_sums): its closed deals and
** their amounts, its cycles, and the deals open at its end by pipe_open()
** with carry K (NULL: none). Returns 0, or -1 when an amount sum passes
** INT64_MAX micro-units (money's range; *S then incomplete).
*/
struct pipe_carry;
int pipe_sums_of(const struct pipe_tally *t, struct pipe_carry *k,
    struct pipe_sums *s);

/* One --aging row's figures. */
struct pipe_aging {
	uint64_t open;              /* deals open in the stage */
	double open_days;           /* the median of their days in it */
	uint64_t moved;             /* deals that moved on from it */
	double moved_days;          /* the median of their days in it */
	uint64_t stale;             /* open ones in it more than STALE_AFTER
	                               days (0 when it is negative) */
};

/*
** The --aging figures of one stage into *A: OPEN holds when each deal
** open there entered it (ms since 1970), turned in place into its days
** there at ASOF (ms since 1970), (ASOF - entry) / 86400000, and sorted;
** MOVED the ms each deal that moved on spent there, sorted in place.
** Medians are type 7 (quantile7()), NAN without a value; stale counts
** the open ones more than STALE_AFTER days in (none below 0).
** Example: entries 1, 3 and 10 days before ASOF, stale after 2: median
** 3 days, 2 stale.
*/
void pipe_aging(struct dvec *open, struct dvec *moved, double asof,
    double stale_after, struct pipe_aging *a);

/*
** What carries from one period row of a --by group to the next: the
** deals open at the last period's end, their amount (micro-units), and
** the last row's velocity factors (LEVER_*; has_factor 0: none yet).
** Zeroed at the start of each group.
*/
struct pipe_carry {
	uint64_t open, open_priced, open_micros;
	double factor[LEVERS];
	int has_factor;
};

/*
** The deals open at the end of T's period into *OPEN, those of them
** that have an amount into *PRICED and their amount (micro-units) into
** *MICROS: those T entered, plus with carry K those
** open before (K NULL: T is all there is, no period), less those T
** closed (won or lost). K then holds this period's end for the next.
** Example: 3 open before, 4 entered, 2 won, 1 lost: 4 open.
*/
void pipe_open(struct pipe_carry *k, const struct pipe_tally *t,
    uint64_t *open, uint64_t *priced, uint64_t *micros);

/*
** --levers of one row with sums S and figures F: the change from the
** row before in K (pipe_levers() into DLN, *DLNV, SHARE), every value
** NAN when K is NULL (no period, or the total row) or holds no row
** before; with K, this row's factors are then kept in it for the next.
*/
void pipe_carry_levers(struct pipe_carry *k, const struct pipe_sums *s,
    const struct pipe_figures *f, double dln[LEVERS], double *dlnv,
    double share[LEVERS]);

#endif
