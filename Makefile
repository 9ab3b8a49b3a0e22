# kpikit: sales and marketing KPIs from CRM and ad-spend exports.
# GNU make. `make check` and `make demo` install missing Debian packages first.

PREFIX    = /usr/local
BINDIR    = $(PREFIX)/bin
MANPREFIX = $(PREFIX)/share/man

CC      = cc
CFLAGS  = -O2 -g
LDFLAGS =
LDLIBS  = -lcsv -lxxhash -lm -pthread
# Always on, whatever CFLAGS says; CI adds -Werror through CFLAGS.
KPI_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread -Wall -Wextra

# Every cmd/NAME.c is a tool; the installed scripts are those that exist.
TOOLS   = $(sort $(basename $(notdir $(wildcard cmd/*.c))))
SCRIPTS = $(notdir $(wildcard scripts/kpi-plot scripts/kpi-report))
# Their awk programs, installed in $(PREFIX)/share/kpikit/awk, where the
# installed scripts look for them: ../share/kpikit/awk from their own
# directory, so BINDIR stays $(PREFIX)/bin for kpi-plot and kpi-report.
AWK     = $(notdir $(wildcard scripts/awk/*.awk))
BIN     = $(TOOLS:%=cmd/%)
LIBSRC  = $(wildcard lib/*.c)
LIBOBJ  = $(LIBSRC:.c=.o)
LIBHDR  = $(wildcard lib/*.h)
LIB     = lib/libkpi.a
UNIT    = $(patsubst %.c,%,$(wildcard tests/unit/*.c))
FUZZERS = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
REPLAY  = $(FUZZERS:%=tests/fuzz/replay_%)
SECS    = 60
DEVTOOLS = tests/gen/kpi-gen tests/gen/clv-gen tests/tools/csvdump tests/tools/hashflood tests/tools/failalloc.so tests/tools/diskfull.so
DEVTOOLS += tests/tools/scoreeval-run

.PHONY: all bench build-tests check check-valgrind coverage demo deps install \
	uninstall clean fuzz fuzz-afl

all: $(BIN) $(DEVTOOLS)

# The built-in presets: lib/presets.txt as a C string.
lib/presets.inc: lib/presets.txt
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' lib/presets.txt >$@

lib/preset.o: lib/presets.inc

lib/%.o: lib/%.c $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

cmd/%: cmd/%.c $(LIB) $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

tests/unit/%: tests/unit/%.c $(LIB) $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# Built without the sanitizers of CFLAGS: it stands in for their allocator.
tests/tools/failalloc.so: tests/tools/failalloc.c
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -O2 -shared -fPIC -o $@ $< -ldl

# A full disk for the files a test names (tests/kpi-report.test).
tests/tools/diskfull.so: tests/tools/diskfull.c
	$(CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -O2 -shared -fPIC -o $@ $< -ldl

tests/tools/%: tests/tools/%.c $(LIB) $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# A fuzz entry point built to replay inputs (make check), with gcc.
tests/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(wildcard tests/fuzz/*.h) $(wildcard cmd/*.c) $(LIB) $(LIBHDR)
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB) $(LDLIBS)

tests/gen/kpi-gen: tests/gen/kpi-gen.c
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lm

tests/gen/clv-gen: tests/gen/clv-gen.c
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lm

# The benchmark's floor: libcsv parsing and counting, nothing else.
tests/bench/csvfloor: tests/bench/csvfloor.c
	$(CC) $(KPI_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< -lcsv

# Install what the build and the tests need, if anything is missing.
deps:
	@sh scripts/install-deps --if-missing

# The tools, the unit tests and the fuzz replayers: what the suite runs.
build-tests: all $(UNIT) $(REPLAY)

check: deps
	$(MAKE) build-tests
	sh tests/run.sh

# Not part of check (each takes minutes): every other golden case of each
# tool (EVERY=N: every Nth), the unit tests and the fuzz replays under
# valgrind memcheck, where any memory error, or a leak of a run that
# succeeds, is a failure (tests/valgrind.sh); and the whole suite built
# with gcc --coverage in a copy of the tree, lib/'s line and branch
# coverage from lcov, failing below 90% of lines or 80% of branches
# (tests/coverage.sh; HTML report in build/coverage/html).
check-valgrind: deps
	@sh scripts/install-deps --if-missing valgrind
	$(MAKE) build-tests
	sh tests/valgrind.sh

coverage: deps
	@sh scripts/install-deps --if-missing lcov
	MAKE="$(MAKE)" sh tests/coverage.sh

# Fuzz every entry point (or FUZZERS=name) for SECS seconds each with
# libFuzzer under ASan and UBSan. A crash is saved in
# tests/fuzz/regressions/NAME/, which make check replays: commit it.
FUZZ_CC    = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
fuzz:
	@sh scripts/install-deps --if-missing clang libclang-rt-14-dev
	mkdir -p build/fuzz
	for h in $(FUZZERS); do \
		$(FUZZ_CC) $(KPI_CFLAGS) $(FUZZ_FLAGS) -o build/fuzz/fuzz_$$h \
		    tests/fuzz/fuzz_$$h.c $(LIBSRC) $(LDLIBS) || exit 1; \
	done
	for h in $(FUZZERS); do \
		mkdir -p build/fuzz/corpus/$$h; \
		build/fuzz/fuzz_$$h -max_total_time=$(SECS) -max_len=8192 \
		    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		    -artifact_prefix=tests/fuzz/regressions/$$h/ \
		    build/fuzz/corpus/$$h tests/fuzz/seeds/$$h || exit 1; \
	done

# The same entry points under AFL++ (Debian afl++), SECS seconds each.
fuzz-afl:
	@sh scripts/install-deps --if-missing afl++
	mkdir -p build/afl
	for h in $(FUZZERS); do \
		AFL_USE_ASAN=1 AFL_USE_UBSAN=1 afl-clang-fast $(KPI_CFLAGS) -g -O1 \
		    -fsanitize=fuzzer -o build/afl/fuzz_$$h tests/fuzz/fuzz_$$h.c \
		    $(LIBSRC) $(LDLIBS) || exit 1; \
	done
	for h in $(FUZZERS); do \
		AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
		    afl-fuzz -i tests/fuzz/seeds/$$h -o build/afl/out_$$h -V $(SECS) \
		    -- build/afl/fuzz_$$h || exit 1; \
		if ls build/afl/out_$$h/default/crashes/id* >/dev/null 2>&1; then \
			cp build/afl/out_$$h/default/crashes/id* tests/fuzz/regressions/$$h/; \
			echo "fuzz-afl: $$h crashed; inputs in tests/fuzz/regressions/$$h"; exit 1; \
		fi; \
	done

# Not part of check (minutes, and a 1.1 GB file): lead-convert and
# cycle-length against Miller, datamash, pandas and DuckDB (through Node.js
# and npm's @duckdb/node-api) on generated leads files, interleaved rounds,
# medians, MB/s, peak RSS, agreement (tests/bench/bench); then the order
# tools (revenue, clv --summary, retention and its --cohorts and --rates)
# on an order log of as many orders (tests/gen/clv-gen), beside the same
# libcsv floor; then attribute on a touch log of as many touches
# (tests/bench/touch-gen.py); then clv on CLV_CUSTOMERS generated customers
# (tests/bench/bench-clv: the summary, --validate, the fits, --predict and
# its intervals).  The files and the report (bench.md, bench-clv.txt) stay
# in BENCHDIR.  A quick run: make bench SIZES=1000000.
# Debian's npm conflicts with NodeSource's nodejs, which has npm in it: it
# is installed only when there is no npm.
SIZES    = 1000000 10000000
CLV_CUSTOMERS = 1000000
ROUNDS   = 3
BENCHDIR = build/bench
bench: deps
	@sh scripts/install-deps --if-missing miller datamash python3-pandas time nodejs hyperfine
	@command -v npm >/dev/null 2>&1 || sh scripts/install-deps --if-missing npm
	$(MAKE) all tests/bench/csvfloor
	sh tests/bench/bench --sizes "$(SIZES)" --rounds $(ROUNDS) --dir $(BENCHDIR)
	sh tests/bench/bench-clv $(CLV_CUSTOMERS) >$(BENCHDIR)/bench-clv.txt && cat $(BENCHDIR)/bench-clv.txt

demo: deps
	$(MAKE) all
	sh scripts/demo

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man7
	for t in $(TOOLS); do cp -f cmd/$$t $(DESTDIR)$(BINDIR)/ && chmod 755 $(DESTDIR)$(BINDIR)/$$t; done
	for s in $(SCRIPTS); do cp -f scripts/$$s $(DESTDIR)$(BINDIR)/ && chmod 755 $(DESTDIR)$(BINDIR)/$$s; done
	for t in $(TOOLS) $(SCRIPTS); do cp -f man/$$t.1 $(DESTDIR)$(MANPREFIX)/man1/ && chmod 644 $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	cp -f man/kpikit.7 $(DESTDIR)$(MANPREFIX)/man7/ && chmod 644 $(DESTDIR)$(MANPREFIX)/man7/kpikit.7
	mkdir -p $(DESTDIR)$(PREFIX)/share/kpikit
	cp -f lib/presets.txt $(DESTDIR)$(PREFIX)/share/kpikit/ && chmod 644 $(DESTDIR)$(PREFIX)/share/kpikit/presets.txt
	mkdir -p $(DESTDIR)$(PREFIX)/share/kpikit/awk
	for a in $(AWK); do cp -f scripts/awk/$$a $(DESTDIR)$(PREFIX)/share/kpikit/awk/ && chmod 644 $(DESTDIR)$(PREFIX)/share/kpikit/awk/$$a; done

uninstall:
	for t in $(TOOLS) $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANPREFIX)/man1/$$t.1; done
	rm -f $(DESTDIR)$(MANPREFIX)/man7/kpikit.7 $(DESTDIR)$(PREFIX)/share/kpikit/presets.txt
	for a in $(AWK); do rm -f $(DESTDIR)$(PREFIX)/share/kpikit/awk/$$a; done
	-rmdir $(DESTDIR)$(PREFIX)/share/kpikit/awk 2>/dev/null
	-rmdir $(DESTDIR)$(PREFIX)/share/kpikit 2>/dev/null

clean:
	rm -f $(LIBOBJ) $(LIB) $(BIN) $(UNIT) $(DEVTOOLS) $(REPLAY) lib/presets.inc tests/bench/csvfloor
	rm -rf build demo-report
