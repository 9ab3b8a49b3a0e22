#!/bin/sh
# tests/valgrind.sh (make check-valgrind): valgrind memcheck over
#  - a sample of the golden cases of every C tool (every EVERY-th case of
#    each tests/cases/TOOL/, in name order; EVERY=1 runs them all; default
#    2): the case must still pass, byte for byte, and memcheck must report
#    nothing;
#  - every unit test of lib/ (tests/unit/test_*);
#  - every fuzz entry point's replay of its seeds and regression inputs.
# The tools are found through wrappers that run them under
#   valgrind -q --error-exitcode=99 --leak-check=full --log-file=...
# so that memcheck's report goes to a log of its own (the case's stderr is
# compared as usual). A read of uninitialised or freed memory, an invalid
# write or free is a failure; so is a leak (memory no longer reachable:
# definitely or possibly lost) of a run that succeeds. A tool that dies
# (exit 64-74) exits without freeing, by design: its memory is not
# checked for leaks. Memory still reachable at exit is never a leak.
# kpi-plot is a shell script around gnuplot, not ours to memcheck.
#
# usage: sh tests/valgrind.sh   (after make build-tests; EVERY=N)
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EVERY=${EVERY:-2}
. "$ROOT/tests/lib.sh"
suite_setup valgrind

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind.sh: valgrind is not installed (scripts/install-deps valgrind)" >&2
	exit 1
fi

VG="valgrind -q --error-exitcode=99 --leak-check=full"
logs=$TMP/logs
mkdir -p "$TMP/bin" "$logs"
# A tool's wrapper. Memory errors make valgrind exit 99 instead of the
# tool's status. Leaks are looked for only when the tool ran to the end of
# main(): one that dies (die(), exit 64 to 74), or exits from the option
# parser after --help or --version, leaves its memory to the kernel on
# purpose, so what it held is no leak of interest; its log is dropped.
for exe in "$ROOT"/cmd/* "$ROOT"/tests/tools/csvdump; do
	case $exe in *.c) continue ;; esac
	[ -x "$exe" ] || continue
	cat >"$TMP/bin/$(basename "$exe")" <<EOF
#!/bin/sh
log="$logs/$(basename "$exe").\$\$"
$VG --errors-for-leak-kinds=none --show-leak-kinds=definite,possible \\
    --log-file="\$log" "$exe" "\$@"
rc=\$?
leaks=1
case " \$* " in *" --help "*|*" --version "*) leaks=0 ;; esac
[ \$rc -ne 0 ] && [ \$rc -ne 99 ] && leaks=0
if [ \$leaks -eq 1 ] && grep -q 'lost in loss record' "\$log"; then
	exit 99
elif [ \$rc -ne 99 ]; then
	rm -f "\$log"
fi
exit \$rc
EOF
	chmod +x "$TMP/bin/$(basename "$exe")"
done
# Programs run directly (unit tests, fuzz replays) must exit 0, leak-free.
VG="$VG --errors-for-leak-kinds=definite,possible"
PATH="$TMP/bin:$ROOT/cmd:$ROOT/scripts:$ROOT/tests/gen:$ROOT/tests/tools:$PATH"
export PATH

# What memcheck logged since the last call, if anything; then forget it.
vg_report() {
	found=0
	for log in "$logs"/*; do
		[ -f "$log" ] || continue
		if [ -s "$log" ]; then
			found=1
			sed -n '1,30s/^/  /p' "$log"
		fi
		rm -f "$log"
	done
	return $found
}

run_case() {
	case_run "$1"
	if vg_report >"$TMP/report" && case_matches; then
		pass=$((pass + 1))
		echo "ok valgrind $case_label"
		return
	fi
	fail=$((fail + 1))
	echo "FAIL valgrind $case_label"
	[ "$rc" = "$want_rc" ] || echo "  exit status $rc, want $want_rc"
	cmp -s "$TMP/out" "$want_out" || echo "  stdout differs"
	cmp -s "$TMP/err" "$want_err" || { echo "  stderr differs:"; sed -n '1,5s/^/  /p' "$TMP/err"; }
	cat "$TMP/report"
}

for dir in "$ROOT"/tests/cases/*/; do
	tool=$(basename "$dir")
	[ -x "$TMP/bin/$tool" ] || continue
	i=0
	for cmd in "$dir"*.cmd; do
		[ -f "$cmd" ] || continue
		[ $((i % EVERY)) -eq 0 ] && run_case "$cmd"
		i=$((i + 1))
	done
done

# A program run directly under memcheck: its exit status must be 0.
run_prog() {
	label=$1
	shift
	$VG --log-file="$logs/prog.%p" "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if vg_report >"$TMP/report" && [ $rc -eq 0 ] &&
	   ! grep -q '^FAIL' "$TMP/out"; then
		pass=$((pass + 1))
		echo "ok valgrind $label ($(grep -c '^ok' "$TMP/out") checks)"
	else
		fail=$((fail + 1))
		echo "FAIL valgrind $label: exit status $rc"
		grep '^FAIL' "$TMP/out" | head -n 5 | sed 's/^/  /'
		cat "$TMP/report"
	fi
}

for t in "$ROOT"/tests/unit/test_*; do
	case $t in *.c|*.h) continue ;; esac
	[ -x "$t" ] && run_prog "$(basename "$t")" "$t"
done
cd "$ROOT"
for replay in tests/fuzz/replay_*; do
	case $replay in *.c) continue ;; esac
	[ -x "$replay" ] || continue
	name=${replay#tests/fuzz/replay_}
	run_prog "fuzz replay $name" "$replay" tests/fuzz/seeds/"$name" \
	    tests/fuzz/regressions/"$name"
done

suite_end
