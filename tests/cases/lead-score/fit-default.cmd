lead-score --fit logit --factor channel --stages lead,customer crm.csv
