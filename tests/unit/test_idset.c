/* See LICENSE file for copyright and license details. */
/* lib/idset: which ids were seen, exactly, however many. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/idset.h"
#include "../../lib/rng.h"
#include "check.h"


/*
** Natural order, worked out another way than lib/idset.c does: cut each
** id into tokens (a run of digits, as its number without leading zeros,
** or one other byte), compare the token lists, a number sitting where
** the byte '0' does (every digit does: between '/' and ':'); ids of the
** same tokens then in byte order.
*/
struct token {
	int number;
	const char *at;          /* digits without leading zeros, or the byte */
	size_t len;
};

static size_t
tokens(const char *s, size_t n, struct token *t)
{
	size_t k = 0;

	for (size_t i = 0; i < n; k++) {
		if (s[i] >= '0' && s[i] <= '9') {
			size_t j = i;

			while (j < n && s[j] >= '0' && s[j] <= '9')
				j++;
			while (i < j - 1 && s[i] == '0')
				i++;
			if (s[i] == '0')
				i++;        /* a run of zeros is the number 0: "" */
			t[k] = (struct token){ 1, s + i, j - i };
			i = j;
		} else {
			t[k] = (struct token){ 0, s + i, 1 };
			i++;
		}
	}
	return k;
}

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

static int
oracle_order(const char *a, size_t la, const char *b, size_t lb)
{
	struct token ta[64], tb[64];
	size_t na = tokens(a, la, ta), nb = tokens(b, lb, tb), i;
	int c;

	for (i = 0; i < na && i < nb; i++) {
		if (ta[i].number && tb[i].number) {
			if (ta[i].len != tb[i].len)
				return ta[i].len < tb[i].len ? -1 : 1;
			if ((c = memcmp(ta[i].at, tb[i].at, ta[i].len)) != 0)
				return sign(c);
		} else {
			unsigned char x = ta[i].number ? '0' :
			    (unsigned char)ta[i].at[0];
			unsigned char y = tb[i].number ? '0' :
			    (unsigned char)tb[i].at[0];

			if (x != y)
				return x < y ? -1 : 1;
		}
	}
	if (na != nb)
		return na < nb ? -1 : 1;
	c = memcmp(a, b, la < lb ? la : lb);
	return c != 0 ? sign(c) : la < lb ? -1 : la > lb;
}

/* idset_order() against the oracle on ids of a few bytes, digits (zeros
** most of all) among others, and its being an order. */
static void
check_order(void)
{
	static const char alphabet[] = "0001239L/:a\xff";
	uint64_t x = 42;
	size_t wrong = 0, asym = 0;
	char a[12], b[12];

	for (int k = 0; k < 400000; k++) {
		size_t la = splitmix64(&x) % 9, lb = splitmix64(&x) % 9;

		for (size_t i = 0; i < la; i++)
			a[i] = alphabet[splitmix64(&x) % (sizeof alphabet - 1)];
		/* Often B is A changed a little, so that they share a lot. */
		if (splitmix64(&x) % 2) {
			memcpy(b, a, la);
			lb = la;
			if (lb > 0)
				b[splitmix64(&x) % lb] = alphabet[splitmix64(&x) %
				    (sizeof alphabet - 1)];
			if (splitmix64(&x) % 3 == 0)
				lb = lb > 0 ? lb - 1 : 0;
		} else {
			for (size_t i = 0; i < lb; i++)
				b[i] = alphabet[splitmix64(&x) % (sizeof alphabet - 1)];
		}
		wrong += idset_order(a, la, b, lb) != oracle_order(a, la, b, lb);
		asym += idset_order(a, la, b, lb) != -idset_order(b, lb, a, la);
	}
	CHECK("order: as the token oracle, 400000 pairs", wrong == 0);
	CHECK("order: antisymmetric", asym == 0);
	CHECK("order: numbers by value", idset_order("L9", 2, "L10", 3) < 0 &&
	    idset_order("L10", 3, "L9", 2) > 0 &&
	    idset_order("00Q5e0000", 9, "00Q5e0001", 9) < 0);
	CHECK("order: leading zeros, then bytes",
	    idset_order("L01", 3, "L1", 2) < 0 &&
	    idset_order("L1", 2, "L01", 3) > 0 &&
	    idset_order("L1", 2, "L1", 2) == 0);
	CHECK("order: a digit sits where its byte does",
	    idset_order("L5", 2, "L:", 2) < 0 &&
	    idset_order("L5", 2, "L/", 2) > 0);
}

