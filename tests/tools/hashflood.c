/* See LICENSE file for copyright and license details. */
/*
** hashflood: ids that all collide under kpikit's old, unkeyed hash_bytes()
** (the one the id set and the group table used before they were keyed),
** for tests/hostile.test.
**
** usage: hashflood [-z] [-b BITS] N
**
** Prints N distinct ids, one a line, each a CSV field in double quotes:
** 16 ASCII bytes, whose old hash has
** its low BITS bits (default 24) all zero, so that they fall on one slot
** of any table of up to 2^BITS slots. With -z the hash is that of the id
** followed by a NUL byte: a group key of one part (key_add()).
**
** Method: the old hash of 16 bytes (words v1, v2, little-endian) is
**   h0 = K ^ len * C1;  h1 = xs29((h0 ^ v1) * K);  h2 = xs29((h1 ^ v2) * K)
**   h3 = xs33(h2 * K)  (the empty last word is 0; the NUL of -z loads as 0)
**   F  = xs33(xs33(xs33(h3) * C1) * C2)
** where xsS(x) = x ^ x >> S. Every step is a bijection of 64-bit words:
** a multiplication by an odd constant undoes by its inverse mod 2^64,
** xs33 is its own inverse, xs29 undoes by three rounds. So pick F with
** the low bits zero and the high bits at random, run it backwards to h2,
** then v2 = K^-1 * inverse_xs29(h2) ^ h1; v1 is "X" and the id's number
** in seven printable digits. Keep v2 when all its bytes are ASCII other
** than NUL, '"', CR and LF (about one try in 350; asking for printable
** bytes only would be one in 3,000, ten times slower): the field is
** quoted, so a comma or a control character in it is still valid CSV. The old function is written out here again, on purpose,
** so that this stays a test of what was, whatever lib/ does now.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define K  0x9e3779b97f4a7c15ULL
#define C1 0xff51afd7ed558ccdULL
#define C2 0xc4ceb9fe1a85ec53ULL

static uint64_t
inverse(uint64_t a)
{
	uint64_t x = a;		/* right to 3 bits for odd a */

	for (int i = 0; i < 5; i++)
		x *= 2 - a * x;
	return x;
}

static uint64_t
unxs29(uint64_t y)
{
	uint64_t x = y;

	for (int i = 0; i < 3; i++)
		x = y ^ x >> 29;
	return x;
}

static uint64_t
load_le(const unsigned char *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/* The old hash_bytes(), as it was. */
static uint64_t
old_hash(const unsigned char *p, size_t len)
{
	uint64_t h = K ^ (len * C1), v;

	for (; len >= 8; p += 8, len -= 8) {
		v = load_le(p, 8);
		h = (h ^ v) * K;
		h ^= h >> 29;
	}
	v = load_le(p, len);
	h = (h ^ v) * K;
	h ^= h >> 33;
	h *= C1;
	h ^= h >> 33;
	h *= C2;
	h ^= h >> 33;
	return h;
}

static int
printable(uint64_t v)
{
	for (int i = 0; i < 8; i++, v >>= 8) {
		unsigned c = v & 0xff;

		if (c == 0 || c > 0x7e || c == '"' || c == '\n' ||
		    c == '\r')
			return 0;
	}
	return 1;
}

/* xorshift64*: the high bits of F. */
static uint64_t
next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

int
main(int argc, char **argv)
{
	int nul = 0, bits = 24, c;
	uint64_t kinv = inverse(K), c1inv = inverse(C1), c2inv = inverse(C2);
	uint64_t rng = 0x123456789abcdefULL, n;
	const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789";

	while ((c = getopt(argc, argv, "zb:")) != -1) {
		switch (c) {
		case 'z': nul = 1; break;
		case 'b': bits = atoi(optarg); break;
		default: goto usage;
		}
	}
	if (optind != argc - 1 || bits < 1 || bits > 32)
		goto usage;
	n = strtoull(argv[optind], NULL, 10);

	for (uint64_t i = 0; i < n; i++) {
		unsigned char id[17];
		uint64_t v1 = 0, x = i, h0, h1, h2, f, v2;

		/* v1: "X" and seven base-62 digits of i. */
		id[0] = 'X';
		for (int d = 1; d < 8; d++, x /= 62)
			id[d] = (unsigned char)digits[x % 62];
		v1 = load_le(id, 8);
		h0 = K ^ ((uint64_t)(nul ? 17 : 16) * C1);
		h1 = (h0 ^ v1) * K;
		h1 ^= h1 >> 29;
		do {
			f = next(&rng) >> bits << bits;
			f ^= f >> 33;
			f *= c2inv;
			f ^= f >> 33;
			f *= c1inv;
			f ^= f >> 33;		/* h3 */
			h2 = f * kinv;
			v2 = (unxs29(h2) * kinv) ^ h1;
		} while (!printable(v2));
		for (int b = 0; b < 8; b++)
			id[8 + b] = (unsigned char)(v2 >> (8 * b));
		id[16] = 0;
		/* Check: the old hash has the low bits zero. */
		if (old_hash(id, nul ? 17 : 16) & ((1ULL << bits) - 1)) {
			fprintf(stderr, "hashflood: internal error at %llu\n",
			    (unsigned long long)i);
			return 70;
		}
		printf("\"%.16s\"\n", (const char *)id);
	}
	return ferror(stdout) || fflush(stdout) ? 74 : 0;
usage:
	fprintf(stderr, "usage: hashflood [-z] [-b BITS] N\n");
	return 64;
}
