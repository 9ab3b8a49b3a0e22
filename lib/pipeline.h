/* See LICENSE file for copyright and license details. */
#ifndef KPI_PIPELINE_H
#define KPI_PIPELINE_H

#include <stdint.h>

#include "money.h"

/*
** The arithmetic of pipeline(1): win rate, deal size, cycle and sales
** velocity from the sums of one group of deals, and the split of a change
** in velocity into its four levers. The counting (which deal is won, lost
** or open, and when) is cmd/pipeline.c's; this file only divides.
*/

/* What pipeline counts for one row: sums, exact. */
struct pipe_sums {
	uint64_t won, lost;         /* deals closed won / lost */
	uint64_t won_priced;        /* the won ones that have an amount */
	money won_amount;           /* their amounts, micro-units */
	money closed_amount;        /* the amounts of the closed deals that
	                               have one (won and lost), micro-units */
	uint64_t cycles;            /* won deals with a cycle (not dated
	                               backwards) */
	uint64_t cycle_ms;          /* those cycles' lengths added, ms */
	uint64_t open;              /* open deals */
	money open_amount;          /* their amounts (those that have one) */
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
**                   CLOSED:SUM); undefined when closed_amount is 0
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

#endif
