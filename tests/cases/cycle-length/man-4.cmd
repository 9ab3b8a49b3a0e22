cd "$ROOT" || exit 1
cycle-length --annotate --from opportunity --asof 2026-06-30 examples/leads.csv |
    lead-convert --by cycle_status | cut -d, -f1,5,6
