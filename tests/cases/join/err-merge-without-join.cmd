lead-convert --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --by business_segment --merge parts.csv
