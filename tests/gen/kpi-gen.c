/* See LICENSE file for copyright and license details. */
/*
** kpi-gen: the seeded generator of the fictional company in examples/, and
** of the large files the benchmark reads. Not installed.
**
**   kpi-gen leads [--rows N] [--seed S] [--crlf] [--notes RATE]
**   kpi-gen spend [--seed S] [--crlf]
**   kpi-gen orders [--rows N] [--seed S] [--crlf]
**
** Northwind Analytics sells a B2B SaaS product to small, mid-market and
** enterprise companies through six channels over eight quarters
** (2024-10-01 to 2026-09-30), exported at 2026-10-01T00:00:00Z. The story
** the data tells: paid_social's leads convert worse every quarter (its
** step rates fall to about half), while referral converts best. Some
** leads skip the MQL or opportunity stage (their timestamp is empty),
** most of the ones that stall are marked lost, young leads are still
** open, a few ids are exported twice, and company names carry commas and
** quotes. With --rows the same model scales to any size (the benchmark's
** 1M and 10M rows); --notes RATE adds multi-line quoted notes to that
** share of rows and --crlf writes CRLF line ends.
**
** The spend mode writes the same company's spend table: for every day of
** the eight quarters and every channel, a marketing row (media, content,
** events, referral rewards) and a sales row (the sales team's cost
** allocated to the channel), in USD. It matches the leads' story:
** paid_social's spend grows by 40% over the eight quarters while its
** conversion falls, so that its CAC about doubles from the first fiscal
** year (October to September) to the second; paid_search's spend grows
** with its leads; events spend a large sum on one day in each quarter.
**
** The orders mode writes its order log: the customers of the leads (drawn
** again from the same seed, so --rows and --seed must match the leads')
** buy first at their customer date for the deal's amount, then add-ons
** until they leave, as BG/NBD and Gamma-Gamma picture customers; see
** orders() for the numbers.
**
** Deterministic: the same arguments give the same bytes (xoshiro256**
** seeded through splitmix64, both as their authors publish them).
*/
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state[4];

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
next64(void)
{
	uint64_t *s = rng_state, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static void
seed(uint64_t x)
{
	for (int i = 0; i < 4; i++)
		rng_state[i] = splitmix64(&x);
}

/* Uniform in [0, 1). */
static double
uniform(void)
{
	return (double)(next64() >> 11) * 0x1.0p-53;
}

static int
chance(double p)
{
	return uniform() < p;
}

static double
exponential(double mean)
{
	return -mean * log(1 - uniform());
}

static double
normal(void)
{
	double u = 1 - uniform(), v = uniform();

	return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

static size_t
pick(const double *weights, size_t n)
{
	double total = 0, x;

	for (size_t i = 0; i < n; i++)
		total += weights[i];
	x = uniform() * total;
	for (size_t i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const channels[] = {
	"organic_search", "paid_search", "paid_social", "email", "referral",
	"events",
};
static const double channel_weight[] = { 25, 22, 20, 13, 10, 10 };
enum { PAID_SOCIAL = 2, REFERRAL = 4 };

static const char *const segments[] = { "smb", "mid_market", "enterprise" };
static const double segment_weight[] = { 60, 30, 10 };
static const double segment_deal[] = { 6000, 24000, 95000 };      /* median */
static const double segment_close_days[] = { 25, 45, 90 };

static const char *const adjectives[] = {
	"Blue", "Northern", "Bright", "Silver", "Rapid", "Green", "Urban",
	"Pacific", "Summit", "Harbor", "Golden", "Prime", "Clear", "Open",
	"Atlas", "Cedar", "Iron", "Lumen", "Polar", "Vivid",
};
static const char *const nouns[] = {
	"Logistics", "Health", "Robotics", "Foods", "Analytics", "Energy",
	"Media", "Capital", "Retail", "Systems", "Labs", "Freight", "Studio",
	"Dental", "Legal", "Farms", "Travel", "Security", "Builders", "Apparel",
};
static const char *const suffixes[] = {
	"", "", "", " Inc.", ", Inc.", " LLC", " GmbH", ", Ltd.", " & Co.",
};

static const char *const note_lines[] = {
	"Asked for a demo, budget approved Q3",
	"Call back after the trade show, \"very keen\"",
	"Champion left the company; new contact is procurement",
	"Wants SSO and an on-prem option",
};

/* 2024-10-01T00:00:00Z and the export time 2026-10-01T00:00:00Z. */
static const int64_t start_s = 1727740800;
static const int64_t export_s = 1790812800;

struct options {
	long rows;
	uint64_t seed;
	int crlf;
	double notes;
};

/* The day of T (seconds since the epoch, not before it) as YYYY-MM-DD. */
static void
put_date(int64_t t)
{
	int64_t days = t / 86400;
	/* civil_from_days (H. Hinnant), as in lib/date.c */
	int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1), m = (int)(mp < 10 ? mp + 3 : mp - 9);
	int64_t y = yoe + era * 400 + (m <= 2);

	printf("%04d-%02d-%02d", (int)y, m, d);
}

static void
put_time(int64_t t)
{
	int64_t secs = t % 86400;

	put_date(t);
	printf("T%02d:%02d:%02dZ", (int)(secs / 3600), (int)(secs / 60 % 60),
	    (int)(secs % 60));
}

/* A company name as a CSV field (quoted when it holds a comma or quote). */
static void
make_company(char *buf, size_t size)
{
	const char *adj = adjectives[next64() % NELEM(adjectives)];
	const char *noun = nouns[next64() % NELEM(nouns)];
	const char *suffix = suffixes[next64() % NELEM(suffixes)];

	if (chance(0.03))
		snprintf(buf, size, "\"The \"\"%s\"\" %s%s\"", adj, noun, suffix);
	else if (strchr(suffix, ',') != NULL)
		snprintf(buf, size, "\"%s %s%s\"", adj, noun, suffix);
	else
		snprintf(buf, size, "%s %s%s", adj, noun, suffix);
}

/* A note of two lines as a quoted CSV field, for a share RATE of rows. */
static void
make_notes(char *buf, size_t size, double rate)
{
	char raw[160];
	size_t o = 0;

	buf[0] = '\0';
	if (!chance(rate))
		return;
	snprintf(raw, sizeof raw, "%s\n%s",
	    note_lines[next64() % NELEM(note_lines)],
	    note_lines[next64() % NELEM(note_lines)]);
	buf[o++] = '"';
	for (const char *p = raw; *p != '\0' && o + 3 < size; p++) {
		if (*p == '"')
			buf[o++] = '"';
		buf[o++] = *p;
	}
	buf[o++] = '"';
	buf[o] = '\0';
}

/* Multiplier of every step's probability for CHANNEL at fraction F of
** the eight quarters. */
static double
channel_quality(size_t channel, double f)
{
	static const double base[] = { 1.0, 0.95, 1.15, 0.9, 1.25, 1.1 };

	if (channel == PAID_SOCIAL)
		return base[channel] * (1.0 - 0.22 * f);
	return base[channel];
}

/* One lead of the model, as drawn: the rows leads() prints, the customers
** orders() buys for. */
struct lead {
	long id;
	size_t channel, segment;
	int64_t at[5], lost;           /* created, mql, sql, opp, customer; 0: none */
	double amount;                 /* the deal's value; 0 unless won */
	int dup;                       /* exported twice */
	char company[96], notes[160];
};

/* Draw lead number I. The draws, and their order, are what makes
** examples/leads.csv: change nothing here without remaking it. */
static void
draw_lead(const struct options *o, long i, struct lead *d)
{
	const double step_p[] = { 0.55, 0.45, 0.6, 0.42 };   /* to mql..customer */
	const double step_days[] = { 4, 9, 12 };
	int64_t span = export_s - start_s;
	/* More leads every quarter: density grows linearly by half. */
	double f = sqrt(1 + 3 * uniform()) - 1;
	size_t channel = pick(channel_weight, NELEM(channel_weight));
	size_t segment = pick(segment_weight, NELEM(segment_weight));
	double q = channel_quality(channel, f);
	int64_t created = start_s + (int64_t)(f * (double)(span - 86400 * 2));
	int64_t t = created;
	int reached = 0;

	memset(d->at, 0, sizeof d->at);
	d->id = 100000 + i;
	d->channel = channel;
	d->segment = segment;
	d->at[0] = created;
	d->lost = 0;
	d->amount = 0;
	d->dup = chance(0.0015);
	for (int s = 1; s <= 4; s++) {
		double p = step_p[s - 1] * q;

		if (s == 4 && segment == 2)
			p *= 0.8;
		if (!chance(p > 0.95 ? 0.95 : p))
			break;
		t += (int64_t)(86400 * (s < 4 ? exponential(step_days[s - 1]) :
		    segment_close_days[segment] * exp(0.5 * normal() - 0.125)));
		t += (int64_t)(uniform() * 3600);
		if (t >= export_s)
			break;
		d->at[s] = t;
		reached = s;
	}
	if (reached < 4 && chance(0.78)) {
		d->lost = t + (int64_t)(86400 * exponential(20));
		if (d->lost >= export_s)
			d->lost = 0;
	}
	/* Skipped stages: no MQL date, or no opportunity date. */
	if (reached >= 2 && chance(0.10))
		d->at[1] = 0;
	if (reached >= 4 && chance(0.06))
		d->at[3] = 0;
	if (reached == 4)
		d->amount = round(segment_deal[segment] *
		    exp(0.45 * normal() - 0.1) / 10) * 10;
	make_company(d->company, sizeof d->company);
	make_notes(d->notes, sizeof d->notes, o->notes);
}

static void
leads(const struct options *o)
{
	const char *eol = o->crlf ? "\r\n" : "\n";
	struct lead d;

	printf("id,company,channel,segment,created_at,mql_at,sql_at,"
	    "opportunity_at,customer_at,lost_at,amount,mrr,notes%s", eol);
	for (long i = 0; i < o->rows; i++) {
		draw_lead(o, i, &d);
		/* A lead exported twice comes out as two identical rows. */
		for (int copy = 0; copy <= d.dup; copy++) {
			printf("L%ld,%s,%s,%s,", d.id, d.company,
			    channels[d.channel], segments[d.segment]);
			for (int s = 0; s <= 4; s++) {
				if (d.at[s] != 0)
					put_time(d.at[s]);
				putchar(',');
			}
			if (d.lost != 0)
				put_time(d.lost);
			putchar(',');
			if (d.amount > 0)
				printf("%.2f,%.2f", d.amount,
				    round(d.amount / 12 * 100) / 100);
			else
				putchar(',');
			printf(",%s%s", d.notes, eol);
		}
	}
}

/* A Gamma(K, 1) draw for a whole shape K: the sum of K exponentials. */
static double
gamma_int(int k)
{
	double x = 0;

	for (int i = 0; i < k; i++)
		x += exponential(1);
	return x;
}

static int
by_time(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	for (int i = 0; i < 3; i++)
		if (x[i] != y[i])
			return (x[i] > y[i]) - (x[i] < y[i]);
	return 0;
}

/*
** The order log of the same company: every customer of leads() (drawn
** again, with the same seed, so the two files agree) buys first at its
** customer date, for the deal's amount; then, as BG/NBD and Gamma-Gamma
** model customers, it keeps buying add-ons (seats, modules, services) at
** its own rate, from a gamma distribution with a mean of one order every
** 80 days, and after each repeat order leaves for good with its own
** probability, from a beta distribution with a mean of 1/6. Its add-ons
** are worth a fifth of its deal on average, each one gamma-distributed
** around its own mean. The orders stop at the export time; they come
** sorted by time.
*/
static void
orders(const struct options *o)
{
	const char *eol = o->crlf ? "\r\n" : "\n";
	struct lead d;
	int64_t (*rows)[3] = NULL;     /* time, lead id, amount in cents */
	size_t n = 0, cap = 0;
	for (long i = 0; i < o->rows; i++) {
		draw_lead(o, i, &d);
		if (d.at[4] == 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			if ((rows = realloc(rows, cap * sizeof *rows)) == NULL) {
				fputs("kpi-gen: out of memory\n", stderr);
				exit(71);
			}
		}
		rows[n][0] = d.at[4];
		rows[n][1] = d.id;
		rows[n][2] = (int64_t)llround(d.amount * 100);
		n++;
	}
	/* The add-ons come from their own stream, so that the leads' draws
	** above stay those of leads(). */
	seed(o->seed ^ 0x6f72646572ULL);
	for (size_t c = 0, ncust = n; c < ncust; c++) {
		double rate = gamma_int(2) / (2 * 80.0);           /* per day */
		double leave = 1 - pow(uniform(), 1 / 5.0);         /* Beta(1, 5) */
		double mean = (double)rows[c][2] / 100 * 0.2 *
		    exp(0.4 * normal() - 0.08);
		int64_t t = rows[c][0];

		for (;;) {
			t += (int64_t)(86400 * exponential(1 / rate));
			if (t >= export_s)
				break;
			if (n == cap) {
				cap *= 2;
				if ((rows = realloc(rows, cap * sizeof *rows)) == NULL) {
					fputs("kpi-gen: out of memory\n", stderr);
					exit(71);
				}
			}
			rows[n][0] = t;
			rows[n][1] = rows[c][1];
			rows[n][2] = 100 * (int64_t)fmax(10,
			    round(mean * gamma_int(4) / 4 / 10) * 10);
			n++;
			if (chance(leave))
				break;
		}
	}
	qsort(rows, n, sizeof *rows, by_time);
	printf("order_id,customer_id,date,amount%s", eol);
	for (size_t i = 0; i < n; i++) {
		printf("O%06zu,L%" PRId64 ",", i + 1, rows[i][1]);
		put_time(rows[i][0]);
		printf(",%" PRId64 ".%02" PRId64 "%s", rows[i][2] / 100,
		    rows[i][2] % 100, eol);
	}
	free(rows);
}

/* Each channel's daily marketing and sales spend at the start, USD. */
static const double marketing_base[] = { 180, 650, 420, 90, 60, 40 };
static const double sales_base[] = { 260, 230, 210, 140, 110, 110 };
enum { PAID_SEARCH = 1, EVENTS = 5 };

/* A day's marketing spend of CHANNEL on day DAY of the eight quarters (at
** fraction F of them), WEEKEND or not. */
static double
marketing_spend(size_t channel, long day, double f, int weekend)
{
	double x = marketing_base[channel];

	if (channel == PAID_SOCIAL)
		x *= 1 + 0.4 * f;
	else if (channel == PAID_SEARCH)
		x *= 1 + 0.5 * f;
	else
		x *= 1 + 0.1 * f;
	if (weekend && (channel == PAID_SEARCH || channel == PAID_SOCIAL))
		x *= 0.6;
	x *= exp(0.15 * normal() - 0.01125);   /* mean 1 */
	/* The quarter's conference: 45 days into each quarter of 91ish. */
	if (channel == EVENTS && day % 91 == 45)
		x += 22000 + 4000 * uniform();
	return x;
}

static void
spend(const struct options *o)
{
	const char *eol = o->crlf ? "\r\n" : "\n";
	long days = (long)((export_s - start_s) / 86400);

	printf("date,channel,kind,amount,currency%s", eol);
	for (long day = 0; day < days; day++) {
		int64_t t = start_s + day * 86400;
		double f = (double)day / (double)days;
		/* 1970-01-01 was a Thursday: day 2 of the week from Saturday. */
		int weekend = (t / 86400 + 5) % 7 < 2;

		for (size_t c = 0; c < NELEM(channels); c++) {
			double m = marketing_spend(c, day, f, weekend);
			double s = sales_base[c] * (1 + 0.3 * f) *
			    (1 + 0.05 * normal());

			put_date(t);
			printf(",%s,marketing,%.2f,USD%s", channels[c],
			    round(m * 100) / 100, eol);
			put_date(t);
			printf(",%s,sales,%.2f,USD%s", channels[c],
			    round(s * 100) / 100, eol);
		}
	}
}

static void
usage(void)
{
	fputs("usage: kpi-gen leads [--rows N] [--seed S] [--crlf] "
	    "[--notes RATE]\n"
	    "       kpi-gen spend [--seed S] [--crlf]\n"
	    "       kpi-gen orders [--rows N] [--seed S] [--crlf]\n", stderr);
	exit(64);
}

int
main(int argc, char *argv[])
{
	struct options o = { 3000, 20261001, 0, 0.01 };

	if (argc < 2 || (strcmp(argv[1], "leads") != 0 &&
	    strcmp(argv[1], "spend") != 0 && strcmp(argv[1], "orders") != 0))
		usage();
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--rows") == 0 && i + 1 < argc)
			o.rows = strtol(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			o.seed = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--notes") == 0 && i + 1 < argc)
			o.notes = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--crlf") == 0)
			o.crlf = 1;
		else
			usage();
	}
	seed(o.seed);
	if (strcmp(argv[1], "spend") == 0)
		spend(&o);
	else if (strcmp(argv[1], "orders") == 0)
		orders(&o);
	else
		leads(&o);
	return fflush(stdout) != 0 || ferror(stdout) ? 74 : 0;
}
