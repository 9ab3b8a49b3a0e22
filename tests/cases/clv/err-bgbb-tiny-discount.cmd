clv --model bgbb --predict --horizon 1 --discount-rate 1e-300 bgbb-narrow.csv
