lead-score --predict model-nointercept.csv crm.csv
