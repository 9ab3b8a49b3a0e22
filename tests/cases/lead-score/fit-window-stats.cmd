lead-score --fit logit --factor channel --window 30 --asof 2024-03-31T00:00:00Z --stages lead,customer --fit-stats crm.csv
