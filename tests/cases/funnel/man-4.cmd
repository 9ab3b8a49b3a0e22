cd "$ROOT" || exit 1
funnel --count-col leads --lost --by channel tests/cases/lead-convert/counted.csv
