cd "$ROOT" || exit 1
lead-convert --asof 2026-06-30 --period quarter examples/leads.csv | tail -n 1
