cd "$ROOT" || exit 1
lead-convert --annotate examples/leads.csv |
    cycle-length --to mql --by reached_stage
