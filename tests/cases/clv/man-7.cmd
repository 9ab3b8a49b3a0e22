cd "$ROOT" || exit 1
clv --model bgbb tests/data/clv/donations.csv
