/* See LICENSE file for copyright and license details. */
#include <math.h>
#include <string.h>

#include "num.h"
#include "sla.h"
#include "stats.h"

const char *
sla_parse_duration(const char *s, int64_t *ms)
{
	static const struct { char suffix; double ms; } units[] = {
		{ 'm', 60e3 }, { 'h', 3600e3 }, { 'd', 86400e3 },
		{ 'w', 7 * 86400e3 },
	};
	size_t len = strlen(s);
	double x, unit = 0;

	for (size_t i = 0; len > 0 && i < sizeof units / sizeof units[0]; i++)
		if (s[len - 1] == units[i].suffix)
			unit = units[i].ms;
	if (unit == 0)
		return "not a number and a unit: m, h, d or w (24h, 2d, 90m, 1w)";
	if (num_parse(s, len - 1, &x) != NULL)
		return "not a number and a unit: m, h, d or w (24h, 2d, 90m, 1w)";
	x = round(x * unit);
	if (!(x >= 1))
		return "not more than zero";
	if (x > 10000 * 86400e3)
		return "more than 10000 days";
	*ms = (int64_t)x;
	return NULL;
}

void
sla_count(struct sla_counts *c, double sla, const double *handled,
    size_t nhandled, uint64_t nlost, const double *open_ages, size_t nopen,
    double level)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < nhandled; i++) {
		if (handled[i] <= sla)
			c->within++;
		else
			c->breached++;
	}
	c->breached += nlost;
	for (size_t i = 0; i < nopen; i++) {
		if (open_ages[i] <= sla)
			c->pending++;
		else
			c->breached++;
	}
	c->rate = c->within + c->breached ? (double)c->within /
	    (double)(c->within + c->breached) : NAN;
	wilson_interval(c->within, c->within + c->breached, level, &c->lo,
	    &c->hi);
}