/*
** A set worked out another way: a chained table of the ids themselves,
** by FNV-1a, for the oracle.
*/
struct plain {
	struct entry { struct entry *next; size_t len; char id[]; } *head[1 << 16];
};

static int
plain_add(struct plain *p, const char *id, size_t len)
{
	uint32_t h = 2166136261u;
	struct entry *e;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)id[i]) * 16777619u;
	h &= (1 << 16) - 1;
	for (e = p->head[h]; e != NULL; e = e->next)
		if (e->len == len && memcmp(e->id, id, len) == 0)
			return 0;
	e = malloc(sizeof *e + len + 1);
	e->len = len;
	memcpy(e->id, id, len);
	e->next = p->head[h];
	p->head[h] = e;
	return 1;
}

static int
plain_has(const struct plain *p, const char *id, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)id[i]) * 16777619u;
	h &= (1 << 16) - 1;
	for (const struct entry *e = p->head[h]; e != NULL; e = e->next)
		if (e->len == len && memcmp(e->id, id, len) == 0)
			return 1;
	return 0;
}

static void
plain_free(struct plain *p)
{
	for (size_t h = 0; h < 1 << 16; h++)
		while (p->head[h] != NULL) {
			struct entry *e = p->head[h];

			p->head[h] = e->next;
			free(e);
		}
}

/*
** The I-th id of a stream in order SHAPE, into ID: 0 ascending (every
** 50th repeats an earlier one), 1 mostly ascending (3% come up to 500
** places late, 1% come 3000 places early, alone), 2 no order, 3 ascending with leading zeros and widths that
** grow ("A9", "A10", "A010"), 4 long ids (over the 256 bytes a lookup
** decodes on the stack). Returns its length.
*/
static size_t
stream_id(int shape, long i, uint64_t *x, char *id)
{
	long n = i;
	int len;

	switch (shape) {
	case 0:
		if (i % 50 == 49)
			n = (long)(splitmix64(x) % (uint64_t)i);
		break;
	case 1: {
		uint64_t r = splitmix64(x) % 100;

		n = 2 * i;          /* even numbers; odd ones come late */
		if (r < 3 && i >= 500)
			n = 2 * (i - (long)(splitmix64(x) % 500)) + 1;
		else if (r == 3)
			n = 2 * (i + 3000) + 1;  /* one far ahead */
		break;
	}
	case 2:
		n = (long)(splitmix64(x) % 60000);
		break;
	case 3:
		return (size_t)snprintf(id, 40, "A%0*ld", (int)(i % 3) + 1, i / 3);
	default:
		memset(id, 'q', 300);
		return (size_t)(300 + snprintf(id + 300, 40, "%ld",
		    i % 40 == 39 ? (long)(splitmix64(x) % (uint64_t)i) : i));
	}
	len = snprintf(id, 40, "L%ld", n + 100000);
	return (size_t)len;
}

