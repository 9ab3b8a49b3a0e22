clv --model bgbb bgbb-narrow.csv bgbb-zero-weights.csv
