clv --model bgbb --unit weeks bgbb-narrow.csv
