#!/bin/sh
# tests/coverage.sh (make coverage): line and branch coverage of lib/ by the
# whole suite, measured with gcc --coverage and lcov, in a copy of the tree
# (build/coverage/src), so that the ordinary build is left as it is.
#
# Prints lib/'s line and branch coverage and fails when it is below
# MIN_LINES percent of lines or MIN_BRANCHES percent of branches (90 and 80,
# the bar of issue 9), or when a test fails. The HTML report of every file
# (lib/, cmd/, the test tools) is in build/coverage/html/index.html.
#
# usage: sh tests/coverage.sh   (from the top of the tree; MAKE, CC may be set)
set -eu

MIN_LINES=${MIN_LINES:-90}
MIN_BRANCHES=${MIN_BRANCHES:-80}
MAKE=${MAKE:-make}
out=build/coverage
src=$out/src
rc="--rc lcov_branch_coverage=1"

rm -rf "$out"
mkdir -p "$src"
# Everything but the build products; make clean in the copy drops the rest.
tar -cf - --exclude=./build --exclude=./.git --exclude='*.gcda' \
    --exclude='*.gcno' . | (cd "$src" && tar -xf -)
$MAKE -s -C "$src" clean
$MAKE -s -C "$src" CFLAGS="-O0 -g --coverage" LDFLAGS="--coverage" \
    build-tests >/dev/null

# The suite, as make check runs it. A failure is a failure here too.
if ! sh "$src/tests/run.sh" >"$out/check.log" 2>&1; then
	grep -A 10 '^FAIL' "$out/check.log" | head -n 60
	tail -n 1 "$out/check.log"
	echo "coverage: the suite failed; see $out/check.log" >&2
	exit 1
fi
tail -n 1 "$out/check.log"

# lcov 1.16 (Debian 12) warns "Subroutine ... redefined" (perl):
# harmless, filtered out.
lcov -q $rc --capture --directory "$src" --output-file "$out/all.info" \
    2>&1 | grep -v 'Subroutine .* redefined' >&2 || true
lcov -q $rc --extract "$out/all.info" "$PWD/$src/lib/*" \
    --output-file "$out/lib.info" 2>&1 | grep -v 'Subroutine .* redefined' >&2 || true
genhtml -q $rc --branch-coverage --legend --title "kpikit" \
    --output-directory "$out/html" "$out/all.info" 2>&1 |
    grep -v 'Subroutine .* redefined' >&2 || true

# Per file, then the total of lib/, from the tracefile itself (LF/LH lines,
# BRF/BRH branches), so that no lcov output format is parsed.
awk -v min_l="$MIN_LINES" -v min_b="$MIN_BRANCHES" '
/^SF:/ { f = $0; sub(/^SF:.*\/lib\//, "lib/", f) }
/^LF:/ { lf[f] += substr($0, 4); LF += substr($0, 4) }
/^LH:/ { lh[f] += substr($0, 4); LH += substr($0, 4) }
/^BRF:/ { bf[f] += substr($0, 5); BF += substr($0, 5) }
/^BRH:/ { bh[f] += substr($0, 5); BH += substr($0, 5) }
function pct(h, n) { return n ? 100 * h / n : 100 }
END {
	n = 0
	for (f in lf) names[++n] = f
	for (i = 2; i <= n; i++)     # insertion sort: awk has no sort
		for (j = i; j > 1 && names[j - 1] > names[j]; j--) {
			t = names[j]; names[j] = names[j - 1]; names[j - 1] = t
		}
	printf "%-18s %-17s %s\n", "file", "lines", "branches"
	for (i = 1; i <= n; i++) {
		f = names[i]
		printf "%-18s %6.1f%% %4d/%-4d %6.1f%% %5d/%-5d\n", f,
		    pct(lh[f], lf[f]), lh[f], lf[f], pct(bh[f], bf[f]), bh[f], bf[f]
	}
	l = pct(LH, LF); b = pct(BH, BF)
	printf "%-18s %6.1f%% %4d/%-4d %6.1f%% %5d/%-5d\n", "lib/ total", l, LH, LF, b, BH, BF
	bad = 0
	if (l < min_l) { printf "coverage: lib/ lines %.1f%% < %d%%\n", l, min_l; bad = 1 }
	if (b < min_b) { printf "coverage: lib/ branches %.1f%% < %d%%\n", b, min_b; bad = 1 }
	if (!bad) printf "coverage: lib/ lines %.1f%% >= %d%%, branches %.1f%% >= %d%%: ok\n", l, min_l, b, min_b
	exit bad
}' "$out/lib.info"
echo "coverage: report in $out/html/index.html"
