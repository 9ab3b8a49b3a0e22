lead-score --predict model.csv --rules rules.csv crm.csv
