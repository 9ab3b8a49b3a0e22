clv --predict --horizon 10 --unit weeks --params params-gg.csv huge-monetary.csv
