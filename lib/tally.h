/* See LICENSE file for copyright and license details. */
#ifndef KPI_TALLY_H
#define KPI_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "stages.h"
#include "stats.h"

/*
** A tally: a tool's state for one group, a plain struct whose layout a
** table of fields describes, so that lib/ can merge two tallies, free
** one, and write it to a part and read it back (lib/part.h) without the
** tool's help: what --jobs, --partial, --merge and --total rest on. Every
** field is exact: counts add as integers, and fields that keep values (for
** exact quantiles) keep each value, so a tally merged from the tallies of
** disjoint rows is the tally of all those rows, whatever the order.
*/
enum tally_kind {
	TALLY_COUNT,           /* uint64_t, adds */
	TALLY_STAGE_COUNTS,    /* uint64_t[MAX_STAGES]: one count per stage */
	TALLY_VALUES,          /* struct dvec: a multiset of values, appends */
	TALLY_STAGE_VALUES     /* struct dvec[MAX_STAGES]: one per stage */
};

struct tally_field {
	const char *name;      /* as parts name it: letters, digits, '_' */
	enum tally_kind kind;
	size_t offset;         /* offsetof() the field in the tally */
};

/*
** Two shapes. Field-major: each staged field is an array of MAX_STAGES
** slots (stage_size 0), and every tally takes SIZE bytes. Stage-major:
** the tally is an array of MAX_STAGES structs of STAGE_SIZE bytes, one
** per stage, holding the staged fields (offsets within the first), and
** nothing else; a run of N stages then allocates and touches only the
** first N (tally_size()). A funnel of 5 stages so needs 5/16 of the
** memory a group: what matters with a million --by values.
*/
struct tally_layout {
	size_t size;                       /* sizeof the tally */
	const struct tally_field *field;   /* ends with a NULL name */
	size_t stage_size;                 /* stage-major: sizeof a stage's */
};

/* The bytes of one tally of layout L for a run of NSTAGES stages. */
size_t tally_size(const struct tally_layout *l, size_t nstages);

/*
** Fold FROM into INTO (two tallies of layout L, for NSTAGES stages):
** counts add, values append. Returns 0, or -1 when a count would pass
** INT64_MAX (only parts read from files can make that happen); INTO is
** then partly merged.
*/
int tally_merge(const struct tally_layout *l, size_t nstages, void *into,
    const void *from);

/* Free what tally T of layout L (NSTAGES stages) owns (the values); T
** itself stays. */
void tally_free(const struct tally_layout *l, size_t nstages, void *t);

/* The field of L named NAME (LEN bytes), or NULL. */
const struct tally_field *tally_find(const struct tally_layout *l,
    const char *name, size_t len);

/* Where field F of tally T (layout L) keeps stage S's count or values (S
** is 0 for the kinds that are not per stage). */
uint64_t *tally_count(const struct tally_layout *l,
    const struct tally_field *f, void *t, size_t s);
struct dvec *tally_values(const struct tally_layout *l,
    const struct tally_field *f, void *t, size_t s);

/* Whether field F has one slot per stage. */
int tally_staged(const struct tally_field *f);

#endif
