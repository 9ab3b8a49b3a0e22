clv --model bgbb --predict --horizon 3 bgbb-narrow.csv
