lead-convert --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --merge --no-dedup --join closed_deals.csv parts.csv
