lead-score --fit=logit --factor channel --stages lead,customer --fit-stats crm.csv
