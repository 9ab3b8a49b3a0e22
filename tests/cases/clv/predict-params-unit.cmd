clv --predict --horizon 39 --params params-weeks.csv --unit weeks lifetimes-customer.csv
