clv --model bgbb bgbb-frac.csv
