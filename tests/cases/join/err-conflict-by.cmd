lead-convert --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --by origin --join closed_deals.csv --join origin.csv marketing_qualified_leads.csv
