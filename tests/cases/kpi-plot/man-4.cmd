cd "$ROOT" || exit 1
funnel examples/leads.csv | kpi-plot funnel --width 72 --height 20
