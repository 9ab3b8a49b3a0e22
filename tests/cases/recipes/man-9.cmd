cd "$ROOT" || exit 1
lead-convert --by channel tests/cases/cycle-length/backwards.csv
