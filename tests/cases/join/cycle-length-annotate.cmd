cycle-length --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --annotate --join deals.csv mql.csv
