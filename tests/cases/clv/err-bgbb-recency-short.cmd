clv --model bgbb bgbb-recency-short.csv
