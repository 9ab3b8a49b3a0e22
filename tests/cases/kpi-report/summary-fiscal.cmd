mkdir "$TMP/kpi-report-summary-fiscal" && cd "$TMP/kpi-report-summary-fiscal" && ln -s "$ROOT/examples" examples || exit 1
kpi-report -q --leads examples/leads.csv --spend examples/spend.csv --fiscal-year-start 7 --asof 2026-06-30 --out r &&
    ls r && cat r/latest/summary.csv
