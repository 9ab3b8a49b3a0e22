clv --predict --horizon 39 --params params-short.csv lifetimes-customer.csv
