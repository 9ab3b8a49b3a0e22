clv --predict --horizon 39 --params params-badunit.csv --unit weeks lifetimes-customer.csv
