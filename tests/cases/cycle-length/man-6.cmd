cd "$ROOT" || exit 1
cycle-length --from opportunity --by segment --within 30,90 --total examples/leads.csv | cut -d, -f1-4,13-18
