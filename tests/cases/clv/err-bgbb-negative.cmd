clv --model bgbb bgbb-negative.csv
