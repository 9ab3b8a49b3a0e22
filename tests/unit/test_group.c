/* See LICENSE file for copyright and license details. */
/* Unit tests of lib/group.c: lookup, growth, sorted order, the output
** order of integer key parts, merge, and a grouping's key written and read
** back (--partial, --merge). */
#include <stdlib.h>
#include <string.h>

#include "../../lib/date.h"
#include "../../lib/group.h"
#include "check.h"

struct count {
	long n;
};

static void
add(void *ctx, void *into, const void *from)
{
	(void)ctx;
	((struct count *)into)->n += ((const struct count *)from)->n;
}

/* The key of the parts A and B. */
static const struct strbuf *
key2(struct strbuf *k, const char *a, const char *b)
{
	sb_reset(k);
	key_add(k, a, strlen(a));
	if (b != NULL)
		key_add(k, b, strlen(b));
	return k;
}

/* The first data row of the CSV TEXT, with its reader in *R. */
static const struct row *
first_row(struct reader **r, const char *text)
{
	const struct row *row = NULL;

	*r = rd_open_mem("t", text, strlen(text), NULL);
	if (!rd_failed(*r) && rd_next(*r, &row) <= 0)
		row = NULL;
	return row;
}

/*
** --by channel --period quarter: the key grouping_key() makes of a leads
** row equals the one grouping_key_read() makes of the written columns,
** and the header of those columns is checked column by column.
*/
static void
key_round_trip(void)
{
	char *by[] = { "channel" };
	struct grouping_opts o = { .by = by, .nby = 1,
	    .period = PERIOD_QUARTER, .fy_start = 1 };
	struct grouping g;
	struct strbuf made = {0};
	const struct strbuf *read;
	const struct row *row;
	struct reader *r;

	grouping_init(&g, &o);
	check_int("two key columns", (long long)grouping_width(&g), 2);
	row = first_row(&r, "id,channel\nL1,ads\n");
	check_int("bind --by", grouping_bind(&g, r, NULL), 0);
	/* 2024-02-10T00:00:00Z, in 2024-Q1 */
	read = grouping_key(&g, row, 1707523200000LL);
	sb_add(&made, read->s, read->len);
	rd_close(r);

	row = first_row(&r, "part,channel,period\ngroup,ads,2024-Q1\n");
	check_int("header of the key columns", grouping_check_header(&g, r,
	    rd_header(r), 1), 0);
	read = grouping_key_read(&g, row, 1);
	check_result(read->len == made.len &&
	    memcmp(read->s, made.s, made.len) == 0, "key read back", "");
	rd_close(r);

	row = first_row(&r, "part,segment,period\ngroup,smb,2024-Q1\n");
	check_int("another --by column", grouping_check_header(&g, r,
	    rd_header(r), 1), -1);
	check_str("its message", rd_error(r),
	    "t:1: column 2 is 'segment', not the --by column 'channel'");
	rd_close(r);
	row = first_row(&r, "part,channel\ngroup,ads\n");
	check_int("no period column", grouping_check_header(&g, r,
	    rd_header(r), 1), -1);
	check_str("its message", rd_error(r),
	    "t:1: column 3 is '', not the --period column 'period'");
	rd_close(r);
	grouping_free(&g);
	sb_free(&made);
}

/* The output order of one-part keys KEYS (N of them, NNUM parts that may
** be integers), as "a;b;...". */
static char *
ordered(const char **keys, size_t n, size_t first, size_t nnum)
{
	struct group_table *t = gt_new(0);
	struct strbuf got = {0};
	struct group **v;

	for (size_t i = 0; i < n; i++)
		gt_get(t, keys[i], strlen(keys[i]) + 1, NULL);
	v = gt_sorted(t);
	groups_order(v, n, first, nnum);
	for (size_t i = 0; i < n; i++)
		sb_printf(&got, "%s;", v[i]->key);
	free(v);
	gt_free(t, NULL);
	return got.s;
}

