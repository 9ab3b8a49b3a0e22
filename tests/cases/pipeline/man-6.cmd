cd "$ROOT" || exit 1
pipeline --aging --from mql --stale-after 30 --by segment --asof 2026-09-30 examples/leads.csv
