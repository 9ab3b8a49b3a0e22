/* See LICENSE file for copyright and license details. */
/*
** Unit tests of lib/spend.c: the join of spend and customers per period
** and channel, its edges (spend without customers, customers without
** spend, zero spend, period bounds, fiscal years, whole months), the
** exactness of its sums and merge, and its messages for bad rows.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/spend.h"
#include "../../lib/util.h"
#include "check.h"

enum { OPT_SPEND = OPT_TOOL, OPT_SPEND_COL };

static const struct tool_option options[] = {
	{ "spend", "FILE", OPT_SPEND | OPT_REPEAT, "" },
	{ "spend-col", "ROLE=HEADER", OPT_SPEND_COL | OPT_REPEAT, "" },
	{ 0 }
};

static void
handle(void *ctx, int key, const char *arg)
{
	struct spend_opts *so = ctx;

	if (key == OPT_SPEND)
		spend_opts_option(so, SPEND_OPT_FILE, arg);
	else
		spend_opts_add_col(so, arg);
}

static const struct tool_spec spec = {
	"", "", OPTS_STAGE_LIST | OPTS_TOTAL | OPTS_DEDUP, options, handle,
	"leads",
};

static const char spend_csv[] =
    "date,channel,kind,amount,currency\n"
    "2024-01-31,paid_search,marketing,100,USD\n"
    "2024-02-01,paid_search,marketing,200,USD\n"
    "2024-02-01,paid_search,marketing,50.5,USD\n"
    "2024-02-15,paid_search,sales,300,USD\n"
    "2024-03-31,paid_search,,49.5,USD\n"
    "2024-04-01,paid_search,Marketing,400,usd\n"
    "2024-04-01,paid_search,SALES,100,USD\n"
    "2024-03-15,events,marketing,1000,USD\n"
    "2024-03-10,email,marketing,0,USD\n"
    "2024-05-10,email,marketing,0,USD\n";

static const char leads_csv[] =
    "id,channel,created_at,mql_at,sql_at,opportunity_at,customer_at,"
    "lost_at,amount,mrr\n"
    "1,paid_search,2024-01-05,2024-01-06,,,2024-01-20T10:00:00Z,,1200,100\n"
    "2,paid_search,2024-01-10,,,,2024-03-31T23:59:59Z,,2400,200\n"
    "3,paid_search,2024-02-01,,,2024-03-01,2024-04-01T00:00:00Z,,600,50\n"
    "4,paid_search,2024-02-01,,,,2024-04-01T01:00:00+02:00,,1800,150\n"
    "5,paid_search,2024-02-15,2024-02-20,,,,2024-03-01,,\n"
    "6,referral,2024-01-02,,,,2024-02-10,,3000,250\n"
    "7,referral,2024-03-01,,,,2024-05-05,,1500,125\n"
    "8,email,2024-03-01,,,,2024-03-20,,900,75\n"
    "1,paid_search,2024-01-05,,,,2024-05-20,,9999,999\n"
    "10,events,2024-03-01,2024-03-02,,,,,,\n";

/* The options of ARGV (NULL-terminated, without the program name). */
static void
parse(struct kpi_opts *o, struct spend_opts *so, const char **argv)
{
	char *args[32] = { "test_spend" };
	int argc = 1;

	while (*argv != NULL)
		args[argc++] = (char *)*argv++;
	args[argc] = NULL;
	memset(so, 0, sizeof *so);
	optind = 0;    /* glibc: start afresh */
	opts_parse(o, &spec, so, argc, args);
}

/*
** Read TEXT as a table named NAME into J, bound by BIND, rows added by
** ADD. Returns NULL, or the reader's error message (a static copy).
*/
static const char *
load(struct spend_join *j, const char *name, const char *text,
    int (*bind)(struct spend_join *, struct reader *, unsigned char *),
    int (*add)(struct spend_join *, struct reader *, const struct row *))
{
	static char err[512];
	struct reader *r = rd_open_mem(name, text, strlen(text), &j->o->rd);
	const struct row *row;
	int rc = 0;

	if (!rd_failed(r) && bind(j, r, NULL) == 0)
		while ((rc = rd_next(r, &row)) > 0)
			add(j, r, row);
	err[0] = '\0';
	if (rd_failed(r))
		snprintf(err, sizeof err, "%s", rd_error(r));
	rd_close(r);
	return err[0] ? err : NULL;
}

