mkdir "$TMP/kpi-report-err-col-bad-role" && cd "$TMP/kpi-report-err-col-bad-role" && ln -s "$ROOT/examples" examples || exit 1
# An option passed on that the tool refuses: its message, and 64.
kpi-report -q --leads examples/leads.csv --col nosuch=X --asof 2026-10-01 --out r 2>err
rc=$?
sed 's/^[0-9T:Z-]* //' err >&2
exit $rc
