/* See LICENSE file for copyright and license details. */
/*
** A few macros for the unit tests of lib/: each check prints "ok NAME" or
** "FAIL NAME: detail" (tests/run.sh counts them); main() returns the number
** of failures, capped at 1 by finish().
*/
#ifndef KPI_CHECK_H
#define KPI_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures;

static inline void
check_result(int ok, const char *name, const char *detail)
{
	if (ok) {
		printf("ok %s\n", name);
	} else {
		printf("FAIL %s: %s\n", name, detail);
		check_failures++;
	}
}

#define CHECK(name, cond) check_result((cond), (name), #cond)

/* Strings equal (NULL only equals NULL). */
static inline void
check_str(const char *name, const char *got, const char *want)
{
	char detail[512];
	int ok = (got == NULL || want == NULL) ? got == want :
	    strcmp(got, want) == 0;

	snprintf(detail, sizeof detail, "got '%s', want '%s'",
	    got ? got : "(null)", want ? want : "(null)");
	check_result(ok, name, detail);
}

/* |got - want| <= tol, or both NaN. */
static inline void
check_near(const char *name, double got, double want, double tol)
{
	char detail[256];
	int ok = (isnan(got) && isnan(want)) || fabs(got - want) <= tol;

	snprintf(detail, sizeof detail, "got %.17g, want %.17g (tolerance %g)",
	    got, want, tol);
	check_result(ok, name, detail);
}

static inline void
check_int(const char *name, long long got, long long want)
{
	char detail[128];

	snprintf(detail, sizeof detail, "got %lld, want %lld", got, want);
	check_result(got == want, name, detail);
}

static inline int
finish(void)
{
	return check_failures ? 1 : 0;
}

#endif
