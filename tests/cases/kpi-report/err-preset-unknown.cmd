mkdir "$TMP/kpi-report-err-preset-unknown" && cd "$TMP/kpi-report-err-preset-unknown" && ln -s "$ROOT/examples" examples || exit 1
# A preset no tool knows: the tool's message, and 64.
kpi-report -q --leads examples/leads.csv --preset nosuch --asof 2026-10-01 --out r 2>err
rc=$?
sed 's/^[0-9T:Z-]* //' err >&2
exit $rc
