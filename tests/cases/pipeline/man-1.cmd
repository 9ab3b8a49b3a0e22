cd "$ROOT" || exit 1
pipeline --by segment --total examples/leads.csv
