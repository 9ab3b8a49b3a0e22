clv --predict --horizon 8 --unit weeks --params params-gg.csv orders.csv
