cd "$ROOT" || exit 1
cycle-length --by channel --within 30,90,365 examples/leads.csv |
    cut -d, -f1-4,13-21
