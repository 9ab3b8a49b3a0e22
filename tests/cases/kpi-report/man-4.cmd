mkdir "$TMP/kpi-report-man-4" && cd "$TMP/kpi-report-man-4" && ln -s "$ROOT/examples" examples && kpi-report -q --leads examples/leads.csv --spend examples/spend.csv --orders examples/orders.csv --asof 2026-10-01 --out reports || exit 1
cut -d, -f1,4,7,10 reports/latest/retention.csv
