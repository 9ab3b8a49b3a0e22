clv --predict --horizon 5 --params params-two-models.csv four.csv
