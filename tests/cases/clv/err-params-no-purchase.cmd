clv --predict --horizon 5 --params params-gg-only.csv four.csv
