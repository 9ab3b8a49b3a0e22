clv --predict --horizon 10 --unit weeks --params params-q-below-1.csv huge-monetary.csv
