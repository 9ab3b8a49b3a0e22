cd "$ROOT" || exit 1
cac --count-col n --by channel --spend tests/cases/cac/spend.csv \
    tests/cases/cac/counted-leads.csv