static const char *
load_spend(struct spend_join *j, const char *text)
{
	return load(j, "spend.csv", text, sj_bind_spend, sj_add_spend);
}

static const char *
load_leads(struct spend_join *j, const char *text)
{
	return load(j, "leads.csv", text, sj_bind_leads, sj_add_lead);
}

/*
** The cells of J as text: "KEY=MARKETING/SALES/CUSTOMERS/VALUE;" with
** the key's parts joined by '|' and money in micros.
*/
static char *
dump(const struct spend_join *j)
{
	struct strbuf sb = {0};
	size_t n;
	struct group **v = sj_cells(j, &n);

	for (size_t i = 0; i < n; i++) {
		const struct spend_cell *c = v[i]->state;

		for (size_t k = 0; k + 1 < v[i]->keylen; k++)
			sb_addc(&sb, v[i]->key[k] ? v[i]->key[k] : '|');
		sb_printf(&sb, "=%lld/%lld/%llu/%lld;",
		    (long long)c->spend[SPEND_MARKETING],
		    (long long)c->spend[SPEND_SALES],
		    (unsigned long long)c->customers, (long long)c->value);
	}
	free(v);
	sb_addc(&sb, '\0');
	return sb.s;
}

/* The join of the fixture's two tables under the options ARGV. */
static char *
join_fixture(const char **argv, const struct role *value)
{
	struct kpi_opts o;
	struct spend_opts so;
	struct spend_join j;
	const char *e1, *e2;
	char *s;

	parse(&o, &so, argv);
	sj_init(&j, &o, &so, value);
	e1 = load_spend(&j, spend_csv);
	e2 = load_leads(&j, leads_csv);
	s = dump(&j);
	if (e1 != NULL || e2 != NULL)
		printf("  unexpected error: %s\n", e1 ? e1 : e2);
	sj_free(&j);
	spend_opts_free(&so);
	opts_free(&o);
	return s;
}

/* The error of loading SPEND and then LEADS under the options ARGV. */
static void
fails(const char *name, const char **argv, const struct role *value,
    const char *spend, const char *leads, const char *want)
{
	struct kpi_opts o;
	struct spend_opts so;
	struct spend_join j;
	const char *err;

	parse(&o, &so, argv);
	sj_init(&j, &o, &so, value);
	err = load_spend(&j, spend);
	if (err == NULL && leads != NULL)
		err = load_leads(&j, leads);
	check_str(name, err, want);
	sj_free(&j);
	spend_opts_free(&so);
	opts_free(&o);
}

/* Reverse the data lines of TEXT (the header stays first). */
static char *
reversed(const char *text)
{
	const char *body = strchr(text, '\n') + 1, *end = text + strlen(text);
	struct strbuf sb = {0};

	sb_add(&sb, text, (size_t)(body - text));
	while (end > body) {
		const char *line = end - 1;

		while (line > body && line[-1] != '\n')
			line--;
		sb_add(&sb, line, (size_t)(end - line));
		end = line;
	}
	return sb.s;
}

