clv --model bgbb bgbb-no-repeat.csv
