lead-convert --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --join closed_deals.csv conflict-main.csv
