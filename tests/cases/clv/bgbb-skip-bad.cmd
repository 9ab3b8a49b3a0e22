clv --model bgbb --skip-bad bgbb-one-bad.csv
