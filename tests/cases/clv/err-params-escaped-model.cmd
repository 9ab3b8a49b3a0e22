clv --predict --horizon 10 --params params-newline-model.csv lifetimes-customer.csv
