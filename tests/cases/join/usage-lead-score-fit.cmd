lead-score --stages lead,customer --col id=mql_id --col created=first_contact_date --col customer=won_date --fit logit --x landing_page_id --join closed_deals.csv marketing_qualified_leads.csv
