# tests/lib.sh: what tests/run.sh (make check) and tests/valgrind.sh (make
# check-valgrind) share, sourced by both after they set ROOT: the
# environment every test runs in, and how a golden case is run and judged.

# A fresh $TMP (removed at exit), LC_ALL=C, TZ=UTC, no LANG, and a
# decimal-comma locale for the locale tests, built without touching the
# system (its sources are in the Debian package 'locales'; localedef
# exits 1 for mere warnings, so look at what it made). $1 names the suite.
suite_setup() {
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/kpikit-$1.XXXXXX")
	trap 'rm -rf "$TMP"' EXIT
	trap 'exit 130' INT TERM
	LC_ALL=C
	TZ=UTC
	export ROOT TMP LC_ALL TZ
	unset LANG LANGUAGE
	mkdir -p "$TMP/locale"
	localedef -i de_DE -f UTF-8 "$TMP/locale/de_DE.UTF-8" >/dev/null 2>&1
	if [ -d "$TMP/locale/de_DE.UTF-8" ]; then
		LOCPATH="$TMP/locale"
		export LOCPATH
	fi
	pass=0
	fail=0
}

# Run golden case $1 (tests/cases/TOOL/NAME.cmd) in its directory, stdin
# from NAME.in or /dev/null, into $TMP/out, $TMP/err and $rc; set
# case_dir, case_name, case_label (TOOL/NAME), want_out, want_err (the
# expected stderr file, /dev/null when the case has none) and want_rc.
case_run() {
	case_dir=$(dirname "$1")
	case_name=$(basename "$1" .cmd)
	case_label="$(basename "$case_dir")/$case_name"
	in="$case_dir/$case_name.in"
	[ -f "$in" ] || in=/dev/null
	(cd "$case_dir" && sh "./$case_name.cmd") <"$in" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	want_out="$case_dir/$case_name.out"
	want_err="$case_dir/$case_name.err"
	[ -f "$want_err" ] || want_err=/dev/null
	want_rc=0
	[ -f "$case_dir/$case_name.rc" ] && want_rc=$(cat "$case_dir/$case_name.rc")
	return 0
}

# Whether the case just run gave its stdout, stderr and exit status.
case_matches() {
	cmp -s "$TMP/out" "$want_out" && cmp -s "$TMP/err" "$want_err" &&
	    [ "$rc" = "$want_rc" ]
}

# The last line of a suite, and its exit status.
suite_end() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
