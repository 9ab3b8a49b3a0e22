cd "$ROOT" || exit 1
pipeline --period quarter examples/leads.csv | cut -d, -f1,2,5,12,13,15
