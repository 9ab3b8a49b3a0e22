clv --model bgbb --predict --horizon 2.5 --discount-rate 0.1 bgbb-narrow.csv
