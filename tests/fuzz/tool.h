/* See LICENSE file for copyright and license details. */
/*
** The frame of a tool's fuzz entry point: the first input byte picks one
** of the tool's option sets, the rest is the leads CSV, read from memory
** through the tool's own row handler (its source is included with main
** renamed, so the static functions are the real ones). Errors end the run
** as they would end the tool, without exiting.
*/
#ifndef KPI_FUZZ_TOOL_H
#define KPI_FUZZ_TOOL_H

#include <getopt.h>
#include <string.h>

/* Parse the NULL-terminated OPTIONS as the tool would its command line. */
static void
fuzz_parse(struct kpi_opts *o, const struct tool_spec *spec, void *ctx,
    const char *const *options)
{
	char *argv[16];
	int argc = 0;

	while (options[argc] != NULL && argc < 15) {
		argv[argc] = (char *)options[argc];
		argc++;
	}
	argv[argc] = NULL;
	optind = 0;    /* glibc: start getopt afresh */
	opts_parse(o, spec, ctx, argc, argv);
}

/* Open the CSV, bind L and G; NULL when the header is already bad. */
static struct reader *
fuzz_open(const uint8_t *data, size_t size, const struct kpi_opts *o,
    struct leads *l, struct grouping *g, unsigned char **want)
{
	struct reader *r = rd_open_mem("fuzz", data, size, &o->rd);

	*want = NULL;
	if (rd_failed(r))
		return r;
	*want = xcalloc(rd_header(r)->n, 1);
	if (leads_bind(l, r, *want) == 0 && grouping_bind(g, r, *want) == 0)
		rd_want(r, *want);
	return r;
}

static void
fuzz_quiet_stdout(void)
{
	static int done;

	if (!done && freopen("/dev/null", "w", stdout) != NULL)
		done = 1;
}

#endif
