clv --model bgbb bgbb-empty.csv
