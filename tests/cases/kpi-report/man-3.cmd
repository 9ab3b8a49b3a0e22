mkdir "$TMP/kpi-report-man-3" && cd "$TMP/kpi-report-man-3" && ln -s "$ROOT/examples" examples || exit 1
kpi-report -q --leads examples/leads.csv --spend examples/spend.csv \
    --fiscal-year-start oct --quarter 2026-Q4 --out fiscal
