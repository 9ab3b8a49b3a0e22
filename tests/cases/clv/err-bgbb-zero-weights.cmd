clv --model bgbb bgbb-zero-weights.csv
