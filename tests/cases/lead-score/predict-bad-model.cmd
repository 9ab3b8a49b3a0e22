lead-score --predict model-bad.csv crm.csv
