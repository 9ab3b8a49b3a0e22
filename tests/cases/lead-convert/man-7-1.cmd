cd "$ROOT" || exit 1
lead-convert --by channel --period quarter --window 90 examples/leads.csv
