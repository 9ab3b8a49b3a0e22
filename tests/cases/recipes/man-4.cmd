cd "$ROOT" || exit 1
cac --count-col n --spend tests/cases/cac/spend.csv --by channel \
    tests/cases/cac/counted-leads.csv
