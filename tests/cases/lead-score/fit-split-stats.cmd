lead-score --fit logit --factor channel --window 30 --asof 2024-03-31T00:00:00Z --stages lead,customer --split-at 2024-01-13 --fit-stats crm.csv
