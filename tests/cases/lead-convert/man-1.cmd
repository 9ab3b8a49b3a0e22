cd "$ROOT" || exit 1
lead-convert --by channel --window 90 examples/leads.csv | cut -d, -f1,2,6,11-13
