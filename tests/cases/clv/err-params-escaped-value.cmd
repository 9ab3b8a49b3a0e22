clv --predict --horizon 10 --params params-newline-value.csv lifetimes-customer.csv
