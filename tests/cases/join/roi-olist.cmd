roi --spend join-spend.csv --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --by origin --total --join closed_deals.csv priced.csv
