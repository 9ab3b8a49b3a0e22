clv --model bgbb --horizon 3 bgbb-narrow.csv
