cd "$ROOT" || exit 1
pipeline --waterfall --from-date 2026-03-31 --asof 2026-06-30 --by segment --total examples/leads.csv
