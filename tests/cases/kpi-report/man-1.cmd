mkdir "$TMP/kpi-report-man-1" && cd "$TMP/kpi-report-man-1" && ln -s "$ROOT/examples" examples || exit 1
kpi-report -q --leads examples/leads.csv --spend examples/spend.csv \
    --orders examples/orders.csv --asof 2026-10-01 --out reports
