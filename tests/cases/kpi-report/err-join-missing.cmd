mkdir "$TMP/kpi-report-err-join-missing" && cd "$TMP/kpi-report-err-join-missing" && ln -s "$ROOT/examples" examples || exit 1
# A joined file that is not there, before anything is written.
kpi-report -q --leads examples/leads.csv --join nosuch.csv --asof 2026-10-01 --out r 2>err
rc=$?
sed 's/^[0-9T:Z-]* //' err >&2
exit $rc
