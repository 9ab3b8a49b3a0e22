cd "$ROOT" || exit 1
funnel --lost examples/leads.csv
