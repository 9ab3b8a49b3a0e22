clv --model bgnbd bgbb-narrow.csv
