/* See LICENSE file for copyright and license details. */
/*
** clv-gen: a seeded generator of customers who behave as the BG/NBD and
** Gamma-Gamma models say, for clv's benchmark. Not installed.
**
**   clv-gen orders|summary [--customers N] [--seed S] [--continuous]
**
** Each customer's first purchase falls on a day of 1997 (uniform); while
** active, purchases come at rate lambda ~ Gamma(r, alpha) per week, and
** after each one the customer drops out with probability p ~ Beta(a, b)
** (the CDNOW fit: r 0.243, alpha 4.41, a 0.793, b 2.43). Each purchase's
** value is Gamma(6.25, nu), nu ~ Gamma(3.74, 15.44) per customer (the
** CDNOW Gamma-Gamma fit). Observation ends 1998-06-30.
**
** "orders" writes customer_id,date,amount (purchases on one day merge, as
** clv counts them); "summary" writes customer_id,frequency,recency,T,
** monetary_value in weeks, from whole days, or with --continuous from the
** exact simulated times (then no two customers share a summary, the fit's
** worst case). Deterministic for a seed.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

/* splitmix64 (Steele, Lea and Flood), uniform in (0, 1). */
static double
uniform(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return ((double)(z >> 11) + 0.5) * 0x1.0p-53;
}

static double
normal(void)
{
	return sqrt(-2 * log(uniform())) * cos(2 * M_PI * uniform());
}

/* Gamma(shape, 1) by Marsaglia and Tsang's method (boosted below 1). */
static double
gamma1(double shape)
{
	double d, c;

	if (shape < 1)
		return gamma1(shape + 1) * pow(uniform(), 1 / shape);
	d = shape - 1.0 / 3;
	c = 1 / sqrt(9 * d);
	for (;;) {
		double x = normal(), v = 1 + c * x, u;

		if (v <= 0)
			continue;
		v = v * v * v;
		u = uniform();
		if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
			return d * v;
	}
}

static void
usage(void)
{
	fputs("usage: clv-gen orders|summary [--customers N] [--seed S] "
	    "[--continuous]\n", stderr);
	exit(64);
}

/* Days from 1970-01-01 to 1997-01-01 and to 1998-06-30. */
#define DAY_1997 9862
#define DAY_END 10407

static void
print_date(long day)
{
	/* Civil from days (Hinnant's algorithm). */
	long z = day + 719468, era = z / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;

	printf("%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

int
main(int argc, char *argv[])
{
	long customers = 1000000;
	int orders, continuous = 0;

	state = 1;
	if (argc < 2)
		usage();
	orders = strcmp(argv[1], "orders") == 0;
	if (!orders && strcmp(argv[1], "summary") != 0)
		usage();
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--customers") == 0 && i + 1 < argc)
			customers = atol(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			state = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--continuous") == 0)
			continuous = 1;
		else
			usage();
	}
	puts(orders ? "customer_id,date,amount" :
	    "customer_id,frequency,recency,T,monetary_value");
	for (long c = 0; c < customers; c++) {
		long first = DAY_1997 + (long)(uniform() * 365), last_day = first;
		double lambda = gamma1(0.243) / 4.41 / 7;          /* per day */
		double ga = gamma1(0.793), gb = gamma1(2.43), p = ga / (ga + gb);
		double nu = gamma1(3.74) / 15.44, t = first, last = first;
		double spend = 0, value = gamma1(6.25) / nu;
		long x = 0;

		if (orders) {
			printf("C%07ld,", c);
			print_date(first);
			printf(",%.2f\n", value);
		}
		for (;;) {
			long day;

			if (lambda <= 0)
				break;
			t += -log(uniform()) / lambda;
			if (t >= DAY_END + 1)
				break;
			day = (long)t;
			value = gamma1(6.25) / nu;
			if (orders) {
				printf("C%07ld,", c);
				print_date(day);
				printf(",%.2f\n", value);
			}
			if (day != last_day || continuous) {
				x++;
				spend += value;
				last = t;
				last_day = day;
			} else if (x > 0) {
				spend += value;
			}
			if (uniform() < p)
				break;
		}
		if (!orders)
			printf("C%07ld,%ld,%.9g,%.9g,%.2f\n", c, x,
			    continuous ? (last - first) / 7 : (double)(last_day - first) / 7,
			    continuous ? (DAY_END + 1.0 - first) / 7 : (double)(DAY_END - first) / 7,
			    x ? spend / (double)x : 0);
	}
	return ferror(stdout) || fclose(stdout) ? 74 : 0;
}
