cd "$ROOT" || exit 1
cycle-length --from opportunity --by segment --km examples/leads.csv | cut -d, -f1-4,6,13-15
