clv --predict --horizon 39 --params params-neg.csv lifetimes-customer.csv