static void
test_join(void)
{
	static const struct role mrr = { "mrr", "mrr", 1 };
	const char *by_channel[] = { "--spend", "s", "--by", "channel", NULL };
	const char *blended[] = { "--spend", "s", NULL };
	const char *fiscal[] = { "--spend", "s", "--by", "channel",
	    "--fiscal-year-start", "feb", NULL };
	const char *monthly[] = { "--spend", "s", "--period", "month", NULL };
	const char *no_dedup[] = { "--spend", "s", "--no-dedup", NULL };
	char *s;

	/*
	 * Quarters: paid_search spends 400 marketing (100 + 200 + 50.5 + an
	 * empty kind's 49.5) and 300 sales in Q1 and wins leads 1, 2 (at
	 * 23:59:59 on March 31) and 4 (01:00+02:00 on April 1 is March 31
	 * in UTC); lead 3 at midnight April 1 is Q2. Lead 1's second row is
	 * a repeat, left out. events spends and wins nothing; email spends 0
	 * and wins lead 8; referral spends nothing and wins leads 6 and 7.
	 */
	s = join_fixture(by_channel, &mrr);
	check_str("join by channel, quarters", s,
	    "2024-Q1|email=0/0/1/75000000;"
	    "2024-Q1|events=1000000000/0/0/0;"
	    "2024-Q1|paid_search=400000000/300000000/3/450000000;"
	    "2024-Q1|referral=0/0/1/250000000;"
	    "2024-Q2|email=0/0/0/0;"
	    "2024-Q2|paid_search=400000000/100000000/1/50000000;"
	    "2024-Q2|referral=0/0/1/125000000;");
	free(s);

	/* Without a money column nothing is read from mrr. */
	s = join_fixture(blended, NULL);
	check_str("join blended, no value", s,
	    "2024-Q1=1400000000/300000000/5/0;"
	    "2024-Q2=400000000/100000000/2/0;");
	free(s);

	/*
	 * A fiscal year from February, named by the year it ends in:
	 * January 2024 is the last quarter of FY2024, February to April
	 * 2024 the first of FY2025, May the second.
	 */
	s = join_fixture(fiscal, NULL);
	check_str("join fiscal year from February", s,
	    "2024-Q4|paid_search=100000000/0/1/0;"
	    "2025-Q1|email=0/0/1/0;"
	    "2025-Q1|events=1000000000/0/0/0;"
	    "2025-Q1|paid_search=700000000/400000000/3/0;"
	    "2025-Q1|referral=0/0/1/0;"
	    "2025-Q2|email=0/0/0/0;"
	    "2025-Q2|referral=0/0/1/0;");
	free(s);

	s = join_fixture(monthly, NULL);
	check_str("join by month", s,
	    "2024-01=100000000/0/1/0;"
	    "2024-02=250500000/300000000/1/0;"
	    "2024-03=1049500000/0/3/0;"
	    "2024-04=400000000/100000000/1/0;"
	    "2024-05=0/0/1/0;");
	free(s);

	/* --no-dedup counts lead 1's repeat, a customer in May. */
	s = join_fixture(no_dedup, NULL);
	check_str("join without dedup", s,
	    "2024-Q1=1400000000/300000000/5/0;"
	    "2024-Q2=400000000/100000000/3/0;");
	free(s);
}

/* Rows in any order, or split in two joins merged, give the same cells. */
/* gt_merge()'s shape for sj_cell_merge(). */
static void
cell_merge(void *ctx, void *into, const void *from)
{
	(void)ctx;
	sj_cell_merge(into, from);
}

static void
test_exact(void)
{
	const char *argv[] = { "--spend", "s", "--by", "channel", NULL };
	struct kpi_opts o;
	struct spend_opts so;
	struct spend_join whole, back, a, b;
	struct strbuf first = {0}, second = {0};
	const char *split = strchr(strchr(strchr(spend_csv, '\n') + 1, '\n') + 1,
	    '\n') + 1;
	const char *header_end = strchr(spend_csv, '\n') + 1;
	char *rev = reversed(spend_csv), *s1, *s2;
	struct spend_cell total;

	parse(&o, &so, argv);
	sj_init(&whole, &o, &so, NULL);
	sj_init(&back, &o, &so, NULL);
	sj_init(&a, &o, &so, NULL);
	sj_init(&b, &o, &so, NULL);
	load_spend(&whole, spend_csv);
	load_spend(&back, rev);
	sb_add(&first, spend_csv, (size_t)(split - spend_csv));
	sb_add(&second, spend_csv, (size_t)(header_end - spend_csv));
	sb_adds(&second, split);
	load_spend(&a, first.s);
	load_spend(&b, second.s);
	gt_merge(a.cells, b.cells, cell_merge, NULL);

	s1 = dump(&whole);
	s2 = dump(&back);
	check_str("spend rows reversed give the same cells", s2, s1);
	free(s2);
	s2 = dump(&a);
	check_str("two halves merged give the same cells", s2, s1);
	free(s1);
	free(s2);
	sj_total(&whole, &total);
	check_int("total marketing", total.spend[SPEND_MARKETING], 1800000000);
	check_int("total sales", total.spend[SPEND_SALES], 400000000);

	sj_free(&whole);
	sj_free(&back);
	sj_free(&a);
	sj_free(&b);
	sb_free(&first);
	sb_free(&second);
	free(rev);
	spend_opts_free(&so);
	opts_free(&o);
}

