clv --predict --horizon 5 --params params-gg.csv four.csv
