clv --predict --fit ggamma --horizon 5 --col customer=ID --col frequency=x --col recency=t_x --col monetary_value=zbar ../../data/clv/cdnow_customers_summary_with_transactions.csv