static void
test_months(void)
{
	const char *quarter[] = { "--spend", "s", NULL };
	const char *week[] = { "--spend", "s", "--period", "week", NULL };
	const char *text = "date,amount\n2024-03,10\n2024-04,20\n2024-04-02,1\n";
	struct kpi_opts o;
	struct spend_opts so;
	struct spend_join j;
	char *s;

	parse(&o, &so, quarter);
	sj_init(&j, &o, &so, NULL);
	check_str("whole months load", load_spend(&j, text), NULL);
	s = dump(&j);
	check_str("a whole month falls in its quarter", s,
	    "2024-Q1=10000000/0/0/0;2024-Q2=21000000/0/0/0;");
	free(s);
	sj_free(&j);
	spend_opts_free(&so);
	opts_free(&o);

	fails("a whole month cannot be cut into weeks", week, NULL, text, NULL,
	    "spend.csv:2: column 'date': '2024-03' is a whole month's spend, "
	    "which --period week cannot split; use month, quarter or year");
	fails("month 13", quarter, NULL, "date,amount\n2024-13,1\n", NULL,
	    "spend.csv:2: column 'date': '2024-13': no such month");
}

static void
test_errors(void)
{
	static const struct role amount = { "amount", "amount", 1 };
	const char *plain[] = { "--spend", "s", NULL };
	const char *mapped[] = { "--spend", "s", "--spend-col", "amount=Cost",
	    "--spend-col", "date=Day", NULL };

	fails("an unknown kind", plain, NULL,
	    "date,amount,kind\n2024-01-01,1,marketing\n2024-01-02,1,ads\n",
	    NULL, "spend.csv:3: column 'kind': 'ads' is not a kind of spend: "
	    "marketing or sales (empty means marketing)");
	fails("two currencies in the spend", plain, NULL,
	    "date,amount,currency\n2024-01-01,1,USD\n2024-01-02,1,EUR\n",
	    NULL, "spend.csv:3: column 'currency': 'EUR', but spend.csv:2 "
	    "has 'USD': amounts in two currencies cannot be added");
	fails("the leads' currency against the spend's", plain, &amount,
	    "date,amount,currency\n2024-01-01,1,USD\n",
	    "created_at,mql_at,sql_at,opportunity_at,customer_at,amount,"
	    "currency\n2024-01-01,,,,2024-01-02,5,EUR\n",
	    "leads.csv:2: column 'currency': 'EUR', but spend.csv:2 has "
	    "'USD': amounts in two currencies cannot be added");
	fails("a non-customer's currency is not read", plain, &amount,
	    "date,amount,currency\n2024-01-01,1,USD\n",
	    "created_at,mql_at,sql_at,opportunity_at,customer_at,amount,"
	    "currency\n2024-01-01,,,,,,EUR\n", NULL);
	fails("an empty currency", plain, NULL,
	    "date,amount,currency\n2024-01-01,1,\n", NULL,
	    "spend.csv:2: column 'currency': empty; with a currency column, "
	    "every amount needs its currency");
	fails("a negative amount", plain, NULL,
	    "date,amount\n2024-01-01,-5\n", NULL,
	    "spend.csv:2: column 'amount': '-5': a negative amount");
	fails("an amount with a currency sign", plain, NULL,
	    "date,amount\n2024-01-01,\"$1,200\"\n", NULL,
	    "spend.csv:2: column 'amount': '$1,200': not a number");
	fails("an empty amount", plain, NULL, "date,amount\n2024-01-01,\n",
	    NULL, "spend.csv:2: column 'amount': empty; every spend row needs "
	    "an amount");
	fails("an empty date", plain, NULL, "date,amount\n,1\n", NULL,
	    "spend.csv:2: column 'date': empty; every spend row needs a date");
	fails("a customer without its value", plain, &amount,
	    "date,amount\n",
	    "created_at,mql_at,sql_at,opportunity_at,customer_at,amount\n"
	    "2024-01-01,,,,,\n2024-01-01,,,,2024-02-01,\n",
	    "leads.csv:3: column 'amount': empty, but the lead is a customer "
	    "and needs its amount");
	fails("mapped headers name the mapped column", mapped, NULL,
	    "Day,Cost\n2024-01-01,x\n", NULL,
	    "spend.csv:2: column 'Cost': 'x': not a number");
	fails("a missing spend column says --spend-col", plain, NULL,
	    "day,amount\n2024-01-01,1\n", NULL,
	    "spend.csv:1: no column 'date' (role date; map another with "
	    "--spend-col date=HEADER); the header has: day, amount");
	fails("a cell's sum out of range", plain, NULL,
	    "date,amount\n2024-01-01,5e12\n2024-01-02,5e12\n", NULL,
	    "spend.csv:3: column 'amount': the sum of the spend of its period "
	    "is out of range");
}

int
main(void)
{
	test_join();
	test_exact();
	test_months();
	test_errors();
	return finish();
}
