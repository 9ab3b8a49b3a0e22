lead-convert --preset salesforce-leads salesforce-leads.csv
