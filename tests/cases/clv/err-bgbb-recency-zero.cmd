clv --model bgbb bgbb-recency-zero.csv
