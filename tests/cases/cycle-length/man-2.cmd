cd "$ROOT" || exit 1
cycle-length --from opportunity --period quarter --km examples/leads.csv
