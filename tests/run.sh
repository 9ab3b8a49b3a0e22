#!/bin/sh
# tests/run.sh: the kpikit test suite (make check). Three kinds of test, each
# printing "ok NAME" or "FAIL NAME" lines; ends with "N passed, N failed" and
# exits non-zero when anything failed.
#
#  1. Golden cases, tests/cases/TOOL/NAME.cmd: a shell command line run in
#     its directory, with stdin from NAME.in (or /dev/null). Its stdout must
#     equal NAME.out byte for byte, its stderr NAME.err (empty when there is
#     no .err), its exit status NAME.rc (0 when there is none).
#  2. Unit tests of lib/, tests/unit/test_*: C programs printing ok/FAIL.
#  3. Script tests, tests/*.test: sh scripts printing ok/FAIL (they compare
#     tools with independent computations, man pages with their cases, ...).
#
# Tools are found on PATH as bare names (cmd/ and scripts/ first), so
# messages read "lead-convert: ...". Everything runs with LC_ALL=C and
# TZ=UTC unless a test sets otherwise. ONLY=PATTERN runs the golden cases,
# unit tests and script tests whose path contains PATTERN (ONLY=unit: every
# unit test). BLESS=1 rewrites the expected output, stderr and exit status
# of each golden case that differs, and says so: review them with git diff
# before committing.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PATH="$ROOT/cmd:$ROOT/scripts:$ROOT/tests/gen:$ROOT/tests/tools:$PATH"
export PATH
. "$ROOT/tests/lib.sh"
suite_setup tests

# Count the ok/FAIL lines of a test program's output; show the failures.
tally() {
	while IFS= read -r line; do
		case $line in
		"ok "*) pass=$((pass + 1)); echo "$line" ;;
		"FAIL "*) fail=$((fail + 1)); echo "$line" ;;
		*) echo "  $line" ;;
		esac
	done
}

show_diff() {
	printf '  %s differs:\n' "$1"
	diff -u "$2" "$3" | sed -n '3,40s/^/  /p'
}

# BLESS=1: the case's output becomes what it expects; an empty stderr and
# exit status 0 are the defaults, so their files go.
bless() {
	cp "$TMP/out" "$1.out"
	if [ -s "$TMP/err" ]; then cp "$TMP/err" "$1.err"; else rm -f "$1.err"; fi
	if [ "$rc" -ne 0 ]; then echo "$rc" >"$1.rc"; else rm -f "$1.rc"; fi
}

run_case() {
	case_run "$1"
	if case_matches; then
		pass=$((pass + 1))
		echo "ok $case_label"
		return
	fi
	if [ -n "${BLESS:-}" ]; then
		bless "$case_dir/$case_name"
		pass=$((pass + 1))
		echo "blessed $case_label"
		return
	fi
	fail=$((fail + 1))
	echo "FAIL $case_label"
	[ "$rc" = "$want_rc" ] || echo "  exit status $rc, want $want_rc"
	cmp -s "$TMP/out" "$want_out" || show_diff stdout "$want_out" "$TMP/out"
	cmp -s "$TMP/err" "$want_err" || show_diff stderr "$want_err" "$TMP/err"
}

for cmd in "$ROOT"/tests/cases/*/*.cmd; do
	[ -f "$cmd" ] || continue
	case $cmd in *"${ONLY:-}"*) ;; *) continue ;; esac
	run_case "$cmd"
done

for t in "$ROOT"/tests/unit/test_*; do
	case $t in *.c|*.h) continue ;; esac
	[ -x "$t" ] || continue
	case $t in *"${ONLY:-}"*) ;; *) continue ;; esac
	"$t" 2>"$TMP/unit.err" >"$TMP/unit.out"
	rc=$?
	tally <"$TMP/unit.out"
	if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$TMP/unit.out"; then
		fail=$((fail + 1))
		echo "FAIL $(basename "$t") exited $rc"
		sed 's/^/  /' "$TMP/unit.err"
	fi
done

for t in "$ROOT"/tests/*.test; do
	[ -f "$t" ] || continue
	case $t in *"${ONLY:-}"*) ;; *) continue ;; esac
	sh "$t" >"$TMP/script.out" 2>&1
	rc=$?
	tally <"$TMP/script.out"
	if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$TMP/script.out"; then
		fail=$((fail + 1))
		echo "FAIL $(basename "$t") exited $rc"
	fi
done

suite_end