/* Every answer of idset_add() and idset_add_probed() as the oracle's, for
** each shape of stream, probes made fresh or stale. */
static void
check_against_oracle(void)
{
	static const char *name[] = { "ascending", "mostly ascending",
	    "no order", "leading zeros", "long ids" };
	char id[400], other[400];

	for (int shape = 0; shape < 5; shape++) {
		struct plain *p = calloc(1, sizeof *p);
		struct idset s = {0};
		uint64_t x = 7 + (uint64_t)shape;
		size_t wrong = 0, added = 0;
		char what[96];

		for (long i = 0; i < 40000; i++) {
			size_t len = stream_id(shape, i, &x, id);
			struct idset_probe probe;
			int want, got;

			idset_probe(&s, id, len, &probe);
			if (i % 97 == 0) {
				/* Something else is added between the probe
				 * and the add: the probe goes stale. */
				size_t olen = stream_id(shape, i + 1, &x, other);

				int owant = plain_add(p, other, olen);

				wrong += idset_add(&s, other, olen) != owant;
				added += (size_t)owant;
			}
			want = plain_add(p, id, len);
			added += (size_t)want;
			got = idset_add_probed(&s, &probe, id, len);
			wrong += got != want;
		}
		snprintf(what, sizeof what, "oracle: %s, 40000 ids", name[shape]);
		CHECK(what, wrong == 0 && idset_count(&s) == added);
		snprintf(what, sizeof what, "oracle: %s, %s", name[shape],
		    shape == 2 ? "the run given up" : "the run kept");
		CHECK(what, shape == 2 ? s.no_run : !s.no_run);
		idset_free(&s);
		plain_free(p);
		free(p);
	}
}

/*
** idset_add_common() against the oracle: sets A and B of each shape,
** their runs overlapping or not, their tables holding some ids or not.
*/
static void
check_common(void)
{
	static char bid[8000][400];
	static size_t blen[8000];
	char id[400];

	for (int sa = 0; sa < 5; sa++)
		for (int sb = 0; sb < 5; sb++) {
			struct plain *pa = calloc(1, sizeof *pa);
			struct idset a = {0}, b = {0}, into = {0};
			uint64_t x = 99 + (uint64_t)(sa * 5 + sb);
			size_t want = 0, found, wrong = 0, nb = 0;
			char what[96];

			for (long i = 0; i < 8000; i++) {
				size_t len = stream_id(sa, i, &x, id);

				idset_add(&a, id, len);
				plain_add(pa, id, len);
			}
			/* B begins within A's range, and goes beyond it. */
			for (long i = 5000; i < 13000; i++, nb++) {
				blen[nb] = stream_id(sb, i, &x, bid[nb]);
				if (idset_add(&b, bid[nb], blen[nb]))
					want += (size_t)plain_has(pa, bid[nb],
					    blen[nb]);
			}
			found = idset_add_common(&into, &b, &a);
			/* INTO holds those ids of B that A has, and no other:
			 * the held ones first, as adding the others changes
			 * INTO. */
			for (int held = 1; held >= 0; held--) {
				struct plain *done = calloc(1, sizeof *done);

				for (size_t k = 0; k < nb; k++)
					if (plain_has(pa, bid[k], blen[k]) == held &&
					    plain_add(done, bid[k], blen[k]))
						wrong += idset_add(&into, bid[k],
						    blen[k]) == held;
				plain_free(done);
				free(done);
			}
			snprintf(what, sizeof what, "common: A %d, B %d", sa, sb);
			CHECK(what, found == want && wrong == 0 &&
			    idset_count(&into) >= want);
			idset_free(&a);
			idset_free(&b);
			idset_free(&into);
			plain_free(pa);
			free(pa);
		}
}

