clv --model bgbb --col T=periods bgbb-narrow.csv
