lead-convert salesforce-leads.csv
