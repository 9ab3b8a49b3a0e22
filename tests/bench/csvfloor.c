/* csvfloor: the floor of tests/bench/bench, the least a tool built on libcsv
 * can do with a file: parse it in strict mode and count its records and
 * fields, the callbacks doing nothing else.  It reads with read(2) in
 * 256 KiB blocks and prints "records,fields".  A kpikit tool that parses
 * a file at this speed spends nothing beyond the parser.
 *
 *   csvfloor FILE
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct counts {
	unsigned long long records, fields;
};

static void field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void record(int c, void *data)
{
	(void)c;
	((struct counts *)data)->records++;
}

int main(int argc, char **argv)
{
	static char buf[256 * 1024];
	struct csv_parser p;
	struct counts n = { 0, 0 };
	ssize_t got;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: csvfloor FILE\n");
		return 64;
	}
	if ((fd = open(argv[1], O_RDONLY)) < 0) {
		fprintf(stderr, "csvfloor: %s: %s\n", argv[1], strerror(errno));
		return 66;
	}
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		fprintf(stderr, "csvfloor: out of memory\n");
		return 71;
	}
	while ((got = read(fd, buf, sizeof buf)) > 0)
		if (csv_parse(&p, buf, (size_t)got, field, record, &n) != (size_t)got) {
			fprintf(stderr, "csvfloor: %s: %s\n", argv[1],
			    csv_strerror(csv_error(&p)));
			return 65;
		}
	if (got < 0) {
		fprintf(stderr, "csvfloor: %s: %s\n", argv[1], strerror(errno));
		return 74;
	}
	if (csv_fini(&p, field, record, &n) != 0) {
		fprintf(stderr, "csvfloor: %s: %s\n", argv[1],
		    csv_strerror(csv_error(&p)));
		return 65;
	}
	csv_free(&p);
	close(fd);
	printf("%llu,%llu\n", n.records, n.fields);
	return 0;
}
