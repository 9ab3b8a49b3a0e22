cd "$ROOT" || exit 1
funnel --lost --asof 2024-03-31T00:00:00Z --stale 30 \
    tests/cases/cycle-length/stale.csv