/* Integers sort as numbers, exact at any length; anything else (a leading
** zero, "-0", "+1", an empty value) keeps the column in byte order. */
static void
output_order(void)
{
	const char *ints[] = { "1178", "916", "-3", "20", "0", "-1000",
	    "99999999999999999999", "100000000000000000000", "-99", "-100" };
	const char *zero[] = { "7", "007", "10" };
	const char *negzero[] = { "1", "-0", "2" };
	const char *plus[] = { "10", "+1", "9" };
	const char *empty[] = { "10", "", "9" };
	const char *minus[] = { "10", "-", "9" };
	char *s;

	check_str("integers in number order", s = ordered(ints, 10, 0, 1),
	    "-1000;-100;-99;-3;0;20;916;1178;99999999999999999999;"
	    "100000000000000000000;");
	free(s);
	check_str("not an integer part: bytes", s = ordered(ints, 10, 1, 1),
	    "-100;-1000;-3;-99;0;100000000000000000000;1178;20;916;"
	    "99999999999999999999;");
	free(s);
	check_str("leading zero: bytes", s = ordered(zero, 3, 0, 1),
	    "007;10;7;");
	free(s);
	check_str("-0: bytes", s = ordered(negzero, 3, 0, 1), "-0;1;2;");
	free(s);
	check_str("+1: bytes", s = ordered(plus, 3, 0, 1), "+1;10;9;");
	free(s);
	check_str("empty: bytes", s = ordered(empty, 3, 0, 1), ";10;9;");
	free(s);
	check_str("'-' alone: bytes", s = ordered(minus, 3, 0, 1), "-;10;9;");
	free(s);

	/* Period first, then ids (cac, roi): one sort from the table gives
	 * what two do; ids past 18 digits and equal hints still order. */
	const char *two[][2] = {
		{ "2024-Q2", "-3" }, { "2024-Q1", "1178" }, { "2024-Q1", "916" },
		{ "2024-Q1", "-12345678901234567890" }, { "2024-Q1", "-3" },
		{ "2024-Q1", "-12345678901234567891" }, { "2024-Q10", "1" },
	};
	const char *want = "2024-Q1|-12345678901234567891;"
	    "2024-Q1|-12345678901234567890;2024-Q1|-3;2024-Q1|916;"
	    "2024-Q1|1178;2024-Q10|1;2024-Q2|-3;";
	struct group_table *t = gt_new(0);
	struct strbuf k = {0}, a = {0}, b = {0};
	struct group **v, **w;
	size_t n = sizeof two / sizeof two[0];

	for (size_t i = 0; i < n; i++) {
		key2(&k, two[i][0], two[i][1]);
		gt_get(t, k.s, k.len, NULL);
	}
	v = gt_ordered(t, 1, 1);
	w = gt_sorted(t);
	groups_order(w, n, 1, 1);
	for (size_t i = 0; i < n; i++) {
		sb_printf(&a, "%s|%s;", v[i]->key, v[i]->key + strlen(v[i]->key) + 1);
		sb_printf(&b, "%s|%s;", w[i]->key, w[i]->key + strlen(w[i]->key) + 1);
	}
	check_str("period, then ids as numbers", a.s, want);
	check_str("gt_ordered as gt_sorted, groups_order", b.s, want);
	free(v);
	free(w);
	gt_free(t, NULL);
	sb_free(&k);
	sb_free(&a);
	sb_free(&b);
}

int
main(void)
{
	struct group_table *t = gt_new(sizeof(struct count)), *u;
	struct strbuf k = {0};
	struct group **v;
	int created;
	char buf[32];

	/* 5000 keys force the table to grow several times. */
	for (int i = 0; i < 5000; i++) {
		snprintf(buf, sizeof buf, "k%d", i % 2500);
		key2(&k, buf, NULL);
		((struct count *)gt_get(t, k.s, k.len, NULL)->state)->n++;
	}
	check_int("groups after growth", (long long)gt_count(t), 2500);
	key2(&k, "k1234", NULL);
	check_int("each key counted twice",
	    ((struct count *)gt_get(t, k.s, k.len, &created)->state)->n, 2);
	check_int("existing key not created", created, 0);
	gt_free(t, NULL);

	/* Order: by the first part, then the second; a prefix sorts first;
	 * bytes, not locale ("B" < "a", "é" after "z"). */
	t = gt_new(sizeof(struct count));
	const char *keys[][2] = {
		{ "web", "2024-Q2" }, { "ads", "2024-Q1" }, { "web", "2024-Q1" },
		{ "ad", "2024-Q3" }, { "a", "x" }, { "", "2024-Q1" },
		{ "B", "1" }, { "\xc3\xa9t\xc3\xa9", "1" }, { "z", "1" },
	};
	const char *order = "|2024-Q1;B|1;a|x;ad|2024-Q3;ads|2024-Q1;"
	    "web|2024-Q1;web|2024-Q2;z|1;\xc3\xa9t\xc3\xa9|1;";
	struct strbuf got = {0};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		key2(&k, keys[i][0], keys[i][1]);
		gt_get(t, k.s, k.len, &created);
		check_int("new key created", created, 1);
	}
	v = gt_sorted(t);
	for (size_t i = 0; i < gt_count(t); i++) {
		const char *end = v[i]->key + v[i]->keylen;

		sb_printf(&got, "%s|%s;", v[i]->key, key_next(v[i]->key, end));
		check_result(key_next(key_next(v[i]->key, end), end) == NULL,
		    "two parts", "");
	}
	check_str("sorted order", got.s, order);
	free(v);

	/* Merge: counts add, new groups appear, the source is unchanged. */
	u = gt_new(sizeof(struct count));
	key2(&k, "web", "2024-Q1");
	((struct count *)gt_get(u, k.s, k.len, NULL)->state)->n = 5;
	key2(&k, "new", "2024-Q1");
	((struct count *)gt_get(u, k.s, k.len, NULL)->state)->n = 7;
	key2(&k, "web", "2024-Q1");
	((struct count *)gt_get(t, k.s, k.len, NULL)->state)->n = 1;
	gt_merge(t, u, add, NULL);
	check_int("merged groups", (long long)gt_count(t), 10);
	check_int("merged count", ((struct count *)gt_get(t, k.s, k.len, NULL)->state)->n, 6);
	key2(&k, "new", "2024-Q1");
	check_int("merged new group", ((struct count *)gt_get(t, k.s, k.len, NULL)->state)->n, 7);
	check_int("source unchanged", (long long)gt_count(u), 2);
	gt_free(t, NULL);
	gt_free(u, NULL);
	sb_free(&k);
	sb_free(&got);
	key_round_trip();
	output_order();
	return finish();
}
