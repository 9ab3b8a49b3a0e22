clv --model bgbb --predict --horizon 3 --discount-rate 0 bgbb-narrow.csv
