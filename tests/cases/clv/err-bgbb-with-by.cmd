clv --model bgbb --by channel bgbb-narrow.csv
