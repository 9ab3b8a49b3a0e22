lead-convert --stage-col stage --join closed_deals.csv marketing_qualified_leads.csv
