clv --predict --horizon 52 --unit weeks --params cdnow-bgnbd.csv four.csv
