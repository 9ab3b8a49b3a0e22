cd "$ROOT" || exit 1
pipeline --stages-table --from sql --by segment examples/leads.csv
