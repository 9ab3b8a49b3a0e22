cd "$ROOT" || exit 1
lead-convert --period quarter --fiscal-year-start 7 examples/leads.csv
