clv --predict --fit bgnbd,paretonbd --horizon 5 --col customer=ID ../../data/clv/cdnow_customers_summary.csv
