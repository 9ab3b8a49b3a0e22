/* See LICENSE file for copyright and license details. */
#ifndef KPI_ATTRIBUTION_H
#define KPI_ATTRIBUTION_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

/*
** Multi-touch attribution (attribute(1)): how the conversions and value of
** journeys are credited to the channels that touched them. A journey is
** the sequence of channels (numbered 0 to NCH - 1 by the caller) that
** touched one lead, oldest first, ending in a conversion (with a value)
** or not (a null path). Identical sequences are aggregated into one
** struct attr_path with the count of journeys that converted and that did
** not, and their summed value: memory is per distinct path.
**
** Every model credits each converting journey's conversion (1) and value
** in full among its touches, so the credits of all channels add up to the
** total conversions and value (attr_credit() checks it).
*/

enum attr_model {
	AM_FIRST,            /* all to the first touch */
	AM_LAST,             /* all to the last touch */
	AM_LAST_NON_DIRECT,  /* all to the last touch not of the direct
	                        channel; to the last touch when every one is */
	AM_LINEAR,           /* 1/n to each of n touches */
	AM_POSITION,         /* U-shaped: 40% first, 40% last, 20% shared by
	                        the touches between; n = 2: 50/50 */
	AM_W_SHAPED,         /* 30% each to first, middle and last, 10% shared
	                        by the others (see attr_rule_weights()) */
	AM_FULL_PATH,        /* Z-shaped: 22.5% each to four key touches, 10%
	                        shared by the others */
	AM_TIME_DECAY,       /* 2^(-age / half-life), normalised */
	AM_MARKOV,           /* removal effects of an absorbing Markov chain */
	AM_SHAPLEY,          /* Shapley value over channel sets */
	AM_NMODELS
};

/* "first", "last", "last_non_direct", "linear", "position", "w_shaped",
** "full_path", "time_decay", "markov", "shapley", in enum order. */
extern const char *const attr_model_names[AM_NMODELS];

/* The model named NAME (LEN bytes), or -1. */
int attr_model_find(const char *name, size_t len);

/*
** The share of a converting journey's credit that each of its N >= 1
** touches, channels CH[0..N-1] oldest first, gets under the rule-based
** model M (AM_FIRST to AM_FULL_PATH), into W[0..N-1]; the shares add up
** to 1. DIRECT is the channel number of --direct (for AM_LAST_NON_DIRECT),
** or UINT32_MAX when no touch can be direct. Positions are 0-based:
**   W-shaped: the key touches are 0, m = floor((n - 1) / 2) (the middle
**     touch, the earlier of the two middle ones when n is even) and n - 1;
**     each gets 0.3 and the n - 3 others share 0.1; n = 1: 1; n = 2: 0.5
**     each; n = 3: 1/3 each (no others: the 0.1 is shared by the three).
**   Full path: the key touches are 0, floor((n - 1) / 3),
**     floor(2 (n - 1) / 3) and n - 1; each gets 0.225 and the n - 4 others
**     share 0.1; n <= 4: 1/n each.
** A channel at several positions gets the sum of their shares.
*/
void attr_rule_weights(enum attr_model m, const uint32_t *ch, size_t n,
    uint32_t direct, double *w);

/*
** Time-decay shares of N >= 1 touches at times T[0..N-1] (ms, none after
** CONV) of a journey converting at CONV: touch i weighs
** 2^(-days(T[i], CONV) / HALF_LIFE) (HALF_LIFE in days, > 0), and W[i] is
** its weight over the sum. Computed relative to the most recent touch, so
** that no weight underflows to 0 for all touches at once.
*/
void attr_decay_weights(const kpi_time *t, size_t n, kpi_time conv,
    double half_life, double *w);

/*
** A distinct path and its journeys. CONV, NUL and VALUE are doubles: a
** path aggregate may hold fractions, and the bootstrap reweights them.
** TD and TDV (N each, or NULL) are the time-decay shares of the path's
** converting journeys, averaged: TD[i] the mean share of touch i, TDV[i]
** the value-weighted mean share (the mean share when the value is 0).
*/
struct attr_path {
	uint32_t *ch;
	size_t n;
	double conv, nul, value;
	double *td, *tdv;
};

/*
** The distinct paths of a stream of journeys (attribute(1) reads its
** input into one): memory per distinct path, never per journey: its
** struct attr_path (56 bytes), 4 bytes a channel, 16 more a channel with
** time-decay sums, and 8 bytes of slots (at most half full). A slot holds
** the path's number and 24 bits of its hash (hash_keyed(), so that no
** input can make paths collide on purpose), so that a probe rarely reads
** a path that is not the one sought; a small cache of the slots of paths
** met lately (128 KiB) finds the few paths that make up most journeys
** without touching the table. Initialise with {0}.
*/
struct attr_block;

struct attr_table {
	struct attr_path *p;   /* the paths, in order of creation */
	size_t n, cap;
	uint64_t *slot;        /* 24 bits of hash, number + 1; 0: empty */
	size_t nslots;
	size_t *recent;        /* number + 1 of a path met lately, by a
	                          cheap hash of its channels; 0: none */
	uint64_t *recent_key;  /* its channels packed, for up to 7 channels
	                          below 256; else 0 */
	struct attr_block *mem;   /* channels and time-decay sums */
	size_t memleft;
	char *memnext;
};

