cd "$ROOT" || exit 1
lead-convert --stages lead,customer --col id=mql_id \
    --col created=first_contact_date --col customer=won_date --by origin \
    --join tests/cases/join/closed_deals.csv \
    tests/cases/join/marketing_qualified_leads.csv
