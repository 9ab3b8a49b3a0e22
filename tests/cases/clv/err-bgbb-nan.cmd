clv --model bgbb bgbb-nan.csv
