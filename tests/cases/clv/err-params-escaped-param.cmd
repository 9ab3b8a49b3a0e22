clv --predict --horizon 10 --params params-control-param.csv lifetimes-customer.csv
