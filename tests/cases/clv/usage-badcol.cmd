clv --summary --col spend=amount orders.csv
