clv --predict --horizon 5 --params cdnow-bgnbd.csv four.csv huge-monetary.csv
