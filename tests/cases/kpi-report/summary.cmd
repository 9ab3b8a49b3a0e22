mkdir "$TMP/kpi-report-summary" && cd "$TMP/kpi-report-summary" && ln -s "$ROOT/examples" examples || exit 1
kpi-report -q --leads examples/leads.csv --spend examples/spend.csv --orders examples/orders.csv --asof 2026-10-01 --out r &&
    cat r/latest/summary.csv r/latest/quality.csv
