/* See LICENSE file for copyright and license details. */
/*
** Replay inputs through a fuzz entry point without libFuzzer: each FILE
** argument (or every file in a DIRECTORY argument) is read and passed to
** LLVMFuzzerTestOneInput once. Prints "ok fuzz NAME PATH" per input; a
** failed check aborts, as under the fuzzer.
*/
#include <dirent.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* The real stdout: entry points of tools send theirs to /dev/null. */
static FILE *out;

static void
replay_file(const char *name, const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (f == NULL) {
		fprintf(out, "FAIL fuzz %s %s: cannot open\n", name, path);
		return;
	}
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (buf == NULL)
				abort();
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	fflush(out);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	fprintf(out, "ok fuzz %s %s\n", name, path);
}

int
main(int argc, char *argv[])
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

	if ((out = fdopen(dup(1), "w")) == NULL)
		return 71;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *e;

		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			replay_file(name, argv[i]);
			continue;
		}
		if ((d = opendir(argv[i])) == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			char path[4096];

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
			replay_file(name, path);
		}
		closedir(d);
	}
	fclose(out);
	return 0;
}
