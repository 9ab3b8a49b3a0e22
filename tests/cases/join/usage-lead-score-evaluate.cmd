lead-score --evaluate score --outcome won --join closed_deals.csv marketing_qualified_leads.csv
