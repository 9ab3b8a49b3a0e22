cycle-length --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --join backdeal.csv marketing_qualified_leads.csv --skip-bad
