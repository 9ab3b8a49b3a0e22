clv --predict --horizon 39 --unit weeks --params cdnow-bgnbd.csv lifetimes-customer.csv
