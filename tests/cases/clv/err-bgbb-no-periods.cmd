clv --model bgbb bgbb-no-periods.csv
