clv --model bgbb --fit bgnbd bgbb-narrow.csv
