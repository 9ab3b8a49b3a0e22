/* See LICENSE file for copyright and license details. */
#include <string.h>

#include "date.h"
#include "units.h"

static const struct unit units[] = {
	{ "hours", MS_PER_DAY / 24.0, 1.0 / 24, UNITS_DURATION },
	{ "days", MS_PER_DAY, 1, UNITS_DURATION | UNITS_BTYD },
	{ "weeks", 7.0 * MS_PER_DAY, 7, UNITS_DURATION | UNITS_BTYD },
	{ "months", 365.2425 / 12 * MS_PER_DAY, 365.2425 / 12, UNITS_BTYD },
};

const struct unit *
unit_find(const char *name, unsigned kinds)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		const char *u = units[i].name;

		if (!(units[i].kinds & kinds))
			continue;
		/* "days", or "day": the name without its final 's'. */
		if (strcmp(name, u) == 0 ||
		    (len + 1 == strlen(u) && strncmp(name, u, len) == 0))
			return &units[i];
	}
	return NULL;
}
