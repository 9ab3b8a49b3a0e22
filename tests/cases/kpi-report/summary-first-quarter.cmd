mkdir "$TMP/kpi-report-first" && cd "$TMP/kpi-report-first" && ln -s "$ROOT/examples" examples || exit 1
# The first quarter of the data: nothing before it, no repeat buyer yet,
# so CLV is left out, which -q still says (its log line, time cut off).
kpi-report -q --leads examples/leads.csv --spend examples/spend.csv --orders examples/orders.csv --quarter 2024-Q4 --asof 2025-01-01 --out r 2>err
rc=$?
sed 's/^[0-9T:Z-]* //' err
[ "$rc" -eq 0 ] && cat r/latest/summary.csv && grep ^message r/latest/quality.csv
