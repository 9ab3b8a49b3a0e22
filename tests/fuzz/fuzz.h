/* See LICENSE file for copyright and license details. */
/*
** What every fuzz entry point shares. Each tests/fuzz/fuzz_NAME.c defines
** LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer it is a
** libFuzzer (or, with afl-clang-fast, an AFL++) target (make fuzz); built
** with replay.c it replays inputs under gcc (make check replays the seeds
** and every input that ever crashed, tests/fuzz/regressions/).
**
** A check that fails calls fuzz_fail(), which aborts: the fuzzer keeps
** the input as a crash.
*/
#ifndef KPI_FUZZ_H
#define KPI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void
fuzz_fail(const char *what)
{
	fprintf(stderr, "fuzz check failed: %s\n", what);
	abort();
}

#define FUZZ_CHECK(cond) do { if (!(cond)) fuzz_fail(#cond); } while (0)

#endif