int
main(void)
{
	struct idset s = {0};
	char id[300], big[200];
	size_t fresh = 0, again = 0;

	/* Ids that are prefixes of each other, or differ in a NUL byte, are
	 * different ids. */
	CHECK("new id", idset_add(&s, "L1", 2) == 1);
	CHECK("same id again", idset_add(&s, "L1", 2) == 0);
	CHECK("its prefix is another id", idset_add(&s, "L", 1) == 1);
	CHECK("an extension is another id", idset_add(&s, "L10", 3) == 1);
	CHECK("a NUL byte inside counts", idset_add(&s, "L1\0x", 4) == 1);
	CHECK("and is found again", idset_add(&s, "L1\0x", 4) == 0);
	CHECK("the empty id is one id", idset_add(&s, "", 0) == 1 &&
	    idset_add(&s, "", 0) == 0);

	/* Ids of 128 bytes and more keep a two-byte length. */
	memset(big, 'x', sizeof big);
	CHECK("a 127-byte id", idset_add(&s, big, 127) == 1);
	CHECK("a 128-byte id is not it", idset_add(&s, big, 128) == 1);
	CHECK("a 200-byte id", idset_add(&s, big, 200) == 1);
	CHECK("each found again", idset_add(&s, big, 127) == 0 &&
	    idset_add(&s, big, 128) == 0 && idset_add(&s, big, 200) == 0);

	/* 300,000 ids, through many doublings, then each again: every one
	 * is new the first time and known the second. */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 300000; i++) {
			struct idset_probe probe;
			int n = snprintf(id, sizeof id, "C%07d", i);

			idset_probe(&s, id, (size_t)n, &probe);
			if (idset_add_probed(&s, &probe, id, (size_t)n))
				fresh++;
			else
				again++;
		}
	CHECK("300000 ids new once", fresh == 300000);
	CHECK("and known the second time", again == 300000);
	CHECK("the count", idset_count(&s) == 300000 + 8);
	CHECK("the early ids are still there", idset_add(&s, "L1", 2) == 0 &&
	    idset_add(&s, "L", 1) == 0);
	idset_free(&s);
	CHECK("empty after free", idset_count(&s) == 0 &&
	    idset_add(&s, "L1", 2) == 1);
	idset_free(&s);

	/* Reserved for 100,000 ids that come in no order: once the run is
	 * given up, the table and its bytes do not move while they come. */
	{
		struct idset r = {0}, a = {0}, b = {0}, common = {0};
		const uint64_t *slots = NULL;
		const unsigned char *bytes = NULL;
		int moved = 0;

		idset_add(&r, "X0000000", 8);
		idset_reserve(&r, 100000);
		for (int i = 1; i < 100000; i++) {
			/* 7919 is prime to 100000: each id once, unordered. */
			int n = snprintf(id, sizeof id, "X%07d",
			    (int)((long)i * 7919 % 100000));

			idset_add(&r, id, (size_t)n);
			if (r.no_run && slots == NULL) {
				slots = r.slot;
				bytes = r.bytes;
			}
			moved |= slots != NULL &&
			    (r.slot != slots || r.bytes != bytes);
		}
		CHECK("no order: the run is given up early", r.no_run &&
		    r.run_count == 0 && r.count == 100000);
		CHECK("reserved: no growing for the ids announced", !moved &&
		    idset_count(&r) == 100000);
		CHECK("reserved: at most 7/10 full", r.nslots * 7 / 10 >= 100000);
		idset_free(&r);

		/* The ids of B that A has: every third of B's. */
		for (int i = 0; i < 30000; i++) {
			int n = snprintf(id, sizeof id, "A%d", i);

			idset_add(&a, id, (size_t)n);
		}
		for (int i = 0; i < 30000; i += 3) {
			int n = snprintf(id, sizeof id, "A%d", i);

			idset_add(&b, id, (size_t)n);
			n = snprintf(id, sizeof id, "B%d", i);
			idset_add(&b, id, (size_t)n);
			idset_add(&b, id, (size_t)n + 1);  /* with its NUL */
		}
		CHECK("common: the ids of B that A holds",
		    idset_add_common(&common, &b, &a) == 10000 &&
		    idset_count(&common) == 10000);
		CHECK("common: those and no other", idset_add(&common, "A0", 2) == 0 &&
		    idset_add(&common, "A29997", 6) == 0 &&
		    idset_add(&common, "A1", 2) == 1 &&
		    idset_add(&common, "B0", 2) == 1);
		CHECK("common with an empty set: none",
		    idset_add_common(&common, &b, &(struct idset){0}) == 0);
		idset_free(&a);
		idset_free(&b);
		idset_free(&common);
	}
	check_order();
	check_against_oracle();
	check_common();
	return finish();
}
