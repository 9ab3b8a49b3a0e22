clv --model bgbb bgbb-recency-long.csv
