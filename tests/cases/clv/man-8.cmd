cd "$ROOT" || exit 1
clv --model bgbb --predict --horizon 5 --discount-rate 0.1 tests/data/clv/donations.csv
