cd "$ROOT" || exit 1
lead-convert --count-col leads --by channel tests/cases/lead-convert/counted.csv
