cd "$ROOT" || exit 1
lead-convert --period quarter --asof 2026-06-30 --asof 2026-09-30 examples/leads.csv