/*
** The path of channels CH[0..N-1] (N >= 1) in T, added with zero counts
** when new, with TD and TDV (N doubles each, zeroed) when WITH_TD, else
** NULL. The pointer is valid until the next call.
*/
struct attr_path *attr_table_get(struct attr_table *t, const uint32_t *ch,
    size_t n, int with_td);

/*
** Sort T's paths by their channels (shorter first on a common prefix),
** in place, so that the order of the input changes nothing downstream.
*/
void attr_table_sort(struct attr_table *t);

/* Free T's memory; T is then empty. */
void attr_table_free(struct attr_table *t);

/*
** The states of the Markov chain of order K over paths, numbered once
** (attr_markov_states()) for many chains over the same paths with other
** counts (the bootstrap): OF holds the state after each touch of each
** path, paths in order; HAS[s * NCH + c] whether state s holds channel c.
*/
struct attr_states {
	uint32_t *of;
	size_t ns, nch;
	unsigned char *has;
};

/* Parameters of the models. */
struct attr_params {
	size_t nch;            /* channels, numbered 0 .. NCH - 1 */
	uint32_t direct;       /* the direct channel, or UINT32_MAX */
	int order;             /* Markov order, >= 1 */
	size_t max_states;     /* most transient states of the Markov chain */
	const struct attr_states *states;  /* of these paths, or NULL */
};

/*
** Number the states of the chain of order K over the NP paths P (NCH
** channels) into ST, for attr_params.states. Returns 0, or -1 with ST
** empty when there are more than MAX_STATES.
*/
int attr_markov_states(struct attr_states *st, const struct attr_path *p,
    size_t np, size_t nch, int k, size_t max_states);
void attr_states_free(struct attr_states *st);

/*
** Credit the conversions and value of the NP paths P under model M: into
** CONV[c] and VAL[c] for each channel c < PAR->NCH (zeroed first).
**   Rule-based models: each path's conversions and value times the
**     shares of attr_rule_weights(), or TD / TDV for AM_TIME_DECAY (a path
**     without TD credits nothing under it).
**   AM_MARKOV: the chain of order k = PAR->ORDER (attr_markov()); a
**     channel's credit is the total conversions (value) times its removal
**     effect over the sum of the removal effects.
**   AM_SHAPLEY: attr_shapley().
** Returns 0; -1 when the Markov chain has more than PAR->MAX_STATES
** transient states (nothing credited).
*/
int attr_credit(enum attr_model m, const struct attr_path *p, size_t np,
    const struct attr_params *par, double *conv, double *val);

/*
** The Markov chain of order K over the NP paths P: a transient state is
** the tuple of the last min(i, K) channels after the i-th touch; a
** journey goes start -> state after touch 1 -> ... -> state after its
** last touch -> conversion or null, each transition counted once per
** journey (CONV + NUL of the path; the last one CONV to conversion, NUL
** to null). Transition probabilities are the counts out of a state over
** their sum. P(conversion) from start is found exactly by solving the
** transient system (I - Q) h = r (h the probability of conversion from
** each state, r the one-step probability of converting) by Gaussian
** elimination with partial pivoting, no simulation. The removal effect of
** channel c is 1 - P_c / P, P_c the same with every state holding c made
** a null (absorbing) state. Into *PCONV (may be NULL) P, and RE[c] the
** removal effects (0 for all when P = 0). Returns the number of transient
** states, or 0 when there are more than MAX_STATES (RE untouched).
** Cost: (NCH + 1) solves of O(S^3) for S states, S^2 doubles of memory.
** attr_credit() with PAR->STATES numbers the same states without a
** lookup a touch: the same chain, bit for bit.
** Example (order 1): a -> conv twice, b -> conv, a > b -> conv, a ->
** null: P = 0.8, RE(a) = 0.75, RE(b) = 0.5.
*/
size_t attr_markov(const struct attr_path *p, size_t np, size_t nch,
    int k, size_t max_states, double *pconv, double *re);

/*
** The Shapley value of the game v(S) = the conversions (or value) of the
** journeys whose set of channels is a subset of S (Zhao et al., "Shapley
** Value Methods for Attribution Modeling in Online Advertising", 2018,
** arXiv:1804.05327, following Dalessandro et al. 2012). v is the sum over
** journeys of their conversion times the unanimity game of their channel
** set T, whose Shapley value is 1/|T| to each member of T; so, exactly and
** for any number of channels, each channel of a converting journey gets
** 1/|T| of it, however often it touched. Into CONV[c] and VAL[c].
*/
void attr_shapley(const struct attr_path *p, size_t np, size_t nch,
    double *conv, double *val);

/*
** A Poisson(LAMBDA) variate (LAMBDA >= 0) from the splitmix64 stream
** STATE (rng.h): by multiplying uniforms below 10 (Knuth), by
** W. Hoermann's PTRS transformed rejection (1993) from 10 up. The
** bootstrap draws each path's count of journeys from it (a Poisson
** bootstrap, Hanley and MacGibbon 2006).
*/
double attr_poisson(uint64_t *state, double lambda);

#endif
