lead-score --predict model-header.csv crm.csv
