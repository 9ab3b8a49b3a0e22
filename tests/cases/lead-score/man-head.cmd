cd "$ROOT" || exit 1
lead-score --rules examples/lead-rules.csv --asof 2026-09-30 --half-life 60 examples/leads.csv | sed -n 1,4p | cut -d, -f1,14-
