clv --model bgbb --predict --discount-rate 0.1 bgbb-narrow.csv
