mkdir "$TMP/kpi-report-man-2" && cd "$TMP/kpi-report-man-2" && ln -s "$ROOT/examples" examples && kpi-report -q --leads examples/leads.csv --spend examples/spend.csv --orders examples/orders.csv --asof 2026-10-01 --out reports || exit 1
grep -E '^(leads|customers|lead_to_customer|cac_fully_loaded),' reports/latest/summary.csv
