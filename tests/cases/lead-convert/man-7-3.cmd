cd "$ROOT" || exit 1
lead-convert -d ';' --date-format '%m/%d/%Y' tests/cases/lead-convert/us.csv
