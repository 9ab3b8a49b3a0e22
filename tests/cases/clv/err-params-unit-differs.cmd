clv --predict --horizon 39 --params params-weeks.csv lifetimes-customer.csv
