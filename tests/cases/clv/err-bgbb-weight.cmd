clv --model bgbb bgbb-weight.csv
